from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.alarm_service_configuration_patch_extensions import AlarmServiceConfigurationPatchExtensions





T = TypeVar("T", bound="AlarmServiceConfigurationPatch")



@_attrs_define
class AlarmServiceConfigurationPatch:
    """ Schema for PATCH requests allowing partial updates to AlarmServiceConfiguration

        Attributes:
            extensions (AlarmServiceConfigurationPatchExtensions | Unset): List of metadata key-value pairs used to
                associate meaningful metadata to the related alarm service
            retention_period (int | Unset): Number of days for alarm history to be retained.
                This value cannot be set lower than 1 (day).
                 Example: 30.
     """

    extensions: AlarmServiceConfigurationPatchExtensions | Unset = UNSET
    retention_period: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alarm_service_configuration_patch_extensions import AlarmServiceConfigurationPatchExtensions # noqa: PLC0415
        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        retention_period = self.retention_period


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if retention_period is not UNSET:
            field_dict["retentionPeriod"] = retention_period

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alarm_service_configuration_patch_extensions import AlarmServiceConfigurationPatchExtensions # noqa: PLC0415
        d = dict(src_dict)
        _extensions = d.pop("extensions", UNSET)
        extensions: AlarmServiceConfigurationPatchExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = AlarmServiceConfigurationPatchExtensions.from_dict(_extensions)




        retention_period = d.pop("retentionPeriod", UNSET)

        alarm_service_configuration_patch = cls(
            extensions=extensions,
            retention_period=retention_period,
        )


        alarm_service_configuration_patch.additional_properties = d
        return alarm_service_configuration_patch

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
