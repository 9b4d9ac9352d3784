/**
 * The TypeScript SDK of the netweave O2-IMS gateway: `Client` over gRPC (connect-node, h2c or
 * TLS/mTLS), `RestClient` over the O2ims REST API, and what both share: pages, retries, the
 * O-RAN filter builder, Watch with resume, webhook verification. The generated messages and
 * services are under `./gen`, re-exported here by file.
 */
export { Client, type ConnectOptions, type ListParams, type Token } from "./client.js";
export { Filter, quote } from "./filters.js";
export { type Page, Pages } from "./pages.js";
export { INVENTORY, nextLink, RestClient, RestError, type RestListParams, type RestOptions, type Schemas } from "./rest.js";
export { Retry, type RetryOptions } from "./retry.js";
export { MAX_FAILED_RECONNECTS, RESUME_CURSOR, ResyncRequired, Watch, type WatchSelector } from "./watch.js";
export * as webhooks from "./webhooks.js";
export * as events from "./gen/netweave/events/v1/events_pb.js";
export * as inventory from "./gen/netweave/o2ims/v1/inventory_pb.js";
export * as objects from "./gen/netweave/o2ims/v1/objects_pb.js";
export * as subscriptions from "./gen/netweave/o2ims/v1/subscriptions_pb.js";
export * as admin from "./gen/netweave/admin/v1/admin_pb.js";
export * as tmf688 from "./gen/netweave/tmf688/v4/event_management_pb.js";
export * as webhookService from "./gen/netweave/webhooks/v1/webhooks_pb.js";
export type { components as RestComponents, paths as RestPaths } from "./rest/schema.js";
