#!/usr/bin/env bash
# run-examples.sh fails on broken examples and names each one: tests/docs/broken-examples.md
# has a misspelt command (exit 2), a missing sheet (exit 2) and a continued line that fails
# (exit 1 from no `kpi-report check`), beside commands that pass, a skipped block and a
# ```text block.
# Usage: runner-self-test.sh KPI_REPORT_BINARY SOURCE_DIR
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
output=$("$here/run-examples.sh" "$1" "$2" "$here/broken-examples.md" 2>&1)
status=$?
echo "$output"
failures=0
[ $status -eq 1 ] || { echo "FAIL: exit $status, expected 1" >&2; failures=1; }
for expected in 'broken-examples.md:5: exit 2: kpi-report chek data/toyama/' \
  'broken-examples.md:7: exit 2: kpi-report report no-such-sheet.txt' \
  'broken-examples.md:8: exit 1: jq --version' 'broken-examples.md: 5 example commands'; do
  grep -qF -- "$expected" <<<"$output" || { echo "FAIL: no '$expected'" >&2; failures=1; }
done
for unexpected in 'exit 3' 'not shell' ':4: ' ':6: '; do
  if grep -qF -- "$unexpected" <<<"$output"; then echo "FAIL: '$unexpected' reported" >&2; failures=1; fi
done
exit $failures
