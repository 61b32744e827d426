#!/usr/bin/env bash
# `cmake --install` puts the program, its man page, completions and documentation where
# GNUInstallDirs and Debian expect them, and the installed program runs.
# Usage: install-layout.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null

failures=0
for file in bin/kpi-report share/man/man1/kpi-report.1.gz \
  share/bash-completion/completions/kpi-report share/zsh/vendor-completions/_kpi-report \
  share/doc/kpi-report/README.md share/doc/kpi-report/docs/ja/README.md \
  share/doc/kpi-report/docs/cli.md share/doc/kpi-report/docs/formulas.md \
  share/doc/kpi-report/docs/kpi-report.schema.json \
  share/doc/kpi-report/docs/kpi-report-check.schema.json; do
  [ -f "$prefix/$file" ] || { echo "not installed: $file" >&2; failures=$((failures + 1)); }
done
[ -x "$prefix/bin/kpi-report" ] || { echo "bin/kpi-report is not executable" >&2; exit 1; }

version=$("$prefix/bin/kpi-report" --version)
[[ $version =~ ^kpi-report\ [0-9]+\.[0-9]+\.[0-9]+\ \(git\ [^\ ]+\)$ ]] ||
  { echo "installed kpi-report --version: '$version'" >&2; failures=$((failures + 1)); }
# The installed man page is the gzipped docs/kpi-report.1 and man reads it.
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$prefix/share/man/man1/kpi-report.1.gz" 2>/dev/null | grep "EXIT STATUS" >/dev/null ||
    { echo "man cannot read the installed page" >&2; failures=$((failures + 1)); }
fi
[ "$failures" -eq 0 ] && echo "install layout under $prefix complete; $version"
exit $((failures > 0))
