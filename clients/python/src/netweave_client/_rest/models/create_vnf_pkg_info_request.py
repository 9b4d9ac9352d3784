from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.create_vnf_pkg_info_request_user_defined_data import CreateVnfPkgInfoRequestUserDefinedData





T = TypeVar("T", bound="CreateVnfPkgInfoRequest")



@_attrs_define
class CreateVnfPkgInfoRequest:
    """ 
        Attributes:
            user_defined_data (CreateVnfPkgInfoRequestUserDefinedData | Unset):
     """

    user_defined_data: CreateVnfPkgInfoRequestUserDefinedData | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.create_vnf_pkg_info_request_user_defined_data import CreateVnfPkgInfoRequestUserDefinedData # noqa: PLC0415
        user_defined_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_defined_data, Unset):
            user_defined_data = self.user_defined_data.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if user_defined_data is not UNSET:
            field_dict["userDefinedData"] = user_defined_data

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_vnf_pkg_info_request_user_defined_data import CreateVnfPkgInfoRequestUserDefinedData # noqa: PLC0415
        d = dict(src_dict)
        _user_defined_data = d.pop("userDefinedData", UNSET)
        user_defined_data: CreateVnfPkgInfoRequestUserDefinedData | Unset
        if isinstance(_user_defined_data,  Unset):
            user_defined_data = UNSET
        else:
            user_defined_data = CreateVnfPkgInfoRequestUserDefinedData.from_dict(_user_defined_data)




        create_vnf_pkg_info_request = cls(
            user_defined_data=user_defined_data,
        )

        return create_vnf_pkg_info_request

