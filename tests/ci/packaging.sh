#!/usr/bin/env bash
# .ci/run's packaging step (root, Debian 12): `cmake --install` layout, `cpack -G DEB`, the
# package inspected (dpkg-deb -c, -f) and installed (dpkg -i), the installed kpi-report run
# (--version, man page, one check with its exit code), the GitHub Action's script and the
# pre-commit hook (pre-commit try-repo) on the bundled sheets; the action's install step
# with a .deb.
# Usage: tests/ci/packaging.sh BUILD_DIR   (from the source root)
set -euo pipefail
build=$1
version=$(sed -n 's/^project(kpi-report VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)

need=()
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v pre-commit >/dev/null || need+=(pre-commit)
command -v man >/dev/null || need+=(man-db)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}"
fi

echo "== cmake --install: layout"
prefix=$(mktemp -d)
cmake --install "$build" --prefix "$prefix"
(cd "$prefix" && find . -type f | sort)
for file in bin/kpi-report share/man/man1/kpi-report.1.gz share/bash-completion/completions/kpi-report \
  share/zsh/vendor-completions/_kpi-report share/doc/kpi-report/README.md \
  share/doc/kpi-report/docs/ja/README.md share/doc/kpi-report/docs/kpi-report.schema.json; do
  [ -f "$prefix/$file" ] || { echo "not installed: $file" >&2; exit 1; }
done
rm -rf "$prefix"

echo "== cpack -G DEB"
rm -f "$build"/kpi-report_*.deb
(cd "$build" && cpack -G DEB)
deb=$build/kpi-report_${version}_$(dpkg --print-architecture).deb
dpkg-deb -c "$deb"
dpkg-deb -f "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
for package in libzip4 libexpat1 libxlsxwriter4 libc6; do
  tr ',' '\n' <<<"$depends" | awk '{ print $1 }' | grep -xF "$package" >/dev/null ||
    { echo "Depends lacks $package: $depends" >&2; exit 1; }
done

echo "== dpkg -i"
dpkg -i "$deb"
dpkg -s kpi-report | grep -x "Version: $version"
installed=/usr/bin/kpi-report
"$installed" --version | grep -E "^kpi-report $version \(git [^ ]+\)$"
man -w kpi-report | grep -x /usr/share/man/man1/kpi-report.1.gz
MANWIDTH=80 man kpi-report | grep "EXIT STATUS" >/dev/null
[ -f /usr/share/bash-completion/completions/kpi-report ]
status=0
"$installed" check data/toyama/ >/dev/null || status=$?
if [ $status -ne 1 ]; then
  echo "installed kpi-report check data/toyama/: exit $status, expected 1 (a wrong published rate)" >&2
  exit 1
fi
echo "installed kpi-report check data/toyama/: exit 1 as expected"

echo "== the GitHub Action's script, with the installed program"
.github/action/test-run-check.sh "$installed"
KPI_INSTALL=path .github/action/install.sh

echo "== the pre-commit hook (pre-commit try-repo, the installed kpi-report)"
hook_status=0
pre-commit try-repo . kpi-report-check --files data/toyama/toyama-strategy-progress-fy2020.tsv ||
  hook_status=$?
[ $hook_status -eq 1 ] || { echo "pre-commit hook on Toyama: exit $hook_status, expected 1" >&2; exit 1; }
pre-commit try-repo . kpi-report-check --files data/joetsu/joetsu-kpi-progress-fy2023.tsv README.md

echo "== dpkg -r"
dpkg -r kpi-report
[ ! -e "$installed" ]

echo "== the action's install step with install: deb (apt-get install of the package)"
KPI_INSTALL=deb KPI_DEB="$deb" .github/action/install.sh
[ -x "$installed" ]
dpkg -r kpi-report
echo "packaging: layout, package, installed program, action script and hook checked"
