#!/usr/bin/env bash
# The test command: makes sure RabbitMQ runs (starting or installing it if
# needed) and that the browser test has Chromium, node and playwright-core,
# then runs every test: unit, integration (against the broker), browser,
# golden, property and doc tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-rabbitmq.sh
scripts/ensure-browser.sh
cargo test --all-targets "$@"
cargo test --doc "$@"
