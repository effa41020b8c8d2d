#!/usr/bin/env bash
# The built site (dist/, as it is hosted) end to end in headless Chromium: serves dist/ on
# 127.0.0.1:$HOSELINE_SITE_PORT (4580) and runs tests/site/walk.mjs against the signature-checking
# test emulator and the test bridge (both started first: scripts/emulator.sh start-test,
# scripts/test-bridge.sh start). Screenshots of every screen and state land in
# .tools/run/screens/ (HOSELINE_SCREENSHOTS).
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
PORT="${HOSELINE_SITE_PORT:-4580}"
[[ -f "$ROOT/dist/index.html" ]] || {
    echo "site-test: no dist/index.html: build the site first (scripts/size-report.sh)" >&2
    exit 1
}
"$HOSELINE_TOOLS/venv/bin/python" -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist" \
    >"$ROOT/.tools/run/site-server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    url_answers "http://127.0.0.1:$PORT/index.html" && break
    sleep 0.1
done
cd "$ROOT"
HOSELINE_SITE_URL="http://127.0.0.1:$PORT/" \
    HOSELINE_PLAYWRIGHT="$HOSELINE_TOOLS/node/node_modules/playwright-core" \
    HOSELINE_SCREENSHOTS="${HOSELINE_SCREENSHOTS:-$ROOT/.tools/run/screens}" \
    node "$ROOT/tests/site/walk.mjs"
