//! tonic adapters: proto request → service call → proto response. No business rules here.

mod admin;
mod alarms;
mod convert;
pub mod events;
mod hubs;
mod inventory;
pub mod lists;
mod provisioning;
mod subscriptions;
mod vnflcm;
mod vnfpkgm;
mod webhooks;

use std::sync::Arc;

use serde::{de::DeserializeOwned, Serialize};
use tonic::service::Routes;

pub use convert::{from_struct, to_struct};

use crate::{
    domain::Projection,
    proto::{
        admin::v1::admin_service_server::AdminServiceServer,
        artifacts::v1::artifact_service_server::ArtifactServiceServer,
        events::v1::event_service_server::EventServiceServer,
        monitoring::v1::alarm_service_server::AlarmServiceServer,
        o2ims::v1::{
            server::inventory_service_server::InventoryServiceServer,
            subscription_service_server::SubscriptionServiceServer, ListOptions,
        },
        provisioning::v1::provisioning_service_server::ProvisioningServiceServer,
        tmf688::v4::{
            event_service_server::EventServiceServer as TmfEventServiceServer,
            hub_service_server::HubServiceServer,
        },
        vnflcm::v2::vnf_lcm_service_server::VnfLcmServiceServer,
        vnfpkgm::v1::vnf_package_service_server::VnfPackageServiceServer,
        webhooks::v1::webhook_service_server::WebhookServiceServer,
        FILE_DESCRIPTOR_SET,
    },
    service::{
        AdminService, AlarmService, EventService, HubService, InventoryService, ListParams,
        SubscriptionService, WebhookService,
    },
};

/// The services the gRPC adapters serve.
pub struct Services {
    pub inventory: InventoryService,
    pub subscriptions: SubscriptionService,
    pub events: EventService,
    pub webhooks: WebhookService,
    pub hubs: HubService,
    pub admin: AdminService,
    pub alarms: AlarmService,
    pub provisioning: crate::service::provisioning::ProvisioningService,
    pub packages: crate::service::dms::packages::PackageService,
    pub lcm: crate::service::dms::lcm::LcmService,
    pub lcm_subscriptions: crate::service::dms::subscriptions::LcmSubscriptions,
}

