#!/usr/bin/env bash
# The fault-injection suite (issue 6): kill -9, connection cuts, poison
# messages, a slow downstream and a broker restart, against the local
# RabbitMQ and the release binary. Each scenario checks that no article is
# lost (its complete event set is in the output queue, or it is in the
# dead-letter queue with a reason), prints a markdown table and exits
# non-zero on any loss or broken promise.
#
#   scripts/fault-suite.sh                      # every scenario, broker-restart last
#   scripts/fault-suite.sh kill9 poison         # some of them
#   FAULT_SEED=42 scripts/fault-suite.sh kill9  # repeat a run's random kill points
#
# Scenarios: kill9 conn-cut poison slow-downstream slow-downstream-dl5 broker-restart.
# Options after the scenarios go to the suite (e.g. --articles 2000, --kills 5,
# --report FILE); see examples/fault_suite/main.rs.
#
# Needs rabbitmqctl on the PATH (connection cuts, policies, the restart).
# The broker-restart scenario restarts the broker application (stop_app /
# start_app): it waits up to --restart-guard-secs (default 120) for other
# clients to disconnect and fails without restarting if they do not. Run it
# only where nobody else uses the broker (in CI: after every other test).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/usr/lib/rabbitmq/bin"
target="${CARGO_TARGET_DIR:-target}"

scripts/ensure-rabbitmq.sh
cargo build --release --quiet --bin quotewire --example fault_suite

corpus=../shared/corpus/news.jsonl
exec "$target/release/examples/fault_suite" \
    --bin "$target/release/quotewire" \
    --corpus "$corpus" \
    --samples samples/articles.jsonl \
    "$@"
