from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.list_dead_letters_response_200_item_delivery import ListDeadLettersResponse200ItemDelivery





T = TypeVar("T", bound="ListDeadLettersResponse200Item")



@_attrs_define
class ListDeadLettersResponse200Item:
    """ 
        Attributes:
            dead_lettered_at (datetime.datetime):
            delivery (ListDeadLettersResponse200ItemDelivery):
            error (str):
            id (int):
     """

    dead_lettered_at: datetime.datetime
    delivery: ListDeadLettersResponse200ItemDelivery
    error: str
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.list_dead_letters_response_200_item_delivery import ListDeadLettersResponse200ItemDelivery # noqa: PLC0415
        dead_lettered_at = self.dead_lettered_at.isoformat()

        delivery = self.delivery.to_dict()

        error = self.error

        id = self.id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deadLetteredAt": dead_lettered_at,
            "delivery": delivery,
            "error": error,
            "id": id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_dead_letters_response_200_item_delivery import ListDeadLettersResponse200ItemDelivery # noqa: PLC0415
        d = dict(src_dict)
        dead_lettered_at = datetime.datetime.fromisoformat(d.pop("deadLetteredAt"))




        delivery = ListDeadLettersResponse200ItemDelivery.from_dict(d.pop("delivery"))




        error = d.pop("error")

        id = d.pop("id")

        list_dead_letters_response_200_item = cls(
            dead_lettered_at=dead_lettered_at,
            delivery=delivery,
            error=error,
            id=id,
        )


        list_dead_letters_response_200_item.additional_properties = d
        return list_dead_letters_response_200_item

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
