from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_compute_resource import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource
  from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_metadata import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata





T = TypeVar("T", bound="VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem")



@_attrs_define
class VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItem:
    """ 
        Attributes:
            compute_resource (VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource):
            id (str):
            vdu_id (str):
            metadata (VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata | Unset):
     """

    compute_resource: VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource
    id: str
    vdu_id: str
    metadata: VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_compute_resource import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_metadata import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata # noqa: PLC0415
        compute_resource = self.compute_resource.to_dict()

        id = self.id

        vdu_id = self.vdu_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "computeResource": compute_resource,
            "id": id,
            "vduId": vdu_id,
        })
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_compute_resource import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info_vnfc_resource_info_item_metadata import VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata # noqa: PLC0415
        d = dict(src_dict)
        compute_resource = VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemComputeResource.from_dict(d.pop("computeResource"))




        id = d.pop("id")

        vdu_id = d.pop("vduId")

        _metadata = d.pop("metadata", UNSET)
        metadata: VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = VnfInstanceInstantiatedVnfInfoVnfcResourceInfoItemMetadata.from_dict(_metadata)




        vnf_instance_instantiated_vnf_info_vnfc_resource_info_item = cls(
            compute_resource=compute_resource,
            id=id,
            vdu_id=vdu_id,
            metadata=metadata,
        )


        vnf_instance_instantiated_vnf_info_vnfc_resource_info_item.additional_properties = d
        return vnf_instance_instantiated_vnf_info_vnfc_resource_info_item

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
