"""What the UI tests share: a private copy of the indexed fixture store, the environment that points
the page at it, a fresh page container per test, and the audit log as read back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import streamlit as st


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
