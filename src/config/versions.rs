//! The lifecycle of each API version (the architecture document's deprecation policy): stable,
//! or deprecated with the dates an SMO plans by. A deprecated version's responses carry the
//! standard `Deprecation` (RFC 9745) and `Sunset` (RFC 8594) headers, `Link: <guide>;
//! rel="deprecation"`, and the `X-API-*` headers older clients read; `api_versions` says
//! `isDeprecated` and `retirementDate` (the ETSI NFV-SOL 013 names). Nothing is deprecated by
//! default.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VersionStatus {
    #[default]
    Stable,
    Deprecated,
}

/// The inventory API's major versions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ApiVersionsConfig {
    pub v1: VersionLifecycle,
    pub v2: VersionLifecycle,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VersionLifecycle {
    /// `stable` or `deprecated`. Default `stable`.
    pub status: VersionStatus,
    /// When it was deprecated: an RFC 3339 date or date-time; required when deprecated.
    pub deprecated_since: String,
    /// When it goes away (RFC 3339). Default empty (not planned).
    pub sunset: String,
    /// URL of the migration guide. Default empty.
    pub migration_guide: String,
}

/// An RFC 3339 date (`2027-06-30`, midnight UTC) or date-time.
fn instant(value: &str) -> Result<SystemTime, String> {
    let full = if value.len() == 10 {
        format!("{value}T00:00:00Z")
    } else {
        value.to_owned()
    };
    humantime::parse_rfc3339_weak(&full)
        .map_err(|_| format!("'{value}' is not an RFC 3339 date or date-time"))
}

impl ApiVersionsConfig {
    /// The lifecycle of major version `major` (`v1`, `v2`).
    pub fn of(&self, major: &str) -> Option<&VersionLifecycle> {
        match major {
            "v1" => Some(&self.v1),
            "v2" => Some(&self.v2),
            _ => None,
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        for (name, v) in [("v1", &self.v1), ("v2", &self.v2)] {
            v.validate()
                .map_err(|e| format!("api_versions.{name}: {e}"))?;
        }
        Ok(())
    }
}

impl VersionLifecycle {
    pub fn is_deprecated(&self) -> bool {
        self.status == VersionStatus::Deprecated
    }

    fn validate(&self) -> Result<(), String> {
        if !self.is_deprecated() {
            if !(self.deprecated_since.is_empty() && self.sunset.is_empty()) {
                return Err("deprecated_since and sunset need status = \"deprecated\"".into());
            }
            return Ok(());
        }
        if self.deprecated_since.is_empty() {
            return Err("a deprecated version needs deprecated_since".into());
        }
        let since = instant(&self.deprecated_since)?;
        if !self.sunset.is_empty() && instant(&self.sunset)? < since {
            return Err("sunset comes before deprecated_since".into());
        }
        if !self.migration_guide.is_empty() && url::Url::parse(&self.migration_guide).is_err() {
            return Err(format!(
                "migration_guide '{}' is not a URL",
                self.migration_guide
            ));
        }
        Ok(())
    }

    /// The headers every response of this version carries (none while stable).
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        if !self.is_deprecated() {
            return Vec::new();
        }
        let mut out = Vec::new();
        if let Ok(since) = instant(&self.deprecated_since) {
            let secs = since
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            out.push(("deprecation", format!("@{secs}")));
        }
        out.push(("x-api-deprecated", "true".to_owned()));
        out.push(("x-api-deprecation-date", self.deprecated_since.clone()));
        if let Ok(sunset) = instant(&self.sunset) {
            out.push(("sunset", httpdate::fmt_http_date(sunset)));
            out.push(("x-api-sunset-date", self.sunset.clone()));
        }
        if !self.migration_guide.is_empty() {
            out.push((
                "link",
                format!("<{}>; rel=\"deprecation\"", self.migration_guide),
            ));
            out.push(("x-api-migration-guide", self.migration_guide.clone()));
        }
        out
    }

    /// `retirementDate` of `api_versions`: the sunset as RFC 3339, when planned.
    pub fn retirement_date(&self) -> Option<String> {
        instant(&self.sunset)
            .ok()
            .map(|t| humantime::format_rfc3339_seconds(t).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deprecated_version_needs_its_date_and_orders_its_dates() {
        let mut v = VersionLifecycle {
            status: VersionStatus::Deprecated,
            ..Default::default()
        };
        assert!(v.validate().unwrap_err().contains("deprecated_since"));
        v.deprecated_since = "2026-12-01".into();
        v.sunset = "2026-06-30".into();
        assert!(v.validate().unwrap_err().contains("before"));
        v.sunset = "2027-06-30T12:00:00Z".into();
        v.validate().unwrap();
        let headers = v.headers();
        assert!(headers.contains(&("deprecation", "@1796083200".into())));
        assert!(headers.contains(&("sunset", "Wed, 30 Jun 2027 12:00:00 GMT".into())));
        assert_eq!(v.retirement_date().as_deref(), Some("2027-06-30T12:00:00Z"));
        let stable = VersionLifecycle {
            sunset: "2027-01-01".into(),
            ..Default::default()
        };
        assert!(stable.validate().is_err(), "a stable version has no sunset");
        assert!(VersionLifecycle::default().headers().is_empty());
    }
}
