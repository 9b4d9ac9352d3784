//! Crash points for tests that must show what a kill at an awkward moment leaves behind, and
//! a cut point for the client SDKs' tests (a watcher cut off as if it had fallen behind).
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

/// `NW_TEST_WATCH_CUT_EVERY=<n>`: every Watch and SSE stream is cut off after `n` events, by
/// the same path (and with the same resume cursor) as a watcher that fell behind. Lets the
/// SDKs' tests show a resume without stalling a connection's HTTP/2 window.
pub const WATCH_CUT_ENV: &str = "NW_TEST_WATCH_CUT_EVERY";

pub fn watch_cut_every() -> Option<u64> {
    static EVERY: OnceLock<Option<u64>> = OnceLock::new();
    *EVERY.get_or_init(|| {
        std::env::var(WATCH_CUT_ENV)
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|n| *n > 0)
    })
}
