from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vnf_instance_instantiated_vnf_info_vnfc_info_item_vnfc_state import VnfInstanceInstantiatedVnfInfoVnfcInfoItemVnfcState
from ..types import UNSET, Unset






T = TypeVar("T", bound="VnfInstanceInstantiatedVnfInfoVnfcInfoItem")



@_attrs_define
class VnfInstanceInstantiatedVnfInfoVnfcInfoItem:
    """ 
        Attributes:
            id (str):
            vdu_id (str):
            vnfc_state (VnfInstanceInstantiatedVnfInfoVnfcInfoItemVnfcState):
            vnfc_resource_info_id (str | Unset):
     """

    id: str
    vdu_id: str
    vnfc_state: VnfInstanceInstantiatedVnfInfoVnfcInfoItemVnfcState
    vnfc_resource_info_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        vdu_id = self.vdu_id

        vnfc_state = self.vnfc_state.value

        vnfc_resource_info_id = self.vnfc_resource_info_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "vduId": vdu_id,
            "vnfcState": vnfc_state,
        })
        if vnfc_resource_info_id is not UNSET:
            field_dict["vnfcResourceInfoId"] = vnfc_resource_info_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        vdu_id = d.pop("vduId")

        vnfc_state = VnfInstanceInstantiatedVnfInfoVnfcInfoItemVnfcState(d.pop("vnfcState"))




        vnfc_resource_info_id = d.pop("vnfcResourceInfoId", UNSET)

        vnf_instance_instantiated_vnf_info_vnfc_info_item = cls(
            id=id,
            vdu_id=vdu_id,
            vnfc_state=vnfc_state,
            vnfc_resource_info_id=vnfc_resource_info_id,
        )


        vnf_instance_instantiated_vnf_info_vnfc_info_item.additional_properties = d
        return vnf_instance_instantiated_vnf_info_vnfc_info_item

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
