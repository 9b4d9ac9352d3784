from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_deployment_manager_capabilities import V1DeploymentManagerCapabilities
  from ..models.v1_deployment_manager_capacity import V1DeploymentManagerCapacity
  from ..models.v1_deployment_manager_list_dto_extensions import V1DeploymentManagerListDtoExtensions





T = TypeVar("T", bound="V1DeploymentManagerListDto")



@_attrs_define
class V1DeploymentManagerListDto:
    """ 
        Attributes:
            deployment_manager_id (str): Identifier for the Deployment Manager. Example:
                c765516a-a84e-30c9-b954-9c3031bf71c8.
            capabilities (V1DeploymentManagerCapabilities | Unset):
            capacity (V1DeploymentManagerCapacity | Unset):
            description (str | Unset): Human readable description of the deployment manager. Example: A DMS.
            extensions (V1DeploymentManagerListDtoExtensions | Unset): List of metadata key-value pairs used to associate
                meaningful metadata to the related Deployment Manager netweave: a JSON object of key-value pairs, as the
                description says and INF's DTOs return (`Json2Dict`).
            name (str | Unset): Human readable name of the deployment manager. Example:
                95b818b8-b315-4d9f-af37-b82c492101f1.kubernetes.
            o_cloud_id (str | Unset): Identifier for the containing O-Cloud. Example: f078a1d3-56df-46c2-88a2-dd659aa3f6bd.
            profile_support_list (list[str] | Unset): Profile support list, use default for the return endpoint Example:
                ['native_k8sapi'].
            service_uri (str | Unset): The fully qualified URI to a Deployment Management server for O2dms. Example:
                https://128.224.115.51:6443.
            supported_locations (list[str] | Unset): netweave: a list of locations, as the O-RAN spec types it.
     """

    deployment_manager_id: str
    capabilities: V1DeploymentManagerCapabilities | Unset = UNSET
    capacity: V1DeploymentManagerCapacity | Unset = UNSET
    description: str | Unset = UNSET
    extensions: V1DeploymentManagerListDtoExtensions | Unset = UNSET
    name: str | Unset = UNSET
    o_cloud_id: str | Unset = UNSET
    profile_support_list: list[str] | Unset = UNSET
    service_uri: str | Unset = UNSET
    supported_locations: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_deployment_manager_capabilities import V1DeploymentManagerCapabilities # noqa: PLC0415
        from ..models.v1_deployment_manager_capacity import V1DeploymentManagerCapacity # noqa: PLC0415
        from ..models.v1_deployment_manager_list_dto_extensions import V1DeploymentManagerListDtoExtensions # noqa: PLC0415
        deployment_manager_id = self.deployment_manager_id

        capabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities.to_dict()

        capacity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capacity, Unset):
            capacity = self.capacity.to_dict()

        description = self.description

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        name = self.name

        o_cloud_id = self.o_cloud_id

        profile_support_list: list[str] | Unset = UNSET
        if not isinstance(self.profile_support_list, Unset):
            profile_support_list = self.profile_support_list



        service_uri = self.service_uri

        supported_locations: list[str] | Unset = UNSET
        if not isinstance(self.supported_locations, Unset):
            supported_locations = self.supported_locations




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deploymentManagerId": deployment_manager_id,
        })
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if description is not UNSET:
            field_dict["description"] = description
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if name is not UNSET:
            field_dict["name"] = name
        if o_cloud_id is not UNSET:
            field_dict["oCloudId"] = o_cloud_id
        if profile_support_list is not UNSET:
            field_dict["profileSupportList"] = profile_support_list
        if service_uri is not UNSET:
            field_dict["serviceUri"] = service_uri
        if supported_locations is not UNSET:
            field_dict["supportedLocations"] = supported_locations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_deployment_manager_capabilities import V1DeploymentManagerCapabilities # noqa: PLC0415
        from ..models.v1_deployment_manager_capacity import V1DeploymentManagerCapacity # noqa: PLC0415
        from ..models.v1_deployment_manager_list_dto_extensions import V1DeploymentManagerListDtoExtensions # noqa: PLC0415
        d = dict(src_dict)
        deployment_manager_id = d.pop("deploymentManagerId")

        _capabilities = d.pop("capabilities", UNSET)
        capabilities: V1DeploymentManagerCapabilities | Unset
        if isinstance(_capabilities,  Unset):
            capabilities = UNSET
        else:
            capabilities = V1DeploymentManagerCapabilities.from_dict(_capabilities)




        _capacity = d.pop("capacity", UNSET)
        capacity: V1DeploymentManagerCapacity | Unset
        if isinstance(_capacity,  Unset):
            capacity = UNSET
        else:
            capacity = V1DeploymentManagerCapacity.from_dict(_capacity)




        description = d.pop("description", UNSET)

        _extensions = d.pop("extensions", UNSET)
        extensions: V1DeploymentManagerListDtoExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = V1DeploymentManagerListDtoExtensions.from_dict(_extensions)




        name = d.pop("name", UNSET)

        o_cloud_id = d.pop("oCloudId", UNSET)

        profile_support_list = cast(list[str], d.pop("profileSupportList", UNSET))


        service_uri = d.pop("serviceUri", UNSET)

        supported_locations = cast(list[str], d.pop("supportedLocations", UNSET))


        v1_deployment_manager_list_dto = cls(
            deployment_manager_id=deployment_manager_id,
            capabilities=capabilities,
            capacity=capacity,
            description=description,
            extensions=extensions,
            name=name,
            o_cloud_id=o_cloud_id,
            profile_support_list=profile_support_list,
            service_uri=service_uri,
            supported_locations=supported_locations,
        )


        v1_deployment_manager_list_dto.additional_properties = d
        return v1_deployment_manager_list_dto

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
