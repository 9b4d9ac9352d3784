"""The O2ims REST client for SMOs, sync (:class:`RestClient`) and async
(:class:`AsyncRestClient`): the client openapi-python-client generates from the served OpenAPI
(``netweave_client._rest``, models in ``netweave_client._rest.models``) with the SDKs' paging
(following ``Link: rel="next"``), retried reads, bearer tokens and TLS.

Both speak the O-RAN inventory API, ``/o2ims-infrastructureInventory/v2``. ``client`` is the
generated client, for every other route (``netweave_client._rest.api.*``)."""

from __future__ import annotations

import uuid

import os
import re
import ssl
import tempfile
from collections.abc import Awaitable, Callable, Generator, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from netweave_client._rest import Client as _Generated
from netweave_client._rest.api.deployment_managers import get_deployment_managers
from netweave_client._rest.api.metadata import get_cloud_info
from netweave_client._rest.api.resource_pools import get_resource_pool, get_resource_pools
from netweave_client._rest.api.resource_types import get_resource_types
from netweave_client._rest.api.resources import get_resource, get_resources
from netweave_client._rest.api.subscriptions import (
    create_subscription,
    delete_subscription,
    get_subscription,
    get_subscriptions,
)
from netweave_client._rest.models import ProblemDetails, Subscription
from netweave_client.pages import AsyncPages, Page, Pages
from netweave_client.retry import Retry

#: A bearer token: fixed, or a callback read on every request.
Token = str | Callable[[], str]


class RestError(Exception):
    """A non-2xx answer: its status and the RFC 7807 ProblemDetails the gateway sent."""

    def __init__(self, status: int, problem: ProblemDetails | None, body: bytes) -> None:
        detail = (problem.detail or problem.title) if problem is not None else body[:200].decode(errors="replace")
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.problem = problem
        self.body = body


def next_link(link: str | None) -> str | None:
    """The ``rel="next"`` target of an RFC 8288 ``Link`` header, if any."""
    for part in (link or "").split(","):
        m = re.match(r"\s*<([^>]*)>\s*;(.*)$", part)
        if m and re.search(r'(^|;)\s*rel="?next"?\s*(;|$)', m.group(2)):
            return m.group(1)
    return None


class _Bearer(httpx.Auth):
    def __init__(self, token: Token) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._token() if callable(self._token) else self._token
        request.headers["Authorization"] = f"Bearer {token}"
        yield request


def _tls(ca_pem: bytes | None, cert_pem: bytes | None, key_pem: bytes | None) -> ssl.SSLContext | bool:
    if ca_pem is None and cert_pem is None:
        return True
    ctx = ssl.create_default_context(cadata=ca_pem.decode() if ca_pem else None)
    if cert_pem is not None:
        # The ssl module loads a certificate chain from files only.
        with tempfile.TemporaryDirectory() as d:
            cert, key = os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")
            with open(cert, "wb") as f:
                f.write(cert_pem)
            with open(key, "wb") as f:
                f.write(key_pem or b"")
            ctx.load_cert_chain(cert, key if key_pem else None)
    return ctx


def _transient(error: BaseException) -> bool:
    """A failed connection or a 503: worth another try for a read."""
    return isinstance(error, httpx.TransportError) or (isinstance(error, RestError) and error.status == 503)


def _result(op: Any, client: _Generated, r: httpx.Response, projected: bool = False) -> Any:
    """The parsed answer of a 2xx, else :class:`RestError`. A projected list (``fields``,
    ``exclude_fields``) is plain dicts: the models require attributes a projection removes."""
    if 200 <= r.status_code < 300:
        return r.json() if projected else op._parse_response(client=client, response=r)
    try:
        problem = ProblemDetails.from_dict(r.json())
    except (ValueError, KeyError, TypeError):
        problem = None
    raise RestError(r.status_code, problem, r.content)


def _page(op: Any, client: _Generated, r: httpx.Response, projected: bool) -> Page[Any]:
    items = _result(op, client, r, projected) or []
    total = r.headers.get("x-total-count")
    return Page(list(items), next_link(r.headers.get("link")) or "", int(total) if total else None)


# The generated functions' names of the list query parameters.
_QUERY = {"filter": "filter_", "fields": "fields", "exclude_fields": "exclude_fields",
          "all_fields": "all_fields", "limit": "limit", "nextpage_opaque_marker": "nextpage_opaque_marker"}


def _list_kwargs(options: Mapping[str, Any], next_url: str) -> dict[str, Any]:
    """The first page's query from ``options`` (filter, fields, exclude_fields, all_fields,
    limit); a later page's from its ``Link`` URL."""
    if next_url:
        return {_QUERY[k]: v for k, v in parse_qsl(urlsplit(next_url).query) if k in _QUERY}
    unknown = set(options) - set(_QUERY)
    if unknown:
        raise TypeError(f"unknown list options: {sorted(unknown)}")
    kw = {_QUERY[k]: v for k, v in options.items() if v is not None}
    if "all_fields" in kw:
        kw["all_fields"] = "true" if kw["all_fields"] else "false"
    return kw


def _projected(kw: Mapping[str, Any]) -> bool:
    return bool(kw.get("fields") or kw.get("exclude_fields"))


