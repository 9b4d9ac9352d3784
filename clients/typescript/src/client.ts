/** Connecting, authenticating, and the retried calls. */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { createClient, type Client as RpcClient, type Interceptor } from "@connectrpc/connect";
import { createGrpcTransport, Http2SessionManager } from "@connectrpc/connect-node";
import { EventService } from "./gen/netweave/events/v1/events_pb.js";
import { InventoryService } from "./gen/netweave/o2ims/v1/inventory_pb.js";
import {
  type ListOptions,
  ListOptionsSchema,
  type OCloudInfo,
  type Resource,
  type ResourcePool,
  ResourcePoolSchema,
  type DeploymentManager,
  type ResourceType,
  type Subscription,
  SubscriptionSchema,
} from "./gen/netweave/o2ims/v1/objects_pb.js";
import { SubscriptionService } from "./gen/netweave/o2ims/v1/subscriptions_pb.js";
import { type Page, Pages } from "./pages.js";
import { Retry } from "./retry.js";
import { Watch, type WatchSelector } from "./watch.js";

/** A bearer token: fixed, or a callback read on every call and every Watch reconnect. */
export type Token = string | (() => string | Promise<string>);

/** List options (those of `ListOptions`, without the page token the pager keeps). */
export type ListParams = Partial<Pick<ListOptions, "filter" | "fields" | "excludeFields" | "allFields" | "pageSize">>;

export interface ConnectOptions {
  token?: Token;
  /** PEM of the CA that verifies the server; the system roots when unset. */
  ca?: string | Buffer;
  /** PEM client certificate and key, for mTLS. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** The name the server's certificate carries, when not the URL's host. */
  serverName?: string;
  /** Deadline of each unary call, in milliseconds (default 30 s). */
  timeoutMs?: number;
  retry?: Retry;
}

/**
 * A connection to a netweave gateway over gRPC: `http://host:port` (h2c) or
 * `https://host:port` (TLS). Call `close()` when done: the HTTP/2 session otherwise stays
 * open (and keeps Node running) until it has been idle for 15 minutes.
 */
export class Client {
  /** The generated clients, for every RPC the helpers do not cover. */
  readonly inventory: RpcClient<typeof InventoryService>;
  readonly subscriptions: RpcClient<typeof SubscriptionService>;
  readonly events: RpcClient<typeof EventService>;
  readonly retry: Retry;
  private readonly session: Http2SessionManager;
  private readonly timeoutMs: number;

  constructor(url: string, options: ConnectOptions = {}) {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw new TypeError(`the URL must be http:// or https://, not ${url}`);
    }
    const tls =
      parsed.protocol === "https:"
        ? { ca: options.ca, cert: options.cert, key: options.key, servername: options.serverName }
        : {};
    this.session = new Http2SessionManager(url, undefined, tls);
    const token = options.token;
    const auth: Interceptor = (next) => async (req) => {
      if (token !== undefined) {
        const value = typeof token === "function" ? await token() : token;
        req.header.set("authorization", `Bearer ${value}`);
      }
      return next(req);
    };
    const transport = createGrpcTransport({ baseUrl: url, sessionManager: this.session, interceptors: [auth] });
    this.inventory = createClient(InventoryService, transport);
    this.subscriptions = createClient(SubscriptionService, transport);
    this.events = createClient(EventService, transport);
    this.retry = options.retry ?? new Retry();
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private read<T>(call: (opts: { timeoutMs: number }) => Promise<T>): Promise<T> {
    return this.retry.run(false, () => call({ timeoutMs: this.timeoutMs }));
  }

  private write<T>(call: (opts: { timeoutMs: number }) => Promise<T>): Promise<T> {
    return this.retry.run(true, () => call({ timeoutMs: this.timeoutMs }));
  }

  /** A creation: every try carries the same `idempotency-key` (`key`, else a new UUID), so a
   * retried creation creates once. */
  private create<T>(
    key: string | undefined,
    call: (opts: { timeoutMs: number; headers: Record<string, string> }) => Promise<T>,
  ): Promise<T> {
    const headers = { "idempotency-key": key ?? crypto.randomUUID() };
    return this.retry.run(true, () => call({ timeoutMs: this.timeoutMs, headers }));
  }

