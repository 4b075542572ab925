"""Table 1 (letter grades), flattened by the PDF extraction, rebuilt as data."""

from __future__ import annotations

import re

from corpus.models import TableData, TableRow
from corpus.source import SourceLine

CAPTION = re.compile(r"^1-кесте\b")
LAST_ROW = re.compile(r"^F\s+0\s+0-24$")
ROW = re.compile(
    r"^(?P<letter>[A-ZА-Я][+-]?|FX|FХ)\s+(?P<points>\d+(?:,\d+)?)\s+(?P<lo>\d+)-(?P<hi>\d+)(?:\s+(?P<mark>\S.*))?$"
)
COLUMNS = [
    "Әріптік жүйе бойынша бағалау",
    "Баллдардың сандық баламасы",
    "Пайыздық мазмұн",
    "Дәстүрлі жүйе бойынша бағалау",
]


def find_table(lines: list[SourceLine]) -> tuple[int, int] | None:
    """Indexes (start, end inclusive) of Table 1 in a section's lines."""
    start = next((i for i, ln in enumerate(lines) if CAPTION.match(ln.text)), None)
    if start is None:
        return None
    end = next(i for i in range(start, len(lines)) if LAST_ROW.match(lines[i].text))
    return start, end


def parse_table(lines: list[SourceLine]) -> tuple[TableData, str]:
    """Return the structured table and its text rendering (rows as printed)."""
    row_lines = [ln for ln in lines if ROW.match(ln.text)]
    head = [ln.text for ln in lines if ln not in row_lines]
    caption_parts: list[str] = []
    for text in head:
        caption_parts.append(text)
        if text.rstrip().endswith("жүйесі"):
            break
    caption = " ".join(caption_parts)
    rows: list[TableRow] = []
    mark = ""
    for ln in row_lines:
        m = ROW.match(ln.text)
        assert m is not None
        mark = m.group("mark") or mark  # the traditional mark is printed once per group
        rows.append(
            TableRow(
                letter=m.group("letter"),
                points=float(m.group("points").replace(",", ".")),
                min_percent=int(m.group("lo")),
                max_percent=int(m.group("hi")),
                traditional=mark,
            )
        )
    text = "\n".join([caption, " | ".join(COLUMNS), *(ln.text for ln in row_lines)])
    return TableData(caption=caption, columns=COLUMNS, rows=rows), text
