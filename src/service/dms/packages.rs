//! VNF package management: the rules of Tacker's local onboarding (`/vnfpkgm/v1`) over the
//! DMS store. A CSAR is read and checked before anything is stored, and stored in the same
//! write that marks the package ONBOARDED; a tenant sees and changes only its own packages.

use std::io::{Cursor, Write as _};

use serde_json::{Map, Value};

use crate::{
    dms::{
        csar::{self, Archive},
        package::{content_key, Onboarding, Operational, VnfPackage},
    },
    error::{ApiError, ApiResult, ErrorCode},
    store::dms::{Blob, DmsStoreRef, Records},
};

/// The largest CSAR accepted, bytes (a vDU's charts are a few MiB).
pub const MAX_PACKAGE_BYTES: usize = 64 * 1024 * 1024;

#[derive(Clone)]
pub struct PackageService {
    store: DmsStoreRef,
}

/// What a PATCH changes (VnfPkgInfoModifications).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Modifications {
    pub operational_state: Option<Operational>,
    pub user_defined_data: Option<Map<String, Value>>,
}

/// A VNFD answer: its media type and bytes.
pub struct Vnfd {
    pub content_type: &'static str,
    pub content: Vec<u8>,
}

fn not_found(id: &str) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!("VNF package '{id}' does not exist"),
    )
}

fn changed(id: &str) -> ApiError {
    ApiError::new(
        ErrorCode::FailedPrecondition,
        format!("VNF package '{id}' changed meanwhile; read it again"),
    )
}

impl PackageService {
    pub fn new(store: DmsStoreRef) -> Self {
        PackageService { store }
    }

