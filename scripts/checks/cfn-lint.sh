#!/usr/bin/env bash
# Lints the CloudFormation templates hoseline exports (crates/pipeline/src/cloudformation) with
# cfn-lint (PyPI), pinned below:
#
#   1. writes them: cargo test -p hoseline-pipeline --test cfn_templates, into
#      $HOSELINE_CFN_TEMPLATES_DIR (default target/cfn-templates/): foundation and pipeline for both
#      kinds, and a provisioned, auto-scaled DynamoDB pipeline;
#   2. runs cfn-lint on every one of them, informational checks included.
#
# Fails on any error or warning (cfn-lint's exit bits 2 and 4); informational findings are shown.
# Env: HOSELINE_CFN_LINT, the cfn-lint to run (default the emulator venv's, which moto[server]
# brings at the pinned version: scripts/emulator/requirements.txt; then PATH).
set -euo pipefail

# shellcheck source=scripts/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/env.sh"
ROOT="$HOSELINE_ROOT"
cd "$ROOT"

# The version the templates were last checked with: `pip install cfn-lint==1.58.0`.
CFN_LINT_PINNED=1.58.0

cfn_lint="${HOSELINE_CFN_LINT:-}"
if [[ -z "$cfn_lint" ]]; then
    if [[ -x "$HOSELINE_TOOLS/venv/bin/cfn-lint" ]]; then
        cfn_lint="$HOSELINE_TOOLS/venv/bin/cfn-lint"
    elif command -v cfn-lint >/dev/null; then
        cfn_lint="$(command -v cfn-lint)"
    else
        echo "cfn-lint: not found; run scripts/setup.sh (the emulator venv brings cfn-lint==$CFN_LINT_PINNED)" >&2
        exit 1
    fi
fi
version="$("$cfn_lint" --version | awk '{print $NF}')"
if [[ "$version" != "$CFN_LINT_PINNED" ]]; then
    echo "cfn-lint: note: running $version, the templates were checked with $CFN_LINT_PINNED" >&2
fi

dir="${HOSELINE_CFN_TEMPLATES_DIR:-$ROOT/target/cfn-templates}"
export HOSELINE_CFN_TEMPLATES_DIR="$dir"
mkdir -p "$dir"
rm -f "$dir"/*.json
cargo test -q -p hoseline-pipeline --test cfn_templates

shopt -s nullglob
templates=("$dir"/*.json)
if ((${#templates[@]} == 0)); then
    echo "cfn-lint: no templates were written to $dir" >&2
    exit 1
fi

set +e
"$cfn_lint" --include-checks I -- "${templates[@]}"
rc=$?
set -e
# cfn-lint's exit status is a bit set: 2 errors, 4 warnings, 8 informational, 1 a crash.
if ((rc & 7)); then
    echo "cfn-lint $version: FAILED on ${#templates[@]} templates in ${dir#"$ROOT"/} (exit $rc)" >&2
    exit 1
fi
echo "cfn-lint $version: ${#templates[@]} templates pass (no errors, no warnings)"
