//! Gateway administration: tenants, their role bindings, and the audit trail, for REST and
//! gRPC alike. The gate (`security::guard`) decided who may call each RPC; what is left here
//! is the scope of a caller confined to one tenant (a tenant's owner manages that tenant's
//! bindings only: another tenant answers 404, as if it did not exist).

use crate::{
    error::{ApiError, ApiResult, ErrorCode},
    events::model::now_rfc3339,
    security::{
        audit::{AuditQuery, AuditRecord, Outcome},
        tenants::{self, resident, RoleBinding, Tenant, TenantSpec, Tenants},
        Principal,
    },
    store::{AdminStoreRef, StoreError},
};

/// Audit records one query returns at most.
pub const MAX_AUDIT: usize = 1000;

#[derive(Clone)]
pub struct AdminService {
    store: AdminStoreRef,
    tenants: Tenants,
}

fn store_error(e: StoreError) -> ApiError {
    let code = match e {
        StoreError::Unavailable(_) => ErrorCode::Unavailable,
        _ => ErrorCode::Internal,
    };
    ApiError {
        code,
        message: "administration store failure".into(),
        source: Some(e.into()),
    }
}

fn invalid(message: String) -> ApiError {
    ApiError::invalid(message)
}

impl AdminService {
    pub fn new(store: AdminStoreRef, tenants: Tenants) -> AdminService {
        AdminService { store, tenants }
    }

    pub fn tenants(&self) -> &Tenants {
        &self.tenants
    }

    /// Creates the configured tenants the store lacks (the admin API owns the others), then
    /// loads every tenant.
    pub async fn seed(&self, configured: &[crate::config::TenantConfig]) -> anyhow::Result<()> {
        for c in configured {
            let (tenant, bindings) = tenants::from_config(c, now_rfc3339())
                .map_err(|e| anyhow::anyhow!("tenants '{}': {e}", c.id))?;
            if self.store.create_tenant(&tenant).await? {
                for b in &bindings {
                    self.store.put_binding(&tenant.tenant_id, b).await?;
                }
                tracing::info!(tenant = %tenant.tenant_id, "tenant created from the configuration");
            }
        }
        self.tenants.reload(&self.store).await?;
        Ok(())
    }

    /// Keeps the copy the gate reads in step with the store after a write here.
    async fn refresh(&self, id: &str) -> ApiResult<()> {
        let tenant = self.store.get_tenant(id).await.map_err(store_error)?;
        let resident = match tenant {
            Some(t) => {
                let bindings = self.store.list_bindings(id).await.map_err(store_error)?;
                Some(resident(t, bindings))
            }
            None => None,
        };
        self.tenants.set(id, resident);
        Ok(())
    }

    pub async fn list_tenants(&self) -> ApiResult<Vec<Tenant>> {
        self.store.list_tenants().await.map_err(store_error)
    }

