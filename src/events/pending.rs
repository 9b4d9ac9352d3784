//! What a follower holds: the events its own cache derived, until it sees the leader's copy in
//! the stream. When it becomes the leader it publishes what is left, so a change made while
//! the old leader died is published once, by the new one — at least once overall, and no
//! more than that when both replicas derived the same change. Nothing is dropped on a timer:
//! a held change leaves only when the stream proves it present, or by being published.

use std::collections::{BTreeMap, HashMap, VecDeque};

use super::model::Event;

/// Held changes beyond this pause the follower's backend feed (back-pressure) until the
/// stream confirms some or this replica takes the lead.
pub const CAPACITY: usize = 200_000;

#[derive(Default)]
pub struct Pending {
    items: BTreeMap<u64, Event>,
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

    /// Whether the follower should stop taking changes until some are confirmed.
    pub fn is_full(&self) -> bool {
        self.items.len() >= CAPACITY
    }

    pub fn push(&mut self, event: Event) {
        let seq = self.next;
        self.next += 1;
        self.by_object
            .entry(key(&event))
            .or_default()
            .push_back(seq);
        self.items.insert(seq, event);
    }

    /// Crosses off what `published` proves present: the oldest held change of the same object
    /// that reaches the same post state, and every older held change of that object (the
    /// leader may have seen several changes as one). Returns how many were crossed off.
    pub fn confirm(&mut self, published: &Event) -> usize {
        let key = key(published);
        let Some(seqs) = self.by_object.get_mut(&key) else {
            return 0;
        };
        let items = &self.items;
        let Some(upto) = seqs.iter().position(|seq| {
            items
                .get(seq)
                .is_some_and(|e| e.post_object_state == published.post_object_state)
        }) else {
            return 0;
        };
        let done: Vec<u64> = seqs.drain(..=upto).collect();
        if seqs.is_empty() {
            self.by_object.remove(&key);
        }
        for seq in &done {
            self.items.remove(seq);
        }
        done.len()
    }

    /// Every held change, oldest first.
    pub fn drain(&mut self) -> Vec<Event> {
        self.by_object.clear();
        std::mem::take(&mut self.items).into_values().collect()
    }
}
