//! gRPC adapter of the event stream.

use std::{pin::Pin, str::FromStr};

use futures::Stream;
use tokio_stream::StreamExt;
use tonic::{metadata::MetadataValue, Request, Response, Status};

use super::{convert::to_struct, view};
use crate::{
    events::{Event, WatchItem},
    proto::events::v1::{self as pb, event_service_server::EventService as EventRpc},
    service::EventService,
};

pub struct EventGrpc(pub EventService);

/// Trailer naming the cursor to resume from after a lag or resync status.
pub const RESUME_CURSOR: &str = "x-netweave-resume-cursor";

fn timestamp(rfc3339: &str) -> Option<prost_types::Timestamp> {
    prost_types::Timestamp::from_str(rfc3339).ok()
}

fn state(value: &Option<serde_json::Value>) -> Option<prost_types::Struct> {
    value.as_ref().and_then(|v| v.as_object()).map(to_struct)
}

impl From<&Event> for pb::Event {
    fn from(e: &Event) -> Self {
        pb::Event {
            event_id: e.event_id.clone(),
            cursor: e.cursor,
            source: Some(pb::EventSource {
                backend: e.source.backend.clone(),
                instance_id: e.source.instance_id.clone(),
            }),
            event_type: e.event_type.clone(),
            object_kind: e.object_kind.clone(),
            object_id: e.object_id.clone(),
            object_ref: e.object_ref.clone(),
            prior_object_state: state(&e.prior_object_state),
            post_object_state: state(&e.post_object_state),
            occurred_at: timestamp(&e.occurred_at),
            published_at: timestamp(&e.published_at),
            metadata: e.metadata.clone().into_iter().collect(),
        }
    }
}

fn with_cursor(mut status: Status, cursor: u64) -> Status {
    if let Ok(v) = MetadataValue::try_from(cursor.to_string()) {
        status.metadata_mut().insert(RESUME_CURSOR, v);
    }
    status
}

fn item(item: WatchItem) -> Result<pb::WatchResponse, Status> {
    use pb::watch_response::Item;
    match item {
        WatchItem::Event(e) => Ok(pb::WatchResponse { item: Some(Item::Event(e.as_ref().into())) }),
        WatchItem::Heartbeat(cursor) => Ok(pb::WatchResponse { item: Some(Item::Heartbeat(pb::Heartbeat { cursor })) }),
        WatchItem::Lagged { resume } => Err(with_cursor(
            Status::resource_exhausted(format!("the watcher fell behind; resume from cursor {resume}")),
            resume,
        )),
        WatchItem::Resync { requested, oldest, latest } => Err(with_cursor(
            Status::out_of_range(format!(
                "cursor {requested} is outside the retained stream ({oldest}..={latest}); list afresh, then watch from cursor {latest}"
            )),
            latest,
        )),
        WatchItem::Failed(detail) => Err(Status::unavailable(detail)),
    }
}

type WatchStream = Pin<Box<dyn Stream<Item = Result<pb::WatchResponse, Status>> + Send>>;

#[tonic::async_trait]
impl EventRpc for EventGrpc {
    type WatchStream = WatchStream;

    async fn watch(&self, r: Request<pb::WatchRequest>) -> Result<Response<WatchStream>, Status> {
        let view = view(&r);
        let r = r.into_inner();
        let resume = (r.resume_cursor > 0).then_some(r.resume_cursor);
        if let Err(e) = self.0.check_resume(resume).await {
            // As the in-stream resync does: the trailer names the cursor to watch from.
            let latest = self.0.latest().await.unwrap_or_default();
            return Err(with_cursor(e.into(), latest));
        }
        let filter = (!r.filter.is_empty()).then_some(r.filter.as_str());
        let watch = self
            .0
            .watch(view.as_ref(), Some(r.type_pattern), filter, resume)
            .await?;
        Ok(Response::new(Box::pin(watch.map(item))))
    }

    async fn list_events(
        &self,
        r: Request<pb::ListEventsRequest>,
    ) -> Result<Response<pb::ListEventsResponse>, Status> {
        let view = view(&r);
        let r = r.into_inner();
        let limit = (r.limit > 0).then_some(r.limit as usize);
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let page = self
            .0
            .list(
                r.after,
                limit,
                view.as_ref(),
                some(&r.type_pattern).as_deref(),
                some(&r.filter).as_deref(),
            )
            .await?;
        Ok(Response::new(pb::ListEventsResponse {
            events: page.events.iter().map(Into::into).collect(),
            next_after: page.next_after.unwrap_or_default(),
        }))
    }
}
