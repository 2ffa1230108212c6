"""A conversation belongs to the caller who started it: another caller sending the same id starts a
conversation of their own and never reads nor replaces the owner's."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.config import ApiKey
from assistant.domain.identity import Caller
from assistant.services.conversation import ConversationMemory, Turn
from assistant.services.schemas import SearchResult

FISH = "Siapa ASN yang paling cocok untuk bidang perikanan?"
TOP_TWO = "bandingkan dua teratas"
OWNER = Caller(user="bupati", role="pimpinan")


@pytest.fixture(scope="module")
def container(tmp_path_factory, embeddings, people):
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    built = build_container(Settings(data_dir=tmp_path_factory.mktemp("owner")), embeddings=embeddings)
    ingest_employees(built.store, built.embeddings, people)
    return built


@pytest.mark.parametrize(
    "other",
    [
        Caller(user="someone-else", role="pimpinan"),  # another user
        Caller(user="bupati", role="bkpsdm"),  # the same name under another role
        Caller(user="bupati", role="opd", unit_kerja="Dinas Perikanan"),
    ],
    ids=["other-user", "same-name-other-role", "same-name-opd"],
)
def test_another_caller_with_the_same_id_leaves_the_owners_conversation_alone(container, other):
    service = container.service
    conv = f"shared-{other.user}-{other.role}"
    first = service.answer(OWNER, FISH, conversation_id=conv)
    assert first.conversation_id == conv and first.candidates[0].nama == "Siti Rahmawati"

    theirs = service.answer(other, TOP_TWO, conversation_id=conv)
    assert theirs.intent == "new"  # no access to the owner's history
    assert theirs.conversation_id == conv

    mine = service.answer(OWNER, TOP_TWO, conversation_id=conv)
    assert mine.intent == "compare"  # the owner's follow-up still refers to the owner's answer
    assert [c.nama for c in mine.candidates] == ["Siti Rahmawati", "Bagus Prasetyo"]


def test_each_caller_follows_up_on_their_own_answer(container):
    service = container.service
    kadis = Caller(user="kadis-kes", role="opd", unit_kerja="Dinas Kesehatan")
    service.answer(OWNER, FISH, conversation_id="same-id")
    service.answer(kadis, "Siapa yang cocok untuk bidang kesehatan masyarakat?", conversation_id="same-id")
    assert service.answer(kadis, "tampilkan profil lengkap nomor 1", conversation_id="same-id").candidates[0].nama == (
        "Hendra Gunawan"
    )
    assert service.answer(OWNER, "tampilkan profil lengkap nomor 1", conversation_id="same-id").candidates[0].nama == (
        "Siti Rahmawati"
    )


def test_over_the_api_another_key_reusing_the_id_does_not_break_the_owners_follow_up(container):
    saved = container.settings.api.keys
    container.settings.api.keys = {
        "k-bupati": ApiKey(user="bupati", role="pimpinan"),
        "k-other": ApiKey(user="intruder", role="bkpsdm"),
    }
    try:
        client = TestClient(create_app(container))

        def chat(key: str, message: str) -> dict:
            r = client.post("/v1/chat", headers={"X-API-Key": key}, json={"message": message, "conversation_id": "c-1"})
            assert r.status_code == 200, r.text
            return r.json()

        chat("k-bupati", FISH)
        assert chat("k-other", TOP_TWO)["intent"] == "new"
        follow = chat("k-bupati", TOP_TWO)
        assert follow["intent"] == "compare" and [c["nama"] for c in follow["candidates"]] == [
            "Siti Rahmawati",
            "Bagus Prasetyo",
        ]
    finally:
        container.settings.api.keys = saved


# ---- the memory itself ---------------------------------------------------------------------------


def _turn(question: str) -> Turn:
    result = SearchResult(query=question, field="", language="id", total_people=0, candidates=[])
    return Turn(question, question, question, None, result)


def test_memory_is_kept_per_caller():
    memory = ConversationMemory()
    other = Caller(user="bupati", role="bkpsdm")
    memory.add("c", OWNER, _turn("pertama"))
    memory.add("c", other, _turn("lain"))
    memory.add("c", OWNER, _turn("kedua"))
    assert [t.question for t in memory.turns("c", OWNER)] == ["pertama", "kedua"]
    assert [t.question for t in memory.turns("c", other)] == ["lain"]
    assert memory.turns("c", Caller(user="someone", role="pimpinan")) == []


def test_a_callers_flood_drops_their_own_oldest_conversations_first():
    memory = ConversationMemory(max_conversations=50, max_per_caller=5)
    memory.add("mine", OWNER, _turn("pertama"))
    flooder = Caller(user="flood", role="bkpsdm")
    for i in range(40):
        memory.add(f"f{i}", flooder, _turn(str(i)))
    assert [t.question for t in memory.turns("mine", OWNER)] == ["pertama"]
    assert memory.turns("f0", flooder) == [] and memory.turns("f39", flooder) != []


def test_an_expired_conversation_starts_afresh():
    memory = ConversationMemory(ttl_s=0.0)
    memory.add("c", OWNER, _turn("pertama"))
    assert memory.turns("c", OWNER) == []
    memory.add("c", OWNER, _turn("kedua"))  # an expired conversation is not continued
    memory.ttl_s = 3600
    assert [t.question for t in memory.turns("c", OWNER)] == ["kedua"]
