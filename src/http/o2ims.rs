//! The O-RAN O2-IMS inventory REST surface: `/v2` as the normative spec defines it, the API
//! version routes of both versions, and the netweave write extensions (`/v1`, INF O2's
//! contract, is `v1/`). Every route names the RPC it transcodes (see `table.rs`).

use axum::{
    extract::{OriginalUri, Path, State},
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{delete, get, post, put, MethodRouter},
};
use serde::Serialize;

use super::{
    problem::{JsonBody, Problem},
    query::Selectors,
    render,
    table::{rpc, Table},
    AppState, Scope,
};
use crate::{
    backend::InventoryObject,
    domain::{objects::*, Projection},
    service::{inventory::API_ROOT, Listed},
};

const INVENTORY: &str = "netweave.o2ims.v1.InventoryService";
const SUBSCRIPTIONS: &str = "netweave.o2ims.v1.SubscriptionService";

/// Adds the `/v2` routes and the version routes to the table.
pub fn add_routes(t: Table) -> Table {
    let v1 = format!("{API_ROOT}/v1");
    let v2 = format!("{API_ROOT}/v2");
    let inv = |m| rpc(INVENTORY, m);
    let t = t
        .add(
            Method::GET,
            format!("{API_ROOT}/api_versions"),
            inv("GetAllVersions"),
            get(all_versions),
        )
        .add(
            Method::GET,
            v2.clone(),
            inv("GetCloudInfo"),
            get(cloud_info),
        )
        .add(
            Method::GET,
            format!("{v2}/api_versions"),
            inv("GetMinorVersions"),
            get(minor_versions::<false>),
        )
        .add(
            Method::GET,
            format!("{v1}/api_versions"),
            inv("GetMinorVersions"),
            get(minor_versions::<true>),
        );
    let t = t
        .add(
            Method::GET,
            format!("{v2}/deploymentManagers"),
            rpc(INVENTORY, "ListDeploymentManagers"),
            get(list::<DeploymentManager>),
        )
        .add(
            Method::GET,
            format!("{v2}/deploymentManagers/{{deploymentManagerId}}"),
            rpc(INVENTORY, "GetDeploymentManager"),
            get(get_manager),
        );
    let t = top_level::<ResourceType>(t, &v2, "resourceTypes", "resourceTypeId", "ResourceType");
    let t = top_level::<ResourcePool>(t, &v2, "resourcePools", "resourcePoolId", "ResourcePool");
    let t = top_level::<AlarmDictionary>(
        t,
        &v2,
        "alarmDictionaries",
        "alarmDictionaryId",
        "AlarmDictionary",
    );
    let t = top_level::<LocationInfo>(t, &v2, "locations", "globalLocationId", "Location");
    let t = top_level::<OCloudSiteInfo>(t, &v2, "oCloudSites", "oCloudSiteId", "OCloudSite");
    let pools = format!("{v2}/resourcePools");
    let resources = format!("{pools}/{{resourcePoolId}}/resources");
    let t = t
        .add(
            Method::GET,
            format!("{v2}/resourceTypes/{{resourceTypeId}}/alarmDictionary"),
            inv("GetResourceTypeAlarmDictionary"),
            get(type_alarm_dictionary),
        )
        .add(
            Method::POST,
            pools.clone(),
            inv("CreateResourcePool"),
            post(create_pool),
        )
        .add(
            Method::PUT,
            format!("{pools}/{{resourcePoolId}}"),
            inv("UpdateResourcePool"),
            put(update_pool),
        )
        .add(
            Method::DELETE,
            format!("{pools}/{{resourcePoolId}}"),
            inv("DeleteResourcePool"),
            delete(delete_pool),
        )
        .add(
            Method::GET,
            resources.clone(),
            inv("ListResources"),
            get(list_resources),
        )
        .add(
            Method::POST,
            resources.clone(),
            inv("CreateResource"),
            post(create_resource),
        )
        .add(
            Method::GET,
            format!("{resources}/{{resourceId}}"),
            inv("GetResource"),
            get(get_resource),
        )
        .add(
            Method::DELETE,
            format!("{resources}/{{resourceId}}"),
            inv("DeleteResource"),
            delete(delete_resource),
        );
    subscription_routes(
        t,
        &format!("{v2}/subscriptions"),
        [
            get(list_subscriptions),
            post(create_subscription),
            get(get_subscription),
            delete(delete_subscription),
        ],
    )
}

