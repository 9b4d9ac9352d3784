//! Serialised forms of inventory objects (JSON and protobuf), reused across requests while the
//! object is unchanged.
//!
//! Keyed by the object's allocation. Backends never change an object in place: a change
//! replaces their `Arc` with a new one, so a new version is a new key. Each entry holds its
//! version strongly, which makes the reuse exact: the allocation cannot be freed and its
//! address given to another object while the entry lives, and `Arc::get_mut`/`make_mut` cannot
//! change it in place (they copy while another reference exists). Only objects someone else
//! also holds (a backend's cache) are kept — a value built for one response is rendered and
//! dropped. Entries only the cache still holds (superseded or deleted versions) are swept; the
//! bytes kept are bounded by [`BUDGET`].

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex, OnceLock, RwLock,
    },
    time::{Duration, Instant},
};

use bytes::Bytes;

/// The serialised forms kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Json,
    Protobuf,
}

/// Bytes of serialised forms kept at most.
pub const BUDGET: usize = 32 * 1024 * 1024;
/// Kept per entry beside its bytes (map slot, key, `Bytes` and `Arc` handles), counted
/// against the budget.
const ENTRY_OVERHEAD: usize = 64;
/// Superseded versions are swept at least this often while objects are being rendered.
const SWEEP_EVERY: Duration = Duration::from_secs(10);
/// A full cache sweeps at most this often.
const SWEEP_WHEN_FULL: Duration = Duration::from_millis(100);
const SHARDS: usize = 16;

struct Entry {
    /// The version rendered, held so that its address stays its own.
    object: Arc<dyn std::any::Any + Send + Sync>,
    bytes: Bytes,
}

type Shard = RwLock<HashMap<(usize, Form), Entry, foldhash::fast::FixedState>>;

struct Cache {
    shards: [Shard; SHARDS],
    used: AtomicUsize,
    last_sweep: Mutex<Instant>,
}

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Cache {
        shards: std::array::from_fn(|_| RwLock::default()),
        used: AtomicUsize::new(0),
        last_sweep: Mutex::new(Instant::now()),
    })
}

fn shard_of(address: usize) -> usize {
    // Allocations are 16-byte aligned: the bits above spread them over the shards.
    (address >> 4) % SHARDS
}

/// Appends the `form` of `object` to `out`, rendered by `render` unless kept from an earlier
/// request.
pub fn write<T: Send + Sync + 'static>(
    object: &Arc<T>,
    form: Form,
    out: &mut Vec<u8>,
    render: impl FnOnce(&T) -> Vec<u8>,
) {
    out.extend_from_slice(&bytes(object, form, render));
}

/// The `form` of `object`, rendered by `render` unless kept from an earlier request.
pub fn bytes<T: Send + Sync + 'static>(
    object: &Arc<T>,
    form: Form,
    render: impl FnOnce(&T) -> Vec<u8>,
) -> Bytes {
    // Held only by the caller: a value built for this response, nothing to reuse it for.
    if Arc::strong_count(object) < 2 {
        return Bytes::from(render(object));
    }
    let address = Arc::as_ptr(object) as *const () as usize;
    let cache = cache();
    let shard = &cache.shards[shard_of(address)];
    if let Some(entry) = shard
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&(address, form))
    {
        return entry.bytes.clone();
    }
    let bytes = Bytes::from(render(object));
    let cost = bytes.len() + ENTRY_OVERHEAD;
    cache.maybe_sweep(cost);
    if cache.used.load(Ordering::Relaxed) + cost <= BUDGET {
        let entry = Entry {
            object: Arc::clone(object) as Arc<dyn std::any::Any + Send + Sync>,
            bytes: bytes.clone(),
        };
        let replaced = shard
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert((address, form), entry);
        cache.used.fetch_add(cost, Ordering::Relaxed);
        if let Some(old) = replaced {
            cache
                .used
                .fetch_sub(old.bytes.len() + ENTRY_OVERHEAD, Ordering::Relaxed);
        }
    }
    bytes
}

impl Cache {
    /// Sweeps when adding `cost` would exceed the budget, or every [`SWEEP_EVERY`].
    fn maybe_sweep(&self, cost: usize) {
        let full = self.used.load(Ordering::Relaxed) + cost > BUDGET;
        let Ok(mut last) = self.last_sweep.try_lock() else {
            return; // another request is sweeping
        };
        let due = if full { SWEEP_WHEN_FULL } else { SWEEP_EVERY };
        if last.elapsed() < due {
            return;
        }
        *last = Instant::now();
        for shard in &self.shards {
            shard
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .retain(|_, entry| {
                    let live = Arc::strong_count(&entry.object) > 1;
                    if !live {
                        self.used
                            .fetch_sub(entry.bytes.len() + ENTRY_OVERHEAD, Ordering::Relaxed);
                    }
                    live
                });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_version_is_rendered_anew_and_an_unshared_value_is_not_kept() {
        let held = Arc::new(String::from("first"));
        let backend = Arc::clone(&held);
        let json = |s: &String| serde_json::to_vec(s).unwrap();
        assert_eq!(bytes(&held, Form::Json, json), &b"\"first\""[..]);
        // Kept: the second render is not called.
        assert_eq!(
            bytes(&held, Form::Json, |_| panic!("rendered twice")),
            &b"\"first\""[..]
        );
        // A change is a new Arc: rendered anew, whatever the address.
        drop(backend);
        let changed = Arc::new(String::from("second"));
        let other = Arc::clone(&changed);
        assert_eq!(bytes(&changed, Form::Json, json), &b"\"second\""[..]);
        // The forms are apart.
        assert_eq!(bytes(&changed, Form::Protobuf, |_| vec![1]), &[1u8][..]);
        drop(other);
        // Held by the caller alone: rendered every time.
        let lone = Arc::new(String::from("lone"));
        assert_eq!(bytes(&lone, Form::Json, json), &b"\"lone\""[..]);
        assert_eq!(
            bytes(&lone, Form::Json, |_| b"again".to_vec()),
            &b"again"[..]
        );
    }

    #[test]
    fn make_mut_on_a_kept_version_copies_it() {
        let mut object = Arc::new(vec![1u8]);
        let _backend_copy = Arc::clone(&object);
        let _ = bytes(&object, Form::Protobuf, |v| v.clone());
        Arc::make_mut(&mut object).push(2);
        let _still = Arc::clone(&object);
        assert_eq!(bytes(&object, Form::Protobuf, |v| v.clone()), &[1u8, 2][..]);
    }
}
