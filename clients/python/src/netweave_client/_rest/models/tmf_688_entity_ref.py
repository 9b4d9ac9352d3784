from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Tmf688EntityRef")



@_attrs_define
class Tmf688EntityRef:
    """ Entity reference schema to be use for all entityRef class.

        Attributes:
            id (str): Unique identifier of a related entity.
            base_type (str | Unset): When sub-classing, this defines the super-class
            referred_type (str | Unset): The actual type of the target instance when needed for disambiguation.
            schema_location (str | Unset): A URI to a JSON-Schema file that defines additional attributes and relationships
            type_ (str | Unset): When sub-classing, this defines the sub-class entity name
            href (str | Unset): Reference of the related entity.
            name (str | Unset): Name of the related entity.
     """

    id: str
    base_type: str | Unset = UNSET
    referred_type: str | Unset = UNSET
    schema_location: str | Unset = UNSET
    type_: str | Unset = UNSET
    href: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        base_type = self.base_type

        referred_type = self.referred_type

        schema_location = self.schema_location

        type_ = self.type_

        href = self.href

        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
        })
        if base_type is not UNSET:
            field_dict["@baseType"] = base_type
        if referred_type is not UNSET:
            field_dict["@referredType"] = referred_type
        if schema_location is not UNSET:
            field_dict["@schemaLocation"] = schema_location
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if href is not UNSET:
            field_dict["href"] = href
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        base_type = d.pop("@baseType", UNSET)

        referred_type = d.pop("@referredType", UNSET)

        schema_location = d.pop("@schemaLocation", UNSET)

        type_ = d.pop("@type", UNSET)

        href = d.pop("href", UNSET)

        name = d.pop("name", UNSET)

        tmf_688_entity_ref = cls(
            id=id,
            base_type=base_type,
            referred_type=referred_type,
            schema_location=schema_location,
            type_=type_,
            href=href,
            name=name,
        )


        tmf_688_entity_ref.additional_properties = d
        return tmf_688_entity_ref

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
