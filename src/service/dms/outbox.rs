//! The lifecycle's outbox: a change to an instance or an occurrence is stored together with the
//! notification it owes (the record's `unpublished`), and only then put on the event stream —
//! so a change is never stored without its notification, whatever crashes or fails between.
//!
//! One flusher (the leader's executor, after each pass) puts every pending notification on the
//! stream in the order the changes happened, then takes them out of their records: a deleted
//! instance's record goes once its deletion notification is out, and an occurrence whose final
//! notification is out no longer holds its instance (which covers a crash between an
//! occurrence's last write and the instance's release). A notification appended but not yet
//! cleared when the process dies is appended again after the restart, with the same event id,
//! so receivers see the same notification id (at least once, never lost).

use std::{collections::HashSet, sync::Arc};

use super::lcm::LcmService;
use crate::{
    dms::lcm::{OpOcc, VnfInstance},
    events::{Event, Publisher},
    store::dms::{Blob, Record},
};

pub struct Outbox {
    pub lcm: LcmService,
    pub publisher: Arc<Publisher>,
}

/// A record whose outbox holds notifications.
trait Pending: Record + Clone {
    fn outbox(&mut self) -> &mut Vec<Event>;
    fn bump(&mut self);
    /// A deleted instance's record, kept for its deletion notification.
    fn is_gone(&self) -> bool {
        false
    }
}

impl Pending for VnfInstance {
    fn outbox(&mut self) -> &mut Vec<Event> {
        &mut self.unpublished
    }
    fn bump(&mut self) {
        self.revision += 1;
    }
    fn is_gone(&self) -> bool {
        self.gone
    }
}

impl Pending for OpOcc {
    fn outbox(&mut self) -> &mut Vec<Event> {
        &mut self.unpublished
    }
    fn bump(&mut self) {
        self.revision += 1;
    }
}

impl Outbox {
    /// Puts every pending notification on the stream, then clears it from its record. The
    /// number of notifications published.
    pub async fn flush(&self) -> anyhow::Result<usize> {
        let records = self.lcm.records();
        let instances: Vec<VnfInstance> = records.list().await?;
        let ops: Vec<OpOcc> = records.list().await?;
        let mut pending: Vec<(String, u8, usize, Event)> = Vec::new();
        let mut order = 0;
        let mut take = |events: &[Event], deletion_last: bool| {
            // Within a record, its own order; across records, the time each happened (a
            // creation before the first occurrence in the same millisecond, a deletion after
            // the last).
            let mut at = String::new();
            for e in events {
                if e.occurred_at > at {
                    at = e.occurred_at.clone();
                }
                let class = match (deletion_last, e.object_kind.as_str()) {
                    (true, _) if e.post_object_state.is_none() => 2,
                    (_, crate::dms::notify::INSTANCE_KIND) => 0,
                    _ => 1,
                };
                pending.push((at.clone(), class, order, e.clone()));
                order += 1;
            }
        };
        let gone: Vec<&VnfInstance> = instances.iter().filter(|i| i.gone).collect();
        for i in &instances {
            take(&i.unpublished, true);
        }
        let ops_pending: Vec<&OpOcc> = ops.iter().filter(|o| !o.unpublished.is_empty()).collect();
        for o in &ops_pending {
            take(&o.unpublished, false);
        }
        if pending.is_empty() && gone.is_empty() {
            return Ok(0);
        }
        pending.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
        let events: Vec<Event> = pending.into_iter().map(|p| p.3).collect();
        let count = events.len();
        let published: HashSet<String> = events.iter().map(|e| e.event_id.clone()).collect();
        if !events.is_empty() {
            self.publisher.publish(events).await?;
        }
        for i in instances
            .iter()
            .filter(|i| i.gone || !i.unpublished.is_empty())
        {
            self.clear::<VnfInstance>(&i.id, &published).await?;
        }
        for o in ops_pending {
            if let Some(op) = self.clear::<OpOcc>(&o.id, &published).await? {
                if op.state.is_final() {
                    self.lcm.release_instance(&op).await?;
                }
            }
        }
        Ok(count)
    }

    /// Takes the `published` notifications out of record `id` (removing a deleted instance
    /// whose outbox is then empty); the record as then stored.
    async fn clear<T: Pending>(
        &self,
        id: &str,
        published: &HashSet<String>,
    ) -> anyhow::Result<Option<T>> {
        let records = self.lcm.records();
        for _ in 0..10 {
            let Some(mut record) = records.get::<T>(id).await? else {
                return Ok(None);
            };
            let expected = record.revision();
            let before = record.outbox().len();
            record.outbox().retain(|e| !published.contains(&e.event_id));
            if record.is_gone() && record.outbox().is_empty() {
                if records.remove::<T>(id, expected, Blob::Keep).await? {
                    return Ok(None);
                }
                continue;
            }
            if record.outbox().len() == before {
                return Ok(Some(record));
            }
            record.bump();
            if records.swap(&record, expected, Blob::Keep).await? {
                return Ok(Some(record));
            }
        }
        anyhow::bail!("record '{id}' keeps changing; its notifications are cleared later")
    }
}
