#!/usr/bin/env bash
# Runs every test of Gazette. The browser test drives Debian's Chromium
# through playwright-core, which the validators' install script provides
# (apt and npm packages; needs root). It is installed first when missing, so
# this one command works on a fresh machine with Rust, Python and Node.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ORACLES="${ORACLES:-$ROOT/../shared/oracles}"
ORACLES_HOME="${ORACLES_HOME:-/opt/oracles}"
if [ ! -x /usr/bin/chromium ] || [ ! -d "$ORACLES_HOME/node/node_modules/playwright-core" ]; then
  bash "$ORACLES/install.sh"
fi
cd "$ROOT"
exec cargo test "$@"
