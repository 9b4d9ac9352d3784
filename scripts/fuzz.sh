#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ with the sanitizer for SECONDS each (default 60; run a
# longer FUZZ_SECONDS before a release), starting from the committed corpus fuzz/corpus/<target>/.
# Installs cargo-fuzz when missing; libFuzzer needs unstable flags, which RUSTC_BOOTSTRAP enables
# on the stable toolchain. New inputs go to fuzz/target/corpus/<target>/; FUZZ_MERGE=1 merges
# those that reach new coverage into the committed corpus. A crash's input is copied into the
# committed corpus, so the ordinary test run (tests/it/fuzz_replay.rs) fails on it until it is
# fixed: commit it with the fix. Replay one input: cargo fuzz run <target> <file>.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH=${1:-60}
CARGO_FUZZ_VERSION=0.13.2
export RUSTC_BOOTSTRAP=1
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  echo "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --quiet --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
cargo fuzz build -O
for target in $(cargo fuzz list); do
  work="target/corpus/$target"
  mkdir -p "$work" "corpus/$target" "artifacts/$target"
  echo "fuzz $target for ${SECONDS_EACH}s"
  log="target/fuzz-$target.log"
  before=$(ls "artifacts/$target")
  if ! cargo fuzz run -O "$target" "$work" "corpus/$target" -- \
    -max_total_time="$SECONDS_EACH" -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    for found in $(comm -13 <(echo "$before") <(ls "artifacts/$target")); do
      cp "artifacts/$target/$found" "corpus/$target/$found"
      echo "fuzz target $target failed on fuzz/corpus/$target/$found (added to the committed corpus)"
    done
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr '\n' ' '
  echo
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    cargo fuzz run -O "$target" "corpus/$target" "$work" -- -merge=1 >"target/merge-$target.log" 2>&1
    echo "merged into fuzz/corpus/$target: $(ls "corpus/$target" | wc -l) files"
  fi
done
