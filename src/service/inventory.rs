//! The O2-IMS infrastructure inventory: O-Cloud info, API versions, and the backend's objects,
//! with the netweave write extensions gated by the backend's capabilities.

use std::{collections::BTreeMap, sync::Arc};

use tracing::Instrument as _;

use super::{pages::Pages, require_uuid, subscriptions::check_quota, ListParams, Listed};
use crate::{
    backend::{BackendError, BackendRef, InventoryObject, Kind, Object, Scope},
    config::ApiVersionsConfig,
    dms::profile::Credentials,
    domain::{
        list::page_of,
        objects::*,
        scope::{InventoryScope, TENANT_LABEL},
        ApiVersion, ListQuery,
    },
    error::{ApiError, ApiResult, ErrorCode},
};

/// The caller's view of the inventory: its tenant's scope, or `None` for everything.
pub type View<'a> = Option<&'a Arc<InventoryScope>>;

fn pool_not_found(id: &str) -> ApiError {
    BackendError::NotFound {
        kind: Kind::ResourcePool.label(),
        id: id.to_owned(),
    }
    .into()
}

/// The inventory API's URL root.
pub use crate::domain::api::INVENTORY_ROOT as API_ROOT;
/// Major versions served, with their full version.
pub const VERSIONS: &[(&str, &str)] = &[("v1", "1.0.0"), ("v2", "2.0.0")];

#[derive(Clone)]
pub struct InventoryService {
    backend: BackendRef,
    cloud: Arc<OCloudInfo>,
    max_page_size: usize,
    lifecycle: Arc<ApiVersionsConfig>,
    pages: Pages,
    /// Alarm dictionaries from beyond the backend, served beside its own.
    more_dictionaries: Arc<std::sync::OnceLock<Arc<dyn MoreDictionaries>>>,
    /// The SMO access credentials of deployment managers' Kubernetes profile.
    credentials: Arc<Credentials>,
}

/// Alarm dictionaries netweave serves beside the backend's: the definitions of the alarms a
/// source outside the backend raises (Alertmanager's alerts).
#[async_trait::async_trait]
pub trait MoreDictionaries: Send + Sync + 'static {
    async fn dictionaries(&self) -> ApiResult<Vec<AlarmDictionary>>;
}

impl InventoryService {
    pub fn new(backend: BackendRef, cloud: OCloudInfo, max_page_size: usize) -> Self {
        InventoryService {
            backend,
            cloud: Arc::new(cloud),
            max_page_size,
            lifecycle: Arc::default(),
            pages: Pages::default(),
            more_dictionaries: Arc::default(),
            credentials: Arc::default(),
        }
    }

