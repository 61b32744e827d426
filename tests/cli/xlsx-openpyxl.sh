#!/usr/bin/env bash
# The xlsx report opens in another reader: python3-openpyxl (Debian) loads it and finds the
# sheets, cell values and types, number formats, the frozen header, the autofilter, the
# conditional formatting and the chart (in the ZIP: openpyxl does not read charts back).
# Usage: xlsx-openpyxl.sh KPI_REPORT_BINARY SHEET
set -euo pipefail
binary=$(realpath "$1") sheet=$(realpath "$2")
python=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import openpyxl' 2>/dev/null; then
    python=$candidate
    break
  fi
done
[ -n "$python" ] || { echo "xlsx-openpyxl.sh: needs python3-openpyxl (run.sh installs it)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$binary" report --format xlsx --lang en -o "$out/en.xlsx" "$sheet"
"$binary" report --format xlsx --lang ja --year 2023 "$sheet" >"$out/ja.xlsx"
"$python" - "$out/en.xlsx" "$out/ja.xlsx" <<'PY'
import sys, zipfile
import openpyxl

failures = []
def check(ok, what):
    if not ok:
        failures.append(what)

en, ja = sys.argv[1], sys.argv[2]
book = openpyxl.load_workbook(en)
check(book.sheetnames == ["Summary", "KPIs", "Findings"], f"sheets {book.sheetnames}")
kpis = book["KPIs"]
header = [c.value for c in kpis[1]]
col = {name: i + 1 for i, name in enumerate(header)}
check(header[:5] == ["municipality", "municipality_name", "source", "goal", "id"],
      f"header {header[:5]}")
check(kpis.freeze_panes == "A2", f"freeze panes {kpis.freeze_panes}")
check(kpis.auto_filter.ref is not None and kpis.auto_filter.ref.startswith("A1:"),
      f"autofilter {kpis.auto_filter.ref}")
rules = [r for cf in kpis.conditional_formatting for r in cf.rules]
check(len(rules) == 3, f"{len(rules)} conditional formats")
check(any('"behind"' in (r.formula or [""])[0] for r in rules), "no rule for behind")
check(any('"mismatch"' in (r.formula or [""])[0] for r in rules), "no rule for mismatch")

row = next(r for r in range(2, kpis.max_row + 1)
           if kpis.cell(r, col["id"]).value == "No.22" and kpis.cell(r, col["fiscal_year"]).value == 2023)
cell = lambda name: kpis.cell(row, col[name])
check(cell("target").value == 95, f"target {cell('target').value!r}")
check(cell("actual").value == 79, f"actual {cell('actual').value!r}")
check(abs(cell("published_rate").value - 0.834) < 1e-12, f"published {cell('published_rate').value!r}")
check(cell("published_rate").number_format == "0.0%", f"format {cell('published_rate').number_format}")
check(abs(cell("recomputed_rate").value - 0.832) < 1e-12, f"recomputed {cell('recomputed_rate').value!r}")
check(cell("baseline").number_format == "#,##0.0", f"baseline format {cell('baseline').number_format}")
check(cell("status").value == "behind", f"status {cell('status').value!r}")
check(cell("achieved").value is False, f"achieved {cell('achieved').value!r}")
check(cell("grade").value == "B", f"grade {cell('grade').value!r}")
check(cell("municipality_name").value == "高岡市", f"body {cell('municipality_name').value!r}")

summary = book["Summary"]
check(summary["A4"].value == "whole plan", f"A4 {summary['A4'].value!r}")
total = summary["C4"].value
check(isinstance(total, (int, float)) and total > 0, f"KPIs {total!r}")
check(summary["D4"].value + summary["E4"].value + summary["F4"].value == total, "status counts")
check(summary["G4"].number_format == "0.0%", f"share format {summary['G4'].number_format}")
check(book["Findings"]["A1"].value == "severity", "findings header")

with zipfile.ZipFile(en) as z:
    names = z.namelist()
    check("xl/charts/chart1.xml" in names, "no chart")
    check("xl/drawings/drawing1.xml" in names, "no drawing")
    if "xl/charts/chart1.xml" in names:
        chart = z.read("xl/charts/chart1.xml").decode()
        check("<c:barChart>" in chart and '<c:grouping val="stacked"/>' in chart, "not a stacked column chart")
        check(chart.count("<c:ser>") == 3, "series")
        check("Summary!$A$5" in chart, "categories are not the goals")

japanese = openpyxl.load_workbook(ja)
check(japanese.sheetnames == ["概要", "指標", "指摘事項"], f"ja sheets {japanese.sheetnames}")
jk = japanese["指標"]
jheader = [c.value for c in jk[1]]
check("達成率（再計算）" in jheader, "ja header")
years = {jk.cell(r, jheader.index("年度") + 1).value for r in range(2, jk.max_row + 1)}
check(years <= {2023, None}, f"--year 2023 rows {years}")
check(japanese["概要"]["A1"].value == "概要 令和5年度", f"ja title {japanese['概要']['A1'].value!r}")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("xlsx report: sheets, cells, formats, freeze panes, autofilter, conditional formats, chart")
PY
