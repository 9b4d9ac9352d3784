//! `/v1` answers as INF O2 does (`specs/inf-o2/swagger.yaml` and its DTOs' default masks):
//! INF's object shapes derived from the objects `/v2` serves, INF's selector semantics, filters
//! over INF's attribute names, and subscriptions with INF's filter grammar. Every response is
//! also validated against INF's swagger schemas by the harness (`spec.rs`).

use netweave::backend::simulator::SimConfig;
use std::{collections::BTreeSet, time::Duration};

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    harness::{TestApp, V1, V2},
    receiver::{Mode, Receiver},
    webhooks::{add_a_resource_to_each, pool_lifecycle, two_pool_app},
};

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

const POOL_DEFAULT: &[&str] = &[
    "resourcePoolId",
    "oCloudId",
    "globalLocationId",
    "name",
    "description",
];

#[tokio::test]
async fn v1_pools_carry_their_location_and_cloud_and_the_default_mask() {
    let app = TestApp::start().await;
    let cloud = app.get_ok(V2).await;
    let v2 = app.get_ok(&format!("{V2}/resourcePools")).await;
    let v1 = app.get_ok(&format!("{V1}/resourcePools")).await;
    assert_eq!(v1.as_array().unwrap().len(), v2.as_array().unwrap().len());
    for (one, twin) in v1.as_array().unwrap().iter().zip(v2.as_array().unwrap()) {
        assert_eq!(keys(one), set(POOL_DEFAULT), "{one}");
        assert_eq!(one["resourcePoolId"], twin["resourcePoolId"]);
        assert_eq!(one["name"], twin["name"]);
        assert_eq!(one["oCloudId"], cloud["oCloudId"]);
        let site = app
            .get_ok(&format!(
                "{V2}/oCloudSites/{}",
                twin["oCloudSiteId"].as_str().unwrap()
            ))
            .await;
        assert_eq!(one["globalLocationId"], site["globalLocationId"]);
        let id = one["resourcePoolId"].as_str().unwrap();
        let all = app
            .get_ok(&format!("{V1}/resourcePools/{id}?all_fields"))
            .await;
        let location = app
            .get_ok(&format!(
                "{V2}/locations/{}",
                site["globalLocationId"].as_str().unwrap()
            ))
            .await;
        assert_eq!(all["location"], location["address"], "{all}");
        assert_eq!(all["extensions"], twin["extensions"]);
        assert!(all.get("oCloudSiteId").is_none(), "v2 only: {all}");
        let single = app.get_ok(&format!("{V1}/resourcePools/{id}")).await;
        assert_eq!(&single, one, "GET and list agree");
    }
}

#[tokio::test]
async fn fields_add_to_the_default_set_and_only_optional_attributes_can_be_left_out() {
    let app = TestApp::start().await;
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let path = format!("{V1}/resourcePools/{pool}");
    let described = app.get_ok(&format!("{path}?fields=name,description")).await;
    assert_eq!(keys(&described), set(POOL_DEFAULT), "the default set stays");
    let extended = app.get_ok(&format!("{path}?fields=extensions")).await;
    let mut with_extensions = set(POOL_DEFAULT);
    with_extensions.insert("extensions".into());
    assert_eq!(keys(&extended), with_extensions, "name stays: {extended}");
    let all = app.get_ok(&format!("{path}?all_fields")).await;
    let mut every = with_extensions.clone();
    every.insert("location".into());
    assert_eq!(keys(&all), every);
    // exclude_fields: everything but what is named, default attributes excepted.
    let excluded = app
        .get_ok(&format!("{path}?exclude_fields=name,location"))
        .await;
    assert_eq!(keys(&excluded), with_extensions, "{excluded}");
    assert_eq!(
        app.get_ok(&format!("{path}?exclude_default=true")).await,
        app.get_ok(&path).await
    );
    // all_fields wins over fields, as INF applies them.
    assert_eq!(
        app.get_ok(&format!("{path}?all_fields=&fields=name")).await,
        all
    );
    for bad in ["fields=oCloudSiteId", "exclude_fields=nope"] {
        let reply = app.get(&format!("{path}?{bad}")).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            reply.body["detail"].as_str().unwrap().contains("not found"),
            "{}",
            reply.body
        );
    }
    // Lists take the same selectors.
    let listed = app
        .get_ok(&format!("{V1}/resourcePools?fields=extensions"))
        .await;
    assert_eq!(keys(&listed[0]), with_extensions);
}

