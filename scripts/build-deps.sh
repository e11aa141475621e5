#!/usr/bin/env bash
# Installs what building Gazette needs beside the Rust toolchain, from
# Debian's or Ubuntu's packages (apt, with sudo when not root), when it is
# missing: a C compiler and make (jemalloc, the binary's allocator, is built
# from C), cmake and nasm (libavif and libaom, the AVIF encoder, are built by
# cmake, with nasm for libaom's SIMD). Re-running is cheap: nothing is
# installed when all four are there. On another system, install them with
# its package manager (macOS: `xcode-select --install`, `brew install cmake
# nasm`).
set -euo pipefail
log() { echo "[build-deps] $*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for tool in cc make cmake nasm; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    log "missing: ${missing[*]}; install them with your system's package manager" >&2
    exit 1
  fi
  log "apt-get install build-essential cmake nasm (missing: ${missing[*]})"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends build-essential cmake nasm
fi
