//! Paging: the INF O2 `/v1` walk by `Link` with `X-Total-Count`, and the `/v2` extension.

use netweave::backend::simulator::SimConfig;
use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::{Reply, TestApp, V1, V2};

/// The target of `Link: <…>; rel="next"`, if any.
fn next_link(reply: &Reply) -> Option<String> {
    let link = reply.header("link")?;
    assert!(link.ends_with("; rel=\"next\""), "unexpected Link: {link}");
    Some(link[link.find('<')? + 1..link.find('>')?].to_owned())
}

/// Follows `Link` from `start`, returning every id seen and the totals announced.
async fn walk(app: &TestApp, start: String, id: &str) -> (Vec<String>, BTreeSet<String>, usize) {
    let mut ids = Vec::new();
    let mut totals = BTreeSet::new();
    let mut pages = 0;
    let mut next = Some(start);
    while let Some(path) = next {
        let reply = app.get(&path).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        if let Some(total) = reply.header("x-total-count") {
            totals.insert(total.to_owned());
        }
        ids.extend(
            reply
                .body
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r[id].as_str().unwrap().to_owned()),
        );
        next = next_link(&reply);
        pages += 1;
        assert!(pages < 10_000, "the walk does not end");
    }
    (ids, totals, pages)
}

#[tokio::test]
async fn v1_walks_a_10000_resource_pool_seeing_each_resource_once() {
    let app = TestApp::start_with(|c| {
        c.edit_section(|s: &mut SimConfig| s.pools = 1);
        c.edit_section(|s: &mut SimConfig| s.resources = 10_000);
        c.v1_page_size = 250;
    })
    .await;
    let pools = app.get_ok(&format!("{V1}/resourcePools")).await;
    let pool = pools[0]["resourcePoolId"].as_str().unwrap();
    let (ids, totals, pages) = walk(
        &app,
        format!("{V1}/resourcePools/{pool}/resources"),
        "resourceId",
    )
    .await;
    assert_eq!(pages, 40);
    assert_eq!(ids.len(), 10_000);
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), 10_000, "every resource exactly once");
    assert_eq!(totals, BTreeSet::from(["10000".to_owned()]));

    // With a filter and an explicit limit, the total counts the matches only.
    let filter = "(eq,extensions/adminState,UNLOCKED)";
    let start = format!(
        "{V1}/resourcePools/{pool}/resources?limit=999&filter={}",
        url::form_urlencoded::byte_serialize(filter.as_bytes()).collect::<String>()
    );
    let (ids, totals, _) = walk(&app, start, "resourceId").await;
    let everything = app
        .get_ok(&format!("{V2}/resourcePools/{pool}/resources"))
        .await;
    let unlocked = everything
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["extensions"]["adminState"] == "UNLOCKED")
        .count();
    assert!(unlocked > 9000 && unlocked < 10_000);
    assert_eq!(ids.len(), unlocked);
    assert_eq!(totals, BTreeSet::from([unlocked.to_string()]));
}

#[tokio::test]
async fn a_walk_survives_concurrent_inserts() {
    let app = TestApp::start_with(|c| {
        c.edit_section(|s: &mut SimConfig| s.pools = 1);
        c.edit_section(|s: &mut SimConfig| s.resources = 500);
        c.v1_page_size = 100;
    })
    .await;
    let pool = app.get_ok(&format!("{V1}/resourcePools")).await[0]["resourcePoolId"]
        .as_str()
        .unwrap()
        .to_owned();
    let ty = app.get_ok(&format!("{V2}/resourceTypes")).await[0]["resourceTypeId"]
        .as_str()
        .unwrap()
        .to_owned();
    let first = app
        .get(&format!("{V1}/resourcePools/{pool}/resources"))
        .await;
    let mut seen: Vec<String> = first
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["resourceId"].as_str().unwrap().to_owned())
        .collect();
    // Resources added mid-walk must not make the walk repeat or skip an original one.
    for _ in 0..50 {
        let r = app
            .call(
                reqwest::Method::POST,
                &format!("{V2}/resourcePools/{pool}/resources"),
                Some(serde_json::json!({"resourceTypeId": ty, "description": "late"})),
            )
            .await;
        assert_eq!(r.status, 201);
    }
    let (rest, _, _) = walk(&app, next_link(&first).unwrap(), "resourceId").await;
    seen.extend(rest);
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no resource twice");
    let originals = app
        .get_ok(&format!(
            "{V2}/resourcePools/{pool}/resources?filter=(neq,description,late)"
        ))
        .await;
    for r in originals.as_array().unwrap() {
        assert!(
            unique.contains(&r["resourceId"].as_str().unwrap().to_owned()),
            "original resource skipped"
        );
    }
}

#[tokio::test]
async fn v2_lists_whole_arrays_unless_a_limit_asks_for_pages() {
    let app = TestApp::start_with(|c| {
        c.edit_section(|s: &mut SimConfig| s.pools = 1);
        c.edit_section(|s: &mut SimConfig| s.resources = 3000);
    })
    .await;
    let pool = app.get_ok(&format!("{V2}/resourcePools")).await[0]["resourcePoolId"]
        .as_str()
        .unwrap()
        .to_owned();
    let whole = app
        .get(&format!("{V2}/resourcePools/{pool}/resources"))
        .await;
    assert!(whole.header("link").is_none());
    let whole: Vec<Value> = whole.body.as_array().unwrap().clone();
    assert_eq!(whole.len(), 3000);
    let (ids, totals, pages) = walk(
        &app,
        format!("{V2}/resourcePools/{pool}/resources?limit=700"),
        "resourceId",
    )
    .await;
    assert_eq!(pages, 5);
    assert!(totals.is_empty(), "v2 pages do not pay for a count");
    let whole_ids: Vec<String> = whole
        .iter()
        .map(|r| r["resourceId"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, whole_ids, "pages concatenate to the whole array");
    let bad = app
        .get(&format!(
            "{V2}/resourcePools/{pool}/resources?nextpage_opaque_marker=garbage"
        ))
        .await;
    assert_eq!(bad.status, 400);
    let bad = app
        .get(&format!("{V2}/resourcePools/{pool}/resources?limit=0"))
        .await;
    assert_eq!(bad.status, 400);
}
