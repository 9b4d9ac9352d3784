#!/usr/bin/env bash
# Chart checks, offline: installs the pinned Helm (scripts/install-helm.sh) and
# kubernetes-validate (PyPI) into .tools/ when missing; then for every
# deploy/helm/netweave/ci/*-values.yaml `helm lint --strict` and `helm template |
# kubernetes-validate --strict` against two Kubernetes versions, and every deploy/helm/rejected/*.yaml must be refused by the values schema.
# tests/it/chart.rs checks the rendered objects' invariants with the same helm.
set -euo pipefail
cd "$(dirname "$0")/.."

KUBERNETES_VALIDATE=1.37.0
KUBE_VERSIONS=(1.29.0 1.33.0)
HELM=.tools/bin/helm
export HELM_CACHE_HOME="$PWD/.tools/helm-home" HELM_CONFIG_HOME="$PWD/.tools/helm-home" HELM_DATA_HOME="$PWD/.tools/helm-home"

./scripts/install-helm.sh
if ! PYTHONPATH=.tools/kubernetes-validate python3 -c "import kubernetes_validate, importlib.metadata as m; assert m.version('kubernetes-validate') == '$KUBERNETES_VALIDATE'" >/dev/null 2>&1; then
  echo "installing kubernetes-validate $KUBERNETES_VALIDATE from PyPI into .tools/kubernetes-validate"
  python3 -m pip install --quiet --disable-pip-version-check --target .tools/kubernetes-validate "kubernetes-validate==$KUBERNETES_VALIDATE" \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages --target .tools/kubernetes-validate "kubernetes-validate==$KUBERNETES_VALIDATE"
fi

chart=deploy/helm/netweave
rendered=$(mktemp)
trap 'rm -f "$rendered"' EXIT
k_args=()
for v in "${KUBE_VERSIONS[@]}"; do k_args+=(-k "$v"); done
for values in "$chart"/ci/*-values.yaml; do
  echo "chart: $values"
  "$HELM" lint --strict --quiet "$chart" -f "$values" >/dev/null
  for v in "${KUBE_VERSIONS[@]}"; do
    "$HELM" template netweave "$chart" --namespace netweave --kube-version "$v" -f "$values" > "$rendered"
    PYTHONPATH=.tools/kubernetes-validate python3 -m kubernetes_validate --strict --quiet --no-warn -k "$v" "$rendered"
  done
done
for values in deploy/helm/rejected/*.yaml; do
  if "$HELM" lint --strict --quiet "$chart" -f "$values" >/dev/null 2>&1; then
    echo "chart: $values was accepted; the values schema must refuse it" >&2
    exit 1
  fi
  echo "chart: $values refused, as it must be"
done
