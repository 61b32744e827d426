#!/usr/bin/env bash
# The action's script run as the action runs it, on the bundled sheets (ctest runs it with the
# built binary, .ci/run with the installed package): annotations for the wrong rates, the
# step summary written, check's exit code passed on, the outputs set; and action.yml runs
# these scripts with the inputs they read.
# Usage: test-run-check.sh [KPI_REPORT_BINARY]   (default: kpi-report on PATH)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export KPI_REPORT=${1:-kpi-report}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

run() {  # run NAME: the script with the current KPI_* environment, in the source tree
  : >"$work/summary" && : >"$work/output"
  (cd "$root" && GITHUB_STEP_SUMMARY="$work/summary" GITHUB_OUTPUT="$work/output" \
    "$here/run-check.sh" >"$work/$1.out" 2>"$work/$1.err")
}

# data/: Toyama prints a wrong rate, so check fails (1) and says where.
KPI_PATHS="data/" run data
status=$?
[ $status -eq 1 ] || fail "data/: exit $status, expected 1"
grep -q '^::error file=data/toyama/toyama-strategy-progress-fy2020.tsv,line=[0-9]' "$work/data.out" ||
  fail "data/: no ::error annotation on the Toyama sheet"
[ -s "$work/summary" ] || fail "data/: nothing written to GITHUB_STEP_SUMMARY"
grep -q 'toyama' "$work/summary" || fail "data/: the step summary does not name the Toyama sheet"
grep -qx 'exit-code=1' "$work/output" || fail "data/: GITHUB_OUTPUT lacks exit-code=1"

# Several paths, one per line, and extra options: Takaoka's rates are all explained, so with
# findings taken out of the gate it passes.
KPI_PATHS=$'data/takaoka/takaoka-kpi-progress-fy2020-2023.txt\n  data/joetsu/  \n' \
  KPI_ARGS="--no-fail-on finding" run lines
status=$?
[ $status -eq 0 ] || { fail "takaoka+joetsu with --no-fail-on finding: exit $status, expected 0"; cat "$work/lines.out" "$work/lines.err" >&2; }
grep -qx 'exit-code=0' "$work/output" || fail "lines: GITHUB_OUTPUT lacks exit-code=0"
if grep -q '^::error' "$work/lines.out"; then fail "lines: ::error printed on a passing run"; fi

# Another format into a file, with the script's own summary line.
KPI_PATHS="data/toyama/" KPI_FORMAT=sarif KPI_OUTPUT="$work/kpi.sarif" run sarif
status=$?
[ $status -eq 1 ] || fail "sarif: exit $status, expected 1"
grep -q '"version": *"2.1.0"' "$work/kpi.sarif" || fail "sarif: no SARIF 2.1.0 written to KPI_OUTPUT"
grep -q 'findings' "$work/summary" || fail "sarif: the summary does not report the findings"

# A missing sheet is an input error (2), not a pass.
KPI_PATHS="data/no-such-sheet.csv" run missing
status=$?
[ $status -eq 2 ] || fail "missing sheet: exit $status, expected 2"

# action.yml: the steps run these scripts with the variables they read.
action=$root/action.yml
# shellcheck disable=SC2016  # ${{ }} is the workflow syntax, matched literally
for needle in 'using: composite' '.github/action/install.sh' '.github/action/run-check.sh' \
  'KPI_PATHS: ${{ inputs.paths }}' 'KPI_FORMAT: ${{ inputs.format }}' \
  'KPI_ARGS: ${{ inputs.args }}' 'KPI_OUTPUT: ${{ inputs.output }}' \
  'KPI_INSTALL: ${{ inputs.install }}' 'KPI_DEB: ${{ inputs.deb }}'; do
  grep -qF -- "$needle" "$action" || fail "action.yml lacks: $needle"
done
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - "$action" <<'PY' || fail "action.yml: see above"
import sys, yaml
action = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
inputs = action["inputs"]
assert inputs["format"]["default"] == "github", inputs["format"]
assert inputs["install"]["default"] == "build", inputs["install"]
for name in ("paths", "format", "args", "output", "install", "deb"):
    assert "description" in inputs[name], name
assert action["runs"]["using"] == "composite"
for step in action["runs"]["steps"]:
    assert step["shell"] == "bash" and "run" in step, step
PY
fi
[ $failures -eq 0 ] && echo "action script: data/ fails with annotations and a summary; options, formats and errors pass through"
exit $((failures > 0))
