from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_alarm_definition_dto_alarm_additional_fields_type_0 import V1AlarmDefinitionDtoAlarmAdditionalFieldsType0





T = TypeVar("T", bound="V1AlarmDefinitionDto")



@_attrs_define
class V1AlarmDefinitionDto:
    """ 
        Attributes:
            alarm_additional_fields (None | Unset | V1AlarmDefinitionDtoAlarmAdditionalFieldsType0): List of metadata key-
                value pairs used to associate meaningful metadata to the related resource type. netweave: key-value pairs,
                `null` when the definition has none (as INF returns).
            alarm_change_type (str | Unset): Indicates the type of change that occurred during the alarm last change; added,
                deleted, modified. Example: ADDED.
            alarm_definition_id (str | Unset): Provides a unique identifier of the alarm being raised. Example:
                eaefa070-7cb6-3403-be46-177bd9ccc2d3.
            alarm_description (str | Unset): Provides a longer descriptive meaning of the alarm condition and a description
                of the consequences of the alarm condition. Example: host=<hostname>.filesystem=<mount-dir>
                    File System threshold exceeded; threshold x%, actual y% .
                        CRITICAL @ 90%
                        MAJOR    @ 80%
                OR
                host=<hostname>.volumegroup=<volumegroup-name>
                    Monitor and if condition persists, consider addin ....
            alarm_last_change (str | Unset): Indicates the Alarm Dictionary Version in which this alarm last changed.
                Example: 0.1.
            alarm_name (str | Unset): Provides short name for the alarm. Example: 100.104.
            clearing_type (str | Unset): Identifies whether alarm is cleared automatically or manually. Example: MANUAL.
            management_interface_id (list[str] | Unset): List of management interface over which alarms are transmitted for
                this Entity Type. netweave: a list: INF's own `alarm_dictionary` model returns a JSON array, as the O-RAN spec
                types it.
            pk_notification_field (list[str] | Unset): Identifies which field or list of fields in the alarm notification
                contains the primary key (PK) into the Alarm Dictionary for this interface; i.e. which field contains the Alarm
                Definition ID. netweave: a list: INF's own `alarm_dictionary` model returns a JSON array, as the O-RAN spec
                types it.
            proposed_repair_actions (str | Unset): Provides guidance for proposed repair actions. Example: Reduce usage or
                resize filesystem..
     """

    alarm_additional_fields: None | Unset | V1AlarmDefinitionDtoAlarmAdditionalFieldsType0 = UNSET
    alarm_change_type: str | Unset = UNSET
    alarm_definition_id: str | Unset = UNSET
    alarm_description: str | Unset = UNSET
    alarm_last_change: str | Unset = UNSET
    alarm_name: str | Unset = UNSET
    clearing_type: str | Unset = UNSET
    management_interface_id: list[str] | Unset = UNSET
    pk_notification_field: list[str] | Unset = UNSET
    proposed_repair_actions: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_alarm_definition_dto_alarm_additional_fields_type_0 import V1AlarmDefinitionDtoAlarmAdditionalFieldsType0 # noqa: PLC0415
        alarm_additional_fields: dict[str, Any] | None | Unset
        if isinstance(self.alarm_additional_fields, Unset):
            alarm_additional_fields = UNSET
        elif isinstance(self.alarm_additional_fields, V1AlarmDefinitionDtoAlarmAdditionalFieldsType0):
            alarm_additional_fields = self.alarm_additional_fields.to_dict()
        else:
            alarm_additional_fields = self.alarm_additional_fields

        alarm_change_type = self.alarm_change_type

        alarm_definition_id = self.alarm_definition_id

        alarm_description = self.alarm_description

        alarm_last_change = self.alarm_last_change

        alarm_name = self.alarm_name

        clearing_type = self.clearing_type

        management_interface_id: list[str] | Unset = UNSET
        if not isinstance(self.management_interface_id, Unset):
            management_interface_id = self.management_interface_id



        pk_notification_field: list[str] | Unset = UNSET
        if not isinstance(self.pk_notification_field, Unset):
            pk_notification_field = self.pk_notification_field



        proposed_repair_actions = self.proposed_repair_actions


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if alarm_additional_fields is not UNSET:
            field_dict["alarmAdditionalFields"] = alarm_additional_fields
        if alarm_change_type is not UNSET:
            field_dict["alarmChangeType"] = alarm_change_type
        if alarm_definition_id is not UNSET:
            field_dict["alarmDefinitionId"] = alarm_definition_id
        if alarm_description is not UNSET:
            field_dict["alarmDescription"] = alarm_description
        if alarm_last_change is not UNSET:
            field_dict["alarmLastChange"] = alarm_last_change
        if alarm_name is not UNSET:
            field_dict["alarmName"] = alarm_name
        if clearing_type is not UNSET:
            field_dict["clearingType"] = clearing_type
        if management_interface_id is not UNSET:
            field_dict["managementInterfaceId"] = management_interface_id
        if pk_notification_field is not UNSET:
            field_dict["pkNotificationField"] = pk_notification_field
        if proposed_repair_actions is not UNSET:
            field_dict["proposedRepairActions"] = proposed_repair_actions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_alarm_definition_dto_alarm_additional_fields_type_0 import V1AlarmDefinitionDtoAlarmAdditionalFieldsType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_alarm_additional_fields(data: object) -> None | Unset | V1AlarmDefinitionDtoAlarmAdditionalFieldsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                alarm_additional_fields_type_0 = V1AlarmDefinitionDtoAlarmAdditionalFieldsType0.from_dict(data)



                return alarm_additional_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V1AlarmDefinitionDtoAlarmAdditionalFieldsType0, data)

        alarm_additional_fields = _parse_alarm_additional_fields(d.pop("alarmAdditionalFields", UNSET))


        alarm_change_type = d.pop("alarmChangeType", UNSET)

        alarm_definition_id = d.pop("alarmDefinitionId", UNSET)

        alarm_description = d.pop("alarmDescription", UNSET)

        alarm_last_change = d.pop("alarmLastChange", UNSET)

        alarm_name = d.pop("alarmName", UNSET)

        clearing_type = d.pop("clearingType", UNSET)

        management_interface_id = cast(list[str], d.pop("managementInterfaceId", UNSET))


        pk_notification_field = cast(list[str], d.pop("pkNotificationField", UNSET))


        proposed_repair_actions = d.pop("proposedRepairActions", UNSET)

        v1_alarm_definition_dto = cls(
            alarm_additional_fields=alarm_additional_fields,
            alarm_change_type=alarm_change_type,
            alarm_definition_id=alarm_definition_id,
            alarm_description=alarm_description,
            alarm_last_change=alarm_last_change,
            alarm_name=alarm_name,
            clearing_type=clearing_type,
            management_interface_id=management_interface_id,
            pk_notification_field=pk_notification_field,
            proposed_repair_actions=proposed_repair_actions,
        )


        v1_alarm_definition_dto.additional_properties = d
        return v1_alarm_definition_dto

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
