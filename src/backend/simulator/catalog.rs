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

/// Defaults the catalogue entries override.
const BASE: TypeSpec = TypeSpec {
    name: "",
    vendor: "",
    model: "",
    version: "1.0",
    kind: ResourceKind::Physical,
    class: ResourceClass::Compute,
    category: "compute",
    weight: 1,
    cpu_cores: 0,
    memory_gib: 0,
};

pub const TYPES: &[TypeSpec] = &[
    TypeSpec {
        name: "server-poweredge-r750",
        vendor: "Dell Inc.",
        model: "PowerEdge R750",
        version: "2.1",
        class: ResourceClass::Compute,
        category: "compute",
        weight: 30,
        cpu_cores: 64,
        memory_gib: 512,
        ..BASE
    },
    TypeSpec {
        name: "server-proliant-dl110",
        vendor: "Hewlett Packard Enterprise",
        model: "ProLiant DL110 Gen10 Plus",
        version: "1.4",
        class: ResourceClass::Compute,
        category: "compute",
        weight: 25,
        cpu_cores: 32,
        memory_gib: 256,
        ..BASE
    },
    TypeSpec {
        name: "server-supermicro-e403",
        vendor: "Supermicro",
        model: "SYS-E403-12P-FN2T",
        version: "1.0",
        class: ResourceClass::Compute,
        category: "compute",
        weight: 15,
        cpu_cores: 32,
        memory_gib: 128,
        ..BASE
    },
    TypeSpec {
        name: "accelerator-intel-acc100",
        vendor: "Intel Corporation",
        model: "ACC100 vRAN Dedicated Accelerator",
        version: "1.0",
        class: ResourceClass::Compute,
        category: "accelerator",
        weight: 6,
        cpu_cores: 0,
        memory_gib: 0,
        ..BASE
    },
    TypeSpec {
        name: "accelerator-nvidia-a100x",
        vendor: "NVIDIA Corporation",
        model: "A100X Converged Accelerator",
        version: "2.0",
        class: ResourceClass::Compute,
        category: "accelerator",
        weight: 4,
        cpu_cores: 0,
        memory_gib: 80,
        ..BASE
    },
    TypeSpec {
        name: "nic-intel-e810-xxvda4t",
        vendor: "Intel Corporation",
        model: "E810-XXVDA4T (PTP grandmaster)",
        version: "4.2",
        class: ResourceClass::Networking,
        category: "network",
        weight: 8,
        cpu_cores: 0,
        memory_gib: 0,
        ..BASE
    },
    TypeSpec {
        name: "switch-arista-7050x3",
        vendor: "Arista Networks",
        model: "7050X3",
        version: "4.30",
        class: ResourceClass::Networking,
        category: "network",
        weight: 4,
        cpu_cores: 0,
        memory_gib: 32,
        ..BASE
    },
    TypeSpec {
        name: "storage-netapp-aff-a250",
        vendor: "NetApp",
        model: "AFF A250",
        version: "9.14",
        class: ResourceClass::Storage,
        category: "storage",
        weight: 8,
        cpu_cores: 0,
        memory_gib: 0,
        ..BASE
    },
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
