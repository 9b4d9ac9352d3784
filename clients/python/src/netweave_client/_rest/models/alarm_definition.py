from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alarm_definition_alarm_change_type import AlarmDefinitionAlarmChangeType
from ..models.alarm_definition_clearing_type import AlarmDefinitionClearingType
from ..models.alarm_definition_management_interface_id_item import AlarmDefinitionManagementInterfaceIdItem
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.alarm_definition_alarm_additional_fields import AlarmDefinitionAlarmAdditionalFields





T = TypeVar("T", bound="AlarmDefinition")



@_attrs_define
class AlarmDefinition:
    """ Information about an alarm definition.

        Attributes:
            alarm_change_type (AlarmDefinitionAlarmChangeType): Indicates the type of change that occurred during the alarm
                last change; added, deleted, modified.
            alarm_definition_id (UUID): Provides a unique identifier of the alarm being raised. This is the Primary Key into
                the Alarm Dictionary
            alarm_description (str): Provides a longer descriptive meaning of the alarm condition and a description of the
                consequences of the
                alarm condition. This is intended to be read by an operator to give an idea of what happened and a sense of
                the effects, consequences, and other impacted areas of the system.
            alarm_last_change (str): Indicates the Alarm Dictionary Version in which this alarm last changed.
            alarm_name (str): Provides short name for the alarm
            clearing_type (AlarmDefinitionClearingType): Identifies whether alarm is cleared automatically or manually.
            management_interface_id (list[AlarmDefinitionManagementInterfaceIdItem]): List of management interface over
                which alarms are transmitted for this Entity Type.
                RESTRICTION: For the O-Cloud IMS Services this value is limited to O2IMS.
            pk_notification_field (list[str]): Identifies which field or list of fields in the alarm notification contains
                the primary key (PK) into the
                Alarm Dictionary for this interface; i.e. which field contains the Alarm Definition ID.
            proposed_repair_actions (str): Provides guidance for proposed repair actions.
            alarm_additional_fields (AlarmDefinitionAlarmAdditionalFields | Unset): List of metadata key-value pairs used to
                associate meaningful metadata to the related resource type.
     """

    alarm_change_type: AlarmDefinitionAlarmChangeType
    alarm_definition_id: UUID
    alarm_description: str
    alarm_last_change: str
    alarm_name: str
    clearing_type: AlarmDefinitionClearingType
    management_interface_id: list[AlarmDefinitionManagementInterfaceIdItem]
    pk_notification_field: list[str]
    proposed_repair_actions: str
    alarm_additional_fields: AlarmDefinitionAlarmAdditionalFields | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alarm_definition_alarm_additional_fields import AlarmDefinitionAlarmAdditionalFields # noqa: PLC0415
        alarm_change_type = self.alarm_change_type.value

        alarm_definition_id = str(self.alarm_definition_id)

        alarm_description = self.alarm_description

        alarm_last_change = self.alarm_last_change

        alarm_name = self.alarm_name

        clearing_type = self.clearing_type.value

        management_interface_id = []
        for management_interface_id_item_data in self.management_interface_id:
            management_interface_id_item = management_interface_id_item_data.value
            management_interface_id.append(management_interface_id_item)



        pk_notification_field = self.pk_notification_field



        proposed_repair_actions = self.proposed_repair_actions

        alarm_additional_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.alarm_additional_fields, Unset):
            alarm_additional_fields = self.alarm_additional_fields.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alarmChangeType": alarm_change_type,
            "alarmDefinitionId": alarm_definition_id,
            "alarmDescription": alarm_description,
            "alarmLastChange": alarm_last_change,
            "alarmName": alarm_name,
            "clearingType": clearing_type,
            "managementInterfaceId": management_interface_id,
            "pkNotificationField": pk_notification_field,
            "proposedRepairActions": proposed_repair_actions,
        })
        if alarm_additional_fields is not UNSET:
            field_dict["alarmAdditionalFields"] = alarm_additional_fields

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alarm_definition_alarm_additional_fields import AlarmDefinitionAlarmAdditionalFields # noqa: PLC0415
        d = dict(src_dict)
        alarm_change_type = AlarmDefinitionAlarmChangeType(d.pop("alarmChangeType"))




        alarm_definition_id = UUID(d.pop("alarmDefinitionId"))




        alarm_description = d.pop("alarmDescription")

        alarm_last_change = d.pop("alarmLastChange")

        alarm_name = d.pop("alarmName")

        clearing_type = AlarmDefinitionClearingType(d.pop("clearingType"))




        management_interface_id = []
        _management_interface_id = d.pop("managementInterfaceId")
        for management_interface_id_item_data in (_management_interface_id):
            management_interface_id_item = AlarmDefinitionManagementInterfaceIdItem(management_interface_id_item_data)



            management_interface_id.append(management_interface_id_item)


        pk_notification_field = cast(list[str], d.pop("pkNotificationField"))


        proposed_repair_actions = d.pop("proposedRepairActions")

        _alarm_additional_fields = d.pop("alarmAdditionalFields", UNSET)
        alarm_additional_fields: AlarmDefinitionAlarmAdditionalFields | Unset
        if isinstance(_alarm_additional_fields,  Unset):
            alarm_additional_fields = UNSET
        else:
            alarm_additional_fields = AlarmDefinitionAlarmAdditionalFields.from_dict(_alarm_additional_fields)




        alarm_definition = cls(
            alarm_change_type=alarm_change_type,
            alarm_definition_id=alarm_definition_id,
            alarm_description=alarm_description,
            alarm_last_change=alarm_last_change,
            alarm_name=alarm_name,
            clearing_type=clearing_type,
            management_interface_id=management_interface_id,
            pk_notification_field=pk_notification_field,
            proposed_repair_actions=proposed_repair_actions,
            alarm_additional_fields=alarm_additional_fields,
        )


        alarm_definition.additional_properties = d
        return alarm_definition

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
