# Shared by the scripts (sourced): pinned tools installed into .tools/ or from Debian when
# missing.
BUF_VERSION=1.75.0
BUF=.tools/node_modules/.bin/buf
# The Go SDK's toolchain and libraries: Debian bookworm's (no Go module proxy is reachable).
# golang-github-golang-protobuf-1-5-dev is named: apt otherwise picks the APIv1 1.3 package.
GO_PACKAGES=(golang-go golang-google-grpc-dev golang-github-golang-protobuf-1-5-dev
  golang-google-protobuf-dev golang-google-genproto-dev protoc-gen-go protoc-gen-go-grpc)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  echo "installing $* from Debian packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_buf() {
  if [ "$("$BUF" --version 2>/dev/null)" != "$BUF_VERSION" ]; then
    echo "installing buf $BUF_VERSION from npm into .tools/"
    npm install --silent --no-audit --no-fund --prefix .tools "@bufbuild/buf@$BUF_VERSION"
  fi
}

ensure_go() {
  local missing=()
  for p in "${GO_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}
