//! O2-DMS services: VNF packages (`packages`) and their charts as Helm repositories (`charts`), and the VNF lifecycle (`lcm`) its executor
//! carries out (`executor`), its notifications put on the event stream through the records'
//! outboxes (`outbox`), and lifecycle subscriptions (`subscriptions`).

pub mod charts;
pub mod executor;
pub mod lcm;
pub mod outbox;
pub mod packages;
pub mod subscriptions;
