//! Which cloud and which credentials, read as the `openstack` CLI reads them: a cloud of
//! `clouds.yaml` (named by `openstack.cloud` or `OS_CLOUD`, from `openstack.clouds_file` or the
//! standard places), else the `OS_*` variables. Password and application-credential
//! authentication (Keystone v3). A missing or wrong setting is an error naming it; a secret
//! never appears in `Debug` output or a message.

use std::{fmt, path::PathBuf};

use serde::Deserialize;

use super::settings::OpenStackConfig;

/// How to authenticate.
#[derive(Clone, PartialEq)]
pub enum Auth {
    Password {
        username: String,
        user_id: String,
        password: String,
        user_domain: Domain,
        project_name: String,
        project_id: String,
        project_domain: Domain,
    },
    ApplicationCredential {
        id: String,
        name: String,
        username: String,
        user_domain: Domain,
        secret: String,
    },
}

/// A domain by id or by name (ids win, as in keystoneauth).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Domain {
    pub id: String,
    pub name: String,
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::Password {
                username,
                user_id,
                project_name,
                project_id,
                ..
            } => f
                .debug_struct("Password")
                .field("username", username)
                .field("user_id", user_id)
                .field("project_name", project_name)
                .field("project_id", project_id)
                .field("password", &"<redacted>")
                .finish(),
            Auth::ApplicationCredential { id, name, .. } => f
                .debug_struct("ApplicationCredential")
                .field("id", id)
                .field("name", name)
                .field("secret", &"<redacted>")
                .finish(),
        }
    }
}

/// A cloud to reach: Keystone, the credentials, and where the endpoints are chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Cloud {
    /// Where it was read from, for messages (`clouds.yaml cloud 'x'`, `OS_* variables`).
    pub origin: String,
    /// The Keystone v3 URL (`…/v3`; an unversioned one gets `/v3`).
    pub auth_url: String,
    pub auth: Auth,
    /// Empty: the catalog's first region.
    pub region: String,
    /// `public`, `internal` or `admin`.
    pub interface: String,
    /// A CA bundle for the cloud's TLS.
    pub cacert: Option<PathBuf>,
}

/// The variables of this process.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[derive(Deserialize)]
struct CloudsFile {
    #[serde(default)]
    clouds: std::collections::BTreeMap<String, CloudEntry>,
}

#[derive(Deserialize, Default)]
struct CloudEntry {
    #[serde(default)]
    auth: AuthEntry,
    auth_type: Option<String>,
    region_name: Option<String>,
    interface: Option<String>,
    cacert: Option<String>,
    identity_api_version: Option<serde_yaml::Value>,
}

#[derive(Deserialize, Default)]
struct AuthEntry {
    auth_url: Option<String>,
    username: Option<String>,
    user_id: Option<String>,
    password: Option<String>,
    project_name: Option<String>,
    project_id: Option<String>,
    // keystoneauth's aliases
    tenant_name: Option<String>,
    tenant_id: Option<String>,
    user_domain_name: Option<String>,
    user_domain_id: Option<String>,
    project_domain_name: Option<String>,
    project_domain_id: Option<String>,
    domain_name: Option<String>,
    domain_id: Option<String>,
    application_credential_id: Option<String>,
    application_credential_name: Option<String>,
    application_credential_secret: Option<String>,
}

/// The settings one source gives, by their `OS_*` names without the prefix, lower case.
type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

impl Cloud {
    /// The cloud the settings and the variables `env` name.
    pub fn resolve(settings: &OpenStackConfig, env: Lookup<'_>) -> Result<Cloud, String> {
        let name = if settings.cloud.is_empty() {
            env("OS_CLOUD")
        } else {
            Some(settings.cloud.clone())
        };
        match name {
            Some(name) => Self::from_clouds_yaml(settings, &name, env),
            None if env("OS_AUTH_URL").is_some() => Self::from_env(settings, env),
            None => Err(
                "no OpenStack cloud is configured: name a cloud of clouds.yaml \
                 (openstack.cloud, --os-cloud or OS_CLOUD) or set OS_AUTH_URL and the other OS_* \
                 variables"
                    .into(),
            ),
        }
    }

