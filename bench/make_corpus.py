#!/usr/bin/python3
"""Synthetic national corpus for the kpi-report benchmark (bench/run.sh; never run by ctest).

    python3 bench/make_corpus.py OUT_DIR [--sheets N] [--seed S]

Writes, deterministically (fixed seed, fixed ZIP timestamps):
  OUT_DIR/corpus/<layout>/NNNN-<town>.<ext>   N text sheets, a quarter per layout (takaoka txt,
                                              toyama tsv, kanazawa txt, joetsu tsv), each a
                                              bundled data/ sheet with its numbers scaled and
                                              its city renamed
  OUT_DIR/corpus/workbooks/NNNN-<town>.xlsx   N/25 workbooks from the .xlsx test fixtures
  OUT_DIR/big/book-10mb.xlsx                  one ~10 MB workbook (Takaoka grid, many rows)
  OUT_DIR/cells/<layout>-3mb-cell.<ext>       each layout's sheet with one 3 MB cell of digits

Numbers are varied without making rates wrong: on a value line every number outside
parentheses and not a year is multiplied by the same small integer, so targets, actuals and
baselines scale together and every ratio (the published rate) is unchanged.
Python 3 standard library only.
"""

import argparse
import os
import random
import re
import sys
import zipfile
from decimal import Decimal

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DATA = os.path.join(ROOT, "data")
WORKBOOKS = os.path.join(ROOT, "tests", "fixtures", "workbooks")
ZIP_DT = (2024, 4, 1, 9, 0, 0)

LAYOUTS = {  # layout -> (bundled sheet, extension, the city name in its text)
    "takaoka": ("takaoka/takaoka-kpi-progress-fy2020-2023.txt", "txt", "高岡市"),
    "toyama": ("toyama/toyama-strategy-progress-fy2020.tsv", "tsv", "富山市"),
    "kanazawa": ("kanazawa/kanazawa-strategy-3rd-fy2024-2028.txt", "txt", "金沢市"),
    "joetsu": ("joetsu/joetsu-kpi-progress-fy2023.tsv", "tsv", "上越市"),
}
WORKBOOK_FIXTURES = [
    "takaoka-kpi-grid-fy2020-2023.xlsx",
    "joetsu-kpi-progress-fy2023.xlsx",
    "toyama-strategy-progress-fy2020.xlsx",
]
TOWNS = [
    "朝日", "青葉", "桜川", "緑ヶ丘", "東山", "西原", "南浜", "北野", "若松", "白石", "松原", "竹田",
    "梅田", "川口", "山中", "大島", "小川", "中村", "新田", "本郷", "高田", "長岡", "石田", "清水",
]
TOWNS_ROMAN = [
    "asahi", "aoba", "sakuragawa", "midorigaoka", "higashiyama", "nishihara", "minamihama",
    "kitano", "wakamatsu", "shiraishi", "matsubara", "takeda", "umeda", "kawaguchi", "yamanaka",
    "oshima", "ogawa", "nakamura", "nitta", "hongo", "takada", "nagaoka", "ishida", "shimizu",
]

# A number as printed: 1,234 or 1234, optionally .5; not glued to a letter, a digit or a dot
# before it, and not a year, month, range start or percentage after it.
NUMBER = re.compile(r"(?<![0-9A-Za-z.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![0-9年月度～~%％.,])")


def scaled_number(match, factor):
    integer, fraction = match.group(1), match.group(2) or ""
    value = Decimal(integer.replace(",", "") + fraction) * factor
    places = len(fraction) - 1 if fraction else 0
    text = f"{value:,.{places}f}" if "," in integer else f"{value:.{places}f}"
    return text


