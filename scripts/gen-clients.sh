#!/usr/bin/env bash
# Regenerates the committed generated layer of every SDK in clients/ from proto/ and the
# served OpenAPI, with pinned generators. Today: clients/openapi.json (the REST SDKs' input)
# and the Rust SDK's src/gen (protox + tonic-prost-build, pinned by Cargo.lock).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --locked --bin netweave -- openapi > clients/openapi.json
cargo run --quiet --locked -p netweave-client-codegen
