//! The TMF630-style query of a hub (and of `GET /event`): `key=value` conditions joined by `&`,
//! all of which must hold. A value may list alternatives (`eventType=A,B`), and a repeated key
//! adds alternatives (`eventType=A&eventType=B`). Keys: `eventType` (TMF639 names or the
//! design's legacy synonyms), `resourceId`, `resourcePoolId`, `resourceTypeId`, or a field of
//! the TMF event itself, dotted into nested objects (`event.resource.category=ResourcePool`).
//! Only equality exists. The query compiles to the O-RAN filter engine as `in` criteria that
//! select (include) events, unlike an O2-IMS subscription filter, which excludes them.

use std::{cell::OnceCell, fmt};

use percent_encoding::percent_decode_str;
use serde_json::Value;

use super::event;
use crate::{
    domain::{
        attributes::{Attr, Attributes},
        filter::{Criterion, Op},
        Filter,
    },
    events::Event,
};

/// Keys with a meaning of their own; any other key names a field of the TMF event.
const ID_KEYS: [&str; 3] = ["resourceId", "resourcePoolId", "resourceTypeId"];

/// The top-level fields of a TMF event that a dotted key may start with.
const EVENT_FIELDS: [&str; 17] = [
    "id",
    "href",
    "eventId",
    "eventTime",
    "eventType",
    "timeOcurred",
    "domain",
    "priority",
    "title",
    "description",
    "correlationId",
    "fieldPath",
    "source",
    "reportingSystem",
    "event",
    "@type",
    "@baseType",
];

/// TMF630 comparison suffixes, which netweave does not support.
const OPERATORS: [&str; 6] = [".gt", ".gte", ".lt", ".lte", ".regex", ".ne"];

/// Why a query was rejected, naming the offending part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError(pub String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

/// A parsed query; the empty query selects every event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TmfQuery {
    filter: Filter,
}

fn fail(part: &str, why: impl fmt::Display) -> QueryError {
    QueryError(format!("invalid query condition '{part}': {why}"))
}

fn decode(part: &str, raw: &str) -> Result<String, QueryError> {
    percent_decode_str(raw)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| fail(part, format!("'{raw}' is not valid percent-encoded UTF-8")))
}

fn check_key(part: &str, key: &str) -> Result<Vec<String>, QueryError> {
    if key.is_empty() {
        return Err(fail(part, "the key before '=' is empty"));
    }
    if let Some(op) = OPERATORS.iter().find(|op| key.ends_with(*op)) {
        return Err(fail(
            part,
            format!(
                "the operator '{}' is not supported; only equality (key=value) is",
                &op[1..]
            ),
        ));
    }
    if let Some(c) = key
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '@' | '-')))
    {
        return Err(fail(
            part,
            format!("'{c}' cannot appear in a key; only equality (key=value) is supported"),
        ));
    }
    let path: Vec<String> = key.split('.').map(str::to_owned).collect();
    if path.iter().any(String::is_empty) {
        return Err(fail(part, format!("'{key}' has an empty segment")));
    }
    let first = path[0].as_str();
    if (path.len() == 1 && ID_KEYS.contains(&first)) || EVENT_FIELDS.contains(&first) {
        return Ok(path);
    }
    Err(fail(
        part,
        format!(
            "unknown key '{key}'; use eventType, resourceId, resourcePoolId, resourceTypeId or \
             a field of the TMF event such as event.resource.category"
        ),
    ))
}

