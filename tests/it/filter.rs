//! The O-RAN filter grammar, table-driven: every operator, quoting, nested paths, typed
//! comparison, and malformed expressions answered with a 400 ProblemDetails naming the fault.

use netweave::backend::simulator::SimConfig;
use netweave::domain::{Fields, Filter, Resource};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::harness::{TestApp, V2};

fn node() -> Resource {
    serde_json::from_value(json!({
        "resourceId": "6f1b1c1e-0000-4000-8000-000000000001",
        "resourcePoolId": "6f1b1c1e-0000-4000-8000-0000000000aa",
        "resourceTypeId": "6f1b1c1e-0000-4000-8000-0000000000bb",
        "globalAssetId": "SN-42",
        "description": "edge node, rack (1); it's new",
        "tags": ["compute", "rack-07"],
        "groups": ["gpu-nodes"],
        "elements": [],
        "extensions": {
            "country": "ES",
            "cpuCores": 64,
            "memoryGiB": 512.5,
            "enabled": true,
            "retired": null,
            "labels": {"zone": "madrid-1", "tier": {"name": "gold"}},
            "ports": [10, 20, 30]
        }
    }))
    .unwrap()
}

#[test]
fn every_operator_quoting_nested_path_and_type() {
    let cases: &[(&str, bool)] = &[
        // eq / neq on strings
        ("(eq,globalAssetId,SN-42)", true),
        ("(eq,globalAssetId,SN-4)", false),
        ("(neq,globalAssetId,SN-4)", true),
        ("(neq,globalAssetId,SN-42)", false),
        // ordering: strings lexically, numbers numerically (64 > 9 though "64" < "9")
        ("(gt,extensions/cpuCores,9)", true),
        ("(gt,extensions/cpuCores,64)", false),
        ("(gte,extensions/cpuCores,64)", true),
        ("(lt,extensions/cpuCores,100)", true),
        ("(lt,extensions/cpuCores,64)", false),
        ("(lte,extensions/cpuCores,64)", true),
        ("(gt,extensions/memoryGiB,512.25)", true),
        ("(eq,extensions/cpuCores,64.0)", true),
        ("(gt,extensions/cpuCores,many)", false),
        ("(gt,globalAssetId,SN-41)", true),
        ("(lt,globalAssetId,SN-5)", true),
        // booleans and null
        ("(eq,extensions/enabled,true)", true),
        ("(eq,extensions/enabled,false)", false),
        ("(eq,extensions/retired,null)", true),
        // cont / ncont
        ("(cont,description,rack)", true),
        ("(cont,description,Rack)", false),
        ("(ncont,description,cloud)", true),
        ("(ncont,description,edge)", false),
        // in / nin, with several values
        ("(in,extensions/country,US,ES,FR)", true),
        ("(in,extensions/country,US,FR)", false),
        ("(nin,extensions/country,US,FR)", true),
        ("(nin,extensions/country,ES)", false),
        ("(in,extensions/cpuCores,32,64)", true),
        // quoting: commas, parentheses, semicolons and doubled quotes inside values
        ("(eq,description,'edge node, rack (1); it''s new')", true),
        ("(cont,description,', rack (')", true),
        (
            "(in,description,'a,b','edge node, rack (1); it''s new')",
            true,
        ),
        ("(eq,description,edge node)", false),
        ("(eq,description,'')", false),
        // nested paths, deeper than one level
        ("(eq,extensions/labels/zone,madrid-1)", true),
        ("(eq,extensions/labels/tier/name,gold)", true),
        ("(eq,extensions/labels/tier/name,silver)", false),
        // lists: any element matches
        ("(eq,tags,rack-07)", true),
        ("(cont,tags,rack)", true),
        ("(nin,groups,gpu-nodes)", false),
        ("(eq,extensions/ports,20)", true),
        ("(gt,extensions/ports,25)", true),
        // a missing attribute matches only the negative operators
        ("(eq,extensions/absent,x)", false),
        ("(neq,extensions/absent,x)", true),
        ("(ncont,extensions/absent,x)", true),
        ("(nin,extensions/absent,x)", true),
        // conjunction
        (
            "(eq,extensions/country,ES);(gt,extensions/cpuCores,32)",
            true,
        ),
        (
            "(eq,extensions/country,ES);(gt,extensions/cpuCores,128)",
            false,
        ),
    ];
    let node = node();
    for (expr, expected) in cases {
        let filter =
            Filter::parse(expr, Resource::FIELDS).unwrap_or_else(|e| panic!("{expr}: {e}"));
        assert_eq!(filter.matches(&node), *expected, "{expr}");
    }
}

