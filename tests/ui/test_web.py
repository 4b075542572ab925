"""The chat UI's parts without a browser: labels, forms from the registry, rendering."""

from __future__ import annotations

from assistant.models import Answer, Citation, ToolCall
from corpus.languages import LANGS
from tools import registry
from ui.web import calculators
from ui.web.labels import EXAMPLES, LABELS
from ui.web.render import answer_html, citation_card, tool_table


def test_every_label_in_every_language():
    keys = set(LABELS["en"])
    for lang in LANGS:
        assert set(LABELS[lang]) == keys, lang
        assert all(value.strip() for value in LABELS[lang].values())
        assert len(EXAMPLES[lang]) == len(EXAMPLES["en"])


def test_every_tool_and_field_has_translated_labels():
    for name in registry.names():
        spec = registry.get(name)
        assert set(spec.title) == set(LANGS), name
        form = calculators.form_for(name)
        for field in form.fields:
            for lang in LANGS:  # a label, not the contract's field name
                assert spec.label(field.name, lang) != field.name, (name, field.name, lang)
                for column in field.columns:
                    assert spec.label(column, lang) != column, (name, column, lang)


def test_forms_follow_the_schemas():
    forms = {f.tool: f for f in calculators.forms()}
    assert set(forms) == set(registry.names())
    assert list(forms)[0] == "final_grade"
    kinds = {f.name: f.kind for f in forms["final_grade"].fields}
    assert kinds == {"r1": "number", "r2": "number", "exam": "number"}
    gpa = forms["gpa"].fields[0]
    assert gpa.kind == "records" and gpa.columns[0] == "name"
    master = {f.name: f for f in forms["admission_master"].fields}
    assert master["creative_exams"].kind == "numbers"
    assert master["track"].kind == "choice" and "creative" in master["track"].choices
    assert forms["final_grade"].fields[0].hint == "0–100"


def test_arguments_from_widget_values():
    form = calculators.form_for("final_grade")
    assert calculators.arguments(form, ["72", "65.5", " 48 "]) == {"r1": 72, "r2": 65.5, "exam": 48}
    assert calculators.arguments(form, ["72", "", "abc"]) == {"r1": 72, "exam": "abc"}
    bachelor = calculators.form_for("admission_bachelor")
    args = calculators.arguments(bachelor, ["85", "20, 15; 12", "standard"])
    assert args == {"unt_total": 85, "subject_scores": [20, 15, 12], "route": "standard"}
    gpa = calculators.form_for("gpa")
    rows = [["Math", 5.0, "A", None], ["", None, "", None], ["Physics", 4, None, 78.0]]
    assert calculators.arguments(gpa, [rows]) == {
        "courses": [
            {"name": "Math", "credits": 5, "letter": "A"},
            {"name": "Physics", "credits": 4, "score": 78},
        ]
    }
    assert registry.run("gpa", calculators.arguments(gpa, [rows])).to_json()["gpa"] == 3.41


def test_citation_card_shows_both_languages_and_escapes():
    citation = Citation(
        clause_id="8.35",
        section=8,
        section_title="Бағалау",
        text={"kk": "ресми <b>мәтін</b>", "ru": "перевод <script>x</script>"},
    )
    card = citation_card(citation, "ru", "ru")
    assert card.startswith('<details class="pa-card" data-clause="8.35">')
    assert "§8.35" in card and "Бағалау" in card
    assert "Официальный текст (каз.)" in card and "Неофициальный перевод" in card
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert "\n\n" not in card


def test_kazakh_answer_card_shows_the_interface_language_beside_kazakh():
    citation = Citation(clause_id="8.35", section=8, section_title="t", text={"kk": "мәтін"})
    card = citation_card(citation, "kk", "en")
    assert "English · Unofficial translation" in card and "Official text (Kazakh)" in card


def test_tool_table_shows_inputs_results_and_arithmetic():
    result = registry.run("final_grade", {"r1": 72, "r2": 65, "exam": 48}).to_json()
    html = tool_table("final_grade", {"r1": 72, "r2": 65, "exam": 48}, result, "ru")
    assert "Итоговая оценка" in html and "<b>C-</b>" in html
    assert "Средний рейтинг" in html and "Допущен к экзамену" in html
    assert "Как посчитано" in html and "60,3" in html
    assert "§8.29" in html


def test_answer_html_with_status_tools_and_disclosure():
    answer = Answer(
        answer="line one\nline <two>",
        lang="en",
        grounded=False,
        status="not_covered",
        citations=[
            Citation(clause_id="8.1", section=8, section_title="T", text={"kk": "a", "en": "b"})
        ],
        tool_calls=[
            ToolCall(name="final_grade", arguments={"r1": 1}, error={"message": {"en": "bad"}})
        ],
        disclosure_id="abc123",
    )
    html = answer_html(answer, "kk")
    assert "Саясатта тікелей жауап жоқ" in html
    assert "line one<br>line &lt;two&gt;" in html
    assert 'class="pa-error"' in html and "bad" in html
    assert "abc123" in html and "\n" not in html


def test_ui_builds(ui_assistant):
    """The Blocks build from the registry with one calculator per tool."""
    from ui.api.engine import Engine
    from ui.web.app import build_ui

    demo = build_ui(Engine(ui_assistant), assistant_url="https://assistant.example.kz")
    assert demo.title == "Policy Assistant"
    ids = {getattr(block, "elem_id", None) for block in demo.blocks.values()}
    assert {f"pa-calc-{name}" for name in registry.names()} <= ids
    assert {"pa-chat", "pa-input", "pa-lang", "pa-statement"} <= ids
