#!/usr/bin/env bash
# Evaluation against ../shared/eval (seeds, dev set by halves, Sequoia): prints the scorer's tables.
# Usage: scripts/eval.sh [--verbose]   (LOUPE_SHARED=/path/to/shared to override ../shared)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SHARED="${LOUPE_SHARED:-$ROOT/../shared}"
if [ ! -f "$SHARED/eval/score.py" ]; then
  echo "eval: no evaluation data at $SHARED/eval (expected ../shared beside this clone)." >&2
  echo "eval: the evaluation data is not part of the repository; nothing was evaluated." >&2
  exit 2
fi
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cargo build --quiet --release --bin loupe
OUT="$ROOT/target/eval"
mkdir -p "$OUT"
E="$SHARED/eval"
t0=$(date +%s.%N)
VERBOSE=""
for arg in "$@"; do
  case "$arg" in
    --verbose) VERBOSE=--verbose ;;
    --per-doc) ;; # per-document tables are always printed (kept for compatibility)
    *) echo "eval: unknown option $arg (use --verbose)" >&2; exit 2 ;;
  esac
done
# ---- seeds (tuned on; saturated) ----
target/release/loupe --eval "$E/seeds_entities.jsonl" -o "$OUT/seeds_pred.jsonl"
python3 "$E/score.py" "$E/seeds_entities.jsonl" "$OUT/seeds_pred.jsonl" --title "Seeds: entities, all types (exact and overlap)"
echo
python3 "$E/score.py" "$E/seeds_entities.jsonl" "$OUT/seeds_pred.jsonl" --types PER,ORG,LOC --title "Seeds: PER/ORG/LOC"
echo
python3 scripts/score_layers.py "$E/seeds" "$OUT/seeds_pred.jsonl" --label "Seeds" --json "$OUT/seeds_layers.json" --per-doc $VERBOSE
echo
# ---- dev set: real news never tuned on as a whole; odd ids = working half, even = check half ----
if [ -f "$E/dev/dev_entities.jsonl" ]; then
  target/release/loupe --eval "$E/dev/dev_entities.jsonl" -o "$OUT/dev_pred.jsonl"
  python3 "$E/score.py" "$E/dev/dev_entities.jsonl" "$OUT/dev_pred.jsonl" --title "Dev (all 32): entities, all types" --json "$OUT/dev_entities.json"
  echo
  for half in odd even; do
    if [ $half = odd ]; then re='[13579]$'; else re='[02468]$'; fi
    python3 "$E/score.py" "$E/dev/dev_entities.jsonl" "$OUT/dev_pred.jsonl" --id-regex "$re" --title "Dev, $half half: entities, all types" --json "$OUT/dev_entities_$half.json"
    echo
    python3 "$E/score.py" "$E/dev/dev_entities.jsonl" "$OUT/dev_pred.jsonl" --id-regex "$re" --types PER,ORG,LOC --title "Dev, $half half: PER/ORG/LOC" --json "$OUT/dev_perorgloc_$half.json"
    echo
  done
  python3 scripts/score_layers.py "$E/dev" "$OUT/dev_pred.jsonl" --label "Dev" --halves --confusion --per-doc --json "$OUT/dev_layers.json" $VERBOSE
  echo
else
  echo "eval: no dev set at $E/dev; skipped"
fi
# ---- Sequoia (general French NER) ----
target/release/loupe --eval "$E/sequoia_ner.jsonl" -o "$OUT/sequoia_pred.jsonl"
python3 "$E/score.py" "$E/sequoia_ner.jsonl" "$OUT/sequoia_pred.jsonl" --types PER,ORG,LOC --title "Sequoia: PER/ORG/LOC (spaCy fr_core_news_md: 67.6 exact F1)"
echo
python3 "$E/score.py" "$E/sequoia_ner.jsonl" "$OUT/sequoia_pred.jsonl" --title "Sequoia: all types"
t1=$(date +%s.%N)
printf 'eval: done in %.1fs; predictions in %s\n' "$(echo "$t1 - $t0" | bc -l 2>/dev/null || echo 0)" "$OUT"
