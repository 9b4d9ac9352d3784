#!/usr/bin/env bash
# The client SDKs. Freshness of their generated code is checked: a proto or route changed
# without ./scripts/gen-clients.sh fails `the_committed_code_matches_the_protos`
# (clients/rust/codegen), `golden::clients_openapi_is_the_served_document` (tests/it), and the
# Python, TypeScript and Go comparisons below (each regenerates into a scratch directory and
# compares). Then each SDK's tests run against real `netweave serve` processes. Each SDK is one
# step of the timing table (scripts/timing.sh): the test script's, or this script's own.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
. scripts/timing.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; timing_table' EXIT
# fresh NAME GENERATED COMMITTED: fails when regenerating gave something else.
fresh() {
  if ! diff -r -x __pycache__ "$2" "$3" >"$tmp/diff"; then
    head -40 "$tmp/diff"
    echo "clients/$1: the generated code differs from proto/ or openapi.json: run ./scripts/gen-clients.sh" >&2
    exit 1
  fi
}
# The workspace's test build, as ./scripts/test.sh compiles it (nothing to do after it): the
# same command line resolves the same features, so netweave is not compiled a second time.
cargo test --locked --workspace --no-run --quiet
export NW_BINARY="$PWD/target/debug/netweave"

# The Rust SDK: tests/sdk.rs against an in-process gateway and the doc tests. Its unit tests
# and the codegen check (`the_committed_code_matches_the_protos`) run with the workspace's unit
# tests in ./scripts/test.sh.
rust_sdk() {
  cargo test --locked --workspace --test sdk
  cargo test --locked --workspace --doc
}
step "SDK: Rust" rust_sdk

# The Python SDK: regenerate into a scratch directory and compare with what is committed,
# then install the package with pip into .tools/venv-clients and run its tests against
# `target/debug/netweave serve` processes.
python_sdk() {
  ./scripts/gen-python-client.sh "$tmp/py"
  fresh python "$tmp/py/_proto" clients/python/src/netweave_client/_proto
  fresh python "$tmp/py/_rest" clients/python/src/netweave_client/_rest
  VENV=.tools/venv-clients
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" 2>/dev/null || {
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv "$VENV"
    }
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps ./clients/python
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "./clients/python[test]"
  "$VENV/bin/python" -m pytest -q clients/python
}
step "SDK: Python" python_sdk

# The TypeScript SDK: the packages pinned by package-lock.json (npm ci), the generated code
# compared, then tsc and node --test against real gateways, and `npm install` of the package
# by a scratch consumer that imports it.
typescript_sdk() {
  ts=clients/typescript
  (cd "$ts" && npm ci --silent --no-audit --no-fund)
  ./scripts/gen-typescript-client.sh "$tmp/ts"
  fresh typescript "$tmp/ts/gen" "$ts/src/gen"
  fresh typescript "$tmp/ts/rest/schema.ts" "$ts/src/rest/schema.ts"
  (cd "$ts" && npm test --silent)
  mkdir "$tmp/consumer"
  (cd "$tmp/consumer" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$OLDPWD/$ts" &&
    node --input-type=module -e 'import { Client, Filter } from "@netweave/client";
      const c = new Client("http://127.0.0.1:1"); console.log("consumer imports @netweave/client:", new Filter().eq("a", "b c").toString()); c.close();')
}
step "SDK: TypeScript" typescript_sdk

# The Go SDK: Debian's toolchain and libraries (installed when missing), the generated code
# compared, gofmt and go vet, then go test in GOPATH mode (no module proxy is reachable) with
# the SDK copied to its import path.
go_sdk() {
  ./scripts/gen-go-client.sh "$tmp/go-gen"
  fresh go "$tmp/go-gen" clients/go/gen
  unformatted=$(gofmt -l clients/go)
  if [ -n "$unformatted" ]; then
    echo "clients/go: not gofmt-formatted: $unformatted" >&2
    exit 1
  fi
  module=github.com/netweave/netweave/clients/go
  mkdir -p "$tmp/gopath/src/$(dirname "$module")"
  cp -r clients/go "$tmp/gopath/src/$module"
  (cd "$tmp/gopath/src/$module" &&
    export GO111MODULE=off GOPATH="$tmp/gopath:/usr/share/gocode" GOFLAGS= &&
    go vet "$module/..." && go test -v -count=1 "$module/...")
}
step "SDK: Go" go_sdk
