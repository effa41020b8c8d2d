#!/usr/bin/env bash
# The local AWS emulators: moto behind the project's CORS front (scripts/emulator/front.py).
#
#   scripts/emulator.sh start              dev emulator, signatures checked, 127.0.0.1:4566
#   scripts/emulator.sh start-test [--fresh]
#                                          test emulators: checked on 4577, unchecked on 4578,
#                                          and one that sends no CORS headers on 4576;
#                                          already running ones are left as they are unless --fresh,
#                                          which restarts them with empty state
#   scripts/emulator.sh stop | stop-test   stop them
#   scripts/emulator.sh status             show what runs
#
# Each start waits until GET /moto-api/ answers 200 (up to 20 s). Logs and pid files: .tools/run/.
# Ports: HOSELINE_EMULATOR_PORT (4566), HOSELINE_TEST_PORT (4577), HOSELINE_TEST_PORT_UNCHECKED (4578),
# HOSELINE_TEST_PORT_NO_CORS (4576).
# Pages admitted (front.py refuses any other Origin): the dev emulator admits the run command's
# console, http://127.0.0.1:$HOSELINE_CONSOLE_PORT and http://localhost:$HOSELINE_CONSOLE_PORT (8080),
# plus the space-separated origins in HOSELINE_CONSOLE_ORIGINS; the test emulators admit the browser
# test runner, which serves its page from a random port of 127.0.0.1.
# Needs the venv from scripts/setup.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$ROOT/.tools/venv/bin/python"
FRONT="$ROOT/scripts/emulator/front.py"
RUN_DIR="$ROOT/.tools/run"
HEALTH_TIMEOUT=20

DEV_PORT="${HOSELINE_EMULATOR_PORT:-4566}"
TEST_PORT="${HOSELINE_TEST_PORT:-4577}"
TEST_PORT_UNCHECKED="${HOSELINE_TEST_PORT_UNCHECKED:-4578}"
TEST_PORT_NO_CORS="${HOSELINE_TEST_PORT_NO_CORS:-4576}"
CONSOLE_PORT="${HOSELINE_CONSOLE_PORT:-8080}"

# dev_origins: --allow-origin flags for the run command's console (and HOSELINE_CONSOLE_ORIGINS).
dev_origins() {
    local origin
    echo "--allow-origin http://127.0.0.1:$CONSOLE_PORT --allow-origin http://localhost:$CONSOLE_PORT"
    for origin in ${HOSELINE_CONSOLE_ORIGINS:-}; do
        echo "--allow-origin $origin"
    done
}
# wasm-bindgen-test-runner serves each headless run's page on a fresh 127.0.0.1 port.
TEST_ORIGINS=(--allow-origin 'http://127.0.0.1:*')

die() {
    echo "emulator: $*" >&2
    exit 1
}

need_venv() {
    [[ -x "$PY" ]] || die "no venv at .tools/venv: run scripts/setup.sh first"
}

# healthy PORT: GET /moto-api/ answers 200.
healthy() {
    "$PY" - "http://127.0.0.1:$1/moto-api/" <<'EOF' 2>/dev/null
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
EOF
}

# pid_of NAME: prints the pid when NAME's emulator process is alive (and really is ours).
pid_of() {
    local file="$RUN_DIR/$1.pid" pid
    [[ -f "$file" ]] || return 1
    pid="$(cat "$file")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "scripts/emulator/front.py" || return 1
    echo "$pid"
}

# start_one NAME PORT FRESH [front.py flags...]
start_one() {
    local name="$1" port="$2" fresh="$3"
    shift 3
    local pid log="$RUN_DIR/$name.log"
    mkdir -p "$RUN_DIR"
    if pid="$(pid_of "$name")"; then
        if [[ "$fresh" == 1 ]]; then
            stop_one "$name"
        elif healthy "$port"; then
            echo "emulator $name: already running on 127.0.0.1:$port (pid $pid)"
            return 0
        else
            echo "emulator $name: pid $pid does not answer, restarting"
            stop_one "$name"
        fi
    fi
    if healthy "$port"; then
        die "port $port already serves something that is not $name's emulator (no pid file in .tools/run); stop it first"
    fi
    # setsid: its own session, so a Ctrl-C in the calling terminal reaches it only through 'stop'.
    # front.py rewrites the pid file with its own id (in case setsid forked).
    local pid_file="$RUN_DIR/$name.pid"
    setsid "$PY" "$FRONT" --host 127.0.0.1 --port "$port" --pid-file "$pid_file" "$@" >"$log" 2>&1 </dev/null &
    echo "$!" >"$pid_file"
    local waited=0
    until healthy "$port"; do
        pid="$(cat "$pid_file")"
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$RUN_DIR/$name.pid"
            tail -n 20 "$log" >&2 || true
            die "$name's emulator exited at start (log: $log)"
        fi
        if ((waited >= HEALTH_TIMEOUT * 5)); then
            tail -n 20 "$log" >&2 || true
            stop_one "$name"
            die "$name's emulator did not answer GET /moto-api/ within ${HEALTH_TIMEOUT}s (log: $log)"
        fi
        sleep 0.2
        waited=$((waited + 1))
    done
    pid="$(pid_of "$name")" || die "$name's emulator answers but its pid file is wrong ($pid_file)"
    echo "emulator $name: started on http://127.0.0.1:$port (pid $pid, log .tools/run/$name.log)"
}

# stop_one NAME: TERM, then KILL after 5 s.
stop_one() {
    local name="$1" pid
    if pid="$(pid_of "$name")"; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
        echo "emulator $name: stopped (pid $pid)"
    else
        echo "emulator $name: not running"
    fi
    rm -f "$RUN_DIR/$name.pid"
}

status_one() {
    local name="$1" port="$2" pid
    if pid="$(pid_of "$name")"; then
        if healthy "$port"; then
            echo "emulator $name: running on http://127.0.0.1:$port (pid $pid)"
        else
            echo "emulator $name: pid $pid alive but not answering on port $port"
        fi
    else
        echo "emulator $name: stopped"
    fi
}

usage() {
    sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

main() {
    local cmd="${1:-}" fresh=0
    [[ $# -gt 0 ]] && shift
    for arg in "$@"; do
        case "$arg" in
        --fresh) fresh=1 ;;
        *) usage ;;
        esac
    done
    case "$cmd" in
    start)
        need_venv
        # shellcheck disable=SC2046 # dev_origins prints flags and their values, space-separated
        start_one dev "$DEV_PORT" "$fresh" --check-signatures $(dev_origins)
        ;;
    start-test)
        need_venv
        start_one test-checked "$TEST_PORT" "$fresh" --check-signatures "${TEST_ORIGINS[@]}"
        start_one test-unchecked "$TEST_PORT_UNCHECKED" "$fresh" "${TEST_ORIGINS[@]}"
        start_one test-no-cors "$TEST_PORT_NO_CORS" "$fresh" --no-cors "${TEST_ORIGINS[@]}"
        ;;
    stop) stop_one dev ;;
    stop-test)
        stop_one test-checked
        stop_one test-unchecked
        stop_one test-no-cors
        ;;
    status)
        need_venv
        status_one dev "$DEV_PORT"
        status_one test-checked "$TEST_PORT"
        status_one test-unchecked "$TEST_PORT_UNCHECKED"
        status_one test-no-cors "$TEST_PORT_NO_CORS"
        ;;
    *) usage ;;
    esac
}

main "$@"
