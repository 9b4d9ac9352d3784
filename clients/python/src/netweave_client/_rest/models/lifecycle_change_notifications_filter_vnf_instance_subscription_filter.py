from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem





T = TypeVar("T", bound="LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter")



@_attrs_define
class LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter:
    """ 
        Attributes:
            vnf_instance_ids (list[str] | Unset):
            vnf_instance_names (list[str] | Unset):
            vnf_products_from_providers
                (list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem] | Unset):
            vnfd_ids (list[str] | Unset):
     """

    vnf_instance_ids: list[str] | Unset = UNSET
    vnf_instance_names: list[str] | Unset = UNSET
    vnf_products_from_providers: list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem] | Unset = UNSET
    vnfd_ids: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem # noqa: PLC0415
        vnf_instance_ids: list[str] | Unset = UNSET
        if not isinstance(self.vnf_instance_ids, Unset):
            vnf_instance_ids = self.vnf_instance_ids



        vnf_instance_names: list[str] | Unset = UNSET
        if not isinstance(self.vnf_instance_names, Unset):
            vnf_instance_names = self.vnf_instance_names



        vnf_products_from_providers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vnf_products_from_providers, Unset):
            vnf_products_from_providers = []
            for vnf_products_from_providers_item_data in self.vnf_products_from_providers:
                vnf_products_from_providers_item = vnf_products_from_providers_item_data.to_dict()
                vnf_products_from_providers.append(vnf_products_from_providers_item)



        vnfd_ids: list[str] | Unset = UNSET
        if not isinstance(self.vnfd_ids, Unset):
            vnfd_ids = self.vnfd_ids




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if vnf_instance_ids is not UNSET:
            field_dict["vnfInstanceIds"] = vnf_instance_ids
        if vnf_instance_names is not UNSET:
            field_dict["vnfInstanceNames"] = vnf_instance_names
        if vnf_products_from_providers is not UNSET:
            field_dict["vnfProductsFromProviders"] = vnf_products_from_providers
        if vnfd_ids is not UNSET:
            field_dict["vnfdIds"] = vnfd_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter_vnf_products_from_providers_item import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem # noqa: PLC0415
        d = dict(src_dict)
        vnf_instance_ids = cast(list[str], d.pop("vnfInstanceIds", UNSET))


        vnf_instance_names = cast(list[str], d.pop("vnfInstanceNames", UNSET))


        _vnf_products_from_providers = d.pop("vnfProductsFromProviders", UNSET)
        vnf_products_from_providers: list[LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem] | Unset = UNSET
        if _vnf_products_from_providers is not UNSET:
            vnf_products_from_providers = []
            for vnf_products_from_providers_item_data in _vnf_products_from_providers:
                vnf_products_from_providers_item = LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilterVnfProductsFromProvidersItem.from_dict(vnf_products_from_providers_item_data)



                vnf_products_from_providers.append(vnf_products_from_providers_item)


        vnfd_ids = cast(list[str], d.pop("vnfdIds", UNSET))


        lifecycle_change_notifications_filter_vnf_instance_subscription_filter = cls(
            vnf_instance_ids=vnf_instance_ids,
            vnf_instance_names=vnf_instance_names,
            vnf_products_from_providers=vnf_products_from_providers,
            vnfd_ids=vnfd_ids,
        )

        return lifecycle_change_notifications_filter_vnf_instance_subscription_filter

