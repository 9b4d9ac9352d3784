//! A fake OpenStack for the tests and benchmarks of the OpenStack backend (Keystone, Nova and
//! Placement cannot run where they run). It serves, in the shapes of the OpenStack api-ref
//! samples (nova `doc/api_samples`, keystone `api-ref/source/v3/samples`, placement
//! `api-ref/source/samples`):
//! - Keystone v3: version documents, `POST /v3/auth/tokens` with password (user and project by
//!   name and domain) and application-credential (by id) methods, 201 with `X-Subject-Token` and
//!   the token with its catalog (identity, compute, placement in `RegionOne`); every other
//!   call needs a valid `X-Auth-Token` (401 otherwise);
//! - Nova (`/compute/v2.1`): the version document (2.1 to 2.96), `OpenStack-API-Version`
//!   honoured and echoed (406 above the maximum), `os-aggregates` (list, show, create, update,
//!   delete, actions `add_host`/`remove_host`/`set_metadata`), `os-hypervisors[/detail]`,
//!   `flavors[/detail]`, `servers[/detail]` with `all_tenants`, `changes-since` (deleted servers
//!   as `DELETED`) and `limit`/`marker` paging with `*_links`; `POST /servers` (202; BUILD,
//!   then ACTIVE on a host of an aggregate in its zone after `boot_time`, or ERROR with a
//!   fault), `GET`/`DELETE /servers/{id}`;
//! - Placement (`/placement`): the version document, `resource_providers` with their
//!   `generation`, and each provider's `inventories` and `usages`.
//!
//! Test controls: [`FakeOpenStack::with`] changes the cloud (servers, hypervisors, aggregates,
//! flavors, capacity; each change stamps `updated` and bumps generations as OpenStack does),
//! the token lifetime, revocation of every token, a failure status per service (an outage),
//! and request counters per service.

mod http;

use std::{
    collections::{BTreeMap, HashMap},
    sync::{Arc, Mutex},
    time::{Duration, SystemTime},
};

use serde_json::{json, Map, Value};

pub const REGION: &str = "RegionOne";
pub const USER: &str = "admin";
pub const PASSWORD: &str = "openstack-secret";
pub const PROJECT: &str = "admin";
pub const DOMAIN: &str = "Default";
pub const APP_CREDENTIAL_ID: &str = "aa7fa5a3e4b84a7b9b2c2d6e3f6a1b20";
pub const APP_CREDENTIAL_SECRET: &str = "app-cred-secret";
pub const NOVA_MAX: (u32, u32) = (2, 96);

/// A service of the fake: what counters and outages are keyed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    Identity,
    Compute,
    Placement,
}

#[derive(Clone, Debug)]
pub struct Server {
    pub id: String,
    pub name: String,
    pub status: String,
    pub host: Option<String>,
    pub zone: String,
    pub flavor: String,
    pub project: String,
    pub fault: Option<Value>,
    pub created: SystemTime,
    pub updated: SystemTime,
    pub deleted: bool,
    pub metadata: Map<String, Value>,
    /// A server created through the API boots (BUILD → ACTIVE, or ERROR) at this time.
    pub boots_at: Option<SystemTime>,
}

#[derive(Clone, Debug)]
pub struct Hypervisor {
    pub id: String,
    pub hostname: String,
    pub host: String,
    pub hypervisor_type: String,
    pub ip: String,
    pub state: String,
    pub status: String,
    pub disabled_reason: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Aggregate {
    pub id: u64,
    pub uuid: String,
    pub name: String,
    pub zone: Option<String>,
    pub hosts: Vec<String>,
    pub metadata: Map<String, Value>,
    pub created: SystemTime,
    pub updated: Option<SystemTime>,
}

#[derive(Clone, Debug)]
pub struct Flavor {
    pub id: String,
    pub name: String,
    pub vcpus: u64,
    pub ram: u64,
    pub disk: u64,
    pub extra_specs: Map<String, Value>,
}

/// A resource provider: inventories (class → total, reserved, ratio) and usages.
#[derive(Clone, Debug, Default)]
pub struct Provider {
    pub name: String,
    pub generation: u64,
    pub inventories: BTreeMap<String, (u64, u64, f64)>,
    pub usages: BTreeMap<String, u64>,
}

/// The cloud the fake serves.
#[derive(Debug)]
pub struct Cloud {
    pub token_ttl: Duration,
    pub(crate) tokens: HashMap<String, SystemTime>,
    /// An outage: the status each listed service answers everything with.
    pub failing: HashMap<Service, u16>,
    pub requests: HashMap<Service, u64>,
    /// Token requests (successful or not).
    pub auth_calls: u64,
    /// Server list requests, and how many of them were full (no `changes-since`).
    pub server_lists: u64,
    pub full_server_lists: u64,
    pub aggregates: BTreeMap<u64, Aggregate>,
    pub(crate) next_aggregate: u64,
    pub hypervisors: BTreeMap<String, Hypervisor>,
    pub flavors: BTreeMap<String, Flavor>,
    pub servers: BTreeMap<String, Server>,
    pub providers: BTreeMap<String, Provider>,
    /// How long a server created through the API stays in BUILD.
    pub boot_time: Duration,
    /// Flavors whose servers fail to boot, with the fault message Nova gives.
    pub boot_faults: BTreeMap<String, String>,
    /// Servers created through the API.
    pub server_creates: u64,
}

pub fn iso(t: SystemTime) -> String {
    httpdate_iso(t, false)
}

pub(crate) fn httpdate_iso(t: SystemTime, micros: bool) -> String {
    let d = t.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = if month <= 2 { y + 1 } else { y };
    let base = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    );
    if micros {
        format!("{base}.{:06}Z", d.subsec_micros())
    } else {
        format!("{base}Z")
    }
}

