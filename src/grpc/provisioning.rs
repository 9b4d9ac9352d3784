//! gRPC adapters of the provisioning service: provisioning requests and the templates
//! (O2ims Infrastructure Provisioning and Artifacts).

use tonic::{Request, Response, Status};

use super::{from_struct, list_params, scope, to_struct, view};
use crate::{
    backend::provision::{Item, ItemPhase},
    proto::{
        artifacts::v1::{self as apb, artifact_service_server::ArtifactService as ArtifactRpc},
        provisioning::v1::{
            self as pb, provisioning_service_server::ProvisioningService as ProvisioningRpc,
        },
    },
    provisioning::{Phase, RequestData, RequestInfo, Template},
    service::provisioning::ProvisioningService,
};

pub struct ProvisioningGrpc(pub ProvisioningService);
pub struct ArtifactGrpc(pub ProvisioningService);

type R<T> = Result<Response<T>, Status>;

fn object(v: &serde_json::Value) -> prost_types::Struct {
    match v {
        serde_json::Value::Object(m) => to_struct(m),
        _ => prost_types::Struct::default(),
    }
}

fn phase(p: Phase) -> pb::ProvisioningPhase {
    match p {
        Phase::Pending => pb::ProvisioningPhase::Pending,
        Phase::Progressing => pb::ProvisioningPhase::Progressing,
        Phase::Fulfilled => pb::ProvisioningPhase::Fulfilled,
        Phase::Failed => pb::ProvisioningPhase::Failed,
        Phase::Deleting => pb::ProvisioningPhase::Deleting,
    }
}

fn item(i: &Item) -> pb::ResourceProvisioningStatus {
    let phase = match i.resource_provisioning_phase {
        ItemPhase::Processing => pb::ResourceProvisioningPhase::Processing,
        ItemPhase::Provisioned => pb::ResourceProvisioningPhase::Provisioned,
        ItemPhase::AwaitingFreeResources => pb::ResourceProvisioningPhase::AwaitingFreeResources,
        ItemPhase::Failed => pb::ResourceProvisioningPhase::Failed,
    };
    pb::ResourceProvisioningStatus {
        resource_name: i.resource_name.clone(),
        resource_id: i.resource_id.clone(),
        resource_provisioning_phase: phase as i32,
    }
}

fn data_pb(d: &RequestData) -> pb::ProvisioningRequestData {
    pb::ProvisioningRequestData {
        provisioning_request_id: d.provisioning_request_id.clone(),
        name: d.name.clone(),
        description: d.description.clone(),
        template_name: d.template_name.clone(),
        template_version: d.template_version.clone(),
        template_parameters: Some(object(&d.template_parameters)),
    }
}

fn data(d: Option<pb::ProvisioningRequestData>) -> Result<RequestData, Status> {
    let d = d.ok_or_else(|| Status::invalid_argument("provisioning_request_data is required"))?;
    Ok(RequestData {
        provisioning_request_id: d.provisioning_request_id,
        name: d.name,
        description: d.description,
        template_name: d.template_name,
        template_version: d.template_version,
        template_parameters: serde_json::Value::Object(from_struct(d.template_parameters)),
    })
}

fn info(r: &RequestInfo) -> pb::ProvisioningRequestInfo {
    let s = &r.status;
    pb::ProvisioningRequestInfo {
        provisioning_request_reference: r.provisioning_request_reference.clone(),
        provisioning_request_data: Some(data_pb(&r.provisioning_request_data)),
        provisioned_resource_set: Some(pb::ProvisionedResourceSet {
            node_cluster_id: r.provisioned_resource_set.node_cluster_id.clone(),
            infrastructure_resource_ids: r
                .provisioned_resource_set
                .infrastructure_resource_ids
                .clone(),
        }),
        status: Some(pb::ProvisioningStatus {
            update_time: s.update_time.clone(),
            message: s.message.clone(),
            provisioning_phase: phase(s.provisioning_phase) as i32,
            node_cluster_provisioning_status: Some(item(&s.node_cluster_provisioning_status)),
            infrastructure_resource_provisioning_status: s
                .infrastructure_resource_provisioning_status
                .iter()
                .map(item)
                .collect(),
        }),
    }
}

fn template(t: &Template) -> apb::ManagedInfrastructureTemplate {
    apb::ManagedInfrastructureTemplate {
        artifact_resource_id: t.artifact_resource_id.clone(),
        name: t.name.clone(),
        version: t.version.clone(),
        description: t.description.clone(),
        parameter_schema: Some(object(&t.parameter_schema)),
        characteristics: t.characteristics.clone().into_iter().collect(),
        extensions: Some(to_struct(&t.extensions)),
    }
}

#[tonic::async_trait]
impl ProvisioningRpc for ProvisioningGrpc {
    async fn get_all_versions(
        &self,
        _: Request<pb::GetAllVersionsRequest>,
    ) -> R<pb::GetAllVersionsResponse> {
        Ok(Response::new(pb::GetAllVersionsResponse {
            versions: Some((&self.0.provisioning_versions(false)).into()),
        }))
    }

