//! Every Redis key netweave writes. All keys share one hash tag — the configurable prefix in
//! braces, `{netweave}` by default — so that Redis Cluster keeps them in one slot and the Lua
//! scripts touching several keys stay valid. Tests use a unique prefix each.
//!
//! | key | type | holds |
//! | --- | --- | --- |
//! | `{p}:subscription:<id>` | hash | `subscriptionId`, `callback`, `consumerSubscriptionId`, `filter`, `webhookSecret`, `hubId`, `infFilter`, `tenant`, `alarm` (the last seven only when set) |
//! | `{p}:subscriptions` | set | identifiers of every active subscription |
//! | `{p}:subscriptions:by-callback` | hash | callback URL → subscription id (callbacks are unique; an alarm subscription's is `alarm <URL>`) |
//! | `{p}:subscriptions:by-consumer:<consumerSubscriptionId>` | set | subscription ids carrying that consumer id |
//! | `{p}:hub:<id>` | hash | a TMF688 hub: `id`, `callback`, `query`, `subscriptionId`, `createdAt`, `afterCursor`, `@type`, `@baseType`, `@schemaLocation` (the last three only when set) |
//! | `{p}:hubs` | set | identifiers of every hub |
//! | `{p}:events` | stream | the event stream; entry id `<cursor>-0`, field `e` = event JSON; consumer group `webhooks` |
//! | `{p}:events:last` | string | the last cursor assigned (cursors never repeat, even after trimming) |
//! | `{p}:delivery:<notificationId>` | string | one pending delivery (JSON) |
//! | `{p}:chain:<subscriptionId>\|<objectRef>` | list | pending delivery ids of one subscription and object, in event order |
//! | `{p}:deliveries:due` | sorted set | chain heads ready to send, scored by due time (ms) |
//! | `{p}:deliveries:inflight` | sorted set | claimed deliveries, scored by lease expiry (ms) |
//! | `{p}:deliveries:by-subscription:<subscriptionId>` | set | unfinished delivery ids of one subscription |
//! | `{p}:dispatcher` | string | lease of the one dispatcher (worker id), with expiry |
//! | `{p}:dispatched` | string | the last cursor dispatched into deliveries: where a lost `webhooks` consumer group is recreated |
//! | `{p}:dlq` | stream | dead letters; entry id `<n>-0`, field `d` = dead letter JSON |
//! | `{p}:dlq:last` | string | the last dead-letter number |
//! | `{p}:tenants` | hash | tenant id → the tenant (JSON) |
//! | `{p}:tenant-bindings:<tenantId>` | hash | subject → the role binding (JSON) |
//! | `{p}:lease:<key>` | sorted set | holders of one counted lease (`leases.rs`; `watch:<tenant>`: a tenant's watch streams), scored by expiry (ms) |
//! | `{p}:rate:<tenant>` | string | a tenant's theoretical arrival time (ms) of its request rate (GCRA, `security/limits.rs`), with expiry |
//! | `{p}:audit` | stream | audit records; field `r` = record JSON, `t` = its time (ms); trimmed by count and age |
//! | `{p}:alarms` | hash | alarm id → the alarm (JSON: the record, its source key, clearing type, pool and revision) |
//! | `{p}:alarms:revisions` | hash | alarm id → its revision (the compare-and-swap of every alarm write) |
//! | `{p}:alarm-service` | hash | `configuration` → the alarm service configuration (JSON) |
//! | `{p}:alarm-service:revisions` | hash | `configuration` → its revision |
//! | `{p}:provisioning-requests` | hash | provisioningRequestId → the request (JSON: what the SMO asked, its status, tenant, generation, outbox) |
//! | `{p}:provisioning-requests:revisions` | hash | provisioningRequestId → its revision (the compare-and-swap of every write) |
//! | `{p}:provisioning-requests:active` | set | the provisioningRequestIds with work pending for the executor, kept by the same script |
//! | `{p}:dms:<collection>` | hash | O2-DMS records by id (JSON with their revision); `<collection>` is `vnf-packages`, `vnf-instances` or `vnf-lcm-op-occs` |
//! | `{p}:dms:<collection>:revisions` | hash | record id → its revision (the compare-and-swap of every write, which also writes or removes the record's blob) |
//! | `{p}:dms:blob:<key>` | string | a VNF package's CSAR (`<vnfPkgId>/<sha256>`), written and removed with its package record |
//! | `{p}:settings` | hash | what the gateway records of itself: `smo-registration` → the last registration made (JSON) |
//! | `{p}:leader:<name>` | string | identity of the replica publishing backend changes, with expiry (leader election without a Kubernetes `Lease`) |

#[derive(Clone, Debug)]
pub struct Keys {
    tag: String,
}

impl Keys {
    pub fn new(prefix: &str) -> Keys {
        Keys {
            tag: format!("{{{prefix}}}"),
        }
    }

