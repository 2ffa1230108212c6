"""The per-sentence check of the model's note, on real ranked results of the fixture people."""

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

from assistant.chains.answer import facts_lines, note_writer
from assistant.chains.faithfulness import (
    CheckedParagraph,
    ParagraphChecker,
    checked_sentences,
    split_sentences,
)
from assistant.domain.identity import SYSTEM
from assistant.services.talent import TalentService

FISH_ID = "Siapa ASN yang paling cocok untuk bidang perikanan?"
HEALTH_EN = "Who is best suited to lead the health office?"


@pytest.fixture(scope="module")
def results(fixture_search):
    return {q: fixture_search(q) for q in (FISH_ID, HEALTH_EN)}


def _verdicts(result, question, sentences, known=None):
    checker = ParagraphChecker(result, question, known or {}, facts=facts_lines(result))
    return [checker.check(s) for s in sentences]


def test_supported_sentences_pass(results):
    verdicts = _verdicts(results[FISH_ID], FISH_ID, [
        "Siti Rahmawati menonjol karena 22 tahun pengalaman di bidang perikanan dan SKP Sangat Baik tiga tahun berturut-turut.",
        "Dibanding Bagus Prasetyo, ia memiliki pendidikan S1 Budidaya Perairan dan sudah menjabat Kepala Bidang Budidaya.",
    ])  # fmt: skip
    assert [v.reasons for v in verdicts] == [(), ()]
    verdicts = _verdicts(results[HEALTH_EN], HEALTH_EN, [
        "Hendra Gunawan stands out with 21 years in public health posts, including Kepala Bidang Kesehatan Masyarakat at Dinas Kesehatan.",
        "Before deciding, check that he has completed PKN II, which the JPT Pratama post requires.",
    ])  # fmt: skip
    assert [v.reasons for v in verdicts] == [(), ()]


@pytest.mark.parametrize(
    "question, sentence, reason",
    [
        # the answer: prompt scaffolding, a person outside the ranked set, an invented skill
        (HEALTH_EN, "Based on the information provided in the FACTS, the best suited candidate for the health office is "
                    "Dr. Margaretha Theresia Kbarek.", "kerangka prompt"),  # fmt: skip
        (HEALTH_EN, "Hendra Gunawan is known for his expertise in diagnosing and treating various types of diseases.", "diagnosing"),
        (HEALTH_EN, "Hendra Gunawan has 25 years of experience.", "angka tidak didukung: 25"),
        (HEALTH_EN, "Hendra Gunawan sits in 9-box cell 5.", "kotak talenta"),
        (HEALTH_EN, "Hendra Gunawan ist der beste Kandidat.", "klaim tidak didukung"),
        (FISH_ID, "Bagus Prasetyo paling cocok untuk perikanan.", "paling cocok"),
        (FISH_ID, "Bagus Prasetyo dan Siti Rahmawati sama-sama berpengalaman.", "bukan peringkat 1"),
        (FISH_ID, "Siti Rahmawati, peringkat 2, berpengalaman di perikanan.", "peringkat salah"),
        (FISH_ID, "Peringkat 1: Siti Rahmawati, Kepala Bidang Budidaya.", "mengulang daftar"),
        (FISH_ID, "Siti Rahmawati is the strongest candidate for fisheries.", "bahasa kalimat (en)"),
        (FISH_ID, "Siti Rahmawati memiliki SKP Butuh Perbaikan pada 2025.", "predikat SKP"),
    ],
)
def test_unsupported_sentences_are_caught(results, question, sentence, reason):
    (verdict,) = _verdicts(results[question], question, [sentence])
    assert not verdict.ok
    assert any(reason in r for r in verdict.reasons), verdict.reasons


def test_a_person_stored_but_not_ranked_is_caught(results):
    (verdict,) = _verdicts(results[FISH_ID], FISH_ID, ["Siti Rahmawati lebih senior dari Teguh Santoso."],
                           known={"198810102014031004": "Teguh Santoso"})  # fmt: skip
    assert any("Teguh Santoso" in r for r in verdict.reasons)


def test_sentences_end_at_the_end_not_after_a_title():
    done, rest = split_sentences("Ir. Siti Rahmawati, M.Si. paling cocok. Ia di Dinas Kab. Pesisir. Keputusan tetap")
    assert done == ["Ir. Siti Rahmawati, M.Si. paling cocok.", "Ia di Dinas Kab. Pesisir."]
    assert rest == " Keputusan tetap"


def test_streamed_sentences_are_shown_only_after_the_check(results):
    result = results[FISH_ID]
    checker = ParagraphChecker(result, FISH_ID, {}, facts=facts_lines(result))
    tokens = ["Siti Rahmawati menonjol di ", "bidang perikanan. Ia ahli ", "diagnosis penyakit. Periksa SKP ", "Bagus Pras"]
    out = CheckedParagraph()
    shown = list(checked_sentences(tokens, checker, out))
    assert shown == ["Siti Rahmawati menonjol di bidang perikanan. "]
    assert [v.text for v in out.dropped] == ["Ia ahli diagnosis penyakit.", "Periksa SKP Bagus Pras"]
    assert "kalimat terpotong" in out.dropped[1].reasons


def _service(container, text: str) -> TalentService:
    return TalentService(container.store, container.embeddings, container.audit, container.settings.search,
                         note_writer(GenericFakeChatModel(messages=iter([text]))), writer_name="fake:scripted")  # fmt: skip