    fn clouds_file(settings: &OpenStackConfig, env: Lookup<'_>) -> Result<PathBuf, String> {
        if !settings.clouds_file.is_empty() {
            return Ok(PathBuf::from(&settings.clouds_file));
        }
        if let Some(file) = env("OS_CLIENT_CONFIG_FILE") {
            return Ok(PathBuf::from(file));
        }
        let mut candidates = vec![PathBuf::from("clouds.yaml")];
        if let Some(home) = env("HOME") {
            candidates.push(PathBuf::from(home).join(".config/openstack/clouds.yaml"));
        }
        candidates.push(PathBuf::from("/etc/openstack/clouds.yaml"));
        candidates
            .iter()
            .find(|p| p.is_file())
            .cloned()
            .ok_or_else(|| {
                let places: Vec<String> =
                    candidates.iter().map(|p| p.display().to_string()).collect();
                format!(
                    "no clouds.yaml found (looked in {}; name one with openstack.clouds_file or --os-cloud-file)",
                    places.join(", ")
                )
            })
    }

    fn from_clouds_yaml(
        settings: &OpenStackConfig,
        name: &str,
        env: Lookup<'_>,
    ) -> Result<Cloud, String> {
        let file = Self::clouds_file(settings, env)?;
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("reading {}: {e}", file.display()))?;
        let mut all: CloudsFile = serde_yaml::from_str(&text)
            .map_err(|e| format!("{} is not a clouds.yaml: {e}", file.display()))?;
        let origin = format!("cloud '{name}' of {}", file.display());
        let Some(entry) = all.clouds.remove(name) else {
            let known: Vec<&String> = all.clouds.keys().collect();
            return Err(format!(
                "{} has no cloud '{name}' (it has: {known:?})",
                file.display()
            ));
        };
        if let Some(v) = &entry.identity_api_version {
            let v = match v {
                serde_yaml::Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            };
            if !v.starts_with('3') {
                return Err(format!(
                    "{origin}: identity_api_version {v} is not supported (Keystone v3 only)"
                ));
            }
        }
        let a = entry.auth;
        let fields = Fields {
            origin: &origin,
            prefix: "auth.",
            auth_type: entry.auth_type,
            auth_url: a.auth_url,
            username: a.username,
            user_id: a.user_id,
            password: a.password,
            project_name: a.project_name.or(a.tenant_name),
            project_id: a.project_id.or(a.tenant_id),
            user_domain: Domain {
                id: a.user_domain_id.or(a.domain_id.clone()).unwrap_or_default(),
                name: a
                    .user_domain_name
                    .or(a.domain_name.clone())
                    .unwrap_or_default(),
            },
            project_domain: Domain {
                id: a.project_domain_id.or(a.domain_id).unwrap_or_default(),
                name: a.project_domain_name.or(a.domain_name).unwrap_or_default(),
            },
            credential_id: a.application_credential_id,
            credential_name: a.application_credential_name,
            credential_secret: a.application_credential_secret,
            region: entry.region_name,
            interface: entry.interface,
            cacert: entry.cacert,
        };
        fields.cloud(settings)
    }

    fn from_env(settings: &OpenStackConfig, env: Lookup<'_>) -> Result<Cloud, String> {
        let get = |k: &str| env(&format!("OS_{k}"));
        if let Some(v) = get("IDENTITY_API_VERSION") {
            if !v.starts_with('3') {
                return Err(format!(
                    "OS_IDENTITY_API_VERSION={v} is not supported (Keystone v3 only)"
                ));
            }
        }
        let fields = Fields {
            origin: "the OS_* variables",
            prefix: "OS_",
            auth_type: get("AUTH_TYPE"),
            auth_url: get("AUTH_URL"),
            username: get("USERNAME"),
            user_id: get("USER_ID"),
            password: get("PASSWORD"),
            project_name: get("PROJECT_NAME").or(get("TENANT_NAME")),
            project_id: get("PROJECT_ID").or(get("TENANT_ID")),
            user_domain: Domain {
                id: get("USER_DOMAIN_ID")
                    .or(get("DOMAIN_ID"))
                    .unwrap_or_default(),
                name: get("USER_DOMAIN_NAME")
                    .or(get("DOMAIN_NAME"))
                    .unwrap_or_default(),
            },
            project_domain: Domain {
                id: get("PROJECT_DOMAIN_ID")
                    .or(get("DOMAIN_ID"))
                    .unwrap_or_default(),
                name: get("PROJECT_DOMAIN_NAME")
                    .or(get("DOMAIN_NAME"))
                    .unwrap_or_default(),
            },
            credential_id: get("APPLICATION_CREDENTIAL_ID"),
            credential_name: get("APPLICATION_CREDENTIAL_NAME"),
            credential_secret: get("APPLICATION_CREDENTIAL_SECRET"),
            region: get("REGION_NAME"),
            interface: get("INTERFACE"),
            cacert: get("CACERT"),
        };
        fields.cloud(settings)
    }
}

