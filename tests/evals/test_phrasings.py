"""The tool-request sets: every file loads, and every expected computation is one the tool
accepts, so a miss in the report is the reader's, never the set's."""

from __future__ import annotations

import json

import pytest

from evals import phrasings
from tools import registry


@pytest.mark.parametrize("name", sorted(phrasings.SETS))
def test_every_set_loads_and_its_expected_computations_run(name):
    items = phrasings.load(phrasings.SETS[name])
    assert len(items) >= 80  # enough per language slice to report
    for item in items:
        for turn in item.turns:
            if turn.expect == "compute":
                assert registry.run(item.tool, turn.args), item.id
            else:
                assert set(turn.ask_for) <= set(registry.get(item.tool).args.model_fields)


def test_a_broken_set_names_its_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = {"id": "x", "lang": "en", "tool": "gpa", "turns": [{"text": "hi", "expect": "ask"}]}
    path.write_text(json.dumps({**good, "turns": []}) + "\n" + json.dumps(good) + "\n")
    with pytest.raises(phrasings.PhrasingSetError, match=r"(?s)bad\.jsonl:2: .*ask_for"):
        phrasings.load(path)
