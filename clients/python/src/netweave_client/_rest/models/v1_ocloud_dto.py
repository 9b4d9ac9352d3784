from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_ocloud_dto_extensions import V1OcloudDtoExtensions





T = TypeVar("T", bound="V1OcloudDto")



@_attrs_define
class V1OcloudDto:
    """ 
        Attributes:
            o_cloud_id (str): Identifier for the containing O-Cloud. Example: f078a1d3-56df-46c2-88a2-dd659aa3f6bd.
            description (str | Unset): Human readable description of the O-Cloud. Example: An ocloud.
            extensions (V1OcloudDtoExtensions | Unset): These are unspecified (not standardized) properties (keys) which are
                tailored by the vendor to extend the information provided about the O-Cloud. netweave: a JSON object of key-
                value pairs, as the description says and INF's DTOs return (`Json2Dict`).
            global_cloud_id (str | Unset): Identifier of the O-Cloud instance. Globally unique across O-Cloud instances.
                Example: 10a07219-4201-4b3e-a52d-81ab6a755d8a.
            globalcloud_id (str | Unset): Identifier of the O-Cloud instance. Globally unique across O-Cloud
                instances.(Specification) Example: 10a07219-4201-4b3e-a52d-81ab6a755d8a.
            name (str | Unset): Human readable name of the O-Cloud. Example: 95b818b8-b315-4d9f-af37-b82c492101f1.
            service_uri (str | Unset): The fully qualified URI root to all services provided by the O2ims interface Example:
                https://128.224.115.51:30205.
     """

    o_cloud_id: str
    description: str | Unset = UNSET
    extensions: V1OcloudDtoExtensions | Unset = UNSET
    global_cloud_id: str | Unset = UNSET
    globalcloud_id: str | Unset = UNSET
    name: str | Unset = UNSET
    service_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_ocloud_dto_extensions import V1OcloudDtoExtensions # noqa: PLC0415
        o_cloud_id = self.o_cloud_id

        description = self.description

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        global_cloud_id = self.global_cloud_id

        globalcloud_id = self.globalcloud_id

        name = self.name

        service_uri = self.service_uri


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "oCloudId": o_cloud_id,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if global_cloud_id is not UNSET:
            field_dict["globalCloudId"] = global_cloud_id
        if globalcloud_id is not UNSET:
            field_dict["globalcloudId"] = globalcloud_id
        if name is not UNSET:
            field_dict["name"] = name
        if service_uri is not UNSET:
            field_dict["serviceUri"] = service_uri

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_ocloud_dto_extensions import V1OcloudDtoExtensions # noqa: PLC0415
        d = dict(src_dict)
        o_cloud_id = d.pop("oCloudId")

        description = d.pop("description", UNSET)

        _extensions = d.pop("extensions", UNSET)
        extensions: V1OcloudDtoExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = V1OcloudDtoExtensions.from_dict(_extensions)




        global_cloud_id = d.pop("globalCloudId", UNSET)

        globalcloud_id = d.pop("globalcloudId", UNSET)

        name = d.pop("name", UNSET)

        service_uri = d.pop("serviceUri", UNSET)

        v1_ocloud_dto = cls(
            o_cloud_id=o_cloud_id,
            description=description,
            extensions=extensions,
            global_cloud_id=global_cloud_id,
            globalcloud_id=globalcloud_id,
            name=name,
            service_uri=service_uri,
        )


        v1_ocloud_dto.additional_properties = d
        return v1_ocloud_dto

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
