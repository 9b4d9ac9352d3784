//! Several backends at once: a simulator and a Kubernetes cluster (the fake API server) behind
//! routing rules; merged lists without id clashes; a failing backend gives partial results
//! with a warning (REST `Warning` header, gRPC `x-netweave-warning` metadata).

use std::collections::BTreeSet;

use netweave::{
    config::{BackendInstance, Config, RouteRule, Strategy},
    proto::o2ims::v1::{ListOptions, ListResourcePoolsRequest},
};
use netweave_testkit::fake_apiserver::{fixtures, FakeApiServer, NODES, STORAGE_CLASSES};
use serde_json::Value;

use crate::{
    harness::{TestApp, V2},
    kube::{cluster, on_cluster},
};

fn rule(kinds: &[&str], filter: &str, backends: &[&str], priority: i32) -> RouteRule {
    RouteRule {
        kinds: kinds.iter().map(|k| (*k).to_owned()).collect(),
        filter: filter.to_owned(),
        backends: backends.iter().map(|b| (*b).to_owned()).collect(),
        strategy: Strategy::Merge,
        priority,
    }
}

fn two_backends(c: &mut Config) {
    c.backends = vec![
        BackendInstance {
            name: "sim".into(),
            kind: "simulator".into(),
            sections: Default::default(),
        },
        BackendInstance {
            name: "k8s".into(),
            kind: "kubernetes".into(),
            sections: Default::default(),
        },
    ];
    c.routes = vec![
        rule(&["deploymentManagers"], "", &["k8s"], 0),
        rule(
            &["resourceTypes"],
            "(eq,resourceClass,STORAGE)",
            &["k8s"],
            10,
        ),
        rule(
            &["resourceTypes"],
            "(neq,resourceClass,STORAGE)",
            &["sim"],
            0,
        ),
    ];
}

fn ids(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|o| o[field].as_str().unwrap().to_owned())
        .collect()
}

fn names(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn rules_route_each_kind_and_merged_lists_hold_both_backends() {
    let fake = cluster().await;
    let (_dir, base) = on_cluster(&fake);
    let app = TestApp::start_with(|c| {
        base(c);
        two_backends(c);
    })
    .await;
    // Ready as soon as one backend is; wait for the cluster's cache (until then lists carry a
    // warning naming it).
    for _ in 0..400 {
        if app
            .get(&format!("{V2}/resourcePools"))
            .await
            .header("warning")
            .is_none()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }

    // Deployment managers: only the cluster's.
    let dms = app.get_ok(&format!("{V2}/deploymentManagers")).await;
    assert_eq!(dms.as_array().unwrap().len(), 1);
    assert_eq!(dms[0]["name"], "fake");

    // Resource types: storage from the cluster (its StorageClasses), the rest from the simulator.
    let types = app.get_ok(&format!("{V2}/resourceTypes")).await;
    let storage: BTreeSet<String> = types
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["resourceClass"] == "STORAGE")
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        storage,
        BTreeSet::from(["bulk".to_owned(), "fast-ssd".to_owned()])
    );
    let other = names(&types);
    assert!(
        !other.contains("m5.2xlarge"),
        "the cluster's compute types are routed away"
    );
    assert!(
        types.as_array().unwrap().len() > 2,
        "the simulator's compute types are there"
    );

    // Pools: no rule, so both backends merged, ids unique, in id order.
    let pools = app.get_ok(&format!("{V2}/resourcePools")).await;
    let pool_ids = ids(&pools, "resourcePoolId");
    let unique: BTreeSet<&String> = pool_ids.iter().collect();
    assert_eq!(unique.len(), pool_ids.len(), "no id clash");
    let mut sorted = pool_ids.clone();
    sorted.sort();
    assert_eq!(pool_ids, sorted);
    let pool_names = names(&pools);
    assert!(
        pool_names.contains("workers-a") && pool_names.len() > 4,
        "{pool_names:?}"
    );

    // Paging walks the merged list exactly once.
    let mut walked = Vec::new();
    let mut next = format!("{V2}/resourcePools?limit=2");
    loop {
        let page = app.get(&next).await;
        walked.extend(ids(&page.body, "resourcePoolId"));
        match page.header("link") {
            Some(link) => {
                next = link
                    .trim_start_matches('<')
                    .split('>')
                    .next()
                    .unwrap()
                    .to_owned();
            }
            None => break,
        }
    }
    assert_eq!(walked, pool_ids);

    // Each pool's resources come from the backend owning the pool.
    let k8s_pool = pools
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "workers-a")
        .unwrap();
    let id = k8s_pool["resourcePoolId"].as_str().unwrap();
    let nodes = app
        .get_ok(&format!("{V2}/resourcePools/{id}/resources"))
        .await;
    assert_eq!(names_of(&nodes), ["n1", "n2"]);
    let sim_pool = pools
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["extensions"]["source"].is_null())
        .unwrap();
    let id = sim_pool["resourcePoolId"].as_str().unwrap();
    let sim_resources = app
        .get_ok(&format!("{V2}/resourcePools/{id}/resources"))
        .await;
    assert!(!sim_resources.as_array().unwrap().is_empty());
    assert!(app
        .get(&format!("{V2}/resourcePools/{id}"))
        .await
        .status
        .is_success());
    assert!(app
        .get(&format!("{V2}/resourcePools/{id}"))
        .await
        .header("warning")
        .is_none());

    // gRPC shows the same merge.
    assert_eq!(app.grpc_pool_names().await.len(), pool_ids.len());
}

fn names_of(list: &Value) -> Vec<String> {
    let mut n: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["description"].as_str().unwrap().to_owned())
        .collect();
    n.sort();
    n
}

#[tokio::test]
async fn a_failing_backend_gives_partial_results_with_a_warning() {
    let fake = FakeApiServer::start(&[NODES, STORAGE_CLASSES])
        .await
        .unwrap();
    fake.apply(NODES, fixtures::node("n1", "edge", "du-server"));
    fake.set_down(true); // the cluster does not answer: netweave cannot connect
    let (_dir, base) = on_cluster(&fake);
    let app = TestApp::start_with(|c| {
        base(c);
        two_backends(c);
        c.routes.clear();
    })
    .await;
    let reply = app.get(&format!("{V2}/resourcePools")).await;
    assert_eq!(reply.status, reqwest::StatusCode::OK);
    assert!(
        !reply.body.as_array().unwrap().is_empty(),
        "the simulator's pools"
    );
    let warning = reply.header("warning").expect("a Warning header");
    assert!(
        warning.starts_with("199 netweave \"backend 'k8s' failed"),
        "{warning}"
    );
    let grpc = app
        .inventory()
        .await
        .list_resource_pools(ListResourcePoolsRequest {
            options: Some(ListOptions::default()),
        })
        .await
        .unwrap();
    let meta = grpc
        .metadata()
        .get("x-netweave-warning")
        .expect("warning metadata");
    assert!(meta.to_str().unwrap().contains("backend 'k8s' failed"));
    assert_eq!(
        grpc.into_inner().resource_pools.len(),
        reply.body.as_array().unwrap().len()
    );

    assert!(warning.contains("not connected yet"), "{warning}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    // Once the cluster answers, netweave connects, its pools join and the warning goes.
    fake.set_down(false);
    for _ in 0..200 {
        let reply = app.get(&format!("{V2}/resourcePools")).await;
        if reply.header("warning").is_none() {
            assert!(names(&reply.body).contains("edge"));
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the cluster's pools never joined");
}
