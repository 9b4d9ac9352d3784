/**
 * The O2ims REST client for SMOs: openapi-fetch over the types openapi-typescript generates
 * from the served OpenAPI (`rest/schema.ts`), with the SDKs' paging (following `Link:
 * rel="next"`), retried reads and subscription helpers. `api` is the typed client for every
 * other route.
 */
import createFetchClient, { type Client as FetchClient } from "openapi-fetch";
import { Agent } from "undici";
import { type Page, Pages } from "./pages.js";
import { Retry, sleep } from "./retry.js";
import type { Token } from "./client.js";
import type { components, paths } from "./rest/schema.js";

export type Schemas = components["schemas"];
export type ProblemDetails = Schemas["ProblemDetails"];

/** The O-RAN O2ims inventory API this client speaks. */
export const INVENTORY = "/o2ims-infrastructureInventory/v2";

/** A non-2xx answer: the status and the RFC 7807 ProblemDetails the gateway sent. */
export class RestError extends Error {
  override name = "RestError";
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | undefined,
  ) {
    super(`HTTP ${status}: ${problem?.detail ?? problem?.title ?? "no problem details"}`);
  }
}

export interface RestOptions {
  token?: Token;
  /** PEM of the CA that verifies the server, and a client certificate and key for mTLS. */
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  retry?: Retry;
}

/** List query options of the O2ims REST API. */
export interface RestListParams {
  filter?: string;
  fields?: string;
  excludeFields?: string;
  allFields?: boolean;
  /** Page size. */
  limit?: number;
}

/** The `rel="next"` target of an RFC 8288 `Link` header, if any. */
export function nextLink(link: string | null): string | undefined {
  for (const part of (link ?? "").split(",")) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (m && /(^|;)\s*rel="?next"?\s*(;|$)/.test(m[2])) return m[1];
  }
  return undefined;
}

type Query = Record<string, string | number | boolean>;

function query(params: RestListParams): Query {
  const q: Query = {};
  if (params.filter) q.filter = params.filter;
  if (params.fields) q.fields = params.fields;
  if (params.excludeFields) q.exclude_fields = params.excludeFields;
  if (params.allFields) q.all_fields = true;
  if (params.limit !== undefined) q.limit = params.limit;
  return q;
}

