#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium (Debian `chromium`) loads the report of
# the Takaoka sheet and of a prefecture grid with planted wrong rates, and the DOM it builds
# (--dump-dom) is checked against kpi-report's own JSON summary: the summary cards, one bar
# group per basic goal in the SVG chart, one table row per KPI, the mismatch rows, lang, and no
# URL anywhere. Then a screenshot, checked to be a PNG; with a third argument it is also
# copied there (how docs/report-screenshot.png is made).
# Exit 77 (ctest: skipped) when chromium is not installed, unless KPI_REQUIRE_CHROMIUM=1
# (.ci/run installs it and sets that, so CI never skips).
# Usage: html-chromium.sh KPI_REPORT_BINARY SOURCE_DIR [SCREENSHOT.png]
set -euo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
screenshot_out=${3:-}

# KPI_CHROMIUM names another browser binary; set empty, it stands for none installed.
browser=${KPI_CHROMIUM-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
  if [ "${KPI_REQUIRE_CHROMIUM:-0}" = 1 ]; then
    echo "html-chromium.sh: chromium is not installed (apt-get install chromium)" >&2
    exit 1
  fi
  echo "SKIP: chromium is not installed (apt-get install chromium fonts-noto-cjk)"
  exit 77
fi
command -v jq >/dev/null || { echo "html-chromium.sh: needs jq (run.sh installs it)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"  # Chromium's profile and caches, never the user's
mkdir -p "$HOME"
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_eq() {  # WHAT ACTUAL EXPECTED
  if [ "$2" != "$3" ]; then fail "$1: got '$2', expected '$3'"; else echo "ok: $1 = $2"; fi
}

chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --hide-scrollbars "$@" 2>>"$work/chromium.log"
}

# The DOM of the page kpi-report writes for `$@`, in $work/NAME.{html,json,dom}.
render() {
  local name=$1
  shift
  "$binary" report --format html -o "$work/$name.html" "$@" 2>>"$work/kpi-report.log"
  "$binary" report --format json -o "$work/$name.json" "$@" 2>>"$work/kpi-report.log"
  chrome --enable-logging=stderr --v=0 --dump-dom "file://$work/$name.html" >"$work/$name.dom"
  [ -s "$work/$name.dom" ] || fail "$name: chromium gave no DOM (see below)"
  # The page's policy (default-src 'none') blocks any load; the console says when one was tried.
  if grep -E 'Content Security Policy|Failed to load|Refused to' "$work/chromium.log"; then
    fail "$name: the page tried to load something"
  fi
  : >"$work/chromium.log"
}

# The number in the summary card of KIND in the DOM $1.
card() {
  grep -o "<div class=\"card $2\"><div class=\"n\">[0-9]*" "$1" | grep -o '[0-9]*$' || true
}

# How many times the pattern $2 occurs in the part of $1 between the first line matching $3
# and the next line matching $4.
count_in() {
  sed -n "/$3/,/$4/p" "$1" | grep -o "$2" | wc -l | tr -d ' '
}

cd "$source_dir"

# 1. Takaoka, FY2023, in Japanese.
render takaoka --lang ja --year 2023 data/takaoka/takaoka-kpi-progress-fy2020-2023.txt
dom=$work/takaoka.dom json=$work/takaoka.json
grep -q '<html lang="ja">' "$dom" || fail 'takaoka: no <html lang="ja">'
for kind in kpis achieved behind no_data wrong; do
  key=$kind
  [ "$kind" = wrong ] && key=wrong_rates
  expect_eq "takaoka card $kind" "$(card "$dom" "$kind")" "$(jq ".summary.total.$key" "$json")"
done
expect_eq "takaoka achieved (FY2023)" "$(card "$dom" achieved)" 26
expect_eq "takaoka bar groups (one per basic goal)" \
  "$(count_in "$dom" '<g class="goal"' '<svg class="chart status"' '<\/svg>')" \
  "$(jq '.summary.goals | length' "$json")"
expect_eq "takaoka table rows (one per KPI in FY2023)" \
  "$(count_in "$dom" '<tr[ >]' '<table class="kpis">' '<\/table>')" \
  "$(( $(jq '.indicators | length' "$json") + 1 ))"  # + the header row
expect_eq "takaoka sparkline cards" "$(grep -o '<div class="kpi ' "$dom" | wc -l | tr -d ' ')" \
  "$(jq '.indicators | length' "$json")"
grep -q '令和5年度' "$dom" || fail "takaoka: no 令和5年度"
grep -q '<th>指標名</th>' "$dom" || fail "takaoka: no Japanese header 指標名"

# 2. A prefecture grid with planted wrong rates, in English, every year.
render grid --lang en --input-format grid tests/fixtures/grid/prefecture-policy-evaluation-r5.utf8-bom.csv
dom=$work/grid.dom json=$work/grid.json
grep -q '<html lang="en">' "$dom" || fail 'grid: no <html lang="en">'
wrong=$(jq '.summary.total.wrong_rates' "$json")
[ "$wrong" -gt 0 ] || fail "grid: the fixture has no wrong rate"
expect_eq "grid card wrong" "$(card "$dom" wrong)" "$wrong"
expect_eq "grid mismatch rows in the KPI table" \
  "$(count_in "$dom" '<tr [^>]*class="mismatch ' '<table class="kpis">' '<\/table>')" "$wrong"
expect_eq "grid mismatch rows in the findings" \
  "$(count_in "$dom" '<tr class="mismatch">' '<table class="mismatches">' '<\/table>')" "$wrong"

# 3. Nothing to fetch: no URL in the pages or their DOM.
for f in "$work"/*.html "$work"/*.dom; do
  if grep -Eno 'https?:|//[a-z]|src=|url\(' "$f"; then fail "$(basename "$f"): a URL"; fi
done

# 4. The screenshot: the top of the Takaoka report (summary, chart per goal).
chrome --window-size=1280,900 --screenshot="$work/shot.png" "file://$work/takaoka.html" >/dev/null
if [ "$(head -c 8 "$work/shot.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
  fail "no PNG screenshot"
else
  echo "ok: screenshot $(wc -c <"$work/shot.png") bytes"
  if [ -n "$screenshot_out" ]; then
    # A picture for README: Japanese must render, not as empty boxes.
    if [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
      fail "no Japanese font for the screenshot (apt-get install fonts-noto-cjk)"
    else
      cp "$work/shot.png" "$screenshot_out"
    fi
  fi
fi

if [ $failures -gt 0 ]; then
  echo "chromium said:" >&2
  grep -v -e dbus -e 'unexpected operator' "$work/chromium.log" | tail -20 >&2
  echo "html-chromium: $failures failed" >&2
  exit 1
fi
echo "html-chromium: all passed"
