//! The O2dms Kubernetes profile of a deployment manager: the cluster's API endpoint and CA, as
//! every backend serves them in `extensions.profileData`, and — for callers allowed to hold it
//! (`deployment-managers:credentials`) — the SMO access credential the operator configured for
//! that deployment manager (`[[dms.access]]`: a kubeconfig, typically a mounted Secret). It is
//! never netweave's own service account, and is read at each request, so a rotated Secret is
//! served at once. Field names are INF O2's and oran-o2ims' (`admin_user`,
//! `admin_client_cert`, `admin_client_key`, `cluster_ca_cert`, `cluster_api_endpoint`).

use std::path::{Path, PathBuf};

use base64::Engine as _;
use kube::config::Kubeconfig;
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::objects::DeploymentManager;

/// The profile's name in `extensions.profileName` (oran-o2ims' `k8s`).
pub const PROFILE_NAME: &str = "k8s";

/// One deployment manager's SMO access credential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmoAccess {
    /// The deployment manager: its `deploymentManagerId` or its `name`.
    pub deployment_manager: String,
    /// A kubeconfig holding the credential (its current context, or its only one).
    pub kubeconfig: PathBuf,
}

/// The `[dms]` section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DmsConfig {
    /// SMO access credentials per deployment manager (`[[dms.access]]` with `deployment_manager`, `kubeconfig`). Default none.
    pub access: Vec<SmoAccess>,
    /// Seconds a lifecycle operation may stay PROCESSING (or ROLLING_BACK) before it is FAILED_TEMP. Default `600`.
    pub operation_timeout_seconds: u64,
    /// Seconds between the lifecycle executor's passes (it also runs at once when an operation is started on this replica). Default `1`.
    pub poll_seconds: f64,
}

impl Default for DmsConfig {
    fn default() -> Self {
        DmsConfig {
            access: Vec::new(),
            operation_timeout_seconds: 600,
            poll_seconds: 1.0,
        }
    }
}

/// The configured credentials.
#[derive(Clone, Debug, Default)]
pub struct Credentials {
    access: Vec<SmoAccess>,
}

impl Credentials {
    /// Checks that every configured kubeconfig yields a credential now (start-up fails on a
    /// mistake rather than an SMO finding none later).
    pub fn new(config: &DmsConfig) -> Result<Credentials, String> {
        for a in &config.access {
            if a.deployment_manager.trim().is_empty() {
                return Err("dms.access: an entry names no deployment_manager".into());
            }
            read(&a.kubeconfig).map_err(|e| {
                format!(
                    "dms.access for '{}': {}: {e}",
                    a.deployment_manager,
                    a.kubeconfig.display()
                )
            })?;
        }
        Ok(Credentials {
            access: config.access.clone(),
        })
    }

    /// `dm` with its credential in `extensions.profileData`, when one is configured; `None`
    /// when none is (or it cannot be read now: logged, and the answer goes without it).
    pub fn reveal(&self, dm: &DeploymentManager) -> Option<DeploymentManager> {
        let access = self.access.iter().find(|a| {
            a.deployment_manager == dm.deployment_manager_id || a.deployment_manager == dm.name
        })?;
        let credential = match read(&access.kubeconfig) {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(
                    deployment_manager = %dm.deployment_manager_id,
                    "the SMO access credential cannot be read, answered without it: {e}"
                );
                return None;
            }
        };
        let mut revealed = dm.clone();
        let data = revealed
            .extensions
            .entry("profileData")
            .or_insert_with(|| Value::Object(Map::new()));
        if !data.is_object() {
            *data = Value::Object(Map::new());
        }
        if let Value::Object(data) = data {
            data.extend(credential);
        }
        revealed
            .extensions
            .entry("profileName")
            .or_insert_with(|| Value::from(PROFILE_NAME));
        Some(revealed)
    }
}

/// The profile data a deployment manager of a cluster carries without credentials.
pub fn public_data(endpoint: &str, ca_pem: Option<&str>) -> Value {
    let mut data = Map::new();
    data.insert("cluster_api_endpoint".into(), Value::from(endpoint));
    if let Some(ca) = ca_pem {
        data.insert("cluster_ca_cert".into(), Value::from(ca));
    }
    Value::Object(data)
}

