from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_alarm_get_dto_extensions import V1AlarmGetDtoExtensions





T = TypeVar("T", bound="V1AlarmGetDto")



@_attrs_define
class V1AlarmGetDto:
    """ 
        Attributes:
            alarm_event_record_id (str): The identifier for the AlarmEventRecord Object. Example:
                97cc2b01-0e71-4a93-a911-2e87f04d996f.
            alarm_acknowledge_time (str | Unset): Date/Time stamp value when the alarm condition is acknowledged.
            alarm_acknowledged (bool | Unset): Boolean value indicating of a management system has acknowledged the alarm.
                Example: False.
            alarm_changed_time (str | Unset): Date/Time stamp value when any value of the AlarmEventRecord has been
                modified.
            alarmDefinitionID (str | Unset): A reference to the Alarm Definition record in the Alarm Dictionary associated
                with the referenced Resource Type.(Specification) Example: 1197f463-b3d4-3aa3-9c14-faa493baa069.
            alarmDefinitionId (str | Unset): A reference to the Alarm Definition record in the Alarm Dictionary associated
                with the referenced Resource Type. Example: 1197f463-b3d4-3aa3-9c14-faa493baa069.
            alarm_raised_time (str | Unset): Date/Time stamp value when the AlarmEventRecord has been created. Example:
                2022-12-22 09:42:53.
            extensions (V1AlarmGetDtoExtensions | Unset):
            perceived_severity (str | Unset): One of the following values:
                 0 for "CRITICAL"
                1 for "MAJOR"
                2 for "MINOR"
                3 for "WARNING"
                4 for "INDETERMINATE"
                5 for "CLEARED" Example: 1.
            probableCauseID (str | Unset): A reference to the ProbableCause of the Alarm.(Specification) Example:
                f52054c9-6f3c-39a0-aab8-e00e01d8c4d3.
            probableCauseId (str | Unset): A reference to the ProbableCause of the Alarm. Example:
                f52054c9-6f3c-39a0-aab8-e00e01d8c4d3.
            resourceID (str | Unset): A reference to the resource instance which caused the alarm.(Specification) Example:
                5b3a2da8-17da-466c-b5f7-972590c7baf2.
            resourceId (str | Unset): A reference to the resource instance which caused the alarm. Example:
                5b3a2da8-17da-466c-b5f7-972590c7baf2.
            resourceTypeID (str | Unset): A reference to the type of resource which caused the alarm.(Specification)
                Example: 60cba7be-e2cd-3b8c-a7ff-16e0f10573f9.
            resourceTypeId (str | Unset): A reference to the type of resource which caused the alarm. Example:
                60cba7be-e2cd-3b8c-a7ff-16e0f10573f9.
     """

    alarm_event_record_id: str
    alarm_acknowledge_time: str | Unset = UNSET
    alarm_acknowledged: bool | Unset = UNSET
    alarm_changed_time: str | Unset = UNSET
    alarmDefinitionID: str | Unset = UNSET
    alarmDefinitionId: str | Unset = UNSET
    alarm_raised_time: str | Unset = UNSET
    extensions: V1AlarmGetDtoExtensions | Unset = UNSET
    perceived_severity: str | Unset = UNSET
    probableCauseID: str | Unset = UNSET
    probableCauseId: str | Unset = UNSET
    resourceID: str | Unset = UNSET
    resourceId: str | Unset = UNSET
    resourceTypeID: str | Unset = UNSET
    resourceTypeId: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_alarm_get_dto_extensions import V1AlarmGetDtoExtensions # noqa: PLC0415
        alarm_event_record_id = self.alarm_event_record_id

        alarm_acknowledge_time = self.alarm_acknowledge_time

        alarm_acknowledged = self.alarm_acknowledged

        alarm_changed_time = self.alarm_changed_time

        alarmDefinitionID = self.alarmDefinitionID

        alarmDefinitionId = self.alarmDefinitionId

        alarm_raised_time = self.alarm_raised_time

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        perceived_severity = self.perceived_severity

        probableCauseID = self.probableCauseID

        probableCauseId = self.probableCauseId

        resourceID = self.resourceID

        resourceId = self.resourceId

        resourceTypeID = self.resourceTypeID

        resourceTypeId = self.resourceTypeId


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alarmEventRecordId": alarm_event_record_id,
        })
        if alarm_acknowledge_time is not UNSET:
            field_dict["alarmAcknowledgeTime"] = alarm_acknowledge_time
        if alarm_acknowledged is not UNSET:
            field_dict["alarmAcknowledged"] = alarm_acknowledged
        if alarm_changed_time is not UNSET:
            field_dict["alarmChangedTime"] = alarm_changed_time
        if alarmDefinitionID is not UNSET:
            field_dict["alarmDefinitionID"] = alarmDefinitionID
        if alarmDefinitionId is not UNSET:
            field_dict["alarmDefinitionId"] = alarmDefinitionId
        if alarm_raised_time is not UNSET:
            field_dict["alarmRaisedTime"] = alarm_raised_time
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if perceived_severity is not UNSET:
            field_dict["perceivedSeverity"] = perceived_severity
        if probableCauseID is not UNSET:
            field_dict["probableCauseID"] = probableCauseID
        if probableCauseId is not UNSET:
            field_dict["probableCauseId"] = probableCauseId
        if resourceID is not UNSET:
            field_dict["resourceID"] = resourceID
        if resourceId is not UNSET:
            field_dict["resourceId"] = resourceId
        if resourceTypeID is not UNSET:
            field_dict["resourceTypeID"] = resourceTypeID
        if resourceTypeId is not UNSET:
            field_dict["resourceTypeId"] = resourceTypeId

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_alarm_get_dto_extensions import V1AlarmGetDtoExtensions # noqa: PLC0415
        d = dict(src_dict)
        alarm_event_record_id = d.pop("alarmEventRecordId")

        alarm_acknowledge_time = d.pop("alarmAcknowledgeTime", UNSET)

        alarm_acknowledged = d.pop("alarmAcknowledged", UNSET)

        alarm_changed_time = d.pop("alarmChangedTime", UNSET)

        alarmDefinitionID = d.pop("alarmDefinitionID", UNSET)

        alarmDefinitionId = d.pop("alarmDefinitionId", UNSET)

        alarm_raised_time = d.pop("alarmRaisedTime", UNSET)

        _extensions = d.pop("extensions", UNSET)
        extensions: V1AlarmGetDtoExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = V1AlarmGetDtoExtensions.from_dict(_extensions)




        perceived_severity = d.pop("perceivedSeverity", UNSET)

        probableCauseID = d.pop("probableCauseID", UNSET)

        probableCauseId = d.pop("probableCauseId", UNSET)

        resourceID = d.pop("resourceID", UNSET)

        resourceId = d.pop("resourceId", UNSET)

        resourceTypeID = d.pop("resourceTypeID", UNSET)

        resourceTypeId = d.pop("resourceTypeId", UNSET)

        v1_alarm_get_dto = cls(
            alarm_event_record_id=alarm_event_record_id,
            alarm_acknowledge_time=alarm_acknowledge_time,
            alarm_acknowledged=alarm_acknowledged,
            alarm_changed_time=alarm_changed_time,
            alarmDefinitionID=alarmDefinitionID,
            alarmDefinitionId=alarmDefinitionId,
            alarm_raised_time=alarm_raised_time,
            extensions=extensions,
            perceived_severity=perceived_severity,
            probableCauseID=probableCauseID,
            probableCauseId=probableCauseId,
            resourceID=resourceID,
            resourceId=resourceId,
            resourceTypeID=resourceTypeID,
            resourceTypeId=resourceTypeId,
        )


        v1_alarm_get_dto.additional_properties = d
        return v1_alarm_get_dto

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
