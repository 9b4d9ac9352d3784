#!/usr/bin/env bash
# The Python SDK's generated layer. netweave_client/_proto: from proto/ with
# grpcio-tools 1.66.2 (its output needs only grpcio>=1.66.2 and protobuf>=5.27.2, the floors
# pyproject.toml declares) with .pyi files for the messages, installed into .tools/venv-gen
# when missing. (mypy-protobuf's typed gRPC stubs need protobuf 6, which grpcio-tools 1.66.2
# does not run on.) Imports of netweave's own protos are rewritten into the
# package (google.api comes from googleapis-common-protos). netweave_client/_rest: the REST
# client generated from clients/openapi.json by openapi-python-client 0.29.1 (sync and async,
# on httpx and attrs), installed into .tools/venv-openapi when missing; no formatter runs on
# its output, so it is the same wherever it is generated. With OUT, writes OUT/_proto and
# OUT/_rest instead (the freshness check compares them with the committed tree).
set -euo pipefail
cd "$(dirname "$0")/.."
GRPCIO_TOOLS_VERSION=1.66.2
OPENAPI_PYTHON_CLIENT_VERSION=0.29.1
VENV=.tools/venv-gen
REST_VENV=.tools/venv-openapi
pkg=clients/python/src/netweave_client
out=${1:-$pkg}

if ! "$VENV/bin/python" -c "from importlib.metadata import version as v; assert v('grpcio-tools') == '$GRPCIO_TOOLS_VERSION'" >/dev/null 2>&1; then
  echo "installing grpcio-tools $GRPCIO_TOOLS_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "grpcio-tools==$GRPCIO_TOOLS_VERSION"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t protos < <(find proto/netweave -name '*.proto' | LC_ALL=C sort)
"$VENV/bin/python" -m grpc_tools.protoc -I proto -I proto/third_party \
  --python_out="$tmp" --pyi_out="$tmp" --grpc_python_out="$tmp" \
  "${protos[@]}"
# Imports of netweave's protos (and the generated classes' module) point into the package;
# every directory is a package. Proto names (in descriptors, method paths) stay as they are.
find "$tmp" -name '*.py' -o -name '*.pyi' | while read -r f; do
  sed -i -E "s/^(from|import) netweave\./\1 netweave_client._proto.netweave./; s/(BuildTopDescriptorsAndMessages\(DESCRIPTOR, ')netweave\./\1netweave_client._proto.netweave./" "$f"
done
find "$tmp" -type d | while read -r d; do
  [ -e "$d/__init__.py" ] || : > "$d/__init__.py"
done
rm -rf "$out/_proto"
mkdir -p "$out"
cp -r "$tmp" "$out/_proto"
chmod -R u+rwX,go+rX "$out/_proto"

if ! "$REST_VENV/bin/python" -c "from importlib.metadata import version as v; assert v('openapi-python-client') == '$OPENAPI_PYTHON_CLIENT_VERSION'" >/dev/null 2>&1; then
  echo "installing openapi-python-client $OPENAPI_PYTHON_CLIENT_VERSION into $REST_VENV"
  python3 -m venv "$REST_VENV"
  "$REST_VENV/bin/pip" install --quiet --disable-pip-version-check "openapi-python-client==$OPENAPI_PYTHON_CLIENT_VERSION"
fi
rm -rf "$out/_rest"
"$REST_VENV/bin/openapi-python-client" generate --path clients/openapi.json --meta none \
  --config clients/python/openapi-python-client.yaml --output-path "$out/_rest" >/dev/null