    /// Hands `credentials` out on deployment managers (to callers allowed to hold them).
    pub fn with_credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Arc::new(credentials);
        self
    }

    /// A deployment manager; with `credentials` (the caller holds
    /// `deployment-managers:credentials`), its Kubernetes profile data carries the SMO access
    /// credential configured for it.
    pub async fn deployment_manager(
        &self,
        view: View<'_>,
        id: &str,
        credentials: bool,
    ) -> ApiResult<Arc<DeploymentManager>> {
        let found = self.get::<DeploymentManager>(view, None, id).await?;
        if !credentials {
            return Ok(found);
        }
        Ok(self.credentials.reveal(&found).map_or(found, Arc::new))
    }

    /// Serves `more`'s alarm dictionaries beside the backend's (set once, on every clone).
    pub fn add_dictionaries(&self, more: Arc<dyn MoreDictionaries>) {
        let _ = self.more_dictionaries.set(more);
    }

    /// The extra dictionaries, when there are any.
    async fn more_dictionaries(&self) -> ApiResult<Vec<AlarmDictionary>> {
        match self.more_dictionaries.get() {
            Some(more) => more.dictionaries().await,
            None => Ok(Vec::new()),
        }
    }

    /// Alarm dictionaries: the backend's and `more`, listed together (dictionaries are few: one
    /// per resource type).
    async fn list_dictionaries<T: InventoryObject>(
        &self,
        more: Vec<AlarmDictionary>,
        params: &ListParams,
    ) -> ApiResult<Listed<T>> {
        let (mut query, projection) = params.query::<T>(self.max_page_size)?;
        let scope = Scope {
            kind: T::KIND,
            parent: None,
        };
        let from_backend = self.backend.list(scope, &ListQuery::default()).await?;
        let mut all: BTreeMap<String, Arc<T>> = BTreeMap::new();
        let objects = from_backend.items.into_iter().chain(
            more.into_iter()
                .map(|d| Object::AlarmDictionary(Arc::new(d))),
        );
        for o in objects {
            let id = o.id().to_owned();
            all.insert(id, T::unwrap(o).expect("alarm dictionaries only"));
        }
        params
            .seek(&mut query, |q| {
                let page = page_of(&all, &q);
                async move { Ok(page) }
            })
            .await?;
        let mut page = page_of(&all, &query);
        page.warnings = from_backend.warnings;
        Ok(Listed::new(page, projection))
    }

    /// With the versions' lifecycle (deprecations) that `api_versions` reports.
    pub fn with_lifecycle(mut self, lifecycle: ApiVersionsConfig) -> Self {
        self.lifecycle = Arc::new(lifecycle);
        self
    }

    fn version(&self, major: &str, version: &str) -> ApiVersion {
        let lifecycle = self.lifecycle.of(major);
        ApiVersion {
            version: version.into(),
            is_deprecated: lifecycle.is_some_and(|l| l.is_deprecated()),
            retirement_date: lifecycle.and_then(|l| l.retirement_date()),
        }
    }

    /// The largest page a list returns.
    pub fn max_page_size(&self) -> usize {
        self.max_page_size
    }

    pub fn backend(&self) -> &BackendRef {
        &self.backend
    }

    pub fn cloud_info(&self) -> Arc<OCloudInfo> {
        Arc::clone(&self.cloud)
    }

    pub fn all_versions(&self) -> ApiVersions {
        ApiVersions {
            uri_prefix: API_ROOT.into(),
            api_versions: VERSIONS
                .iter()
                .map(|(major, v)| self.version(major, v))
                .collect(),
        }
    }

    /// The versions of one major version ("v1" or "v2"; empty means "v2").
    pub fn minor_versions(&self, major: &str) -> ApiResult<ApiVersions> {
        let major = if major.is_empty() { "v2" } else { major };
        let (_, version) = VERSIONS.iter().find(|(m, _)| *m == major).ok_or_else(|| {
            ApiError::invalid(format!("unknown major version '{major}'; served: v1, v2"))
        })?;
        Ok(ApiVersions {
            uri_prefix: format!("{API_ROOT}/{major}"),
            api_versions: vec![self.version(major, version)],
        })
    }

    /// Lists objects of type `T` that `view` sees; `parent` is the resource pool when `T` is
    /// `Resource` (a pool out of view is not found).
    #[tracing::instrument(level = "trace", name = "inventory.list", skip_all, fields(kind = T::KIND.label()))]
    pub async fn list<T: InventoryObject>(
        &self,
        view: View<'_>,
        parent: Option<&str>,
        params: &ListParams,
    ) -> ApiResult<Listed<T>> {
        if let (Some(scope), Some(pool)) = (view, parent) {
            require_uuid("resourcePoolId", pool)?;
            self.pool_in_view(scope, pool).await?;
        }
        if T::KIND == Kind::AlarmDictionary {
            let more = self.more_dictionaries().await?;
            if !more.is_empty() {
                return self.list_dictionaries(more, params).await;
            }
        }
        // Only pool lists depend on the view (a resource list's pool is checked above).
        let view = view.filter(|_| T::KIND == Kind::ResourcePool);
        // Read before the backend lists: a page is kept under the generation it started at.
        let generation = self.backend.generation();
        if let Some(g) = generation {
            if let Some(kept) = self.pages.get::<T>(g, T::KIND, parent, view, params) {
                return Ok(kept);
            }
        }
        let (mut query, projection) = params.query::<T>(self.max_page_size)?;
        query.scope = view.cloned();
        if let Some(pool) = parent {
            require_uuid("resourcePoolId", pool)?;
        }
        let scope = Scope {
            kind: T::KIND,
            parent,
        };
        params
            .seek(&mut query, |q| async move {
                Ok(self.backend.list(scope, &q).await?)
            })
            .await?;
        let page = self
            .backend
            .list(scope, &query)
            .instrument(tracing::trace_span!("backend.list", kind = T::KIND.label(), backend = %self.backend.info().name))
            .await?;
        let page = page.map(|o| T::unwrap(o).expect("backend returned the kind asked for"));
        let listed = Listed::new(page, projection);
        if let Some(g) = generation {
            self.pages.put(g, T::KIND, parent, view, params, &listed);
        }
        Ok(listed)
    }

    /// One object `view` sees (out of view is not found, as if it did not exist).
    #[tracing::instrument(level = "trace", name = "inventory.get", skip_all, fields(kind = T::KIND.label(), id))]
    pub async fn get<T: InventoryObject>(
        &self,
        view: View<'_>,
        parent: Option<&str>,
        id: &str,
    ) -> ApiResult<Arc<T>> {
        if let Some(pool) = parent {
            require_uuid("resourcePoolId", pool)?;
            if let Some(scope) = view {
                self.pool_in_view(scope, pool).await?;
            }
        }
        if T::KIND != Kind::Location {
            require_uuid(T::ID_FIELD, id)?;
        }
        let found = self
            .backend
            .get(
                Scope {
                    kind: T::KIND,
                    parent,
                },
                id,
            )
            .instrument(tracing::trace_span!(
                "backend.get",
                kind = T::KIND.label(),
                id
            ))
            .await;
        let object = match found {
            Err(BackendError::NotFound { .. }) if T::KIND == Kind::AlarmDictionary => self
                .more_dictionaries()
                .await?
                .into_iter()
                .find(|d| d.alarm_dictionary_id == id)
                .map(|d| Object::AlarmDictionary(Arc::new(d)))
                .ok_or_else(|| ApiError::not_found(T::KIND.label(), id))?,
            other => other?,
        };
        let object = T::unwrap(object).expect("backend returned the kind asked for");
        if let Some(scope) = view.filter(|_| T::KIND == Kind::ResourcePool) {
            if !scope.admits(object.as_ref()) {
                return Err(pool_not_found(id));
            }
        }
        Ok(object)
    }

    /// The pool `id`, when `scope` sees it; not found otherwise.
    async fn pool_in_view(&self, scope: &InventoryScope, id: &str) -> ApiResult<Arc<ResourcePool>> {
        let scope_of = Scope {
            kind: Kind::ResourcePool,
            parent: None,
        };
        let pool = ResourcePool::unwrap(self.backend.get(scope_of, id).await?)
            .expect("backend returned the kind asked for");
        if !scope.admits(pool.as_ref()) {
            return Err(pool_not_found(id));
        }
        Ok(pool)
    }

    /// The ids of the pools `scope` sees now: where a watch's view starts.
    pub async fn pools_in_view(&self, scope: &Arc<InventoryScope>) -> ApiResult<Vec<String>> {
        let query = ListQuery {
            scope: Some(Arc::clone(scope)),
            ..Default::default()
        };
        let page = self
            .backend
            .list(
                Scope {
                    kind: Kind::ResourcePool,
                    parent: None,
                },
                &query,
            )
            .await?;
        Ok(page.items.iter().map(|o| o.id().to_owned()).collect())
    }

    /// The alarm dictionary of a resource type.
    pub async fn resource_type_alarm_dictionary(
        &self,
        type_id: &str,
    ) -> ApiResult<Arc<AlarmDictionary>> {
        let ty = self.get::<ResourceType>(None, None, type_id).await?;
        let Some(dictionary_id) = ty.alarm_dictionary_id.as_deref() else {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("resource type '{type_id}' has no alarm dictionary"),
            ));
        };
        self.get::<AlarmDictionary>(None, None, dictionary_id).await
    }

    fn require_capability(&self, enabled: bool, what: &str) -> ApiResult<()> {
        if enabled {
            return Ok(());
        }
        Err(ApiError::new(
            ErrorCode::Unsupported,
            format!(
                "backend '{}' does not support {what}",
                self.backend.info().name
            ),
        ))
    }

    /// Creates a pool; a tenant's pool carries its owner label and counts to its
    /// `maxResourcePools`.
    pub async fn create_resource_pool(
        &self,
        view: View<'_>,
        mut pool: ResourcePool,
    ) -> ApiResult<Arc<ResourcePool>> {
        self.require_capability(
            self.backend.info().capabilities.resource_pool_write,
            "writing resource pools",
        )?;
        if let Some(scope) = view {
            let held = self.pools_in_view(scope).await?.len();
            check_quota(
                &scope.tenant,
                "maxResourcePools",
                held,
                scope.max_resource_pools,
            )?;
            set_owner(&mut pool, Some(scope.tenant.clone()))?;
        }
        Ok(self.backend.create_resource_pool(pool).await?)
    }

    /// Replaces a pool `view` sees; its owner label stays what it was.
    pub async fn update_resource_pool(
        &self,
        view: View<'_>,
        id: &str,
        mut pool: ResourcePool,
    ) -> ApiResult<Arc<ResourcePool>> {
        self.require_capability(
            self.backend.info().capabilities.resource_pool_write,
            "writing resource pools",
        )?;
        require_uuid("resourcePoolId", id)?;
        if !pool.resource_pool_id.is_empty() && pool.resource_pool_id != id {
            return Err(ApiError::invalid(format!(
                "body resourcePoolId '{}' differs from the path's '{id}'",
                pool.resource_pool_id
            )));
        }
        pool.resource_pool_id = id.to_owned();
        if let Some(scope) = view {
            let current = self.pool_in_view(scope, id).await?;
            let owner = current
                .extensions
                .get("labels")
                .and_then(|l| l.get(TENANT_LABEL));
            set_owner(&mut pool, owner.and_then(|o| o.as_str()).map(str::to_owned))?;
        }
        Ok(self.backend.update_resource_pool(pool).await?)
    }

    pub async fn delete_resource_pool(&self, view: View<'_>, id: &str) -> ApiResult<()> {
        self.require_capability(
            self.backend.info().capabilities.resource_pool_write,
            "writing resource pools",
        )?;
        require_uuid("resourcePoolId", id)?;
        if let Some(scope) = view {
            self.pool_in_view(scope, id).await?;
        }
        Ok(self.backend.delete_resource_pool(id).await?)
    }

    pub async fn create_resource(
        &self,
        view: View<'_>,
        pool_id: &str,
        mut resource: Resource,
    ) -> ApiResult<Arc<Resource>> {
        self.require_capability(
            self.backend.info().capabilities.resource_write,
            "writing resources",
        )?;
        require_uuid("resourcePoolId", pool_id)?;
        if let Some(scope) = view {
            self.pool_in_view(scope, pool_id).await?;
        }
        if !resource.resource_pool_id.is_empty() && resource.resource_pool_id != pool_id {
            return Err(ApiError::invalid(format!(
                "body resourcePoolId '{}' differs from the path's '{pool_id}'",
                resource.resource_pool_id
            )));
        }
        resource.resource_pool_id = pool_id.to_owned();
        adopt_elements(&mut resource)?;
        Ok(self.backend.create_resource(resource).await?)
    }

    pub async fn delete_resource(&self, view: View<'_>, pool_id: &str, id: &str) -> ApiResult<()> {
        self.require_capability(
            self.backend.info().capabilities.resource_write,
            "writing resources",
        )?;
        require_uuid("resourcePoolId", pool_id)?;
        require_uuid("resourceId", id)?;
        if let Some(scope) = view {
            self.pool_in_view(scope, pool_id).await?;
        }
        Ok(self.backend.delete_resource(pool_id, id).await?)
    }
}

