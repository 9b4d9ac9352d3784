from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.provisioning_request_data_template_parameters import ProvisioningRequestDataTemplateParameters





T = TypeVar("T", bound="ProvisioningRequestData")



@_attrs_define
class ProvisioningRequestData:
    """ Input parameters for a provisioning request.

        Attributes:
            description (str): Human readable description of the provisioning request. Example: this is an example
                provisioning request..
            name (str): Human readable name of the provisioning request. Example: sample-provisioning-request.
            provisioning_request_id (UUID): Identifier for the provisioning request. This identifier is assigned by the SMO.
                 Example: 123e4567-e89b-12d3-a456-426614174000.
            template_name (str): Name of the template used for the provisioning request. Example: sample-template.
            template_parameters (ProvisioningRequestDataTemplateParameters): Input Parameters that conform to the OpenAPI V3
                schema defined in the template. Example: {}.
            template_version (str): Version of the template used for the provisioning request. Example: v4-17-3-1.
     """

    description: str
    name: str
    provisioning_request_id: UUID
    template_name: str
    template_parameters: ProvisioningRequestDataTemplateParameters
    template_version: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.provisioning_request_data_template_parameters import ProvisioningRequestDataTemplateParameters # noqa: PLC0415
        description = self.description

        name = self.name

        provisioning_request_id = str(self.provisioning_request_id)

        template_name = self.template_name

        template_parameters = self.template_parameters.to_dict()

        template_version = self.template_version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "description": description,
            "name": name,
            "provisioningRequestId": provisioning_request_id,
            "templateName": template_name,
            "templateParameters": template_parameters,
            "templateVersion": template_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provisioning_request_data_template_parameters import ProvisioningRequestDataTemplateParameters # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        name = d.pop("name")

        provisioning_request_id = UUID(d.pop("provisioningRequestId"))




        template_name = d.pop("templateName")

        template_parameters = ProvisioningRequestDataTemplateParameters.from_dict(d.pop("templateParameters"))




        template_version = d.pop("templateVersion")

        provisioning_request_data = cls(
            description=description,
            name=name,
            provisioning_request_id=provisioning_request_id,
            template_name=template_name,
            template_parameters=template_parameters,
            template_version=template_version,
        )

        return provisioning_request_data