/// Parses what [`iso`] writes (and Nova accepts as `changes-since`: with or without `Z`).
pub fn parse_iso(text: &str) -> Option<SystemTime> {
    let t = text.trim_end_matches('Z');
    let t = t.split('.').next()?;
    let (date, time) = t.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>());
    let (y, m, day) = (d.next()?.ok()?, d.next()?.ok()?, d.next()?.ok()?);
    let mut c = time.split(':').map(|p| p.parse::<i64>());
    let (hh, mm, ss) = (c.next()?.ok()?, c.next()?.ok()?, c.next()?.ok()?);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
    Some(SystemTime::UNIX_EPOCH + Duration::from_secs(secs.max(0) as u64))
}

fn uuid_of(seed: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, seed.as_bytes()).to_string()
}

impl Cloud {
    fn new() -> Cloud {
        Cloud {
            token_ttl: Duration::from_secs(3600),
            tokens: HashMap::new(),
            failing: HashMap::new(),
            requests: HashMap::new(),
            auth_calls: 0,
            server_lists: 0,
            full_server_lists: 0,
            aggregates: BTreeMap::new(),
            next_aggregate: 1,
            hypervisors: BTreeMap::new(),
            flavors: BTreeMap::new(),
            servers: BTreeMap::new(),
            providers: BTreeMap::new(),
            boot_time: Duration::from_millis(300),
            boot_faults: BTreeMap::new(),
            server_creates: 0,
        }
    }

    /// Revokes every token issued: the next call with one gets 401.
    pub fn revoke_tokens(&mut self) {
        self.tokens.clear();
    }

    pub fn add_flavor(&mut self, name: &str, vcpus: u64, ram: u64, disk: u64) -> String {
        let id = (self.flavors.len() + 1).to_string();
        self.flavors.insert(
            id.clone(),
            Flavor {
                id: id.clone(),
                name: name.into(),
                vcpus,
                ram,
                disk,
                extra_specs: Map::new(),
            },
        );
        id
    }

    /// A compute host with its hypervisor and resource provider (same uuid, as Nova makes it).
    pub fn add_hypervisor(&mut self, host: &str, vcpus: u64, ram_mb: u64, disk_gb: u64) -> String {
        let id = uuid_of(&format!("hypervisor/{host}"));
        self.hypervisors.insert(
            id.clone(),
            Hypervisor {
                id: id.clone(),
                hostname: format!("{host}.cloud.example"),
                host: host.into(),
                hypervisor_type: "QEMU".into(),
                ip: format!("192.0.2.{}", self.hypervisors.len() % 250 + 1),
                state: "up".into(),
                status: "enabled".into(),
                disabled_reason: None,
            },
        );
        let mut provider = Provider {
            name: format!("{host}.cloud.example"),
            generation: 1,
            ..Provider::default()
        };
        provider.inventories.insert("VCPU".into(), (vcpus, 0, 16.0));
        provider
            .inventories
            .insert("MEMORY_MB".into(), (ram_mb, 512, 1.5));
        provider
            .inventories
            .insert("DISK_GB".into(), (disk_gb, 0, 1.0));
        self.providers.insert(id.clone(), provider);
        id
    }

    /// Changes a host's hypervisor.
    pub fn set_hypervisor(&mut self, host: &str, change: impl FnOnce(&mut Hypervisor)) {
        if let Some(h) = self.hypervisors.values_mut().find(|h| h.host == host) {
            change(h);
        }
    }

