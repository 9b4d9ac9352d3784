//! The fake API server's HTTP surface: Kubernetes REST paths parsed by hand, lists, watches as
//! chunked JSON lines, single-object reads and writes.

use std::{collections::HashMap, sync::Arc, time::Duration};

use axum::{
    body::{Body, Bytes},
    extract::{Query, State},
    http::{header, Method, StatusCode, Uri},
    response::{IntoResponse, Response},
    Router,
};
use serde_json::{json, Value};
use tokio::sync::broadcast::error::RecvError;

use super::{status, Cluster, ResourceKind};

pub(super) fn router(cluster: Arc<Cluster>) -> Router {
    Router::new().fallback(handle).with_state(cluster)
}

fn reply(code: u16, body: &Value) -> Response {
    (
        StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn failure(body: Value) -> Response {
    let code = body["code"].as_u64().unwrap_or(500) as u16;
    reply(code, &body)
}

/// What a path addresses.
struct Target {
    kind: ResourceKind,
    namespace: Option<String>,
    name: Option<String>,
}

fn parse(cluster: &Cluster, path: &str) -> Option<Target> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let (group, version, rest) = match parts.as_slice() {
        ["api", version, rest @ ..] => ("", *version, rest),
        ["apis", group, version, rest @ ..] => (*group, *version, rest),
        _ => return None,
    };
    let (namespace, plural, name) = match rest {
        ["namespaces", ns, plural] => (Some(*ns), *plural, None),
        ["namespaces", ns, plural, name] => (Some(*ns), *plural, Some(*name)),
        [plural] => (None, *plural, None),
        [plural, name] => (None, *plural, Some(*name)),
        _ => return None,
    };
    let kind = *cluster
        .kinds()
        .iter()
        .find(|k| k.group == group && k.version == version && k.plural == plural)?;
    Some(Target {
        kind,
        namespace: namespace.map(str::to_owned),
        name: name.map(str::to_owned),
    })
}

async fn handle(
    State(cluster): State<Arc<Cluster>>,
    method: Method,
    uri: Uri,
    Query(params): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    if cluster.down() {
        return failure(status(503, "ServiceUnavailable", "the API server is down"));
    }
    if uri.path() == "/version" {
        return reply(
            200,
            &json!({"major": "1", "minor": "33", "gitVersion": "v1.33.2-netweave-fake", "platform": "linux/amd64"}),
        );
    }
    let Some(target) = parse(&cluster, uri.path()) else {
        return failure(status(
            404,
            "NotFound",
            "the server could not find the requested resource",
        ));
    };
    let key = target.name.as_ref().map(|name| match &target.namespace {
        Some(ns) => format!("{ns}/{name}"),
        None => name.clone(),
    });
    let watching = params.get("watch").is_some_and(|w| w == "true" || w == "1");
    let verb = match (&method, &key, watching) {
        (&Method::GET, None, true) => "watch",
        (&Method::GET, None, false) => "list",
        (&Method::GET, Some(_), _) => "get",
        (&Method::POST, _, _) => "create",
        (&Method::PUT, _, _) => "update",
        (&Method::PATCH, _, _) => "patch",
        (&Method::DELETE, _, _) => "delete",
        _ => "other",
    };
    cluster.record_request(verb, &target.kind);
    let object = || serde_json::from_slice::<Value>(&body).ok();
    if method == Method::GET && key.is_none() && cluster.failing() {
        return failure(status(
            500,
            "InternalError",
            "etcdserver: request timed out",
        ));
    }
    match (method, key) {
        (Method::GET, None) if watching => watch(cluster, target.kind, &params),
        (Method::GET, None) => {
            let limit = params
                .get("limit")
                .and_then(|l| l.parse().ok())
                .filter(|l| *l > 0);
            match cluster.list(
                target.kind,
                target.namespace.as_deref(),
                params.get("labelSelector").map(String::as_str),
                limit,
                params
                    .get("continue")
                    .map(String::as_str)
                    .filter(|c| !c.is_empty()),
            ) {
                Ok((rv, items, next)) => reply(
                    200,
                    &json!({
                        "apiVersion": target.kind.api_version(),
                        "kind": format!("{}List", target.kind.kind),
                        "metadata": {"resourceVersion": rv.to_string(), "continue": next.unwrap_or_default()},
                        "items": items,
                    }),
                ),
                Err(e) => failure(e),
            }
        }
        (Method::GET, Some(key)) => match cluster.get(target.kind, &key) {
            Some(o) => reply(200, &o),
            None => failure(status(
                404,
                "NotFound",
                &format!("{} \"{key}\" not found", target.kind.plural),
            )),
        },
        (Method::POST, None) => match object() {
            Some(mut o) => {
                if let Some(ns) = &target.namespace {
                    o["metadata"]["namespace"] = json!(ns);
                }
                match cluster.put(target.kind, o, true, None) {
                    Ok(o) => reply(201, &o),
                    Err(e) => failure(e),
                }
            }
            None => failure(status(400, "BadRequest", "the body is not a JSON object")),
        },
        (Method::PUT, Some(key)) => match object() {
            Some(o) => {
                let expected = o["metadata"]["resourceVersion"].as_str().map(str::to_owned);
                if cluster.get(target.kind, &key).is_none() {
                    return failure(status(
                        404,
                        "NotFound",
                        &format!("{} \"{key}\" not found", target.kind.plural),
                    ));
                }
                match cluster.put(target.kind, o, false, expected.as_deref()) {
                    Ok(o) => reply(200, &o),
                    Err(e) => failure(e),
                }
            }
            None => failure(status(400, "BadRequest", "the body is not a JSON object")),
        },
        (Method::PATCH, Some(key)) => {
            let (Some(mut current), Some(patch)) = (cluster.get(target.kind, &key), object())
            else {
                return failure(status(
                    404,
                    "NotFound",
                    &format!("{} \"{key}\" not found", target.kind.plural),
                ));
            };
            merge_patch(&mut current, &patch);
            match cluster.put(target.kind, current, false, None) {
                Ok(o) => reply(200, &o),
                Err(e) => failure(e),
            }
        }
        (Method::DELETE, Some(key)) => match cluster.remove(target.kind, &key) {
            Some(o) => reply(200, &o),
            None => failure(status(
                404,
                "NotFound",
                &format!("{} \"{key}\" not found", target.kind.plural),
            )),
        },
        _ => failure(status(
            405,
            "MethodNotAllowed",
            "the server does not allow this method",
        )),
    }
}

/// RFC 7386 JSON merge patch.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(fields) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = json!({});
    }
    for (k, v) in fields {
        if v.is_null() {
            target.as_object_mut().map(|m| m.remove(k));
        } else {
            merge_patch(&mut target[k], v);
        }
    }
}

