from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.o_cloud_info_extensions import OCloudInfoExtensions





T = TypeVar("T", bound="OCloudInfo")



@_attrs_define
class OCloudInfo:
    """ 
        Attributes:
            description (str): Human readable description of the O-Cloud as provided by the SMO at cloud genesis. Example:
                My cloud.
            extensions (OCloudInfoExtensions): These are unspecified (not standardized) properties (keys) which are tailored
                by the vendor to extend the
                information provided about the O-Cloud.
                 Example: {'country': 'ES', 'hub': 'hub0'}.
            global_cloud_id (UUID): Identifier of the O-Cloud instance assigned by the SMO. This identifier is globally
                unique across O-Cloud
                instances known to the SMO. This value was provided by the SMO with the callback URI at the beginning of
                O-Cloud genesis and used in registration at the end of genesis.
                 Example: 8c1c151d-2899-4c96-b76f-4fe92064b57b.
            name (str): Human readable name of the O-Cloud as identified by the SMO at cloud genesis. Example: my-cloud.
            o_cloud_id (UUID): Identifier of the O-Cloud instance. Internally generated within an O-Cloud instance. Example:
                262c8f17-52b5-4614-9e56-812ae21fa8a7.
            service_uri (str): The fully qualified URI root to all services provided by the O2ims interface, Inventory only
                being one of
                them. Since the O2ims provides multiple services this entry is for the {apiRoot} only.
                 Example: http://localhost:8000.
     """

    description: str
    extensions: OCloudInfoExtensions
    global_cloud_id: UUID
    name: str
    o_cloud_id: UUID
    service_uri: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.o_cloud_info_extensions import OCloudInfoExtensions # noqa: PLC0415
        description = self.description

        extensions = self.extensions.to_dict()

        global_cloud_id = str(self.global_cloud_id)

        name = self.name

        o_cloud_id = str(self.o_cloud_id)

        service_uri = self.service_uri


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "extensions": extensions,
            "globalCloudId": global_cloud_id,
            "name": name,
            "oCloudId": o_cloud_id,
            "serviceUri": service_uri,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.o_cloud_info_extensions import OCloudInfoExtensions # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        extensions = OCloudInfoExtensions.from_dict(d.pop("extensions"))




        global_cloud_id = UUID(d.pop("globalCloudId"))




        name = d.pop("name")

        o_cloud_id = UUID(d.pop("oCloudId"))




        service_uri = d.pop("serviceUri")

        o_cloud_info = cls(
            description=description,
            extensions=extensions,
            global_cloud_id=global_cloud_id,
            name=name,
            o_cloud_id=o_cloud_id,
            service_uri=service_uri,
        )


        o_cloud_info.additional_properties = d
        return o_cloud_info

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
