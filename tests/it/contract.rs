//! Contracts that keep the sources of truth in step: proto annotations ⇄ REST routes,
//! served OpenAPI ⇄ REST routes, proto fields ⇄ spec schemas, README ⇄ config struct, and a
//! check that the response validator does reject bad bodies.

use std::collections::BTreeSet;

use netweave::{config::Config, proto::FILE_DESCRIPTOR_SET};
use prost_reflect::{DescriptorPool, DynamicMessage, Value as PValue};
use reqwest::Method;
use serde_json::{json, Value};

/// `/a/{x}/b` and `/a/{anything}/b` compare equal.
fn normalise(path: &str) -> String {
    path.split('/')
        .map(|s| if s.starts_with('{') { "{}" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

fn rule_bindings(rule: &DynamicMessage) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for verb in ["get", "put", "post", "delete", "patch"] {
        if rule.has_field_by_name(verb) {
            if let Some(PValue::String(path)) = rule.get_field_by_name(verb).as_deref() {
                out.push((verb.to_uppercase(), normalise(path)));
            }
        }
    }
    if let Some(PValue::List(extra)) = rule.get_field_by_name("additional_bindings").as_deref() {
        for binding in extra {
            if let PValue::Message(m) = binding {
                out.extend(rule_bindings(m));
            }
        }
    }
    out
}

/// (method, path, rpc) of every `google.api.http` binding in the protos.
fn annotated() -> BTreeSet<(String, String, String)> {
    let pool = DescriptorPool::decode(FILE_DESCRIPTOR_SET).expect("descriptor set decodes");
    let http = pool
        .get_extension_by_name("google.api.http")
        .expect("google.api.http is known");
    let mut out = BTreeSet::new();
    for service in pool
        .services()
        .filter(|s| s.package_name().starts_with("netweave."))
    {
        for method in service.methods() {
            let options = method.options();
            assert!(
                options.has_extension(&http),
                "{} has no google.api.http route",
                method.full_name()
            );
            let rule = options.get_extension(&http);
            let PValue::Message(rule) = rule.as_ref() else {
                panic!("http rule is a message")
            };
            let rpc = format!("{}/{}", service.full_name(), method.name());
            for (verb, path) in rule_bindings(rule) {
                out.insert((verb, path, rpc.clone()));
            }
        }
    }
    out
}

#[test]
fn every_rpc_has_a_rest_route_and_every_route_an_rpc() {
    let annotated = annotated();
    let routes = netweave::http::rpc_table().routes;
    let served: BTreeSet<(String, String, String)> = routes
        .iter()
        .map(|r| (r.method.to_string(), normalise(&r.path), r.rpc.clone()))
        .collect();
    let missing_routes: Vec<_> = annotated.difference(&served).collect();
    let missing_rpcs: Vec<_> = served.difference(&annotated).collect();
    assert!(
        missing_routes.is_empty(),
        "annotated RPC bindings with no REST route: {missing_routes:#?}"
    );
    assert!(
        missing_rpcs.is_empty(),
        "REST routes with no RPC binding: {missing_rpcs:#?}"
    );
    assert!(
        annotated.len() >= 40,
        "expected every binding, got {}",
        annotated.len()
    );
}

#[test]
fn the_served_openapi_describes_exactly_the_served_routes() {
    let routes = netweave::http::rpc_table().routes;
    let doc = netweave::http::openapi::document(&routes);
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), normalise(path)));
        }
    }
    let mut served: BTreeSet<(String, String)> = routes
        .iter()
        .map(|r| (r.method.to_string(), normalise(&r.path)))
        .collect();
    for ops in ["/healthz", "/readyz", "/metrics", "/openapi.json"] {
        served.insert(("GET".into(), ops.into()));
    }
    assert_eq!(documented, served);
}

#[test]
fn proto_messages_carry_every_spec_field_with_its_json_name() {
    let pool = DescriptorPool::decode(FILE_DESCRIPTOR_SET).unwrap();
    let spec = netweave::http::openapi::normative();
    for (message, schema) in [
        ("OCloudInfo", "OCloudInfo"),
        ("DeploymentManager", "DeploymentManager"),
        ("ResourceType", "ResourceType"),
        ("ResourcePool", "ResourcePool"),
        ("Resource", "Resource"),
        ("AlarmDictionary", "AlarmDictionary"),
        ("AlarmDefinition", "AlarmDefinition"),
        ("LocationInfo", "LocationInfo"),
        ("OCloudSiteInfo", "OCloudSiteInfo"),
        ("Subscription", "Subscription"),
        ("ApiVersions", "APIVersions"),
    ] {
        let descriptor = pool
            .get_message_by_name(&format!("netweave.o2ims.v1.{message}"))
            .unwrap_or_else(|| panic!("no message {message}"));
        // netweave extensions, documented in the proto and the README.
        let extensions: &[&str] = if message == "Subscription" {
            &["webhookSecret", "hubId"]
        } else {
            &[]
        };
        let proto: BTreeSet<String> = descriptor
            .fields()
            .map(|f| f.json_name().to_owned())
            .filter(|n| !extensions.contains(&n.as_str()))
            .collect();
        let fields: BTreeSet<String> = spec["components"]["schemas"][schema]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no schema {schema}"))
            .keys()
            .cloned()
            .collect();
        assert_eq!(proto, fields, "{message} vs schema {schema}");
    }
}

