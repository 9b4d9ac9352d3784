//! The OpenAPI document served at `/openapi.json`, composed from one source of truth each:
//! the in-repository normative O2ims v2 document (its `common` references bundled in), the
//! netweave write and paging extensions, INF O2's own swagger for `/v1` (`openapi_v1.rs`), and
//! TMF688. `tests/it/contract.rs` checks that its paths are exactly the served routes.

use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use super::table::RouteInfo;
use crate::service::inventory::API_ROOT;

const INVENTORY: &str = include_str!(concat!(env!("OUT_DIR"), "/o2ims_inventory.json"));
const COMMON: &str = include_str!(concat!(env!("OUT_DIR"), "/o2ims_common.json"));
const COMMON_REF: &str = "../../common/api/openapi.yaml#";
const MONITORING: &str = include_str!(concat!(env!("OUT_DIR"), "/o2ims_alarms.json"));
const PROVISIONING: &str = include_str!(concat!(env!("OUT_DIR"), "/o2ims_provisioning.json"));
const ARTIFACTS: &str = include_str!(concat!(env!("OUT_DIR"), "/o2ims_artifacts.json"));

/// The normative v2 document, with references into `common` made local.
pub fn normative() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc: Value = serde_json::from_str(INVENTORY).expect("embedded spec is JSON");
        let common: Value = serde_json::from_str(COMMON).expect("embedded spec is JSON");
        localise_refs(&mut doc);
        for section in ["schemas", "parameters"] {
            let target = doc["components"][section]
                .as_object_mut()
                .expect("components");
            if let Some(shared) = common["components"][section].as_object() {
                for (name, value) in shared {
                    target.entry(name.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        doc
    })
}

/// The normative monitoring document (O2ims_InfrastructureMonitoring 1.0.0), with its
/// references into `common` made local and the common schemas it uses added.
pub fn normative_monitoring() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| with_common(MONITORING))
}

/// The normative provisioning document (O2IMS Infrastructure Provisioning API 1.2.0), bundled
/// likewise.
pub fn normative_provisioning() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| with_common(PROVISIONING))
}

/// The normative artifacts document (O2IMS Infrastructure Artifacts API 1.0.0), bundled
/// likewise.
pub fn normative_artifacts() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| with_common(ARTIFACTS))
}

/// An O2ims document referring to `common`, with those references made local and the common
/// schemas and parameters added.
fn with_common(text: &str) -> Value {
    {
        let mut doc: Value = serde_json::from_str(text).expect("embedded spec is JSON");
        localise_refs(&mut doc);
        let common: Value = serde_json::from_str(COMMON).expect("embedded spec is JSON");
        for section in ["schemas", "parameters"] {
            if doc["components"][section].is_null() {
                doc["components"][section] = json!({});
            }
            let target = doc["components"][section]
                .as_object_mut()
                .expect("components");
            if let Some(shared) = common["components"][section].as_object() {
                for (name, value) in shared {
                    target.entry(name.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        doc
    }
}

fn localise_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                if let Some(rest) = r.strip_prefix(COMMON_REF) {
                    *r = format!("#{rest}");
                }
            }
            map.values_mut().for_each(localise_refs);
        }
        Value::Array(items) => items.iter_mut().for_each(localise_refs),
        _ => {}
    }
}

/// Points a Swagger 2.0 document's `#/definitions/X` references at the OpenAPI 3 schema
/// `#/components/schemas/{prefix}X`, as its definitions are served.
pub(super) fn definitions_as_components(value: &mut Value, prefix: &str) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/definitions/") {
                    *r = format!("#/components/schemas/{prefix}{name}");
                }
            }
            map.values_mut()
                .for_each(|v| definitions_as_components(v, prefix));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| definitions_as_components(v, prefix)),
        _ => {}
    }
}

