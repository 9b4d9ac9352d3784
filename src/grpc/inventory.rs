//! gRPC adapter of the inventory service.

use tonic::{Request, Response, Status};

use super::{list_params, lists::EncodedList, project, view};
use crate::{
    domain::objects as d,
    proto::o2ims::v1::{
        self as pb, server::inventory_service_server::InventoryService as InventoryRpc,
    },
    service::{InventoryService, Listed},
};

pub struct InventoryGrpc(pub InventoryService);

type R<T> = Result<Response<T>, Status>;

/// A list response; partial failures travel as `x-netweave-warning` metadata, one per warning.
fn partial<T, B>(listed: &Listed<T>, body: B) -> Response<B> {
    let mut response = Response::new(body);
    for warning in &listed.warnings {
        if let Ok(value) = warning.replace(['\r', '\n'], " ").parse() {
            response.metadata_mut().append("x-netweave-warning", value);
        }
    }
    response
}

#[tonic::async_trait]
impl InventoryRpc for InventoryGrpc {
    async fn get_cloud_info(
        &self,
        r: Request<pb::GetCloudInfoRequest>,
    ) -> R<pb::GetCloudInfoResponse> {
        let params = list_params(r.into_inner().options);
        let projection = params.projection::<d::OCloudInfo>()?;
        Ok(Response::new(pb::GetCloudInfoResponse {
            cloud_info: Some(project(&self.0.cloud_info(), &projection)),
        }))
    }

    async fn get_all_versions(
        &self,
        _: Request<pb::GetAllVersionsRequest>,
    ) -> R<pb::GetAllVersionsResponse> {
        Ok(Response::new(pb::GetAllVersionsResponse {
            versions: Some((&self.0.all_versions()).into()),
        }))
    }

    async fn get_minor_versions(
        &self,
        r: Request<pb::GetMinorVersionsRequest>,
    ) -> R<pb::GetMinorVersionsResponse> {
        let versions = self.0.minor_versions(&r.into_inner().major_version)?;
        Ok(Response::new(pb::GetMinorVersionsResponse {
            versions: Some((&versions).into()),
        }))
    }

    async fn list_deployment_managers(
        &self,
        r: Request<pb::ListDeploymentManagersRequest>,
    ) -> R<EncodedList> {
        let listed = self
            .0
            .list::<d::DeploymentManager>(None, None, &list_params(r.into_inner().options))
            .await?;
        Ok(partial(
            &listed,
            EncodedList::of::<d::DeploymentManager, pb::DeploymentManager>(&listed),
        ))
    }

    async fn get_deployment_manager(
        &self,
        r: Request<pb::GetDeploymentManagerRequest>,
    ) -> R<pb::GetDeploymentManagerResponse> {
        let credentials = super::sees_credentials(&r);
        let found = self
            .0
            .deployment_manager(None, &r.into_inner().deployment_manager_id, credentials)
            .await?;
        Ok(Response::new(pb::GetDeploymentManagerResponse {
            deployment_manager: Some(found.as_ref().into()),
        }))
    }

    async fn list_resource_types(
        &self,
        r: Request<pb::ListResourceTypesRequest>,
    ) -> R<EncodedList> {
        let listed = self
            .0
            .list::<d::ResourceType>(None, None, &list_params(r.into_inner().options))
            .await?;
        Ok(partial(
            &listed,
            EncodedList::of::<d::ResourceType, pb::ResourceType>(&listed),
        ))
    }

    async fn get_resource_type(
        &self,
        r: Request<pb::GetResourceTypeRequest>,
    ) -> R<pb::GetResourceTypeResponse> {
        let found = self
            .0
            .get::<d::ResourceType>(None, None, &r.into_inner().resource_type_id)
            .await?;
        Ok(Response::new(pb::GetResourceTypeResponse {
            resource_type: Some(found.as_ref().into()),
        }))
    }

    async fn get_resource_type_alarm_dictionary(
        &self,
        r: Request<pb::GetResourceTypeAlarmDictionaryRequest>,
    ) -> R<pb::GetResourceTypeAlarmDictionaryResponse> {
        let found = self
            .0
            .resource_type_alarm_dictionary(&r.into_inner().resource_type_id)
            .await?;
        Ok(Response::new(pb::GetResourceTypeAlarmDictionaryResponse {
            alarm_dictionary: Some(found.as_ref().into()),
        }))
    }

    async fn list_resource_pools(
        &self,
        r: Request<pb::ListResourcePoolsRequest>,
    ) -> R<EncodedList> {
        let view = view(&r);
        let listed = self
            .0
            .list::<d::ResourcePool>(view.as_ref(), None, &list_params(r.into_inner().options))
            .await?;
        Ok(partial(
            &listed,
            EncodedList::of::<d::ResourcePool, pb::ResourcePool>(&listed),
        ))
    }

    async fn get_resource_pool(
        &self,
        r: Request<pb::GetResourcePoolRequest>,
    ) -> R<pb::GetResourcePoolResponse> {
        let view = view(&r);
        let found = self
            .0
            .get::<d::ResourcePool>(view.as_ref(), None, &r.into_inner().resource_pool_id)
            .await?;
        Ok(Response::new(pb::GetResourcePoolResponse {
            resource_pool: Some(found.as_ref().into()),
        }))
    }

    async fn create_resource_pool(
        &self,
        r: Request<pb::CreateResourcePoolRequest>,
    ) -> R<pb::CreateResourcePoolResponse> {
        let view = view(&r);
        let pool = r.into_inner().resource_pool.unwrap_or_default();
        let created = self
            .0
            .create_resource_pool(view.as_ref(), pool.into())
            .await?;
        Ok(Response::new(pb::CreateResourcePoolResponse {
            resource_pool: Some(created.as_ref().into()),
        }))
    }

