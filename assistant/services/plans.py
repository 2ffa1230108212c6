"""Structured questions: understand (parser), run the plan (SQL, plus the hybrid search for a field
part), and write the facts: what was understood, the count or the groups, then the people.

Nothing here guesses: a question that cannot be mapped is answered "belum dapat saya pahami" with
examples; one about a protected attribute is declined with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from assistant.db import query as sql
from assistant.domain.identity import Caller
from assistant.domain.models import Employee
from assistant.domain.nine_box import cell_meaning, place_employee
from assistant.domain.plan import Lookup, ParsedPlan, QueryPlan
from assistant.domain.plan_parser import parse_plan, training_word_groups
from assistant.domain.plan_text import describe
from assistant.domain.posts import TargetPost
from assistant.domain.ranking import merit_factors, merit_value
from assistant.domain.retirement import retirement
from assistant.domain.training import name_key, score_out_of_10, spelled_out
from assistant.services.schemas import CandidateOut, EvidenceOut, FactorOut, GroupOut, SearchResult

if TYPE_CHECKING:
    from assistant.services.talent import TalentService

EXAMPLES = {
    "id": [
        "Berapa ASN di Dinas Perikanan?",
        "Tampilkan ASN kotak 7-9 di Bappeda",
        "Siapa ASN dengan SKP Sangat Baik tiga tahun terakhir di Dinkes?",
        "Siapa pejabat eselon III yang pensiun tahun depan?",
        "Siapa yang paling cocok untuk bidang perikanan?",
    ],
    "en": [
        "How many employees work in the fisheries office?",
        "List staff in 9-box cells 7-9 at Bappeda",
        "Who retires in 2027?",
        "Who is best suited for fisheries?",
    ],
}
# Eligibility groups of a question that names a post, in the order shown.
GROUP_ORDER = ("memenuhi", "perlu verifikasi", "tidak memenuhi")
DEFAULT_LIST_LIMIT = 50
_NAME_WORDS = re.compile(r"^[A-Za-z'.,\s-]+$")


def understand(service: TalentService, question: str, language: str | None, today: dt.date) -> ParsedPlan:
    units = service.unit_names()
    vocabulary = service.training_words() if re.search(r"\b[A-Z]{2,8}\b", question) else frozenset()
    return parse_plan(question, units, today, language or service.default_language, trainings=vocabulary,
                      titles=service.post_titles())  # fmt: skip


def spell_out_trainings(service: TalentService, parsed: ParsedPlan, lang: str, today: dt.date) -> ParsedPlan:
    """A training named by its acronym also matches names that spell it out ('PPNS': 'Penyidik Pegawai
    Negeri Sipil'), found in the store's own training names; the plan shown says so."""
    plan = parsed.plan
    changed = False
    trainings = []
    for f in plan.filters.training:
        if len(f.words) == 1 and not f.leadership:
            extra = [run for run in spelled_out(f.words[0], service.training_names()) if run not in f.also]
            if extra:
                f = f.model_copy(update={"also": [*f.also, *extra][:20]})
                changed = True
        trainings.append(f)
    if not changed:
        return parsed
    new = plan.model_copy(update={"filters": plan.filters.model_copy(update={"training": trainings})})
    return parsed.model_copy(update={"plan": new, "understood": describe(new, lang, today)})


def understood_text(parsed: ParsedPlan, lang: str) -> str:
    if not parsed.understood:
        return ""
    lead = "I understood: " if lang == "en" else "Saya memahami: "
    if parsed.planner == "llm":
        lead = ("The language model proposed this plan (check it): " if lang == "en"
                else "Rencana ini diusulkan oleh model bahasa (mohon diperiksa): ")  # fmt: skip
    text = lead + "; ".join(parsed.understood) + "."
    if parsed.unused:
        text += (" Not used: " if lang == "en" else " Tidak saya pakai: ") + "'" + " ".join(parsed.unused) + "'."
    return text


def not_understood_message(lang: str, unused: Sequence[str] = ()) -> str:
    if lang == "en":
        head = "I cannot understand this question yet" + (f" ('{' '.join(unused)}')" if unused else "") + ". Try, for example:"
    else:
        head = "Pertanyaan ini belum dapat saya pahami" + (f" ('{' '.join(unused)}')" if unused else "") + ". Coba misalnya:"
    return head + "\n" + "\n".join(f"- {q}" for q in EXAMPLES["en" if lang == "en" else "id"])


def lookup_by_name(service: TalentService, caller: Caller, text: str) -> list[str]:
    """NIPs of the people whose name (titles, case and small misspellings ignored) is ``text``."""
    if service.people is None or not _NAME_WORDS.match(text) or len(text.split()) > 8:
        return []
    from ingest.values import split_titles

    _, name, _ = split_titles(text)
    key = name_key(name)
    if len(key) < 3:
        return []
    return service.people.find_names(key, caller)


# How many ranked people a field search reads when the years of experience in the field are a filter.
FIELD_YEARS_POOL = 200


def run(
    service: TalentService,
    caller: Caller,
    parsed: ParsedPlan,
    question: str,
    lang: str,
    limit: int | None,
    today: dt.date,
) -> SearchResult:
    """A structured question's result (the caller's visibility is applied in SQL)."""
    if parsed.status == "ok" and parsed.plan.filters.training:
        parsed = spell_out_trainings(service, parsed, lang, today)
    plan = parsed.plan
    today = plan.as_of or today
    base = {
        "query": question, "field": plan.relevance or "", "language": lang, "status": parsed.status,
        "understood": plan.model_dump(mode="json", exclude_defaults=True),
        "understood_text": understood_text(parsed, lang), "unused": parsed.unused, "planner": parsed.planner,
        "total_people": service.people.count_visible(caller) if service.people is not None else 0,
        "target_post": plan.target_post, "target_title": plan.target_title,
    }  # fmt: skip
    if parsed.status == "declined":
        return SearchResult(**base, message=parsed.declined_reason, candidates=[])
    if parsed.status == "not_understood":
        return SearchResult(**base, message=not_understood_message(lang, parsed.unused), candidates=[])
    assert service.people is not None
    engine = service.people.engine
    if plan.aggregate and plan.aggregate.by == "jenis_kelamin":
        return _equality_report(service, caller, plan, base, lang, today)
    want = limit or (service.settings.top_k if plan.relevance else DEFAULT_LIST_LIMIT)
    target = TargetPost(plan.target_post, plan.target_title) if plan.target_post else None
    if plan.relevance:
        matched = sql.execute(engine, plan, caller, today, limit=None if not plan.filters.any() else 10**9)
        allowed = set(matched.nips) if plan.filters.any() else None
        years = plan.filters.field_years_min
        fetch = want if years is None else max(want * 10, FIELD_YEARS_POOL)  # the years are read after ranking
        found = service.field_search(caller, plan.relevance, limit=fetch, language=lang, target=target, allowed=allowed,
                                     asked=question)  # fmt: skip
        if found.status != "ok":  # nothing in the question asks for people, and only look-alikes met it
            return SearchResult(**{**base, "status": found.status}, message=found.message, candidates=[])
        candidates = found.candidates
        fitting = found.total_matching or 0
        if years is not None:
            # years in posts related to the field, as the ranking measured them for each candidate
            strict = plan.filters.field_years_strict
            candidates = [c for c in candidates if c.tahun_bidang_terkait > years or (not strict and c.tahun_bidang_terkait >= years)]
            fitting = len(candidates)
            candidates = [c.model_copy(update={"rank": i + 1}) for i, c in enumerate(candidates[:want])]
        if found.weak_match:
            fitting = 0  # look-alikes in meaning fit nobody
        candidates = grouped(candidates, plan.target_title) if target else candidates
        if plan.aggregate is not None and plan.aggregate.kind == "count":
            # The count is everyone who fits by the chat list's cut, not the list's length; no record clearly
            # holding the field counts nobody (counting look-alikes in meaning would be a stretch).
            candidates = candidates[:fitting]
        total = 0 if found.weak_match else max(fitting, len(candidates))  # look-alikes in meaning match nobody
        return SearchResult(**{**base, "field": found.field}, total_matching=total, weak_match=found.weak_match,
                            words_not_found=found.words_not_found, candidates=candidates)  # fmt: skip
    grouping = plan.aggregate is not None and plan.aggregate.kind == "group"
    fetch = 0 if grouping else 10**9 if target else want  # a group-by answers with counts, not people
    result = sql.execute(engine, plan, caller, today, limit=fetch)
    people = service.people.get(result.nips)
    candidates = [
        structured_candidate(i + 1, people[nip], plan, result.skp_years, lang, today,
                             service.eligibility(people[nip], target, lang, today))  # fmt: skip
        for i, nip in enumerate(result.nips)
        if nip in people
    ]
    if plan.sort and plan.sort.key == "skp":
        candidates.sort(key=lambda c: -_skp_value(people[c.nip]))
    if target:
        candidates = grouped(candidates, plan.target_title)[:want]
    candidates = [c.model_copy(update={"rank": i + 1}) for i, c in enumerate(candidates)]
    groups = [GroupOut(key=k, count=n) for k, n in result.groups] if result.groups is not None else None
    return SearchResult(**base, total_matching=result.total, groups=groups, candidates=candidates)


_GENDER_LABEL = {"id": {"L": "Laki-laki", "P": "Perempuan"}, "en": {"L": "Male", "P": "Female"}}


def _equality_report(
    service: TalentService, caller: Caller, plan: QueryPlan, base: dict[str, Any], lang: str, today: dt.date
) -> SearchResult:
    """Counts by gender for an equality report: BKPSDM only, never a list of people, never a filter."""
    en = lang == "en"
    if caller.role != "bkpsdm":
        message = ("Counts by gender are available to BKPSDM only, as an equality report (counts, no names)." if en
                   else "Hitungan menurut jenis kelamin hanya tersedia untuk BKPSDM, sebagai laporan kesetaraan "
                   "(jumlah saja, tanpa nama).")  # fmt: skip
        return SearchResult(**{**base, "status": "declined"}, message=message, candidates=[])
    assert service.people is not None
    clean = plan.model_copy(update={"sort": None})
    result = sql.execute(service.people.engine, clean, caller, today, limit=None)
    labels = _GENDER_LABEL["en" if en else "id"]
    missing = "not recorded" if en else "tidak tercatat"
    groups = [GroupOut(key=labels.get(k, missing if k == "tidak ada" else k), count=n) for k, n in result.groups or []]
    return SearchResult(**base, total_matching=result.total, groups=groups, candidates=[])


def lookup_result(
    service: TalentService, caller: Caller, question: str, nips: list[str], lang: str, how: str, today: dt.date
) -> SearchResult:
    people = service.people.get(nips) if service.people is not None else {}
    visible = [n for n in nips if n in people and caller.can_see(n, people[n].unit_kerja)]
    plan = QueryPlan(lookup=Lookup(nip=question if how == "nip" else None, name=None if how == "nip" else question))
    said = (f"NIP {question}" if how == "nip" else f"nama '{question}'") if lang == "id" else (
        f"NIP {question}" if how == "nip" else f"name '{question}'")  # fmt: skip
    return SearchResult(
        query=question, field="", language=lang,  # type: ignore[arg-type]
        understood=plan.model_dump(mode="json", exclude_defaults=True),
        understood_text=("I understood: " if lang == "en" else "Saya memahami: ") + said + ".",
        total_matching=len(visible),
        total_people=service.people.count_visible(caller) if service.people is not None else 0,
        candidates=[structured_candidate(i + 1, people[n], plan, (), lang, today) for i, n in enumerate(visible)],
    )  # fmt: skip


def grouped(candidates: list[CandidateOut], target_title: str | None) -> list[CandidateOut]:
    """Eligible first, then 'perlu verifikasi', then not eligible; the post's current holder last, marked."""
    title = (target_title or "").casefold()

    def holder(c: CandidateOut) -> bool:
        return bool(title) and (c.jabatan or "").casefold().startswith(title) and len(title.split()) > 2

    marked = [c.model_copy(update={"current_holder": holder(c)}) for c in candidates]
    order = {status: i for i, status in enumerate(GROUP_ORDER)}

    def key(c: CandidateOut) -> tuple[int, int, int]:
        status = c.eligibility.status if c.eligibility else "perlu verifikasi"
        return (int(c.current_holder), order.get(status, 1), c.rank)

    ranked = sorted(marked, key=key)
    return [c.model_copy(update={"rank": i + 1}) for i, c in enumerate(ranked)]


