#!/usr/bin/env bash
# Makes sure the browser test (tests/inspect_page.rs) can run: Debian's
# headless Chromium, node and npm (apt-get), and playwright-core in
# tests/browser/node_modules (npm ci, from the committed lock file).
# playwright-core drives the system Chromium; no browser is downloaded.
# Quick when everything is there already.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null; then sudo_cmd=(sudo); fi

chromium="${QUOTEWIRE_CHROMIUM:-/usr/bin/chromium}"
missing=()
[[ -x "$chromium" ]] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
    echo "Installing ${missing[*]} with apt-get for the browser test."
    "${sudo_cmd[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [[ ! -f tests/browser/node_modules/playwright-core/package.json ]]; then
    echo "Installing playwright-core for the browser test (npm ci)."
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit --no-fund
fi
echo "Browser test ready: $("$chromium" --version 2>/dev/null || echo "$chromium"), node $(node --version)."
