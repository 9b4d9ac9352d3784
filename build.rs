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
];
const INCLUDES: &[&str] = &["proto", "proto/third_party"];
const SPECS: &[(&str, &str)] = &[
    ("specs/oran-o2ims/inventory.yaml", "o2ims_inventory.json"),
    ("specs/oran-o2ims/common.yaml", "o2ims_common.json"),
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
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(compiler.file_descriptor_set())?;

    for (yaml, json) in SPECS {
        let doc: serde_json::Value = serde_yaml::from_str(&fs::read_to_string(yaml)?)?;
        fs::write(out.join(json), serde_json::to_vec(&doc)?)?;
    }
    Ok(())
}
