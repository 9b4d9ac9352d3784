from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.v1_alarm_dictionary_dto import V1AlarmDictionaryDto
  from ..models.v1_resource_type_get_dto_extensions import V1ResourceTypeGetDtoExtensions





T = TypeVar("T", bound="V1ResourceTypeGetDto")



@_attrs_define
class V1ResourceTypeGetDto:
    """ 
        Attributes:
            resource_type_id (str): Identifier for the Resource Type. Example: 60cba7be-e2cd-3b8c-a7ff-16e0f10573f9.
            alarm_dictionary (None | Unset | V1AlarmDictionaryDto): netweave: `null` for a resource type without an alarm
                dictionary.
            description (str | Unset): Human readable description of the resource type. Example: The Physical Server
                resource type.
            extensions (V1ResourceTypeGetDtoExtensions | Unset): List of metadata key-value pairs used to associate
                meaningful metadata to the related resource type. netweave: a JSON object of key-value pairs, as the description
                says and INF's DTOs return (`Json2Dict`).
            model (str | Unset): Information about the model of the resource as defined by its provider.
            name (str | Unset): Human readable name of the resource type. Example: pserver.
            vendor (str | Unset): Provider of the Resource.
            version (str | Unset): Version or generation of the resource as defined by its provider.
     """

    resource_type_id: str
    alarm_dictionary: None | Unset | V1AlarmDictionaryDto = UNSET
    description: str | Unset = UNSET
    extensions: V1ResourceTypeGetDtoExtensions | Unset = UNSET
    model: str | Unset = UNSET
    name: str | Unset = UNSET
    vendor: str | Unset = UNSET
    version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.v1_alarm_dictionary_dto import V1AlarmDictionaryDto # noqa: PLC0415
        from ..models.v1_resource_type_get_dto_extensions import V1ResourceTypeGetDtoExtensions # noqa: PLC0415
        resource_type_id = self.resource_type_id

        alarm_dictionary: dict[str, Any] | None | Unset
        if isinstance(self.alarm_dictionary, Unset):
            alarm_dictionary = UNSET
        elif isinstance(self.alarm_dictionary, V1AlarmDictionaryDto):
            alarm_dictionary = self.alarm_dictionary.to_dict()
        else:
            alarm_dictionary = self.alarm_dictionary

        description = self.description

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        model = self.model

        name = self.name

        vendor = self.vendor

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "resourceTypeId": resource_type_id,
        })
        if alarm_dictionary is not UNSET:
            field_dict["alarmDictionary"] = alarm_dictionary
        if description is not UNSET:
            field_dict["description"] = description
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if model is not UNSET:
            field_dict["model"] = model
        if name is not UNSET:
            field_dict["name"] = name
        if vendor is not UNSET:
            field_dict["vendor"] = vendor
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.v1_alarm_dictionary_dto import V1AlarmDictionaryDto # noqa: PLC0415
        from ..models.v1_resource_type_get_dto_extensions import V1ResourceTypeGetDtoExtensions # noqa: PLC0415
        d = dict(src_dict)
        resource_type_id = d.pop("resourceTypeId")

        def _parse_alarm_dictionary(data: object) -> None | Unset | V1AlarmDictionaryDto:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                alarm_dictionary_type_1 = V1AlarmDictionaryDto.from_dict(data)



                return alarm_dictionary_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V1AlarmDictionaryDto, data)

        alarm_dictionary = _parse_alarm_dictionary(d.pop("alarmDictionary", UNSET))


        description = d.pop("description", UNSET)

        _extensions = d.pop("extensions", UNSET)
        extensions: V1ResourceTypeGetDtoExtensions | Unset
        if isinstance(_extensions,  Unset):
            extensions = UNSET
        else:
            extensions = V1ResourceTypeGetDtoExtensions.from_dict(_extensions)




        model = d.pop("model", UNSET)

        name = d.pop("name", UNSET)

        vendor = d.pop("vendor", UNSET)

        version = d.pop("version", UNSET)

        v1_resource_type_get_dto = cls(
            resource_type_id=resource_type_id,
            alarm_dictionary=alarm_dictionary,
            description=description,
            extensions=extensions,
            model=model,
            name=name,
            vendor=vendor,
            version=version,
        )


        v1_resource_type_get_dto.additional_properties = d
        return v1_resource_type_get_dto

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
