"""The parser reproduces the committed, reviewed corpus, and the corpus passes its checks."""

import json

import pytest

from corpus.build import DEFAULT_SOURCE, build
from corpus.checks import run_checks
from corpus.models import ClauseKind, Lang
from corpus.store import DOC_DIR, clauses_by_id, load_clauses

pytestmark = pytest.mark.skipif(not DEFAULT_SOURCE.exists(), reason="needs ../shared/source")


@pytest.fixture(scope="module")
def rebuilt():
    return build()


def test_parser_reproduces_committed_kk_jsonl(rebuilt):
    committed = (DOC_DIR / "kk.jsonl").read_text(encoding="utf-8").splitlines()
    fresh = [
        json.dumps(c.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
        for c in rebuilt.clauses
    ]
    assert fresh == committed


def test_all_checks_pass():
    report = run_checks()
    failed = [(c.name, c.details[:5]) for c in report.checks if not c.ok]
    assert not failed
    assert report.figures["coverage"] >= 0.99


def test_twenty_sections_in_order(rebuilt):
    assert [s.number for s in rebuilt.sections] == list(range(21))
    assert rebuilt.sections[8].title == "Білім алушылардың оқу жетістіктерін бағалау саясаты"
    # A wrapped heading is rejoined.
    assert rebuilt.sections[15].title.endswith("нәтижелерін тану тәртібі")


def test_reviewed_url_lines_stay_in_the_text(rebuilt):
    assert rebuilt.source.link_annotations == []  # both such lines are kept (segmentation.yaml)


def test_furniture_and_contents_removed(rebuilt):
    assert len(rebuilt.source.furniture) == 35  # 7 header blocks of 5 lines
    assert rebuilt.source.contents[0] < rebuilt.source.contents[-1]
    texts = " ".join(c.text for c in rebuilt.clauses)
    assert "Мазмұны" not in texts
    assert "Бет." not in texts


def test_broken_font_letters_repaired():
    text = " ".join(c.text for c in load_clauses(Lang.kk))
    assert "ӛ" not in text
    assert "ең төменгі көлемдерінің" in text


def test_hyphenated_line_breaks_rejoined():
    text = " ".join(c.text for c in load_clauses(Lang.kk))
    assert "№319-III" in text
    assert "онлайн-оқыту" in text


def test_table_1_is_structured_and_covers_0_to_100():
    table = clauses_by_id(Lang.kk)["8.T1"]
    assert table.kind is ClauseKind.table and table.table is not None
    rows = table.table.rows
    assert [r.points for r in rows] == [
        4.0,
        3.67,
        3.33,
        3.0,
        2.67,
        2.33,
        2.0,
        1.67,
        1.33,
        1.0,
        0.5,
        0,
    ]
    assert rows[0].max_percent == 100 and rows[-1].min_percent == 0
    for upper, lower in zip(rows, rows[1:], strict=False):
        assert lower.max_percent + 1 == upper.min_percent
    assert {r.traditional for r in rows} == {
        "Өте жақсы",
        "Жақсы",
        "Қанағаттанарлық",
        "Қанағаттанарлықсыз",
    }
    assert "В- 2,67 75-79" in table.text  # the rows stay searchable as printed


def test_formula_note_is_marked_editorial():
    clauses = clauses_by_id(Lang.kk)
    note = clauses["8.N1"]
    assert note.kind is ClauseKind.note
    assert note.status == "editorial note"
    assert note.parent is not None and "формула" in clauses[note.parent].text
    assert "0,6 × (Р1 + Р2) / 2 + 0,4 × Э" in note.text
    # The formula's key is "белгілеулер" (notation), not "аңыз" (a myth).
    assert "Белгілеулерге сәйкес" in note.text and "Аңыз" not in note.text


SUB_HEADINGS = {
    "12.16": "Бір білім беру бағдарламасынан екіншісіне (бір университеттен екіншісіне) ауысу",
    "12.22": "«ШҚТУ» КЕАҚ-да білім алушыларды қалпына келтіру",
    "12.44": "Білім алушыны оқытудың ақылы негізінен бос білім беру грантына ауыстыру",
    "12.56": "Докторанттар үшін (күзгі қабылдау)",
}


def test_sub_headings_are_kept_apart_from_the_clause_text_in_every_language():
    for lang in Lang:
        clauses = clauses_by_id(lang)
        for cid, heading_kk in SUB_HEADINGS.items():
            clause = clauses[cid]
            assert clause.heading, (lang, cid)
            assert not clause.text.startswith((clause.heading, "- ")), (lang, cid)
            if lang is Lang.kk:
                assert clause.heading == heading_kk
                assert heading_kk not in clause.text


def test_url_lines_after_5_1_and_between_6_4_and_6_5_are_kept():
    urls = {
        "5.1": "https://www.do.ektu.kz/laws/index.asp",
        "6.4": "https://www.do.ektu.kz/doektu/files/guid2022ru.pdf",
    }
    for lang in Lang:
        clauses = clauses_by_id(lang)
        for cid, url in urls.items():
            assert clauses[cid].text.endswith(url), (lang, cid)
        assert clauses["6.5"].text.startswith("2)")


def test_list_items_point_at_their_lead_in():
    clauses = clauses_by_id(Lang.kk)
    items = [c for c in clauses.values() if c.kind is ClauseKind.list_item]
    assert items
    for item in items:
        assert item.parent in clauses
        assert clauses[item.parent].kind is not ClauseKind.list_item


def test_definitions_section_has_one_record_per_term():
    section3 = [c for c in load_clauses(Lang.kk) if c.section == 3]
    kinds = {c.kind for c in section3}
    assert kinds <= {ClauseKind.definition, ClauseKind.abbreviation, ClauseKind.paragraph}
    heads = [c.text.split(" - ")[0] for c in section3]
    assert "ҰБТ" in heads and "МЖМБС" in heads  # split out of one shared source line
