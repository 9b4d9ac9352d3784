//! Request counters and latency histograms, with the handles of each label set kept: the
//! `metrics` macros would allocate the label strings and look the series up in the registry
//! on every request, a measurable share of a small list's cost.

use std::{
    collections::HashMap,
    hash::BuildHasher,
    sync::{Arc, OnceLock, RwLock},
    time::Duration,
};

use crate::metrics::{GRPC_DURATION, GRPC_REQUESTS, HTTP_DURATION, HTTP_REQUESTS};

/// Label sets kept at most; beyond (a client inventing gRPC method names) series are looked
/// up each time.
const MAX_SERIES: usize = 4096;

struct Series {
    grpc: bool,
    /// HTTP: method and route template; gRPC: method path and status code.
    a: String,
    b: String,
    /// HTTP status (0 for gRPC).
    status: u16,
    requests: metrics::Counter,
    duration: metrics::Histogram,
}

type Table = RwLock<HashMap<u64, Vec<Arc<Series>>, foldhash::fast::FixedState>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

fn series(grpc: bool, a: &str, b: &str, status: u16) -> Arc<Series> {
    let key = foldhash::fast::FixedState::default().hash_one((grpc, a, b, status));
    let same = |s: &&Arc<Series>| s.grpc == grpc && s.status == status && s.a == a && s.b == b;
    let table = table();
    if let Some(found) = table
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&key)
        .and_then(|bucket| bucket.iter().find(same).cloned())
    {
        return found;
    }
    let (requests, duration) = if grpc {
        (
            metrics::counter!(GRPC_REQUESTS, "rpc" => a.to_owned(), "code" => b.to_owned()),
            metrics::histogram!(GRPC_DURATION, "rpc" => a.to_owned()),
        )
    } else {
        (
            metrics::counter!(HTTP_REQUESTS, "method" => a.to_owned(), "route" => b.to_owned(), "status" => status.to_string()),
            metrics::histogram!(HTTP_DURATION, "method" => a.to_owned(), "route" => b.to_owned()),
        )
    };
    let made = Arc::new(Series {
        grpc,
        a: a.to_owned(),
        b: b.to_owned(),
        status,
        requests,
        duration,
    });
    let mut table = table.write().unwrap_or_else(|e| e.into_inner());
    if table.values().map(Vec::len).sum::<usize>() < MAX_SERIES {
        table.entry(key).or_default().push(Arc::clone(&made));
    }
    made
}

/// Counts an HTTP request of `method` on route template `route` answered `status`.
pub fn http(method: &str, route: &str, status: u16, took: Duration) {
    let s = series(false, method, route, status);
    s.requests.increment(1);
    s.duration.record(took.as_secs_f64());
}

/// Counts a call of gRPC method `rpc` (its path) ending with status `code`.
pub fn grpc(rpc: &str, code: &str, took: Duration) {
    let s = series(true, rpc, code, 0);
    s.requests.increment(1);
    s.duration.record(took.as_secs_f64());
}
