//! O2-DMS: deploying network functions on the O-Cloud. The Kubernetes profile (the cluster's
//! own API is the DMS; the deployment manager hands the SMO its endpoint and access) lives in
//! [`profile`].

pub mod profile;