/// The credential a kubeconfig holds, as profile data fields.
fn read(path: &Path) -> Result<Map<String, Value>, String> {
    let config = Kubeconfig::read_from(path).map_err(|e| e.to_string())?;
    let context = match &config.current_context {
        Some(name) => config.contexts.iter().find(|c| &c.name == name),
        None if config.contexts.len() == 1 => config.contexts.first(),
        None => None,
    }
    .and_then(|c| c.context.as_ref())
    .ok_or("no current context (and not exactly one)")?;
    let user_name = context.user.as_deref().ok_or("the context names no user")?;
    let user = config
        .auth_infos
        .iter()
        .find(|u| u.name == user_name)
        .and_then(|u| u.auth_info.as_ref())
        .ok_or_else(|| format!("no user '{user_name}'"))?;
    let cluster = config
        .clusters
        .iter()
        .find(|c| c.name == context.cluster)
        .and_then(|c| c.cluster.as_ref())
        .ok_or_else(|| format!("no cluster '{}'", context.cluster))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let pem = |data: Option<&str>, file: Option<&str>| -> Result<Option<String>, String> {
        match (data, file) {
            (Some(d), _) => decode(d).map(Some),
            (None, Some(f)) => std::fs::read_to_string(dir.join(f))
                .map(Some)
                .map_err(|e| format!("{f}: {e}")),
            (None, None) => Ok(None),
        }
    };
    let mut out = Map::new();
    if let Some(server) = &cluster.server {
        out.insert("cluster_api_endpoint".into(), Value::from(server.as_str()));
    }
    let ca = pem(
        cluster.certificate_authority_data.as_deref(),
        cluster.certificate_authority.as_deref(),
    )?;
    if let Some(ca) = ca {
        out.insert("cluster_ca_cert".into(), Value::from(ca));
    }
    out.insert(
        "admin_user".into(),
        Value::from(user.username.as_deref().unwrap_or(user_name)),
    );
    let cert = pem(
        user.client_certificate_data.as_deref(),
        user.client_certificate.as_deref(),
    )?;
    let key_data = user.client_key_data.as_ref().map(|k| k.expose_secret());
    let key = pem(key_data, user.client_key.as_deref())?;
    let token = match (&user.token, &user.token_file) {
        (Some(t), _) => Some(t.expose_secret().to_owned()),
        (None, Some(f)) => Some(
            std::fs::read_to_string(dir.join(f))
                .map_err(|e| format!("{f}: {e}"))?
                .trim()
                .to_owned(),
        ),
        (None, None) => None,
    };
    match (cert, key, token) {
        (Some(cert), Some(key), token) => {
            out.insert("admin_client_cert".into(), Value::from(cert));
            out.insert("admin_client_key".into(), Value::from(key));
            if let Some(t) = token {
                out.insert("admin_token".into(), Value::from(t));
            }
        }
        (None, None, Some(token)) => {
            out.insert("admin_token".into(), Value::from(token));
        }
        (Some(_), None, _) | (None, Some(_), _) => {
            return Err(format!(
                "user '{user_name}' has a client certificate without its key, or a key without its certificate"
            ))
        }
        (None, None, None) => {
            return Err(format!(
                "user '{user_name}' holds no client certificate and no token"
            ))
        }
    }
    Ok(out)
}

fn decode(data: &str) -> Result<String, String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|e| format!("not base64: {e}"))?;
    String::from_utf8(bytes).map_err(|_| "not PEM text".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("smo.kubeconfig");
        std::fs::write(&path, text).unwrap();
        path
    }

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn a_certificate_credential_becomes_inf_profile_fields() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            &format!(
                "apiVersion: v1\nkind: Config\ncurrent-context: smo\nclusters:\n- name: c\n  cluster:\n    server: https://10.0.0.1:6443\n    certificate-authority-data: {}\nusers:\n- name: smo-user\n  user:\n    client-certificate-data: {}\n    client-key-data: {}\ncontexts:\n- name: smo\n  context: {{cluster: c, user: smo-user}}\n",
                b64("CA PEM"),
                b64("CERT PEM"),
                b64("KEY PEM")
            ),
        );
        let data = read(&path).unwrap();
        assert_eq!(data["cluster_api_endpoint"], "https://10.0.0.1:6443");
        assert_eq!(data["cluster_ca_cert"], "CA PEM");
        assert_eq!(data["admin_user"], "smo-user");
        assert_eq!(data["admin_client_cert"], "CERT PEM");
        assert_eq!(data["admin_client_key"], "KEY PEM");
        assert!(data.get("admin_token").is_none());
    }

    #[test]
    fn a_token_credential_and_bad_ones() {
        let dir = tempfile::tempdir().unwrap();
        let base = "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: 'https://k:6443'}\ncontexts:\n- name: only\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user:";
        let path = write(dir.path(), &format!("{base} {{token: abc}}\n"));
        let data = read(&path).unwrap();
        assert_eq!(data["admin_token"], "abc");
        assert!(data.get("cluster_ca_cert").is_none());
        let path = write(dir.path(), &format!("{base} {{}}\n"));
        assert!(read(&path).unwrap_err().contains("no client certificate"));
        let path = write(
            dir.path(),
            &format!("{base} {{client-certificate-data: {}}}\n", b64("C")),
        );
        assert!(read(&path).unwrap_err().contains("without its key"));
        let config = DmsConfig {
            access: vec![SmoAccess {
                deployment_manager: "dm".into(),
                kubeconfig: dir.path().join("missing"),
            }],
            ..DmsConfig::default()
        };
        assert!(Credentials::new(&config)
            .unwrap_err()
            .contains("dms.access for 'dm'"));
    }
}