pub(super) fn problem(description: &str) -> Value {
    json!({ "description": description, "content": { "application/problem+json": {
        "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } })
}

fn json_body(schema: &str) -> Value {
    json!({ "required": true, "content": { "application/json": {
        "schema": { "$ref": format!("#/components/schemas/{schema}") } } } })
}

fn json_response(description: &str, schema: &str) -> Value {
    json!({ "description": description, "content": { "application/json": {
        "schema": { "$ref": format!("#/components/schemas/{schema}") } } } })
}

fn path_param(name: &str) -> Value {
    json!({ "$ref": format!("#/components/parameters/{name}") })
}

fn extension_parameters() -> Value {
    json!({
        "limit": { "name": "limit", "in": "query", "required": false,
            "description": "netweave extension: page size. With it (or a marker) the list is paged and a `Link: <…>; rel=\"next\"` header points at the next page.",
            "schema": { "type": "integer", "minimum": 1 } },
        "nextpageOpaqueMarker": { "name": "nextpage_opaque_marker", "in": "query", "required": false,
            "description": "Marker of the page to fetch, taken from the previous page's `Link` header. On `/v1`, INF O2's page numbers are accepted too (`1`, `2`, …: page N at the page size; the next link then names N+1).",
            "schema": { "type": "string" } },
    })
}

pub(super) fn paging_headers(total: bool) -> Value {
    let mut headers = json!({ "Link": { "description": "RFC 8288 link to the next page (`rel=\"next\"`), absent on the last page.",
        "schema": { "type": "string" } },
        "Warning": { "description": "With several backends: `199 netweave \"…\"`, once per backend that failed; the list lacks its objects.",
        "schema": { "type": "string" } } });
    if total {
        headers["X-Total-Count"] = json!({ "description": "Number of matching objects over all pages.",
            "schema": { "type": "integer" } });
    }
    headers
}

/// The netweave write extensions on resource pools and resources.
fn write_extensions(paths: &mut Map<String, Value>) {
    let pools = format!("{API_ROOT}/v2/resourcePools");
    let ext = "netweave extension, allowed when the backend reports the matching capability; otherwise 405.";
    let entry = |paths: &mut Map<String, Value>, path: String, method: &str, op: Value| {
        let item = paths.entry(path).or_insert_with(|| json!({}));
        item[method] = op;
    };
    entry(
        paths,
        pools.clone(),
        "post",
        json!({
        "operationId": "createResourcePool", "tags": ["resourcePools"],
        "summary": "Create a resource pool", "description": ext,
        "requestBody": json_body("ResourcePool"),
        "responses": { "201": json_response("Created; `Location` names the new pool.", "ResourcePool"),
            "400": problem("Bad request"), "405": problem("Backend cannot write pools"),
            "409": problem("A pool with that resourcePoolId already exists"), "500": problem("Internal server error.") } }),
    );
    let one_pool = format!("{pools}/{{resourcePoolId}}");
    entry(
        paths,
        one_pool.clone(),
        "put",
        json!({
        "operationId": "updateResourcePool", "tags": ["resourcePools"],
        "summary": "Replace a resource pool", "description": ext,
        "parameters": [path_param("resourcePoolId")], "requestBody": json_body("ResourcePool"),
        "responses": { "200": json_response("Updated", "ResourcePool"), "400": problem("Bad request"),
            "404": problem("The specified entity was not found."), "405": problem("Backend cannot write pools"), "500": problem("Internal server error.") } }),
    );
    entry(
        paths,
        one_pool,
        "delete",
        json!({
        "operationId": "deleteResourcePool", "tags": ["resourcePools"],
        "summary": "Delete an empty resource pool", "description": ext,
        "parameters": [path_param("resourcePoolId")],
        "responses": { "204": { "description": "Deleted" }, "400": problem("Bad request"),
            "404": problem("The specified entity was not found."), "405": problem("Backend cannot write pools"),
            "409": problem("The pool still holds resources"), "500": problem("Internal server error.") } }),
    );
    let resources = format!("{pools}/{{resourcePoolId}}/resources");
    entry(
        paths,
        resources.clone(),
        "post",
        json!({
        "operationId": "createResource", "tags": ["resources"],
        "summary": "Add a resource to a pool", "description": ext,
        "parameters": [path_param("resourcePoolId")], "requestBody": json_body("Resource"),
        "responses": { "201": json_response("Created; `Location` names the new resource.", "Resource"),
            "400": problem("Bad request"), "404": problem("The specified entity was not found."),
            "405": problem("Backend cannot write resources"), "409": problem("A resource with that resourceId already exists"),
            "500": problem("Internal server error.") } }),
    );
    entry(
        paths,
        format!("{resources}/{{resourceId}}"),
        "delete",
        json!({
        "operationId": "deleteResource", "tags": ["resources"],
        "summary": "Remove a resource from a pool", "description": ext,
        "parameters": [path_param("resourcePoolId"), path_param("resourceId")],
        "responses": { "204": { "description": "Deleted" }, "400": problem("Bad request"),
            "404": problem("The specified entity was not found."), "405": problem("Backend cannot write resources"), "500": problem("Internal server error.") } }),
    );
}

fn operations_paths(paths: &mut Map<String, Value>) {
    let text = |d: &str| {
        json!({ "get": { "tags": ["operations"], "summary": d,
        "responses": { "200": { "description": d } } } })
    };
    paths.insert(
        "/healthz".into(),
        text("Liveness: the process serves requests"),
    );
    paths.insert("/readyz".into(), json!({ "get": { "tags": ["operations"], "summary": "Readiness: listeners, store and backend are up, and the backend's first view is diffed with what was last published",
        "responses": { "200": { "description": "Ready" }, "503": problem("Not ready; `detail` says what is down") } } }));
    paths.insert(
        "/metrics".into(),
        text("Prometheus metrics in text exposition format"),
    );
    paths.insert("/openapi.json".into(), text("This document"));
}

/// The event stream: history and the Server-Sent Events feed.
fn event_paths(paths: &mut Map<String, Value>) {
    let event = json!({ "type": "object", "required": ["eventId", "cursor", "eventType", "objectKind", "objectId", "objectRef", "occurredAt", "publishedAt", "source"],
        "properties": {
            "eventId": { "type": "string", "format": "uuid" },
            "cursor": { "type": "integer", "minimum": 1, "description": "Stream position; resume after it." },
            "source": { "type": "object", "properties": { "backend": { "type": "string" }, "instanceId": { "type": "string" } } },
            "eventType": { "type": "string", "description": "o2ims.<ObjectKind>.<Created|Updated|Deleted>" },
            "objectKind": { "type": "string" }, "objectId": { "type": "string" },
            "objectRef": { "type": "string", "description": "The object's REST path." },
            "priorObjectState": { "type": "object", "description": "Absent on creation." },
            "postObjectState": { "type": "object", "description": "Absent on deletion." },
            "occurredAt": { "type": "string", "format": "date-time" },
            "publishedAt": { "type": "string", "format": "date-time" },
            "metadata": { "type": "object", "additionalProperties": { "type": "string" } } } });
    let query = |name: &str, description: &str, schema: Value| json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema });
    let pattern = query(
        "type",
        "Glob over event types: `o2ims.Resource.*`, `*.*.Deleted`.",
        json!({ "type": "string" }),
    );
    let filter = query("filter", "O-RAN filter over the event (`eventType`, `objectKind`, `objectId`, `objectRef`, `notificationEventType`) and the changed object's attributes.", json!({ "type": "string" }));
    let after = query(
        "after",
        "Cursor to start after.",
        json!({ "type": "integer", "minimum": 0 }),
    );
    paths.insert("/events".into(), json!({ "get": {
        "operationId": "listEvents", "tags": ["events"], "summary": "Event history, oldest first",
        "parameters": [after, query("limit", "Events per page (default 100).", json!({ "type": "integer", "minimum": 1 })), pattern, filter],
        "responses": { "200": { "description": "Events; `Link: <…>; rel=\"next\"` when more follow.",
                "headers": paging_headers(false),
                "content": { "application/json": { "schema": { "type": "array", "items": event } } } },
            "400": problem("Bad request"), "503": problem("Event log unavailable") } } }));
    paths.insert("/events/stream".into(), json!({ "get": {
        "operationId": "watchEvents", "tags": ["events"],
        "summary": "Server-Sent Events: replays after `Last-Event-ID` (or `after`), then follows live",
        "description": "Each event is sent with `id: <cursor>` and `event: <eventType>`. `event: heartbeat` carries the cursor to resume from; `event: lagged` ends a feed that fell too far behind; `event: resync` ends one whose cursor left retention.",
        "parameters": [{ "name": "Last-Event-ID", "in": "header", "required": false, "schema": { "type": "string" } }, after, pattern, filter],
        "responses": { "200": { "description": "The feed", "content": { "text/event-stream": { "schema": {
            "description": "One Server-Sent Event (as OpenAPI 3.2's `itemSchema` describes a stream's items).",
            "type": "object", "required": ["data"], "properties": {
                "id": { "type": "string", "description": "The event's cursor." },
                "event": { "type": "string", "description": "The event type, or `heartbeat`, `lagged`, `resync`." },
                "data": { "type": "string", "description": "The event as JSON (the `Event` of `GET /events`), or the control message." },
                "retry": { "type": "integer" } } } } } },
            "400": problem("Bad request"), "410": problem("The cursor is older than retention: list afresh, then watch") } } }));
}

/// The webhook dead-letter queue.
fn webhook_paths(paths: &mut Map<String, Value>) {
    let letter = json!({ "type": "object", "required": ["id", "delivery", "deadLetteredAt", "error"], "properties": {
        "id": { "type": "integer" }, "deadLetteredAt": { "type": "string", "format": "date-time" }, "error": { "type": "string" },
        "delivery": { "type": "object", "required": ["subscriptionId", "notificationId", "event", "attempts"], "properties": {
            "subscriptionId": { "type": "string" }, "notificationId": { "type": "string", "format": "uuid" },
            "event": { "type": "object" }, "attempts": { "type": "integer" }, "lastError": { "type": "string" },
            "tenant": { "type": "string", "description": "The subscription's tenant when the notification was made: who may see and replay it, also after the subscription is deleted." } } } } });
    paths.insert("/webhooks/deadLetters".into(), json!({ "get": {
        "operationId": "listDeadLetters", "tags": ["webhooks"], "summary": "Notifications that exhausted their attempts, oldest first",
        "parameters": [
            { "name": "after", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 0 } },
            { "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1 } }],
        "responses": { "200": { "description": "Dead letters", "content": { "application/json": { "schema": { "type": "array", "items": letter } } } },
            "400": problem("Bad request") } } }));
    let status = json!({ "type": "object", "required": ["notificationId", "subscriptionId", "eventCursor", "eventType", "objectRef", "state", "attempts", "nextAttemptMs"],
        "properties": {
            "notificationId": { "type": "string", "format": "uuid" }, "subscriptionId": { "type": "string", "format": "uuid" },
            "eventCursor": { "type": "integer" }, "eventType": { "type": "string" }, "objectRef": { "type": "string" },
            "state": { "type": "string", "enum": ["pending", "inFlight", "failed"] },
            "attempts": { "type": "integer" }, "lastError": { "type": "string" },
            "nextAttemptMs": { "type": "integer", "description": "Unix milliseconds of the next attempt." },
            "tenant": { "type": "string", "description": "The subscription's tenant when the notification was made: who may see the delivery." } } });
    paths.insert("/webhooks/deliveries".into(), json!({ "get": {
        "operationId": "listDeliveries", "tags": ["webhooks"],
        "summary": "Unfinished deliveries of a subscription: pending, in flight, or failed and waiting, oldest event first",
        "parameters": [{ "name": "subscriptionId", "in": "query", "required": true, "schema": { "type": "string", "format": "uuid" } }],
        "responses": { "200": { "description": "Deliveries", "content": { "application/json": { "schema": { "type": "array", "items": status } } } },
            "400": problem("Bad request") } } }));
    paths.insert("/webhooks/deadLetters/{id}/replay".into(), json!({ "post": {
        "operationId": "replayDeadLetter", "tags": ["webhooks"], "summary": "Deliver a dead letter again, from its first attempt",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "responses": { "202": { "description": "Queued again" }, "400": problem("Bad request"), "404": problem("No such dead letter") } } }));
}

/// Marks the v2 lists as pageable through the extension parameters.
fn paging_extension(paths: &mut Map<String, Value>) {
    for item in paths.values_mut() {
        let Some(get) = item.get_mut("get") else {
            continue;
        };
        let is_list =
            get["responses"]["200"]["content"]["application/json"]["schema"]["type"] == "array";
        if !is_list {
            continue;
        }
        if let Some(params) = get["parameters"].as_array_mut() {
            params.push(path_param("limit"));
            params.push(path_param("nextpageOpaqueMarker"));
        }
        get["responses"]["200"]["headers"] = paging_headers(false);
    }
}

/// The document describing everything the server serves.
pub fn document(routes: &[RouteInfo]) -> Value {
    let mut doc = normative().clone();
    doc["info"]["title"] = json!("netweave O2ims Infrastructure Inventory and Monitoring API");
    doc["info"]["description"] = json!("The O-RAN O2ims Infrastructure Inventory API v2 (normative, unchanged), `/v1` as INF O2's swagger defines it (schemas `V1…`, with the corrections their descriptions note), netweave extensions (resource pool and resource writes, paging, events, webhooks), the O2ims Infrastructure Monitoring API 1.0.0 under `/o2ims-infrastructureMonitoring` (normative, with entity tags, `If-Match` and merge-patch media types) and the Alertmanager receiver, gateway administration under `/admin/v1` (tenants, their role bindings, the audit trail), and TMF688 Event Management v4 hubs and events under `/tmf-api/event/v4` (alias `/tmf-api/eventManagement/v4`). Errors are RFC 7807 ProblemDetails, except on `/tmf-api`, where they are the TMF `Error`.");
    doc["servers"] = json!([{ "url": "/" }]);
    doc["components"]["schemas"]["Subscription"]["properties"]["webhookSecret"] = json!({
        "type": "string", "writeOnly": true, "pattern": "^whsec_",
        "description": "netweave extension: this subscription's own Standard Webhooks secret, used instead of the server's to sign its notifications. Never returned." });
    doc["components"]["schemas"]["Subscription"]["properties"]["hubId"] = json!({
        "type": "string", "format": "uuid", "readOnly": true,
        "description": "netweave extension: the TMF688 hub (`/tmf-api/event/v4/hub/{id}`) this subscription delivers for. Such a subscription receives TMF events selected by the hub's query; deleting it removes the hub." });
    if let Some(params) = doc["components"]["parameters"].as_object_mut() {
        params.extend(
            extension_parameters()
                .as_object()
                .cloned()
                .unwrap_or_default(),
        );
    }
    let paths = doc["paths"].as_object_mut().expect("paths");
    paging_extension(paths);
    write_extensions(paths);
    event_paths(paths);
    webhook_paths(paths);
    operations_paths(paths);
    super::openapi_v1::add(&mut doc, routes);
    super::openapi_tmf::add(&mut doc);
    super::openapi_admin::add(&mut doc);
    super::openapi_monitoring::add(&mut doc, routes);
    super::openapi_provisioning::add(&mut doc, routes);
    super::openapi_vnfpkgm::add(&mut doc);
    super::openapi_vnflcm::add(&mut doc);
    quotas(&mut doc);
    idempotency(&mut doc);
    security(&mut doc);
    input_errors(&mut doc);
    doc
}

/// Every `POST` takes `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header; see
/// `super::idempotency`): the parameter, and the 409 and 422 it may answer.
fn idempotency(doc: &mut Value) {
    doc["components"]["parameters"]["IdempotencyKey"] = json!({
        "name": "Idempotency-Key", "in": "header", "required": false,
        "description": "netweave extension (IETF draft-ietf-httpapi-idempotency-key-header): a key unique to this request, quoted or bare. A repeat with the same key and the same request within `idempotency.ttl_seconds` (24 h by default) gets the first answer (status, headers, body) without running again, on any gateway sharing the store; a 5xx answer is not kept, so a retry after one runs again. Keys are the caller's own.",
        "schema": { "type": "string", "minLength": 1, "maxLength": 257, "pattern": "^[!-~]+$" } });
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(op) = item.get_mut("post") else {
            continue;
        };
        let tmf = path.starts_with("/tmf-api/");
        let reference = json!({ "$ref": "#/components/parameters/IdempotencyKey" });
        match op["parameters"].as_array_mut() {
            Some(params) => params.push(reference),
            None => op["parameters"] = json!([reference]),
        }
        let answer = |d: &str| {
            if tmf {
                super::openapi_tmf::error(d)
            } else {
                problem(d)
            }
        };
        let Some(responses) = op["responses"].as_object_mut() else {
            continue;
        };
        let busy = "A request with this `Idempotency-Key` is still in progress; retry later";
        match responses.get_mut("409") {
            Some(existing) => {
                let d = existing["description"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                existing["description"] = json!(format!("{d}; or: {}", busy.to_lowercase()));
            }
            None => {
                responses.insert("409".into(), answer(busy));
            }
        }
        responses.insert(
            "422".into(),
            answer("This `Idempotency-Key` was used with another request"),
        );
    }
}

/// What every O2ims operation may answer to bad input, whether the normative document lists
/// it or not: 400 for a malformed parameter (a non-UUID identifier, a filter that does not
/// parse), 413 for a body over the limit.
fn input_errors(doc: &mut Value) {
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        if path.starts_with("/tmf-api/") || path == "/healthz" || path == "/readyz" {
            continue;
        }
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            let takes_input = op
                .get("parameters")
                .is_some_and(|p| p.as_array().is_some_and(|p| !p.is_empty()))
                || path.contains('{');
            let has_body = op.get("requestBody").is_some();
            let Some(responses) = op["responses"].as_object_mut() else {
                continue;
            };
            if takes_input || has_body {
                responses.entry("400").or_insert_with(|| {
                    problem("Bad request: a malformed identifier, parameter or body")
                });
            }
            if has_body {
                responses
                    .entry("413")
                    .or_insert_with(|| problem("The request body is over the limit (1 MiB)"));
            }
        }
    }
}

/// A 429: the body in the route's dialect, and the rate limit's headers.
fn too_many(description: &str, tmf: bool) -> Value {
    let mut answer = if tmf {
        super::openapi_tmf::error(description)
    } else {
        problem(description)
    };
    let seconds =
        |d: &str| json!({ "description": d, "schema": { "type": "integer", "minimum": 0 } });
    answer["headers"] = json!({
        "Retry-After": seconds("Seconds before the request may be retried (rate limits)"),
        "RateLimit-Limit": seconds("Requests the limit allows at once (rate limits)"),
        "RateLimit-Remaining": seconds("Requests left now: 0 (rate limits)"),
        "RateLimit-Reset": seconds("Seconds until the next request is allowed (rate limits)"),
    });
    answer
}

const RATE_LIMITED: &str = "The client address or the caller's tenant is over its request rate; `Retry-After` says when to retry";

/// The operations a tenant's quota limits answer 429 when it is used up (any operation may
/// answer 429 to a rate limit: `security`).
fn quotas(doc: &mut Value) {
    let limited = [
        (
            "/o2ims-infrastructureInventory/v2/subscriptions",
            "post",
            "maxSubscriptions",
        ),
        (
            "/o2ims-infrastructureInventory/v1/subscriptions",
            "post",
            "maxSubscriptions",
        ),
        ("/tmf-api/event/v4/hub", "post", "maxHubs"),
        ("/tmf-api/eventManagement/v4/hub", "post", "maxHubs"),
        (
            "/o2ims-infrastructureInventory/v2/resourcePools",
            "post",
            "maxResourcePools",
        ),
        ("/events/stream", "get", "maxWatchStreams"),
        (
            "/o2ims-infrastructureProvisioning/v1/provisioningRequests",
            "post",
            "maxProvisioningRequests",
        ),
    ];
    for (path, method, quota) in limited {
        let description = format!(
            "The caller's tenant has used up its {quota} quota (close or delete one first), or {}",
            RATE_LIMITED.replacen("The", "the", 1)
        );
        let answer = too_many(&description, path.starts_with("/tmf-api/"));
        if let Some(responses) = doc["paths"][path][method]["responses"].as_object_mut() {
            responses.insert("429".into(), answer);
        }
    }
}

/// Every operation behind the security gate says so: a bearer token (the normative `oauth2`
/// client-credentials scheme, or `bearerAuth` for any issuer), 401 and 403. Health and
/// readiness are open.
fn security(doc: &mut Value) {
    doc["components"]["securitySchemes"]["bearerAuth"] = json!({
        "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
        "description": "An RFC 9068 JWT access token from the configured issuer; the caller's roles come from its roles claim. A token with `cnf.x5t#S256` is accepted only over an mTLS connection with that certificate (RFC 8705)." });
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        if path == "/healthz" || path == "/readyz" {
            continue;
        }
        let tmf = path.starts_with("/tmf-api/");
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            if op.get("security").is_none() {
                op["security"] = json!([{ "bearerAuth": [] }]);
            }
            let Some(responses) = op["responses"].as_object_mut() else {
                continue;
            };
            if !tmf {
                responses
                    .entry("401")
                    .or_insert_with(|| problem("No credentials, or credentials that do not verify; `WWW-Authenticate` says why"));
                responses
                    .entry("403")
                    .or_insert_with(|| problem("The caller's roles do not allow this operation"));
            }
            if path != "/metrics" {
                responses
                    .entry("429")
                    .or_insert_with(|| too_many(RATE_LIMITED, tmf));
            }
        }
    }
}
