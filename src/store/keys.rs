//! Every Redis key netweave writes. All keys share one hash tag — the configurable prefix in
//! braces, `{netweave}` by default — so that Redis Cluster keeps them in one slot and the Lua
//! scripts touching several keys stay valid. Tests use a unique prefix each.
//!
//! | key | type | holds |
//! | --- | --- | --- |
//! | `{p}:subscription:<id>` | hash | `subscriptionId`, `callback`, `consumerSubscriptionId`, `filter` (the last two only when set) |
//! | `{p}:subscriptions` | set | identifiers of every active subscription |
//! | `{p}:subscriptions:by-callback` | hash | callback URL → subscription id (callbacks are unique) |
//! | `{p}:subscriptions:by-consumer:<consumerSubscriptionId>` | set | subscription ids carrying that consumer id |

#[derive(Clone, Debug)]
pub struct Keys {
    tag: String,
}

impl Keys {
    pub fn new(prefix: &str) -> Keys {
        Keys {
            tag: format!("{{{prefix}}}"),
        }
    }

    pub fn subscription(&self, id: &str) -> String {
        format!("{}:subscription:{id}", self.tag)
    }

    pub fn subscriptions(&self) -> String {
        format!("{}:subscriptions", self.tag)
    }

    pub fn subscriptions_by_callback(&self) -> String {
        format!("{}:subscriptions:by-callback", self.tag)
    }

    /// The by-consumer key without the consumer id, for scripts that append it.
    pub fn subscriptions_by_consumer_prefix(&self) -> String {
        format!("{}:subscriptions:by-consumer:", self.tag)
    }
}
