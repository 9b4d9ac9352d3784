//! The simulator's fixed catalogue: hardware a telco O-Cloud actually runs (servers, vRAN
//! accelerators, PTP NICs, switches, storage) and the cities its sites stand in.

use crate::domain::{AlarmChangeType, ClearingType, ResourceClass, ResourceKind};

pub struct TypeSpec {
    pub name: &'static str,
    pub vendor: &'static str,
    pub model: &'static str,
    pub version: &'static str,
    pub kind: ResourceKind,
    pub class: ResourceClass,
    /// compute, accelerator, network or storage.
    pub category: &'static str,
    /// Relative share of generated resources.
    pub weight: u32,
    pub cpu_cores: u32,
    pub memory_gib: u32,
}

const fn t(
    name: &'static str,
    vendor: &'static str,
    model: &'static str,
    version: &'static str,
    class: ResourceClass,
    category: &'static str,
    weight: u32,
    cpu_cores: u32,
    memory_gib: u32,
) -> TypeSpec {
    TypeSpec {
        name,
        vendor,
        model,
        version,
        kind: ResourceKind::Physical,
        class,
        category,
        weight,
        cpu_cores,
        memory_gib,
    }
}

pub const TYPES: &[TypeSpec] = &[
    t(
        "server-poweredge-r750",
        "Dell Inc.",
        "PowerEdge R750",
        "2.1",
        ResourceClass::Compute,
        "compute",
        30,
        64,
        512,
    ),
    t(
        "server-proliant-dl110",
        "Hewlett Packard Enterprise",
        "ProLiant DL110 Gen10 Plus",
        "1.4",
        ResourceClass::Compute,
        "compute",
        25,
        32,
        256,
    ),
    t(
        "server-supermicro-e403",
        "Supermicro",
        "SYS-E403-12P-FN2T",
        "1.0",
        ResourceClass::Compute,
        "compute",
        15,
        32,
        128,
    ),
    t(
        "accelerator-intel-acc100",
        "Intel Corporation",
        "ACC100 vRAN Dedicated Accelerator",
        "1.0",
        ResourceClass::Compute,
        "accelerator",
        6,
        0,
        0,
    ),
    t(
        "accelerator-nvidia-a100x",
        "NVIDIA Corporation",
        "A100X Converged Accelerator",
        "2.0",
        ResourceClass::Compute,
        "accelerator",
        4,
        0,
        80,
    ),
    t(
        "nic-intel-e810-xxvda4t",
        "Intel Corporation",
        "E810-XXVDA4T (PTP grandmaster)",
        "4.2",
        ResourceClass::Networking,
        "network",
        8,
        0,
        0,
    ),
    t(
        "switch-arista-7050x3",
        "Arista Networks",
        "7050X3",
        "4.30",
        ResourceClass::Networking,
        "network",
        4,
        0,
        32,
    ),
    t(
        "storage-netapp-aff-a250",
        "NetApp",
        "AFF A250",
        "9.14",
        ResourceClass::Storage,
        "storage",
        8,
        0,
        0,
    ),
];

/// Alarms each category can raise: name, description, repair action, clearing type.
pub fn alarms(
    category: &str,
) -> &'static [(&'static str, &'static str, &'static str, ClearingType)] {
    const COMMON: &[(&str, &str, &str, ClearingType)] = &[
        (
            "PowerSupplyFailure",
            "A power supply unit has failed; the device runs without redundancy.",
            "Replace the failed power supply unit.",
            ClearingType::Automatic,
        ),
        (
            "TemperatureHigh",
            "The device temperature exceeds its operating threshold.",
            "Check airflow and fans in the rack.",
            ClearingType::Automatic,
        ),
    ];
    const COMPUTE: &[(&str, &str, &str, ClearingType)] = &[
        (
            "NodeNotReady",
            "The node stopped reporting ready to its cluster.",
            "Check the kubelet and the node's network.",
            ClearingType::Automatic,
        ),
        (
            "PowerSupplyFailure",
            "A power supply unit has failed; the device runs without redundancy.",
            "Replace the failed power supply unit.",
            ClearingType::Automatic,
        ),
        (
            "MemoryEccErrors",
            "Correctable ECC errors exceed the threshold.",
            "Schedule replacement of the failing DIMM.",
            ClearingType::Manual,
        ),
    ];
    const NETWORK: &[(&str, &str, &str, ClearingType)] = &[
        (
            "LinkDown",
            "A port lost its link.",
            "Check the cable and the peer port.",
            ClearingType::Automatic,
        ),
        (
            "PtpSyncLost",
            "PTP time synchronisation was lost (holdover).",
            "Check the GNSS antenna and the PTP grandmaster.",
            ClearingType::Automatic,
        ),
        (
            "TemperatureHigh",
            "The device temperature exceeds its operating threshold.",
            "Check airflow and fans in the rack.",
            ClearingType::Automatic,
        ),
    ];
    match category {
        "compute" | "accelerator" => COMPUTE,
        "network" => NETWORK,
        _ => COMMON,
    }
}

pub const ALARM_CHANGE: AlarmChangeType = AlarmChangeType::Added;

pub struct City {
    pub key: &'static str,
    pub name: &'static str,
    pub country: &'static str,
    pub region: &'static str,
    pub street: &'static str,
    pub lon: f64,
    pub lat: f64,
}

pub const CITIES: &[City] = &[
    City {
        key: "madrid",
        name: "Madrid",
        country: "ES",
        region: "Comunidad de Madrid",
        street: "Calle de Alcalá",
        lon: -3.7038,
        lat: 40.4168,
    },
    City {
        key: "dallas",
        name: "Dallas",
        country: "US",
        region: "Texas",
        street: "Main Street",
        lon: -96.797,
        lat: 32.7767,
    },
    City {
        key: "paris",
        name: "Paris",
        country: "FR",
        region: "Île-de-France",
        street: "Rue de Rivoli",
        lon: 2.3522,
        lat: 48.8566,
    },
    City {
        key: "tokyo",
        name: "Tokyo",
        country: "JP",
        region: "Tokyo",
        street: "Chuo-dori",
        lon: 139.6917,
        lat: 35.6895,
    },
    City {
        key: "toronto",
        name: "Toronto",
        country: "CA",
        region: "Ontario",
        street: "Bay Street",
        lon: -79.3832,
        lat: 43.6532,
    },
    City {
        key: "berlin",
        name: "Berlin",
        country: "DE",
        region: "Berlin",
        street: "Unter den Linden",
        lon: 13.405,
        lat: 52.52,
    },
    City {
        key: "mumbai",
        name: "Mumbai",
        country: "IN",
        region: "Maharashtra",
        street: "Marine Drive",
        lon: 72.8777,
        lat: 19.076,
    },
    City {
        key: "sydney",
        name: "Sydney",
        country: "AU",
        region: "New South Wales",
        street: "George Street",
        lon: 151.2093,
        lat: -33.8688,
    },
];
