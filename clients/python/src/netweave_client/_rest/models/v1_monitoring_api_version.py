from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_monitoring_api_version_structure import V1MonitoringApiVersionStructure





T = TypeVar("T", bound="V1MonitoringAPIVersion")



@_attrs_define
class V1MonitoringAPIVersion:
    """ 
        Attributes:
            uri_prefix (str): Specifies the URI prefix for the API Example: https://128.224.115.36:30205/o2ims-
                infrastructureMonitoring.
            api_versions (list[V1MonitoringApiVersionStructure] | Unset): Version(s) supported for the API signaled by the
                uriPrefix attribute. Example: [{'version': '1.0.0'}].
     """

    uri_prefix: str
    api_versions: list[V1MonitoringApiVersionStructure] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_monitoring_api_version_structure import V1MonitoringApiVersionStructure # noqa: PLC0415
        uri_prefix = self.uri_prefix

        api_versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.api_versions, Unset):
            api_versions = []
            for api_versions_item_data in self.api_versions:
                api_versions_item = api_versions_item_data.to_dict()
                api_versions.append(api_versions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uriPrefix": uri_prefix,
        })
        if api_versions is not UNSET:
            field_dict["apiVersions"] = api_versions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_monitoring_api_version_structure import V1MonitoringApiVersionStructure # noqa: PLC0415
        d = dict(src_dict)
        uri_prefix = d.pop("uriPrefix")

        _api_versions = d.pop("apiVersions", UNSET)
        api_versions: list[V1MonitoringApiVersionStructure] | Unset = UNSET
        if _api_versions is not UNSET:
            api_versions = []
            for api_versions_item_data in _api_versions:
                api_versions_item = V1MonitoringApiVersionStructure.from_dict(api_versions_item_data)



                api_versions.append(api_versions_item)


        v1_monitoring_api_version = cls(
            uri_prefix=uri_prefix,
            api_versions=api_versions,
        )


        v1_monitoring_api_version.additional_properties = d
        return v1_monitoring_api_version

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
