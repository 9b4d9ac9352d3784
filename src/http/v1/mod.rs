//! `/o2ims-infrastructureInventory/v1`: INF O2's v1 contract (its swagger, in
//! `specs/inf-o2/swagger.yaml`), so that an SMO written for INF O2 works unchanged. The same
//! services and domain objects as `/v2`; INF's object shapes (`shapes.rs`), selectors with
//! default masks (`mask.rs`), filters over INF's attribute names, paging that is always on,
//! with `Link`, `X-Total-Count` and INF's numeric page markers, and subscriptions whose filter
//! is INF's grammar.

pub mod mask;
pub mod model;
pub mod shapes;

use std::{collections::BTreeMap, sync::Arc};

use axum::{
    extract::{OriginalUri, Path, RawQuery, State},
    http::{Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{delete, get, post},
};
use serde_json::Value;

use self::{
    mask::Selection,
    model::{model, names, Model},
    shapes::{Context, Shaped, V1Object},
};
use super::{
    o2ims::{created, page, subscription_routes},
    problem::{JsonBody, Problem},
    query::Selectors,
    render,
    table::{rpc, Table},
    AppState, Scope,
};
use crate::{
    domain::{list::page_of, objects::*, Filter, Projection},
    error::{ApiError, ErrorCode},
    service::{
        events::filter_fields,
        inventory::{View, API_ROOT},
        Listed,
    },
};

const INVENTORY: &str = "netweave.o2ims.v1.InventoryService";

type Reply = Result<Response, Problem>;

/// Adds the `/v1` routes to the table.
pub fn add_routes(t: Table) -> Table {
    let v1 = format!("{API_ROOT}/v1");
    let pools = format!("{v1}/resourcePools");
    let subs = format!("{v1}/subscriptions");
    let t = t.add(
        Method::GET,
        v1.clone(),
        rpc(INVENTORY, "GetCloudInfo"),
        get(cloud_info),
    );
    let collections = [
        (
            format!("{v1}/deploymentManagers"),
            "deploymentManagerId",
            "DeploymentManager",
            get(list::<DeploymentManager>),
            get(get_manager),
        ),
        (
            format!("{v1}/resourceTypes"),
            "resourceTypeId",
            "ResourceType",
            get(list::<ResourceType>),
            get(get_one::<ResourceType>),
        ),
        (
            pools.clone(),
            "resourcePoolId",
            "ResourcePool",
            get(list::<ResourcePool>),
            get(get_one::<ResourcePool>),
        ),
        (
            format!("{pools}/{{resourcePoolId}}/resources"),
            "resourceId",
            "Resource",
            get(list_resources),
            get(get_resource),
        ),
    ];
    let t = collections
        .into_iter()
        .fold(t, |t, (path, id, kind, list, one)| {
            let plural = kind
                .strip_suffix('y')
                .map_or(format!("{kind}s"), |k| format!("{k}ies"));
            t.add(
                Method::GET,
                path.clone(),
                rpc(INVENTORY, &format!("List{plural}")),
                list,
            )
            .add(
                Method::GET,
                format!("{path}/{{{id}}}"),
                rpc(INVENTORY, &format!("Get{kind}")),
                one,
            )
        });
    subscription_routes(
        t,
        &subs,
        [
            get(list_subscriptions),
            post(create_subscription),
            get(get_subscription),
            delete(delete_subscription),
        ],
    )
}

fn invalid(message: String) -> Problem {
    Problem::new(ErrorCode::InvalidArgument, message)
}

fn selection(selectors: &Selectors, model: &Model) -> Result<Selection, Problem> {
    Selection::of(selectors, model).map_err(invalid)
}

fn one(selection: &Selection, shaped: serde_json::Map<String, Value>) -> Response {
    render::object(
        StatusCode::OK,
        &selection.apply(Value::Object(shaped)),
        &Projection::default(),
    )
}

/// The list parameters of a `/v1` list: always paged and counted; the selectors are applied
/// to the INF shapes here, not to the domain objects.
fn v1_params(s: &AppState, sel: &Selectors) -> crate::service::ListParams {
    crate::service::ListParams {
        fields: None,
        exclude_fields: None,
        all_fields: false,
        ..sel.params(true, s.v1_page_size, true)
    }
}

fn field_names(model: &Model) -> Vec<&str> {
    model.fields.iter().map(String::as_str).collect()
}

async fn cloud_info(State(s): State<AppState>, sel: Selectors) -> Reply {
    let selection = selection(&sel, model(names::CLOUD))?;
    Ok(one(&selection, shapes::cloud(&s.inventory.cloud_info())))
}

/// A page of `T` in INF's shape. A filter naming only attributes the domain object has too
/// is evaluated by the backend, as on `/v2`; one naming INF-only attributes
/// (`globalLocationId`, `parentId`…) is evaluated on the shapes.
async fn listed<T: Shaped>(
    s: &AppState,
    view: View<'_>,
    parent: Option<&str>,
    sel: &Selectors,
) -> Result<Listed<Value>, Problem> {
    let model = model(T::LIST_MODEL);
    let selection = selection(sel, model)?;
    let filter =
        Filter::parse_opt(sel.filter.as_deref(), &field_names(model)).map_err(ApiError::from)?;
    let params = v1_params(s, sel);
    let context = Context::load(&s.inventory, T::NEEDS).await?;
    let shape = |item: &T| Arc::new(selection.apply(Value::Object(item.shape(&context, false))));
    let shared = filter
        .criteria()
        .iter()
        .all(|c| T::FIELDS.contains(&c.path[0].as_str()));
    if shared {
        let listed = s.inventory.list::<T>(view, parent, &params).await?;
        return Ok(listed.map(|i| shape(i)));
    }
    let everything = s
        .inventory
        .list::<T>(view, parent, &Default::default())
        .await?;
    let objects: BTreeMap<String, Arc<V1Object>> = everything
        .items
        .iter()
        .map(|item| {
            let value = item.shape(&context, false);
            let id = value
                .get(T::ID_FIELD)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            (id, Arc::new(V1Object(value)))
        })
        .collect();
    let mut query = params.query_with(filter, s.inventory.max_page_size())?;
    params
        .seek(&mut query, |q| {
            let skipped = page_of(&objects, &q);
            async move { Ok(skipped) }
        })
        .await?;
    let mut page = page_of(&objects, &query);
    page.warnings = everything.warnings;
    let page = page.map(|o| Arc::new(selection.apply(Value::Object(o.0.clone()))));
    Ok(Listed::new(page, Projection::default()))
}

async fn list<T: Shaped>(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let listed = listed::<T>(&s, scope.inventory(), None, &sel).await?;
    Ok(page(listed, &sel, &uri))
}

async fn list_resources(
    State(s): State<AppState>,
    scope: Scope,
    Path(pool): Path<String>,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let listed = listed::<Resource>(&s, scope.inventory(), Some(&pool), &sel).await?;
    Ok(page(listed, &sel, &uri))
}

async fn get_one<T: Shaped>(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    sel: Selectors,
) -> Reply {
    let selection = selection(&sel, model(T::GET_MODEL))?;
    let found = s.inventory.get::<T>(scope.inventory(), None, &id).await?;
    let context = Context::load(&s.inventory, T::NEEDS).await?;
    Ok(one(&selection, found.shape(&context, true)))
}

async fn get_resource(
    State(s): State<AppState>,
    scope: Scope,
    Path((pool, id)): Path<(String, String)>,
    sel: Selectors,
) -> Reply {
    let selection = selection(&sel, model(names::RESOURCE_GET))?;
    let found = s
        .inventory
        .get::<Resource>(scope.inventory(), Some(&pool), &id)
        .await?;
    Ok(one(&selection, found.shape(&Context::default(), true)))
}

/// A deployment manager; INF's `profile` parameter names the profile whose data
/// `extensions` carries. netweave serves INF's default, `native_k8sapi`; another is 404, as
/// INF answers a profile it does not support.
async fn get_manager(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Reply {
    let (profile, rest) = without_profile(raw.as_deref().unwrap_or_default());
    let sel = Selectors::parse(&rest)?;
    let selection = selection(&sel, model(names::MANAGER_GET))?;
    let found = s
        .inventory
        .deployment_manager(None, &id, scope.credentials())
        .await?;
    if let Some(p) = profile.filter(|p| !p.is_empty()) {
        if !p.eq_ignore_ascii_case(shapes::PROFILE) {
            return Err(Problem::new(
                ErrorCode::NotFound,
                format!(
                    "deployment manager '{id}' has no profile '{p}'; supported: {}",
                    shapes::PROFILE
                ),
            ));
        }
    }
    Ok(one(&selection, found.shape(&Context::default(), true)))
}

/// The `profile` parameter, and the rest of the query.
fn without_profile(raw: &str) -> (Option<String>, String) {
    let mut profile = None;
    let mut rest = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in url::form_urlencoded::parse(raw.as_bytes()) {
        if key == "profile" {
            profile = Some(value.trim().to_owned());
        } else {
            rest.append_pair(&key, &value);
        }
    }
    (profile, rest.finish())
}

async fn list_subscriptions(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let model = model(names::SUBSCRIPTION);
    let selection = selection(&sel, model)?;
    Filter::parse_opt(sel.filter.as_deref(), &field_names(model)).map_err(ApiError::from)?;
    let listed = s
        .subscriptions
        .list(scope.get(), &v1_params(&s, &sel))
        .await?;
    let listed =
        listed.map(|sub| Arc::new(selection.apply(Value::Object(shapes::subscription(sub)))));
    Ok(page(listed, &sel, &uri))
}

/// INF's `SubscriptionCreateDto`. The filter is INF's grammar, checked here: each group's
/// attributes must be ones its object type has on `/v1` and in the events netweave delivers.
async fn create_subscription(
    State(s): State<AppState>,
    scope: Scope,
    sel: Selectors,
    JsonBody(mut input): JsonBody<Subscription>,
) -> Reply {
    let selection = selection(&sel, model(names::SUBSCRIPTION))?;
    input.inf_filter = true;
    input.alarm = false;
    input.hub_id = None;
    if let Some(filter) = input.filter.as_deref().filter(|f| !f.trim().is_empty()) {
        check_inf_filter(filter)?;
    }
    let created_sub = s.subscriptions.create(scope.get(), input).await?;
    let location = format!(
        "{API_ROOT}/v1/subscriptions/{}",
        created_sub.subscription_id
    );
    let body = selection.apply(Value::Object(shapes::subscription(&created_sub)));
    Ok(created(location, &body))
}

/// The attributes a group about INF object type `object_type` may name: those of its `/v1`
/// model that the delivered event's object state carries.
fn group_fields(object_type: &str) -> Vec<&'static str> {
    let model = match object_type {
        "ResourcePoolInfo" => names::POOL,
        "ResourceTypeInfo" => names::TYPE,
        "DeploymentManagerInfo" => names::MANAGER_LIST,
        "CloudInfo" => names::CLOUD,
        _ => names::RESOURCE_LIST,
    };
    model::model(model)
        .fields
        .iter()
        .filter_map(|f| filter_fields().iter().copied().find(|known| *known == f))
        .collect()
}

fn check_inf_filter(filter: &str) -> Result<(), Problem> {
    let parsed = crate::domain::InfFilter::parse(filter, filter_fields())
        .map_err(|e| invalid(format!("filter: {e}")))?;
    for (i, group) in parsed.groups.iter().enumerate() {
        let allowed = group_fields(group.object_type);
        for criterion in group.filter.criteria() {
            let name = criterion.path[0].as_str();
            if !allowed.contains(&name) {
                return Err(invalid(format!(
                    "filter: group {}: {} has no attribute '{name}' to filter on; it has: {}",
                    i + 1,
                    group.object_type,
                    allowed.join(", ")
                )));
            }
        }
    }
    Ok(())
}

async fn get_subscription(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    sel: Selectors,
) -> Reply {
    let selection = selection(&sel, model(names::SUBSCRIPTION))?;
    let found = s.subscriptions.get(scope.get(), &id).await?;
    Ok(one(&selection, shapes::subscription(&found)))
}

async fn delete_subscription(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Reply {
    s.subscriptions.delete(scope.get(), &id).await?;
    Ok(StatusCode::OK.into_response())
}
