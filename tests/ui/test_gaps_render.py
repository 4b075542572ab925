"""The gaps report as Markdown, CSV and JSON, and its PNG chart (no index needed)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from assistant.gaps import GapsReport, build_report
from assistant.storage.records import ReportRow
from corpus.store import clauses_by_id
from ui.gaps_chart import chart_font, declined_chart_png, font_path
from ui.gaps_render import CSV_COLUMNS, render, to_csv, to_markdown
from ui.web.labels import label

T0 = datetime(2025, 11, 3, 10, 0, tzinfo=UTC)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _row(n: int, **fields: object) -> ReportRow:
    values: dict[str, object] = {
        "disclosure_id": f"id{n}",
        "created_at": T0,
        "answer_lang": "en",
        "status": "not_covered",
        "cited_clause_ids": ["8.35"],
        "tools": [],
        "consent": False,
    }
    values.update(fields)
    return ReportRow(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def report() -> GapsReport:
    return build_report(
        [
            _row(1, question="Is the canteen | open?", consent=True),
            _row(2, answer_lang="kk", question="Жасырын сұрақ", consent=False),
            _row(3, answer_lang="ru", cited_clause_ids=["5.1"], created_at=T0 + timedelta(7)),
            _row(4, status="answered", vote="down", comment='=HYPERLINK("http://x")'),
            _row(5, status="needs_input", tools=["final_grade"], missing=["exam"]),
        ],
        since=datetime(2025, 11, 1, tzinfo=UTC),
    )


def test_markdown_in_each_language(report: GapsReport) -> None:
    for lang in ("kk", "ru", "en"):
        text = to_markdown(report, lang)
        assert text.startswith(f"# {label('report_title', lang)}")
        for key in ("report_declined", "report_voted_down", "report_needs_input", "report_cited"):
            assert f"## {label(key, lang)}" in text
        assert clauses_by_id(lang)["8.35"].section_title in text
        assert label("report_consent_note", lang) in text
        assert "2025-11-01" in text
    text = to_markdown(report, "en")
    assert "Is the canteen \\| open?" in text  # escaped for the table
    assert "Жасырын" not in text  # asked without consent: counted only
    assert "| final_grade | exam | 1 | 0 | 0 | 1 |" in text
    assert "2025-W45" in text and "2025-W46" in text


def test_csv_is_long_format_and_guards_formulas(report: GapsReport) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(report, "en"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    parts = {r["part"] for r in rows}
    assert {"summary", "declined", "declined_question", "voted_down", "needs_input"} <= parts
    assert {"cited", "declined_weekly"} <= parts
    questions = [r["question"] for r in rows if r["part"] == "declined_question"]
    assert questions == ["Is the canteen | open?"]
    down = next(r for r in rows if r["part"] == "voted_down")
    assert down["comment"] == '\'=HYPERLINK("http://x")'  # not a live formula
    assert down["key"] == "id4" and down["period"] == "2025-11-03"
    declined_kk = [r for r in rows if r["part"] == "declined" and r["lang"] == "kk"]
    assert [(r["key"], r["count"]) for r in declined_kk] == [("8", "1")]
    assert declined_kk[0]["title"].startswith("8. ")
    assert "Жасырын" not in to_csv(report, "en")


def test_json_round_trips(report: GapsReport) -> None:
    assert GapsReport.model_validate_json(render(report, "json", "en")) == report


def test_unknown_format_is_an_error(report: GapsReport) -> None:
    with pytest.raises(ValueError):
        render(report, "xml", "en")  # type: ignore[arg-type]


def test_chart_is_a_png_with_a_unicode_font(report: GapsReport) -> None:
    png = declined_chart_png(report, "kk")
    assert png.startswith(PNG_SIGNATURE) and len(png) > 1000
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG" and image.width >= 900 and image.height > 400
    assert png != declined_chart_png(report, "en")  # the labels follow the language
    if font_path() is None:
        pytest.skip("no DejaVu / Noto font on this machine: the default font is used")
    font = chart_font(14)
    assert font.path == str(font_path())  # type: ignore[union-attr]
    # Kazakh letters have their own glyphs (not the same missing-glyph box).
    boxes = {font.getmask(ch).getbbox() for ch in "әғқңөұүі"}
    assert len(boxes) > 1


def test_chart_without_declined_questions_is_still_a_png() -> None:
    png = declined_chart_png(build_report([]), "ru")
    assert png.startswith(PNG_SIGNATURE)
    assert Image.open(io.BytesIO(png)).format == "PNG"
