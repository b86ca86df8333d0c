#!/usr/bin/env bash
# Evaluation against ../shared/eval (seeds and Sequoia): prints the scorer's tables.
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
target/release/loupe --eval "$E/seeds_entities.jsonl" -o "$OUT/seeds_pred.jsonl"
python3 "$E/score.py" "$E/seeds_entities.jsonl" "$OUT/seeds_pred.jsonl" --title "Seeds: entities, all types (exact and overlap)"
echo
python3 "$E/score.py" "$E/seeds_entities.jsonl" "$OUT/seeds_pred.jsonl" --types PER,ORG,LOC --title "Seeds: PER/ORG/LOC"
echo
python3 scripts/score_layers.py "$E/seeds" "$OUT/seeds_pred.jsonl" ${1:+"$1"}
echo
target/release/loupe --eval "$E/sequoia_ner.jsonl" -o "$OUT/sequoia_pred.jsonl"
python3 "$E/score.py" "$E/sequoia_ner.jsonl" "$OUT/sequoia_pred.jsonl" --types PER,ORG,LOC --title "Sequoia: PER/ORG/LOC (spaCy fr_core_news_md: 67.6 exact F1)"
echo
python3 "$E/score.py" "$E/sequoia_ner.jsonl" "$OUT/sequoia_pred.jsonl" --title "Sequoia: all types"
t1=$(date +%s.%N)
printf 'eval: done in %.1fs; predictions in %s\n' "$(echo "$t1 - $t0" | bc -l 2>/dev/null || echo 0)" "$OUT"