/// `{subs}` list and create, `{subs}/{subscriptionId}` get and delete, with these handlers.
pub(super) fn subscription_routes(
    t: Table,
    subs: &str,
    [list, create, one, remove]: [MethodRouter<AppState>; 4],
) -> Table {
    let sub = |m| rpc(SUBSCRIPTIONS, m);
    let item = format!("{subs}/{{subscriptionId}}");
    t.add(Method::GET, subs.to_owned(), sub("ListSubscriptions"), list)
        .add(
            Method::POST,
            subs.to_owned(),
            sub("CreateSubscription"),
            create,
        )
        .add(Method::GET, item.clone(), sub("GetSubscription"), one)
        .add(Method::DELETE, item, sub("DeleteSubscription"), remove)
}

/// `GET {collection}` and `GET {collection}/{id}` on v2.
fn top_level<T: InventoryObject>(
    t: Table,
    v2: &str,
    collection: &str,
    id: &str,
    rpc_name: &str,
) -> Table {
    let plural = if rpc_name.ends_with('y') {
        format!("{}ies", rpc_name.trim_end_matches('y'))
    } else {
        format!("{rpc_name}s")
    };
    let list_rpc = rpc(INVENTORY, &format!("List{plural}"));
    let get_rpc = rpc(INVENTORY, &format!("Get{rpc_name}"));
    t.add(
        Method::GET,
        format!("{v2}/{collection}"),
        list_rpc,
        get(list::<T>),
    )
    .add(
        Method::GET,
        format!("{v2}/{collection}/{{{id}}}"),
        get_rpc,
        get(get_one::<T>),
    )
}

type Reply = Result<Response, Problem>;

pub(super) fn created<T: Serialize>(location: String, item: &T) -> Response {
    let mut response = render::object(StatusCode::CREATED, item, &Projection::default());
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Renders a page: `Link: <…>; rel="next"` when more follow, `X-Total-Count` when counted.
pub(super) fn page<T: Serialize + Send + Sync + 'static>(
    listed: Listed<T>,
    selectors: &Selectors,
    uri: &OriginalUri,
) -> Response {
    // A caller paging by number (INF O2) is given the next number.
    let next = match selectors.page_number() {
        Some(n) => listed.next_page_token.as_ref().map(|_| (n + 1).to_string()),
        None => listed.next_page_token.clone(),
    };
    let link = next.as_deref().map(|marker| {
        format!(
            "<{}?{}>; rel=\"next\"",
            uri.path(),
            selectors.next_query(marker)
        )
    });
    let total = listed.total;
    let warnings = listed.warnings;
    let mut response = render::page(listed.items, listed.projection, &listed.forms);
    let headers = response.headers_mut();
    // RFC 9111 §5.5 warn-code 199 ("miscellaneous warning"): the list is partial.
    for warning in warnings {
        let text = format!("199 netweave \"{}\"", warning.replace(['"', '\\'], "'"));
        if let Ok(value) = HeaderValue::from_str(&text) {
            headers.append(header::WARNING, value);
        }
    }
    if let Some(value) = link.and_then(|l| HeaderValue::from_str(&l).ok()) {
        headers.insert(header::LINK, value);
    }
    if let Some(total) = total {
        headers.insert("x-total-count", HeaderValue::from(total));
    }
    response
}

pub(super) fn paged(s: &Selectors) -> bool {
    s.limit.is_some() || s.marker.is_some()
}

async fn all_versions(State(s): State<AppState>) -> Response {
    render::object(
        StatusCode::OK,
        &s.inventory.all_versions(),
        &Projection::default(),
    )
}

async fn minor_versions<const V1: bool>(State(s): State<AppState>) -> Reply {
    let versions = s.inventory.minor_versions(if V1 { "v1" } else { "v2" })?;
    Ok(render::object(
        StatusCode::OK,
        &versions,
        &Projection::default(),
    ))
}

async fn cloud_info(State(s): State<AppState>, sel: Selectors) -> Reply {
    let projection = sel.params(false, 0, false).projection::<OCloudInfo>()?;
    Ok(render::object(
        StatusCode::OK,
        s.inventory.cloud_info().as_ref(),
        &projection,
    ))
}

async fn list<T: InventoryObject>(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let params = sel.params(paged(&sel), s.v1_page_size, false);
    let listed = s
        .inventory
        .list::<T>(scope.inventory(), None, &params)
        .await?;
    Ok(page(listed, &sel, &uri))
}

