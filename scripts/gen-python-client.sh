#!/usr/bin/env bash
# The Python SDK's generated layer: clients/python/src/netweave_client/_proto, from proto/ with
# grpcio-tools 1.66.2 (its output needs only grpcio>=1.66.2 and protobuf>=5.27.2, the floors
# pyproject.toml declares) with .pyi files for the messages, installed into .tools/venv-gen
# when missing. (mypy-protobuf's typed gRPC stubs need protobuf 6, which grpcio-tools 1.66.2
# does not run on.) Imports of netweave's own protos are rewritten into the
# package (google.api comes from googleapis-common-protos). With OUT, writes there instead
# (the freshness check compares that with the committed tree).
set -euo pipefail
cd "$(dirname "$0")/.."
GRPCIO_TOOLS_VERSION=1.66.2
VENV=.tools/venv-gen
out=${1:-clients/python/src/netweave_client/_proto}

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
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -r "$tmp" "$out"
chmod -R u+rwX,go+rX "$out"
