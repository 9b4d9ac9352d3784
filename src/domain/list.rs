//! Listing: a filter, a keyset cursor and a limit in; a page, the next cursor and optionally
//! the total number of matches out. Collections are ordered by identifier, so a cursor (the
//! last identifier returned) stays valid while objects are added or removed: every object
//! present for the whole walk is seen exactly once.

use std::{collections::BTreeMap, sync::Arc};

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

use super::{attributes::Attributes, filter::Filter, scope::InventoryScope};

/// What a list request asks for.
#[derive(Clone, Debug, Default)]
pub struct ListQuery {
    pub filter: Filter,
    /// Return objects whose identifier sorts after this one.
    pub after: Option<String>,
    /// At most this many objects; `None` returns every match.
    pub limit: Option<usize>,
    /// Also count every match (costs a full scan).
    pub count_total: bool,
    /// Only pools this tenant scope admits (set on pool lists of a tenant's caller).
    pub scope: Option<Arc<InventoryScope>>,
}

impl ListQuery {
    /// Whether `item` is listed: in scope and matching the filter.
    pub fn admits<T: Attributes>(&self, item: &T) -> bool {
        self.scope.as_ref().is_none_or(|s| s.admits(item)) && self.filter.matches(item)
    }
}

/// One page of a list.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor for the next page, when there is one.
    pub next_after: Option<String>,
    pub total: Option<usize>,
    /// Partial failures the page was assembled despite (a backend that did not answer).
    pub warnings: Vec<String>,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_after: self.next_after,
            total: self.total,
            warnings: self.warnings,
        }
    }
}

/// Pages over a collection ordered by identifier.
pub fn page_of<T: Attributes>(items: &BTreeMap<String, Arc<T>>, query: &ListQuery) -> Page<Arc<T>> {
    let limit = query.limit.unwrap_or(usize::MAX);
    let mut out = Vec::new();
    let mut next_after = None;
    let start = match &query.after {
        Some(after) => {
            items.range::<String, _>((std::ops::Bound::Excluded(after), std::ops::Bound::Unbounded))
        }
        None => items.range::<String, _>(..),
    };
    let mut last_key: Option<&String> = None;
    for (id, item) in start {
        if !query.admits(item.as_ref()) {
            continue;
        }
        if out.len() == limit {
            next_after = last_key.cloned();
            break;
        }
        out.push(Arc::clone(item));
        last_key = Some(id);
    }
    let total = query
        .count_total
        .then(|| items.values().filter(|i| query.admits(i.as_ref())).count());
    Page {
        items: out,
        next_after,
        total,
        warnings: Vec::new(),
    }
}

/// Opaque page tokens: the last identifier of a page, versioned and base64url-encoded.
pub mod token {
    use super::*;

    const PREFIX: &str = "nw1:";

    pub fn encode(after: &str) -> String {
        URL_SAFE_NO_PAD.encode(format!("{PREFIX}{after}"))
    }

    pub fn decode(token: &str) -> Result<String, String> {
        let bytes = URL_SAFE_NO_PAD
            .decode(token.trim_end_matches('='))
            .map_err(|_| format!("page marker '{token}' is not one this server issued"))?;
        String::from_utf8(bytes)
            .ok()
            .and_then(|s| s.strip_prefix(PREFIX).map(str::to_owned))
            .ok_or_else(|| format!("page marker '{token}' is not one this server issued"))
    }
}
