/**
 * The TypeScript REST client against a real `netweave serve`: pages that follow `Link`,
 * filters, gets, ProblemDetails on errors, subscriptions with a verified webhook, and TLS with
 * a bearer token.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Client, Filter, nextLink, RestClient, RestError } from "../src/index.js";
import { Gateway, secured } from "./gateway.js";
import { Receiver } from "./receiver.js";

const SMO_ID = "0b6c7f0e-2d5e-4a8b-9f1e-7c3d2a1b0c9d";
const scratch = mkdtempSync(join(tmpdir(), "netweave-ts-rest-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

async function started(gw: Gateway): Promise<void> {
  const c = new Client(gw.url);
  await gw.wait(c);
  c.close();
}

test("the Link header's next target", () => {
  assert.equal(nextLink('<https://gw/x?limit=2&nextpage_opaque_marker=abc>; rel="next"'), "https://gw/x?limit=2&nextpage_opaque_marker=abc");
  assert.equal(nextLink('<a>; rel="prev", <b>; rel=next'), "b");
  assert.equal(nextLink(null), undefined);
});

test("REST lists page, filter, get, and errors are ProblemDetails", async () => {
  const gw = await Gateway.start(join(scratch, "a"));
  await started(gw);
  const rest = new RestClient(gw.url);
  try {
    const sizes = [];
    for await (const p of rest.listResourcePools({ limit: 2 }).pages()) sizes.push(p.items.length);
    assert.deepEqual(sizes, [2, 2, 1]);
    const pools = await rest.listResourcePools().all();
    assert.equal(pools.length, 5);
    const first = pools[0];
    const only = await rest.listResourcePools({ filter: new Filter().eq("resourcePoolId", first.resourcePoolId).toString(), limit: 1 }).all();
    assert.deepEqual(only, [first]);
    assert.deepEqual(await rest.getResourcePool(first.resourcePoolId), first);
    // A later page keeps the filter (the Link carries the query).
    const others = rest.listResourcePools({ filter: new Filter().neq("resourcePoolId", first.resourcePoolId).toString(), limit: 2 });
    const otherSizes = [];
    for await (const p of others.pages()) otherSizes.push(p.items.length);
    assert.deepEqual(otherSizes, [2, 2]);
    assert.ok((await others.all()).every((p) => p.resourcePoolId !== first.resourcePoolId));
    const names = await rest.listResourcePools({ fields: "name" }).all();
    assert.ok(names.every((p) => p.name && p.description === undefined), "fields projects");

    const resources = await rest.listResources(first.resourcePoolId, { limit: 3 }).all();
    assert.ok(resources.length > 3, `resources span pages: ${resources.length}`);
    assert.equal(new Set(resources.map((r) => r.resourceId)).size, resources.length, "no repeats across pages");
    assert.deepEqual(await rest.getResource(first.resourcePoolId, resources[0].resourceId), resources[0]);

    await assert.rejects(rest.getResourcePool("00000000-0000-4000-8000-000000000000"), (e) => {
      assert.ok(e instanceof RestError);
      assert.equal(e.status, 404);
      assert.equal(e.problem?.status, 404);
      return true;
    });
    await assert.rejects(rest.listResourcePools({ filter: "(eq,name" }).all(), (e) => e instanceof RestError && e.status === 400);
  } finally {
    await rest.close();
    await gw.stop();
  }
});

test("REST subscriptions and a verified webhook", async () => {
  const gw = await Gateway.start(join(scratch, "b"));
  await started(gw);
  const rest = new RestClient(gw.url);
  const grpc = new Client(gw.url);
  const r = await new Receiver().start();
  try {
    const sub = await rest.createSubscription({
      callback: r.url,
      consumerSubscriptionId: SMO_ID,
      // An O-RAN subscription filter names what is *not* to be sent: all but pools.
      filter: new Filter().neq("objectKind", "ResourcePool").toString(),
    });
    assert.ok(sub.subscriptionId);
    assert.equal(r.verifications, 1, "the verification GET was answered");
    assert.deepEqual(await rest.getSubscription(sub.subscriptionId!), sub);
    assert.deepEqual(await rest.listSubscriptions().all(), [sub]);
    // One idempotency key, twice: the first answer, and no second verification or creation.
    const verified = r.verifications;
    const once = await rest.createSubscription({ callback: `${r.url}?keyed` }, "ts-rest-once");
    assert.deepEqual(await rest.createSubscription({ callback: `${r.url}?keyed` }, "ts-rest-once"), once);
    assert.equal(r.verifications, verified + 1);
    assert.equal((await rest.listSubscriptions().all()).length, 2);
    await rest.deleteSubscription(once.subscriptionId!);

    const site = (await rest.listResourcePools({ limit: 1 }).pages().next()).value.items[0].oCloudSiteId;
    const created = await grpc.createResourcePool({ name: "rest-notified", oCloudSiteId: site });
    await r.received(1);
    const n = r.notifications[0];
    assert.ok(n, "a notification arrived");
    assert.equal(n.consumerSubscriptionId, SMO_ID);
    assert.equal(n.notificationEventType, 0, "0: create");
    assert.equal(n.postObjectState?.resourcePoolId, created!.resourcePoolId);
    assert.equal(r.tamperedRefused, r.notifications.length, "every tampered copy was refused");

    await rest.deleteSubscription(sub.subscriptionId!);
    await assert.rejects(rest.getSubscription(sub.subscriptionId!), (e) => e instanceof RestError && e.status === 404);
    await assert.rejects(rest.createSubscription({ callback: "not a url" }), (e) => e instanceof RestError && e.status === 400);
  } finally {
    await r.stop();
    grpc.close();
    await rest.close();
    await gw.stop();
  }
});

test("REST over TLS with a bearer token", async () => {
  const { gw, url, ca, token } = await secured(join(scratch, "tls"));
  const anonymous = new RestClient(url, { ca });
  let status = 0;
  for (let i = 0; i < 400 && status !== 401; i++) {
    try {
      await anonymous.getCloudInfo();
      assert.fail("an anonymous call was answered");
    } catch (e) {
      if (e instanceof RestError) status = e.status;
      else await new Promise((r) => setTimeout(r, 25));
    }
  }
  assert.equal(status, 401, "refused as unauthenticated");
  await anonymous.close();
  let reads = 0;
  const rest = new RestClient(url, { ca, token: async () => (reads++, token) });
  assert.equal((await rest.listResourcePools({ limit: 2 }).all()).length, 5);
  assert.equal(reads, 3, "the callback is read on every call (3 pages)");
  assert.ok((await rest.getCloudInfo()).oCloudId);
  await rest.close();
  await gw.stop();
});
