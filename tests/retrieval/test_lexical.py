import numpy as np
import pytest

from assistant.domain.identity import SYSTEM
from assistant.retrieval.catalog import matches
from assistant.retrieval.lexical import LexicalIndex
from ingest.pipeline import ingest_employees


@pytest.mark.parametrize(
    "meta, where, ok",
    [
        ({"unit_kerja": "RSUD"}, {"unit_kerja": "RSUD"}, True),
        ({"unit_kerja": "RSUD"}, {"unit_kerja": "BPKAD"}, False),
        ({"golongan_rank": 11}, {"golongan_rank": {"$gte": 11}}, True),
        ({"golongan_rank": 10}, {"golongan_rank": {"$gte": 11}}, False),
        ({}, {"golongan_rank": {"$gte": 11}}, False),  # missing data never meets a condition
        ({"jenis_jabatan": "pengawas"}, {"jenis_jabatan": {"$in": ["pengawas", "administrator"]}}, True),
        ({"a": 1, "b": 2}, {"$and": [{"a": 1}, {"b": {"$lte": 1}}]}, False),
    ],
)
def test_where_evaluation_matches_chroma_semantics(meta, where, ok):
    assert matches(meta, where) is ok


def test_stemmed_search_finds_word_forms():
    index = LexicalIndex(["Pembudidaya ikan nila di tambak", "Analis Keuangan Daerah", "Perawat Ahli Muda"])
    assert [i for i, _ in index.search(["ikan"], 5)] == [0]  # 'perikanan' stems to 'ikan'
    assert [i for i, _ in index.search(["uang"], 5)] == [1]  # 'keuangan' -> 'uang'
    assert index.search(["tidakada"], 5) == []
    assert index.search(["ikan"], 5, mask=np.array([False, True, True])) == []


def test_lexical_index_follows_the_store(make_container, people):
    c = make_container(people[:4])
    before = [x.nama for x in c.service.search(SYSTEM, "pranata komputer").candidates]
    assert "Dodi Kurniawan" not in before
    ingest_employees(c.store, c.embeddings, people)  # adds Dodi: the generation changes
    after = [x.nama for x in c.service.search(SYSTEM, "pranata komputer").candidates]
    assert after[0] == "Dodi Kurniawan"


def test_a_large_index_is_rebuilt_in_the_background_after_an_ingest(make_container, people, monkeypatch):
    from assistant.services import talent

    monkeypatch.setattr(talent, "BACKGROUND_REBUILD_PIECES", 1)  # every index counts as large
    c = make_container(people[:4])

    def names():
        return [x.nama for x in c.service.search(SYSTEM, "pranata komputer").candidates]

    assert "Dodi Kurniawan" not in names()  # no index yet: built at once
    ingest_employees(c.store, c.embeddings, people)
    assert "Dodi Kurniawan" not in names()  # the previous index serves while the new one builds
    c.service.wait_for_index(timeout=120)
    assert names()[0] == "Dodi Kurniawan"


def test_warm_builds_the_index_before_the_first_search(make_container, people):
    c = make_container(people[:4])
    c.service.warm()
    c.service.wait_for_index(timeout=120)
    generation = c.store.generation()
    assert c.service._index is not None and c.service._index.generation == generation
