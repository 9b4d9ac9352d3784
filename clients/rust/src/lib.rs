//! Client SDK for netweave's O2-IMS gRPC API.
//!
//! The generated layer ([`proto`]) is every message and client stub of `proto/`, committed in
//! `src/gen/` and checked against the protos by `tests/codegen.rs`. The hand-written layer
//! behaves as `clients/README.md` says for every language:
//!
//! - [`Client::connect`] with a URL, TLS/mTLS options and a bearer token, fixed or read from a
//!   callback on every call and every Watch reconnect;
//! - list calls return [`Pages`]: every item across pages, or page by page with totals;
//! - reads are retried on UNAVAILABLE with backoff and jitter, writes never unless asked;
//! - [`Client::watch`] follows the event stream, tracks the cursor from events and
//!   heartbeats, resumes after a cut-off or a dropped connection, and ends with
//!   [`WatchError::ResyncRequired`] when the cursor is older than the server's retention;
//! - [`Filter`] writes O-RAN filter expressions with correct quoting;
//! - [`webhooks`] verifies and parses notifications.

mod client;
mod filter;
mod pages;
mod retry;
mod watch;
pub mod webhooks;

pub use client::{Client, Connect, Token};
pub use filter::Filter;
pub use pages::{Page, Pages};
pub use retry::Retry;
pub use watch::{Watch, WatchError, WatchSelector};

/// The generated messages and client stubs.
#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod proto {
    pub mod o2ims {
        pub mod v1 {
            include!("gen/netweave.o2ims.v1.rs");
        }
    }
    pub mod events {
        pub mod v1 {
            include!("gen/netweave.events.v1.rs");
        }
    }
    pub mod webhooks {
        pub mod v1 {
            include!("gen/netweave.webhooks.v1.rs");
        }
    }
    pub mod admin {
        pub mod v1 {
            include!("gen/netweave.admin.v1.rs");
        }
    }
    pub mod tmf688 {
        pub mod v4 {
            include!("gen/netweave.tmf688.v4.rs");
        }
    }
    pub mod monitoring {
        pub mod v1 {
            include!("gen/netweave.monitoring.v1.rs");
        }
    }
    pub mod artifacts {
        pub mod v1 {
            include!("gen/netweave.artifacts.v1.rs");
        }
    }
    pub mod provisioning {
        pub mod v1 {
            include!("gen/netweave.provisioning.v1.rs");
        }
    }
    pub mod vnflcm {
        pub mod v2 {
            include!("gen/netweave.vnflcm.v2.rs");
        }
    }
    pub mod vnfpkgm {
        pub mod v1 {
            include!("gen/netweave.vnfpkgm.v1.rs");
        }
    }
}
