from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vnf_lcm_op_occ_operation import VnfLcmOpOccOperation
from ..models.vnf_lcm_op_occ_operation_state import VnfLcmOpOccOperationState
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.problem_details import ProblemDetails
  from ..models.vnf_lcm_op_occ_links import VnfLcmOpOccLinks
  from ..models.vnf_lcm_op_occ_operation_params import VnfLcmOpOccOperationParams
  from ..models.vnf_lcm_op_occ_resource_changes import VnfLcmOpOccResourceChanges





T = TypeVar("T", bound="VnfLcmOpOcc")



@_attrs_define
class VnfLcmOpOcc:
    """ A lifecycle operation occurrence (SOL003 §5.5.2.13).

        Attributes:
            field_links (VnfLcmOpOccLinks):
            id (str):
            is_automatic_invocation (bool):
            is_cancel_pending (bool):
            operation (VnfLcmOpOccOperation):
            operation_state (VnfLcmOpOccOperationState):
            start_time (datetime.datetime):
            state_entered_time (datetime.datetime):
            vnf_instance_id (str):
            error (ProblemDetails | Unset):
            operation_params (VnfLcmOpOccOperationParams | Unset):
            resource_changes (VnfLcmOpOccResourceChanges | Unset):
     """

    field_links: VnfLcmOpOccLinks
    id: str
    is_automatic_invocation: bool
    is_cancel_pending: bool
    operation: VnfLcmOpOccOperation
    operation_state: VnfLcmOpOccOperationState
    start_time: datetime.datetime
    state_entered_time: datetime.datetime
    vnf_instance_id: str
    error: ProblemDetails | Unset = UNSET
    operation_params: VnfLcmOpOccOperationParams | Unset = UNSET
    resource_changes: VnfLcmOpOccResourceChanges | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.problem_details import ProblemDetails # noqa: PLC0415
        from ..models.vnf_lcm_op_occ_links import VnfLcmOpOccLinks # noqa: PLC0415
        from ..models.vnf_lcm_op_occ_operation_params import VnfLcmOpOccOperationParams # noqa: PLC0415
        from ..models.vnf_lcm_op_occ_resource_changes import VnfLcmOpOccResourceChanges # noqa: PLC0415
        field_links = self.field_links.to_dict()

        id = self.id

        is_automatic_invocation = self.is_automatic_invocation

        is_cancel_pending = self.is_cancel_pending

        operation = self.operation.value

        operation_state = self.operation_state.value

        start_time = self.start_time.isoformat()

        state_entered_time = self.state_entered_time.isoformat()

        vnf_instance_id = self.vnf_instance_id

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        operation_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.operation_params, Unset):
            operation_params = self.operation_params.to_dict()

        resource_changes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.resource_changes, Unset):
            resource_changes = self.resource_changes.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "_links": field_links,
            "id": id,
            "isAutomaticInvocation": is_automatic_invocation,
            "isCancelPending": is_cancel_pending,
            "operation": operation,
            "operationState": operation_state,
            "startTime": start_time,
            "stateEnteredTime": state_entered_time,
            "vnfInstanceId": vnf_instance_id,
        })
        if error is not UNSET:
            field_dict["error"] = error
        if operation_params is not UNSET:
            field_dict["operationParams"] = operation_params
        if resource_changes is not UNSET:
            field_dict["resourceChanges"] = resource_changes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_details import ProblemDetails # noqa: PLC0415
        from ..models.vnf_lcm_op_occ_links import VnfLcmOpOccLinks # noqa: PLC0415
        from ..models.vnf_lcm_op_occ_operation_params import VnfLcmOpOccOperationParams # noqa: PLC0415
        from ..models.vnf_lcm_op_occ_resource_changes import VnfLcmOpOccResourceChanges # noqa: PLC0415
        d = dict(src_dict)
        field_links = VnfLcmOpOccLinks.from_dict(d.pop("_links"))




        id = d.pop("id")

        is_automatic_invocation = d.pop("isAutomaticInvocation")

        is_cancel_pending = d.pop("isCancelPending")

        operation = VnfLcmOpOccOperation(d.pop("operation"))




        operation_state = VnfLcmOpOccOperationState(d.pop("operationState"))




        start_time = datetime.datetime.fromisoformat(d.pop("startTime"))




        state_entered_time = datetime.datetime.fromisoformat(d.pop("stateEnteredTime"))




        vnf_instance_id = d.pop("vnfInstanceId")

        _error = d.pop("error", UNSET)
        error: ProblemDetails | Unset
        if isinstance(_error,  Unset):
            error = UNSET
        else:
            error = ProblemDetails.from_dict(_error)




        _operation_params = d.pop("operationParams", UNSET)
        operation_params: VnfLcmOpOccOperationParams | Unset
        if isinstance(_operation_params,  Unset):
            operation_params = UNSET
        else:
            operation_params = VnfLcmOpOccOperationParams.from_dict(_operation_params)




        _resource_changes = d.pop("resourceChanges", UNSET)
        resource_changes: VnfLcmOpOccResourceChanges | Unset
        if isinstance(_resource_changes,  Unset):
            resource_changes = UNSET
        else:
            resource_changes = VnfLcmOpOccResourceChanges.from_dict(_resource_changes)




        vnf_lcm_op_occ = cls(
            field_links=field_links,
            id=id,
            is_automatic_invocation=is_automatic_invocation,
            is_cancel_pending=is_cancel_pending,
            operation=operation,
            operation_state=operation_state,
            start_time=start_time,
            state_entered_time=state_entered_time,
            vnf_instance_id=vnf_instance_id,
            error=error,
            operation_params=operation_params,
            resource_changes=resource_changes,
        )


        vnf_lcm_op_occ.additional_properties = d
        return vnf_lcm_op_occ

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
