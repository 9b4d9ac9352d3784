from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.resource_pool_extensions import ResourcePoolExtensions





T = TypeVar("T", bound="ResourcePool")



@_attrs_define
class ResourcePool:
    """ Information about a resource pool.

        Attributes:
            description (str): Human readable description of the resource pool.
            name (str): Human readable name of the resource pool. Example: my-cluster.
            o_cloud_site_id (UUID): Identifier of the O-Cloud site the resource pool is a part of. Example:
                7fd364a0-6d82-4e0c-a418-5c1a2f8b9c3e.
            resource_pool_id (UUID): Identifier for the Resource Pool in the O-Cloud instance. This identifier is allocated
                by the O-Cloud. Example: d3b27e14-4589-4d93-ae76-ddca559193ea.
            extensions (ResourcePoolExtensions | Unset): List of metadata key-value pairs used to associate meaningful
                metadata to the related resource pool.
     """

    description: str
    name: str
    o_cloud_site_id: UUID
    resource_pool_id: UUID
    extensions: ResourcePoolExtensions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.resource_pool_extensions import ResourcePoolExtensions # noqa: PLC0415
        description = self.description

        name = self.name

        o_cloud_site_id = str(self.o_cloud_site_id)

        resource_pool_id = str(self.resource_pool_id)

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "name": name,
            "oCloudSiteId": o_cloud_site_id,
            "resourcePoolId": resource_pool_id,
        })
        if extensions is not UNSET:
            field_dict["extensions"] = extensions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_pool_extensions import ResourcePoolExtensions # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        name = d.pop("name")

        o_cloud_site_id = UUID(d.pop("oCloudSiteId"))




        resource_pool_id = UUID(d.pop("resourcePoolId"))




        _extensions = d.pop("extensions", UNSET)
        extensions: ResourcePoolExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = ResourcePoolExtensions.from_dict(_extensions)




        resource_pool = cls(
            description=description,
            name=name,
            o_cloud_site_id=o_cloud_site_id,
            resource_pool_id=resource_pool_id,
            extensions=extensions,
        )


        resource_pool.additional_properties = d
        return resource_pool

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
