"""Find sections and clause boundaries in the cleaned source lines.

The extracted text marks no paragraph ends, so boundaries come from rules
(a line that closes a sentence followed by one that opens a new one, list
markers, bullets) and from hand-reviewed corrections kept as data
(`segmentation.yaml`): `split` starts a clause at a line, `join` glues a line
to the clause before it, `split_inline` cuts a line after a given text, `kinds` overrides a
clause's kind by its first line, `headings` marks the lines of a sub-heading printed above a
clause (kept as the clause's `heading`, out of its text), `keep_links` keeps URL lines that
look like link annotations (see corpus/source.py) as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.source import SourceLine

LIST_MARKER = re.compile(r"^(\d{1,2}|[а-яa-z])\)\s*")
SENTENCE_END = re.compile(r"[.;:!?][»\")]?$")
OPENS = re.compile(r"^[«\"A-ZА-ЯӘҒҚҢӨҰҮҺІЁ0-9]")
HYPHEN_CONTINUES = re.compile(r"[\w»)]-$")


@dataclass
class Section:
    number: int
    title: str
    heading_lines: list[int]
    lines: list[SourceLine] = field(default_factory=list)


LIST_DASH = re.compile(r"^[-–]\s+")


@dataclass
class Block:
    """A run of source lines that makes one clause; the first `heading_size` lines are a
    sub-heading printed above it."""

    lines: list[SourceLine]
    text_override: str | None = None
    heading_size: int = 0

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number

    @property
    def text(self) -> str:
        if self.text_override is not None:
            return self.text_override
        return join_lines(self.lines[self.heading_size :])

    @property
    def heading(self) -> str | None:
        """The sub-heading, without the list dash some are printed with ("- Докторанттар")."""
        if not self.heading_size:
            return None
        return LIST_DASH.sub("", join_lines(self.lines[: self.heading_size]))

    @property
    def bullet(self) -> bool:
        return self.lines[0].bullet


@dataclass(frozen=True)
class Corrections:
    split: frozenset[int] = frozenset()
    join: frozenset[int] = frozenset()
    split_inline: tuple[tuple[int, str], ...] = ()
    kinds: tuple[tuple[int, str], ...] = ()  # (first line of a clause, kind) overrides
    headings: tuple[tuple[int, int], ...] = ()  # (first, last line) of a sub-heading
    keep_links: frozenset[int] = frozenset()  # URL lines kept as text

    def kind_for(self, first_line: int) -> str | None:
        return dict(self.kinds).get(first_line)

    def merged(self, other: Corrections) -> Corrections:
        return Corrections(
            split=self.split | other.split,
            join=self.join | other.join,
            split_inline=self.split_inline + other.split_inline,
            kinds=self.kinds + other.kinds,
            headings=self.headings + other.headings,
            keep_links=self.keep_links | other.keep_links,
        )

    @classmethod
    def from_mapping(cls, data: dict) -> Corrections:
        return cls(
            split=frozenset(data.get("split") or ()),
            join=frozenset(data.get("join") or ()),
            split_inline=tuple(
                (int(i["line"]), str(i["after"])) for i in data.get("split_inline") or ()
            ),
            kinds=tuple((int(k), str(v)) for k, v in (data.get("kinds") or {}).items()),
            headings=tuple(
                (int(h["first"]), int(h.get("last", h["first"])))
                for h in data.get("headings") or ()
            ),
            keep_links=frozenset(data.get("keep_links") or ()),
        )


def join_lines(lines: list[SourceLine]) -> str:
    """Rejoin broken lines; a line ending in a word-hyphen continues the same word."""
    text = ""
    for line in lines:
        if not text:
            text = line.text
        elif HYPHEN_CONTINUES.search(text):
            text += line.text
        else:
            text += " " + line.text
    return re.sub(r"\s+", " ", text).strip()


def split_sections(lines: list[SourceLine], max_section: int = 20) -> list[Section]:
    """Section 0 is the preamble; headings are "N. Title" in order 1..max_section."""
    sections = [Section(0, "", [])]
    expected = 1
    i = 0
    while i < len(lines):
        line = lines[i]
        match = (
            re.match(rf"^{expected}\.\s+(\S.*)$", line.text) if expected <= max_section else None
        )
        if match:
            title, heading = match.group(1).strip(), [line.number]
            # A long title wraps: its continuation starts in lower case.
            while i + 1 < len(lines) and re.match(r"^[a-zа-яәғқңөұүһі]", lines[i + 1].text):
                i += 1
                title += " " + lines[i].text
                heading.append(lines[i].number)
            sections.append(Section(expected, title.strip(), heading))
            expected += 1
        else:
            sections[-1].lines.append(line)
        i += 1
    if expected != max_section + 1:
        raise ValueError(f"found sections up to {expected - 1}, expected {max_section}")
    return sections


def starts_clause(prev: SourceLine, cur: SourceLine) -> bool:
    if cur.bullet or LIST_MARKER.match(cur.text):
        return True
    return bool(SENTENCE_END.search(prev.text) and OPENS.match(cur.text))


def split_blocks(lines: list[SourceLine], fixes: Corrections) -> list[Block]:
    blocks: list[Block] = []
    for line in lines:
        new = not blocks or (
            starts_clause(blocks[-1].lines[-1], line) or line.number in fixes.split
        )
        if blocks and line.number in fixes.join:
            new = False
        if new:
            blocks.append(Block([line]))
        else:
            blocks[-1].lines.append(line)
    return _apply_headings(_apply_inline_splits(blocks, fixes), fixes)


def _apply_headings(blocks: list[Block], fixes: Corrections) -> list[Block]:
    """Mark a sub-heading's lines at the head of the clause printed under it."""
    by_first = dict(fixes.headings)
    for block in blocks:
        last = by_first.get(block.first)
        if last is None:
            continue
        size = sum(1 for line in block.lines if line.number <= last)
        if block.text_override is not None or size >= len(block.lines):
            raise ValueError(f"headings: lines {block.first}-{last} are not a clause's head")
        block.heading_size = size
    return blocks


def _apply_inline_splits(blocks: list[Block], fixes: Corrections) -> list[Block]:
    """Cut clauses that share one source line (e.g. several abbreviations on a line)."""
    result: list[Block] = []
    for block in blocks:
        pieces = [block]
        for line_no, after in fixes.split_inline:
            if not block.first <= line_no <= block.last:
                continue
            current = pieces[-1]
            text = current.text
            cut = text.find(after)
            if cut < 0:
                raise ValueError(f"split_inline: {after!r} not found in clause at line {line_no}")
            cut += len(after)
            left, right = text[:cut].strip(), text[cut:].strip()
            owners = [ln for ln in current.lines if ln.number <= line_no]
            rest = [ln for ln in current.lines if ln.number >= line_no]
            pieces[-1] = Block(owners, left)
            pieces.append(Block(rest, right))
        result.extend(pieces)
    return result
