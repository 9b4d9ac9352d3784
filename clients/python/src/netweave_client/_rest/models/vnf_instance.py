from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vnf_instance_instantiation_state import VnfInstanceInstantiationState
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.vnf_instance_extensions import VnfInstanceExtensions
  from ..models.vnf_instance_instantiated_vnf_info import VnfInstanceInstantiatedVnfInfo
  from ..models.vnf_instance_links import VnfInstanceLinks
  from ..models.vnf_instance_metadata import VnfInstanceMetadata
  from ..models.vnf_instance_vim_connection_info import VnfInstanceVimConnectionInfo
  from ..models.vnf_instance_vnf_configurable_properties import VnfInstanceVnfConfigurableProperties





T = TypeVar("T", bound="VnfInstance")



@_attrs_define
class VnfInstance:
    """ A VNF instance (SOL003 §5.5.2.2).

        Attributes:
            field_links (VnfInstanceLinks):
            id (str):
            instantiation_state (VnfInstanceInstantiationState):
            vnf_product_name (str):
            vnf_provider (str):
            vnf_software_version (str):
            vnfd_id (str):
            vnfd_version (str):
            extensions (VnfInstanceExtensions | Unset):
            instantiated_vnf_info (VnfInstanceInstantiatedVnfInfo | Unset):
            metadata (VnfInstanceMetadata | Unset):
            vim_connection_info (VnfInstanceVimConnectionInfo | Unset):
            vnf_configurable_properties (VnfInstanceVnfConfigurableProperties | Unset):
            vnf_instance_description (str | Unset):
            vnf_instance_name (str | Unset):
     """

    field_links: VnfInstanceLinks
    id: str
    instantiation_state: VnfInstanceInstantiationState
    vnf_product_name: str
    vnf_provider: str
    vnf_software_version: str
    vnfd_id: str
    vnfd_version: str
    extensions: VnfInstanceExtensions | Unset = UNSET
    instantiated_vnf_info: VnfInstanceInstantiatedVnfInfo | Unset = UNSET
    metadata: VnfInstanceMetadata | Unset = UNSET
    vim_connection_info: VnfInstanceVimConnectionInfo | Unset = UNSET
    vnf_configurable_properties: VnfInstanceVnfConfigurableProperties | Unset = UNSET
    vnf_instance_description: str | Unset = UNSET
    vnf_instance_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vnf_instance_extensions import VnfInstanceExtensions # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info import VnfInstanceInstantiatedVnfInfo # noqa: PLC0415
        from ..models.vnf_instance_links import VnfInstanceLinks # noqa: PLC0415
        from ..models.vnf_instance_metadata import VnfInstanceMetadata # noqa: PLC0415
        from ..models.vnf_instance_vim_connection_info import VnfInstanceVimConnectionInfo # noqa: PLC0415
        from ..models.vnf_instance_vnf_configurable_properties import VnfInstanceVnfConfigurableProperties # noqa: PLC0415
        field_links = self.field_links.to_dict()

        id = self.id

        instantiation_state = self.instantiation_state.value

        vnf_product_name = self.vnf_product_name

        vnf_provider = self.vnf_provider

        vnf_software_version = self.vnf_software_version

        vnfd_id = self.vnfd_id

        vnfd_version = self.vnfd_version

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        instantiated_vnf_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.instantiated_vnf_info, Unset):
            instantiated_vnf_info = self.instantiated_vnf_info.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        vim_connection_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vim_connection_info, Unset):
            vim_connection_info = self.vim_connection_info.to_dict()

        vnf_configurable_properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vnf_configurable_properties, Unset):
            vnf_configurable_properties = self.vnf_configurable_properties.to_dict()

        vnf_instance_description = self.vnf_instance_description

        vnf_instance_name = self.vnf_instance_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "_links": field_links,
            "id": id,
            "instantiationState": instantiation_state,
            "vnfProductName": vnf_product_name,
            "vnfProvider": vnf_provider,
            "vnfSoftwareVersion": vnf_software_version,
            "vnfdId": vnfd_id,
            "vnfdVersion": vnfd_version,
        })
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if instantiated_vnf_info is not UNSET:
            field_dict["instantiatedVnfInfo"] = instantiated_vnf_info
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if vim_connection_info is not UNSET:
            field_dict["vimConnectionInfo"] = vim_connection_info
        if vnf_configurable_properties is not UNSET:
            field_dict["vnfConfigurableProperties"] = vnf_configurable_properties
        if vnf_instance_description is not UNSET:
            field_dict["vnfInstanceDescription"] = vnf_instance_description
        if vnf_instance_name is not UNSET:
            field_dict["vnfInstanceName"] = vnf_instance_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vnf_instance_extensions import VnfInstanceExtensions # noqa: PLC0415
        from ..models.vnf_instance_instantiated_vnf_info import VnfInstanceInstantiatedVnfInfo # noqa: PLC0415
        from ..models.vnf_instance_links import VnfInstanceLinks # noqa: PLC0415
        from ..models.vnf_instance_metadata import VnfInstanceMetadata # noqa: PLC0415
        from ..models.vnf_instance_vim_connection_info import VnfInstanceVimConnectionInfo # noqa: PLC0415
        from ..models.vnf_instance_vnf_configurable_properties import VnfInstanceVnfConfigurableProperties # noqa: PLC0415
        d = dict(src_dict)
        field_links = VnfInstanceLinks.from_dict(d.pop("_links"))




        id = d.pop("id")

        instantiation_state = VnfInstanceInstantiationState(d.pop("instantiationState"))




        vnf_product_name = d.pop("vnfProductName")

        vnf_provider = d.pop("vnfProvider")

        vnf_software_version = d.pop("vnfSoftwareVersion")

        vnfd_id = d.pop("vnfdId")

        vnfd_version = d.pop("vnfdVersion")

        _extensions = d.pop("extensions", UNSET)
        extensions: VnfInstanceExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = VnfInstanceExtensions.from_dict(_extensions)




        _instantiated_vnf_info = d.pop("instantiatedVnfInfo", UNSET)
        instantiated_vnf_info: VnfInstanceInstantiatedVnfInfo | Unset
        if isinstance(_instantiated_vnf_info,  Unset):
            instantiated_vnf_info = UNSET
        else:
            instantiated_vnf_info = VnfInstanceInstantiatedVnfInfo.from_dict(_instantiated_vnf_info)




        _metadata = d.pop("metadata", UNSET)
        metadata: VnfInstanceMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = VnfInstanceMetadata.from_dict(_metadata)




        _vim_connection_info = d.pop("vimConnectionInfo", UNSET)
        vim_connection_info: VnfInstanceVimConnectionInfo | Unset
        if isinstance(_vim_connection_info,  Unset):
            vim_connection_info = UNSET
        else:
            vim_connection_info = VnfInstanceVimConnectionInfo.from_dict(_vim_connection_info)




        _vnf_configurable_properties = d.pop("vnfConfigurableProperties", UNSET)
        vnf_configurable_properties: VnfInstanceVnfConfigurableProperties | Unset
        if isinstance(_vnf_configurable_properties,  Unset):
            vnf_configurable_properties = UNSET
        else:
            vnf_configurable_properties = VnfInstanceVnfConfigurableProperties.from_dict(_vnf_configurable_properties)




        vnf_instance_description = d.pop("vnfInstanceDescription", UNSET)

        vnf_instance_name = d.pop("vnfInstanceName", UNSET)

        vnf_instance = cls(
            field_links=field_links,
            id=id,
            instantiation_state=instantiation_state,
            vnf_product_name=vnf_product_name,
            vnf_provider=vnf_provider,
            vnf_software_version=vnf_software_version,
            vnfd_id=vnfd_id,
            vnfd_version=vnfd_version,
            extensions=extensions,
            instantiated_vnf_info=instantiated_vnf_info,
            metadata=metadata,
            vim_connection_info=vim_connection_info,
            vnf_configurable_properties=vnf_configurable_properties,
            vnf_instance_description=vnf_instance_description,
            vnf_instance_name=vnf_instance_name,
        )


        vnf_instance.additional_properties = d
        return vnf_instance

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
