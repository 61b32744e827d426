#!/usr/bin/env bash
# `cpack -G DEB` makes a package whose control fields are set and whose Depends are computed
# from the binary: the Debian package owning each shared library kpi-report links (libc and
# mimalloc; ICU, fmt and the C++ runtime too when built with -DKPI_STATIC_RUNTIME=OFF) or
# opens on first use (libzip, expat, libxlsxwriter) is in Depends, e.g. libc6 and libzip4 on
# Debian 12.
# Usage: deb.sh BUILD_DIR PROJECT_VERSION
set -euo pipefail
build=$(realpath "$1")
version=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) ||
  { cat "$out/cpack.log" >&2; exit 1; }
deb=$(find "$out" -maxdepth 1 -name '*.deb')
if [ -z "$deb" ] || [ "$(wc -l <<<"$deb")" -ne 1 ]; then
  echo "no single .deb in $out" >&2
  exit 1
fi
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "kpi-report_${version}_${arch}.deb" ] ||
  { echo "unexpected file name $(basename "$deb")" >&2; exit 1; }

failures=0
fail() {
  echo "$*" >&2
  failures=$((failures + 1))
}
# The package owning a library path, as linked or resolved (merged /usr: /lib is /usr/lib).
owner() {
  local candidate found
  for candidate in "$1" "$(realpath "$1")" "${1#/usr}" "/usr$1" "$(realpath "$1" | sed 's|^/usr||')"; do
    found=$(dpkg -S "$candidate" 2>/dev/null | sed -n '1s/:.*//p')
    if [ -n "$found" ]; then
      echo "$found"
      return
    fi
  done
}
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = kpi-report ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), project says $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = utils ] || fail "Section: $(field Section)"
[[ $(field Maintainer) == *@* ]] || fail "Maintainer: $(field Maintainer)"
[[ $(field Description) == *"achievement rates"* ]] || fail "Description: $(field Description)"
depends=$(field Depends)
echo "Depends: $depends"
# The package names of Depends, one per line ("libicu72 (>= 72.1~rc-1~)" -> libicu72).
depends_names=$(tr ',' '\n' <<<"$depends" | awk '{ print $1 }')

# Every shared library the binary links comes from a package that Depends names.
binary=$build/kpi-report
linked=$(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }')
grep -q '/libc\.so' <<<"$linked" || fail "ldd lists no libc for kpi-report: $linked"
for path in $linked; do
  package=$(owner "$path")
  [ -n "$package" ] || { fail "no package owns $path"; continue; }
  grep -qxF "$package" <<<"$depends_names" || fail "Depends lacks $package (owner of $path)"
done
# So does every library it opens on first use (dlopen, by the soname compiled in): the
# workbook libraries, which are not linked and which dpkg-shlibdeps therefore cannot see.
for library in libzip libexpat libxlsxwriter; do
  soname=$(strings "$binary" | grep -oE "$library\.so\.[0-9]+" | head -n1 || true)
  [ -n "$soname" ] || { fail "kpi-report names no soname of $library to load"; continue; }
  # awk reads to the end: exiting at the first match would kill ldconfig with SIGPIPE, which
  # pipefail and set -e turn into a failed test.
  path=$(ldconfig -p | awk -v name="$soname" '$1 == name && !found { found = $NF } END { print found }')
  [ -n "$path" ] || { fail "$soname is not installed"; continue; }
  package=$(owner "$path")
  [ -n "$package" ] || { fail "no package owns $path"; continue; }
  grep -qxF "$package" <<<"$depends_names" || fail "Depends lacks $package (owner of $path)"
  ldd "$binary" | grep -q "^[[:space:]]*$library\." && fail "kpi-report links $library at start-up"
done
if grep -q '^12' /etc/debian_version 2>/dev/null; then
  for package in libc6 libzip4 libexpat1 libxlsxwriter4; do
    grep -qxF "$package" <<<"$depends_names" || fail "Depends lacks $package on Debian 12"
  done
fi

contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for file in ./usr/bin/kpi-report ./usr/share/man/man1/kpi-report.1.gz \
  ./usr/share/bash-completion/completions/kpi-report ./usr/share/zsh/vendor-completions/_kpi-report \
  ./usr/share/doc/kpi-report/README.md ./usr/share/doc/kpi-report/docs/ja/README.md \
  ./usr/share/doc/kpi-report/docs/kpi-report.schema.json; do
  grep -qxF "$file" <<<"$contents" || fail "the .deb lacks $file"
done
[ "$failures" -eq 0 ] && echo "$(basename "$deb"): fields, Depends and contents as expected"
exit $((failures > 0))
