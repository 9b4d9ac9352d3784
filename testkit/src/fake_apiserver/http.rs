//! The fake API server's HTTP surface: Kubernetes REST paths parsed by hand, lists, watches as
//! chunked JSON lines, single-object reads and writes.

use std::{collections::HashMap, sync::Arc, time::Duration};

use axum::{
    body::{Body, Bytes},
    extract::{Query, State},
    http::{header, HeaderMap, Method, StatusCode, Uri},
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
    headers: HeaderMap,
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
    if let Some(document) =
        discovery(cluster.kinds(), uri.path()).or_else(|| openapi(cluster.kinds(), uri.path()))
    {
        return reply(200, &document);
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
    let object = || read_body(&headers, &body);
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
            None => failure(status(
                400,
                "BadRequest",
                "the body is no object in JSON or the protobuf the fake reads",
            )),
        },
        (Method::PUT, Some(key)) => match object() {
            Some(mut o) => {
                if let (Some(ns), None) = (&target.namespace, o["metadata"]["namespace"].as_str()) {
                    o["metadata"]["namespace"] = json!(ns);
                }
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
            None => failure(status(
                400,
                "BadRequest",
                "the body is no object in JSON or the protobuf the fake reads",
            )),
        },
        (Method::PATCH, Some(key)) if applying(&headers) => {
            let Some(mut applied) = object().or_else(|| {
                serde_yaml::from_slice::<Value>(&body)
                    .ok()
                    .filter(Value::is_object)
            }) else {
                return failure(status(400, "BadRequest", "the body is not an object"));
            };
            if let Some(ns) = &target.namespace {
                applied["metadata"]["namespace"] = json!(ns);
            }
            match cluster.get(target.kind, &key) {
                None => match cluster.put(target.kind, applied, true, None) {
                    Ok(o) => reply(201, &o),
                    Err(e) => failure(e),
                },
                Some(current) => {
                    let expected = current["metadata"]["resourceVersion"]
                        .as_str()
                        .map(str::to_owned);
                    match cluster.put(
                        target.kind,
                        apply(current, &applied),
                        false,
                        expected.as_deref(),
                    ) {
                        Ok(o) => reply(200, &o),
                        Err(e) => failure(e),
                    }
                }
            }
        }
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

/// The object a POST, PUT or PATCH carries, in JSON or (as `client-go` sends core kinds) the
/// Kubernetes protobuf encoding.
fn read_body(headers: &HeaderMap, body: &[u8]) -> Option<Value> {
    let protobuf = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with(super::protobuf::MEDIA_TYPE));
    if protobuf {
        super::protobuf::decode(body).ok()
    } else {
        serde_json::from_slice::<Value>(body).ok()
    }
}

/// Whether a PATCH is a server-side apply.
fn applying(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/apply-patch"))
}

/// `current` with the fields of `applied`, its one applier's: labels and annotations merged,
/// every other applied field replaced whole; the status kept.
fn apply(mut current: Value, applied: &Value) -> Value {
    for (k, v) in applied.as_object().into_iter().flatten() {
        match k.as_str() {
            "status" => {}
            "metadata" => {
                for field in ["labels", "annotations"] {
                    for (name, value) in v[field].as_object().into_iter().flatten() {
                        current["metadata"][field][name] = value.clone();
                    }
                }
            }
            _ => current[k] = v.clone(),
        }
    }
    current
}

/// The legacy discovery document at `path`, if it is one: `/api` (APIVersions), `/apis`
/// (APIGroupList), `/api/v1` or `/apis/<group>/<version>` (APIResourceList) of the installed
/// kinds.
fn discovery(kinds: &[ResourceKind], path: &str) -> Option<Value> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let verbs = [
        "create", "delete", "get", "list", "patch", "update", "watch",
    ];
    let (group, version) = match parts.as_slice() {
        ["api"] => return Some(json!({"kind": "APIVersions", "versions": ["v1"]})),
        ["apis"] => {
            let mut groups: Vec<(&str, &str)> = kinds
                .iter()
                .filter(|k| !k.group.is_empty())
                .map(|k| (k.group, k.version))
                .collect();
            groups.sort();
            groups.dedup();
            let groups: Vec<Value> = groups
                .iter()
                .map(|(g, v)| {
                    let gv = json!({"groupVersion": format!("{g}/{v}"), "version": v});
                    json!({"name": g, "versions": [gv], "preferredVersion": gv})
                })
                .collect();
            return Some(json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}));
        }
        ["api", version] => ("", *version),
        ["apis", group, version] => (*group, *version),
        _ => return None,
    };
    let resources: Vec<Value> = kinds
        .iter()
        .filter(|k| k.group == group && k.version == version)
        .map(|k| {
            json!({"name": k.plural, "singularName": k.kind.to_lowercase(), "namespaced": k.namespaced,
                "kind": k.kind, "verbs": verbs})
        })
        .collect();
    if resources.is_empty() {
        return None;
    }
    let group_version = if group.is_empty() {
        version.to_owned()
    } else {
        format!("{group}/{version}")
    };
    Some(
        json!({"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": group_version,
        "resources": resources}),
    )
}

/// The OpenAPI v3 documents at `path`, if it is one: `/openapi/v3` (the group-versions) and
/// `/openapi/v3/api/v1` or `/openapi/v3/apis/<group>/<version>`: each kind's PATCH operation
/// taking `fieldValidation` (so that clients leave validation to the server, which the fake
/// skips) and a schema keeping every field.
fn openapi(kinds: &[ResourceKind], path: &str) -> Option<Value> {
    let prefix = |k: &ResourceKind| match k.group {
        "" => format!("api/{}", k.version),
        group => format!("apis/{group}/{}", k.version),
    };
    let rest = path.strip_prefix("/openapi/v3")?.trim_matches('/');
    if rest.is_empty() {
        let paths: serde_json::Map<String, Value> = kinds
            .iter()
            .map(|k| {
                let p = prefix(k);
                let url = format!("/openapi/v3/{p}?hash=netweave-fake");
                (p, json!({ "serverRelativeURL": url }))
            })
            .collect();
        return Some(json!({ "paths": paths }));
    }
    let mine: Vec<&ResourceKind> = kinds.iter().filter(|k| prefix(k) == rest).collect();
    if mine.is_empty() {
        return None;
    }
    let mut paths = serde_json::Map::new();
    let mut schemas = serde_json::Map::new();
    for k in mine {
        let gvk = json!({"group": k.group, "version": k.version, "kind": k.kind});
        let at = if k.namespaced {
            format!("/{rest}/namespaces/{{namespace}}/{}/{{name}}", k.plural)
        } else {
            format!("/{rest}/{}/{{name}}", k.plural)
        };
        paths.insert(at, json!({"patch": {
            "x-kubernetes-group-version-kind": gvk,
            "parameters": [{"name": "fieldValidation", "in": "query", "schema": {"type": "string"}},
                           {"name": "fieldManager", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "OK"}},
        }}));
        let group = if k.group.is_empty() { "core" } else { k.group };
        schemas.insert(
            format!("io.k8s.fake.{group}.{}.{}", k.version, k.kind),
            json!({"type": "object", "x-kubernetes-group-version-kind": [gvk],
                "x-kubernetes-preserve-unknown-fields": true}),
        );
    }
    Some(
        json!({"openapi": "3.0.0", "info": {"title": "Kubernetes", "version": "v1.33.2"},
        "paths": paths, "components": {"schemas": schemas}}),
    )
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
