#!/usr/bin/env bash
# Budgets, measured and reported in ONE table (issue 6). Not a test: nothing here fails on a
# missed budget; each line says its target and PASS / MISS (or - when there is no target).
#
#   scripts/bench.sh [--no-browser] [--runs N]
#
# Native (release): throughput over each seed (when ../shared/seeds exists) and over a 5 MB
# synthetic article (benches/throughput.rs), the full 10 MB `analyze`, worst-case hostile inputs
# (tests/hostile.rs, ignored tests), peak RSS of the CLI on the 5 MB article (/usr/bin/time -v).
# Browser (headless Chromium, tests/e2e/bench.mjs, release web build): first-load transfer with
# brotli (whole app; HTML + CSS to first paint; page program; engine program), navigation → first
# highlights of a 10 KB paste (cold, loopback and throttled), paste → highlights for 10 KB /
# 100 KB / 1 MB, longest main-thread task and frame gap while analysing 1 MB, memory for a 5 MB
# article; Lighthouse mobile for / and ?embed=1 when installed (scripts/lighthouse.sh).
#
# Environment: CARGO_TARGET_DIR (default target/), LOUPE_DIST (default: dist/, built with
# `trunk build --release` when missing). Run scripts/setup.sh first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_NET_OFFLINE=true TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
DIST="${LOUPE_DIST:-$ROOT/dist}"
browser=1
runs=3
while (($#)); do
  case $1 in
    --no-browser) browser=0 ;;
    --runs) runs=$2; shift ;;
    *) echo "usage: scripts/bench.sh [--no-browser] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done

ROWS="$(mktemp "${TMPDIR:-/tmp}/loupe-bench.XXXXXX")"
LOGS="$(mktemp -d "${TMPDIR:-/tmp}/loupe-bench-logs.XXXXXX")"
trap 'rm -f "$ROWS"' EXIT
# row METRIC VALUE TARGET STATUS
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$ROWS"; }
# pass_if_ge VALUE MIN, pass_if_le VALUE MAX: PASS or MISS (floating point).
pass_if_ge() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t) ? "PASS" : "MISS" }'; }
pass_if_le() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "PASS" : "MISS" }'; }
MBS_TARGET=20

echo "[bench] native throughput (cargo bench --bench throughput)…" >&2
cargo bench --locked --bench throughput >"$LOGS/throughput.log" 2>&1 || {
  cat "$LOGS/throughput.log" >&2
  exit 1
}
# Rows: NAME… BYTES MS MB/s
if [ -d ../shared/seeds ]; then
  while read -r name bytes ms mbs; do
    row "native throughput, $name ($bytes B)" "$mbs MB/s ($ms ms)" "≥ $MBS_TARGET MB/s" "$(pass_if_ge "$mbs" $MBS_TARGET)"
  done < <(awk '$1 == "seed" { print $2, $(NF-2), $(NF-1), $NF }' "$LOGS/throughput.log")
  awk '/^all seeds concatenated/ { print $(NF-2), $(NF-1), $NF }' "$LOGS/throughput.log" | while read -r bytes ms mbs; do
    row "native throughput, all seeds concatenated ($bytes B)" "$mbs MB/s ($ms ms)" "≥ $MBS_TARGET MB/s" "$(pass_if_ge "$mbs" $MBS_TARGET)"
  done
else
  row "native throughput, seeds" "skipped: ../shared/seeds absent" "≥ $MBS_TARGET MB/s" "-"
fi
read -r bytes5 ms5 mbs5 < <(awk '/^synthetic 5 MB/ { print $(NF-2), $(NF-1), $NF }' "$LOGS/throughput.log")
row "native throughput, synthetic 5 MB article ($bytes5 B)" "$mbs5 MB/s ($ms5 ms)" "≥ $MBS_TARGET MB/s" "$(pass_if_ge "$mbs5" $MBS_TARGET)"

echo "[bench] 10 MB and worst-case inputs (cargo test --release --test hostile -- --ignored)…" >&2
cargo test --locked --release --test hostile -- --ignored --nocapture --test-threads 1 \
  >"$LOGS/hostile.log" 2>&1 || {
  cat "$LOGS/hostile.log" >&2
  exit 1
}
while IFS=$'\t' read -r name bytes ms; do
  mbs=$(awk -v b="$bytes" -v m="$ms" 'BEGIN { printf "%.2f", b / 1e3 / m }')
  case $name in
    "analyze 10 MB") row "native analyze, 10 MB article ($bytes B)" "$ms ms ($mbs MB/s)" "≥ $MBS_TARGET MB/s" "$(pass_if_ge "$mbs" $MBS_TARGET)" ;;
    hostile*) row "native worst case: ${name#hostile } ($bytes B)" "$ms ms ($mbs MB/s)" "-" "-" ;;
  esac
done < <(sed -n 's/.*\[bench\] //p' "$LOGS/hostile.log")

