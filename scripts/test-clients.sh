#!/usr/bin/env bash
# The client SDKs. Freshness of their generated code is checked: a proto or route changed
# without ./scripts/gen-clients.sh fails `the_committed_code_matches_the_protos`
# (clients/rust/codegen), `golden::clients_openapi_is_the_served_document` (tests/it), and the
# Python comparison below. Then each SDK's tests run against a real gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Rust SDK: the codegen check, unit tests, doc tests and tests/sdk.rs against an
# in-process gateway.
cargo test --locked -p netweave-client -p netweave-client-codegen

# The Python SDK: regenerate into a scratch directory and compare with what is committed,
# then install the package with pip into .tools/venv-clients and run its tests against
# `target/debug/netweave serve` processes.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./scripts/gen-python-client.sh "$tmp/_proto"
if ! diff -r -x __pycache__ "$tmp/_proto" clients/python/src/netweave_client/_proto >"$tmp/diff"; then
  head -40 "$tmp/diff"
  echo "clients/python: the generated code differs from proto/: run ./scripts/gen-clients.sh" >&2
  exit 1
fi
VENV=.tools/venv-clients
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$VENV"
  }
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps ./clients/python
"$VENV/bin/pip" install --quiet --disable-pip-version-check "./clients/python[test]"
cargo build --locked --quiet --bin netweave
NW_BINARY="$PWD/target/debug/netweave" "$VENV/bin/python" -m pytest -q clients/python
