from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.managed_infrastructure_template_defaults_cluster_instance_defaults import ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults
  from ..models.managed_infrastructure_template_defaults_policy_template_defaults import ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults





T = TypeVar("T", bound="ManagedInfrastructureTemplateDefaults")



@_attrs_define
class ManagedInfrastructureTemplateDefaults:
    """ Default values used for cluster provisioning by a ManagedInfrastructureTemplate

        Attributes:
            cluster_instance_defaults (ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults | Unset): Defines the
                default values used for cluster installation
            policy_template_defaults (ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults | Unset): Defines the
                default values used for cluster configuration
     """

    cluster_instance_defaults: ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults | Unset = UNSET
    policy_template_defaults: ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.managed_infrastructure_template_defaults_cluster_instance_defaults import ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults # noqa: PLC0415
        from ..models.managed_infrastructure_template_defaults_policy_template_defaults import ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults # noqa: PLC0415
        cluster_instance_defaults: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cluster_instance_defaults, Unset):
            cluster_instance_defaults = self.cluster_instance_defaults.to_dict()

        policy_template_defaults: dict[str, Any] | Unset = UNSET
        if not isinstance(self.policy_template_defaults, Unset):
            policy_template_defaults = self.policy_template_defaults.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if cluster_instance_defaults is not UNSET:
            field_dict["clusterInstanceDefaults"] = cluster_instance_defaults
        if policy_template_defaults is not UNSET:
            field_dict["policyTemplateDefaults"] = policy_template_defaults

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.managed_infrastructure_template_defaults_cluster_instance_defaults import ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults # noqa: PLC0415
        from ..models.managed_infrastructure_template_defaults_policy_template_defaults import ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults # noqa: PLC0415
        d = dict(src_dict)
        _cluster_instance_defaults = d.pop("clusterInstanceDefaults", UNSET)
        cluster_instance_defaults: ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults | Unset
        if isinstance(_cluster_instance_defaults,  Unset):
            cluster_instance_defaults = UNSET
        else:
            cluster_instance_defaults = ManagedInfrastructureTemplateDefaultsClusterInstanceDefaults.from_dict(_cluster_instance_defaults)




        _policy_template_defaults = d.pop("policyTemplateDefaults", UNSET)
        policy_template_defaults: ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults | Unset
        if isinstance(_policy_template_defaults,  Unset):
            policy_template_defaults = UNSET
        else:
            policy_template_defaults = ManagedInfrastructureTemplateDefaultsPolicyTemplateDefaults.from_dict(_policy_template_defaults)




        managed_infrastructure_template_defaults = cls(
            cluster_instance_defaults=cluster_instance_defaults,
            policy_template_defaults=policy_template_defaults,
        )


        managed_infrastructure_template_defaults.additional_properties = d
        return managed_infrastructure_template_defaults

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
