//! The fake's HTTP surface (see the module header of `fake_openstack`).

// A handler's early answer is a whole `Response`, as axum handlers return it.
#![allow(clippy::result_large_err)]

use std::{collections::HashMap, time::SystemTime};

use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde_json::{json, Map, Value};

use super::{
    httpdate_iso, iso, parse_iso, Aggregate, Cloud, FakeOpenStack, Service, APP_CREDENTIAL_ID,
    APP_CREDENTIAL_SECRET, DOMAIN, NOVA_MAX, PASSWORD, PROJECT, REGION, USER,
};

type Q = Query<Vec<(String, String)>>;

pub fn router(fake: FakeOpenStack) -> Router {
    Router::new()
        .route("/identity", get(identity_versions))
        .route("/identity/", get(identity_versions))
        .route("/identity/v3", get(identity_version))
        .route("/identity/v3/", get(identity_version))
        .route("/identity/v3/auth/tokens", post(tokens))
        .route("/compute", get(compute_versions))
        .route("/compute/", get(compute_versions))
        .route("/compute/v2.1", get(compute_version))
        .route("/compute/v2.1/", get(compute_version))
        .route(
            "/compute/v2.1/os-aggregates",
            get(aggregates).post(create_aggregate),
        )
        .route(
            "/compute/v2.1/os-aggregates/{id}",
            get(show_aggregate)
                .put(update_aggregate)
                .delete(delete_aggregate),
        )
        .route(
            "/compute/v2.1/os-aggregates/{id}/action",
            post(aggregate_action),
        )
        .route("/compute/v2.1/os-hypervisors", get(hypervisors))
        .route(
            "/compute/v2.1/os-hypervisors/detail",
            get(hypervisors_detail),
        )
        .route("/compute/v2.1/flavors", get(flavors))
        .route("/compute/v2.1/flavors/detail", get(flavors_detail))
        .route("/compute/v2.1/servers", get(servers).post(create_server))
        .route(
            "/compute/v2.1/servers/{id}",
            get(show_server).delete(delete_server),
        )
        .route("/compute/v2.1/servers/detail", get(servers_detail))
        .route("/placement", get(placement_versions))
        .route("/placement/", get(placement_versions))
        .route("/placement/resource_providers", get(providers))
        .route(
            "/placement/resource_providers/{uuid}/inventories",
            get(inventories),
        )
        .route("/placement/resource_providers/{uuid}/usages", get(usages))
        .with_state(fake)
}

fn param<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn nova_error(status: StatusCode, message: &str) -> Response {
    let kind = match status.as_u16() {
        400 => "badRequest",
        401 => "unauthorized",
        404 => "itemNotFound",
        406 => "notAcceptable",
        409 => "conflict",
        _ => "computeFault",
    };
    (
        status,
        Json(json!({kind: {"code": status.as_u16(), "message": message}})),
    )
        .into_response()
}

fn keystone_unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [("WWW-Authenticate", "Keystone uri=\"/identity\"")],
        Json(json!({"error": {"code": 401,
            "message": "The request you have made requires authentication.",
            "title": "Unauthorized"}})),
    )
        .into_response()
}

/// Counts the request; answers the outage or a 401 when there is one.
fn gate(
    fake: &FakeOpenStack,
    service: Service,
    headers: Option<&HeaderMap>,
) -> Result<(), Response> {
    fake.with(|c| {
        *c.requests.entry(service).or_default() += 1;
        if let Some(status) = c.failing.get(&service) {
            let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            return Err(nova_error(
                status,
                "the service is unavailable (fake outage)",
            ));
        }
        if let Some(h) = headers {
            let token = h.get("x-auth-token").and_then(|v| v.to_str().ok());
            if !c.check_token(token) {
                return Err(keystone_unauthorized());
            }
        }
        Ok(())
    })
}

