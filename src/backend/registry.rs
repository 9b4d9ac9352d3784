//! The backend kinds, registered here and nowhere else. A kind ([`Kind`]) lives in its own room
//! (`backend/<kind>/`) and brings its settings section (a [`Section`] of the configuration), its
//! flags, a check of its settings and its constructor; the process gives it a [`Context`]. This
//! file lists the kinds ([`kinds`], [`BackendFlags`]) and builds what the configuration asks for: one
//! backend (`backend = "<kind>"`), or several routed as one (`[[backends]]`, `[[routes]]`).

use std::{future::Future, path::PathBuf, pin::Pin, sync::Arc};

use anyhow::Context as _;
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use super::{deferred::Deferred, kube, openstack, router::Router, simulator, BackendRef};
use crate::config::{sections, Config, Section, Sections};

/// What the process gives a backend.
#[derive(Clone, Debug)]
pub struct Context {
    /// The O-Cloud the backend's objects belong to.
    pub o_cloud_id: String,
    /// The data directory, for a backend that keeps state of its own.
    pub data_dir: PathBuf,
    /// The instance's name when it is one of several (`[[backends]] name`).
    pub routed: Option<String>,
    /// Cancelled at shutdown: the backend's tasks end then.
    pub shutdown: CancellationToken,
}

/// A kind of backend.
pub trait Kind: 'static {
    /// What `backend` and `[[backends]] kind` name it by.
    const NAME: &'static str;
    /// Whether its state lives outside the process (a cluster, a cloud), the same for every
    /// replica: then one elected replica publishes its changes. A kind whose state is each
    /// process's own (the simulator) has every replica publish its own.
    const SHARED: bool;
    /// Its section of the configuration.
    type Settings: Section + Clone + Send + Sync + 'static;
    /// Checks its settings before anything starts; the message names the key.
    fn check(settings: &Self::Settings) -> Result<(), String>;
    /// The provisioning builders a backend of these settings offers (known before it
    /// connects: the templates are loaded at start). None by default.
    fn builders(_settings: &Self::Settings) -> Vec<String> {
        Vec::new()
    }
    /// Connects and starts it.
    fn start(
        context: Context,
        settings: Self::Settings,
    ) -> impl Future<Output = anyhow::Result<BackendRef>> + Send;
}

type Started = Pin<Box<dyn Future<Output = anyhow::Result<BackendRef>> + Send>>;

/// A kind as the registry holds it.
pub struct Registration {
    pub name: &'static str,
    pub section: &'static str,
    pub shared: bool,
    /// Its settings' defaults, as data (the configuration reference lists them).
    pub defaults: fn() -> Value,
    check: fn(Option<&Value>) -> Result<(), String>,
    builders: fn(Option<&Value>) -> Vec<String>,
    start: fn(Context, Option<&Value>) -> Started,
}

impl Registration {
    fn of<K: Kind>() -> Registration {
        Registration {
            name: K::NAME,
            section: K::Settings::NAME,
            shared: K::SHARED,
            defaults: || serde_json::to_value(K::Settings::default()).expect("defaults serialise"),
            check: |value| K::check(&sections::read::<K::Settings>(value)?),
            builders: |value| {
                sections::read::<K::Settings>(value)
                    .map(|s| K::builders(&s))
                    .unwrap_or_default()
            },
            start: |context, value| {
                let settings = sections::read::<K::Settings>(value);
                Box::pin(
                    async move { K::start(context, settings.map_err(anyhow::Error::msg)?).await },
                )
            },
        }
    }
}

/// Every backend kind.
pub fn kinds() -> [Registration; 3] {
    [
        Registration::of::<simulator::settings::SimulatorKind>(),
        Registration::of::<kube::settings::KubernetesKind>(),
        Registration::of::<openstack::settings::OpenStackKind>(),
    ]
}

/// The flags of every backend kind, for `netweave serve`.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct BackendFlags {
    #[command(flatten)]
    pub simulator: simulator::settings::SimFlags,
    #[command(flatten)]
    pub kubernetes: kube::settings::KubeFlags,
    #[command(flatten)]
    pub openstack: openstack::settings::OpenStackFlags,
}