def _skp_value(e: Employee) -> float:
    scores = [s.predikat.score for s in e.skp_terbaru(3) if s.predikat]
    return sum(scores) / len(scores) if scores else -1.0


def structured_candidate(
    position: int,
    e: Employee,
    plan: QueryPlan,
    skp_years: Sequence[int],
    lang: str,
    today: dt.date,
    eligibility: Any = None,
) -> CandidateOut:
    """A person listed by a structured question: the facts that made them match, each with its record
    and year, and their merit factors (the order of a list sorted by merit)."""
    en = lang == "en"
    factors = merit_factors(e, today)
    merit = round(merit_value(factors), 4)
    evidence: list[EvidenceOut] = []
    f = plan.filters
    for s in sorted(e.skp, key=lambda s: s.tahun):
        if f.skp and s.tahun in skp_years and s.predikat in f.skp.predikat:
            evidence.append(EvidenceOut(kind="skp", source="SKP", text=f"SKP {s.tahun}: {s.predikat.value}", year=s.tahun))
    for training in f.training:
        for d in e.diklat:
            if _training_matches(training, d.nama, d.nilai, d.predikat, d.tahun):
                score = f", nilai {d.nilai:g}" if d.nilai is not None else ""
                note = f" ({d.predikat})" if d.predikat else ""
                evidence.append(EvidenceOut(kind="diklat", source="diklat", text=f"{d.nama}{score}{note}", year=d.tahun))
    top = e.pendidikan_tertinggi()
    if (f.pendidikan or f.pendidikan_min or f.jurusan) and top:
        label = " ".join(x for x in (top.jenjang.value if top.jenjang else "", top.jurusan or "") if x)
        evidence.append(EvidenceOut(kind="pendidikan", source="pendidikan" if not en else "education",
                                    text=label, year=top.tahun_lulus))  # fmt: skip
    cell = place_employee(e).cell
    if f.kotak and cell:
        evidence.append(EvidenceOut(kind="kotak_talenta", source="kotak talenta" if not en else "9-box",
                                    text=f"kotak {cell}" if not en else f"cell {cell}"))  # fmt: skip
    latest = e.asesmen_terbaru()
    if (f.jpm_min is not None or f.jpm_max is not None or (plan.sort and plan.sort.key == "jpm")) and latest and latest.jpm is not None:
        year = latest.tanggal.year if latest.tanggal else None
        evidence.append(EvidenceOut(kind="asesmen", source="asesmen" if not en else "assessment", text=f"JPM {latest.jpm:g}", year=year))
    bup = retirement(e)
    if (f.retirement or (plan.sort and plan.sort.key == "retirement")) and bup:
        text = (f"batas usia pensiun {bup.age} tahun ({bup.post}) pada {bup.date:%d-%m-%Y}" if not en
                else f"retirement age {bup.age} ({bup.post}) on {bup.date:%Y-%m-%d}")  # fmt: skip
        if not bup.known:
            text += " — jenjang jabatan perlu verifikasi" if not en else " — post level to be verified"
        evidence.append(EvidenceOut(kind="pensiun", source=bup.source, text=text, year=bup.date.year))
    if (f.years_in_post_min is not None or f.years_in_post_max is not None) and e.tmt_jabatan:
        years = (today - e.tmt_jabatan).days / 365.25
        evidence.append(EvidenceOut(kind="jabatan", source="jabatan sekarang" if not en else "current post",
                                    text=f"{e.jabatan or '-'} sejak {e.tmt_jabatan:%m-%Y}", year=e.tmt_jabatan.year,
                                    years=round(years, 1)))  # fmt: skip
    if f.discipline_in_force is True:
        for h in e.hukuman_disiplin:
            if (h.tmt_mulai is None or h.tmt_mulai <= today) and (h.tmt_selesai is None or h.tmt_selesai >= today):
                evidence.append(EvidenceOut(kind="hukuman_disiplin", source="hukuman disiplin",
                                            text=f"{h.tingkat.value}: {h.jenis or '-'}", year=h.tmt_mulai.year if h.tmt_mulai else None))  # fmt: skip
    factor_out = [
        FactorOut(name=x.name, value=round(x.value, 3), weight=x.weight, detail=x.detail_en if en else x.detail_id, source=x.source)
        for x in factors
    ]
    reasons = [f"{ev.text} [{ev.source}]" for ev in evidence] + [f"{x.detail} [{x.source}]" for x in factor_out if x.source]
    return CandidateOut(
        rank=position, nip=e.nip, nama=e.nama, nama_lengkap=e.nama_lengkap, jabatan=e.jabatan, unit_kerja=e.unit_kerja,
        golongan=e.golongan, jenis_jabatan=e.jenis_jabatan.value if e.jenis_jabatan else None, kotak_talenta=cell,
        kotak_talenta_arti=cell_meaning(cell, lang), score=merit, relevance=0.0, merit=merit, reasons=reasons,
        factors=factor_out, evidence=evidence, eligibility=eligibility,
    )  # fmt: skip