async fn identity_versions(State(f): State<FakeOpenStack>) -> Response {
    if let Err(r) = gate(&f, Service::Identity, None) {
        return r;
    }
    (
        StatusCode::MULTIPLE_CHOICES,
        Json(json!({"versions": {"values": [{"id": "v3.14", "status": "stable",
        "updated": "2020-04-07T00:00:00Z",
        "links": [{"rel": "self", "href": format!("{}/identity/v3/", f.base)}],
        "media-types": [{"base": "application/json", "type": "application/vnd.openstack.identity-v3+json"}]}]}})),
    )
        .into_response()
}

async fn identity_version(State(f): State<FakeOpenStack>) -> Response {
    if let Err(r) = gate(&f, Service::Identity, None) {
        return r;
    }
    Json(json!({"version": {"id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
        "links": [{"rel": "self", "href": format!("{}/identity/v3/", f.base)}],
        "media-types": [{"base": "application/json", "type": "application/vnd.openstack.identity-v3+json"}]}}))
    .into_response()
}

fn catalog(base: &str) -> Value {
    let endpoint = |id: &str, url: String| json!({"id": id, "interface": "public", "region": REGION, "region_id": REGION, "url": url});
    json!([
        {"endpoints": [endpoint("e1", format!("{base}/identity"))], "id": "s1", "type": "identity", "name": "keystone"},
        {"endpoints": [endpoint("e2", format!("{base}/compute/v2.1"))], "id": "s2", "type": "compute", "name": "nova"},
        {"endpoints": [endpoint("e3", format!("{base}/placement"))], "id": "s3", "type": "placement", "name": "placement"},
    ])
}

async fn tokens(State(f): State<FakeOpenStack>, body: Bytes) -> Response {
    if let Err(r) = gate(&f, Service::Identity, None) {
        return r;
    }
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let identity = &body["auth"]["identity"];
    let methods = identity["methods"].clone();
    let ok = match methods[0].as_str() {
        Some("password") => {
            let user = &identity["password"]["user"];
            let by_name = user["name"] == USER
                && (user["domain"]["name"] == DOMAIN || user["domain"]["id"] == "default");
            let scope = &body["auth"]["scope"]["project"];
            let project = scope["name"] == PROJECT
                && (scope["domain"]["name"] == DOMAIN || scope["domain"]["id"] == "default");
            by_name && user["password"] == PASSWORD && project
        }
        Some("application_credential") => {
            let c = &identity["application_credential"];
            c["id"] == APP_CREDENTIAL_ID && c["secret"] == APP_CREDENTIAL_SECRET
        }
        _ => false,
    };
    let (token, expires) = f.with(|c| {
        c.auth_calls += 1;
        let token = uuid::Uuid::new_v4().simple().to_string();
        let expires = SystemTime::now() + c.token_ttl;
        if ok {
            c.tokens.insert(token.clone(), expires);
        }
        (token, expires)
    });
    if !ok {
        return keystone_unauthorized();
    }
    let now = SystemTime::now();
    let mut response = (
        StatusCode::CREATED,
        Json(json!({"token": {
            "methods": methods,
            "user": {"domain": {"id": "default", "name": DOMAIN}, "id": "ee4dfb6e5540447cb3741905149d9b6e", "name": USER, "password_expires_at": null},
            "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
            "expires_at": httpdate_iso(expires, true),
            "issued_at": httpdate_iso(now, true),
            "project": {"domain": {"id": "default", "name": DOMAIN}, "id": "a6944d763bf64ee6a275f1263fae0352", "name": PROJECT},
            "is_domain": false,
            "roles": [{"id": "51cc68287d524c759f47c811e6463340", "name": "admin"}, {"id": "ff6f1b5f6ad74e1b9f0d8a2d7bd3b3d5", "name": "reader"}],
            "catalog": catalog(&f.base),
        }})),
    )
        .into_response();
    response
        .headers_mut()
        .insert("X-Subject-Token", HeaderValue::from_str(&token).unwrap());
    response
}

fn nova_doc(base: &str) -> Value {
    json!({"id": "v2.1", "status": "CURRENT", "version": format!("{}.{}", NOVA_MAX.0, NOVA_MAX.1),
        "min_version": "2.1", "updated": "2013-07-23T11:33:21Z",
        "links": [{"rel": "self", "href": format!("{base}/compute/v2.1/")}],
        "media-types": [{"base": "application/json", "type": "application/vnd.openstack.compute+json;version=2.1"}]})
}

