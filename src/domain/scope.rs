//! A tenant's inventory scope: the resource pools it may see, and through them their
//! resources. A pool is in scope when the tenant's allowlist names it, when its labels match
//! the tenant's selector, or when its owner label ([`TENANT_LABEL`]) names the tenant (the
//! label a tenant's own pool writes carry). Other kinds (resource types, deployment
//! managers, alarm dictionaries, locations, sites) are the O-Cloud's shared catalogue.

use std::collections::BTreeSet;

use serde_json::Value;

use super::attributes::{Attr, Attributes};

/// The owner label: on Kubernetes MachineSets and Nodes, and on pools a tenant creates.
pub const TENANT_LABEL: &str = "o2ims.oran.org/tenant";

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct InventoryScope {
    pub tenant: String,
    /// Pools by id.
    pub pools: BTreeSet<String>,
    /// `key=value` pairs a pool's labels must all match; empty matches nothing.
    pub selector: Vec<(String, String)>,
    /// The tenant's `maxResourcePools`: pool creations stop at this many pools in scope.
    pub max_resource_pools: Option<u32>,
    /// The tenant's `maxWatchStreams`: concurrent Watch and SSE streams.
    pub max_watch_streams: Option<u32>,
    /// The tenant's `maxProvisioningRequests`: provisioning requests it may hold.
    pub max_provisioning_requests: Option<u32>,
}

/// A `key=value,key2=value2` selector as pairs.
pub fn parse_selector(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(format!(
                "labelSelector: '{pair}' is not key=value (the selector is key=value,…)"
            ));
        };
        if key.trim().is_empty() {
            return Err(format!("labelSelector: '{pair}' has no key"));
        }
        pairs.push((key.trim().to_owned(), value.trim().to_owned()));
    }
    Ok(pairs)
}

impl InventoryScope {
    /// Whether a pool (as a typed object) is in scope.
    pub fn admits(&self, pool: &dyn Attributes) -> bool {
        let id = match pool.attribute("resourcePoolId") {
            Attr::Str(id) => id,
            _ => return false,
        };
        let labels = match pool.attribute("extensions") {
            Attr::Map(ext) => ext.get("labels"),
            _ => None,
        };
        self.admits_parts(id, labels)
    }

    /// Whether a pool (as its JSON state, as events carry it) is in scope.
    pub fn admits_state(&self, pool: &Value) -> bool {
        let Some(id) = pool["resourcePoolId"].as_str() else {
            return false;
        };
        self.admits_parts(id, pool["extensions"].get("labels"))
    }

    fn admits_parts(&self, id: &str, labels: Option<&Value>) -> bool {
        if self.pools.contains(id) {
            return true;
        }
        let label = |key: &str| labels.and_then(|l| l.get(key)).and_then(Value::as_str);
        if label(TENANT_LABEL) == Some(self.tenant.as_str()) {
            return true;
        }
        !self.selector.is_empty() && self.selector.iter().all(|(k, v)| label(k) == Some(v))
    }

    /// The owner label a pool written by this tenant carries.
    pub fn owner_label(&self) -> (&'static str, Value) {
        (TENANT_LABEL, Value::String(self.tenant.clone()))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::objects::ResourcePool;

    fn scope() -> InventoryScope {
        InventoryScope {
            tenant: "a".into(),
            pools: ["p1".to_owned()].into(),
            selector: parse_selector("zone=east, tier=edge").unwrap(),
            ..Default::default()
        }
    }

    fn pool(id: &str, labels: Value) -> ResourcePool {
        ResourcePool {
            resource_pool_id: id.into(),
            extensions: [("labels".to_owned(), labels)].into_iter().collect(),
            ..Default::default()
        }
    }

    #[test]
    fn pools_are_admitted_by_id_owner_label_or_every_selector_pair() {
        let s = scope();
        assert!(s.admits(&pool("p1", json!({}))));
        assert!(s.admits(&pool("p2", json!({TENANT_LABEL: "a"}))));
        assert!(!s.admits(&pool("p2", json!({TENANT_LABEL: "b"}))));
        assert!(s.admits(&pool("p3", json!({"zone": "east", "tier": "edge"}))));
        assert!(!s.admits(&pool("p3", json!({"zone": "east"}))));
        assert!(!s.admits(&pool("p3", json!({"zone": "east", "tier": 1}))));
        let state = serde_json::to_value(pool("p3", json!({"zone": "east", "tier": "edge"})));
        assert!(s.admits_state(&state.unwrap()));
        assert!(!s.admits_state(&json!({"resourcePoolId": "p9"})));
    }

    #[test]
    fn an_empty_selector_matches_nothing() {
        let s = InventoryScope {
            tenant: "a".into(),
            ..Default::default()
        };
        assert!(!s.admits(&pool("p1", json!({"zone": "east"}))));
        assert!(parse_selector("novalue").is_err());
        assert!(parse_selector("=v").is_err());
    }
}
