//! O2-DMS services: VNF packages (`packages`), and the VNF lifecycle (`lcm`) its executor
//! carries out (`executor`).

pub mod executor;
pub mod lcm;
pub mod packages;
