//! netweave's integration suite: one binary, real servers on loopback ports.

mod chaos;
mod contract;
mod events;
mod filter;
mod grpc;
mod harness;
mod hostile;
mod inventory;
mod kube;
mod kube_leader;
mod loss_paths;
mod pagination;
mod providers;
mod receiver;
mod redis_events;
mod redis_store;
mod restart;
mod routing;
mod security;
mod spec;
mod subscriptions;
mod tmf688;
mod tmf_spec;
mod v1_compat;
mod v1_shapes;
mod webhooks;
