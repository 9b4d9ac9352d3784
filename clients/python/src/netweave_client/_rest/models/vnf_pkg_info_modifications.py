from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vnf_pkg_info_modifications_operational_state import VnfPkgInfoModificationsOperationalState
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.vnf_pkg_info_modifications_user_defined_data import VnfPkgInfoModificationsUserDefinedData





T = TypeVar("T", bound="VnfPkgInfoModifications")



@_attrs_define
class VnfPkgInfoModifications:
    """ 
        Attributes:
            operational_state (VnfPkgInfoModificationsOperationalState | Unset):
            user_defined_data (VnfPkgInfoModificationsUserDefinedData | Unset):
     """

    operational_state: VnfPkgInfoModificationsOperationalState | Unset = UNSET
    user_defined_data: VnfPkgInfoModificationsUserDefinedData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vnf_pkg_info_modifications_user_defined_data import VnfPkgInfoModificationsUserDefinedData # noqa: PLC0415
        operational_state: str | Unset = UNSET
        if not isinstance(self.operational_state, Unset):
            operational_state = self.operational_state.value


        user_defined_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_defined_data, Unset):
            user_defined_data = self.user_defined_data.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if operational_state is not UNSET:
            field_dict["operationalState"] = operational_state
        if user_defined_data is not UNSET:
            field_dict["userDefinedData"] = user_defined_data

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vnf_pkg_info_modifications_user_defined_data import VnfPkgInfoModificationsUserDefinedData # noqa: PLC0415
        d = dict(src_dict)
        _operational_state = d.pop("operationalState", UNSET)
        operational_state: VnfPkgInfoModificationsOperationalState | Unset
        if isinstance(_operational_state,  Unset):
            operational_state = UNSET
        else:
            operational_state = VnfPkgInfoModificationsOperationalState(_operational_state)




        _user_defined_data = d.pop("userDefinedData", UNSET)
        user_defined_data: VnfPkgInfoModificationsUserDefinedData | Unset
        if isinstance(_user_defined_data,  Unset):
            user_defined_data = UNSET
        else:
            user_defined_data = VnfPkgInfoModificationsUserDefinedData.from_dict(_user_defined_data)




        vnf_pkg_info_modifications = cls(
            operational_state=operational_state,
            user_defined_data=user_defined_data,
        )


        vnf_pkg_info_modifications.additional_properties = d
        return vnf_pkg_info_modifications

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