/// What either source gives, before it is checked.
struct Fields<'a> {
    origin: &'a str,
    /// How the source names its keys: `auth.` (clouds.yaml) or `OS_` (variables).
    prefix: &'a str,
    auth_type: Option<String>,
    auth_url: Option<String>,
    username: Option<String>,
    user_id: Option<String>,
    password: Option<String>,
    project_name: Option<String>,
    project_id: Option<String>,
    user_domain: Domain,
    project_domain: Domain,
    credential_id: Option<String>,
    credential_name: Option<String>,
    credential_secret: Option<String>,
    region: Option<String>,
    interface: Option<String>,
    cacert: Option<String>,
}

impl Fields<'_> {
    fn key(&self, name: &str) -> String {
        if self.prefix == "OS_" {
            format!("OS_{}", name.to_uppercase())
        } else {
            format!("{}{name}", self.prefix)
        }
    }

    fn missing(&self, name: &str) -> String {
        format!("{}: {} is not set", self.origin, self.key(name))
    }

    fn cloud(self, settings: &OpenStackConfig) -> Result<Cloud, String> {
        let auth_url = self
            .auth_url
            .clone()
            .ok_or_else(|| self.missing("auth_url"))?;
        let parsed = url::Url::parse(&auth_url).map_err(|e| {
            format!(
                "{}: {} '{auth_url}' is not a URL: {e}",
                self.origin,
                self.key("auth_url")
            )
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(format!(
                "{}: {} '{auth_url}' is not an http(s) URL",
                self.origin,
                self.key("auth_url")
            ));
        }
        let trimmed = auth_url.trim_end_matches('/');
        let auth_url = if trimmed.ends_with("/v3") {
            trimmed.to_owned()
        } else if trimmed.ends_with("/v2.0") {
            return Err(format!(
                "{}: {} names Keystone v2.0; netweave speaks v3",
                self.origin,
                self.key("auth_url")
            ));
        } else {
            format!("{trimmed}/v3")
        };
        let auth_type = self.auth_type.clone().unwrap_or_else(|| {
            if self.credential_secret.is_some() {
                "v3applicationcredential".into()
            } else {
                "password".into()
            }
        });
        let auth = match auth_type.as_str() {
            "password" | "v3password" => {
                let password = self
                    .password
                    .clone()
                    .ok_or_else(|| self.missing("password"))?;
                if self.username.is_none() && self.user_id.is_none() {
                    return Err(self.missing("username"));
                }
                if self.username.is_some()
                    && self.user_domain.id.is_empty()
                    && self.user_domain.name.is_empty()
                {
                    return Err(self.missing("user_domain_name"));
                }
                if self.project_name.is_none() && self.project_id.is_none() {
                    return Err(self.missing("project_name"));
                }
                if self.project_name.is_some()
                    && self.project_domain.id.is_empty()
                    && self.project_domain.name.is_empty()
                {
                    return Err(self.missing("project_domain_name"));
                }
                Auth::Password {
                    username: self.username.clone().unwrap_or_default(),
                    user_id: self.user_id.clone().unwrap_or_default(),
                    password,
                    user_domain: self.user_domain.clone(),
                    project_name: self.project_name.clone().unwrap_or_default(),
                    project_id: self.project_id.clone().unwrap_or_default(),
                    project_domain: self.project_domain.clone(),
                }
            }
            "v3applicationcredential" | "applicationcredential" => {
                let secret = self
                    .credential_secret
                    .clone()
                    .ok_or_else(|| self.missing("application_credential_secret"))?;
                if self.credential_id.is_none() && self.credential_name.is_none() {
                    return Err(self.missing("application_credential_id"));
                }
                if self.credential_id.is_none() && self.username.is_none() {
                    return Err(format!(
                        "{}: an application credential named by {} needs {} too",
                        self.origin,
                        self.key("application_credential_name"),
                        self.key("username")
                    ));
                }
                Auth::ApplicationCredential {
                    id: self.credential_id.clone().unwrap_or_default(),
                    name: self.credential_name.clone().unwrap_or_default(),
                    username: self.username.clone().unwrap_or_default(),
                    user_domain: self.user_domain.clone(),
                    secret,
                }
            }
            other => {
                return Err(format!(
                    "{}: {} '{other}' is not supported (password or v3applicationcredential)",
                    self.origin,
                    if self.prefix == "OS_" {
                        "OS_AUTH_TYPE"
                    } else {
                        "auth_type"
                    }
                ))
            }
        };
        let interface = self.interface.clone().unwrap_or_else(|| "public".into());
        let interface = interface.trim_end_matches("URL").to_owned();
        if !matches!(interface.as_str(), "public" | "internal" | "admin") {
            return Err(format!(
                "{}: {} '{interface}' is not public, internal or admin",
                self.origin,
                if self.prefix == "OS_" {
                    "OS_INTERFACE"
                } else {
                    "interface"
                }
            ));
        }
        let cacert = self.cacert.clone().map(PathBuf::from);
        if let Some(path) = &cacert {
            if !path.is_file() {
                return Err(format!(
                    "{}: {} '{}' is not a file",
                    self.origin,
                    if self.prefix == "OS_" {
                        "OS_CACERT"
                    } else {
                        "cacert"
                    },
                    path.display()
                ));
            }
        }
        Ok(Cloud {
            origin: self.origin.to_owned(),
            auth_url,
            auth,
            region: if settings.region.is_empty() {
                self.region.clone().unwrap_or_default()
            } else {
                settings.region.clone()
            },
            interface,
            cacert,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn the_os_variables_give_a_password_cloud() {
        let vars = env(&[
            ("OS_AUTH_URL", "https://keystone.example:5000"),
            ("OS_USERNAME", "admin"),
            ("OS_PASSWORD", "s3cret"),
            ("OS_PROJECT_NAME", "admin"),
            ("OS_USER_DOMAIN_NAME", "Default"),
            ("OS_PROJECT_DOMAIN_NAME", "Default"),
            ("OS_REGION_NAME", "RegionOne"),
            ("OS_INTERFACE", "internal"),
        ]);
        let cloud = Cloud::resolve(&OpenStackConfig::default(), &vars).unwrap();
        assert_eq!(cloud.auth_url, "https://keystone.example:5000/v3");
        assert_eq!(cloud.region, "RegionOne");
        assert_eq!(cloud.interface, "internal");
        assert!(matches!(cloud.auth, Auth::Password { ref password, .. } if password == "s3cret"));
        let shown = format!("{cloud:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
    }

    #[test]
    fn a_missing_setting_is_named() {
        let vars = env(&[
            ("OS_AUTH_URL", "https://keystone.example/identity/v3"),
            ("OS_USERNAME", "admin"),
            ("OS_PASSWORD", "s3cret"),
            ("OS_USER_DOMAIN_NAME", "Default"),
        ]);
        let e = Cloud::resolve(&OpenStackConfig::default(), &vars).unwrap_err();
        assert_eq!(e, "the OS_* variables: OS_PROJECT_NAME is not set");
        let e = Cloud::resolve(&OpenStackConfig::default(), &env(&[])).unwrap_err();
        assert!(e.starts_with("no OpenStack cloud is configured"), "{e}");
        let vars = env(&[
            ("OS_AUTH_URL", "https://keystone.example/identity/v3"),
            ("OS_AUTH_TYPE", "v3applicationcredential"),
            ("OS_APPLICATION_CREDENTIAL_ID", "abc"),
        ]);
        let e = Cloud::resolve(&OpenStackConfig::default(), &vars).unwrap_err();
        assert_eq!(
            e,
            "the OS_* variables: OS_APPLICATION_CREDENTIAL_SECRET is not set"
        );
    }

    #[test]
    fn a_cloud_of_clouds_yaml_with_an_application_credential() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("clouds.yaml");
        std::fs::write(
            &file,
            "clouds:\n  edge:\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: http://10.0.0.1/identity\n      application_credential_id: 21dced0f\n      application_credential_secret: hush\n    region_name: RegionTwo\n    identity_api_version: 3\n",
        )
        .unwrap();
        let settings = OpenStackConfig {
            clouds_file: file.display().to_string(),
            ..OpenStackConfig::default()
        };
        let cloud = Cloud::resolve(&settings, &env(&[("OS_CLOUD", "edge")])).unwrap();
        assert_eq!(cloud.auth_url, "http://10.0.0.1/identity/v3");
        assert_eq!(cloud.region, "RegionTwo");
        assert!(
            matches!(cloud.auth, Auth::ApplicationCredential { ref id, ref secret, .. } if id == "21dced0f" && secret == "hush")
        );
        assert!(!format!("{cloud:?}").contains("hush"));
        let e = Cloud::resolve(&settings, &env(&[("OS_CLOUD", "core")])).unwrap_err();
        assert!(
            e.contains("has no cloud 'core'") && e.contains("edge"),
            "{e}"
        );
    }
}