#[test]
fn monitoring_messages_carry_every_spec_field_with_its_json_name() {
    let pool = DescriptorPool::decode(FILE_DESCRIPTOR_SET).unwrap();
    let spec = netweave::http::openapi::normative_monitoring();
    for (message, schema) in [
        ("AlarmEventRecord", "AlarmEventRecord"),
        (
            "AlarmEventRecordModifications",
            "AlarmEventRecordModifications",
        ),
        ("AlarmServiceConfiguration", "AlarmServiceConfiguration"),
        (
            "AlarmServiceConfigurationPatch",
            "AlarmServiceConfigurationPatch",
        ),
        ("Alert", "Alert"),
    ] {
        let descriptor = pool
            .get_message_by_name(&format!("netweave.monitoring.v1.{message}"))
            .unwrap_or_else(|| panic!("no message {message}"));
        let proto: BTreeSet<String> = descriptor
            .fields()
            .map(|f| f.json_name().to_owned())
            .collect();
        let fields: BTreeSet<String> = spec["components"]["schemas"][schema]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no schema {schema}"))
            .keys()
            .cloned()
            .collect();
        assert_eq!(proto, fields, "{message} vs schema {schema}");
    }
    // The Alertmanager payload: every field but the optional `subscriber` (oran-o2ims's own).
    let request = pool
        .get_message_by_name("netweave.monitoring.v1.IngestAlertmanagerNotificationRequest")
        .unwrap();
    let proto: BTreeSet<String> = request.fields().map(|f| f.json_name().to_owned()).collect();
    let mut fields: BTreeSet<String> = spec["components"]["schemas"]["AlertmanagerNotification"]
        ["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    fields.remove("subscriber");
    assert_eq!(proto, fields);
}

fn config_keys(prefix: &str, value: &Value, out: &mut BTreeSet<String>) {
    for (key, v) in value.as_object().unwrap() {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        if v.is_object() {
            config_keys(&name, v, out);
        } else {
            out.insert(name);
        }
    }
}

#[test]
fn readme_configuration_table_matches_the_config_struct() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = readme
        .split("<!-- config-table:start -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- config-table:end -->").next())
        .expect("README has the config table markers");
    let documented: BTreeSet<String> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect();
    let mut keys = BTreeSet::new();
    // Every backend kind's section with its defaults, as `netweave config` prints them.
    let config = netweave::backend::registry::with_defaults(Config::default());
    let mut defaults = serde_json::to_value(config).unwrap();
    defaults["grpc_listen"] = json!("");
    defaults["redis_url"] = json!("");
    config_keys("", &defaults, &mut keys);
    assert_eq!(documented, keys, "README configuration table vs Config");
}

#[test]
fn the_contract_validator_rejects_bad_bodies() {
    let path =
        "/o2ims-infrastructureInventory/v2/resourcePools/6f1b1c1e-0000-4000-8000-000000000001";
    let good = json!({"resourcePoolId": "6f1b1c1e-0000-4000-8000-000000000001", "name": "p", "oCloudSiteId": "6f1b1c1e-0000-4000-8000-000000000002", "description": ""});
    assert!(
        crate::spec::errors(&Method::GET, path, 200, Some("application/json"), &good).is_empty()
    );
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("name");
    assert!(
        !crate::spec::errors(&Method::GET, path, 200, Some("application/json"), &missing)
            .is_empty()
    );
    let mut bad_uuid = good.clone();
    bad_uuid["oCloudSiteId"] = json!("site-1");
    assert!(
        !crate::spec::errors(&Method::GET, path, 200, Some("application/json"), &bad_uuid)
            .is_empty(),
        "format uuid is checked"
    );
    assert!(
        !crate::spec::errors(&Method::GET, path, 418, Some("application/json"), &good).is_empty()
    );
    assert!(
        !crate::spec::errors(
            &Method::GET,
            path,
            404,
            Some("application/json"),
            &json!({"status": 404, "detail": "x"})
        )
        .is_empty(),
        "errors must be problem+json"
    );
}

#[test]
fn operation_ids_are_unique_in_the_served_document_ignoring_case() {
    let doc = netweave::http::openapi::document(&netweave::http::rpc_table().routes);
    let mut seen = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                // Generators turn ids into snake_case names: unique ignoring case too.
                assert!(
                    seen.insert(id.to_ascii_lowercase()),
                    "operationId {id} repeats (ignoring case) at {method} {path}"
                );
            }
        }
    }
}
