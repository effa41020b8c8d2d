#!/usr/bin/env bash
# Installs whatever is missing and starts the console against the local emulator:
#   1. scripts/setup.sh (only what is missing)
#   2. the dev emulator on 127.0.0.1:4566, signatures checked (scripts/emulator.sh start),
#      health-checked; demo credentials AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
#   3. the local bridge (hoseline bridge serve) on http://127.0.0.1:4599, without an access key
#      (moto's Firehose sends none), writing to the emulator; no default reject bucket nor mapping
#      options: each pipeline's stream names its own (.../tables/<table>?rejects=<bucket>&...)
#   4. trunk serve, offline, on http://127.0.0.1:8080/
# Ctrl-C stops everything this script started (an emulator that was already running stays up).
# Env: HOSELINE_CONSOLE_PORT (8080), HOSELINE_EMULATOR_PORT (4566), HOSELINE_BRIDGE_PORT (4599).
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
cd "$ROOT"

CONSOLE_PORT="${HOSELINE_CONSOLE_PORT:-8080}"
export HOSELINE_CONSOLE_PORT="$CONSOLE_PORT" # the dev emulator admits this console origin
EMULATOR_PORT="${HOSELINE_EMULATOR_PORT:-4566}"
export HOSELINE_EMULATOR_PORT="$EMULATOR_PORT"
CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT/"
EMULATOR_URL="http://127.0.0.1:$EMULATOR_PORT"
BRIDGE_PORT="${HOSELINE_BRIDGE_PORT:-4599}"
BRIDGE_URL="http://127.0.0.1:$BRIDGE_PORT"
DEMO_KEY_ID="AKIAIOSFODNN7EXAMPLE"
DEMO_SECRET="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

say() { echo "run: $*"; }
die() {
    echo "run: error: $*" >&2
    exit 1
}

started_emulator=0
trunk_pid=""
bridge_pid=""

cleanup() {
    trap - INT TERM EXIT
    if [[ -n "$trunk_pid" ]] && kill -0 "$trunk_pid" 2>/dev/null; then
        say "stopping the console (trunk serve, pid $trunk_pid)"
        kill -TERM "$trunk_pid" 2>/dev/null || true
        wait "$trunk_pid" 2>/dev/null || true
    fi
    if [[ -n "$bridge_pid" ]] && kill -0 "$bridge_pid" 2>/dev/null; then
        say "stopping the local bridge (pid $bridge_pid)"
        kill -TERM "$bridge_pid" 2>/dev/null || true
        wait "$bridge_pid" 2>/dev/null || true
    fi
    if ((started_emulator)); then
        "$ROOT/scripts/emulator.sh" stop || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A URL answers 200 (scripts/lib/env.sh).
answers() { url_answers "$1"; }

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

# --- the local bridge ----------------------------------------------------------------------------
# A Firehose stream made on the emulator with the HTTP endpoint URL
# $BRIDGE_URL/tables/<table>?rejects=<bucket> delivers here (moto POSTs inside PutRecordBatch): the
# bridge writes the records into that table of the emulator's DynamoDB and the ones it rejects
# into that bucket. One bridge serves every local pipeline, each with its own bucket and mapping
# options, which the stream's URL names as the pipeline plan writes it (&rejectPrefix=,
# &generateKey=, &ttlAttribute=&ttlDays=, &arrivalAttribute=, &copyCommonAttributes=), so no
# default bucket is set here (HOSELINE_REJECT_BUCKET empty). moto's Firehose sends no access key,
# so the bridge runs without one: local use only.
if answers "$BRIDGE_URL/health"; then
    die "something already serves $BRIDGE_URL: stop it or set HOSELINE_BRIDGE_PORT"
fi
say "building hoseline (cargo build -p hoseline-cli)"
cargo build --quiet -p hoseline-cli
target_dir="$(cargo metadata --format-version 1 --no-deps |
    "$HOSELINE_TOOLS/venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
env AWS_ACCESS_KEY_ID="$DEMO_KEY_ID" AWS_SECRET_ACCESS_KEY="$DEMO_SECRET" AWS_SESSION_TOKEN= \
    AWS_REGION=us-east-1 AWS_ENDPOINT_URL="$EMULATOR_URL" \
    HOSELINE_REJECT_BUCKET= HOSELINE_ACCESS_KEY= HOSELINE_TABLE= \
    "$target_dir/debug/hoseline" bridge serve --listen "127.0.0.1:$BRIDGE_PORT" --allow-no-access-key \
    </dev/null &
bridge_pid=$!
for _ in $(seq 1 50); do
    answers "$BRIDGE_URL/health" && break
    kill -0 "$bridge_pid" 2>/dev/null || {
        wait "$bridge_pid" || true
        bridge_pid=""
        die "the local bridge exited at start-up (see its message above)"
    }
    sleep 0.2
done
answers "$BRIDGE_URL/health" || die "the local bridge at $BRIDGE_URL does not answer GET /health"
say "local bridge healthy at $BRIDGE_URL"

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
say "bridge:   $BRIDGE_URL/tables/<table>?rejects=<bucket>[&generateKey=true&...] (the HTTP"
say "          endpoint URL for a Firehose stream on the emulator, as hoseline apply writes it;"
say "          no access key; rejects to s3://<bucket>/bridge-rejected/ unless &rejectPrefix=)"
say "Ctrl-C stops everything this script started"
echo

wait "$trunk_pid" || true
trunk_pid=""
