from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Tmf688Hub")



@_attrs_define
class Tmf688Hub:
    """ A Hub is used to subscribe to an event notification

        Attributes:
            callback (str): The URI that will be POSTed to when a notification is triggered
            id (str): The unique-id for your subscription - referenced when updating or deleting a subscription
            base_type (str | Unset): When sub-classing, this defines the super-class
            schema_location (str | Unset): A URI to a JSON-Schema file that defines additional attributes and relationships
            type_ (str | Unset): When sub-classing, this defines the sub-class entity name
            query (str | Unset): This is a query string used to filter notifications in the context of the notifier
     """

    callback: str
    id: str
    base_type: str | Unset = UNSET
    schema_location: str | Unset = UNSET
    type_: str | Unset = UNSET
    query: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        callback = self.callback

        id = self.id

        base_type = self.base_type

        schema_location = self.schema_location

        type_ = self.type_

        query = self.query


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "callback": callback,
            "id": id,
        })
        if base_type is not UNSET:
            field_dict["@baseType"] = base_type
        if schema_location is not UNSET:
            field_dict["@schemaLocation"] = schema_location
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if query is not UNSET:
            field_dict["query"] = query

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        callback = d.pop("callback")

        id = d.pop("id")

        base_type = d.pop("@baseType", UNSET)

        schema_location = d.pop("@schemaLocation", UNSET)

        type_ = d.pop("@type", UNSET)

        query = d.pop("query", UNSET)

        tmf_688_hub = cls(
            callback=callback,
            id=id,
            base_type=base_type,
            schema_location=schema_location,
            type_=type_,
            query=query,
        )


        tmf_688_hub.additional_properties = d
        return tmf_688_hub

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
