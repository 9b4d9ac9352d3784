from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.instantiate_vnf_request_additional_params import InstantiateVnfRequestAdditionalParams
  from ..models.instantiate_vnf_request_extensions import InstantiateVnfRequestExtensions
  from ..models.instantiate_vnf_request_vim_connection_info import InstantiateVnfRequestVimConnectionInfo
  from ..models.instantiate_vnf_request_vnf_configurable_properties import InstantiateVnfRequestVnfConfigurableProperties





T = TypeVar("T", bound="InstantiateVnfRequest")



@_attrs_define
class InstantiateVnfRequest:
    """ 
        Attributes:
            flavour_id (str):
            additional_params (InstantiateVnfRequestAdditionalParams | Unset): Tacker's Helm parameters: `helm_chart_path`
                (the chart inside the package), `helm_parameters`, `helm_value_names.<VDU>.replica`, `namespace`.
            extensions (InstantiateVnfRequestExtensions | Unset):
            instantiation_level_id (str | Unset):
            vim_connection_info (InstantiateVnfRequestVimConnectionInfo | Unset): Names the deployment manager: `vimId` its
                id or name, or `interfaceInfo.endpoint` its serviceUri (`vimType` `ETSINFV.HELM.V_3`).
            vnf_configurable_properties (InstantiateVnfRequestVnfConfigurableProperties | Unset):
     """

    flavour_id: str
    additional_params: InstantiateVnfRequestAdditionalParams | Unset = UNSET
    extensions: InstantiateVnfRequestExtensions | Unset = UNSET
    instantiation_level_id: str | Unset = UNSET
    vim_connection_info: InstantiateVnfRequestVimConnectionInfo | Unset = UNSET
    vnf_configurable_properties: InstantiateVnfRequestVnfConfigurableProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.instantiate_vnf_request_additional_params import InstantiateVnfRequestAdditionalParams # noqa: PLC0415
        from ..models.instantiate_vnf_request_extensions import InstantiateVnfRequestExtensions # noqa: PLC0415
        from ..models.instantiate_vnf_request_vim_connection_info import InstantiateVnfRequestVimConnectionInfo # noqa: PLC0415
        from ..models.instantiate_vnf_request_vnf_configurable_properties import InstantiateVnfRequestVnfConfigurableProperties # noqa: PLC0415
        flavour_id = self.flavour_id

        additional_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_params, Unset):
            additional_params = self.additional_params.to_dict()

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        instantiation_level_id = self.instantiation_level_id

        vim_connection_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vim_connection_info, Unset):
            vim_connection_info = self.vim_connection_info.to_dict()

        vnf_configurable_properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vnf_configurable_properties, Unset):
            vnf_configurable_properties = self.vnf_configurable_properties.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "flavourId": flavour_id,
        })
        if additional_params is not UNSET:
            field_dict["additionalParams"] = additional_params
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if instantiation_level_id is not UNSET:
            field_dict["instantiationLevelId"] = instantiation_level_id
        if vim_connection_info is not UNSET:
            field_dict["vimConnectionInfo"] = vim_connection_info
        if vnf_configurable_properties is not UNSET:
            field_dict["vnfConfigurableProperties"] = vnf_configurable_properties

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instantiate_vnf_request_additional_params import InstantiateVnfRequestAdditionalParams # noqa: PLC0415
        from ..models.instantiate_vnf_request_extensions import InstantiateVnfRequestExtensions # noqa: PLC0415
        from ..models.instantiate_vnf_request_vim_connection_info import InstantiateVnfRequestVimConnectionInfo # noqa: PLC0415
        from ..models.instantiate_vnf_request_vnf_configurable_properties import InstantiateVnfRequestVnfConfigurableProperties # noqa: PLC0415
        d = dict(src_dict)
        flavour_id = d.pop("flavourId")

        _additional_params = d.pop("additionalParams", UNSET)
        additional_params: InstantiateVnfRequestAdditionalParams | Unset
        if isinstance(_additional_params,  Unset):
            additional_params = UNSET
        else:
            additional_params = InstantiateVnfRequestAdditionalParams.from_dict(_additional_params)




        _extensions = d.pop("extensions", UNSET)
        extensions: InstantiateVnfRequestExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = InstantiateVnfRequestExtensions.from_dict(_extensions)




        instantiation_level_id = d.pop("instantiationLevelId", UNSET)

        _vim_connection_info = d.pop("vimConnectionInfo", UNSET)
        vim_connection_info: InstantiateVnfRequestVimConnectionInfo | Unset
        if isinstance(_vim_connection_info,  Unset):
            vim_connection_info = UNSET
        else:
            vim_connection_info = InstantiateVnfRequestVimConnectionInfo.from_dict(_vim_connection_info)




        _vnf_configurable_properties = d.pop("vnfConfigurableProperties", UNSET)
        vnf_configurable_properties: InstantiateVnfRequestVnfConfigurableProperties | Unset
        if isinstance(_vnf_configurable_properties,  Unset):
            vnf_configurable_properties = UNSET
        else:
            vnf_configurable_properties = InstantiateVnfRequestVnfConfigurableProperties.from_dict(_vnf_configurable_properties)




        instantiate_vnf_request = cls(
            flavour_id=flavour_id,
            additional_params=additional_params,
            extensions=extensions,
            instantiation_level_id=instantiation_level_id,
            vim_connection_info=vim_connection_info,
            vnf_configurable_properties=vnf_configurable_properties,
        )


        instantiate_vnf_request.additional_properties = d
        return instantiate_vnf_request

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
