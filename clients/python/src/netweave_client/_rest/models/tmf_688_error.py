from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Tmf688Error")



@_attrs_define
class Tmf688Error:
    """ Used when an API throws an Error, typically with a HTTP error response-code (3xx, 4xx, 5xx)

        Attributes:
            code (str): Application relevant detail, defined in the API or a common list.
            reason (str): Explanation of the reason for the error which can be shown to a client user.
            base_type (str | Unset): When sub-classing, this defines the super-class.
            schema_location (str | Unset): A URI to a JSON-Schema file that defines additional attributes and relationships
            type_ (str | Unset): When sub-classing, this defines the sub-class entity name.
            message (str | Unset): More details and corrective actions related to the error which can be shown to a client
                user.
            reference_error (str | Unset): URI of documentation describing the error.
            status (str | Unset): HTTP Error code extension
     """

    code: str
    reason: str
    base_type: str | Unset = UNSET
    schema_location: str | Unset = UNSET
    type_: str | Unset = UNSET
    message: str | Unset = UNSET
    reference_error: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        reason = self.reason

        base_type = self.base_type

        schema_location = self.schema_location

        type_ = self.type_

        message = self.message

        reference_error = self.reference_error

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "reason": reason,
        })
        if base_type is not UNSET:
            field_dict["@baseType"] = base_type
        if schema_location is not UNSET:
            field_dict["@schemaLocation"] = schema_location
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if message is not UNSET:
            field_dict["message"] = message
        if reference_error is not UNSET:
            field_dict["referenceError"] = reference_error
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        reason = d.pop("reason")

        base_type = d.pop("@baseType", UNSET)

        schema_location = d.pop("@schemaLocation", UNSET)

        type_ = d.pop("@type", UNSET)

        message = d.pop("message", UNSET)

        reference_error = d.pop("referenceError", UNSET)

        status = d.pop("status", UNSET)

        tmf_688_error = cls(
            code=code,
            reason=reason,
            base_type=base_type,
            schema_location=schema_location,
            type_=type_,
            message=message,
            reference_error=reference_error,
            status=status,
        )


        tmf_688_error.additional_properties = d
        return tmf_688_error

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
