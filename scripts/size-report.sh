#!/usr/bin/env bash
# Builds the console's release site into dist/ and reports what a first page load downloads:
# wasm, JS, CSS and HTML sizes, raw and gzip -9, the total gzip, and its ratio to the budget in
# benchmarks/size-baseline.txt (300 KB = 307200 bytes). Exits non-zero over budget. The engine
# worker (hoseline-engine*: plan, cost, exports, apply, teardown), which the page fetches on first
# use, is reported on its own lines, outside the budget.
# The build also puts the bridge Lambda's zip in dist/bridge/ (scripts/build-bridge.sh), published
# with the site for the console to deploy; its size is printed on its own line, outside the budget.
#
#   scripts/size-report.sh              build (trunk build --release --offline) and measure
#   scripts/size-report.sh --no-build   measure the dist/ already there
#   scripts/size-report.sh --dist DIR   measure DIR instead (implies --no-build)
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
BASELINE="$ROOT/benchmarks/size-baseline.txt"

build=1
dist="$ROOT/dist"
while (($# > 0)); do
    case "$1" in
    --no-build) build=0 ;;
    --dist)
        dist="$2"
        build=0
        shift
        ;;
    *)
        echo "usage: $0 [--no-build] [--dist DIR]" >&2
        exit 2
        ;;
    esac
    shift
done

budget="$(awk -F= '$1 == "budget_gzip_bytes" { print $2 }' "$BASELINE")"
[[ "$budget" =~ ^[0-9]+$ ]] || {
    echo "size-report: no budget_gzip_bytes in $BASELINE" >&2
    exit 1
}

if ((build)); then
    [[ -f "$ROOT/index.html" ]] || {
        echo "size-report: no index.html at the repo root: nothing to build" >&2
        exit 1
    }
    (cd "$ROOT" && cargo fetch --locked --quiet)
    echo "size-report: trunk build --release --offline"
    (cd "$ROOT" && trunk build --release --offline --dist "$dist")
    # After trunk, which empties dist/ first.
    "$ROOT/scripts/build-bridge.sh" --dist "$dist"
fi
[[ -d "$dist" ]] || {
    echo "size-report: no $dist" >&2
    exit 1
}

raw_size() { wc -c <"$1" | tr -d ' '; }
gz_size() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

total_raw=0
total_gz=0
printf '%-6s %-44s %12s %12s\n' kind file raw "gzip -9"
for kind in wasm js css html; do
    kind_raw=0
    kind_gz=0
    shopt -s nullglob
    files=("$dist"/*."$kind")
    shopt -u nullglob
    for f in "${files[@]}"; do
        # The engine worker's files load when a setup screen first asks it: not the first load.
        [[ "$(basename "$f")" == hoseline-engine* ]] && continue
        r="$(raw_size "$f")"
        g="$(gz_size "$f")"
        printf '%-6s %-44s %12s %12s\n' "$kind" "$(basename "$f")" "$(kb "$r")" "$(kb "$g")"
        kind_raw=$((kind_raw + r))
        kind_gz=$((kind_gz + g))
    done
    if ((${#files[@]} == 0)); then
        printf '%-6s %-44s %12s %12s\n' "$kind" "(none)" "-" "-"
    fi
    total_raw=$((total_raw + kind_raw))
    total_gz=$((total_gz + kind_gz))
done
ratio="$(awk -v t="$total_gz" -v b="$budget" 'BEGIN { printf "%.2f", t / b }')"
printf '%-6s %-44s %12s %12s\n' total "first load" "$(kb "$total_raw")" "$(kb "$total_gz")"
echo "size-report: first load ${total_gz} bytes gzip of budget ${budget} ($(kb "$budget")): ratio ${ratio}"
# The engine worker (src/engine/): fetched on first use, outside the budget, reported on its own.
worker_gz=0
shopt -s nullglob
for f in "$dist"/hoseline-engine*; do
    g="$(gz_size "$f")"
    printf '%-6s %-44s %12s %12s
' worker "$(basename "$f")" "$(kb "$(raw_size "$f")")" "$(kb "$g")"
    worker_gz=$((worker_gz + g))
done
shopt -u nullglob
echo "size-report: engine worker ${worker_gz} bytes gzip ($(kb "$worker_gz")), loaded on first use, not in the first load"
# Downloaded only when the console deploys the bridge: not part of the first load.
bridge_zip="$dist/bridge/bridge-lambda.zip"
if [[ -f "$bridge_zip" ]]; then
    echo "size-report: bridge Lambda bridge/bridge-lambda.zip $(raw_size "$bridge_zip") bytes ($(kb "$(raw_size "$bridge_zip")")), not in the first load"
else
    echo "size-report: bridge Lambda: no bridge/bridge-lambda.zip in $dist (scripts/build-bridge.sh makes it)"
fi
if ((total_gz > budget)); then
    echo "size-report: OVER BUDGET by $((total_gz - budget)) bytes gzip" >&2
    exit 1
fi
echo "size-report: within budget"
