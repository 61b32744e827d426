#!/usr/bin/python3
"""The peer kpi-report is measured against: what an analyst writes in an afternoon.

    python3 bench/peer_takaoka.py SHEET... > out.json

A plain Python standard-library parse of the Takaoka KPI progress layout (text from the
PDF) and a recompute of every published rate (actual / target, target / actual for a
decrease, progress from the baseline for a zero target; Excel rounding at the printed
precision), printed as one JSON document. Not a reference implementation: no merged-cell
repair, no notes, no diagnostics.
"""

import json
import re
import sys
import unicodedata
from decimal import Decimal, ROUND_HALF_UP, InvalidOperation

LABELS = {"増加指標": "increase", "減少指標": "decrease", "維持指標": "maintain"}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
TOKEN = re.compile(r"▲\s*[\d,.]+%?|-?[\d,.]+%?|-")


def number(token):
    token = token.replace(",", "").replace(" ", "")
    negative = token.startswith("▲") or token.startswith("-")
    digits = token.lstrip("▲-").rstrip("%")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return -value if negative else value


def records(raw, lines):
    start = None
    for i in range(len(lines) - 1):
        if lines[i].isdigit() and raw[i + 1][:1] in CIRCLED:
            if start is not None:
                yield lines[start:i]
            start = i
    if start is not None:
        yield lines[start:]


def value_tokens(record):
    """Direction label, then the tokens of the value line (the first line from the label on
    that prints a rate): baseline if on that line, (target, actual, rate) per year, final."""
    for i, line in enumerate(record):
        for label, direction in LABELS.items():
            if label not in line:
                continue
            for value_line in record[i:]:
                if re.search(r"\d%", value_line):
                    return direction, TOKEN.findall(value_line.split(label, 1)[-1])
            return direction, []
    return None, []


def rate(direction, baseline, target, actual):
    if target is None or actual is None:
        return None
    if target == 0 and actual == 0:
        return Decimal(100)
    if target == 0:
        if baseline is None or target == baseline:
            return None
        return (actual - baseline) / (target - baseline) * 100
    if direction == "decrease":
        return None if actual == 0 else target / actual * 100
    return actual / target * 100


def rounded(value, printed):
    places = len(printed.split(".")[1].rstrip("%")) if "." in printed else 0
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def indicator(record):
    direction, tokens = value_tokens(record)
    if direction is None or len(tokens) < 4:
        return None
    values = tokens[-13:] if len(tokens) >= 13 else tokens
    baseline = number(tokens[0]) if len(tokens) > 13 else None
    years = []
    for y in range(0, len(values) - 1, 3):
        target, actual, published = values[y:y + 3]
        recomputed = rate(direction, baseline, number(target), number(actual))
        verdict = None
        if recomputed is not None and published.endswith("%"):
            verdict = "match" if rounded(recomputed, published) == number(published) else "differs"
        years.append({"target": target, "actual": actual, "published_rate": published,
                      "rate": None if recomputed is None else str(recomputed), "verdict": verdict})
    return {"id": record[0].strip(), "direction": direction, "years": years,
            "final_target": values[-1]}


def main():
    out = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            raw = [line.strip() for line in f.read().split("\n")]
        lines = [unicodedata.normalize("NFKC", line) for line in raw]
        kpis = [k for k in (indicator(r) for r in records(raw, lines)) if k]
        out.append({"path": path, "kpis": kpis})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
