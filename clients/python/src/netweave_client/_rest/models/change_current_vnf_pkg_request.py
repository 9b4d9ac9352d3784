from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.change_current_vnf_pkg_request_additional_params import ChangeCurrentVnfPkgRequestAdditionalParams
  from ..models.change_current_vnf_pkg_request_extensions import ChangeCurrentVnfPkgRequestExtensions





T = TypeVar("T", bound="ChangeCurrentVnfPkgRequest")



@_attrs_define
class ChangeCurrentVnfPkgRequest:
    """ 
        Attributes:
            vnfd_id (str):
            additional_params (ChangeCurrentVnfPkgRequestAdditionalParams | Unset): Tacker's Helm parameters: `upgrade_type`
                (`RollingUpdate`), `helm_chart_path` (the chart inside the new package), `vdu_params` (`[{vdu_id}]`: the VDUs
                that roll; none named: every one).
            extensions (ChangeCurrentVnfPkgRequestExtensions | Unset):
     """

    vnfd_id: str
    additional_params: ChangeCurrentVnfPkgRequestAdditionalParams | Unset = UNSET
    extensions: ChangeCurrentVnfPkgRequestExtensions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_current_vnf_pkg_request_additional_params import ChangeCurrentVnfPkgRequestAdditionalParams # noqa: PLC0415
        from ..models.change_current_vnf_pkg_request_extensions import ChangeCurrentVnfPkgRequestExtensions # noqa: PLC0415
        vnfd_id = self.vnfd_id

        additional_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_params, Unset):
            additional_params = self.additional_params.to_dict()

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "vnfdId": vnfd_id,
        })
        if additional_params is not UNSET:
            field_dict["additionalParams"] = additional_params
        if extensions is not UNSET:
            field_dict["extensions"] = extensions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_current_vnf_pkg_request_additional_params import ChangeCurrentVnfPkgRequestAdditionalParams # noqa: PLC0415
        from ..models.change_current_vnf_pkg_request_extensions import ChangeCurrentVnfPkgRequestExtensions # noqa: PLC0415
        d = dict(src_dict)
        vnfd_id = d.pop("vnfdId")

        _additional_params = d.pop("additionalParams", UNSET)
        additional_params: ChangeCurrentVnfPkgRequestAdditionalParams | Unset
        if isinstance(_additional_params,  Unset):
            additional_params = UNSET
        else:
            additional_params = ChangeCurrentVnfPkgRequestAdditionalParams.from_dict(_additional_params)




        _extensions = d.pop("extensions", UNSET)
        extensions: ChangeCurrentVnfPkgRequestExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = ChangeCurrentVnfPkgRequestExtensions.from_dict(_extensions)




        change_current_vnf_pkg_request = cls(
            vnfd_id=vnfd_id,
            additional_params=additional_params,
            extensions=extensions,
        )


        change_current_vnf_pkg_request.additional_properties = d
        return change_current_vnf_pkg_request

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
