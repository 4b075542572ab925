"""Corpus checks behind `policy-assistant corpus check` and the tests.

Each check returns a named result with the offending clause ids, so a failure
says exactly what to fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from corpus.build import DEFAULT_SOURCE, load_corrections
from corpus.editorial import (
    CARDS_DIR,
    ENRICHMENT_DIR,
    Card,
    Enrichment,
    load_cards,
    load_enrichment,
)
from corpus.languages import LANGS
from corpus.models import EDITORIAL, OFFICIAL, UNOFFICIAL, Clause, ClauseKind, Lang
from corpus.numbers import number_diff, numbers_in
from corpus.source import BULLET_GLYPHS, read_source, repair_letters
from corpus.store import DOC_DIR, available_languages, load_clauses
from corpus.yaml_file import read_yaml

KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"")
LINE_BREAK_HYPHEN = re.compile(r"[a-zа-яәғқңөұүһі]- [a-zа-яәғқңөұүһі]")
FURNITURE = re.compile(r"Бет\. \d+ і \d+|АС 029-V-2025 Академиялық саясат")
WORD = re.compile(r"\w+", re.UNICODE)
SECTIONS = range(1, 21)
MIN_COVERAGE = 0.99


class CheckResult(BaseModel):
    name: str
    ok: bool
    details: list[str] = []


class CheckReport(BaseModel):
    checks: list[CheckResult]
    figures: dict[str, float | int | str] = {}

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


def _result(name: str, failures: list[str]) -> CheckResult:
    return CheckResult(name=name, ok=not failures, details=failures)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()


def full_text(clause: Clause) -> str:
    """The record's words: its sub-heading, if it has one, then its text."""
    return f"{clause.heading}\n{clause.text}" if clause.heading else clause.text


def _id_key(clause_id: str) -> tuple[int, int, int]:
    section, local = clause_id.split(".")
    if local.isdigit():
        return int(section), int(local), 0
    return int(section), 10_000 + int(local[1:]), 0


# --- the Kazakh original -----------------------------------------------------------------


def check_ids(clauses: tuple[Clause, ...]) -> CheckResult:
    failures = [f"duplicate id {i}" for i, n in Counter(c.id for c in clauses).items() if n > 1]
    numbered = [c for c in clauses if c.id.split(".")[1].isdigit()]
    for prev, cur in zip(numbered, numbered[1:], strict=False):
        if _id_key(cur.id) <= _id_key(prev.id):
            failures.append(f"{cur.id} comes after {prev.id}")
    for clause in clauses:
        if not clause.id.startswith(f"{clause.section}."):
            failures.append(f"{clause.id} is in section {clause.section}")
    return _result("ids unique and ordered", failures)


def check_sections(clauses: tuple[Clause, ...]) -> CheckResult:
    titles: dict[int, set[str]] = {}
    for clause in clauses:
        titles.setdefault(clause.section, set()).add(clause.section_title)
    failures = [f"section {n} missing" for n in SECTIONS if n not in titles]
    failures += [f"section {n} has titles {t}" for n, t in titles.items() if len(t) != 1]
    failures += [f"section {n} has an empty title" for n, t in titles.items() if not next(iter(t))]
    return _result("sections 1-20 present with one title each", failures)


def check_clean_text(clauses: tuple[Clause, ...]) -> CheckResult:
    failures: list[str] = []
    for clause in clauses:
        text = full_text(clause)
        if FURNITURE.search(text):
            failures.append(f"{clause.id}: page furniture")
        if "ӛ" in text or "Ӛ" in text:
            failures.append(f"{clause.id}: broken-font letter")
        if BULLET_GLYPHS.search(text):
            failures.append(f"{clause.id}: private-use glyph")
        if LINE_BREAK_HYPHEN.search(text):
            failures.append(f"{clause.id}: line-break hyphenation")
    return _result("no furniture, broken letters, glyphs or hyphenation", failures)


def _source_tokens(
    source_path: Path, doc_dir: Path = DOC_DIR
) -> tuple[Counter[str], dict[int, str]]:
    cleaned = read_source(source_path, load_corrections(doc_dir).keep_links)
    lines = {line.number: line.text for line in cleaned.lines}
    tokens: Counter[str] = Counter()
    for text in lines.values():
        tokens.update(WORD.findall(norm(text)))
    return tokens, lines


