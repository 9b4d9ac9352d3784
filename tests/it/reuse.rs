//! The serialised forms kept across requests (JSON and protobuf, `service::rendered`) never
//! outlive a change: a read right after a write sees it, over REST and gRPC, in lists and gets.

use netweave::proto::o2ims::v1::{
    GetResourcePoolRequest, ListOptions, ListResourcePoolsRequest, ListResourcesRequest,
    UpdateResourcePoolRequest,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{TestApp, V2};

async fn rest_pool_name(app: &TestApp, pool: &str) -> (Value, Value) {
    let list = app.get_ok(&format!("{V2}/resourcePools")).await;
    let listed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["resourcePoolId"] == pool)
        .map(|p| p["name"].clone())
        .unwrap_or(Value::Null);
    let one = app.get_ok(&format!("{V2}/resourcePools/{pool}")).await;
    (listed, one["name"].clone())
}

async fn grpc_pool_name(app: &TestApp, pool: &str) -> (String, String) {
    let mut grpc = app.inventory().await;
    let listed = grpc
        .list_resource_pools(ListResourcePoolsRequest {
            options: Some(ListOptions::default()),
        })
        .await
        .unwrap()
        .into_inner()
        .resource_pools
        .into_iter()
        .find(|p| p.resource_pool_id == pool)
        .map(|p| p.name)
        .unwrap_or_default();
    let one = grpc
        .get_resource_pool(GetResourcePoolRequest {
            resource_pool_id: pool.to_owned(),
        })
        .await
        .unwrap()
        .into_inner()
        .resource_pool
        .unwrap()
        .name;
    (listed, one)
}

async fn grpc_resource_ids(app: &TestApp, pool: &str) -> Vec<String> {
    app.inventory()
        .await
        .list_resources(ListResourcesRequest {
            resource_pool_id: pool.to_owned(),
            options: Some(ListOptions::default()),
        })
        .await
        .unwrap()
        .into_inner()
        .resources
        .into_iter()
        .map(|r| r.resource_id)
        .collect()
}

