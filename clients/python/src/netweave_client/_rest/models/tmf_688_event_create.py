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
  from ..models.tmf_688_characteristic import Tmf688Characteristic
  from ..models.tmf_688_entity_ref import Tmf688EntityRef
  from ..models.tmf_688_related_party import Tmf688RelatedParty





T = TypeVar("T", bound="Tmf688EventCreate")



@_attrs_define
class Tmf688EventCreate:
    """ event with common attributes.
    Skipped properties: id,href

        Attributes:
            base_type (str | Unset): When sub-classing, this defines the super-class
            schema_location (str | Unset): A URI to a JSON-Schema file that defines additional attributes and relationships
            type_ (str | Unset): When sub-classing, this defines the sub-class entity name
            analytic_characteristic (list[Tmf688Characteristic] | Unset):
            correlation_id (str | Unset): The correlation id for this event.
            description (str | Unset): An explnatory of the event.
            domain (str | Unset): The domain of the event.
            event (Any | Unset):
            event_id (str | Unset): The identifier of the notification.
            event_time (datetime.datetime | Unset): Time of the event occurrence.
            event_type (str | Unset): The type of the notification.
            priority (str | Unset): A priority.
            related_party (list[Tmf688RelatedParty] | Unset):
            reporting_system (Tmf688EntityRef | Unset): Entity reference schema to be use for all entityRef class.
            source (Tmf688EntityRef | Unset): Entity reference schema to be use for all entityRef class.
            time_ocurred (datetime.datetime | Unset): The time the event occured.
            title (str | Unset): The title of the event.
     """

    base_type: str | Unset = UNSET
    schema_location: str | Unset = UNSET
    type_: str | Unset = UNSET
    analytic_characteristic: list[Tmf688Characteristic] | Unset = UNSET
    correlation_id: str | Unset = UNSET
    description: str | Unset = UNSET
    domain: str | Unset = UNSET
    event: Any | Unset = UNSET
    event_id: str | Unset = UNSET
    event_time: datetime.datetime | Unset = UNSET
    event_type: str | Unset = UNSET
    priority: str | Unset = UNSET
    related_party: list[Tmf688RelatedParty] | Unset = UNSET
    reporting_system: Tmf688EntityRef | Unset = UNSET
    source: Tmf688EntityRef | Unset = UNSET
    time_ocurred: datetime.datetime | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tmf_688_characteristic import Tmf688Characteristic # noqa: PLC0415
        from ..models.tmf_688_entity_ref import Tmf688EntityRef # noqa: PLC0415
        from ..models.tmf_688_related_party import Tmf688RelatedParty # noqa: PLC0415
        base_type = self.base_type

        schema_location = self.schema_location

        type_ = self.type_

        analytic_characteristic: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.analytic_characteristic, Unset):
            analytic_characteristic = []
            for analytic_characteristic_item_data in self.analytic_characteristic:
                analytic_characteristic_item = analytic_characteristic_item_data.to_dict()
                analytic_characteristic.append(analytic_characteristic_item)



        correlation_id = self.correlation_id

        description = self.description

        domain = self.domain

        event = self.event

        event_id = self.event_id

        event_time: str | Unset = UNSET
        if not isinstance(self.event_time, Unset):
            event_time = self.event_time.isoformat()

        event_type = self.event_type

        priority = self.priority

        related_party: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.related_party, Unset):
            related_party = []
            for related_party_item_data in self.related_party:
                related_party_item = related_party_item_data.to_dict()
                related_party.append(related_party_item)



        reporting_system: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reporting_system, Unset):
            reporting_system = self.reporting_system.to_dict()

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        time_ocurred: str | Unset = UNSET
        if not isinstance(self.time_ocurred, Unset):
            time_ocurred = self.time_ocurred.isoformat()

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if base_type is not UNSET:
            field_dict["@baseType"] = base_type
        if schema_location is not UNSET:
            field_dict["@schemaLocation"] = schema_location
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if analytic_characteristic is not UNSET:
            field_dict["analyticCharacteristic"] = analytic_characteristic
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
        if priority is not UNSET:
            field_dict["priority"] = priority
        if related_party is not UNSET:
            field_dict["relatedParty"] = related_party
        if reporting_system is not UNSET:
            field_dict["reportingSystem"] = reporting_system
        if source is not UNSET:
            field_dict["source"] = source
        if time_ocurred is not UNSET:
            field_dict["timeOcurred"] = time_ocurred
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tmf_688_characteristic import Tmf688Characteristic # noqa: PLC0415
        from ..models.tmf_688_entity_ref import Tmf688EntityRef # noqa: PLC0415
        from ..models.tmf_688_related_party import Tmf688RelatedParty # noqa: PLC0415
        d = dict(src_dict)
        base_type = d.pop("@baseType", UNSET)

        schema_location = d.pop("@schemaLocation", UNSET)

        type_ = d.pop("@type", UNSET)

        _analytic_characteristic = d.pop("analyticCharacteristic", UNSET)
        analytic_characteristic: list[Tmf688Characteristic] | Unset = UNSET
        if _analytic_characteristic is not UNSET:
            analytic_characteristic = []
            for analytic_characteristic_item_data in _analytic_characteristic:
                analytic_characteristic_item = Tmf688Characteristic.from_dict(analytic_characteristic_item_data)



                analytic_characteristic.append(analytic_characteristic_item)


        correlation_id = d.pop("correlationId", UNSET)

        description = d.pop("description", UNSET)

        domain = d.pop("domain", UNSET)

        event = d.pop("event", UNSET)

        event_id = d.pop("eventId", UNSET)

        _event_time = d.pop("eventTime", UNSET)
        event_time: datetime.datetime | Unset
        if isinstance(_event_time,  Unset):
            event_time = UNSET
        else:
            event_time = datetime.datetime.fromisoformat(_event_time)




        event_type = d.pop("eventType", UNSET)

        priority = d.pop("priority", UNSET)

        _related_party = d.pop("relatedParty", UNSET)
        related_party: list[Tmf688RelatedParty] | Unset = UNSET
        if _related_party is not UNSET:
            related_party = []
            for related_party_item_data in _related_party:
                related_party_item = Tmf688RelatedParty.from_dict(related_party_item_data)



                related_party.append(related_party_item)


        _reporting_system = d.pop("reportingSystem", UNSET)
        reporting_system: Tmf688EntityRef | Unset
        if isinstance(_reporting_system,  Unset):
            reporting_system = UNSET
        else:
            reporting_system = Tmf688EntityRef.from_dict(_reporting_system)




        _source = d.pop("source", UNSET)
        source: Tmf688EntityRef | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = Tmf688EntityRef.from_dict(_source)




        _time_ocurred = d.pop("timeOcurred", UNSET)
        time_ocurred: datetime.datetime | Unset
        if isinstance(_time_ocurred,  Unset):
            time_ocurred = UNSET
        else:
            time_ocurred = datetime.datetime.fromisoformat(_time_ocurred)




        title = d.pop("title", UNSET)

        tmf_688_event_create = cls(
            base_type=base_type,
            schema_location=schema_location,
            type_=type_,
            analytic_characteristic=analytic_characteristic,
            correlation_id=correlation_id,
            description=description,
            domain=domain,
            event=event,
            event_id=event_id,
            event_time=event_time,
            event_type=event_type,
            priority=priority,
            related_party=related_party,
            reporting_system=reporting_system,
            source=source,
            time_ocurred=time_ocurred,
            title=title,
        )


        tmf_688_event_create.additional_properties = d
        return tmf_688_event_create

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
