"""The ranking's pure parts: fusion, per-kind weights, the relevance factor's kinds and the
related-training factor (recency from the diklat year). No store, no model."""

import datetime as dt

import pytest

from assistant.domain.models import Diklat, Employee, RiwayatJabatan
from assistant.domain.ranking import (
    EvidenceHit,
    Weights,
    _ranks,
    experience_factor,
    rank,
    relevance_by_person,
    training_factor,
)

TODAY = dt.date(2026, 6, 1)


def _hit(nip, kind, sim, lex=0.0, year=None, display="x", match=0.0, years=None):
    return EvidenceHit(nip=nip, kind=kind, display=display, year=year, years=years, similarity=sim, lexical=lex,
                       id=f"{nip}:{kind}:{display}", match=match)  # fmt: skip


def _person(nip, trainings=()):
    return Employee(nip=nip, nama=f"P{nip[-3:]}", diklat=[Diklat(nama=n, tahun=y) for n, y in trainings])


NIP_A, NIP_B = "198503122010011001", "198807242012122002"


@pytest.mark.parametrize(
    "values, expected",
    [
        ([0.9, 0.5, 0.9, 0.1], [1, 3, 1, 4]),  # equal scores share the best rank
        ([None, 0.2, None], [0, 1, 0]),  # absent from a list: no rank
        ([], []),
    ],
)
def test_ranks(values, expected):
    assert _ranks(values) == expected


def test_rrf_first_in_both_lists_is_a_full_match():
    hits = [_hit(NIP_A, "jabatan", 0.9, 1.0), _hit(NIP_B, "jabatan", 0.8, 0.5)]
    rel = relevance_by_person(hits, weights=Weights(fusion="rrf"))
    assert rel[NIP_A][1][0].match == 1.0
    assert 0 < rel[NIP_B][1][0].match < 1.0
    assert rel[NIP_A][0] > rel[NIP_B][0]


def test_kind_weights_are_data():
    hits = [_hit(NIP_A, "ringkasan", 0.9, 1.0), _hit(NIP_B, "jabatan", 0.9, 1.0)]
    even = relevance_by_person(hits, floor=0.5, weights=Weights(kinds={"jabatan": 1.0, "ringkasan": 1.0}))
    assert even[NIP_A][0] == pytest.approx(even[NIP_B][0])
    low = relevance_by_person(hits, floor=0.5, weights=Weights(kinds={"jabatan": 1.0, "ringkasan": 0.5}))
    assert low[NIP_A][0] == pytest.approx(low[NIP_B][0] / 2)


def test_relevance_factor_keeps_its_evidence_kinds_as_a_list():
    hits = [_hit(NIP_A, "jabatan", 0.9, 1.0), _hit(NIP_A, "diklat", 0.85, 0.8)]
    [cand] = rank(hits, {NIP_A: _person(NIP_A)}, today=TODAY, floor=0.5)
    relevance = cand.factors[0]
    assert relevance.name == "relevansi_bidang"
    assert relevance.kinds == ["diklat", "jabatan"]


@pytest.mark.parametrize(
    "year, expected",
    [
        (2026, 0.8),  # this year: the full match
        (2022, 0.4),  # one half-life (4 years) old: half
        (2018, 0.2),  # two half-lives: a quarter
        (None, 0.2),  # unknown year: counted as two half-lives old
    ],
)
def test_related_training_counts_less_as_it_ages(year, expected):
    hit = _hit(NIP_A, "diklat", 0.9, year=year, display="Diklat Teknis Budidaya Ikan (BPSDM, 2022)", match=0.8)
    factor = training_factor([hit], _person(NIP_A, [("Diklat Teknis Budidaya Ikan", year)]), TODAY)
    assert factor.name == "diklat_terkait"
    assert factor.value == pytest.approx(expected)
    assert factor.source == f"diklat {year or '?'}"
    assert "Diklat Teknis Budidaya Ikan" in factor.detail_id and "(BPSDM" not in factor.detail_id


def test_two_related_trainings_beat_one_and_weight_and_half_life_come_from_weights():
    one = [_hit(NIP_A, "diklat", 0.9, year=2025, display="A", match=0.8)]
    two = [*one, _hit(NIP_A, "diklat", 0.9, year=2024, display="B", match=0.7)]
    person = _person(NIP_A, [("A", 2025), ("B", 2024)])
    weights = Weights(training=0.7, training_half_life=1.0)
    f1, f2 = training_factor(one, person, TODAY, weights), training_factor(two, person, TODAY, weights)
    assert f2.value > f1.value and f1.weight == 0.7
    assert f1.value == pytest.approx(0.8 * 0.5)  # one year old with a one-year half-life
    assert "1 lainnya" in f2.detail_id and "1 more" in f2.detail_en


