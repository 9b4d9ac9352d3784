from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.list_dead_letters_response_200_item_delivery_event import ListDeadLettersResponse200ItemDeliveryEvent





T = TypeVar("T", bound="ListDeadLettersResponse200ItemDelivery")



@_attrs_define
class ListDeadLettersResponse200ItemDelivery:
    """ 
        Attributes:
            attempts (int):
            event (ListDeadLettersResponse200ItemDeliveryEvent):
            notification_id (UUID):
            subscription_id (str):
            last_error (str | Unset):
            tenant (str | Unset): The subscription's tenant when the notification was made: who may see and replay it, also
                after the subscription is deleted.
     """

    attempts: int
    event: ListDeadLettersResponse200ItemDeliveryEvent
    notification_id: UUID
    subscription_id: str
    last_error: str | Unset = UNSET
    tenant: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.list_dead_letters_response_200_item_delivery_event import ListDeadLettersResponse200ItemDeliveryEvent # noqa: PLC0415
        attempts = self.attempts

        event = self.event.to_dict()

        notification_id = str(self.notification_id)

        subscription_id = self.subscription_id

        last_error = self.last_error

        tenant = self.tenant


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "event": event,
            "notificationId": notification_id,
            "subscriptionId": subscription_id,
        })
        if last_error is not UNSET:
            field_dict["lastError"] = last_error
        if tenant is not UNSET:
            field_dict["tenant"] = tenant

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_dead_letters_response_200_item_delivery_event import ListDeadLettersResponse200ItemDeliveryEvent # noqa: PLC0415
        d = dict(src_dict)
        attempts = d.pop("attempts")

        event = ListDeadLettersResponse200ItemDeliveryEvent.from_dict(d.pop("event"))




        notification_id = UUID(d.pop("notificationId"))




        subscription_id = d.pop("subscriptionId")

        last_error = d.pop("lastError", UNSET)

        tenant = d.pop("tenant", UNSET)

        list_dead_letters_response_200_item_delivery = cls(
            attempts=attempts,
            event=event,
            notification_id=notification_id,
            subscription_id=subscription_id,
            last_error=last_error,
            tenant=tenant,
        )


        list_dead_letters_response_200_item_delivery.additional_properties = d
        return list_dead_letters_response_200_item_delivery

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
