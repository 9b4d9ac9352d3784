from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="V1AlarmPatchDto")



@_attrs_define
class V1AlarmPatchDto:
    """ 
        Attributes:
            alarm_acknowledged (bool | Unset): Boolean value indication of a management system has acknowledged the alarm.
                Example: True.
            perceived_severity (str | Unset): indicate that the alarm record is requested to be cleared. Only the value "5"
                for "CLEARED" is permitted in a request message content.  Example: 5.
     """

    alarm_acknowledged: bool | Unset = UNSET
    perceived_severity: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        alarm_acknowledged = self.alarm_acknowledged

        perceived_severity = self.perceived_severity


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

        perceived_severity = d.pop("perceivedSeverity", UNSET)

        v1_alarm_patch_dto = cls(
            alarm_acknowledged=alarm_acknowledged,
            perceived_severity=perceived_severity,
        )


        v1_alarm_patch_dto.additional_properties = d
        return v1_alarm_patch_dto

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
