from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.vnf_info_modification_request_extensions import VnfInfoModificationRequestExtensions
  from ..models.vnf_info_modification_request_metadata import VnfInfoModificationRequestMetadata
  from ..models.vnf_info_modification_request_vim_connection_info import VnfInfoModificationRequestVimConnectionInfo





T = TypeVar("T", bound="VnfInfoModificationRequest")



@_attrs_define
class VnfInfoModificationRequest:
    """ 
        Attributes:
            extensions (VnfInfoModificationRequestExtensions | Unset):
            metadata (VnfInfoModificationRequestMetadata | Unset):
            vim_connection_info (VnfInfoModificationRequestVimConnectionInfo | Unset):
            vnf_instance_description (str | Unset):
            vnf_instance_name (str | Unset):
     """

    extensions: VnfInfoModificationRequestExtensions | Unset = UNSET
    metadata: VnfInfoModificationRequestMetadata | Unset = UNSET
    vim_connection_info: VnfInfoModificationRequestVimConnectionInfo | Unset = UNSET
    vnf_instance_description: str | Unset = UNSET
    vnf_instance_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vnf_info_modification_request_extensions import VnfInfoModificationRequestExtensions # noqa: PLC0415
        from ..models.vnf_info_modification_request_metadata import VnfInfoModificationRequestMetadata # noqa: PLC0415
        from ..models.vnf_info_modification_request_vim_connection_info import VnfInfoModificationRequestVimConnectionInfo # noqa: PLC0415
        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        vim_connection_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vim_connection_info, Unset):
            vim_connection_info = self.vim_connection_info.to_dict()

        vnf_instance_description = self.vnf_instance_description

        vnf_instance_name = self.vnf_instance_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if vim_connection_info is not UNSET:
            field_dict["vimConnectionInfo"] = vim_connection_info
        if vnf_instance_description is not UNSET:
            field_dict["vnfInstanceDescription"] = vnf_instance_description
        if vnf_instance_name is not UNSET:
            field_dict["vnfInstanceName"] = vnf_instance_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vnf_info_modification_request_extensions import VnfInfoModificationRequestExtensions # noqa: PLC0415
        from ..models.vnf_info_modification_request_metadata import VnfInfoModificationRequestMetadata # noqa: PLC0415
        from ..models.vnf_info_modification_request_vim_connection_info import VnfInfoModificationRequestVimConnectionInfo # noqa: PLC0415
        d = dict(src_dict)
        _extensions = d.pop("extensions", UNSET)
        extensions: VnfInfoModificationRequestExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = VnfInfoModificationRequestExtensions.from_dict(_extensions)




        _metadata = d.pop("metadata", UNSET)
        metadata: VnfInfoModificationRequestMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = VnfInfoModificationRequestMetadata.from_dict(_metadata)




        _vim_connection_info = d.pop("vimConnectionInfo", UNSET)
        vim_connection_info: VnfInfoModificationRequestVimConnectionInfo | Unset
        if isinstance(_vim_connection_info,  Unset):
            vim_connection_info = UNSET
        else:
            vim_connection_info = VnfInfoModificationRequestVimConnectionInfo.from_dict(_vim_connection_info)




        vnf_instance_description = d.pop("vnfInstanceDescription", UNSET)

        vnf_instance_name = d.pop("vnfInstanceName", UNSET)

        vnf_info_modification_request = cls(
            extensions=extensions,
            metadata=metadata,
            vim_connection_info=vim_connection_info,
            vnf_instance_description=vnf_instance_description,
            vnf_instance_name=vnf_instance_name,
        )


        vnf_info_modification_request.additional_properties = d
        return vnf_info_modification_request

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
