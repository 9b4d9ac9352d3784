from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tenant_input_status_type_1 import TenantInputStatusType1
from ..models.tenant_input_status_type_2_type_1 import TenantInputStatusType2Type1
from ..models.tenant_input_status_type_3_type_1 import TenantInputStatusType3Type1
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tenant_quotas import TenantQuotas





T = TypeVar("T", bound="TenantInput")



@_attrs_define
class TenantInput:
    """ A tenant to create (`tenantId` required) or to replace (`tenantId` absent or equal to the path's). `createdAt` and
    `updatedAt` are set by the server and ignored; `null` is the same as absent.

        Attributes:
            created_at (None | str | Unset):
            label_selector (None | str | Unset):
            quotas (TenantQuotas | Unset): A tenant's limits; an absent limit is no limit.
            resource_pools (list[str] | Unset):
            status (None | TenantInputStatusType1 | TenantInputStatusType2Type1 | TenantInputStatusType3Type1 | Unset):
                Default `active`.
            tenant_id (None | str | Unset):
            updated_at (None | str | Unset):
     """

    created_at: None | str | Unset = UNSET
    label_selector: None | str | Unset = UNSET
    quotas: TenantQuotas | Unset = UNSET
    resource_pools: list[str] | Unset = UNSET
    status: None | TenantInputStatusType1 | TenantInputStatusType2Type1 | TenantInputStatusType3Type1 | Unset = UNSET
    tenant_id: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.tenant_quotas import TenantQuotas # noqa: PLC0415
        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        label_selector: None | str | Unset
        if isinstance(self.label_selector, Unset):
            label_selector = UNSET
        else:
            label_selector = self.label_selector

        quotas: dict[str, Any] | Unset = UNSET
        if not isinstance(self.quotas, Unset):
            quotas = self.quotas.to_dict()

        resource_pools: list[str] | Unset = UNSET
        if not isinstance(self.resource_pools, Unset):
            resource_pools = self.resource_pools



        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, TenantInputStatusType1):
            status = self.status.value
        elif isinstance(self.status, TenantInputStatusType2Type1):
            status = self.status.value
        elif isinstance(self.status, TenantInputStatusType3Type1):
            status = self.status.value
        else:
            status = self.status

        tenant_id: None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if label_selector is not UNSET:
            field_dict["labelSelector"] = label_selector
        if quotas is not UNSET:
            field_dict["quotas"] = quotas
        if resource_pools is not UNSET:
            field_dict["resourcePools"] = resource_pools
        if status is not UNSET:
            field_dict["status"] = status
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tenant_quotas import TenantQuotas # noqa: PLC0415
        d = dict(src_dict)
        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("createdAt", UNSET))


        def _parse_label_selector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label_selector = _parse_label_selector(d.pop("labelSelector", UNSET))


        _quotas = d.pop("quotas", UNSET)
        quotas: TenantQuotas | Unset
        if isinstance(_quotas,  Unset):
            quotas = UNSET
        else:
            quotas = TenantQuotas.from_dict(_quotas)




        resource_pools = cast(list[str], d.pop("resourcePools", UNSET))


        def _parse_status(data: object) -> None | TenantInputStatusType1 | TenantInputStatusType2Type1 | TenantInputStatusType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = TenantInputStatusType1(data)



                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_2_type_1 = TenantInputStatusType2Type1(data)



                return status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_3_type_1 = TenantInputStatusType3Type1(data)



                return status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantInputStatusType1 | TenantInputStatusType2Type1 | TenantInputStatusType3Type1 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_tenant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenantId", UNSET))


        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updatedAt", UNSET))


        tenant_input = cls(
            created_at=created_at,
            label_selector=label_selector,
            quotas=quotas,
            resource_pools=resource_pools,
            status=status,
            tenant_id=tenant_id,
            updated_at=updated_at,
        )

        return tenant_input

