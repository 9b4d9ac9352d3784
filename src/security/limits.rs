//! Request rates, both GCRA: per client address before any credential is checked (a flood
//! never reaches the signature checks), and per tenant (its `requestsPerSecond`) once the
//! caller's tenant is known.
//!
//! The client guard is per replica, in memory (`governor`): it protects this replica's CPU,
//! and a shared count would make every unauthenticated request a Redis round trip — the
//! flood would move to Redis. The tenant rate is a contract with the tenant, so with Redis
//! configured it is counted across replicas by one script (the store's `TENANT_RATE`, on
//! Redis's clock); a Redis that does not answer falls back to this replica's own count.

use std::{
    collections::HashMap,
    net::IpAddr,
    num::NonZeroU32,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};

use governor::{
    clock::{Clock, DefaultClock},
    middleware::NoOpMiddleware,
    state::{keyed::HashMapStateStore, InMemoryState, NotKeyed},
    Quota, RateLimiter,
};

use crate::store::AdminStoreRef;

/// A refused request: which limit, and when to try again.
#[derive(Clone, Debug, PartialEq)]
pub struct Limited {
    /// `client` or `tenant`.
    pub scope: &'static str,
    /// Requests per second allowed.
    pub rate: f64,
    pub burst: u32,
    pub retry_after: Duration,
}

impl Limited {
    pub fn message(&self) -> String {
        let who = match self.scope {
            "client" => "this client address",
            _ => "the caller's tenant",
        };
        format!(
            "rate limit of {who} ({} requests/s, burst {}) reached: retry in {:.3} s",
            self.rate,
            self.burst,
            self.retry_after.as_secs_f64()
        )
    }

    /// `Retry-After` in whole seconds, rounded up (RFC 9110 §10.2.3).
    pub fn retry_after_secs(&self) -> u64 {
        self.retry_after.as_secs() + u64::from(self.retry_after.subsec_nanos() > 0)
    }
}

type Direct<C> = RateLimiter<NotKeyed, InMemoryState, C, NoOpMiddleware<<C as Clock>::Instant>>;
type Keyed<C> =
    RateLimiter<IpAddr, HashMapStateStore<IpAddr>, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// A tenant's rate and its limiter.
type TenantRate<C> = (f64, Arc<Direct<C>>);

/// Client addresses checked between sweeps of idle ones.
const SWEEP_EVERY: u64 = 4096;

fn quota(rate: f64, burst: u32) -> Option<Quota> {
    let period = Duration::from_secs_f64(1.0 / rate);
    Some(Quota::with_period(period)?.allow_burst(NonZeroU32::new(burst.max(1))?))
}

pub struct RateLimits<C: Clock + Clone = DefaultClock> {
    clock: C,
    client: Option<(Keyed<C>, f64, u32)>,
    checked: AtomicU64,
    tenant_burst: Option<u32>,
    /// Per tenant: its rate and its limiter (rebuilt when the rate changes).
    tenants: Mutex<HashMap<String, TenantRate<C>>>,
    shared: Option<AdminStoreRef>,
}

impl RateLimits<DefaultClock> {
    /// From `rate_limits`; `shared` counts tenant rates across replicas (Redis).
    pub fn new(config: &crate::config::RateLimitConfig, shared: Option<AdminStoreRef>) -> Self {
        RateLimits::with_clock(config, shared, DefaultClock::default())
    }
}

impl<C: Clock + Clone> RateLimits<C> {
    pub fn with_clock(
        config: &crate::config::RateLimitConfig,
        shared: Option<AdminStoreRef>,
        clock: C,
    ) -> Self {
        let rate = config.client_requests_per_second;
        let client = (rate > 0.0)
            .then(|| {
                let burst = config
                    .client_burst
                    .unwrap_or_else(|| (rate * 2.0).ceil().clamp(1.0, u32::MAX as f64) as u32);
                let q = quota(rate, burst)?;
                let limiter = RateLimiter::new(q, HashMapStateStore::default(), clock.clone());
                Some((limiter, rate, burst))
            })
            .flatten();
        RateLimits {
            clock,
            client,
            checked: AtomicU64::new(0),
            tenant_burst: config.tenant_burst,
            tenants: Mutex::new(HashMap::new()),
            shared,
        }
    }

    /// Whether any client-address limit is set.
    pub fn limits_clients(&self) -> bool {
        self.client.is_some()
    }

