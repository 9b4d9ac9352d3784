from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ProbableCause")



@_attrs_define
class ProbableCause:
    """ 
        Attributes:
            description (str): Any additional information beyond the name to describe the probableCause derived from
                corresponding AlarmDefinition. Example: Clock not synchronising..
            name (str): Human readable text of the probable cause derived from corresponding AlarmDefinition. Example:
                NodeClockNotSynchronising.
            probable_cause_id (UUID): Identifier of the ProbableCause. Example: b45f64fe-6ed8-448d-8ff7-f5840090a075.
     """

    description: str
    name: str
    probable_cause_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        description = self.description

        name = self.name

        probable_cause_id = str(self.probable_cause_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "name": name,
            "probableCauseId": probable_cause_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        name = d.pop("name")

        probable_cause_id = UUID(d.pop("probableCauseId"))




        probable_cause = cls(
            description=description,
            name=name,
            probable_cause_id=probable_cause_id,
        )


        probable_cause.additional_properties = d
        return probable_cause

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
