//! gRPC: the same objects as REST, precise status codes, health and reflection.

use netweave::backend::simulator::SimConfig;
use netweave::{domain as d, proto::o2ims::v1 as pb};
use serde_json::Value;
use tokio_stream::StreamExt;
use tonic::Code;

use crate::harness::{TestApp, V2};

fn to_json<T: serde::Serialize>(items: impl IntoIterator<Item = T>) -> Value {
    Value::Array(
        items
            .into_iter()
            .map(|i| serde_json::to_value(i).unwrap())
            .collect(),
    )
}

fn opts(filter: &str) -> Option<pb::ListOptions> {
    Some(pb::ListOptions {
        filter: filter.into(),
        ..Default::default()
    })
}

#[tokio::test]
async fn grpc_and_rest_return_identical_objects() {
    let app = TestApp::start().await;
    let mut inv = app.inventory().await;

    let cloud = inv
        .get_cloud_info(pb::GetCloudInfoRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        serde_json::to_value(d::OCloudInfo::from(cloud.cloud_info.unwrap())).unwrap(),
        app.get_ok(V2).await
    );

    let pools = inv
        .list_resource_pools(pb::ListResourcePoolsRequest::default())
        .await
        .unwrap()
        .into_inner();
    let rest_pools = app.get_ok(&format!("{V2}/resourcePools")).await;
    assert_eq!(
        to_json(pools.resource_pools.into_iter().map(d::ResourcePool::from)),
        rest_pools
    );

    let pool_id = rest_pools[0]["resourcePoolId"].as_str().unwrap().to_owned();
    let filter = "(eq,extensions/adminState,UNLOCKED);(gte,extensions/cpuCores,32)";
    let resources = inv
        .list_resources(pb::ListResourcesRequest {
            resource_pool_id: pool_id.clone(),
            options: opts(filter),
        })
        .await
        .unwrap()
        .into_inner();
    let rest_resources = app
        .get_ok(&format!(
            "{V2}/resourcePools/{pool_id}/resources?filter={}",
            url::form_urlencoded::byte_serialize(filter.as_bytes()).collect::<String>()
        ))
        .await;
    assert!(!resources.resources.is_empty());
    assert_eq!(
        to_json(resources.resources.into_iter().map(d::Resource::from)),
        rest_resources
    );

    let one = rest_resources[0]["resourceId"].as_str().unwrap().to_owned();
    let got = inv
        .get_resource(pb::GetResourceRequest {
            resource_pool_id: pool_id.clone(),
            resource_id: one.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        serde_json::to_value(d::Resource::from(got.resource.unwrap())).unwrap(),
        rest_resources[0]
    );

    let types = inv
        .list_resource_types(pb::ListResourceTypesRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        to_json(types.resource_types.into_iter().map(d::ResourceType::from)),
        app.get_ok(&format!("{V2}/resourceTypes")).await
    );
    let dms = inv
        .list_deployment_managers(pb::ListDeploymentManagersRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        to_json(
            dms.deployment_managers
                .into_iter()
                .map(d::DeploymentManager::from)
        ),
        app.get_ok(&format!("{V2}/deploymentManagers")).await
    );
    let dicts = inv
        .list_alarm_dictionaries(pb::ListAlarmDictionariesRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        to_json(
            dicts
                .alarm_dictionaries
                .into_iter()
                .map(d::AlarmDictionary::from)
        ),
        app.get_ok(&format!("{V2}/alarmDictionaries")).await
    );
    let locations = inv
        .list_locations(pb::ListLocationsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        to_json(locations.locations.into_iter().map(d::LocationInfo::from)),
        app.get_ok(&format!("{V2}/locations")).await
    );
    let sites = inv
        .list_o_cloud_sites(pb::ListOCloudSitesRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        to_json(sites.o_cloud_sites.into_iter().map(d::OCloudSiteInfo::from)),
        app.get_ok(&format!("{V2}/oCloudSites")).await
    );

    let type_id = app.get_ok(&format!("{V2}/resourceTypes")).await[0]["resourceTypeId"]
        .as_str()
        .unwrap()
        .to_owned();
    let dict = inv
        .get_resource_type_alarm_dictionary(pb::GetResourceTypeAlarmDictionaryRequest {
            resource_type_id: type_id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        serde_json::to_value(d::AlarmDictionary::from(dict.alarm_dictionary.unwrap())).unwrap(),
        app.get_ok(&format!("{V2}/resourceTypes/{type_id}/alarmDictionary"))
            .await
    );
}

#[tokio::test]
async fn subscriptions_made_over_grpc_are_seen_over_rest() {
    let app = TestApp::start().await;
    let mut subs = app.subscriptions().await;
    let created = subs
        .create_subscription(pb::CreateSubscriptionRequest {
            subscription: Some(pb::Subscription {
                callback: "https://10.20.0.8/o2ims/notify".into(),
                filter: "(eq,resourceTypeId,6f1b1c1e-0000-4000-8000-000000000001)".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap()
        .into_inner()
        .subscription
        .unwrap();
    let rest = app
        .get_ok(&format!("{V2}/subscriptions/{}", created.subscription_id))
        .await;
    assert_eq!(
        serde_json::to_value(d::Subscription::from(created.clone())).unwrap(),
        rest
    );
    let dup = subs
        .create_subscription(pb::CreateSubscriptionRequest {
            subscription: Some(pb::Subscription {
                callback: "https://10.20.0.8/o2ims/notify".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(dup.code(), Code::AlreadyExists);
    subs.delete_subscription(pb::DeleteSubscriptionRequest {
        subscription_id: created.subscription_id.clone(),
    })
    .await
    .unwrap();
    let gone = subs
        .get_subscription(pb::GetSubscriptionRequest {
            subscription_id: created.subscription_id,
        })
        .await
        .unwrap_err();
    assert_eq!(gone.code(), Code::NotFound);
}

#[tokio::test]
async fn grpc_errors_carry_precise_codes() {
    let app = TestApp::start_with(|c| c.edit_section(|s: &mut SimConfig| s.read_only = true)).await;
    let mut inv = app.inventory().await;
    let bad = inv
        .list_resource_pools(pb::ListResourcePoolsRequest {
            options: opts("(eq,bogus,x)"),
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument);
    assert!(
        bad.message().contains("unknown attribute 'bogus'"),
        "{}",
        bad.message()
    );
    let missing = inv
        .get_resource_pool(pb::GetResourcePoolRequest {
            resource_pool_id: uuid::Uuid::new_v4().to_string(),
        })
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::NotFound);
    let unsupported = inv
        .create_resource_pool(pb::CreateResourcePoolRequest {
            resource_pool: Some(pb::ResourcePool {
                name: "p".into(),
                ..Default::default()
            }),
        })
        .await
        .unwrap_err();
    assert_eq!(unsupported.code(), Code::FailedPrecondition);
    assert!(unsupported.message().contains("does not support"));
}

#[tokio::test]
async fn grpc_pages_with_tokens_and_projects_fields() {
    let app = TestApp::start_with(|c| {
        c.edit_section(|s: &mut SimConfig| s.pools = 1);
        c.edit_section(|s: &mut SimConfig| s.resources = 250);
    })
    .await;
    let mut inv = app.inventory().await;
    let pool = app.get_ok(&format!("{V2}/resourcePools")).await[0]["resourcePoolId"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut seen = std::collections::BTreeSet::new();
    let mut token = String::new();
    loop {
        let page = inv
            .list_resources(pb::ListResourcesRequest {
                resource_pool_id: pool.clone(),
                options: Some(pb::ListOptions {
                    page_size: 100,
                    page_token: token.clone(),
                    fields: "description".into(),
                    ..Default::default()
                }),
            })
            .await
            .unwrap()
            .into_inner();
        assert_eq!(page.total_count, 250);
        for r in &page.resources {
            assert!(
                !r.description.is_empty()
                    && r.extensions.as_ref().is_none_or(|e| e.fields.is_empty())
            );
            assert!(seen.insert(r.resource_id.clone()), "seen twice");
        }
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(seen.len(), 250);
}

#[tokio::test]
async fn health_reports_serving_and_reflection_lists_the_services() {
    let app = TestApp::start().await;
    let mut health = tonic_health::pb::health_client::HealthClient::new(app.channel().await);
    for service in [
        "netweave.o2ims.v1.InventoryService",
        "netweave.o2ims.v1.SubscriptionService",
    ] {
        let status = health
            .check(tonic_health::pb::HealthCheckRequest {
                service: service.into(),
            })
            .await
            .unwrap()
            .into_inner();
        assert_eq!(
            status.status(),
            tonic_health::pb::health_check_response::ServingStatus::Serving,
            "{service}"
        );
    }
    use tonic_reflection::pb::v1::{
        server_reflection_client::ServerReflectionClient,
        server_reflection_request::MessageRequest, server_reflection_response::MessageResponse,
        ServerReflectionRequest,
    };
    let mut reflection = ServerReflectionClient::new(app.channel().await);
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut stream = reflection
        .server_reflection_info(tokio_stream::iter(vec![request]))
        .await
        .unwrap()
        .into_inner();
    let response = stream.next().await.unwrap().unwrap();
    let Some(MessageResponse::ListServicesResponse(list)) = response.message_response else {
        panic!("no service list")
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for expected in [
        "netweave.o2ims.v1.InventoryService",
        "netweave.o2ims.v1.SubscriptionService",
        "grpc.health.v1.Health",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} not in {names:?}"
        );
    }
}

#[tokio::test]
async fn separate_grpc_port_serves_grpc_and_rest_apart() {
    let grpc_port = crate::harness::free_port();
    let app = TestApp::start_with(|c| {
        c.grpc_listen = Some(format!("127.0.0.1:{grpc_port}").parse().unwrap())
    })
    .await;
    let channel = tonic::transport::Channel::from_shared(format!("http://127.0.0.1:{grpc_port}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut inv = pb::inventory_service_client::InventoryServiceClient::new(channel);
    let pools = inv
        .list_resource_pools(pb::ListResourcePoolsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(pools.resource_pools.len(), 3);
    app.get_ok(&format!("{V2}/resourcePools")).await;
}

#[tokio::test]
async fn a_python_grpcio_reflection_client_lists_and_resolves_the_services() {
    let app = TestApp::start().await;
    let addr = app.url("").trim_start_matches("http://").to_owned();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/it/fixtures/reflection_list.py"
    );
    let out = tokio::process::Command::new("python3")
        .arg(script)
        .arg(&addr)
        .env(
            "PYTHONPATH",
            concat!(env!("CARGO_MANIFEST_DIR"), "/.tools/python"),
        )
        .output()
        .await
        .expect("python3 runs (the test command installs grpcio-reflection)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for expected in [
        "netweave.o2ims.v1.InventoryService",
        "netweave.o2ims.v1.SubscriptionService",
        "netweave.events.v1.EventService",
        "grpc.health.v1.Health",
    ] {
        let line = stdout
            .lines()
            .find(|l| l.split(' ').next() == Some(expected))
            .unwrap_or_else(|| panic!("{expected} not listed: {stdout}"));
        let methods: usize = line.split(' ').nth(1).unwrap().parse().unwrap();
        assert!(methods > 0, "{line}");
    }
}
