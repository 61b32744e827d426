#!/usr/bin/env bash
# CI only: Microsoft's SARIF validator (npm @microsoft/sarif-multitool-linux, `validate`) on
# the SARIF of `kpi-report check data/`, given relative and absolute paths (CI passes
# $GITHUB_WORKSPACE/...). Fails on any error the validator reports. A control run checks
# that the validator does report the error this output once had (SARIF1004: an absolute path
# written as a relative reference under a uriBaseId), so this step cannot pass by accident.
# Usage: tests/cli/sarif-validate.sh [path/to/kpi-report]   (default build/kpi-report)
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-build/kpi-report}")

if ! command -v sarif-multitool-linux >/dev/null; then
  echo "installing: @microsoft/sarif-multitool-linux (npm)"
  npm install -g --allow-scripts=@microsoft/sarif-multitool-linux @microsoft/sarif-multitool-linux \
    >/dev/null 2>&1 || npm install -g @microsoft/sarif-multitool-linux >/dev/null
fi
multitool=$(command -v sarif-multitool-linux)
tool_binary="$(npm root -g)/@microsoft/sarif-multitool-linux/Sarif.Multitool"
[ -x "$tool_binary" ] || chmod u+x "$tool_binary" 2>/dev/null || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# check exits 1 on findings (the bundled sheets have some); 2 would be an input error.
sarif_of() {
  local out=$1
  shift
  set +e
  "$binary" check --format sarif "$@" >"$out"
  local rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then
    echo "sarif-validate: kpi-report check $* exited $rc" >&2
    exit 1
  fi
}

# The number of errors the validator reports for one SARIF file.
errors_in() {
  local file=$1 log
  log=$("$multitool" validate "$file" -o "$file.validation.sarif" 2>&1) || {
    echo "$log" >&2
    echo "sarif-validate: the validator failed on $file" >&2
    exit 1
  }
  echo "$log" | grep -E ": error [A-Z]+[0-9]+" >&2 || true
  echo "$log" | grep -cE ": error [A-Z]+[0-9]+" || true
}

sarif_of "$work/relative.sarif" data/
sarif_of "$work/absolute.sarif" "$PWD/data/"

failed=0
for f in relative absolute; do
  n=$(errors_in "$work/$f.sarif")
  echo "sarif-validate: $f paths: $n errors"
  [ "$n" = 0 ] || failed=1
done

# Control: absolute paths as relative references under %SRCROOT% must be reported.
sed -E 's#"uri": "file://(/[^"]*)"#"uri": "\1", "uriBaseId": "%SRCROOT%"#' \
  "$work/absolute.sarif" >"$work/control.sarif"
n=$(errors_in "$work/control.sarif" 2>/dev/null)
if [ "$n" = 0 ]; then
  echo "sarif-validate: control: the validator reported no error on a known-bad file" >&2
  failed=1
fi
exit "$failed"
