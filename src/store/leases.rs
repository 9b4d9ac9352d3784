//! Counted leases: at most `max` holders of a key at once, each holding for a time to live it
//! renews (a holder that dies stops renewing and its lease runs out). Watch streams count to
//! a tenant's `maxWatchStreams` this way: in this process on the embedded store, across every
//! replica on Redis (a sorted set of holders scored by expiry, `redis_admin.rs`).

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

#[derive(Default)]
pub struct Leases(Mutex<HashMap<String, HashMap<String, Instant>>>);

impl Leases {
    /// Takes (or renews) `holder`'s lease on `key`; `false` when `max` others hold one.
    pub fn take(&self, key: &str, holder: &str, max: u32, ttl: Duration) -> bool {
        let now = Instant::now();
        let mut all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let holders = all.entry(key.to_owned()).or_default();
        holders.retain(|_, until| *until > now);
        if !holders.contains_key(holder) && holders.len() >= max as usize {
            return false;
        }
        holders.insert(holder.to_owned(), now + ttl);
        true
    }

    pub fn drop_lease(&self, key: &str, holder: &str) {
        let mut all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(holders) = all.get_mut(key) {
            holders.remove(holder);
            if holders.is_empty() {
                all.remove(key);
            }
        }
    }
}

/// Takes or renews a lease. KEYS[1]: the holders' sorted set. ARGV: holder, max, ttl ms.
/// Scored by expiry on the server's clock, so every replica agrees.
pub const TAKE_SCRIPT: &str = r"
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
return 1";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_max_holders_and_a_released_slot_is_free_again() {
        let l = Leases::default();
        let ttl = Duration::from_secs(30);
        assert!(l.take("t", "a", 2, ttl));
        assert!(l.take("t", "b", 2, ttl));
        assert!(!l.take("t", "c", 2, ttl));
        assert!(l.take("t", "a", 2, ttl), "a holder renews");
        l.drop_lease("t", "a");
        assert!(l.take("t", "c", 2, ttl));
        assert!(l.take("other", "x", 1, ttl), "keys count apart");
    }

    #[test]
    fn an_unrenewed_lease_runs_out() {
        let l = Leases::default();
        assert!(l.take("t", "a", 1, Duration::from_millis(1)));
        std::thread::sleep(Duration::from_millis(5));
        assert!(l.take("t", "b", 1, Duration::from_secs(30)));
    }
}
