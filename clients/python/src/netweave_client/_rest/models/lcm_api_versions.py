from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.lcm_api_versions_api_versions_item import LcmApiVersionsApiVersionsItem





T = TypeVar("T", bound="LcmApiVersions")



@_attrs_define
class LcmApiVersions:
    """ 
        Attributes:
            api_versions (list[LcmApiVersionsApiVersionsItem]):
            uri_prefix (str):
     """

    api_versions: list[LcmApiVersionsApiVersionsItem]
    uri_prefix: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.lcm_api_versions_api_versions_item import LcmApiVersionsApiVersionsItem # noqa: PLC0415
        api_versions = []
        for api_versions_item_data in self.api_versions:
            api_versions_item = api_versions_item_data.to_dict()
            api_versions.append(api_versions_item)



        uri_prefix = self.uri_prefix


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "apiVersions": api_versions,
            "uriPrefix": uri_prefix,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lcm_api_versions_api_versions_item import LcmApiVersionsApiVersionsItem # noqa: PLC0415
        d = dict(src_dict)
        api_versions = []
        _api_versions = d.pop("apiVersions")
        for api_versions_item_data in (_api_versions):
            api_versions_item = LcmApiVersionsApiVersionsItem.from_dict(api_versions_item_data)



            api_versions.append(api_versions_item)


        uri_prefix = d.pop("uriPrefix")

        lcm_api_versions = cls(
            api_versions=api_versions,
            uri_prefix=uri_prefix,
        )


        lcm_api_versions.additional_properties = d
        return lcm_api_versions

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