#[tokio::test]
async fn v1_resource_types_embed_their_alarm_dictionary() {
    let app = TestApp::start().await;
    let types = app.get_ok(&format!("{V2}/resourceTypes")).await;
    let with_dictionary = types
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["alarmDictionaryId"].is_string())
        .expect("a type with a dictionary");
    let id = with_dictionary["resourceTypeId"].as_str().unwrap();
    let plain = app.get_ok(&format!("{V1}/resourceTypes/{id}")).await;
    assert_eq!(
        keys(&plain),
        set(&[
            "resourceTypeId",
            "name",
            "description",
            "model",
            "vendor",
            "version"
        ])
    );
    let dictionary = app
        .get_ok(&format!("{V2}/resourceTypes/{id}/alarmDictionary"))
        .await;
    for query in ["all_fields", "fields=alarmDictionary"] {
        let full = app
            .get_ok(&format!("{V1}/resourceTypes/{id}?{query}"))
            .await;
        let embedded = &full["alarmDictionary"];
        assert_eq!(embedded["id"], dictionary["alarmDictionaryId"], "{query}");
        assert_eq!(embedded["managementInterfaceId"], json!(["O2IMS"]));
        let definitions = embedded["alarmDefinition"].as_array().unwrap();
        assert_eq!(
            definitions.len(),
            dictionary["alarmDefinition"].as_array().unwrap().len()
        );
        for d in definitions {
            assert!(
                d.as_object().unwrap().contains_key("alarmAdditionalFields"),
                "{d}"
            );
        }
    }
    let nested = app
        .get_ok(&format!(
            "{V1}/resourceTypes/{id}?fields=alarmDictionary/alarmDefinition/alarmName"
        ))
        .await;
    let first = &nested["alarmDictionary"]["alarmDefinition"][0];
    assert_eq!(keys(first), set(&["alarmName"]), "{nested}");
    let listed = app.get_ok(&format!("{V1}/resourceTypes?all_fields")).await;
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["alarmDictionary"].is_object()));
}

