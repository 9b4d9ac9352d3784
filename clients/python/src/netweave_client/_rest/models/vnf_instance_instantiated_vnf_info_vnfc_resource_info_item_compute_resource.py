from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource")



@_attrs_define
class VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource:
    """ 
        Attributes:
            resource_id (str):
            vim_level_resource_type (str | Unset):
     """

    resource_id: str
    vim_level_resource_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        resource_id = self.resource_id

        vim_level_resource_type = self.vim_level_resource_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "resourceId": resource_id,
        })
        if vim_level_resource_type is not UNSET:
            field_dict["vimLevelResourceType"] = vim_level_resource_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_id = d.pop("resourceId")

        vim_level_resource_type = d.pop("vimLevelResourceType", UNSET)

        vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_compute_resource = cls(
            resource_id=resource_id,
            vim_level_resource_type=vim_level_resource_type,
        )


        vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_compute_resource.additional_properties = d
        return vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_compute_resource

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
