"""The Python SDK against a real `netweave serve`: paging, filters, gets, subscriptions, a
signed webhook verified by the SDK, Watch across cut-offs and a restart, ResyncRequired, and
TLS with a bearer token from a callback."""

from __future__ import annotations

import time
from pathlib import Path

import grpc
import pytest
from gateway import SECRET, Gateway, secured
from receiver import Receiver

import netweave_client as nw
from netweave_client import Filter, ResyncRequired, WatchSelector, objects_pb2, webhooks

SMO_ID = "6f1c2a52-3b7e-4c1d-9a55-0d3c1f7e2b90"


def connect(gw: Gateway, **kw: object) -> nw.Client:
    c = nw.Client(gw.url, **kw)  # type: ignore[arg-type]
    gw.wait(c)
    return c


def pool(c: nw.Client, name: str) -> objects_pb2.ResourcePool:
    site = next(iter(c.list_resource_pools())).o_cloud_site_id
    return objects_pb2.ResourcePool(name=name, o_cloud_site_id=site, description="made by the SDK test")


def following(c: nw.Client, selector: WatchSelector) -> nw.Watch:
    """A watch "from now" that has learned its cursor from a heartbeat (one event first: on
    an empty log the heartbeats' cursor is 0)."""
    c.create_resource_pool(pool(c, "first"))
    w = c.watch(selector, 0)
    while w.cursor == 0:
        w.step()
    return w


def test_lists_page_filter_and_get(gateway: Gateway) -> None:
    c = connect(gateway)
    pages = list(c.list_resource_pools(page_size=2).pages())
    assert [len(p.items) for p in pages] == [2, 2, 1]
    everything = c.list_resource_pools(page_size=2).all()
    assert len(everything) == 5
    first = everything[0]
    only = c.list_resource_pools(filter=str(Filter().eq("resourcePoolId", first.resource_pool_id))).all()
    assert only == [first]
    assert c.get_resource_pool(first.resource_pool_id) == first
    with pytest.raises(grpc.RpcError) as missing:
        c.get_resource_pool("00000000-0000-4000-8000-000000000000")
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    # A quoted value with a comma and a quote reaches the server's parser intact.
    odd = c.create_resource_pool(pool(c, "O'Brien, east"))
    assert c.list_resource_pools(filter=str(Filter().eq("name", "O'Brien, east"))).all() == [odd]

    pages = list(c.list_resources(first.resource_pool_id, page_size=3).pages())
    total = pages[0].total_count
    assert total is not None and total > 3, f"resources span pages: {total}"
    assert sum(len(p.items) for p in pages) == total
    one = pages[0].items[0]
    assert c.get_resource(first.resource_pool_id, one.resource_id) == one


def test_subscriptions_and_a_verified_webhook(gateway: Gateway) -> None:
    c = connect(gateway)
    r = Receiver()
    sub = c.create_subscription(
        objects_pb2.Subscription(
            callback=r.url,
            consumer_subscription_id=SMO_ID,
            filter=str(Filter().neq("objectKind", "ResourcePool")),
        )
    )
    assert r.verifications == 1, "the verification GET was answered"
    assert c.list_subscriptions().all() == [sub]
    with pytest.raises(grpc.RpcError) as duplicate:
        c.create_subscription(objects_pb2.Subscription(callback=r.url))
    assert duplicate.value.code() == grpc.StatusCode.ALREADY_EXISTS
    # One idempotency key, twice: the first answer, and no second verification or creation.
    keyed = objects_pb2.Subscription(callback=r.url + "?keyed")
    verified = r.verifications
    once = c.create_subscription(keyed, idempotency_key="py-grpc-once")
    assert c.create_subscription(keyed, idempotency_key="py-grpc-once") == once
    assert r.verifications == verified + 1 and len(c.list_subscriptions().all()) == 2
    c.delete_subscription(once.subscription_id)

    created = c.create_resource_pool(pool(c, "notified"))
    for _ in range(200):
        if r.notifications:
            break
        time.sleep(0.05)
    n = r.notifications[0]
    assert n.notification_event_type == 0
    assert n.consumer_subscription_id == SMO_ID
    assert n.post_object_state is not None
    assert n.post_object_state["resourcePoolId"] == created.resource_pool_id
    assert r.tampered_refused == len(r.notifications), "every tampered copy was refused"

    c.delete_subscription(sub.subscription_id)
    with pytest.raises(grpc.RpcError) as gone:
        c.get_subscription(sub.subscription_id)
    assert gone.value.code() == grpc.StatusCode.NOT_FOUND
    r.server.shutdown()