/// Malformed filters and the words the error must contain.
const MALFORMED: &[(&str, &str)] = &[
    ("", "empty"),
    ("eq,name,x", "expected '('"),
    ("(eq,name,x", "missing ')'"),
    ("(like,name,x)", "unknown operator 'like'"),
    ("(,name,x)", "missing operator"),
    ("(eq)", "needs an attribute"),
    ("(eq,name)", "needs a value"),
    ("(eq,,x)", "missing attribute"),
    ("(eq,bogus,x)", "unknown attribute 'bogus'"),
    ("(eq,extensions//x,y)", "empty segment"),
    ("(eq,name,'unterminated)", "unterminated"),
    ("(eq,name,a,b)", "takes one value"),
    ("(eq,name,)", "empty value"),
    ("(eq,name,x)(eq,name,y)", "joined by ';'"),
    ("(eq,name,x);", "after ';'"),
    ("(eq,name,'a'b)", "after a quoted value"),
    ("(eq,name,it's)", "quote the value"),
];

#[test]
fn malformed_filters_name_the_fault() {
    for (expr, words) in MALFORMED {
        let err = Filter::parse(expr, &["name", "extensions"]).expect_err(expr);
        assert!(
            err.to_string().contains(words),
            "{expr:?}: '{err}' lacks '{words}'"
        );
    }
}

#[tokio::test]
async fn malformed_filters_are_400_problem_details() {
    let app = TestApp::start().await;
    for (expr, words) in MALFORMED.iter().filter(|(e, _)| !e.is_empty()) {
        let path = format!("{V2}/resourcePools?filter={}", urlencode(expr));
        let reply = app.get(&path).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{expr}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        let detail = reply.body["detail"].as_str().unwrap();
        assert!(
            detail.contains(words),
            "{expr:?}: '{detail}' lacks '{words}'"
        );
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn rest_filters_select_exactly_the_matching_resources() {
    let app = TestApp::start_with(|c| {
        c.edit_section(|s: &mut SimConfig| s.pools = 1);
        c.edit_section(|s: &mut SimConfig| s.resources = 600);
    })
    .await;
    let pools = app.get_ok(&format!("{V2}/resourcePools")).await;
    let pool = pools[0]["resourcePoolId"].as_str().unwrap();
    let all = app
        .get_ok(&format!("{V2}/resourcePools/{pool}/resources"))
        .await;
    let all = all.as_array().unwrap();
    for (expr, predicate) in [
        (
            "(eq,extensions/adminState,LOCKED)",
            &(|r: &Value| r["extensions"]["adminState"] == "LOCKED") as &dyn Fn(&Value) -> bool,
        ),
        ("(neq,extensions/operationalState,ENABLED)", &|r: &Value| {
            r["extensions"]["operationalState"] != "ENABLED"
        }),
        ("(gte,extensions/cpuCores,64)", &|r: &Value| {
            r["extensions"]["cpuCores"].as_u64().unwrap() >= 64
        }),
        (
            "(in,extensions/usageState,IDLE,BUSY);(cont,tags,compute)",
            &|r: &Value| {
                ["IDLE", "BUSY"].contains(&r["extensions"]["usageState"].as_str().unwrap())
                    && r["tags"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|t| t.as_str().unwrap().contains("compute"))
            },
        ),
    ] {
        let expected: Vec<&Value> = all.iter().filter(|r| predicate(r)).collect();
        assert!(
            !expected.is_empty() && expected.len() < all.len(),
            "{expr} should split the pool"
        );
        let got = app
            .get_ok(&format!(
                "{V2}/resourcePools/{pool}/resources?filter={}",
                urlencode(expr)
            ))
            .await;
        let got: Vec<&Value> = got.as_array().unwrap().iter().collect();
        assert_eq!(got, expected, "{expr}");
    }
}
