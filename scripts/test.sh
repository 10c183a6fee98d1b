#!/usr/bin/env bash
# The test command: makes sure RabbitMQ runs (starting or installing it if
# needed), then runs every test: unit, integration (against the broker),
# golden, property and doc tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-rabbitmq.sh
cargo test --all-targets "$@"
cargo test --doc "$@"
