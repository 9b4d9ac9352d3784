from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.provisioned_resource_set import ProvisionedResourceSet
  from ..models.provisioning_request_data import ProvisioningRequestData
  from ..models.provisioning_status import ProvisioningStatus





T = TypeVar("T", bound="ProvisioningRequestInfo")



@_attrs_define
class ProvisioningRequestInfo:
    """ Information about a provisioning request.

        Attributes:
            provisioned_resource_set (ProvisionedResourceSet): The resources that have been successfully provisioned as part
                of the provisioning process.
            provisioning_request_data (ProvisioningRequestData): Input parameters for a provisioning request.
            provisioning_request_reference (UUID): Unique reference of the provisioning request assigned by O-Cloud.
                 Example: 822eca7c-54cd-4cbe-a01f-8b4ccb4bb3cf.
            status (ProvisioningStatus): Details about the status of the provisioning request.
     """

    provisioned_resource_set: ProvisionedResourceSet
    provisioning_request_data: ProvisioningRequestData
    provisioning_request_reference: UUID
    status: ProvisioningStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.provisioned_resource_set import ProvisionedResourceSet # noqa: PLC0415
        from ..models.provisioning_request_data import ProvisioningRequestData # noqa: PLC0415
        from ..models.provisioning_status import ProvisioningStatus # noqa: PLC0415
        provisioned_resource_set = self.provisioned_resource_set.to_dict()

        provisioning_request_data = self.provisioning_request_data.to_dict()

        provisioning_request_reference = str(self.provisioning_request_reference)

        status = self.status.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "provisionedResourceSet": provisioned_resource_set,
            "provisioningRequestData": provisioning_request_data,
            "provisioningRequestReference": provisioning_request_reference,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provisioned_resource_set import ProvisionedResourceSet # noqa: PLC0415
        from ..models.provisioning_request_data import ProvisioningRequestData # noqa: PLC0415
        from ..models.provisioning_status import ProvisioningStatus # noqa: PLC0415
        d = dict(src_dict)
        provisioned_resource_set = ProvisionedResourceSet.from_dict(d.pop("provisionedResourceSet"))




        provisioning_request_data = ProvisioningRequestData.from_dict(d.pop("provisioningRequestData"))




        provisioning_request_reference = UUID(d.pop("provisioningRequestReference"))




        status = ProvisioningStatus.from_dict(d.pop("status"))




        provisioning_request_info = cls(
            provisioned_resource_set=provisioned_resource_set,
            provisioning_request_data=provisioning_request_data,
            provisioning_request_reference=provisioning_request_reference,
            status=status,
        )


        provisioning_request_info.additional_properties = d
        return provisioning_request_info

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
