#!/usr/bin/env bash
# Optional (not part of scripts/test.sh): fuzzes the analyser with cargo-fuzz for a fixed budget.
#
#   scripts/fuzz.sh [SECONDS]      default 120; FUZZ_MAX_LEN=N for longer inputs (default 4096)
#
# Target `analyze` (fuzz/fuzz_targets/analyze.rs): any bytes, decoded lossily, through
# loupe::analyze (determinism, JSON round trip) and loupe::analyze_limited; every schema invariant
# of tests/common/mod.rs is asserted, with debug assertions and overflow checks on. Needs the
# nightly toolchain (installed with rustup if missing) and cargo-fuzz (installed from crates.io if
# missing). The corpus (fuzz/corpus/analyze, gitignored) is seeded from tests/fixtures and
# tests/fuzz_regressions. libFuzzer runs in fork mode and keeps going after a crash until the
# budget is spent; every crash, timeout or out-of-memory input is copied to
# tests/fuzz_regressions/, which `cargo test --test fuzz_regressions` replays natively.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECS="${1:-120}"
[[ "$SECS" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

CORPUS="fuzz/corpus/analyze"
ARTIFACTS="fuzz/artifacts/analyze"
REGR="tests/fuzz_regressions"
mkdir -p "$CORPUS" "$ARTIFACTS" "$REGR"
for f in tests/fixtures/*.txt "$REGR"/*; do
  [ -f "$f" ] && [ "$(basename "$f")" != README.md ] || continue
  cp "$f" "$CORPUS/seed-$(basename "$f")"
done
[ -d ../shared/seeds ] && for f in ../shared/seeds/*.txt; do cp "$f" "$CORPUS/shared-$(basename "$f")"; done

LOG="$(mktemp "${TMPDIR:-/tmp}/loupe-fuzz.XXXXXX.log")"
echo "[fuzz] target analyze for ${SECS}s; corpus $CORPUS ($(ls "$CORPUS" | wc -l) files); log $LOG"
t0=$SECONDS
rc=0
# -s none: pure safe Rust, AddressSanitizer would only halve the speed. -a: debug assertions.
cargo +nightly fuzz run -s none -a analyze "$CORPUS" -- \
  -artifact_prefix="$ARTIFACTS/" -max_total_time="$SECS" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 \
  -rss_limit_mb=2048 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -print_final_stats=1 >"$LOG" 2>&1 || rc=$?
echo "[fuzz] libFuzzer exited with $rc after $((SECONDS - t0))s"
grep -E '^#[0-9]+' "$LOG" | tail -1 | sed 's/^/[fuzz] last status: /' || true
grep -E 'stat::number_of_executed_units|INFO: fuzzed for' "$LOG" | tail -2 | sed 's/^/[fuzz] /' || true

new=0
for f in "$ARTIFACTS"/crash-* "$ARTIFACTS"/timeout-* "$ARTIFACTS"/oom-* "$ARTIFACTS"/leak-*; do
  [ -f "$f" ] || continue
  dest="$REGR/$(basename "$f")"
  if [ ! -e "$dest" ]; then
    cp "$f" "$dest"
    new=$((new + 1))
    echo "[fuzz] new failing input kept as $dest"
  fi
done
if ((new)); then
  echo "[fuzz] $new new failing input(s): replay with  cargo test --test fuzz_regressions"
  exit 1
fi
if grep -q 'ERROR: libFuzzer\|error\[' "$LOG" && ((rc != 0)); then
  echo "[fuzz] the fuzzer failed without a failing input; see $LOG" >&2
  tail -20 "$LOG" >&2
  exit 1
fi
echo "[fuzz] no failing input"
