from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.managed_infrastructure_template_characteristics import ManagedInfrastructureTemplateCharacteristics
  from ..models.managed_infrastructure_template_extensions import ManagedInfrastructureTemplateExtensions
  from ..models.managed_infrastructure_template_parameter_schema import ManagedInfrastructureTemplateParameterSchema





T = TypeVar("T", bound="ManagedInfrastructureTemplate")



@_attrs_define
class ManagedInfrastructureTemplate:
    """ Information about a managed infrastructure template.

        Attributes:
            artifact_resource_id (UUID): Identifier for the managed infrastructure template. This identifier is allocated by
                the O-Cloud. Example: fa242779-dfef-414e-b2b1-3b75d6f6b65d.
            description (str): Details about the current managed infrastructure template. Example: Defines the parameters
                allowed for cluster provisioning.
            name (str): Human readable description of managed infrastructure template Example: sno-ran-du.
            parameter_schema (ManagedInfrastructureTemplateParameterSchema): Defines the parameters required for
                ClusterTemplate. The parameter definitions should follow the OpenAPI V3 schema and explicitly define required
                fields.
                 Example: {'properties': {'clusterInstanceParameters': {'type': 'object'}, 'nodeClusterName': {'type':
                'string'}, 'oCloudSiteId': {'type': 'string'}, 'policyTemplateParameters': {'type': 'object'}}, 'required':
                ['nodeClusterName', 'oCloudSiteId', 'policyTemplateParameters', 'clusterInstanceParameters']}.
            version (str):  Example: v4-17-3-1.
            characteristics (ManagedInfrastructureTemplateCharacteristics | Unset): A list of key/value pairs describing
                characteristics associated with the template.
                 Example: {'deploymentType': 'sno', 'networkType': 'ran'}.
            extensions (ManagedInfrastructureTemplateExtensions | Unset): These are unspecified (not standardized)
                properties (keys) which are tailored by the vendor or
                operator to extend the information provided about the Artifact Resource.
                 Example: {'status': 'ClusterTemplateValidated has Completed: The cluster template validation succeeded'}.
     """

    artifact_resource_id: UUID
    description: str
    name: str
    parameter_schema: ManagedInfrastructureTemplateParameterSchema
    version: str
    characteristics: ManagedInfrastructureTemplateCharacteristics | Unset = UNSET
    extensions: ManagedInfrastructureTemplateExtensions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.managed_infrastructure_template_characteristics import ManagedInfrastructureTemplateCharacteristics # noqa: PLC0415
        from ..models.managed_infrastructure_template_extensions import ManagedInfrastructureTemplateExtensions # noqa: PLC0415
        from ..models.managed_infrastructure_template_parameter_schema import ManagedInfrastructureTemplateParameterSchema # noqa: PLC0415
        artifact_resource_id = str(self.artifact_resource_id)

        description = self.description

        name = self.name

        parameter_schema = self.parameter_schema.to_dict()

        version = self.version

        characteristics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.characteristics, Unset):
            characteristics = self.characteristics.to_dict()

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "artifactResourceId": artifact_resource_id,
            "description": description,
            "name": name,
            "parameterSchema": parameter_schema,
            "version": version,
        })
        if characteristics is not UNSET:
            field_dict["characteristics"] = characteristics
        if extensions is not UNSET:
            field_dict["extensions"] = extensions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.managed_infrastructure_template_characteristics import ManagedInfrastructureTemplateCharacteristics # noqa: PLC0415
        from ..models.managed_infrastructure_template_extensions import ManagedInfrastructureTemplateExtensions # noqa: PLC0415
        from ..models.managed_infrastructure_template_parameter_schema import ManagedInfrastructureTemplateParameterSchema # noqa: PLC0415
        d = dict(src_dict)
        artifact_resource_id = UUID(d.pop("artifactResourceId"))




        description = d.pop("description")

        name = d.pop("name")

        parameter_schema = ManagedInfrastructureTemplateParameterSchema.from_dict(d.pop("parameterSchema"))




        version = d.pop("version")

        _characteristics = d.pop("characteristics", UNSET)
        characteristics: ManagedInfrastructureTemplateCharacteristics | Unset
        if isinstance(_characteristics,  Unset):
            characteristics = UNSET
        else:
            characteristics = ManagedInfrastructureTemplateCharacteristics.from_dict(_characteristics)




        _extensions = d.pop("extensions", UNSET)
        extensions: ManagedInfrastructureTemplateExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = ManagedInfrastructureTemplateExtensions.from_dict(_extensions)




        managed_infrastructure_template = cls(
            artifact_resource_id=artifact_resource_id,
            description=description,
            name=name,
            parameter_schema=parameter_schema,
            version=version,
            characteristics=characteristics,
            extensions=extensions,
        )


        managed_infrastructure_template.additional_properties = d
        return managed_infrastructure_template

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
