from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item_versions_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem





T = TypeVar("T", bound="LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem")



@_attrs_define
class LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem:
    """ 
        Attributes:
            vnf_product_name (str):
            versions (list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfPro
                ductsItemVersionsItem] | Unset):
     """

    vnf_product_name: str
    versions: list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item_versions_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem # noqa: PLC0415
        vnf_product_name = self.vnf_product_name

        versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.versions, Unset):
            versions = []
            for versions_item_data in self.versions:
                versions_item = versions_item_data.to_dict()
                versions.append(versions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "vnfProductName": vnf_product_name,
        })
        if versions is not UNSET:
            field_dict["versions"] = versions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item_versions_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem # noqa: PLC0415
        d = dict(src_dict)
        vnf_product_name = d.pop("vnfProductName")

        _versions = d.pop("versions", UNSET)
        versions: list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem] | Unset = UNSET
        if _versions is not UNSET:
            versions = []
            for versions_item_data in _versions:
                versions_item = LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItemVersionsItem.from_dict(versions_item_data)



                versions.append(versions_item)


        lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item = cls(
            vnf_product_name=vnf_product_name,
            versions=versions,
        )


        lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item.additional_properties = d
        return lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item

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
