"""The grounding guard on hand-written answers about a fixed ranked result."""

import pytest

from assistant.chains.guard import check_answer
from assistant.services.schemas import CandidateOut, FactorOut, SearchResult


def _cand(rank, nip, nama, cell, skp):
    return CandidateOut(
        rank=rank, nip=nip, nama=nama, nama_lengkap=nama, kotak_talenta=cell, score=0.5, relevance=0.5, merit=0.5,
        reasons=[], evidence=[],
        factors=[FactorOut(name="kinerja", value=1.0, weight=0.5, detail=skp, source="SKP 2025")],
    )  # fmt: skip


RESULT = SearchResult(
    query="perikanan", field="perikanan", language="id", total_people=3,
    candidates=[
        _cand(1, "198003152005011002", "Siti Rahmawati", 9, "SKP 2024: Sangat Baik, 2025: Sangat Baik"),
        _cand(2, "198707222010012004", "Bagus Prasetyo", None, "SKP 2025: Baik"),
    ],
)  # fmt: skip
KNOWN = {"198003152005011002": "Siti Rahmawati", "198707222010012004": "Bagus Prasetyo", "198810102014031004": "Teguh Santoso"}


@pytest.mark.parametrize(
    "text",
    [
        "Siti Rahmawati paling cocok: SKP Sangat Baik dan kotak talenta 9. Keputusan tetap pada PPK.",
        "Siti Rahmawati (NIP 198003152005011002) berada di peringkat 1; Bagus Prasetyo di peringkat 2.",
        "Rekam jejak yang baik di bidang perikanan. The decision stays with the PPK.",
    ],
)
def test_grounded_text_passes(text):
    assert check_answer(text, RESULT, KNOWN).ok


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Teguh Santoso paling cocok.", "nama di luar"),
        ("Siti Rahmawati (NIP 198003152005011003) paling cocok.", "NIP"),
        ("Siti Rahmawati (NIP 198n) paling cocok.", "NIP"),
        ("Siti Rahmawati berada di kotak talenta 7.", "kotak talenta salah"),
        ("Bagus Prasetyo dengan SKP Sangat Baik.", "predikat SKP salah"),
        ("Kandidat peringkat 4 adalah pilihan terbaik.", "peringkat salah"),
        ("Bagus Prasetyo berada di peringkat 1.", "peringkat salah"),
    ],
)
def test_wrong_facts_are_caught(text, problem):
    verdict = check_answer(text, RESULT, KNOWN)
    assert not verdict.ok and any(problem in p for p in verdict.problems), verdict.problems
