#!/usr/bin/env bash
# Step 1 of action.yml: make `kpi-report` available on PATH.
#   KPI_INSTALL=build  build from KPI_SOURCE into KPI_BUILD_DIR with the distribution's
#                      packages (the list of docs/build.md, without the test-only ones)
#   KPI_INSTALL=deb    install the package KPI_DEB (a path or an https URL)
#   KPI_INSTALL=path   use the kpi-report already on PATH
set -euo pipefail
mode=${KPI_INSTALL:-build}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
add_to_path() {
  if [ -n "${GITHUB_PATH:-}" ]; then echo "$1" >>"$GITHUB_PATH"; fi
  export PATH="$1:$PATH"
}

case $mode in
  build)
    source=${KPI_SOURCE:?KPI_SOURCE: the kpi-report source directory}
    build=${KPI_BUILD_DIR:-$source/build-action}
    packages=(cmake ninja-build g++ libcli11-dev libfmt-dev nlohmann-json3-dev libicu-dev
      pkg-config libzip-dev libexpat1-dev libxlsxwriter-dev libmimalloc-dev)
    missing=()
    for p in "${packages[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      echo "installing: ${missing[*]}"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
    # RelWithDebInfo as run.sh builds (-O2, warning-free; GCC 12 at -O3 warns -Wrestrict
    # falsely inside std::string); no tests, so catch2 is not needed (libxlsxwriter is: the
    # xlsx report).
    cmake -S "$source" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF
    cmake --build "$build" --target kpi-report -j "$(nproc)"
    add_to_path "$build"
    ;;
  deb)
    deb=${KPI_DEB:?KPI_DEB: the path or URL of a kpi-report .deb}
    if [[ $deb == https://* ]]; then
      file=$(mktemp -d)/kpi-report.deb
      curl -fsSL --retry 3 -o "$file" "$deb"
      deb=$file
    fi
    deb=$(realpath "$deb")
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # apt installs the package's Depends (libicu72, libfmt9, ...) with it.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
    ;;
  path) ;;
  *)
    echo "install: expected build, deb or path, got '$mode'" >&2
    exit 2
    ;;
esac
kpi-report --version
