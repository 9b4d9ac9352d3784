//! The query string of O2-IMS lists and gets: the O-RAN selectors, the v1 marker, and the v2
//! paging extension. Unknown parameters are rejected so that a misspelt `filter` cannot
//! silently return everything.

use axum::extract::{FromRequestParts, RawQuery};
use axum::http::request::Parts;

use super::problem::Problem;
use crate::{error::ErrorCode, service::ListParams};

/// The page marker parameter of the INF O2 `/v1` API, also used by the `/v2` extension.
pub const MARKER: &str = "nextpage_opaque_marker";
/// The page size parameter (a netweave extension on both versions).
pub const LIMIT: &str = "limit";

const KNOWN: &[&str] = &[
    "filter",
    "fields",
    "exclude_fields",
    "all_fields",
    "exclude_default",
    MARKER,
    LIMIT,
];

/// Parsed selectors plus the raw pairs, to build `Link` headers from.
#[derive(Debug, Default)]
pub struct Selectors {
    pub filter: Option<String>,
    pub fields: Option<String>,
    pub exclude_fields: Option<String>,
    pub all_fields: bool,
    pub marker: Option<String>,
    pub limit: Option<usize>,
    pub pairs: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for Selectors {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        let RawQuery(raw) = RawQuery::from_request_parts(parts, state)
            .await
            .unwrap_or(RawQuery(None));
        Selectors::parse(raw.as_deref().unwrap_or_default())
    }
}

impl Selectors {
    pub fn parse(raw: &str) -> Result<Selectors, Problem> {
        let bad = |m: String| Problem::new(ErrorCode::InvalidArgument, m);
        let mut s = Selectors::default();
        for (key, value) in url::form_urlencoded::parse(raw.as_bytes()) {
            let value = value.into_owned();
            match key.as_ref() {
                "filter" => s.filter = Some(value.clone()),
                "fields" => s.fields = Some(value.clone()),
                "exclude_fields" => s.exclude_fields = Some(value.clone()),
                "all_fields" => s.all_fields = value != "false",
                "exclude_default" => {}
                MARKER => s.marker = Some(value.clone()),
                LIMIT => {
                    let n = value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| bad(format!("limit '{value}' is not a positive integer")))?;
                    s.limit = Some(n);
                }
                other => {
                    return Err(bad(format!(
                        "unknown query parameter '{other}'; accepted: {}",
                        KNOWN.join(", ")
                    )))
                }
            }
            s.pairs.push((key.into_owned(), value));
        }
        Ok(s)
    }

    /// INF O2's page markers are page numbers (`1`, `2`, …); netweave's own are opaque.
    pub fn page_number(&self) -> Option<usize> {
        let marker = self.marker.as_deref()?;
        if marker.is_empty() || !marker.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        marker.parse().ok().filter(|n| *n >= 1)
    }

    /// List parameters; `default_page` applies when the caller pages (v1 always does). `v1`
    /// counts the total and takes INF's numeric page markers beside netweave's.
    pub fn params(&self, paged: bool, default_page: usize, v1: bool) -> ListParams {
        let page_number = self.page_number().filter(|_| v1);
        ListParams {
            filter: self.filter.clone(),
            fields: self.fields.clone(),
            exclude_fields: self.exclude_fields.clone(),
            all_fields: self.all_fields,
            page_size: paged.then(|| self.limit.unwrap_or(default_page)),
            page_token: self.marker.clone().filter(|_| page_number.is_none()),
            count_total: v1,
            page_number,
        }
    }

    /// The query string of the next page: every parameter kept, the marker replaced.
    pub fn next_query(&self, marker: &str) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.pairs.iter().filter(|(k, _)| k != MARKER) {
            out.append_pair(k, v);
        }
        out.append_pair(MARKER, marker);
        out.finish()
    }
}
