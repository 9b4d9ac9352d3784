from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.terminate_vnf_request_termination_type import TerminateVnfRequestTerminationType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.terminate_vnf_request_additional_params import TerminateVnfRequestAdditionalParams





T = TypeVar("T", bound="TerminateVnfRequest")



@_attrs_define
class TerminateVnfRequest:
    """ 
        Attributes:
            termination_type (TerminateVnfRequestTerminationType):
            additional_params (TerminateVnfRequestAdditionalParams | Unset):
            graceful_termination_timeout (int | Unset):
     """

    termination_type: TerminateVnfRequestTerminationType
    additional_params: TerminateVnfRequestAdditionalParams | Unset = UNSET
    graceful_termination_timeout: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.terminate_vnf_request_additional_params import TerminateVnfRequestAdditionalParams # noqa: PLC0415
        termination_type = self.termination_type.value

        additional_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_params, Unset):
            additional_params = self.additional_params.to_dict()

        graceful_termination_timeout = self.graceful_termination_timeout


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "terminationType": termination_type,
        })
        if additional_params is not UNSET:
            field_dict["additionalParams"] = additional_params
        if graceful_termination_timeout is not UNSET:
            field_dict["gracefulTerminationTimeout"] = graceful_termination_timeout

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.terminate_vnf_request_additional_params import TerminateVnfRequestAdditionalParams # noqa: PLC0415
        d = dict(src_dict)
        termination_type = TerminateVnfRequestTerminationType(d.pop("terminationType"))




        _additional_params = d.pop("additionalParams", UNSET)
        additional_params: TerminateVnfRequestAdditionalParams | Unset
        if isinstance(_additional_params,  Unset):
            additional_params = UNSET
        else:
            additional_params = TerminateVnfRequestAdditionalParams.from_dict(_additional_params)




        graceful_termination_timeout = d.pop("gracefulTerminationTimeout", UNSET)

        terminate_vnf_request = cls(
            termination_type=termination_type,
            additional_params=additional_params,
            graceful_termination_timeout=graceful_termination_timeout,
        )


        terminate_vnf_request.additional_properties = d
        return terminate_vnf_request

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
