from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LocationInfoCivicAddressItem")



@_attrs_define
class LocationInfoCivicAddressItem:
    """ 
        Attributes:
            ca_type (int): Describes the content type of caValue. The value of caType shall comply with IETF RFC 4776.
            ca_value (str): Content of civic address element corresponding to the caType.
     """

    ca_type: int
    ca_value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ca_type = self.ca_type

        ca_value = self.ca_value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "caType": ca_type,
            "caValue": ca_value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ca_type = d.pop("caType")

        ca_value = d.pop("caValue")

        location_info_civic_address_item = cls(
            ca_type=ca_type,
            ca_value=ca_value,
        )


        location_info_civic_address_item.additional_properties = d
        return location_info_civic_address_item

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
