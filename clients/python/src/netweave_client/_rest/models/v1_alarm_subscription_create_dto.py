from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="V1AlarmSubscriptionCreateDto")



@_attrs_define
class V1AlarmSubscriptionCreateDto:
    """ 
        Attributes:
            callback (str): The fully qualified URI to a consumer procedure which can process a Post of the
                InventoryEventNotification. Example: https://128.224.115.15:1081/smo/v1/o2ims_alarm_observer.
            consumer_subscription_id (str | Unset): Identifier for the consumer of events sent due to the Subscription.
                Example: 3F20D850-AF4F-A84F-FB5A-0AD585410361.
            filter_ (str | Unset): Criteria for events which do not need to be reported or will be filtered by the
                subscription notification service. Therefore, if a filter is not provided then all events are reported.
     """

    callback: str
    consumer_subscription_id: str | Unset = UNSET
    filter_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        callback = self.callback

        consumer_subscription_id = self.consumer_subscription_id

        filter_ = self.filter_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "callback": callback,
        })
        if consumer_subscription_id is not UNSET:
            field_dict["consumerSubscriptionId"] = consumer_subscription_id
        if filter_ is not UNSET:
            field_dict["filter"] = filter_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        callback = d.pop("callback")

        consumer_subscription_id = d.pop("consumerSubscriptionId", UNSET)

        filter_ = d.pop("filter", UNSET)

        v1_alarm_subscription_create_dto = cls(
            callback=callback,
            consumer_subscription_id=consumer_subscription_id,
            filter_=filter_,
        )


        v1_alarm_subscription_create_dto.additional_properties = d
        return v1_alarm_subscription_create_dto

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
