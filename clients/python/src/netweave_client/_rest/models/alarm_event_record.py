from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.perceived_severity import PerceivedSeverity
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.alarm_event_record_extensions import AlarmEventRecordExtensions





T = TypeVar("T", bound="AlarmEventRecord")



@_attrs_define
class AlarmEventRecord:
    """ 
        Attributes:
            alarm_acknowledged (bool): When a system acknowledges an alarm, it is then set to TRUE.
                 Example: True.
            alarm_definition_id (UUID): A reference to the Alarm Definition record in the Alarm Dictionary associated with
                the referenced Resource Type.
                 Example: 5369fe06-adeb-4966-b8ff-47a6f4d4cec5.
            alarm_event_record_id (UUID): Identifier of an entry in the AlarmEventRecord.
                Locally unique within the scope of an O-Cloud instance.
                 Example: 752c4e22-057d-4162-997b-ca3e2fd4ff53.
            alarm_raised_time (datetime.datetime): This field is populated with a Date/Time stamp value when the
                AlarmEventRecord is created. Example: 2042-07-21T17:32:28Z.
            extensions (AlarmEventRecordExtensions): These are unspecified (not standardized) properties (keys) which are
                tailored by the vendor or
                operator to extend the information provided about the O-Cloud Alarm.
            perceived_severity (PerceivedSeverity): This is an enumerated set of values which identify the perceived
                severity of the alarm. Example: 1.
            probable_cause_id (UUID): A reference to the ProbableCause of the Alarm. Example:
                b45f64fe-6ed8-448d-8ff7-f5840090a075.
            resource_id (UUID): A reference to the resource which caused the alarm. Example:
                91d5d140-ef52-4167-b6dc-975ad1897f23.
            resource_type_id (UUID): A reference to the type of resource which caused the alarm. Example:
                91d5d140-ef52-4167-b6dc-975ad1897f23.
            alarm_acknowledged_time (datetime.datetime | Unset): This field is populated with a Date/Time stamp value when
                the alarm condition is acknowledged. Example: 2042-07-21T18:32:28Z.
            alarm_changed_time (datetime.datetime | Unset): This field is populated with a Date/Time stamp value when any
                value
                of the AlarmEventRecord is modified.
                 Example: 2042-07-21T19:32:28Z.
            alarm_cleared_time (datetime.datetime | Unset): This field is populated with a Date/Time stamp value when the
                alarm condition is cleared.
                 Example: 2042-07-21T20:32:28Z.
     """

    alarm_acknowledged: bool
    alarm_definition_id: UUID
    alarm_event_record_id: UUID
    alarm_raised_time: datetime.datetime
    extensions: AlarmEventRecordExtensions
    perceived_severity: PerceivedSeverity
    probable_cause_id: UUID
    resource_id: UUID
    resource_type_id: UUID
    alarm_acknowledged_time: datetime.datetime | Unset = UNSET
    alarm_changed_time: datetime.datetime | Unset = UNSET
    alarm_cleared_time: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alarm_event_record_extensions import AlarmEventRecordExtensions # noqa: PLC0415
        alarm_acknowledged = self.alarm_acknowledged

        alarm_definition_id = str(self.alarm_definition_id)

        alarm_event_record_id = str(self.alarm_event_record_id)

        alarm_raised_time = self.alarm_raised_time.isoformat()

        extensions = self.extensions.to_dict()

        perceived_severity = self.perceived_severity.value

        probable_cause_id = str(self.probable_cause_id)

        resource_id = str(self.resource_id)

        resource_type_id = str(self.resource_type_id)

        alarm_acknowledged_time: str | Unset = UNSET
        if not isinstance(self.alarm_acknowledged_time, Unset):
            alarm_acknowledged_time = self.alarm_acknowledged_time.isoformat()

        alarm_changed_time: str | Unset = UNSET
        if not isinstance(self.alarm_changed_time, Unset):
            alarm_changed_time = self.alarm_changed_time.isoformat()

        alarm_cleared_time: str | Unset = UNSET
        if not isinstance(self.alarm_cleared_time, Unset):
            alarm_cleared_time = self.alarm_cleared_time.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alarmAcknowledged": alarm_acknowledged,
            "alarmDefinitionID": alarm_definition_id,
            "alarmEventRecordId": alarm_event_record_id,
            "alarmRaisedTime": alarm_raised_time,
            "extensions": extensions,
            "perceivedSeverity": perceived_severity,
            "probableCauseID": probable_cause_id,
            "resourceID": resource_id,
            "resourceTypeID": resource_type_id,
        })
        if alarm_acknowledged_time is not UNSET:
            field_dict["alarmAcknowledgedTime"] = alarm_acknowledged_time
        if alarm_changed_time is not UNSET:
            field_dict["alarmChangedTime"] = alarm_changed_time
        if alarm_cleared_time is not UNSET:
            field_dict["alarmClearedTime"] = alarm_cleared_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alarm_event_record_extensions import AlarmEventRecordExtensions # noqa: PLC0415
        d = dict(src_dict)
        alarm_acknowledged = d.pop("alarmAcknowledged")

        alarm_definition_id = UUID(d.pop("alarmDefinitionID"))




        alarm_event_record_id = UUID(d.pop("alarmEventRecordId"))




        alarm_raised_time = datetime.datetime.fromisoformat(d.pop("alarmRaisedTime"))




        extensions = AlarmEventRecordExtensions.from_dict(d.pop("extensions"))




        perceived_severity = PerceivedSeverity(d.pop("perceivedSeverity"))




        probable_cause_id = UUID(d.pop("probableCauseID"))




        resource_id = UUID(d.pop("resourceID"))




        resource_type_id = UUID(d.pop("resourceTypeID"))




        _alarm_acknowledged_time = d.pop("alarmAcknowledgedTime", UNSET)
        alarm_acknowledged_time: datetime.datetime | Unset
        if isinstance(_alarm_acknowledged_time,  Unset):
            alarm_acknowledged_time = UNSET
        else:
            alarm_acknowledged_time = datetime.datetime.fromisoformat(_alarm_acknowledged_time)




        _alarm_changed_time = d.pop("alarmChangedTime", UNSET)
        alarm_changed_time: datetime.datetime | Unset
        if isinstance(_alarm_changed_time,  Unset):
            alarm_changed_time = UNSET
        else:
            alarm_changed_time = datetime.datetime.fromisoformat(_alarm_changed_time)




        _alarm_cleared_time = d.pop("alarmClearedTime", UNSET)
        alarm_cleared_time: datetime.datetime | Unset
        if isinstance(_alarm_cleared_time,  Unset):
            alarm_cleared_time = UNSET
        else:
            alarm_cleared_time = datetime.datetime.fromisoformat(_alarm_cleared_time)




        alarm_event_record = cls(
            alarm_acknowledged=alarm_acknowledged,
            alarm_definition_id=alarm_definition_id,
            alarm_event_record_id=alarm_event_record_id,
            alarm_raised_time=alarm_raised_time,
            extensions=extensions,
            perceived_severity=perceived_severity,
            probable_cause_id=probable_cause_id,
            resource_id=resource_id,
            resource_type_id=resource_type_id,
            alarm_acknowledged_time=alarm_acknowledged_time,
            alarm_changed_time=alarm_changed_time,
            alarm_cleared_time=alarm_cleared_time,
        )


        alarm_event_record.additional_properties = d
        return alarm_event_record

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