  private pages<T>(
    params: ListParams,
    fetch: (options: ListOptions, call: { timeoutMs: number }) => Promise<{ items: T[]; next: string; total?: bigint }>,
  ): Pages<T> {
    return new Pages(async (pageToken): Promise<Page<T>> => {
      const options = create(ListOptionsSchema, { ...params, pageToken });
      const r = await this.read((call) => fetch(options, call));
      const page: Page<T> = { items: r.items, nextPageToken: r.next };
      if (r.total !== undefined) page.totalCount = Number(r.total);
      return page;
    });
  }

  listResourcePools(params: ListParams = {}): Pages<ResourcePool> {
    return this.pages(params, async (options, call) => {
      const r = await this.inventory.listResourcePools({ options }, call);
      return { items: r.resourcePools, next: r.nextPageToken };
    });
  }

  listResourceTypes(params: ListParams = {}): Pages<ResourceType> {
    return this.pages(params, async (options, call) => {
      const r = await this.inventory.listResourceTypes({ options }, call);
      return { items: r.resourceTypes, next: r.nextPageToken };
    });
  }

  listDeploymentManagers(params: ListParams = {}): Pages<DeploymentManager> {
    return this.pages(params, async (options, call) => {
      const r = await this.inventory.listDeploymentManagers({ options }, call);
      return { items: r.deploymentManagers, next: r.nextPageToken };
    });
  }

  /** Every resource of a pool; pages carry the total count. */
  listResources(poolId: string, params: ListParams = {}): Pages<Resource> {
    return this.pages(params, async (options, call) => {
      const r = await this.inventory.listResources({ resourcePoolId: poolId, options }, call);
      return { items: r.resources, next: r.nextPageToken, total: r.totalCount };
    });
  }

  listSubscriptions(params: ListParams = {}): Pages<Subscription> {
    return this.pages(params, async (options, call) => {
      const r = await this.subscriptions.listSubscriptions({ options }, call);
      return { items: r.subscriptions, next: r.nextPageToken };
    });
  }

  async getCloudInfo(): Promise<OCloudInfo | undefined> {
    return (await this.read((call) => this.inventory.getCloudInfo({}, call))).cloudInfo;
  }

  async getResourcePool(poolId: string): Promise<ResourcePool | undefined> {
    return (await this.read((call) => this.inventory.getResourcePool({ resourcePoolId: poolId }, call))).resourcePool;
  }

  async getResource(poolId: string, resourceId: string): Promise<Resource | undefined> {
    const request = { resourcePoolId: poolId, resourceId };
    return (await this.read((call) => this.inventory.getResource(request, call))).resource;
  }

  async getSubscription(subscriptionId: string): Promise<Subscription | undefined> {
    return (await this.read((call) => this.subscriptions.getSubscription({ subscriptionId }, call))).subscription;
  }

  /** Creates a subscription (not retried unless `new Retry({ writes: true })`; a retry carries
   * the same `idempotencyKey`, a new UUID when not given, so it creates once). */
  async createSubscription(
    subscription: MessageInitShape<typeof SubscriptionSchema>,
    idempotencyKey?: string,
  ): Promise<Subscription | undefined> {
    const request = { subscription: create(SubscriptionSchema, subscription) };
    return (await this.create(idempotencyKey, (call) => this.subscriptions.createSubscription(request, call)))
      .subscription;
  }

  async deleteSubscription(subscriptionId: string): Promise<void> {
    await this.write((call) => this.subscriptions.deleteSubscription({ subscriptionId }, call));
  }

  /** Creates a resource pool (netweave's write extension; not retried unless asked; idempotent
   * as `createSubscription`). */
  async createResourcePool(
    pool: MessageInitShape<typeof ResourcePoolSchema>,
    idempotencyKey?: string,
  ): Promise<ResourcePool | undefined> {
    const request = { resourcePool: create(ResourcePoolSchema, pool) };
    return (await this.create(idempotencyKey, (call) => this.inventory.createResourcePool(request, call)))
      .resourcePool;
  }

  async deleteResourcePool(poolId: string): Promise<void> {
    await this.write((call) => this.inventory.deleteResourcePool({ resourcePoolId: poolId }, call));
  }

  /** Follows the event stream after `cursor` (0: from now). See `Watch`. */
  watch(selector: WatchSelector = {}, cursor: bigint = 0n): Watch {
    return new Watch(this.events, this.retry, selector, cursor);
  }

  /** Closes the HTTP/2 session (and with it every open watch). */
  close(): void {
    this.session.abort();
  }
}
