from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.inventory_change_notification_notification_event_type import InventoryChangeNotificationNotificationEventType
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.inventory_change_notification_post_object_state import InventoryChangeNotificationPostObjectState
  from ..models.inventory_change_notification_prior_object_state import InventoryChangeNotificationPriorObjectState





T = TypeVar("T", bound="InventoryChangeNotification")



@_attrs_define
class InventoryChangeNotification:
    """ Information about an inventory change notification

        Attributes:
            notification_event_type (InventoryChangeNotificationNotificationEventType): One of the following values: 0 -
                create, 1 - modify, 2 - delete
            notification_id (UUID): A unique identifier to represent this notification event
            consumer_subscription_id (UUID | Unset): The value provided by the consumer in the subscription
            object_ref (str | Unset): The URL to the object. This is not required if the notificationEventType is 2
                (DELETE). It will point to
                one of the following data types defined in clause 3.2.6 and the reference will match the type of objects
                supplied in priorObjectState and/or postObjectState.
            post_object_state (InventoryChangeNotificationPostObjectState | Unset): This is required if the
                notificationEventType is 0 (CREATE) or 1 (MODIFY) and is one of the following data
                types defined in clause 3.2.6 and will match the type of object in priorObjectState and/or the type
                referred to in objectRef.
            prior_object_state (InventoryChangeNotificationPriorObjectState | Unset): This is required if the
                notificationEventType is 1 (MODIFY) or 2 (DELETE) and is one of the following
                data types defined in clause 3.2.6 and will match the type of object in postObjectState and/or the type
                referred to in objectRef.
     """

    notification_event_type: InventoryChangeNotificationNotificationEventType
    notification_id: UUID
    consumer_subscription_id: UUID | Unset = UNSET
    object_ref: str | Unset = UNSET
    post_object_state: InventoryChangeNotificationPostObjectState | Unset = UNSET
    prior_object_state: InventoryChangeNotificationPriorObjectState | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.inventory_change_notification_post_object_state import InventoryChangeNotificationPostObjectState # noqa: PLC0415
        from ..models.inventory_change_notification_prior_object_state import InventoryChangeNotificationPriorObjectState # noqa: PLC0415
        notification_event_type = self.notification_event_type.value

        notification_id = str(self.notification_id)

        consumer_subscription_id: str | Unset = UNSET
        if not isinstance(self.consumer_subscription_id, Unset):
            consumer_subscription_id = str(self.consumer_subscription_id)

        object_ref = self.object_ref

        post_object_state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.post_object_state, Unset):
            post_object_state = self.post_object_state.to_dict()

        prior_object_state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prior_object_state, Unset):
            prior_object_state = self.prior_object_state.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "notificationEventType": notification_event_type,
            "notificationId": notification_id,
        })
        if consumer_subscription_id is not UNSET:
            field_dict["consumerSubscriptionId"] = consumer_subscription_id
        if object_ref is not UNSET:
            field_dict["objectRef"] = object_ref
        if post_object_state is not UNSET:
            field_dict["postObjectState"] = post_object_state
        if prior_object_state is not UNSET:
            field_dict["priorObjectState"] = prior_object_state

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inventory_change_notification_post_object_state import InventoryChangeNotificationPostObjectState # noqa: PLC0415
        from ..models.inventory_change_notification_prior_object_state import InventoryChangeNotificationPriorObjectState # noqa: PLC0415
        d = dict(src_dict)
        notification_event_type = InventoryChangeNotificationNotificationEventType(d.pop("notificationEventType"))




        notification_id = UUID(d.pop("notificationId"))




        _consumer_subscription_id = d.pop("consumerSubscriptionId", UNSET)
        consumer_subscription_id: UUID | Unset
        if isinstance(_consumer_subscription_id,  Unset):
            consumer_subscription_id = UNSET
        else:
            consumer_subscription_id = UUID(_consumer_subscription_id)




        object_ref = d.pop("objectRef", UNSET)

        _post_object_state = d.pop("postObjectState", UNSET)
        post_object_state: InventoryChangeNotificationPostObjectState | Unset
        if isinstance(_post_object_state,  Unset):
            post_object_state = UNSET
        else:
            post_object_state = InventoryChangeNotificationPostObjectState.from_dict(_post_object_state)




        _prior_object_state = d.pop("priorObjectState", UNSET)
        prior_object_state: InventoryChangeNotificationPriorObjectState | Unset
        if isinstance(_prior_object_state,  Unset):
            prior_object_state = UNSET
        else:
            prior_object_state = InventoryChangeNotificationPriorObjectState.from_dict(_prior_object_state)




        inventory_change_notification = cls(
            notification_event_type=notification_event_type,
            notification_id=notification_id,
            consumer_subscription_id=consumer_subscription_id,
            object_ref=object_ref,
            post_object_state=post_object_state,
            prior_object_state=prior_object_state,
        )


        inventory_change_notification.additional_properties = d
        return inventory_change_notification

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