def test_the_verifier_refuses_a_stale_timestamp_and_a_wrong_secret() -> None:
    # The Standard Webhooks specification's own test vector.
    headers = {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    }
    body = b'{"test": 2432232314}'
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    webhooks.verify_signature(body, headers, [SECRET, secret], now=1614265330)
    with pytest.raises(webhooks.VerifyError, match="five minutes"):
        webhooks.verify_signature(body, headers, [secret], now=1614265330 + 301)
    with pytest.raises(webhooks.VerifyError, match="no signature"):
        webhooks.verify_signature(body, headers, [SECRET], now=1614265330)
    with pytest.raises(webhooks.VerifyError, match="no signature header"):
        webhooks.verify_signature(body, {}, [secret])


def test_the_filter_builder_quotes() -> None:
    f = Filter().eq("extensions/country", "ES").in_("name", ["a,b", "c"]).neq("x", "").cont("y", "it's")
    assert str(f) == "(eq,extensions/country,ES);(in,name,'a,b',c);(neq,x,'');(cont,y,'it''s')"


def test_watch_resumes_across_cut_offs_and_a_restart(tmp_path: Path) -> None:
    gw = Gateway(tmp_path / "data").start()
    c = connect(gw)
    selector = WatchSelector(type_pattern="o2ims.ResourcePool.*")
    w = following(c, selector)
    expected = [c.create_resource_pool(pool(c, f"before-{i}")).resource_pool_id for i in range(4)]
    seen = [next(w).object_id for _ in range(4)]
    assert w.resumes >= 1, "a cut-off after 3 events was resumed"

    gw.stop()
    gw = Gateway(tmp_path / "data", port=gw.port).start()
    c2 = connect(gw)
    expected += [c2.create_resource_pool(pool(c2, f"after-{i}")).resource_pool_id for i in range(4)]
    seen += [next(w).object_id for _ in range(4)]
    assert seen == expected, "no event lost or repeated across cut-offs and the restart"
    saved = w.cursor
    w.close()
    # A persisted cursor goes on exactly where the last watch stopped.
    last = c2.create_resource_pool(pool(c2, "last")).resource_pool_id
    with c2.watch(selector, saved) as again:
        assert next(again).object_id == last
    gw.stop()


def test_a_cursor_older_than_retention_asks_for_a_resync(tmp_path: Path) -> None:
    gw = Gateway(tmp_path / "data", env={"NETWEAVE_EVENTS__RETENTION_EVENTS": "3"}).start()
    c = connect(gw)
    for i in range(8):
        c.create_resource_pool(pool(c, f"p{i}"))
    w = c.watch(WatchSelector(), 1)
    with pytest.raises(ResyncRequired) as resync:
        next(w)
    assert resync.value.requested == 1
    assert resync.value.latest >= 8
    with pytest.raises(StopIteration):
        next(w)
    gw.stop()


def test_tls_with_a_bearer_token_from_a_callback(tmp_path: Path) -> None:
    s = secured(tmp_path)
    gw, url, ca, token = s.gateway, s.url, s.ca, s.token

    anonymous = nw.Client(url, ca_pem=ca)
    for _ in range(400):
        try:
            anonymous.get_cloud_info()
            raise AssertionError("an anonymous call was answered")
        except grpc.RpcError as e:
            if e.code() == grpc.StatusCode.UNAUTHENTICATED:
                break
            time.sleep(0.025)
    else:
        raise AssertionError("never refused as unauthenticated")

    reads = []

    def current() -> str:
        reads.append(1)
        return token

    authed = nw.Client(url, ca_pem=ca, token=current)
    assert len(authed.list_resource_pools(page_size=2).all()) == 5
    assert len(reads) == 3, "the callback is read on every call (3 pages)"
    w = following(authed, WatchSelector())
    created = authed.create_resource_pool(pool(authed, "over-tls"))
    event = next(e for e in w if e.object_id == created.resource_pool_id)
    assert event.event_type == "o2ims.ResourcePool.Created"
    w.close()
    gw.stop()
