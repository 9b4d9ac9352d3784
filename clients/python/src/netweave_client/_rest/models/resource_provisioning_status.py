from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.resource_provisioning_phase import ResourceProvisioningPhase






T = TypeVar("T", bound="ResourceProvisioningStatus")



@_attrs_define
class ResourceProvisioningStatus:
    """ The provisioning status of an individual resource
    (NodeCluster or InfrastructureResource) within a ProvisioningRequest.

        Attributes:
            resource_id (str): Identifier of the resource. Example: a1478db9-651f-4d30-96d6-8af13481d779.
            resource_name (str): Human-readable name of the resource. Example: cluster-001.
            resource_provisioning_phase (ResourceProvisioningPhase): The provisioning phase of an individual resource within
                a ProvisioningRequest.
                 Example: PROCESSING.
     """

    resource_id: str
    resource_name: str
    resource_provisioning_phase: ResourceProvisioningPhase
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        resource_id = self.resource_id

        resource_name = self.resource_name

        resource_provisioning_phase = self.resource_provisioning_phase.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "resourceId": resource_id,
            "resourceName": resource_name,
            "resourceProvisioningPhase": resource_provisioning_phase,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource_id = d.pop("resourceId")

        resource_name = d.pop("resourceName")

        resource_provisioning_phase = ResourceProvisioningPhase(d.pop("resourceProvisioningPhase"))




        resource_provisioning_status = cls(
            resource_id=resource_id,
            resource_name=resource_name,
            resource_provisioning_phase=resource_provisioning_phase,
        )


        resource_provisioning_status.additional_properties = d
        return resource_provisioning_status

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
