from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TenantQuotas")



@_attrs_define
class TenantQuotas:
    """ A tenant's limits; an absent limit is no limit.

        Attributes:
            max_hubs (int | None | Unset):
            max_provisioning_requests (int | None | Unset):
            max_resource_pools (int | None | Unset):
            max_subscriptions (int | None | Unset):
            max_watch_streams (int | None | Unset):
            requests_per_second (float | None | Unset):
     """

    max_hubs: int | None | Unset = UNSET
    max_provisioning_requests: int | None | Unset = UNSET
    max_resource_pools: int | None | Unset = UNSET
    max_subscriptions: int | None | Unset = UNSET
    max_watch_streams: int | None | Unset = UNSET
    requests_per_second: float | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        max_hubs: int | None | Unset
        if isinstance(self.max_hubs, Unset):
            max_hubs = UNSET
        else:
            max_hubs = self.max_hubs

        max_provisioning_requests: int | None | Unset
        if isinstance(self.max_provisioning_requests, Unset):
            max_provisioning_requests = UNSET
        else:
            max_provisioning_requests = self.max_provisioning_requests

        max_resource_pools: int | None | Unset
        if isinstance(self.max_resource_pools, Unset):
            max_resource_pools = UNSET
        else:
            max_resource_pools = self.max_resource_pools

        max_subscriptions: int | None | Unset
        if isinstance(self.max_subscriptions, Unset):
            max_subscriptions = UNSET
        else:
            max_subscriptions = self.max_subscriptions

        max_watch_streams: int | None | Unset
        if isinstance(self.max_watch_streams, Unset):
            max_watch_streams = UNSET
        else:
            max_watch_streams = self.max_watch_streams

        requests_per_second: float | None | Unset
        if isinstance(self.requests_per_second, Unset):
            requests_per_second = UNSET
        else:
            requests_per_second = self.requests_per_second


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if max_hubs is not UNSET:
            field_dict["maxHubs"] = max_hubs
        if max_provisioning_requests is not UNSET:
            field_dict["maxProvisioningRequests"] = max_provisioning_requests
        if max_resource_pools is not UNSET:
            field_dict["maxResourcePools"] = max_resource_pools
        if max_subscriptions is not UNSET:
            field_dict["maxSubscriptions"] = max_subscriptions
        if max_watch_streams is not UNSET:
            field_dict["maxWatchStreams"] = max_watch_streams
        if requests_per_second is not UNSET:
            field_dict["requestsPerSecond"] = requests_per_second

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_max_hubs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_hubs = _parse_max_hubs(d.pop("maxHubs", UNSET))


        def _parse_max_provisioning_requests(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_provisioning_requests = _parse_max_provisioning_requests(d.pop("maxProvisioningRequests", UNSET))


        def _parse_max_resource_pools(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_resource_pools = _parse_max_resource_pools(d.pop("maxResourcePools", UNSET))


        def _parse_max_subscriptions(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_subscriptions = _parse_max_subscriptions(d.pop("maxSubscriptions", UNSET))


        def _parse_max_watch_streams(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_watch_streams = _parse_max_watch_streams(d.pop("maxWatchStreams", UNSET))


        def _parse_requests_per_second(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        requests_per_second = _parse_requests_per_second(d.pop("requestsPerSecond", UNSET))


        tenant_quotas = cls(
            max_hubs=max_hubs,
            max_provisioning_requests=max_provisioning_requests,
            max_resource_pools=max_resource_pools,
            max_subscriptions=max_subscriptions,
            max_watch_streams=max_watch_streams,
            requests_per_second=requests_per_second,
        )

        return tenant_quotas