// openapi-fetch's methods are typed per route; the helpers below go through one untyped
// call and give each helper its schema type.
type Untyped = {
  GET(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  DELETE(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

export class RestClient {
  /** The typed openapi-fetch client, for every route the helpers do not cover. */
  readonly api: FetchClient<paths>;
  readonly retry: Retry;
  private readonly agent?: Agent;

  constructor(
    readonly baseUrl: string,
    options: RestOptions = {},
  ) {
    if (options.ca || options.cert) {
      this.agent = new Agent({ connect: { ca: options.ca, cert: options.cert, key: options.key } });
    }
    const agent = this.agent;
    this.api = createFetchClient<paths>({
      baseUrl,
      fetch: agent
        ? (request: Request) => fetch(request, { dispatcher: agent } as RequestInit)
        : (request: Request) => fetch(request),
    });
    const token = options.token;
    if (token !== undefined) {
      this.api.use({
        async onRequest({ request }) {
          const value = typeof token === "function" ? await token() : token;
          request.headers.set("authorization", `Bearer ${value}`);
          return request;
        },
      });
    }
    this.retry = options.retry ?? new Retry();
  }

  private get untyped(): Untyped {
    return this.api as unknown as Untyped;
  }

  /** One call; reads are retried on 503 and on a failed connection, writes only when asked. */
  private async call<T>(
    method: keyof Untyped,
    path: string,
    init: {
      params?: { path?: Record<string, string>; query?: Query; header?: Record<string, string> };
      body?: unknown;
    },
  ): Promise<{ data: T; response: Response }> {
    const write = method !== "GET";
    for (let attempt = 1; ; attempt++) {
      let transient: unknown;
      try {
        const r = await this.untyped[method](path, init);
        if (r.response.ok) return { data: r.data as T, response: r.response };
        if (r.response.status !== 503) throw new RestError(r.response.status, r.error as ProblemDetails);
        transient = new RestError(503, r.error as ProblemDetails);
      } catch (e) {
        if (e instanceof RestError && e.status !== 503) throw e;
        transient = e;
      }
      if ((write && !this.retry.writes) || attempt >= this.retry.tries) throw transient;
      await sleep(this.retry.delayMs(attempt - 1));
    }
  }

  private pages<T>(path: string, pathParams: Record<string, string>, params: RestListParams): Pages<T> {
    return new Pages(async (next): Promise<Page<T>> => {
      const q = next ? Object.fromEntries(new URL(next, this.baseUrl).searchParams) : query(params);
      const { data, response } = await this.call<T[]>("GET", path, { params: { path: pathParams, query: q } });
      const page: Page<T> = { items: data ?? [], nextPageToken: nextLink(response.headers.get("link")) ?? "" };
      const total = response.headers.get("x-total-count");
      if (total !== null) page.totalCount = Number(total);
      return page;
    });
  }

  async getCloudInfo(): Promise<Schemas["OCloudInfo"]> {
    return (await this.call<Schemas["OCloudInfo"]>("GET", INVENTORY, {})).data;
  }

  listResourcePools(params: RestListParams = {}): Pages<Schemas["ResourcePool"]> {
    return this.pages(`${INVENTORY}/resourcePools`, {}, params);
  }

  async getResourcePool(resourcePoolId: string): Promise<Schemas["ResourcePool"]> {
    const path = `${INVENTORY}/resourcePools/{resourcePoolId}`;
    return (await this.call<Schemas["ResourcePool"]>("GET", path, { params: { path: { resourcePoolId } } })).data;
  }

  listResources(resourcePoolId: string, params: RestListParams = {}): Pages<Schemas["Resource"]> {
    return this.pages(`${INVENTORY}/resourcePools/{resourcePoolId}/resources`, { resourcePoolId }, params);
  }

  async getResource(resourcePoolId: string, resourceId: string): Promise<Schemas["Resource"]> {
    const path = `${INVENTORY}/resourcePools/{resourcePoolId}/resources/{resourceId}`;
    const init = { params: { path: { resourcePoolId, resourceId } } };
    return (await this.call<Schemas["Resource"]>("GET", path, init)).data;
  }

  listResourceTypes(params: RestListParams = {}): Pages<Schemas["ResourceType"]> {
    return this.pages(`${INVENTORY}/resourceTypes`, {}, params);
  }

  listDeploymentManagers(params: RestListParams = {}): Pages<Schemas["DeploymentManager"]> {
    return this.pages(`${INVENTORY}/deploymentManagers`, {}, params);
  }

  listSubscriptions(params: RestListParams = {}): Pages<Schemas["Subscription"]> {
    return this.pages(`${INVENTORY}/subscriptions`, {}, params);
  }

  /** Creates a subscription (201); the gateway verifies the callback first. Not retried unless
   * asked; every try carries the same `Idempotency-Key` (`idempotencyKey`, else a new UUID), so
   * a retried creation creates once. */
  async createSubscription(
    subscription: Schemas["Subscription"],
    idempotencyKey?: string,
  ): Promise<Schemas["Subscription"]> {
    const init = {
      body: subscription,
      params: { header: { "Idempotency-Key": idempotencyKey ?? crypto.randomUUID() } },
    };
    return (await this.call<Schemas["Subscription"]>("POST", `${INVENTORY}/subscriptions`, init)).data;
  }

  async getSubscription(subscriptionId: string): Promise<Schemas["Subscription"]> {
    const path = `${INVENTORY}/subscriptions/{subscriptionId}`;
    return (await this.call<Schemas["Subscription"]>("GET", path, { params: { path: { subscriptionId } } })).data;
  }

  async deleteSubscription(subscriptionId: string): Promise<void> {
    const path = `${INVENTORY}/subscriptions/{subscriptionId}`;
    await this.call("DELETE", path, { params: { path: { subscriptionId } } });
  }

  /** Closes the TLS connection pool, if any. */
  async close(): Promise<void> {
    await this.agent?.close();
  }
}
