#!/usr/bin/env bash
# Regenerates the seed corpora in tests/fuzz/corpus/<target>/ from slices of the bundled
# sheets in data/ (read only). Run after adding a sheet; commit the result. Files are named
# after the sheet and the first line of the slice, so a rerun replaces rather than adds.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=tests/fuzz/corpus
window_lines=100   # a slice of a sheet: enough for a page header and a few KPI rows
windows=6          # slices per sheet, evenly spaced
max_bytes=8192

# Lines [first, first+count) of $1, cut to whole lines within max_bytes.
slice() {
  sed -n "$2,$(($2 + $3 - 1))p" "$1" |
    LC_ALL=C awk -v max="$max_bytes" '{ n += length($0) + 1 } n <= max'
}

sheets=$(find data -path data/profiles -prune -o -type f \( -name '*.txt' -o -name '*.tsv' -o -name '*.csv' \) -print | sort)
mkdir -p "$corpus"/{decode,text,layout,pipeline}

for sheet in $sheets; do
  base=$(basename "$sheet" | sed 's/\.[a-z]*$//')
  total=$(wc -l <"$sheet")
  step=$(((total + windows - 1) / windows))
  for ((first = 1; first <= total; first += step)); do
    name="$base-L$first"
    slice "$sheet" "$first" "$window_lines" >"$corpus/layout/$name.txt"
    cp "$corpus/layout/$name.txt" "$corpus/pipeline/$name.txt"
  done
  # Encodings for the decoder: 40 lines of each sheet as UTF-8, with BOM, CRLF, CP932, UTF-16.
  sample=$(mktemp)
  slice "$sheet" 1 40 >"$sample"
  cp "$sample" "$corpus/decode/$base.utf8"
  { printf '\xEF\xBB\xBF'; cat "$sample"; } >"$corpus/decode/$base.utf8-bom"
  sed 's/$/\r/' "$sample" >"$corpus/decode/$base.crlf"
  iconv -f UTF-8 -t CP932 "$sample" >"$corpus/decode/$base.cp932" 2>/dev/null || rm -f "$corpus/decode/$base.cp932"
  { printf '\xFF\xFE'; iconv -f UTF-8 -t UTF-16LE "$sample"; } >"$corpus/decode/$base.utf16le-bom"
  iconv -f UTF-8 -t UTF-16LE "$sample" >"$corpus/decode/$base.utf16le"
  { printf '\xFE\xFF'; iconv -f UTF-8 -t UTF-16BE "$sample"; } >"$corpus/decode/$base.utf16be-bom"
  rm -f "$sample"
  # Cells and value lines for the number/era parsers: lines with digits, one per file.
  LC_ALL=C grep -n '[0-9]' "$sheet" | awk -F: 'length($0) < 400' | awk 'NR % 25 == 1' | head -n 20 |
    while IFS=: read -r line rest; do printf '%s' "$rest" >"$corpus/text/$base-L$line.txt"; done
done

# The committed hostile inputs (huge numbers, 1e309, missing headers ...) seed the parsers.
for hostile in tests/hostile/*.txt; do
  cp "$hostile" "$corpus/layout/hostile-$(basename "$hostile")"
  cp "$hostile" "$corpus/pipeline/hostile-$(basename "$hostile")"
done

# A CP932 sheet through the whole pipeline, as Excel users save it.
takaoka_slice=$(grep -l 'R5年度R3年度' "$corpus"/pipeline/takaoka-kpi-progress-*.txt | head -n 1)
if [ -n "$takaoka_slice" ]; then
  iconv -f UTF-8 -t CP932 "$takaoka_slice" >"$corpus/pipeline/takaoka-slice.cp932" 2>/dev/null ||
    rm -f "$corpus/pipeline/takaoka-slice.cp932"
fi
# kpi-report's own output, for the layouts that read it back (kpi-json, the canonical CSV):
# the report of that slice in each of those formats the built binary writes.
if [ -n "$takaoka_slice" ] && [ -x build/kpi-report ]; then
  for format in json csv; do
    out="$corpus/layout/takaoka-slice-report.$format"
    build/kpi-report report --format "$format" "$takaoka_slice" >"$out" 2>/dev/null || rm -f "$out"
    [ ! -f "$out" ] || cp "$out" "$corpus/pipeline/"
  done
fi
# The workbook readers: the fixture workbooks whole, and their sheet XML (content.xml for
# ods) as text, which fuzz_xlsx and fuzz_ods wrap into a package.
mkdir -p "$corpus"/{xlsx,ods,xls}
for book in tests/fixtures/grid/*.xlsx; do
  base=$(basename "$book" .xlsx)
  cp "$book" "$corpus/xlsx/$base.xlsx"
  unzip -p "$book" xl/worksheets/sheet1.xml >"$corpus/xlsx/$base-sheet1.xml"
done
for book in tests/fixtures/grid/*.ods; do
  base=$(basename "$book" .ods)
  cp "$book" "$corpus/ods/$base.ods"
  unzip -p "$book" content.xml >"$corpus/ods/$base-content.xml"
done
cp tests/fixtures/grid/kpi*.xls "$corpus/xls/"  # many-strings.xls is too large to mutate fast
du -sh "$corpus"/*
