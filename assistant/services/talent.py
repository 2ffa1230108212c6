"""TalentService: the one service layer the API, the chat UI and the CLI call.

Every call takes the caller's identity; every read of people is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from langchain_core.runnables import Runnable

from assistant.chains import structured
from assistant.chains.answer import FACT_CANDIDATES, build_retrieve_step, facts_lines, note_text
from assistant.chains.faithfulness import (
    CheckedParagraph,
    ParagraphChecker,
    SentenceVerdict,
    checked_sentences,
)
from assistant.chains.planner import Proposer
from assistant.chains.template import compose, note_dropped, note_heading
from assistant.config import SearchSettings
from assistant.db.repository import PeopleRepository
from assistant.domain.eligibility import STATUS_EN, Rule, default_rules, evaluate, gaps, to_verify
from assistant.domain.evidence import SOURCE_LABEL, for_the_encoder
from assistant.domain.filters import UNIT_MATCH, WordFilters, asks_for_people, diklat_matches, parse_filters
from assistant.domain.followup import FollowUp, parse_followup
from assistant.domain.golongan import golongan_rank, pangkat_of
from assistant.domain.identity import Caller, unit_key
from assistant.domain.models import Employee
from assistant.domain.nine_box import cell_meaning, place_employee
from assistant.domain.plan import ParsedPlan, QueryPlan, refine
from assistant.domain.plan_text import describe
from assistant.domain.posts import TargetPost, level_label, target_post_from_text
from assistant.domain.query import (
    ParsedQuery,
    concept_stems,
    concept_token,
    detect_language,
    meaning_in_english,
    normalize_concepts,
    parse_query,
    phrase_words,
    phrased_concepts,
    rendered_in_other_language,
)
from assistant.domain.ranking import (
    EvidenceHit,
    RankedCandidate,
    Weights,
    contenders,
    rank,
    relevance_by_person,
)
from assistant.domain.text import stem, text_language, tokenize
from assistant.retrieval.catalog import EvidenceCatalog
from assistant.retrieval.embeddings import TalentaEmbeddings
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.store import TalentStore
from assistant.services import plans
from assistant.services.audit import AuditLog
from assistant.services.conversation import ConversationMemory, Turn
from assistant.services.errors import Conflict, Forbidden, IndexOutdated, NotFound
from assistant.services.schemas import (
    AnswerOut,
    CandidateOut,
    EligibilityOut,
    EvidenceOut,
    FactorOut,
    ProfileOut,
    RuleOut,
    SearchFilters,
    SearchResult,
    Understanding,
)

logger = logging.getLogger(__name__)

# A chat answer to a weak match (only meaning, no shared words) shows at most this many people.
WEAK_MATCH_LIMIT = 3
# A search index of at least this many evidence pieces is rebuilt in the background after an ingest
# (about 5 s per 100,000 pieces on two cores, 40 s at 100,000 employees); a smaller one at once.
BACKGROUND_REBUILD_PIECES = 100_000


@dataclass(frozen=True)
class _Index:
    generation: str
    catalog: EvidenceCatalog | None
    lexical: LexicalIndex | None

    @property
    def pieces(self) -> int:
        return len(self.catalog) if self.catalog is not None else 0

# Generic records that fit no field: their mean similarity to a query calibrates "unrelated".
ANCHOR_TEXTS = [
    "Pengadministrasi Umum, Sekretariat Daerah",
    "Staf Pelaksana",
    "Pelaksana, Kantor Kecamatan",
    "Pelatihan Dasar CPNS",
    "SMA IPA",
    "Pengadministrasi Perkantoran",
    "Orientasi Pegawai Baru",
    "Pegawai negeri sipil pemerintah daerah",
]
# The same generic records in English: what an unrelated English text scores for a question. The difference
# between the two floors puts an English passage on the scale of an Indonesian question (_calibrated).
ANCHOR_TEXTS_EN = [
    "General administration staff, Regional Secretariat",
    "Implementing staff",
    "Staff, sub-district office",
    "Basic training for new civil servants",
    "High school, science stream",
    "Office administration",
    "New employee orientation",
    "Local government civil servant",
]


# A follow-up that narrows or re-sorts the previous structured answer.
_REFINE = re.compile(
    r"^(?:yang|yg|hanya|cuma|khusus|urutkan|diurutkan|lalu|terus|kalau|bagaimana\s+(?:dengan|kalau)|dari\s+(?:mereka|itu)|"
    r"di\s+antara(?:nya|\s+mereka)|berapa\s+(?:di\s+antaranya|dari\s+mereka|yang)|only|just|and|what\s+about|how\s+about|now|"
    r"sort|order|of\s+(?:them|those)|among\s+(?:them|those)|which\s+of\s+(?:them|those)|how\s+many\s+of\s+(?:them|those))\b|"
    r"\b(?:saja|aja|di\s+antaranya|dari\s+mereka|only|of\s+them|among\s+them)\s*[?.!]*$",
    re.I,
)

# Words that say what kind of unit a place is, not which one: 'masalah di dinas-dinas' names no unit.
_UNIT_KIND_WORDS = frozenset(
    tokenize("dinas badan kantor kecamatan kelurahan desa sekretariat bagian bidang seksi subbagian uptd upt unit "
             "satuan daerah kabupaten kota provinsi puskesmas pustu poskesdes polindes klinik "
             "sekolah madrasah balai puskeswan posyandu")
)


class TalentService:
    def __init__(
        self,
        store: TalentStore,
        embeddings: TalentaEmbeddings,
        audit: AuditLog,
        search_settings: SearchSettings,
        writer: Runnable | None = None,
        writer_name: str = "template",
        default_language: str = "id",
        rules: list[Rule] | None = None,
        people: PeopleRepository | None = None,
        proposer: Proposer | None = None,
        warm_writer: Callable[[], None] | None = None,
        note_mode: str = "write",
    ) -> None:
        """``writer``: the model's note beside the facts (None: the facts alone, no model);
        ``note_mode``: 'write' (the writer streams prose, each sentence checked against the records)
        or 'select' (the writer returns statements written by code that the model chose, see
        ``chains/selection.py``);
        ``proposer``: a language model proposing a plan for a question the parser cannot map;
        ``warm_writer``: reads the note's fixed prompt into the model server's cache at start."""
        self.store = store
        self.people = people if people is not None else store.records
        self.proposer = proposer
        self.embeddings = embeddings
        self.audit = audit
        self.settings = search_settings
        self.writer = writer
        self.writer_name = writer_name if writer is not None else "template"
        self._warm_writer = warm_writer
        self.note_mode = note_mode
        self.default_language = default_language
        self.rules = list(rules) if rules is not None else list(default_rules())
        self._names: dict[str, str] | None = None
        self._anchors: Any = None
        self._anchors_en: Any = None
        self._per_generation: dict[str, tuple[str, Any]] = {}  # name -> (store generation, value)
        self.conversations = ConversationMemory()
        self._index: _Index | None = None
        self._index_lock = threading.Lock()
        self._builder: threading.Thread | None = None
        self._names_count = -1
        self._retrieve = build_retrieve_step(self._chain_search)

    # ---- search ------------------------------------------------------------------------------

    def search(
        self,
        caller: Caller,
        query: str,
        filters: SearchFilters | None = None,
        limit: int | None = None,
        language: str | None = None,
        *,
        target: TargetPost | None = None,
        action: str = "search",
    ) -> SearchResult:
        """Any question: a NIP or a name, a structured question (counts, filters, groups, sorts; run in
        SQL with the caller's visibility), or a field to rank people for. Explicit ``filters`` or a
        follow-up's ``target`` keep the field search as it was asked."""
        today = dt.date.today()
        result = None
        if self.people is not None and not (filters is not None and filters.model_dump(exclude_none=True)) and target is None:
            result = self._structured(caller, query, limit, language, today)
        if result is None:
            result = self.field_search(caller, query, filters, limit, language, target=target, action="")
            if result.target_post:
                result = result.model_copy(update={"candidates": plans.grouped(result.candidates, result.target_title)})
        if action:
            self.audit.record(caller, action, query, [c.nip for c in result.candidates], status=result.status,
                              total_matching=result.total_matching, plan=result.understood)  # fmt: skip
        return result

    def _structured(
        self, caller: Caller, query: str, limit: int | None, language: str | None, today: dt.date
    ) -> SearchResult | None:
        """The answer to a question that is more than a field search, or None (a field search)."""
        text = " ".join(query.split())
        digits = re.sub(r"[\s'.-]", "", text)
        lang = language or detect_language(text, self.default_language)
        if re.fullmatch(r"\d{18}", digits):
            return plans.lookup_result(self, caller, digits, [digits], lang, "nip", today)
        parsed = plans.understand(self, text, language, today)
        lang = language or parsed.language
        plan = parsed.plan
        if plan.lookup and plan.lookup.nip:
            return plans.lookup_result(self, caller, plan.lookup.nip, [plan.lookup.nip], lang, "nip", today)
        if parsed.status == "declined":
            return plans.run(self, caller, parsed, text, lang, limit, today)
        if parsed.status == "not_understood" or not plan.structured():
            nips = plans.lookup_by_name(self, caller, text)
            if nips:
                return plans.lookup_result(self, caller, text, nips, lang, "name", today)
            if parsed.status == "not_understood" and self.proposer is not None and self.people is not None:
                proposed = self.proposer(text, [name for _, name in self.unit_names()], lang)
                if proposed is not None:
                    said = ParsedPlan(plan=proposed, understood=describe(proposed, lang, today), language=lang,
                                      planner="llm")  # type: ignore[arg-type]  # fmt: skip
                    return plans.run(self, caller, said, text, lang, limit, today)
            if parsed.status == "not_understood" and plan.aggregate is not None:
                return plans.run(self, caller, parsed, text, lang, limit, today)
            return None
        return plans.run(self, caller, parsed, text, lang, limit, today)

    def run_plan(
        self, caller: Caller, plan: QueryPlan, limit: int | None = None, language: str | None = None
    ) -> SearchResult:
        """A query plan sent as is (an integrator): validated by its schema, run like a parsed one."""
        lang = language or self.default_language
        today = dt.date.today()
        parsed = ParsedPlan(plan=plan, understood=describe(plan, lang, today), language=lang,
                            planner="client")  # type: ignore[arg-type]  # fmt: skip
        result = plans.run(self, caller, parsed, "", lang, limit, today)
        self.audit.record(caller, "query", plan.model_dump_json(exclude_defaults=True),
                          [c.nip for c in result.candidates], total_matching=result.total_matching)  # fmt: skip
        return result

    def field_search(
        self,
        caller: Caller,
        query: str,
        filters: SearchFilters | None = None,
        limit: int | None = None,
        language: str | None = None,
        *,
        target: TargetPost | None = None,
        action: str = "search",
        allowed: set[str] | None = None,
        asked: str | None = None,
    ) -> SearchResult:
        """People for a field, ranked in code. ``target`` (or a post named in the question) adds a
        per-rule eligibility check for that post to every candidate. ``allowed``: only these people
        (the ones a structured question's filters let through). ``asked``: the question as typed, when
        ``query`` is only its field (does it ask for people at all?)."""
        target = target or target_post_from_text(query)
        words = parse_filters(query, self._unit_score)
        read = self._word_filters(words)  # the filters written in the question, said back in the answer
        if words.any():
            filters = _merge_filters(read, filters)
        parsed = parse_query(words.remaining if words.any() and words.remaining.strip() else query,
                             language or self.default_language, thesaurus=self.settings.thesaurus,
                             translate=self.settings.translate_question, cues=self.settings.concept_cues)  # fmt: skip
        lang = language or detect_language(query, parsed.language)
        where = _where(caller, filters)
        vector = self._meaning_vector(parsed)
        catalog, lexical = self._indexes()  # one index for the whole search, even if a rebuild lands
        hits = self._hybrid_hits(parsed, vector, where, catalog, lexical, allowed)
        weights = weights_from(self.settings)
        confidence = self._word_confidence(parsed, hits, lexical)
        if confidence < 1.0:  # the question's words are barely in the records: meaning decides more
            weights = replace(weights, lexical=weights.lexical * confidence)
        elif parsed.language == "id" and not parsed.focused:
            # the records hold an Indonesian question's words: the encoder reads Indonesian less well
            # than English, so its meaning counts less than the words there. Not for a question that is
            # a named field and little else, which ranks the same people in either language; a longer
            # question that also names a field is embedded in its own Indonesian words, so it is.
            weights = replace(weights, dense=weights.dense * self.settings.dense_share_in_indonesian)
            if parsed.translations and self.settings.dense_share_across_languages < 1.0:
                # ... and an English record meets its words through their translations: there, meaning
                # counts less again instead of standing in for the words
                weights = replace(weights, foreign_dense=self.settings.dense_share_across_languages)
        floor = self._floor(vector)
        hits = self._calibrated(hits, parsed, vector, floor)
        relevance = usual = relevance_by_person(hits, floor, weights)
        share = self.settings.dense_share_for_a_named_field
        if share < 1.0 and confidence >= 1.0 and parsed.focused:
            # The question is a known field and little else ("Siapa ASN yang paling cocok untuk bidang
            # pekerjaan umum?"): its words name the field, so meaning weighs less in ranking people.
            # Which posts are related, the evidence shown and the chat's cut keep the usual mix.
            relevance = relevance_by_person(hits, floor, replace(weights, dense=weights.dense * share), piece_weights=weights)
        # Only people who can still reach the list are read; a post-filter (training) needs more.
        want = (limit or self.settings.top_k) * (10 if filters and filters.diklat else 1)
        nips = contenders(relevance, want, weights)
        people = self.store.get_people(nips)
        ranked = [
            r
            for r in rank(hits, people, weights, relevance={n: relevance[n] for n in nips})
            if caller.can_see(r.nip, r.employee.unit_kerja)
        ]
        if filters and filters.diklat:
            ranked = [r for r in ranked if diklat_matches(filters.diklat, [d.nama for d in r.employee.diklat])]
        strength = self._match_strength(parsed, ranked[0], vector, lexical) if ranked else "none"
        if strength != "strong" and not asks_for_people(asked or query):
            # no record holds its words and it asks for nobody ('Bagaimana cuaca besok?'): not understood,
            # never the people closest in meaning
            unasked = SearchResult(query=parsed.text, field=parsed.field, language=lang,  # type: ignore[arg-type]
                                   status="not_understood", message=plans.not_understood_message(lang, [parsed.field]),
                                   total_people=self.store.count(_visibility(caller)), candidates=[])  # fmt: skip
            if action:
                self.audit.record(caller, action, query, [], status=unasked.status)
            return unasked
        if strength == "none":
            ranked = []  # say "nothing relevant" instead of stretching
        # The chat's short list shows who clearly fits; a search that asks for a number of people gets
        # them in rank order (the cut dropped relevant people there: bench.heldout, issue 15).
        top = ranked[:limit] if limit else _relevant(ranked, self.settings.min_relative_relevance, usual)[: self.settings.top_k]
        # How many people fit, whatever the list's length: everyone retrieved whose relevance passes the
        # chat list's cut (a count never follows the list's limit); none for look-alikes in meaning only.
        fitting = _fitting(usual, self.settings.min_relative_relevance) if strength == "strong" else 0
        if filters and filters.diklat:
            fitting = min(fitting, len(ranked))  # the training post-filter was applied to the ranked only
        today = dt.date.today()
        result = SearchResult(
            query=parsed.text,
            field=parsed.field,
            language=lang,  # type: ignore[arg-type]
            total_people=self.store.count(_visibility(caller)),
            target_post=target.level if target else None,
            target_title=target.title if target else None,
            weak_match=strength == "weak" and bool(top),
            words_not_found=_words_not_held(parsed, lexical) if strength != "none" and top else [],
            understood_text=_filters_said(read, parsed.field, lang),
            total_matching=fitting,
            candidates=[
                _candidate(i + 1, r, lang, self.eligibility(r.employee, target, lang, today))
                for i, r in enumerate(top)
            ],
        )
        if action:
            self.audit.record(caller, action, query, [c.nip for c in result.candidates])
        return result

    # ---- answers -----------------------------------------------------------------------------

    def answer(
        self,
        caller: Caller,
        question: str,
        conversation_id: str | None = None,
        language: str | None = None,
        limit: int | None = None,
    ) -> AnswerOut:
        final: AnswerOut | None = None
        for event in self.stream_answer(caller, question, conversation_id, language, limit):
            if event["event"] == "done":
                final = event["data"]
        assert final is not None
        return final

    def stream_answer(
        self,
        caller: Caller,
        question: str,
        conversation_id: str | None = None,
        language: str | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Events: candidates (the ranked result), facts (its text, built by code), token (each
        sentence of the model's note that passed the faithfulness check), dropped (how many did not),
        done.

        With a ``conversation_id`` the question may refer to the previous answer: comparisons,
        explanations and profiles are built from the records; filters and new target posts are
        applied to the previous search (condensed into a standalone question). ``language`` forces
        the answer language; by default it follows the question.
        """
        conv_id = conversation_id or uuid.uuid4().hex[:16]
        history = self.conversations.turns(conv_id, caller) if conversation_id else []
        follow = parse_followup(question, bool(history))
        lang = language or detect_language(question, history[-1].result.language if history else self.default_language)
        if follow.kind in ("compare", "explain", "profile"):
            yield from self._structured_answer(caller, follow, history[-1], conv_id, lang)
            return
        query, filters, standalone, target = question, None, None, None
        refined = self._refine_plan(caller, question, history[-1], language, limit) if history else None
        if refined is not None:
            result: SearchResult = refined
            standalone = result.understood_text
            item: dict[str, Any] = {"question": question, "result": result}
            self.audit.record(caller, "search", question, [c.nip for c in result.candidates], status=result.status,
                              total_matching=result.total_matching, plan=result.understood)  # fmt: skip
        else:
            if history and follow.kind in ("refine", "retarget", "new"):
                query, filters, standalone = self._condense(follow, history[-1], question)
            target = (target_post_from_text(question) or history[-1].target_post) if history and standalone else None
            item = self._retrieve.invoke(
                {"question": query, "caller": caller, "language": lang, "filters": filters, "target": target, "limit": limit}
            )
            item["question"] = standalone or question
            result = item["result"]
        yield {"event": "candidates", "data": result}
        facts_only = result.understood is not None or result.status != "ok"
        facts = plans.compose(result) if facts_only else compose(result)
        yield {"event": "facts", "data": facts}
        note = CheckedParagraph()
        note_status = "none"
        if self.writer is not None and not facts_only and result.candidates and not result.weak_match:
            note_status = "ok"
            try:
                if self.note_mode == "select":
                    picked = self.writer.invoke(item)
                    if not picked["menu"]:
                        note_status = "none"
                    elif not picked["picks"]:
                        raise ValueError(f"no statement chosen: {picked['raw']!r}")
                    for sentence in picked["sentences"]:  # written by code from the records
                        note.verdicts.append(SentenceVerdict(sentence, True))
                        yield {"event": "token", "data": sentence + " "}
                else:
                    checker = ParagraphChecker(result, item["question"], self._known_names(), given=FACT_CANDIDATES,
                                               facts=facts_lines(result))  # fmt: skip
                    stopped: dict[str, Any] = {}  # why the model stopped: a cut-off last sentence is not shown
                    for sentence in checked_sentences(note_text(self.writer.stream(item), stopped), checker, note, stopped):
                        yield {"event": "token", "data": sentence}
            except Exception as exc:  # noqa: BLE001 - a slow or absent model never takes the facts away
                logger.warning("the model's note failed: %s: %s", type(exc).__name__, exc)
                note_status = "unavailable"
            if note.dropped:
                note_status = "trimmed" if note.kept else "dropped"
                logger.warning("note sentences dropped: %s", [v.reasons for v in note.dropped])
                yield {"event": "dropped", "data": {"count": len(note.dropped), "reasons": [list(v.reasons) for v in note.dropped]}}
        text = facts
        if note.kept:
            text += "\n\n" + note_heading(result.language) + " " + note.text
        if note.dropped or note_status == "unavailable":
            text += "\n\n" + note_dropped(result.language, len(note.dropped), note_status)
        grounded = not note.dropped
        kind = follow.kind if standalone else "new"
        self.conversations.add(
            conv_id,
            caller,
            Turn(question, standalone or question, result.field, filters, result, kind, target),
        )
        out = AnswerOut(
            **result.model_dump(include=set(Understanding.model_fields)),
            question=question,
            language=result.language,
            answer=text,
            candidates=result.candidates,
            writer="facts" if facts_only else self.writer_name,
            grounded=grounded,
            facts=facts,
            note=note.text or None,
            note_status=note_status,
            note_dropped=len(note.dropped),
            conversation_id=conv_id,
            intent=kind,
            standalone_question=standalone,
        )
        self.audit.record(
            caller,
            "chat",
            question,
            [c.nip for c in result.candidates],
            writer=out.writer,
            grounded=grounded,
            note_status=note_status,
            note_dropped=len(note.dropped),
            conversation_id=conv_id,
            intent=kind,
            standalone=standalone,
            status=result.status,
            total_matching=result.total_matching,
            plan=result.understood,
        )
        yield {"event": "done", "data": out}

    def _refine_plan(
        self, caller: Caller, question: str, last: Turn, language: str | None, limit: int | None
    ) -> SearchResult | None:
        """A follow-up to a structured answer that narrows or re-sorts it ("yang golongan IV saja?",
        "urutkan menurut JPM", "how many of them are in Bappeda?"): the previous plan refined by the
        follow-up's own, run again. None when the follow-up is not such a refinement."""
        previous = last.result
        if previous.understood is None or previous.status != "ok" or not _REFINE.search(question.strip()):
            return None
        old = QueryPlan.model_validate(previous.understood)
        if old.lookup is not None:
            return None
        today = dt.date.today()
        parsed = plans.understand(self, question, language or previous.language, today)
        if parsed.status != "ok" or not (parsed.plan.structured() or parsed.plan.relevance):
            return None
        merged = refine(old, parsed.plan)
        lang = language or parsed.language
        said = ParsedPlan(plan=merged, understood=describe(merged, lang, today), unused=parsed.unused,
                          language=lang, planner="follow-up")  # type: ignore[arg-type]  # fmt: skip
        return plans.run(self, caller, said, question, lang, limit, today)

    def _condense(self, follow: FollowUp, last: Turn, question: str) -> tuple[str, SearchFilters | None, str | None]:
        """A follow-up as a standalone search: the previous field plus the new filters or target."""
        words = parse_filters(question, self._unit_score)
        parsed = parse_query(words.remaining or question)
        new_subject = [w for w in tokenize(parsed.search_text) if w not in _FOLLOWUP_WORDS]
        if follow.kind == "new" and (new_subject or not words.any()):
            return question, None, None  # a new question about another field
        merged = _merge_filters(last.filters, self._word_filters(words))
        query = last.query
        target = target_post_from_text(question) or last.target_post
        if follow.kind == "retarget" and new_subject and not target_post_from_text(question):
            query = f"{last.query} {parsed.search_text}"  # "kalau untuk budidaya?": narrow the field
        label = (target.title or level_label(target.level)) if target else ""
        standalone = _describe(query, merged, label)
        return query, merged, standalone

    def _structured_answer(
        self, caller: Caller, follow: FollowUp, last: Turn, conv_id: str, lang: str
    ) -> Iterator[dict[str, Any]]:
        cands = last.result.candidates
        ranks = follow.ranks
        if follow.kind == "explain" and ranks and 1 <= ranks[0] <= len(cands):
            ranks = [r for r in ranks if 1 <= r <= len(cands)]  # "why is #1 first?" with one candidate left
        missing = [r for r in ranks if not 1 <= r <= len(cands)]
        chosen = [cands[r - 1] for r in ranks if 1 <= r <= len(cands)]
        if missing or not chosen:
            text = structured.text("missing_rank", lang, n=(missing or ranks or [0])[0], m=len(cands))
            chosen = []
        else:
            people = self.store.get_people([c.nip for c in chosen])
            visible = [c for c in chosen if c.nip in people and caller.can_see(c.nip, people[c.nip].unit_kerja)]
            if len(visible) != len(chosen):
                raise Forbidden("Anda tidak berwenang melihat data ini.", "You may not see this record.")
            match follow.kind:
                case "compare":
                    text = structured.compare(chosen, people, lang)
                case "explain":
                    text = (
                        structured.explain(chosen[0], chosen[-1], lang)
                        if len(chosen) > 1
                        else structured.explain_one(chosen[0], lang)
                    )
                case _:
                    text = structured.profile(people[chosen[0].nip], chosen[0].kotak_talenta, lang)
        subset = last.result.model_copy(update={"candidates": chosen, "language": lang})
        yield {"event": "candidates", "data": subset}
        for line in text.splitlines(keepends=True):
            yield {"event": "token", "data": line}
        self.conversations.add(
            conv_id,
            caller,
            Turn(follow.text, last.standalone, last.query, last.filters, last.result, follow.kind, last.target_post),
        )
        self.audit.record(
            caller, follow.kind, follow.text, [c.nip for c in chosen], conversation_id=conv_id, writer="structured"
        )
        yield {
            "event": "done",
            "data": AnswerOut(
                question=follow.text,
                language=lang,  # type: ignore[arg-type]
                answer=text,
                candidates=chosen,
                writer="structured",
                grounded=True,
                conversation_id=conv_id,
                intent=follow.kind,
                standalone_question=last.standalone,
            ),
        }

    def _word_filters(self, words: WordFilters) -> SearchFilters | None:
        if not words.any():
            return None
        unit = self._resolve_unit(words.unit_text) if words.unit_text else None
        return SearchFilters(
            unit_kerja=unit,
            golongan_min=words.golongan_min,
            golongan_max=words.golongan_max,
            jenis_jabatan=list(words.jenis_jabatan) or None,  # type: ignore[arg-type]
            pendidikan_min=words.pendidikan_min,  # type: ignore[arg-type]
            diklat=words.diklat,
        )

    def _resolve_unit(self, text: str) -> str | None:
        """The store's unit name closest to what was written ('Dinas Kesehatan', 'the health office')."""
        best, score = self._closest_unit(text)
        return best if score >= UNIT_MATCH else None

    def _unit_score(self, text: str) -> float:
        return self._closest_unit(text)[1]

    def _closest_unit(self, text: str) -> tuple[str | None, float]:
        """The store's unit whose words overlap most with ``text``, and that overlap (Jaccard, 0 to 1)."""
        wanted = set(tokenize(text))
        best, best_score = None, 0.0
        for unit, have in self._unit_words() if wanted else ():
            if not have or (not (wanted & have) - _UNIT_KIND_WORDS and have != wanted):
                continue  # 'di dinas-dinas', 'di puskesmas': a kind of unit, not one of them (unless so named)
            score = len(wanted & have) / len(wanted | have)
            if score > best_score:
                best, best_score = unit, score
        return best, best_score

    def _cached(self, name: str, load: Callable[[], Any]) -> Any:
        """``load()``, read again only when the store's generation changes (an ingest wrote)."""
        generation = self.store.generation()
        hit = self._per_generation.get(name)
        if hit is None or hit[0] != generation:
            hit = (generation, load())
            self._per_generation[name] = hit
        return hit[1]

    def training_names(self) -> list[str]:
        """Distinct training names in the store (name keys)."""
        people = self.people
        return [] if people is None else self._cached("trainings", people.training_names)

    def training_words(self) -> frozenset[str]:
        """Every word of the store's training names (an acronym a question may name)."""
        return self._cached("training_words", lambda: frozenset(w for name in self.training_names() for w in name.split()))

    def unit_names(self) -> list[tuple[str, str]]:
        """(unit_key, name) of the units in the system of record."""
        people = self.people
        return [] if people is None else self._cached("units", people.units)

    def post_titles(self) -> frozenset[str]:
        """Distinct current post titles in the store (name keys)."""
        people = self.people
        return frozenset() if people is None else self._cached("titles", lambda: frozenset(people.post_titles()))

    def _unit_words(self) -> list[tuple[str, frozenset[str]]]:
        """Each unit of the store with its words, read once per store generation (a question's place is
        scored against every unit, for each run of its words)."""
        return self._cached("unit_words", lambda: [(u, frozenset(tokenize(u))) for u in self._units()])

    def _units(self) -> list[str]:
        if self.people is not None:
            return [name for _, name in self.unit_names()]  # the same list, from the database's index
        return self._cached("store_units", self.store.units)

    def eligibility(
        self, employee: Employee, target: TargetPost | None, lang: str, today: dt.date
    ) -> EligibilityOut | None:
        if target is None:
            return None
        result = evaluate(employee, target.level, self.rules, today)
        en = lang == "en"
        return EligibilityOut(
            post_level=target.level,
            post_label=target.title or level_label(target.level, lang),
            status=result.status,
            summary=result.summary(lang),
            gaps=gaps(result, lang) + to_verify(result, lang),
            rules=[
                RuleOut(
                    id=r.rule_id,
                    status=STATUS_EN[r.status] if en else r.status,
                    hard=r.hard,
                    detail=r.detail(lang),
                    evidence=r.evidence or None,
                    source=r.source,
                )
                for r in result.results
            ],
        )

    def _hybrid_hits(
        self,
        parsed: ParsedQuery,
        vector: Any,
        where: dict[str, Any] | None,
        catalog: EvidenceCatalog | None,
        lexical_index: LexicalIndex | None,
        allowed: set[str] | None = None,
    ) -> list[EvidenceHit]:
        """Dense hits from Chroma plus lexical hits from BM25, each piece with both scores.

        Chroma is asked about texts (one vector per distinct text); the catalog turns them into the
        pieces of the people who hold them and who pass ``where``."""
        if catalog is None or lexical_index is None:
            if self.store.count():  # people, but none written by this version's store layout
                raise IndexOutdated(
                    "Indeks dibuat oleh versi Talenta yang lebih lama. Jalankan `talenta ingest` sekali lagi "
                    "dengan data yang sama (vektor yang ada dipakai ulang, tidak ada yang di-embed ulang).",
                    "The index was built by an older version of Talenta. Run `talenta ingest` once more on the "
                    "same data (stored vectors are reused; nothing is embedded again).",
                )
            return []
        people = catalog.person_mask(where)
        if allowed is not None:
            only = np.fromiter((nip in allowed for nip in catalog.nips), dtype=bool, count=len(catalog.nips))
            people = only if people is None else people & only
        keys = catalog.keys_of(people) if people is not None else None
        pool = self.settings.chunk_pool
        scored = self.store.query_texts(vector, pool, keys)
        similarity = dict(scored)
        dense = catalog.expand(scored, people, pool)
        terms = _query_terms(parsed)
        found = lexical_index.search(terms, pool, catalog.record_mask(people))
        lexical: dict[int, float] = {i: score / found[0][1] for i, score in found} if found else {}
        missing = {catalog.keys[i] for i in lexical if catalog.keys[i] not in similarity}
        if missing:
            similarity.update(self.store.text_similarity(missing, vector))
        hits = [catalog.hit(i, similarity[catalog.keys[i]], lexical.get(i, 0.0)) for i in dense]
        taken = set(dense)
        hits.extend(
            catalog.hit(i, similarity[catalog.keys[i]], lex)
            for i, lex in lexical.items()
            if i not in taken and catalog.keys[i] in similarity  # a text deleted since the catalog was read
        )
        return self._mark_foreign(hits, parsed)

    @staticmethod
    def _mark_foreign(hits: list[EvidenceHit], parsed: ParsedQuery) -> list[EvidenceHit]:
        """Flag the pieces written in the other language than the question (an English CV summary
        for an Indonesian question): for those, meaning alone decides the match. A question naming a
        thesaurus concept is searched with that concept's words in both languages, so words can meet
        and nothing is flagged."""
        if parsed.concepts:
            return hits
        out = []
        for h in hits:
            language = text_language(h.display)
            out.append(replace(h, foreign=True) if language is not None and language != parsed.language else h)
        return out

    def _indexes(self) -> tuple[EvidenceCatalog | None, LexicalIndex | None]:
        """The evidence catalog and its BM25 index, of the current store generation.

        After an ingest they are rebuilt: at once for a small store; for a large one (at least
        BACKGROUND_REBUILD_PIECES pieces, about 40 s to rebuild at 100,000 employees) on a background
        thread, the previous index serving searches until the new one is ready."""
        generation = self.store.generation()
        index = self._index
        if index is not None and index.generation == generation:
            return index.catalog, index.lexical
        if index is not None and index.pieces >= BACKGROUND_REBUILD_PIECES:
            self._rebuild_in_background()
            return index.catalog, index.lexical
        with self._index_lock:
            index = self._index
            if index is None or index.generation != generation:  # not built while this one waited
                index = self._build_index()
        return index.catalog, index.lexical

    def _build_index(self) -> _Index:
        """Read the catalog and build BM25 (the caller holds ``_index_lock``). The generation is
        read first: a write during the build leaves the index marked older, and it is rebuilt."""
        generation = self.store.generation()
        catalog = self.store.catalog()
        started = time.perf_counter()
        index = _Index(generation, catalog if len(catalog) else None,
                       LexicalIndex(catalog.texts) if len(catalog) else None)  # fmt: skip
        logger.info("search index: %d evidence pieces, BM25 built in %.1f s", len(catalog), time.perf_counter() - started)
        self._index = index
        return index

    def _rebuild_in_background(self) -> None:
        if self._index_lock.locked():  # a build is under way
            return
        self._builder = threading.Thread(target=self._refresh, name="talenta-index", daemon=True)
        self._builder.start()

    def _refresh(self) -> None:
        with self._index_lock:
            if self._index is None or self._index.generation != self.store.generation():
                self._build_index()

    def warm(self) -> None:
        """Build the search index ahead of the first search, on a background thread (the API and the
        chat UI call this when they start; a search meanwhile waits for it rather than building a
        second one)."""

        def run() -> None:
            try:
                self._refresh()
            except Exception:  # noqa: BLE001 - warming is an optimisation; the search reports real errors
                logger.exception("search index: warm-up failed")

        def run_all() -> None:
            run()
            if self._warm_writer is not None:
                self._warm_writer()

        self._builder = threading.Thread(target=run_all, name="talenta-warm", daemon=True)
        self._builder.start()

    def wait_for_index(self, timeout: float | None = None) -> None:
        """Wait for a background build or warm-up under way (tests, benchmarks)."""
        if self._builder is not None:
            self._builder.join(timeout)

    def _word_confidence(self, parsed: ParsedQuery, hits: list[EvidenceHit], index: LexicalIndex | None) -> float:
        """How far the question's own words can be trusted here, 0..1: the share of their IDF mass
        that the best-covered person's records hold (1 for a thesaurus concept named in the question,
        whose words are known to name the field). A conversational question whose distinctive words no record
        holds leaves the ranking to meaning instead of to the odd word a distractor shares."""
        if set(parsed.concepts) - set(parsed.cued) or index is None:
            return 1.0  # a field named: its words name it (one read from its work vouches less: below)
        terms, carried = _question_terms(parsed), _carried_stems(parsed)
        if _idf_share(index, terms, set()) is None:
            return 1.0
        per_person: dict[str, set[str]] = defaultdict(set)
        for h in hits:
            if h.lexical > 0:
                per_person[h.nip].update(tokenize(h.display))
        best = max((_idf_share(index, terms, have, carried) or 0.0 for have in per_person.values()), default=0.0)
        if parsed.cued:
            # a field read from the words of its work ('banjir, longsor dan gempa ... pengungsi': disaster
            # management) vouches for the question as far as someone's records hold that field's own words
            # ('bencana', 'kebencanaan'): the everyday words need not be in any record (blind SIASN 5: 0.17)
            field = sorted(t for t in set().union(*(concept_stems(k) for k in parsed.cued)) if index.df(t) > 0)
            best = max([best, *(_idf_share(index, field, have) or 0.0 for have in per_person.values())])
        return min(1.0, best / max(self.settings.min_term_coverage, 1e-6))

    def _match_strength(
        self, parsed: ParsedQuery, best: RankedCandidate, vector: Any, index: LexicalIndex | None
    ) -> str:
        """How real is the best match? 'strong': its records contain the question's distinctive words
        (IDF-weighted coverage; for a known concept, its own words). 'none': no record anywhere holds
        any of the question's words and its meaning does not stand above unrelated records: say
        nothing was found. 'weak' otherwise: the closest people in meaning, shown as such (the
        embeddings alone cannot tell a paraphrase from an unrelated field, so they never decide
        'strong', and lexical silence alone never decides 'none' for a question in other words)."""
        have = {t for ev in best.evidence for t in tokenize(ev.display)}
        for key in parsed.concepts:  # a known field: any of its own search terms in the records
            if have & concept_stems(key):
                return "strong"
        terms, carried = _question_terms(parsed), _carried_stems(parsed)
        known = [t for t in terms if index is not None and _held(index, t, carried)]
        if index is not None and not parsed.concepts:
            share = _idf_share(index, terms, have, carried)
            if share is not None and share >= self.settings.min_term_coverage:
                return "strong"
        if known or self._concept_in_records(parsed, index):
            return "weak"
        margin = max((h.similarity for h in best.evidence), default=0.0) - self._floor(vector)
        return "weak" if margin >= self.settings.min_dense_margin else "none"

    def _meaning_vector(self, parsed: ParsedQuery) -> Any:
        """The question's embedding. With ``meaning_in_english``, a question that is a named field (in
        either language), or an Indonesian question whose words the glossary carries, is also embedded
        in English words, and the two vectors are averaged: the small multilingual encoder reads
        Indonesian less well than English (the plain dense peer scores lower in Indonesian on every set
        of bench.heldout). Other English questions are embedded as asked: rendering them in Indonesian
        lowered the English figures (bench.heldout, session 9)."""
        vector = self.embeddings.encode_query(parsed.meaning_text or parsed.search_text)
        other = ""
        if self.settings.meaning_in_english:
            # A named field in either language ('bidang pertanian', 'agriculture'): its canonical phrase
            # is embedded with its English words too (the same text for both languages, so a named field
            # still ranks the same people); blind private-sector set 2, session 10: Indonesian regent
            # questions over English CVs 0.765 -> 0.810.
            other = meaning_in_english(parsed) or (rendered_in_other_language(parsed) if parsed.language == "id" else "")
        if not other:
            return vector
        mixed = vector + self.embeddings.encode_query(other)
        return mixed / (np.linalg.norm(mixed) or 1.0)

    @staticmethod
    def _concept_in_records(parsed: ParsedQuery, index: LexicalIndex | None) -> bool:
        """Some record holds one of the named concepts' own words. A known field that no record
        mentions at all ('penerbangan' in a regency without an airport) is judged by meaning alone,
        like a question in unknown words: nothing relevant unless meaning stands out."""
        if not parsed.concepts:
            return False
        if index is None:
            return True
        return any(_field_held(index, key) for key in parsed.concepts)

    def _calibrated(
        self, hits: list[EvidenceHit], parsed: ParsedQuery, vector: Any, floor: float
    ) -> list[EvidenceHit]:
        """For an Indonesian question, passages written in English moved onto the Indonesian scale of
        meaning: their similarity plus what generic Indonesian records score for the question (``floor``)
        minus what the same records in English score. The encoder scores a text in the question's own language
        above one in English that means the same, so an Indonesian distractor outranked an English CV of
        the trade. Not the other way round (it reads Indonesian less well, and lifting Indonesian
        passages for an English question cost three sets: bench.heldout), and not for a question that is
        a named field and little else, whose meaning is embedded in the same words in either language."""
        if not self.settings.calibrate_languages or parsed.language != "id" or parsed.focused:
            return hits
        if self._anchors_en is None:
            self._anchors_en = self.embeddings.encode_passages(ANCHOR_TEXTS_EN)
        shift = floor - float((self._anchors_en @ vector).mean())
        return [replace(h, similarity=h.similarity + shift) if text_language(h.display) == "en" else h for h in hits]

    def _floor(self, vector: Any) -> float:
        """What unrelated, generic records score for this query: the zero of relevance."""
        if self._anchors is None:
            english = getattr(self.embeddings, "english_titles", True)  # read as the records were
            self._anchors = self.embeddings.encode_passages([for_the_encoder(t) if english else t for t in ANCHOR_TEXTS])
        return float((self._anchors @ vector).mean())

    def _chain_search(self, item: dict[str, Any]) -> SearchResult:
        """The search behind a chat answer. A weak match is shown as the closest three only: a
        search (API, CLI) returns up to its limit, flagged ``weak_match``, and leaves the cut to the
        caller."""
        result = self.search(
            item["caller"],
            item["question"],
            filters=item.get("filters"),
            limit=item.get("limit"),
            language=item.get("language"),
            target=item.get("target"),
            action="",
        )
        if result.weak_match:
            result = result.model_copy(update={"candidates": result.candidates[:WEAK_MATCH_LIMIT]})
        return result

    def _known_names(self) -> dict[str, str]:
        count = self.store.count()
        if self._names is None or count != self._names_count:
            self._names = self.store.names()
            self._names_count = count
        return self._names

    # ---- profiles ----------------------------------------------------------------------------

    def profile_viewers(self, caller: Caller, nip: str) -> list[dict[str, Any]]:
        """Who viewed a person's profile (role, unit, date; once per viewer and day), newest first. An ASN
        may ask about their own record; BKPSDM about anyone's. The viewers' names are not shown."""
        if not (caller.role == "bkpsdm" or (caller.role == "asn" and caller.nip == nip)):
            raise Forbidden("Anda tidak berwenang melihat daftar ini.", "You may not see this list.")
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for entry in self.audit.entries():
            if entry.get("action") == "profile" and nip in entry.get("nips", []) and entry.get("user") != caller.user:
                day = str(entry.get("ts", ""))[:10]
                seen[(str(entry.get("user")), day)] = {"role": entry.get("role"), "unit": entry.get("unit"), "date": day}
        return sorted(seen.values(), key=lambda v: v["date"], reverse=True)

    def profile(self, caller: Caller, nip: str) -> ProfileOut:
        people = self.store.get_people([nip])
        employee = people.get(nip)
        if employee is None or not caller.can_see(nip, employee.unit_kerja):
            if employee is not None:  # audited, but answered exactly as a NIP that does not exist
                self.audit.record(caller, "profile_denied", None, [nip])
            raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.", f"No employee with NIP {nip}.")
        placement = place_employee(employee)
        self.audit.record(caller, "profile", None, [nip])
        return ProfileOut(
            nip=employee.nip,
            nama=employee.nama,
            nama_lengkap=employee.nama_lengkap,
            status=employee.status,
            golongan=employee.golongan,
            pangkat=pangkat_of(employee.golongan),
            jabatan=employee.jabatan,
            jenis_jabatan=employee.jenis_jabatan.value if employee.jenis_jabatan else None,
            eselon=employee.eselon,
            unit_kerja=employee.unit_kerja,
            kotak_talenta=placement.cell,
            kotak_talenta_sumber=placement.source,
            pendidikan=employee.pendidikan,
            riwayat_jabatan=employee.riwayat_jabatan,
            diklat=employee.diklat,
            skp=employee.skp,
            asesmen=employee.asesmen,
            penghargaan=employee.penghargaan,
            hukuman_disiplin=employee.hukuman_disiplin,
            ringkasan=employee.ringkasan,
        )

    def eligibility_of(self, caller: Caller, nip: str, post: str | None = None, lang: str = "id") -> EligibilityOut:
        """A visible person's eligibility for a named post ('Kepala Bidang Budidaya', 'administrator'), or for
        the next structural level up from their current post: every rule and what they still lack (audited).
        A person the caller may not see answers as one that does not exist."""
        from assistant.domain.posts import TargetPost, level_of_title, target_post_from_text

        employee = self.store.get_people([nip]).get(nip)
        if employee is None or not caller.can_see(nip, employee.unit_kerja):
            raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.", f"No employee with NIP {nip}.")
        target: TargetPost | None = None
        if post and post.strip():
            target = target_post_from_text(post)
            if target is None and (level := _LEVEL_WORDS.get(" ".join(post.lower().split()))):
                target = TargetPost(level=level)
            if target is None:
                raise Conflict(f"Jabatan '{post}' tidak dikenali sebagai jabatan struktural.",
                               f"'{post}' is not recognised as a structural post.")  # fmt: skip
        else:
            current = employee.jenis_jabatan.value if employee.jenis_jabatan else level_of_title(employee.jabatan)
            level = _NEXT_LEVEL.get(current or "pelaksana")
            if level is None:
                raise Conflict("Tidak ada jenjang struktural di atas jabatan ini dalam aturan.",
                               "The rules have no structural level above this post.")  # fmt: skip
            target = TargetPost(level=level)
        out = self.eligibility(employee, target, lang, dt.date.today())
        assert out is not None
        self.audit.record(caller, "eligibility", target.title or target.level, [nip], post=target.level)
        return out

    def stats(self, caller: Caller) -> dict[str, Any]:
        """How many people the caller may see, and which embedding model serves them."""
        return {"people": self.store.count(_visibility(caller)), "embedding_model": self.embeddings.model_id}


_FOLLOWUP_WORDS = frozenset(tokenize("kalau bagaimana jika what about how for untuk nya mereka them jabatan post"))


def _question_terms(parsed: ParsedQuery) -> list[str]:
    """The question's own words as lexical terms, each once, in order."""
    return list(dict.fromkeys(tokenize(parsed.search_text)))


def _carried_stems(parsed: ParsedQuery) -> dict[str, set[str]]:
    """Each stem of the question's own words -> the stems of its translations (``ParsedQuery.carried``)."""
    out: dict[str, set[str]] = defaultdict(set)
    for phrase, targets in parsed.carried:
        other = set(tokenize(" ".join(targets)))
        for stem_ in tokenize(phrase):
            out[stem_] |= other
    return out


def _words_not_held(parsed: ParsedQuery, index: LexicalIndex | None) -> list[str]:
    """The question's own words, as typed, that no record holds, in itself or in a translation ('kucing'
    in 'Berapa jumlah kucing di pasar?'): what a weak match names first, and a count over a field says."""
    if index is None:
        return []
    carried = _carried_stems(parsed)
    # a word that names a field ('pasar', 'markets': trade) is held when the records hold that field's words
    named = [k for k in parsed.concepts if k not in parsed.cued]
    fields_held = bool(named) and all(_field_held(index, k) for k in named)
    kept = set(normalize_concepts(parsed.field)[0].lower().split())
    out: list[str] = []
    for word in re.findall(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", parsed.field):
        stems = tokenize(word)
        if not stems or word.lower() in (w.lower() for w in out):
            continue
        if fields_held and word.lower() not in kept:
            continue  # read as a field the records hold
        if not any(_held(index, s, carried) for s in stems):
            out.append(word)
    return out


def _held(index: LexicalIndex, stem_: str, carried: dict[str, set[str]]) -> bool:
    """Some record holds this stem of the question, itself or one of its translations."""
    return any(index.df(t) > 0 for t in {stem_} | carried.get(stem_, set()))


def _field_held(index: LexicalIndex, key: str) -> bool:
    """Some record holds one of this concept's own words."""
    return any(index.df(t) > 0 for t in concept_stems(key))


def _idf_share(
    index: LexicalIndex, terms: list[str], have: set[str], carried: dict[str, set[str]] | None = None
) -> float | None:
    """The share of the terms' IDF mass found in ``have`` (None when the terms weigh nothing). A term
    whose translation ``have`` holds is found: the record says it in the other language."""
    total = sum(index.idf(t) for t in terms)
    if not terms or total <= 0:
        return None
    carried = carried or {}
    return sum(index.idf(t) for t in terms if t in have or have & carried.get(t, set())) / total


def _merge_filters(base: SearchFilters | None, extra: SearchFilters | None) -> SearchFilters | None:
    """Filters of the previous turn narrowed by the new ones (explicit values win over None)."""
    if base is None:
        return extra
    if extra is None:
        return base
    merged = base.model_dump()
    merged.update({k: v for k, v in extra.model_dump().items() if v})
    return SearchFilters(**merged)


def _filters_said(filters: SearchFilters | None, field: str, lang: str) -> str:
    """'Saya memahami: golongan III/c ke atas; unit Dinas Perikanan; bidang 'perikanan'.': the filters a
    field search read in the question's words, said back before its list ('' when it read none)."""
    if filters is None or not filters.model_dump(exclude_none=True):
        return ""
    en = lang == "en"
    parts = []
    if filters.unit_kerja:
        parts.append(f"unit {filters.unit_kerja}")
    if filters.golongan_min:
        parts.append(f"golongan {filters.golongan_min} " + ("or higher" if en else "ke atas"))
    if filters.golongan_max:
        parts.append(f"golongan {filters.golongan_max} " + ("or lower" if en else "ke bawah"))
    if filters.pendidikan_min:
        parts.append(("education " if en else "pendidikan minimal ") + filters.pendidikan_min.value + (" or higher" if en else ""))
    if filters.jenis_jabatan:
        parts.append(("post type " if en else "jenis jabatan ") + "/".join(j.value for j in filters.jenis_jabatan))
    if filters.diklat:
        parts.append(("has attended " if en else "pernah mengikuti ") + filters.diklat)
    if not parts:
        return ""  # a place named in the question that is no unit of the store: nothing was applied
    parts.append(("field" if en else "bidang") + f" '{field}'")
    return ("I understood: " if en else "Saya memahami: ") + "; ".join(parts) + "."


def _describe(query: str, filters: SearchFilters | None, target: str = "") -> str:
    """A standalone question for the audit log and the answer: field, target post, filters in words."""
    parts = [f"{query} untuk jabatan {target}" if target else query]
    if filters:
        if filters.diklat:
            parts.append(f"yang pernah {filters.diklat}")
        if filters.golongan_min:
            parts.append(f"golongan {filters.golongan_min} ke atas")
        if filters.golongan_max:
            parts.append(f"golongan {filters.golongan_max} ke bawah")
        if filters.pendidikan_min:
            parts.append(f"pendidikan minimal {filters.pendidikan_min.value}")
        if filters.unit_kerja:
            parts.append(f"di {filters.unit_kerja}")
        if filters.jenis_jabatan:
            parts.append("jabatan " + "/".join(j.value for j in filters.jenis_jabatan))
    return ", ".join(parts)


def _label(kind: str, en: bool) -> str:
    return SOURCE_LABEL.get(kind, (kind, kind))[1 if en else 0]


_LEVEL_WORDS = {"pengawas": "pengawas", "eselon iv": "pengawas", "administrator": "administrator",
                "eselon iii": "administrator", "jpt": "jpt_pratama", "jpt pratama": "jpt_pratama",
                "eselon ii": "jpt_pratama"}  # fmt: skip
_NEXT_LEVEL = {"pelaksana": "pengawas", "fungsional": "pengawas", "pengawas": "administrator",
               "administrator": "jpt_pratama"}  # fmt: skip


def weights_from(settings: SearchSettings) -> Weights:
    """The ranking's weights, all from the search settings (data an admin can change)."""
    return Weights(
        relevance=settings.weight_relevance,
        merit=settings.weight_merit,
        dense=settings.weight_dense,
        lexical=settings.weight_lexical,
        fusion=settings.fusion,
        rrf_k=settings.rrf_k,
        kinds=dict(settings.weight_kinds),
        side_sections=settings.weight_side_sections,
        cv_headline=settings.weight_cv_headline,
        skp=settings.merit_skp,
        nine_box=settings.merit_nine_box,
        assessment=settings.merit_assessment,
        discipline=settings.merit_discipline,
        training=settings.merit_training,
        training_half_life=settings.training_half_life_years,
        experience=settings.merit_experience,
        experience_full_years=settings.experience_full_years,
    )


# Words that say little alone but much inside a field's name: 'umum' of 'pekerjaan umum' is also the
# 'umum' of every 'Bagian Umum'; 'hidup', 'sumber daya manusia', 'daerah' alike.
_GENERIC_PHRASE_WORDS = frozenset(
    "umum hidup sumber daya manusia daerah pekerjaan negara negeri urusan tata layanan pelayanan".split()
)


def _query_terms(parsed: ParsedQuery) -> list[str]:
    """The question's lexical terms: its stems and its concepts' terms, a multi-word concept also as
    one phrase token, and without its generic words ('pekerjaan umum' is not 'umum')."""
    phrases = phrased_concepts(parsed.field or parsed.text) if parsed.concepts else []
    plain = {stem(w) for k in phrases for w in phrase_words(k) if w in _GENERIC_PHRASE_WORDS}
    terms = [t for t in tokenize(" ".join([parsed.search_text, *parsed.expansions, *parsed.translations])) if t not in plain]
    return terms + [concept_token(k) for k in phrases]


def _relevant(
    ranked: list[RankedCandidate], ratio: float, usual: dict[str, tuple[float, list[EvidenceHit]]] | None = None
) -> list[RankedCandidate]:
    """Drop people far below the best match: the list shows who fits, not everyone retrieved. ``usual``:
    the relevance the cut is measured on (the usual mix of words and meaning), when the ranking used another."""

    def rel(r: RankedCandidate) -> float:
        return usual[r.nip][0] if usual is not None and r.nip in usual else r.relevance

    if not ranked:
        return ranked
    best = max(rel(r) for r in ranked)
    return [r for r in ranked if rel(r) >= ratio * best]


def _fitting(usual: dict[str, tuple[float, list[EvidenceHit]]], ratio: float) -> int:
    """How many people retrieved fit the field by the chat list's cut (``ratio`` of the best relevance)."""
    if not usual:
        return 0
    best = max(rel for rel, _ in usual.values())
    return sum(1 for rel, _ in usual.values() if rel >= ratio * best)


def _visibility(caller: Caller) -> dict[str, Any] | None:
    match caller.role:
        case "opd":
            seen: dict[str, Any] | None = {"unit_key": unit_key(caller.unit_kerja) or "\x00"}
        case "asn":
            seen = {"nip": caller.nip or "\x00"}
        case _:
            seen = None
    if caller.units is None:
        return seen
    limited = {"unit_key": {"$in": [unit_key(u) or "\x00" for u in caller.units] or ["\x00"]}}  # a key's unit scope
    return limited if seen is None else {"$and": [seen, limited]}


def _where(caller: Caller, filters: SearchFilters | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    visibility = _visibility(caller)
    if visibility:
        clauses.append(visibility)
    if filters:
        if filters.unit_kerja:
            clauses.append({"unit_key": unit_key(filters.unit_kerja)})
        low = golongan_rank(filters.golongan_min) if filters.golongan_min else None
        high = golongan_rank(filters.golongan_max) if filters.golongan_max else None
        if low is not None:
            clauses.append({"golongan_rank": {"$gte": low}})
        if high is not None:
            clauses.append({"golongan_rank": {"$lte": high}})
        if filters.jenis_jabatan:
            clauses.append({"jenis_jabatan": {"$in": [j.value for j in filters.jenis_jabatan]}})
        if filters.pendidikan_min:
            clauses.append({"jenjang_rank": {"$gte": filters.pendidikan_min.rank}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _candidate(position: int, r: RankedCandidate, lang: str, eligibility: EligibilityOut | None = None) -> CandidateOut:
    e = r.employee
    en = lang == "en"
    factors = [
        FactorOut(
            name=f.name,
            value=round(f.value, 3),
            weight=f.weight,
            detail=f.detail_en if en else f.detail_id,
            source=", ".join(_label(kind, en) for kind in f.kinds) if f.name == "relevansi_bidang" else f.source,
        )
        for f in r.factors
    ]
    evidence = [
        EvidenceOut(
            kind=h.kind,
            source=_label(h.kind, en),
            text=h.display,
            year=h.year,
            years=h.years,
            match=h.match,
        )
        for h in r.evidence
    ]
    reasons = [f"{f.detail} [{f.source}]" for f in factors]
    if evidence:
        label = "best evidence" if en else "bukti terkuat"
        reasons.insert(1, f"{label}: {evidence[0].text} [{evidence[0].source}]")
    return CandidateOut(
        rank=position,
        nip=e.nip,
        nama=e.nama,
        nama_lengkap=e.nama_lengkap,
        jabatan=e.jabatan,
        unit_kerja=e.unit_kerja,
        golongan=e.golongan,
        jenis_jabatan=e.jenis_jabatan.value if e.jenis_jabatan else None,
        kotak_talenta=r.nine_box,
        kotak_talenta_arti=cell_meaning(r.nine_box, lang),
        tahun_bidang_terkait=r.related_years,
        score=r.score,
        relevance=r.relevance,
        merit=r.merit,
        reasons=reasons,
        factors=factors,
        evidence=evidence,
        eligibility=eligibility,
    )


