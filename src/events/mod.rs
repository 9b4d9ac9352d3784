//! The event stream: inventory changes as events on one durable log, fanned out to watchers
//! (gRPC `Watch`, SSE) and consumed by the webhook workers.

pub mod embedded;
pub mod handlers;
pub mod hub;
pub mod log;
pub mod model;
pub mod nats;
pub mod published;
pub mod publisher;
pub mod pump;
pub mod redis;
pub mod visibility;

pub use hub::{Hub, Selector, WatchItem, WatchSpec};
pub use log::{Bounds, EventError, EventLog, EventLogRef};
pub use model::{Cursor, Event, EventSource};
pub use publisher::Publisher;
pub use visibility::Visibility;
