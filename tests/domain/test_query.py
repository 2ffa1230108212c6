import pytest

from assistant.domain.query import expand, parse_query
from assistant.domain.text import tokenize


@pytest.mark.parametrize(
    "question, field, lang",
    [
        ("Siapa ASN yang paling cocok untuk bidang perikanan?", "perikanan", "id"),
        ("Who is best suited for fisheries?", "fisheries", "en"),
        ("Siapa yang cocok untuk bidang kesehatan masyarakat?", "kesehatan masyarakat", "id"),
        ("Siapa yang paling cocok untuk pengelolaan keuangan daerah?", "pengelolaan keuangan daerah", "id"),
        ("cari pegawai yang ahli teknologi informasi", "teknologi informasi", "id"),
        ("find employees experienced in public works", "public works", "en"),
        ("perikanan", "perikanan", "id"),
    ],
)
def test_template_stripped_and_language_detected(question, field, lang):
    parsed = parse_query(question)
    assert (parsed.field, parsed.language) == (field, lang)


def test_thesaurus_bridges_english_to_indonesian_records():
    assert {"perikanan", "budidaya"} <= set(expand("fisheries"))
    assert "ikan" in tokenize(" ".join(expand("aquaculture")))
    assert expand("it") and not expand("submit")  # whole words only


def test_tokens_are_stems_without_stopwords():
    assert tokenize("Siapa yang cocok untuk bidang Perikanan") == ["ikan"]
