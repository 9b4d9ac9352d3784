//! The few Nova and Placement calls netweave makes, with the microversions negotiated from each
//! service's version document, and the shapes of their answers (the fields netweave reads;
//! every one optional where a cloud may leave it out). Lists are paged with `limit`/`marker`.

use std::{
    collections::{BTreeMap, HashMap},
    hash::{Hash, Hasher},
    sync::Arc,
};

use futures::{stream, StreamExt, TryStreamExt};
use reqwest::Method;
use serde::{de::DeserializeOwned, Deserialize};
use serde_json::{json, Map, Value};

use super::keystone::{CallError, Session};

/// The compute microversions netweave speaks: ids are UUIDs from 2.53 (Pike); it asks for the
/// highest the cloud offers up to 2.96, and reads capacity from Placement (2.88 removed it
/// from hypervisors).
pub const NOVA_MIN: (u32, u32) = (2, 53);
pub const NOVA_MAX: (u32, u32) = (2, 96);
/// Placement: resource providers with their generation, inventories and usages (1.0 on); it
/// asks for the highest offered up to 1.39.
pub const PLACEMENT_MAX: (u32, u32) = (1, 39);

/// Page size of every list.
pub const PAGE: usize = 1000;

/// Requests in flight at once for Placement's per-provider reads.
const PROVIDER_READS: usize = 16;

