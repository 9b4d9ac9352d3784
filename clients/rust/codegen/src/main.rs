//! Regenerates `clients/rust/src/gen` from `proto/` with protox and tonic-prost-build (the
//! server's generators, pinned by Cargo.lock): `cargo run -p netweave-client-codegen`.
//! `-- --check` (and `cargo test`) fails instead of writing when the committed code is stale.

use std::{
    fs,
    path::{Path, PathBuf},
};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../..");

fn protos(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            protos(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "proto") {
            out.push(
                path.strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
}

/// The files of `src/gen` that are out of date (written when `update`).
fn run(update: bool) -> Vec<String> {
    let root = Path::new(ROOT);
    let proto = root.join("proto");
    let mut files = Vec::new();
    protos(&proto.join("netweave"), &proto, &mut files);
    let mut compiler = protox::Compiler::new([proto.clone(), proto.join("third_party")]).unwrap();
    compiler.include_imports(true).include_source_info(true);
    compiler.open_files(&files).unwrap();
    let out = tempfile::tempdir().unwrap();
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(false)
        .out_dir(out.path())
        .compile_fds(compiler.file_descriptor_set())
        .unwrap();

    let gen: PathBuf = root.join("clients/rust/src/gen");
    fs::create_dir_all(&gen).unwrap();
    let mut fresh: Vec<String> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("netweave."))
        .collect();
    fresh.sort();
    let mut stale = Vec::new();
    for name in &fresh {
        let want = fs::read_to_string(out.path().join(name)).unwrap();
        if fs::read_to_string(gen.join(name)).ok().as_deref() != Some(want.as_str()) {
            stale.push(name.clone());
            if update {
                fs::write(gen.join(name), &want).unwrap();
            }
        }
    }
    for entry in fs::read_dir(&gen).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !fresh.contains(&name) {
            stale.push(name.clone());
            if update {
                fs::remove_file(gen.join(&name)).unwrap();
            }
        }
    }
    stale
}

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let stale = run(!check);
    if check && !stale.is_empty() {
        eprintln!("clients/rust/src/gen is stale ({stale:?}): run ./scripts/gen-clients.sh");
        std::process::exit(1);
    }
    if !check {
        println!("clients/rust/src/gen: {} file(s) rewritten", stale.len());
    }
}

#[cfg(test)]
#[test]
fn the_committed_code_matches_the_protos() {
    let stale = run(false);
    assert!(
        stale.is_empty(),
        "clients/rust/src/gen is stale ({stale:?}): run ./scripts/gen-clients.sh"
    );
}