#[tokio::test]
async fn a_read_right_after_a_change_sees_it() {
    let app = TestApp::start().await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let before = app.get_ok(&format!("{V2}/resourcePools/{pool}")).await;
    let old = before["name"].as_str().unwrap().to_owned();
    // Read twice over both transports: the second reads are served from kept forms.
    for _ in 0..2 {
        assert_eq!(rest_pool_name(&app, &pool).await, (json!(old), json!(old)));
        assert_eq!(
            grpc_pool_name(&app, &pool).await,
            (old.clone(), old.clone())
        );
    }

    for round in 0..3 {
        let name = format!("renamed-{round}");
        let mut body = before.clone();
        body["name"] = json!(name);
        let put = app
            .call(
                Method::PUT,
                &format!("{V2}/resourcePools/{pool}"),
                Some(body),
            )
            .await;
        assert_eq!(put.status, StatusCode::OK, "{}", put.body);
        assert_eq!(
            rest_pool_name(&app, &pool).await,
            (json!(name), json!(name))
        );
        assert_eq!(
            grpc_pool_name(&app, &pool).await,
            (name.clone(), name.clone())
        );
    }
    // The same over gRPC writes.
    let mut grpc = app.inventory().await;
    let mut pb_pool = grpc
        .get_resource_pool(GetResourcePoolRequest {
            resource_pool_id: pool.clone(),
        })
        .await
        .unwrap()
        .into_inner()
        .resource_pool
        .unwrap();
    pb_pool.name = "over-grpc".into();
    grpc.update_resource_pool(UpdateResourcePoolRequest {
        resource_pool_id: pool.clone(),
        resource_pool: Some(pb_pool),
    })
    .await
    .unwrap();
    assert_eq!(
        rest_pool_name(&app, &pool).await,
        (json!("over-grpc"), json!("over-grpc"))
    );
    assert_eq!(
        grpc_pool_name(&app, &pool).await,
        ("over-grpc".into(), "over-grpc".into())
    );

    // Resources: a created one is listed at once, a deleted one gone at once.
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let resources = format!("{V2}/resourcePools/{pool}/resources");
    let listed = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["resourceId"].as_str().unwrap().to_owned())
            .collect()
    };
    let first = listed(&app.get_ok(&resources).await);
    assert_eq!(first, listed(&app.get_ok(&resources).await));
    let created = app
        .call(
            Method::POST,
            &resources,
            Some(json!({"resourceTypeId": ty, "description": "kept?", "globalAssetId": "SN-9"})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.body["resourceId"].as_str().unwrap().to_owned();
    assert!(listed(&app.get_ok(&resources).await).contains(&id));
    assert!(grpc_resource_ids(&app, &pool).await.contains(&id));
    let gone = app
        .call(Method::DELETE, &format!("{resources}/{id}"), None)
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert_eq!(listed(&app.get_ok(&resources).await), first);
    assert!(!grpc_resource_ids(&app, &pool).await.contains(&id));
    assert_eq!(
        app.get(&format!("{resources}/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn kept_and_projected_renderings_agree() {
    let app = TestApp::start().await;
    // Identity lists reuse kept JSON; a projection naming every field renders afresh.
    let kept = app.get_ok(&format!("{V2}/resourcePools")).await;
    let again = app.get_ok(&format!("{V2}/resourcePools")).await;
    assert_eq!(kept, again);
    let all = "resourcePoolId,name,oCloudSiteId,description,extensions";
    let fresh = app
        .get_ok(&format!("{V2}/resourcePools?fields={all}"))
        .await;
    assert_eq!(kept, fresh);
}

#[tokio::test]
async fn background_changes_are_seen_by_the_next_list() {
    use netweave::{
        backend::{
            simulator::{SimSpec, Simulator},
            BackendRef, Kind, Scope,
        },
        domain::{objects::Resource, ListQuery},
        service::{InventoryService, ListParams},
    };
    use std::sync::Arc;

    let sim = Arc::new(Simulator::new(&SimSpec {
        seed: 3,
        pools: 2,
        resources: 300,
        read_only: false,
        o_cloud_id: "o".into(),
        tenants: Vec::new(),
    }));
    let backend: BackendRef = sim.clone();
    let service = InventoryService::new(backend.clone(), Default::default(), 1000);
    let pools = service
        .list::<netweave::domain::objects::ResourcePool>(None, None, &ListParams::default())
        .await
        .unwrap();
    let pool = pools.items[0].resource_pool_id.clone();
    let busy = "(eq,extensions/usageState,BUSY)";
    let params = ListParams {
        filter: Some(busy.into()),
        ..Default::default()
    };
    let fresh = || async {
        let query = ListQuery {
            filter: netweave::domain::Filter::parse(
                busy,
                <Resource as netweave::domain::Fields>::FIELDS,
            )
            .unwrap(),
            ..Default::default()
        };
        let page = backend
            .list(
                Scope {
                    kind: Kind::Resource,
                    parent: Some(&pool),
                },
                &query,
            )
            .await
            .unwrap();
        serde_json::to_value(page.items.iter().map(|o| o.to_json()).collect::<Vec<_>>()).unwrap()
    };
    let listed = |items: &[Arc<Resource>]| serde_json::to_value(items).unwrap();
    let mut rng = fastrand::Rng::with_seed(5);
    let mut changed = 0;
    for _ in 0..300 {
        let first = service
            .list::<Resource>(None, Some(&pool), &params)
            .await
            .unwrap();
        let kept = service
            .list::<Resource>(None, Some(&pool), &params)
            .await
            .unwrap();
        let truth = fresh().await;
        assert_eq!(listed(&first.items), truth);
        assert_eq!(
            listed(&kept.items),
            truth,
            "a kept page is the backend's answer"
        );
        changed += usize::from(sim.churn_step(&mut rng).await);
    }
    assert!(
        changed > 250,
        "the inventory changed between the lists: {changed}"
    );
}
