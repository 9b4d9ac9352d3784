from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.problem_details_additional_attributes import ProblemDetailsAdditionalAttributes





T = TypeVar("T", bound="ProblemDetails")



@_attrs_define
class ProblemDetails:
    """ 
        Attributes:
            detail (str): A human-readable explanation specific to this occurrence of the problem. Example: Connection to
                database timed out.
            status (int): The HTTP status code for this occurrence of the problem.
            additional_attributes (ProblemDetailsAdditionalAttributes | Unset): Any number of additional attributes, as
                defined in a specification or by an implementation.
            instance (str | Unset): A URI reference that identifies the specific occurrence of the problem.
                It may yield further information if dereferenced.
            title (str | Unset): A short, human-readable summary of the problem type. It should not change from occurrence
                to occurrence of the problem,
                except for purposes of localization. If type is given and other than "about:blank", this attribute shall also be
                provided.
            type_ (str | Unset): A URI reference according to IETF RFC 3986 [3] that identifies the problem type. It is
                encouraged that the URI provides
                human-readable documentation for the problem (e.g. usingHTML) when dereferenced. When this member is not
                present,
                its value is assumed to be "about:blank".
                 Example: https://problem.description.com.
     """

    detail: str
    status: int
    additional_attributes: ProblemDetailsAdditionalAttributes | Unset = UNSET
    instance: str | Unset = UNSET
    title: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.problem_details_additional_attributes import ProblemDetailsAdditionalAttributes # noqa: PLC0415
        detail = self.detail

        status = self.status

        additional_attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_attributes, Unset):
            additional_attributes = self.additional_attributes.to_dict()

        instance = self.instance

        title = self.title

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "detail": detail,
            "status": status,
        })
        if additional_attributes is not UNSET:
            field_dict["additionalAttributes"] = additional_attributes
        if instance is not UNSET:
            field_dict["instance"] = instance
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_details_additional_attributes import ProblemDetailsAdditionalAttributes # noqa: PLC0415
        d = dict(src_dict)
        detail = d.pop("detail")

        status = d.pop("status")

        _additional_attributes = d.pop("additionalAttributes", UNSET)
        additional_attributes: ProblemDetailsAdditionalAttributes | Unset
        if isinstance(_additional_attributes,  Unset):
            additional_attributes = UNSET
        else:
            additional_attributes = ProblemDetailsAdditionalAttributes.from_dict(_additional_attributes)




        instance = d.pop("instance", UNSET)

        title = d.pop("title", UNSET)

        type_ = d.pop("type", UNSET)

        problem_details = cls(
            detail=detail,
            status=status,
            additional_attributes=additional_attributes,
            instance=instance,
            title=title,
            type_=type_,
        )


        problem_details.additional_properties = d
        return problem_details

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
