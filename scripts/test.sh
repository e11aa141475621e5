#!/usr/bin/env bash
# Runs every test of Gazette (arguments go to `cargo test`). What building
# needs beside Rust (a C compiler, make, cmake, nasm) is installed first by
# scripts/build-deps.sh when missing. The browser
# tests drive Debian's Chromium through playwright-core; both are installed
# first by scripts/browser-deps.sh when missing (Chromium through apt,
# playwright-core pinned by tests/browser/package-lock.json), so this one
# command works in a lone clone on a machine with Rust and Node.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/build-deps.sh"
bash "$ROOT/scripts/browser-deps.sh"
cd "$ROOT"
# The benchmark's own choices (what it compares, which pages, which
# targets): standard library only, no timing.
python3 -m unittest scripts/bench/test_bench.py
cargo test "$@"
# The patched pagefind's own tests (vendor/pagefind/PATCHES.md), as Gazette
# builds it: without its `serve` feature.
exec cargo test -p gazette-pagefind --lib --no-default-features "$@"
