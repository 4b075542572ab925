"""Read the PDF-extracted source text and strip what the PDF added around the policy.

The extraction double-spaces lines, repeats a university header block on some
pages, keeps the contents page, draws bullets as private-use glyphs, leaves
link annotations as stray URL lines and renders "ө" with a broken font glyph.
Only these artefacts are removed or repaired; the wording stays as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Letters that a broken PDF font maps to the wrong code point.
BROKEN_LETTERS = {"ӛ": "ө", "Ӛ": "Ө"}

BULLET_GLYPHS = re.compile(r"[\uf000-\uf8ff]")

HEADER_LINES = (
    re.compile(
        r"^«Д\. Серікбаев атындағы Шығыс Қазақстан техникалық университеті» коммерциялық емес$"
    ),
    re.compile(r"^акционерлік қоғам$"),
    re.compile(r"^«ШҚТУ» КЕАҚ АС 029-V-2025 Академиялық саясат$"),
    re.compile(r"^«Д\. Серікбаев атындағы ШҚТУ» КЕАҚ$"),
    re.compile(r"^Бет\. \d+ і \d+$"),
)
CONTENTS_TITLE = "Мазмұны"
CONTENTS_END = re.compile(r"^\d+ – қосымша")
URL_ONLY = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class SourceLine:
    """A non-empty line of the source; `number` is 1-based in the original file."""

    number: int
    text: str
    bullet: bool = False
    new_page: bool = False


@dataclass(frozen=True)
class CleanSource:
    lines: list[SourceLine]
    furniture: list[int]  # header-block line numbers
    contents: list[int]  # contents-page line numbers
    link_annotations: list[int]


def repair_letters(text: str) -> str:
    for broken, right in BROKEN_LETTERS.items():
        text = text.replace(broken, right)
    return text


def is_furniture(text: str) -> bool:
    return any(p.match(text) for p in HEADER_LINES)


def read_source(path: Path, keep_links: frozenset[int] = frozenset()) -> CleanSource:
    """`keep_links`: URL lines kept as text although they look like link annotations
    (reviewed in segmentation.yaml)."""
    raw = path.read_text(encoding="utf-8").splitlines()
    lines: list[SourceLine] = []
    furniture: list[int] = []
    contents: list[int] = []
    links: list[int] = []
    in_contents = False
    recent_text = ""
    for number, original in enumerate(raw, start=1):
        stripped = original.strip()
        if not stripped:
            continue
        if is_furniture(stripped):
            furniture.append(number)
            continue
        if stripped == CONTENTS_TITLE:
            in_contents = True
        if in_contents:
            contents.append(number)
            # The contents page ends with the appendix entry ("1 – қосымша ... 52").
            if CONTENTS_END.match(stripped):
                in_contents = False
            continue
        # A URL alone on a line, repeating one just printed, is a link annotation.
        if (
            URL_ONLY.match(stripped)
            and stripped.rstrip(".,") in recent_text
            and number not in keep_links
        ):
            links.append(number)
            continue
        bullet = bool(BULLET_GLYPHS.match(stripped))
        text = BULLET_GLYPHS.sub("", stripped).strip()
        text = repair_letters(re.sub(r"\s+", " ", text))
        if not text:
            continue
        new_page = original.startswith(" ") and not original.startswith("  ")
        lines.append(SourceLine(number, text, bullet=bullet, new_page=new_page))
        recent_text = (recent_text + " " + text)[-2000:]
    return CleanSource(lines, furniture, contents, links)