    pub fn add_aggregate(&mut self, name: &str, zone: Option<&str>, hosts: &[&str]) -> u64 {
        let id = self.next_aggregate;
        self.next_aggregate += 1;
        let mut metadata = Map::new();
        if let Some(z) = zone {
            metadata.insert("availability_zone".into(), json!(z));
        }
        self.aggregates.insert(
            id,
            Aggregate {
                id,
                uuid: uuid_of(&format!("aggregate/{id}/{name}")),
                name: name.into(),
                zone: zone.map(str::to_owned),
                hosts: hosts.iter().map(|h| (*h).to_owned()).collect(),
                metadata,
                created: SystemTime::now(),
                updated: None,
            },
        );
        id
    }

    pub fn aggregate_named(&mut self, name: &str) -> Option<&mut Aggregate> {
        self.aggregates.values_mut().find(|a| a.name == name)
    }

    /// A server on `host` (ACTIVE), using a unit of each class of the host's provider.
    pub fn add_server(&mut self, name: &str, host: Option<&str>, flavor: &str) -> String {
        let id = uuid_of(&format!("server/{name}/{}", self.servers.len()));
        let now = SystemTime::now();
        let zone = host
            .and_then(|h| {
                self.aggregates
                    .values()
                    .find(|a| a.hosts.iter().any(|x| x == h) && a.zone.is_some())
                    .and_then(|a| a.zone.clone())
            })
            .unwrap_or_else(|| "nova".into());
        self.servers.insert(
            id.clone(),
            Server {
                id: id.clone(),
                name: name.into(),
                status: if host.is_some() { "ACTIVE" } else { "BUILD" }.into(),
                host: host.map(str::to_owned),
                zone,
                flavor: flavor.into(),
                project: "6f70656e737461636b20342065766572".into(),
                fault: None,
                created: now,
                updated: now,
                deleted: false,
                metadata: Map::new(),
                boots_at: None,
            },
        );
        if let Some(h) = host {
            self.allocate(h, 1);
        }
        id
    }

    fn allocate(&mut self, host: &str, delta: i64) {
        let Some(id) = self
            .hypervisors
            .values()
            .find(|h| h.host == host)
            .map(|h| h.id.clone())
        else {
            return;
        };
        if let Some(p) = self.providers.get_mut(&id) {
            for class in ["VCPU", "MEMORY_MB", "DISK_GB"] {
                let used = p.usages.entry(class.into()).or_default();
                *used = used.saturating_add_signed(delta);
            }
            p.generation += 1;
        }
    }

    /// Creates a server as Nova's `POST /servers` does: BUILD now, placed on the least used
    /// host of an aggregate in `zone` (any host without one); it boots after `boot_time` —
    /// ACTIVE, or ERROR with a fault when no host fits or its flavor is in `boot_faults`.
    pub fn create_server(
        &mut self,
        name: &str,
        flavor: &str,
        zone: Option<&str>,
        metadata: Map<String, Value>,
    ) -> String {
        self.server_creates += 1;
        let id = uuid::Uuid::new_v4().to_string();
        let now = SystemTime::now();
        self.servers.insert(
            id.clone(),
            Server {
                id: id.clone(),
                name: name.into(),
                status: "BUILD".into(),
                host: None,
                zone: zone.unwrap_or("nova").into(),
                flavor: flavor.into(),
                project: "6f70656e737461636b20342065766572".into(),
                fault: None,
                created: now,
                updated: now,
                deleted: false,
                metadata,
                boots_at: Some(now + self.boot_time),
            },
        );
        id
    }

    /// Boots the servers whose time has come (every compute call sees the cloud after this).
    pub fn boot_due(&mut self) {
        let now = SystemTime::now();
        let due: Vec<String> = self
            .servers
            .values()
            .filter(|s| !s.deleted && s.boots_at.is_some_and(|t| t <= now))
            .map(|s| s.id.clone())
            .collect();
        for id in due {
            let (zone, flavor) = {
                let s = &self.servers[&id];
                (s.zone.clone(), s.flavor.clone())
            };
            let candidates: Vec<String> = match self
                .aggregates
                .values()
                .filter(|a| a.zone.as_deref() == Some(zone.as_str()))
                .flat_map(|a| a.hosts.clone())
                .collect::<Vec<_>>()
            {
                hosts if !hosts.is_empty() || zone != "nova" => hosts,
                _ => self.hypervisors.values().map(|h| h.host.clone()).collect(),
            };
            let load = |h: &String| {
                self.servers
                    .values()
                    .filter(|s| !s.deleted && s.host.as_ref() == Some(h))
                    .count()
            };
            let host = candidates.iter().min_by_key(|h| load(h)).cloned();
            let fault = match (&host, self.boot_faults.get(&flavor)) {
                (None, _) => Some(format!(
                    "No valid host was found. There are not enough hosts available in zone {zone}."
                )),
                (_, Some(message)) => Some(message.clone()),
                _ => None,
            };
            match fault {
                Some(message) => {
                    self.set_server(&id, |s| s.boots_at = None);
                    self.fail_server(&id, &message);
                }
                None => {
                    let host = host.unwrap_or_default();
                    self.set_server(&id, |s| {
                        s.boots_at = None;
                        s.status = "ACTIVE".into();
                        s.host = Some(host.clone());
                    });
                    self.allocate(&host, 1);
                }
            }
        }
    }

