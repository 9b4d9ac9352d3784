from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.resource_type_resource_class import ResourceTypeResourceClass
from ..models.resource_type_resource_kind import ResourceTypeResourceKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.resource_type_extensions import ResourceTypeExtensions





T = TypeVar("T", bound="ResourceType")



@_attrs_define
class ResourceType:
    """ Information about a resource type.

        Attributes:
            description (str): Human readable description of the resource type.
            extensions (ResourceTypeExtensions): List of metadata key-value pairs used to associate meaningful metadata to
                the related resource type.
            model (str): Information about the model of the resource as defined by its provider. Example: X-1000.
            name (str): Human readable name of the resource type. Example: medium.
            resource_class (ResourceTypeResourceClass): Functional role of the resource type within the cloud. Example:
                COMPUTE.
            resource_kind (ResourceTypeResourceKind): Value describing "physicality" of the resource type. Example:
                PHYSICAL.
            resource_type_id (UUID): Identifier for the Resource Type. This identifier is allocated by the O-Cloud. Example:
                dac5c740-3470-4a6f-ac89-a2770199f682.
            vendor (str): Provider of the Resource. Example: Some Corporation, Inc..
            version (str): Version or generation of the resource as defined by its provider. Example: v2024.11.
            alarm_dictionary_id (UUID | Unset): Identifier of the Alarm Dictionary for this resource type. The IMS shall
                ensure that the identifier points
                to the same dictionary available under the URI path of the resource type.
                 Example: b2f8c7a1-3d4e-5f6a-7b8c-9d0e1f2a3b4c.
     """

    description: str
    extensions: ResourceTypeExtensions
    model: str
    name: str
    resource_class: ResourceTypeResourceClass
    resource_kind: ResourceTypeResourceKind
    resource_type_id: UUID
    vendor: str
    version: str
    alarm_dictionary_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.resource_type_extensions import ResourceTypeExtensions # noqa: PLC0415
        description = self.description

        extensions = self.extensions.to_dict()

        model = self.model

        name = self.name

        resource_class = self.resource_class.value

        resource_kind = self.resource_kind.value

        resource_type_id = str(self.resource_type_id)

        vendor = self.vendor

        version = self.version

        alarm_dictionary_id: str | Unset = UNSET
        if not isinstance(self.alarm_dictionary_id, Unset):
            alarm_dictionary_id = str(self.alarm_dictionary_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "extensions": extensions,
            "model": model,
            "name": name,
            "resourceClass": resource_class,
            "resourceKind": resource_kind,
            "resourceTypeId": resource_type_id,
            "vendor": vendor,
            "version": version,
        })
        if alarm_dictionary_id is not UNSET:
            field_dict["alarmDictionaryId"] = alarm_dictionary_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_type_extensions import ResourceTypeExtensions # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        extensions = ResourceTypeExtensions.from_dict(d.pop("extensions"))




        model = d.pop("model")

        name = d.pop("name")

        resource_class = ResourceTypeResourceClass(d.pop("resourceClass"))




        resource_kind = ResourceTypeResourceKind(d.pop("resourceKind"))




        resource_type_id = UUID(d.pop("resourceTypeId"))




        vendor = d.pop("vendor")

        version = d.pop("version")

        _alarm_dictionary_id = d.pop("alarmDictionaryId", UNSET)
        alarm_dictionary_id: UUID | Unset
        if isinstance(_alarm_dictionary_id,  Unset):
            alarm_dictionary_id = UNSET
        else:
            alarm_dictionary_id = UUID(_alarm_dictionary_id)




        resource_type = cls(
            description=description,
            extensions=extensions,
            model=model,
            name=name,
            resource_class=resource_class,
            resource_kind=resource_kind,
            resource_type_id=resource_type_id,
            vendor=vendor,
            version=version,
            alarm_dictionary_id=alarm_dictionary_id,
        )


        resource_type.additional_properties = d
        return resource_type

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
