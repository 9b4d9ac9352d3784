//! Which events a tenant may see: those about the pools in its inventory scope, their
//! resources, and the shared catalogue. A tracker follows the stream in order: it starts from
//! the pools in view when it is made and moves with every pool event it is shown (a pool
//! created in scope, relabelled into or out of it, deleted), so a resource event is judged by
//! its pool as it stood at that point of the stream.

use std::{collections::HashSet, sync::Arc};

use super::{model::pool_of, Event};
use crate::domain::scope::InventoryScope;

#[derive(Clone, Debug)]
pub struct Visibility {
    scope: Arc<InventoryScope>,
    pools: HashSet<String>,
}

impl Visibility {
    /// A tracker for `scope`, starting from the pools in view now.
    pub fn new(
        scope: Arc<InventoryScope>,
        pools_in_view: impl IntoIterator<Item = String>,
    ) -> Self {
        Visibility {
            scope,
            pools: pools_in_view.into_iter().collect(),
        }
    }

    pub fn scope(&self) -> &Arc<InventoryScope> {
        &self.scope
    }

    /// Takes in `event` (every event, in stream order) and tells whether the tenant sees it.
    /// A pool event is seen when the pool was or is in scope (its leaving is news to the
    /// tenant); a resource event when its pool is in view.
    pub fn observe(&mut self, event: &Event) -> bool {
        match event.object_kind.as_str() {
            "ResourcePool" => {
                let was = self.pools.contains(&event.object_id)
                    || event
                        .prior_object_state
                        .as_ref()
                        .is_some_and(|s| self.scope.admits_state(s));
                let is = event
                    .post_object_state
                    .as_ref()
                    .is_some_and(|s| self.scope.admits_state(s));
                if is {
                    self.pools.insert(event.object_id.clone());
                } else {
                    self.pools.remove(&event.object_id);
                }
                was || is
            }
            "Resource" => event
                .post_object_state
                .as_ref()
                .or(event.prior_object_state.as_ref())
                .and_then(pool_of)
                .is_some_and(|pool| self.pools.contains(&pool)),
            // An alarm is seen where the resource it concerns is.
            crate::domain::alarm_events::KIND => event
                .metadata
                .get("resourcePoolId")
                .is_some_and(|pool| self.pools.contains(pool)),
            // A provisioning request is its tenant's, and so is a VNF lifecycle event.
            super::model::PROVISIONING_KIND => {
                event.metadata.get("tenant") == Some(&self.scope.tenant)
            }
            _ if event.source.instance_id == super::model::LCM_INSTANCE => {
                event.metadata.get("tenant") == Some(&self.scope.tenant)
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::domain::scope::TENANT_LABEL;

    fn event(kind: &str, id: &str, prior: Option<Value>, post: Option<Value>) -> Event {
        Event {
            event_id: String::new(),
            cursor: 0,
            source: Default::default(),
            event_type: format!("o2ims.{kind}.Updated"),
            object_kind: kind.into(),
            object_id: id.into(),
            object_ref: String::new(),
            prior_object_state: prior,
            post_object_state: post,
            occurred_at: String::new(),
            published_at: String::new(),
            metadata: Default::default(),
        }
    }

    fn pool(id: &str, owner: &str) -> Value {
        json!({"resourcePoolId": id, "extensions": {"labels": {TENANT_LABEL: owner}}})
    }

    fn resource(pool: &str) -> Value {
        json!({"resourceId": "r", "resourcePoolId": pool})
    }

    #[test]
    fn resources_follow_their_pool_through_the_stream() {
        let scope = Arc::new(InventoryScope {
            tenant: "a".into(),
            pools: ["listed".to_owned()].into(),
            ..Default::default()
        });
        let mut v = Visibility::new(scope, ["listed".to_owned()]);
        assert!(v.observe(&event("Resource", "r", None, Some(resource("listed")))));
        assert!(!v.observe(&event("Resource", "r", None, Some(resource("p2")))));
        // p2 is labelled into scope: its event and then its resources are seen.
        assert!(v.observe(&event(
            "ResourcePool",
            "p2",
            Some(pool("p2", "b")),
            Some(pool("p2", "a"))
        )));
        assert!(v.observe(&event("Resource", "r", Some(resource("p2")), None)));
        // Relabelled away: the tenant sees it leave, then nothing more of it.
        assert!(v.observe(&event(
            "ResourcePool",
            "p2",
            Some(pool("p2", "a")),
            Some(pool("p2", "b"))
        )));
        assert!(!v.observe(&event("Resource", "r", None, Some(resource("p2")))));
        assert!(!v.observe(&event("ResourcePool", "p3", None, Some(pool("p3", "b")))));
        assert!(v.observe(&event("ResourceType", "t", None, Some(json!({})))));
    }
}
