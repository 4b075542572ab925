"""Clause-boundary rules on small hand-made inputs."""

import pytest

from corpus.segment import Corrections, join_lines, split_blocks, split_sections
from corpus.source import SourceLine, read_source


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


def test_a_sub_heading_leaves_the_clause_text():
    src = lines(
        "Бірінші.", "- Докторанттар үшін", "(күзгі қабылдау)", "Докторанттарды", "ауыстыру."
    )
    fixes = Corrections(split=frozenset({3}), headings=((3, 5),))
    blocks = split_blocks(src, fixes)
    assert [(b.heading, b.text) for b in blocks] == [
        (None, "Бірінші."),
        ("Докторанттар үшін (күзгі қабылдау)", "Докторанттарды ауыстыру."),
    ]
    assert (blocks[1].first, blocks[1].last) == (3, 9)  # the record spans its heading too
    fixes = Corrections(split=frozenset({3}), headings=((3, 9),))
    with pytest.raises(ValueError, match="not a clause's head"):
        split_blocks(src, fixes)  # a heading with no clause under it


def test_corrections_read_headings_and_kept_links():
    fixes = Corrections.from_mapping(
        {"headings": [{"first": 10, "last": 12}, {"first": 20}], "keep_links": [30]}
    )
    assert fixes.headings == ((10, 12), (20, 20)) and fixes.keep_links == {30}
    assert fixes.merged(Corrections(keep_links=frozenset({31}))).keep_links == {30, 31}


def test_a_repeated_url_line_is_dropped_unless_kept(tmp_path):
    url = "https://www.do.ektu.kz/laws/index.asp"
    path = tmp_path / "source.txt"
    path.write_text(f"Жүйе құрылды {url}.\n\nЕреже.\n\n{url}\n Келесі.\n", encoding="utf-8")
    assert read_source(path).link_annotations == [5]
    kept = read_source(path, keep_links=frozenset({5}))
    assert kept.link_annotations == [] and [ln.text for ln in kept.lines][2] == url
