#!/usr/bin/env bash
# Optional (not part of scripts/test.sh): Lighthouse performance, accessibility and best-practices
# scores of the release build, for the app and its embed mode, mobile and desktop.
#   scripts/lighthouse.sh            build dist/ (trunk build --release) then audit it
#   scripts/lighthouse.sh DIST_DIR   audit an existing build
# Lighthouse 12.8.2 (13.x needs Node 22) is installed on first use into scripts/lighthouse/
# (npm, outside tests/e2e's lockfile: one of its dependencies asks for the moving "latest" tag).
# LH_PAGES="/ /?embed=1" and LH_PRESETS="mobile desktop" choose what is audited.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_OFFLINE=true CARGO_NET_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true

if [ $# -ge 1 ]; then
  DIST="$(cd "$1" && pwd)"
else
  bash "$ROOT/scripts/setup.sh" </dev/null
  trunk build --release --locked
  DIST="$ROOT/dist"
fi
if [ ! -x scripts/lighthouse/node_modules/.bin/lighthouse ]; then
  (cd scripts/lighthouse && npm install --no-audit --no-fund --no-package-lock)
fi
node scripts/lighthouse/run.mjs "$DIST"
