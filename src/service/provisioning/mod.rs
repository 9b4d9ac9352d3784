//! O2ims Infrastructure Provisioning and Artifacts (O2IMS Infrastructure Provisioning API
//! 1.2.0, Infrastructure Artifacts API 1.0.0): the templates the O-Cloud offers, and the
//! provisioning requests an SMO makes of them. A request is checked (schema, then the builder:
//! a site that does not exist) before anything is stored; the executor
//! (`provisioning::executor`) carries it out while this replica leads.

pub mod executor;
pub mod writer;

use std::{collections::BTreeMap, sync::Arc};

use tokio::sync::Notify;

use super::{require_uuid, ListParams, Listed};
use crate::{
    backend::{BackendError, BackendRef},
    domain::{
        api::{ARTIFACTS_ROOT, PROVISIONING_ROOT},
        attributes::{AsAttr, Attr},
        list::page_of,
        objects::{ApiVersion, ApiVersions},
        Attributes, Fields,
    },
    error::{ApiError, ApiResult, ErrorCode},
    provisioning::{Catalog, Phase, ProvisioningRequest, RequestData, RequestInfo, Template},
};
use writer::Writer;

pub const PROVISIONING_VERSION: &str = "1.2.0";
pub const ARTIFACTS_VERSION: &str = "1.0.0";

#[derive(Clone)]
pub struct ProvisioningService {
    catalog: Arc<Catalog>,
    writer: Writer,
    backend: BackendRef,
    /// Wakes the executor.
    wake: Arc<Notify>,
    /// Largest page a list answers.
    max_page_size: usize,
}

fn versions(prefix: String, version: &str) -> ApiVersions {
    ApiVersions {
        uri_prefix: prefix,
        api_versions: vec![ApiVersion {
            version: version.into(),
            is_deprecated: false,
            retirement_date: None,
        }],
    }
}

impl ProvisioningService {
    pub fn new(
        catalog: Arc<Catalog>,
        writer: Writer,
        backend: BackendRef,
        wake: Arc<Notify>,
        max_page_size: usize,
    ) -> ProvisioningService {
        ProvisioningService {
            catalog,
            writer,
            backend,
            wake,
            max_page_size,
        }
    }

    pub fn provisioning_versions(&self, minor: bool) -> ApiVersions {
        let prefix = match minor {
            true => format!("{PROVISIONING_ROOT}/v1"),
            false => PROVISIONING_ROOT.to_owned(),
        };
        versions(prefix, PROVISIONING_VERSION)
    }

    pub fn artifacts_versions(&self, minor: bool) -> ApiVersions {
        let prefix = match minor {
            true => format!("{ARTIFACTS_ROOT}/v1"),
            false => ARTIFACTS_ROOT.to_owned(),
        };
        versions(prefix, ARTIFACTS_VERSION)
    }

    pub fn list_templates(&self, params: &ListParams) -> ApiResult<Listed<Template>> {
        let (query, projection) = params.query::<Template>(self.max_page_size)?;
        let all: BTreeMap<String, Arc<Template>> = self
            .catalog
            .all()
            .into_iter()
            .map(|t| (t.artifact_resource_id.clone(), t))
            .collect();
        Ok(Listed::new(page_of(&all, &query), projection))
    }

    pub fn get_template(&self, id: &str) -> ApiResult<Arc<Template>> {
        self.catalog
            .get(id)
            .ok_or_else(|| ApiError::not_found("managed infrastructure template", id))
    }

    /// `ManagedInfrastructureTemplateDefaults`: the parameters' defaults are what the
    /// template uses to build (`clusterInstanceDefaults`); netweave applies no policy
    /// templates (`policyTemplateDefaults` is empty).
    pub fn template_defaults(&self, id: &str) -> ApiResult<serde_json::Value> {
        let t = self.get_template(id)?;
        Ok(serde_json::json!({
            "clusterInstanceDefaults": t.defaults(),
            "policyTemplateDefaults": {},
        }))
    }

