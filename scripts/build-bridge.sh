#!/usr/bin/env bash
# Builds the bridge Lambda for the provided.al2023 runtime and packages it:
#
#   cargo build --release -p hoseline-bridge --features lambda --bin bootstrap \
#       --target x86_64-unknown-linux-musl
#
# then zips the binary as `bootstrap` (mode 755) into target/lambda/bridge-lambda.zip, prints its
# size raw and zipped, and copies the zip to DIST/bridge/ (default dist/bridge/) so the release
# site publishes it and the console can deploy it. Needs musl-gcc (Debian musl-tools) for ring's
# C code; scripts/setup.sh installs it.
#
#   scripts/build-bridge.sh              build, zip, copy to dist/bridge/
#   scripts/build-bridge.sh --dist DIR   copy to DIR/bridge/ instead
#   scripts/build-bridge.sh --no-copy    build and zip only
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
cd "$ROOT"

TARGET=x86_64-unknown-linux-musl
dist="$ROOT/dist"
copy=1
while (($# > 0)); do
    case "$1" in
    --dist)
        dist="$2"
        shift
        ;;
    --no-copy) copy=0 ;;
    *)
        echo "usage: $0 [--dist DIR] [--no-copy]" >&2
        exit 2
        ;;
    esac
    shift
done

die() {
    echo "build-bridge: error: $*" >&2
    exit 1
}

command -v musl-gcc >/dev/null || die "musl-gcc not found: run scripts/setup.sh (Debian musl-tools)"
rustup target list --installed | grep -qx "$TARGET" || die "rust target $TARGET missing: run scripts/setup.sh"

# cc-rs looks for x86_64-linux-musl-gcc first; Debian calls it musl-gcc.
export CC_x86_64_unknown_linux_musl="${CC_x86_64_unknown_linux_musl:-musl-gcc}"
# A static binary that runs on Amazon Linux 2023 without glibc.
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="${CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS:--C target-feature=+crt-static -C strip=symbols}"

echo "build-bridge: cargo build --release -p hoseline-bridge --features lambda --bin bootstrap --target $TARGET"
cargo build --release --locked -p hoseline-bridge --features lambda --bin bootstrap --target "$TARGET"

target_dir="$(cargo metadata --format-version 1 --no-deps | "$(command -v python3)" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
binary="$target_dir/$TARGET/release/bootstrap"
[[ -x "$binary" ]] || die "no binary at $binary"
out_dir="$target_dir/lambda"
mkdir -p "$out_dir"
zip="$out_dir/bridge-lambda.zip"

python3 - "$binary" "$zip" <<'EOF'
import sys, zipfile
binary, out = sys.argv[1], sys.argv[2]
info = zipfile.ZipInfo("bootstrap", date_time=(1980, 1, 1, 0, 0, 0))
info.external_attr = (0o100755 << 16)  # a regular file, rwxr-xr-x: Lambda executes it
info.create_system = 3  # unix, so the mode is honoured
info.compress_type = zipfile.ZIP_DEFLATED
with open(binary, "rb") as f, zipfile.ZipFile(out, "w") as z:
    z.writestr(info, f.read(), compresslevel=9)
EOF

raw=$(wc -c <"$binary" | tr -d ' ')
zipped=$(wc -c <"$zip" | tr -d ' ')
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
echo "build-bridge: bootstrap $raw bytes ($(kb "$raw")) raw, bridge-lambda.zip $zipped bytes ($(kb "$zipped")) zipped"

if ((copy)); then
    mkdir -p "$dist/bridge"
    cp "$zip" "$dist/bridge/bridge-lambda.zip"
    echo "build-bridge: copied to ${dist#"$ROOT"/}/bridge/bridge-lambda.zip"
else
    echo "build-bridge: $zip"
fi
