#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs each one for a
# bounded time. See docs/robustness.md.
#
#   tests/fuzz/run.sh                 every target, FUZZ_SECONDS (default 30) each
#   tests/fuzz/run.sh text layout-takaoka
#   tests/fuzz/run.sh replay          run every saved regression input once, no fuzzing
#
# Targets: decode, text, pipeline, the workbook readers xlsx, ods and xls, and layout-NAME for every layout `kpi-report formats`
# lists (fuzz_layout with KPI_FUZZ_LAYOUT=NAME), so a new layout is fuzzed without a change
# here. A crash, sanitizer report, invariant failure, timeout or out-of-memory fails the run;
# the input is saved to tests/fuzz/regressions/<target>/, which the ctest test
# "[fuzz-regressions]" replays through the pipeline from then on. Commit it with the fix.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-30}
build=${FUZZ_BUILD_DIR:-build-fuzz}
fuzz_dir=tests/fuzz
extra_args=(${FUZZ_ARGS:-})

build_fuzzers() {
  if ! command -v clang++ >/dev/null; then
    echo "run.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
    exit 2
  fi
  # -O1 and line tables only: half the compile time of -O2 -g, and what libFuzzer suggests.
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
    -DKPI_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$build" -j "${FUZZ_BUILD_JOBS:-2}" --target fuzzers kpi-report
}

all_targets() {
  echo decode text pipeline xlsx ods xls plain_xml
  "$build/kpi-report" formats | awk 'NF { print "layout-" $1 }'
}

# The binary, seed directories and environment of a target.
binary_of() { case $1 in layout-*) echo fuzz_layout ;; *) echo "fuzz_$1" ;; esac; }
layout_of() { case $1 in layout-*) echo "${1#layout-}" ;; *) echo "" ;; esac; }
seeds_of() {
  case $1 in
    layout-*) echo "$fuzz_dir/corpus/layout"; [ -d "$fuzz_dir/corpus/$1" ] && echo "$fuzz_dir/corpus/$1" ;;
    *) echo "$fuzz_dir/corpus/$1" ;;
  esac
  return 0
}

# Runs one target; prints "target executions seconds status".
fuzz_target() {
  local target=$1 binary work log status=ok
  binary="$build/tests/fuzz/$(binary_of "$target")"
  work="$build/corpus/$target"
  log="$build/logs/$target.log"
  mkdir -p "$work" "$build/logs" "$fuzz_dir/regressions/$target"
  local start=$SECONDS
  KPI_FUZZ_LAYOUT=$(layout_of "$target") "$binary" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -dict="$fuzz_dir/kpi.dict" \
    -artifact_prefix="$fuzz_dir/regressions/$target/" "${extra_args[@]}" \
    "$work" $(seeds_of "$target") >"$log" 2>&1 || status=FAILED
  local runs
  runs=$(awk '/stat::number_of_executed_units:/ { print $2 }' "$log" | tail -n 1)
  printf '%-18s %12s %6ss  %s\n' "$target" "${runs:-?}" "$((SECONDS - start))" "$status"
  if [ "$status" != ok ]; then
    grep -E 'ERROR|runtime error|invariant failed|Test unit written' "$log" | head -n 5 | sed 's/^/    /' || true
    echo "    full log: $log"
    return 1
  fi
}

replay() {
  local failed=0
  for dir in "$fuzz_dir"/regressions/*/; do
    local target files
    target=$(basename "$dir")
    files=$(find "$dir" -type f ! -name '.*' | sort)
    [ -n "$files" ] || continue
    KPI_FUZZ_LAYOUT=$(layout_of "$target") "$build/tests/fuzz/$(binary_of "$target")" $files \
      >"$build/logs/replay-$target.log" 2>&1 && echo "$target: ok" ||
      { echo "$target: FAILED ($build/logs/replay-$target.log)"; failed=1; }
  done
  return $failed
}

build_fuzzers
mkdir -p "$build/logs"
if [ "${1:-}" = replay ]; then
  replay
  exit
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || read -r -a targets <<<"$(all_targets | xargs)"
printf '%-18s %12s %7s  %s\n' target executions time result
summary="$build/fuzz-summary.txt"
printf 'FUZZ_SECONDS=%s\n' "$seconds" >"$summary"
failed=0
for target in "${targets[@]}"; do fuzz_target "$target" | tee -a "$summary" || failed=1; done
[ $failed = 0 ] || echo "fuzzing found problems: inputs saved under $fuzz_dir/regressions/" >&2
exit $failed
