"""Property tests of the REST API from its own OpenAPI document (schemathesis).

Every operation of the real app (real index, real models, real SQLite) gets schema-valid
and schema-violating requests; each response must be documented (status code, content
type, headers, body schema), never a 5xx, and never carry a stack trace or Python
exception text. Rate limiting is off and the admin token is sent, so the admin
endpoints are fuzzed too. Bounded and deterministic: derandomized Hypothesis with a
fixed number of examples per operation and mode.

The operations are listed here (and checked against the live document) rather than
collected by `schemathesis.pytest.from_fixture`, whose lazy loader does not run on
pytest 9.2; the checks are schemathesis' own, through `Case.call_and_validate`.
"""

from __future__ import annotations

import copy
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.ui.conftest import ADMIN_TOKEN
from tools import registry
from ui.api.settings import ApiSettings

pytestmark = pytest.mark.fuzz

MAX_EXAMPLES = 60
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
OPERATIONS = [
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("POST", "/api/chat"),
    ("GET", "/api/search"),
    ("GET", "/api/clauses/{clause_id}"),
    ("GET", "/api/sections"),
    ("GET", "/api/tools"),
    ("GET", "/api/tools/{name}"),
    ("POST", "/api/tools/{name}"),
    ("GET", "/api/disclosures/statement"),
    ("GET", "/api/disclosures/{disclosure_id}"),
    ("POST", "/api/feedback"),
    ("POST", "/api/admin/reindex"),
    ("GET", "/api/admin/disclosures/export"),
    ("GET", "/api/admin/report"),
    ("GET", "/api/admin/report/chart.png"),
]
LEAKS = re.compile(
    r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+"
    r"|\b[A-Z]\w*(Error|Exception)\b: |\b(sqlalchemy|pydantic_core|qdrant_client|starlette)\.\w"
)
FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# Where the server checks more than a schema can say, a schema-valid request may still be
# refused with a coded 4xx (not by schema validation): a search query that is binary junk
# (`invalid_query`), or a tool's arguments, which depend on the tool named in the path
# (each tool's own argument schema is fuzzed below as well).
DOMAIN_CHECKED = {("GET", "/api/search"), ("POST", "/api/tools/{name}")}


@pytest.fixture(scope="module")
def fuzz_app(ui_assistant):
    from ui.api import create_app

    return create_app(ui_assistant, ApiSettings(admin_token=ADMIN_TOKEN, rate_limit=None, ui=False))


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/api/openapi.json", fuzz_app)


def no_leaks(ctx, response, case) -> bool:
    """No stack trace or Python exception text in any body (an image, the gaps chart, is
    not text: its type is checked by the schema)."""
    if any(v.startswith("image/") for v in response.headers.get("content-type", [])):
        return True
    found = LEAKS.search(response.text or "")
    if found:
        raise AssertionError(f"the response leaks internals: {found.group(0)!r}")
    return True


def refused_only_by_domain_rules(ctx, response, case) -> bool:
    """Schema-valid input passes schema validation: a refusal is the server's own, coded."""
    if response.status_code >= 400:
        code = response.json()["error"]["code"]
        assert code not in ("validation_error", "invalid_json"), f"schema-valid input: {code}"
    return True


def test_every_documented_operation_is_fuzzed(api_schema):
    documented = {
        (method.upper(), path)
        for path, methods in api_schema.raw_schema["paths"].items()
        for method in methods
    }
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_conforms_to_its_schema(api_schema, method, path, mode):
    operation = api_schema[path][method]
    if mode is GenerationMode.NEGATIVE and not (any(operation.iter_parameters()) or operation.body):
        pytest.skip("nothing to violate: the operation takes no input")

    checks, excluded = [no_leaks], []
    if (method, path) in DOMAIN_CHECKED and mode is GenerationMode.POSITIVE:
        checks, excluded = [no_leaks, refused_only_by_domain_rules], [positive_data_acceptance]

    @given(case=operation.as_strategy(generation_mode=mode))
    @FUZZ_SETTINGS
    def check(case):
        case.call_and_validate(headers=AUTH, additional_checks=checks, excluded_checks=excluded)

    check()


def tool_schema(api_schema, name: str):
    """The live document with `POST /api/tools/{name}` narrowed to one tool: its path
    fixed and its body described by the tool's own argument schema (the registry's)."""
    raw = copy.deepcopy(api_schema.raw_schema)
    operation = raw["paths"]["/api/tools/{name}"]["post"]
    operation["parameters"] = [p for p in operation.get("parameters", []) if p["in"] != "path"]
    operation["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": registry.parameters(name)}},
    }
    raw["paths"] = {f"/api/tools/{name}": {"post": operation}}
    narrowed = schemathesis.openapi.from_dict(raw)
    narrowed.app = api_schema.app
    return narrowed[f"/api/tools/{name}"]["POST"]


def rejects_invalid_arguments(ctx, response, case):
    """`negative_data_rejection`, less one known leniency of the tools: a yes/no argument
    also takes 0 / 1 / "true" / "no" (pydantic's lax booleans; never a wrong number)."""
    data = getattr(getattr(case.meta, "phase", None), "data", None)
    mutations = getattr(data, "mutations", ())
    if mutations and all(
        m.keywords == ("type",) and m.original_value == "boolean" for m in mutations
    ):
        return None
    return negative_data_rejection(ctx, response, case)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("name", registry.names())
def test_each_tool_over_http_from_its_own_schema(api_schema, name, mode):
    operation = tool_schema(api_schema, name)
    if mode is GenerationMode.POSITIVE:
        checks = [no_leaks, refused_only_by_domain_rules]
    else:
        checks = [no_leaks, rejects_invalid_arguments]

    @given(case=operation.as_strategy(generation_mode=mode))
    @FUZZ_SETTINGS
    def check(case):
        case.call_and_validate(
            headers=AUTH,
            additional_checks=checks,
            excluded_checks=[positive_data_acceptance, negative_data_rejection],
        )

    check()


# --- what the fuzzing found, pinned ---------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_client(fuzz_app):
    from fastapi.testclient import TestClient

    with TestClient(fuzz_app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe\x00garbage",  # not UTF-8: was an undocumented 400 "http_error"
        b"[" * 5000,  # nested deeper than the parser goes: was a 400 as well
    ],
    ids=["not-utf8", "too-deep"],
)
@pytest.mark.parametrize("path", ["/api/chat", "/api/tools/final_grade"])
def test_unparseable_bodies_are_invalid_json(fuzz_client, path, body):
    response = fuzz_client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_json"


def test_tool_errors_survive_lone_surrogates_and_deep_values(fuzz_client):
    """A lone surrogate (a JSON escape) or a value nested ~990 deep in a tool argument
    made the tool's error message itself fail: a 500 instead of a coded 422."""
    deep = b"[" * 990 + b"]" * 990
    for body in (
        b'{"r1": "\\udcff", "r2": 1, "exam": 1}',
        b'{"r1": ' + deep + b', "r2": 1, "exam": 1}',
    ):
        response = fuzz_client.post(
            "/api/tools/final_grade", content=body, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422, response.text
        assert response.json()["error"]["code"] in ("not_a_number", "invalid_json")


def test_export_window_rejects_unix_timestamps(fuzz_client):
    """`since=-1.4e-265` was read as a Unix timestamp although the schema says date-time."""
    response = fuzz_client.get(
        "/api/admin/disclosures/export", params={"since": "-1.4e-265"}, headers=AUTH
    )
    assert response.status_code == 422
