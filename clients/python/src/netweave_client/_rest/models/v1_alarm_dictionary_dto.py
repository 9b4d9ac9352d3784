from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_alarm_definition_dto import V1AlarmDefinitionDto





T = TypeVar("T", bound="V1AlarmDictionaryDto")



@_attrs_define
class V1AlarmDictionaryDto:
    """ 
        Attributes:
            alarm_definition (list[V1AlarmDefinitionDto] | Unset): Contains the list of alarms that can be detected against
                this ResourceType.
            alarm_dictionary_schema_version (str | Unset): Version of the Alarm Dictionary Schema to which this alarm
                dictionary conforms. Example: 0.1.
            alarm_dictionary_version (str | Unset): Version of the Alarm Dictionary. Example: 0.1.
            entity_type (str | Unset): O-RAN entity type emitting the alarm: This shall be unique per vendor
                ResourceType.model and ResourceType.version Example: pserver.
            id (str | Unset): Identifier for the Alarm Dictionary. Example: 7e1e59c3-c99e-3d1c-9934-21548a3a699a.
            management_interface_id (list[str] | Unset): List of management interface over which alarms are transmitted for
                this Entity Type. netweave: a list: INF's own `alarm_dictionary` model returns a JSON array, as the O-RAN spec
                types it.
            pk_notification_field (list[str] | Unset): Identifies which field or list of fields in the alarm notification
                contains the primary key (PK) into the Alarm Dictionary for this interface; i.e. which field contains the Alarm
                Definition ID. netweave: a list: INF's own `alarm_dictionary` model returns a JSON array, as the O-RAN spec
                types it.
            vendor (str | Unset): Vendor of the Entity Type to whom this Alarm Dictionary applies. This should be the same
                value as in the ResourceType.vendor attribute.
     """

    alarm_definition: list[V1AlarmDefinitionDto] | Unset = UNSET
    alarm_dictionary_schema_version: str | Unset = UNSET
    alarm_dictionary_version: str | Unset = UNSET
    entity_type: str | Unset = UNSET
    id: str | Unset = UNSET
    management_interface_id: list[str] | Unset = UNSET
    pk_notification_field: list[str] | Unset = UNSET
    vendor: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_alarm_definition_dto import V1AlarmDefinitionDto # noqa: PLC0415
        alarm_definition: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alarm_definition, Unset):
            alarm_definition = []
            for alarm_definition_item_data in self.alarm_definition:
                alarm_definition_item = alarm_definition_item_data.to_dict()
                alarm_definition.append(alarm_definition_item)



        alarm_dictionary_schema_version = self.alarm_dictionary_schema_version

        alarm_dictionary_version = self.alarm_dictionary_version

        entity_type = self.entity_type

        id = self.id

        management_interface_id: list[str] | Unset = UNSET
        if not isinstance(self.management_interface_id, Unset):
            management_interface_id = self.management_interface_id



        pk_notification_field: list[str] | Unset = UNSET
        if not isinstance(self.pk_notification_field, Unset):
            pk_notification_field = self.pk_notification_field



        vendor = self.vendor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if alarm_definition is not UNSET:
            field_dict["alarmDefinition"] = alarm_definition
        if alarm_dictionary_schema_version is not UNSET:
            field_dict["alarmDictionarySchemaVersion"] = alarm_dictionary_schema_version
        if alarm_dictionary_version is not UNSET:
            field_dict["alarmDictionaryVersion"] = alarm_dictionary_version
        if entity_type is not UNSET:
            field_dict["entityType"] = entity_type
        if id is not UNSET:
            field_dict["id"] = id
        if management_interface_id is not UNSET:
            field_dict["managementInterfaceId"] = management_interface_id
        if pk_notification_field is not UNSET:
            field_dict["pkNotificationField"] = pk_notification_field
        if vendor is not UNSET:
            field_dict["vendor"] = vendor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_alarm_definition_dto import V1AlarmDefinitionDto # noqa: PLC0415
        d = dict(src_dict)
        _alarm_definition = d.pop("alarmDefinition", UNSET)
        alarm_definition: list[V1AlarmDefinitionDto] | Unset = UNSET
        if _alarm_definition is not UNSET:
            alarm_definition = []
            for alarm_definition_item_data in _alarm_definition:
                alarm_definition_item = V1AlarmDefinitionDto.from_dict(alarm_definition_item_data)



                alarm_definition.append(alarm_definition_item)


        alarm_dictionary_schema_version = d.pop("alarmDictionarySchemaVersion", UNSET)

        alarm_dictionary_version = d.pop("alarmDictionaryVersion", UNSET)

        entity_type = d.pop("entityType", UNSET)

        id = d.pop("id", UNSET)

        management_interface_id = cast(list[str], d.pop("managementInterfaceId", UNSET))


        pk_notification_field = cast(list[str], d.pop("pkNotificationField", UNSET))


        vendor = d.pop("vendor", UNSET)

        v1_alarm_dictionary_dto = cls(
            alarm_definition=alarm_definition,
            alarm_dictionary_schema_version=alarm_dictionary_schema_version,
            alarm_dictionary_version=alarm_dictionary_version,
            entity_type=entity_type,
            id=id,
            management_interface_id=management_interface_id,
            pk_notification_field=pk_notification_field,
            vendor=vendor,
        )


        v1_alarm_dictionary_dto.additional_properties = d
        return v1_alarm_dictionary_dto

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
