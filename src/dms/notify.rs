//! VNF lifecycle change notifications (SOL003 v3.3.1 §5.5.2.16–19, as Tacker's v2 sends
//! them): every change becomes an event on the one stream, so webhook workers deliver it to the
//! lifecycle subscriptions it matches — durable, retried, in order per VNF instance,
//! dead-lettered — and Watch and SSE carry it too.
//!
//! - `VnfIdentifierCreationNotification` when an instance is created,
//! - `VnfLcmOperationOccurrenceNotification` on every state an occurrence enters (START for
//!   STARTING, and for MODIFY_INFO's PROCESSING; RESULT for the others),
//! - `VnfIdentifierDeletionNotification` when an instance is deleted.
//!
//! Every event of an instance names the instance's path as its `objectRef`, which is what
//! deliveries are ordered by.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{json, Value};

use super::lcm::{instance_path, op_path, OpOcc, OpState, VnfInstance, ROOT};
use crate::events::{
    model::{now_rfc3339, EventSource, LCM_INSTANCE},
    Event,
};

pub const CREATION: &str = "VnfIdentifierCreationNotification";
pub const DELETION: &str = "VnfIdentifierDeletionNotification";
pub const OCCURRENCE: &str = "VnfLcmOperationOccurrenceNotification";
const NOTIFICATION_TYPES: [&str; 3] = [CREATION, DELETION, OCCURRENCE];

/// SOL003's `LcmOperationType`.
const OPERATION_TYPES: [&str; 12] = [
    "INSTANTIATE",
    "SCALE",
    "SCALE_TO_LEVEL",
    "CHANGE_FLAVOUR",
    "TERMINATE",
    "HEAL",
    "OPERATE",
    "CHANGE_EXT_CONN",
    "MODIFY_INFO",
    "CREATE_SNAPSHOT",
    "REVERT_TO_SNAPSHOT",
    "CHANGE_VNFPKG",
];
const OPERATION_STATES: [OpState; 7] = [
    OpState::Starting,
    OpState::Processing,
    OpState::Completed,
    OpState::FailedTemp,
    OpState::Failed,
    OpState::RollingBack,
    OpState::RolledBack,
];

/// The event kinds of lifecycle events.
pub const INSTANCE_KIND: &str = "VnfInstance";
pub const OCCURRENCE_KIND: &str = "VnfLcmOpOcc";

/// Whether `event` is a lifecycle event (only lifecycle subscriptions take them).
pub fn is_lifecycle(event: &Event) -> bool {
    event.source.instance_id == LCM_INSTANCE
}

/// What a subscription filter may match an instance by (`vnfInstanceSubscriptionFilter`),
/// kept on each event of the instance.
pub fn subject(instance: &VnfInstance) -> BTreeMap<String, String> {
    let mut m = BTreeMap::from([
        ("vnfInstanceId".to_owned(), instance.id.clone()),
        ("vnfdId".to_owned(), instance.vnfd_id.clone()),
        ("vnfProvider".to_owned(), instance.vnf_provider.clone()),
        (
            "vnfProductName".to_owned(),
            instance.vnf_product_name.clone(),
        ),
        (
            "vnfSoftwareVersion".to_owned(),
            instance.vnf_software_version.clone(),
        ),
        ("vnfdVersion".to_owned(), instance.vnfd_version.clone()),
    ]);
    if let Some(name) = &instance.name {
        m.insert("vnfInstanceName".to_owned(), name.clone());
    }
    if let Some(tenant) = &instance.tenant {
        m.insert("tenant".to_owned(), tenant.clone());
    }
    m
}

fn event(
    notification_type: &str,
    kind: &str,
    id: &str,
    instance_id: &str,
    prior: Option<Value>,
    post: Option<Value>,
    mut metadata: BTreeMap<String, String>,
) -> Event {
    metadata.insert("notificationType".to_owned(), notification_type.to_owned());
    Event {
        event_id: uuid::Uuid::new_v4().to_string(),
        cursor: 0,
        source: EventSource {
            backend: "dms".to_owned(),
            instance_id: LCM_INSTANCE.to_owned(),
        },
        event_type: format!("vnflcm.{notification_type}"),
        object_kind: kind.to_owned(),
        object_id: id.to_owned(),
        object_ref: instance_path(instance_id),
        prior_object_state: prior,
        post_object_state: post,
        occurred_at: now_rfc3339(),
        published_at: String::new(),
        metadata,
    }
}

/// The event of `instance`'s creation.
pub fn created(instance: &VnfInstance) -> Event {
    let id = &instance.id;
    event(
        CREATION,
        INSTANCE_KIND,
        id,
        id,
        None,
        Some(instance.shape()),
        subject(instance),
    )
}