def test_unrelated_or_missing_training():
    weak = [_hit(NIP_A, "diklat", 0.9, year=2025, display="Latsar CPNS", match=0.2)]  # not a shown match
    assert training_factor(weak, _person(NIP_A, [("Latsar CPNS", 2025)]), TODAY).value == 0.0
    neutral = training_factor([], _person(NIP_A), TODAY)
    assert (neutral.value, neutral.source) == (0.5, "")  # no records: neutral and said so
    assert neutral.detail_id == "data diklat tidak tersedia"


def test_a_recent_related_training_lifts_merit_but_never_relevance():
    """Same evidence match, one training recent and one old: the recent one ranks first; relevance is equal."""
    hits = [
        _hit(NIP_A, "diklat", 0.9, 1.0, year=2025, display="Diklat Budidaya"),
        _hit(NIP_B, "diklat", 0.9, 1.0, year=2010, display="Diklat Budidaya"),
    ]
    people = {NIP_A: _person(NIP_A, [("Diklat Budidaya", 2025)]), NIP_B: _person(NIP_B, [("Diklat Budidaya", 2010)])}
    ranked = rank(hits, people, today=TODAY, floor=0.5)
    assert [c.nip for c in ranked] == [NIP_A, NIP_B]
    assert ranked[0].relevance == ranked[1].relevance and ranked[0].merit > ranked[1].merit
    assert [f.name for f in ranked[0].factors] == [
        "relevansi_bidang", "kinerja", "kotak_talenta", "diklat_terkait", "pengalaman_bidang",
    ]  # fmt: skip


def test_a_record_in_the_other_language_is_matched_by_meaning_alone():
    # Same meaning score; neither has a word match. The English summary cannot share words with an
    # Indonesian question, so the missing word match does not halve it; the Indonesian one it does.
    from dataclasses import replace

    native = _hit(NIP_A, "ringkasan", 0.90, display="Mengembangkan desa wisata")
    foreign = replace(_hit(NIP_B, "ringkasan", 0.90, display="Ran tourism promotion"), foreign=True)
    anchor = _hit("199001012015031003", "jabatan", 0.80, lex=1.0)
    scores = relevance_by_person([native, foreign, anchor], floor=0.80)
    assert scores[NIP_B][0] == pytest.approx(2 * scores[NIP_A][0])
    # a word match still counts in full for a foreign piece that has one
    both = replace(foreign, lexical=1.0)
    assert relevance_by_person([both, anchor], floor=0.80)[NIP_B][0] >= scores[NIP_B][0]


def test_when_words_met_a_foreign_record_through_translations_its_meaning_counts_less():
    """Session 10: an Indonesian question whose words were searched in English too. An English passage
    holding those words ranks above one that is only close in meaning; with meaning standing in for the
    words (foreign_dense None) the meaning-only passage would win."""
    from dataclasses import replace

    from assistant.domain.ranking import Weights

    words = replace(_hit(NIP_A, "ringkasan", 0.86, lex=1.0, display="Maintained aircraft engines"), foreign=True)
    meaning = replace(_hit(NIP_B, "ringkasan", 0.95, display="Managed airport passenger services"), foreign=True)
    anchor = _hit("199001012015031003", "jabatan", 0.80)
    old = relevance_by_person([words, meaning, anchor], floor=0.80)
    assert old[NIP_B][0] > old[NIP_A][0]
    new = relevance_by_person([words, meaning, anchor], floor=0.80, weights=Weights(foreign_dense=0.25))
    assert new[NIP_A][0] > new[NIP_B][0]


def test_a_cvs_headline_counts_more_than_a_later_passage_and_relevance_stays_within_one():
    from dataclasses import replace

    from assistant.domain.ranking import Weights

    title = replace(_hit(NIP_A, "ringkasan", 0.9, display="AGRONOMIST Summary"), headline=True)
    later = _hit(NIP_B, "ringkasan", 0.9, display="Experience: farm accounts")
    anchor = _hit("199001012015031003", "jabatan", 0.8)
    plain = relevance_by_person([title, later, anchor], floor=0.8, weights=Weights(cv_headline=1.0))
    assert plain[NIP_A][0] == pytest.approx(plain[NIP_B][0])
    weighted = relevance_by_person([title, later, anchor], floor=0.8, weights=Weights(cv_headline=3.0))
    assert 1.0 >= weighted[NIP_A][0] > weighted[NIP_B][0]


def test_the_skp_trend_counts_and_is_said():
    from assistant.domain.models import Predikat, Skp
    from assistant.domain.ranking import merit_factors

    def kinerja(*predicates):
        person = Employee(nip=NIP_A, nama="P", skp=[Skp(tahun=2023 + i, predikat=p) for i, p in enumerate(predicates)])
        return next(f for f in merit_factors(person, TODAY) if f.name == "kinerja")

    rising = kinerja(Predikat.BUTUH_PERBAIKAN, Predikat.BAIK, Predikat.SANGAT_BAIK)
    falling = kinerja(Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN)
    steady = kinerja(Predikat.BAIK, Predikat.BAIK, Predikat.BAIK)
    assert rising.value > steady.value > falling.value  # same predicates, the latest weighs most
    assert rising.detail_id.endswith("(naik)") and falling.detail_en.endswith("(falling)")
    assert "naik" not in steady.detail_id and "turun" not in steady.detail_id
    assert rising.source == "SKP 2023-2025"


