#!/usr/bin/env bash
# End-to-end benchmark against the local RabbitMQ (docs/performance.md).
#
# Builds the release binary and the bench_e2e example, then runs real and
# relay workers (and the other modes) alternately on the same queue
# contents. Extra arguments go to bench_e2e, e.g.
#   scripts/bench-e2e.sh --n 20000 --rounds 5
#   scripts/bench-e2e.sh --modes real,relay --prefetch 64
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-rabbitmq.sh >&2
cargo build --release --bin quotewire --example bench_e2e >&2
target_dir="${CARGO_TARGET_DIR:-target}"
exec "$target_dir/release/examples/bench_e2e" "$@"
