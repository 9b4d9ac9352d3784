from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_deployment_manager_get_dto_profile import V1DeploymentManagerGetDtoProfile





T = TypeVar("T", bound="V1DeploymentManagerExtensions")



@_attrs_define
class V1DeploymentManagerExtensions:
    """ 
        Attributes:
            profile_data (V1DeploymentManagerGetDtoProfile | Unset):
            profile_name (str | Unset):
     """

    profile_data: V1DeploymentManagerGetDtoProfile | Unset = UNSET
    profile_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_deployment_manager_get_dto_profile import V1DeploymentManagerGetDtoProfile # noqa: PLC0415
        profile_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile_data, Unset):
            profile_data = self.profile_data.to_dict()

        profile_name = self.profile_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if profile_data is not UNSET:
            field_dict["profileData"] = profile_data
        if profile_name is not UNSET:
            field_dict["profileName"] = profile_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_deployment_manager_get_dto_profile import V1DeploymentManagerGetDtoProfile # noqa: PLC0415
        d = dict(src_dict)
        _profile_data = d.pop("profileData", UNSET)
        profile_data: V1DeploymentManagerGetDtoProfile | Unset
        if isinstance(_profile_data,  Unset):
            profile_data = UNSET
        else:
            profile_data = V1DeploymentManagerGetDtoProfile.from_dict(_profile_data)




        profile_name = d.pop("profileName", UNSET)

        v1_deployment_manager_extensions = cls(
            profile_data=profile_data,
            profile_name=profile_name,
        )


        v1_deployment_manager_extensions.additional_properties = d
        return v1_deployment_manager_extensions

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
