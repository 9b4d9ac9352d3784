from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="V1DeploymentManagerCapacity")



@_attrs_define
class V1DeploymentManagerCapacity:
    """ 
        Attributes:
            cpu (str | Unset): Show the cpu capacity of the Deployment Manager Example: 32.
            hugepages_1_gi (str | Unset): Show the 1Gi hugepages capacity of the Deployment Manager Example: 2048.
            hugepages_2_mi (str | Unset): Show the 2Mi hugepages capacity of the Deployment Manager Example: 2048.
     """

    cpu: str | Unset = UNSET
    hugepages_1_gi: str | Unset = UNSET
    hugepages_2_mi: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cpu = self.cpu

        hugepages_1_gi = self.hugepages_1_gi

        hugepages_2_mi = self.hugepages_2_mi


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if cpu is not UNSET:
            field_dict["cpu"] = cpu
        if hugepages_1_gi is not UNSET:
            field_dict["hugepages-1Gi"] = hugepages_1_gi
        if hugepages_2_mi is not UNSET:
            field_dict["hugepages-2Mi"] = hugepages_2_mi

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cpu = d.pop("cpu", UNSET)

        hugepages_1_gi = d.pop("hugepages-1Gi", UNSET)

        hugepages_2_mi = d.pop("hugepages-2Mi", UNSET)

        v1_deployment_manager_capacity = cls(
            cpu=cpu,
            hugepages_1_gi=hugepages_1_gi,
            hugepages_2_mi=hugepages_2_mi,
        )


        v1_deployment_manager_capacity.additional_properties = d
        return v1_deployment_manager_capacity

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
