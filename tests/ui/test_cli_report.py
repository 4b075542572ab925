"""`policy-assistant report gaps` through Typer's runner, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from assistant.gaps import GapsReport
from assistant.storage import Repository
from tests.assistant.test_gaps import PRIVATE, seed_declined
from tests.assistant.test_storage_db import BACKENDS, backend_url
from ui.cli import app
from ui.cli_report import parse_since

runner = CliRunner()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch) -> Iterator[str]:
    """A database with a few answers, as DATABASE_URL; yields the id of the down-voted one."""
    with backend_url(request.param, tmp_path) as url:
        repo = Repository.open(url)
        try:
            private = seed_declined(repo, datetime(2025, 1, 5, tzinfo=UTC), "жауап жоқ").private
        finally:
            repo.close()
        monkeypatch.setenv("DATABASE_URL", url)
        yield private.id


def run(*args: str):
    return runner.invoke(app, ["report", "gaps", *args], catch_exceptions=False)


def test_markdown_by_default(database: str) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Policy gaps report")
    assert "Where is the canteen?" in result.stdout
    assert PRIVATE not in result.stdout
    assert database in result.stdout and "жауап жоқ" in result.stdout


def test_json_and_since(database: str) -> None:
    everything = GapsReport.model_validate_json(run("--format", "json").stdout)
    assert [(g.topic.section, g.total) for g in everything.declined] == [(8, 2), (5, 1)]
    recent = GapsReport.model_validate_json(run("--format", "json", "--since", "2025-06-01").stdout)
    assert recent.since == datetime(2025, 6, 1, tzinfo=UTC)
    assert [(g.topic.section, g.total) for g in recent.declined] == [(8, 2)]
    assert recent.voted_down.items[0].disclosure_id == database


def test_csv_in_russian(database: str) -> None:
    result = run("--format", "csv", "--lang", "ru")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert any(r["part"] == "voted_down" and r["key"] == database for r in rows)
    declined = [r for r in rows if r["part"] == "declined" and r["key"] == "5"]
    assert declined and declined[0]["title"].startswith("5. ")
    assert PRIVATE not in result.stdout


def test_chart_file(database: str, tmp_path: Path) -> None:
    target = tmp_path / "declined.png"
    result = run("--format", "json", "--chart", str(target))
    assert result.exit_code == 0
    json.loads(result.stdout)  # stdout stays the report
    assert target.stat().st_size > 0
    assert Image.open(target).format == "PNG"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--since", "2025-13-01"], "YYYY-MM-DD"),
        (["--since", "yesterday"], "YYYY-MM-DD"),
        (["--format", "xml"], "--format"),
        (["--lang", "de"], "--lang"),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(
    args: list[str], needle: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    result = run(*args)
    assert result.exit_code == 2
    assert needle in result.output and "Traceback" not in result.output


def test_bad_since_as_json_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    result = run("--format", "json", "--since", "01.09.2025")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "usage"


def test_unwritable_chart_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    result = run("--chart", str(tmp_path / "no" / "such" / "dir" / "c.png"))
    assert result.exit_code == 1
    assert "cannot write" in result.output and "Traceback" not in result.output


def test_parse_since() -> None:
    assert parse_since(None) is None
    assert parse_since(" 2025-09-01 ") == datetime(2025, 9, 1, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_since("2025-02-30")
