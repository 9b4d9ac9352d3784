from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.o_cloud_site_info_extensions import OCloudSiteInfoExtensions





T = TypeVar("T", bound="OCloudSiteInfo")



@_attrs_define
class OCloudSiteInfo:
    """ Information about an O-Cloud site instance.

        Attributes:
            description (str): Human readable description of the O-Cloud site as provided by the cloud provider. Example:
                Red Hat OCloudSiteInfo description.
            extensions (OCloudSiteInfoExtensions): List of metadata key-value pairs used to associate meaningful metadata to
                the related O-Cloud site.
            global_location_id (str): Identifier of location where the O-Cloud site is deployed at. Example: location-1.
            name (str): Human readable name of the O-Cloud site as identified by the cloud provider. Example: Red Hat
                OCloudSiteInfo.
            o_cloud_site_id (UUID): Identifier of the O-Cloud site. Locally unique within the scope of an O-Cloud instance.
                Example: 7fd364a0-6d82-4e0c-a418-5c1a2f8b9c3e.
            resource_pools (list[UUID]): List of resource pools that are part of the O-Cloud site. Example:
                ['d3b27e14-4589-4d93-ae76-ddca559193ea'].
     """

    description: str
    extensions: OCloudSiteInfoExtensions
    global_location_id: str
    name: str
    o_cloud_site_id: UUID
    resource_pools: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.o_cloud_site_info_extensions import OCloudSiteInfoExtensions # noqa: PLC0415
        description = self.description

        extensions = self.extensions.to_dict()

        global_location_id = self.global_location_id

        name = self.name

        o_cloud_site_id = str(self.o_cloud_site_id)

        resource_pools = []
        for resource_pools_item_data in self.resource_pools:
            resource_pools_item = str(resource_pools_item_data)
            resource_pools.append(resource_pools_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "extensions": extensions,
            "globalLocationId": global_location_id,
            "name": name,
            "oCloudSiteId": o_cloud_site_id,
            "resourcePools": resource_pools,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.o_cloud_site_info_extensions import OCloudSiteInfoExtensions # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        extensions = OCloudSiteInfoExtensions.from_dict(d.pop("extensions"))




        global_location_id = d.pop("globalLocationId")

        name = d.pop("name")

        o_cloud_site_id = UUID(d.pop("oCloudSiteId"))




        resource_pools = []
        _resource_pools = d.pop("resourcePools")
        for resource_pools_item_data in (_resource_pools):
            resource_pools_item = UUID(resource_pools_item_data)



            resource_pools.append(resource_pools_item)


        o_cloud_site_info = cls(
            description=description,
            extensions=extensions,
            global_location_id=global_location_id,
            name=name,
            o_cloud_site_id=o_cloud_site_id,
            resource_pools=resource_pools,
        )


        o_cloud_site_info.additional_properties = d
        return o_cloud_site_info

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
