from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tenant_status import TenantStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.tenant_quotas import TenantQuotas





T = TypeVar("T", bound="Tenant")



@_attrs_define
class Tenant:
    """ 
        Attributes:
            created_at (datetime.datetime):
            quotas (TenantQuotas): A tenant's limits; an absent limit is no limit.
            resource_pools (list[str]): Pools the tenant may see, by id.
            status (TenantStatus):
            tenant_id (str):
            updated_at (datetime.datetime):
            label_selector (str | Unset): And/or pools whose labels match `key=value,…`, such as
                `o2ims.oran.org/tenant=tenant-a`.
     """

    created_at: datetime.datetime
    quotas: TenantQuotas
    resource_pools: list[str]
    status: TenantStatus
    tenant_id: str
    updated_at: datetime.datetime
    label_selector: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.tenant_quotas import TenantQuotas # noqa: PLC0415
        created_at = self.created_at.isoformat()

        quotas = self.quotas.to_dict()

        resource_pools = self.resource_pools



        status = self.status.value

        tenant_id = self.tenant_id

        updated_at = self.updated_at.isoformat()

        label_selector = self.label_selector


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "createdAt": created_at,
            "quotas": quotas,
            "resourcePools": resource_pools,
            "status": status,
            "tenantId": tenant_id,
            "updatedAt": updated_at,
        })
        if label_selector is not UNSET:
            field_dict["labelSelector"] = label_selector

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tenant_quotas import TenantQuotas # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))




        quotas = TenantQuotas.from_dict(d.pop("quotas"))




        resource_pools = cast(list[str], d.pop("resourcePools"))


        status = TenantStatus(d.pop("status"))




        tenant_id = d.pop("tenantId")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))




        label_selector = d.pop("labelSelector", UNSET)

        tenant = cls(
            created_at=created_at,
            quotas=quotas,
            resource_pools=resource_pools,
            status=status,
            tenant_id=tenant_id,
            updated_at=updated_at,
            label_selector=label_selector,
        )


        tenant.additional_properties = d
        return tenant

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
