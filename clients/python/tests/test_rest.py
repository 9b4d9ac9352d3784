"""The Python REST client (sync and async) against a real `netweave serve`: pages that follow
`Link`, filters, gets, ProblemDetails on errors, subscriptions with a verified webhook, and TLS
with a bearer token from a callback."""

from __future__ import annotations

import asyncio
from pathlib import Path

import grpc
import pytest
from gateway import Gateway, secured
from receiver import Receiver

import netweave_client as nw
from netweave_client import AsyncRestClient, Filter, RestClient, RestError, objects_pb2
from netweave_client._rest.models import Subscription
from netweave_client.rest import next_link

SMO_ID = "0b6c7f0e-2d5e-4a8b-9f1e-7c3d2a1b0c9d"


def started(gw: Gateway) -> Gateway:
    with nw.Client(gw.url) as c:
        gw.wait(c)
    return gw


def test_the_link_headers_next_target() -> None:
    assert next_link('<https://gw/x?limit=2&nextpage_opaque_marker=abc>; rel="next"') == (
        "https://gw/x?limit=2&nextpage_opaque_marker=abc"
    )
    assert next_link('<a>; rel="prev", <b>; rel=next') == "b"
    assert next_link(None) is None


def test_rest_lists_page_filter_get_and_problem_details(gateway: Gateway) -> None:
    started(gateway)
    with RestClient(gateway.url) as rest:
        assert [len(p.items) for p in rest.list_resource_pools(limit=2).pages()] == [2, 2, 1]
        pools = rest.list_resource_pools().all()
        assert len(pools) == 5
        first = pools[0]
        only = rest.list_resource_pools(filter=str(Filter().eq("resourcePoolId", str(first.resource_pool_id))), limit=1)
        assert [p.to_dict() for p in only] == [first.to_dict()]
        assert rest.get_resource_pool(first.resource_pool_id).to_dict() == first.to_dict()
        # A later page keeps the filter (the Link carries the query).
        others = rest.list_resource_pools(filter=str(Filter().neq("resourcePoolId", str(first.resource_pool_id))), limit=2)
        assert [len(p.items) for p in others.pages()] == [2, 2]
        assert first.resource_pool_id not in {p.resource_pool_id for p in others}
        names = rest.list_resource_pools(fields="name").all()
        assert names and all(set(p) == {"name", "resourcePoolId"} for p in names), f"fields projects: {names[:1]}"

        resources = rest.list_resources(first.resource_pool_id, limit=3).all()
        assert len(resources) > 3, f"resources span pages: {len(resources)}"
        assert len({r.resource_id for r in resources}) == len(resources), "no repeats across pages"
        one = resources[0]
        assert rest.get_resource(first.resource_pool_id, one.resource_id).to_dict() == one.to_dict()

        with pytest.raises(RestError) as missing:
            rest.get_resource_pool("00000000-0000-4000-8000-000000000000")
        assert missing.value.status == 404
        assert missing.value.problem is not None and missing.value.problem.status == 404
        with pytest.raises(RestError) as bad:
            rest.list_resource_pools(filter="(eq,name").all()
        assert bad.value.status == 400
        with pytest.raises(TypeError):
            rest.list_resource_pools(page_size=2)


def test_rest_subscriptions_and_a_verified_webhook(gateway: Gateway) -> None:
    started(gateway)
    r = Receiver()
    with RestClient(gateway.url) as rest, nw.Client(gateway.url) as grpc_client:
        sub = rest.create_subscription(
            Subscription(
                callback=r.url,
                consumer_subscription_id=SMO_ID,
                # An O-RAN subscription filter names what is *not* to be sent: all but pools.
                filter_=str(Filter().neq("objectKind", "ResourcePool")),
            )
        )
        assert sub.subscription_id
        assert r.verifications == 1, "the verification GET was answered"
        assert rest.get_subscription(sub.subscription_id).to_dict() == sub.to_dict()
        assert [s.to_dict() for s in rest.list_subscriptions()] == [sub.to_dict()]
        # One idempotency key, twice: the first answer, and no second verification or creation.
        keyed = Subscription(callback=r.url + "?keyed")
        verified = r.verifications
        once = rest.create_subscription(keyed, idempotency_key="py-rest-once")
        assert rest.create_subscription(keyed, idempotency_key="py-rest-once").to_dict() == once.to_dict()
        assert r.verifications == verified + 1 and len(rest.list_subscriptions().all()) == 2
        rest.delete_subscription(once.subscription_id)

        site = grpc_client.list_resource_pools(page_size=1).all()[0].o_cloud_site_id
        created = grpc_client.create_resource_pool(objects_pb2.ResourcePool(name="rest-notified", o_cloud_site_id=site))
        notifications = r.received(1)
        assert notifications, "a notification arrived"
        n = notifications[0]
        assert n.consumer_subscription_id == SMO_ID
        assert n.notification_event_type == 0, "0: create"
        assert n.post_object_state is not None
        assert n.post_object_state["resourcePoolId"] == created.resource_pool_id
        assert r.tampered_refused == len(r.notifications), "every tampered copy was refused"

        rest.delete_subscription(sub.subscription_id)
        with pytest.raises(RestError) as gone:
            rest.get_subscription(sub.subscription_id)
        assert gone.value.status == 404
        with pytest.raises(RestError) as bad:
            rest.create_subscription(Subscription(callback="not a url"))
        assert bad.value.status == 400
    r.server.shutdown()


def test_async_rest_over_tls_with_a_bearer_token_from_a_callback(tmp_path: Path) -> None:
    s = secured(tmp_path)
    gw, url, ca, token = s.gateway, s.url, s.ca, s.token
    with nw.Client(url, ca_pem=ca, token=token) as c:
        gw.wait(c)
        with pytest.raises(grpc.RpcError):
            nw.Client(url, ca_pem=ca).get_cloud_info()

    reads: list[int] = []

    def current() -> str:
        reads.append(1)
        return token

    async def run() -> None:
        async with AsyncRestClient(url, ca_pem=ca) as anonymous:
            with pytest.raises(RestError) as refused:
                await anonymous.get_cloud_info()
            assert refused.value.status == 401
        async with AsyncRestClient(url, ca_pem=ca, token=current) as rest:
            sizes = [len(p.items) async for p in rest.list_resource_pools(limit=2).pages()]
            assert sizes == [2, 2, 1]
            assert len(reads) == 3, "the callback is read on every request (3 pages)"
            pools = await rest.list_resource_pools().all()
            first = await rest.get_resource_pool(pools[0].resource_pool_id)
            assert first.to_dict() == pools[0].to_dict()
            assert (await rest.get_cloud_info()).o_cloud_id

    asyncio.run(run())
    gw.stop()
