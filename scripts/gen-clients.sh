#!/usr/bin/env bash
# Regenerates the committed generated layer of every SDK in clients/ from proto/ and the
# served OpenAPI, with pinned generators: clients/openapi.json (the REST SDKs' input), the
# Rust SDK's src/gen (protox + tonic-prost-build, pinned by Cargo.lock) and the Python SDK's
# netweave_client/_proto (grpcio-tools 1.66.2, see gen-python-client.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --locked --bin netweave -- openapi > clients/openapi.json
cargo run --quiet --locked -p netweave-client-codegen
./scripts/gen-python-client.sh
