"""What the UI tests share: a private copy of the indexed fixture store, the environment that points
the page at it, a fresh page container per test, the audit log as read back, and `streamlit run`
on a store for the browser tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import streamlit as st

from bench.processes import free_port, stop, tail

ROOT = Path(__file__).resolve().parents[2]


def point_at(monkeypatch: pytest.MonkeyPatch, data_dir: Path, auth: str | None = None) -> None:
    monkeypatch.setenv("TALENTA_DATA_DIR", str(data_dir))
    monkeypatch.setenv("TALENTA_LANGUAGE", "id")
    monkeypatch.setenv("TALENTA_LLM__PROVIDER", "template")
    if auth is not None:
        monkeypatch.setenv("TALENTA_UI__AUTH", auth)
    monkeypatch.delenv("TALENTA_STORE__MODE", raising=False)


@pytest.fixture
def store_copy(tmp_path, fixture_store_dir) -> Path:
    """A private copy of the indexed fixture store (the pages write their audit log there)."""
    target = tmp_path / "store"
    shutil.copytree(fixture_store_dir, target)
    return target


@pytest.fixture(autouse=True)
def _fresh_container():
    """The page caches its container per process: never let one test's store leak into the next."""
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def audit_entries(data_dir: Path, action: str | None = None) -> list[dict]:
    path = data_dir / "audit.jsonl"
    if not path.exists():
        return []
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [e for e in entries if action is None or e["action"] == action]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


@contextmanager
def streamlit_server(data_dir: Path, log: Path, env_extra: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run ui/app.py` on a free port, on ``data_dir`` (local accounts): its URL while it runs.
    ``env_extra``: settings on top (e.g. a model endpoint)."""
    port = free_port()
    env = {
        **os.environ,
        "TALENTA_DATA_DIR": str(data_dir),
        "TALENTA_LANGUAGE": "id",
        "TALENTA_LLM__PROVIDER": "template",
        "TALENTA_UI__AUTH": "accounts",
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        **(env_extra or {}),
    }
    cmd = [
        sys.executable, "-m", "streamlit", "run", "ui/app.py",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        health = f"http://127.0.0.1:{port}/_stcore/health"
        deadline = time.monotonic() + 60
        while not _healthy(health):
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{tail(log)}")
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not answer {health} within 60 s:\n{tail(log)}")
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(proc)