/// The gRPC services, health and reflection, ready to be served next to the REST routes.
pub async fn routes(services: Services) -> Routes {
    let Services {
        inventory,
        subscriptions,
        events,
        webhooks,
        hubs,
        admin,
        alarms,
        provisioning,
        packages,
        lcm,
        lcm_subscriptions,
    } = services;
    let (health_reporter, health) = tonic_health::server::health_reporter();
    health_reporter
        .set_serving::<InventoryServiceServer<inventory::InventoryGrpc>>()
        .await;
    health_reporter
        .set_serving::<SubscriptionServiceServer<subscriptions::SubscriptionGrpc>>()
        .await;
    health_reporter
        .set_serving::<EventServiceServer<events::EventGrpc>>()
        .await;
    health_reporter
        .set_serving::<WebhookServiceServer<webhooks::WebhookGrpc>>()
        .await;
    health_reporter
        .set_serving::<HubServiceServer<hubs::HubGrpc>>()
        .await;
    health_reporter
        .set_serving::<TmfEventServiceServer<hubs::TmfEventGrpc>>()
        .await;
    health_reporter
        .set_serving::<AdminServiceServer<admin::AdminGrpc>>()
        .await;
    health_reporter
        .set_serving::<AlarmServiceServer<alarms::AlarmGrpc>>()
        .await;
    health_reporter
        .set_serving::<ProvisioningServiceServer<provisioning::ProvisioningGrpc>>()
        .await;
    health_reporter
        .set_serving::<ArtifactServiceServer<provisioning::ArtifactGrpc>>()
        .await;
    health_reporter
        .set_serving::<VnfPackageServiceServer<vnfpkgm::VnfPackageGrpc>>()
        .await;
    health_reporter
        .set_serving::<VnfLcmServiceServer<vnflcm::VnfLcmGrpc>>()
        .await;
    // v1alpha beside v1: grpcio-reflection, Postman and older grpcurl speak only v1alpha.
    let reflection = || {
        tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
    };
    let reflection_v1alpha = reflection()
        .build_v1alpha()
        .expect("the embedded descriptor set is valid");
    let reflection = reflection()
        .build_v1()
        .expect("the embedded descriptor set is valid");
    Routes::new(InventoryServiceServer::new(inventory::InventoryGrpc(
        inventory,
    )))
    .add_service(SubscriptionServiceServer::new(
        subscriptions::SubscriptionGrpc(subscriptions),
    ))
    .add_service(EventServiceServer::new(events::EventGrpc(events)))
    .add_service(WebhookServiceServer::new(webhooks::WebhookGrpc(webhooks)))
    .add_service(HubServiceServer::new(hubs::HubGrpc(hubs.clone())))
    .add_service(TmfEventServiceServer::new(hubs::TmfEventGrpc(hubs)))
    .add_service(AdminServiceServer::new(admin::AdminGrpc(admin)))
    .add_service(AlarmServiceServer::new(alarms::AlarmGrpc(alarms)))
    .add_service(ProvisioningServiceServer::new(
        provisioning::ProvisioningGrpc(provisioning.clone()),
    ))
    .add_service(ArtifactServiceServer::new(provisioning::ArtifactGrpc(
        provisioning,
    )))
    // A package's CSAR travels in one message.
    .add_service(
        VnfPackageServiceServer::new(vnfpkgm::VnfPackageGrpc(packages))
            .max_decoding_message_size(PACKAGE_MESSAGE)
            .max_encoding_message_size(PACKAGE_MESSAGE),
    )
    .add_service(VnfLcmServiceServer::new(vnflcm::VnfLcmGrpc {
        lcm,
        subscriptions: lcm_subscriptions,
    }))
    .add_service(health)
    .add_service(reflection)
    .add_service(reflection_v1alpha)
}

/// The largest VnfPackageService message: a whole CSAR and its envelope.
const PACKAGE_MESSAGE: usize = crate::service::dms::packages::MAX_PACKAGE_BYTES + 64 * 1024;

/// The tenant the caller is confined to (see `http::Scope`).
fn scope<T>(r: &tonic::Request<T>) -> Option<String> {
    r.extensions()
        .get::<Arc<crate::security::Principal>>()
        .and_then(|p| p.confined_to().map(str::to_owned))
}

/// May the caller hold deployment managers' SMO access credentials (see `http::Scope`).
fn sees_credentials<T>(r: &tonic::Request<T>) -> bool {
    r.extensions()
        .get::<Arc<crate::security::Principal>>()
        .is_some_and(|p| p.sees_credentials)
}

/// The part of the inventory the caller sees (see `http::Scope::inventory`).
fn view<T>(r: &tonic::Request<T>) -> Option<Arc<crate::domain::scope::InventoryScope>> {
    r.extensions()
        .get::<Arc<crate::security::Principal>>()
        .filter(|p| !p.platform)
        .and_then(|p| p.scope.clone())
}

fn list_params(options: Option<ListOptions>) -> ListParams {
    let o = options.unwrap_or_default();
    let some = |s: String| (!s.is_empty()).then_some(s);
    ListParams {
        filter: some(o.filter),
        fields: some(o.fields),
        exclude_fields: some(o.exclude_fields),
        all_fields: o.all_fields,
        page_size: (o.page_size > 0).then_some(o.page_size as usize),
        page_token: some(o.page_token),
        count_total: false,
        page_number: None,
    }
}

/// Converts a domain object to its message, after applying the field selection.
fn project<T, P>(item: &Arc<T>, projection: &Projection) -> P
where
    T: Serialize + DeserializeOwned + Default,
    P: for<'a> From<&'a T>,
{
    if projection.is_identity() {
        return P::from(item.as_ref());
    }
    let selected = serde_json::to_value(item.as_ref())
        .map(|v| projection.apply(v))
        .and_then(serde_json::from_value::<T>)
        .unwrap_or_default();
    P::from(&selected)
}
