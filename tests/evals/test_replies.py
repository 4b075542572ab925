"""Reply reading helpers: first sentences and the reviewers' score summary."""

import json

from evals.replies import (
    first_sentences,
    judgment_files,
    judgments_markdown,
    read_judgments,
    summarize_judgments,
)


def test_first_sentences_stop_at_the_second_sentence_or_line():
    text = "Yes — within 10 working days. Apply to the SSC.\nThe Academic Policy says: …"
    assert first_sentences(text) == "Yes — within 10 working days. Apply to the SSC."
    assert first_sentences("One line\nsecond line\nthird", 1) == "One line"


def _row(item_id, lang, correct=1, direct=2, noise=0, harmful=0, language="ok", note=""):
    return {
        "id": item_id, "lang": lang, "correct": correct, "direct": direct, "noise": noise,
        "harmful": harmful, "language": language, "note": note,
    }  # fmt: skip


def test_scores_from_two_reviewers_are_summarised_per_slice(tmp_path):
    first = [_row("qb-1", "kk"), _row("qb-2", "kk-latn", correct=0, direct=1, note="no date")]
    second = [_row("qb-3", "ru", harmful=1, noise=2, note="rule without its exception")]
    for who, rows in (("a", first), ("b", second)):
        path = tmp_path / f"judgments-blind-test-{who}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    files = judgment_files(tmp_path)
    assert list(files) == ["blind-test"] and len(files["blind-test"]) == 2
    summary = summarize_judgments(read_judgments(files["blind-test"]))
    assert summary["all"] == {
        "n": 3, "correct": 0.667, "direct": 0.667, "noise": 0.67, "harmful": 1,
        "wrong_language": 0,
    }  # fmt: skip
    assert summary["kk-latn"]["correct"] == 0.0 and "en" not in summary
    moved = tmp_path / "abc1234"
    moved.mkdir()
    for path in files["blind-test"]:
        path.rename(moved / path.name)
    assert list(judgment_files(tmp_path)) == ["abc1234/blind-test"]
    report = judgments_markdown(tmp_path)
    assert "| all | 3 | 0.67 | 0.67 | 0.67 | 1 | 0 |" in report
    assert "qb-2" in report and "no date" in report and "qb-1 " not in report
