"""Grounding guard: an answer may name only the people that were retrieved and ranked."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.services.schemas import CandidateOut, SearchResult

_NIP = re.compile(r"\b\d{18}\b")
_NIP_MENTION = re.compile(r"\bNIP\W{0,3}([0-9][0-9A-Za-z ]{0,25})", re.I)


@dataclass(frozen=True)
class GuardVerdict:
    ok: bool
    problems: list[str] = field(default_factory=list)


_CELL = re.compile(r"\b(?:kotak(?:\s+talenta)?|(?:9-box\s+)?cell|box)\s*(?:ke-?|no\.?|nomor|number)?\s*(\d)\b", re.I)
_PREDIKAT = re.compile(r"\b(sangat\s+baik|butuh\s+perbaikan|sangat\s+kurang|baik|kurang)\b", re.I)
_RANK = re.compile(r"\b(?:peringkat|urutan|nomor|rank(?:ed)?|number|#)\s*(\d+)", re.I)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]


def _about(sentence: str, result: SearchResult) -> CandidateOut | None:
    """The candidate a sentence talks about: the first one named in it."""
    low = sentence.lower()
    named = [(low.find(c.nama.lower()), c) for c in result.candidates if c.nama.lower() in low]
    return min(named, key=lambda x: x[0])[1] if named else None


def _predicates(c: CandidateOut) -> set[str]:
    detail = " ".join(f.detail for f in c.factors if f.name == "kinerja").lower()
    return {m.group(1).lower() for m in _PREDIKAT.finditer(detail)}


def check_answer(answer: str, result: SearchResult, known_names: Mapping[str, str]) -> GuardVerdict:
    """Every NIP must be a candidate's; no other stored person's name may appear; a 9-box cell,
    an SKP predicate or a rank stated about a candidate must be that candidate's."""
    allowed_nips = {c.nip for c in result.candidates}
    allowed_names = {c.nama.lower() for c in result.candidates}
    problems: list[str] = []
    for nip in _NIP.findall(answer):
        if nip not in allowed_nips:
            problems.append(f"NIP di luar hasil pencarian: {nip}")
    for mention in _NIP_MENTION.findall(answer):
        digits = re.sub(r"\D", "", mention)
        if len(digits) != 18 or digits not in allowed_nips:
            problems.append(f"NIP tidak lengkap atau salah: {mention.strip()}")
    lowered = answer.lower()
    for nip, name in known_names.items():
        if nip in allowed_nips or not name or name.lower() in allowed_names:
            continue
        if len(name) >= 6 and name.lower() in lowered:
            problems.append(f"nama di luar hasil pencarian: {name}")
    cells = {c.kotak_talenta for c in result.candidates if c.kotak_talenta}
    all_predicates = set().union(*(_predicates(c) for c in result.candidates)) if result.candidates else set()
    for sentence in _sentences(answer):
        who = _about(sentence, result)
        for m in _CELL.finditer(sentence):
            cell = int(m.group(1))
            if (who is not None and who.kotak_talenta != cell) or (who is None and cell not in cells):
                problems.append(f"kotak talenta salah: {m.group(0)!r}" + (f" untuk {who.nama}" if who else ""))
        for m in _PREDIKAT.finditer(sentence):
            context = sentence[max(0, m.start() - 40) : m.start()].lower()
            if "skp" not in context and "predikat" not in context and "kinerja" not in context and "rating" not in context:
                continue  # 'baik' as an ordinary word
            pred = m.group(1).lower()
            allowed = _predicates(who) if who is not None else all_predicates
            if pred not in allowed:
                problems.append(f"predikat SKP salah: {m.group(0)!r}" + (f" untuk {who.nama}" if who else ""))
        for m in _RANK.finditer(sentence):
            if int(m.group(1)) > len(result.candidates) or (
                who is not None and int(m.group(1)) != who.rank and len(result.candidates) > 1
                and sentence.lower().find(who.nama.lower()) < m.start()
            ):
                problems.append(f"peringkat salah: {m.group(0)!r}")
    return GuardVerdict(ok=not problems, problems=problems)
