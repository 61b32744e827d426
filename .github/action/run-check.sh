#!/usr/bin/env bash
# Step 2 of action.yml: `kpi-report check --format github` on the given paths. The github
# format prints ::error/::warning/::notice workflow commands (annotations on the sheets'
# lines) and appends a Markdown summary to $GITHUB_STEP_SUMMARY. Exits with check's code:
# 0 clean, 1 findings, 2 usage or input error. CI runs this script on the bundled sheets.
#   KPI_PATHS   sheet files or directories: separated by spaces, or one per line (default .)
#   KPI_FORMAT  github (default), text, json, junit, sarif
#   KPI_ARGS    more options for check (split on spaces)
#   KPI_OUTPUT  write check's output to this file instead of standard output
#   KPI_REPORT  the program (default: kpi-report on PATH)
set -uo pipefail
program=${KPI_REPORT:-kpi-report}
format=${KPI_FORMAT:-github}
raw_paths=${KPI_PATHS:-.}

paths=()
if [[ $raw_paths == *$'\n'* ]]; then
  while IFS= read -r line; do
    line=${line#"${line%%[![:space:]]*}"}
    line=${line%"${line##*[![:space:]]}"}
    [ -n "$line" ] && paths+=("$line")
  done <<<"$raw_paths"
else
  read -ra paths <<<"$raw_paths"
fi
[ ${#paths[@]} -gt 0 ] || paths=(.)
read -ra extra <<<"${KPI_ARGS:-}"
command=("$program" check --format "$format" "${extra[@]}")
[ -n "${KPI_OUTPUT:-}" ] && command+=(--output "$KPI_OUTPUT")
command+=(-- "${paths[@]}")

echo "+ ${command[*]}"
"${command[@]}"
status=$?

# The github format writes its own summary; for the others say what ran and how it ended.
if [ "$format" != github ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  case $status in
    0) verdict="every published rate explained" ;;
    1) verdict="findings: see the log${KPI_OUTPUT:+ and $KPI_OUTPUT}" ;;
    *) verdict="usage or input error (exit $status)" ;;
  esac
  # shellcheck disable=SC2016  # the backquotes are Markdown
  printf '### kpi-report check\n\n`%s`: %s\n' "${command[*]}" "$verdict" >>"$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$status" >>"$GITHUB_OUTPUT"; fi
exit $status
