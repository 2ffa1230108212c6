"""Rank people for a question: field relevance first, then merit. Pure code, every factor explained.

Input: evidence hits from the vector store (with similarities) and the people's records.
Output: one RankedCandidate per person with a score, the factors behind it (each citing its
record and year) and the evidence that matched. Protected attributes (gender, birth date / age,
religion, origin, marital status) are not read here at all.

Every weight is data (``Weights``, filled from the search settings): the two retrieval signals
within relevance and how they are fused, each kind of evidence, relevance vs merit, and each merit
factor.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from assistant.domain.evidence import side_section
from assistant.domain.models import Employee, TingkatDisiplin
from assistant.domain.nine_box import place_employee

# Each kind of evidence counts differently towards relevance to a field (default of the settings).
KIND_WEIGHT = {"jabatan": 1.0, "pendidikan": 0.9, "diklat": 0.75, "ringkasan": 1.0}
# A kind of evidence the weights do not name.
OTHER_KIND_WEIGHT = 0.7
# The n-th best piece of evidence of a person counts this much (several pieces beat one).
DECAY = (1.0, 0.6, 0.4, 0.25, 0.15)


@dataclass(frozen=True)
class EvidenceHit:
    nip: str
    kind: str
    display: str
    year: int | None
    years: float | None
    similarity: float  # cosine similarity of the question and the piece (dense)
    lexical: float = 0.0  # 0..1: BM25 score relative to the best lexical hit of this search
    id: str = ""
    match: float = 0.0  # 0..1: fused closeness to the question (set by the ranking)
    foreign: bool = False  # written in the other language than the question: its words cannot meet it
    headline: bool = False  # the first passage of a free-text CV: its title line and the start of its profile


# Evidence shown for a person must be a real match, not the tail of the retrieved pool.
SHOWN_MATCH = 0.45
# A post counts towards "years in related posts" when it matches as well as evidence that is shown (0.6
# before session 13 left out a fisheries head's 30 years in fisheries posts, which matched 0.48-0.59).
RELATED_POST_MATCH = SHOWN_MATCH
# A training counts as related to the question when it matches this well (a shown match).
RELATED_TRAINING_MATCH = SHOWN_MATCH


@dataclass(frozen=True)
class Weights:
    relevance: float = 0.8
    merit: float = 0.2
    dense: float = 0.5  # within relevance: meaning (embeddings)
    lexical: float = 0.5  # within relevance: words (BM25 with stemming and the thesaurus)
    fusion: str = "weighted"  # "weighted": weighted mean of the two 0..1 scores; "rrf": reciprocal rank fusion
    rrf_k: int = 60
    kinds: Mapping[str, float] = field(default_factory=lambda: dict(KIND_WEIGHT))  # per kind of evidence
    # a passage from a CV's side section (hobbies, volunteering, ...) against one about the person's work
    side_sections: float = 0.5
    # the first passage of a CV (its headline: the occupation's title, the start of the profile) against
    # its other passages; the person's relevance stays within 0..1
    cv_headline: float = 1.25
    # A passage in the other language than the question: None, its meaning stands in for the words that
    # cannot meet it; a share, the question's words met it through their translations, and its meaning
    # counts this share of ``dense`` (the encoder matches across languages less well than within one).
    foreign_dense: float | None = None
    # merit factors (relative weights within merit)
    skp: float = 0.5
    nine_box: float = 0.3
    assessment: float = 0.2
    discipline: float = 0.3
    training: float = 0.3
    training_half_life: float = 4.0  # years after which a related training counts half
    experience: float = 0.2
    experience_full_years: float = 10.0  # years in related posts that count fully


@dataclass(frozen=True)
class Factor:
    """One named part of the score, with its value (0..1), weight and the record it comes from."""

    name: str  # relevansi_bidang | kinerja | kotak_talenta | asesmen | diklat_terkait | pengalaman_bidang | disiplin
    value: float
    weight: float
    detail_id: str
    detail_en: str
    source: str  # which record: "SKP 2023-2025", "diklat 2022", ... (relevance: see ``kinds``)
    kinds: list[str] = field(default_factory=list)  # evidence kinds behind it (relevance: jabatan, diklat ...)


@dataclass
class RankedCandidate:
    nip: str
    employee: Employee
    score: float
    relevance: float
    merit: float
    factors: list[Factor] = field(default_factory=list)
    evidence: list[EvidenceHit] = field(default_factory=list)
    nine_box: int | None = None
    related_years: float = 0.0


def relevance_by_person(
    hits: Sequence[EvidenceHit],
    floor: float | None = None,
    weights: Weights = Weights(),
    piece_weights: Weights | None = None,
) -> dict[str, tuple[float, list[EvidenceHit]]]:
    """Group hits per person; relevance 0..1 from the best pieces.

    Similarities are mapped to 0..1 between ``floor`` (what an unrelated text scores for this
    query, calibrated per query by the caller) and the best hit; without a floor, the pool's
    lowest similarity is used. Each piece's match fuses that with its lexical score.
    """
    if not hits:
        return {}
    matches = _rrf(hits, weights) if weights.fusion == "rrf" else _weighted(hits, floor, weights)
    # Each piece's own closeness (which posts are related, what is shown) may use other weights than
    # the person's relevance: a search can lean on words to rank people without thinning the evidence.
    shown = matches if piece_weights is None or piece_weights == weights else (
        _rrf(hits, piece_weights) if piece_weights.fusion == "rrf" else _weighted(hits, floor, piece_weights)
    )
    per: dict[str, list[tuple[float, EvidenceHit]]] = defaultdict(list)
    for hit, norm, own in zip(hits, matches, shown, strict=True):
        if norm <= 0.0:
            continue
        weight = weights.kinds.get(hit.kind, OTHER_KIND_WEIGHT)
        if hit.kind == "ringkasan" and side_section(hit.display):
            weight *= weights.side_sections  # a hobby or volunteering says less about a person's field than their work
        elif hit.kind == "ringkasan" and hit.headline:
            weight *= weights.cv_headline  # the title line says what the person is; a later passage, what they also did
        if hit.kind == "jabatan" and hit.years is not None:
            weight *= 0.7 + 0.3 * min(hit.years, 6.0) / 6.0  # years in the post count, up to six
        per[hit.nip].append((norm * weight, replace(hit, match=round(own, 4))))
    best_possible = sum(DECAY) * (max(weights.kinds.values(), default=1.0) or 1.0)
    out: dict[str, tuple[float, list[EvidenceHit]]] = {}
    for nip, scored in per.items():
        scored.sort(key=lambda x: x[0], reverse=True)
        value = sum(s * d for (s, _), d in zip(_length_neutral(scored), DECAY, strict=False)) / best_possible
        out[nip] = (min(1.0, value), [h for _, h in scored])
    return out


# A free-text CV is cut into many passages; at most this many of them count towards relevance, so a
# long CV is read as one person's account, not as many pieces of evidence (length neither rewarded
# nor punished: its best passages count, like a short summary's).
FREE_TEXT_PIECES = 2


def _length_neutral(scored: list[tuple[float, EvidenceHit]]) -> list[tuple[float, EvidenceHit]]:
    kept: list[tuple[float, EvidenceHit]] = []
    free = 0
    for item in scored:
        if item[1].kind == "ringkasan":
            free += 1
            if free > FREE_TEXT_PIECES:
                continue
        kept.append(item)
    return kept


def _weighted(hits: Sequence[EvidenceHit], floor: float | None, weights: Weights) -> list[float]:
    """Each piece's closeness: the weighted mean of its calibrated similarity and its lexical score."""
    sims = [h.similarity for h in hits]
    top = max(sims)
    low = min(sims) if floor is None else floor
    span = max(top - low, 1e-6)
    mix = (weights.dense + weights.lexical) or 1.0
    out = []
    for h in hits:
        dense = max(0.0, (h.similarity - low) / span)
        value = (weights.dense * dense + weights.lexical * h.lexical) / mix
        if h.foreign and weights.dense > 0:
            if weights.foreign_dense is None:
                # Across languages only the meaning can match: a missing word match is not evidence against.
                value = max(value, dense)
            else:  # the question's words met it through their translations: its meaning counts less
                share = weights.dense * weights.foreign_dense
                value = (share * dense + weights.lexical * h.lexical) / ((share + weights.lexical) or 1.0)
        out.append(value)
    return out


