"""The evidence catalog: which piece of a person is the headline of a long free-text CV."""

from assistant.retrieval.catalog import EvidenceCatalog

LONG = "19850101201001100"
SHORT = "19860101201001100"


def _catalog() -> EvidenceCatalog:
    long_cv = [
        ["jabatan", "Pelaksana", "Pelaksana", 2025, 1.0],
        ["ringkasan", "AGRONOMIST Summary ...", "AGRONOMIST Summary ...", None, None],
        ["ringkasan", "Experience 2015 to Current ...", "Experience 2015 to Current ...", None, None],
        ["ringkasan", "HOBBIES: fishing", "HOBBIES: fishing", None, None],
    ]
    short = [["jabatan", "Analis", "Analis", 2025, 1.0], ["ringkasan", "Mengelola data.", "Mengelola data.", None, None]]
    return EvidenceCatalog([(LONG + "1", {}, long_cv), (SHORT + "2", {}, short)])


def test_a_long_cvs_first_passage_is_its_headline_and_a_short_summary_has_none():
    catalog = _catalog()
    marked = [(catalog.nips[int(catalog.owner[i])], catalog.texts[i]) for i in range(len(catalog)) if catalog.headlines[i]]
    assert marked == [(LONG + "1", "AGRONOMIST Summary ...")]
    assert catalog.hit(1, 0.9).headline and not catalog.hit(2, 0.9).headline
