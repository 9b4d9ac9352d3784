//! gRPC adapter of the administration service: tenants, role bindings, the audit trail.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::{
    proto::admin::v1::{self as pb, admin_service_server::AdminService as AdminRpc},
    security::{
        audit::AuditRecord,
        tenants::{Quotas, RoleBinding, Tenant, TenantSpec, TenantStatus},
        Principal,
    },
    service::{admin::AuditFilter, AdminService},
};

pub struct AdminGrpc(pub AdminService);

/// The caller the gate admitted (anonymous when authentication is off).
fn caller<T>(r: &Request<T>) -> Arc<Principal> {
    r.extensions()
        .get::<Arc<Principal>>()
        .cloned()
        .unwrap_or_else(|| Arc::new(Principal::anonymous()))
}

impl From<&Tenant> for pb::Tenant {
    fn from(t: &Tenant) -> Self {
        pb::Tenant {
            tenant_id: t.tenant_id.clone(),
            status: match t.status {
                TenantStatus::Active => pb::TenantStatus::Active,
                TenantStatus::Suspended => pb::TenantStatus::Suspended,
            } as i32,
            resource_pools: t.resource_pools.clone(),
            label_selector: t.label_selector.clone().unwrap_or_default(),
            quotas: Some(pb::Quotas {
                max_subscriptions: t.quotas.max_subscriptions,
                max_hubs: t.quotas.max_hubs,
                max_resource_pools: t.quotas.max_resource_pools,
                max_watch_streams: t.quotas.max_watch_streams,
                max_provisioning_requests: t.quotas.max_provisioning_requests,
                requests_per_second: t.quotas.requests_per_second,
            }),
            created_at: t.created_at.clone(),
            updated_at: t.updated_at.clone(),
        }
    }
}

fn spec(t: Option<pb::Tenant>) -> Result<TenantSpec, Status> {
    let t = t.ok_or_else(|| Status::invalid_argument("tenant is required"))?;
    let status = match pb::TenantStatus::try_from(t.status) {
        Ok(pb::TenantStatus::Unspecified) => None,
        Ok(pb::TenantStatus::Active) => Some(TenantStatus::Active),
        Ok(pb::TenantStatus::Suspended) => Some(TenantStatus::Suspended),
        Err(_) => {
            return Err(Status::invalid_argument(format!(
                "status {} is not a TenantStatus",
                t.status
            )))
        }
    };
    let q = t.quotas.unwrap_or_default();
    Ok(TenantSpec {
        tenant_id: Some(t.tenant_id).filter(|id| !id.is_empty()),
        status,
        resource_pools: t.resource_pools,
        label_selector: Some(t.label_selector).filter(|s| !s.is_empty()),
        quotas: Quotas {
            max_subscriptions: q.max_subscriptions,
            max_hubs: q.max_hubs,
            max_resource_pools: q.max_resource_pools,
            max_watch_streams: q.max_watch_streams,
            max_provisioning_requests: q.max_provisioning_requests,
            requests_per_second: q.requests_per_second,
        },
        created_at: None,
        updated_at: None,
    })
}

impl From<&RoleBinding> for pb::RoleBinding {
    fn from(b: &RoleBinding) -> Self {
        pb::RoleBinding {
            subject: b.subject.clone(),
            roles: b.roles.clone(),
        }
    }
}

impl From<&AuditRecord> for pb::AuditRecord {
    fn from(r: &AuditRecord) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        pb::AuditRecord {
            timestamp: r.timestamp.clone(),
            request_id: r.request_id.clone(),
            tenant: text(&r.tenant),
            subject: text(&r.subject),
            client_id: text(&r.client_id),
            auth_method: text(&r.auth_method),
            certificate_thumbprint: text(&r.certificate_thumbprint),
            rpc: text(&r.rpc),
            http_method: r.http_method.clone(),
            path: r.path.clone(),
            object_id: text(&r.object_id),
            result: r.result.as_str().to_owned(),
            status: u32::from(r.status),
            grpc_status: r.grpc_status,
            peer: text(&r.peer),
        }
    }
}

