from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.tmf_688_topic_create_event_payload import Tmf688TopicCreateEventPayload





T = TypeVar("T", bound="Tmf688TopicCreateEvent")



@_attrs_define
class Tmf688TopicCreateEvent:
    """ The notification data structure

        Attributes:
            correlation_id (str | Unset): The correlation id for this event.
            description (str | Unset): An explnatory of the event.
            domain (str | Unset): The domain of the event.
            event (Tmf688TopicCreateEventPayload | Unset): The event data structure
            event_id (str | Unset): The identifier of the notification.
            event_time (datetime.datetime | Unset): Time of the event occurrence.
            event_type (str | Unset): The type of the notification.
            href (str | Unset): Reference of the ProcessFlow
            id (str | Unset): Identifier of the Process flow
            priority (str | Unset): A priority.
            time_ocurred (datetime.datetime | Unset): The time the event occured.
            title (str | Unset): The title of the event.
     """

    correlation_id: str | Unset = UNSET
    description: str | Unset = UNSET
    domain: str | Unset = UNSET
    event: Tmf688TopicCreateEventPayload | Unset = UNSET
    event_id: str | Unset = UNSET
    event_time: datetime.datetime | Unset = UNSET
    event_type: str | Unset = UNSET
    href: str | Unset = UNSET
    id: str | Unset = UNSET
    priority: str | Unset = UNSET
    time_ocurred: datetime.datetime | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tmf_688_topic_create_event_payload import Tmf688TopicCreateEventPayload # noqa: PLC0415
        correlation_id = self.correlation_id

        description = self.description

        domain = self.domain

        event: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.to_dict()

        event_id = self.event_id

        event_time: str | Unset = UNSET
        if not isinstance(self.event_time, Unset):
            event_time = self.event_time.isoformat()

        event_type = self.event_type

        href = self.href

        id = self.id

        priority = self.priority

        time_ocurred: str | Unset = UNSET
        if not isinstance(self.time_ocurred, Unset):
            time_ocurred = self.time_ocurred.isoformat()

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if correlation_id is not UNSET:
            field_dict["correlationId"] = correlation_id
        if description is not UNSET:
            field_dict["description"] = description
        if domain is not UNSET:
            field_dict["domain"] = domain
        if event is not UNSET:
            field_dict["event"] = event
        if event_id is not UNSET:
            field_dict["eventId"] = event_id
        if event_time is not UNSET:
            field_dict["eventTime"] = event_time
        if event_type is not UNSET:
            field_dict["eventType"] = event_type
        if href is not UNSET:
            field_dict["href"] = href
        if id is not UNSET:
            field_dict["id"] = id
        if priority is not UNSET:
            field_dict["priority"] = priority
        if time_ocurred is not UNSET:
            field_dict["timeOcurred"] = time_ocurred
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tmf_688_topic_create_event_payload import Tmf688TopicCreateEventPayload # noqa: PLC0415
        d = dict(src_dict)
        correlation_id = d.pop("correlationId", UNSET)

        description = d.pop("description", UNSET)

        domain = d.pop("domain", UNSET)

        _event = d.pop("event", UNSET)
        event: Tmf688TopicCreateEventPayload | Unset
        if isinstance(_event,  Unset):
            event = UNSET
        else:
            event = Tmf688TopicCreateEventPayload.from_dict(_event)




        event_id = d.pop("eventId", UNSET)

        _event_time = d.pop("eventTime", UNSET)
        event_time: datetime.datetime | Unset
        if isinstance(_event_time,  Unset):
            event_time = UNSET
        else:
            event_time = datetime.datetime.fromisoformat(_event_time)




        event_type = d.pop("eventType", UNSET)

        href = d.pop("href", UNSET)

        id = d.pop("id", UNSET)

        priority = d.pop("priority", UNSET)

        _time_ocurred = d.pop("timeOcurred", UNSET)
        time_ocurred: datetime.datetime | Unset
        if isinstance(_time_ocurred,  Unset):
            time_ocurred = UNSET
        else:
            time_ocurred = datetime.datetime.fromisoformat(_time_ocurred)




        title = d.pop("title", UNSET)

        tmf_688_topic_create_event = cls(
            correlation_id=correlation_id,
            description=description,
            domain=domain,
            event=event,
            event_id=event_id,
            event_time=event_time,
            event_type=event_type,
            href=href,
            id=id,
            priority=priority,
            time_ocurred=time_ocurred,
            title=title,
        )


        tmf_688_topic_create_event.additional_properties = d
        return tmf_688_topic_create_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
