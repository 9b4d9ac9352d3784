//! netweave: an O-RAN O2-IMS control plane. gRPC first; the O-RAN REST API by transcoding
//! onto the same services.
// One FFI call (`memory::release_free`) is the only unsafe code.
#![deny(unsafe_code)]

pub mod alarms;
pub mod app;
pub mod backend;
pub mod config;
pub mod dms;
pub mod domain;
pub mod election;
pub mod error;
pub mod events;
pub mod failpoint;
pub mod grpc;
pub mod http;
pub mod memory;
pub mod metrics;
pub mod proto;
pub mod provisioning;
pub mod redis_link;
pub mod render;
pub mod security;
pub mod server;
pub mod service;
pub mod store;
pub mod telemetry;
pub mod tmf;
pub mod webhook;
