//! Webhook delivery: O2-IMS notifications for every event a subscription does not filter out
//! (TMF688 events for every event a hub's query selects),
//! signed (Standard Webhooks and `X-O2IMS-Signature`), in order per object, retried with
//! backoff, dead-lettered when attempts run out, at least once across crashes.

pub mod embedded;
pub mod notification;
pub mod policy;
pub mod queue;
pub mod redis;
mod redis_scripts;
pub mod retry;
mod selection;
pub mod sender;
pub mod settings;
mod views;
pub mod worker;

pub use notification::Secret;
pub use policy::CallbackPolicy;
pub use queue::{
    DeadLetter, Delivery, DeliveryQueue, DeliveryQueueRef, DeliveryState, DeliveryStatus, Outcome,
};
pub use retry::RetryPolicy;
pub use sender::Sender;
pub use views::{PoolsInView, PublishedPools, TenantViews};
pub use worker::Webhooks;