    /// Changes a server (its `updated` moves on).
    pub fn set_server(&mut self, id: &str, change: impl FnOnce(&mut Server)) {
        if let Some(s) = self.servers.get_mut(id) {
            change(s);
            s.updated = SystemTime::now();
        }
    }

    /// Puts a server in ERROR with a fault.
    pub fn fail_server(&mut self, id: &str, message: &str) {
        self.set_server(id, |s| {
            s.status = "ERROR".into();
            s.fault = Some(json!({"code": 500, "created": iso(SystemTime::now()),
                "message": message, "details": "Traceback (most recent call last): …"}));
        });
    }

    /// Deletes a server: listed as `DELETED` to `changes-since` from now on.
    pub fn delete_server(&mut self, id: &str) {
        let host = self.servers.get(id).and_then(|s| s.host.clone());
        self.set_server(id, |s| {
            s.status = "DELETED".into();
            s.deleted = true;
        });
        if let Some(h) = host {
            self.allocate(&h, -1);
        }
    }

    pub(crate) fn check_token(&self, token: Option<&str>) -> bool {
        token
            .and_then(|t| self.tokens.get(t))
            .is_some_and(|expires| *expires > SystemTime::now())
    }
}

/// The running fake.
#[derive(Clone)]
pub struct FakeOpenStack {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    cloud: Arc<Mutex<Cloud>>,
}

impl FakeOpenStack {
    /// Starts an empty cloud.
    pub async fn start() -> std::io::Result<FakeOpenStack> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base = format!("http://{}", listener.local_addr()?);
        let fake = FakeOpenStack {
            base,
            cloud: Arc::new(Mutex::new(Cloud::new())),
        };
        let app = http::router(fake.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(fake)
    }

    /// Keystone's URL as `OS_AUTH_URL` names it.
    pub fn auth_url(&self) -> String {
        format!("{}/identity/v3", self.base)
    }

    /// Reads or changes the cloud.
    pub fn with<T>(&self, f: impl FnOnce(&mut Cloud) -> T) -> T {
        f(&mut self.cloud.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// A clouds.yaml naming this cloud twice: `password` and `appcred`.
    pub fn clouds_yaml(&self) -> String {
        format!(
            "clouds:\n  password:\n    auth:\n      auth_url: {auth}\n      username: {USER}\n      password: {PASSWORD}\n      project_name: {PROJECT}\n      user_domain_name: {DOMAIN}\n      project_domain_name: {DOMAIN}\n    region_name: {REGION}\n    interface: public\n    identity_api_version: 3\n  appcred:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: {auth}\n      application_credential_id: {APP_CREDENTIAL_ID}\n      application_credential_secret: {APP_CREDENTIAL_SECRET}\n    region_name: {REGION}\n",
            auth = self.auth_url()
        )
    }

    /// A small cloud: two zones' aggregates, four hosts (one in no aggregate), three flavors
    /// and a few servers.
    pub fn seed(&self) {
        self.with(|c| {
            c.add_flavor("m1.small", 1, 2048, 20);
            c.add_flavor("m1.large", 4, 8192, 80);
            c.add_flavor("ran.du", 16, 65536, 200);
            for h in ["compute-1", "compute-2", "compute-3", "compute-4"] {
                c.add_hypervisor(h, 64, 262_144, 2000);
            }
            let edge = c.add_aggregate("edge-site-a", Some("edge-a"), &["compute-1", "compute-2"]);
            c.aggregates
                .get_mut(&edge)
                .unwrap()
                .metadata
                .insert("o2ims.oran.org/tenant".into(), json!("operator-a"));
            c.add_aggregate("core", Some("core"), &["compute-3"]);
            c.add_server("du-1", Some("compute-1"), "ran.du");
            c.add_server("du-2", Some("compute-2"), "ran.du");
            c.add_server("cu-1", Some("compute-3"), "m1.large");
            c.add_server("tools", Some("compute-4"), "m1.small");
        });
    }
}
