#!/usr/bin/env bash
# Regenerates the committed generated layer of every SDK in clients/ from proto/ and the
# served OpenAPI, with pinned generators: clients/openapi.json (the REST SDKs' input), the
# Rust SDK's src/gen (protox + tonic-prost-build, pinned by Cargo.lock), the Python SDK's
# netweave_client/_proto and _rest (grpcio-tools 1.66.2 and openapi-python-client 0.29.1, see
# gen-python-client.sh), the TypeScript SDK's src/gen and src/rest/schema.ts (protoc-gen-es
# 2.13.0 and openapi-typescript 7.13.0, see gen-typescript-client.sh) and the Go SDK's gen/
# (Debian's protoc-gen-go 1.28.1 and protoc-gen-go-grpc 1.33.3, see gen-go-client.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --locked --bin netweave -- openapi > clients/openapi.json
cargo run --quiet --locked -p netweave-client-codegen
./scripts/gen-python-client.sh
./scripts/gen-typescript-client.sh
./scripts/gen-go-client.sh