async fn compute_versions(State(f): State<FakeOpenStack>) -> Response {
    if let Err(r) = gate(&f, Service::Compute, None) {
        return r;
    }
    Json(json!({"versions": [nova_doc(&f.base)]})).into_response()
}

async fn compute_version(State(f): State<FakeOpenStack>) -> Response {
    if let Err(r) = gate(&f, Service::Compute, None) {
        return r;
    }
    Json(json!({"version": nova_doc(&f.base)})).into_response()
}

/// The microversion asked for (2.1 without a header); 406 above the maximum.
fn microversion(headers: &HeaderMap) -> Result<(u32, u32), Response> {
    let asked = headers
        .get("openstack-api-version")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("compute "))
        .or_else(|| {
            headers
                .get("x-openstack-nova-api-version")
                .and_then(|v| v.to_str().ok())
        })
        .map(str::trim);
    let Some(asked) = asked else {
        return Ok((2, 1));
    };
    if asked == "latest" {
        return Ok(NOVA_MAX);
    }
    let parsed = asked
        .split_once('.')
        .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
    match parsed {
        Some(v) if v <= NOVA_MAX && v >= (2, 1) => Ok(v),
        _ => Err(nova_error(
            StatusCode::NOT_ACCEPTABLE,
            &format!(
                "Version {asked} is not supported by the API. Minimum is 2.1 and maximum is 2.96."
            ),
        )),
    }
}

