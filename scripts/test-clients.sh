#!/usr/bin/env bash
# The client SDKs. Freshness of their generated code is checked by tests: a proto or route
# changed without ./scripts/gen-clients.sh fails `the_committed_code_matches_the_protos`
# (clients/rust/codegen) and `golden::clients_openapi_is_the_served_document` (tests/it).
# Then each SDK's tests run against a real gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Rust SDK: the codegen check, unit tests, doc tests and tests/sdk.rs against an
# in-process gateway.
cargo test --locked -p netweave-client -p netweave-client-codegen