def test_the_facts_come_first_and_a_bad_sentence_is_never_streamed(make_container):
    container = make_container()
    bad = "Siti Rahmawati dikenal ahli dalam pengobatan penyakit."
    good = "Siti Rahmawati menonjol karena pengalamannya di bidang perikanan."
    events = list(_service(container, f"{good} {bad}").stream_answer(SYSTEM, FISH_ID))
    kinds = [e["event"] for e in events]
    assert kinds[:2] == ["candidates", "facts"] and kinds[-2:] == ["dropped", "done"]
    facts = events[1]["data"]
    assert "1. **Ir. Siti Rahmawati" in facts  # the ranked list, before any model token
    streamed = "".join(e["data"] for e in events if e["event"] == "token")
    assert streamed.strip() == good and "pengobatan" not in streamed
    final = events[-1]["data"]
    assert final.note == good and final.note_status == "trimmed" and final.note_dropped == 1 and not final.grounded
    assert final.answer.startswith(facts) and "1 kalimat catatan asisten tidak ditampilkan" in final.answer
    assert "pengobatan" not in final.answer
    entry = container.audit.entries()[-1]
    assert entry["note_dropped"] == 1 and entry["grounded"] is False


def test_a_failing_model_leaves_the_facts(make_container):
    container = make_container()

    class Broken(GenericFakeChatModel):
        def _stream(self, *args, **kwargs):
            raise TimeoutError("model server timed out")

    service = TalentService(container.store, container.embeddings, container.audit, container.settings.search,
                            note_writer(Broken(messages=iter([]))), writer_name="fake:broken")  # fmt: skip
    final = service.answer(SYSTEM, FISH_ID)
    assert final.note_status == "unavailable" and final.note is None
    assert final.answer.startswith(final.facts) and "tidak tersedia" in final.answer
    assert final.candidates[0].nama == "Siti Rahmawati"


def test_an_english_skp_rating_is_checked_like_an_indonesian_one(results):
    # Bagus Prasetyo's SKP: Baik ("Good"); Siti Rahmawati's: Sangat Baik ("Very good")
    ok, wrong = _verdicts(results[FISH_ID], FISH_ID, [
        "Siti Rahmawati menonjol dengan SKP rating Very good.",
        "Bagus Prasetyo memiliki predikat SKP Very good.",
    ])  # fmt: skip
    assert not any("predikat" in r for r in ok.reasons)
    assert any("predikat SKP tidak didukung" in r for r in wrong.reasons)


def test_a_predicate_given_with_its_year_is_that_year_s(results):
    # Siti Rahmawati: SKP 2023-2025 Sangat Baik
    right, wrong = _verdicts(results[FISH_ID], FISH_ID, [
        "Siti Rahmawati menonjol dengan SKP 2025 Sangat Baik.",
        "Siti Rahmawati menonjol dengan SKP 2025 Baik.",
    ])  # fmt: skip
    assert right.ok, right.reasons
    assert any("predikat SKP tidak didukung" in r for r in wrong.reasons)


@pytest.mark.parametrize(
    "sentence, reason",
    [
        ("Siti Rahmawati menonjol karena berada di peringkat 1.", "melingkar"),
        ("Siti Rahmawati stands out because she is the best-suited candidate.", "melingkar"),
        ("Siti Rahmawati menonjol karena belum memenuhi syarat JPT.", "kekurangan"),
        ("Siti Rahmawati adalah satu-satunya kandidat dengan SKP Sangat Baik.", "perbandingan"),
    ],
)
def test_a_reason_that_is_no_merit_is_held_back(results, sentence, reason):
    (verdict,) = _verdicts(results[FISH_ID], FISH_ID, [sentence])
    assert any(reason in r for r in verdict.reasons), verdict.reasons


@pytest.mark.parametrize(
    "sentence, reason",
    [
        # Siti Rahmawati: 22 years in related posts
        ("Siti Rahmawati has over 23 years of experience in fisheries.", "lebih dari 23 tahun"),
        ("Siti Rahmawati memiliki pengalaman lebih baik dari kandidat lainnya.", "perbandingan"),
        ("Siti Rahmawati stands out with a strong SKP and has a 9-box cell.", "tanpa nomornya"),
    ],
)
def test_over_claims_comparisons_and_vague_cells_are_held_back(results, sentence, reason):
    question = FISH_ID if " memiliki " in sentence else "Who is best suited for fisheries?"
    result = results[FISH_ID].model_copy(update={"language": "en" if question != FISH_ID else "id"})
    (verdict,) = _verdicts(result, question, [sentence])
    assert any(reason in r for r in verdict.reasons), verdict.reasons


def test_praise_contradicted_by_a_low_skp_is_held_back(results):
    result = results[FISH_ID]
    first = result.candidates[0]
    kinerja = [f.model_copy(update={"detail": "SKP 2024: Baik, 2025: Butuh Perbaikan (turun)"}) if f.name == "kinerja" else f
               for f in first.factors]  # fmt: skip
    low = result.model_copy(update={"candidates": [first.model_copy(update={"factors": kinerja}), *result.candidates[1:]]})
    (verdict,) = _verdicts(low, FISH_ID, ["Siti Rahmawati menonjol dengan kinerja yang sangat baik di bidang perikanan."])
    assert any("bertentangan dengan SKP terakhir" in r for r in verdict.reasons), verdict.reasons


def test_a_nip_in_a_sentence_is_never_shown_unchecked(results):
    """What the regex guard checked (a NIP outside the ranked set, a garbled one) holds on the check that
    replaced it: a NIP is a number no sentence may add."""
    for sentence in ("Kandidat terbaik adalah Siti Rahmawati (NIP 198810102014031004).",
                     "Siti Rahmawati (NIP 19800315) menonjol di bidang perikanan."):  # fmt: skip
        (verdict,) = _verdicts(results[FISH_ID], FISH_ID, [sentence])
        assert any("angka tidak didukung" in r for r in verdict.reasons), verdict.reasons
