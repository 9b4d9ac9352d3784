//! Subscriptions on a real `redis-server`: the same lifecycle, the documented keys under the
//! hash-tagged prefix, and survival of a gateway restart.

use redis::Commands;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{
    harness::{unique_prefix, RedisServer, TestApp, V2},
    subscriptions::lifecycle,
};

#[tokio::test]
async fn subscription_lifecycle_on_redis() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let app = TestApp::start_with(|c| {
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    })
    .await;
    lifecycle(&app).await;
}

#[tokio::test]
async fn redis_keys_are_documented_and_hash_tagged() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let app = TestApp::start_with(|c| {
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    })
    .await;
    let consumer = uuid::Uuid::new_v4().to_string();
    let created = app
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "http://10.20.0.10/a", "consumerSubscriptionId": consumer})),
        )
        .await;
    let id = created.body["subscriptionId"].as_str().unwrap().to_owned();
    let mut conn = redis.connection();
    let tag = format!("{{{prefix}}}");
    let all: Vec<String> = conn.keys("*").unwrap();
    assert!(
        all.iter().all(|k| k.starts_with(&tag)),
        "every key is under the hash tag: {all:?}"
    );
    assert!(
        all.contains(&format!("{tag}:events")),
        "the event stream shares the tag: {all:?}"
    );
    let mut keys: Vec<String> = all
        .into_iter()
        .filter(|k| k.contains(":subscription"))
        .collect();
    keys.sort();
    let mut expected = vec![
        format!("{tag}:subscription:{id}"),
        format!("{tag}:subscriptions"),
        format!("{tag}:subscriptions:by-callback"),
        format!("{tag}:subscriptions:by-consumer:{consumer}"),
    ];
    expected.sort();
    assert_eq!(keys, expected);
    let callback: String = conn
        .hget(format!("{tag}:subscription:{id}"), "callback")
        .unwrap();
    assert_eq!(callback, "http://10.20.0.10/a");
    let indexed: String = conn
        .hget(
            format!("{tag}:subscriptions:by-callback"),
            "http://10.20.0.10/a",
        )
        .unwrap();
    assert_eq!(indexed, id);

    let deleted = app
        .call(Method::DELETE, &format!("{V2}/subscriptions/{id}"), None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    let left: Vec<String> = conn.keys(format!("{tag}:subscription*")).unwrap();
    assert!(
        left.is_empty(),
        "delete removes the hash and every index entry: {left:?}"
    );
}

#[tokio::test]
async fn redis_subscriptions_survive_a_gateway_restart_and_are_shared() {
    let redis = RedisServer::start();
    let prefix = unique_prefix();
    let config = |c: &mut netweave::config::Config| {
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = prefix.clone();
    };
    let first = TestApp::start_with(config).await;
    let second = TestApp::start_with(config).await;
    let created = first
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "http://10.20.0.11/b"})),
        )
        .await;
    let id = created.body["subscriptionId"].as_str().unwrap().to_owned();
    assert_eq!(
        second.get_ok(&format!("{V2}/subscriptions/{id}")).await,
        created.body,
        "stateless gateways share the store"
    );
    let dup = second
        .call(
            Method::POST,
            &format!("{V2}/subscriptions"),
            Some(json!({"callback": "http://10.20.0.11/b"})),
        )
        .await;
    assert_eq!(dup.status, StatusCode::BAD_REQUEST);
    first.stop().await;
    let restarted = TestApp::start_with(config).await;
    assert_eq!(
        restarted.get_ok(&format!("{V2}/subscriptions/{id}")).await,
        created.body
    );
}

#[tokio::test]
async fn readiness_fails_while_redis_is_down() {
    let redis = RedisServer::start();
    let app = TestApp::start_with(|c| {
        c.redis_url = Some(redis.url.clone());
        c.redis_prefix = unique_prefix();
    })
    .await;
    drop(redis);
    let reply = app.http.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(reply.status(), StatusCode::SERVICE_UNAVAILABLE);
    let problem: serde_json::Value = reply.json().await.unwrap();
    assert!(
        problem["detail"].as_str().unwrap().contains("redis"),
        "{problem}"
    );
}

#[tokio::test]
async fn both_stores_keep_every_subscription_field() {
    use netweave::store::SubscriptionStore;
    let redis = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let stores: Vec<Box<dyn SubscriptionStore>> = vec![
        Box::new(
            netweave::store::redis::RedisStore::connect(&redis.url, &unique_prefix())
                .await
                .unwrap(),
        ),
        Box::new(netweave::store::embedded::EmbeddedStore::open(dir.path()).unwrap()),
    ];
    for store in stores {
        let sub = netweave::domain::Subscription {
            subscription_id: uuid::Uuid::new_v4().to_string(),
            consumer_subscription_id: Some(uuid::Uuid::new_v4().to_string()),
            filter: Some("[(eq,objectType,ResourcePoolInfo)]".into()),
            callback: "http://10.20.0.11/inf".into(),
            webhook_secret: Some("whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0".into()),
            hub_id: None,
            inf_filter: true,
            tenant: Some("tenant-a".into()),
            alarm: false,
            lcm: None,
        };
        store.insert(&sub).await.unwrap();
        let back = store.get(&sub.subscription_id).await.unwrap();
        assert_eq!(back.as_ref(), Some(&sub), "{}", store.name());
    }
}
