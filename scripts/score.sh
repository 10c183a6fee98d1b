#!/usr/bin/env bash
# Scores `quotewire extract` against the evaluation sets in ../shared/eval.
# Usage: scripts/score.sh [seed|samples|news|dev|train|all] [score.py options]
#   seed     the reference article (speech, the default settings)
#   samples  the project's own sample articles (default settings)
#   news     news dev: who-said-what in web and BBC news (default settings,
#            speech only, as the gold counts only speech)
#   dev      PolNeAR dev, with --attributions all (PolNeAR annotates beliefs,
#            stances and evidence too)
#   train    PolNeAR train, with --attributions all
#   all      seed, samples, news and dev
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${QUOTEWIRE_EVAL:-../shared/eval}
BIN=${QUOTEWIRE_BIN:-target/release/quotewire}
which=${1:-all}; shift || true
# run NAME ARTICLES GOLD "EXTRACT OPTIONS" [score.py options]
run() {
  local name=$1 articles=$2 gold=$3 opts=$4; shift 4
  local out; out=$(mktemp)
  # shellcheck disable=SC2086 # $opts is a list of options
  "$BIN" extract -q $opts "$articles" > "$out"
  echo "== $name${opts:+ ($opts)}"
  python3 "$EVAL/score.py" "$gold" "$out" "$@"
  rm -f "$out"
}
case $which in
  seed|all) run seed "$EVAL/seed/articles.jsonl" "$EVAL/seed/gold.jsonl" "" "$@" ;;&
  samples|all) run samples samples/articles.jsonl samples/gold.jsonl "" "$@" ;;&
  news|all) run "news dev" "$EVAL/news/dev_articles.jsonl" "$EVAL/news/dev_gold.jsonl" "" "$@" ;;&
  dev|all) run "polnear dev" "$EVAL/polnear/dev_articles.jsonl" "$EVAL/polnear/dev_gold.jsonl" "--attributions all" "$@" ;;&
  train) run "polnear train" "$EVAL/polnear/train_articles.jsonl" "$EVAL/polnear/train_gold.jsonl" "--attributions all" "$@" ;;
  seed|samples|news|dev|all) ;;
  *) echo "usage: $0 [seed|samples|news|dev|train|all] [score.py options]" >&2; exit 2 ;;
esac
