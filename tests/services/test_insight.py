"""The note written by code from the ranking: what stands out, where the runner-up is stronger, what
to check (issue 16: content first, and a paragraph that says what the list cannot)."""

from assistant.chains.insight import insight, insight_text
from assistant.services.schemas import CandidateOut, EligibilityOut, FactorOut, RuleOut, SearchResult


def _cand(rank, nama, score, factors, cell=None, eligibility=None):
    return CandidateOut(
        rank=rank, nip=f"19800101200501100{rank}", nama=nama, nama_lengkap=nama, score=score, relevance=0.6,
        merit=0.6, reasons=[], evidence=[], kotak_talenta=cell, eligibility=eligibility,
        factors=[FactorOut(name=n, value=v, weight=0.2, detail=d, source=s) for n, v, d, s in factors],
    )  # fmt: skip


SITI = _cand(1, "Siti Rahmawati", 0.56, [
    ("kinerja", 1.0, "SKP 2024: Sangat Baik, 2025: Sangat Baik", "SKP 2024-2025"),
    ("kotak_talenta", 1.0, "kotak talenta 9", "kotak talenta (ekspor)"),
    ("pengalaman_bidang", 0.6, "6.0 tahun di jabatan terkait, terlama: Penyuluh Perikanan (2005-2016)", "riwayat jabatan"),
], cell=9)  # fmt: skip
BAGUS = _cand(2, "Bagus Prasetyo", 0.55, [
    ("kinerja", 0.7, "SKP 2025: Baik (turun)", "SKP 2025"),
    ("kotak_talenta", 0.5, "kotak talenta belum ada", ""),
    ("pengalaman_bidang", 0.9, "9.0 tahun di jabatan terkait, terlama: Pengawas Perikanan (2010-2018)", "riwayat jabatan"),
])  # fmt: skip


def _result(cands, lang="id", **kw):
    return SearchResult(query="perikanan", field="perikanan", language=lang, total_people=12, candidates=cands, **kw)


def test_the_note_says_who_stands_out_where_the_runner_up_is_stronger_and_what_to_check():
    sentences = insight(_result([SITI, BAGUS]))
    assert sentences[0] == "Siti Rahmawati unggul pada SKP 2024: Sangat Baik, 2025: Sangat Baik dan kotak talenta 9."
    assert sentences[1] == "Selisih skor Siti Rahmawati dan Bagus Prasetyo tipis (0.56 dan 0.55)."
    assert sentences[2] == "Bagus Prasetyo lebih kuat pada 9.0 tahun di jabatan terkait."
    assert sentences[3] == "Sebelum memutuskan, periksa untuk Siti Rahmawati: belum ada hasil asesmen kompetensi."


def test_the_note_is_in_the_answer_s_language():
    text = insight_text(_result([SITI, BAGUS], lang="en"))
    assert text.startswith("**Note** (drawn from the records, not by a model):")
    assert "Siti Rahmawati is strongest on SKP 2024: Very good, 2025: Very good and 9-box cell 9." in text
    assert "Bagus Prasetyo is stronger on 9.0 years in related posts." in text
    assert "Sangat Baik" not in text and "tahun" not in text


def test_what_the_first_candidate_lacks_for_the_post_is_named():
    rules = [RuleOut(id="golongan", status="tidak memenuhi", hard=True, detail="golongan III/d, kurang satu tingkat dari IV/a"),
             RuleOut(id="kotak", status="perlu verifikasi", hard=False, detail="kotak talenta belum ada")]  # fmt: skip
    elig = EligibilityOut(post_level="jpt_pratama", post_label="JPT Pratama", status="tidak memenuhi",
                          summary="tidak memenuhi syarat", gaps=[], rules=rules)  # fmt: skip
    first = BAGUS.model_copy(update={"rank": 1, "eligibility": elig})
    check = insight(_result([first]))[-1]
    assert check.startswith("Sebelum memutuskan, periksa untuk Bagus Prasetyo: belum memenuhi syarat jabatan: golongan III/d")
    assert "perlu verifikasi: kotak talenta belum ada" in check and check.count("kotak talenta belum ada") == 1
    assert "SKP menurun" in check


def test_no_note_for_a_weak_match_or_an_empty_list():
    assert insight(_result([SITI], weak_match=True)) == []
    assert insight(_result([])) == []
