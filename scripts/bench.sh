#!/usr/bin/env bash
# The bridge's throughput: records per second for decode + map + serialise of 500-record Firehose
# deliveries of demo stock-ticker records, natively (criterion: crates/bridge/benches/delivery.rs)
# and in Python with boto3's TypeSerializer (benchmarks/bridge_python.py, in the emulator's venv).
# Prints both figures, their ratio (Rust/Python), and how both compare with the baseline in
# benchmarks/bridge-baseline.txt. Not part of scripts/test.sh: timings depend on the machine's load.
#
#   scripts/bench.sh                    run both and compare with the baseline
#   scripts/bench.sh --update-baseline  run both and write the figures as the new baseline
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ROOT="$HOSELINE_ROOT"
BASELINE="$ROOT/benchmarks/bridge-baseline.txt"
PYTHON="$ROOT/.tools/venv/bin/python"

update=0
case "${1:-}" in
"") ;;
--update-baseline) update=1 ;;
*)
    echo "usage: $0 [--update-baseline]" >&2
    exit 2
    ;;
esac

[[ -x "$PYTHON" ]] || {
    echo "bench: no $PYTHON (scripts/setup.sh installs the emulator's venv with boto3)" >&2
    exit 1
}

cd "$ROOT"
echo "bench: cargo bench -p hoseline-bridge --bench delivery"
cargo bench -p hoseline-bridge --bench delivery
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
estimates="$target_dir/criterion/delivery/decode_map_serialise_500/new/estimates.json"
[[ -f "$estimates" ]] || {
    echo "bench: criterion wrote no $estimates" >&2
    exit 1
}
# criterion's median time per 500-record delivery, in nanoseconds.
rust="$(python3 -c 'import json,sys; print(round(500 / (json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e9)))' "$estimates")"

echo "bench: $PYTHON benchmarks/bridge_python.py"
python_line="$("$PYTHON" "$ROOT/benchmarks/bridge_python.py")"
python="${python_line##*: }"
[[ "$python" =~ ^[0-9]+$ ]] || {
    echo "bench: unexpected output from bridge_python.py: $python_line" >&2
    exit 1
}

ratio="$(awk -v r="$rust" -v p="$python" 'BEGIN { printf "%.2f", r / p }')"
echo
echo "rust records/s:   $rust"
echo "python records/s: $python"
echo "ratio rust/python: ${ratio}x"

if ((update)); then
    {
        echo "# Baseline of scripts/bench.sh (bridge throughput, records/s, 500-record deliveries),"
        echo "# written by scripts/bench.sh --update-baseline on $(date -u +%Y-%m-%d) ($(nproc) cores)."
        echo "rust_records_per_second=$rust"
        echo "python_records_per_second=$python"
        echo "ratio=$ratio"
    } >"$BASELINE"
    echo "baseline written to $BASELINE"
    exit 0
fi

value() { awk -F= -v k="$1" '$1 == k { print $2 }' "$BASELINE" 2>/dev/null; }
base_rust="$(value rust_records_per_second)"
base_ratio="$(value ratio)"
if [[ "$base_rust" =~ ^[0-9]+$ && -n "$base_ratio" ]]; then
    awk -v r="$rust" -v b="$base_rust" 'BEGIN { printf "rust vs baseline (%d records/s): %.2fx\n", b, r / b }'
    awk -v r="$ratio" -v b="$base_ratio" 'BEGIN { printf "rust/python ratio vs baseline ratio (%.2fx): %.2fx\n", b, r / b }'
else
    echo "no baseline in $BASELINE (scripts/bench.sh --update-baseline writes one)"
fi
