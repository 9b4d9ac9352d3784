from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ListEventsResponse200ItemSource")



@_attrs_define
class ListEventsResponse200ItemSource:
    """ 
        Attributes:
            backend (str | Unset):
            instance_id (str | Unset):
     """

    backend: str | Unset = UNSET
    instance_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        instance_id = self.instance_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if backend is not UNSET:
            field_dict["backend"] = backend
        if instance_id is not UNSET:
            field_dict["instanceId"] = instance_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backend = d.pop("backend", UNSET)

        instance_id = d.pop("instanceId", UNSET)

        list_events_response_200_item_source = cls(
            backend=backend,
            instance_id=instance_id,
        )


        list_events_response_200_item_source.additional_properties = d
        return list_events_response_200_item_source

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
