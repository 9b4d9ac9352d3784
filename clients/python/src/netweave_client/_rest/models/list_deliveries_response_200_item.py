from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.list_deliveries_response_200_item_state import ListDeliveriesResponse200ItemState
from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="ListDeliveriesResponse200Item")



@_attrs_define
class ListDeliveriesResponse200Item:
    """ 
        Attributes:
            attempts (int):
            event_cursor (int):
            event_type (str):
            next_attempt_ms (int): Unix milliseconds of the next attempt.
            notification_id (UUID):
            object_ref (str):
            state (ListDeliveriesResponse200ItemState):
            subscription_id (UUID):
            last_error (str | Unset):
            tenant (str | Unset): The subscription's tenant when the notification was made: who may see the delivery.
     """

    attempts: int
    event_cursor: int
    event_type: str
    next_attempt_ms: int
    notification_id: UUID
    object_ref: str
    state: ListDeliveriesResponse200ItemState
    subscription_id: UUID
    last_error: str | Unset = UNSET
    tenant: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        event_cursor = self.event_cursor

        event_type = self.event_type

        next_attempt_ms = self.next_attempt_ms

        notification_id = str(self.notification_id)

        object_ref = self.object_ref

        state = self.state.value

        subscription_id = str(self.subscription_id)

        last_error = self.last_error

        tenant = self.tenant


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "eventCursor": event_cursor,
            "eventType": event_type,
            "nextAttemptMs": next_attempt_ms,
            "notificationId": notification_id,
            "objectRef": object_ref,
            "state": state,
            "subscriptionId": subscription_id,
        })
        if last_error is not UNSET:
            field_dict["lastError"] = last_error
        if tenant is not UNSET:
            field_dict["tenant"] = tenant

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        event_cursor = d.pop("eventCursor")

        event_type = d.pop("eventType")

        next_attempt_ms = d.pop("nextAttemptMs")

        notification_id = UUID(d.pop("notificationId"))




        object_ref = d.pop("objectRef")

        state = ListDeliveriesResponse200ItemState(d.pop("state"))




        subscription_id = UUID(d.pop("subscriptionId"))




        last_error = d.pop("lastError", UNSET)

        tenant = d.pop("tenant", UNSET)

        list_deliveries_response_200_item = cls(
            attempts=attempts,
            event_cursor=event_cursor,
            event_type=event_type,
            next_attempt_ms=next_attempt_ms,
            notification_id=notification_id,
            object_ref=object_ref,
            state=state,
            subscription_id=subscription_id,
            last_error=last_error,
            tenant=tenant,
        )


        list_deliveries_response_200_item.additional_properties = d
        return list_deliveries_response_200_item

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
