"""Progress on long work is visible also when stderr is a log file, not a terminal."""

from __future__ import annotations

from ui.console import progress_bar


def test_a_log_gets_a_line_at_the_start_and_at_every_tenth(capsys):
    with progress_bar("updating the index") as advance:  # pytest's stderr is not a tty
        advance(0, 100)
        for _ in range(100):
            advance(1, 100)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "updating the index: 0/100"
    assert lines[-1] == "updating the index: 100/100"
    assert len(lines) == 11  # 0 %, then every tenth: not one line per step


def test_machines_asking_for_json_get_no_progress(capsys):
    with progress_bar("updating the index", enabled=False) as advance:
        advance(5, 10)
    assert capsys.readouterr().err == ""