def _rrf(hits: Sequence[EvidenceHit], weights: Weights) -> list[float]:
    """Each piece's closeness by reciprocal rank fusion of its dense and lexical ranks (equal scores share
    a rank; a piece absent from a list gets nothing from it), scaled so first in both lists is 1."""
    k = weights.rrf_k
    dense_rank = _ranks([h.similarity for h in hits])
    lexical_rank = _ranks([h.lexical if h.lexical > 0 else None for h in hits])
    best = (weights.dense + weights.lexical) / (k + 1) or 1.0
    out = []
    for d, lx in zip(dense_rank, lexical_rank, strict=True):
        score = (weights.dense / (k + d) if d else 0.0) + (weights.lexical / (k + lx) if lx else 0.0)
        out.append(score / best)
    return out


def _ranks(values: Sequence[float | None]) -> list[int]:
    """1-based ranks, highest first; equal values share the best rank; None has no rank (0)."""
    order = sorted((v for v in values if v is not None), reverse=True)
    first: dict[float, int] = {}
    for i, v in enumerate(order):
        first.setdefault(v, i + 1)
    return [first[v] if v is not None else 0 for v in values]


def training_factor(
    hits: Sequence[EvidenceHit], employee: Employee, today: dt.date, weights: Weights = Weights()
) -> Factor:
    """Training related to the question (its evidence matches it), counted more when recent.

    Each related training counts its match times a recency of 0.5 ** (age / half-life) (an unknown
    year counts as two half-lives old); several combine as 1 - prod(1 - each), so two recent ones beat
    one. No training records at all: neutral 0.5, said so; records but none related: 0.
    """
    related = [h for h in hits if h.kind == "diklat" and h.match >= RELATED_TRAINING_MATCH]
    if not related:
        if not employee.diklat:
            return Factor("diklat_terkait", 0.5, weights.training, "data diklat tidak tersedia", "no training data", "")
        return Factor(
            "diklat_terkait", 0.0, weights.training, "belum ada diklat terkait bidang ini",
            "no training related to this field", "diklat",
        )  # fmt: skip
    half_life = max(weights.training_half_life, 0.1)
    scored = []
    for hit in related:
        age = 2 * half_life if hit.year is None else max(0, today.year - hit.year)
        scored.append((hit.match * 0.5 ** (age / half_life), hit))
    scored.sort(key=lambda x: (-x[0], -(x[1].year or 0)))
    value = 1.0 - math.prod(1.0 - min(s, 1.0) for s, _ in scored)
    best = scored[0][1]
    name = best.display.split(" (")[0]
    when = str(best.year) if best.year else "?"
    more_id = f" dan {len(scored) - 1} lainnya" if len(scored) > 1 else ""
    more_en = f" and {len(scored) - 1} more" if len(scored) > 1 else ""
    return Factor(
        "diklat_terkait",
        min(1.0, value),
        weights.training,
        f"diklat terkait: {name} ({when}){more_id}",
        f"related training: {name} ({when}){more_en}",
        f"diklat {when}",
        ["diklat"],
    )


