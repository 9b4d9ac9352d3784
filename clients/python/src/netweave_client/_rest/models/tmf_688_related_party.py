from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Tmf688RelatedParty")



@_attrs_define
class Tmf688RelatedParty:
    """ Related Entity reference. A related party defines party or party role linked to a specific entity.

        Attributes:
            referred_type (str): The actual type of the target instance when needed for disambiguation.
            id (str): Unique identifier of a related entity.
            base_type (str | Unset): When sub-classing, this defines the super-class
            schema_location (str | Unset): A URI to a JSON-Schema file that defines additional attributes and relationships
            type_ (str | Unset): When sub-classing, this defines the sub-class entity name
            href (str | Unset): Reference of the related entity.
            name (str | Unset): Name of the related entity.
            role (str | Unset): Role played by the related party
     """

    referred_type: str
    id: str
    base_type: str | Unset = UNSET
    schema_location: str | Unset = UNSET
    type_: str | Unset = UNSET
    href: str | Unset = UNSET
    name: str | Unset = UNSET
    role: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        referred_type = self.referred_type

        id = self.id

        base_type = self.base_type

        schema_location = self.schema_location

        type_ = self.type_

        href = self.href

        name = self.name

        role = self.role


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "@referredType": referred_type,
            "id": id,
        })
        if base_type is not UNSET:
            field_dict["@baseType"] = base_type
        if schema_location is not UNSET:
            field_dict["@schemaLocation"] = schema_location
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if href is not UNSET:
            field_dict["href"] = href
        if name is not UNSET:
            field_dict["name"] = name
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        referred_type = d.pop("@referredType")

        id = d.pop("id")

        base_type = d.pop("@baseType", UNSET)

        schema_location = d.pop("@schemaLocation", UNSET)

        type_ = d.pop("@type", UNSET)

        href = d.pop("href", UNSET)

        name = d.pop("name", UNSET)

        role = d.pop("role", UNSET)

        tmf_688_related_party = cls(
            referred_type=referred_type,
            id=id,
            base_type=base_type,
            schema_location=schema_location,
            type_=type_,
            href=href,
            name=name,
            role=role,
        )


        tmf_688_related_party.additional_properties = d
        return tmf_688_related_party

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