class _Routes:
    """The helpers, once for both clients: each names the generated operation, its path
    arguments and its options; the sync and the async client run them."""

    def __init__(self, url: str, token: Token | None, ca_pem: bytes | None, cert_pem: bytes | None,
                 key_pem: bytes | None, timeout: float, retry: Retry) -> None:
        #: The generated client, for every route the helpers do not cover.
        self.client = _Generated(
            base_url=url,
            verify_ssl=_tls(ca_pem, cert_pem, key_pem),
            timeout=httpx.Timeout(timeout),
            httpx_args={"auth": _Bearer(token)} if token is not None else {},
        )
        self.retry = retry

    def _list(self, op: Any, args: tuple[Any, ...], options: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def _one(self, write: bool, op: Any, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def get_cloud_info(self) -> Any:
        return self._one(False, get_cloud_info)

    def list_resource_pools(self, **options: Any) -> Any:
        """Every resource pool; options: filter, fields, exclude_fields, all_fields, limit
        (with fields or exclude_fields the items are dicts)."""
        return self._list(get_resource_pools, (), options)

    def get_resource_pool(self, resource_pool_id: str) -> Any:
        return self._one(False, get_resource_pool, resource_pool_id)

    def list_resources(self, resource_pool_id: str, **options: Any) -> Any:
        return self._list(get_resources, (resource_pool_id,), options)

    def get_resource(self, resource_pool_id: str, resource_id: str) -> Any:
        return self._one(False, get_resource, resource_pool_id, resource_id)

    def list_resource_types(self, **options: Any) -> Any:
        return self._list(get_resource_types, (), options)

    def list_deployment_managers(self, **options: Any) -> Any:
        return self._list(get_deployment_managers, (), options)

    def list_subscriptions(self, **options: Any) -> Any:
        return self._list(get_subscriptions, (), options)

    def create_subscription(self, subscription: Subscription, idempotency_key: str | None = None) -> Any:
        """Creates a subscription (201; the gateway verifies the callback first). Not retried
        unless ``Retry(writes=True)``; every try carries the same ``Idempotency-Key``
        (``idempotency_key``, else a new UUID), so a retried creation creates once."""
        key = idempotency_key or str(uuid.uuid4())
        return self._one(True, create_subscription, body=subscription, idempotency_key=key)

    def get_subscription(self, subscription_id: str) -> Any:
        return self._one(False, get_subscription, subscription_id)

    def delete_subscription(self, subscription_id: str) -> Any:
        return self._one(True, delete_subscription, subscription_id)


class RestClient(_Routes):
    """The O2ims REST API over HTTP/1.1 (``http://`` or ``https://`` with ``ca_pem``, and
    ``cert_pem`` with ``key_pem`` for mTLS). Lists return :class:`Pages`; errors raise
    :class:`RestError`."""

    def __init__(self, url: str, *, token: Token | None = None, ca_pem: bytes | None = None,
                 cert_pem: bytes | None = None, key_pem: bytes | None = None, timeout: float = 30.0,
                 retry: Retry = Retry()) -> None:
        super().__init__(url, token, ca_pem, cert_pem, key_pem, timeout, retry)

    def _send(self, op: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> httpx.Response:
        return self.client.get_httpx_client().request(**op._get_kwargs(*args, **kwargs))

    def _one(self, write: bool, op: Any, *args: Any, **kwargs: Any) -> Any:
        call = lambda: _result(op, self.client, self._send(op, args, kwargs))  # noqa: E731
        return self.retry.run(write, call, _transient)

    def _list(self, op: Any, args: tuple[Any, ...], options: Mapping[str, Any]) -> Pages[Any]:
        first = _list_kwargs(options, "")

        def fetch(next_url: str) -> Page[Any]:
            kw = _list_kwargs(options, next_url) if next_url else first
            call = lambda: _page(op, self.client, self._send(op, args, kw), _projected(kw))  # noqa: E731
            return self.retry.run(False, call, _transient)

        return Pages(fetch)

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def __enter__(self) -> RestClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncRestClient(_Routes):
    """:class:`RestClient` for asyncio: the same methods, awaited; lists return
    :class:`AsyncPages` (``async for``)."""

    def __init__(self, url: str, *, token: Token | None = None, ca_pem: bytes | None = None,
                 cert_pem: bytes | None = None, key_pem: bytes | None = None, timeout: float = 30.0,
                 retry: Retry = Retry()) -> None:
        super().__init__(url, token, ca_pem, cert_pem, key_pem, timeout, retry)

    async def _send(self, op: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> httpx.Response:
        return await self.client.get_async_httpx_client().request(**op._get_kwargs(*args, **kwargs))

    def _one(self, write: bool, op: Any, *args: Any, **kwargs: Any) -> Awaitable[Any]:
        async def call() -> Any:
            return _result(op, self.client, await self._send(op, args, kwargs))

        return self.retry.arun(write, call, _transient)

    def _list(self, op: Any, args: tuple[Any, ...], options: Mapping[str, Any]) -> AsyncPages[Any]:
        first = _list_kwargs(options, "")

        async def fetch(next_url: str) -> Page[Any]:
            kw = _list_kwargs(options, next_url) if next_url else first

            async def call() -> Page[Any]:
                return _page(op, self.client, await self._send(op, args, kw), _projected(kw))

            return await self.retry.arun(False, call, _transient)

        return AsyncPages(fetch)

    async def aclose(self) -> None:
        await self.client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> AsyncRestClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
