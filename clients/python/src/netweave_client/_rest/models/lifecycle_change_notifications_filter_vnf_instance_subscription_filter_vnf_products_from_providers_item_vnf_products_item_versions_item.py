from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem")



@_attrs_define
class LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem:
    """ 
        Attributes:
            vnf_software_version (str):
            vnfd_versions (list[str] | Unset):
     """

    vnf_software_version: str
    vnfd_versions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        vnf_software_version = self.vnf_software_version

        vnfd_versions: list[str] | Unset = UNSET
        if not isinstance(self.vnfd_versions, Unset):
            vnfd_versions = self.vnfd_versions




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "vnfSoftwareVersion": vnf_software_version,
        })
        if vnfd_versions is not UNSET:
            field_dict["vnfdVersions"] = vnfd_versions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vnf_software_version = d.pop("vnfSoftwareVersion")

        vnfd_versions = cast(list[str], d.pop("vnfdVersions", UNSET))


        lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item_versions_item = cls(
            vnf_software_version=vnf_software_version,
            vnfd_versions=vnfd_versions,
        )


        lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item_versions_item.additional_properties = d
        return lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item_versions_item

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
