#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for SECONDS each (default 60; the test script runs a
# short pass), starting from the committed seeds. Installs cargo-fuzz when missing; libFuzzer
# needs unstable flags, which RUSTC_BOOTSTRAP enables on the stable toolchain.
# A crash leaves its input in fuzz/artifacts/<target>/; replay: cargo fuzz run <target> <file>.
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
  mkdir -p "corpus/$target"
  echo "fuzz $target for ${SECONDS_EACH}s"
  log="target/fuzz-$target.log"
  if ! cargo fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$SECONDS_EACH" -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz target $target failed; its input is in fuzz/artifacts/$target/"
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr '\n' ' '
  echo
done
