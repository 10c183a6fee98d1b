#!/usr/bin/env bash
# Throughput of `quotewire replay` next to a bare lapin publisher with the
# same confirm window (examples/publish_baseline.rs), on the same bodies,
# measured in the same run: both run alternately RUNS times, each into a
# fresh, uniquely named topology (quorum input queue, as configured by
# default), which is checked to hold exactly N messages and then deleted.
#
#   scripts/bench-replay.sh [FILE] [N]
#
# FILE defaults to ../shared/corpus/news.jsonl, N to 5000 (its first N
# lines). Env: AMQP_URL, RUNS (3), WINDOW (1000), CARGO_TARGET_DIR.
# Prints each run, the medians (articles/s) and replay/baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-../shared/corpus/news.jsonl}
N=${2:-5000}
RUNS=${RUNS:-3}
WINDOW=${WINDOW:-1000}
URL=${AMQP_URL:-amqp://guest:guest@127.0.0.1:5672/%2f}
TARGET=${CARGO_TARGET_DIR:-target}

cargo build --quiet --release --bin quotewire --example publish_baseline
QW=$TARGET/release/quotewire
BASE=$TARGET/release/examples/publish_baseline

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
head -n "$N" "$FILE" > "$WORK/bench.jsonl"
echo "bench: $(wc -l < "$WORK/bench.jsonl") articles, $(du -h "$WORK/bench.jsonl" | cut -f1), window $WINDOW, $RUNS runs each"

run_one() { # tool run
    local tool=$1 run=$2 p="qwbench.$$.$2.$1"
    local -a env=(
        QUOTEWIRE__AMQP__URL="$URL" QUOTEWIRE__AMQP__CONNECTION_NAME="$p"
        QUOTEWIRE__INPUT__EXCHANGE="$p.articles" QUOTEWIRE__INPUT__QUEUE="$p.articles.q"
        QUOTEWIRE__OUTPUT__EXCHANGE="$p.statements" QUOTEWIRE__OUTPUT__DECLARE_QUEUE=false
        QUOTEWIRE__DEAD_LETTER__EXCHANGE="$p.dead" QUOTEWIRE__DEAD_LETTER__QUEUE="$p.dead.q"
    )
    env "${env[@]}" "$QW" topology > /dev/null
    local line
    if [ "$tool" = baseline ]; then
        line=$("$BASE" publish "$URL" "$p.articles" replay "$WINDOW" "$WORK/bench.jsonl")
    else
        line=$(env "${env[@]}" "$QW" replay --no-declare --window "$WINDOW" \
            --checkpoint "$WORK/$p.checkpoint.json" --progress-every 600 "$WORK/bench.jsonl" 2>&1 | tail -n 1)
    fi
    local depth
    depth=$("$BASE" count "$URL" "$p.articles.q")
    "$BASE" cleanup "$URL" "queue:$p.articles.q" "queue:$p.dead.q" \
        "exchange:$p.articles" "exchange:$p.dead" "exchange:$p.statements"
    if [ "$depth" != "$N" ]; then
        echo "run $run $tool: queue holds $depth messages, expected $N" >&2
        exit 1
    fi
    local rate
    rate=$(sed -n 's/.*rate=\([0-9.]*\)\/s.*/\1/p' <<< "$line")
    echo "run $run $tool: $rate articles/s  ($line)" >&2
    echo "$tool $rate" >> "$WORK/rates"
}

for run in $(seq 1 "$RUNS"); do
    run_one baseline "$run"
    run_one replay "$run"
done

python3 - "$WORK/rates" <<'PY'
import statistics, sys
rates = {}
for line in open(sys.argv[1]):
    tool, rate = line.split()
    rates.setdefault(tool, []).append(float(rate))
b = statistics.median(rates["baseline"])
r = statistics.median(rates["replay"])
print(f"median baseline: {b:.0f} articles/s  {sorted(rates['baseline'])}")
print(f"median replay:   {r:.0f} articles/s  {sorted(rates['replay'])}")
print(f"ratio replay/baseline: {r / b:.2f}")
PY
