#!/usr/bin/env bash
# The browser tests' local bridge: `hoseline bridge serve` on 127.0.0.1:$HOSELINE_TEST_BRIDGE_PORT
# (4579) writing to the signature-checking test emulator ($HOSELINE_TEST_ENDPOINT), as
# scripts/run.sh runs one for the console. The guided-setup tests create a local pipeline whose
# stream delivers here, then put records and find them in the table.
#
#   scripts/test-bridge.sh start   build the CLI, start the bridge, wait until GET /health answers
#   scripts/test-bridge.sh stop    stop it
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
PORT="${HOSELINE_TEST_BRIDGE_PORT:-4579}"
URL="http://127.0.0.1:$PORT"
ENDPOINT="${HOSELINE_TEST_ENDPOINT:-http://127.0.0.1:${HOSELINE_TEST_PORT:-4577}}"
RUN_DIR="$ROOT/.tools/run"
PID_FILE="$RUN_DIR/test-bridge-$PORT.pid"
LOG_FILE="$RUN_DIR/test-bridge-$PORT.log"

answers() { url_answers "$1"; }

stop() {
    if [[ -f "$PID_FILE" ]]; then
        kill -TERM "$(cat "$PID_FILE")" 2>/dev/null || true
        rm -f "$PID_FILE"
    fi
}

start() {
    stop
    answers "$URL/health" && {
        echo "test-bridge: something already serves $URL: stop it or set HOSELINE_TEST_BRIDGE_PORT" >&2
        exit 1
    }
    mkdir -p "$RUN_DIR"
    (cd "$ROOT" && cargo build --quiet -p hoseline-cli)
    local target_dir
    target_dir="$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps |
        "$HOSELINE_TOOLS/venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
    # The emulator's demo credentials (scripts/emulator.sh); no default table, bucket or key.
    env AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
        AWS_SESSION_TOKEN= AWS_REGION=us-east-1 AWS_ENDPOINT_URL="$ENDPOINT" \
        HOSELINE_REJECT_BUCKET= HOSELINE_ACCESS_KEY= HOSELINE_TABLE= \
        setsid "$target_dir/debug/hoseline" bridge serve --listen "127.0.0.1:$PORT" --allow-no-access-key \
        </dev/null >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 50); do
        answers "$URL/health" && {
            echo "test-bridge: healthy at $URL (writing to $ENDPOINT; log ${LOG_FILE#"$ROOT"/})"
            return
        }
        sleep 0.2
    done
    cat "$LOG_FILE" >&2
    echo "test-bridge: $URL does not answer GET /health" >&2
    stop
    exit 1
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
