"""Server mode against a real Chroma server (`chroma run`, the binary chromadb installs), as a province runs
it: the same people ranked the same as in the embedded store, one collection prefix per instansi."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings, StoreSettings
from assistant.container import build_container
from assistant.domain.identity import Caller
from bench.processes import free_port, stop, tail
from ingest.pipeline import ingest_employees

BKPSDM = Caller(user="bkpsdm:test", role="bkpsdm")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory) -> Iterator[int]:
    """A `chroma run` server on 127.0.0.1 with its own data folder; its port."""
    binary = Path(sys.executable).parent / "chroma"
    if not binary.exists():
        pytest.fail(f"{binary} is missing: chromadb installs it (make test installs chromadb)")
    port = free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [str(binary), "run", "--path", str(folder / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop(proc, grace=0)
            pytest.fail("chroma run did not start: " + tail(folder / "server.log"))
        time.sleep(0.3)
    try:
        yield port
    finally:
        stop(proc, grace=10)
        log.close()


def _ranking(container, question: str) -> list[str]:
    return [c.nip for c in container.service.search(BKPSDM, question, limit=10, action="").candidates]


def test_a_chroma_server_ranks_like_the_embedded_store(chroma_server, tmp_path, embeddings, people):
    served = build_container(
        Settings(data_dir=tmp_path / "served", store=StoreSettings(mode="http", port=chroma_server, collection_prefix="kab_a")),
        embeddings=embeddings,
    )  # fmt: skip
    local = build_container(Settings(data_dir=tmp_path / "local"), embeddings=embeddings)
    for container in (served, local):
        ingest_employees(container.store, container.embeddings, people)
    assert served.store.count() == local.store.count() == len(people)
    assert served.store.texts.configuration["hnsw"]["ef_search"] == 1000  # set over HTTP too
    for question in ("Siapa ASN yang paling cocok untuk bidang perikanan?", "Who is best suited for public works?"):
        ranked = _ranking(served, question)
        assert ranked and ranked == _ranking(local, question)


def test_each_instansi_has_its_own_collections_on_one_server(chroma_server, tmp_path, embeddings, people):
    def tenant(prefix: str, who):
        settings = Settings(data_dir=tmp_path / prefix, store=StoreSettings(mode="http", port=chroma_server, collection_prefix=prefix))
        container = build_container(settings, embeddings=embeddings)
        ingest_employees(container.store, container.embeddings, who)
        return container

    first, second = tenant("kab_b", people[:3]), tenant("kota_c", people[3:6])
    assert first.store.count() == 3 and second.store.count() == 3
    assert {p.nip for p in people[:3]} == set(first.store.people.get(include=[])["ids"])
    assert not set(first.store.people.get(include=[])["ids"]) & set(second.store.people.get(include=[])["ids"])
