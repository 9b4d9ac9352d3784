from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role_binding_roles_item import RoleBindingRolesItem
from typing import cast






T = TypeVar("T", bound="RoleBinding")



@_attrs_define
class RoleBinding:
    """ Roles a subject (a token's `sub`, a client certificate's user) holds within the tenant, beside its credentials' own.

        Attributes:
            roles (list[RoleBindingRolesItem]):
            subject (str):
     """

    roles: list[RoleBindingRolesItem]
    subject: str





    def to_dict(self) -> dict[str, Any]:
        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)



        subject = self.subject


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "roles": roles,
            "subject": subject,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        roles = []
        _roles = d.pop("roles")
        for roles_item_data in (_roles):
            roles_item = RoleBindingRolesItem(roles_item_data)



            roles.append(roles_item)


        subject = d.pop("subject")

        role_binding = cls(
            roles=roles,
            subject=subject,
        )

        return role_binding

