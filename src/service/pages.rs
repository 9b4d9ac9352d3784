//! List pages reused while the backend's generation holds (`Backend::generation`): an SMO
//! polling the same list, or a whole-pool scan repeated, is answered from the page computed
//! for the first request instead of filtering the inventory again.
//!
//! Exact: the generation is read before the backend lists, and a page is kept under that
//! generation. A change moves the generation on before any reader can see it, so a page is
//! reused only while nothing it was computed from has changed; a page computed across a
//! change is kept under a generation no later request sees. Pages with warnings (a backend
//! that did not answer) are not kept. Only the current generation's pages are held, and at
//! most [`MAX_PAGES`] pages and [`MAX_ITEMS`] item references in all. Keyed by kind, pool, the
//! caller's inventory scope (pool lists depend on it) and the list parameters.

use std::{
    any::Any,
    collections::HashMap,
    hash::BuildHasher,
    sync::{Arc, RwLock},
};

use super::{ListParams, Listed};
use crate::{backend::Kind, domain::scope::InventoryScope};

pub const MAX_PAGES: usize = 512;
pub const MAX_ITEMS: usize = 256 * 1024;

struct Kept {
    kind: Kind,
    parent: Option<String>,
    scope: Option<Arc<InventoryScope>>,
    params: ListParams,
    page: Arc<dyn Any + Send + Sync>,
}

#[derive(Default)]
struct Held {
    generation: u64,
    items: usize,
    pages: HashMap<u64, Vec<Kept>>,
}

#[derive(Clone, Default)]
pub struct Pages(Arc<RwLock<Held>>);

fn key(
    kind: Kind,
    parent: Option<&str>,
    scope: Option<&Arc<InventoryScope>>,
    params: &ListParams,
) -> u64 {
    foldhash::fast::FixedState::default().hash_one((kind, parent, scope, params))
}

impl Pages {
    /// The page kept for this list at `generation`.
    pub fn get<T: Send + Sync + 'static>(
        &self,
        generation: u64,
        kind: Kind,
        parent: Option<&str>,
        scope: Option<&Arc<InventoryScope>>,
        params: &ListParams,
    ) -> Option<Listed<T>> {
        let held = self.0.read().unwrap_or_else(|e| e.into_inner());
        if held.generation != generation {
            return None;
        }
        held.pages
            .get(&key(kind, parent, scope, params))?
            .iter()
            .find(|k| {
                k.kind == kind
                    && k.parent.as_deref() == parent
                    && k.scope.as_ref() == scope
                    && &k.params == params
            })?
            .page
            .downcast_ref::<Listed<T>>()
            .cloned()
    }

    /// Keeps `page`, computed from what the backend held at `generation`.
    pub fn put<T: Send + Sync + 'static>(
        &self,
        generation: u64,
        kind: Kind,
        parent: Option<&str>,
        scope: Option<&Arc<InventoryScope>>,
        params: &ListParams,
        page: &Listed<T>,
    ) {
        if !page.warnings.is_empty() || page.items.len() > MAX_ITEMS {
            return;
        }
        let mut held = self.0.write().unwrap_or_else(|e| e.into_inner());
        if held.generation != generation {
            if generation < held.generation {
                return; // computed before a change another request already saw
            }
            *held = Held {
                generation,
                ..Held::default()
            };
        }
        let count: usize = held.pages.values().map(Vec::len).sum();
        if count >= MAX_PAGES || held.items + page.items.len() > MAX_ITEMS {
            held.pages.clear();
            held.items = 0;
        }
        held.items += page.items.len();
        held.pages
            .entry(key(kind, parent, scope, params))
            .or_default()
            .push(Kept {
                kind,
                parent: parent.map(str::to_owned),
                scope: scope.cloned(),
                params: params.clone(),
                page: Arc::new(page.clone()),
            });
    }
}
