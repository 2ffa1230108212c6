"""Grounding guard: an answer may name only the people that were retrieved and ranked."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.services.schemas import SearchResult

_NIP = re.compile(r"\b\d{18}\b")
_NIP_MENTION = re.compile(r"\bNIP\W{0,3}([0-9][0-9A-Za-z ]{0,25})", re.I)


@dataclass(frozen=True)
class GuardVerdict:
    ok: bool
    problems: list[str] = field(default_factory=list)


def check_answer(answer: str, result: SearchResult, known_names: Mapping[str, str]) -> GuardVerdict:
    """Every NIP must be a candidate's; no other stored person's name may appear."""
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
    return GuardVerdict(ok=not problems, problems=problems)
