#!/usr/bin/env bash
# Builds and serves the web app with live reload: http://127.0.0.1:8080/ (PORT=… to change).
# Runs scripts/setup.sh first (a no-op when everything is installed); then works offline.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
t0=$SECONDS
bash "$ROOT/scripts/setup.sh"
echo "[run] setup: $((SECONDS - t0))s"

# npm binaryen's wasm-opt 132 first on PATH (pinned in Trunk.toml), then cargo's tools.
export PATH="$ROOT/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_OFFLINE=true CARGO_NET_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
PORT="${PORT:-8080}"
ADDRESS="${ADDRESS:-127.0.0.1}"
echo "[run] serving on http://$ADDRESS:$PORT/ (Ctrl-C to stop)"
exec trunk serve --open=false --address "$ADDRESS" --port "$PORT" "$@"
