//! Reads retried on UNAVAILABLE with exponential backoff and full jitter.

use std::{future::Future, time::Duration};

use tonic::{Code, Status};

/// How reads (and, when asked, writes) are retried.
#[derive(Clone, Debug)]
pub struct Retry {
    /// Tries in all, the first included (default 4).
    pub attempts: u32,
    /// Delay before the first retry; doubled each time (default 100 ms).
    pub base: Duration,
    /// Largest delay (default 2 s).
    pub max: Duration,
    /// Retry writes too (default false: a write that timed out may have happened).
    pub writes: bool,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            attempts: 4,
            base: Duration::from_millis(100),
            max: Duration::from_secs(2),
            writes: false,
        }
    }
}

impl Retry {
    /// The delay before retry number `n` (0-based): up to base·2ⁿ, capped, jittered.
    pub fn delay(&self, n: u32) -> Duration {
        let ceiling = self.base.saturating_mul(1 << n.min(16)).min(self.max);
        ceiling.mul_f64(0.5 + fastrand::f64() / 2.0)
    }

    pub(crate) async fn run<T, F, Fut>(&self, write: bool, mut call: F) -> Result<T, Status>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Status>>,
    {
        let attempts = if write && !self.writes {
            1
        } else {
            self.attempts.max(1)
        };
        let mut n = 0;
        loop {
            match call().await {
                Err(status) if status.code() == Code::Unavailable && n + 1 < attempts => {
                    tokio::time::sleep(self.delay(n)).await;
                    n += 1;
                }
                other => return other,
            }
        }
    }
}