    pub fn subscription(&self, id: &str) -> String {
        format!("{}:subscription:{id}", self.tag)
    }

    /// The subscription key without the id, for scripts that append it.
    pub fn subscription_prefix(&self) -> String {
        format!("{}:subscription:", self.tag)
    }

    pub fn hub(&self, id: &str) -> String {
        format!("{}:hub:{id}", self.tag)
    }

    /// The hub key without the id, for scripts that append it.
    pub fn hub_prefix(&self) -> String {
        format!("{}:hub:", self.tag)
    }

    /// The alarms hash and its revisions hash.
    pub fn alarms(&self) -> (String, String) {
        (
            format!("{}:alarms", self.tag),
            format!("{}:alarms:revisions", self.tag),
        )
    }

    /// The alarm service hash and its revisions hash.
    pub fn alarm_service(&self) -> (String, String) {
        (
            format!("{}:alarm-service", self.tag),
            format!("{}:alarm-service:revisions", self.tag),
        )
    }

    /// An O2-DMS record collection: its values hash and its revisions hash.
    pub fn dms_records(&self, collection: &str) -> (String, String) {
        (
            format!("{}:dms:{collection}", self.tag),
            format!("{}:dms:{collection}:revisions", self.tag),
        )
    }

    /// An O2-DMS blob.
    pub fn dms_blob(&self, key: &str) -> String {
        format!("{}:dms:blob:{key}", self.tag)
    }

    /// The provisioning requests hash, its revisions hash and its active set.
    pub fn provisioning_requests(&self) -> (String, String, String) {
        (
            format!("{}:provisioning-requests", self.tag),
            format!("{}:provisioning-requests:revisions", self.tag),
            format!("{}:provisioning-requests:active", self.tag),
        )
    }

    pub fn settings(&self) -> String {
        format!("{}:settings", self.tag)
    }

    pub fn tenants(&self) -> String {
        format!("{}:tenants", self.tag)
    }

    pub fn tenant_bindings(&self, tenant: &str) -> String {
        format!("{}:tenant-bindings:{tenant}", self.tag)
    }

    pub fn audit(&self) -> String {
        format!("{}:audit", self.tag)
    }

    /// A tenant's request rate state (GCRA).
    pub fn rate(&self, tenant: &str) -> String {
        format!("{}:rate:{tenant}", self.tag)
    }

    /// The holders of one counted lease (`leases.rs`), e.g. a tenant's watch streams.
    pub fn lease(&self, key: &str) -> String {
        format!("{}:lease:{key}", self.tag)
    }

    pub fn hubs(&self) -> String {
        format!("{}:hubs", self.tag)
    }

    pub fn subscriptions(&self) -> String {
        format!("{}:subscriptions", self.tag)
    }

    pub fn subscriptions_by_callback(&self) -> String {
        format!("{}:subscriptions:by-callback", self.tag)
    }

    pub fn events(&self) -> String {
        format!("{}:events", self.tag)
    }

    pub fn events_last(&self) -> String {
        format!("{}:events:last", self.tag)
    }

    /// The published state: a hash, field (instance, newline, REST path) → record.
    /// The newest fencing token an append carried (see `events::redis`).
    pub fn events_fence(&self) -> String {
        format!("{}:events:fence", self.tag)
    }

    pub fn published(&self) -> String {
        format!("{}:published", self.tag)
    }

    /// The instances whose baseline is recorded: a set.
    pub fn baselines(&self) -> String {
        format!("{}:published:baselines", self.tag)
    }

    /// Delivery, chain and queue keys share this prefix; scripts append the rest.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    pub fn deliveries_due(&self) -> String {
        format!("{}:deliveries:due", self.tag)
    }

    pub fn deliveries_inflight(&self) -> String {
        format!("{}:deliveries:inflight", self.tag)
    }

    pub fn dispatcher(&self) -> String {
        format!("{}:dispatcher", self.tag)
    }

    pub fn dispatched(&self) -> String {
        format!("{}:dispatched", self.tag)
    }

    pub fn dlq(&self) -> String {
        format!("{}:dlq", self.tag)
    }

    pub fn leader(&self, name: &str) -> String {
        format!("{}:leader:{name}", self.tag)
    }

    /// The count of take-overs of the lock `name`: its holder's fencing token.
    pub fn leader_epoch(&self, name: &str) -> String {
        format!("{}:leader:{name}:epoch", self.tag)
    }

    /// An idempotency key's record.
    pub fn idempotency(&self, key: &str) -> String {
        format!("{}:idempotency:{key}", self.tag)
    }

    pub fn dlq_last(&self) -> String {
        format!("{}:dlq:last", self.tag)
    }

    /// The by-consumer key without the consumer id, for scripts that append it.
    pub fn subscriptions_by_consumer_prefix(&self) -> String {
        format!("{}:subscriptions:by-consumer:", self.tag)
    }
}
