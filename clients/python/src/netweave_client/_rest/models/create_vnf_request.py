from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.create_vnf_request_metadata import CreateVnfRequestMetadata





T = TypeVar("T", bound="CreateVnfRequest")



@_attrs_define
class CreateVnfRequest:
    """ 
        Attributes:
            vnfd_id (str):
            metadata (CreateVnfRequestMetadata | Unset):
            vnf_instance_description (str | Unset):
            vnf_instance_name (str | Unset):
     """

    vnfd_id: str
    metadata: CreateVnfRequestMetadata | Unset = UNSET
    vnf_instance_description: str | Unset = UNSET
    vnf_instance_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.create_vnf_request_metadata import CreateVnfRequestMetadata # noqa: PLC0415
        vnfd_id = self.vnfd_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        vnf_instance_description = self.vnf_instance_description

        vnf_instance_name = self.vnf_instance_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "vnfdId": vnfd_id,
        })
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if vnf_instance_description is not UNSET:
            field_dict["vnfInstanceDescription"] = vnf_instance_description
        if vnf_instance_name is not UNSET:
            field_dict["vnfInstanceName"] = vnf_instance_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_vnf_request_metadata import CreateVnfRequestMetadata # noqa: PLC0415
        d = dict(src_dict)
        vnfd_id = d.pop("vnfdId")

        _metadata = d.pop("metadata", UNSET)
        metadata: CreateVnfRequestMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = CreateVnfRequestMetadata.from_dict(_metadata)




        vnf_instance_description = d.pop("vnfInstanceDescription", UNSET)

        vnf_instance_name = d.pop("vnfInstanceName", UNSET)

        create_vnf_request = cls(
            vnfd_id=vnfd_id,
            metadata=metadata,
            vnf_instance_description=vnf_instance_description,
            vnf_instance_name=vnf_instance_name,
        )


        create_vnf_request.additional_properties = d
        return create_vnf_request

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