    pub async fn list_requests(
        &self,
        tenant: Option<&str>,
        params: &ListParams,
    ) -> ApiResult<Listed<RequestInfo>> {
        let (query, projection) = params.query::<RequestInfo>(self.max_page_size)?;
        let all: BTreeMap<String, Arc<RequestInfo>> = self
            .writer
            .store()
            .list_requests()
            .await?
            .into_iter()
            .filter(|r| !r.gone && owned(r, tenant))
            .map(|r| (r.id().to_owned(), Arc::new(r.info)))
            .collect();
        Ok(Listed::new(page_of(&all, &query), projection))
    }

    async fn stored(&self, tenant: Option<&str>, id: &str) -> ApiResult<ProvisioningRequest> {
        require_uuid("provisioningRequestId", id)?;
        self.writer
            .store()
            .get_request(id)
            .await?
            .filter(|r| !r.gone && owned(r, tenant))
            .ok_or_else(|| ApiError::not_found("provisioning request", id))
    }

    pub async fn get_request(&self, tenant: Option<&str>, id: &str) -> ApiResult<RequestInfo> {
        Ok(self.stored(tenant, id).await?.info)
    }

    /// The template a request names, its parameters resolved, and the builder's check.
    async fn admit(&self, data: &RequestData) -> ApiResult<(Arc<Template>, serde_json::Value)> {
        require_uuid("provisioningRequestId", &data.provisioning_request_id)?;
        for (field, value) in [
            ("name", &data.name),
            ("templateName", &data.template_name),
            ("templateVersion", &data.template_version),
        ] {
            if value.is_empty() {
                return Err(ApiError::invalid(format!("/{field}: must not be empty")));
            }
        }
        let template = self
            .catalog
            .named(&data.template_name, &data.template_version)
            .ok_or_else(|| {
                ApiError::invalid(format!(
                    "/templateName: no template '{}' of version '{}' (see {ARTIFACTS_ROOT}/v1/managedInfrastructureTemplates)",
                    data.template_name, data.template_version
                ))
            })?;
        let parameters = template
            .resolve(&data.template_parameters)
            .map_err(|e| ApiError::invalid(e.to_string()))?;
        Ok((template, parameters))
    }

    async fn check(&self, request: &ProvisioningRequest) -> ApiResult<()> {
        let provisioner = self.backend.provisioner().ok_or_else(|| {
            ApiError::new(
                ErrorCode::Unsupported,
                "no backend carries out provisioning requests",
            )
        })?;
        provisioner
            .check(&request.order())
            .await
            .map_err(|e| match e {
                BackendError::Invalid(why) => {
                    ApiError::invalid(format!("/templateParameters: {why}"))
                }
                other => other.into(),
            })
    }

