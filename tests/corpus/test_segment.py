"""Clause-boundary rules on small hand-made inputs."""

import pytest

from corpus.segment import Corrections, join_lines, split_blocks, split_sections
from corpus.source import SourceLine


def lines(*texts: str, start: int = 1) -> list[SourceLine]:
    return [SourceLine(start + 2 * i, t) for i, t in enumerate(texts)]


def test_join_keeps_compound_hyphens_and_spaces_words():
    assert join_lines(lines("сондай-", "ақ білім")) == "сондай-ақ білім"
    assert join_lines(lines("ғылыми -", "педагогикалық")) == "ғылыми - педагогикалық"
    assert join_lines(lines("бірінші", "екінші")) == "бірінші екінші"


def test_sentence_end_before_capital_starts_a_clause():
    blocks = split_blocks(lines("Бірінші ереже.", "Екінші ереже", "жалғасы."), Corrections())
    assert [b.text for b in blocks] == ["Бірінші ереже.", "Екінші ереже жалғасы."]


def test_list_markers_and_bullets_start_clauses():
    src = lines("Мыналар:", "1) бір;", "2) екі.")
    src.append(SourceLine(99, "үшінші", bullet=True))
    assert len(split_blocks(src, Corrections())) == 4


def test_corrections_join_split_and_inline():
    src = lines("Бірінші.", "Екінші сөйлем", "үшінші", "А - бір; Б - екі;")
    fixes = Corrections(join=frozenset({3}), split=frozenset({7}), split_inline=((7, "бір;"),))
    assert [b.text for b in split_blocks(src, fixes)] == [
        "Бірінші. Екінші сөйлем үшінші",
        "А - бір;",
        "Б - екі;",
    ]


def test_inline_split_text_must_exist():
    with pytest.raises(ValueError, match="not found"):
        split_blocks(lines("А - бір;"), Corrections(split_inline=((1, "жоқ"),)))


def test_sections_need_every_heading():
    src = lines("Кіріспе.", "1. Бірінші", "Мәтін.", "2. Екінші", "Мәтін.")
    sections = split_sections(src, max_section=2)
    assert [(s.number, s.title) for s in sections] == [(0, ""), (1, "Бірінші"), (2, "Екінші")]
    with pytest.raises(ValueError, match="expected 3"):
        split_sections(src, max_section=3)