echo "[bench] CLI peak RSS on the 5 MB article…" >&2
cargo build --locked --release --bin loupe >"$LOGS/cli.log" 2>&1 || {
  cat "$LOGS/cli.log" >&2
  exit 1
}
ART="$LOGS/article-5mb.txt"
# The same synthetic article as benches/throughput.rs: seeds and fixtures, each repetition's
# lines suffixed " (rep)" so that the duplicate-line chrome rule does not set copies aside.
python3 - "$ART" ../shared/seeds tests/fixtures <<'PY'
import os, sys
out, dirs = sys.argv[1], sys.argv[2:]
texts = []
for d in dirs:
    if os.path.isdir(d):
        texts += [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d)) if f.endswith(".txt")]
allt = "\n\n".join(texts)
parts, n, rep = [], 0, 0
while n < 5_000_000:
    for line in allt.split("\n"):
        s = line + (f" ({rep})" if line.strip() else "") + "\n"
        parts.append(s)
        n += len(s.encode())
    parts.append("\n")
    n += 1
    rep += 1
open(out, "w", encoding="utf-8").write("".join(parts))
PY
/usr/bin/time -v "$TARGET/release/loupe" --compact "$ART" >/dev/null 2>"$LOGS/time.log"
rss_kb=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$LOGS/time.log")
wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$LOGS/time.log")
rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
row "native memory, CLI on the 5 MB article ($(stat -c%s "$ART") B)" "peak RSS $rss_mb MB (wall $wall, JSON included)" "≤ 256 MB (proposed)" "$(pass_if_le "$rss_mb" 256)"

if ((browser)); then
  if [ ! -f "$DIST/index.html" ]; then
    echo "[bench] building the web app (trunk build --release)…" >&2
    trunk build --release --locked --dist "$DIST" >"$LOGS/trunk.log" 2>&1 || {
      cat "$LOGS/trunk.log" >&2
      exit 1
    }
  fi
  echo "[bench] browser budgets (tests/e2e/bench.mjs, headless Chromium)…" >&2
  if (cd tests/e2e && LOUPE_DIST="$DIST" node bench.mjs --runs "$runs") >"$LOGS/browser.log" 2>"$LOGS/browser.err"; then
    sed -n 's/^ROW\t//p' "$LOGS/browser.log" >>"$ROWS"
  else
    cat "$LOGS/browser.err" >&2
    row "browser budgets" "failed: see $LOGS/browser.err" "-" "MISS"
  fi
  # Lighthouse mobile (issue 14: performance ≥ 98 and LCP ≤ 1.5 s for / and ?embed=1), when
  # scripts/lighthouse.sh has installed it.
  if [ -x scripts/lighthouse/node_modules/.bin/lighthouse ]; then
    echo "[bench] Lighthouse mobile (scripts/lighthouse/run.mjs)…" >&2
    if LH_PRESETS=mobile node scripts/lighthouse/run.mjs "$DIST" >"$LOGS/lighthouse.log" 2>&1; then
      # | `/` | mobile | 99 | 100 | 100 | 0.8 s | 1.1 s | 0 ms | 0 |
      while IFS='|' read -r _ pg ff perf _ _ fcp lcp tbt cls _; do
        pg=$(echo "$pg" | tr -d ' `')
        perf=$(echo "$perf" | tr -d ' ')
        lcp_s=$(echo "$lcp" | tr -d ' s')
        ok=$(awk -v p="$perf" -v l="$lcp_s" 'BEGIN { print (p >= 98 && l <= 1.5) ? "PASS" : "MISS" }')
        row "Lighthouse mobile, $pg" "$(echo "performance $perf, LCP$lcp, FCP$fcp, TBT$tbt, CLS$cls" | tr -s ' ' | sed 's/ ,/,/g')" "≥ 98, LCP ≤ 1.5 s" "$ok"
      done < <(grep '^| `.*| mobile |' "$LOGS/lighthouse.log")
    else
      row "Lighthouse mobile" "failed: see $LOGS/lighthouse.log" "≥ 98, LCP ≤ 1.5 s" "MISS"
    fi
  else
    row "Lighthouse mobile" "skipped: run scripts/lighthouse.sh once to install Lighthouse" "≥ 98, LCP ≤ 1.5 s" "-"
  fi
else
  row "browser budgets" "skipped (--no-browser)" "-" "-"
fi

echo
echo "Loupe budgets — $(date -u +%Y-%m-%d), $(nproc) cores, $(rustc --version | cut -d' ' -f1-2)"
{
  printf 'measure\tvalue\ttarget\tresult\n'
  cat "$ROWS"
} | python3 -c '
import sys
rows = [l.rstrip("\n").split("\t") for l in sys.stdin if l.strip()]
w = [max(len(r[i]) for r in rows) for i in range(4)]
line = lambda r: "| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |"
print(line(rows[0]))
print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in rows[1:]:
    print(line(r))
'
echo
echo "[bench] logs in $LOGS"