def _training_matches(f: Any, nama: str, nilai: float | None, predikat: str | None, tahun: int | None) -> bool:
    key = f" {name_key(nama)} "
    alternatives = [*(training_word_groups(f.words) if f.words else []), *f.also]
    if alternatives and not any(all(f" {w} " in key for w in alt) for alt in alternatives):
        return False
    if f.leadership and not sql_leadership(key, f.level):
        return False
    score = score_out_of_10(nilai)
    if f.score_min is not None and (score is None or score < f.score_min):
        return False
    if f.score_max is not None and (score is None or score > f.score_max):
        return False
    if f.score_below is not None and (score is None or score >= f.score_below):
        return False
    if f.passed_on is not None:
        low = (predikat or "").lower()
        passed = ("lanjut" in low or "lolos" in low) and "tidak" not in low
        if not (passed if f.passed_on else any(w in low for w in sql.STOPPED_WORDS)):
            return False
    if f.remark and f.remark.lower() not in (predikat or "").lower():
        return False
    return not (f.year and tahun != f.year)


def sql_leadership(padded_key: str, level: str | None) -> bool:
    from assistant.domain.training import is_leadership, leadership_level

    if not is_leadership(padded_key):
        return False
    return level is None or leadership_level(padded_key) == level


_STATUS_EN = {"memenuhi": "eligible", "perlu verifikasi": "to be verified", "tidak memenuhi": "not eligible"}


