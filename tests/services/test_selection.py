"""The model's note in 'select' mode: code writes statements from the records, the model chooses
(issue 16). On real ranked results of the fixture people; the model is a scripted fake here and the
packaged model in tests/llm/test_local_llm.py."""

from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.chains.insight import insight_factors
from assistant.chains.selection import chosen, grammar, messages, note, note_selector, statements
from assistant.domain.identity import SYSTEM
from assistant.domain.text import tokenize
from assistant.services.talent import TalentService

FISH_ID = "Siapa ASN yang paling cocok untuk bidang perikanan?"
FISH_EN = "Who is best suited for fisheries?"
HEALTH_EN = "Who is best suited to lead the health office?"


@pytest.fixture(scope="module")
def results(fixture_search):
    return {q: fixture_search(q) for q in (FISH_ID, FISH_EN, HEALTH_EN)}


def _value(c, name):
    f = next((f for f in c.factors if f.name == name), None)
    return None if f is None or not f.source else f.value


@pytest.mark.parametrize("question", [FISH_ID, FISH_EN, HEALTH_EN])
def test_every_statement_is_what_the_candidate_s_record_says(results, question):
    result = results[question]
    top = result.candidates[:3]
    menu = statements(result)
    assert 1 <= len(menu) <= 9
    said = insight_factors(result)
    for s in menu:
        c = next(c for c in top if c.rank == s.rank)
        assert c.nama in s.text
        assert not any(o.nama in s.text for o in result.candidates if o is not c)  # about one person only
        if s.kind == "experience":
            posts = [ev for ev in c.evidence if ev.kind == "jabatan"]
            named = next(ev for ev in posts if ev.text.split(" (")[0] in s.text)
            own = set(tokenize(result.field))
            if any(own & set(tokenize(ev.text.split(", ")[0])) for ev in posts):  # a post titled in the question's words
                assert own & set(tokenize(named.text.split(", ")[0]))
        elif s.kind == "strongest":
            assert c.rank > 1
            named = [n for n in ("kinerja", "kotak_talenta", "asesmen", "pengalaman_bidang", "diklat_terkait")
                     if next(f for f in c.factors if f.name == n).detail.split(",")[0].split(":")[0] in s.text]  # fmt: skip
            assert named
            for n in named:
                assert (c.rank, n) not in said  # the facts' own note has not said it already
                assert all(_value(o, n) is not None and _value(c, n) > _value(o, n) for o in top if o is not c)
        elif s.kind == "eligibility":
            assert c.eligibility is not None and c.eligibility.summary in s.text
    if result.language == "en":
        assert not any(w in s.text for s in menu for w in ("Pengalaman", "periksa", "tahun", "Sangat Baik"))


def test_a_post_question_lists_the_others_eligibility(results):
    kinds = {(s.rank, s.kind) for s in statements(results[HEALTH_EN])}
    assert (1, "eligibility") not in kinds  # rank 1's unmet rules are in the facts' note
    assert any(k == "eligibility" and r > 1 for r, k in kinds)


def test_the_model_s_numbers_are_read_strictly():
    assert chosen("2, 5", 6) == ([2, 5], 0)
    assert chosen("Nomor: 3, 3, 1, 9, 4, 2", 6) == ([3, 1, 4], 1)  # repeats ignored, 9 names nothing, at most 3
    assert chosen("saya tidak tahu", 6) == ([], 0)
    rule = grammar(12)
    assert rule.startswith('root ::= num (", " num){0,2}') and '"12"' in rule and '"13"' not in rule
    assert rule.index('"12"') < rule.index('"1"')  # the longer number first, so "12" is not read as "1"


def test_the_note_keeps_rank_order_whatever_the_model_s_order(results):
    menu = statements(results[FISH_ID])
    picks = sorted(range(1, len(menu) + 1), key=lambda i: -menu[i - 1].rank)[:3]
    ranks = [next(s.rank for s in menu if s.text == t) for t in note(menu, picks)]
    assert ranks == sorted(ranks)


CALLS: list[dict[str, Any]] = []


class _Recording(GenericFakeChatModel):
    """A scripted model that keeps the options each call was bound with (in CALLS)."""

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        CALLS.append({"messages": messages, **kwargs})
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def _service(container, reply: str) -> TalentService:
    CALLS.clear()
    selector = note_selector(_Recording(messages=iter([AIMessage(content=reply)])))
    return TalentService(container.store, container.embeddings, container.audit, container.settings.search,
                         selector, writer_name="fake:select", note_mode="select")  # fmt: skip


