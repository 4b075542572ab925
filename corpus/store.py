"""Read the committed clause records: the corpus's public face for other layers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from corpus.models import Clause, Lang
from corpus.yaml_file import read_yaml

DOC_DIR = Path(__file__).parent / "academic_policy"


def clause_file(lang: Lang | str, doc_dir: Path = DOC_DIR) -> Path:
    return doc_dir / f"{Lang(lang).value}.jsonl"


def available_languages(doc_dir: Path = DOC_DIR) -> list[Lang]:
    return [lang for lang in Lang if clause_file(lang, doc_dir).exists()]


@cache
def load_clauses(lang: Lang | str = Lang.kk, doc_dir: Path = DOC_DIR) -> tuple[Clause, ...]:
    path = clause_file(lang, doc_dir)
    with path.open(encoding="utf-8") as fh:
        return tuple(Clause.model_validate_json(line) for line in fh if line.strip())


@cache
def clauses_by_id(lang: Lang | str = Lang.kk, doc_dir: Path = DOC_DIR) -> Mapping[str, Clause]:
    """The clauses by id, built once (an answer looks clauses up a dozen times); read-only."""
    return MappingProxyType({c.id: c for c in load_clauses(lang, doc_dir)})


@cache
def document_meta(doc_dir: Path = DOC_DIR) -> dict:
    return read_yaml(doc_dir / "document.yaml")


def corpus_summary(doc_dir: Path = DOC_DIR) -> dict:
    meta = document_meta(doc_dir)
    langs = available_languages(doc_dir)
    kk = load_clauses(Lang.kk, doc_dir)
    counts = {lang: Counter(c.section for c in load_clauses(lang, doc_dir)) for lang in langs}
    titles: dict[int, str] = {}
    for clause in kk:
        titles.setdefault(clause.section, clause.section_title)
    return {
        "doc": meta["id"],
        "title": meta["title"]["kk"],
        "code": meta["code"],
        "approval_date": meta["approval_date"],
        "languages": [lang.value for lang in langs],
        "total": {lang.value: sum(counts[lang].values()) for lang in langs},
        "sections": [
            {
                "section": number,
                "title": title,
                "counts": {lang.value: counts[lang][number] for lang in langs},
            }
            for number, title in sorted(titles.items())
        ],
    }
