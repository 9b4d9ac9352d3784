//! O2ims Infrastructure Provisioning and Artifacts, what they are: the templates an O-Cloud
//! offers ([`template`], their parameters [`parameters`]) and the requests an SMO makes of them
//! ([`request`]). Requests live in the subscription store (`store::provisioning`); the service
//! (`service::provisioning`) takes them and its executor carries them out through the backends'
//! builders (`backend::provision`); their every change is an event on the one stream.

pub mod parameters;
pub mod request;
pub mod template;

pub use request::{Phase, ProvisioningRequest, RequestData, RequestInfo};
pub use template::{Catalog, Template};