def experience_factor(hits: Sequence[EvidenceHit], employee: Employee, weights: Weights = Weights()) -> Factor:
    """Years in posts related to the question (positions whose evidence matches it well), counted
    up to ``experience_full_years``. No position history at all: neutral 0.5, said so; a history
    but no related post: 0."""
    related = [h for h in related_posts(hits) if h.years]
    if not related:
        if not employee.riwayat_jabatan:
            return Factor("pengalaman_bidang", 0.5, weights.experience, "data riwayat jabatan tidak tersedia",
                          "no position history", "")  # fmt: skip
        return Factor("pengalaman_bidang", 0.0, weights.experience, "belum ada jabatan terkait bidang ini",
                      "no post related to this field", "riwayat jabatan")  # fmt: skip
    years = related_years(related)
    longest = max(related, key=lambda h: (h.years or 0.0, h.year or 0))
    value = min(1.0, years / max(weights.experience_full_years, 0.1))
    return Factor(
        "pengalaman_bidang",
        value,
        weights.experience,
        f"{years:.1f} tahun di jabatan terkait, terlama: {longest.display}",
        f"{years:.1f} years in related posts, longest: {longest.display}",
        f"riwayat jabatan {longest.year}" if longest.year else "riwayat jabatan",
        ["jabatan"],
    )


