#!/usr/bin/env bash
# Installs every tool Hoseline's build, console and tests need, and only what is missing:
# each step checks the installed version first and prints one line (ok / installed) with the
# seconds it took. Safe to run again and again; a warm run takes seconds.
#
# On a bare machine nearly all the time goes into compiling trunk and wasm-bindgen-cli. So the
# steps run in three lanes at once: trunk, wasm-bindgen-cli (each its own cargo with its own
# target dir, cargo's jobs sharing the cores), and everything else one after the other (rust
# targets, apt, npm, the venvs, cargo fetch), which mostly waits on the network and disk.
#
#   rust targets       wasm32-unknown-unknown, x86_64-unknown-linux-musl; clippy, rustfmt (rustup)
#   trunk              =0.21.14 (cargo install --locked)
#   wasm-bindgen-cli   the wasm-bindgen version locked in Cargo.lock (cargo install, not --locked)
#   wasm-opt           npm binaryen@132, from tools/package-lock.json into .tools/node (npm ci)
#   apt packages       chromium, chromium-driver (and nodejs/npm, python3-venv when missing);
#                      musl-tools (musl-gcc: ring's C code in the bridge Lambda's musl build)
#   emulator venv      .tools/venv with scripts/emulator/requirements.txt (moto[server]==5.2.5,
#                      which brings cfn-lint for the exported templates)
#   AWS CLI venv       .tools/awscli with scripts/checks/awscli-requirements.txt (awscli==1.46.3)
#   crates             cargo fetch --locked
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
TOOLS="$HOSELINE_TOOLS"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
# Drives Debian's Chromium in the site tests (tests/site/); it downloads no browser.
PLAYWRIGHT_VERSION="1.65.1"
MOTO_VERSION="5.2.5"
AWSCLI_VERSION="1.46.3"
RUST_TARGETS=(wasm32-unknown-unknown x86_64-unknown-linux-musl)

say() { echo "setup: $*"; }
# since T0: seconds since T0 (each step prints how long it took).
since() { echo "$((SECONDS - $1)) s"; }
die() {
    echo "setup: error: $*" >&2
    exit 1
}

mkdir -p "$TOOLS"

