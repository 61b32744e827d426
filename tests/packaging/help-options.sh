#!/usr/bin/env bash
# What the CLI itself says it has, from `kpi-report --help` and `kpi-report COMMAND --help`
# (CLI11's help): one line per item, for the man page and completion tests.
#   command NAME                   a subcommand of `kpi-report --help`
#   option COMMAND|- FLAG          an option (FLAG as printed: -f, --format); - = global
#   value COMMAND FLAG VALUE       an allowed value of an option ({text,json,...} in the help)
# Usage: help-options.sh KPI_REPORT_BINARY
set -euo pipefail
binary=$1

# Prints "option"/"value" lines for one help text.
options_of() {
  local scope=$1 section="" line flags choices flag value
  while IFS= read -r line; do
    case $line in
      [A-Za-z]*:) section=${line%:} ;;
    esac
    [ "$section" = Options ] || continue
    [[ $line =~ ^\ +(-[^ ]+) ]] || continue
    flags=${BASH_REMATCH[1]}
    choices=""
    if [[ $line =~ \{([^}]*)\} ]]; then choices=${BASH_REMATCH[1]}; fi
    IFS=, read -ra parts <<<"$flags"
    for flag in "${parts[@]}"; do
      echo "option $scope $flag"
      if [ -n "$choices" ]; then
        IFS=, read -ra values <<<"$choices"
        for value in "${values[@]}"; do echo "value $scope $flag $value"; done
      fi
    done
  done
}

top=$("$binary" --help)
options_of - <<<"$top"
commands=$(awk '/^Subcommands:/ { on = 1; next } /^[^ ]/ { on = 0 } on && NF { print $1 }' <<<"$top")
if [ -z "$commands" ]; then
  echo "help-options.sh: no subcommands in \`$binary --help\`" >&2
  exit 1
fi
for command in $commands; do
  echo "command - $command"
  "$binary" "$command" --help | options_of "$command"
done
