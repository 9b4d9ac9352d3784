from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.heal_vnf_request_additional_params import HealVnfRequestAdditionalParams





T = TypeVar("T", bound="HealVnfRequest")



@_attrs_define
class HealVnfRequest:
    """ 
        Attributes:
            additional_params (HealVnfRequestAdditionalParams | Unset):
            cause (str | Unset):
            vnfc_instance_id (list[str] | Unset):
     """

    additional_params: HealVnfRequestAdditionalParams | Unset = UNSET
    cause: str | Unset = UNSET
    vnfc_instance_id: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.heal_vnf_request_additional_params import HealVnfRequestAdditionalParams # noqa: PLC0415
        additional_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_params, Unset):
            additional_params = self.additional_params.to_dict()

        cause = self.cause

        vnfc_instance_id: list[str] | Unset = UNSET
        if not isinstance(self.vnfc_instance_id, Unset):
            vnfc_instance_id = self.vnfc_instance_id




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if additional_params is not UNSET:
            field_dict["additionalParams"] = additional_params
        if cause is not UNSET:
            field_dict["cause"] = cause
        if vnfc_instance_id is not UNSET:
            field_dict["vnfcInstanceId"] = vnfc_instance_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.heal_vnf_request_additional_params import HealVnfRequestAdditionalParams # noqa: PLC0415
        d = dict(src_dict)
        _additional_params = d.pop("additionalParams", UNSET)
        additional_params: HealVnfRequestAdditionalParams | Unset
        if isinstance(_additional_params,  Unset):
            additional_params = UNSET
        else:
            additional_params = HealVnfRequestAdditionalParams.from_dict(_additional_params)




        cause = d.pop("cause", UNSET)

        vnfc_instance_id = cast(list[str], d.pop("vnfcInstanceId", UNSET))


        heal_vnf_request = cls(
            additional_params=additional_params,
            cause=cause,
            vnfc_instance_id=vnfc_instance_id,
        )


        heal_vnf_request.additional_properties = d
        return heal_vnf_request

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
