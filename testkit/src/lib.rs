//! netweave's test fixtures: fakes of the APIs its backends call, for the integration tests and
//! `make bench` (none of those services can run where they run). Not part of the product: the
//! production library and binary never depend on it.

pub mod fake_apiserver;
pub mod fake_openstack;
