//! The webhook room's types built from its part of the configuration (`[webhooks]`): signing
//! secrets, the callback policy and the retry schedule. A setting that does not parse stops
//! start-up with a message naming its key.

use std::time::Duration;

use super::{CallbackPolicy, RetryPolicy, Secret};
use crate::config::WebhooksConfig;

fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `webhooks.secret`: every signing secret, comma-separated (more than one during rotation).
pub fn secrets(c: &WebhooksConfig) -> Result<Vec<Secret>, String> {
    list(&c.secret)
        .iter()
        .map(|s| Secret::parse(s).map_err(|e| format!("webhooks.secret: {e}")))
        .collect()
}

/// `webhooks.callback_allow`: the callback policy.
pub fn policy(c: &WebhooksConfig) -> Result<CallbackPolicy, String> {
    CallbackPolicy::new(&list(&c.callback_allow))
}

/// The retry schedule.
pub fn retry(c: &WebhooksConfig) -> RetryPolicy {
    RetryPolicy {
        base: Duration::from_millis(c.base_delay_ms),
        cap: Duration::from_secs(c.max_delay_seconds),
        max_attempts: c.max_attempts,
    }
}