def check_coverage(
    clauses: tuple[Clause, ...], source_path: Path, doc_dir: Path = DOC_DIR
) -> tuple[CheckResult, float]:
    """Share of the source's word tokens (outside headers and contents) held by the records."""
    source_tokens, _ = _source_tokens(source_path, doc_dir)
    clause_tokens: Counter[str] = Counter()
    headings = {(c.section, c.section_title) for c in clauses if c.section > 0}
    for number, title in headings:
        clause_tokens.update(WORD.findall(norm(f"{number}. {title}")))
    for clause in clauses:
        if clause.status == OFFICIAL:
            clause_tokens.update(WORD.findall(norm(full_text(clause))))
    covered = sum((source_tokens & clause_tokens).values())
    total = sum(source_tokens.values())
    coverage = covered / total if total else 0.0
    missing = source_tokens - clause_tokens
    failures = []
    if coverage < MIN_COVERAGE:
        failures.append(
            f"coverage {coverage:.4f} < {MIN_COVERAGE}: missing {missing.most_common(10)}"
        )
    return _result(f"coverage of source tokens >= {MIN_COVERAGE:.0%}", failures), coverage


def check_source_lines(
    clauses: tuple[Clause, ...], source_path: Path, doc_dir: Path = DOC_DIR
) -> CheckResult:
    """Every clause's tokens (sub-heading, then text) come, in order, from the source lines
    it names."""
    _, lines = _source_tokens(source_path, doc_dir)
    failures: list[str] = []
    for clause in clauses:
        if clause.source_lines is None:
            if clause.status == OFFICIAL:
                failures.append(f"{clause.id}: no source_lines")
            continue
        first, last = clause.source_lines
        span = " ".join(text for number, text in lines.items() if first <= number <= last)
        span_words = " ".join(WORD.findall(norm(repair_letters(span))))
        first_line = clause.text.split("\n", 2)[0]
        words = f"{clause.heading} {first_line}" if clause.heading else first_line
        clause_words = " ".join(WORD.findall(norm(words)))
        if not clause_words or clause_words not in span_words:
            failures.append(f"{clause.id}: text does not match lines {first}-{last}")
    return _result("source_lines point at matching text", failures)


# --- translations ------------------------------------------------------------------------


def check_alignment(kk: tuple[Clause, ...], other: tuple[Clause, ...], lang: Lang) -> CheckResult:
    kk_ids = [c.id for c in kk]
    ids = [c.id for c in other]
    failures = [f"{lang}: missing {i}" for i in kk_ids if i not in set(ids)]
    failures += [f"{lang}: extra {i}" for i in ids if i not in set(kk_ids)]
    failures += [f"{lang}: duplicate {i}" for i, n in Counter(ids).items() if n > 1]
    by_id = {c.id: c for c in kk}
    for clause in other:
        ref = by_id.get(clause.id)
        if ref is None:
            continue
        if (clause.section, clause.kind, clause.doc) != (ref.section, ref.kind, ref.doc):
            failures.append(f"{lang}: {clause.id} section/kind/doc differ from kk")
        if clause.lang != lang:
            failures.append(f"{lang}: {clause.id} has lang {clause.lang}")
        if (clause.heading is None) != (ref.heading is None):
            failures.append(f"{lang}: {clause.id} heading present in one of kk/{lang} only")
        expected = EDITORIAL if ref.status == EDITORIAL else UNOFFICIAL
        if clause.status != expected:
            failures.append(f"{lang}: {clause.id} status {clause.status!r}")
    return _result(f"{lang}: one record per kk clause", failures)


def load_number_exceptions(doc_dir: Path = DOC_DIR) -> dict[tuple[str, str], str]:
    path = doc_dir / "number_exceptions.yaml"
    if not path.exists():
        return {}
    data = read_yaml(path) or []
    return {(item["id"], item["lang"]): item["reason"] for item in data}


