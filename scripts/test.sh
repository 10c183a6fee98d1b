#!/usr/bin/env bash
# The test command: makes sure RabbitMQ runs (starting or installing it if
# needed), that the browser test has Chromium, node and playwright-core,
# and that the manifest test has its validators (a venv under target/),
# then runs every test: unit, integration (against the broker), browser,
# golden, manifest, property and doc tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-rabbitmq.sh
scripts/ensure-browser.sh
scripts/ensure-k8s-validate.sh
cargo test --all-targets "$@"
cargo test --doc "$@"
