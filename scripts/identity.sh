#!/usr/bin/env bash
# Behaviour identity check for refactors: runs a reference `loupe` binary and the current one over
# every fixture, the invented corpus and the evaluation sets, and compares the outputs byte for
# byte. Prints IDENTICAL, or the differing files (and exits 1).
#
# Usage: scripts/identity.sh REF_BINARY [CURRENT_BINARY]
#   REF_BINARY      a `loupe` built before the change (copy it outside the worktree first:
#                   `cargo build --release --bin loupe && cp target/release/loupe /tmp/loupe-ref`)
#   CURRENT_BINARY  default target/release/loupe (built here with `cargo build --release`)
# Inputs (each when present): tests/fixtures/**/*.txt, $LOUPE_CORPUS/doc*.txt through `loupe batch`
# (default /work/notes/corpus), $LOUPE_HALF (default /work/notes/half.txt), and `--eval` on
# $LOUPE_SHARED/eval/{seeds_entities,dev/dev_entities,sequoia_ner}.jsonl (default ../shared).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
REF="${1:?usage: scripts/identity.sh REF_BINARY [CURRENT_BINARY]}"
CUR="${2:-}"
if [ -z "$CUR" ]; then
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  cargo build --quiet --release --bin loupe
  CUR="$ROOT/target/release/loupe"
fi
[ -x "$REF" ] || { echo "identity: $REF is not an executable" >&2; exit 2; }
[ -x "$CUR" ] || { echo "identity: $CUR is not an executable" >&2; exit 2; }
SHARED="${LOUPE_SHARED:-$ROOT/../shared}"
CORPUS="${LOUPE_CORPUS:-/work/notes/corpus}"
HALF="${LOUPE_HALF:-/work/notes/half.txt}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/loupe-identity.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
mkdir -p "$OUT/ref" "$OUT/cur"

names=()
# run NAME ARGS... : both binaries with the same arguments, output to ref/NAME and cur/NAME.
run() {
  local name="$1"
  shift
  "$REF" "$@" > "$OUT/ref/$name" 2> "$OUT/ref/$name.err" || echo "exit $?" >> "$OUT/ref/$name.err"
  "$CUR" "$@" > "$OUT/cur/$name" 2> "$OUT/cur/$name.err" || echo "exit $?" >> "$OUT/cur/$name.err"
  names+=("$name")
}

while IFS= read -r f; do
  run "fixture:${f//\//_}" "$f"
  run "fixture-compact:${f//\//_}" --compact "$f"
done < <(find tests/fixtures -name '*.txt' | LC_ALL=C sort)

if compgen -G "$CORPUS/doc*.txt" > /dev/null; then
  mapfile -t docs < <(printf '%s\n' "$CORPUS"/doc*.txt | LC_ALL=C sort)
  run "batch:corpus" batch --jobs 2 "${docs[@]}"
fi
[ -f "$HALF" ] && run "half" "$HALF"

for set in seeds_entities.jsonl dev/dev_entities.jsonl sequoia_ner.jsonl; do
  [ -f "$SHARED/eval/$set" ] && run "eval:${set//\//_}" --eval "$SHARED/eval/$set"
done

diffs=0
for n in "${names[@]}"; do
  for suffix in "" ".err"; do
    # Batch progress bars go to standard error: only standard output is compared for batch.
    if [ "$suffix" = ".err" ] && [[ "$n" == batch:* ]]; then continue; fi
    if ! cmp -s "$OUT/ref/$n$suffix" "$OUT/cur/$n$suffix"; then
      echo "DIFFERS: $n$suffix"
      diffs=$((diffs + 1))
    fi
  done
done
echo "identity: compared ${#names[@]} outputs ($(du -sh "$OUT/cur" | cut -f1) of JSON)" >&2
if [ "$diffs" -eq 0 ]; then
  echo IDENTICAL
else
  echo "identity: $diffs output(s) differ"
  exit 1
fi