def merit_factors(employee: Employee, today: dt.date, weights: Weights = Weights()) -> list[Factor]:
    """Recent SKP (the last three, the latest weighing most, with their trend), 9-box cell,
    assessment, discipline. Missing data is neutral (0.5) and said so."""
    factors: list[Factor] = []
    recent = employee.skp_terbaru(3)
    rated = [s for s in recent if s.predikat is not None]
    if rated:
        ordered = sorted(rated, key=lambda s: s.tahun)
        scores = [s.predikat.score for s in ordered if s.predikat]
        # The trend counts: the latest year weighs most (1, 2, 3 from the oldest of the three).
        value = sum(score * (i + 1) for i, score in enumerate(scores)) / sum(range(1, len(scores) + 1))
        years = [s.tahun for s in ordered]
        listing = ", ".join(f"{s.tahun}: {s.predikat.value}" for s in ordered if s.predikat)
        trend_id, trend_en = _trend(scores)
        factors.append(
            Factor("kinerja", value, weights.skp, f"SKP {listing}{trend_id}", f"SKP {listing}{trend_en}",
                   _span_label("SKP", years))  # fmt: skip
        )
    else:
        factors.append(Factor("kinerja", 0.5, weights.skp, "data SKP tidak tersedia", "no SKP data", ""))
    placement = place_employee(employee)
    if placement.cell is not None:
        factors.append(
            Factor(
                "kotak_talenta",
                (placement.cell - 1) / 8,
                weights.nine_box,
                f"kotak talenta {placement.cell}",
                f"9-box cell {placement.cell}",
                "kotak talenta" + (" (ekspor)" if placement.source == "ekspor" else " (dihitung dari SKP dan asesmen)"),
            )
        )
    else:
        factors.append(Factor("kotak_talenta", 0.5, weights.nine_box, "kotak talenta belum ada", "no 9-box cell", ""))
    assessment = employee.asesmen_terbaru()
    if assessment is not None and assessment.jpm is not None:
        year = assessment.tanggal.year if assessment.tanggal else None
        when = f" ({year})" if year else ""
        factors.append(
            Factor(
                "asesmen",
                max(0.0, min(1.0, assessment.jpm / 100)),
                weights.assessment,
                f"JPM asesmen {assessment.jpm:.0f}{when}",
                f"assessment JPM {assessment.jpm:.0f}{when}",
                f"asesmen kompetensi{when}",
            )
        )
    recent_discipline = [
        h
        for h in employee.hukuman_disiplin
        if h.tingkat in (TingkatDisiplin.SEDANG, TingkatDisiplin.BERAT)
        and (h.tmt_mulai is None or (today - h.tmt_mulai).days <= 3 * 365)
    ]
    if recent_discipline:
        worst = max(recent_discipline, key=lambda h: h.tingkat == TingkatDisiplin.BERAT)
        when = str(worst.tmt_mulai.year) if worst.tmt_mulai else "?"
        factors.append(
            Factor(
                "disiplin",
                0.0,
                weights.discipline,
                f"hukuman disiplin {worst.tingkat.value} ({when})",
                f"{worst.tingkat.value} disciplinary sanction ({when})",
                "hukuman disiplin",
            )
        )
    return factors