impl BackendFlags {
    /// The settings the flags give, by key (`sim.pools`).
    pub fn settings(&self) -> Vec<(String, Value)> {
        let mut all = self.simulator.settings();
        all.extend(self.kubernetes.settings());
        all.extend(self.openstack.settings());
        all
    }
}

/// The kind `name` names; empty names the first, the embedded default.
fn find(name: &str) -> anyhow::Result<Registration> {
    let mut all = kinds().into_iter();
    if name.is_empty() {
        return Ok(all.next().expect("a kind is registered"));
    }
    all.find(|k| k.name == name).with_context(|| {
        let known: Vec<&str> = kinds().iter().map(|k| k.name).collect();
        format!(
            "unknown backend kind '{name}': the kinds are {}",
            known.join(", ")
        )
    })
}

/// The configuration with every kind's section filled in with its defaults where it has none:
/// the effective configuration as `netweave config` prints it and the reference lists it.
pub fn with_defaults(mut config: Config) -> Config {
    if config.backend.is_empty() {
        config.backend = kinds()[0].name.to_owned();
    }
    for kind in kinds() {
        let defaults = (kind.defaults)();
        match config.sections.get_mut(kind.section) {
            None => {
                config.sections.insert(kind.section.to_owned(), defaults);
            }
            Some(Value::Object(set)) => {
                if let Value::Object(defaults) = defaults {
                    for (key, value) in defaults {
                        set.entry(key).or_insert(value);
                    }
                }
            }
            Some(_) => {}
        }
    }
    config
}

/// Checks what the configuration says of backends: the kinds named exist, every section
/// belongs to a kind and holds its settings, and every kind's settings pass its check.
pub fn check(config: &Config) -> anyhow::Result<()> {
    let kinds = kinds();
    let known = |section: &str| kinds.iter().any(|k| k.section == section);
    let unknown = |sections: &Sections, at: &str| -> anyhow::Result<()> {
        match sections.keys().find(|s| !known(s)) {
            Some(key) => anyhow::bail!("unknown configuration key '{at}{key}'"),
            None => Ok(()),
        }
    };
    unknown(&config.sections, "")?;
    find(&config.backend)?;
    for kind in &kinds {
        (kind.check)(config.sections.get(kind.section)).map_err(anyhow::Error::msg)?;
    }
    for instance in &config.backends {
        let at = format!("backends '{}': ", instance.name);
        unknown(&instance.sections, &at)?;
        let kind = find(&instance.kind).with_context(|| at.clone())?;
        (kind.check)(section_of(config, &instance.sections, kind.section))
            .map_err(|e| anyhow::anyhow!("{at}{e}"))?;
    }
    Ok(())
}

/// Whether any backend the configuration asks for is shared by the replicas (see
/// [`Kind::SHARED`]): then publishing needs an elected leader.
pub fn shared(config: &Config) -> anyhow::Result<bool> {
    if config.backends.is_empty() {
        return Ok(find(&config.backend)?.shared);
    }
    for instance in &config.backends {
        if find(&instance.kind)?.shared {
            return Ok(true);
        }
    }
    Ok(false)
}

/// An instance's own section, else the top-level one.
fn section_of<'a>(config: &'a Config, own: &'a Sections, section: &str) -> Option<&'a Value> {
    own.get(section).or_else(|| config.sections.get(section))
}

