"""Batched and background writes of the ingest: same store as one-by-one writes, and crash-safe."""

import threading

import pytest

from assistant.config import Settings
from assistant.container import build_container
from assistant.domain.evidence import evidence_texts
from assistant.retrieval.store import PENDING
from ingest.pipeline import ingest_employees


def _snapshot(store):
    texts = store.texts.get(include=["metadatas", "embeddings"])
    people = store.people.get(include=["metadatas"])
    return (
        sorted(zip(texts["ids"], map(_plain, texts["metadatas"]), map(list, texts["embeddings"]), strict=True)),
        sorted(zip(people["ids"], map(_plain, people["metadatas"]), strict=True)),
    )


def _plain(meta):
    return sorted((meta or {}).items())


def changed_summary_key(employee):
    return next(ev.key for ev in evidence_texts(employee) if ev.kind == "ringkasan")


def _fresh(tmp_path, embeddings, name):
    return build_container(Settings(data_dir=tmp_path / name), embeddings=embeddings)


def test_background_and_chunked_writes_give_the_same_store(tmp_path, embeddings, people):
    plain = _fresh(tmp_path, embeddings, "plain")
    ingest_employees(plain.store, plain.embeddings, people, background_writes=False)
    chunked = _fresh(tmp_path, embeddings, "chunked")
    chunked.store.write_batch = 3  # many Chroma calls per write, each spanning several people
    stats = ingest_employees(chunked.store, chunked.embeddings, people, batch_people=5)
    assert stats.new == len(people)
    assert _snapshot(chunked.store) == _snapshot(plain.store)
    again = ingest_employees(chunked.store, chunked.embeddings, people, batch_people=5)
    assert again.unchanged == len(people) and again.texts_embedded == 0


def test_failed_background_write_is_raised_and_repaired_by_rerun(make_container, people, monkeypatch):
    c = make_container(people[:6])
    real_upsert = c.store.people.upsert  # the commit point of a write: its texts are already written
    calls = {"n": 0}

    def fail_second_batch(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated crash")
        return real_upsert(*args, **kwargs)

    monkeypatch.setattr(c.store.people, "upsert", fail_second_batch)
    changed = people[5].model_copy(update={"ringkasan": "Versi baru ringkasan."})
    source = [*people[:5], *people[6:11], changed, people[11]]
    # to write: [6, 7, 8], [9, 10, 5 (changed)], [11]; the second batch fails in the writer thread
    with pytest.raises(RuntimeError, match="simulated crash"):
        ingest_employees(c.store, c.embeddings, source, batch_people=3)
    assert not [t for t in threading.enumerate() if t.name == "talenta-ingest-writer"]
    hashes = c.store.hashes()
    assert hashes[people[5].nip] == PENDING  # marked before the failure: a re-run redoes them
    assert all(hashes[p.nip] == p.content_hash() for p in people[6:9])  # first batch committed
    assert not any(p.nip in hashes for p in people[9:])  # not committed, or never started
    assert c.store.texts.get(ids=[changed_summary_key(changed)])["ids"]  # written before the failure
    monkeypatch.setattr(c.store.people, "upsert", real_upsert)
    stats = ingest_employees(c.store, c.embeddings, source, batch_people=3)
    assert (stats.changed, stats.new, stats.unchanged) == (1, 3, 8)
    assert set(c.store.texts.get(include=[])["ids"]) == set(c.store.catalog().keys)  # no text held by no one
    assert c.store.count() == len(people)
    assert c.store.get_people([changed.nip])[changed.nip].ringkasan == "Versi baru ringkasan."
    again = ingest_employees(c.store, c.embeddings, source)
    assert again.unchanged == len(people) and again.texts_embedded == 0


def test_encoder_failure_stops_the_writer_and_leaves_a_repairable_store(make_container, embeddings, people):
    c = make_container(people[:2])

    class Failing:
        model_id, dim, batch_size = embeddings.model_id, embeddings.dim, 2

        def __init__(self):
            self.calls = 0

        def encode_passages(self, texts):
            self.calls += 1
            if self.calls == 3:
                raise ValueError("encoder failed")
            return embeddings.encode_passages(texts)

    with pytest.raises(ValueError, match="encoder failed"):
        ingest_employees(c.store, Failing(), people, batch_people=3)  # type: ignore[arg-type]
    assert not [t for t in threading.enumerate() if t.name == "talenta-ingest-writer"]
    assert PENDING not in c.store.hashes().values()
    stats = ingest_employees(c.store, c.embeddings, people, prune=True)
    assert stats.removed == 0 and c.store.count() == len(people)
    assert ingest_employees(c.store, c.embeddings, people).unchanged == len(people)