#[tokio::test]
async fn v1_cloud_resources_and_deployment_managers_have_inf_shapes() {
    let app = TestApp::start().await;
    let cloud = app.get_ok(V1).await;
    assert_eq!(cloud["globalcloudId"], cloud["globalCloudId"]);
    assert_eq!(
        keys(&cloud),
        set(&[
            "oCloudId",
            "globalCloudId",
            "globalcloudId",
            "name",
            "description",
            "serviceUri"
        ])
    );
    // Resources: INF's default mask, parentId null at the top, nested elements name their parent.
    let pool = app.first_id("resourcePools", "resourcePoolId").await;
    let resources = app
        .get_ok(&format!("{V1}/resourcePools/{pool}/resources"))
        .await;
    assert_eq!(
        keys(&resources[0]),
        set(&[
            "resourceId",
            "resourcePoolId",
            "resourceTypeId",
            "description",
            "parentId"
        ])
    );
    assert!(resources[0]["parentId"].is_null());
    let ty = app.first_id("resourceTypes", "resourceTypeId").await;
    let created = app
        .call(
            Method::POST,
            &format!("{V2}/resourcePools/{pool}/resources"),
            Some(json!({"resourceTypeId": ty, "description": "host",
                "elements": [{"resourceId": uuid::Uuid::new_v4().to_string(), "resourceTypeId": ty, "description": "nic"}]})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.body["resourceId"].as_str().unwrap();
    let full = app
        .get_ok(&format!(
            "{V1}/resourcePools/{pool}/resources/{id}?all_fields"
        ))
        .await;
    assert_eq!(full["elements"][0]["parentId"], json!(id), "{full}");
    assert_eq!(full["elements"][0]["description"], "nic");
    // Deployment managers: profiles on the list, the profile's data on a GET.
    let managers = app.get_ok(&format!("{V1}/deploymentManagers")).await;
    assert_eq!(managers[0]["profileSupportList"], json!(["native_k8sapi"]));
    let dm = managers[0]["deploymentManagerId"].as_str().unwrap();
    let one = app.get_ok(&format!("{V1}/deploymentManagers/{dm}")).await;
    assert_eq!(one["extensions"]["profileName"], "native_k8sapi");
    assert_eq!(
        one["extensions"]["profileData"]["cluster_api_endpoint"],
        one["serviceUri"]
    );
    assert!(
        one["extensions"]["profileData"]
            .get("admin_client_key")
            .is_none(),
        "no credentials are handed out"
    );
    let profiled = app
        .get_ok(&format!(
            "{V1}/deploymentManagers/{dm}?profile=native_k8sapi"
        ))
        .await;
    assert_eq!(profiled, one);
    let unknown = app
        .get(&format!("{V1}/deploymentManagers/{dm}?profile=sol018"))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.body);
}

#[tokio::test]
async fn v1_filters_name_inf_attributes_and_page_with_totals() {
    let app = TestApp::start_with(|c| c.edit_section(|s: &mut SimConfig| s.pools = 6)).await;
    let pools = app.get_ok(&format!("{V1}/resourcePools")).await;
    let location = pools[0]["globalLocationId"].as_str().unwrap().to_owned();
    let at_location: Vec<&Value> = pools
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["globalLocationId"] == json!(location))
        .collect();
    let filter = format!("filter=(eq,globalLocationId,{location})");
    let first = app
        .get(&format!("{V1}/resourcePools?{filter}&limit=1"))
        .await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(
        first.headers["x-total-count"].to_str().unwrap(),
        at_location.len().to_string()
    );
    // Walk the pages by number, as INF SMOs do.
    let mut seen = Vec::new();
    for n in 1..=at_location.len() {
        let page = app
            .get_ok(&format!(
                "{V1}/resourcePools?{filter}&limit=1&nextpage_opaque_marker={n}"
            ))
            .await;
        seen.extend(page.as_array().unwrap().iter().cloned());
    }
    assert_eq!(seen.len(), at_location.len());
    assert!(seen
        .iter()
        .all(|p| p["globalLocationId"] == json!(location)));
    let oc = app
        .get_ok(&format!(
            "{V1}/resourcePools?filter=(eq,oCloudId,{})",
            pools[0]["oCloudId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        oc.as_array().unwrap().len(),
        pools.as_array().unwrap().len()
    );
    // A v2-only attribute is not a v1 attribute.
    let bad = app
        .get(&format!("{V1}/resourcePools?filter=(eq,oCloudSiteId,x)"))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
}

#[tokio::test]
async fn v1_subscriptions_use_inf_filters_checked_at_creation_and_when_delivering() {
    let receiver = Receiver::start(Mode::Ok).await;
    let (app, a, b) = two_pool_app().await;
    let subscribe = |callback: String, filter: &str| {
        let body = json!({"callback": callback, "consumerSubscriptionId": uuid::Uuid::new_v4().to_string(), "filter": filter});
        let app = &app;
        async move {
            app.call(Method::POST, &format!("{V1}/subscriptions"), Some(body))
                .await
        }
    };
    for bad in [
        "[(eq,objectType,NoSuchInfo)]",
        "[(neq,objectType,ResourceInfo)]",
        "[(eq,objectType,ResourcePoolInfo);(eq,resourceTypeId,x)]",
        "[(eq,name,x)]",
        "[(eq,resourceId,x)|(bogus)]",
    ] {
        let reply = subscribe(receiver.url("/bad"), bad).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{bad}: {}",
            reply.body
        );
        assert!(reply.body["detail"].as_str().unwrap().starts_with("filter"));
    }
    assert!(
        app.get_ok(&format!("{V2}/subscriptions"))
            .await
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing stored"
    );
    let no_pools = subscribe(
        receiver.url("/no-pools"),
        "[(eq,objectType,ResourcePoolInfo)]",
    )
    .await;
    assert_eq!(no_pools.status, StatusCode::CREATED, "{}", no_pools.body);
    assert_eq!(
        keys(&no_pools.body),
        set(&["subscriptionId", "callback"]),
        "INF's default mask"
    );
    let chosen =
        format!("[(eq,objectType,ResourcePoolInfo);(eq,name,filtered)|(eq,resourcePoolId,{a})]");
    let some = subscribe(receiver.url("/chosen"), &chosen).await;
    assert_eq!(some.status, StatusCode::CREATED, "{}", some.body);
    let id = some.body["subscriptionId"].as_str().unwrap();
    let shown = app
        .get_ok(&format!("{V1}/subscriptions/{id}?all_fields"))
        .await;
    assert_eq!(shown["filter"], json!(chosen));
    add_a_resource_to_each(&app, &[&a, &b]).await;
    pool_lifecycle(&app, "filtered").await;
    // 2 resources, 3 pool changes, 2 site changes: 4 to /no-pools; /chosen names what not to
    // report, pool A's resources and pools named "filtered" (the creation; renamed after), so
    // it gets pool B's resource, the rename, the deletion and both site changes.
    receiver.wait_for(4 + 5, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let got = receiver.received();
    let refs = |path: &str| {
        got.iter()
            .filter(|r| r.path == path)
            .map(|r| r.json()["objectRef"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let no_pool_refs = refs("/no-pools");
    assert_eq!(no_pool_refs.len(), 4, "{no_pool_refs:?}");
    assert!(no_pool_refs
        .iter()
        .all(|r| r.contains("/resources/") || r.contains("/oCloudSites/")));
    let chosen_refs = refs("/chosen");
    assert_eq!(chosen_refs.len(), 5, "{chosen_refs:?}");
    assert!(!chosen_refs
        .iter()
        .any(|r| r.contains(&format!("{a}/resources/"))));
    assert_eq!(
        chosen_refs
            .iter()
            .filter(|r| r.contains(&format!("{b}/resources/")))
            .count(),
        1
    );
}

#[tokio::test]
async fn the_v1_contract_is_infs_swagger() {
    let doc = netweave::http::openapi::document(&netweave::http::rpc_table().routes);
    let list = &doc["paths"][format!("{V1}/resourcePools")]["get"]["responses"]["200"];
    assert_eq!(
        list["content"]["application/json"]["schema"]["items"]["$ref"],
        "#/components/schemas/V1ResourcePoolGetDto"
    );
    assert_eq!(
        doc["components"]["schemas"]["V1ResourcePoolGetDto"]["x-mask"],
        "{resourcePoolId,oCloudId,globalLocationId,name,description}"
    );
    // The harness validates every v1 response against those schemas; they do reject.
    let broken = crate::spec::errors(
        &Method::GET,
        &format!("{V1}/resourcePools"),
        200,
        Some("application/json"),
        &json!([{ "name": 1 }]),
    );
    assert!(broken.len() >= 2, "{broken:?}");
}
