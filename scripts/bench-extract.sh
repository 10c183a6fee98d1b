#!/usr/bin/env bash
# `quotewire extract` throughput over the corpus (docs/performance.md,
# "Extraction speed"): one core, alternating with another build, and
# --jobs 2 against --jobs 1 with peak RSS.
#
#   scripts/bench-extract.sh [OTHER_BINARY]
#
# OTHER_BINARY (e.g. a build of the commit before a change) runs in the
# same rounds as target/release/quotewire, alternately; both on CPU 0 only.
# Output: one line per run (the binary's own summary, with MB/s of input)
# and the sha256 of each output, which must all be equal.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${QUOTEWIRE_CORPUS:-../shared/corpus/news.jsonl}"
rounds="${ROUNDS:-3}"
new=target/release/quotewire
other="${1:-}"
cargo build --release --bin quotewire >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "# one core (taskset -c 0), $rounds alternating rounds, $corpus"
for r in $(seq "$rounds"); do
    if [ -n "$other" ]; then
        taskset -c 0 "$other" extract "$corpus" >"$out/other" 2>"$out/err"
        echo "round $r other: $(tail -1 "$out/err") sha256 $(sha256sum <"$out/other" | cut -c1-16)"
    fi
    taskset -c 0 "$new" extract --jobs 1 "$corpus" >"$out/new" 2>"$out/err"
    echo "round $r new:   $(tail -1 "$out/err") sha256 $(sha256sum <"$out/new" | cut -c1-16)"
done

echo "# --jobs 1 vs --jobs 2 (all cores), $rounds alternating rounds"
for r in $(seq "$rounds"); do
    for j in 1 2; do
        /usr/bin/time -v "$new" extract --jobs "$j" "$corpus" >"$out/j$j" 2>"$out/err"
        echo "round $r --jobs $j: $(grep '^quotewire:' "$out/err")" \
            "| wall $(grep 'Elapsed (wall' "$out/err" | awk '{print $NF}')" \
            "cpu $(grep 'Percent of CPU' "$out/err" | awk '{print $NF}')" \
            "user $(grep 'User time' "$out/err" | awk '{print $NF}') s" \
            "maxrss $(grep 'Maximum resident' "$out/err" | awk '{print $NF}') kB" \
            "sha256 $(sha256sum <"$out/j$j" | cut -c1-16)"
    done
done
echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"
