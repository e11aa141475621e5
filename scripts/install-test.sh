#!/usr/bin/env bash
# The two ways README's "Install" gives, tried as a user would, far from the
# sources: `cargo install --locked --path .` into a temporary root, and the
# Python wheel (`pip wheel .`, maturin from PyPI) installed into a fresh
# virtual environment. Each installed `gazette` is then run from a temporary
# folder outside the repository, with a PATH of its own bin folder and the
# system's (no ~/.cargo/bin): --version, init, build, check, and serve with
# a page fetched over HTTP. Any failing step stops the script with its name.
# With the wheel, the pipelines `gazette init --ci gitlab|github` writes are
# then run against a fresh site, their own `pip install` line installing
# that wheel (tests/integration/pipelines.rs, ignored by a plain cargo test).
#
# Usage: scripts/install-test.sh [cargo|wheel]...  (both when none is named)
# Needs Rust and Python 3 with venv (to build), curl (to fetch the page);
# installs cmake and nasm (libavif and libaom are built from C) when missing.
# KEEP=1 keeps the temporary folder for a look afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-install.XXXXXX")"
SERVER=""
SYSTEM_PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi
  if [ "${KEEP:-}" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

step() { printf '\n-- %s\n' "$*"; }
fail() { printf 'install-test: FAILED: %s\n' "$*" >&2; exit 1; }

# Both installs build libavif and libaom (the AVIF encoder) from C: cmake,
# and nasm for libaom's SIMD, from apt when missing.
bash "$ROOT/scripts/build-deps.sh"

VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
[ -n "$VERSION" ] || fail "no version in Cargo.toml"

# `gazette serve --port 0` in the current folder: waits for the address it
# prints, fetches the home page, and stops the server.
try_serve() {
  local log="$1" url="" i
  gazette serve --port 0 >"$log" 2>&1 &
  SERVER=$!
  for i in $(seq 1 120); do
    url="$(grep -oE 'http://[^ /]+:[0-9]+/' "$log" | head -n 1 || true)"
    [ -n "$url" ] && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$log" >&2; fail "gazette serve stopped before serving"; }
    sleep 0.5
  done
  [ -n "$url" ] || { cat "$log" >&2; fail "gazette serve printed no address in 60 s"; }
  echo "served at $url"
  curl -fsS --max-time 10 "$url" -o "$log.page" || fail "fetching $url"
  grep -q '<html' "$log.page" || fail "$url did not answer with an HTML page"
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}

# Runs the installed `gazette` of bin folder $1 from a new folder $2.
try_installed() {
  local bin="$1" dir="$2"
  mkdir -p "$dir"
  (
    # a failing step leaves no server behind
    trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi' EXIT
    cd "$dir"
    export PATH="$bin:$SYSTEM_PATH"
    [ "$(command -v gazette)" = "$bin/gazette" ] || fail "gazette on PATH is not $bin/gazette"
    step "gazette --version"
    gazette --version | tee version.txt
    grep -qF "$VERSION" version.txt || fail "gazette --version does not say $VERSION"
    step "gazette init site"
    gazette init site
    cd site
    step "gazette build"
    gazette build
    [ -f output/index.html ] || fail "gazette build wrote no output/index.html"
    step "gazette check"
    gazette check
    step "gazette serve --port 0, one page fetched"
    try_serve "$dir/serve.log"
  )
}

try_cargo_install() {
  step "cargo install --locked --path . --root <temp>"
  # --path builds in the project's target/ folder: after `cargo build --release`, this only links
  cargo install --locked --path "$ROOT" --root "$WORK/cargo-root"
  try_installed "$WORK/cargo-root/bin" "$WORK/cargo-use"
}

try_wheel() {
  step "pip wheel . (maturin from PyPI, in a virtual environment)"
  python3 -m venv "$WORK/build-venv"
  "$WORK/build-venv/bin/pip" wheel --no-deps "$ROOT" -w "$WORK/wheels"
  local wheels=("$WORK"/wheels/gazette_newsroom-"$VERSION"-*.whl)
  [ "${#wheels[@]}" = 1 ] && [ -f "${wheels[0]}" ] || fail "expected one wheel gazette_newsroom-$VERSION-*.whl in $WORK/wheels"
  echo "wheel: $(basename "${wheels[0]}")"
  step "pip install of the wheel into a fresh virtual environment (no index, no sources)"
  python3 -m venv "$WORK/venv"
  (cd "$WORK" && "$WORK/venv/bin/pip" install --no-index "${wheels[0]}")
  try_installed "$WORK/venv/bin" "$WORK/wheel-use"
  step "the pipelines of gazette init --ci run on a fresh site, installing the wheel (tests/integration/pipelines.rs)"
  (cd "$ROOT" && GAZETTE_WHEELS="$WORK/wheels" cargo test --locked --test integration pipelines:: -- --ignored) \
    || fail "the pipelines of gazette init --ci"
}

[ "$#" -gt 0 ] || set -- cargo wheel
for what in "$@"; do
  case "$what" in
    cargo) try_cargo_install ;;
    wheel) try_wheel ;;
    *) fail "unknown install '$what' (cargo or wheel)" ;;
  esac
done
printf '\ninstall-test: %s installed and used from %s\n' "$*" "$WORK"