def compose(result: SearchResult) -> str:
    """The answer to a structured question, from the facts only: what was understood, the count or
    the groups, then the people with the records that made them match."""
    en = result.language == "en"
    if result.status != "ok":
        return (result.message or "") + "\n"
    lines = [result.understood_text] if result.understood_text else []
    total = result.total_matching
    if result.groups is not None:
        lines.append(f"{total} people in {len(result.groups)} groups:" if en else f"{total} ASN dalam {len(result.groups)} kelompok:")
        lines += [f"- {g.key}: {g.count}" for g in result.groups]
    elif result.weak_match and result.candidates:
        # no record clearly holds the field: the people listed are only the closest in meaning, never a count
        from assistant.chains.template import weak_sentence

        lines.append(weak_sentence(result))
    elif total is not None:
        if result.words_not_found and (result.understood or {}).get("aggregate", {}).get("kind") == "count":
            # 'Berapa jumlah kucing di pasar?': what was counted matched the other words only; say so
            words = ", ".join(f"**{w}**" for w in result.words_not_found)
            lines.append(f"No record contains the word(s) {words}; the count is of those who fit the other words."
                         if en else f"Tidak ada rekaman yang memuat kata {words}; yang dihitung adalah yang cocok "
                         "dengan kata lainnya.")  # fmt: skip
        of = f" (of {result.total_people} you may see)" if en else f" (dari {result.total_people} ASN yang dapat Anda lihat)"
        lines.append(f"**{total}** people match{of}." if en else f"**{total}** ASN memenuhi kriteria{of}.")
    if result.candidates and result.groups is None:
        shown = len(result.candidates)
        if total is not None and shown < total and not result.weak_match:
            lines.append(f"The first {shown}:" if en else f"{shown} teratas:")
        last_status = None
        for c in result.candidates:
            status = c.eligibility.status if c.eligibility else None
            if status and status != last_status:
                label = _STATUS_EN.get(status, status) if en else status
                lines.append(f"**{label.capitalize()}**")
                last_status = status
            facts = "; ".join(ev.text for ev in c.evidence[:4])
            where = ", ".join(x for x in (c.jabatan, c.unit_kerja) if x)
            cell = (f", cell {c.kotak_talenta}" if en else f", kotak {c.kotak_talenta}") if c.kotak_talenta else ""
            holder = (" — current holder of the post" if en else " — pemegang jabatan saat ini") if c.current_holder else ""
            lines.append(f"{c.rank}. **{c.nama_lengkap}** ({c.nip}) — {where} ({c.golongan or '-'}{cell}){holder}"
                         + (f". {facts}" if facts else ""))  # fmt: skip
    elif total == 0:
        lines.append("No one matches." if en else "Tidak ada ASN yang memenuhi kriteria.")
    lines.append("The decision stays with the PPK." if en else "Keputusan tetap pada PPK.")
    return "\n".join(lines) + "\n"
