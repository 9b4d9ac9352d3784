"""Connecting, authenticating, and the retried calls."""

from __future__ import annotations

import uuid

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

import grpc

from netweave_client._proto.netweave.events.v1 import events_pb2_grpc
from netweave_client._proto.netweave.o2ims.v1 import (
    inventory_pb2 as inv,
    inventory_pb2_grpc,
    objects_pb2 as obj,
    subscriptions_pb2 as subs,
    subscriptions_pb2_grpc,
)
from netweave_client.pages import Page, Pages
from netweave_client.retry import Retry
from netweave_client.watch import Watch, WatchSelector

#: A bearer token: fixed, or a callback read on every call and every Watch reconnect.
Token = str | Callable[[], str]


class Client:
    """A connection to a netweave gateway over gRPC.

    ``url`` is ``http://host:port`` (h2c) or ``https://host:port`` (TLS: ``ca_pem`` to verify
    the server, the system roots when unset; ``cert_pem`` and ``key_pem`` for mTLS;
    ``server_name`` when the certificate names another host)."""

    def __init__(
        self,
        url: str,
        *,
        token: Token | None = None,
        ca_pem: bytes | None = None,
        cert_pem: bytes | None = None,
        key_pem: bytes | None = None,
        server_name: str | None = None,
        timeout: float = 30.0,
        retry: Retry = Retry(),
    ) -> None:
        parts = urlsplit(url)
        target = parts.netloc
        if parts.scheme == "https":
            credentials = grpc.ssl_channel_credentials(ca_pem, key_pem, cert_pem)
            options = [("grpc.ssl_target_name_override", server_name)] if server_name else []
            self.channel = grpc.secure_channel(target, credentials, options)
        elif parts.scheme == "http":
            self.channel = grpc.insecure_channel(target)
        else:
            raise ValueError(f"the URL must be http:// or https://, not {url!r}")
        self._token = token
        self.timeout = timeout
        self.retry = retry
        #: The generated stubs, for every RPC the helpers do not cover.
        self.inventory = inventory_pb2_grpc.InventoryServiceStub(self.channel)
        self.subscriptions = subscriptions_pb2_grpc.SubscriptionServiceStub(self.channel)
        self.events = events_pb2_grpc.EventServiceStub(self.channel)

    def metadata(self) -> Sequence[tuple[str, str]]:
        """The call metadata: ``authorization: Bearer …`` with the token read now."""
        if self._token is None:
            return ()
        token = self._token() if callable(self._token) else self._token
        return (("authorization", f"Bearer {token}"),)

    def _call(self, write: bool, rpc: Any, request: Any, key: str | None = None) -> Any:
        """One unary call with this client's deadline and token, retried as ``retry`` says;
        ``key`` is sent as ``idempotency-key`` on every try."""
        extra = (("idempotency-key", key),) if key else ()
        return self.retry.run(
            write, lambda: rpc(request, timeout=self.timeout, metadata=(*self.metadata(), *extra))
        )

    def _read(self, rpc: Any, request: Any) -> Any:
        return self._call(False, rpc, request)

    def _write(self, rpc: Any, request: Any) -> Any:
        return self._call(True, rpc, request)

    def _create(self, rpc: Any, request: Any, key: str | None) -> Any:
        """A creation, with an idempotency key (``key``, else a new UUID): every retry of it
        carries the same key, so the gateway creates once."""
        return self._call(True, rpc, request, key or str(uuid.uuid4()))

    def _pages(self, rpc: Any, make: Callable[[obj.ListOptions], Any], field: str, **options: Any) -> Pages[Any]:
        def fetch(token: str) -> Page[Any]:
            opts = obj.ListOptions(page_token=token, **options)
            r = self._read(rpc, make(opts))
            # Only some list responses report a total (resources).
            total = getattr(r, "total_count", None)
            return Page(list(getattr(r, field)), r.next_page_token, total)

        return Pages(fetch)

    # Lists: keyword options are those of ListOptions (filter, fields, exclude_fields,
    # all_fields, page_size).

    def list_resource_pools(self, **options: Any) -> Pages[obj.ResourcePool]:
        return self._pages(
            self.inventory.ListResourcePools,
            lambda o: inv.ListResourcePoolsRequest(options=o),
            "resource_pools",
            **options,
        )

    def list_resource_types(self, **options: Any) -> Pages[obj.ResourceType]:
        return self._pages(
            self.inventory.ListResourceTypes,
            lambda o: inv.ListResourceTypesRequest(options=o),
            "resource_types",
            **options,
        )

    def list_deployment_managers(self, **options: Any) -> Pages[obj.DeploymentManager]:
        return self._pages(
            self.inventory.ListDeploymentManagers,
            lambda o: inv.ListDeploymentManagersRequest(options=o),
            "deployment_managers",
            **options,
        )

    def list_resources(self, pool_id: str, **options: Any) -> Pages[obj.Resource]:
        """Every resource of a pool; pages carry the total count."""
        return self._pages(
            self.inventory.ListResources,
            lambda o: inv.ListResourcesRequest(resource_pool_id=pool_id, options=o),
            "resources",
            **options,
        )

    def list_subscriptions(self, **options: Any) -> Pages[obj.Subscription]:
        return self._pages(
            self.subscriptions.ListSubscriptions,
            lambda o: subs.ListSubscriptionsRequest(options=o),
            "subscriptions",
            **options,
        )

    def get_cloud_info(self) -> obj.OCloudInfo:
        return self._read(self.inventory.GetCloudInfo, inv.GetCloudInfoRequest()).cloud_info

    def get_resource_pool(self, pool_id: str) -> obj.ResourcePool:
        request = inv.GetResourcePoolRequest(resource_pool_id=pool_id)
        return self._read(self.inventory.GetResourcePool, request).resource_pool

    def get_resource(self, pool_id: str, resource_id: str) -> obj.Resource:
        request = inv.GetResourceRequest(resource_pool_id=pool_id, resource_id=resource_id)
        return self._read(self.inventory.GetResource, request).resource

    def get_subscription(self, subscription_id: str) -> obj.Subscription:
        request = subs.GetSubscriptionRequest(subscription_id=subscription_id)
        return self._read(self.subscriptions.GetSubscription, request).subscription

    def create_subscription(
        self, subscription: obj.Subscription, idempotency_key: str | None = None
    ) -> obj.Subscription:
        """Creates a subscription (not retried unless ``Retry(writes=True)``; a retry carries
        the same ``idempotency_key``, a new UUID when not given, so it creates once)."""
        request = subs.CreateSubscriptionRequest(subscription=subscription)
        return self._create(
            self.subscriptions.CreateSubscription, request, idempotency_key
        ).subscription

    def delete_subscription(self, subscription_id: str) -> None:
        request = subs.DeleteSubscriptionRequest(subscription_id=subscription_id)
        self._write(self.subscriptions.DeleteSubscription, request)

    def create_resource_pool(
        self, pool: obj.ResourcePool, idempotency_key: str | None = None
    ) -> obj.ResourcePool:
        """Creates a resource pool (netweave's write extension; not retried unless asked;
        idempotent as :meth:`create_subscription`)."""
        request = inv.CreateResourcePoolRequest(resource_pool=pool)
        return self._create(self.inventory.CreateResourcePool, request, idempotency_key).resource_pool

    def delete_resource_pool(self, pool_id: str) -> None:
        request = inv.DeleteResourcePoolRequest(resource_pool_id=pool_id)
        self._write(self.inventory.DeleteResourcePool, request)

    def watch(self, selector: WatchSelector = WatchSelector(), cursor: int = 0) -> Watch:
        """Follows the event stream after ``cursor`` (0: from now). See :class:`Watch`."""
        return Watch(self, selector, cursor)

    def close(self) -> None:
        self.channel.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
