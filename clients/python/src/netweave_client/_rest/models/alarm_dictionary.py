from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alarm_dictionary_management_interface_id_item import AlarmDictionaryManagementInterfaceIdItem
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.alarm_definition import AlarmDefinition





T = TypeVar("T", bound="AlarmDictionary")



@_attrs_define
class AlarmDictionary:
    """ Information about an alarm dictionary.

        Attributes:
            alarm_definition (list[AlarmDefinition]):
            alarm_dictionary_id (UUID): The Identifier of the Alarm Dictionary. The Identifier is unique within an O-Cloud.
            alarm_dictionary_schema_version (str): Version of the Alarm Dictionary Schema to which this alarm dictionary
                conforms.
            alarm_dictionary_version (str): Version of the Alarm Dictionary. Version is vendor defined such that the version
                of the dictionary can be
                associated with a specific version of the software delivery of this product.
            entity_type (str): O-RAN entity type emitting the alarm: This shall be unique per vendor ResourceType.model and
                ResourceType.version
            management_interface_id (list[AlarmDictionaryManagementInterfaceIdItem]): List of management interface over
                which alarms are transmitted for this Entity Type.
                RESTRICTION: For the O-Cloud IMS Services this value is limited to O2IMS.
            pk_notification_field (list[str]): Identifies which field or list of fields in the alarm notification contains
                the primary key (PK) into the
                Alarm Dictionary for this interface; i.e. which field contains the Alarm Definition ID.
            vendor (str): Vendor of the Entity Type to whom this Alarm Dictionary applies. This should be the same value as
                in the
                ResourceType.vendor attribute
     """

    alarm_definition: list[AlarmDefinition]
    alarm_dictionary_id: UUID
    alarm_dictionary_schema_version: str
    alarm_dictionary_version: str
    entity_type: str
    management_interface_id: list[AlarmDictionaryManagementInterfaceIdItem]
    pk_notification_field: list[str]
    vendor: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alarm_definition import AlarmDefinition # noqa: PLC0415
        alarm_definition = []
        for alarm_definition_item_data in self.alarm_definition:
            alarm_definition_item = alarm_definition_item_data.to_dict()
            alarm_definition.append(alarm_definition_item)



        alarm_dictionary_id = str(self.alarm_dictionary_id)

        alarm_dictionary_schema_version = self.alarm_dictionary_schema_version

        alarm_dictionary_version = self.alarm_dictionary_version

        entity_type = self.entity_type

        management_interface_id = []
        for management_interface_id_item_data in self.management_interface_id:
            management_interface_id_item = management_interface_id_item_data.value
            management_interface_id.append(management_interface_id_item)



        pk_notification_field = self.pk_notification_field



        vendor = self.vendor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alarmDefinition": alarm_definition,
            "alarmDictionaryId": alarm_dictionary_id,
            "alarmDictionarySchemaVersion": alarm_dictionary_schema_version,
            "alarmDictionaryVersion": alarm_dictionary_version,
            "entityType": entity_type,
            "managementInterfaceId": management_interface_id,
            "pkNotificationField": pk_notification_field,
            "vendor": vendor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alarm_definition import AlarmDefinition # noqa: PLC0415
        d = dict(src_dict)
        alarm_definition = []
        _alarm_definition = d.pop("alarmDefinition")
        for alarm_definition_item_data in (_alarm_definition):
            alarm_definition_item = AlarmDefinition.from_dict(alarm_definition_item_data)



            alarm_definition.append(alarm_definition_item)


        alarm_dictionary_id = UUID(d.pop("alarmDictionaryId"))




        alarm_dictionary_schema_version = d.pop("alarmDictionarySchemaVersion")

        alarm_dictionary_version = d.pop("alarmDictionaryVersion")

        entity_type = d.pop("entityType")

        management_interface_id = []
        _management_interface_id = d.pop("managementInterfaceId")
        for management_interface_id_item_data in (_management_interface_id):
            management_interface_id_item = AlarmDictionaryManagementInterfaceIdItem(management_interface_id_item_data)



            management_interface_id.append(management_interface_id_item)


        pk_notification_field = cast(list[str], d.pop("pkNotificationField"))


        vendor = d.pop("vendor")

        alarm_dictionary = cls(
            alarm_definition=alarm_definition,
            alarm_dictionary_id=alarm_dictionary_id,
            alarm_dictionary_schema_version=alarm_dictionary_schema_version,
            alarm_dictionary_version=alarm_dictionary_version,
            entity_type=entity_type,
            management_interface_id=management_interface_id,
            pk_notification_field=pk_notification_field,
            vendor=vendor,
        )


        alarm_dictionary.additional_properties = d
        return alarm_dictionary

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
