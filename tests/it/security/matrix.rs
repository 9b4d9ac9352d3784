//! Every role × every RPC, over REST and over gRPC: allowed exactly where the role model says.
//! The expectation below is written from the role model (oran-o2ims' roles, netweave's own),
//! not read from the policy table, so a wrong table entry fails here.

use std::net::SocketAddr;

use netweave::config::ClientAuth;
use prost_reflect::DescriptorPool;
use reqwest::{Method, StatusCode};

use super::{client, gateway, idp::Idp, support::Pki};

const INVENTORY: &str = "netweave.o2ims.v1.InventoryService";
const SUBSCRIPTIONS: &str = "netweave.o2ims.v1.SubscriptionService";

const ADMIN: &str = "netweave.admin.v1.AdminService";
const ALARMS: &str = "netweave.monitoring.v1.AlarmService";
/// The tenant the tenant roles' tokens name (configured in the gateway).
const TENANT: &str = "tenant-a";

const ROLES: [&str; 20] = [
    "platform-admin",
    "tenant-admin",
    "auditor",
    "owner",
    "admin",
    "operator",
    "viewer",
    "o2ims-reader",
    "o2ims-subscriber",
    "o2ims-maintainer",
    "o2ims-provisioner",
    "o2ims-deployer",
    "o2ims-admin",
    "netweave-inventory-writer",
    "netweave-watcher",
    "netweave-hub-manager",
    "netweave-webhook-operator",
    "netweave-metrics",
    "netweave-alert-source",
    "no-such-role",
];

fn expected(role: &str, rpc: &str) -> bool {
    let (service, method) = rpc.split_once('/').unwrap();
    let read = method.starts_with("Get") || method.starts_with("List");
    let dm = method.contains("DeploymentManager");
    match rpc {
        "grpc.health.v1.Health/Check" | "grpc.health.v1.Health/Watch" => return true,
        "netweave.ops/Healthz" | "netweave.ops/Readyz" => return true,
        // Chart repositories: the address is the capability.
        "netweave.vnfpkgm.v1.VnfPackageService/GetChartIndex"
        | "netweave.vnfpkgm.v1.VnfPackageService/GetChart" => return true,
        // Any verified caller.
        "grpc.reflection.v1.ServerReflection/ServerReflectionInfo"
        | "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"
        | "netweave.ops/OpenApi" => return true,
        _ => {}
    }
    let hubs = service == "netweave.tmf688.v4.HubService";
    let events = service.ends_with(".EventService");
    let webhooks = service == "netweave.webhooks.v1.WebhookService";
    let bindings = service == ADMIN && method.contains("Binding");
    let ingest = rpc == format!("{ALARMS}/IngestAlertmanagerNotification");
    // Alarm subscriptions are subscriptions (the oran-o2ims roles: reader reads, subscriber writes).
    let alarm_subs = service == ALARMS && method.contains("AlarmSubscription");
    let subs = service == SUBSCRIPTIONS || alarm_subs;
    let alarm_read = service == ALARMS && read && !alarm_subs;
    let alarm_write = service == ALARMS && !read && !ingest && !alarm_subs;
    // Provisioning and artifacts: readers read, provisioners write (the oran-o2ims roles).
    let provisioning = service.starts_with("netweave.provisioning.v1.")
        || service.starts_with("netweave.artifacts.v1.");
    let provisioning_read = provisioning && read;
    // VNF packages: deployers and the admin roles write, viewers and operators read.
    let packages = service == "netweave.vnfpkgm.v1.VnfPackageService"
        || service == "netweave.vnflcm.v2.VnfLcmService";
    let packages_read = packages && read;
    // Within a tenant, each role includes the next.
    let viewer = (service == INVENTORY && read && !dm)
        || (subs && read)
        || events
        || (hubs && read)
        || alarm_read
        || provisioning_read
        || packages_read;
    let operator = viewer || (service == INVENTORY && !read) || subs || hubs || alarm_write;
    let admin = operator || dm || webhooks || provisioning || packages;
    match role {
        "platform-admin" => true,
        "tenant-admin" => service == ADMIN && method != "ListAuditRecords",
        "auditor" => rpc == "netweave.admin.v1.AdminService/ListAuditRecords",
        "owner" => admin || bindings,
        "admin" => admin,
        "operator" => operator,
        "viewer" => viewer,
        "o2ims-admin" => service != ADMIN && !ingest,
        "o2ims-reader" => {
            (service == INVENTORY && read && !dm)
                || (subs && read)
                || alarm_read
                || provisioning_read
        }
        "o2ims-provisioner" => provisioning,
        "o2ims-maintainer" => alarm_read || alarm_write,
        "netweave-alert-source" => ingest,
        "o2ims-subscriber" => subs,
        "o2ims-deployer" => dm || packages,
        "netweave-inventory-writer" => service == INVENTORY && !read,
        "netweave-watcher" => service.ends_with(".EventService"),
        "netweave-hub-manager" => service == "netweave.tmf688.v4.HubService",
        "netweave-webhook-operator" => service == "netweave.webhooks.v1.WebhookService",
        "netweave-metrics" => rpc == "netweave.ops/Metrics",
        _ => false,
    }
}