def test_the_chosen_statements_follow_the_facts(make_container, results):
    container = make_container()
    service = _service(container, "3, 1")
    events = list(service.stream_answer(SYSTEM, FISH_ID))
    kinds = [e["event"] for e in events]
    assert kinds[:2] == ["candidates", "facts"] and kinds[-1] == "done" and "dropped" not in kinds
    menu = statements(events[0]["data"])
    shown = [e["data"].strip() for e in events if e["event"] == "token"]
    assert shown == note(menu, [3, 1]) and len(shown) == 2
    sent = CALLS[0]
    assert sent["max_tokens"] == 16 and sent["extra_body"]["grammar"] == grammar(len(menu))
    assert "1. " + menu[0].short in sent["messages"][-1].content  # the model read the numbered statements, short
    final = events[-1]["data"]
    assert final.note_status == "ok" and final.grounded and final.note == " ".join(shown)
    assert final.answer.startswith(final.facts) and final.note in final.answer
    assert container.audit.entries()[-1]["note_status"] == "ok"


def test_an_answer_with_no_valid_number_leaves_the_facts(make_container):
    container = make_container()
    service = _service(container, "Siti Rahmawati adalah yang terbaik.")
    final = service.answer(SYSTEM, FISH_ID)
    assert final.note_status == "unavailable" and final.note is None
    assert "Siti Rahmawati adalah yang terbaik" not in final.answer and "tidak tersedia" in final.answer
    assert final.candidates[0].nama == "Siti Rahmawati"


def test_the_prompt_is_in_the_answer_s_language(results):
    result = results[FISH_EN]
    system, human = messages(FISH_EN, statements(result), result.language)
    assert system[1].startswith("You help a regent") and human[1].startswith("Question: ")
    assert human[1].rstrip().endswith("Numbers:")


def test_the_related_education_named_is_the_highest_level_that_matched():
    from assistant.chains.selection import _highest_school
    from assistant.services.schemas import CandidateOut, EvidenceOut

    def piece(text, match):
        return EvidenceOut(kind="pendidikan", source="riwayat pendidikan", text=text, match=match)

    c = CandidateOut(rank=1, nip="198001012005011001", nama="A", nama_lengkap="A", score=0.5, relevance=0.5, merit=0.5,
                     reasons=[], factors=[], evidence=[piece("SMA Keperawatan, SMK Negeri 2 (1995)", 0.97),
                                                       piece("S1 Keperawatan, Universitas Terbuka (2020)", 0.85),
                                                       piece("S2 Kesehatan Masyarakat, UI (2022)", 0.30)])  # fmt: skip
    assert _highest_school(c).text.startswith("S1 Keperawatan")  # S2 did not match the question
    assert _highest_school(c.model_copy(update={"evidence": []})) is None


def test_the_post_named_is_one_titled_in_the_question_s_words_when_there_is_one():
    from assistant.chains.selection import _best_post
    from assistant.services.schemas import CandidateOut, EvidenceOut

    def post(text, match):
        return EvidenceOut(kind="jabatan", source="riwayat jabatan", text=text, match=match)

    c = CandidateOut(rank=1, nip="198001012005011001", nama="A", nama_lengkap="A", score=0.5, relevance=0.5, merit=0.5,
                     reasons=[], factors=[], evidence=[
                         post("Pengelola Tanaman Pangan dan Hortikultura, Dinas Pertanian (2015-2019)", 0.87),
                         post("Penyuluh Pertanian Ahli Pertama, Dinas Pertanian (2019-2024)", 0.58),
                         post("Sekretaris Kelurahan Pasar Lama, Kecamatan Tanjung Seruni (2014-2019)", 0.47),
                         post("Camat Tanjung Seruni, Kecamatan Tanjung Seruni (2019-2024)", 0.47)])  # fmt: skip
    assert _best_post(c, set(tokenize("penyuluh pertanian"))).text.startswith("Penyuluh Pertanian")
    assert _best_post(c, set(tokenize("camat"))).text.startswith("Camat")  # its title, not only its unit
    assert _best_post(c, set(tokenize("fisheries"))).text.startswith("Pengelola Tanaman")  # no shared word: the best match
