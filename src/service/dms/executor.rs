//! The lifecycle executor: while this replica leads, it carries every active operation
//! occurrence through the deployment manager's DMS plugin (`backend::deploy`). STARTING →
//! PROCESSING; PROCESSING → apply the release the operation asks for, again and again, until
//! the plugin reports it done (COMPLETED, the instance updated) or failed (FAILED_TEMP with the
//! plugin's reason), or the operation outlives `timeout` (FAILED_TEMP saying what it waited
//! for); ROLLING_BACK → restore the release as it was (ROLLED_BACK). Releases are named from
//! the instance and applying one twice changes nothing, so a crash, a restart or a new leader
//! resumes each operation where the deployment manager stands; none stays PROCESSING forever.

use std::{collections::BTreeMap, sync::Arc, time::Duration};

use futures::StreamExt as _;
use serde_json::{json, Value};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use super::lcm::{problem, release_of, LcmService};
use crate::{
    backend::deploy::{Progress, Release, VduTarget},
    dms::{
        csar::{Archive, Flavour},
        lcm::{Instantiated, Instantiation, OpOcc, OpState, Operation, VnfInstance, Vnfc},
        package::VnfPackage,
    },
    election::Leadership,
    store::dms::Blob,
};

/// Occurrences carried a step further at once (one per instance: an instance runs one
/// operation at a time).
const CONCURRENCY: usize = 32;

/// How long an occurrence may wait for its instance to take it before it is void.
const ORPHAN_GRACE: Duration = Duration::from_secs(30);

/// How long `op` has been in its state.
fn in_state_for(op: &OpOcc) -> Duration {
    humantime::parse_rfc3339(&op.state_entered_time)
        .ok()
        .and_then(|t| t.elapsed().ok())
        .unwrap_or_default()
}

pub struct Executor {
    pub lcm: LcmService,
    pub leadership: Arc<Leadership>,
    pub wake: Arc<Notify>,
    pub period: Duration,
    pub timeout: Duration,
    /// Charts read out of packages, by content key and path ([`Executor::chart`]).
    pub charts: std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>,
    /// Puts the notifications the pass's changes (and the requests') owe on the stream.
    pub outbox: super::outbox::Outbox,
    /// When the outbox was last flushed.
    pub last_full_flush: std::sync::Mutex<std::time::Instant>,
}

/// How often the outbox is flushed when nothing here owes a notification (another replica's
/// requests, a crash's leftovers).
const FULL_FLUSH: Duration = Duration::from_secs(1);

/// Charts kept at most (emptied when full: a chart is read again at most once per pass).
const CHARTS_KEPT: usize = 64;

/// What one step of an operation came to.
enum Outcome {
    /// Not yet: try again at the next pass.
    Wait,
    /// Done: the instance as it now is, and the VNFCs added and removed.
    Done(Box<VnfInstance>, Vec<Value>),
    /// Failed: why.
    Failed(String),
}

