//! Which subscriptions an event goes to. An O2-IMS subscription takes every event its O-RAN
//! filter does not exclude; a hub's subscription takes the events its hub query selects; a
//! VNF lifecycle subscription the lifecycle events its SOL003 filter selects.

use std::collections::HashMap;

use crate::{
    alarms::{record, AlarmChange},
    dms::notify,
    domain::filter::filter_fields,
    domain::{Filter, InfFilter, Subscription},
    events::Event,
    tmf::{EventView, Hub, TmfQuery},
};

enum Rule {
    /// O-RAN: the filter names what is NOT to be reported.
    Excludes(Filter),
    /// INF O2 (`/v1` subscriptions): OR groups per object type.
    Inf(InfFilter),
    /// TMF688: the query names what is to be reported, of the events after the hub's
    /// registration.
    Includes(TmfQuery, u64),
    /// An alarm subscription: alarm events, but the kind its filter names.
    Alarm(Option<AlarmChange>),
    /// A VNF lifecycle subscription: the lifecycle events its SOL003 filter selects.
    Lifecycle(notify::Filter),
}

/// The delivery rule of every subscription, built once per dispatched batch.
pub struct Selection {
    /// Subscription id, its tenant, its rule.
    rules: Vec<(String, Option<String>, Rule)>,
}

impl Selection {
    pub fn new(subscriptions: Vec<Subscription>, hubs: &[Hub]) -> Selection {
        let queries: HashMap<&str, &Hub> = hubs.iter().map(|h| (h.id.as_str(), h)).collect();
        let mut rules = Vec::with_capacity(subscriptions.len());
        for s in subscriptions {
            let rule = match &s.hub_id {
                None if s.lcm.is_some() => {
                    let filter = s.lcm.as_ref().and_then(|l| l.filter.as_ref());
                    match filter.map(notify::Filter::parse).transpose() {
                        Ok(f) => Rule::Lifecycle(f.unwrap_or_default()),
                        Err(e) => {
                            tracing::error!(subscription_id = %s.subscription_id, error = %e, "stored lifecycle filter does not parse; subscription gets nothing");
                            continue;
                        }
                    }
                }
                None if s.alarm => {
                    Rule::Alarm(s.filter.as_deref().and_then(record::excluded_change))
                }
                None if s.inf_filter => Rule::Inf(
                    InfFilter::parse(s.filter.as_deref().unwrap_or_default(), filter_fields())
                        .unwrap_or_default(),
                ),
                None => Rule::Excludes(
                    Filter::parse_opt(s.filter.as_deref(), filter_fields()).unwrap_or_default(),
                ),
                Some(hub_id) => {
                    let Some(hub) = queries.get(hub_id.as_str()) else {
                        tracing::warn!(subscription_id = %s.subscription_id, %hub_id, "subscription of a missing hub gets nothing; reconciled at the next start");
                        continue;
                    };
                    match TmfQuery::parse(&hub.query) {
                        Ok(q) => Rule::Includes(q, hub.after_cursor),
                        Err(e) => {
                            tracing::error!(%hub_id, error = %e, "stored hub query does not parse; hub gets nothing");
                            continue;
                        }
                    }
                }
            };
            rules.push((s.subscription_id, s.tenant, rule));
        }
        Selection { rules }
    }

    /// Whether any subscription is a hub's (the dispatcher then reads the hubs too).
    pub fn needs_hubs(subscriptions: &[Subscription]) -> bool {
        subscriptions.iter().any(|s| s.hub_id.is_some())
    }

    /// The tenants owning a subscription.
    pub fn tenants(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().filter_map(|(_, t, _)| t.as_deref())
    }

    /// The subscriptions that get `event` (with their tenant), of those whose tenant `sees` it.
    pub fn recipients<'a>(
        &'a self,
        event: &'a Event,
        sees: impl Fn(&str) -> bool + 'a,
    ) -> impl Iterator<Item = (&'a str, Option<&'a str>)> + 'a {
        let view = EventView::new(event);
        self.rules
            .iter()
            .filter(move |(_, tenant, rule)| {
                let alarm = event.object_kind == record::KIND;
                let lifecycle = notify::is_lifecycle(event);
                tenant.as_deref().is_none_or(&sees)
                    && match rule {
                        Rule::Lifecycle(f) => lifecycle && f.matches(event),
                        // Lifecycle events go to lifecycle subscriptions only.
                        _ if lifecycle => false,
                        Rule::Alarm(excluded) => {
                            alarm && AlarmChange::of_event(&event.event_type) != *excluded
                        }
                        // Inventory subscriptions and hubs take no alarm events.
                        _ if alarm => false,
                        Rule::Excludes(f) => f.is_empty() || !f.matches(event),
                        Rule::Inf(f) => f.notifies(&event.object_kind, event),
                        Rule::Includes(q, after) => event.cursor > *after && q.matches(&view),
                    }
            })
            .map(|(id, tenant, _)| (id.as_str(), tenant.as_deref()))
    }
}
