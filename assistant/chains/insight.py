"""What the list does not say at a glance, written by code from the ranking: who stands out and on
which factors, where the runner-up is stronger, and what to check before deciding.

Every sentence is built from the candidates' own factors and eligibility rules, so none can be
unsupported; it is shown with the facts, at once, whether or not a language model writes a note.
"""

from __future__ import annotations

from assistant.domain.labels import data_label
from assistant.services.schemas import CandidateOut, SearchResult

# The merit factors a reader weighs, in the order they are named.
_ORDER = ("kinerja", "kotak_talenta", "asesmen", "pengalaman_bidang", "diklat_terkait", "disiplin")
_T = {
    "id": {
        "heading": "**Catatan** (disusun dari rekaman, bukan oleh model):",
        "stands": "{name} unggul pada {what}.",
        "leads": "{name} unggul pada skor gabungan ({score:.2f}) tanpa satu faktor yang melampaui semua kandidat lain.",
        "close": "Selisih skor {a} dan {b} tipis ({sa:.2f} dan {sb:.2f}).",
        "runner": "{b} lebih kuat pada {what}.",
        "runner_none": "{b} tidak lebih kuat pada satu pun faktor merit.",
        "check": "Sebelum memutuskan, periksa untuk {name}: {what}.",
        "no_cell": "kotak talenta belum ada",
        "no_jpm": "belum ada hasil asesmen kompetensi",
        "falling": "SKP menurun",
        "discipline": "catatan hukuman disiplin",
        "not_met": "belum memenuhi syarat jabatan: {what}",
        "verify": "perlu verifikasi: {what}",
    },
    "en": {
        "heading": "**Note** (drawn from the records, not by a model):",
        "stands": "{name} is strongest on {what}.",
        "leads": "{name} leads on the combined score ({score:.2f}) without one factor ahead of every other candidate.",
        "close": "The scores of {a} and {b} are close ({sa:.2f} and {sb:.2f}).",
        "runner": "{b} is stronger on {what}.",
        "runner_none": "{b} is not stronger on any merit factor.",
        "check": "Before deciding, check for {name}: {what}.",
        "no_cell": "no 9-box cell yet",
        "no_jpm": "no competency assessment yet",
        "falling": "SKP falling",
        "discipline": "a disciplinary record",
        "not_met": "does not yet meet the post's requirements: {what}",
        "verify": "to be verified: {what}",
    },
}


def _value(c: CandidateOut, name: str) -> float | None:
    return next((f.value for f in c.factors if f.name == name), None)


def factor_detail(c: CandidateOut, name: str, lang: str) -> str:
    """The factor as the record says it ('SKP 2024: Sangat Baik, 2025: Sangat Baik', 'kotak talenta 9',
    '16.2 tahun di jabatan terkait'), in ``lang``."""
    f = next(f for f in c.factors if f.name == name)
    return data_label("factor_detail", f.detail, lang).split(", terlama")[0].split(", longest")[0]


def join_words(parts: list[str], lang: str) -> str:
    """'a', 'a dan b', 'a, b dan c' (or 'and'), in ``lang``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" and " if lang == "en" else " dan ") + parts[-1]


def insight(result: SearchResult) -> list[str]:
    """The sentences of the note, in the answer's language; none for a structured answer, a weak
    match or an empty list."""
    cands = result.candidates
    if not cands or result.weak_match or result.understood is not None or result.status != "ok":
        return []
    lang = result.language
    t = _T[lang]
    first, others = cands[0], cands[1:]
    out: list[str] = []
    strong, better = _named_factors(cands)
    if strong:
        out.append(t["stands"].format(name=first.nama, what=join_words([factor_detail(first, n, lang) for n in strong], lang)))
    else:
        out.append(t["leads"].format(name=first.nama, score=first.score))
    if others:
        second = others[0]
        if first.score - second.score < 0.02:
            out.append(t["close"].format(a=first.nama, b=second.nama, sa=first.score, sb=second.score))
        if better:
            out.append(t["runner"].format(b=second.nama, what=join_words([factor_detail(second, n, lang) for n in better], lang)))
        else:
            out.append(t["runner_none"].format(b=second.nama))
    checks = checks_for(first, lang)
    if checks:
        out.append(t["check"].format(name=first.nama, what="; ".join(checks)))
    return out


def _named_factors(cands: list[CandidateOut]) -> tuple[list[str], list[str]]:
    """The factors the note names: where rank 1 leads everyone listed, and where rank 2 is stronger
    than rank 1 (at most two each)."""
    first, others = cands[0], cands[1:]
    strong = [
        name
        for name in _ORDER
        if (v := _value(first, name)) is not None and v >= 0.75 and all(v >= (_value(o, name) or 0.0) for o in others)
    ]
    better = [
        name
        for name in _ORDER
        if others and (v2 := _value(others[0], name)) is not None and v2 > (_value(first, name) or 0.0) + 0.05
    ]
    return strong[:2], better[:2]


def insight_factors(result: SearchResult) -> set[tuple[int, str]]:
    """(rank, factor) for each factor the note names, so another note does not say it again."""
    if not insight(result):
        return set()
    strong, better = _named_factors(result.candidates)
    return {(1, n) for n in strong} | {(2, n) for n in better}


def checks_for(c: CandidateOut, lang: str) -> list[str]:
    """What to check before deciding on ``c``: unmet or unverified post requirements, no 9-box cell
    or assessment yet, a falling SKP, a disciplinary record."""
    t = _T[lang]
    checks: list[str] = []
    if c.eligibility is not None:
        not_met = [r.detail for r in c.eligibility.rules if r.hard and r.status == "tidak memenuhi"]
        unsure = [r.detail for r in c.eligibility.rules if r.status == "perlu verifikasi"]
        if not_met:
            checks.append(t["not_met"].format(what="; ".join(not_met[:2])))
        if unsure:
            checks.append(t["verify"].format(what="; ".join(unsure[:2])))
    said = " ".join(checks).lower()
    if c.kotak_talenta is None and t["no_cell"].split(" yet")[0].lower() not in said:
        checks.append(t["no_cell"])
    if not any(f.name == "asesmen" and f.source for f in c.factors):
        checks.append(t["no_jpm"])
    if any(f.name == "kinerja" and "(turun)" in f.detail for f in c.factors):
        checks.append(t["falling"])
    if any(f.name == "disiplin" and f.value < 1.0 for f in c.factors):
        checks.append(t["discipline"])
    return checks


def insight_text(result: SearchResult) -> str:
    sentences = insight(result)
    return (_T[result.language]["heading"] + " " + " ".join(sentences)) if sentences else ""