#[tonic::async_trait]
impl AdminRpc for AdminGrpc {
    async fn list_tenants(
        &self,
        _: Request<pb::ListTenantsRequest>,
    ) -> Result<Response<pb::ListTenantsResponse>, Status> {
        let tenants = self.0.list_tenants().await?;
        Ok(Response::new(pb::ListTenantsResponse {
            tenants: tenants.iter().map(Into::into).collect(),
        }))
    }

    async fn create_tenant(
        &self,
        r: Request<pb::CreateTenantRequest>,
    ) -> Result<Response<pb::CreateTenantResponse>, Status> {
        let tenant = self.0.create_tenant(spec(r.into_inner().tenant)?).await?;
        Ok(Response::new(pb::CreateTenantResponse {
            tenant: Some((&tenant).into()),
        }))
    }

    async fn get_tenant(
        &self,
        r: Request<pb::GetTenantRequest>,
    ) -> Result<Response<pb::GetTenantResponse>, Status> {
        let tenant = self.0.get_tenant(&r.into_inner().tenant_id).await?;
        Ok(Response::new(pb::GetTenantResponse {
            tenant: Some((&tenant).into()),
        }))
    }

    async fn update_tenant(
        &self,
        r: Request<pb::UpdateTenantRequest>,
    ) -> Result<Response<pb::UpdateTenantResponse>, Status> {
        let r = r.into_inner();
        let tenant = self.0.update_tenant(&r.tenant_id, spec(r.tenant)?).await?;
        Ok(Response::new(pb::UpdateTenantResponse {
            tenant: Some((&tenant).into()),
        }))
    }

    async fn delete_tenant(
        &self,
        r: Request<pb::DeleteTenantRequest>,
    ) -> Result<Response<pb::DeleteTenantResponse>, Status> {
        self.0.delete_tenant(&r.into_inner().tenant_id).await?;
        Ok(Response::new(pb::DeleteTenantResponse {}))
    }

    async fn list_bindings(
        &self,
        r: Request<pb::ListBindingsRequest>,
    ) -> Result<Response<pb::ListBindingsResponse>, Status> {
        let who = caller(&r);
        let bindings = self
            .0
            .list_bindings(&who, &r.into_inner().tenant_id)
            .await?;
        Ok(Response::new(pb::ListBindingsResponse {
            bindings: bindings.iter().map(Into::into).collect(),
        }))
    }

    async fn put_binding(
        &self,
        r: Request<pb::PutBindingRequest>,
    ) -> Result<Response<pb::PutBindingResponse>, Status> {
        let who = caller(&r);
        let r = r.into_inner();
        let b = r
            .binding
            .ok_or_else(|| Status::invalid_argument("binding is required"))?;
        let binding = RoleBinding {
            subject: b.subject,
            roles: b.roles,
        };
        let (stored, created) = self.0.put_binding(&who, &r.tenant_id, binding).await?;
        Ok(Response::new(pb::PutBindingResponse {
            binding: Some((&stored).into()),
            created,
        }))
    }

    async fn delete_binding(
        &self,
        r: Request<pb::DeleteBindingRequest>,
    ) -> Result<Response<pb::DeleteBindingResponse>, Status> {
        let who = caller(&r);
        let r = r.into_inner();
        self.0
            .delete_binding(&who, &r.tenant_id, &r.subject)
            .await?;
        Ok(Response::new(pb::DeleteBindingResponse {}))
    }

    async fn list_audit_records(
        &self,
        r: Request<pb::ListAuditRecordsRequest>,
    ) -> Result<Response<pb::ListAuditRecordsResponse>, Status> {
        let r = r.into_inner();
        let set = |s: String| Some(s).filter(|s| !s.is_empty());
        let filter = AuditFilter {
            tenant: set(r.tenant),
            subject: set(r.subject),
            result: set(r.result),
            since: set(r.since),
            until: set(r.until),
            limit: match r.limit {
                0 => None,
                n if n < 0 => return Err(Status::invalid_argument("limit must be at least 1")),
                n => Some(n as usize),
            },
        };
        let records = self.0.audit(filter).await?;
        Ok(Response::new(pb::ListAuditRecordsResponse {
            records: records.iter().map(Into::into).collect(),
        }))
    }
}
