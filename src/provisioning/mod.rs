//! O2ims Infrastructure Provisioning and Artifacts: the templates an O-Cloud offers
//! ([`template`]), the requests an SMO makes of them ([`request`]), and the executor that carries
//! them out through the backends' builders ([`executor`]; the builders' contract is
//! `backend::provision`). Requests live in the subscription store (`store::provisioning`); their
//! every change is an event on the one stream.

pub mod executor;
pub mod parameters;
pub mod request;
pub mod template;
pub mod writer;

pub use request::{Phase, ProvisioningRequest, RequestData, RequestInfo};
pub use template::{Catalog, Template};
