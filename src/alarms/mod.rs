//! Alarms (O2ims Infrastructure Monitoring): the records, their lifecycle, their stable
//! identifiers, and the sources that raise and clear them.

pub mod alertmanager;
pub mod conditions;
pub mod record;

pub use record::{
    Alarm, AlarmChange, AlarmEventRecord, AlarmServiceConfiguration, Raised, Severity,
};

/// For `#[serde(default, deserialize_with = "not_null")]` on an optional member whose schema
/// is not nullable: absent is `None`, `null` is refused.
pub(crate) fn not_null<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}
