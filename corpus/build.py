"""Turn the official Kazakh source into clause records (kk.jsonl).

Re-ingesting a new edition: put its text where `document.yaml` points, review
`segmentation.yaml`, run `policy-assistant corpus build`, then
`policy-assistant corpus check`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from corpus.models import EDITORIAL, Clause, ClauseKind, Lang
from corpus.segment import LIST_MARKER, Block, Corrections, Section, split_blocks, split_sections
from corpus.source import CleanSource, read_source
from corpus.table import find_table, parse_table
from corpus.yaml_file import read_yaml

DOC_DIR = Path(__file__).parent / "academic_policy"
DEFAULT_SOURCE = (
    Path(__file__).resolve().parents[1].parent / "shared" / "source" / "academic_policy_kk.txt"
)
PREAMBLE_TITLE = "Академиялық саясат"
DEFINITIONS_SECTION = 3
FORMULA_LEAD = "Қорытынды баға формула бойынша анықталады"
# §8: the formula was an image that the extraction lost; its legend survives. This note is
# ours, not the official text ("Белгілеулер": the formula's key; was "Аңыз", a myth-legend).
FORMULA_NOTE = (
    "Редакциялық ескерту (ресми мәтіннің бөлігі емес): PDF-тегі формула сурет ретінде берілген "
    "және мәтінге шықпаған. Белгілеулерге сәйкес қорытынды баға: "
    "Қорытынды баға = 0,6 × (Р1 + Р2) / 2 + 0,4 × Э, мұндағы Р1 – рейтинг 1, Р2 – рейтинг 2, "
    "Э – емтихан бағасы."
)


@dataclass(frozen=True)
class BuildResult:
    clauses: list[Clause]
    source: CleanSource
    sections: list[Section]


def load_document(doc_dir: Path = DOC_DIR) -> dict:
    return read_yaml(doc_dir / "document.yaml")


def load_corrections(doc_dir: Path = DOC_DIR) -> Corrections:
    path = doc_dir / "segmentation.yaml"
    data = read_yaml(path) if path.exists() else {}
    return Corrections.from_mapping(data or {})


def classify(section: int, block: Block, fixes: Corrections) -> ClauseKind:
    override = fixes.kind_for(block.first)
    if override:
        return ClauseKind(override)
    text = block.text
    if block.bullet or LIST_MARKER.match(text):
        return ClauseKind.list_item
    if section == DEFINITIONS_SECTION:
        head = re.split(r"\s[-–]|[-–]\s", text, maxsplit=1)[0]
        return (
            ClauseKind.abbreviation if len(head) <= 12 or head.isupper() else ClauseKind.definition
        )
    return ClauseKind.paragraph


def build(
    source_path: Path = DEFAULT_SOURCE,
    doc_dir: Path = DOC_DIR,
    extra_corrections: list[Path] = (),
) -> BuildResult:
    doc = load_document(doc_dir)
    fixes = load_corrections(doc_dir)
    for path in extra_corrections:
        data = read_yaml(path) or {}
        fixes = fixes.merged(Corrections.from_mapping(data))
    source = read_source(source_path, fixes.keep_links)
    sections = split_sections(source.lines)
    clauses: list[Clause] = []
    for section in sections:
        title = section.title or PREAMBLE_TITLE
        clauses.extend(_section_clauses(doc["id"], section, title, fixes))
    return BuildResult(clauses, source, sections)


def _section_clauses(doc_id: str, section: Section, title: str, fixes: Corrections) -> list[Clause]:
    lines = section.lines
    table_span = find_table(lines)
    chunks: list[tuple[str, list]] = []
    if table_span:
        start, end = table_span
        chunks = [
            ("text", lines[:start]),
            ("table", lines[start : end + 1]),
            ("text", lines[end + 1 :]),
        ]
    else:
        chunks = [("text", lines)]

    out: list[Clause] = []
    n = 0
    lead_in: str | None = None
    common = {"doc": doc_id, "section": section.number, "section_title": title, "lang": Lang.kk}
    for kind, chunk in chunks:
        if kind == "table":
            table, text = parse_table(chunk)
            span = (chunk[0].number, chunk[-1].number)
            out.append(
                Clause(
                    id=f"{section.number}.T1",
                    kind=ClauseKind.table,
                    text=text,
                    table=table,
                    source_lines=span,
                    **common,
                )
            )
            continue
        for block in split_blocks(chunk, fixes):
            n += 1
            clause_kind = classify(section.number, block, fixes)
            clause_id = f"{section.number}.{n}"
            parent = lead_in if clause_kind is ClauseKind.list_item else None
            out.append(
                Clause(
                    id=clause_id,
                    kind=clause_kind,
                    heading=block.heading,
                    text=block.text,
                    parent=parent,
                    source_lines=(block.first, block.last),
                    **common,
                )
            )
            if clause_kind is not ClauseKind.list_item:
                lead_in = clause_id
            if block.text.startswith(FORMULA_LEAD):
                out.append(
                    Clause(
                        id=f"{section.number}.N1",
                        kind=ClauseKind.note,
                        text=FORMULA_NOTE,
                        status=EDITORIAL,
                        parent=clause_id,
                        **common,
                    )
                )
    return out


def write_jsonl(clauses: list[Clause], path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for clause in clauses:
            fh.write(
                json.dumps(clause.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
            )
            fh.write("\n")
    tmp.replace(path)
