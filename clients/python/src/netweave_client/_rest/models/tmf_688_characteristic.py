from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tmf_688_characteristic_relationship import Tmf688CharacteristicRelationship





T = TypeVar("T", bound="Tmf688Characteristic")



@_attrs_define
class Tmf688Characteristic:
    """ Describes a given characteristic of an object or entity through a name/value pair.

        Attributes:
            name (str): Name of the characteristic
            value (Any):
            base_type (str | Unset): When sub-classing, this defines the super-class
            schema_location (str | Unset): A URI to a JSON-Schema file that defines additional attributes and relationships
            type_ (str | Unset): When sub-classing, this defines the sub-class entity name
            characteristic_relationship (list[Tmf688CharacteristicRelationship] | Unset):
            id (str | Unset): Unique identifier of the characteristic
            value_type (str | Unset): Data type of the value of the characteristic
     """

    name: str
    value: Any
    base_type: str | Unset = UNSET
    schema_location: str | Unset = UNSET
    type_: str | Unset = UNSET
    characteristic_relationship: list[Tmf688CharacteristicRelationship] | Unset = UNSET
    id: str | Unset = UNSET
    value_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tmf_688_characteristic_relationship import Tmf688CharacteristicRelationship # noqa: PLC0415
        name = self.name

        value = self.value

        base_type = self.base_type

        schema_location = self.schema_location

        type_ = self.type_

        characteristic_relationship: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.characteristic_relationship, Unset):
            characteristic_relationship = []
            for characteristic_relationship_item_data in self.characteristic_relationship:
                characteristic_relationship_item = characteristic_relationship_item_data.to_dict()
                characteristic_relationship.append(characteristic_relationship_item)



        id = self.id

        value_type = self.value_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "value": value,
        })
        if base_type is not UNSET:
            field_dict["@baseType"] = base_type
        if schema_location is not UNSET:
            field_dict["@schemaLocation"] = schema_location
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if characteristic_relationship is not UNSET:
            field_dict["characteristicRelationship"] = characteristic_relationship
        if id is not UNSET:
            field_dict["id"] = id
        if value_type is not UNSET:
            field_dict["valueType"] = value_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tmf_688_characteristic_relationship import Tmf688CharacteristicRelationship # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        value = d.pop("value")

        base_type = d.pop("@baseType", UNSET)

        schema_location = d.pop("@schemaLocation", UNSET)

        type_ = d.pop("@type", UNSET)

        _characteristic_relationship = d.pop("characteristicRelationship", UNSET)
        characteristic_relationship: list[Tmf688CharacteristicRelationship] | Unset = UNSET
        if _characteristic_relationship is not UNSET:
            characteristic_relationship = []
            for characteristic_relationship_item_data in _characteristic_relationship:
                characteristic_relationship_item = Tmf688CharacteristicRelationship.from_dict(characteristic_relationship_item_data)



                characteristic_relationship.append(characteristic_relationship_item)


        id = d.pop("id", UNSET)

        value_type = d.pop("valueType", UNSET)

        tmf_688_characteristic = cls(
            name=name,
            value=value,
            base_type=base_type,
            schema_location=schema_location,
            type_=type_,
            characteristic_relationship=characteristic_relationship,
            id=id,
            value_type=value_type,
        )


        tmf_688_characteristic.additional_properties = d
        return tmf_688_characteristic

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
