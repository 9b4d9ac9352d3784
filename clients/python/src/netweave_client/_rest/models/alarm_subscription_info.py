from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alarm_subscription_info_filter import AlarmSubscriptionInfoFilter
from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="AlarmSubscriptionInfo")



@_attrs_define
class AlarmSubscriptionInfo:
    """ 
        Attributes:
            callback (str): The fully qualified URI to a consumer procedure which can process a Post of the
                AlarmEventNotification.
            alarm_subscription_id (UUID | Unset): Identifier for the Alarm Subscription. This identifier is allocated by the
                O-Cloud. Example: 16d5fc54-cee0-4532-9826-2369f8240e1b.
            consumer_subscription_id (UUID | Unset): Identifier for the consumer of events sent due to the Subscription.
                Example: 16d5fc54-cee0-4532-9826-2369f8240e1b.
            filter_ (AlarmSubscriptionInfoFilter | Unset): Criteria for events which do not need to be reported or will be
                filtered by the subscription
                notification service. Therefore, if a filter is not provided then all events are reported.
                It can be filtered by criteria based on the type of notification of fields of the
                AlarmEventRecord.
                 Example: NEW.
     """

    callback: str
    alarm_subscription_id: UUID | Unset = UNSET
    consumer_subscription_id: UUID | Unset = UNSET
    filter_: AlarmSubscriptionInfoFilter | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        callback = self.callback

        alarm_subscription_id: str | Unset = UNSET
        if not isinstance(self.alarm_subscription_id, Unset):
            alarm_subscription_id = str(self.alarm_subscription_id)

        consumer_subscription_id: str | Unset = UNSET
        if not isinstance(self.consumer_subscription_id, Unset):
            consumer_subscription_id = str(self.consumer_subscription_id)

        filter_: str | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "callback": callback,
        })
        if alarm_subscription_id is not UNSET:
            field_dict["alarmSubscriptionId"] = alarm_subscription_id
        if consumer_subscription_id is not UNSET:
            field_dict["consumerSubscriptionId"] = consumer_subscription_id
        if filter_ is not UNSET:
            field_dict["filter"] = filter_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        callback = d.pop("callback")

        _alarm_subscription_id = d.pop("alarmSubscriptionId", UNSET)
        alarm_subscription_id: UUID | Unset
        if isinstance(_alarm_subscription_id,  Unset):
            alarm_subscription_id = UNSET
        else:
            alarm_subscription_id = UUID(_alarm_subscription_id)




        _consumer_subscription_id = d.pop("consumerSubscriptionId", UNSET)
        consumer_subscription_id: UUID | Unset
        if isinstance(_consumer_subscription_id,  Unset):
            consumer_subscription_id = UNSET
        else:
            consumer_subscription_id = UUID(_consumer_subscription_id)




        _filter_ = d.pop("filter", UNSET)
        filter_: AlarmSubscriptionInfoFilter | Unset
        if isinstance(_filter_,  Unset):
            filter_ = UNSET
        else:
            filter_ = AlarmSubscriptionInfoFilter(_filter_)




        alarm_subscription_info = cls(
            callback=callback,
            alarm_subscription_id=alarm_subscription_id,
            consumer_subscription_id=consumer_subscription_id,
            filter_=filter_,
        )


        alarm_subscription_info.additional_properties = d
        return alarm_subscription_info

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
