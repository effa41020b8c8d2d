#!/usr/bin/env bash
# Installs whatever is missing and starts the console against the local emulator:
#   1. scripts/setup.sh (only what is missing)
#   2. the dev emulator on 127.0.0.1:4566, signatures checked (scripts/emulator.sh start),
#      health-checked; demo credentials AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
#   3. (later) the local bridge
#   4. trunk serve, offline, on http://127.0.0.1:8080/
# Ctrl-C stops everything this script started (an emulator that was already running stays up).
# Env: HOSELINE_CONSOLE_PORT (8080), HOSELINE_EMULATOR_PORT (4566).
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
cd "$ROOT"

CONSOLE_PORT="${HOSELINE_CONSOLE_PORT:-8080}"
EMULATOR_PORT="${HOSELINE_EMULATOR_PORT:-4566}"
export HOSELINE_EMULATOR_PORT="$EMULATOR_PORT"
CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT/"
EMULATOR_URL="http://127.0.0.1:$EMULATOR_PORT"

say() { echo "run: $*"; }
die() {
    echo "run: error: $*" >&2
    exit 1
}

started_emulator=0
trunk_pid=""

cleanup() {
    trap - INT TERM EXIT
    if [[ -n "$trunk_pid" ]] && kill -0 "$trunk_pid" 2>/dev/null; then
        say "stopping the console (trunk serve, pid $trunk_pid)"
        kill -TERM "$trunk_pid" 2>/dev/null || true
        wait "$trunk_pid" 2>/dev/null || true
    fi
    # LOCAL BRIDGE HOOK (stop): stop the bridge started below, once it exists.
    if ((started_emulator)); then
        "$ROOT/scripts/emulator.sh" stop || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A URL answers 200 (the venv's python: no curl needed).
answers() {
    "$HOSELINE_TOOLS/venv/bin/python" - "$1" <<'EOF' 2>/dev/null
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
EOF
}

"$ROOT/scripts/setup.sh"
[[ -f "$ROOT/index.html" ]] || die "no index.html at the repo root: the console has nothing to serve yet"

# --- the emulator --------------------------------------------------------------------------------
if answers "$EMULATOR_URL/moto-api/"; then
    say "emulator already running at $EMULATOR_URL (left running on exit)"
else
    "$ROOT/scripts/emulator.sh" start
    started_emulator=1
fi
answers "$EMULATOR_URL/moto-api/" || die "the emulator at $EMULATOR_URL does not answer GET /moto-api/"
say "emulator healthy at $EMULATOR_URL"

# --- LOCAL BRIDGE HOOK ---------------------------------------------------------------------------
# A later issue adds `hoseline bridge serve` (crates/cli): start it here in the background, keep
# its pid for cleanup() above, health-check it, and print its URL. Nothing is started for now.
say "local bridge: not started (hoseline bridge serve is not implemented yet)"

# --- the console ---------------------------------------------------------------------------------
if answers "$CONSOLE_URL"; then
    die "something already serves $CONSOLE_URL: stop it or set HOSELINE_CONSOLE_PORT"
fi
cargo fetch --locked --quiet
say "building the console and serving it (trunk serve --offline); the first build takes a few minutes"
trunk serve --offline --address 127.0.0.1 --port "$CONSOLE_PORT" --open false </dev/null &
trunk_pid=$!

until answers "$CONSOLE_URL"; do
    kill -0 "$trunk_pid" 2>/dev/null || {
        wait "$trunk_pid" || true
        trunk_pid=""
        die "trunk serve exited before serving the console"
    }
    sleep 1
done

echo
say "console:  $CONSOLE_URL"
say "emulator: $EMULATOR_URL (region us-east-1, access key AKIAIOSFODNN7EXAMPLE,"
say "          secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY)"
say "Ctrl-C stops everything this script started"
echo

wait "$trunk_pid" || true
trunk_pid=""