/// Gate, token and microversion of a Nova call; the answer echoes the version.
fn nova(
    f: &FakeOpenStack,
    headers: &HeaderMap,
    answer: impl FnOnce((u32, u32), &mut Cloud) -> Response,
) -> Response {
    if let Err(r) = gate(f, Service::Compute, Some(headers)) {
        return r;
    }
    let version = match microversion(headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut response = f.with(|c| {
        c.boot_due();
        answer(version, c)
    });
    let text = format!("compute {}.{}", version.0, version.1);
    let h = response.headers_mut();
    h.insert(
        "OpenStack-API-Version",
        HeaderValue::from_str(&text).unwrap(),
    );
    h.insert("Vary", HeaderValue::from_static("OpenStack-API-Version"));
    response
}

/// One page of the items `ids` names (sorted), after `marker`, each made by `render` (only
/// the page's are), with the next link when more follow.
fn paged(
    base: &str,
    path: &str,
    key: &str,
    mut ids: Vec<String>,
    q: &[(String, String)],
    render: impl Fn(&str) -> Value,
) -> Response {
    ids.sort();
    let mut start = 0;
    if let Some(marker) = param(q, "marker") {
        match ids.binary_search_by(|id| id.as_str().cmp(marker)) {
            Ok(at) => start = at + 1,
            Err(_) => {
                return nova_error(
                    StatusCode::BAD_REQUEST,
                    &format!("marker [{marker}] not found"),
                )
            }
        }
    }
    let limit = param(q, "limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(1000);
    let end = (start + limit).min(ids.len());
    let page = &ids[start..end];
    let mut body = Map::new();
    body.insert(
        key.into(),
        Value::Array(page.iter().map(|id| render(id)).collect()),
    );
    if let (true, Some(last)) = (end < ids.len(), page.last()) {
        body.insert(
            format!("{key}_links"),
            json!([{"href": format!("{base}/compute/v2.1{path}?limit={limit}&marker={last}"), "rel": "next"}]),
        );
    }
    Json(Value::Object(body)).into_response()
}

fn aggregate_json(a: &Aggregate) -> Value {
    json!({"availability_zone": a.zone, "created_at": httpdate_iso(a.created, true).trim_end_matches('Z'),
        "deleted": false, "deleted_at": null, "hosts": a.hosts, "id": a.id,
        "metadata": a.metadata, "name": a.name,
        "updated_at": a.updated.map(|t| httpdate_iso(t, true).trim_end_matches('Z').to_owned()),
        "uuid": a.uuid})
}

async fn aggregates(State(f): State<FakeOpenStack>, headers: HeaderMap) -> Response {
    nova(&f, &headers, |_, c| {
        Json(json!({"aggregates": c.aggregates.values().map(aggregate_json).collect::<Vec<_>>()}))
            .into_response()
    })
}

async fn show_aggregate(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    Path(id): Path<u64>,
) -> Response {
    nova(&f, &headers, |_, c| match c.aggregates.get(&id) {
        Some(a) => Json(json!({"aggregate": aggregate_json(a)})).into_response(),
        None => nova_error(
            StatusCode::NOT_FOUND,
            &format!("Aggregate {id} could not be found."),
        ),
    })
}

async fn create_aggregate(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    nova(&f, &headers, |_, c| {
        let Some(name) = body["aggregate"]["name"]
            .as_str()
            .filter(|n| !n.is_empty() && n.len() <= 255)
        else {
            return nova_error(
                StatusCode::BAD_REQUEST,
                "Invalid input for field/attribute name.",
            );
        };
        if c.aggregates.values().any(|a| a.name == name) {
            return nova_error(
                StatusCode::CONFLICT,
                &format!("Aggregate {name} already exists."),
            );
        }
        let zone = body["aggregate"]["availability_zone"].as_str();
        let id = c.add_aggregate(name, zone, &[]);
        Json(json!({"aggregate": aggregate_json(&c.aggregates[&id])})).into_response()
    })
}

async fn update_aggregate(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    Path(id): Path<u64>,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    nova(&f, &headers, |_, c| {
        let Some(a) = c.aggregates.get_mut(&id) else {
            return nova_error(
                StatusCode::NOT_FOUND,
                &format!("Aggregate {id} could not be found."),
            );
        };
        if let Some(name) = body["aggregate"]["name"].as_str() {
            a.name = name.into();
        }
        a.updated = Some(SystemTime::now());
        Json(json!({"aggregate": aggregate_json(a)})).into_response()
    })
}

async fn delete_aggregate(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    Path(id): Path<u64>,
) -> Response {
    nova(&f, &headers, |_, c| match c.aggregates.get(&id) {
        None => nova_error(
            StatusCode::NOT_FOUND,
            &format!("Aggregate {id} could not be found."),
        ),
        Some(a) if !a.hosts.is_empty() => nova_error(
            StatusCode::BAD_REQUEST,
            &format!(
                "Cannot remove host from aggregate {id}. Reason: Host aggregate is not empty."
            ),
        ),
        Some(_) => {
            c.aggregates.remove(&id);
            StatusCode::OK.into_response()
        }
    })
}

async fn aggregate_action(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    Path(id): Path<u64>,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    nova(&f, &headers, |_, c| {
        let known_hosts: Vec<String> = c.hypervisors.values().map(|h| h.host.clone()).collect();
        let Some(a) = c.aggregates.get_mut(&id) else {
            return nova_error(
                StatusCode::NOT_FOUND,
                &format!("Aggregate {id} could not be found."),
            );
        };
        if let Some(host) = body["add_host"]["host"].as_str() {
            if !known_hosts.iter().any(|h| h == host) {
                return nova_error(
                    StatusCode::NOT_FOUND,
                    &format!("Compute host {host} could not be found."),
                );
            }
            if a.hosts.iter().any(|h| h == host) {
                return nova_error(
                    StatusCode::CONFLICT,
                    &format!(
                        "Cannot add host to aggregate {id}. Reason: Host already in aggregate."
                    ),
                );
            }
            a.hosts.push(host.into());
        } else if let Some(host) = body["remove_host"]["host"].as_str() {
            if !a.hosts.iter().any(|h| h == host) {
                return nova_error(
                    StatusCode::NOT_FOUND,
                    &format!("Cannot remove host {host} in aggregate {id}"),
                );
            }
            a.hosts.retain(|h| h != host);
        } else if let Some(metadata) = body["set_metadata"]["metadata"].as_object() {
            for (k, v) in metadata {
                if v.is_null() {
                    a.metadata.remove(k);
                } else {
                    a.metadata.insert(k.clone(), v.clone());
                }
            }
        } else {
            return nova_error(StatusCode::BAD_REQUEST, "Invalid action.");
        }
        a.updated = Some(SystemTime::now());
        Json(json!({"aggregate": aggregate_json(a)})).into_response()
    })
}

fn hypervisor_json(c: &Cloud, h: &super::Hypervisor, version: (u32, u32), detail: bool) -> Value {
    let mut v = json!({"hypervisor_hostname": h.hostname, "id": h.id, "state": h.state, "status": h.status});
    if !detail {
        return v;
    }
    v["host_ip"] = json!(h.ip);
    v["hypervisor_type"] = json!(h.hypervisor_type);
    v["hypervisor_version"] = json!(8_002_000);
    v["service"] = json!({"disabled_reason": h.disabled_reason, "host": h.host, "id": format!("{}-svc", &h.id[..8])});
    if version >= (2, 88) {
        v["uptime"] = Value::Null;
    } else if let Some(p) = c.providers.get(&h.id) {
        let total = |k: &str| p.inventories.get(k).map(|i| i.0).unwrap_or(0);
        let used = |k: &str| p.usages.get(k).copied().unwrap_or(0);
        for (field, class) in [
            ("vcpus", "VCPU"),
            ("memory_mb", "MEMORY_MB"),
            ("local_gb", "DISK_GB"),
        ] {
            v[field] = json!(total(class));
            v[format!("{field}_used")] = json!(used(class));
        }
        v["current_workload"] = json!(0);
        v["running_vms"] = json!(c
            .servers
            .values()
            .filter(|s| !s.deleted && s.host.as_deref() == Some(&h.host))
            .count());
        v["cpu_info"] = json!("{}");
        v["disk_available_least"] = json!(total("DISK_GB") - used("DISK_GB"));
        v["free_disk_gb"] = json!(total("DISK_GB") - used("DISK_GB"));
        v["free_ram_mb"] = json!(total("MEMORY_MB") - used("MEMORY_MB"));
    }
    v
}

async fn hypervisors(State(f): State<FakeOpenStack>, headers: HeaderMap, q: Q) -> Response {
    let base = f.base.clone();
    nova(&f, &headers, |v, c| {
        let ids = c.hypervisors.keys().cloned().collect();
        paged(&base, "/os-hypervisors", "hypervisors", ids, &q, |id| {
            hypervisor_json(c, &c.hypervisors[id], v, false)
        })
    })
}

async fn hypervisors_detail(State(f): State<FakeOpenStack>, headers: HeaderMap, q: Q) -> Response {
    let base = f.base.clone();
    nova(&f, &headers, |v, c| {
        let ids = c.hypervisors.keys().cloned().collect();
        paged(
            &base,
            "/os-hypervisors/detail",
            "hypervisors",
            ids,
            &q,
            |id| hypervisor_json(c, &c.hypervisors[id], v, true),
        )
    })
}

fn flavor_json(base: &str, fl: &super::Flavor, version: (u32, u32), detail: bool) -> Value {
    let links = json!([{"href": format!("{base}/compute/v2.1/flavors/{}", fl.id), "rel": "self"},
        {"href": format!("{base}/compute/flavors/{}", fl.id), "rel": "bookmark"}]);
    if !detail {
        return json!({"id": fl.id, "name": fl.name, "links": links, "description": null});
    }
    let mut v = json!({"OS-FLV-DISABLED:disabled": false, "disk": fl.disk, "OS-FLV-EXT-DATA:ephemeral": 0,
        "os-flavor-access:is_public": true, "id": fl.id, "links": links, "name": fl.name,
        "ram": fl.ram, "swap": 0, "vcpus": fl.vcpus, "rxtx_factor": 1.0, "description": null});
    if version >= (2, 61) {
        v["extra_specs"] = Value::Object(fl.extra_specs.clone());
    }
    v
}

async fn flavors(State(f): State<FakeOpenStack>, headers: HeaderMap, q: Q) -> Response {
    let base = f.base.clone();
    nova(&f, &headers, |v, c| {
        let ids = c.flavors.keys().cloned().collect();
        paged(&base, "/flavors", "flavors", ids, &q, |id| {
            flavor_json(&base, &c.flavors[id], v, false)
        })
    })
}

async fn flavors_detail(State(f): State<FakeOpenStack>, headers: HeaderMap, q: Q) -> Response {
    let base = f.base.clone();
    nova(&f, &headers, |v, c| {
        let ids = c.flavors.keys().cloned().collect();
        paged(&base, "/flavors/detail", "flavors", ids, &q, |id| {
            flavor_json(&base, &c.flavors[id], v, true)
        })
    })
}

fn server_json(
    base: &str,
    index: &Index,
    s: &super::Server,
    version: (u32, u32),
    detail: bool,
) -> Value {
    let links = json!([{"href": format!("{base}/compute/v2.1/servers/{}", s.id), "rel": "self"},
        {"href": format!("{base}/compute/servers/{}", s.id), "rel": "bookmark"}]);
    if !detail {
        return json!({"id": s.id, "name": s.name, "links": links});
    }
    let fl = index.flavors.get(s.flavor.as_str()).copied();
    let flavor = if version >= (2, 47) {
        json!({"disk": fl.map(|f| f.disk), "ephemeral": 0, "extra_specs": fl.map(|f| f.extra_specs.clone()).unwrap_or_default(),
            "original_name": s.flavor, "ram": fl.map(|f| f.ram), "swap": 0, "vcpus": fl.map(|f| f.vcpus)})
    } else {
        json!({"id": fl.map(|f| f.id.clone()), "links": []})
    };
    let hypervisor = s.host.as_deref().and_then(|h| index.hosts.get(h).copied());
    let (vm_state, power) = match s.status.as_str() {
        "ACTIVE" => ("active", 1),
        "ERROR" => ("error", 0),
        "SHUTOFF" => ("stopped", 4),
        "BUILD" => ("building", 0),
        "DELETED" => ("deleted", 0),
        _ => ("active", 1),
    };
    let mut v = json!({"accessIPv4": "", "accessIPv6": "", "addresses": {},
        "created": iso(s.created), "description": null, "flavor": flavor,
        "hostId": s.host.as_ref().map(|h| format!("{:x}", md5ish(h))).unwrap_or_default(),
        "id": s.id, "image": "", "key_name": null, "links": links, "metadata": s.metadata,
        "name": s.name, "config_drive": "", "locked": false, "locked_reason": null,
        "OS-DCF:diskConfig": "MANUAL", "OS-EXT-AZ:availability_zone": s.zone,
        "OS-EXT-SRV-ATTR:host": s.host, "OS-EXT-SRV-ATTR:hypervisor_hostname": hypervisor.map(|h| h.hostname.clone()),
        "OS-EXT-SRV-ATTR:instance_name": format!("instance-{}", &s.id[..8]),
        "OS-EXT-SRV-ATTR:hostname": s.name,
        "OS-EXT-STS:power_state": power, "OS-EXT-STS:task_state": null, "OS-EXT-STS:vm_state": vm_state,
        "os-extended-volumes:volumes_attached": [], "OS-SRV-USG:launched_at": null, "OS-SRV-USG:terminated_at": null,
        "progress": 0, "security_groups": [{"name": "default"}], "status": s.status, "tags": [],
        "tenant_id": s.project, "trusted_image_certificates": null, "updated": iso(s.updated), "user_id": "fake"});
    if version >= (2, 96) {
        v["pinned_availability_zone"] = Value::Null;
    }
    if let Some(fault) = &s.fault {
        v["fault"] = fault.clone();
    }
    v
}

fn md5ish(text: &str) -> u128 {
    // hostId is an opaque hash of the project and host; any stable hash will do.
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u128, |h, b| {
        (h ^ b as u128).wrapping_mul(0x0100_0000_01b3)
    })
}

fn listed_servers(
    base: &str,
    c: &mut Cloud,
    v: (u32, u32),
    q: &[(String, String)],
    detail: bool,
) -> Response {
    let since = match param(q, "changes-since") {
        Some(t) => match parse_iso(t) {
            Some(t) => Some(t),
            None => {
                return nova_error(
                    StatusCode::BAD_REQUEST,
                    &format!("Invalid input for query parameters changes-since. Value: {t}."),
                )
            }
        },
        None => None,
    };
    c.server_lists += 1;
    if since.is_none() && param(q, "marker").is_none() {
        c.full_server_lists += 1;
    }
    let ids: Vec<String> = c
        .servers
        .values()
        .filter(|s| match since {
            // changes-since also lists deleted servers.
            Some(t) => s.updated >= t,
            None => !s.deleted,
        })
        .map(|s| s.id.clone())
        .collect();
    let index = Index::of(c);
    let c = &*c;
    paged(
        base,
        if detail {
            "/servers/detail"
        } else {
            "/servers"
        },
        "servers",
        ids,
        q,
        |id| server_json(base, &index, &c.servers[id], v, detail),
    )
}

/// Hypervisors by host and flavors by name, built once per list.
struct Index<'a> {
    hosts: HashMap<&'a str, &'a super::Hypervisor>,
    flavors: HashMap<&'a str, &'a super::Flavor>,
}

