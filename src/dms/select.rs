//! ETSI GS NFV-SOL 013 §5.2–5.4 on the DMS lists: `filter` (the same grammar as O-RAN's, the
//! one filter engine), the attribute selectors `all_fields`, `fields`, `exclude_fields`,
//! `exclude_default` (complex attributes are left out unless asked for), and paging by
//! `nextpage_opaque_marker` (the last id of the previous page).

use serde_json::Value;

use crate::{
    domain::{
        attributes::{Attr, Attributes},
        filter::Filter,
        Projection,
    },
    error::{ApiError, ErrorCode},
};

/// A parsed list query.
#[derive(Debug)]
pub struct Selection {
    filter: Filter,
    projection: Projection,
    marker: Option<String>,
    all_records: bool,
    id_field: &'static str,
}

/// A JSON object as the filter engine sees it.
struct Object<'a>(&'a Value);

impl Attributes for Object<'_> {
    fn attribute(&self, name: &str) -> Attr<'_> {
        match self.0.get(name) {
            Some(Value::String(s)) => Attr::Str(s),
            Some(v) => Attr::Json(v),
            None => Attr::Missing,
        }
    }
}

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidArgument, message)
}

impl Selection {
    /// Parses `raw` (the query string) for objects of `fields`, of which `complex` are left
    /// out by default.
    pub fn parse(
        raw: &str,
        fields: &[&str],
        complex: &[&str],
        id_field: &'static str,
    ) -> Result<Selection, ApiError> {
        let (mut filter, mut include, mut exclude) = (None, None, None);
        let (mut all_fields, mut exclude_default, mut marker, mut all_records) =
            (false, false, None, false);
        for (key, value) in url::form_urlencoded::parse(raw.as_bytes()) {
            match key.as_ref() {
                "filter" => filter = Some(value.into_owned()),
                "fields" => include = Some(value.into_owned()),
                "exclude_fields" => exclude = Some(value.into_owned()),
                "all_fields" => all_fields = true,
                "exclude_default" => exclude_default = true,
                "nextpage_opaque_marker" => marker = Some(value.into_owned()),
                "all_records" => all_records = value == "yes",
                other => return Err(invalid(format!("unknown query parameter '{other}'"))),
            }
        }
        // SOL013 §5.3: all_fields stands alone; exclude_fields does not mix with fields or
        // exclude_default.
        if all_fields && (include.is_some() || exclude.is_some() || exclude_default) {
            return Err(invalid(
                "all_fields is not combined with fields, exclude_fields or exclude_default".into(),
            ));
        }
        if exclude.is_some() && (include.is_some() || exclude_default) {
            return Err(invalid(
                "exclude_fields is not combined with fields or exclude_default".into(),
            ));
        }
        let filter = Filter::parse_opt(filter.as_deref(), fields)
            .map_err(|e| invalid(format!("invalid filter: {e}")))?;
        let top = |list: &str| -> Vec<String> {
            list.split(',')
                .map(|f| f.trim().split('/').next().unwrap_or_default().to_owned())
                .collect()
        };
        let dropped: Vec<String> = if all_fields {
            Vec::new()
        } else if let Some(ex) = &exclude {
            top(ex)
        } else {
            let asked = include.as_deref().map(top).unwrap_or_default();
            complex
                .iter()
                .filter(|c| !asked.iter().any(|a| a == *c))
                .map(|c| (*c).to_owned())
                .collect()
        };
        if let Some(f) = &include {
            Projection::parse(None, Some(f), fields, id_field)
                .map_err(|e| invalid(e.to_string().replace("exclude_fields", "fields")))?;
        }
        let projection = Projection::parse(
            None,
            (!dropped.is_empty()).then(|| dropped.join(",")).as_deref(),
            fields,
            id_field,
        )
        .map_err(|e| invalid(e.to_string()))?;
        Ok(Selection {
            filter,
            projection,
            marker,
            all_records,
            id_field,
        })
    }

    /// The items (sorted by id) that match, from the marker on, at most `size` of them
    /// (every one with `all_records=yes`), selected; and the marker of the next page.
    pub fn page(&self, items: Vec<Value>, size: usize) -> (Vec<Value>, Option<String>) {
        let id = |v: &Value| {
            v.get(self.id_field)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let mut matching: Vec<Value> = items
            .into_iter()
            .filter(|v| self.filter.matches(&Object(v)))
            .filter(|v| self.marker.as_deref().is_none_or(|m| id(v).as_str() > m))
            .collect();
        matching.sort_by_key(|v| id(v));
        let next = (!self.all_records && matching.len() > size.max(1)).then(|| {
            matching.truncate(size.max(1));
            matching.last().map(id).unwrap_or_default()
        });
        let page = matching
            .into_iter()
            .map(|v| self.projection.apply(v))
            .collect();
        (page, next)
    }

    /// `raw` with the next page's marker.
    pub fn next_query(&self, raw: &str, marker: &str) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (key, value) in url::form_urlencoded::parse(raw.as_bytes()) {
            if key != "nextpage_opaque_marker" {
                out.append_pair(&key, &value);
            }
        }
        out.append_pair("nextpage_opaque_marker", marker);
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const FIELDS: &[&str] = &["id", "state", "data", "links"];
    const COMPLEX: &[&str] = &["data"];

    fn items() -> Vec<Value> {
        (1..=5)
            .map(|i| json!({"id": format!("p{i}"), "state": if i % 2 == 0 {"ON"} else {"OFF"}, "data": {"k": i}, "links": {}}))
            .collect()
    }

    #[test]
    fn complex_attributes_are_left_out_unless_asked_for() {
        let s = Selection::parse("", FIELDS, COMPLEX, "id").unwrap();
        let (page, next) = s.page(items(), 10);
        assert_eq!(page.len(), 5);
        assert!(next.is_none());
        assert!(page[0].get("data").is_none() && page[0].get("state").is_some());
        for q in ["all_fields", "fields=data", "fields=data/k"] {
            let (page, _) = Selection::parse(q, FIELDS, COMPLEX, "id")
                .unwrap()
                .page(items(), 10);
            assert_eq!(page[0]["data"]["k"], 1, "{q}");
        }
        let (page, _) = Selection::parse("exclude_fields=state", FIELDS, COMPLEX, "id")
            .unwrap()
            .page(items(), 10);
        assert!(page[0].get("state").is_none() && page[0].get("data").is_some());
    }

    #[test]
    fn filters_and_pages_follow_sol013() {
        let s = Selection::parse("filter=(eq,state,ON)", FIELDS, COMPLEX, "id").unwrap();
        let (page, _) = s.page(items(), 10);
        let ids: Vec<&str> = page.iter().map(|p| p["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["p2", "p4"]);
        let (first, next) = Selection::parse("", FIELDS, COMPLEX, "id")
            .unwrap()
            .page(items(), 2);
        assert_eq!((first.len(), next.as_deref()), (2, Some("p2")));
        let s = Selection::parse("nextpage_opaque_marker=p2", FIELDS, COMPLEX, "id").unwrap();
        let (second, _) = s.page(items(), 2);
        assert_eq!(second[0]["id"], "p3");
        assert!(s
            .next_query("a=1&nextpage_opaque_marker=p2", "p4")
            .ends_with("nextpage_opaque_marker=p4"));
        for bad in [
            "filter=(eq,nope,1)",
            "fields=nope",
            "all_fields&fields=data",
            "exclude_fields=data&exclude_default",
            "frobnicate=1",
        ] {
            assert!(
                Selection::parse(bad, FIELDS, COMPLEX, "id").is_err(),
                "{bad}"
            );
        }
    }
}
