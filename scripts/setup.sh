#!/usr/bin/env bash
# Installs every tool Hoseline's build, console and tests need, and only what is missing:
# each step checks the installed version first and prints one line (ok / installed).
# Safe to run again and again; a warm run takes seconds.
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
MOTO_VERSION="5.2.5"
AWSCLI_VERSION="1.46.3"
RUST_TARGETS=(wasm32-unknown-unknown x86_64-unknown-linux-musl)

say() { echo "setup: $*"; }
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
    if apt_install chromium chromium-driver; then
        say "apt chromium, chromium-driver: installed"
    else
        say "apt chromium, chromium-driver: ok"
    fi
    [[ -x "$CHROMEDRIVER" ]] || die "no chromedriver at $CHROMEDRIVER"
    # The bridge Lambda (scripts/build-bridge.sh) is built for x86_64-unknown-linux-musl, and
    # reqwest's rustls brings ring, whose C code needs a musl C compiler.
    if apt_install musl-tools; then
        say "apt musl-tools: installed"
    else
        say "apt musl-tools: ok"
    fi
}

# --- rust ----------------------------------------------------------------------------------------
step_rust_targets() {
    command -v rustup >/dev/null || die "rustup not found (install Rust first)"
    local installed missing=() target comp
    installed="$(rustup target list --installed)"
    for target in "${RUST_TARGETS[@]}"; do
        grep -qx "$target" <<<"$installed" || missing+=("$target")
    done
    if ((${#missing[@]} == 0)); then
        say "rust targets ${RUST_TARGETS[*]}: ok"
    else
        rustup target add "${missing[@]}" >/dev/null 2>&1 || rustup target add "${missing[@]}"
        say "rust targets ${missing[*]}: installed"
    fi
    local components
    components="$(rustup component list --installed 2>/dev/null)"
    missing=()
    for comp in clippy rustfmt; do
        grep -q "^$comp" <<<"$components" || missing+=("$comp")
    done
    if ((${#missing[@]} == 0)); then
        say "rust components clippy rustfmt: ok"
    else
        rustup component add "${missing[@]}" >/dev/null 2>&1 || rustup component add "${missing[@]}"
        say "rust components ${missing[*]}: installed"
    fi
}

# version_of CMD: the last word of the first line of `CMD --version` (empty when absent).
version_of() {
    command -v "$1" >/dev/null || return 0
    "$1" --version 2>/dev/null | head -n 1 | awk '{ print $NF }'
}

step_trunk() {
    if [[ "$(version_of trunk)" == "$TRUNK_VERSION" ]]; then
        say "trunk $TRUNK_VERSION: ok"
    else
        say "trunk $TRUNK_VERSION: installing (cargo install, several minutes)"
        cargo install trunk --version "=$TRUNK_VERSION" --locked --quiet
        [[ "$(version_of trunk)" == "$TRUNK_VERSION" ]] || die "trunk $TRUNK_VERSION not on PATH after install"
        say "trunk $TRUNK_VERSION: installed"
    fi
}

step_wasm_bindgen() {
    local want
    want="$(wasm_bindgen_locked_version)"
    [[ -n "$want" ]] || die "no wasm-bindgen in Cargo.lock"
    if [[ "$(version_of wasm-bindgen)" == "$want" ]] && [[ "$(version_of wasm-bindgen-test-runner)" == "$want" ]]; then
        say "wasm-bindgen-cli $want: ok"
    else
        say "wasm-bindgen-cli $want: installing (cargo install, several minutes)"
        # Not --locked: its lockfile wants a webpki-roots the registry lacks (toolchain.md).
        cargo install wasm-bindgen-cli --version "=$want" --force --quiet
        [[ "$(version_of wasm-bindgen)" == "$want" ]] || die "wasm-bindgen $want not on PATH after install"
        say "wasm-bindgen-cli $want: installed"
    fi
}

# --- wasm-opt from npm ---------------------------------------------------------------------------
step_wasm_opt() {
    local dir="$TOOLS/node"
    if ! command -v npm >/dev/null; then
        apt_install nodejs npm || true
        command -v npm >/dev/null || die "npm not found after installing nodejs and npm"
    fi
    if cmp -s "$ROOT/tools/package-lock.json" "$dir/package-lock.json" &&
        cmp -s "$ROOT/tools/package.json" "$dir/package.json" &&
        [[ -x "$dir/node_modules/.bin/wasm-opt" ]] &&
        "$dir/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
        say "wasm-opt (npm binaryen@$BINARYEN_VERSION) in .tools/node: ok"
        return
    fi
    mkdir -p "$dir"
    cp "$ROOT/tools/package.json" "$ROOT/tools/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    "$dir/node_modules/.bin/wasm-opt" --version | grep -q "version_$BINARYEN_VERSION" ||
        die "wasm-opt in .tools/node is not version_$BINARYEN_VERSION"
    say "wasm-opt (npm binaryen@$BINARYEN_VERSION) in .tools/node: installed"
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
    local name="$1" venv="$2" req="$3" package="$4" version="$5"
    local stamp="$venv/.hoseline-requirements.txt"
    local probe="import importlib.metadata as m; print(m.version('$package'))"
    if [[ -x "$venv/bin/python" ]] && cmp -s "$req" "$stamp" &&
        [[ "$("$venv/bin/python" -c "$probe" 2>/dev/null)" == "$version" ]]; then
        say "$name venv ${venv#"$ROOT"/} ($package $version): ok"
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
    say "$name venv ${venv#"$ROOT"/} ($package $version): installed"
}

step_venv() {
    venv_step emulator "$TOOLS/venv" "$ROOT/scripts/emulator/requirements.txt" moto "$MOTO_VERSION"
}

step_awscli() {
    venv_step "AWS CLI" "$TOOLS/awscli" "$ROOT/scripts/checks/awscli-requirements.txt" awscli "$AWSCLI_VERSION"
}

# --- crates --------------------------------------------------------------------------------------
step_cargo_fetch() {
    (cd "$ROOT" && cargo fetch --locked --quiet)
    say "cargo fetch --locked: ok"
}

main() {
    grep -qx '/.tools' "$ROOT/.gitignore" 2>/dev/null || echo "setup: warning: .tools/ is not in .gitignore" >&2
    command -v cargo >/dev/null || die "cargo not found (install Rust first)"
    step_rust_targets
    step_apt
    step_wasm_opt
    step_venv
    step_awscli
    step_trunk
    step_wasm_bindgen
    step_cargo_fetch
}

main "$@"