/// The event of `instance`'s deletion.
pub fn deleted(instance: &VnfInstance) -> Event {
    let id = &instance.id;
    event(
        DELETION,
        INSTANCE_KIND,
        id,
        id,
        Some(instance.shape()),
        None,
        subject(instance),
    )
}

/// The event of `op` entering its current state.
pub fn occurrence(op: &OpOcc) -> Event {
    event(
        OCCURRENCE,
        OCCURRENCE_KIND,
        &op.id,
        &op.vnf_instance_id,
        None,
        Some(op.shape()),
        op.subject.clone(),
    )
}

/// START (the operation begins) or RESULT (it reached a state).
fn status(operation: &str, state: &str) -> &'static str {
    match (operation, state) {
        (_, "STARTING") | ("MODIFY_INFO", "PROCESSING") => "START",
        _ => "RESULT",
    }
}

/// The notification `event` makes for subscription `subscription_id` (`id`: the notification's
/// identifier, the same on every attempt).
pub fn notification(event: &Event, subscription_id: &str, id: &str, verbosity: &str) -> Value {
    let notification_type = event
        .metadata
        .get("notificationType")
        .cloned()
        .unwrap_or_default();
    let instance_id = event
        .metadata
        .get("vnfInstanceId")
        .cloned()
        .unwrap_or_default();
    let mut links = json!({
        "vnfInstance": {"href": instance_path(&instance_id)},
        "subscription": {"href": format!("{ROOT}/subscriptions/{subscription_id}")},
    });
    let mut n = json!({
        "id": id,
        "notificationType": notification_type,
        "subscriptionId": subscription_id,
        "timeStamp": event.occurred_at,
        "vnfInstanceId": instance_id,
    });
    if notification_type == OCCURRENCE {
        let op = event.post_object_state.clone().unwrap_or_default();
        let text = |k: &str| op.get(k).and_then(Value::as_str).unwrap_or_default();
        n["notificationStatus"] = json!(status(text("operation"), text("operationState")));
        n["operationState"] = json!(text("operationState"));
        n["operation"] = json!(text("operation"));
        n["isAutomaticInvocation"] = json!(false);
        n["verbosity"] = json!(verbosity);
        n["vnfLcmOpOccId"] = json!(event.object_id);
        links["vnfLcmOpOcc"] = json!({"href": op_path(&event.object_id)});
        if let Some(e) = op.get("error") {
            n["error"] = e.clone();
        }
        if verbosity == "FULL" {
            if let Some(vnfcs) = op
                .pointer("/resourceChanges/affectedVnfcs")
                .filter(|v| v.as_array().is_some_and(|a| !a.is_empty()))
            {
                n["affectedVnfcs"] = vnfcs.clone();
            }
        }
    }
    n["_links"] = links;
    n
}

/// `LifecycleChangeNotificationsFilter`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Filter {
    vnf_instance_subscription_filter: Option<InstanceFilter>,
    notification_types: Option<Vec<String>>,
    operation_types: Option<Vec<String>>,
    operation_states: Option<Vec<String>>,
}