impl<'a> Index<'a> {
    fn of(c: &'a Cloud) -> Index<'a> {
        Index {
            hosts: c
                .hypervisors
                .values()
                .map(|h| (h.host.as_str(), h))
                .collect(),
            flavors: c.flavors.values().map(|f| (f.name.as_str(), f)).collect(),
        }
    }
}

/// `POST /servers` (nova `server-create-req.json` / `server-create-resp.json`): 202 with the
/// new server's id, links and `adminPass`; `networks` is required from 2.37.
async fn create_server(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let base = f.base.clone();
    nova(&f, &headers, |v, c| {
        let s = &body["server"];
        let Some(name) = s["name"].as_str().filter(|n| !n.is_empty()) else {
            return nova_error(
                StatusCode::BAD_REQUEST,
                "Invalid input for field/attribute name.",
            );
        };
        let flavor_ref = s["flavorRef"].as_str().unwrap_or_default();
        let flavor_ref = flavor_ref.rsplit('/').next().unwrap_or_default();
        let Some(flavor) = c
            .flavors
            .values()
            .find(|fl| fl.id == flavor_ref || fl.name == flavor_ref)
            .map(|fl| fl.name.clone())
        else {
            return nova_error(
                StatusCode::BAD_REQUEST,
                &format!("Flavor {flavor_ref} could not be found."),
            );
        };
        if v >= (2, 37) && s.get("networks").is_none() {
            return nova_error(
                StatusCode::BAD_REQUEST,
                "Invalid input for field/attribute server. Value: networks is a required property",
            );
        }
        let zone = s["availability_zone"].as_str();
        let metadata = s["metadata"].as_object().cloned().unwrap_or_default();
        let id = c.create_server(name, &flavor, zone, metadata);
        let href = format!("{base}/compute/v2.1/servers/{id}");
        let mut response = (
            StatusCode::ACCEPTED,
            Json(
                json!({"server": {"OS-DCF:diskConfig": "MANUAL", "adminPass": "6NpUwoz2QDRN",
                "id": id, "links": [{"href": href, "rel": "self"},
                    {"href": format!("{base}/compute/servers/{id}"), "rel": "bookmark"}],
                "security_groups": [{"name": "default"}]}}),
            ),
        )
            .into_response();
        response
            .headers_mut()
            .insert("Location", HeaderValue::from_str(&href).unwrap());
        response
    })
}

async fn show_server(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let base = f.base.clone();
    nova(&f, &headers, |v, c| {
        match c.servers.get(&id).filter(|s| !s.deleted) {
            Some(s) => {
                let index = Index::of(c);
                Json(json!({"server": server_json(&base, &index, s, v, true)})).into_response()
            }
            None => nova_error(
                StatusCode::NOT_FOUND,
                &format!("Instance {id} could not be found."),
            ),
        }
    })
}

async fn delete_server(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    nova(&f, &headers, |_, c| {
        if c.servers.get(&id).is_none_or(|s| s.deleted) {
            return nova_error(
                StatusCode::NOT_FOUND,
                &format!("Instance {id} could not be found."),
            );
        }
        c.delete_server(&id);
        StatusCode::NO_CONTENT.into_response()
    })
}

async fn servers(State(f): State<FakeOpenStack>, headers: HeaderMap, q: Q) -> Response {
    let base = f.base.clone();
    nova(&f, &headers, |v, c| listed_servers(&base, c, v, &q, false))
}

async fn servers_detail(State(f): State<FakeOpenStack>, headers: HeaderMap, q: Q) -> Response {
    let base = f.base.clone();
    nova(&f, &headers, |v, c| listed_servers(&base, c, v, &q, true))
}

async fn placement_versions(State(f): State<FakeOpenStack>) -> Response {
    if let Err(r) = gate(&f, Service::Placement, None) {
        return r;
    }
    Json(
        json!({"versions": [{"id": "v1.0", "max_version": "1.39", "min_version": "1.0",
        "status": "CURRENT", "links": [{"href": "", "rel": "self"}]}]}),
    )
    .into_response()
}

fn placement(
    f: &FakeOpenStack,
    headers: &HeaderMap,
    answer: impl FnOnce(&mut Cloud) -> Response,
) -> Response {
    if let Err(r) = gate(f, Service::Placement, Some(headers)) {
        return r;
    }
    let mut response = f.with(answer);
    let asked = headers
        .get("openstack-api-version")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("placement "))
        .unwrap_or("1.0")
        .to_owned();
    response.headers_mut().insert(
        "OpenStack-API-Version",
        HeaderValue::from_str(&format!("placement {asked}")).unwrap(),
    );
    response
}

