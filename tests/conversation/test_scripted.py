"""Scripted multi-turn conversations (Indonesian and English) with the template writer.

Each turn states what the answer must be: the kind of turn, who is on top, facts that must and
must not appear. The candidates and facts come from the 12 fixture people (tests/fixtures).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from assistant.domain.identity import Caller

SITI, BAGUS, NUR = "Siti Rahmawati", "Bagus Prasetyo", "Nur Aisyah"
HENDRA, RATNA = "Hendra Gunawan", "Ratna Dewi Lestari"
ANDI, YULI, DODI = "Andi Wijaya", "Yuliana Sitompul", "Dodi Kurniawan"


@dataclass
class T:
    say: str
    intent: str = "new"
    top: str | None = None  # first candidate's name
    has: list[str] = field(default_factory=list)  # must appear in the answer
    lacks: list[str] = field(default_factory=list)  # must not appear in the answer
    lang: str | None = None
    n: int | None = None  # exact number of candidates


FISH_ID = "Siapa ASN yang paling cocok untuk bidang perikanan?"
FISH_EN = "Who is best suited for fisheries?"

CONVERSATIONS: dict[str, list[T]] = {
    "id-compare-top-two": [T(FISH_ID, top=SITI, lang="id"), T("bandingkan dua teratas", "compare", SITI, [SITI, BAGUS, "Perbandingan", "III/d", "III/b"], n=2)],
    "en-compare-top-two": [T(FISH_EN, top=SITI, lang="en"), T("compare the top two", "compare", SITI, [SITI, BAGUS, "Candidate comparison"], lang="en", n=2)],
    "id-compare-1-and-3": [T(FISH_ID, top=SITI), T("bandingkan nomor 1 dan 3", "compare", SITI, [SITI, NUR], [BAGUS], n=2)],
    "id-compare-skp-facts": [T(FISH_ID), T("bandingkan dua teratas", "compare", has=["2025: Sangat Baik", "2025: Baik", "84 (2024)"])],
    "id-refine-pim": [T(FISH_ID, top=SITI), T("yang pernah ikut diklat PIM saja?", "refine", SITI, [SITI], [BAGUS, NUR])],
    "en-refine-leadership": [T(FISH_EN, top=SITI), T("only those with leadership training", "refine", SITI, [SITI], [BAGUS])],
    "id-refine-golongan": [T(FISH_ID), T("golongan III/c ke atas saja", "refine", SITI, [SITI], [BAGUS, NUR])],
    "en-refine-golongan": [T(FISH_EN), T("only those with golongan III/c or above", "refine", SITI, [SITI], [BAGUS])],
    "id-refine-s2": [T(FISH_ID), T("yang lulusan S2 saja", "refine", SITI, [SITI], [BAGUS])],
    "id-refine-unit": [T("Siapa yang cocok untuk bidang kesehatan?", top=None), T("yang di RSUD saja", "refine", RATNA, [RATNA], [HENDRA])],
    "id-refine-fungsional": [T(FISH_ID), T("fungsional saja", "refine", BAGUS, [BAGUS], [SITI])],
    "id-refine-then-compare": [T(FISH_ID), T("golongan III/b ke atas saja", "refine", SITI), T("bandingkan dua teratas", "compare", SITI, [SITI, BAGUS])],
    "id-retarget-kepala-dinas": [T(FISH_ID, top=SITI), T("kalau untuk Kepala Dinas?", "retarget", SITI, ["Kepala Bidang Budidaya"])],
    "en-retarget-head": [T(FISH_EN, top=SITI), T("what about for head of the agency?", "retarget", SITI, lang="en")],
    "id-explain-first": [T(FISH_ID), T("mengapa nomor 1 di atas nomor 2?", "explain", SITI, ["Mengapa", "relevansi bidang"], n=2)],
    "en-explain-second": [T(FISH_ID), T("why is the first one ranked higher than the second?", "explain", SITI, ["Why is #1 Siti Rahmawati above #2 Bagus Prasetyo"], lang="en")],
    "en-explain-generic": [T(FISH_EN), T("why is number 1 first?", "explain", SITI, ["Score of #1"], lang="en")],
    "id-profile-3": [T(FISH_ID), T("tampilkan profil lengkap nomor 2", "profile", BAGUS, ["Profil Bagus Prasetyo", "Pengawas Perikanan Ahli Pertama", "log audit"], n=1)],
    "en-profile-1": [T(FISH_EN), T("show the full profile of number 1", "profile", SITI, ["Profile of Ir. Siti Rahmawati, M.Si.", "Institut Pertanian Bogor", "audit log"], lang="en", n=1)],
    "id-profile-missing": [T("Siapa yang cocok untuk bidang hukum?"), T("tampilkan profil lengkap nomor 5", "profile", has=["tidak ada di jawaban sebelumnya"], n=0)],
    "en-profile-missing": [T("Who is best suited for legal drafting?"), T("show the full profile of number 4", "profile", has=["no number 4"], lang="en", n=0)],
    "id-new-topic": [T(FISH_ID, top=SITI), T("Siapa yang paling cocok untuk pengelolaan keuangan daerah?", "new", ANDI, [ANDI], [SITI])],
    "en-new-topic": [T(FISH_EN), T("Who is best suited for information technology?", "new", DODI, [DODI], [SITI], lang="en")],
    "mixed-language": [T(FISH_ID, lang="id"), T("compare the top two", "compare", SITI, ["Candidate comparison"], lang="en")],
    "id-health-compare": [T("Siapa yang cocok untuk bidang kesehatan masyarakat?", top=HENDRA), T("tampilkan profil lengkap nomor 1", "profile", HENDRA, ["Kesehatan Masyarakat", "Kotak talenta: 8"])],
    "id-finance-refine": [T("Siapa yang paling cocok untuk pengelolaan keuangan daerah?", top=ANDI), T("golongan III/c ke atas saja", "refine", ANDI, [ANDI], [YULI])],
    "en-finance-compare": [T("Who is best suited for regional finance?", top=ANDI), T("compare the top two", "compare", ANDI, [ANDI, YULI])],
    "id-it-profile": [T("cari pegawai yang ahli teknologi informasi", top=DODI), T("tampilkan profil lengkap nomor 1", "profile", DODI, ["Teknik Informatika", "Pelatihan Keamanan Informasi"])],
    "id-three-turns": [T(FISH_ID), T("yang pernah ikut diklat PIM saja?", "refine", SITI), T("tampilkan profil lengkap nomor 1", "profile", SITI, ["PKA"])],
    "en-three-turns": [T(FISH_EN), T("only those with golongan III/c or above", "refine", SITI), T("why is number 1 first?", "explain", SITI, lang="en")],
    "id-decision-stays": [T(FISH_ID, has=["keputusan tetap pada PPK"]), T("bandingkan dua teratas", "compare", has=["keputusan tetap pada PPK"])],
    "en-decision-stays": [T(FISH_EN, has=["the decision stays with the PPK"]), T("compare the top two", "compare", has=["the decision stays with the PPK"], lang="en")],
}  # fmt: skip


@pytest.fixture(scope="module")
def service(tmp_path_factory, embeddings, people):
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    container = build_container(Settings(data_dir=tmp_path_factory.mktemp("conv")), embeddings=embeddings)
    ingest_employees(container.store, container.embeddings, people)
    return container.service


def test_there_are_at_least_thirty_conversations_in_both_languages():
    assert len(CONVERSATIONS) >= 30
    assert sum(k.startswith("en-") for k in CONVERSATIONS) >= 10


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_conversation(service, name):
    caller = Caller(user=f"test-{name}", role="pimpinan")
    conversation_id = None
    for i, turn in enumerate(CONVERSATIONS[name]):
        answer = service.answer(caller, turn.say, conversation_id=conversation_id)
        conversation_id = answer.conversation_id
        where = f"{name} turn {i + 1} ({turn.say!r})"
        assert answer.intent == turn.intent, where
        if turn.top is not None:
            assert answer.candidates and answer.candidates[0].nama == turn.top, (where, [c.nama for c in answer.candidates])
        for text in turn.has:
            assert text in answer.answer, (where, text, answer.answer[:400])
        for text in turn.lacks:
            assert text not in answer.answer, (where, text)
        if turn.lang:
            assert answer.language == turn.lang, where
        if turn.n is not None:
            assert len(answer.candidates) == turn.n, (where, [c.nama for c in answer.candidates])
        # whatever the turn, only people of this turn's candidate list are named
        named = {c.nama for c in answer.candidates}
        for other in (SITI, BAGUS, NUR, HENDRA, RATNA, ANDI, YULI, DODI):
            if other not in named:
                assert other not in answer.answer, (where, other)


def test_a_conversation_belongs_to_its_user(service):
    owner = Caller(user="bupati", role="pimpinan")
    first = service.answer(owner, FISH_ID, conversation_id="shared-id")
    assert first.conversation_id == "shared-id"
    other = service.answer(Caller(user="someone-else", role="pimpinan"), "bandingkan dua teratas", conversation_id="shared-id")
    assert other.intent == "new"  # no access to the owner's history
