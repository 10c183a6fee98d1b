#!/usr/bin/env bash
# The cluster failover test (issue 15): starts the 3-node RabbitMQ test
# cluster (scripts/rabbitmq-cluster.sh; the system broker on 5672 is not
# touched), runs the fault suite's cluster-failover scenario against it
# and stops the cluster again, also when the scenario fails. A cluster
# that was already running is left running.
#
#   scripts/cluster-failover.sh                          # 5,000 corpus articles at 100/s
#   scripts/cluster-failover.sh --cluster-articles 2000 --report target/cluster.md
#
# Options go to the fault suite (examples/fault_suite/main.rs). Prints the
# suite's markdown table and exits non-zero on any lost article, a worker
# that took over 30 s to consume again after a node stop, or another
# broken promise. Takes about 3 to 4 minutes here (cluster start 1 to 2
# minutes on the shared 2-core machine, the scenario about a minute, stop
# under a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/usr/lib/rabbitmq/bin"
target="${CARGO_TARGET_DIR:-target}"

if ! command -v rabbitmq-server >/dev/null; then
    # Installs RabbitMQ (and starts the system broker) on a fresh machine.
    scripts/ensure-rabbitmq.sh
fi
cargo build --release --quiet --bin quotewire --example fault_suite

if scripts/rabbitmq-cluster.sh status >/dev/null 2>&1; then
    echo "The test cluster is running already; it stays up afterwards."
else
    trap 'scripts/rabbitmq-cluster.sh stop' EXIT
    scripts/rabbitmq-cluster.sh start
fi

"$target/release/examples/fault_suite" \
    --bin "$target/release/quotewire" \
    --corpus ../shared/corpus/news.jsonl \
    --samples samples/articles.jsonl \
    --cluster-script scripts/rabbitmq-cluster.sh \
    cluster-failover "$@"
