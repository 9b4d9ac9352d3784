/**
 * The TypeScript gRPC SDK against a real `netweave serve`: paging, filters, gets,
 * subscriptions, a signed webhook verified by the SDK, Watch across cut-offs and a restart,
 * ResyncRequired, and TLS with a bearer token from a callback.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Code, ConnectError } from "@connectrpc/connect";
import { Client, Filter, ResyncRequired, type Watch, type WatchSelector, webhooks } from "../src/index.js";
import { Gateway, SECRET, secured } from "./gateway.js";
import { Receiver } from "./receiver.js";

const SMO_ID = "6f1c2a52-3b7e-4c1d-9a55-0d3c1f7e2b90";
const scratch = mkdtempSync(join(tmpdir(), "netweave-ts-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
const dataDir = () => join(scratch, `data-${dirs++}`);

async function connect(gw: Gateway, options: ConstructorParameters<typeof Client>[1] = {}): Promise<Client> {
  const c = new Client(gw.url, options);
  await gw.wait(c);
  return c;
}

async function pool(c: Client, name: string) {
  const first = (await c.listResourcePools({ pageSize: 1 }).pages().next()).value;
  return { name, oCloudSiteId: first.items[0].oCloudSiteId, description: "made by the SDK test" };
}

async function create(c: Client, name: string): Promise<string> {
  const p = await c.createResourcePool(await pool(c, name));
  return p!.resourcePoolId;
}

/** A watch "from now" that has learned its cursor from a heartbeat (one event first: on an
 * empty log the heartbeats' cursor is 0). */
async function following(c: Client, selector: WatchSelector): Promise<Watch> {
  await create(c, "first");
  const w = c.watch(selector, 0n);
  while (w.cursor === 0n) await w.step();
  return w;
}

async function nextEvent(w: Watch) {
  const r = await w.next();
  assert.ok(!r.done, "the watch goes on");
  return r.value;
}

function code(e: unknown): Code {
  return ConnectError.from(e).code;
}

test("lists page, filter and get", async () => {
  const gw = await Gateway.start(dataDir());
  const c = await connect(gw);
  try {
    const sizes = [];
    for await (const p of c.listResourcePools({ pageSize: 2 }).pages()) sizes.push(p.items.length);
    assert.deepEqual(sizes, [2, 2, 1]);
    const everything = await c.listResourcePools({ pageSize: 2 }).all();
    assert.equal(everything.length, 5);
    const first = everything[0];
    const only = await c.listResourcePools({ filter: new Filter().eq("resourcePoolId", first.resourcePoolId).toString() }).all();
    assert.deepEqual(only, [first]);
    assert.deepEqual(await c.getResourcePool(first.resourcePoolId), first);
    await assert.rejects(c.getResourcePool("00000000-0000-4000-8000-000000000000"), (e) => code(e) === Code.NotFound);
    // A quoted value with a comma and a quote reaches the server's parser intact.
    const odd = await c.createResourcePool(await pool(c, "O'Brien, east"));
    assert.deepEqual(await c.listResourcePools({ filter: new Filter().eq("name", "O'Brien, east").toString() }).all(), [odd]);

    const pages = [];
    for await (const p of c.listResources(first.resourcePoolId, { pageSize: 3 }).pages()) pages.push(p);
    const total = pages[0].totalCount ?? 0;
    assert.ok(total > 3, `resources span pages: ${total}`);
    assert.equal(pages.reduce((n, p) => n + p.items.length, 0), total);
    const one = pages[0].items[0];
    assert.deepEqual(await c.getResource(first.resourcePoolId, one.resourceId), one);
  } finally {
    c.close();
    await gw.stop();
  }
});

test("subscriptions and a verified webhook", async () => {
  const gw = await Gateway.start(dataDir());
  const c = await connect(gw);
  const r = await new Receiver().start();
  try {
    const sub = await c.createSubscription({
      callback: r.url,
      consumerSubscriptionId: SMO_ID,
      filter: new Filter().neq("objectKind", "ResourcePool").toString(),
    });
    assert.ok(sub);
    assert.equal(r.verifications, 1, "the verification GET was answered");
    assert.deepEqual(await c.listSubscriptions().all(), [sub]);
    await assert.rejects(c.createSubscription({ callback: r.url }), (e) => code(e) === Code.AlreadyExists);
    // One idempotency key, twice: the first answer, and no second verification or creation.
    const verified = r.verifications;
    const once = await c.createSubscription({ callback: `${r.url}?keyed` }, "ts-grpc-once");
    assert.deepEqual(await c.createSubscription({ callback: `${r.url}?keyed` }, "ts-grpc-once"), once);
    assert.equal(r.verifications, verified + 1);
    assert.equal((await c.listSubscriptions().all()).length, 2);
    await c.deleteSubscription(once!.subscriptionId);

    const created = await create(c, "notified");
    await r.received(1);
    const n = r.notifications[0];
    assert.ok(n, "a notification arrived");
    assert.equal(n.notificationEventType, 0);
    assert.equal(n.consumerSubscriptionId, SMO_ID);
    assert.equal(n.postObjectState?.resourcePoolId, created);
    assert.equal(r.tamperedRefused, r.notifications.length, "every tampered copy was refused");

    await c.deleteSubscription(sub.subscriptionId);
    await assert.rejects(c.getSubscription(sub.subscriptionId), (e) => code(e) === Code.NotFound);
  } finally {
    await r.stop();
    c.close();
    await gw.stop();
  }
});

