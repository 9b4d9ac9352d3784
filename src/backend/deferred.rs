//! A backend that is still connecting: with several backends, one unreachable cluster must not
//! keep the gateway from serving the others. Until its connection succeeds (retried), it
//! answers `Unavailable` with the last error, which the router turns into a list warning; its
//! change feed exists from the start and carries the real backend's changes once connected.

use std::{
    future::Future,
    sync::{Arc, Mutex, OnceLock},
    time::Duration,
};

use async_trait::async_trait;
use tokio_util::sync::CancellationToken;

use super::{
    deploy::{Deployer, Progress as DeployProgress, Release},
    provision::{Order, Progress, Provisioner},
    Backend, BackendError, BackendInfo, BackendRef, Capabilities, Feed, Object, Scope,
};
use crate::domain::{objects::*, ListQuery, Page};

/// Between connection attempts.
const RETRY: Duration = Duration::from_secs(2);
/// One attempt at most (clients may retry inside it).
const ATTEMPT: Duration = Duration::from_secs(15);

pub struct Deferred {
    name: String,
    /// What its kind offers (known before it connects); carried out once connected.
    builders: Vec<String>,
    inner: OnceLock<BackendRef>,
    last_error: Mutex<String>,
    feed: Feed,
}

impl Deferred {
    /// Connects with `connect` now and, while it fails, every [`RETRY`] until shutdown.
    pub fn start<F, Fut>(
        name: &str,
        builders: Vec<String>,
        connect: F,
        shutdown: CancellationToken,
    ) -> Arc<Deferred>
    where
        F: Fn() -> Fut + Send + 'static,
        Fut: Future<Output = anyhow::Result<BackendRef>> + Send,
    {
        let (changes, feed) = Feed::new();
        let this = Arc::new(Deferred {
            name: name.to_owned(),
            builders,
            inner: OnceLock::new(),
            last_error: Mutex::new("connecting".into()),
            feed,
        });
        let me = Arc::clone(&this);
        tokio::spawn(async move {
            loop {
                let attempt = tokio::time::timeout(ATTEMPT, connect())
                    .await
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("no answer within {ATTEMPT:?}")));
                match attempt {
                    Ok(backend) => {
                        if let Some(mut feed) = backend.take_changes() {
                            tokio::spawn(async move {
                                while let Some(c) = feed.recv().await {
                                    changes.send(c).await;
                                }
                            });
                        }
                        tracing::info!(backend = %me.name, "backend connected");
                        let _ = me.inner.set(backend);
                        return;
                    }
                    Err(e) => {
                        tracing::warn!(backend = %me.name, error = %format!("{e:#}"), "backend not reachable; retrying");
                        *me.last_error.lock().unwrap_or_else(|e| e.into_inner()) = format!("{e:#}");
                    }
                }
                tokio::select! {
                    _ = tokio::time::sleep(RETRY) => {}
                    _ = shutdown.cancelled() => return,
                }
            }
        });
        this
    }

    fn inner(&self) -> Result<&BackendRef, BackendError> {
        self.inner.get().ok_or_else(|| {
            let error = self.last_error.lock().unwrap_or_else(|e| e.into_inner());
            BackendError::Unavailable(format!("not connected yet ({error})"))
        })
    }
}

impl Deferred {
    fn provisioner_now(&self) -> Result<&dyn Provisioner, BackendError> {
        self.inner()?
            .provisioner()
            .ok_or_else(|| self.unsupported("provisioning"))
    }
}

/// Orders wait (`Unavailable`, retried) until the backend is connected.
#[async_trait]
impl Provisioner for Deferred {
    fn builders(&self) -> Vec<String> {
        self.builders.clone()
    }

    async fn check(&self, order: &Order) -> Result<(), BackendError> {
        self.provisioner_now()?.check(order).await
    }

    async fn apply(&self, order: &Order) -> Result<Progress, BackendError> {
        self.provisioner_now()?.apply(order).await
    }

    async fn remove(&self, order: &Order) -> Result<bool, BackendError> {
        self.provisioner_now()?.remove(order).await
    }
}

/// Releases wait (`Unavailable`, retried) until the backend is connected.
#[async_trait]
impl Deployer for Deferred {
    fn serves(&self, deployment_manager: &str) -> bool {
        self.inner
            .get()
            .and_then(|b| b.deployer())
            .is_some_and(|d| d.serves(deployment_manager))
    }

    async fn apply(&self, release: &Release) -> Result<DeployProgress, BackendError> {
        self.deployer_now()?.apply(release).await
    }

    async fn remove(&self, release: &Release) -> Result<DeployProgress, BackendError> {
        self.deployer_now()?.remove(release).await
    }

    async fn replace(&self, release: &Release, resource_id: &str) -> Result<(), BackendError> {
        self.deployer_now()?.replace(release, resource_id).await
    }
}

impl Deferred {
    fn deployer_now(&self) -> Result<&dyn Deployer, BackendError> {
        self.inner()?
            .deployer()
            .ok_or_else(|| self.unsupported("deploying network functions"))
    }
}

#[async_trait]
impl Backend for Deferred {
    fn deployer(&self) -> Option<&dyn Deployer> {
        Some(self)
    }

    fn provisioner(&self) -> Option<&dyn Provisioner> {
        (!self.builders.is_empty()).then_some(self as &dyn Provisioner)
    }

    fn info(&self) -> BackendInfo {
        match self.inner.get() {
            Some(b) => b.info(),
            None => BackendInfo {
                name: self.name.clone(),
                version: String::new(),
                capabilities: Capabilities::default(),
            },
        }
    }

    async fn health(&self) -> Result<(), BackendError> {
        self.inner()?.health().await
    }

    async fn list(
        &self,
        scope: Scope<'_>,
        query: &ListQuery,
    ) -> Result<Page<Object>, BackendError> {
        self.inner()?.list(scope, query).await
    }

    async fn get(&self, scope: Scope<'_>, id: &str) -> Result<Object, BackendError> {
        self.inner()?.get(scope, id).await
    }

    fn take_changes(&self) -> Option<super::ChangeReceiver> {
        self.feed.take()
    }

    fn generation(&self) -> Option<u64> {
        self.inner.get()?.generation()
    }

    fn detail(&self) -> Option<String> {
        self.inner.get()?.detail()
    }

    fn alarm_conditions(&self) -> Vec<crate::alarms::conditions::ConditionSet> {
        self.inner
            .get()
            .map(|b| b.alarm_conditions())
            .unwrap_or_default()
    }

    async fn create_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        self.inner()?.create_resource_pool(pool).await
    }

    async fn update_resource_pool(
        &self,
        pool: ResourcePool,
    ) -> Result<Arc<ResourcePool>, BackendError> {
        self.inner()?.update_resource_pool(pool).await
    }

    async fn delete_resource_pool(&self, id: &str) -> Result<(), BackendError> {
        self.inner()?.delete_resource_pool(id).await
    }

    async fn create_resource(&self, resource: Resource) -> Result<Arc<Resource>, BackendError> {
        self.inner()?.create_resource(resource).await
    }

    async fn delete_resource(&self, pool_id: &str, id: &str) -> Result<(), BackendError> {
        self.inner()?.delete_resource(pool_id, id).await
    }
}
