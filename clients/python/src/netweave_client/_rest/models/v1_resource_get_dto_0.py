from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_resource_get_dto_0_extensions import V1ResourceGetDto0Extensions





T = TypeVar("T", bound="V1ResourceGetDto0")



@_attrs_define
class V1ResourceGetDto0:
    """ 
        Attributes:
            resource_id (str): Identifier for the Resource. Example: eee8b101-6b7f-4f0a-b54b-89adc0f3f906.
            description (str | Unset): Human readable description of the resource. Example:
                cpu:0;core:0;thread:0;cpu_family:6;cpu_model:Intel(R) Xeon(R) CPU E5-2670 v2 @
                2.50GHz;allocated_function:Platform;numa_node:0.
            extensions (V1ResourceGetDto0Extensions | Unset):
            global_asset_id (str | Unset): Identifier or serial number of the resource.
            parent_id (None | str | Unset): Identifier for the parent resource. netweave: `null` for a resource with no
                parent (INF returns `None` as null).
            resource_pool_id (str | Unset): Identifier of the Resource Pool containing this resource. Example:
                f078a1d3-56df-46c2-88a2-dd659aa3f6bd.
            resource_type_id (str | Unset): Identifier for the Resource Type of this resource. Example:
                a45983bb-199a-30ec-b7a1-eab2455f333c.
     """

    resource_id: str
    description: str | Unset = UNSET
    extensions: V1ResourceGetDto0Extensions | Unset = UNSET
    global_asset_id: str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    resource_pool_id: str | Unset = UNSET
    resource_type_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_resource_get_dto_0_extensions import V1ResourceGetDto0Extensions # noqa: PLC0415
        resource_id = self.resource_id

        description = self.description

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        global_asset_id = self.global_asset_id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        resource_pool_id = self.resource_pool_id

        resource_type_id = self.resource_type_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "resourceId": resource_id,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if global_asset_id is not UNSET:
            field_dict["globalAssetId"] = global_asset_id
        if parent_id is not UNSET:
            field_dict["parentId"] = parent_id
        if resource_pool_id is not UNSET:
            field_dict["resourcePoolId"] = resource_pool_id
        if resource_type_id is not UNSET:
            field_dict["resourceTypeId"] = resource_type_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_resource_get_dto_0_extensions import V1ResourceGetDto0Extensions # noqa: PLC0415
        d = dict(src_dict)
        resource_id = d.pop("resourceId")

        description = d.pop("description", UNSET)

        _extensions = d.pop("extensions", UNSET)
        extensions: V1ResourceGetDto0Extensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = V1ResourceGetDto0Extensions.from_dict(_extensions)




        global_asset_id = d.pop("globalAssetId", UNSET)

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parentId", UNSET))


        resource_pool_id = d.pop("resourcePoolId", UNSET)

        resource_type_id = d.pop("resourceTypeId", UNSET)

        v1_resource_get_dto_0 = cls(
            resource_id=resource_id,
            description=description,
            extensions=extensions,
            global_asset_id=global_asset_id,
            parent_id=parent_id,
            resource_pool_id=resource_pool_id,
            resource_type_id=resource_type_id,
        )


        v1_resource_get_dto_0.additional_properties = d
        return v1_resource_get_dto_0

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
