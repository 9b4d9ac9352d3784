from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scale_vnf_request_type import ScaleVnfRequestType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.scale_vnf_request_additional_params import ScaleVnfRequestAdditionalParams





T = TypeVar("T", bound="ScaleVnfRequest")



@_attrs_define
class ScaleVnfRequest:
    """ 
        Attributes:
            aspect_id (str):
            type_ (ScaleVnfRequestType):
            additional_params (ScaleVnfRequestAdditionalParams | Unset):
            number_of_steps (int | Unset):
     """

    aspect_id: str
    type_: ScaleVnfRequestType
    additional_params: ScaleVnfRequestAdditionalParams | Unset = UNSET
    number_of_steps: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.scale_vnf_request_additional_params import ScaleVnfRequestAdditionalParams # noqa: PLC0415
        aspect_id = self.aspect_id

        type_ = self.type_.value

        additional_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_params, Unset):
            additional_params = self.additional_params.to_dict()

        number_of_steps = self.number_of_steps


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "aspectId": aspect_id,
            "type": type_,
        })
        if additional_params is not UNSET:
            field_dict["additionalParams"] = additional_params
        if number_of_steps is not UNSET:
            field_dict["numberOfSteps"] = number_of_steps

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scale_vnf_request_additional_params import ScaleVnfRequestAdditionalParams # noqa: PLC0415
        d = dict(src_dict)
        aspect_id = d.pop("aspectId")

        type_ = ScaleVnfRequestType(d.pop("type"))




        _additional_params = d.pop("additionalParams", UNSET)
        additional_params: ScaleVnfRequestAdditionalParams | Unset
        if isinstance(_additional_params,  Unset):
            additional_params = UNSET
        else:
            additional_params = ScaleVnfRequestAdditionalParams.from_dict(_additional_params)




        number_of_steps = d.pop("numberOfSteps", UNSET)

        scale_vnf_request = cls(
            aspect_id=aspect_id,
            type_=type_,
            additional_params=additional_params,
            number_of_steps=number_of_steps,
        )


        scale_vnf_request.additional_properties = d
        return scale_vnf_request

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
