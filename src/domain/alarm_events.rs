//! Alarm events on the stream: their object kind and the notification kinds
//! (`notificationEventType` of an `AlarmEventNotification`) that events, subscriptions and the
//! alarm service all name.

use serde::{Deserialize, Serialize};

/// The object kind of alarm events on the stream (`o2ims.AlarmEventRecord.<New|Change|Clear|Acknowledge>`).
pub const KIND: &str = "AlarmEventRecord";

/// A notification kind (`notificationEventType` of an `AlarmEventNotification`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlarmChange {
    New = 0,
    Change = 1,
    Clear = 2,
    Acknowledge = 3,
}

impl AlarmChange {
    /// The last part of the event type.
    pub fn word(self) -> &'static str {
        match self {
            AlarmChange::New => "New",
            AlarmChange::Change => "Change",
            AlarmChange::Clear => "Clear",
            AlarmChange::Acknowledge => "Acknowledge",
        }
    }

    /// The change an alarm event carries.
    pub fn of_event(event_type: &str) -> Option<AlarmChange> {
        let word = event_type.strip_prefix("o2ims.AlarmEventRecord.")?;
        AlarmChange::ALL.into_iter().find(|c| c.word() == word)
    }

    /// The name an alarm subscription's filter uses.
    pub fn name(self) -> &'static str {
        match self {
            AlarmChange::New => "NEW",
            AlarmChange::Change => "CHANGE",
            AlarmChange::Clear => "CLEAR",
            AlarmChange::Acknowledge => "ACKNOWLEDGE",
        }
    }

    pub const ALL: [AlarmChange; 4] = [
        AlarmChange::New,
        AlarmChange::Change,
        AlarmChange::Clear,
        AlarmChange::Acknowledge,
    ];
}
