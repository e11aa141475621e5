#!/usr/bin/env bash
# A release archive of Gazette for the machine it runs on: builds the release
# binary (`cargo build --release --locked`) and writes
#   dist/gazette-<version>-<target-triple>.tar.gz
# holding gazette-<version>-<target-triple>/ with the binary, README.md and
# LICENSE, then dist/SHA256SUMS (`sha256sum -c SHA256SUMS` checks it) over
# every archive in dist/. The version is Cargo.toml's, the target triple
# rustc's host (or $TARGET, built with `--target`). dist/ is git-ignored.
#
# Usage: scripts/release.sh            (TARGET=aarch64-unknown-linux-gnu for another target)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
[ -n "$VERSION" ] || { echo "release: no version in Cargo.toml" >&2; exit 1; }
HOST="$(rustc -vV | sed -n 's/^host: //p')"
TARGET="${TARGET:-$HOST}"

if [ "$TARGET" = "$HOST" ]; then
  cargo build --release --locked
  BIN_DIR="target/release"
else
  cargo build --release --locked --target "$TARGET"
  BIN_DIR="target/$TARGET/release"
fi
EXE=gazette
case "$TARGET" in *windows*) EXE=gazette.exe ;; esac

NAME="gazette-$VERSION-$TARGET"
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/gazette-release.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
mkdir "$STAGE/$NAME"
cp "$BIN_DIR/$EXE" README.md LICENSE "$STAGE/$NAME/"

mkdir -p dist
# the same bytes for the same binary: sorted names, fixed owner and date
tar --sort=name --owner=0 --group=0 --numeric-owner \
  --mtime="@${SOURCE_DATE_EPOCH:-0}" -C "$STAGE" -cf - "$NAME" |
  gzip -n -9 >"dist/$NAME.tar.gz"

(cd dist && sha256sum -- *.tar.gz >SHA256SUMS)
echo "dist/$NAME.tar.gz"
cat dist/SHA256SUMS
