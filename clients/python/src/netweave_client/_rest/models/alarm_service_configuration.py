from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.alarm_service_configuration_extensions import AlarmServiceConfigurationExtensions





T = TypeVar("T", bound="AlarmServiceConfiguration")



@_attrs_define
class AlarmServiceConfiguration:
    """ 
        Attributes:
            extensions (AlarmServiceConfigurationExtensions): List of metadata key-value pairs used to associate meaningful
                metadata to the related alarm service
            retention_period (int): Number of days for alarm history to be retained.
                This value cannot be set lower than 1 (day).
                 Example: 30.
     """

    extensions: AlarmServiceConfigurationExtensions
    retention_period: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alarm_service_configuration_extensions import AlarmServiceConfigurationExtensions # noqa: PLC0415
        extensions = self.extensions.to_dict()

        retention_period = self.retention_period


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "extensions": extensions,
            "retentionPeriod": retention_period,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alarm_service_configuration_extensions import AlarmServiceConfigurationExtensions # noqa: PLC0415
        d = dict(src_dict)
        extensions = AlarmServiceConfigurationExtensions.from_dict(d.pop("extensions"))




        retention_period = d.pop("retentionPeriod")

        alarm_service_configuration = cls(
            extensions=extensions,
            retention_period=retention_period,
        )


        alarm_service_configuration.additional_properties = d
        return alarm_service_configuration

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
