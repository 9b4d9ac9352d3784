from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.resource_extensions import ResourceExtensions





T = TypeVar("T", bound="Resource")



@_attrs_define
class Resource:
    """ Information about a resource.

        Attributes:
            description (str): Human readable description of the resource. Example: my-node.
            elements (list[Resource]): The resource might be composed of smaller resources or other resource instances of a
                different type
            extensions (ResourceExtensions): List of metadata key-value pairs used to associate meaningful metadata to the
                related resource.
            global_asset_id (str): Identifier or serial number of the resource, if available. It is required only if the
                resource has been
                identified during its addition to the cloud as a reportable asset in the SMO inventory.
                 Example: b6f67c72-8915-474b-b369-6198ea1f7b6f.
            groups (list[str]): Keywords denoting groups a resource belongs to.
            resource_id (UUID): Identifier for the Resource. This identifier is allocated by the O-Cloud.
            resource_pool_id (UUID):  Example: 39c85e74-2e98-4e3d-8fec-e5a849d967c6.
            resource_type_id (UUID): Identifier for the Resource Type of this resource. Example:
                56337d0e-8bee-47d3-afcb-3c621cffa2b7.
            tags (list[str]): Keywords describing or classifying the resource instance
     """

    description: str
    elements: list[Resource]
    extensions: ResourceExtensions
    global_asset_id: str
    groups: list[str]
    resource_id: UUID
    resource_pool_id: UUID
    resource_type_id: UUID
    tags: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.resource_extensions import ResourceExtensions # noqa: PLC0415
        description = self.description

        elements = []
        for elements_item_data in self.elements:
            elements_item = elements_item_data.to_dict()
            elements.append(elements_item)



        extensions = self.extensions.to_dict()

        global_asset_id = self.global_asset_id

        groups = self.groups



        resource_id = str(self.resource_id)

        resource_pool_id = str(self.resource_pool_id)

        resource_type_id = str(self.resource_type_id)

        tags = self.tags




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "elements": elements,
            "extensions": extensions,
            "globalAssetId": global_asset_id,
            "groups": groups,
            "resourceId": resource_id,
            "resourcePoolId": resource_pool_id,
            "resourceTypeId": resource_type_id,
            "tags": tags,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_extensions import ResourceExtensions # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        elements = []
        _elements = d.pop("elements")
        for elements_item_data in (_elements):
            elements_item = Resource.from_dict(elements_item_data)



            elements.append(elements_item)


        extensions = ResourceExtensions.from_dict(d.pop("extensions"))




        global_asset_id = d.pop("globalAssetId")

        groups = cast(list[str], d.pop("groups"))


        resource_id = UUID(d.pop("resourceId"))




        resource_pool_id = UUID(d.pop("resourcePoolId"))




        resource_type_id = UUID(d.pop("resourceTypeId"))




        tags = cast(list[str], d.pop("tags"))


        resource = cls(
            description=description,
            elements=elements,
            extensions=extensions,
            global_asset_id=global_asset_id,
            groups=groups,
            resource_id=resource_id,
            resource_pool_id=resource_pool_id,
            resource_type_id=resource_type_id,
            tags=tags,
        )


        resource.additional_properties = d
        return resource

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
