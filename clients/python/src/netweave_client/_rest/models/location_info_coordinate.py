from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.location_info_coordinate_type import LocationInfoCoordinateType
from typing import cast






T = TypeVar("T", bound="LocationInfoCoordinate")



@_attrs_define
class LocationInfoCoordinate:
    """ The coordinates (including latitude and longitude) of the location. The content of this attribute
    follows the provisions for the "Point" geometry object as defined in IETF RFC 7946.

        Example:
            {'coordinates': [-77.0364, 38.8951, 100.5], 'type': 'Point'}

        Attributes:
            coordinates (list[float]): Position coordinates [longitude, latitude] or [longitude, latitude, altitude] per RFC
                7946
            type_ (LocationInfoCoordinateType): GeoJSON geometry type
     """

    coordinates: list[float]
    type_: LocationInfoCoordinateType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        coordinates = self.coordinates



        type_ = self.type_.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "coordinates": coordinates,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coordinates = cast(list[float], d.pop("coordinates"))


        type_ = LocationInfoCoordinateType(d.pop("type"))




        location_info_coordinate = cls(
            coordinates=coordinates,
            type_=type_,
        )


        location_info_coordinate.additional_properties = d
        return location_info_coordinate

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