def check_numbers(kk: tuple[Clause, ...], other: tuple[Clause, ...], lang: Lang) -> CheckResult:
    exceptions = load_number_exceptions()
    by_id = {c.id: c for c in kk}
    failures: list[str] = []
    for clause in other:
        ref = by_id.get(clause.id)
        if ref is None or (clause.id, lang.value) in exceptions:
            continue
        missing, added = number_diff(full_text(ref), full_text(clause))
        if missing or added:
            failures.append(
                f"{lang}: {clause.id} missing {sorted(missing.elements())} "
                f"added {sorted(added.elements())}"
            )
    return _result(f"{lang}: numbers match kk", failures)


def check_script(other: tuple[Clause, ...], lang: Lang) -> CheckResult:
    failures: list[str] = []
    for clause in other:
        bare = QUOTED.sub("", full_text(clause))
        if KAZAKH_ONLY.search(bare):
            failures.append(f"{lang}: {clause.id} has Kazakh-only letters")
        if lang is Lang.en and CYRILLIC.search(bare):
            failures.append(f"en: {clause.id} has Cyrillic")
    return _result(f"{lang}: script", failures)


def load_glossary(doc_dir: Path = DOC_DIR) -> list[dict]:
    path = doc_dir / "glossary.yaml"
    return read_yaml(path) or [] if path.exists() else []


def check_glossary(glossary: list[dict]) -> CheckResult:
    failures = [
        f"duplicate glossary id {i}"
        for i, n in Counter(e.get("id") for e in glossary).items()
        if n > 1
    ]
    for entry in glossary:
        for lang in LANGS:
            if not entry.get(lang):
                failures.append(f"glossary {entry.get('id')}: no {lang} form")
    return _result("glossary: unique ids, kk/ru/en forms", failures)


def _mentions(text: str, form: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(norm(form))}(?!\w)", text) is not None


def glossary_rate(
    glossary: list[dict], kk: tuple[Clause, ...], other: tuple[Clause, ...], lang: Lang
) -> tuple[float, int]:
    """Share of (clause, term) pairs where a term used in the kk clause appears in its
    `lang` form in the translation; and the number of pairs."""
    by_id = {c.id: _stems(c.text) for c in other}
    hits = pairs = 0
    for clause in kk:
        source = norm(clause.text)
        target = by_id.get(clause.id, set())
        for entry in glossary:
            if any(_mentions(source, f) for f in entry.get("kk") or ()):
                pairs += 1
                hits += any(_stems(f) <= target for f in entry.get(lang.value) or ())
    return (hits / pairs if pairs else 1.0), pairs


def _stems(text: str) -> set[str]:
    """Word prefixes: "академической разницы" keeps "академическая разница"."""
    return {w[:5] for w in WORD.findall(norm(text))}


# --- the editorial layer: glosses, questions, answer cards -----------------------------------

MIN_QUESTIONS = {"enrichment": 3, "card": 2}  # per language, kk / ru / en


def _clause_numbers(ids: list[str], clauses: dict[str, list[Clause]]) -> set[int]:
    """Numbers of these clauses and of their list items, in any language."""
    wanted = set(ids)
    numbers: set[int] = set()
    for versions in clauses.values():
        for c in versions:
            if c.id in wanted or c.parent in wanted:
                numbers |= set(numbers_in(c.text))
    return numbers


def _texts_numbers(where: str, texts, allowed: set[int]) -> list[str]:
    """The three languages carry the same numbers, each one of the clauses' own."""
    counts = {lang: numbers_in(texts.get(lang)) for lang in LANGS}
    failures = []
    if not counts["kk"] == counts["ru"] == counts["en"]:
        failures.append(f"{where}: numbers differ across kk/ru/en {counts}")
    extra = set(counts["kk"]) - allowed
    if extra:
        failures.append(f"{where}: numbers {sorted(extra)} are not in its clauses")
    if any("§" in texts.get(lang) for lang in LANGS):
        failures.append(f"{where}: names a clause number (the clauses are quoted under it)")
    return failures


def _questions(where: str, questions, least: int) -> list[str]:
    short = [lang for lang in LANGS if len(getattr(questions, lang)) < least]
    return [f"{where}: fewer than {least} questions in {short}"] if short else []


