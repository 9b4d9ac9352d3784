//! JSON rendering of objects and lists. Large lists are streamed in chunks so that a
//! 100,000-element array is never built as one body in memory. Shared objects rendered whole
//! reuse their JSON from earlier requests (`service::rendered`).

use std::sync::Arc;

use axum::{
    body::Body,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use bytes::Bytes;
use serde::Serialize;

use crate::{
    domain::Projection,
    service::{
        rendered::{self, Form},
        PageForms,
    },
};

/// Objects per streamed chunk.
const CHUNK: usize = 256;

const JSON: HeaderValue = HeaderValue::from_static("application/json");

fn write_item<T: Serialize>(buf: &mut Vec<u8>, item: &T, projection: &Projection) {
    let written = if projection.is_identity() {
        serde_json::to_writer(&mut *buf, item)
    } else {
        serde_json::to_value(item)
            .and_then(|v| serde_json::to_writer(&mut *buf, &projection.apply(v)))
    };
    if let Err(e) = written {
        tracing::error!(error = %e, "serialising a response object failed");
        buf.extend_from_slice(b"null");
    }
}

fn to_json<T: Serialize>(object: &T) -> Vec<u8> {
    serde_json::to_vec(object).unwrap_or_else(|e| {
        tracing::error!(error = %e, "serialising a response object failed");
        b"null".to_vec()
    })
}

/// The JSON of a shared object, kept across requests while it is unchanged.
fn json_of<T: Serialize + Send + Sync + 'static>(item: &Arc<T>) -> Bytes {
    rendered::bytes(item, Form::Json, to_json)
}

/// A shared object (a backend's), whole.
pub fn shared<T: Serialize + Send + Sync + 'static>(status: StatusCode, item: &Arc<T>) -> Response {
    (status, [(header::CONTENT_TYPE, JSON)], json_of(item)).into_response()
}

/// One object, projected.
pub fn object<T: Serialize>(status: StatusCode, item: &T, projection: &Projection) -> Response {
    let mut buf = Vec::with_capacity(512);
    write_item(&mut buf, item, projection);
    (status, [(header::CONTENT_TYPE, JSON)], buf).into_response()
}

/// A list page: its whole JSON body is made once per kept page (`service::pages`) when it
/// is short and whole; otherwise as [`array`].
pub fn page<T: Serialize + Send + Sync + 'static>(
    items: Arc<[Arc<T>]>,
    projection: Projection,
    forms: &PageForms,
) -> Response {
    if items.len() > CHUNK || !projection.is_identity() {
        return array(items, projection);
    }
    let body = forms
        .json
        .get_or_init(|| chunk(&items, 0, &projection))
        .clone();
    (StatusCode::OK, [(header::CONTENT_TYPE, JSON)], body).into_response()
}

/// A bare JSON array, streamed when it is long.
pub fn array<T: Serialize + Send + Sync + 'static>(
    items: Arc<[Arc<T>]>,
    projection: Projection,
) -> Response {
    let body =
        if items.len() <= CHUNK {
            Body::from(chunk(&items, 0, &projection))
        } else {
            let starts = (0..items.len()).step_by(CHUNK);
            Body::from_stream(futures::stream::iter(starts).map(move |start| {
                Ok::<_, std::convert::Infallible>(chunk(&items, start, &projection))
            }))
        };
    (StatusCode::OK, [(header::CONTENT_TYPE, JSON)], body).into_response()
}

/// Items `start..start + CHUNK`, with the array's opening, separators and closing.
fn chunk<T: Serialize + Send + Sync + 'static>(
    items: &[Arc<T>],
    start: usize,
    projection: &Projection,
) -> Bytes {
    let end = (start + CHUNK).min(items.len());
    let mut buf = Vec::with_capacity((end - start) * 512 + 2);
    if start == 0 {
        buf.push(b'[');
    }
    for (i, item) in items[start..end].iter().enumerate() {
        if start + i > 0 {
            buf.push(b',');
        }
        if projection.is_identity() {
            rendered::write(item, Form::Json, &mut buf, to_json);
        } else {
            write_item(&mut buf, item.as_ref(), projection);
        }
    }
    if end == items.len() {
        buf.push(b']');
    }
    Bytes::from(buf)
}

use futures::StreamExt as _;
