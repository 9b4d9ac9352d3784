from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provisioning_status_provisioning_phase import ProvisioningStatusProvisioningPhase
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.resource_provisioning_status import ResourceProvisioningStatus





T = TypeVar("T", bound="ProvisioningStatus")



@_attrs_define
class ProvisioningStatus:
    """ Details about the status of the provisioning request.

        Attributes:
            infrastructure_resource_provisioning_status (list[ResourceProvisioningStatus]): If the ProvisioningRequest
                includes provisioning of InfrastructureResource(s),
                this attribute will contain the individual provisioning phase of each
                InfrastructureResource used to fulfil it.
            message (str): Message describing the status of the provisioning request. Example: Cluster installation is in
                progress.
            node_cluster_provisioning_status (ResourceProvisioningStatus): The provisioning status of an individual resource
                (NodeCluster or InfrastructureResource) within a ProvisioningRequest.
            provisioning_phase (ProvisioningStatusProvisioningPhase): Current state of the provisioning request. Example:
                PROGRESSING.
            update_time (datetime.datetime): Timestamp indicating the last time the status of the provisioning request was
                updated.
                 Example: 2024-01-15T20:32:28Z.
     """

    infrastructure_resource_provisioning_status: list[ResourceProvisioningStatus]
    message: str
    node_cluster_provisioning_status: ResourceProvisioningStatus
    provisioning_phase: ProvisioningStatusProvisioningPhase
    update_time: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.resource_provisioning_status import ResourceProvisioningStatus # noqa: PLC0415
        infrastructure_resource_provisioning_status = []
        for infrastructure_resource_provisioning_status_item_data in self.infrastructure_resource_provisioning_status:
            infrastructure_resource_provisioning_status_item = infrastructure_resource_provisioning_status_item_data.to_dict()
            infrastructure_resource_provisioning_status.append(infrastructure_resource_provisioning_status_item)



        message = self.message

        node_cluster_provisioning_status = self.node_cluster_provisioning_status.to_dict()

        provisioning_phase = self.provisioning_phase.value

        update_time = self.update_time.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "infrastructureResourceProvisioningStatus": infrastructure_resource_provisioning_status,
            "message": message,
            "nodeClusterProvisioningStatus": node_cluster_provisioning_status,
            "provisioningPhase": provisioning_phase,
            "updateTime": update_time,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_provisioning_status import ResourceProvisioningStatus # noqa: PLC0415
        d = dict(src_dict)
        infrastructure_resource_provisioning_status = []
        _infrastructure_resource_provisioning_status = d.pop("infrastructureResourceProvisioningStatus")
        for infrastructure_resource_provisioning_status_item_data in (_infrastructure_resource_provisioning_status):
            infrastructure_resource_provisioning_status_item = ResourceProvisioningStatus.from_dict(infrastructure_resource_provisioning_status_item_data)



            infrastructure_resource_provisioning_status.append(infrastructure_resource_provisioning_status_item)


        message = d.pop("message")

        node_cluster_provisioning_status = ResourceProvisioningStatus.from_dict(d.pop("nodeClusterProvisioningStatus"))




        provisioning_phase = ProvisioningStatusProvisioningPhase(d.pop("provisioningPhase"))




        update_time = datetime.datetime.fromisoformat(d.pop("updateTime"))




        provisioning_status = cls(
            infrastructure_resource_provisioning_status=infrastructure_resource_provisioning_status,
            message=message,
            node_cluster_provisioning_status=node_cluster_provisioning_status,
            provisioning_phase=provisioning_phase,
            update_time=update_time,
        )


        provisioning_status.additional_properties = d
        return provisioning_status

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
