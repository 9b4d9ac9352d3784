from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Tmf688Topic")



@_attrs_define
class Tmf688Topic:
    """ Is a event channel provided by the Event Streaming API

        Attributes:
            base_type (str | Unset): When sub-classing, this defines the super-class
            schema_location (str | Unset): A URI to a JSON-Schema file that defines additional attributes and relationships
            type_ (str | Unset): When sub-classing, this defines the sub-class entity name
            content_query (str | Unset): is the filter that will be applied on the content of the Event.
            header_query (str | Unset): is the filter that will be applied on the Event header properties.
            href (str | Unset): Reference of the related entity.
            id (str | Unset): The identifier of the notification.
            name (str | Unset): use to identify grouping of events, per domain, per event types, per access control-right
                and so on.
     """

    base_type: str | Unset = UNSET
    schema_location: str | Unset = UNSET
    type_: str | Unset = UNSET
    content_query: str | Unset = UNSET
    header_query: str | Unset = UNSET
    href: str | Unset = UNSET
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        base_type = self.base_type

        schema_location = self.schema_location

        type_ = self.type_

        content_query = self.content_query

        header_query = self.header_query

        href = self.href

        id = self.id

        name = self.name


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
        if content_query is not UNSET:
            field_dict["contentQuery"] = content_query
        if header_query is not UNSET:
            field_dict["headerQuery"] = header_query
        if href is not UNSET:
            field_dict["href"] = href
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base_type = d.pop("@baseType", UNSET)

        schema_location = d.pop("@schemaLocation", UNSET)

        type_ = d.pop("@type", UNSET)

        content_query = d.pop("contentQuery", UNSET)

        header_query = d.pop("headerQuery", UNSET)

        href = d.pop("href", UNSET)

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        tmf_688_topic = cls(
            base_type=base_type,
            schema_location=schema_location,
            type_=type_,
            content_query=content_query,
            header_query=header_query,
            href=href,
            id=id,
            name=name,
        )


        tmf_688_topic.additional_properties = d
        return tmf_688_topic

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
