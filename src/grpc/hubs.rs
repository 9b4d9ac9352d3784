//! gRPC adapters of TMF688 hubs and the TMF event history.

use serde_json::Value;
use tonic::{Request, Response, Status};

use super::{scope, to_struct};
use crate::{
    proto::tmf688::v4::{
        self as pb, event_service_server::EventService as EventRpc,
        hub_service_server::HubService as HubRpc,
    },
    service::{
        hubs::{parse_query, NewHub, Paging},
        HubService,
    },
    tmf::Hub,
};

pub struct HubGrpc(pub HubService);
pub struct TmfEventGrpc(pub HubService);

impl From<&Hub> for pb::Hub {
    fn from(h: &Hub) -> Self {
        pb::Hub {
            id: h.id.clone(),
            href: h.href(),
            callback: h.callback.clone(),
            query: h.query.clone(),
            r#type: h.at_type.clone().unwrap_or_else(|| "Hub".into()),
            base_type: h.at_base_type.clone().unwrap_or_default(),
            schema_location: h.at_schema_location.clone().unwrap_or_default(),
            subscription_id: h.subscription_id.clone(),
            created_at: h.created_at.clone(),
        }
    }
}

fn text(v: &Value, field: &str) -> String {
    v[field].as_str().unwrap_or_default().to_owned()
}

fn entity_ref(v: &Value) -> Option<pb::EntityRef> {
    v.is_object().then(|| pb::EntityRef {
        id: text(v, "id"),
        href: text(v, "href"),
        name: text(v, "name"),
        referred_type: text(v, "@referredType"),
    })
}

/// A rendered TMF event (`tmf::event::render`) as its message.
fn event(v: &Value) -> pb::Event {
    pb::Event {
        id: text(v, "id"),
        href: text(v, "href"),
        event_id: text(v, "eventId"),
        event_time: text(v, "eventTime"),
        event_type: text(v, "eventType"),
        time_ocurred: text(v, "timeOcurred"),
        domain: text(v, "domain"),
        priority: text(v, "priority"),
        title: text(v, "title"),
        description: text(v, "description"),
        field_path: text(v, "fieldPath"),
        source: entity_ref(&v["source"]),
        reporting_system: entity_ref(&v["reportingSystem"]),
        event: v["event"].as_object().map(to_struct),
    }
}

fn some(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn paging(offset: u32, limit: u32) -> Paging {
    Paging {
        offset: offset as usize,
        limit: (limit > 0).then_some(limit as usize),
    }
}

#[tonic::async_trait]
impl HubRpc for HubGrpc {
    async fn register_hub(
        &self,
        r: Request<pb::RegisterHubRequest>,
    ) -> Result<Response<pb::RegisterHubResponse>, Status> {
        let scope = scope(&r);
        let h = r.into_inner().hub.unwrap_or_default();
        let hub = self
            .0
            .register(
                scope.as_deref(),
                NewHub {
                    callback: h.callback,
                    query: h.query,
                    at_type: some(h.r#type),
                    at_base_type: some(h.base_type),
                    at_schema_location: some(h.schema_location),
                },
            )
            .await?;
        Ok(Response::new(pb::RegisterHubResponse {
            hub: Some((&hub).into()),
        }))
    }

    async fn get_hub(
        &self,
        r: Request<pb::GetHubRequest>,
    ) -> Result<Response<pb::GetHubResponse>, Status> {
        let scope = scope(&r);
        let hub = self.0.get(scope.as_deref(), &r.into_inner().id).await?;
        Ok(Response::new(pb::GetHubResponse {
            hub: Some((&hub).into()),
        }))
    }

    async fn list_hubs(
        &self,
        r: Request<pb::ListHubsRequest>,
    ) -> Result<Response<pb::ListHubsResponse>, Status> {
        let scope = scope(&r);
        let r = r.into_inner();
        let page = self
            .0
            .list(scope.as_deref(), paging(r.offset, r.limit))
            .await?;
        Ok(Response::new(pb::ListHubsResponse {
            hubs: page.items.iter().map(Into::into).collect(),
            total_count: page.total.unwrap_or_default() as u32,
        }))
    }

    async fn unregister_hub(
        &self,
        r: Request<pb::UnregisterHubRequest>,
    ) -> Result<Response<pb::UnregisterHubResponse>, Status> {
        let scope = scope(&r);
        self.0
            .unregister(scope.as_deref(), &r.into_inner().id)
            .await?;
        Ok(Response::new(pb::UnregisterHubResponse {}))
    }
}

#[tonic::async_trait]
impl EventRpc for TmfEventGrpc {
    async fn list_events(
        &self,
        r: Request<pb::ListEventsRequest>,
    ) -> Result<Response<pb::ListEventsResponse>, Status> {
        let r = r.into_inner();
        let query = parse_query(&r.query)?;
        let page = self.0.events(&query, paging(r.offset, r.limit)).await?;
        Ok(Response::new(pb::ListEventsResponse {
            events: page.items.iter().map(event).collect(),
        }))
    }

    async fn get_event(
        &self,
        r: Request<pb::GetEventRequest>,
    ) -> Result<Response<pb::GetEventResponse>, Status> {
        let found = self.0.event(&r.into_inner().id).await?;
        Ok(Response::new(pb::GetEventResponse {
            event: Some(event(&found)),
        }))
    }
}