    /// One request from `addr`.
    pub fn client(&self, addr: IpAddr) -> Result<(), Limited> {
        let Some((limiter, rate, burst)) = &self.client else {
            return Ok(());
        };
        if self.checked.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        limiter.check_key(&addr).map_err(|not_until| Limited {
            scope: "client",
            rate: *rate,
            burst: *burst,
            retry_after: not_until.wait_time_from(self.clock.now()),
        })
    }

    fn tenant_burst(&self, rate: f64) -> u32 {
        self.tenant_burst
            .unwrap_or_else(|| rate.ceil().clamp(1.0, u32::MAX as f64) as u32)
    }

    /// One request of `tenant`, whose rate is `rate` requests per second.
    pub async fn tenant(&self, tenant: &str, rate: f64) -> Result<(), Limited> {
        let burst = self.tenant_burst(rate);
        if let Some(store) = &self.shared {
            match store.rate(tenant, rate, burst).await {
                Ok(Some(wait)) if wait.is_zero() => return Ok(()),
                Ok(Some(wait)) => {
                    return Err(Limited {
                        scope: "tenant",
                        rate,
                        burst,
                        retry_after: wait,
                    })
                }
                Ok(None) => {}
                Err(e) => {
                    tracing::warn!(error = %e, %tenant, "shared tenant rate not counted; this replica counts alone");
                }
            }
        }
        self.tenant_locally(tenant, rate, burst)
    }

    fn tenant_locally(&self, tenant: &str, rate: f64, burst: u32) -> Result<(), Limited> {
        let limiter = {
            let mut all = self.tenants.lock().unwrap_or_else(|e| e.into_inner());
            match all.get(tenant) {
                Some((r, l)) if *r == rate => Arc::clone(l),
                _ => {
                    let Some(q) = quota(rate, burst) else {
                        return Ok(());
                    };
                    let l = Arc::new(RateLimiter::direct_with_clock(q, self.clock.clone()));
                    all.insert(tenant.to_owned(), (rate, Arc::clone(&l)));
                    l
                }
            }
        };
        limiter.check().map_err(|not_until| Limited {
            scope: "tenant",
            rate,
            burst,
            retry_after: not_until.wait_time_from(self.clock.now()),
        })
    }
}

#[cfg(test)]
mod tests {
    use governor::clock::FakeRelativeClock;

    use super::*;
    use crate::config::RateLimitConfig;

    fn limits(rate: f64, burst: u32) -> (RateLimits<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        let config = RateLimitConfig {
            client_requests_per_second: rate,
            client_burst: Some(burst),
            tenant_burst: Some(burst),
        };
        (RateLimits::with_clock(&config, None, clock.clone()), clock)
    }

    #[test]
    fn a_client_gets_its_burst_then_one_request_per_interval() {
        let (l, clock) = limits(10.0, 3);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..3 {
            assert!(l.client(ip).is_ok());
        }
        let refused = l.client(ip).unwrap_err();
        assert_eq!(refused.scope, "client");
        assert_eq!(refused.retry_after, Duration::from_millis(100));
        assert_eq!(refused.retry_after_secs(), 1);
        assert!(
            l.client("192.0.2.2".parse().unwrap()).is_ok(),
            "addresses count apart"
        );
        clock.advance(Duration::from_millis(99));
        assert!(l.client(ip).is_err());
        clock.advance(Duration::from_millis(1));
        assert!(l.client(ip).is_ok());
        assert!(l.client(ip).is_err());
        clock.advance(Duration::from_secs(10));
        for _ in 0..3 {
            assert!(l.client(ip).is_ok(), "the burst refills, not beyond");
        }
        assert!(l.client(ip).is_err());
    }

    #[test]
    fn no_client_rate_is_no_limit() {
        let (l, _) = limits(0.0, 1);
        for _ in 0..10_000 {
            assert!(l.client("192.0.2.1".parse().unwrap()).is_ok());
        }
    }

    #[tokio::test]
    async fn a_tenant_rate_is_its_own_and_follows_a_changed_quota() {
        let (l, clock) = limits(0.0, 2);
        assert!(l.tenant("a", 2.0).await.is_ok());
        assert!(l.tenant("a", 2.0).await.is_ok());
        let refused = l.tenant("a", 2.0).await.unwrap_err();
        assert_eq!(refused.retry_after, Duration::from_millis(500));
        assert!(refused.message().contains("2 requests/s"), "{refused:?}");
        assert!(l.tenant("b", 2.0).await.is_ok());
        // A new quota starts a new count.
        assert!(l.tenant("a", 100.0).await.is_ok());
        clock.advance(Duration::from_millis(10));
        assert!(l.tenant("a", 100.0).await.is_ok());
    }
}
