//! Pure domain types and rules: O2-IMS objects, the O-RAN filter engine, field selection and
//! list paging. No I/O.

pub mod attributes;
pub mod fields;
pub mod filter;
pub mod inf_filter;
pub mod list;
pub mod objects;
pub mod scope;

pub use attributes::{Attributes, Fields};
pub use fields::{FieldsError, Projection};
pub use filter::{Filter, FilterError};
pub use inf_filter::InfFilter;
pub use list::{ListQuery, Page};
pub use objects::*;
