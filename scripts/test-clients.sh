#!/usr/bin/env bash
# Checks that the committed generated code of clients/ is what the generators make of proto/
# and the served OpenAPI today (a proto or route changed without ./scripts/gen-clients.sh
# fails here), then runs each SDK's tests against a real gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
stale() { echo "$1 is stale: run ./scripts/gen-clients.sh and commit the result" >&2; exit 1; }
cargo run --quiet --locked --bin netweave -- openapi | cmp -s - clients/openapi.json \
  || stale clients/openapi.json
cargo run --quiet --locked -p netweave-client-codegen -- --check || stale clients/rust/src/gen
# The Rust SDK: unit tests, doc tests and tests/sdk.rs against an in-process gateway.
cargo test --locked -p netweave-client -p netweave-client-codegen
