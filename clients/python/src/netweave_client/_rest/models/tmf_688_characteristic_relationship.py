from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Tmf688CharacteristicRelationship")



@_attrs_define
class Tmf688CharacteristicRelationship:
    """ Another Characteristic that is related to the current Characteristic;

        Attributes:
            base_type (str | Unset): When sub-classing, this defines the super-class
            schema_location (str | Unset): A URI to a JSON-Schema file that defines additional attributes and relationships
            type_ (str | Unset): When sub-classing, this defines the sub-class entity name
            id (str | Unset): Unique identifier of the characteristic
            relationship_type (str | Unset): The type of relationship
     """

    base_type: str | Unset = UNSET
    schema_location: str | Unset = UNSET
    type_: str | Unset = UNSET
    id: str | Unset = UNSET
    relationship_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        base_type = self.base_type

        schema_location = self.schema_location

        type_ = self.type_

        id = self.id

        relationship_type = self.relationship_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if base_type is not UNSET:
            field_dict["@baseType"] = base_type
        if schema_location is not UNSET:
            field_dict["@schemaLocation"] = schema_location
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if id is not UNSET:
            field_dict["id"] = id
        if relationship_type is not UNSET:
            field_dict["relationshipType"] = relationship_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base_type = d.pop("@baseType", UNSET)

        schema_location = d.pop("@schemaLocation", UNSET)

        type_ = d.pop("@type", UNSET)

        id = d.pop("id", UNSET)

        relationship_type = d.pop("relationshipType", UNSET)

        tmf_688_characteristic_relationship = cls(
            base_type=base_type,
            schema_location=schema_location,
            type_=type_,
            id=id,
            relationship_type=relationship_type,
        )


        tmf_688_characteristic_relationship.additional_properties = d
        return tmf_688_characteristic_relationship

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
