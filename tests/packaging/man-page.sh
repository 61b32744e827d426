#!/usr/bin/env bash
# The man page stays true: every command, option and option value that `kpi-report --help`
# and `kpi-report COMMAND --help` print appears in docs/kpi-report.1, and groff formats it
# without a warning.
# Usage: man-page.sh KPI_REPORT_BINARY MAN_PAGE
set -euo pipefail
here=$(dirname "$0")
binary=$(realpath "$1") page=$(realpath "$2")

# The page's text with roff escapes undone: \- is -, font changes (\fB \fI \fR) go.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")
items=$("$here/help-options.sh" "$binary")
missing=0 checked=0
while read -r kind scope a b; do
  case $kind in
    command) word=$a pattern="^\.B $a\$" ;;   # each command has its own .B entry
    option) word=$a pattern="(^|[^-[:alnum:]])$a([^-[:alnum:]]|\$)" ;;
    value) word=$b pattern="(^|[^-[:alnum:]])$b([^-[:alnum:]]|\$)" ;;
  esac
  checked=$((checked + 1))
  if ! grep -Eq -- "$pattern" <<<"$text"; then
    echo "man page $page lacks $kind '$word' ($scope${a:+ $a})" >&2
    missing=$((missing + 1))
  fi
done <<<"$items"
[ "$checked" -gt 20 ] || { echo "only $checked items read from --help" >&2; exit 1; }

# The header names the version the binary has (0.1.0 of `kpi-report 0.1.0 (git ...)`).
version=$("$binary" --version | awk '{ print $2 }')
if ! grep -q "^\.TH .*\"kpi-report $version\"" "$page"; then
  echo "man page $page: .TH does not name kpi-report $version" >&2
  missing=$((missing + 1))
fi

if command -v groff >/dev/null; then
  warnings=$(groff -man -ww -z -Tutf8 "$page" 2>&1)
  if [ -n "$warnings" ]; then
    echo "groff warns about $page:" >&2
    echo "$warnings" >&2
    missing=$((missing + 1))
  fi
fi
[ "$missing" -eq 0 ] && echo "man page: all $checked commands, options and values of --help present"
exit $((missing > 0))