def _trend(scores: Sequence[float]) -> tuple[str, str]:
    """' (naik)' / ' (rising)' when the latest SKP is better than the oldest of the recent ones."""
    if len(scores) < 2 or scores[-1] == scores[0]:
        return ("", "")
    return (" (naik)", " (rising)") if scores[-1] > scores[0] else (" (turun)", " (falling)")


def contenders(
    relevance: dict[str, tuple[float, list[EvidenceHit]]], k: int, weights: Weights = Weights()
) -> list[str]:
    """The people who can still reach the top k once merit is applied, best relevance first.

    Merit scales relevance by a factor between w_rel / (w_rel + w_merit) and 1, so anyone whose
    relevance is below that factor times the k-th best relevance cannot enter the top k: their
    records need not even be read.
    """
    ordered = sorted(relevance, key=lambda nip: (-relevance[nip][0], nip))
    if len(ordered) <= k:
        return ordered
    total = (weights.relevance + weights.merit) or 1.0
    lowest_factor = weights.relevance / total
    bar = relevance[ordered[k - 1]][0] * lowest_factor
    return [nip for nip in ordered if relevance[nip][0] >= bar]


def _span_label(prefix: str, years: Sequence[int]) -> str:
    return f"{prefix} {years[0]}" if years[0] == years[-1] else f"{prefix} {years[0]}-{years[-1]}"


def merit_value(factors: Sequence[Factor]) -> float:
    total = sum(f.weight for f in factors)
    return sum(f.value * f.weight for f in factors) / total if total else 0.5


def _shown(hits: list[EvidenceHit]) -> list[EvidenceHit]:
    """The best piece always; others only when they are real matches. At most five."""
    return [h for i, h in enumerate(hits) if i == 0 or h.match >= SHOWN_MATCH][:5]


def related_posts(hits: Sequence[EvidenceHit]) -> list[EvidenceHit]:
    """The posts that match the question well."""
    return [h for h in hits if h.kind == "jabatan" and h.match >= RELATED_POST_MATCH]


def related_years(hits: Sequence[EvidenceHit]) -> float:
    """Years in posts that match the question well."""
    return sum(h.years or 0.0 for h in related_posts(hits))


def rank(
    hits: Sequence[EvidenceHit],
    people: dict[str, Employee],
    weights: Weights = Weights(),
    today: dt.date | None = None,
    floor: float | None = None,
    relevance: dict[str, tuple[float, list[EvidenceHit]]] | None = None,
) -> list[RankedCandidate]:
    """Deterministic ranking. Merit scales relevance (it never lifts someone outside the field).

    ``relevance`` may be passed in (from relevance_by_person) to rank only some of the people.
    """
    today = today or dt.date.today()
    if relevance is None:
        relevance = relevance_by_person(hits, floor, weights)
    total_weight = (weights.relevance + weights.merit) or 1.0
    ranked: list[RankedCandidate] = []
    for nip, (rel, person_hits) in relevance.items():
        employee = people.get(nip)
        if employee is None:  # evidence of a person not (yet) committed to the store
            continue
        merit_parts = merit_factors(employee, today, weights)
        at = len(merit_parts) - 1 if merit_parts[-1].name == "disiplin" else len(merit_parts)
        merit_parts[at:at] = [training_factor(person_hits, employee, today, weights),
                              experience_factor(person_hits, employee, weights)]  # fmt: skip
        merit = merit_value(merit_parts)
        score = rel * (weights.relevance + weights.merit * merit) / total_weight
        relevance_factor = Factor(
            "relevansi_bidang",
            rel,
            weights.relevance,
            f"relevansi bidang {rel:.2f}",
            f"field relevance {rel:.2f}",
            "",
            sorted({h.kind for h in person_hits[:5]}),
        )
        ranked.append(
            RankedCandidate(
                nip=nip,
                employee=employee,
                score=round(score, 4),
                relevance=round(rel, 4),
                merit=round(merit, 4),
                factors=[relevance_factor, *merit_parts],
                evidence=_shown(person_hits),
                nine_box=place_employee(employee).cell,
                related_years=round(related_years(person_hits), 1),
            )
        )
    ranked.sort(key=lambda c: (-c.score, c.nip))
    return ranked
