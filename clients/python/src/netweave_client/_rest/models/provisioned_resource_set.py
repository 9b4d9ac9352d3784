from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ProvisionedResourceSet")



@_attrs_define
class ProvisionedResourceSet:
    """ The resources that have been successfully provisioned as part of the provisioning process.

        Attributes:
            infrastructure_resource_ids (list[str]): List of identifiers of the InfrastructureResource objects that have
                been
                provisioned as part of this ProvisioningRequest.
                 Example: ['res-001', 'res-002'].
            node_cluster_id (str): Identifier of the NodeCluster that has been provisioned. Example:
                a1478db9-651f-4d30-96d6-8af13481d779.
     """

    infrastructure_resource_ids: list[str]
    node_cluster_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        infrastructure_resource_ids = self.infrastructure_resource_ids



        node_cluster_id = self.node_cluster_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "infrastructureResourceIds": infrastructure_resource_ids,
            "nodeClusterId": node_cluster_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        infrastructure_resource_ids = cast(list[str], d.pop("infrastructureResourceIds"))


        node_cluster_id = d.pop("nodeClusterId")

        provisioned_resource_set = cls(
            infrastructure_resource_ids=infrastructure_resource_ids,
            node_cluster_id=node_cluster_id,
        )


        provisioned_resource_set.additional_properties = d
        return provisioned_resource_set

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
