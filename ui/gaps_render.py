"""The policy-gaps report (assistant.gaps.GapsReport) as JSON, Markdown or CSV.

One renderer for the CLI (`policy-assistant report gaps`) and the API
(`GET /api/admin/report`), so both print the same thing. Headings come from the UI's
label file in the chosen language (section titles from the corpus); JSON is the report
itself, language-neutral. User text (questions kept with consent, comments) is data:
escaped for Markdown tables, and guarded in CSV against spreadsheet formulas.
"""

from __future__ import annotations

import csv
import io
from typing import Literal

from assistant.gaps import GapsReport, LangCounts, Topic
from corpus.languages import LANGS
from ui.web.labels import label

Format = Literal["json", "md", "csv"]
FORMATS: tuple[Format, ...] = ("json", "md", "csv")
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
CSV_COLUMNS = (
    "part",
    "key",
    "title",
    "detail",
    "lang",
    "period",
    "count",
    "question",
    "comment",
)
# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def topic_title(topic: Topic, lang: str) -> str:
    """'8. Title' in `lang`, or the label for "no nearby clause"."""
    if topic.section is None:
        return label("report_no_section", lang)
    title = topic.title.get(lang) or topic.title.get("kk") or ""
    return f"{topic.section}. {title}".strip()


def render(report: GapsReport, fmt: Format, lang: str) -> str:
    """The report as text in `fmt` (json, md or csv), headings in `lang`."""
    if fmt == "json":
        return report.model_dump_json(indent=2)
    if fmt == "md":
        return to_markdown(report, lang)
    if fmt == "csv":
        return to_csv(report, lang)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


# --- Markdown -------------------------------------------------------------------------------


def _cell(value: object) -> str:
    text = " ".join(str(value).split())  # one line per row
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    lines.append("|" + "|".join(" --- " for _ in header) + "|")
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _counts(counts: LangCounts) -> list[object]:
    return [counts.total, *(counts.by_lang.get(code, 0) for code in LANGS)]


def to_markdown(report: GapsReport, lang: str) -> str:
    def t(key: str, **values: object) -> str:
        return label(key, lang).format(**values)

    totals = [t("report_total"), *LANGS]
    since = report.since.date().isoformat() if report.since else t("report_all_time")
    summary = report.summary
    out = [
        f"# {t('report_title')}",
        "",
        f"{t('report_since')}: {since} · {t('report_generated')}: "
        f"{report.generated_at.strftime('%Y-%m-%d %H:%M')} UTC",
        "",
        f"_{t('report_consent_note')}_",
        "",
        f"## {t('report_summary')}",
        "",
        f"{t('report_answers')}:",
        "",
        *_table(totals, [_counts(summary.answers)]),
        "",
        f"{t('report_status')}: "
        + ", ".join(f"{status} {count}" for status, count in summary.by_status.items()),
        "",
        t("report_votes", up=summary.votes_up, down=summary.votes_down),
        "",
        f"## {t('report_declined')}",
        "",
    ]
    if report.declined:
        out += _table(
            [t("report_topic"), *totals, t("report_without_text")],
            [[topic_title(g.topic, lang), *_counts(g), g.without_text] for g in report.declined],
        )
        for group in report.declined:
            if group.questions:
                out += ["", f"### {topic_title(group.topic, lang)}: {t('report_questions')}", ""]
                out += [f"- ({q.lang}, ×{q.count}) {_cell(q.text)}" for q in group.questions]
    else:
        out.append(t("report_none"))

    out += ["", f"## {t('report_voted_down')}", ""]
    if report.voted_down.items:
        out += _table(totals, [_counts(report.voted_down)])
        out.append("")
        out += _table(
            [
                t("report_date"),
                "lang",
                t("report_status"),
                t("report_topic"),
                t("report_comment"),
                t("report_question"),
                "id",
            ],
            [
                [
                    item.created_at.strftime("%Y-%m-%d"),
                    item.lang,
                    item.status or "",
                    topic_title(item.topic, lang),
                    item.comment or "",
                    item.question or "",
                    item.disclosure_id,
                ]
                for item in report.voted_down.items
            ],
        )
    else:
        out.append(t("report_none"))

    out += ["", f"## {t('report_needs_input')}", ""]
    if report.needs_input:
        out += _table(
            [t("report_tool"), t("report_missing"), *totals],
            [[m.tool, ", ".join(m.missing), *_counts(m)] for m in report.needs_input],
        )
    else:
        out.append(t("report_none"))

    out += ["", f"## {t('report_cited')}", ""]
    if report.cited:
        out += _table(
            [t("report_clause"), t("report_topic"), *totals],
            [[f"§{c.clause_id}", topic_title(c.topic, lang), *_counts(c)] for c in report.cited],
        )
    else:
        out.append(t("report_none"))

    out += ["", f"## {t('report_weekly')}", ""]
    if report.declined_weekly:
        out += _table(
            [t("report_week"), t("report_topic"), t("report_count")],
            [[w.week, topic_title(w.topic, lang), w.count] for w in report.declined_weekly],
        )
    else:
        out.append(t("report_none"))
    return "\n".join(out) + "\n"


# --- CSV ------------------------------------------------------------------------------------


def _safe(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _per_lang(part: str, key: str, title: str, detail: str, counts: LangCounts) -> list[dict]:
    return [
        {"part": part, "key": key, "title": title, "detail": detail, "lang": code, "count": n}
        for code, n in counts.by_lang.items()
        if n
    ]


def csv_rows(report: GapsReport, lang: str) -> list[dict[str, object]]:
    """The report as long-format rows (one count per row): `part` says which list."""
    rows: list[dict[str, object]] = _per_lang("summary", "answers", "", "", report.summary.answers)
    rows += [
        {"part": "summary", "key": "status", "detail": status, "count": count}
        for status, count in report.summary.by_status.items()
    ]
    rows += [
        {"part": "summary", "key": "vote", "detail": "up", "count": report.summary.votes_up},
        {"part": "summary", "key": "vote", "detail": "down", "count": report.summary.votes_down},
    ]
    for group in report.declined:
        key, title = str(group.topic.section or ""), topic_title(group.topic, lang)
        rows += _per_lang("declined", key, title, "", group)
        if group.without_text:
            rows.append(
                {
                    "part": "declined",
                    "key": key,
                    "title": title,
                    "detail": "without_text",
                    "count": group.without_text,
                }
            )
        rows += [
            {
                "part": "declined_question",
                "key": key,
                "title": title,
                "lang": q.lang,
                "count": q.count,
                "question": q.text,
            }
            for q in group.questions
        ]
    rows += [
        {
            "part": "voted_down",
            "key": item.disclosure_id,
            "title": topic_title(item.topic, lang),
            "detail": item.status or "",
            "lang": item.lang,
            "period": item.created_at.date().isoformat(),
            "count": 1,
            "question": item.question or "",
            "comment": item.comment or "",
        }
        for item in report.voted_down.items
    ]
    for stop in report.needs_input:
        rows += _per_lang("needs_input", stop.tool, "", ", ".join(stop.missing), stop)
    for clause in report.cited:
        rows += _per_lang("cited", clause.clause_id, topic_title(clause.topic, lang), "", clause)
    rows += [
        {
            "part": "declined_weekly",
            "key": str(w.topic.section or ""),
            "title": topic_title(w.topic, lang),
            "period": w.week,
            "count": w.count,
        }
        for w in report.declined_weekly
    ]
    return rows


def to_csv(report: GapsReport, lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for row in csv_rows(report, lang):
        writer.writerow({k: _safe(v) for k, v in row.items()})
    return buffer.getvalue()
