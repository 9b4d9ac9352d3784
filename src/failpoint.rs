//! Crash points for tests that must show what a kill at an awkward moment leaves behind.
//! `NW_TEST_CRASH_AT=<name>` makes the process abort, as `kill -9` would, when it reaches the
//! named point; unset (always, outside such tests) a point costs one cached comparison.
//! Hand-written because the `fail` crate needs a compile-time feature, and the binary under
//! test must be the binary that ships.

use std::sync::OnceLock;

/// Outside the `NETWEAVE_` prefix, which the configuration claims (and checks) entirely.
pub const ENV: &str = "NW_TEST_CRASH_AT";

/// Between writing a hub's subscription and the hub record, inside one transaction.
pub const HUB_REGISTER: &str = "hub-register";
/// Between removing a hub record and its subscription, inside one transaction.
pub const HUB_UNREGISTER: &str = "hub-unregister";

pub fn reach(point: &str) {
    static ARMED: OnceLock<Option<String>> = OnceLock::new();
    if ARMED.get_or_init(|| std::env::var(ENV).ok()).as_deref() == Some(point) {
        eprintln!("netweave: crash point '{point}' reached; aborting");
        std::process::abort();
    }
}
