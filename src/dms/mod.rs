//! O2-DMS: deploying network functions on the O-Cloud. The Kubernetes profile (the cluster's
//! own API is the DMS; the deployment manager hands the SMO its endpoint and access) lives in
//! [`profile`]. The ETSI NFV profile: VNF packages (`package`, their CSARs in `csar`), listed
//! with SOL013 selectors (`select`); the lifecycle's records (`lcm`) and the notifications
//! of their changes (`notify`).

pub mod chart;
pub mod csar;
pub mod lcm;
pub mod notify;
pub mod package;
pub mod profile;
pub mod select;