    pub async fn create_request(
        &self,
        tenant: Option<&str>,
        quota: Option<u32>,
        data: RequestData,
    ) -> ApiResult<RequestInfo> {
        let (template, parameters) = self.admit(&data).await?;
        let id = data.provisioning_request_id.clone();
        let mut request = ProvisioningRequest::new(
            data,
            template.builder.clone(),
            parameters,
            tenant.map(str::to_owned),
        );
        self.check(&request).await?;
        if let (Some(tenant), Some(max)) = (tenant, quota) {
            let held = self
                .writer
                .store()
                .list_requests()
                .await?
                .iter()
                .filter(|r| !r.gone && r.tenant.as_deref() == Some(tenant))
                .count();
            if held >= max as usize {
                return Err(ApiError::new(
                    ErrorCode::QuotaExceeded,
                    format!("tenant '{tenant}' holds {held} provisioning requests, its maxProvisioningRequests"),
                ));
            }
        }
        request.record_event(None, false);
        let written = self.writer.write(request, 0).await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::Conflict,
                format!("provisioning request '{id}' already exists"),
            )
        })?;
        self.wake.notify_one();
        Ok(written.info)
    }

    /// Replaces what a request asks: the executor carries out the new parameters from PENDING
    /// (scaling what exists rather than building anew). Its template may change version, not
    /// builder.
    pub async fn replace_request(
        &self,
        tenant: Option<&str>,
        id: &str,
        data: RequestData,
    ) -> ApiResult<RequestInfo> {
        if data.provisioning_request_id != id {
            return Err(ApiError::invalid(format!(
                "/provisioningRequestId: '{}' is not the request addressed ('{id}')",
                data.provisioning_request_id
            )));
        }
        let (template, parameters) = self.admit(&data).await?;
        loop {
            let stored = self.stored(tenant, id).await?;
            if stored.phase() == Phase::Deleting {
                return Err(ApiError::new(
                    ErrorCode::Unprocessable,
                    format!("provisioning request '{id}' is being deleted"),
                ));
            }
            if template.builder != stored.builder {
                return Err(ApiError::new(
                    ErrorCode::Unprocessable,
                    format!(
                        "template '{}' builds with '{}', the request with '{}': delete the request and create a new one",
                        template.name, template.builder, stored.builder
                    ),
                ));
            }
            let mut next = stored.clone();
            if next.info.provisioning_request_data == data {
                return Ok(next.info);
            }
            next.info.provisioning_request_data = data.clone();
            next.parameters = parameters.clone();
            self.check(&next).await?;
            next.generation += 1;
            next.started = 0.0;
            next.set_phase(Phase::Pending, "replaced; waiting to be carried out");
            next.record_event(Some(&stored.info), false);
            if let Some(written) = self.writer.write(next, stored.revision).await? {
                self.wake.notify_one();
                return Ok(written.info);
            }
        }
    }

    /// Moves a request to DELETING: the executor removes what it built, then the request.
    pub async fn delete_request(&self, tenant: Option<&str>, id: &str) -> ApiResult<()> {
        loop {
            let stored = self.stored(tenant, id).await?;
            if stored.phase() == Phase::Deleting {
                return Ok(());
            }
            let mut next = stored.clone();
            next.set_phase(Phase::Deleting, "removing what was built");
            next.record_event(Some(&stored.info), false);
            if self.writer.write(next, stored.revision).await?.is_some() {
                self.wake.notify_one();
                return Ok(());
            }
        }
    }
}

/// A confined caller's requests are its tenant's.
fn owned(r: &ProvisioningRequest, tenant: Option<&str>) -> bool {
    tenant.is_none_or(|t| r.tenant.as_deref() == Some(t))
}

impl Fields for RequestInfo {
    const FIELDS: &'static [&'static str] = &[
        "provisioningRequestReference",
        "provisioningRequestData",
        "provisionedResourceSet",
        "status",
    ];
    const ID_FIELD: &'static str = "provisioningRequestReference";
}

impl Attributes for RequestInfo {
    fn attribute(&self, name: &str) -> Attr<'_> {
        let json = |v: serde_json::Result<serde_json::Value>| v.map_or(Attr::Missing, Attr::Owned);
        match name {
            "provisioningRequestReference" => self.provisioning_request_reference.as_attr(),
            "provisioningRequestData" => {
                json(serde_json::to_value(&self.provisioning_request_data))
            }
            "provisionedResourceSet" => json(serde_json::to_value(&self.provisioned_resource_set)),
            "status" => json(serde_json::to_value(&self.status)),
            _ => Attr::Missing,
        }
    }
}

impl Fields for Template {
    const FIELDS: &'static [&'static str] = &[
        "artifactResourceId",
        "name",
        "version",
        "description",
        "parameterSchema",
        "characteristics",
        "extensions",
    ];
    const ID_FIELD: &'static str = "artifactResourceId";
}

impl Attributes for Template {
    fn attribute(&self, name: &str) -> Attr<'_> {
        match name {
            "artifactResourceId" => self.artifact_resource_id.as_attr(),
            "name" => self.name.as_attr(),
            "version" => self.version.as_attr(),
            "description" => self.description.as_attr(),
            "parameterSchema" => Attr::Json(&self.parameter_schema),
            "characteristics" => {
                serde_json::to_value(&self.characteristics).map_or(Attr::Missing, Attr::Owned)
            }
            "extensions" => Attr::Map(&self.extensions),
            _ => Attr::Missing,
        }
    }
}
