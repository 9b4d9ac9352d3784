//! VNF lifecycle management (SOL003 v3.3.1 `/vnflcm/v2`): the rules of every request. An
//! operation is checked (the instance's state, one operation at a time, the request against
//! the VNFD and the package) and stored as an occurrence in STARTING before it is answered
//! 202; the executor (`dms::executor`) carries it out. A tenant sees only its own instances and
//! occurrences.

use std::sync::Arc;

use serde_json::{json, Map, Value};
use tokio::sync::Notify;

use super::packages::PackageService;
use crate::{
    backend::{deploy::release_name, BackendRef, Scope},
    dms::{
        csar::{Archive, Flavour},
        lcm::{Instantiation, OpOcc, OpState, Operation, VnfInstance},
        package::{Usage, VnfPackage},
    },
    domain::objects::DeploymentManager,
    error::{ApiError, ApiResult, ErrorCode},
    store::dms::{Blob, DmsStoreRef, Records},
};

#[derive(Clone)]
pub struct LcmService {
    store: DmsStoreRef,
    packages: PackageService,
    backend: BackendRef,
    /// Wakes the executor.
    wake: Arc<Notify>,
    /// Set when this process stored a change owing a notification: the executor's next pass
    /// puts it on the stream (other replicas' are found by its periodic full look).
    owed: Arc<std::sync::atomic::AtomicBool>,
}

/// CreateVnfRequest.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateRequest {
    pub vnfd_id: String,
    #[serde(default)]
    pub vnf_instance_name: Option<String>,
    #[serde(default)]
    pub vnf_instance_description: Option<String>,
    #[serde(default)]
    pub metadata: Map<String, Value>,
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidArgument, message)
}

fn conflict(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::FailedPrecondition, message)
}

fn not_found(what: &str, id: &str) -> ApiError {
    ApiError::new(ErrorCode::NotFound, format!("{what} '{id}' does not exist"))
}

fn changed(id: &str) -> ApiError {
    conflict(format!("VNF instance '{id}' changed meanwhile; try again"))
}

fn visible(tenant: Option<&str>, owner: Option<&str>) -> bool {
    tenant.is_none() || owner == tenant
}

/// A string member of `v`.
fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

impl LcmService {
    pub fn new(
        store: DmsStoreRef,
        packages: PackageService,
        backend: BackendRef,
        wake: Arc<Notify>,
    ) -> Self {
        LcmService {
            store,
            packages,
            backend,
            wake,
            owed: Arc::default(),
        }
    }

    /// Says a change owing a notification was stored, and wakes the executor.
    pub fn owe(&self) {
        self.owed.store(true, std::sync::atomic::Ordering::Release);
        self.wake.notify_one();
    }

    /// Whether a change owing a notification was stored since the last call.
    pub fn take_owed(&self) -> bool {
        self.owed.swap(false, std::sync::atomic::Ordering::AcqRel)
    }

