"""Replies to policy questions, read the way a student reads them.

- the direct-answer check (mechanical companion of evals/judging rubric): the key numbers
  and terms of the facts a correct answer must state appear in the reply's first two
  sentences. Numbers are checked in every language; words only where the set wrote them
  in the reply's language (the blind sets write key terms in English);
- bare list items: a cited list item whose lead-in is not cited ("- транскрипт.");
- the replies themselves, written out for reviewers who score them with the rubric
  (`evals/judged/`), and the summary of their scores.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from assistant.models import Answer
from corpus.languages import SLICES
from corpus.models import ClauseKind
from corpus.store import clauses_by_id
from evals.dataset import EvalItem

JUDGED = Path(__file__).parent / "judged"
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "twelve": "12", "fifteen": "15",
    "twenty": "20", "thirty": "30", "fifty": "50", "half": "50",
}  # fmt: skip


def first_sentences(text: str, n: int = 2) -> str:
    parts = [p.strip() for p in SENTENCE.split(text) if p and p.strip()]
    return " ".join(parts[:n])


def _numbers(term: str) -> list[str]:
    found = re.findall(r"\d+(?:[.,]\d+)?", term)
    words = [NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", term.lower()) if w in NUMBER_WORDS]
    return [n.replace(",", ".") for n in found] + words


def key_terms_found(item: EvalItem, answer: Answer) -> bool | None:
    """Do the first two sentences hold the item's key numbers (and, in English, its key
    words)? None when the item names nothing checkable in the reply's language."""
    head = first_sentences(answer.answer).lower().replace(",", ".")
    checks: list[bool] = []
    for term in item.key_terms:
        numbers = _numbers(term)
        if numbers:
            checks.append(
                all(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", head) for n in numbers)
            )
        elif answer.lang == "en" and item.lang == "en":
            stems = [w[:5] for w in re.findall(r"[a-z]+", term.lower()) if len(w) > 2]
            checks.append(all(s in head for s in stems))
    return all(checks) if checks else None


def bare_list_items(answer: Answer) -> list[str]:
    """Cited list items whose lead-in clause is not cited with them."""
    kk = clauses_by_id("kk")
    cited = {c.clause_id for c in answer.citations}
    return [
        cid
        for cid in cited
        if cid in kk and kk[cid].kind == ClauseKind.list_item and kk[cid].parent not in cited
    ]


def reply_record(item: EvalItem, answer: Answer) -> dict[str, Any]:
    """What a reviewer reads: the question, the facts a correct answer states, the reply."""
    return {
        "id": item.id,
        "lang": item.lang,
        "kind": item.kind,
        "question": item.question,
        "answer_facts": item.answer_facts,
        "reply": answer.answer,
        "status": answer.status,
        "cited": [c.clause_id for c in answer.citations],
    }


def write_replies(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


def read_judgments(paths: list[Path]) -> list[dict[str, Any]]:
    """Reviewers' rows (id, lang, correct, direct, noise, harmful, language, note)."""
    return [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def summarize_judgments(judged: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per slice: n, correct rate, share with direct = 2, mean noise, harmful and
    wrong-language counts."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for row in judged:
        rows[row["lang"]].append(row)
        rows["all"].append(row)
    out = {}
    for name in (*SLICES, "all"):
        r = rows.get(name)
        if not r:
            continue
        out[name] = {
            "n": len(r),
            "correct": round(sum(x["correct"] for x in r) / len(r), 3),
            "direct": round(sum(x["direct"] == 2 for x in r) / len(r), 3),
            "noise": round(sum(x["noise"] for x in r) / len(r), 2),
            "harmful": sum(x["harmful"] for x in r),
            "wrong_language": sum(x["language"] != "ok" for x in r),
        }
    return out


def judgment_files(folder: Path = JUDGED) -> dict[str, list[Path]]:
    """Reviewers' score files, by the reply file they judged: `judgments-<set>-<who>.jsonl`
    scores the replies of `replies-<set>.jsonl` beside it (a sub-folder, named after the
    commit that wrote the replies, keeps a judged round apart from later runs)."""
    found: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(folder.rglob("judgments-*.jsonl")):
        name = path.stem.removeprefix("judgments-").rsplit("-", 1)[0]
        where = path.parent.relative_to(folder)
        found[f"{where}/{name}" if where.parts else name].append(path)
    return dict(found)


def judgments_markdown(folder: Path = JUDGED) -> str:
    """The reviewers' scores per set and language slice, with the notes on every item that
    was not correct, not direct, noisy or harmful."""
    lines = ["# Replies judged by reviewers", ""]
    lines += [
        "Scored with the rubric in `../shared/evals/judging.md` by reviewers who did not write "
        "the code, the glosses or the cards; each read the question, the facts a correct "
        "answer states and the reply (`evals/judged/replies-*.jsonl`).",
        "",
    ]
    for name, paths in judgment_files(folder).items():
        notes = read_judgments(paths)
        summary = summarize_judgments(notes)
        lines += [f"## {name}", ""]
        lines += ["| slice | n | correct | direct = 2 | mean noise | harmful | wrong language |"]
        lines += ["|---|---|---|---|---|---|---|"]
        for slice_name, s in summary.items():
            lines.append(
                f"| {slice_name} | {s['n']} | {s['correct']:.2f} | {s['direct']:.2f} | "
                f"{s['noise']:.2f} | {s['harmful']} | {s['wrong_language']} |"
            )
        flagged = [
            r
            for r in notes
            if not r["correct"] or r["direct"] == 0 or r["noise"] == 2 or r["harmful"]
        ]
        if flagged:
            lines += ["", "Items flagged (correct 0, direct 0, noise 2 or harmful):", ""]
            for r in sorted(flagged, key=lambda r: r["id"]):
                lines.append(
                    f"- {r['id']} ({r['lang']}; correct {r['correct']}, direct {r['direct']}, "
                    f"noise {r['noise']}, harmful {r['harmful']}): {r.get('note', '')}"
                )
        lines.append("")
    return "\n".join(lines)
