from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lifecycle_change_notifications_filter_notification_types_item import LifecycleChangeNotificationsFilterNotificationTypesItem
from ..models.lifecycle_change_notifications_filter_operation_states_item import LifecycleChangeNotificationsFilterOperationStatesItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter





T = TypeVar("T", bound="LifecycleChangeNotificationsFilter")



@_attrs_define
class LifecycleChangeNotificationsFilter:
    """ LifecycleChangeNotificationsFilter (SOL003 §5.5.3.12): every attribute given must match.

        Attributes:
            notification_types (list[LifecycleChangeNotificationsFilterNotificationTypesItem] | Unset):
            operation_states (list[LifecycleChangeNotificationsFilterOperationStatesItem] | Unset):
            operation_types (list[str] | Unset):
            vnf_instance_subscription_filter (LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter | Unset):
     """

    notification_types: list[LifecycleChangeNotificationsFilterNotificationTypesItem] | Unset = UNSET
    operation_states: list[LifecycleChangeNotificationsFilterOperationStatesItem] | Unset = UNSET
    operation_types: list[str] | Unset = UNSET
    vnf_instance_subscription_filter: LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter # noqa: PLC0415
        notification_types: list[str] | Unset = UNSET
        if not isinstance(self.notification_types, Unset):
            notification_types = []
            for notification_types_item_data in self.notification_types:
                notification_types_item = notification_types_item_data.value
                notification_types.append(notification_types_item)



        operation_states: list[str] | Unset = UNSET
        if not isinstance(self.operation_states, Unset):
            operation_states = []
            for operation_states_item_data in self.operation_states:
                operation_states_item = operation_states_item_data.value
                operation_states.append(operation_states_item)



        operation_types: list[str] | Unset = UNSET
        if not isinstance(self.operation_types, Unset):
            operation_types = self.operation_types



        vnf_instance_subscription_filter: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vnf_instance_subscription_filter, Unset):
            vnf_instance_subscription_filter = self.vnf_instance_subscription_filter.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if notification_types is not UNSET:
            field_dict["notificationTypes"] = notification_types
        if operation_states is not UNSET:
            field_dict["operationStates"] = operation_states
        if operation_types is not UNSET:
            field_dict["operationTypes"] = operation_types
        if vnf_instance_subscription_filter is not UNSET:
            field_dict["vnfInstanceSubscriptionFilter"] = vnf_instance_subscription_filter

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lifecycle_change_notifications_filter_vnf_instance_subscription_filter import LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter # noqa: PLC0415
        d = dict(src_dict)
        _notification_types = d.pop("notificationTypes", UNSET)
        notification_types: list[LifecycleChangeNotificationsFilterNotificationTypesItem] | Unset = UNSET
        if _notification_types is not UNSET:
            notification_types = []
            for notification_types_item_data in _notification_types:
                notification_types_item = LifecycleChangeNotificationsFilterNotificationTypesItem(notification_types_item_data)



                notification_types.append(notification_types_item)


        _operation_states = d.pop("operationStates", UNSET)
        operation_states: list[LifecycleChangeNotificationsFilterOperationStatesItem] | Unset = UNSET
        if _operation_states is not UNSET:
            operation_states = []
            for operation_states_item_data in _operation_states:
                operation_states_item = LifecycleChangeNotificationsFilterOperationStatesItem(operation_states_item_data)



                operation_states.append(operation_states_item)


        operation_types = cast(list[str], d.pop("operationTypes", UNSET))


        _vnf_instance_subscription_filter = d.pop("vnfInstanceSubscriptionFilter", UNSET)
        vnf_instance_subscription_filter: LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter | Unset
        if isinstance(_vnf_instance_subscription_filter,  Unset):
            vnf_instance_subscription_filter = UNSET
        else:
            vnf_instance_subscription_filter = LifecycleChangeNotificationsFilterVnfInstanceSubscriptionFilter.from_dict(_vnf_instance_subscription_filter)




        lifecycle_change_notifications_filter = cls(
            notification_types=notification_types,
            operation_states=operation_states,
            operation_types=operation_types,
            vnf_instance_subscription_filter=vnf_instance_subscription_filter,
        )

        return lifecycle_change_notifications_filter