# --- apt ---------------------------------------------------------------------------------------
APT_UPDATED=0
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
            missing+=("$pkg")
        fi
    done
    ((${#missing[@]} == 0)) && return 1
    command -v apt-get >/dev/null || die "need ${missing[*]} but there is no apt-get"
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
        sudo=(sudo)
    fi
    if ((APT_UPDATED == 0)); then
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        APT_UPDATED=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    return 0
}

step_apt() {
    local t0=$SECONDS
    if apt_install chromium chromium-driver; then
        say "apt chromium, chromium-driver: installed ($(since "$t0"))"
    else
        say "apt chromium, chromium-driver: ok ($(since "$t0"))"
    fi
    [[ -x "$CHROMEDRIVER" ]] || die "no chromedriver at $CHROMEDRIVER"
    # The bridge Lambda (scripts/build-bridge.sh) is built for x86_64-unknown-linux-musl, and
    # reqwest's rustls brings ring, whose C code needs a musl C compiler.
    t0=$SECONDS
    if apt_install musl-tools; then
        say "apt musl-tools: installed ($(since "$t0"))"
    else
        say "apt musl-tools: ok ($(since "$t0"))"
    fi
}

# --- rust ----------------------------------------------------------------------------------------
step_rust_targets() {
    local t0=$SECONDS
    command -v rustup >/dev/null || die "rustup not found (install Rust first)"
    local installed missing=() target comp
    installed="$(rustup target list --installed)"
    for target in "${RUST_TARGETS[@]}"; do
        grep -qx "$target" <<<"$installed" || missing+=("$target")
    done
    if ((${#missing[@]} == 0)); then
        say "rust targets ${RUST_TARGETS[*]}: ok ($(since "$t0"))"
    else
        rustup target add "${missing[@]}" >/dev/null 2>&1 || rustup target add "${missing[@]}"
        say "rust targets ${missing[*]}: installed ($(since "$t0"))"
    fi
    t0=$SECONDS
    local components
    components="$(rustup component list --installed 2>/dev/null)"
    missing=()
    for comp in clippy rustfmt; do
        grep -q "^$comp" <<<"$components" || missing+=("$comp")
    done
    if ((${#missing[@]} == 0)); then
        say "rust components clippy rustfmt: ok ($(since "$t0"))"
    else
        rustup component add "${missing[@]}" >/dev/null 2>&1 || rustup component add "${missing[@]}"
        say "rust components ${missing[*]}: installed ($(since "$t0"))"
    fi
}

# version_of CMD: the last word of the first line of `CMD --version` (empty when absent).
version_of() {
    command -v "$1" >/dev/null || return 0
    "$1" --version 2>/dev/null | head -n 1 | awk '{ print $NF }'
}

# cargo_install_into_home NAME CRATE VERSION [ARGS...]: `cargo install` into ~/.cargo/bin with a
# target dir of its own, removed afterwards as cargo's own temporary one is: two installs at once
# must not share one (a CARGO_TARGET_DIR in the environment would make them, and the second would
# wait on its lock). Cargo locks its install records (.crates.toml) only around the copy, not
# while compiling, so the two builds do overlap.
# The tools are built for this machine, not shipped: no LTO and parallel codegen. trunk's own
# release profile asks for fat LTO in one codegen unit, a long single-threaded link at the end
# (trunk alone: 503 s instead of 578 s here, a 39 MB binary instead of 32 MB); they run the same.
cargo_install_into_home() {
    local name="$1" crate="$2" version="$3"
    shift 3
    local target
    target="$(mktemp -d "${TMPDIR:-/tmp}/hoseline-$name.XXXXXX")"
    local rc=0
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
        cargo install "$crate" --version "=$version" --target-dir "$target" --quiet "$@" || rc=$?
    rm -rf "$target"
    return "$rc"
}

step_trunk() {
    local t0=$SECONDS
    if [[ "$(version_of trunk)" == "$TRUNK_VERSION" ]]; then
        say "trunk $TRUNK_VERSION: ok ($(since "$t0"))"
    else
        say "trunk $TRUNK_VERSION: installing (cargo install, several minutes)"
        cargo_install_into_home trunk trunk "$TRUNK_VERSION" --locked
        [[ "$(version_of trunk)" == "$TRUNK_VERSION" ]] || die "trunk $TRUNK_VERSION not on PATH after install"
        say "trunk $TRUNK_VERSION: installed ($(since "$t0"))"
    fi
}

step_wasm_bindgen() {
    local t0=$SECONDS want
    want="$(wasm_bindgen_locked_version)"
    [[ -n "$want" ]] || die "no wasm-bindgen in Cargo.lock"
    if [[ "$(version_of wasm-bindgen)" == "$want" ]] && [[ "$(version_of wasm-bindgen-test-runner)" == "$want" ]]; then
        say "wasm-bindgen-cli $want: ok ($(since "$t0"))"
    else
        say "wasm-bindgen-cli $want: installing (cargo install, several minutes)"
        # Not --locked: its lockfile wants a webpki-roots the registry lacks (toolchain.md).
        cargo_install_into_home wasm-bindgen-cli wasm-bindgen-cli "$want" --force
        [[ "$(version_of wasm-bindgen)" == "$want" ]] || die "wasm-bindgen $want not on PATH after install"
        say "wasm-bindgen-cli $want: installed ($(since "$t0"))"
    fi
}

# --- wasm-opt and playwright-core from npm --------------------------------------------------------
# The installed playwright-core's version (empty when missing).
playwright_version() {
    local dir="$TOOLS/node"
    node -e "process.stdout.write(require('$dir/node_modules/playwright-core/package.json').version)" 2>/dev/null
}

step_wasm_opt() {
    local t0=$SECONDS dir="$TOOLS/node"
    if ! command -v npm >/dev/null; then
        apt_install nodejs npm || true
        command -v npm >/dev/null || die "npm not found after installing nodejs and npm"
    fi
    if cmp -s "$ROOT/tools/package-lock.json" "$dir/package-lock.json" &&
        cmp -s "$ROOT/tools/package.json" "$dir/package.json" &&
        [[ -x "$dir/node_modules/.bin/wasm-opt" ]] &&
        "$dir/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION" &&
        [[ "$(playwright_version)" == "$PLAYWRIGHT_VERSION" ]]; then
        say "wasm-opt (npm binaryen@$BINARYEN_VERSION), playwright-core $PLAYWRIGHT_VERSION in .tools/node: ok ($(since "$t0"))"
        return
    fi
    mkdir -p "$dir"
    cp "$ROOT/tools/package.json" "$ROOT/tools/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    "$dir/node_modules/.bin/wasm-opt" --version | grep -q "version_$BINARYEN_VERSION" ||
        die "wasm-opt in .tools/node is not version_$BINARYEN_VERSION"
    [[ "$(playwright_version)" == "$PLAYWRIGHT_VERSION" ]] ||
        die "playwright-core in .tools/node is not $PLAYWRIGHT_VERSION"
    say "wasm-opt (npm binaryen@$BINARYEN_VERSION), playwright-core $PLAYWRIGHT_VERSION in .tools/node: installed ($(since "$t0"))"
}

# --- the emulator's venv -------------------------------------------------------------------------
pick_python() {
    local py
    for py in /usr/bin/python3 python3; do
        if command -v "$py" >/dev/null && "$py" -c 'import venv, ensurepip' 2>/dev/null; then
            command -v "$py"
            return
        fi
    done
    apt_install python3 python3-venv >/dev/null || true
    /usr/bin/python3 -c 'import venv, ensurepip' || die "no python3 with venv"
    echo /usr/bin/python3
}

# venv_step NAME DIR REQUIREMENTS PACKAGE VERSION: a venv at DIR with REQUIREMENTS installed,
# rebuilt when the requirements file changed or PACKAGE is not at VERSION.
venv_step() {
    local t0=$SECONDS name="$1" venv="$2" req="$3" package="$4" version="$5"
    local stamp="$venv/.hoseline-requirements.txt"
    local probe="import importlib.metadata as m; print(m.version('$package'))"
    if [[ -x "$venv/bin/python" ]] && cmp -s "$req" "$stamp" &&
        [[ "$("$venv/bin/python" -c "$probe" 2>/dev/null)" == "$version" ]]; then
        say "$name venv ${venv#"$ROOT"/} ($package $version): ok ($(since "$t0"))"
        return
    fi
    local py
    py="$(pick_python)"
    rm -rf "$venv"
    "$py" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
    [[ "$("$venv/bin/python" -c "$probe")" == "$version" ]] ||
        die "$package $version missing from ${venv#"$ROOT"/} after install"
    cp "$req" "$stamp"
    say "$name venv ${venv#"$ROOT"/} ($package $version): installed ($(since "$t0"))"
}

step_venv() {
    venv_step emulator "$TOOLS/venv" "$ROOT/scripts/emulator/requirements.txt" moto "$MOTO_VERSION"
}

step_awscli() {
    venv_step "AWS CLI" "$TOOLS/awscli" "$ROOT/scripts/checks/awscli-requirements.txt" awscli "$AWSCLI_VERSION"
}

# --- crates --------------------------------------------------------------------------------------
step_cargo_fetch() {
    local t0=$SECONDS
    (cd "$ROOT" && cargo fetch --locked --quiet)
    say "cargo fetch --locked: ok ($(since "$t0"))"
}

# The steps that do not compile, one after the other: apt, npm and pip must not run two package
# managers' installs at once (dpkg's lock), and they mostly wait on the network. In the
# foreground, so sudo can ask for a password.
lane_system() {
    step_rust_targets
    step_apt
    step_wasm_opt
    step_venv
    step_awscli
    step_cargo_fetch
}

LANE_PIDS=()
# Stops the compile lanes (each its own process group: cargo and its rustc children too) when
# setup ends early: a failed step, Ctrl-C.
stop_lanes() {
    local pid
    for pid in "${LANE_PIDS[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || true
    done
}

main() {
    local t0=$SECONDS
    grep -qx '/.tools' "$ROOT/.gitignore" 2>/dev/null || echo "setup: warning: .tools/ is not in .gitignore" >&2
    command -v cargo >/dev/null || die "cargo not found (install Rust first)"
    # Three lanes at once: the two cargo installs in the background, each keeping cargo's default
    # jobs (when one is in a serial stretch, a build script, the last crate, the link, the other
    # takes the idle core), and the rest in the foreground.
    set -m # each background lane in its own process group, so stop_lanes reaches its children
    trap stop_lanes EXIT
    trap 'exit 130' INT TERM
    local lanes=(trunk wasm-bindgen-cli) failed=() i
    step_trunk </dev/null &
    LANE_PIDS+=($!)
    step_wasm_bindgen </dev/null &
    LANE_PIDS+=($!)
    set +m
    lane_system
    for i in "${!LANE_PIDS[@]}"; do
        wait "${LANE_PIDS[$i]}" || failed+=("${lanes[$i]}")
    done
    ((${#failed[@]} == 0)) || die "${failed[*]} failed (see above)"
    say "all tools ready ($(since "$t0"))"
}

main "$@"
