#!/usr/bin/env bash
# The Go SDK's generated layer: clients/go/gen, from proto/netweave with Debian bookworm's
# protoc-gen-go 1.28.1 and protoc-gen-go-grpc 1.33.3 under buf 1.75.0 (google/api is not
# generated: it comes from genproto). The plugins are installed from Debian when missing.
# With OUT, writes there instead (the freshness check compares that with the committed tree).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
ensure_buf
ensure_go
out=${1:-}
if [ -z "$out" ]; then
  "$BUF" generate --template clients/go/buf.gen.yaml --path proto/netweave
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$BUF" generate --template clients/go/buf.gen.yaml --path proto/netweave -o "$tmp"
  mkdir -p "$(dirname "$out")"
  cp -r "$tmp/clients/go/gen" "$out"
fi
