from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.api_version import APIVersion





T = TypeVar("T", bound="APIVersions")



@_attrs_define
class APIVersions:
    """ Information about a list of versions of the API.

        Attributes:
            api_versions (list[APIVersion] | Unset):  Example: [{'version': '2.0.0'}].
            uri_prefix (str | Unset):  Example: /o2ims-infrastructureInventory/v2.
     """

    api_versions: list[APIVersion] | Unset = UNSET
    uri_prefix: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.api_version import APIVersion # noqa: PLC0415
        api_versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.api_versions, Unset):
            api_versions = []
            for api_versions_item_data in self.api_versions:
                api_versions_item = api_versions_item_data.to_dict()
                api_versions.append(api_versions_item)



        uri_prefix = self.uri_prefix


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if api_versions is not UNSET:
            field_dict["apiVersions"] = api_versions
        if uri_prefix is not UNSET:
            field_dict["uriPrefix"] = uri_prefix

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_version import APIVersion # noqa: PLC0415
        d = dict(src_dict)
        _api_versions = d.pop("apiVersions", UNSET)
        api_versions: list[APIVersion] | Unset = UNSET
        if _api_versions is not UNSET:
            api_versions = []
            for api_versions_item_data in _api_versions:
                api_versions_item = APIVersion.from_dict(api_versions_item_data)



                api_versions.append(api_versions_item)


        uri_prefix = d.pop("uriPrefix", UNSET)

        api_versions = cls(
            api_versions=api_versions,
            uri_prefix=uri_prefix,
        )


        api_versions.additional_properties = d
        return api_versions

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
