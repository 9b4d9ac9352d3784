//! What a follower holds: the events its own cache derived, until it sees the leader's copy in
//! the stream. When it becomes the leader it publishes what is left, so a change made while
//! the old leader died is published once, by the new one — at least once overall, and no
//! more than that when both replicas derived the same change.

use std::{
    collections::{BTreeMap, HashMap, VecDeque},
    time::{Duration, Instant},
};

use super::model::Event;

/// Held changes beyond this drop the oldest (logged): the leader has been gone far too long.
const CAPACITY: usize = 200_000;

#[derive(Default)]
pub struct Pending {
    items: BTreeMap<u64, (Instant, Event)>,
    /// Sequence numbers per (kind, id), oldest first.
    by_object: HashMap<(String, String), VecDeque<u64>>,
    next: u64,
}

fn key(e: &Event) -> (String, String) {
    (e.object_kind.clone(), e.object_id.clone())
}

impl Pending {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn push(&mut self, event: Event) {
        if self.items.len() >= CAPACITY {
            if let Some((seq, (_, old))) = self.items.pop_first() {
                self.unindex(&key(&old), seq);
                tracing::warn!(event_type = %old.event_type, object_id = %old.object_id, "pending changes full: the oldest is dropped");
            }
        }
        let seq = self.next;
        self.next += 1;
        self.by_object
            .entry(key(&event))
            .or_default()
            .push_back(seq);
        self.items.insert(seq, (Instant::now(), event));
    }

    fn unindex(&mut self, key: &(String, String), seq: u64) {
        if let Some(seqs) = self.by_object.get_mut(key) {
            seqs.retain(|s| *s != seq);
            if seqs.is_empty() {
                self.by_object.remove(key);
            }
        }
    }

    /// Removes the oldest held change of the same object with the same prior and post state
    /// as `published`; `false` when none matches.
    pub fn confirm(&mut self, published: &Event) -> bool {
        let key = key(published);
        let Some(seqs) = self.by_object.get(&key) else {
            return false;
        };
        let found = seqs.iter().copied().find(|seq| {
            self.items.get(seq).is_some_and(|(_, e)| {
                e.prior_object_state == published.prior_object_state
                    && e.post_object_state == published.post_object_state
            })
        });
        let Some(seq) = found else {
            return false;
        };
        self.items.remove(&seq);
        self.unindex(&key, seq);
        true
    }

    /// Drops held changes older than `age`: the leader, alive all along, did not derive them.
    pub fn expire(&mut self, age: Duration) -> usize {
        let old: Vec<u64> = self
            .items
            .iter()
            .take_while(|(_, (at, _))| at.elapsed() > age)
            .map(|(seq, _)| *seq)
            .collect();
        for seq in &old {
            if let Some((_, e)) = self.items.remove(seq) {
                self.unindex(&key(&e), *seq);
            }
        }
        old.len()
    }

    /// Every held change, oldest first.
    pub fn drain(&mut self) -> Vec<Event> {
        self.by_object.clear();
        std::mem::take(&mut self.items)
            .into_values()
            .map(|(_, e)| e)
            .collect()
    }
}
