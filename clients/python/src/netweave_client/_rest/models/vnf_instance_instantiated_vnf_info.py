from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vnf_instance_instantiated_vnf_info_vnf_state import VnfInstanceInstantiatedVnfInfoVnfState
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.vnf_instance_instantiated_vnf_info_metadata import VnfInstanceInstantiatedVnfInfoMetadata
  from ..models.vnf_instance_instantiated_vnf_info_scale_status_item import VnfInstanceInstantiatedVnfInfoScaleStatusItem
  from ..models.vnf_instance_instantiated_vnf_info_vnfc_info_item import VnfInstanceInstantiatedVnfInfoVnfcInfoItem
  from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem





T = TypeVar("T", bound="VnfInstanceInstantiatedVnfInfo")



@_attrs_define
class VnfInstanceInstantiatedVnfInfo:
    """ 
        Attributes:
            flavour_id (str):
            vnf_state (VnfInstanceInstantiatedVnfInfoVnfState):
            metadata (VnfInstanceInstantiatedVnfInfoMetadata | Unset):
            scale_status (list[VnfInstanceInstantiatedVnfInfoScaleStatusItem] | Unset):
            vnfc_info (list[VnfInstanceInstantiatedVnfInfoVnfcInfoItem] | Unset):
            vnfc_resource_info (list[VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem] | Unset):
     """

    flavour_id: str
    vnf_state: VnfInstanceInstantiatedVnfInfoVnfState
    metadata: VnfInstanceInstantiatedVnfInfoMetadata | Unset = UNSET
    scale_status: list[VnfInstanceInstantiatedVnfInfoScaleStatusItem] | Unset = UNSET
    vnfc_info: list[VnfInstanceInstantiatedVnfInfoVnfcInfoItem] | Unset = UNSET
    vnfc_resource_info: list[VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vnf_instance_instantiated_vnf_info_metadata import VnfInstanceInstantiatedVnfInfoMetadata # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info_scale_status_item import VnfInstanceInstantiatedVnfInfoScaleStatusItem # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info_vnfc_info_item import VnfInstanceInstantiatedVnfInfoVnfcInfoItem # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem # noqa: PLC0415
        flavour_id = self.flavour_id

        vnf_state = self.vnf_state.value

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        scale_status: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.scale_status, Unset):
            scale_status = []
            for scale_status_item_data in self.scale_status:
                scale_status_item = scale_status_item_data.to_dict()
                scale_status.append(scale_status_item)



        vnfc_info: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vnfc_info, Unset):
            vnfc_info = []
            for vnfc_info_item_data in self.vnfc_info:
                vnfc_info_item = vnfc_info_item_data.to_dict()
                vnfc_info.append(vnfc_info_item)



        vnfc_resource_info: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vnfc_resource_info, Unset):
            vnfc_resource_info = []
            for vnfc_resource_info_item_data in self.vnfc_resource_info:
                vnfc_resource_info_item = vnfc_resource_info_item_data.to_dict()
                vnfc_resource_info.append(vnfc_resource_info_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "flavourId": flavour_id,
            "vnfState": vnf_state,
        })
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if scale_status is not UNSET:
            field_dict["scaleStatus"] = scale_status
        if vnfc_info is not UNSET:
            field_dict["vnfcInfo"] = vnfc_info
        if vnfc_resource_info is not UNSET:
            field_dict["vnfcResourceInfo"] = vnfc_resource_info

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vnf_instance_instantiated_vnf_info_metadata import VnfInstanceInstantiatedVnfInfoMetadata # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info_scale_status_item import VnfInstanceInstantiatedVnfInfoScaleStatusItem # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info_vnfc_info_item import VnfInstanceInstantiatedVnfInfoVnfcInfoItem # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem # noqa: PLC0415
        d = dict(src_dict)
        flavour_id = d.pop("flavourId")

        vnf_state = VnfInstanceInstantiatedVnfInfoVnfState(d.pop("vnfState"))




        _metadata = d.pop("metadata", UNSET)
        metadata: VnfInstanceInstantiatedVnfInfoMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = VnfInstanceInstantiatedVnfInfoMetadata.from_dict(_metadata)




        _scale_status = d.pop("scaleStatus", UNSET)
        scale_status: list[VnfInstanceInstantiatedVnfInfoScaleStatusItem] | Unset = UNSET
        if _scale_status is not UNSET:
            scale_status = []
            for scale_status_item_data in _scale_status:
                scale_status_item = VnfInstanceInstantiatedVnfInfoScaleStatusItem.from_dict(scale_status_item_data)



                scale_status.append(scale_status_item)


        _vnfc_info = d.pop("vnfcInfo", UNSET)
        vnfc_info: list[VnfInstanceInstantiatedVnfInfoVnfcInfoItem] | Unset = UNSET
        if _vnfc_info is not UNSET:
            vnfc_info = []
            for vnfc_info_item_data in _vnfc_info:
                vnfc_info_item = VnfInstanceInstantiatedVnfInfoVnfcInfoItem.from_dict(vnfc_info_item_data)



                vnfc_info.append(vnfc_info_item)


        _vnfc_resource_info = d.pop("vnfcResourceInfo", UNSET)
        vnfc_resource_info: list[VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem] | Unset = UNSET
        if _vnfc_resource_info is not UNSET:
            vnfc_resource_info = []
            for vnfc_resource_info_item_data in _vnfc_resource_info:
                vnfc_resource_info_item = VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem.from_dict(vnfc_resource_info_item_data)



                vnfc_resource_info.append(vnfc_resource_info_item)


        vnf_instance_instantiated_vnf_info = cls(
            flavour_id=flavour_id,
            vnf_state=vnf_state,
            metadata=metadata,
            scale_status=scale_status,
            vnfc_info=vnfc_info,
            vnfc_resource_info=vnfc_resource_info,
        )


        vnf_instance_instantiated_vnf_info.additional_properties = d
        return vnf_instance_instantiated_vnf_info

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
