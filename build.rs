//! Compiles the protos with protox (no system `protoc`) into tonic/prost code plus a
//! descriptor set for gRPC reflection, and converts the in-repository OpenAPI YAML documents
//! to JSON so the server embeds them without a YAML parser at run time.

use std::{env, error::Error, fs, path::PathBuf};

const PROTOS: &[&str] = &[
    "proto/netweave/o2ims/v1/objects.proto",
    "proto/netweave/o2ims/v1/inventory.proto",
    "proto/netweave/o2ims/v1/subscriptions.proto",
    "proto/netweave/events/v1/events.proto",
    "proto/netweave/webhooks/v1/webhooks.proto",
    "proto/netweave/tmf688/v4/event_management.proto",
    "proto/netweave/admin/v1/admin.proto",
    "proto/netweave/monitoring/v1/alarms.proto",
    "proto/netweave/artifacts/v1/artifacts.proto",
    "proto/netweave/provisioning/v1/provisioning.proto",
    "proto/netweave/vnfpkgm/v1/vnfpkgm.proto",
    "proto/netweave/vnflcm/v2/vnflcm.proto",
];
const INCLUDES: &[&str] = &["proto", "proto/third_party"];
const SPECS: &[(&str, &str)] = &[
    ("specs/oran-o2ims/inventory.yaml", "o2ims_inventory.json"),
    ("specs/oran-o2ims/common.yaml", "o2ims_common.json"),
    ("specs/oran-o2ims/alarms.yaml", "o2ims_alarms.json"),
    (
        "specs/oran-o2ims/provisioning.yaml",
        "o2ims_provisioning.json",
    ),
    ("specs/oran-o2ims/artifacts.yaml", "o2ims_artifacts.json"),
    ("specs/inf-o2/swagger.yaml", "inf_o2_swagger.json"),
];

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(env::var("OUT_DIR")?);
    println!("cargo:rerun-if-changed=proto");
    println!("cargo:rerun-if-changed=specs");

    let mut compiler = protox::Compiler::new(INCLUDES)?;
    compiler.include_imports(true).include_source_info(true);
    compiler.open_files(PROTOS)?;
    // The encoded set keeps option extensions (google.api.http) that prost_types drops.
    fs::write(
        out.join("netweave_descriptor.bin"),
        compiler.encode_file_descriptor_set(),
    )?;
    let fds = compiler.file_descriptor_set();
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(fds.clone())?;
    inventory_server(&fds, &out)?;

    for (yaml, json) in SPECS {
        let doc: serde_json::Value = serde_yaml::from_str(&fs::read_to_string(yaml)?)?;
        fs::write(out.join(json), serde_json::to_vec(&doc)?)?;
    }
    Ok(())
}

/// The list responses the inventory server sends, encoded from each item's kept protobuf
/// (`src/grpc/lists.rs`) instead of converted and encoded anew per request.
const ENCODED_LISTS: &[&str] = &[
    "ListDeploymentManagersResponse",
    "ListResourceTypesResponse",
    "ListResourcePoolsResponse",
    "ListResourcesResponse",
    "ListAlarmDictionariesResponse",
    "ListLocationsResponse",
    "ListOCloudSitesResponse",
];

/// A second rendering of the inventory service, server side only, into `out/server`: every
/// message is the one generated above, except the list responses. Clients keep the plain
/// generated types; the bytes on the wire are the same.
fn inventory_server(
    fds: &prost_types::FileDescriptorSet,
    out: &std::path::Path,
) -> Result<(), Box<dyn Error>> {
    let dir = out.join("server");
    fs::create_dir_all(&dir)?;
    let mut only = fds.clone();
    only.file
        .retain(|f| f.name() == "netweave/o2ims/v1/inventory.proto");
    let mut config = tonic_prost_build::configure()
        .build_client(false)
        .build_server(true)
        .out_dir(&dir);
    for name in ENCODED_LISTS {
        config = config.extern_path(
            format!(".netweave.o2ims.v1.{name}"),
            "crate::grpc::lists::EncodedList",
        );
    }
    config
        .extern_path(".netweave.o2ims.v1", "crate::proto::o2ims::v1")
        .compile_fds(only)?;
    Ok(())
}