def test_years_in_related_posts_are_a_merit_factor_citing_the_longest_post():
    person = Employee(nip=NIP_A, nama="A", riwayat_jabatan=[RiwayatJabatan(jabatan="Penyuluh Perikanan")])
    hits = [
        _hit(NIP_A, "jabatan", 0.9, display="Penyuluh Perikanan, DKP (2014-2020)", year=2020, years=6.0, match=0.9),
        _hit(NIP_A, "jabatan", 0.9, display="Kepala Seksi Budidaya (2020-sekarang)", year=2026, years=2.5, match=0.7),
        _hit(NIP_A, "jabatan", 0.9, display="Staf Umum (2010-2014)", year=2014, years=4.0, match=0.3),  # unrelated
    ]
    factor = experience_factor(hits, person, Weights(experience=0.4, experience_full_years=10.0))
    assert factor.value == pytest.approx(0.85) and factor.weight == 0.4
    assert factor.detail_id == "8.5 tahun di jabatan terkait, terlama: Penyuluh Perikanan, DKP (2014-2020)"
    assert factor.source == "riwayat jabatan 2020" and factor.kinds == ["jabatan"]
    capped = experience_factor(hits, person, Weights(experience_full_years=5.0))
    assert capped.value == 1.0


def test_no_related_post_or_no_position_history():
    unrelated = [_hit(NIP_A, "jabatan", 0.9, display="Staf Umum (2010-2014)", years=4.0, match=0.3)]
    with_history = Employee(nip=NIP_A, nama="A", riwayat_jabatan=[RiwayatJabatan(jabatan="Staf Umum")])
    assert experience_factor(unrelated, with_history).value == 0.0
    neutral = experience_factor([], Employee(nip=NIP_A, nama="A"))
    assert (neutral.value, neutral.source) == (0.5, "") and neutral.detail_id == "data riwayat jabatan tidak tersedia"


def test_longer_related_experience_ranks_higher_and_counts_in_merit():
    hits = [
        _hit(NIP_A, "jabatan", 0.9, 1.0, display="Penyuluh Perikanan", years=8.0),
        _hit(NIP_B, "jabatan", 0.9, 1.0, display="Penyuluh Perikanan", years=8.0),
    ]
    history = [RiwayatJabatan(jabatan="Penyuluh Perikanan")]
    people = {nip: Employee(nip=nip, nama=nip[-3:], riwayat_jabatan=history) for nip in (NIP_A, NIP_B)}
    base = rank(hits, people, today=TODAY, floor=0.5)
    assert base[0].relevance == base[1].relevance and base[0].merit == base[1].merit
    longer = [hits[0], _hit(NIP_B, "jabatan", 0.9, 1.0, display="Penyuluh Perikanan", years=2.0)]
    ranked = rank(longer, people, today=TODAY, floor=0.5)
    assert [c.nip for c in ranked] == [NIP_A, NIP_B] and ranked[0].merit > ranked[1].merit


def test_a_long_cv_is_read_as_one_account_not_as_many_pieces():
    """Issue 15: length neither rewarded nor punished; a CV's best two passages count, like a short summary's."""
    long_cv = [_hit("A", "ringkasan", 0.9, display=f"passage {i}") for i in range(8)]
    short = [_hit("B", "ringkasan", 0.9, display=f"summary {i}") for i in range(2)]
    low = [_hit("C", "ringkasan", 0.5, display="unrelated")]
    rel = relevance_by_person(long_cv + short + low)
    assert rel["A"][0] == pytest.approx(rel["B"][0])
    assert len(rel["A"][1]) == 8  # every passage is still shown as evidence


def test_the_ranking_may_weigh_pieces_otherwise_than_it_shows_them():
    """A search can lean on words to rank people while each piece keeps its usual closeness."""
    hits = [_hit("A", "jabatan", 0.95, lex=0.2, display="meaning"), _hit("B", "jabatan", 0.80, lex=1.0, display="words")]
    usual = Weights()
    words = Weights(dense=usual.dense * 0.5)
    leaning = relevance_by_person(hits, floor=0.5, weights=words, piece_weights=usual)
    plain = relevance_by_person(hits, floor=0.5, weights=usual)
    assert leaning["B"][0] - leaning["A"][0] > plain["B"][0] - plain["A"][0]  # words weigh more in the order
    assert [h.match for h in leaning["A"][1]] == [h.match for h in plain["A"][1]]  # the pieces' closeness kept