def check_enrichment(
    kk: tuple[Clause, ...], enrichment: dict[str, Enrichment], clauses: dict[str, list[Clause]]
) -> CheckResult:
    by_id = {c.id: c for c in kk}
    failures = [f"enrichment {i}: no such clause" for i in enrichment if i not in by_id]
    failures += [
        f"enrichment {i}: a list item is glossed through its lead-in {by_id[i].parent}"
        for i in enrichment
        if i in by_id and by_id[i].kind is ClauseKind.list_item
    ]
    failures += [
        f"clause {c.id} has no gloss"
        for c in kk
        if c.kind is not ClauseKind.list_item and c.id not in enrichment
    ]
    for cid, item in enrichment.items():
        if cid in by_id:
            failures += _texts_numbers(f"gloss {cid}", item.gloss, _clause_numbers([cid], clauses))
            failures += _questions(f"gloss {cid}", item.questions, MIN_QUESTIONS["enrichment"])
    return _result("enrichment: every clause glossed, numbers its own, questions", failures)


def check_cards(kk: tuple[Clause, ...], cards: tuple[Card, ...], clauses) -> CheckResult:
    ids = {c.id for c in kk}
    failures = [f"card {i}: duplicate id" for i, n in Counter(c.id for c in cards).items() if n > 1]
    for card in cards:
        where = f"card {card.id}"
        failures += [f"{where}: no clause {cid}" for cid in card.clauses if cid not in ids]
        failures += _questions(where, card.questions, MIN_QUESTIONS["card"])
        if card.clauses:
            failures += _texts_numbers(where, card.answer, _clause_numbers(card.clauses, clauses))
        elif card.office is None:
            failures.append(f"{where}: cites nothing and names no office to ask")
        elif any(numbers_in(card.answer.get(lang)) for lang in LANGS):
            failures.append(f"{where}: cites nothing, so it may state no number")
    return _result("answer cards: ids, clauses, numbers their clauses' own", failures)


def editorial_checks(kk: tuple[Clause, ...], doc_dir: Path = DOC_DIR) -> list[CheckResult]:
    """The editorial layer's checks; a file that does not parse is a failure, not a crash."""
    clauses = {
        lang.value: list(load_clauses(lang, doc_dir)) for lang in available_languages(doc_dir)
    }
    results = []
    for name, folder, loader, check in (
        ("enrichment", doc_dir / ENRICHMENT_DIR.name, load_enrichment, check_enrichment),
        ("answer cards", doc_dir / CARDS_DIR.name, load_cards, check_cards),
    ):
        if not folder.exists():
            continue
        try:
            data = loader(folder)
        except ValueError as error:
            results.append(_result(f"{name}: files parse", [str(error)[:500]]))
            continue
        results.append(check(kk, data, clauses))
    return results


# --- the whole report --------------------------------------------------------------------


def run_checks(source_path: Path = DEFAULT_SOURCE, doc_dir: Path = DOC_DIR) -> CheckReport:
    kk = load_clauses(Lang.kk, doc_dir)
    coverage_result, coverage = check_coverage(kk, source_path, doc_dir)
    checks = [
        check_ids(kk),
        check_sections(kk),
        check_clean_text(kk),
        coverage_result,
        check_source_lines(kk, source_path, doc_dir),
        _result(
            "Table 1 and the formula note present",
            [f"missing {i}" for i in ("8.T1", "8.N1") if i not in {c.id for c in kk}],
        ),
    ]
    figures: dict[str, float | int | str] = {
        "kk clauses": len(kk),
        "coverage": round(coverage, 4),
        "tables": sum(c.kind is ClauseKind.table for c in kk),
    }
    for lang in available_languages(doc_dir):
        if lang is Lang.kk:
            continue
        other = load_clauses(lang, doc_dir)
        checks += [
            check_alignment(kk, other, lang),
            check_numbers(kk, other, lang),
            check_script(other, lang),
        ]
        figures[f"{lang} clauses"] = len(other)
    checks += editorial_checks(kk, doc_dir)
    glossary = load_glossary(doc_dir)
    if glossary:
        checks.append(check_glossary(glossary))
        figures["glossary entries"] = len(glossary)
        for lang in available_languages(doc_dir):
            if lang is not Lang.kk:
                rate, pairs = glossary_rate(glossary, kk, load_clauses(lang, doc_dir), lang)
                figures[f"glossary terms kept in {lang}"] = f"{rate:.3f} of {pairs} uses"
    return CheckReport(checks=checks, figures=figures)
