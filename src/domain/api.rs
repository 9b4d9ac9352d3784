//! The API roots: where the REST path of every object and notification starts.

/// O2ims Infrastructure Inventory.
pub const INVENTORY_ROOT: &str = "/o2ims-infrastructureInventory";
/// O2ims Infrastructure Monitoring.
pub const MONITORING_ROOT: &str = "/o2ims-infrastructureMonitoring";
/// O2ims Infrastructure Provisioning.
pub const PROVISIONING_ROOT: &str = "/o2ims-infrastructureProvisioning";
/// O2ims Infrastructure Artifacts.
pub const ARTIFACTS_ROOT: &str = "/o2ims-infrastructureArtifacts";