pub async fn grpc_channel(pki: &Pki, addr: SocketAddr) -> tonic::transport::Channel {
    tonic::transport::Channel::from_shared(format!("https://localhost:{}", addr.port()))
        .unwrap()
        .tls_config(
            tonic::transport::ClientTlsConfig::new()
                .ca_certificate(tonic::transport::Certificate::from_pem(pki.ca.cert_pem()))
                .identity(tonic::transport::Identity::from_pem(
                    &pki.alice.cert_pem,
                    &pki.alice.key_pem,
                ))
                .domain_name("localhost"),
        )
        .unwrap()
        .connect()
        .await
        .expect("gRPC over TLS")
}

/// Every gRPC method the server serves, `package.Service/Method`.
fn grpc_methods() -> Vec<String> {
    let mut pool = DescriptorPool::decode(netweave::proto::FILE_DESCRIPTOR_SET).unwrap();
    for served in [
        tonic_health::pb::FILE_DESCRIPTOR_SET,
        tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET,
        tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET,
    ] {
        pool.decode_file_descriptor_set(served).unwrap();
    }
    pool.services()
        .filter(|s| {
            s.full_name().starts_with("netweave.")
                || s.full_name() == "grpc.health.v1.Health"
                || s.full_name().starts_with("grpc.reflection.")
        })
        .flat_map(|s| {
            s.methods()
                .map(|m| format!("{}/{}", s.full_name(), m.name()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Calls `rpc` with an empty message; `false` when refused with PERMISSION_DENIED.
async fn grpc_allowed(channel: tonic::transport::Channel, token: &str, rpc: &str) -> bool {
    let mut grpc = tonic::client::Grpc::new(channel);
    grpc.ready().await.unwrap();
    let mut request = tonic::Request::new(());
    request
        .metadata_mut()
        .insert("authorization", format!("Bearer {token}").parse().unwrap());
    let path = format!("/{rpc}").parse().unwrap();
    let codec = tonic_prost::ProstCodec::<(), ()>::default();
    match grpc.server_streaming(request, path, codec).await {
        Ok(_) => true,
        Err(status) => {
            assert_ne!(
                status.code(),
                tonic::Code::Unauthenticated,
                "{rpc}: {status:?}"
            );
            status.code() != tonic::Code::PermissionDenied
        }
    }
}

fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|part| {
            if part.starts_with('{') {
                "6f1b1c1e-0000-4000-8000-000000000001"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_role_reaches_exactly_the_rpcs_its_role_allows_over_rest_and_grpc() {
    let pki = Pki::new();
    let idp = Idp::start(&pki).await;
    // Keys from a configured JWKS URL here (discovery elsewhere).
    let app = gateway(&pki, &idp, ClientAuth::Optional, |c| {
        c.auth.jwks_uri = Some(idp.jwks_uri());
        c.tenants = vec![netweave::config::TenantConfig {
            id: TENANT.into(),
            ..Default::default()
        }];
    })
    .await;
    let mut routes: Vec<(Method, String, String)> = netweave::http::rpc_table()
        .routes
        .into_iter()
        .map(|r| (r.method, r.path, r.rpc))
        .collect();
    for (path, rpc) in netweave::security::guard::OPS {
        routes.push((Method::GET, path.to_owned(), rpc.to_owned()));
    }
    let methods = grpc_methods();
    assert!(methods.len() > 40, "{methods:?}");
    let channel = grpc_channel(&pki, app.addr).await;
    let mut wrong = Vec::new();
    for role in ROLES {
        let mut claims = idp.claims(&[role]);
        if netweave::security::tenants::TENANT_ROLES.contains(&role) {
            claims["tenant"] = TENANT.into();
        }
        let token = idp.mint(&claims);
        let http = client(&pki, Some(&pki.alice), Some(&token));
        for (method, template, rpc) in &routes {
            let mut request = http.request(method.clone(), app.url(&concrete(template)));
            if [Method::POST, Method::PUT, Method::PATCH].contains(method) {
                request = request.json(&serde_json::json!({}));
            }
            let status = request.send().await.unwrap().status();
            assert_ne!(
                status,
                StatusCode::UNAUTHORIZED,
                "{role} {method} {template}"
            );
            let allowed = status != StatusCode::FORBIDDEN;
            if allowed != expected(role, rpc) {
                wrong.push(format!("REST {role} {method} {template} ({rpc}): {status}"));
            }
        }
        for rpc in &methods {
            let allowed = grpc_allowed(channel.clone(), &token, rpc).await;
            if allowed != expected(role, rpc) {
                wrong.push(format!("gRPC {role} {rpc}: allowed={allowed}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} decisions differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_rpc_and_route_has_a_policy_entry_and_every_entry_an_rpc() {
    let policy = netweave::security::policy::Policy::load(None, false).unwrap();
    let mut served: Vec<String> = grpc_methods();
    served.extend(
        netweave::http::rpc_table()
            .routes
            .into_iter()
            .map(|r| r.rpc),
    );
    served.extend(
        netweave::security::guard::OPS
            .iter()
            .map(|(_, rpc)| (*rpc).to_owned()),
    );
    let missing: Vec<&String> = served
        .iter()
        .filter(|rpc| policy.rule(rpc).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "no policy entry (denied by default): {missing:?}"
    );
    let stale: Vec<&str> = policy
        .rpcs()
        .filter(|rpc| !served.iter().any(|s| s == rpc))
        .collect();
    assert!(
        stale.is_empty(),
        "policy entries for nothing served: {stale:?}"
    );
    let mut roles: Vec<&str> = policy.roles().collect();
    roles.sort();
    let mut tested: Vec<&str> = ROLES[..ROLES.len() - 1].to_vec();
    tested.sort();
    assert_eq!(roles, tested, "the matrix covers every role");
}