    async fn get_minor_versions(
        &self,
        _: Request<pb::GetMinorVersionsRequest>,
    ) -> R<pb::GetMinorVersionsResponse> {
        Ok(Response::new(pb::GetMinorVersionsResponse {
            versions: Some((&self.0.provisioning_versions(true)).into()),
        }))
    }

    async fn list_provisioning_requests(
        &self,
        r: Request<pb::ListProvisioningRequestsRequest>,
    ) -> R<pb::ListProvisioningRequestsResponse> {
        let tenant = scope(&r);
        let params = list_params(r.into_inner().options);
        let listed = self.0.list_requests(tenant.as_deref(), &params).await?;
        Ok(Response::new(pb::ListProvisioningRequestsResponse {
            provisioning_requests: listed.items.iter().map(|r| info(r)).collect(),
            next_page_token: listed.next_page_token.unwrap_or_default(),
        }))
    }

    async fn create_provisioning_request(
        &self,
        r: Request<pb::CreateProvisioningRequestRequest>,
    ) -> R<pb::CreateProvisioningRequestResponse> {
        let tenant = scope(&r);
        let quota = view(&r).and_then(|v| v.max_provisioning_requests);
        let asked = data(r.into_inner().provisioning_request_data)?;
        let made = self
            .0
            .create_request(tenant.as_deref(), quota, asked)
            .await?;
        Ok(Response::new(pb::CreateProvisioningRequestResponse {
            provisioning_request: Some(info(&made)),
        }))
    }

    async fn get_provisioning_request(
        &self,
        r: Request<pb::GetProvisioningRequestRequest>,
    ) -> R<pb::GetProvisioningRequestResponse> {
        let tenant = scope(&r);
        let id = r.into_inner().provisioning_request_id;
        let found = self.0.get_request(tenant.as_deref(), &id).await?;
        Ok(Response::new(pb::GetProvisioningRequestResponse {
            provisioning_request: Some(info(&found)),
        }))
    }

    async fn update_provisioning_request(
        &self,
        r: Request<pb::UpdateProvisioningRequestRequest>,
    ) -> R<pb::UpdateProvisioningRequestResponse> {
        let tenant = scope(&r);
        let r = r.into_inner();
        let asked = data(r.provisioning_request_data)?;
        let replaced = self
            .0
            .replace_request(tenant.as_deref(), &r.provisioning_request_id, asked)
            .await?;
        Ok(Response::new(pb::UpdateProvisioningRequestResponse {
            provisioning_request: Some(info(&replaced)),
        }))
    }

    async fn delete_provisioning_request(
        &self,
        r: Request<pb::DeleteProvisioningRequestRequest>,
    ) -> R<pb::DeleteProvisioningRequestResponse> {
        let tenant = scope(&r);
        let id = r.into_inner().provisioning_request_id;
        self.0.delete_request(tenant.as_deref(), &id).await?;
        Ok(Response::new(pb::DeleteProvisioningRequestResponse {}))
    }
}

#[tonic::async_trait]
impl ArtifactRpc for ArtifactGrpc {
    async fn get_all_versions(
        &self,
        _: Request<apb::GetAllVersionsRequest>,
    ) -> R<apb::GetAllVersionsResponse> {
        Ok(Response::new(apb::GetAllVersionsResponse {
            versions: Some((&self.0.artifacts_versions(false)).into()),
        }))
    }

    async fn get_minor_versions(
        &self,
        _: Request<apb::GetMinorVersionsRequest>,
    ) -> R<apb::GetMinorVersionsResponse> {
        Ok(Response::new(apb::GetMinorVersionsResponse {
            versions: Some((&self.0.artifacts_versions(true)).into()),
        }))
    }

    async fn list_managed_infrastructure_templates(
        &self,
        r: Request<apb::ListManagedInfrastructureTemplatesRequest>,
    ) -> R<apb::ListManagedInfrastructureTemplatesResponse> {
        let params = list_params(r.into_inner().options);
        let listed = self.0.list_templates(&params)?;
        Ok(Response::new(
            apb::ListManagedInfrastructureTemplatesResponse {
                templates: listed.items.iter().map(|t| template(t)).collect(),
                next_page_token: listed.next_page_token.unwrap_or_default(),
            },
        ))
    }

    async fn get_managed_infrastructure_template(
        &self,
        r: Request<apb::GetManagedInfrastructureTemplateRequest>,
    ) -> R<apb::GetManagedInfrastructureTemplateResponse> {
        let id = r.into_inner().managed_infrastructure_template_id;
        let found = self.0.get_template(&id)?;
        Ok(Response::new(
            apb::GetManagedInfrastructureTemplateResponse {
                template: Some(template(&found)),
            },
        ))
    }

    async fn get_managed_infrastructure_template_defaults(
        &self,
        r: Request<apb::GetManagedInfrastructureTemplateDefaultsRequest>,
    ) -> R<apb::GetManagedInfrastructureTemplateDefaultsResponse> {
        let id = r.into_inner().managed_infrastructure_template_id;
        let defaults = self.0.template_defaults(&id)?;
        Ok(Response::new(
            apb::GetManagedInfrastructureTemplateDefaultsResponse {
                cluster_instance_defaults: Some(object(&defaults["clusterInstanceDefaults"])),
                policy_template_defaults: Some(prost_types::Struct::default()),
            },
        ))
    }
}
