//! OpenTelemetry traces from the real binary to a small OTLP/HTTP receiver on loopback: a
//! request continues the caller's W3C trace through the service to the backend; a
//! notification carries `traceparent` to the receiver and its delivery span is joined to the
//! append that caused it by the event id; switched off, nothing is exported.

use std::{
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{body::Bytes, routing::post, Router};
use opentelemetry_proto::tonic::{
    collector::trace::v1::ExportTraceServiceRequest, common::v1::any_value, trace::v1::Span,
};
use prost::Message as _;
use serde_json::json;

use crate::{
    chaos::netweave_args,
    harness::free_port,
    receiver::{Mode, Receiver},
};

/// Every span the receiver was sent.
#[derive(Clone, Default)]
struct Collector {
    spans: Arc<Mutex<Vec<Span>>>,
    url: String,
}

impl Collector {
    async fn start() -> Collector {
        let spans: Arc<Mutex<Vec<Span>>> = Arc::default();
        let sink = Arc::clone(&spans);
        let app = Router::new().route(
            "/v1/traces",
            post(move |body: Bytes| {
                let sink = Arc::clone(&sink);
                async move {
                    let request = ExportTraceServiceRequest::decode(body).expect("OTLP protobuf");
                    let mut sink = sink.lock().unwrap();
                    for resource in request.resource_spans {
                        for scope in resource.scope_spans {
                            sink.extend(scope.spans);
                        }
                    }
                    ""
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Collector { spans, url }
    }

    fn spans(&self) -> Vec<Span> {
        self.spans.lock().unwrap().clone()
    }

    /// Waits for a span that `matches`.
    async fn wait_for(&self, what: &str, matches: impl Fn(&Span) -> bool) -> Span {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(s) = self.spans().into_iter().find(|s| matches(s)) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "no span {what} among {:?}",
                self.spans().iter().map(|s| &s.name).collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

fn attribute(span: &Span, key: &str) -> Option<String> {
    span.attributes
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| match kv.value.as_ref()?.value.as_ref()? {
            any_value::Value::StringValue(s) => Some(s.clone()),
            any_value::Value::IntValue(i) => Some(i.to_string()),
            _ => None,
        })
}

struct Gateway {
    child: Child,
    base: String,
    _data: tempfile::TempDir,
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn gateway(otlp: Option<&str>, env: &[(&str, &str)]) -> Gateway {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_netweave"));
    command
        .args(netweave_args("serve", port))
        .arg("--data-dir")
        .arg(data.path())
        .env("NETWEAVE_WEBHOOKS__CALLBACK_ALLOW", "127.0.0.0/8")
        .env_remove("OTEL_EXPORTER_OTLP_ENDPOINT")
        .env_remove("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(endpoint) = otlp {
        command
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
            .env("OTEL_BSP_SCHEDULE_DELAY", "100")
            .env("OTEL_SERVICE_NAME", "netweave-test");
    }
    command.envs(env.iter().copied());
    let child = command.spawn().expect("netweave serve starts");
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !reqwest::get(format!("{base}/readyz"))
        .await
        .is_ok_and(|r| r.status().is_success())
    {
        assert!(Instant::now() < deadline, "netweave never became ready");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Gateway {
        child,
        base,
        _data: data,
    }
}

#[tokio::test]
async fn requests_and_notifications_are_traced_over_otlp() {
    let collector = Collector::start().await;
    let app = gateway(Some(&collector.url), &[]).await;
    let http = reqwest::Client::new();
    let v2 = format!("{}/o2ims-infrastructureInventory/v2", app.base);

    // A request continues the caller's trace: request → inventory.list → backend.list.
    let trace_id = uuid::Uuid::new_v4().simple().to_string();
    let caller_span = &uuid::Uuid::new_v4().simple().to_string()[..16];
    let listed = http
        .get(format!("{v2}/resourcePools"))
        .header("traceparent", format!("00-{trace_id}-{caller_span}-01"))
        .send()
        .await
        .unwrap();
    assert!(listed.status().is_success());
    let trace = hex::decode(&trace_id).unwrap();
    let request = collector
        .wait_for("request", |s| {
            s.trace_id == trace && hex::encode(&s.parent_span_id) == caller_span
        })
        .await;
    assert_eq!(
        request.name,
        "GET /o2ims-infrastructureInventory/v2/resourcePools"
    );
    let list = collector
        .wait_for("inventory.list", |s| {
            s.name == "inventory.list" && s.parent_span_id == request.span_id
        })
        .await;
    collector
        .wait_for("backend.list", |s| {
            s.name == "backend.list" && s.parent_span_id == list.span_id && s.trace_id == trace
        })
        .await;

    // So does a gRPC call (the same port, the same middleware).
    let grpc_trace = uuid::Uuid::new_v4().simple().to_string();
    let channel = tonic::transport::Channel::from_shared(app.base.clone())
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client =
        netweave::proto::o2ims::v1::inventory_service_client::InventoryServiceClient::new(channel);
    let mut call =
        tonic::Request::new(netweave::proto::o2ims::v1::ListResourcePoolsRequest::default());
    call.metadata_mut().insert(
        "traceparent",
        format!("00-{grpc_trace}-{caller_span}-01").parse().unwrap(),
    );
    client.list_resource_pools(call).await.unwrap();
    let grpc_trace = hex::decode(&grpc_trace).unwrap();
    let rpc = collector
        .wait_for("gRPC request", |s| {
            s.trace_id == grpc_trace && hex::encode(&s.parent_span_id) == caller_span
        })
        .await;
    assert_eq!(
        rpc.name,
        "netweave.o2ims.v1.InventoryService/ListResourcePools"
    );

    // A notification carries its delivery's trace; the delivery names the event it sends,
    // which the append that published it names too.
    let receiver = Receiver::start(Mode::Ok).await;
    let created = http
        .post(format!("{v2}/subscriptions"))
        .json(&json!({"callback": receiver.url("/smo")}))
        .send()
        .await
        .unwrap();
    assert!(created.status().is_success());
    let pools: serde_json::Value = http
        .get(format!("{v2}/oCloudSites"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let site = pools[0]["oCloudSiteId"].as_str().unwrap();
    let pool = http
        .post(format!("{v2}/resourcePools"))
        .json(&json!({"name": "traced", "oCloudSiteId": site, "description": ""}))
        .send()
        .await
        .unwrap();
    assert!(pool.status().is_success());
    let got = receiver.wait_for(1, Duration::from_secs(10)).await;
    let traceparent = got[0].header("traceparent").to_owned();
    let parts: Vec<&str> = traceparent.split('-').collect();
    assert_eq!(parts.len(), 4, "a W3C traceparent: '{traceparent}'");
    let delivery_trace = hex::decode(parts[1]).unwrap();
    let deliver = collector
        .wait_for("webhook.deliver", |s| {
            s.name == "webhook.deliver" && s.trace_id == delivery_trace
        })
        .await;
    assert_eq!(
        hex::encode(&deliver.span_id),
        parts[2],
        "the receiver's parent is the delivery"
    );
    let event_id = attribute(&deliver, "netweave.event_id").expect("the delivery names its event");
    collector
        .wait_for("webhook.dispatch naming the event", |s| {
            s.name == "webhook.dispatch"
                && attribute(s, "netweave.event_ids")
                    .is_some_and(|ids| ids.split(',').any(|i| i == event_id))
        })
        .await;
    collector
        .wait_for("events.append naming the event", |s| {
            s.name == "events.append"
                && attribute(s, "netweave.event_ids")
                    .is_some_and(|ids| ids.split(',').any(|i| i == event_id))
        })
        .await;
}

#[tokio::test]
async fn with_traces_switched_off_nothing_is_exported() {
    // The endpoint is there, but OTEL_TRACES_EXPORTER=none (the standard off switch) wins.
    let collector = Collector::start().await;
    let app = gateway(Some(&collector.url), &[("OTEL_TRACES_EXPORTER", "none")]).await;
    let receiver = Receiver::start(Mode::Ok).await;
    let http = reqwest::Client::new();
    let v2 = format!("{}/o2ims-infrastructureInventory/v2", app.base);
    http.post(format!("{v2}/subscriptions"))
        .json(&json!({"callback": receiver.url("/smo")}))
        .send()
        .await
        .unwrap();
    let listed = http
        .get(format!("{v2}/resourcePools"))
        .header(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        )
        .send()
        .await
        .unwrap();
    assert!(listed.status().is_success());
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(collector.spans().is_empty());
    // And nothing is propagated to receivers: there is no trace to continue.
    assert!(receiver
        .received()
        .iter()
        .all(|r| r.header("traceparent").is_empty()));
}
