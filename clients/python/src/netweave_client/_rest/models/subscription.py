from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="Subscription")



@_attrs_define
class Subscription:
    """ Information about an inventory subscription.

        Attributes:
            callback (str): The fully qualified URI to a consumer procedure which can process a Post of the
                InventoryEventNotification.
                 Example: https://smo.example.com/smo/v1/ocloud_inventory_observer.
            consumer_subscription_id (UUID | Unset): Identifier for the consumer of events sent due to the Subscription.
            filter_ (str | Unset): Criteria for events which do not need to be reported or will be filtered by the
                subscription
                notification service. Therefore, if a filter is not provided then all events are reported.
            hub_id (UUID | Unset): netweave extension: the TMF688 hub (`/tmf-api/event/v4/hub/{id}`) this subscription
                delivers for. Such a subscription receives TMF events selected by the hub's query; deleting it removes the hub.
            subscription_id (UUID | Unset): Identifier for the Subscription. This identifier is allocated by the O-Cloud.
                Example: 65221564-8b05-416a-bfc3-c250bc64e1aa.
            webhook_secret (str | Unset): netweave extension: this subscription's own Standard Webhooks secret, used instead
                of the server's to sign its notifications. Never returned.
     """

    callback: str
    consumer_subscription_id: UUID | Unset = UNSET
    filter_: str | Unset = UNSET
    hub_id: UUID | Unset = UNSET
    subscription_id: UUID | Unset = UNSET
    webhook_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        callback = self.callback

        consumer_subscription_id: str | Unset = UNSET
        if not isinstance(self.consumer_subscription_id, Unset):
            consumer_subscription_id = str(self.consumer_subscription_id)

        filter_ = self.filter_

        hub_id: str | Unset = UNSET
        if not isinstance(self.hub_id, Unset):
            hub_id = str(self.hub_id)

        subscription_id: str | Unset = UNSET
        if not isinstance(self.subscription_id, Unset):
            subscription_id = str(self.subscription_id)

        webhook_secret = self.webhook_secret


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "callback": callback,
        })
        if consumer_subscription_id is not UNSET:
            field_dict["consumerSubscriptionId"] = consumer_subscription_id
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if hub_id is not UNSET:
            field_dict["hubId"] = hub_id
        if subscription_id is not UNSET:
            field_dict["subscriptionId"] = subscription_id
        if webhook_secret is not UNSET:
            field_dict["webhookSecret"] = webhook_secret

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        callback = d.pop("callback")

        _consumer_subscription_id = d.pop("consumerSubscriptionId", UNSET)
        consumer_subscription_id: UUID | Unset
        if isinstance(_consumer_subscription_id,  Unset):
            consumer_subscription_id = UNSET
        else:
            consumer_subscription_id = UUID(_consumer_subscription_id)




        filter_ = d.pop("filter", UNSET)

        _hub_id = d.pop("hubId", UNSET)
        hub_id: UUID | Unset
        if isinstance(_hub_id,  Unset):
            hub_id = UNSET
        else:
            hub_id = UUID(_hub_id)




        _subscription_id = d.pop("subscriptionId", UNSET)
        subscription_id: UUID | Unset
        if isinstance(_subscription_id,  Unset):
            subscription_id = UNSET
        else:
            subscription_id = UUID(_subscription_id)




        webhook_secret = d.pop("webhookSecret", UNSET)

        subscription = cls(
            callback=callback,
            consumer_subscription_id=consumer_subscription_id,
            filter_=filter_,
            hub_id=hub_id,
            subscription_id=subscription_id,
            webhook_secret=webhook_secret,
        )


        subscription.additional_properties = d
        return subscription

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
