from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_resource_pool_get_dto_extensions import V1ResourcePoolGetDtoExtensions





T = TypeVar("T", bound="V1ResourcePoolGetDto")



@_attrs_define
class V1ResourcePoolGetDto:
    """ 
        Attributes:
            resource_pool_id (str): Identifier for the Resource Pool in the O-Cloud instance. Example:
                f078a1d3-56df-46c2-88a2-dd659aa3f6bd.
            description (str | Unset): Human readable description of the resource pool. Example: A Resource Pool.
            extensions (V1ResourcePoolGetDtoExtensions | Unset): List of metadata key-value pairs used to associate
                meaningful metadata to the related resource pool. netweave: a JSON object of key-value pairs, as the description
                says and INF's DTOs return (`Json2Dict`).
            global_location_id (None | str | Unset): This identifier is copied from the O-Cloud Id assigned by the SMO
                during the O-Cloud deployment. netweave: `null` when the pool's site names no location.
            location (None | str | Unset): Information about the geographical location of the resource pool as detected by
                the O-Cloud. netweave: `null` when the pool's site names no location.
            name (str | Unset): Human readable name of the resource pool. Example: RegionOne.
            o_cloud_id (str | Unset): Identifier for the containing O-Cloud. Example: f078a1d3-56df-46c2-88a2-dd659aa3f6bd.
     """

    resource_pool_id: str
    description: str | Unset = UNSET
    extensions: V1ResourcePoolGetDtoExtensions | Unset = UNSET
    global_location_id: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    name: str | Unset = UNSET
    o_cloud_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_resource_pool_get_dto_extensions import V1ResourcePoolGetDtoExtensions # noqa: PLC0415
        resource_pool_id = self.resource_pool_id

        description = self.description

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        global_location_id: None | str | Unset
        if isinstance(self.global_location_id, Unset):
            global_location_id = UNSET
        else:
            global_location_id = self.global_location_id

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        name = self.name

        o_cloud_id = self.o_cloud_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "resourcePoolId": resource_pool_id,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if global_location_id is not UNSET:
            field_dict["globalLocationId"] = global_location_id
        if location is not UNSET:
            field_dict["location"] = location
        if name is not UNSET:
            field_dict["name"] = name
        if o_cloud_id is not UNSET:
            field_dict["oCloudId"] = o_cloud_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_resource_pool_get_dto_extensions import V1ResourcePoolGetDtoExtensions # noqa: PLC0415
        d = dict(src_dict)
        resource_pool_id = d.pop("resourcePoolId")

        description = d.pop("description", UNSET)

        _extensions = d.pop("extensions", UNSET)
        extensions: V1ResourcePoolGetDtoExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = V1ResourcePoolGetDtoExtensions.from_dict(_extensions)




        def _parse_global_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        global_location_id = _parse_global_location_id(d.pop("globalLocationId", UNSET))


        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        name = d.pop("name", UNSET)

        o_cloud_id = d.pop("oCloudId", UNSET)

        v1_resource_pool_get_dto = cls(
            resource_pool_id=resource_pool_id,
            description=description,
            extensions=extensions,
            global_location_id=global_location_id,
            location=location,
            name=name,
            o_cloud_id=o_cloud_id,
        )


        v1_resource_pool_get_dto.additional_properties = d
        return v1_resource_pool_get_dto

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
