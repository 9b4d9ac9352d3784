#!/usr/bin/env bash
# The TypeScript SDK's generated layer: clients/typescript/src/gen (messages and service
# descriptors, from proto/ with protoc-gen-es 2.13.0 under buf 1.75.0) and
# clients/typescript/src/rest/schema.ts (the REST types, from clients/openapi.json with
# openapi-typescript 7.13.0). Both generators are pinned by clients/typescript's
# package-lock.json and installed with `npm ci` when missing. With OUT, writes there instead
# (OUT/gen and OUT/rest/schema.ts; the freshness check compares them with the committed tree).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
ensure_buf
ts=clients/typescript
if [ ! -x "$ts/node_modules/.bin/protoc-gen-es" ] || [ ! -x "$ts/node_modules/.bin/openapi-typescript" ]; then
  (cd "$ts" && npm ci --silent --no-audit --no-fund --ignore-scripts)
fi
out=${1:-}
if [ -z "$out" ]; then
  "$BUF" generate --template "$ts/buf.gen.yaml"
  schema=$ts/src/rest/schema.ts
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$BUF" generate --template "$ts/buf.gen.yaml" -o "$tmp"
  mkdir -p "$out/rest"
  cp -r "$tmp/$ts/src/gen" "$out/gen"
  schema=$out/rest/schema.ts
fi
"$ts/node_modules/.bin/openapi-typescript" clients/openapi.json -o "$schema" >/dev/null
