#!/usr/bin/env bash
# Scores `quotewire extract` against the evaluation sets in ../shared/eval.
# Usage: scripts/score.sh [seed|dev|train|samples|all] [--show-errors N]
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${QUOTEWIRE_EVAL:-../shared/eval}
BIN=${QUOTEWIRE_BIN:-target/release/quotewire}
which=${1:-all}; shift || true
run() {
  local name=$1 articles=$2 gold=$3; shift 3
  local out; out=$(mktemp)
  "$BIN" extract -q "$articles" > "$out"
  echo "== $name"
  python3 "$EVAL/score.py" "$gold" "$out" "$@"
  rm -f "$out"
}
case $which in
  seed|all) run seed "$EVAL/seed/articles.jsonl" "$EVAL/seed/gold.jsonl" "$@" ;;&
  samples|all) run samples samples/articles.jsonl samples/gold.jsonl "$@" ;;&
  dev|all) run "polnear dev" "$EVAL/polnear/dev_articles.jsonl" "$EVAL/polnear/dev_gold.jsonl" "$@" ;;&
  train) run "polnear train" "$EVAL/polnear/train_articles.jsonl" "$EVAL/polnear/train_gold.jsonl" "$@" ;;
  seed|samples|dev|all) ;;
  *) echo "usage: $0 [seed|dev|train|samples|all] [score.py options]" >&2; exit 2 ;;
esac