impl Executor {
    pub async fn run(self, shutdown: CancellationToken) {
        loop {
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.period) => {}
                _ = shutdown.cancelled() => return,
            }
            if self.leadership.is_leader() {
                self.pass().await;
            }
        }
    }

    /// One pass over the active occurrences, then their notifications (and those of the
    /// requests since the last pass) onto the stream.
    pub async fn pass(&self) {
        let stepped = self.advance().await;
        // After changes stored here (or owed by an earlier failure), and at least once a
        // second for what other replicas stored.
        let due = self.last_full_flush.lock().expect("flush").elapsed() >= FULL_FLUSH;
        if !(self.lcm.take_owed() || stepped || due) {
            return;
        }
        *self.last_full_flush.lock().expect("flush") = std::time::Instant::now();
        if let Err(e) = self.outbox.flush().await {
            self.lcm.owe();
            tracing::warn!(error = %e, "putting lifecycle notifications on the stream failed; retried at the next pass");
        }
    }

    /// Steps every active occurrence; whether there was any.
    async fn advance(&self) -> bool {
        let all: Vec<OpOcc> = match self.lcm.records().list().await {
            Ok(all) => all,
            Err(e) => {
                tracing::warn!(error = %e, "reading lifecycle operations failed; retried at the next pass");
                return false;
            }
        };
        let active: Vec<OpOcc> = all.into_iter().filter(|o| o.state.is_active()).collect();
        let stepped = !active.is_empty();
        futures::stream::iter(active)
            .for_each_concurrent(CONCURRENCY, |op| async move {
                let id = op.id.clone();
                if let Err(e) = self.step(op).await {
                    tracing::warn!(vnf_lcm_op_occ_id = %id, error = %e, "lifecycle step failed; retried at the next pass");
                }
            })
            .await;
        stepped
    }

    async fn step(&self, mut op: OpOcc) -> anyhow::Result<()> {
        let records = self.lcm.records();
        let instance = records
            .get::<VnfInstance>(&op.vnf_instance_id)
            .await?
            .filter(|i| !i.gone);
        let Some(instance) = instance else {
            return self
                .finish(
                    op,
                    OpState::Failed,
                    Some("its VNF instance is gone".into()),
                    None,
                )
                .await;
        };
        let took = instance.operation.as_deref() == Some(op.id.as_str());
        if op.operation == Operation::ModifyInfo {
            // Done by its request at once: here only when the request died between its
            // writes — after the instance took the change (done), or before (void).
            if !took && in_state_for(&op) < ORPHAN_GRACE {
                return Ok(());
            }
            let (state, why) = match took {
                true => (OpState::Completed, None),
                false => (
                    OpState::Failed,
                    Some("the change never reached the instance".to_owned()),
                ),
            };
            return self.finish(op, state, why, None).await;
        }
        if op.state == OpState::Starting {
            // Stored, and not (yet) taken by its instance: the request is writing the lock
            // now, or crashed between the two writes — only then, after a grace, it is void.
            if instance.operation.as_deref() != Some(op.id.as_str()) {
                if in_state_for(&op) < ORPHAN_GRACE {
                    return Ok(());
                }
                return self
                    .finish(
                        op,
                        OpState::RolledBack,
                        Some("the instance never took the operation".into()),
                        None,
                    )
                    .await;
            }
            let expected = op.revision;
            op.enter(OpState::Processing);
            op.revision += 1;
            records.swap(&op, expected, Blob::Keep).await?;
        }
        let rolling_back = op.state == OpState::RollingBack;
        if instance.operation.as_deref() != Some(op.id.as_str()) {
            // The instance already took the result and was freed (a crash between that write
            // and the occurrence's): only the occurrence is left to end.
            let state = if rolling_back {
                OpState::RolledBack
            } else {
                OpState::Completed
            };
            return self.finish(op, state, None, None).await;
        }
        let outcome = if rolling_back {
            self.roll_back(&op, &instance).await
        } else {
            self.carry_out(&mut op, &instance).await
        };
        let outcome = match outcome {
            Ok(o) => o,
            // The deployment manager cannot be reached: not the operation's fault; wait.
            Err(e @ crate::backend::BackendError::Unavailable(_)) => {
                tracing::info!(vnf_lcm_op_occ_id = %op.id, error = %e, "deployment manager unavailable; retried");
                Outcome::Wait
            }
            Err(e) => Outcome::Failed(e.to_string()),
        };
        match outcome {
            Outcome::Wait if self.overdue(&op) => {
                let what = format!(
                    "not done within {} s (the deployment manager still reports the release in progress)",
                    self.timeout.as_secs()
                );
                self.finish(op, OpState::FailedTemp, Some(what), None).await
            }
            Outcome::Wait => Ok(()),
            Outcome::Failed(why) => self.finish(op, OpState::FailedTemp, Some(why), None).await,
            Outcome::Done(next, affected) => {
                op.affected = affected;
                let state = if rolling_back {
                    OpState::RolledBack
                } else {
                    OpState::Completed
                };
                self.finish(op, state, None, Some(*next)).await
            }
        }
    }

    fn overdue(&self, op: &OpOcc) -> bool {
        in_state_for(op) > self.timeout
    }

    /// Ends a step: the occurrence to `state` (with `error`), the instance to `next` when
    /// given, and free of the operation when `state` is final or FAILED_TEMP holds it.
    async fn finish(
        &self,
        mut op: OpOcc,
        state: OpState,
        error: Option<String>,
        next: Option<VnfInstance>,
    ) -> anyhow::Result<()> {
        let records = self.lcm.records();
        let mut packages = Vec::new();
        if let Some(mut next) = next {
            let current = records.get::<VnfInstance>(&next.id).await?;
            if let Some(c) = current.as_ref().filter(|c| c.vnf_pkg_id != next.vnf_pkg_id) {
                packages = vec![c.vnf_pkg_id.clone(), next.vnf_pkg_id.clone()];
            }
            let expected = current.as_ref().map_or(0, |c| c.revision);
            next.revision = expected + 1;
            next.operation = None;
            // Notifications the instance still owes stay owed (a rollback restores the
            // instance as it was, not its outbox).
            next.unpublished = current.map(|c| c.unpublished).unwrap_or_default();
            if !records.swap(&next, expected, Blob::Keep).await? {
                anyhow::bail!("the instance changed meanwhile");
            }
        }
        let expected = op.revision;
        if let Some(why) = error {
            let status = if state == OpState::Failed { 409 } else { 422 };
            op.error = Some(problem(status, &why));
        } else if state == OpState::Completed {
            op.error = None;
        }
        op.enter(state);
        op.revision += 1;
        records.swap(&op, expected, Blob::Keep).await?;
        if state.is_final() {
            self.lcm.release_instance(&op).await?;
        }
        for p in packages {
            self.lcm.set_usage(&p).await?;
        }
        Ok(())
    }

    /// The release `instance` has (or, for a new one, `op` asks for).
    async fn release(
        &self,
        instance: &VnfInstance,
        info: &Instantiated,
    ) -> Result<(Release, Flavour), crate::backend::BackendError> {
        // A store that cannot be read is waited out; anything else fails the step.
        let internal = |e: crate::error::ApiError| match e.code {
            crate::error::ErrorCode::Unavailable => {
                crate::backend::BackendError::Unavailable(e.message)
            }
            _ => crate::backend::BackendError::Invalid(e.message),
        };
        let package = self
            .lcm
            .packages()
            .get(None, &instance.vnf_pkg_id)
            .await
            .map_err(internal)?;
        let flavour = package
            .csar
            .as_ref()
            .and_then(|c| c.vnfd.flavour(&info.flavour_id).cloned())
            .ok_or_else(|| {
                crate::backend::BackendError::Invalid(format!(
                    "flavour '{}' is gone from the VNFD",
                    info.flavour_id
                ))
            })?;
        let chart = self.chart(&package, &info.chart_path).await?;
        let mut values = info.parameters.clone();
        let vdus: Vec<VduTarget> = flavour
            .vdus
            .iter()
            .map(|v| {
                let steps: u32 = flavour
                    .aspects
                    .iter()
                    .map(|a| {
                        info.scale.get(&a.id).copied().unwrap_or(0)
                            * a.step.get(&v.id).copied().unwrap_or(0)
                    })
                    .sum();
                let replicas =
                    (v.initial_instances + steps).min(v.max_instances.max(v.initial_instances));
                let replica_value = info.replica_values.get(&v.id).cloned();
                let template = info
                    .templates
                    .get(&v.id)
                    .cloned()
                    .unwrap_or_else(|| digest(&chart));
                if let Some(name) = &replica_value {
                    values.insert(name.clone(), json!(replicas));
                }
                VduTarget {
                    vdu_id: v.id.clone(),
                    name: v.name.clone(),
                    replicas,
                    replica_value,
                    template,
                }
            })
            .collect();
        Ok((
            Release {
                deployment_manager: info.deployment_manager.clone(),
                namespace: info.namespace.clone(),
                name: info.release.clone(),
                chart,
                package: package.content_key().unwrap_or_default(),
                values,
                vdus,
            },
            flavour,
        ))
    }

    /// The chart `path` inside `package`: read out of its content once, then kept (a
    /// package's content never changes: its key is its digest).
    async fn chart(
        &self,
        package: &VnfPackage,
        path: &str,
    ) -> Result<Vec<u8>, crate::backend::BackendError> {
        let key = format!("{}:{path}", package.content_key().unwrap_or_default());
        if let Some(chart) = self.charts.lock().expect("charts").get(&key) {
            return Ok(chart.clone());
        }
        let content = self
            .lcm
            .packages()
            .content(None, &package.id)
            .await
            .map_err(|e| match e.code {
                crate::error::ErrorCode::Unavailable => {
                    crate::backend::BackendError::Unavailable(e.message)
                }
                _ => crate::backend::BackendError::Invalid(e.message),
            })?;
        let chart = Archive::open(content)
            .and_then(|mut a| a.read(path))
            .map_err(|e| crate::backend::BackendError::Invalid(e.to_string()))?;
        let mut charts = self.charts.lock().expect("charts");
        if charts.len() >= CHARTS_KEPT {
            charts.clear();
        }
        charts.insert(key, chart.clone());
        Ok(chart)
    }

    /// What INSTANTIATE sets, from its request.
    async fn instantiated(
        &self,
        op: &OpOcc,
        instance: &VnfInstance,
    ) -> Result<Instantiated, crate::backend::BackendError> {
        let p = &op.params;
        let extra = p.get("additionalParams").cloned().unwrap_or(json!({}));
        let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        // Resolved when the request was accepted (an occurrence stored before that was
        // recorded resolves it again).
        let deployment_manager = match &op.deployment_manager {
            Some(dm) => dm.clone(),
            None => {
                let vims = p.get("vimConnectionInfo").cloned().unwrap_or(json!({}));
                self.lcm
                    .deployment_manager(&vims)
                    .await
                    .map_err(|e| crate::backend::BackendError::Invalid(e.message))?
            }
        };
        let replica_values: BTreeMap<String, String> = extra
            .get("helm_value_names")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(vdu, v)| Some((vdu.clone(), text(v, "replica")?)))
            .collect();
        let flavour_id = text(p, "flavourId").unwrap_or_default();
        Ok(Instantiated {
            flavour_id,
            scale: BTreeMap::new(),
            deployment_manager,
            namespace: text(&extra, "namespace").unwrap_or_else(|| "default".into()),
            release: release_of(instance),
            chart_path: text(&extra, "helm_chart_path").unwrap_or_default(),
            parameters: extra
                .get("helm_parameters")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
            replica_values,
            templates: BTreeMap::new(),
            vnfcs: Vec::new(),
        })
    }

    async fn carry_out(
        &self,
        op: &mut OpOcc,
        instance: &VnfInstance,
    ) -> Result<Outcome, crate::backend::BackendError> {
        let Some(deployer) = self.lcm.backend().deployer() else {
            return Ok(Outcome::Failed("no DMS plugin is configured".into()));
        };
        let mut info = match (&op.operation, &instance.instantiated) {
            (Operation::Instantiate, _) => self.instantiated(op, instance).await?,
            (_, Some(info)) => info.clone(),
            (_, None) => return Ok(Outcome::Failed("the instance is not instantiated".into())),
        };
        // CHANGE_VNFPKG: the release of the new package's chart; the VDUs named roll.
        let mut target = instance.clone();
        if op.operation == Operation::ChangeVnfpkg {
            let vnfd_id = op
                .params
                .get("vnfdId")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let package = match self
                .lcm
                .package_of(instance.tenant.as_deref(), vnfd_id)
                .await
            {
                Ok(p) => p,
                Err(e) => return Ok(Outcome::Failed(e.message)),
            };
            let vnfd = &package.csar.as_ref().expect("an onboarded package").vnfd;
            target.vnf_pkg_id = package.id.clone();
            target.vnfd_id = vnfd.vnfd_id.clone();
            target.vnf_provider = vnfd.provider.clone();
            target.vnf_product_name = vnfd.product_name.clone();
            target.vnf_software_version = vnfd.software_version.clone();
            target.vnfd_version = vnfd.descriptor_version.clone();
            let extra = op
                .params
                .get("additionalParams")
                .cloned()
                .unwrap_or(json!({}));
            let old_chart = info.chart_path.clone();
            info.chart_path = extra
                .get("helm_chart_path")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            // Each VDU keeps the template it ran; those named roll to the new chart.
            let (old, _) = self
                .release(
                    instance,
                    &Instantiated {
                        chart_path: old_chart,
                        ..info.clone()
                    },
                )
                .await?;
            let (new, _) = self.release(&target, &info).await?;
            let named: Vec<&str> = extra
                .get("vdu_params")
                .and_then(Value::as_array)
                .map(|v| {
                    v.iter()
                        .filter_map(|p| p.get("vdu_id").and_then(Value::as_str))
                        .collect()
                })
                .unwrap_or_default();
            for vdu in &new.vdus {
                let rolls = named.is_empty() || named.contains(&vdu.vdu_id.as_str());
                let kept = old
                    .vdus
                    .iter()
                    .find(|o| o.vdu_id == vdu.vdu_id)
                    .map(|o| o.template.clone());
                let template = match (rolls, kept) {
                    (false, Some(t)) => t,
                    _ => digest(&new.chart),
                };
                info.templates.insert(vdu.vdu_id.clone(), template);
            }
        }
        match op.operation {
            Operation::Scale => {
                let aspect = op
                    .params
                    .get("aspectId")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                let steps = op
                    .params
                    .get("numberOfSteps")
                    .and_then(Value::as_u64)
                    .unwrap_or(1) as i64;
                let before = op
                    .before
                    .as_ref()
                    .and_then(|b| b.instantiated.as_ref())
                    .and_then(|i| i.scale.get(&aspect).copied())
                    .unwrap_or(0) as i64;
                let out = op.params.get("type").and_then(Value::as_str) == Some("SCALE_OUT");
                let level = if out { before + steps } else { before - steps };
                info.scale.insert(aspect, level.max(0) as u32);
            }
            Operation::Heal if op.affected.is_empty() => {
                // Replace each VNFC named (every one when none is), once: the occurrence
                // records what it replaced before anything else happens.
                let (release, _) = self.release(instance, &info).await?;
                let names: Vec<String> = op
                    .params
                    .get("vnfcInstanceId")
                    .and_then(Value::as_array)
                    .map(|ids| {
                        ids.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_else(|| {
                        info.vnfcs
                            .iter()
                            .map(|v| format!("{}-{}", v.vdu_id, v.id))
                            .collect()
                    });
                let healed: Vec<&Vnfc> = names.iter().filter_map(|n| info.vnfc(n)).collect();
                op.affected = healed.iter().map(|v| affected(v, "REMOVED")).collect();
                let expected = op.revision;
                op.revision += 1;
                let stored = self.lcm.records().swap(&*op, expected, Blob::Keep).await;
                if !stored.map_err(|e| crate::backend::BackendError::Unavailable(e.to_string()))? {
                    return Ok(Outcome::Wait);
                }
                for v in healed {
                    deployer.replace(&release, &v.resource_id).await?;
                }
                return Ok(Outcome::Wait);
            }
            _ => {}
        }
        let (release, _) = self.release(&target, &info).await?;
        let progress = if op.operation == Operation::Terminate {
            deployer.remove(&release).await?
        } else {
            deployer.apply(&release).await?
        };
        Ok(match progress {
            Progress::Pending(_) => Outcome::Wait,
            Progress::Failed(why) => Outcome::Failed(why),
            Progress::Done(vnfcs) => {
                let mut next = target;
                let mut changes = changes(&info.vnfcs, &vnfcs);
                if op.operation == Operation::Heal {
                    changes = op.affected.clone();
                    changes.extend(
                        vnfcs
                            .iter()
                            .filter(|v| !info.vnfcs.contains(v))
                            .map(|v| affected(v, "ADDED")),
                    );
                }
                if op.operation == Operation::Terminate {
                    next.state = Instantiation::NotInstantiated;
                    next.instantiated = None;
                } else {
                    info.vnfcs = vnfcs;
                    next.state = Instantiation::Instantiated;
                    if op.operation == Operation::Instantiate {
                        if let Some(v) = op
                            .params
                            .get("vimConnectionInfo")
                            .and_then(Value::as_object)
                        {
                            next.vim_connection_info = v.clone();
                        }
                    }
                    next.instantiated = Some(info);
                }
                Outcome::Done(Box::new(next), changes)
            }
        })
    }

    /// Undoes a failed INSTANTIATE (the release removed) or SCALE (the release as before).
    async fn roll_back(
        &self,
        op: &OpOcc,
        instance: &VnfInstance,
    ) -> Result<Outcome, crate::backend::BackendError> {
        let Some(deployer) = self.lcm.backend().deployer() else {
            return Ok(Outcome::Failed("no DMS plugin is configured".into()));
        };
        let before = op
            .before
            .as_deref()
            .cloned()
            .unwrap_or_else(|| instance.clone());
        let progress = match (&op.operation, &before.instantiated) {
            (Operation::Instantiate, _) => {
                let info = self.instantiated(op, instance).await?;
                let (release, _) = self.release(instance, &info).await?;
                deployer.remove(&release).await?
            }
            (_, Some(info)) => {
                let (release, _) = self.release(instance, info).await?;
                deployer.apply(&release).await?
            }
            (_, None) => Progress::Done(Vec::new()),
        };
        Ok(match progress {
            Progress::Pending(_) => Outcome::Wait,
            Progress::Failed(why) => Outcome::Failed(why),
            Progress::Done(vnfcs) => {
                let mut next = before.clone();
                if let Some(info) = next.instantiated.as_mut() {
                    info.vnfcs = vnfcs;
                }
                Outcome::Done(Box::new(next), Vec::new())
            }
        })
    }
}

/// A chart's digest: what a VDU's workload is rendered from.
fn digest(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn affected(v: &Vnfc, change: &str) -> Value {
    json!({
        "id": v.id,
        "vduId": v.vdu_id,
        "changeType": change,
        "computeResource": {"resourceId": v.resource_id, "vimLevelResourceType": v.kind},
    })
}

/// The VNFCs added and removed between `before` and `after`.
fn changes(before: &[Vnfc], after: &[Vnfc]) -> Vec<Value> {
    let mut out: Vec<Value> = after
        .iter()
        .filter(|v| !before.iter().any(|b| b.id == v.id))
        .map(|v| affected(v, "ADDED"))
        .collect();
    out.extend(
        before
            .iter()
            .filter(|b| !after.iter().any(|v| v.id == b.id))
            .map(|v| affected(v, "REMOVED")),
    );
    out
}