fn placement_not_found(uuid: &str) -> Response {
    (StatusCode::NOT_FOUND, Json(json!({"errors": [{"status": 404, "title": "Not Found",
        "detail": format!("No resource provider with uuid {uuid} found"), "request_id": "req-fake"}]}))).into_response()
}

async fn providers(State(f): State<FakeOpenStack>, headers: HeaderMap) -> Response {
    let base = f.base.clone();
    placement(&f, &headers, |c| {
        let all: Vec<Value> = c.providers.iter().map(|(uuid, p)| json!({
            "generation": p.generation, "uuid": uuid, "name": p.name,
            "parent_provider_uuid": null, "root_provider_uuid": uuid,
            "links": [{"href": format!("{base}/placement/resource_providers/{uuid}"), "rel": "self"},
                {"href": format!("{base}/placement/resource_providers/{uuid}/inventories"), "rel": "inventories"},
                {"href": format!("{base}/placement/resource_providers/{uuid}/usages"), "rel": "usages"}]
        })).collect();
        Json(json!({"resource_providers": all})).into_response()
    })
}

async fn inventories(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    Path(uuid): Path<String>,
) -> Response {
    placement(&f, &headers, |c| match c.providers.get(&uuid) {
        None => placement_not_found(&uuid),
        Some(p) => {
            let inventories: Map<String, Value> = p
                .inventories
                .iter()
                .map(|(class, (total, reserved, ratio))| {
                    (
                        class.clone(),
                        json!({"allocation_ratio": ratio, "max_unit": total, "min_unit": 1,
                    "reserved": reserved, "step_size": 1, "total": total}),
                    )
                })
                .collect();
            Json(json!({"inventories": inventories, "resource_provider_generation": p.generation}))
                .into_response()
        }
    })
}

async fn usages(
    State(f): State<FakeOpenStack>,
    headers: HeaderMap,
    Path(uuid): Path<String>,
) -> Response {
    placement(&f, &headers, |c| match c.providers.get(&uuid) {
        None => placement_not_found(&uuid),
        Some(p) => {
            let usages: Map<String, Value> = p
                .inventories
                .keys()
                .map(|class| {
                    (
                        class.clone(),
                        json!(p.usages.get(class).copied().unwrap_or(0)),
                    )
                })
                .collect();
            Json(json!({"resource_provider_generation": p.generation, "usages": usages}))
                .into_response()
        }
    })
}