/// Sets a tenant-written pool's owner label to `owner` (`None` removes it): a tenant can
/// neither claim another's pool nor give its own away.
fn set_owner(pool: &mut ResourcePool, owner: Option<String>) -> ApiResult<()> {
    let labels = pool
        .extensions
        .entry("labels")
        .or_insert_with(|| serde_json::Value::Object(Default::default()));
    let Some(labels) = labels.as_object_mut() else {
        return Err(ApiError::invalid(
            "extensions.labels must be an object of label names to values",
        ));
    };
    match owner {
        Some(o) => labels.insert(TENANT_LABEL.to_owned(), o.into()),
        None => labels.remove(TENANT_LABEL),
    };
    Ok(())
}

/// Nested elements belong to their resource's pool and are addressable: a missing pool is
/// filled in, another pool refused, a missing identifier allocated.
fn adopt_elements(resource: &mut Resource) -> ApiResult<()> {
    let pool = resource.resource_pool_id.clone();
    for element in &mut resource.elements {
        if element.resource_pool_id.is_empty() {
            element.resource_pool_id = pool.clone();
        } else if element.resource_pool_id != pool {
            return Err(ApiError::invalid(format!(
                "element resourcePoolId '{}' differs from its resource's '{pool}'",
                element.resource_pool_id
            )));
        }
        if element.resource_id.is_empty() {
            element.resource_id = uuid::Uuid::new_v4().to_string();
        } else {
            require_uuid("resourceId", &element.resource_id)?;
        }
        adopt_elements(element)?;
    }
    Ok(())
}

/// Where a tenant's webhook view starts.
#[async_trait::async_trait]
impl crate::webhook::PoolsInView for InventoryService {
    async fn pools_in_view(&self, scope: &Arc<InventoryScope>) -> ApiResult<Vec<String>> {
        InventoryService::pools_in_view(self, scope).await
    }
}
