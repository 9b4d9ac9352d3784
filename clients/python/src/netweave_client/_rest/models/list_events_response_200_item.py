from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.list_events_response_200_item_metadata import ListEventsResponse200ItemMetadata
  from ..models.list_events_response_200_item_post_object_state import ListEventsResponse200ItemPostObjectState
  from ..models.list_events_response_200_item_prior_object_state import ListEventsResponse200ItemPriorObjectState
  from ..models.list_events_response_200_item_source import ListEventsResponse200ItemSource





T = TypeVar("T", bound="ListEventsResponse200Item")



@_attrs_define
class ListEventsResponse200Item:
    """ 
        Attributes:
            cursor (int): Stream position; resume after it.
            event_id (UUID):
            event_type (str): o2ims.<ObjectKind>.<Created|Updated|Deleted>
            object_id (str):
            object_kind (str):
            object_ref (str): The object's REST path.
            occurred_at (datetime.datetime):
            published_at (datetime.datetime):
            source (ListEventsResponse200ItemSource):
            metadata (ListEventsResponse200ItemMetadata | Unset):
            post_object_state (ListEventsResponse200ItemPostObjectState | Unset): Absent on deletion.
            prior_object_state (ListEventsResponse200ItemPriorObjectState | Unset): Absent on creation.
     """

    cursor: int
    event_id: UUID
    event_type: str
    object_id: str
    object_kind: str
    object_ref: str
    occurred_at: datetime.datetime
    published_at: datetime.datetime
    source: ListEventsResponse200ItemSource
    metadata: ListEventsResponse200ItemMetadata | Unset = UNSET
    post_object_state: ListEventsResponse200ItemPostObjectState | Unset = UNSET
    prior_object_state: ListEventsResponse200ItemPriorObjectState | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.list_events_response_200_item_metadata import ListEventsResponse200ItemMetadata # noqa: PLC0415
        from ..models.list_events_response_200_item_post_object_state import ListEventsResponse200ItemPostObjectState # noqa: PLC0415
        from ..models.list_events_response_200_item_prior_object_state import ListEventsResponse200ItemPriorObjectState # noqa: PLC0415
        from ..models.list_events_response_200_item_source import ListEventsResponse200ItemSource # noqa: PLC0415
        cursor = self.cursor

        event_id = str(self.event_id)

        event_type = self.event_type

        object_id = self.object_id

        object_kind = self.object_kind

        object_ref = self.object_ref

        occurred_at = self.occurred_at.isoformat()

        published_at = self.published_at.isoformat()

        source = self.source.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        post_object_state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.post_object_state, Unset):
            post_object_state = self.post_object_state.to_dict()

        prior_object_state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prior_object_state, Unset):
            prior_object_state = self.prior_object_state.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cursor": cursor,
            "eventId": event_id,
            "eventType": event_type,
            "objectId": object_id,
            "objectKind": object_kind,
            "objectRef": object_ref,
            "occurredAt": occurred_at,
            "publishedAt": published_at,
            "source": source,
        })
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if post_object_state is not UNSET:
            field_dict["postObjectState"] = post_object_state
        if prior_object_state is not UNSET:
            field_dict["priorObjectState"] = prior_object_state

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_events_response_200_item_metadata import ListEventsResponse200ItemMetadata # noqa: PLC0415
        from ..models.list_events_response_200_item_post_object_state import ListEventsResponse200ItemPostObjectState # noqa: PLC0415
        from ..models.list_events_response_200_item_prior_object_state import ListEventsResponse200ItemPriorObjectState # noqa: PLC0415
        from ..models.list_events_response_200_item_source import ListEventsResponse200ItemSource # noqa: PLC0415
        d = dict(src_dict)
        cursor = d.pop("cursor")

        event_id = UUID(d.pop("eventId"))




        event_type = d.pop("eventType")

        object_id = d.pop("objectId")

        object_kind = d.pop("objectKind")

        object_ref = d.pop("objectRef")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurredAt"))




        published_at = datetime.datetime.fromisoformat(d.pop("publishedAt"))




        source = ListEventsResponse200ItemSource.from_dict(d.pop("source"))




        _metadata = d.pop("metadata", UNSET)
        metadata: ListEventsResponse200ItemMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = ListEventsResponse200ItemMetadata.from_dict(_metadata)




        _post_object_state = d.pop("postObjectState", UNSET)
        post_object_state: ListEventsResponse200ItemPostObjectState | Unset
        if isinstance(_post_object_state,  Unset):
            post_object_state = UNSET
        else:
            post_object_state = ListEventsResponse200ItemPostObjectState.from_dict(_post_object_state)




        _prior_object_state = d.pop("priorObjectState", UNSET)
        prior_object_state: ListEventsResponse200ItemPriorObjectState | Unset
        if isinstance(_prior_object_state,  Unset):
            prior_object_state = UNSET
        else:
            prior_object_state = ListEventsResponse200ItemPriorObjectState.from_dict(_prior_object_state)




        list_events_response_200_item = cls(
            cursor=cursor,
            event_id=event_id,
            event_type=event_type,
            object_id=object_id,
            object_kind=object_kind,
            object_ref=object_ref,
            occurred_at=occurred_at,
            published_at=published_at,
            source=source,
            metadata=metadata,
            post_object_state=post_object_state,
            prior_object_state=prior_object_state,
        )


        list_events_response_200_item.additional_properties = d
        return list_events_response_200_item

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