pub fn parse_version(text: &str) -> Option<(u32, u32)> {
    let (major, minor) = text.trim_start_matches('v').split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

fn negotiate(
    service: &str,
    offered: (Option<&str>, Option<&str>),
    want: (u32, u32),
    need: (u32, u32),
) -> Result<(u32, u32), CallError> {
    let max = offered.0.and_then(parse_version).unwrap_or((need.0, 0));
    let min = offered.1.and_then(parse_version).unwrap_or((need.0, 0));
    let chosen = max.min(want);
    if chosen < need || chosen < min {
        return Err(CallError::Unavailable(format!(
            "{service} offers microversions {}.{} to {}.{}; netweave needs {}.{} to {}.{}",
            min.0, min.1, max.0, max.1, need.0, need.1, want.0, want.1
        )));
    }
    Ok(chosen)
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Aggregate {
    pub id: u64,
    #[serde(default)]
    pub uuid: String,
    pub name: String,
    #[serde(default)]
    pub availability_zone: Option<String>,
    #[serde(default)]
    pub hosts: Vec<String>,
    #[serde(default)]
    pub metadata: BTreeMap<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct HypervisorService {
    #[serde(default)]
    pub host: String,
    #[serde(default)]
    pub disabled_reason: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Hypervisor {
    pub id: String,
    #[serde(default)]
    pub hypervisor_hostname: String,
    #[serde(default)]
    pub hypervisor_type: String,
    #[serde(default)]
    pub hypervisor_version: Option<u64>,
    #[serde(default)]
    pub host_ip: Option<String>,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub service: HypervisorService,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Flavor {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub vcpus: u64,
    #[serde(default)]
    pub ram: u64,
    #[serde(default)]
    pub disk: u64,
    #[serde(default, rename = "OS-FLV-EXT-DATA:ephemeral")]
    pub ephemeral: u64,
    #[serde(default)]
    pub swap: Value,
    #[serde(default, rename = "os-flavor-access:is_public")]
    pub is_public: Option<bool>,
    #[serde(default, rename = "OS-FLV-DISABLED:disabled")]
    pub disabled: Option<bool>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub extra_specs: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Server {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub status: String,
    #[serde(default, rename = "OS-EXT-SRV-ATTR:host")]
    pub host: Option<String>,
    #[serde(default, rename = "OS-EXT-SRV-ATTR:hypervisor_hostname")]
    pub hypervisor_hostname: Option<String>,
    #[serde(default, rename = "OS-EXT-AZ:availability_zone")]
    pub availability_zone: Option<String>,
    #[serde(default, rename = "OS-EXT-STS:vm_state")]
    pub vm_state: Option<String>,
    #[serde(default, rename = "OS-EXT-STS:power_state")]
    pub power_state: Option<u64>,
    #[serde(default, rename = "OS-EXT-STS:task_state")]
    pub task_state: Option<String>,
    /// The embedded flavor (2.47+): `original_name`, `vcpus`, `ram`, `disk`, `extra_specs` …
    #[serde(default)]
    pub flavor: Map<String, Value>,
    #[serde(default)]
    pub fault: Option<Value>,
    #[serde(default)]
    pub tenant_id: String,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub updated: String,
    #[serde(default)]
    pub metadata: Map<String, Value>,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Server {
    pub fn flavor_name(&self) -> &str {
        self.flavor
            .get("original_name")
            .and_then(Value::as_str)
            .unwrap_or("unknown")
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Provider {
    pub uuid: String,
    #[serde(default)]
    pub name: String,
    pub generation: u64,
}

/// One resource class of a provider: its inventory and what is allocated of it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Inventory {
    pub total: u64,
    #[serde(default)]
    pub reserved: u64,
    #[serde(default = "one")]
    pub allocation_ratio: f64,
    #[serde(skip)]
    pub used: u64,
}

fn one() -> f64 {
    1.0
}

/// A provider's inventories and usages, by resource class, at a generation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Capacity {
    pub generation: u64,
    pub classes: BTreeMap<String, Inventory>,
}

#[derive(Deserialize)]
struct Link {
    #[serde(default)]
    rel: String,
}

/// The items of `key` in a page's text, read straight into `T` (no intermediate JSON tree),
/// and whether `<key>_links` links a next page.
fn page_text<T: DeserializeOwned>(text: &str, key: &str) -> Result<(Vec<T>, bool), CallError> {
    let not_understood = |e: serde_json::Error| {
        CallError::Unavailable(format!("the cloud's '{key}' are not understood: {e}"))
    };
    let body: HashMap<&str, &serde_json::value::RawValue> =
        serde_json::from_str(text).map_err(not_understood)?;
    let items = match body.get(key) {
        Some(raw) => serde_json::from_str(raw.get()).map_err(not_understood)?,
        None => Vec::new(),
    };
    let next = match body.get(format!("{key}_links").as_str()) {
        Some(raw) => serde_json::from_str::<Vec<Link>>(raw.get())
            .map_err(not_understood)?
            .iter()
            .any(|l| l.rel == "next"),
        None => false,
    };
    Ok((items, next))
}

/// A list as the cloud answered it, page by page: compared by digest with the last poll's
/// before anything in it is read.
#[derive(Debug, Default)]
pub struct Pages {
    key: &'static str,
    texts: Vec<String>,
}

impl Pages {
    pub fn digest(&self, into: &mut impl Hasher) {
        for t in &self.texts {
            t.hash(into);
        }
    }

    pub fn parse<T: DeserializeOwned>(&self) -> Result<Vec<T>, CallError> {
        let mut all = Vec::new();
        for t in &self.texts {
            all.extend(page_text::<T>(t, self.key)?.0);
        }
        Ok(all)
    }
}

#[derive(Deserialize)]
struct Id {
    id: Value,
}

/// Nova and Placement, at the negotiated microversions.
pub struct Api {
    pub session: Arc<Session>,
    pub nova: (u32, u32),
    pub placement: (u32, u32),
}

impl Api {
    /// Negotiates the microversions from each service's version document.
    pub async fn connect(session: Arc<Session>) -> Result<Api, CallError> {
        let (_, doc) = session.call("compute", Method::GET, "", None, None).await?;
        let version = if doc["version"].is_object() {
            doc["version"].clone()
        } else {
            doc["versions"]
                .as_array()
                .and_then(|all| all.iter().find(|v| v["id"] == "v2.1").cloned())
                .unwrap_or(Value::Null)
        };
        let nova = negotiate(
            "Nova",
            (version["version"].as_str(), version["min_version"].as_str()),
            NOVA_MAX,
            NOVA_MIN,
        )?;
        let (_, doc) = session
            .call("placement", Method::GET, "", None, None)
            .await?;
        let version = doc["versions"]
            .as_array()
            .and_then(|all| all.first().cloned())
            .unwrap_or(Value::Null);
        let placement = negotiate(
            "Placement",
            (
                version["max_version"].as_str(),
                version["min_version"].as_str(),
            ),
            PLACEMENT_MAX,
            (1, 0),
        )?;
        Ok(Api {
            session,
            nova,
            placement,
        })
    }

    fn nova_header(&self) -> String {
        format!("compute {}.{}", self.nova.0, self.nova.1)
    }

    fn placement_header(&self) -> String {
        format!("placement {}.{}", self.placement.0, self.placement.1)
    }

    async fn nova(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<(reqwest::header::HeaderMap, Value), CallError> {
        self.session
            .call("compute", method, path, Some(&self.nova_header()), body)
            .await
    }

    /// A list `service` answers in one page (no `limit`/`marker`), as it came.
    async fn whole(
        &self,
        service: &'static str,
        path: &str,
        key: &'static str,
    ) -> Result<Pages, CallError> {
        let version = match service {
            "placement" => self.placement_header(),
            _ => self.nova_header(),
        };
        let (_, text) = self
            .session
            .call_text(service, Method::GET, path, Some(&version), None)
            .await?;
        Ok(Pages {
            key,
            texts: vec![text],
        })
    }

    /// Every page of a paged Nova list (`limit`/`marker`, the marker being the last item's id),
    /// and the `Date` of the first (Nova's own clock).
    async fn paged(
        &self,
        path: &str,
        key: &'static str,
    ) -> Result<(Pages, Option<String>), CallError> {
        let mut pages = Pages {
            key,
            texts: Vec::new(),
        };
        let mut marker: Option<String> = None;
        let mut date = None;
        let join = if path.contains('?') { '&' } else { '?' };
        loop {
            let mut url = format!("{path}{join}limit={PAGE}");
            if let Some(m) = &marker {
                url.push_str("&marker=");
                url.push_str(m);
            }
            let (headers, text) = self
                .session
                .call_text(
                    "compute",
                    Method::GET,
                    &url,
                    Some(&self.nova_header()),
                    None,
                )
                .await?;
            if date.is_none() {
                date = headers
                    .get("date")
                    .and_then(|d| d.to_str().ok())
                    .map(str::to_owned);
            }
            let (ids, next): (Vec<Id>, bool) = page_text(&text, key)?;
            let full = ids.len() >= PAGE;
            marker = ids.last().map(|i| match &i.id {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            pages.texts.push(text);
            if !(next || full) || marker.is_none() {
                return Ok((pages, date));
            }
        }
    }

    pub async fn aggregates(&self) -> Result<Pages, CallError> {
        self.whole("compute", "/os-aggregates", "aggregates").await
    }

    pub async fn hypervisors(&self) -> Result<Pages, CallError> {
        Ok(self.paged("/os-hypervisors/detail", "hypervisors").await?.0)
    }

    pub async fn flavors(&self) -> Result<Pages, CallError> {
        Ok(self
            .paged("/flavors/detail?is_public=None", "flavors")
            .await?
            .0)
    }

    /// Servers of every project; with `since` (an ISO 8601 time), only those changed since,
    /// deleted ones among them (status `DELETED`). Answers Nova's `Date` of the first page.
    pub async fn servers(
        &self,
        since: Option<&str>,
    ) -> Result<(Vec<Server>, Option<String>), CallError> {
        let mut path = "/servers/detail?all_tenants=1".to_owned();
        if let Some(since) = since {
            path.push_str("&changes-since=");
            path.push_str(
                &percent_encoding::utf8_percent_encode(since, percent_encoding::NON_ALPHANUMERIC)
                    .to_string(),
            );
        }
        let (pages, date) = self.paged(&path, "servers").await?;
        Ok((pages.parse()?, date))
    }

    async fn placement_get(&self, path: &str) -> Result<Value, CallError> {
        Ok(self
            .session
            .call(
                "placement",
                Method::GET,
                path,
                Some(&self.placement_header()),
                None,
            )
            .await?
            .1)
    }

    pub async fn providers(&self) -> Result<Pages, CallError> {
        self.whole("placement", "/resource_providers", "resource_providers")
            .await
    }

    /// The inventories and usages of each provider, read concurrently.
    pub async fn capacities(
        &self,
        providers: Vec<String>,
    ) -> Result<Vec<(String, Capacity)>, CallError> {
        stream::iter(providers)
            .map(|uuid| async move {
                let inventories = self
                    .placement_get(&format!("/resource_providers/{uuid}/inventories"))
                    .await?;
                let usages = self
                    .placement_get(&format!("/resource_providers/{uuid}/usages"))
                    .await?;
                let mut classes: BTreeMap<String, Inventory> =
                    serde_json::from_value(inventories["inventories"].clone()).map_err(|e| {
                        CallError::Unavailable(format!(
                            "Placement's inventories of {uuid} are not understood: {e}"
                        ))
                    })?;
                for (class, used) in usages["usages"].as_object().into_iter().flatten() {
                    if let Some(i) = classes.get_mut(class) {
                        i.used = used.as_u64().unwrap_or(0);
                    }
                }
                let generation = inventories["resource_provider_generation"]
                    .as_u64()
                    .unwrap_or(0);
                Ok((
                    uuid,
                    Capacity {
                        generation,
                        classes,
                    },
                ))
            })
            .buffer_unordered(PROVIDER_READS)
            .try_collect()
            .await
    }

    // Writes (host aggregates).

    pub async fn create_aggregate(
        &self,
        name: &str,
        zone: Option<&str>,
    ) -> Result<Aggregate, CallError> {
        let body = json!({"aggregate": {"name": name, "availability_zone": zone}});
        let (_, answer) = self
            .nova(Method::POST, "/os-aggregates", Some(&body))
            .await?;
        aggregate_of(answer)
    }

    pub async fn aggregate_action(&self, id: u64, action: Value) -> Result<Aggregate, CallError> {
        let (_, answer) = self
            .nova(
                Method::POST,
                &format!("/os-aggregates/{id}/action"),
                Some(&action),
            )
            .await?;
        aggregate_of(answer)
    }

    pub async fn aggregate_action_put(&self, id: u64, name: &str) -> Result<Aggregate, CallError> {
        let (_, answer) = self
            .nova(
                Method::PUT,
                &format!("/os-aggregates/{id}"),
                Some(&json!({"aggregate": {"name": name}})),
            )
            .await?;
        aggregate_of(answer)
    }

    // Writes (servers).

    /// `POST /servers`: the new server's id.
    pub async fn create_server(&self, server: Value) -> Result<String, CallError> {
        let (_, answer) = self
            .nova(Method::POST, "/servers", Some(&json!({ "server": server })))
            .await?;
        answer["server"]["id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| CallError::Unavailable("Nova's new server has no id".into()))
    }

    pub async fn delete_server(&self, id: &str) -> Result<(), CallError> {
        self.nova(Method::DELETE, &format!("/servers/{id}"), None)
            .await?;
        Ok(())
    }

    pub async fn delete_aggregate(&self, id: u64) -> Result<(), CallError> {
        self.nova(Method::DELETE, &format!("/os-aggregates/{id}"), None)
            .await?;
        Ok(())
    }
}

fn aggregate_of(answer: Value) -> Result<Aggregate, CallError> {
    serde_json::from_value(answer["aggregate"].clone())
        .map_err(|e| CallError::Unavailable(format!("Nova's aggregate is not understood: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> String {
        std::fs::read_to_string(format!(
            "{}/tests/it/fixtures/openstack/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn the_api_ref_samples_parse_as_netweave_reads_them() {
        let (aggregates, _): (Vec<Aggregate>, bool) =
            page_text(&sample("aggregates-list-v2.81.json"), "aggregates").unwrap();
        assert_eq!(aggregates[0].uuid, "070cb72c-f463-4f72-9c61-2c0556eb8c07");
        assert_eq!(aggregates[0].availability_zone.as_deref(), Some("london"));
        assert_eq!(aggregates[0].hosts, ["compute"]);
        let (hypervisors, next): (Vec<Hypervisor>, bool) =
            page_text(&sample("hypervisors-detail-v2.88.json"), "hypervisors").unwrap();
        assert!(next, "the next link is seen");
        let h = &hypervisors[0];
        assert_eq!(h.id, "f6d28711-9c10-470e-8b31-c03f498b0032");
        assert_eq!((h.state.as_str(), h.status.as_str()), ("up", "enabled"));
        assert_eq!(h.service.host, "host2");
        let (servers, _): (Vec<Server>, bool) =
            page_text(&sample("servers-detail-v2.96.json"), "servers").unwrap();
        let s = &servers[0];
        assert_eq!(s.flavor_name(), "m1.tiny");
        assert_eq!(s.availability_zone.as_deref(), Some("us-west"));
        assert_eq!(s.power_state, Some(1));
        assert_eq!(s.host, None, "an admin-only field, absent from this sample");
        let (flavors, _): (Vec<Flavor>, bool) =
            page_text(&sample("flavors-detail-v2.75.json"), "flavors").unwrap();
        assert_eq!(flavors[1].extra_specs["hw:cpu_policy"], "shared");
        assert_eq!(flavors[1].description.as_deref(), Some("test description"));
        assert_eq!(flavors[0].is_public, Some(true));
    }

    #[test]
    fn microversions_are_the_highest_both_speak() {
        assert_eq!(
            negotiate("Nova", (Some("2.100"), Some("2.1")), NOVA_MAX, NOVA_MIN).unwrap(),
            (2, 96)
        );
        assert_eq!(
            negotiate("Nova", (Some("2.60"), Some("2.1")), NOVA_MAX, NOVA_MIN).unwrap(),
            (2, 60)
        );
        let e = negotiate("Nova", (Some("2.38"), Some("2.1")), NOVA_MAX, NOVA_MIN).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Nova offers microversions 2.1 to 2.38; netweave needs 2.53 to 2.96"
        );
    }
}