async fn get_one<T: InventoryObject>(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Reply {
    let found = s.inventory.get::<T>(scope.inventory(), None, &id).await?;
    Ok(render::shared(StatusCode::OK, &found))
}

/// A deployment manager, with its SMO access credential for a caller allowed to hold it.
async fn get_manager(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    let found = s
        .inventory
        .deployment_manager(scope.inventory(), &id, scope.credentials())
        .await?;
    Ok(render::shared(StatusCode::OK, &found))
}

async fn type_alarm_dictionary(State(s): State<AppState>, Path(id): Path<String>) -> Reply {
    let found = s.inventory.resource_type_alarm_dictionary(&id).await?;
    Ok(render::shared(StatusCode::OK, &found))
}

async fn list_resources(
    State(s): State<AppState>,
    scope: Scope,
    Path(pool): Path<String>,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let params = sel.params(paged(&sel), s.v1_page_size, false);
    let listed = s
        .inventory
        .list::<Resource>(scope.inventory(), Some(&pool), &params)
        .await?;
    Ok(page(listed, &sel, &uri))
}

async fn get_resource(
    State(s): State<AppState>,
    scope: Scope,
    Path((pool, id)): Path<(String, String)>,
) -> Reply {
    let found = s
        .inventory
        .get::<Resource>(scope.inventory(), Some(&pool), &id)
        .await?;
    Ok(render::shared(StatusCode::OK, &found))
}

async fn create_pool(
    State(s): State<AppState>,
    scope: Scope,
    JsonBody(pool): JsonBody<ResourcePool>,
) -> Reply {
    let pool = s
        .inventory
        .create_resource_pool(scope.inventory(), pool)
        .await?;
    let location = format!("{API_ROOT}/v2/resourcePools/{}", pool.resource_pool_id);
    Ok(created(location, pool.as_ref()))
}

async fn update_pool(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
    JsonBody(pool): JsonBody<ResourcePool>,
) -> Reply {
    let pool = s
        .inventory
        .update_resource_pool(scope.inventory(), &id, pool)
        .await?;
    Ok(render::object(
        StatusCode::OK,
        pool.as_ref(),
        &Projection::default(),
    ))
}

async fn delete_pool(State(s): State<AppState>, scope: Scope, Path(id): Path<String>) -> Reply {
    s.inventory
        .delete_resource_pool(scope.inventory(), &id)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn create_resource(
    State(s): State<AppState>,
    scope: Scope,
    Path(pool): Path<String>,
    JsonBody(resource): JsonBody<Resource>,
) -> Reply {
    let resource = s
        .inventory
        .create_resource(scope.inventory(), &pool, resource)
        .await?;
    let location = format!(
        "{API_ROOT}/v2/resourcePools/{}/resources/{}",
        resource.resource_pool_id, resource.resource_id
    );
    Ok(created(location, resource.as_ref()))
}

async fn delete_resource(
    State(s): State<AppState>,
    scope: Scope,
    Path((pool, id)): Path<(String, String)>,
) -> Reply {
    s.inventory
        .delete_resource(scope.inventory(), &pool, &id)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn list_subscriptions(
    State(s): State<AppState>,
    scope: Scope,
    uri: OriginalUri,
    sel: Selectors,
) -> Reply {
    let params = sel.params(paged(&sel), s.v1_page_size, false);
    let listed = s.subscriptions.list(scope.get(), &params).await?;
    Ok(page(listed, &sel, &uri))
}

async fn create_subscription(
    State(s): State<AppState>,
    scope: Scope,
    JsonBody(mut input): JsonBody<Subscription>,
) -> Reply {
    input.inf_filter = false;
    input.alarm = false;
    let created_sub = s.subscriptions.create(scope.get(), input).await?;
    let location = format!(
        "{API_ROOT}/v2/subscriptions/{}",
        created_sub.subscription_id
    );
    Ok(created(location, &created_sub))
}

async fn get_subscription(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Reply {
    let found = s.subscriptions.get(scope.get(), &id).await?;
    Ok(render::object(
        StatusCode::OK,
        &found,
        &Projection::default(),
    ))
}

async fn delete_subscription(
    State(s): State<AppState>,
    scope: Scope,
    Path(id): Path<String>,
) -> Reply {
    s.subscriptions.delete(scope.get(), &id).await?;
    Ok(StatusCode::OK.into_response())
}
