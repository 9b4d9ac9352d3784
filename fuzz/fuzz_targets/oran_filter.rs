//! The O-RAN filter grammar (`(eq,name,x);(neq,…)`): never panics; what parses evaluates.
#![no_main]
use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use netweave::{
    backend::{InventoryChange, Kind, Object},
    domain::{objects::ResourcePool, Filter},
    events::{Event, EventSource},
    service::events::filter_fields,
};

fn event() -> &'static Event {
    static EVENT: OnceLock<Event> = OnceLock::new();
    EVENT.get_or_init(|| {
        let pool = ResourcePool {
            resource_pool_id: "7b0e4c2a-0000-4000-8000-000000000001".into(),
            name: "edge".into(),
            ..Default::default()
        };
        let change = InventoryChange {
            instance: String::new(),
            kind: Kind::ResourcePool,
            id: pool.resource_pool_id.clone(),
            prior: None,
            post: Some(Object::ResourcePool(Arc::new(pool))),
            durable: None,
        };
        let source = EventSource {
            backend: "simulator".into(),
            instance_id: "fuzz".into(),
        };
        Event::from_change(&change, &source)
    })
}

fuzz_target!(|text: &str| {
    if let Ok(filter) = Filter::parse(text, filter_fields()) {
        let _ = filter.matches(event());
    }
});