fn line(kind: &str, object: &Value) -> Bytes {
    let mut text = json!({"type": kind, "object": object}).to_string();
    text.push('\n');
    Bytes::from(text)
}

fn watch(cluster: Arc<Cluster>, kind: ResourceKind, params: &HashMap<String, String>) -> Response {
    if cluster.paused() {
        return failure(status(503, "ServiceUnavailable", "watches are paused"));
    }
    let rv: u64 = params
        .get("resourceVersion")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| cluster.current_rv());
    let bookmarks = params
        .get("allowWatchBookmarks")
        .is_some_and(|b| b == "true");
    let timeout = params
        .get("timeoutSeconds")
        .and_then(|t| t.parse().ok())
        .map_or(Duration::from_secs(290), Duration::from_secs);
    let mut pauses = cluster.pauses();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(256);
    match cluster.watch_from(kind, rv) {
        Err(oldest) => {
            let gone = status(
                410,
                "Expired",
                &format!("too old resource version: {rv} ({oldest})"),
            );
            let _ = tx.try_send(Ok(line("ERROR", &gone)));
        }
        Ok(super::Watch {
            backlog,
            mut live,
            from: mut last,
        }) => {
            tokio::spawn(async move {
                for change in backlog {
                    if tx
                        .send(Ok(line(change.verb, &change.object)))
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
                let deadline = tokio::time::Instant::now() + timeout;
                let mut tick = tokio::time::interval(cluster.bookmark_every);
                loop {
                    tokio::select! {
                        change = live.recv() => match change {
                            // `last`: every change up to it has been sent or is of another kind.
                            Ok(c) if c.rv <= last => {}
                            // Paused before this change was made: the stream is over.
                            Ok(_) if cluster.paused() => return,
                            Ok(c) => {
                                last = c.rv;
                                if c.kind == kind && tx.send(Ok(line(c.verb, &c.object))).await.is_err() {
                                    return;
                                }
                            }
                            // Too slow to follow: end; the client resumes from its version.
                            Err(RecvError::Lagged(_) | RecvError::Closed) => return,
                        },
                        _ = pauses.changed() => return,
                        _ = tick.tick() => {
                            if bookmarks {
                                let mark = json!({"kind": kind.kind, "apiVersion": kind.api_version(),
                                    "metadata": {"resourceVersion": last.to_string()}});
                                if tx.send(Ok(line("BOOKMARK", &mark))).await.is_err() {
                                    return;
                                }
                            }
                        }
                        _ = tokio::time::sleep_until(deadline) => return,
                    }
                }
            });
        }
    }
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(rx)),
    )
        .into_response()
}
