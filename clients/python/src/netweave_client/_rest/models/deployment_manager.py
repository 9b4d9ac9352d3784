from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.deployment_manager_capabilities import DeploymentManagerCapabilities
  from ..models.deployment_manager_capacity import DeploymentManagerCapacity
  from ..models.deployment_manager_extensions import DeploymentManagerExtensions





T = TypeVar("T", bound="DeploymentManager")



@_attrs_define
class DeploymentManager:
    """ Information about a deployment manager.

        Attributes:
            capabilities (DeploymentManagerCapabilities): Information about the capabilities supported by the Deployment
                Manager and its set of deployment management
                services based on the resources allocated to the Deployment Manager.
            capacity (DeploymentManagerCapacity): Information about the available, allocated and reserved capacity of
                O-Cloud Resources allocated to the
                Deployment Manager.
            deployment_manager_id (UUID): Identifier for the Deployment Manager. This identifier is allocated by the
                O-Cloud. Example: 65221564-8b05-416a-bfc3-c250bc64e1aa.
            description (str): Human readable description of the deployment manager Example: My cluster.
            name (str): Human readable description of the deployment manager
            o_cloud_id (UUID): Identifier for the containing O-Cloud. Example: 262c8f17-52b5-4614-9e56-812ae21fa8a7.
            service_uri (str): The fully qualified URI to a Deployment Management server for O2dms services. Since the O2dms
                provides
                multiple services, this entry is for the {apiRoot} only.
                 Example: https://my.cluster:6443.
            supported_locations (list[str]): List of globalLocationIDs that were assigned to the OCloud Site(s) which this
                Deployment Manager supports.
            extensions (DeploymentManagerExtensions | Unset): List of metadata key-value pairs used to associate meaningful
                metadata to the related Deployment Manager.
     """

    capabilities: DeploymentManagerCapabilities
    capacity: DeploymentManagerCapacity
    deployment_manager_id: UUID
    description: str
    name: str
    o_cloud_id: UUID
    service_uri: str
    supported_locations: list[str]
    extensions: DeploymentManagerExtensions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deployment_manager_capabilities import DeploymentManagerCapabilities # noqa: PLC0415
        from ..models.deployment_manager_capacity import DeploymentManagerCapacity # noqa: PLC0415
        from ..models.deployment_manager_extensions import DeploymentManagerExtensions # noqa: PLC0415
        capabilities = self.capabilities.to_dict()

        capacity = self.capacity.to_dict()

        deployment_manager_id = str(self.deployment_manager_id)

        description = self.description

        name = self.name

        o_cloud_id = str(self.o_cloud_id)

        service_uri = self.service_uri

        supported_locations = self.supported_locations



        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capabilities": capabilities,
            "capacity": capacity,
            "deploymentManagerId": deployment_manager_id,
            "description": description,
            "name": name,
            "oCloudId": o_cloud_id,
            "serviceUri": service_uri,
            "supportedLocations": supported_locations,
        })
        if extensions is not UNSET:
            field_dict["extensions"] = extensions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deployment_manager_capabilities import DeploymentManagerCapabilities # noqa: PLC0415
        from ..models.deployment_manager_capacity import DeploymentManagerCapacity # noqa: PLC0415
        from ..models.deployment_manager_extensions import DeploymentManagerExtensions # noqa: PLC0415
        d = dict(src_dict)
        capabilities = DeploymentManagerCapabilities.from_dict(d.pop("capabilities"))




        capacity = DeploymentManagerCapacity.from_dict(d.pop("capacity"))




        deployment_manager_id = UUID(d.pop("deploymentManagerId"))




        description = d.pop("description")

        name = d.pop("name")

        o_cloud_id = UUID(d.pop("oCloudId"))




        service_uri = d.pop("serviceUri")

        supported_locations = cast(list[str], d.pop("supportedLocations"))


        _extensions = d.pop("extensions", UNSET)
        extensions: DeploymentManagerExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = DeploymentManagerExtensions.from_dict(_extensions)




        deployment_manager = cls(
            capabilities=capabilities,
            capacity=capacity,
            deployment_manager_id=deployment_manager_id,
            description=description,
            name=name,
            o_cloud_id=o_cloud_id,
            service_uri=service_uri,
            supported_locations=supported_locations,
            extensions=extensions,
        )


        deployment_manager.additional_properties = d
        return deployment_manager

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
