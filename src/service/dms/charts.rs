//! The Helm chart repository of each onboarded VNF package: `index.yaml` listing the charts
//! the package carries, and the chart archives themselves, for the in-cluster controllers the
//! Kubernetes DMS plugins hand releases to (Flux's source-controller, Argo CD's repo-server),
//! which cannot present netweave credentials. A repository is addressed by the package's id
//! and the SHA-256 of its content — known only to those who may read the package — so its
//! address is its capability, and it never changes while the package exists.

use super::packages::PackageService;
use crate::{
    dms::{chart, csar::Archive},
    error::{ApiError, ApiResult, ErrorCode},
};

#[derive(Clone)]
pub struct ChartRepository {
    packages: PackageService,
}

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "no such chart repository")
}

impl ChartRepository {
    pub fn new(packages: PackageService) -> Self {
        ChartRepository { packages }
    }

    /// The package's archive, when `digest` is its content's.
    async fn archive(&self, package_id: &str, digest: &str) -> ApiResult<Archive> {
        let package = self
            .packages
            .get(None, package_id)
            .await
            .map_err(|_| not_found())?;
        let key = chart::repository(package_id, digest);
        if package.content_key().as_deref() != Some(key.as_str()) {
            return Err(not_found());
        }
        let content = self.packages.content(None, package_id).await?;
        Archive::open(content).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
    }

    /// The charts (`.tgz` files that are Helm charts) of the package, by file name.
    async fn charts(&self, package_id: &str, digest: &str) -> ApiResult<Vec<(String, Vec<u8>)>> {
        let mut archive = self.archive(package_id, digest).await?;
        let mut out = Vec::new();
        for name in archive.names().into_iter().filter(|n| n.ends_with(".tgz")) {
            let bytes = archive
                .read(&name)
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            if chart::meta(&bytes).is_ok() {
                let file = name.rsplit('/').next().unwrap_or(&name).to_owned();
                out.push((file, bytes));
            }
        }
        Ok(out)
    }

    /// `index.yaml`.
    pub async fn index(&self, package_id: &str, digest: &str) -> ApiResult<String> {
        use sha2::Digest as _;
        let entries: Vec<chart::Entry> = self
            .charts(package_id, digest)
            .await?
            .into_iter()
            .filter_map(|(file, bytes)| {
                Some(chart::Entry {
                    meta: chart::meta(&bytes).ok()?,
                    url: format!("charts/{file}"),
                    digest: hex::encode(sha2::Sha256::digest(&bytes)),
                })
            })
            .collect();
        Ok(chart::index(&entries, &crate::events::model::now_rfc3339()))
    }

    /// The chart archive `file`.
    pub async fn chart(&self, package_id: &str, digest: &str, file: &str) -> ApiResult<Vec<u8>> {
        self.charts(package_id, digest)
            .await?
            .into_iter()
            .find(|(f, _)| f == file)
            .map(|(_, bytes)| bytes)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no chart '{file}' here")))
    }
}