    pub async fn create_tenant(&self, spec: TenantSpec) -> ApiResult<Tenant> {
        let tenant = spec
            .into_tenant(None, None, now_rfc3339())
            .map_err(invalid)?;
        if !self
            .store
            .create_tenant(&tenant)
            .await
            .map_err(store_error)?
        {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!("tenant '{}' already exists", tenant.tenant_id),
            ));
        }
        self.refresh(&tenant.tenant_id).await?;
        tracing::info!(tenant = %tenant.tenant_id, status = tenant.status.as_str(), "tenant created");
        Ok(tenant)
    }

    pub async fn get_tenant(&self, id: &str) -> ApiResult<Tenant> {
        self.store
            .get_tenant(id)
            .await
            .map_err(store_error)?
            .ok_or_else(|| ApiError::not_found("tenant", id))
    }

    pub async fn update_tenant(&self, id: &str, spec: TenantSpec) -> ApiResult<Tenant> {
        let existing = self.get_tenant(id).await?;
        let tenant = spec
            .into_tenant(Some(id), Some(existing.created_at), now_rfc3339())
            .map_err(invalid)?;
        if !self
            .store
            .replace_tenant(&tenant)
            .await
            .map_err(store_error)?
        {
            return Err(ApiError::not_found("tenant", id));
        }
        self.refresh(id).await?;
        tracing::info!(tenant = %id, status = tenant.status.as_str(), "tenant updated");
        Ok(tenant)
    }

    pub async fn delete_tenant(&self, id: &str) -> ApiResult<()> {
        if !self.store.remove_tenant(id).await.map_err(store_error)? {
            return Err(ApiError::not_found("tenant", id));
        }
        self.tenants.set(id, None);
        tracing::info!(tenant = %id, "tenant deleted");
        Ok(())
    }

    /// The tenant `caller` may manage the bindings of: any for a cross-tenant caller, its own
    /// otherwise (another answers 404).
    async fn bindable(&self, caller: &Principal, id: &str) -> ApiResult<()> {
        if caller.confined_to().is_some_and(|own| own != id) {
            return Err(ApiError::not_found("tenant", id));
        }
        self.get_tenant(id).await.map(|_| ())
    }

    pub async fn list_bindings(&self, caller: &Principal, id: &str) -> ApiResult<Vec<RoleBinding>> {
        self.bindable(caller, id).await?;
        self.store.list_bindings(id).await.map_err(store_error)
    }

    /// The binding stored, and whether it is new.
    pub async fn put_binding(
        &self,
        caller: &Principal,
        id: &str,
        binding: RoleBinding,
    ) -> ApiResult<(RoleBinding, bool)> {
        self.bindable(caller, id).await?;
        binding.check().map_err(invalid)?;
        let created = self
            .store
            .put_binding(id, &binding)
            .await
            .map_err(store_error)?;
        self.refresh(id).await?;
        tracing::info!(tenant = %id, subject = %binding.subject, roles = ?binding.roles, "role binding stored");
        Ok((binding, created))
    }

    pub async fn delete_binding(
        &self,
        caller: &Principal,
        id: &str,
        subject: &str,
    ) -> ApiResult<()> {
        self.bindable(caller, id).await?;
        if !self
            .store
            .remove_binding(id, subject)
            .await
            .map_err(store_error)?
        {
            return Err(ApiError::not_found("binding", subject));
        }
        self.refresh(id).await?;
        tracing::info!(tenant = %id, %subject, "role binding removed");
        Ok(())
    }

    pub async fn audit(&self, query: AuditFilter) -> ApiResult<Vec<AuditRecord>> {
        let since_ms = parse_time("since", query.since.as_deref())?;
        let until_ms = parse_time("until", query.until.as_deref())?;
        let result = match query.result.as_deref() {
            None => None,
            Some(r) => Some(Outcome::parse(r).ok_or_else(|| {
                ApiError::invalid(format!("result '{r}' is not success, denied or error"))
            })?),
        };
        let limit = match query.limit {
            Some(n) if n == 0 || n > MAX_AUDIT => {
                return Err(ApiError::invalid(format!(
                    "limit must be between 1 and {MAX_AUDIT}, not {n}"
                )))
            }
            Some(n) => n,
            None => 100,
        };
        let nonempty = |v: Option<String>| v.filter(|s| !s.is_empty());
        self.store
            .audit(&AuditQuery {
                tenant: nonempty(query.tenant),
                subject: nonempty(query.subject),
                result,
                since_ms,
                until_ms,
                limit,
            })
            .await
            .map_err(store_error)
    }
}

/// The audit query as a client sends it.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditFilter {
    pub tenant: Option<String>,
    pub subject: Option<String>,
    pub result: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: Option<usize>,
}

fn parse_time(name: &str, value: Option<&str>) -> ApiResult<Option<i64>> {
    match value {
        None => Ok(None),
        Some(v) => v
            .parse::<jiff::Timestamp>()
            .map(|t| Some(t.as_millisecond()))
            .map_err(|e| ApiError::invalid(format!("{name} '{v}' is not an RFC 3339 time: {e}"))),
    }
}
