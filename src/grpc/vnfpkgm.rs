//! gRPC adapter of VNF package management (`netweave.vnfpkgm.v1.VnfPackageService`).

use tonic::{Request, Response, Status};

use super::{from_struct, scope, to_struct};
use crate::{
    dms::package::{Operational, VnfPackage},
    error::{ApiError, ErrorCode},
    proto::vnfpkgm::v1::{self as pb, vnf_package_service_server::VnfPackageService as Rpc},
    service::dms::{
        charts::ChartRepository,
        packages::{Modifications, PackageService},
    },
};

pub struct VnfPackageGrpc(pub PackageService);

type R<T> = Result<Response<T>, Status>;

fn info(p: &VnfPackage) -> pb::VnfPkgInfo {
    let mut out = pb::VnfPkgInfo {
        id: p.id.clone(),
        onboarding_state: p.onboarding_state.name().into(),
        operational_state: p.operational_state.name().into(),
        usage_state: p.usage_state.name().into(),
        user_defined_data: Some(to_struct(&p.user_defined_data)),
        ..Default::default()
    };
    if let Some(c) = &p.csar {
        out.vnfd_id = c.vnfd.vnfd_id.clone();
        out.vnf_provider = c.vnfd.provider.clone();
        out.vnf_product_name = c.vnfd.product_name.clone();
        out.vnf_software_version = c.vnfd.software_version.clone();
        out.vnfd_version = c.vnfd.descriptor_version.clone();
        out.checksum = Some(pb::Checksum {
            algorithm: "SHA-256".into(),
            hash: c.sha256.clone(),
        });
        out.additional_artifacts = c
            .artifacts
            .iter()
            .map(|a| pb::PackageArtifactInfo {
                artifact_path: a.path.clone(),
                checksum: Some(pb::Checksum {
                    algorithm: a.algorithm.clone(),
                    hash: a.hash.clone(),
                }),
            })
            .collect();
    }
    out
}

#[tonic::async_trait]
impl Rpc for VnfPackageGrpc {
    async fn list_vnf_packages(
        &self,
        r: Request<pb::ListVnfPackagesRequest>,
    ) -> R<pb::ListVnfPackagesResponse> {
        let all = self.0.list(scope(&r).as_deref()).await?;
        Ok(Response::new(pb::ListVnfPackagesResponse {
            vnf_packages: all.iter().map(info).collect(),
        }))
    }

    async fn create_vnf_package(
        &self,
        r: Request<pb::CreateVnfPackageRequest>,
    ) -> R<pb::CreateVnfPackageResponse> {
        let tenant = scope(&r);
        let data = from_struct(r.into_inner().user_defined_data);
        let made = self.0.create(tenant.as_deref(), data).await?;
        Ok(Response::new(pb::CreateVnfPackageResponse {
            vnf_package: Some(info(&made)),
        }))
    }

    async fn get_vnf_package(
        &self,
        r: Request<pb::GetVnfPackageRequest>,
    ) -> R<pb::GetVnfPackageResponse> {
        let tenant = scope(&r);
        let found = self
            .0
            .get(tenant.as_deref(), &r.into_inner().vnf_pkg_id)
            .await?;
        Ok(Response::new(pb::GetVnfPackageResponse {
            vnf_package: Some(info(&found)),
        }))
    }

    async fn update_vnf_package(
        &self,
        r: Request<pb::UpdateVnfPackageRequest>,
    ) -> R<pb::UpdateVnfPackageResponse> {
        let tenant = scope(&r);
        let req = r.into_inner();
        let m = req.modifications.unwrap_or_default();
        let operational_state = match m.operational_state.as_str() {
            "" => None,
            t => Some(Operational::parse(t).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::InvalidArgument,
                    format!("operational_state '{t}' is not ENABLED or DISABLED"),
                )
            })?),
        };
        let done = self
            .0
            .update(
                tenant.as_deref(),
                &req.vnf_pkg_id,
                Modifications {
                    operational_state,
                    user_defined_data: m.user_defined_data.map(|s| from_struct(Some(s))),
                },
            )
            .await?;
        Ok(Response::new(pb::UpdateVnfPackageResponse {
            modifications: Some(pb::VnfPkgInfoModifications {
                operational_state: done
                    .operational_state
                    .map(|s| s.name().to_owned())
                    .unwrap_or_default(),
                user_defined_data: done.user_defined_data.as_ref().map(to_struct),
            }),
        }))
    }

    async fn delete_vnf_package(
        &self,
        r: Request<pb::DeleteVnfPackageRequest>,
    ) -> R<pb::DeleteVnfPackageResponse> {
        let tenant = scope(&r);
        self.0
            .delete(tenant.as_deref(), &r.into_inner().vnf_pkg_id)
            .await?;
        Ok(Response::new(pb::DeleteVnfPackageResponse {}))
    }

    async fn upload_vnf_package_content(
        &self,
        r: Request<pb::UploadVnfPackageContentRequest>,
    ) -> R<pb::UploadVnfPackageContentResponse> {
        let tenant = scope(&r);
        let req = r.into_inner();
        let done = self
            .0
            .upload(tenant.as_deref(), &req.vnf_pkg_id, req.content)
            .await?;
        Ok(Response::new(pb::UploadVnfPackageContentResponse {
            vnf_package: Some(info(&done)),
        }))
    }

    async fn get_vnf_package_content(
        &self,
        r: Request<pb::GetVnfPackageContentRequest>,
    ) -> R<pb::GetVnfPackageContentResponse> {
        let tenant = scope(&r);
        let content = self
            .0
            .content(tenant.as_deref(), &r.into_inner().vnf_pkg_id)
            .await?;
        Ok(Response::new(pb::GetVnfPackageContentResponse { content }))
    }

    async fn get_vnfd(&self, r: Request<pb::GetVnfdRequest>) -> R<pb::GetVnfdResponse> {
        let tenant = scope(&r);
        let req = r.into_inner();
        let text = req.accept == "text/plain";
        let found = self
            .0
            .vnfd(tenant.as_deref(), &req.vnf_pkg_id, text, !text)
            .await?;
        Ok(Response::new(pb::GetVnfdResponse {
            content_type: found.content_type.into(),
            content: found.content,
        }))
    }

    async fn get_chart_index(
        &self,
        r: Request<pb::GetChartIndexRequest>,
    ) -> R<pb::GetChartIndexResponse> {
        let r = r.into_inner();
        let index_yaml = ChartRepository::new(self.0.clone())
            .index(&r.vnf_pkg_id, &r.digest)
            .await?;
        Ok(Response::new(pb::GetChartIndexResponse { index_yaml }))
    }

    async fn get_chart(&self, r: Request<pb::GetChartRequest>) -> R<pb::GetChartResponse> {
        let r = r.into_inner();
        let content = ChartRepository::new(self.0.clone())
            .chart(&r.vnf_pkg_id, &r.digest, &r.file)
            .await?;
        Ok(Response::new(pb::GetChartResponse { content }))
    }
}
