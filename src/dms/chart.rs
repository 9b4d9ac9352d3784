//! Helm charts as VNF packages carry them (`Files/kubernetes/<chart>.tgz`): what a chart
//! archive says of itself (its `Chart.yaml`), and the Helm repository index (`index.yaml`)
//! netweave serves a package's charts under, so in-cluster controllers (Flux's
//! source-controller, Argo CD's repo-server) fetch them from netweave's package store.

use std::io::Read as _;

use serde::{Deserialize, Serialize};
use serde_json::json;

/// A chart's `Chart.yaml`, the parts a repository index needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChartMeta {
    #[serde(default = "v2")]
    pub api_version: String,
    pub name: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

fn v2() -> String {
    "v2".into()
}

/// The `Chart.yaml` of a chart archive (a gzipped tar with `<chart>/Chart.yaml`), or why the
/// archive is not a Helm chart.
pub fn meta(archive: &[u8]) -> Result<ChartMeta, String> {
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(archive));
    let entries = tar
        .entries()
        .map_err(|e| format!("the chart is not a gzipped tar archive: {e}"))?;
    for entry in entries {
        let mut entry =
            entry.map_err(|e| format!("the chart is not a gzipped tar archive: {e}"))?;
        let is_chart = entry
            .path()
            .ok()
            .is_some_and(|p| p.components().count() == 2 && p.ends_with("Chart.yaml"));
        if !is_chart {
            continue;
        }
        let mut text = String::new();
        entry
            .read_to_string(&mut text)
            .map_err(|e| format!("the chart's Chart.yaml cannot be read: {e}"))?;
        let meta: ChartMeta = serde_yaml::from_str(&text)
            .map_err(|e| format!("the chart's Chart.yaml names no chart and version: {e}"))?;
        if meta.name.is_empty() || meta.version.is_empty() {
            return Err("the chart's Chart.yaml names no chart and version".into());
        }
        return Ok(meta);
    }
    Err("the chart archive has no <chart>/Chart.yaml".into())
}

/// Where a package's chart repository is, below the repositories' root: the package's id and
/// the SHA-256 of its content (what its content key is).
pub fn repository(package_id: &str, digest: &str) -> String {
    super::package::content_key(package_id, digest)
}

/// A chart in a repository: what it says of itself, where it is (relative to the
/// repository), and its SHA-256.
pub struct Entry {
    pub meta: ChartMeta,
    pub url: String,
    pub digest: String,
}

/// The repository's `index.yaml` (Helm's repository index, apiVersion v1).
pub fn index(entries: &[Entry], generated: &str) -> String {
    let mut by_name = serde_json::Map::new();
    for e in entries {
        let mut version = serde_json::to_value(&e.meta).unwrap_or_default();
        version["urls"] = json!([e.url]);
        version["digest"] = json!(e.digest);
        version["created"] = json!(generated);
        if let Some(versions) = by_name
            .entry(e.meta.name.clone())
            .or_insert_with(|| json!([]))
            .as_array_mut()
        {
            versions.push(version);
        }
    }
    let doc = json!({"apiVersion": "v1", "entries": by_name, "generated": generated});
    serde_yaml::to_string(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    use netweave_testkit::fake_apiserver::fixtures::chart_archive as chart;

    #[test]
    fn a_chart_says_its_name_and_version_and_a_broken_one_why_not() {
        let ok = chart(&[("c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.2.3\n")]);
        let m = meta(&ok).unwrap();
        assert_eq!((m.name.as_str(), m.version.as_str()), ("c", "1.2.3"));
        assert!(meta(b"not gzip").unwrap_err().contains("gzipped tar"));
        let none = chart(&[("c/values.yaml", "a: 1\n")]);
        assert!(meta(&none).unwrap_err().contains("no <chart>/Chart.yaml"));
        let nameless = chart(&[("c/Chart.yaml", "apiVersion: v2\n")]);
        assert!(meta(&nameless).is_err());
        let index = index(
            &[Entry {
                meta: m,
                url: "charts/c.tgz".into(),
                digest: "d".into(),
            }],
            "2026-01-01T00:00:00Z",
        );
        let parsed: serde_json::Value = serde_yaml::from_str(&index).unwrap();
        assert_eq!(parsed["entries"]["c"][0]["version"], "1.2.3");
        assert_eq!(parsed["entries"]["c"][0]["urls"][0], "charts/c.tgz");
    }
}