    fn records(&self) -> Records<'_> {
        Records(self.store.as_ref())
    }

    /// A new, empty package owned by `tenant`.
    pub async fn create(
        &self,
        tenant: Option<&str>,
        user_defined_data: Map<String, Value>,
    ) -> ApiResult<VnfPackage> {
        let package = VnfPackage::new(
            uuid::Uuid::new_v4().to_string(),
            user_defined_data,
            tenant.map(str::to_owned),
        );
        if !self.records().swap(&package, 0, Blob::Keep).await? {
            return Err(ApiError::new(
                ErrorCode::Internal,
                "a new package id was taken",
            ));
        }
        Ok(package)
    }

    /// The packages `tenant` sees (every one for a caller not confined to a tenant).
    pub async fn list(&self, tenant: Option<&str>) -> ApiResult<Vec<VnfPackage>> {
        let mut all: Vec<VnfPackage> = self.records().list().await?;
        all.retain(|p| tenant.is_none() || p.tenant.as_deref() == tenant);
        all.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(all)
    }

    pub async fn get(&self, tenant: Option<&str>, id: &str) -> ApiResult<VnfPackage> {
        let found: Option<VnfPackage> = self.records().get(id).await?;
        found
            .filter(|p| tenant.is_none() || p.tenant.as_deref() == tenant)
            .ok_or_else(|| not_found(id))
    }

    /// Onboards a CREATED package from its CSAR.
    pub async fn upload(
        &self,
        tenant: Option<&str>,
        id: &str,
        content: Vec<u8>,
    ) -> ApiResult<VnfPackage> {
        let package = self.get(tenant, id).await?;
        if package.onboarding_state != Onboarding::Created {
            return Err(ApiError::new(
                ErrorCode::FailedPrecondition,
                format!(
                    "VNF package '{id}' is {}, not CREATED: its content is uploaded once",
                    package.onboarding_state.name()
                ),
            ));
        }
        if content.len() > MAX_PACKAGE_BYTES {
            return Err(ApiError::new(
                ErrorCode::TooLarge,
                format!("a VNF package is at most {MAX_PACKAGE_BYTES} bytes"),
            ));
        }
        let (read, content) =
            tokio::task::spawn_blocking(move || (csar::read(content.clone()), content))
                .await
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        let csar = read.map_err(|e| {
            ApiError::new(
                ErrorCode::InvalidArgument,
                format!("the VNF package content is refused: {e}"),
            )
        })?;
        let mut onboarded = package.clone();
        onboarded.onboarding_state = Onboarding::Onboarded;
        onboarded.operational_state = Operational::Enabled;
        onboarded.size = content.len() as u64;
        let key = content_key(id, &csar.sha256);
        onboarded.csar = Some(csar);
        onboarded.revision += 1;
        let blob = Blob::Put(key, content);
        if !self
            .records()
            .swap(&onboarded, package.revision, blob)
            .await?
        {
            return Err(changed(id));
        }
        Ok(onboarded)
    }

    /// Applies `m` (Tacker's rules: the operational state changes only once onboarded, and
    /// only to a state it is not in; user-defined data merges, and must change something).
    /// Answers what changed.
    pub async fn update(
        &self,
        tenant: Option<&str>,
        id: &str,
        m: Modifications,
    ) -> ApiResult<Modifications> {
        if m.operational_state.is_none() && m.user_defined_data.is_none() {
            return Err(ApiError::new(
                ErrorCode::InvalidArgument,
                "name operationalState or userDefinedData to change",
            ));
        }
        let package = self.get(tenant, id).await?;
        let mut next = package.clone();
        let mut done = Modifications::default();
        if let Some(state) = m.operational_state {
            if package.onboarding_state != Onboarding::Onboarded {
                return Err(ApiError::new(
                    ErrorCode::FailedPrecondition,
                    format!(
                        "VNF package '{id}' is not ONBOARDED: its operationalState cannot change"
                    ),
                ));
            }
            if package.operational_state == state {
                return Err(ApiError::new(
                    ErrorCode::FailedPrecondition,
                    format!("VNF package '{id}' is already {}", state.name()),
                ));
            }
            next.operational_state = state;
            done.operational_state = Some(state);
        }
        if let Some(data) = m.user_defined_data {
            let changes: Map<String, Value> = data
                .into_iter()
                .filter(|(k, v)| package.user_defined_data.get(k) != Some(v))
                .collect();
            if changes.is_empty() && done.operational_state.is_none() {
                return Err(ApiError::new(
                    ErrorCode::FailedPrecondition,
                    format!("the userDefinedData given is VNF package '{id}''s already: nothing to change"),
                ));
            }
            next.user_defined_data.extend(changes.clone());
            done.user_defined_data = Some(changes);
        }
        next.revision += 1;
        if !self
            .records()
            .swap(&next, package.revision, Blob::Keep)
            .await?
        {
            return Err(changed(id));
        }
        Ok(done)
    }

    /// Deletes a package that is disabled (or never onboarded) and not in use, with its
    /// content.
    pub async fn delete(&self, tenant: Option<&str>, id: &str) -> ApiResult<()> {
        let package = self.get(tenant, id).await?;
        if let Some(why) = package.undeletable() {
            return Err(ApiError::new(ErrorCode::FailedPrecondition, why));
        }
        let blob = package.content_key().map_or(Blob::Keep, Blob::Remove);
        if !self
            .records()
            .remove::<VnfPackage>(id, package.revision, blob)
            .await?
        {
            return Err(changed(id));
        }
        Ok(())
    }

    /// An onboarded package's CSAR.
    pub async fn content(&self, tenant: Option<&str>, id: &str) -> ApiResult<Vec<u8>> {
        let package = self.onboarded(tenant, id).await?;
        let key = package.content_key().unwrap_or_default();
        self.store.blob(&key).await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::Internal,
                format!("VNF package '{id}' is ONBOARDED but its content is not stored"),
            )
        })
    }

    /// An onboarded package's VNFD: with `text` (`Accept: text/plain`), its one YAML file;
    /// otherwise (or when it has several) a zip of its files. `text` only, with several
    /// files, is refused as Tacker refuses it.
    pub async fn vnfd(
        &self,
        tenant: Option<&str>,
        id: &str,
        text: bool,
        zip: bool,
    ) -> ApiResult<Vnfd> {
        let package = self.onboarded(tenant, id).await?;
        let files = package
            .csar
            .as_ref()
            .map(|c| c.vnfd.files.clone())
            .unwrap_or_default();
        let bytes = self.content(tenant, id).await?;
        let mut archive =
            Archive::open(bytes).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        let mut read = Vec::new();
        for f in &files {
            let b = archive
                .read(f)
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            read.push((f.clone(), b));
        }
        if text && read.len() == 1 {
            return Ok(Vnfd {
                content_type: "text/plain",
                content: read.remove(0).1,
            });
        }
        if text && !zip {
            return Err(ApiError::new(
                ErrorCode::InvalidArgument,
                "the VNFD is several YAML files: ask for application/zip",
            ));
        }
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in read {
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .and_then(|()| out.write_all(&bytes).map_err(Into::into))
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        }
        let content = out
            .finish()
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
            .into_inner();
        Ok(Vnfd {
            content_type: "application/zip",
            content,
        })
    }

    async fn onboarded(&self, tenant: Option<&str>, id: &str) -> ApiResult<VnfPackage> {
        let package = self.get(tenant, id).await?;
        if package.onboarding_state != Onboarding::Onboarded {
            return Err(ApiError::new(
                ErrorCode::FailedPrecondition,
                format!(
                    "VNF package '{id}' is {}, not ONBOARDED",
                    package.onboarding_state.name()
                ),
            ));
        }
        Ok(package)
    }
}
