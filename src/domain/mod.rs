//! Pure domain types and rules: O2-IMS objects and the kinds every layer names, the API roots,
//! the O-RAN filter engine and the fields it may name, field selection and list paging. No I/O.

pub mod alarm_events;
pub mod api;
pub mod attributes;
pub mod audit;
pub mod fields;
pub mod filter;
pub mod inf_filter;
pub mod inventory;
pub mod list;
pub mod objects;
pub mod scope;
pub mod tenancy;

pub use attributes::{Attributes, Fields};
pub use fields::{FieldsError, Projection};
pub use filter::{Filter, FilterError};
pub use inf_filter::InfFilter;
pub use inventory::{InventoryObject, Kind, Object};
pub use list::{ListQuery, Page};
pub use objects::*;
