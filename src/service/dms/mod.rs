//! O2-DMS services: VNF packages (`packages`), and with them the VNF lifecycle.

pub mod packages;
