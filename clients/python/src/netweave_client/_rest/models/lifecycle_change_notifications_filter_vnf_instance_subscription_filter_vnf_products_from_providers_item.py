from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem





T = TypeVar("T", bound="LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem")



@_attrs_define
class LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem:
    """ 
        Attributes:
            vnf_provider (str):
            vnf_products (list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVn
                fProductsItem] | Unset):
     """

    vnf_provider: str
    vnf_products: list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem # noqa: PLC0415
        vnf_provider = self.vnf_provider

        vnf_products: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vnf_products, Unset):
            vnf_products = []
            for vnf_products_item_data in self.vnf_products:
                vnf_products_item = vnf_products_item_data.to_dict()
                vnf_products.append(vnf_products_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "vnfProvider": vnf_provider,
        })
        if vnf_products is not UNSET:
            field_dict["vnfProducts"] = vnf_products

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item_vnf_products_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem # noqa: PLC0415
        d = dict(src_dict)
        vnf_provider = d.pop("vnfProvider")

        _vnf_products = d.pop("vnfProducts", UNSET)
        vnf_products: list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem] | Unset = UNSET
        if _vnf_products is not UNSET:
            vnf_products = []
            for vnf_products_item_data in _vnf_products:
                vnf_products_item = LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItemVnfProductsItem.from_dict(vnf_products_item_data)



                vnf_products.append(vnf_products_item)


        lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item = cls(
            vnf_provider=vnf_provider,
            vnf_products=vnf_products,
        )


        lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item.additional_properties = d
        return lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item

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