    pub fn records(&self) -> Records<'_> {
        Records(self.store.as_ref())
    }

    pub fn store(&self) -> &DmsStoreRef {
        &self.store
    }

    pub fn backend(&self) -> &BackendRef {
        &self.backend
    }

    pub fn packages(&self) -> &PackageService {
        &self.packages
    }

    /// A VNF instance of the onboarded, enabled package whose VNFD is `vnfdId`.
    pub async fn create(&self, tenant: Option<&str>, r: CreateRequest) -> ApiResult<VnfInstance> {
        let package = self.package_of(tenant, &r.vnfd_id).await?;
        let vnfd = &package.csar.as_ref().expect("an onboarded package").vnfd;
        let instance = VnfInstance {
            id: uuid::Uuid::new_v4().to_string(),
            name: r.vnf_instance_name,
            description: r.vnf_instance_description,
            vnfd_id: vnfd.vnfd_id.clone(),
            vnf_pkg_id: package.id.clone(),
            vnf_provider: vnfd.provider.clone(),
            vnf_product_name: vnfd.product_name.clone(),
            vnf_software_version: vnfd.software_version.clone(),
            vnfd_version: vnfd.descriptor_version.clone(),
            state: Instantiation::NotInstantiated,
            vim_connection_info: Map::new(),
            metadata: r.metadata,
            extensions: Map::new(),
            instantiated: None,
            operation: None,
            tenant: tenant.map(str::to_owned),
            revision: 1,
            unpublished: Vec::new(),
            gone: false,
        };
        let mut stored = instance.clone();
        stored
            .unpublished
            .push(crate::dms::notify::created(&instance));
        if !self.records().swap(&stored, 0, Blob::Keep).await? {
            return Err(ApiError::new(
                ErrorCode::Internal,
                "a new instance id was taken",
            ));
        }
        self.set_usage(&package.id).await?;
        self.owe();
        Ok(instance)
    }

    /// The package a new instance of `vnfd_id` comes from.
    pub async fn package_of(&self, tenant: Option<&str>, vnfd_id: &str) -> ApiResult<VnfPackage> {
        self.packages
            .list(tenant)
            .await?
            .into_iter()
            .find(|p| p.usable() && p.csar.as_ref().is_some_and(|c| c.vnfd.vnfd_id == vnfd_id))
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Unprocessable,
                    format!(
                        "vnfdId '{vnfd_id}' is the VNFD of no ONBOARDED and ENABLED VNF package"
                    ),
                )
            })
    }

    /// Keeps a package's usageState true to the instances made of it.
    pub async fn set_usage(&self, package_id: &str) -> ApiResult<()> {
        for _ in 0..10 {
            let all: Vec<VnfInstance> = self.records().list().await?;
            let used = all.iter().any(|i| !i.gone && i.vnf_pkg_id == package_id);
            let Some(mut p) = self.records().get::<VnfPackage>(package_id).await? else {
                return Ok(());
            };
            let usage = if used { Usage::InUse } else { Usage::NotInUse };
            if p.usage_state == usage {
                return Ok(());
            }
            let expected = p.revision;
            p.usage_state = usage;
            p.revision += 1;
            if self.records().swap(&p, expected, Blob::Keep).await? {
                return Ok(());
            }
        }
        Err(conflict(format!(
            "VNF package '{package_id}' keeps changing; try again"
        )))
    }

    pub async fn list(&self, tenant: Option<&str>) -> ApiResult<Vec<VnfInstance>> {
        let mut all: Vec<VnfInstance> = self.records().list().await?;
        all.retain(|i| !i.gone && visible(tenant, i.tenant.as_deref()));
        all.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(all)
    }

    pub async fn get(&self, tenant: Option<&str>, id: &str) -> ApiResult<VnfInstance> {
        let found: Option<VnfInstance> = self.records().get(id).await?;
        found
            .filter(|i| !i.gone && visible(tenant, i.tenant.as_deref()))
            .ok_or_else(|| not_found("VNF instance", id))
    }

    /// Changes instance `id` by `change`, which checks the instance as it now is, and stores
    /// it — again on a fresh read when another writer came first (the outbox taking the
    /// notifications it put on the stream, a concurrent request); the instance as stored.
    async fn update_instance(
        &self,
        id: &str,
        mut change: impl FnMut(&mut VnfInstance) -> ApiResult<()>,
    ) -> ApiResult<VnfInstance> {
        for _ in 0..10 {
            let Some(mut next) = self
                .records()
                .get::<VnfInstance>(id)
                .await?
                .filter(|i| !i.gone)
            else {
                return Err(not_found("VNF instance", id));
            };
            let expected = next.revision;
            change(&mut next)?;
            next.revision = expected + 1;
            if self.records().swap(&next, expected, Blob::Keep).await? {
                return Ok(next);
            }
        }
        Err(changed(id))
    }

    /// Refuses a change to an instance with an operation in progress.
    fn idle(instance: &VnfInstance) -> ApiResult<()> {
        match &instance.operation {
            Some(op) => Err(conflict(format!(
                "VNF instance '{}' has operation '{op}' in progress",
                instance.id
            ))),
            None => Ok(()),
        }
    }

    /// Deletes a NOT_INSTANTIATED instance with no operation in progress.
    pub async fn delete(&self, tenant: Option<&str>, id: &str) -> ApiResult<()> {
        self.get(tenant, id).await?;
        // Kept, marked gone, until its deletion notification is on the stream.
        let gone = self
            .update_instance(id, |i| {
                if i.state != Instantiation::NotInstantiated {
                    return Err(conflict(format!(
                        "VNF instance '{id}' is INSTANTIATED: terminate it first"
                    )));
                }
                Self::idle(i)?;
                i.gone = true;
                i.unpublished.push(crate::dms::notify::deleted(i));
                Ok(())
            })
            .await?;
        self.set_usage(&gone.vnf_pkg_id).await?;
        self.owe();
        Ok(())
    }

    /// MODIFY_INFO: a JSON merge patch of the instance's information, done at once.
    pub async fn modify(
        &self,
        tenant: Option<&str>,
        id: &str,
        patch: Map<String, Value>,
    ) -> ApiResult<OpOcc> {
        const KEYS: &[&str] = &[
            "vnfInstanceName",
            "vnfInstanceDescription",
            "metadata",
            "extensions",
            "vimConnectionInfo",
        ];
        if let Some(k) = patch.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(invalid(format!(
                "'{k}' cannot be modified (only {})",
                KEYS.join(", ")
            )));
        }
        if let Some((k, _)) = patch.iter().find(|(k, v)| {
            k.as_str() != "vnfInstanceName"
                && k.as_str() != "vnfInstanceDescription"
                && !v.is_object()
        }) {
            return Err(invalid(format!(
                "'{k}': metadata, extensions and vimConnectionInfo are objects"
            )));
        }
        let instance = self.get(tenant, id).await?;
        Self::idle(&instance)?;
        let merge = |target: &mut Map<String, Value>, v: &Value| {
            for (k, v) in v.as_object().into_iter().flatten() {
                if v.is_null() {
                    target.remove(k);
                } else {
                    target.insert(k.clone(), v.clone());
                }
            }
        };
        // MODIFY_INFO starts at PROCESSING; the patched instance names the occurrence until
        // it is COMPLETED (a crash between the writes is ended by the executor).
        let mut op = OpOcc::new(
            &instance,
            Operation::ModifyInfo,
            Value::Object(patch.clone()),
        );
        op.unpublished.clear();
        op.before = None;
        op.enter(OpState::Processing);
        if !self.records().swap(&op, 0, Blob::Keep).await? {
            return Err(ApiError::new(
                ErrorCode::Internal,
                "a new occurrence id was taken",
            ));
        }
        let patched = self
            .update_instance(id, |next| {
                Self::idle(next)?;
                for (k, v) in &patch {
                    match k.as_str() {
                        "vnfInstanceName" => next.name = v.as_str().map(str::to_owned),
                        "vnfInstanceDescription" => {
                            next.description = v.as_str().map(str::to_owned)
                        }
                        "metadata" => merge(&mut next.metadata, v),
                        "extensions" => merge(&mut next.extensions, v),
                        _ => merge(&mut next.vim_connection_info, v),
                    }
                }
                next.operation = Some(op.id.clone());
                Ok(())
            })
            .await;
        if let Err(e) = patched {
            op.error = Some(problem(409, &e.message));
            op.enter(OpState::Failed);
            op.revision += 1;
            self.records().swap(&op, 1, Blob::Keep).await?;
            self.owe();
            return Err(e);
        }
        op.enter(OpState::Completed);
        op.revision += 1;
        self.records().swap(&op, 1, Blob::Keep).await?;
        self.release_instance(&op).await?;
        self.owe();
        Ok(op)
    }

    /// Starts `operation` on the instance: the occurrence is stored STARTING, then the
    /// instance names it as its operation in progress.
    async fn start(
        &self,
        instance: VnfInstance,
        operation: Operation,
        params: Value,
    ) -> ApiResult<OpOcc> {
        let op = OpOcc::new(&instance, operation, params);
        self.begin(instance, op).await
    }

    /// Stores `op` STARTING and locks the instance to it (as it was checked: in the same
    /// state, of the same package, with no operation in progress).
    async fn begin(&self, instance: VnfInstance, op: OpOcc) -> ApiResult<OpOcc> {
        Self::idle(&instance)?;
        if !self.records().swap(&op, 0, Blob::Keep).await? {
            return Err(ApiError::new(
                ErrorCode::Internal,
                "a new occurrence id was taken",
            ));
        }
        let locked = self
            .update_instance(&instance.id, |i| {
                Self::idle(i)?;
                if i.state != instance.state || i.vnf_pkg_id != instance.vnf_pkg_id {
                    return Err(changed(&i.id));
                }
                i.operation = Some(op.id.clone());
                Ok(())
            })
            .await;
        if let Err(e) = locked {
            // Not started: the occurrence goes (or, when its START is already out, the
            // executor ends it ROLLED_BACK as one its instance never took).
            self.records()
                .remove::<OpOcc>(&op.id, op.revision, Blob::Keep)
                .await?;
            return Err(e);
        }
        self.owe();
        Ok(op)
    }

    fn require(instance: &VnfInstance, state: Instantiation) -> ApiResult<()> {
        if instance.state != state {
            return Err(conflict(format!(
                "VNF instance '{}' is {}, not {}",
                instance.id,
                instance.state.name(),
                state.name()
            )));
        }
        Ok(())
    }

    /// Checks that `additionalParams.helm_chart_path` names a file of the package.
    async fn chart_in(&self, package_id: &str, params: &Value) -> ApiResult<()> {
        let chart = text(params, "helm_chart_path").ok_or_else(|| {
            invalid("additionalParams.helm_chart_path names the chart inside the VNF package")
        })?;
        let content = self.packages.content(None, package_id).await?;
        let archive = Archive::open(content)
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        if !archive.has(chart) {
            return Err(invalid(format!(
                "additionalParams.helm_chart_path '{chart}' is not in VNF package '{package_id}'"
            )));
        }
        Ok(())
    }

    /// Starts the lifecycle operation `operation` (not MODIFY_INFO) on an instance.
    pub async fn operate(
        &self,
        tenant: Option<&str>,
        id: &str,
        operation: Operation,
        request: Value,
    ) -> ApiResult<OpOcc> {
        if !request.is_object() {
            return Err(invalid("the request body is a JSON object"));
        }
        match operation {
            Operation::Instantiate => self.instantiate(tenant, id, request).await,
            Operation::Scale => self.scale(tenant, id, request).await,
            Operation::Heal => self.heal(tenant, id, request).await,
            Operation::Terminate => self.terminate(tenant, id, request).await,
            Operation::ChangeVnfpkg => self.change_vnfpkg(tenant, id, request).await,
            Operation::ModifyInfo => Err(invalid("MODIFY_INFO is a PATCH of the instance")),
        }
    }

    /// The flavour the VNFD of `package_id` defines as `flavour_id`.
    async fn flavour(&self, package_id: &str, flavour_id: &str) -> ApiResult<Flavour> {
        let package = self.packages.get(None, package_id).await?;
        package
            .csar
            .as_ref()
            .and_then(|c| c.vnfd.flavour(flavour_id).cloned())
            .ok_or_else(|| {
                invalid(format!(
                    "flavourId '{flavour_id}' is not a flavour of the VNFD"
                ))
            })
    }

    pub async fn instantiate(
        &self,
        tenant: Option<&str>,
        id: &str,
        request: Value,
    ) -> ApiResult<OpOcc> {
        let instance = self.get(tenant, id).await?;
        Self::require(&instance, Instantiation::NotInstantiated)?;
        let flavour_id =
            text(&request, "flavourId").ok_or_else(|| invalid("flavourId is required"))?;
        let flavour = self.flavour(&instance.vnf_pkg_id, flavour_id).await?;
        let params = request
            .get("additionalParams")
            .cloned()
            .unwrap_or(json!({}));
        self.chart_in(&instance.vnf_pkg_id, &params).await?;
        if let Some(names) = params.get("helm_value_names") {
            let Value::Object(names) = names else {
                return Err(invalid(
                    "additionalParams.helm_value_names is an object by VDU",
                ));
            };
            if let Some(vdu) = names.keys().find(|v| flavour.vdu(v).is_none()) {
                return Err(invalid(format!(
                    "additionalParams.helm_value_names names '{vdu}', not a VDU of flavour '{}'",
                    flavour.id
                )));
            }
        }
        for key in ["helm_parameters", "helm_value_names"] {
            if params.get(key).is_some_and(|v| !v.is_object()) {
                return Err(invalid(format!("additionalParams.{key} is an object")));
            }
        }
        let vims = request
            .get("vimConnectionInfo")
            .cloned()
            .unwrap_or(json!({}));
        if !vims.is_object() {
            return Err(invalid("vimConnectionInfo is an object of VIM connections"));
        }
        let deployment_manager = self.deployment_manager(&vims).await?;
        let mut op = OpOcc::new(&instance, Operation::Instantiate, request);
        op.deployment_manager = Some(deployment_manager);
        self.begin(instance, op).await
    }

    /// The deployment manager `vimConnectionInfo` names — by `vimId`, or by the endpoint of
    /// its `interfaceInfo` — and whose backend deploys to it.
    pub async fn deployment_manager(&self, vims: &Value) -> ApiResult<String> {
        let scope = Scope {
            kind: crate::backend::Kind::DeploymentManager,
            parent: None,
        };
        let all = self
            .backend
            .list(scope, &crate::domain::ListQuery::default())
            .await?;
        let managers: Vec<DeploymentManager> = all
            .items
            .into_iter()
            .filter_map(|o| match o {
                crate::backend::Object::DeploymentManager(d) => Some((*d).clone()),
                _ => None,
            })
            .collect();
        let mut named = Vec::new();
        for vim in vims.as_object().into_iter().flatten().map(|(_, v)| v) {
            let by_id = text(vim, "vimId").and_then(|id| {
                managers
                    .iter()
                    .find(|m| m.deployment_manager_id == id || m.name == id)
            });
            let endpoint = vim.get("interfaceInfo").and_then(|i| text(i, "endpoint"));
            let by_endpoint = endpoint.and_then(|e| {
                managers
                    .iter()
                    .find(|m| m.service_uri.trim_end_matches('/') == e.trim_end_matches('/'))
            });
            if let Some(m) = by_id.or(by_endpoint) {
                named.push(m.deployment_manager_id.clone());
            }
        }
        let id = match named.first() {
            Some(id) => id.clone(),
            None => {
                return Err(invalid(
                    "vimConnectionInfo names no deployment manager netweave knows (a vimId that is a deployment manager's id or name, or an interfaceInfo.endpoint that is its serviceUri)",
                ))
            }
        };
        let served = self.backend.deployer().is_some_and(|d| d.serves(&id));
        if !served {
            return Err(ApiError::new(
                ErrorCode::Unprocessable,
                format!("deployment manager '{id}' has no DMS plugin to deploy to it"),
            ));
        }
        Ok(id)
    }

    pub async fn scale(&self, tenant: Option<&str>, id: &str, request: Value) -> ApiResult<OpOcc> {
        let instance = self.get(tenant, id).await?;
        Self::require(&instance, Instantiation::Instantiated)?;
        let out = match text(&request, "type") {
            Some("SCALE_OUT") => true,
            Some("SCALE_IN") => false,
            _ => return Err(invalid("type is SCALE_OUT or SCALE_IN")),
        };
        let aspect_id =
            text(&request, "aspectId").ok_or_else(|| invalid("aspectId is required"))?;
        let steps = match request.get("numberOfSteps") {
            None => 1,
            Some(v) => v
                .as_u64()
                .filter(|n| *n >= 1)
                .ok_or_else(|| invalid("numberOfSteps is a positive integer"))?,
        };
        let info = instance
            .instantiated
            .as_ref()
            .expect("an instantiated instance");
        let flavour = self.flavour(&instance.vnf_pkg_id, &info.flavour_id).await?;
        let aspect = flavour
            .aspects
            .iter()
            .find(|a| a.id == aspect_id)
            .ok_or_else(|| {
                invalid(format!(
                    "aspectId '{aspect_id}' is not a scaling aspect of the flavour"
                ))
            })?;
        let level = i64::from(info.scale.get(aspect_id).copied().unwrap_or(0));
        let next = if out {
            level + steps as i64
        } else {
            level - steps as i64
        };
        if next < 0 || next > i64::from(aspect.max_scale_level) {
            return Err(invalid(format!(
                "aspect '{aspect_id}' would go to level {next}, outside 0..={}",
                aspect.max_scale_level
            )));
        }
        self.start(instance, Operation::Scale, request).await
    }

    pub async fn heal(&self, tenant: Option<&str>, id: &str, request: Value) -> ApiResult<OpOcc> {
        let instance = self.get(tenant, id).await?;
        Self::require(&instance, Instantiation::Instantiated)?;
        let info = instance
            .instantiated
            .as_ref()
            .expect("an instantiated instance");
        let ids = request.get("vnfcInstanceId");
        if let Some(ids) = ids {
            let ids = ids
                .as_array()
                .ok_or_else(|| invalid("vnfcInstanceId is an array of vnfcInfo ids"))?;
            for v in ids {
                let v = v.as_str().unwrap_or_default();
                if info.vnfc(v).is_none() {
                    return Err(invalid(format!(
                        "vnfcInstanceId '{v}' is not a VNFC of this instance"
                    )));
                }
            }
        }
        self.start(instance, Operation::Heal, request).await
    }

    pub async fn terminate(
        &self,
        tenant: Option<&str>,
        id: &str,
        request: Value,
    ) -> ApiResult<OpOcc> {
        let instance = self.get(tenant, id).await?;
        Self::require(&instance, Instantiation::Instantiated)?;
        match text(&request, "terminationType") {
            Some("FORCEFUL" | "GRACEFUL") => {}
            _ => return Err(invalid("terminationType is FORCEFUL or GRACEFUL")),
        }
        self.start(instance, Operation::Terminate, request).await
    }

    /// CHANGE_VNFPKG: the instance moves to the package of `vnfdId` (onboarded, enabled), its
    /// release upgraded to that package's chart (`additionalParams.helm_chart_path`); the VDUs
    /// of `vdu_params` (every one when none is named) roll.
    pub async fn change_vnfpkg(
        &self,
        tenant: Option<&str>,
        id: &str,
        request: Value,
    ) -> ApiResult<OpOcc> {
        let instance = self.get(tenant, id).await?;
        Self::require(&instance, Instantiation::Instantiated)?;
        let vnfd_id = text(&request, "vnfdId").ok_or_else(|| invalid("vnfdId is required"))?;
        let package = self.package_of(tenant, vnfd_id).await?;
        let params = request
            .get("additionalParams")
            .cloned()
            .unwrap_or(json!({}));
        self.chart_in(&package.id, &params).await?;
        let flavour_id = instance
            .instantiated
            .as_ref()
            .map(|i| i.flavour_id.clone())
            .unwrap_or_default();
        let flavour = self.flavour(&package.id, &flavour_id).await.map_err(|_| {
            invalid(format!(
                "the VNFD of '{vnfd_id}' has no flavour '{flavour_id}', the instance's"
            ))
        })?;
        for v in params
            .get("vdu_params")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let vdu = text(v, "vdu_id").unwrap_or_default();
            if flavour.vdu(vdu).is_none() {
                return Err(invalid(format!(
                    "vdu_params names '{vdu}', not a VDU of the new VNFD"
                )));
            }
        }
        self.start(instance, Operation::ChangeVnfpkg, request).await
    }

    pub async fn list_ops(&self, tenant: Option<&str>) -> ApiResult<Vec<OpOcc>> {
        let mut all: Vec<OpOcc> = self.records().list().await?;
        all.retain(|o| visible(tenant, o.tenant.as_deref()));
        all.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(all)
    }

    pub async fn get_op(&self, tenant: Option<&str>, id: &str) -> ApiResult<OpOcc> {
        let found: Option<OpOcc> = self.records().get(id).await?;
        found
            .filter(|o| visible(tenant, o.tenant.as_deref()))
            .ok_or_else(|| not_found("VNF LCM operation occurrence", id))
    }

    /// Moves occurrence `id` from FAILED_TEMP to `state` when `allowed` (checked on the
    /// occurrence as it now is), again on a fresh read when the outbox came first; the
    /// occurrence as stored.
    async fn move_failed_temp(
        &self,
        tenant: Option<&str>,
        id: &str,
        state: OpState,
        allowed: impl Fn(&OpOcc) -> ApiResult<()>,
    ) -> ApiResult<OpOcc> {
        for _ in 0..10 {
            let mut op = self.get_op(tenant, id).await?;
            if op.state != OpState::FailedTemp {
                return Err(conflict(format!(
                    "operation occurrence '{id}' is {}, not FAILED_TEMP",
                    op.state.name()
                )));
            }
            allowed(&op)?;
            let expected = op.revision;
            op.enter(state);
            op.revision += 1;
            if self.records().swap(&op, expected, Blob::Keep).await? {
                self.owe();
                return Ok(op);
            }
        }
        Err(conflict(format!(
            "operation occurrence '{id}' changed meanwhile; read it again"
        )))
    }

    /// FAILED_TEMP → PROCESSING: the executor runs it again.
    pub async fn retry(&self, tenant: Option<&str>, id: &str) -> ApiResult<()> {
        self.move_failed_temp(tenant, id, OpState::Processing, |_| Ok(()))
            .await?;
        Ok(())
    }

    /// FAILED_TEMP → ROLLING_BACK, for what can be undone (INSTANTIATE, SCALE, CHANGE_VNFPKG).
    pub async fn rollback(&self, tenant: Option<&str>, id: &str) -> ApiResult<()> {
        self.move_failed_temp(tenant, id, OpState::RollingBack, |op| {
            if matches!(
                op.operation,
                Operation::Instantiate | Operation::Scale | Operation::ChangeVnfpkg
            ) {
                return Ok(());
            }
            Err(conflict(format!(
                "a {} operation is not rolled back: retry it or fail it",
                op.operation.name()
            )))
        })
        .await?;
        Ok(())
    }

    /// FAILED_TEMP → FAILED: given up; the instance is free for another operation.
    pub async fn fail(&self, tenant: Option<&str>, id: &str) -> ApiResult<OpOcc> {
        let op = self
            .move_failed_temp(tenant, id, OpState::Failed, |_| Ok(()))
            .await?;
        self.release_instance(&op).await?;
        Ok(op)
    }

    /// The instance no longer has `op` in progress.
    pub async fn release_instance(&self, op: &OpOcc) -> ApiResult<()> {
        for _ in 0..10 {
            let Some(mut i) = self
                .records()
                .get::<VnfInstance>(&op.vnf_instance_id)
                .await?
            else {
                return Ok(());
            };
            if i.operation.as_deref() != Some(op.id.as_str()) {
                return Ok(());
            }
            let expected = i.revision;
            i.operation = None;
            i.revision += 1;
            if self.records().swap(&i, expected, Blob::Keep).await? {
                return Ok(());
            }
        }
        Err(changed(&op.vnf_instance_id))
    }
}

/// A ProblemDetails body (SOL013 §6.3) for an occurrence's `error`.
pub fn problem(status: u16, detail: &str) -> Value {
    let title = match status {
        409 => "Conflict",
        422 => "Unprocessable Entity",
        _ => "Internal Server Error",
    };
    json!({ "status": status, "title": title, "detail": detail })
}

/// The release name of an instance (Tacker's).
pub fn release_of(instance: &VnfInstance) -> String {
    release_name(&instance.id)
}
