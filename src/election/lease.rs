//! The Kubernetes `Lease` elector, as client-go's leaderelection does it: the holder renews
//! `spec.renewTime`; another replica takes the lease over only after it has seen the same
//! resourceVersion for a whole lease duration on its own clock (no clock-skew assumption), and
//! every write is a replace conditioned on the version it read, so two replicas never both win.

use std::{
    sync::Mutex,
    time::{Duration, Instant},
};

use async_trait::async_trait;
use k8s_openapi::{
    api::coordination::v1::{Lease, LeaseSpec},
    apimachinery::pkg::apis::meta::v1::MicroTime,
    jiff::Timestamp,
};
use kube::{
    api::{ObjectMeta, PostParams},
    Api, Client,
};

use super::Elector;

pub struct KubeLease {
    api: Api<Lease>,
    name: String,
    identity: String,
    lease: Duration,
    /// The version last seen and when (local clock).
    observed: Mutex<Option<(String, Instant)>>,
}

impl KubeLease {
    pub fn new(
        client: Client,
        namespace: &str,
        name: &str,
        identity: String,
        lease: Duration,
    ) -> Self {
        KubeLease {
            api: Api::namespaced(client, namespace),
            name: name.to_owned(),
            identity,
            lease,
            observed: Mutex::new(None),
        }
    }

    /// A `Lease` in the cluster `kubeconfig` names (empty: `KUBECONFIG`, `~/.kube/config`,
    /// then the in-cluster service account).
    pub async fn connect(
        kubeconfig: &str,
        namespace: &str,
        name: &str,
        identity: String,
        lease: Duration,
    ) -> anyhow::Result<Self> {
        let config = match kubeconfig {
            "" => kube::Config::infer().await?,
            path => {
                let file = kube::config::Kubeconfig::read_from(path)?;
                kube::Config::from_custom_kubeconfig(file, &Default::default()).await?
            }
        };
        let client = Client::try_from(config)?;
        Ok(Self::new(client, namespace, name, identity, lease))
    }

    fn spec(&self, transitions: i32, acquired: Option<MicroTime>) -> LeaseSpec {
        let now = MicroTime(Timestamp::now());
        LeaseSpec {
            holder_identity: Some(self.identity.clone()),
            lease_duration_seconds: Some(self.lease.as_secs().max(1) as i32),
            acquire_time: Some(acquired.unwrap_or_else(|| now.clone())),
            renew_time: Some(now),
            lease_transitions: Some(transitions),
            ..LeaseSpec::default()
        }
    }

    /// A conditional replace: `false` when someone else wrote first (409).
    async fn replace(&self, mut lease: Lease, spec: LeaseSpec) -> anyhow::Result<bool> {
        lease.spec = Some(spec);
        match self
            .api
            .replace(&self.name, &PostParams::default(), &lease)
            .await
        {
            Ok(_) => Ok(true),
            Err(kube::Error::Api(s)) if s.code == 409 => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
}

#[async_trait]
impl Elector for KubeLease {
    fn name(&self) -> &'static str {
        "lease"
    }

    /// The fencing token is `leaseTransitions + 1`: it grows with every take-over.
    async fn acquire_or_renew(&self) -> anyhow::Result<Option<u64>> {
        let token = |transitions: i32, held: bool| held.then_some(transitions.max(0) as u64 + 1);
        let Some(lease) = self.api.get_opt(&self.name).await? else {
            let lease = Lease {
                metadata: ObjectMeta {
                    name: Some(self.name.clone()),
                    ..ObjectMeta::default()
                },
                spec: Some(self.spec(0, None)),
            };
            return match self.api.create(&PostParams::default(), &lease).await {
                Ok(_) => Ok(token(0, true)),
                Err(kube::Error::Api(s)) if s.code == 409 => Ok(None),
                Err(e) => Err(e.into()),
            };
        };
        let spec = lease.spec.clone().unwrap_or_default();
        let transitions = spec.lease_transitions.unwrap_or(0);
        if spec.holder_identity.as_deref() == Some(self.identity.as_str()) {
            let held = self
                .replace(lease, self.spec(transitions, spec.acquire_time))
                .await?;
            return Ok(token(transitions, held));
        }
        let version = lease.metadata.resource_version.clone().unwrap_or_default();
        let expired = {
            let mut observed = self.observed.lock().unwrap_or_else(|e| e.into_inner());
            match observed.as_ref() {
                Some((seen, at)) if *seen == version => at.elapsed() >= self.lease,
                _ => {
                    *observed = Some((version, Instant::now()));
                    false
                }
            }
        };
        let free = spec.holder_identity.as_deref().is_none_or(str::is_empty);
        if !(expired || free) {
            return Ok(None);
        }
        let held = self
            .replace(lease, self.spec(transitions + 1, None))
            .await?;
        Ok(token(transitions + 1, held))
    }

    async fn release(&self) -> anyhow::Result<()> {
        let Some(lease) = self.api.get_opt(&self.name).await? else {
            return Ok(());
        };
        let mut spec = lease.spec.clone().unwrap_or_default();
        if spec.holder_identity.as_deref() != Some(self.identity.as_str()) {
            return Ok(());
        }
        spec.holder_identity = None;
        self.replace(lease, spec).await.map(|_| ())
    }
}