def scale_outside_parentheses(segment, factor):
    """Scales the numbers of `segment` that are not inside (...) or （...）."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(segment + "\0"):
        opening, closing = ch in "(（", ch in ")）"
        if (opening and depth == 0) or ch == "\0":
            out.append(NUMBER.sub(lambda m: scaled_number(m, factor), segment[start:i]))
            start = i
        if opening:
            depth += 1
        elif closing and depth > 0:
            depth -= 1
            if depth == 0:
                out.append(segment[start : i + 1])
                start = i + 1
    return "".join(out)


VALUE_LINE = re.compile(r"\d%|増加指標|減少指標|維持指標|^[\d\s,.▲%-]+$")


def vary_takaoka(lines, rng):
    """One factor for the whole sheet: the PDF extraction moved some numbers of a record away
    from it, into the lines of later records (No.9's final target 720 after No.11), and they
    must scale with their own record's values. Record numbers (the record's, or the next
    one's, alone on a line) are kept."""
    factor, record, out = rng.choice(FACTORS), 0, []
    for line in lines:
        if line.strip() in (str(record), str(record + 1)):
            record = int(line.strip())
            out.append(line)
        else:
            out.append(scale_outside_parentheses(line, factor) if VALUE_LINE.search(line) else line)
    return out


def vary_fields(line, factor, fields):
    cells = line.split("\t")
    for i in fields:
        if i < len(cells) and not cells[i].rstrip().endswith("%"):
            cells[i] = scale_outside_parentheses(cells[i], factor)
    return "\t".join(cells)


def vary_toyama_line(line, factor):
    # 施策番号 施策 部署 内容 項目 | 基準値 目標値 実績 (達成率) 変更後の目標値 (変更後の達成率)
    return vary_fields(line, factor, (5, 6, 7, 9)) if re.match(r"\d+-\d+\t", line) else line


def vary_joetsu_line(line, factor):
    # 政策分野 基本的方向性 項目 | 戦略策定時 現状値 目標
    return vary_fields(line, factor, (3, 4, 5)) if line.startswith("\t") else line


def vary_kanazawa_line(line, factor):
    return scale_outside_parentheses(line, factor) if "→" in line else line


def per_line(vary_line):
    return lambda lines, rng: [vary_line(line, rng.choice(FACTORS)) for line in lines]


FACTORS = (1, 2, 3, 4, 5, 6, 7, 8, 9)
VARY = {
    "takaoka": vary_takaoka,
    "toyama": per_line(vary_toyama_line),
    "joetsu": per_line(vary_joetsu_line),
    "kanazawa": per_line(vary_kanazawa_line),
}


def read_sheet(layout):
    with open(os.path.join(DATA, LAYOUTS[layout][0]), encoding="utf-8") as f:
        return f.read()


def varied_sheet(layout, text, rng, town):
    lines = VARY[layout](text.split("\n"), rng)
    return "\n".join(lines).replace(LAYOUTS[layout][2], town + "市")


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_zip(path, entries):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, ZIP_DT), data, zipfile.ZIP_DEFLATED)


