from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vnf_lcm_operation_occurrence_notification_notification_status import VnfLcmOperationOccurrenceNotificationNotificationStatus
from ..models.vnf_lcm_operation_occurrence_notification_notification_type import VnfLcmOperationOccurrenceNotificationNotificationType
from ..models.vnf_lcm_operation_occurrence_notification_verbosity import VnfLcmOperationOccurrenceNotificationVerbosity
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.problem_details import ProblemDetails
  from ..models.vnf_lcm_operation_occurrence_notification_affected_vnfcs_item import VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem
  from ..models.vnf_lcm_operation_occurrence_notification_links import VnfLcmOperationOccurrenceNotificationLinks





T = TypeVar("T", bound="VnfLcmOperationOccurrenceNotification")



@_attrs_define
class VnfLcmOperationOccurrenceNotification:
    """ Sent on every state an occurrence enters (SOL003 §5.5.2.17): START for STARTING (and MODIFY_INFO's PROCESSING),
    RESULT for the others. Posted to the callback with `Version: 2.0.0`, the subscription's authentication and the
    Standard Webhooks signature headers; `id` is the same on every attempt.

        Attributes:
            field_links (VnfLcmOperationOccurrenceNotificationLinks):
            id (str):
            is_automatic_invocation (bool):
            notification_status (VnfLcmOperationOccurrenceNotificationNotificationStatus):
            notification_type (VnfLcmOperationOccurrenceNotificationNotificationType):
            operation (str):
            operation_state (str):
            subscription_id (str):
            time_stamp (datetime.datetime):
            vnf_instance_id (str):
            vnf_lcm_op_occ_id (str):
            affected_vnfcs (list[VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem] | Unset):
            error (ProblemDetails | Unset):
            verbosity (VnfLcmOperationOccurrenceNotificationVerbosity | Unset):
     """

    field_links: VnfLcmOperationOccurrenceNotificationLinks
    id: str
    is_automatic_invocation: bool
    notification_status: VnfLcmOperationOccurrenceNotificationNotificationStatus
    notification_type: VnfLcmOperationOccurrenceNotificationNotificationType
    operation: str
    operation_state: str
    subscription_id: str
    time_stamp: datetime.datetime
    vnf_instance_id: str
    vnf_lcm_op_occ_id: str
    affected_vnfcs: list[VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem] | Unset = UNSET
    error: ProblemDetails | Unset = UNSET
    verbosity: VnfLcmOperationOccurrenceNotificationVerbosity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.problem_details import ProblemDetails # noqa: PLC0415
        from ..models.vnf_lcm_operation_occurrence_notification_affected_vnfcs_item import VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem # noqa: PLC0415
        from ..models.vnf_lcm_operation_occurrence_notification_links import VnfLcmOperationOccurrenceNotificationLinks # noqa: PLC0415
        field_links = self.field_links.to_dict()

        id = self.id

        is_automatic_invocation = self.is_automatic_invocation

        notification_status = self.notification_status.value

        notification_type = self.notification_type.value

        operation = self.operation

        operation_state = self.operation_state

        subscription_id = self.subscription_id

        time_stamp = self.time_stamp.isoformat()

        vnf_instance_id = self.vnf_instance_id

        vnf_lcm_op_occ_id = self.vnf_lcm_op_occ_id

        affected_vnfcs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.affected_vnfcs, Unset):
            affected_vnfcs = []
            for affected_vnfcs_item_data in self.affected_vnfcs:
                affected_vnfcs_item = affected_vnfcs_item_data.to_dict()
                affected_vnfcs.append(affected_vnfcs_item)



        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        verbosity: str | Unset = UNSET
        if not isinstance(self.verbosity, Unset):
            verbosity = self.verbosity.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "_links": field_links,
            "id": id,
            "isAutomaticInvocation": is_automatic_invocation,
            "notificationStatus": notification_status,
            "notificationType": notification_type,
            "operation": operation,
            "operationState": operation_state,
            "subscriptionId": subscription_id,
            "timeStamp": time_stamp,
            "vnfInstanceId": vnf_instance_id,
            "vnfLcmOpOccId": vnf_lcm_op_occ_id,
        })
        if affected_vnfcs is not UNSET:
            field_dict["affectedVnfcs"] = affected_vnfcs
        if error is not UNSET:
            field_dict["error"] = error
        if verbosity is not UNSET:
            field_dict["verbosity"] = verbosity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_details import ProblemDetails # noqa: PLC0415
        from ..models.vnf_lcm_operation_occurrence_notification_affected_vnfcs_item import VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem # noqa: PLC0415
        from ..models.vnf_lcm_operation_occurrence_notification_links import VnfLcmOperationOccurrenceNotificationLinks # noqa: PLC0415
        d = dict(src_dict)
        field_links = VnfLcmOperationOccurrenceNotificationLinks.from_dict(d.pop("_links"))




        id = d.pop("id")

        is_automatic_invocation = d.pop("isAutomaticInvocation")

        notification_status = VnfLcmOperationOccurrenceNotificationNotificationStatus(d.pop("notificationStatus"))




        notification_type = VnfLcmOperationOccurrenceNotificationNotificationType(d.pop("notificationType"))




        operation = d.pop("operation")

        operation_state = d.pop("operationState")

        subscription_id = d.pop("subscriptionId")

        time_stamp = datetime.datetime.fromisoformat(d.pop("timeStamp"))




        vnf_instance_id = d.pop("vnfInstanceId")

        vnf_lcm_op_occ_id = d.pop("vnfLcmOpOccId")

        _affected_vnfcs = d.pop("affectedVnfcs", UNSET)
        affected_vnfcs: list[VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem] | Unset = UNSET
        if _affected_vnfcs is not UNSET:
            affected_vnfcs = []
            for affected_vnfcs_item_data in _affected_vnfcs:
                affected_vnfcs_item = VnfLcmOperationOccurrenceNotificationAffectedVnfcsItem.from_dict(affected_vnfcs_item_data)



                affected_vnfcs.append(affected_vnfcs_item)


        _error = d.pop("error", UNSET)
        error: ProblemDetails | Unset
        if isinstance(_error,  Unset):
            error = UNSET
        else:
            error = ProblemDetails.from_dict(_error)




        _verbosity = d.pop("verbosity", UNSET)
        verbosity: VnfLcmOperationOccurrenceNotificationVerbosity | Unset
        if isinstance(_verbosity,  Unset):
            verbosity = UNSET
        else:
            verbosity = VnfLcmOperationOccurrenceNotificationVerbosity(_verbosity)




        vnf_lcm_operation_occurrence_notification = cls(
            field_links=field_links,
            id=id,
            is_automatic_invocation=is_automatic_invocation,
            notification_status=notification_status,
            notification_type=notification_type,
            operation=operation,
            operation_state=operation_state,
            subscription_id=subscription_id,
            time_stamp=time_stamp,
            vnf_instance_id=vnf_instance_id,
            vnf_lcm_op_occ_id=vnf_lcm_op_occ_id,
            affected_vnfcs=affected_vnfcs,
            error=error,
            verbosity=verbosity,
        )


        vnf_lcm_operation_occurrence_notification.additional_properties = d
        return vnf_lcm_operation_occurrence_notification

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