/// The backend the configuration asks for: `backend` alone, or the `[[backends]]` routed by
/// `[[routes]]`, each connecting on its own (one unreachable backend must not keep the others
/// from serving).
pub async fn build(config: &Config, context: Context) -> anyhow::Result<BackendRef> {
    check(config)?;
    if config.backends.is_empty() {
        let kind = find(&config.backend)?;
        return (kind.start)(context, config.sections.get(kind.section)).await;
    }
    let mut instances = Vec::new();
    for instance in &config.backends {
        let kind = find(&instance.kind)?;
        let settings = section_of(config, &instance.sections, kind.section).cloned();
        let context = Context {
            routed: Some(instance.name.clone()),
            ..context.clone()
        };
        let (start, shutdown) = (kind.start, context.shutdown.clone());
        let builders = (kind.builders)(settings.as_ref());
        let backend: BackendRef = Deferred::start(
            &instance.name,
            builders,
            move || start(context.clone(), settings.as_ref()),
            shutdown,
        );
        instances.push((instance.name.clone(), backend));
    }
    Ok(Arc::new(Router::new(instances, &config.routes)?))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{backend::simulator::SimConfig, config::BackendInstance};

    #[test]
    fn an_unknown_kind_is_refused_with_the_kinds_there_are() {
        let config = Config {
            backend: "vsphere".into(),
            ..Config::default()
        };
        let e = check(&config).unwrap_err().to_string();
        assert_eq!(
            e,
            "unknown backend kind 'vsphere': the kinds are simulator, kubernetes, openstack"
        );
    }

    #[test]
    fn a_section_no_kind_owns_is_an_unknown_key() {
        let mut config = Config::default();
        config
            .sections
            .insert("simulator".into(), json!({"pools": 2}));
        let e = check(&config).unwrap_err().to_string();
        assert_eq!(e, "unknown configuration key 'simulator'");
    }

    #[test]
    fn a_kind_checks_its_own_section_and_names_the_key() {
        let mut config = Config::default();
        config.sections.insert("sim".into(), json!({"pols": 2}));
        let e = check(&config).unwrap_err().to_string();
        assert!(e.starts_with("sim: unknown field `pols`"), "{e}");
        config.sections.insert("sim".into(), json!({"churn": -1.0}));
        let e = check(&config).unwrap_err().to_string();
        assert!(e.starts_with("sim.churn must be"), "{e}");
    }

    #[test]
    fn an_instance_section_replaces_the_top_level_one_and_is_checked_as_its() {
        let mut config = Config::default();
        config.edit_section(|s: &mut SimConfig| s.pools = 7);
        config.backends = vec![BackendInstance {
            name: "edge".into(),
            kind: "simulator".into(),
            sections: [("sim".to_owned(), json!({"pools": 0, "resources": 5}))].into(),
        }];
        let e = check(&config).unwrap_err().to_string();
        assert_eq!(
            e,
            "backends 'edge': sim.resources needs at least one pool (sim.pools)"
        );
        let own = section_of(&config, &config.backends[0].sections, "sim");
        assert_eq!(own, Some(&json!({"pools": 0, "resources": 5})));
        let none = Sections::new();
        assert_eq!(
            section_of(&config, &none, "sim").unwrap()["pools"],
            json!(7)
        );
    }

    #[test]
    fn a_kinds_flags_reach_its_section() {
        let flags = BackendFlags {
            simulator: simulator::settings::SimFlags {
                sim_pools: Some(4),
                ..Default::default()
            },
            kubernetes: kube::settings::KubeFlags {
                kubeconfig: Some("/etc/k".into()),
            },
            openstack: openstack::settings::OpenStackFlags {
                os_cloud: Some("edge".into()),
                ..Default::default()
            },
        };
        let args = crate::config::ServeArgs {
            settings: flags.settings(),
            ..Default::default()
        };
        let config = Config::load(&args).unwrap();
        let sim: SimConfig = config.section().unwrap();
        assert_eq!((sim.pools, sim.resources), (4, 1000));
        let k: kube::KubernetesConfig = config.section().unwrap();
        assert_eq!(k.kubeconfig, "/etc/k");
        let o: openstack::OpenStackConfig = config.section().unwrap();
        assert_eq!((o.cloud.as_str(), o.poll_seconds), ("edge", 10.0));
        check(&config).unwrap();
    }

    #[test]
    fn the_effective_configuration_lists_every_kind_with_its_defaults() {
        let mut config = Config::default();
        config.sections.insert("sim".into(), json!({"pools": 9}));
        let config = with_defaults(config);
        assert_eq!(config.backend, "simulator");
        let sim: SimConfig = config.section().unwrap();
        assert_eq!((sim.pools, sim.resources), (9, 1000));
        for kind in kinds() {
            assert!(config.sections.contains_key(kind.section), "{}", kind.name);
        }
        check(&config).unwrap();
    }
}