def read_zip(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def text_sheets(out, count, rng):
    per_layout = count // len(LAYOUTS)
    for layout, (_, ext, _) in LAYOUTS.items():
        text = read_sheet(layout)
        for n in range(per_layout):
            t = rng.randrange(len(TOWNS))
            name = f"{n:04d}-{TOWNS_ROMAN[t]}.{ext}"
            sheet = varied_sheet(layout, text, rng, TOWNS[t])
            write_bytes(os.path.join(out, "corpus", layout, name), sheet.encode("utf-8"))


def renamed_workbook(entries, town):
    renamed = []
    for name, data in entries:
        if name == "xl/sharedStrings.xml":
            text = data.decode("utf-8")
            for _, _, city in LAYOUTS.values():
                text = text.replace(city, town + "市")
            data = text.encode("utf-8")
        renamed.append((name, data))
    return renamed


def workbooks(out, count, rng):
    fixtures = [read_zip(os.path.join(WORKBOOKS, f)) for f in WORKBOOK_FIXTURES]
    for n in range(count):
        t = rng.randrange(len(TOWNS))
        entries = renamed_workbook(fixtures[n % len(fixtures)], TOWNS[t])
        write_zip(os.path.join(out, "corpus", "workbooks", f"{n:04d}-{TOWNS_ROMAN[t]}.xlsx"), entries)


ROW = re.compile(rb"<row r=\"(\d+)\"[^>]*>(.*?)</row>", re.S)
CELL_REF = re.compile(rb"([A-Z]{1,3})(\d+)")
PLAIN_NUMBER = re.compile(rb'(<c r="[A-Z]+\d+"[^>]*t="n"[^>]*>)<v>([0-9.]+)</v>')


def shifted_row(row_xml, shift, factor, number_column):
    """A data row moved down by `shift` rows: references renumbered, plain numbers scaled
    (the rate formulas' cached ratios stay right), the KPI number made unique."""
    body = CELL_REF.sub(lambda m: m.group(1) + str(int(m.group(2)) + shift).encode(), row_xml)

    def scale(m):
        cell = m.group(1)
        value = Decimal(m.group(2).decode())
        if cell.startswith(b'<c r="' + number_column):
            return cell + b"<v>" + str(int(value) + shift).encode() + b"</v>"
        return cell + b"<v>" + str(value * factor).encode() + b"</v>"

    return PLAIN_NUMBER.sub(scale, body)


def big_workbook(out, target_bytes, rng):
    entries = read_zip(os.path.join(WORKBOOKS, WORKBOOK_FIXTURES[0]))
    sheet_name = "xl/worksheets/sheet1.xml"
    sheet = dict(entries)[sheet_name]
    rows = [(int(m.group(1)), m.group(0)) for m in ROW.finditer(sheet)]
    head = [xml for r, xml in rows if r <= 3]
    data = [xml for r, xml in rows if r > 3]
    start, end = sheet.index(b"<sheetData>") + len(b"<sheetData>"), sheet.index(b"</sheetData>")
    # Deflate compresses the repeated XML about 8 to 1: enough blocks for target_bytes zipped.
    blocks = max(1, target_bytes * 8 // len(b"".join(data)))
    body = [*head]
    for b in range(blocks):
        factor = rng.choice(FACTORS)
        shift = b * len(data)
        body.extend(shifted_row(xml, shift, factor, b"A") for xml in data)
    last = len(head) + blocks * len(data)
    new_sheet = sheet[:start] + b"".join(body) + sheet[end:]
    new_sheet = re.sub(rb'<dimension ref="A1:R\d+"/>', b'<dimension ref="A1:R%d"/>' % last,
                       new_sheet)
    entries = [(n, new_sheet if n == sheet_name else d) for n, d in entries]
    path = os.path.join(out, "big", "book-10mb.xlsx")
    write_zip(path, entries)
    return path


DIGITS = 3 * 1024 * 1024


def digit_run(rng):
    return "".join(rng.choice("123456789") for _ in range(1000)) * (DIGITS // 1000)


def long_cell_sheets(out, rng):
    """Each layout's sheet with one value cell replaced by 3 MB of digits."""
    digits = digit_run(rng)
    cells = {
        "takaoka": ("58.2 58.6 58.0 99.0%", f"58.2 {digits} 58.0 99.0%"),
        "toyama": ("\t6件(平成30年度)\t", f"\t{digits}件(平成30年度)\t"),
        "joetsu": ("\t574,963百万円 (H29)\t", f"\t{digits}百万円 (H29)\t"),
        "kanazawa": ("47.5% (R5) → 59% (R10)", f"47.5% (R5) → {digits}% (R10)"),
    }
    for layout, (find, replace) in cells.items():
        text = read_sheet(layout)
        if find not in text:
            sys.exit(f"make_corpus: no '{find}' in the {layout} sheet")
        sheet = text.replace(find, replace, 1)
        ext = LAYOUTS[layout][1]
        write_bytes(os.path.join(out, "cells", f"{layout}-3mb-cell.{ext}"), sheet.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--sheets", type=int, default=1000, help="text sheets (default 1000)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--only-corpus", action="store_true", help="no big workbook or cells")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    text_sheets(args.out, args.sheets, rng)
    workbooks(args.out, max(1, args.sheets // 25), rng)
    if not args.only_corpus:
        big_workbook(args.out, 10 * 1000 * 1000, rng)
        long_cell_sheets(args.out, rng)


if __name__ == "__main__":
    main()
