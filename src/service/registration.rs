//! Registration of the O-Cloud with the SMO (O-RAN's "O-Cloud registration" use case, the
//! body both reference implementations send): once the gateway is ready, the leader POSTs
//! `globalCloudId`, `oCloudId` and `IMS_EP` to the SMO, retrying with capped exponential
//! backoff until a 2xx. The registration made is recorded in the store, so a restart does not
//! register again unless something it carries (the endpoint, the ids, the SMO URL) changed, or
//! `smo.register_on_start` asks. Its state shows in `/readyz` and in the metrics.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};

use serde_json::{json, Value};
use tokio_util::sync::CancellationToken;

use crate::{
    config::SmoConfig, domain::objects::OCloudInfo, election::Leadership, metrics,
    security::outbound::TokenSource, store::AdminStoreRef, webhook::sender::post_json,
};

/// The store setting holding the last registration made.
const SETTING: &str = "smo-registration";

#[derive(Clone, Debug, PartialEq)]
enum State {
    Waiting,
    Failing { attempts: u32, error: String },
    Registered { at: String, attempts: u32 },
}

/// The registration's state, for `/readyz`.
#[derive(Clone)]
pub struct Registration {
    url: Option<String>,
    state: Arc<Mutex<State>>,
}

impl Registration {
    /// No SMO configured.
    pub fn none() -> Registration {
        Registration {
            url: None,
            state: Arc::new(Mutex::new(State::Waiting)),
        }
    }

    /// What `/readyz` says of it (`None` without an SMO). It does not make the gateway
    /// unready: an unreachable SMO does not stop the O-Cloud from serving.
    pub fn detail(&self) -> Option<String> {
        let url = self.url.as_ref()?;
        Some(match &*self.state.lock().expect("registration state") {
            State::Waiting => {
                format!("smo registration with {url}: waiting until ready (the leader registers)")
            }
            State::Failing { attempts, error } => {
                format!("smo registration with {url}: failing after {attempts} attempt(s), retrying: {error}")
            }
            State::Registered { at, attempts } => {
                format!("smo registration with {url}: registered at {at} ({attempts} attempt(s))")
            }
        })
    }

    fn set(&self, state: State) {
        let registered = matches!(state, State::Registered { .. });
        ::metrics::gauge!(metrics::SMO_REGISTERED).set(if registered { 1.0 } else { 0.0 });
        *self.state.lock().expect("registration state") = state;
    }
}

/// The body both reference implementations send.
pub fn body(cloud: &OCloudInfo) -> Value {
    json!({
        "globalCloudId": cloud.global_cloud_id,
        "oCloudId": cloud.o_cloud_id,
        "IMS_EP": cloud.service_uri,
    })
}

/// What is recorded of a registration: the SMO's URL and the body sent.
fn record(url: &str, body: &Value) -> String {
    json!({ "url": url, "body": body }).to_string()
}

/// Everything the registration task needs.
pub struct Registrar {
    pub config: SmoConfig,
    pub cloud: OCloudInfo,
    pub client: reqwest::Client,
    pub oauth: Option<Arc<TokenSource>>,
    pub store: AdminStoreRef,
    pub leadership: Arc<Leadership>,
    /// Set once every listener is bound (the gateway is ready to be called back).
    pub listening: Arc<AtomicBool>,
}

impl Registrar {
    /// Starts the task when an SMO is configured; the handle shows its state.
    pub fn start(
        self,
        shutdown: CancellationToken,
        tasks: &mut tokio::task::JoinSet<()>,
    ) -> Registration {
        let Some(url) = self.config.url.clone() else {
            return Registration::none();
        };
        let registration = Registration {
            url: Some(url.clone()),
            state: Arc::new(Mutex::new(State::Waiting)),
        };
        ::metrics::gauge!(metrics::SMO_REGISTERED).set(0.0);
        let handle = registration.clone();
        tasks.spawn(async move { self.run(url, handle, shutdown).await });
        registration
    }

    fn delay(&self, attempt: u32) -> Duration {
        let base = Duration::from_millis(self.config.retry_base_ms.max(1));
        let cap = Duration::from_secs_f64(self.config.retry_max_seconds.max(0.001));
        base.saturating_mul(1u32 << attempt.min(20)).min(cap)
    }

    async fn pause(d: Duration, shutdown: &CancellationToken) -> bool {
        tokio::select! {
            _ = tokio::time::sleep(d) => true,
            _ = shutdown.cancelled() => false,
        }
    }

    async fn run(self, url: String, state: Registration, shutdown: CancellationToken) {
        let body = body(&self.cloud);
        let wanted = record(&url, &body);
        // Ready first, and leading: one replica registers.
        while !(self.listening.load(Ordering::Acquire) && self.leadership.is_leader()) {
            if !Self::pause(Duration::from_millis(100), &shutdown).await {
                return;
            }
        }
        let mut attempts = 0u32;
        if !self.config.register_on_start {
            loop {
                match self.store.get_setting(SETTING).await {
                    Ok(Some(done)) if done == wanted => {
                        tracing::info!(%url, "already registered with the SMO; not registering again");
                        state.set(State::Registered {
                            at: "an earlier start".into(),
                            attempts: 0,
                        });
                        return;
                    }
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(error = %e, "reading the last SMO registration failed; retrying");
                        if !Self::pause(self.delay(attempts), &shutdown).await {
                            return;
                        }
                        attempts = attempts.saturating_add(1);
                    }
                }
            }
        }
        attempts = 0;
        loop {
            attempts += 1;
            let outcome = post_json(&self.client, self.oauth.as_deref(), &url, &body).await;
            let error = match outcome {
                Ok(status) if status.is_success() => {
                    ::metrics::counter!(metrics::SMO_REGISTRATION_ATTEMPTS, "result" => "registered").increment(1);
                    tracing::info!(%url, attempts, "registered with the SMO");
                    // Recorded until it is: a store outage must not make the next start
                    // register again, nor lose the registration's state here.
                    let at = crate::alarms::record::now();
                    state.set(State::Registered { at, attempts });
                    let mut wait = 0;
                    while let Err(e) = self.store.put_setting(SETTING, &wanted).await {
                        tracing::warn!(error = %e, "recording the SMO registration failed; retrying");
                        if !Self::pause(self.delay(wait), &shutdown).await {
                            return;
                        }
                        wait += 1;
                    }
                    return;
                }
                Ok(status) => format!("the SMO answered {status}"),
                Err(e) => e,
            };
            ::metrics::counter!(metrics::SMO_REGISTRATION_ATTEMPTS, "result" => "failed")
                .increment(1);
            tracing::warn!(%url, attempts, %error, "SMO registration failed; retrying");
            state.set(State::Failing { attempts, error });
            if !Self::pause(self.delay(attempts - 1), &shutdown).await {
                return;
            }
        }
    }
}