/// `VnfInstanceSubscriptionFilter`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct InstanceFilter {
    vnfd_ids: Option<Vec<String>>,
    vnf_products_from_providers: Option<Vec<Provider>>,
    vnf_instance_ids: Option<Vec<String>>,
    vnf_instance_names: Option<Vec<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Provider {
    vnf_provider: String,
    vnf_products: Option<Vec<Product>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Product {
    vnf_product_name: String,
    versions: Option<Vec<Version>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Version {
    vnf_software_version: String,
    vnfd_versions: Option<Vec<String>>,
}

/// `list` is absent or holds `value`.
fn admits(list: &Option<Vec<String>>, value: &str) -> bool {
    list.as_ref().is_none_or(|l| l.iter().any(|v| v == value))
}

impl Filter {
    /// The filter a subscription request carries, checked: unknown members and values outside
    /// SOL003's enumerations are refused, saying which.
    pub fn parse(v: &Value) -> Result<Filter, String> {
        let f: Filter = serde_json::from_value(v.clone()).map_err(|e| format!("filter: {e}"))?;
        let check = |name: &str, list: &Option<Vec<String>>, known: &[&str]| match list
            .iter()
            .flatten()
            .find(|v| !known.contains(&v.as_str()))
        {
            Some(v) => Err(format!(
                "filter.{name}: '{v}' is not one of {}",
                known.join(", ")
            )),
            None => Ok(()),
        };
        check(
            "notificationTypes",
            &f.notification_types,
            &NOTIFICATION_TYPES,
        )?;
        check("operationTypes", &f.operation_types, &OPERATION_TYPES)?;
        let states: Vec<&str> = OPERATION_STATES.iter().map(|s| s.name()).collect();
        check("operationStates", &f.operation_states, &states)?;
        Ok(f)
    }

    /// Whether the filter selects `event` (Tacker's `get_matched_subscs`).
    pub fn matches(&self, event: &Event) -> bool {
        let m = &event.metadata;
        let get = |k: &str| m.get(k).map(String::as_str).unwrap_or_default();
        if let Some(i) = &self.vnf_instance_subscription_filter {
            let products = |providers: &Vec<Provider>| {
                providers.iter().any(|p| {
                    p.vnf_provider == get("vnfProvider")
                        && p.vnf_products.as_ref().is_none_or(|products| {
                            products.iter().any(|product| {
                                product.vnf_product_name == get("vnfProductName")
                                    && product.versions.as_ref().is_none_or(|versions| {
                                        versions.iter().any(|v| {
                                            v.vnf_software_version == get("vnfSoftwareVersion")
                                                && admits(&v.vnfd_versions, get("vnfdVersion"))
                                        })
                                    })
                            })
                        })
                })
            };
            if !admits(&i.vnfd_ids, get("vnfdId"))
                || !i.vnf_products_from_providers.as_ref().is_none_or(products)
                || !admits(&i.vnf_instance_ids, get("vnfInstanceId"))
                || !(i.vnf_instance_names.is_none()
                    || m.get("vnfInstanceName")
                        .is_some_and(|n| admits(&i.vnf_instance_names, n)))
            {
                return false;
            }
        }
        if !admits(&self.notification_types, get("notificationType")) {
            return false;
        }
        if get("notificationType") != OCCURRENCE {
            return true;
        }
        let op = event.post_object_state.as_ref();
        let text = |k: &str| {
            op.and_then(|o| o.get(k))
                .and_then(Value::as_str)
                .unwrap_or_default()
        };
        admits(&self.operation_types, text("operation"))
            && admits(&self.operation_states, text("operationState"))
    }
}

/// How notifications authenticate to a subscription's callback (`SubscriptionAuthentication`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallbackAuth {
    None,
    Basic {
        user: String,
        password: String,
    },
    /// OAuth 2.0 client credentials: a bearer token from `token_endpoint`.
    OAuth2 {
        token_endpoint: String,
        client_id: String,
        client_password: String,
    },
}

impl CallbackAuth {
    /// The authentication a request carries, checked. With both types listed, OAuth 2.0 is
    /// used (as Tacker does); TLS_CERT is not offered.
    pub fn parse(v: Option<&Value>) -> Result<CallbackAuth, String> {
        let Some(v) = v else {
            return Ok(CallbackAuth::None);
        };
        const KEYS: [&str; 3] = ["authType", "paramsBasic", "paramsOauth2ClientCredentials"];
        if let Some(k) = v
            .as_object()
            .ok_or("authentication is an object")?
            .keys()
            .find(|k| !KEYS.contains(&k.as_str()))
        {
            return Err(format!("authentication.{k} is not supported"));
        }
        let types: Vec<&str> = v
            .get("authType")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if types.is_empty() {
            return Err("authentication.authType lists no type".into());
        }
        if let Some(t) = types
            .iter()
            .find(|t| !["BASIC", "OAUTH2_CLIENT_CREDENTIALS"].contains(t))
        {
            return Err(format!(
                "authentication.authType '{t}' is not supported (BASIC, OAUTH2_CLIENT_CREDENTIALS)"
            ));
        }
        let field = |params: &str, name: &str| -> Result<String, String> {
            v.get(params)
                .and_then(|p| p.get(name))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .ok_or_else(|| format!("authentication.{params}.{name} is required"))
        };
        if types.contains(&"OAUTH2_CLIENT_CREDENTIALS") {
            let p = "paramsOauth2ClientCredentials";
            let token_endpoint = field(p, "tokenEndpoint")?;
            url::Url::parse(&token_endpoint)
                .map_err(|e| format!("authentication.{p}.tokenEndpoint: {e}"))?;
            return Ok(CallbackAuth::OAuth2 {
                token_endpoint,
                client_id: field(p, "clientId")?,
                client_password: field(p, "clientPassword")?,
            });
        }
        Ok(CallbackAuth::Basic {
            user: field("paramsBasic", "userName")?,
            password: field("paramsBasic", "password")?,
        })
    }
}

/// `LccnSubscription` as the API shows it.
pub fn subscription_shape(
    id: &str,
    callback: &str,
    filter: Option<&Value>,
    verbosity: &str,
) -> Value {
    let mut out = json!({
        "id": id,
        "callbackUri": callback,
        "verbosity": verbosity,
        "_links": {"self": {"href": format!("{ROOT}/subscriptions/{id}")}},
    });
    if let Some(f) = filter {
        out["filter"] = f.clone();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op_event(op: &str, state: &str) -> Event {
        let mut e = event(
            OCCURRENCE,
            OCCURRENCE_KIND,
            "o",
            "i",
            None,
            Some(json!({"operation": op, "operationState": state})),
            BTreeMap::from([
                ("vnfInstanceId".into(), "i".into()),
                ("vnfdId".into(), "d".into()),
                ("vnfProvider".into(), "Company".into()),
                ("vnfProductName".into(), "Sample".into()),
                ("vnfSoftwareVersion".into(), "1.0".into()),
                ("vnfdVersion".into(), "1.0".into()),
            ]),
        );
        e.occurred_at = "t".into();
        e
    }

    #[test]
    fn filters_select_as_tacker_matches() {
        let f = |v: Value| Filter::parse(&v).unwrap();
        let e = op_event("INSTANTIATE", "COMPLETED");
        assert!(Filter::default().matches(&e));
        assert!(f(json!({"operationStates": ["COMPLETED"]})).matches(&e));
        assert!(!f(json!({"operationStates": ["STARTING"]})).matches(&e));
        assert!(!f(json!({"operationTypes": ["SCALE"]})).matches(&e));
        assert!(!f(json!({"notificationTypes": [CREATION]})).matches(&e));
        let products = json!({"vnfInstanceSubscriptionFilter": {"vnfProductsFromProviders": [
            {"vnfProvider": "Company", "vnfProducts": [{"vnfProductName": "Sample",
              "versions": [{"vnfSoftwareVersion": "1.0", "vnfdVersions": ["1.0"]}]}]}]}});
        assert!(f(products).matches(&e));
        let other = json!({"vnfInstanceSubscriptionFilter": {"vnfProductsFromProviders": [
            {"vnfProvider": "Company", "vnfProducts": [{"vnfProductName": "Other"}]}]}});
        assert!(!f(other).matches(&e));
        // An instance without a name is not one of the names asked for.
        assert!(
            !f(json!({"vnfInstanceSubscriptionFilter": {"vnfInstanceNames": ["x"]}})).matches(&e)
        );
        assert!(f(
            json!({"vnfInstanceSubscriptionFilter": {"vnfdIds": ["d"], "vnfInstanceIds": ["i"]}})
        )
        .matches(&e));
        // Operation filters do not hold back identifier notifications.
        let mut created = e.clone();
        created
            .metadata
            .insert("notificationType".into(), CREATION.into());
        assert!(f(json!({"operationTypes": ["SCALE"]})).matches(&created));
    }

    #[test]
    fn bad_filters_and_authentication_are_refused_saying_why() {
        let err = Filter::parse(&json!({"operationStates": ["DONE"]})).unwrap_err();
        assert!(err.contains("operationStates: 'DONE'"), "{err}");
        assert!(Filter::parse(&json!({"vnfdIds": ["x"]})).is_err());
        let auth = |v: Value| CallbackAuth::parse(Some(&v));
        assert_eq!(
            auth(json!({"authType": ["BASIC"], "paramsBasic": {"userName": "u", "password": "p"}})),
            Ok(CallbackAuth::Basic {
                user: "u".into(),
                password: "p".into()
            })
        );
        assert!(auth(json!({"authType": ["BASIC"]}))
            .unwrap_err()
            .contains("paramsBasic.userName"));
        assert!(auth(json!({"authType": ["TLS_CERT"]}))
            .unwrap_err()
            .contains("TLS_CERT"));
        let oauth = auth(json!({"authType": ["OAUTH2_CLIENT_CREDENTIALS"],
            "paramsOauth2ClientCredentials": {"clientId": "c", "clientPassword": "s",
            "tokenEndpoint": "http://idp/token"}}));
        assert!(matches!(oauth, Ok(CallbackAuth::OAuth2 { .. })));
    }

    #[test]
    fn notifications_carry_status_links_and_error() {
        let mut e = op_event("INSTANTIATE", "STARTING");
        let n = notification(&e, "s", "n", "FULL");
        assert_eq!(n["notificationStatus"], "START");
        assert_eq!(n["vnfLcmOpOccId"], "o");
        assert_eq!(n["_links"]["vnfLcmOpOcc"]["href"], op_path("o"));
        assert_eq!(
            n["_links"]["subscription"]["href"],
            format!("{ROOT}/subscriptions/s")
        );
        e.post_object_state = Some(json!({"operation": "INSTANTIATE",
            "operationState": "FAILED_TEMP", "error": {"status": 422, "detail": "x"}}));
        let n = notification(&e, "s", "n", "SHORT");
        assert_eq!(n["notificationStatus"], "RESULT");
        assert_eq!(n["error"]["detail"], "x");
        let e = op_event("MODIFY_INFO", "PROCESSING");
        assert_eq!(
            notification(&e, "s", "n", "FULL")["notificationStatus"],
            "START"
        );
    }
}