test("the verifier refuses a stale timestamp and a wrong secret", () => {
  // The Standard Webhooks specification's own test vector.
  const headers = {
    "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
    "webhook-timestamp": "1614265330",
    "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  };
  const body = '{"test": 2432232314}';
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  webhooks.verifySignature(body, headers, [SECRET, secret], 1614265330);
  assert.throws(() => webhooks.verifySignature(body, headers, [secret], 1614265330 + 301), /five minutes/);
  assert.throws(() => webhooks.verifySignature(body, headers, [SECRET], 1614265330), /no signature matches/);
  assert.throws(() => webhooks.verifySignature(body, {}, [secret]), /no signature header/);
  assert.throws(() => webhooks.verify('{"x":1}', { "x-o2ims-signature": "00" }, [secret]), webhooks.VerifyError);
});

test("the filter builder quotes", () => {
  const f = new Filter().eq("extensions/country", "ES").in("name", ["a,b", "c"]).neq("x", "").cont("y", "it's");
  assert.equal(f.toString(), "(eq,extensions/country,ES);(in,name,'a,b',c);(neq,x,'');(cont,y,'it''s')");
});

test("watch resumes across cut-offs and a restart", async () => {
  const dir = dataDir();
  let gw = await Gateway.start(dir);
  const c = await connect(gw);
  const selector = { typePattern: "o2ims.ResourcePool.*" };
  const w = await following(c, selector);
  const expected: string[] = [];
  for (let i = 0; i < 4; i++) expected.push(await create(c, `before-${i}`));
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) seen.push((await nextEvent(w)).objectId);
  assert.ok(w.resumes >= 1, "a cut-off after 3 events was resumed");

  await gw.stop();
  gw = await Gateway.start(dir, { port: gw.port });
  // The same client: its HTTP/2 session reconnects.
  await gw.wait(c);
  for (let i = 0; i < 4; i++) expected.push(await create(c, `after-${i}`));
  for (let i = 0; i < 4; i++) seen.push((await nextEvent(w)).objectId);
  assert.deepEqual(seen, expected, "no event lost or repeated across cut-offs and the restart");
  const saved = w.cursor;
  w.close();
  // A persisted cursor goes on exactly where the last watch stopped.
  const last = await create(c, "last");
  const again = c.watch(selector, saved);
  assert.equal((await nextEvent(again)).objectId, last);
  again.close();
  c.close();
  await gw.stop();
});

test("a cursor older than retention asks for a resync", async () => {
  const gw = await Gateway.start(dataDir(), { env: { NETWEAVE_EVENTS__RETENTION_EVENTS: "3" } });
  const c = await connect(gw);
  for (let i = 0; i < 8; i++) await create(c, `p${i}`);
  const w = c.watch({}, 1n);
  await assert.rejects(w.next(), (e) => {
    assert.ok(e instanceof ResyncRequired);
    assert.equal(e.requested, 1n);
    assert.ok(e.latest >= 8n, `latest ${e.latest}`);
    return true;
  });
  assert.deepEqual(await w.next(), { done: true, value: undefined });
  c.close();
  await gw.stop();
});

test("TLS with a bearer token from a callback", async () => {
  const { gw, url, ca, token } = await secured(join(scratch, "tls"));

  const anonymous = new Client(url, { ca });
  let refused = false;
  for (let i = 0; i < 400 && !refused; i++) {
    try {
      await anonymous.getCloudInfo();
      assert.fail("an anonymous call was answered");
    } catch (e) {
      refused = code(e) === Code.Unauthenticated;
      if (!refused) await new Promise((r) => setTimeout(r, 25));
    }
  }
  assert.ok(refused, "refused as unauthenticated");
  anonymous.close();

  let reads = 0;
  const authed = new Client(url, { ca, token: () => (reads++, token) });
  assert.equal((await authed.listResourcePools({ pageSize: 2 }).all()).length, 5);
  assert.equal(reads, 3, "the callback is read on every call (3 pages)");
  const w = await following(authed, {});
  const created = await create(authed, "over-tls");
  let event;
  do event = await nextEvent(w);
  while (event.objectId !== created);
  assert.equal(event.eventType, "o2ims.ResourcePool.Created");
  w.close();
  authed.close();
  await gw.stop();
});
