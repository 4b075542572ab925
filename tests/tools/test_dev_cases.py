"""Every tool case of the dev set passes, through the registry and the Python functions."""

import pytest

import tools
from tests.tools.helpers import dev_tool_cases, mismatches
from tools import registry

CASES = dev_tool_cases()


def test_the_dev_set_has_tool_cases_for_every_tool():
    assert len(CASES) >= 25
    assert {case["tool"] for case in CASES} == set(registry.names())


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_dev_case_through_the_registry(case):
    result = registry.run(case["tool"], case["inputs"]).to_json()
    assert mismatches(case["expected"], result) == []


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_dev_case_through_the_python_function(case):
    result = getattr(tools, case["tool"])(**case["inputs"]).to_json()
    assert mismatches(case["expected"], result) == []


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_dev_case_explains_itself_in_three_languages(case):
    result = registry.run(case["tool"], case["inputs"])
    kazakh_only = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
    for lang in ("kk", "ru", "en"):
        assert len(getattr(result.explanation, lang)) > 20
    names = " ".join(c.get("name", "") for c in case["inputs"].get("courses", []))
    en = result.explanation.en
    for name in names.split():
        en = en.replace(name, "")
    assert not any("а" <= ch.lower() <= "я" for ch in en), en  # no Cyrillic in English
    assert not kazakh_only & set(result.explanation.ru.replace(names, "")), result.explanation.ru
