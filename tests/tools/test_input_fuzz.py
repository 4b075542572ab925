"""Arbitrary input to every tool through its public entry point, `registry.run`.

Whatever the arguments (JSON of any shape, the tool's own argument names with values of
any type, values just inside and outside the documented ranges, lone surrogates, deep
nesting), a tool returns a result with its clauses or raises a `ToolInputError` with a
code and a message in kk / ru / en — never any other exception, never a wrong type.
The correctness properties of the numbers live in test_properties.py.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tools import registry
from tools.errors import ToolInputError
from tools.models import ToolResult

pytestmark = pytest.mark.fuzz

FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**40), 10**40),
    st.floats(),  # nan and infinities included: Python callers can pass them
    st.text(max_size=20),
    st.sampled_from(["72", "1e999", "NaN", "-0", "A", "fx", "B2", "\udcff", "\x00", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def near(schema: dict[str, Any]) -> st.SearchStrategy:
    """Values shaped by a property's schema: in range, just outside it, or any value."""
    kind = schema.get("type")
    if "enum" in schema:
        choices = list(schema["enum"])
        return st.one_of(
            st.sampled_from(choices), st.sampled_from([c.lower() for c in choices]), values
        )
    if kind in ("integer", "number"):
        lo, hi = schema.get("minimum", -1000), schema.get("maximum", 10**6)
        ints = st.integers(int(lo) - 3, int(hi) + 3)
        floats = st.floats(lo - 1, hi + 1)
        return st.one_of(ints, floats, st.sampled_from([lo, hi]), values)
    if kind == "array":
        items = near(schema.get("items", {}))
        return st.one_of(st.lists(items, max_size=schema.get("maxItems", 6) + 2), values)
    if kind == "object":
        return st.one_of(arguments_for(schema), values)
    if kind == "boolean":
        return st.one_of(st.booleans(), values)
    return values


def arguments_for(schema: dict[str, Any]) -> st.SearchStrategy[dict]:
    properties = schema.get("properties", {})
    return st.fixed_dictionaries(
        {},
        optional={name: near(sub) for name, sub in properties.items()}
        | {"unknown": values, "\udcff": values},
    )


def check(name: Any, arguments: Any) -> None:
    try:
        result = registry.run(name, arguments)
    except ToolInputError as error:
        data = error.to_dict()
        assert data["code"] and set(data["message"]) == {"kk", "ru", "en"}
        json.dumps(data)  # serialisable, as the CLI and the API print it
        return
    assert isinstance(result, ToolResult)
    data = result.to_json()
    assert data["clauses"] and set(data["explanation"]) == {"kk", "ru", "en"}
    # the sections a tool declares are those of every clause it cites
    sections = registry.get(name).sections
    assert {int(cid.split(".")[0]) for cid in result.clauses} <= set(sections), name
    json.dumps(data)


@pytest.mark.parametrize("name", registry.names())
@FUZZ
@given(data=st.data())
def test_schema_shaped_arguments(name, data):
    check(name, data.draw(arguments_for(registry.parameters(name))))


@FUZZ
@given(
    name=st.one_of(st.sampled_from(registry.names()), st.text(max_size=20), scalars),
    arguments=st.one_of(values, st.dictionaries(st.text(max_size=12), values, max_size=6)),
)
@example(name="final_grade", arguments={"r1": "\udcff", "r2": [], "exam": {}})
@example(name="gpa", arguments={"courses": json.loads("[" * 900 + "]" * 900)})
@example(name="final_grade", arguments={"r1": float("nan"), "r2": float("inf"), "exam": -0.0})
@example(name=["final_grade"], arguments=None)
def test_arbitrary_names_and_arguments(name, arguments):
    check(name, arguments)
