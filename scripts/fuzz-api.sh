#!/usr/bin/env bash
# Fuzzes `quotewire serve` against its own OpenAPI document with
# schemathesis (from PyPI, in a venv under target/): every check
# (`--checks all`: no 5xx, status codes, content types and response bodies
# as documented, valid bodies accepted, invalid ones rejected, 405 for
# undocumented methods), first with schema-valid then with schema-violating
# requests. Fails unless schemathesis passes and at least MIN_REQUESTS
# requests were sent, none answered with a 5xx.
#
# Usage: scripts/fuzz-api.sh
# Environment: POSITIVE (900) and NEGATIVE (500) examples per operation,
# SEED (1), MIN_REQUESTS (1000), SCHEMATHESIS_VERSION (4.32.5).
# Takes about a minute after the first run (which installs schemathesis).
set -euo pipefail
cd "$(dirname "$0")/.."

positive="${POSITIVE:-900}"
negative="${NEGATIVE:-500}"
seed="${SEED:-1}"
min_requests="${MIN_REQUESTS:-1000}"
version="${SCHEMATHESIS_VERSION:-4.32.5}"
venv=target/schemathesis-venv
report=target/fuzz-api

if ! "$venv/bin/st" --version 2>/dev/null | grep -q "$version"; then
    echo "Installing schemathesis $version into $venv."
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis==$version"
fi

cargo build --quiet --bin quotewire
rm -rf "$report"
mkdir -p "$report"
log="$report/serve.log"
QUOTEWIRE__LOG__FORMAT=text target/debug/quotewire serve --listen 127.0.0.1:0 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
addr=""
for _ in $(seq 1 100); do
    addr=$(sed -n 's|.*inspect page on http://\([^/]*\)/.*|\1|p' "$log" | head -1)
    [[ -n "$addr" ]] && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$addr" ]] || { echo "error: quotewire serve did not start" >&2; cat "$log" >&2; exit 1; }
echo "quotewire serve on http://$addr/"

status=0
for mode in positive negative; do
    examples=$positive
    [[ "$mode" == negative ]] && examples=$negative
    echo "== schemathesis, $mode data, up to $examples examples per operation"
    # From target/fuzz-api, where schemathesis keeps its .schemathesis cache.
    (cd "$report" && "../../$venv/bin/st" run "http://$addr/openapi.json" \
        --checks all --mode "$mode" --max-examples "$examples" --seed "$seed" \
        --workers 2 --no-color \
        --report har --report-har-path "$mode.har.json") || status=$?
done

"$venv/bin/python" - "$report" "$min_requests" <<'PY'
import collections, glob, json, sys
report, minimum = sys.argv[1], int(sys.argv[2])
entries = []
for path in sorted(glob.glob(f"{report}/*.har.json")):
    entries += json.load(open(path))["log"]["entries"]
by_status = collections.Counter(e["response"]["status"] for e in entries)
extract = collections.Counter(
    e["response"]["status"] for e in entries
    if e["request"]["method"] == "POST" and e["request"]["url"].endswith("/v1/extract"))
server_errors = sum(n for s, n in by_status.items() if s >= 500)
print(f"requests: {len(entries)}; by status: {dict(sorted(by_status.items()))}")
print(f"POST /v1/extract by status: {dict(sorted(extract.items()))}")
print(f"5xx responses: {server_errors}")
if server_errors or len(entries) < minimum:
    print(f"FAILED: need >= {minimum} requests and no 5xx", file=sys.stderr)
    sys.exit(1)
PY
[[ $status -eq 0 ]] || { echo "FAILED: schemathesis found problems (exit $status)" >&2; exit "$status"; }
echo "fuzz-api: passed"
