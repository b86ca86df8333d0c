#!/usr/bin/env bash
# Installs what Loupe needs to build, run and test, and only what is missing: a re-run is a no-op.
# Target: a fresh Debian 12 machine that reaches only crates.io, PyPI, Debian apt and npm (Rust via
# rustup is expected to be present). Nothing is downloaded from GitHub or other sites: Trunk runs
# offline and every tool comes from a package registry.
#
#   apt    chromium, chromium-driver (wasm-bindgen-test and e2e), brotli (size report)
#   rustup wasm32-unknown-unknown target, rustfmt, clippy
#   cargo  trunk 0.21.14, wasm-bindgen-cli 0.2.130 (== the `wasm-bindgen = "=0.2.130"` pin)
#   npm    tests/e2e: playwright-core (drives the system Chromium) and binaryen 132 (wasm-opt)
#   cargo fetch: every crate, so builds and tests then run with CARGO_NET_OFFLINE=true
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION=0.21.14          # 0.22.x needs rustc >= 1.96.1
WASM_BINDGEN_VERSION=0.2.130   # must equal the "=0.2.130" pin in Cargo.toml
NODE_MAJOR_MIN=20              # playwright-core needs Node >= 20
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

t0=$SECONDS
last=$SECONDS
lap() {
  echo "[setup] $1: $((SECONDS - last))s (total $((SECONDS - t0))s)"
  last=$SECONDS
}
die() {
  echo "[setup] error: $*" >&2
  exit 1
}

# ---- 1. apt packages ------------------------------------------------------------------------
# NOT Debian's `binaryen`: its wasm-opt 108 silently breaks wasm-bindgen 0.2.130 output.
want=(chromium chromium-driver brotli)
command -v python3 >/dev/null || want+=(python3)
command -v cc >/dev/null || want+=(build-essential pkg-config)
command -v node >/dev/null || want+=(nodejs)
command -v npm >/dev/null || want+=(npm)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[setup] apt: installing ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: apt-get install ${missing[*]}"
    if [ -t 0 ]; then SUDO=(sudo); else SUDO=(sudo -n); fi # no stdin (CI): never prompt
  fi
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
((node_major >= NODE_MAJOR_MIN)) \
  || die "Node.js >= $NODE_MAJOR_MIN is required (found $(node --version 2>/dev/null || echo none))"
lap apt

# ---- 2. Rust toolchain pieces -----------------------------------------------------------------
command -v cargo >/dev/null && command -v rustup >/dev/null \
  || die "Rust (rustup + cargo) is required: https://rustup.rs"
rust_minor=$(rustc --version | sed -E 's/^rustc 1\.([0-9]+).*/\1/')
((rust_minor >= 88)) || die "rustc >= 1.88 is required (found $(rustc --version))"
rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done
lap rustup

# ---- 3. cargo-installed tools (version-checked) ----------------------------------------------
trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION" \
  || cargo install trunk --version "$TRUNK_VERSION" --locked
lap trunk
# No --locked: wasm-bindgen-cli's lockfile pins a crate version the registry does not serve.
wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION" \
  || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
lap wasm-bindgen-cli

# ---- 4. npm: playwright-core + binaryen (wasm-opt), exact versions from package-lock.json -------
cd "$ROOT/tests/e2e"
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node_modules/.bin/wasm-opt --version | grep -q "version 132" || die "wasm-opt is not binaryen 132"
cd "$ROOT"
lap npm

# ---- 5. crates: everything the lockfile names, for all targets -------------------------------
cargo fetch --locked --offline >/dev/null 2>&1 || cargo fetch --locked
lap cargo-fetch

echo "[setup] $(rustc --version) | $(trunk --version) | $(wasm-bindgen --version)" \
  "| wasm-opt $(tests/e2e/node_modules/.bin/wasm-opt --version | cut -d' ' -f3)" \
  "| node $(node --version)"
echo "[setup] $(chromium --version 2>/dev/null | head -1) | $(chromedriver --version | cut -d' ' -f1-2)"
echo "[setup] done in $((SECONDS - t0))s"
