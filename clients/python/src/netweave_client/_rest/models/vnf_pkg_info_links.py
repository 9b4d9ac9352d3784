from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.link import Link





T = TypeVar("T", bound="VnfPkgInfoLinks")



@_attrs_define
class VnfPkgInfoLinks:
    """ 
        Attributes:
            package_content (Link):
            self_ (Link):
            vnfd (Link | Unset):
     """

    package_content: Link
    self_: Link
    vnfd: Link | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.link import Link # noqa: PLC0415
        package_content = self.package_content.to_dict()

        self_ = self.self_.to_dict()

        vnfd: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vnfd, Unset):
            vnfd = self.vnfd.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "packageContent": package_content,
            "self": self_,
        })
        if vnfd is not UNSET:
            field_dict["vnfd"] = vnfd

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link import Link # noqa: PLC0415
        d = dict(src_dict)
        package_content = Link.from_dict(d.pop("packageContent"))




        self_ = Link.from_dict(d.pop("self"))




        _vnfd = d.pop("vnfd", UNSET)
        vnfd: Link | Unset
        if isinstance(_vnfd,  Unset):
            vnfd = UNSET
        else:
            vnfd = Link.from_dict(_vnfd)




        vnf_pkg_info_links = cls(
            package_content=package_content,
            self_=self_,
            vnfd=vnfd,
        )


        vnf_pkg_info_links.additional_properties = d
        return vnf_pkg_info_links

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