    async fn update_resource_pool(
        &self,
        r: Request<pb::UpdateResourcePoolRequest>,
    ) -> R<pb::UpdateResourcePoolResponse> {
        let view = view(&r);
        let r = r.into_inner();
        let pool = r.resource_pool.unwrap_or_default();
        let updated = self
            .0
            .update_resource_pool(view.as_ref(), &r.resource_pool_id, pool.into())
            .await?;
        Ok(Response::new(pb::UpdateResourcePoolResponse {
            resource_pool: Some(updated.as_ref().into()),
        }))
    }

    async fn delete_resource_pool(
        &self,
        r: Request<pb::DeleteResourcePoolRequest>,
    ) -> R<pb::DeleteResourcePoolResponse> {
        let view = view(&r);
        self.0
            .delete_resource_pool(view.as_ref(), &r.into_inner().resource_pool_id)
            .await?;
        Ok(Response::new(pb::DeleteResourcePoolResponse {}))
    }

    async fn list_resources(&self, r: Request<pb::ListResourcesRequest>) -> R<EncodedList> {
        let view = view(&r);
        let r = r.into_inner();
        let mut params = list_params(r.options);
        params.count_total = true;
        let listed = self
            .0
            .list::<d::Resource>(view.as_ref(), Some(&r.resource_pool_id), &params)
            .await?;
        Ok(partial(
            &listed,
            EncodedList {
                total_count: listed.total.unwrap_or_default() as i64,
                ..EncodedList::of::<d::Resource, pb::Resource>(&listed)
            },
        ))
    }

    async fn get_resource(&self, r: Request<pb::GetResourceRequest>) -> R<pb::GetResourceResponse> {
        let view = view(&r);
        let r = r.into_inner();
        let found = self
            .0
            .get::<d::Resource>(view.as_ref(), Some(&r.resource_pool_id), &r.resource_id)
            .await?;
        Ok(Response::new(pb::GetResourceResponse {
            resource: Some(found.as_ref().into()),
        }))
    }

    async fn create_resource(
        &self,
        r: Request<pb::CreateResourceRequest>,
    ) -> R<pb::CreateResourceResponse> {
        let view = view(&r);
        let r = r.into_inner();
        let resource = r.resource.unwrap_or_default();
        let created = self
            .0
            .create_resource(view.as_ref(), &r.resource_pool_id, resource.into())
            .await?;
        Ok(Response::new(pb::CreateResourceResponse {
            resource: Some(created.as_ref().into()),
        }))
    }

    async fn delete_resource(
        &self,
        r: Request<pb::DeleteResourceRequest>,
    ) -> R<pb::DeleteResourceResponse> {
        let view = view(&r);
        let r = r.into_inner();
        self.0
            .delete_resource(view.as_ref(), &r.resource_pool_id, &r.resource_id)
            .await?;
        Ok(Response::new(pb::DeleteResourceResponse {}))
    }

    async fn list_alarm_dictionaries(
        &self,
        r: Request<pb::ListAlarmDictionariesRequest>,
    ) -> R<EncodedList> {
        let listed = self
            .0
            .list::<d::AlarmDictionary>(None, None, &list_params(r.into_inner().options))
            .await?;
        Ok(partial(
            &listed,
            EncodedList::of::<d::AlarmDictionary, pb::AlarmDictionary>(&listed),
        ))
    }

    async fn get_alarm_dictionary(
        &self,
        r: Request<pb::GetAlarmDictionaryRequest>,
    ) -> R<pb::GetAlarmDictionaryResponse> {
        let found = self
            .0
            .get::<d::AlarmDictionary>(None, None, &r.into_inner().alarm_dictionary_id)
            .await?;
        Ok(Response::new(pb::GetAlarmDictionaryResponse {
            alarm_dictionary: Some(found.as_ref().into()),
        }))
    }

    async fn list_locations(&self, r: Request<pb::ListLocationsRequest>) -> R<EncodedList> {
        let listed = self
            .0
            .list::<d::LocationInfo>(None, None, &list_params(r.into_inner().options))
            .await?;
        Ok(partial(
            &listed,
            EncodedList::of::<d::LocationInfo, pb::LocationInfo>(&listed),
        ))
    }

    async fn get_location(&self, r: Request<pb::GetLocationRequest>) -> R<pb::GetLocationResponse> {
        let found = self
            .0
            .get::<d::LocationInfo>(None, None, &r.into_inner().global_location_id)
            .await?;
        Ok(Response::new(pb::GetLocationResponse {
            location: Some(found.as_ref().into()),
        }))
    }

    async fn list_o_cloud_sites(&self, r: Request<pb::ListOCloudSitesRequest>) -> R<EncodedList> {
        let listed = self
            .0
            .list::<d::OCloudSiteInfo>(None, None, &list_params(r.into_inner().options))
            .await?;
        Ok(partial(
            &listed,
            EncodedList::of::<d::OCloudSiteInfo, pb::OCloudSiteInfo>(&listed),
        ))
    }

    async fn get_o_cloud_site(
        &self,
        r: Request<pb::GetOCloudSiteRequest>,
    ) -> R<pb::GetOCloudSiteResponse> {
        let found = self
            .0
            .get::<d::OCloudSiteInfo>(None, None, &r.into_inner().o_cloud_site_id)
            .await?;
        Ok(Response::new(pb::GetOCloudSiteResponse {
            o_cloud_site: Some(found.as_ref().into()),
        }))
    }
}
