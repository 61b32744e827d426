#!/usr/bin/env bash
# .pre-commit-hooks.yaml: the hook's `files` pattern takes the sheet files (any case) and
# nothing else, and its entry, run as pre-commit runs it (the changed files appended), checks
# them: 1 on the Toyama sheet with its wrong rate, 0 on clean ones with `args` ended by `--`
# (README: a repeatable option such as --no-fail-on would take the file names as values).
# Usage: pre-commit-hook.sh KPI_REPORT_BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1") root=$(realpath "$2")
hooks=$root/.pre-commit-hooks.yaml
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
value() { sed -n "s/^ *-\{0,1\} *$1: *//p" "$hooks" | head -1; }

[ "$(value id)" = kpi-report-check ] || fail "id: $(value id)"
[ "$(value language)" = system ] || fail "language: $(value language)"
entry=$(value entry)
[ "$entry" = "kpi-report check" ] || fail "entry: $entry"
files=$(value files)
# pre-commit matches with Python's re.search; (?i) is case-insensitive, i.e. grep -Ei.
pattern=${files#"(?i)"}
[ "$pattern" != "$files" ] || fail "files: not case-insensitive: $files"
for name in a.txt b.tsv c.csv d.xlsx e.xls f.ods g.xlsm 進捗/R5.XLSX G.CSV; do
  grep -Eiq -- "$pattern" <<<"$name" || fail "files: $files does not take $name"
done
for name in a.md b.json c.xlsx.bak d.pdf e.py txt; do
  if grep -Eiq -- "$pattern" <<<"$name"; then fail "files: $files takes $name"; fi
done

# The entry with the program replaced by the built one, files appended like pre-commit does.
read -ra words <<<"$entry"
run_entry() { (cd "$root" && "$binary" "${words[@]:1}" "$@" >/dev/null 2>&1); }
run_entry data/toyama/toyama-strategy-progress-fy2020.tsv
status=$?
[ $status -eq 1 ] || fail "hook on the Toyama sheet: exit $status, expected 1 (a wrong rate)"
run_entry --no-fail-on finding -- data/takaoka/takaoka-kpi-progress-fy2020-2023.txt data/joetsu/joetsu-kpi-progress-fy2023.tsv
status=$?
[ $status -eq 0 ] || fail "hook with args on Takaoka and Joetsu: exit $status, expected 0"
[ $failures -eq 0 ] && echo "pre-commit hook: pattern and entry as documented"
exit $((failures > 0))