impl TmfQuery {
    /// Parses a query; blank (or only `?`) selects every event.
    pub fn parse(text: &str) -> Result<TmfQuery, QueryError> {
        let text = text.trim();
        let text = text.strip_prefix('?').unwrap_or(text);
        let mut criteria: Vec<Criterion> = Vec::new();
        if text.is_empty() {
            return Ok(TmfQuery::default());
        }
        for (n, part) in text.split('&').enumerate() {
            if part.is_empty() {
                return Err(QueryError(format!(
                    "invalid query: condition {} is empty (two '&' in a row, or one at an end)",
                    n + 1
                )));
            }
            let Some((raw_key, raw_values)) = part.split_once('=') else {
                return Err(fail(part, "expected key=value"));
            };
            let path = check_key(part, &decode(part, raw_key)?)?;
            if raw_values.is_empty() {
                return Err(fail(part, "the value after '=' is empty"));
            }
            let mut values = Vec::new();
            for raw in raw_values.split(',') {
                if raw.is_empty() {
                    return Err(fail(part, "a value in the comma-separated list is empty"));
                }
                let value = decode(part, raw)?;
                if path == ["eventType"] {
                    let canonical = event::canonical_type(&value).ok_or_else(|| {
                        fail(
                            part,
                            format!(
                                "unknown event type '{value}'; expected one of {}",
                                event::TYPES.join(", ")
                            ),
                        )
                    })?;
                    values.push(canonical.to_owned());
                } else {
                    values.push(value);
                }
            }
            match criteria.iter_mut().find(|c| c.path == path) {
                Some(existing) => existing.values.extend(values),
                None => criteria.push(Criterion {
                    op: Op::In,
                    path,
                    values,
                }),
            }
        }
        Ok(TmfQuery {
            filter: Filter::from_criteria(criteria),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.filter.is_empty()
    }

    /// Whether the query selects this event.
    pub fn matches(&self, view: &EventView<'_>) -> bool {
        self.filter.matches(view)
    }

    /// The conditions, as (dotted key, accepted values).
    pub fn conditions(&self) -> Vec<(String, Vec<String>)> {
        self.filter
            .criteria()
            .iter()
            .map(|c| (c.path.join("."), c.values.clone()))
            .collect()
    }
}

/// An event as queries see it; the TMF rendering is made only if a condition needs it, and
/// once however many queries look.
pub struct EventView<'a> {
    event: &'a Event,
    tmf: OnceCell<Value>,
}

impl<'a> EventView<'a> {
    pub fn new(event: &'a Event) -> Self {
        EventView {
            event,
            tmf: OnceCell::new(),
        }
    }
}

impl Attributes for EventView<'_> {
    fn attribute(&self, name: &str) -> Attr<'_> {
        let state_field = |field: &str| {
            self.event
                .state()
                .and_then(|s| s.get(field))
                .map_or(Attr::Missing, Attr::Json)
        };
        match name {
            "eventType" => Attr::Str(event::event_type(self.event)),
            "resourceId" => Attr::Str(&self.event.object_id),
            "resourcePoolId" => state_field("resourcePoolId"),
            "resourceTypeId" => state_field("resourceTypeId"),
            _ => self
                .tmf
                .get_or_init(|| event::render(self.event))
                .get(name)
                .map_or(Attr::Missing, Attr::Json),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Conditions = Vec<(String, Vec<String>)>;

    fn conditions(q: &str) -> Conditions {
        TmfQuery::parse(q)
            .unwrap_or_else(|e| panic!("{q}: {e}"))
            .conditions()
    }

    fn c(key: &str, values: &[&str]) -> (String, Vec<String>) {
        (
            key.to_owned(),
            values.iter().map(|v| (*v).to_owned()).collect(),
        )
    }

    #[test]
    fn every_accepted_form() {
        let table: &[(&str, Conditions)] = &[
            ("", vec![]),
            ("?", vec![]),
            (
                "eventType=ResourceCreateEvent",
                vec![c("eventType", &["ResourceCreateEvent"])],
            ),
            (
                "eventType=ResourceCreateEvent,ResourceDeleteEvent",
                vec![c("eventType", &["ResourceCreateEvent", "ResourceDeleteEvent"])],
            ),
            (
                "eventType=ResourceCreateEvent&eventType=ResourceStateChangeEvent",
                vec![c(
                    "eventType",
                    &["ResourceCreateEvent", "ResourceStateChangeEvent"],
                )],
            ),
            (
                "eventType=ResourceCreationNotification,ResourceStateChangeNotification,ResourceRemoveNotification,ResourceAttributeValueChangeNotification",
                vec![c(
                    "eventType",
                    &[
                        "ResourceCreateEvent",
                        "ResourceStateChangeEvent",
                        "ResourceDeleteEvent",
                        "ResourceAttributeValueChangeEvent",
                    ],
                )],
            ),
            ("resourceId=r-1", vec![c("resourceId", &["r-1"])]),
            ("resourcePoolId=p1", vec![c("resourcePoolId", &["p1"])]),
            ("resourceTypeId=t1,t2", vec![c("resourceTypeId", &["t1", "t2"])]),
            (
                "event.resource.category=ResourcePool",
                vec![c("event.resource.category", &["ResourcePool"])],
            ),
            ("domain=O2-IMS", vec![c("domain", &["O2-IMS"])]),
            (
                "event.resource.@type=LogicalResource",
                vec![c("event.resource.@type", &["LogicalResource"])],
            ),
            (
                "?eventType=ResourceDeleteEvent&resourcePoolId=p1&event.resource.name=a%20b%2Cc",
                vec![
                    c("eventType", &["ResourceDeleteEvent"]),
                    c("resourcePoolId", &["p1"]),
                    c("event.resource.name", &["a b,c"]),
                ],
            ),
        ];
        for (query, expected) in table {
            assert_eq!(&conditions(query), expected, "{query}");
        }
    }

    #[test]
    fn malformed_queries_say_what_is_wrong() {
        let table = [
            ("eventType", "expected key=value"),
            ("=ResourceCreateEvent", "key before '=' is empty"),
            ("eventType=", "value after '=' is empty"),
            ("eventType=Bogus", "unknown event type 'Bogus'"),
            (
                "eventType=ResourceCreateEvent,,ResourceDeleteEvent",
                "comma-separated list is empty",
            ),
            (
                "eventType=ResourceCreateEvent&&resourceId=1",
                "condition 2 is empty",
            ),
            ("resourceId=1&", "condition 2 is empty"),
            ("colour=red", "unknown key 'colour'"),
            ("resourceId.x=1", "unknown key 'resourceId.x'"),
            ("event..resource=1", "empty segment"),
            ("event.resource.name.gt=a", "operator 'gt' is not supported"),
            ("resourceId!=1", "'!' cannot appear in a key"),
            ("resourceId=%ff", "not valid percent-encoded UTF-8"),
        ];
        for (query, needle) in table {
            let error = TmfQuery::parse(query).expect_err(query).to_string();
            assert!(error.contains(needle), "{query}: {error}");
        }
    }
}
