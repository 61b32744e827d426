#!/usr/bin/env bash
# The documentation's examples run: every ```sh block of the given Markdown files, line by
# line (a line ending in \ continues), in one scratch directory per file that stands for the
# source root: `data/` (the bundled sheets) and `tests/` (the fixture workbooks README names)
# linked, and the files of tests/docs/workdir/ (the user's own sheets the examples name,
# such as book.xlsx) copied; with the built kpi-report first on PATH.
# A command passes when it exits 0, or 1 when it runs `kpi-report check` (1 = findings, what
# check is for); 2 (usage or input error), 127 (no such command) or anything else fails.
# A block right after a line `<!-- not run: REASON -->` is skipped (installing packages,
# building: what needs root or the network; ./run.sh itself runs this test).
# Usage: run-examples.sh KPI_REPORT_BINARY SOURCE_DIR DOC.md...
set -uo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
shift 2

command -v jq >/dev/null || { echo "run-examples.sh: the examples use jq (run.sh installs it)" >&2; exit 1; }
bin=$(mktemp -d)
ln -s "$binary" "$bin/kpi-report"
export PATH="$bin:$PATH"
failures=0 ran=0

# Prints "LINE<TAB>COMMAND" for every command of the runnable ```sh blocks of $1.
commands_of() {
  awk '
    /^```/ && in_block { in_block = 0; next }
    /^```sh[[:space:]]*$/ { in_block = !skip; skip = 0; next }
    /^<!-- not run/ { skip = 1; next }
    NF && !in_block { skip = 0 }
    in_block {
      line = $0
      if (pending) { command = command " " line } else { command = line; start = NR }
      if (command ~ /\\$/) { sub(/\\$/, "", command); pending = 1; next }
      pending = 0
      stripped = command
      sub(/^[[:space:]]+/, "", stripped)
      if (stripped == "" || stripped ~ /^#/) next
      print start "\t" command
    }' "$1"
}

for doc in "$@"; do
  doc=$(realpath "$doc")
  work=$(mktemp -d)
  ln -s "$source_dir/data" "$work/data"
  ln -s "$source_dir/tests" "$work/tests"
  cp -r "$source_dir/tests/docs/workdir/." "$work/"
  count=0
  while IFS=$'\t' read -r line command; do
    (cd "$work" && bash -o pipefail -c "$command" >"$work/.out" 2>&1 </dev/null)
    status=$?
    ran=$((ran + 1)) count=$((count + 1))
    if [ $status -eq 0 ] || { [ $status -eq 1 ] && [[ $command == *"kpi-report check"* ]]; }; then
      continue
    fi
    echo "${doc#"$source_dir"/}:$line: exit $status: $command" >&2
    sed 's/^/    /' "$work/.out" | head -20 >&2
    failures=$((failures + 1))
  done < <(commands_of "$doc")
  if [ $count -eq 0 ]; then
    echo "${doc#"$source_dir"/}: no runnable \`\`\`sh example" >&2
    failures=$((failures + 1))
  fi
  echo "${doc#"$source_dir"/}: $count example commands"
  rm -rf "$work"
done
rm -rf "$bin"
exit $((failures > 0))
