from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.perceived_severity import PerceivedSeverity
from ..types import UNSET, Unset






T = TypeVar("T", bound="AlarmEventRecordModifications")



@_attrs_define
class AlarmEventRecordModifications:
    """ 
        Attributes:
            alarm_acknowledged (bool | Unset): Acknowledge an alarm. Example: False.
            perceived_severity (PerceivedSeverity | Unset): This is an enumerated set of values which identify the perceived
                severity of the alarm. Example: 1.
     """

    alarm_acknowledged: bool | Unset = UNSET
    perceived_severity: PerceivedSeverity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        alarm_acknowledged = self.alarm_acknowledged

        perceived_severity: int | Unset = UNSET
        if not isinstance(self.perceived_severity, Unset):
            perceived_severity = self.perceived_severity.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if alarm_acknowledged is not UNSET:
            field_dict["alarmAcknowledged"] = alarm_acknowledged
        if perceived_severity is not UNSET:
            field_dict["perceivedSeverity"] = perceived_severity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alarm_acknowledged = d.pop("alarmAcknowledged", UNSET)

        _perceived_severity = d.pop("perceivedSeverity", UNSET)
        perceived_severity: PerceivedSeverity | Unset
        if isinstance(_perceived_severity,  Unset):
            perceived_severity = UNSET
        else:
            perceived_severity = PerceivedSeverity(_perceived_severity)




        alarm_event_record_modifications = cls(
            alarm_acknowledged=alarm_acknowledged,
            perceived_severity=perceived_severity,
        )


        alarm_event_record_modifications.additional_properties = d
        return alarm_event_record_modifications

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
