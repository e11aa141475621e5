#!/usr/bin/env bash
# Installs what the browser tests drive, from this repository alone:
# Debian's Chromium (apt, with sudo when not root) when /usr/bin/chromium is
# missing, and playwright-core and axe-core (the accessibility rules the
# studio's test runs) at the versions pinned by
# tests/browser/package-lock.json (`npm ci` into tests/browser/node_modules,
# git-ignored). Re-running is cheap: what is already there is kept.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEPS="$ROOT/tests/browser"
log() { echo "[browser-deps] $*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x /usr/bin/chromium ]; then
  log "apt-get install chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi

# npm ci again when the lockfile changed since the last install (npm keeps
# its own copy of it in node_modules/.package-lock.json).
if [ ! -d "$DEPS/node_modules/playwright-core" ] \
  || [ "$DEPS/package-lock.json" -nt "$DEPS/node_modules/.package-lock.json" ]; then
  log "npm ci in tests/browser"
  (cd "$DEPS" && npm ci --no-audit --no-fund --loglevel=error)
fi
