#!/usr/bin/env bash
# The two README commands: `./run.sh report` and `./run.sh test`.
# Installs missing Debian packages (as root), builds into build/, then runs the job.
set -euo pipefail
cd "$(dirname "$0")"

packages=(cmake ninja-build g++ libcli11-dev libfmt-dev nlohmann-json3-dev libicu-dev catch2
  pkg-config libzip-dev libexpat1-dev libxlsxwriter-dev libmimalloc-dev python3-openpyxl
  dpkg-dev jq)  # tests: dpkg-shlibdeps for the .deb's Depends; jq in README's examples

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}"
  fi
}

build() {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build build -j "$(nproc)"
}

case "${1:-report}" in
  report)
    install_missing
    build
    ./build/kpi-report report data/takaoka/takaoka-kpi-progress-fy2020-2023.txt
    ;;
  test)
    install_missing
    build
    ./build/kpi-report report data/takaoka/takaoka-kpi-progress-fy2020-2023.txt > /dev/null
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: ./run.sh report|test" >&2
    exit 2
    ;;
esac
