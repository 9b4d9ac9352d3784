//! Prometheus metrics. Every metric netweave records is named here.
//!
//! | metric | type | labels |
//! | --- | --- | --- |
//! | `netweave_http_requests_total` | counter | `method`, `route` (the matched route template), `status` |
//! | `netweave_http_request_duration_seconds` | histogram | `method`, `route` |
//! | `netweave_grpc_requests_total` | counter | `rpc` (`/package.Service/Method`), `code` (gRPC status code) |
//! | `netweave_grpc_request_duration_seconds` | histogram | `rpc` |
//! | `netweave_events_published_total` | counter | — |
//! | `netweave_events_overflowed_total` | counter | — |
//! | `netweave_events_handled_total` | counter | `outcome` (`ok`, `panicked`) |
//! | `netweave_events_handle_duration_seconds` | histogram | — |
//! | `o2ims_webhook_deliveries_total` | counter | `subscription_id`, `status` |
//! | `o2ims_webhook_latency_seconds` | histogram | — |
//! | `o2ims_webhook_retries_total` | counter | — |
//! | `o2ims_webhook_dlq_total` | counter | — |
//! | `o2ims_event_stream_length` | gauge | — |
//! | `netweave_events_dispatched_total` | counter | — |
//! | `netweave_events_dispatch_duration_seconds` | histogram | — |
//! | `o2ims_active_webhook_workers` | gauge | — |
//! | `netweave_leader` | gauge | — |
//! | `netweave_backend_differences_published_total` | counter | — |
//! | `netweave_backend_view_reconcile_seconds` | gauge | — (the last view or take-over: baseline or diff, and its events appended) |
//! | `netweave_auth_failures_total` | counter | `type` (`authentication`, `authorization`, `certificate_binding`, `tenant`) |
//! | `netweave_audit_records_dropped_total` | counter | — (records the audit queue or the writer's backlog could not hold) |
//! | `netweave_quota_refusals_total` | counter | `quota` (`maxSubscriptions`, `maxHubs`) |
//! | `netweave_events_fenced_total` | counter | — (appends of a deposed leader the event log refused: another replica had taken the lead) |
//! | `netweave_idempotency_requests_total` | counter | `outcome` (`first`, `replayed`, `in_progress`, `mismatch`): requests carrying an `Idempotency-Key` |
//! | `netweave_tls_certificate_expiry_timestamp_seconds` | gauge | — (the serving certificate's `notAfter`) |
//! | `netweave_tls_reload_failures_total` | counter | `what` (`server certificate`, `client certificate`) |
//! | `netweave_tls_handshake_failures_total` | counter | — |
//! | `netweave_smo_registered` | gauge | — (1 once the O-Cloud is registered with the configured SMO) |
//! | `netweave_smo_registration_attempts_total` | counter | `result` (`registered`, `failed`) |
//! | `netweave_alarms_active` | gauge | `severity` (`critical`, `major`, `minor`, `warning`, `indeterminate`): alarms not cleared |

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const HTTP_REQUESTS: &str = "netweave_http_requests_total";
pub const HTTP_DURATION: &str = "netweave_http_request_duration_seconds";
pub const GRPC_REQUESTS: &str = "netweave_grpc_requests_total";
pub const GRPC_DURATION: &str = "netweave_grpc_request_duration_seconds";
pub const AUTH_FAILURES: &str = "netweave_auth_failures_total";
pub const AUDIT_DROPPED: &str = "netweave_audit_records_dropped_total";
pub const QUOTA_REFUSALS: &str = "netweave_quota_refusals_total";
pub const RATE_LIMITED: &str = "netweave_rate_limited_total";
pub const IDEMPOTENCY: &str = "netweave_idempotency_requests_total";
pub const EVENTS_FENCED: &str = "netweave_events_fenced_total";
pub const TENANT_REQUESTS: &str = "netweave_tenant_requests_total";
pub const TLS_CERT_EXPIRY: &str = "netweave_tls_certificate_expiry_timestamp_seconds";
pub const TLS_RELOAD_FAILURES: &str = "netweave_tls_reload_failures_total";
pub const TLS_HANDSHAKE_FAILURES: &str = "netweave_tls_handshake_failures_total";
pub const SMO_REGISTERED: &str = "netweave_smo_registered";
pub const SMO_REGISTRATION_ATTEMPTS: &str = "netweave_smo_registration_attempts_total";
pub const ALARMS_ACTIVE: &str = "netweave_alarms_active";

const BUCKETS: &[f64] = &[
    0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

/// The process-wide recorder, installed on first use.
pub fn handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_duration_seconds".into()), BUCKETS)
                .expect("static buckets are valid")
                .build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed; /metrics may be empty");
            }
            handle
        })
        .clone()
}

/// Events appended to the stream.
pub const EVENTS_PUBLISHED: &str = "netweave_events_published_total";
/// Fire-and-forget publications refused because the queue was full.
pub const EVENTS_OVERFLOWED: &str = "netweave_events_overflowed_total";
/// Events handed to in-process handlers, by outcome (`ok`, `panicked`).
pub const EVENTS_HANDLED: &str = "netweave_events_handled_total";
/// Time in-process handlers took per event.
pub const EVENTS_HANDLE_DURATION: &str = "netweave_events_handle_duration_seconds";
/// Webhook delivery attempts by outcome (`delivered`, `failed`, `dead_lettered`, `dropped`).
pub const WEBHOOK_DELIVERIES: &str = "o2ims_webhook_deliveries_total";
/// Time one webhook delivery attempt took.
pub const WEBHOOK_LATENCY: &str = "o2ims_webhook_latency_seconds";
/// Webhook attempts that will be retried.
pub const WEBHOOK_RETRIES: &str = "o2ims_webhook_retries_total";
/// Webhook deliveries moved to the dead-letter queue.
pub const WEBHOOK_DLQ: &str = "o2ims_webhook_dlq_total";
/// Events in the stream.
pub const EVENT_STREAM_LENGTH: &str = "o2ims_event_stream_length";
/// Webhook delivery loops running.
pub const WEBHOOK_ACTIVE_WORKERS: &str = "o2ims_active_webhook_workers";
/// Events the webhook dispatcher turned into deliveries.
pub const EVENTS_DISPATCHED: &str = "netweave_events_dispatched_total";
/// 1 while this replica publishes the backend's changes (the elected leader), else 0.
pub const LEADER: &str = "netweave_leader";
/// Differences between a backend's view and what was last published, published on start or
/// take-over: the changes made while no gateway watched.
pub const DIFFERENCES_PUBLISHED: &str = "netweave_backend_differences_published_total";
/// How long taking in the last view (or the last take-over) took: loading or recording the
/// published state, the diff, and appending its events.
pub const VIEW_RECONCILE: &str = "netweave_backend_view_reconcile_seconds";
/// Backend changes waiting in the change feed for the event pump (at its capacity the backend
/// pauses: back-pressure).
pub const BACKEND_CHANGES_QUEUED: &str = "netweave_backend_changes_queued";
/// Time to dispatch one batch of events (match subscriptions, enqueue, acknowledge).
pub const EVENTS_DISPATCH_DURATION: &str = "netweave_events_dispatch_duration_seconds";
/// Requests an OpenStack backend made to the cloud's services, by `service` (`compute`,
/// `placement`) and to Keystone (`identity`, one per token fetched).
pub const OPENSTACK_REQUESTS: &str = "netweave_openstack_requests_total";
/// Polls of an OpenStack cloud, by `result` (`ok`, `failed`).
pub const OPENSTACK_POLLS: &str = "netweave_openstack_polls_total";
