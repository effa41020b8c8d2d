#!/usr/bin/env bash
# Runs every check and test of the project, installing whatever is missing first:
#
#   1. scripts/setup.sh                       tools (only what is missing)
#   2. cargo fmt --all --check
#   3. clippy -D warnings: the workspace natively (with hoseline-aws/native), the bridge with its
#      Lambda entry point (feature lambda), the console, hoseline-aws (feature gloo) and the
#      pipeline engine for wasm32
#   4. the test emulators (scripts/emulator.sh start-test --fresh) and their smoke checks
#   5. cargo test --workspace --features hoseline-aws/native (native), then the bridge's Lambda
#      entry point (hoseline-bridge --features lambda: function URL events, the bootstrap binary)
#      and cfn-lint on the exported CloudFormation templates (scripts/checks/cfn-lint.sh)
#   6. the test bridge (scripts/test-bridge.sh) and the wasm tests in headless Chromium:
#      hoseline-aws (feature gloo), hoseline-console (the guided setup against the checked emulator
#      and the test bridge)
#   7. the release site build and its size budget (scripts/size-report.sh), then the built site in
#      headless Chromium with its engine worker (scripts/site-test.sh; screenshots of every screen
#      in .tools/run/screens/)
#
# Every step runs even when an earlier one failed (except setup); the emulators are stopped at the
# end. The last line is `tests: N passed, N failed`: the sums of cargo's `test result:` lines, plus
# one failure for each step that failed without a failing test of its own (a compile error, a lint,
# the size budget). Exits non-zero when anything failed.
#
# Env: HOSELINE_KEEP_EMULATORS=1 reuses running test emulators and leaves them running
# (for working alongside others in one checkout); CARGO_TERM_COLOR etc. pass through.
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
cd "$ROOT"

LOG_DIR="$ROOT/.tools/run/test-logs"
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log

# A one-off build (CI's fresh clone) gains nothing from incremental compilation.
if [[ "${CI:-}" == true ]]; then
    export CARGO_INCREMENTAL=0
fi

export HOSELINE_TEST_ENDPOINT="http://127.0.0.1:${HOSELINE_TEST_PORT:-4577}"
export HOSELINE_TEST_ENDPOINT_UNCHECKED="http://127.0.0.1:${HOSELINE_TEST_PORT_UNCHECKED:-4578}"
# An emulator that answers without CORS headers: the browser tests' "blocked by CORS" case.
export HOSELINE_TEST_ENDPOINT_NO_CORS="http://127.0.0.1:${HOSELINE_TEST_PORT_NO_CORS:-4576}"
# The local bridge the guided-setup browser tests' pipeline delivers to (scripts/test-bridge.sh).
export HOSELINE_TEST_BRIDGE_URL="http://127.0.0.1:${HOSELINE_TEST_BRIDGE_PORT:-4579}"

passed=0
failed=0
failed_steps=()
step_no=0
started_emulators=0

# run_step NAME CMD...: runs CMD, shows and logs its output, adds up its `test result:` lines.
run_step() {
    local name="$1"
    shift
    step_no=$((step_no + 1))
    local log
    log="$LOG_DIR/$(printf '%02d' "$step_no")-${name//[^A-Za-z0-9]/-}.log"
    echo
    echo "==> [$step_no] $name: $*"
    local start=$SECONDS rc
    set +e
    "$@" </dev/null 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    local p f
    read -r p f < <(
        sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
            /^test result:/ {
                for (i = 1; i <= NF; i++) {
                    if ($(i + 1) ~ /^passed;?$/) p += $i
                    if ($(i + 1) ~ /^failed;?$/) f += $i
                }
            }
            END { print p + 0, f + 0 }'
    )
    passed=$((passed + p))
    failed=$((failed + f))
    if ((rc != 0)); then
        failed_steps+=("$name")
        if ((f == 0)); then
            failed=$((failed + 1))
        fi
        echo "==> [$step_no] $name: FAILED (exit $rc, $((SECONDS - start)) s, log ${log#"$ROOT"/})"
    else
        echo "==> [$step_no] $name: ok ($((SECONDS - start)) s)"
    fi
}

stop_emulators() {
    "$ROOT/scripts/test-bridge.sh" stop || true
    if ((started_emulators)) && [[ "${HOSELINE_KEEP_EMULATORS:-0}" != 1 ]]; then
        "$ROOT/scripts/emulator.sh" stop-test || true
        started_emulators=0
    fi
}
trap stop_emulators EXIT
trap 'exit 130' INT TERM

echo "==> setup"
"$ROOT/scripts/setup.sh"

run_step "cargo fmt" cargo fmt --all --check
run_step "clippy native" cargo clippy --workspace --all-targets --features hoseline-aws/native -- -D warnings
run_step "clippy bridge lambda" cargo clippy -p hoseline-bridge --features lambda --all-targets -- -D warnings
run_step "clippy wasm console" cargo clippy --target wasm32-unknown-unknown -p hoseline-console --all-targets -- -D warnings
run_step "clippy wasm aws" cargo clippy --target wasm32-unknown-unknown -p hoseline-aws --features gloo --all-targets -- -D warnings
# The pipeline engine runs in the page too: it must build (and lint clean) for wasm32.
run_step "clippy wasm pipeline" cargo clippy --target wasm32-unknown-unknown -p hoseline-pipeline -- -D warnings

started_emulators=1
if [[ "${HOSELINE_KEEP_EMULATORS:-0}" == 1 ]]; then
    run_step "emulators" "$ROOT/scripts/emulator.sh" start-test
else
    run_step "emulators" "$ROOT/scripts/emulator.sh" start-test --fresh
fi
run_step "emulator smoke checked" "$ROOT/.tools/venv/bin/python" "$ROOT/scripts/emulator/smoke.py" "$HOSELINE_TEST_ENDPOINT"
run_step "emulator smoke unchecked" "$ROOT/.tools/venv/bin/python" "$ROOT/scripts/emulator/smoke.py" "$HOSELINE_TEST_ENDPOINT_UNCHECKED" --unchecked

run_step "native tests" cargo test --workspace --features hoseline-aws/native --no-fail-fast
run_step "bridge lambda tests" cargo test -p hoseline-bridge --features lambda --test lambda --bin bootstrap --no-fail-fast
run_step "cfn-lint exported templates" "$ROOT/scripts/checks/cfn-lint.sh"
run_step "wasm tests aws" cargo test --target wasm32-unknown-unknown -p hoseline-aws --features gloo --no-fail-fast
run_step "test bridge" "$ROOT/scripts/test-bridge.sh" start
run_step "wasm tests console" cargo test --target wasm32-unknown-unknown -p hoseline-console --no-fail-fast

run_step "release size" "$ROOT/scripts/size-report.sh"
run_step "site tests (Chromium)" "$ROOT/scripts/site-test.sh"

stop_emulators >/dev/null

echo
if ((${#failed_steps[@]} > 0)); then
    echo "test.sh: failed steps: ${failed_steps[*]} (logs in .tools/run/test-logs/)"
else
    echo "test.sh: every step passed"
fi
echo "tests: $passed passed, $failed failed"
if ((${#failed_steps[@]} > 0 || failed > 0)); then
    exit 1
fi
