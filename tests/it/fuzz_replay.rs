//! Every committed fuzz input, replayed in the ordinary test build: each file of
//! `fuzz/corpus/<target>/` (the seeds, the inputs `make fuzz` merged in, and every crash it
//! ever found) goes through the function its cargo-fuzz target calls (`fuzz/cases.rs`). The
//! sanitizer fuzzing itself is `make fuzz`; this keeps what it found from coming back without a
//! second compile of netweave.
use std::{
    collections::BTreeSet,
    panic::{self, AssertUnwindSafe},
    path::{Path, PathBuf},
};

#[path = "../../fuzz/cases.rs"]
mod cases;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The `[[bin]]` names of `fuzz/Cargo.toml`: what `cargo fuzz list` lists.
fn fuzz_targets() -> BTreeSet<String> {
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap()).unwrap();
    manifest["bin"]
        .as_array()
        .expect("fuzz/Cargo.toml has [[bin]] targets")
        .iter()
        .map(|bin| bin["name"].as_str().unwrap().to_owned())
        .collect()
}

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = fuzz_dir().join("corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_committed_fuzz_input_replays() {
    let replayed: BTreeSet<String> = cases::TARGETS
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(
        fuzz_targets(),
        replayed,
        "every cargo-fuzz target is replayed here, through the function it calls"
    );
    let mut failures = Vec::new();
    let mut counts = Vec::new();
    for (target, case) in cases::TARGETS {
        let files = corpus(target);
        assert!(!files.is_empty(), "fuzz/corpus/{target} has no input");
        for file in &files {
            let data = std::fs::read(file).unwrap();
            if let Err(panic) = panic::catch_unwind(AssertUnwindSafe(|| case(&data))) {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: {message}", file.display()));
            }
        }
        counts.push((target, files.len()));
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let summary = format!(
        "fuzz replay: {total} corpus files through {} targets ({})",
        counts.len(),
        counts
            .iter()
            .map(|(target, n)| format!("{target} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("{summary}");
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-replay.txt"),
        format!("{summary}\n"),
    )
    .unwrap();
    assert!(
        failures.is_empty(),
        "{} committed fuzz inputs fail their target:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
