# Sourced by the scripts: the repo root, the project-local tools on PATH, the browser-test env.
# shellcheck shell=bash

HOSELINE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export HOSELINE_ROOT
HOSELINE_TOOLS="$HOSELINE_ROOT/.tools"
export HOSELINE_TOOLS

# wasm-opt (npm binaryen@132) first, then cargo-installed trunk and wasm-bindgen.
case ":$PATH:" in
*":$HOSELINE_TOOLS/node/node_modules/.bin:"*) ;;
*) PATH="$HOSELINE_TOOLS/node/node_modules/.bin:$PATH" ;;
esac
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
*":$CARGO_BIN:"*) ;;
*) PATH="$PATH:$CARGO_BIN" ;;
esac
export PATH

# wasm-bindgen-test-runner drives headless Chromium through this chromedriver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Trunk: never download tools (Trunk.toml says so too).
export TRUNK_OFFLINE=true

# The wasm-bindgen version the workspace is locked to (Cargo.lock).
wasm_bindgen_locked_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$HOSELINE_ROOT/Cargo.lock"
}

# url_answers URL: the URL answers 200 (the emulator venv's python: no curl needed).
url_answers() {
    "$HOSELINE_TOOLS/venv/bin/python" - "$1" <<'EOF' 2>/dev/null
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
EOF
}
