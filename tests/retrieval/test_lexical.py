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
