"""Follow-up questions in a conversation, understood by rules (deterministic and auditable).

"bandingkan dua teratas", "yang pernah ikut diklat PIM saja?", "kalau untuk Kepala Dinas?",
"why is the second one ranked higher?", "tampilkan profil lengkap nomor 3" refer to the previous
answer; they are turned into an action on it, or into a standalone search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ORDINALS = {
    "pertama": 1, "kesatu": 1, "satu": 1, "first": 1, "one": 1, "1st": 1, "teratas": 1, "top": 1,
    "kedua": 2, "dua": 2, "second": 2, "two": 2, "2nd": 2,
    "ketiga": 3, "tiga": 3, "third": 3, "three": 3, "3rd": 3,
    "keempat": 4, "empat": 4, "fourth": 4, "four": 4, "4th": 4,
    "kelima": 5, "lima": 5, "fifth": 5, "five": 5, "5th": 5,
}  # fmt: skip

_COMPARE = re.compile(r"\b(bandingkan|perbandingan|compare|comparison|versus|vs)\b", re.I)
_EXPLAIN = re.compile(
    r"\b(mengapa|kenapa|why|alasan|apa sebab|how come|explain|jelaskan)\b.*\b(lebih tinggi|di atas|peringkat|ranked|higher|above|urutan|nomor|number|first|second|kedua|pertama)\b",
    re.I,
)
_PROFILE = re.compile(r"\b(profil|profile|riwayat lengkap|detail|rincian|full record|data lengkap)\b", re.I)
_RETARGET = re.compile(
    r"^(kalau|bagaimana kalau|bagaimana jika|jika|seandainya|what about|how about|and for|what if)\b", re.I
)
_REFINE = re.compile(
    r"^(yang|hanya|cuma|saja|only|just|those|filter|which of them|who among them|among them|dari mereka)\b|"
    r"\b(saja|only)\s*\??$",
    re.I,
)
_TOP_N = re.compile(r"\b(dua|tiga|empat|two|three|four|2|3|4)\s+(teratas|terbaik|top|pertama|first|best)\b|"
                    r"\b(top|first)\s+(two|three|four|2|3|4)\b", re.I)  # fmt: skip
_NUMBERS = re.compile(r"\b(?:nomor|no\.?|number|#|peringkat|rank(?:ed)?)\s*(\d)\b", re.I)


@dataclass(frozen=True)
class FollowUp:
    kind: str  # new | compare | explain | profile | refine | retarget
    ranks: list[int] = field(default_factory=list)  # 1-based ranks in the previous answer
    text: str = ""  # the question as asked


def _word_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _ORDINALS.get(word.lower())


def _ranks(text: str) -> list[int]:
    """Ranks named in the text: 'nomor 3', 'number 2', 'yang kedua', '1 dan 3', 'the second one'."""
    found: list[int] = [int(n) for n in _NUMBERS.findall(text)]
    if found:  # "nomor 1 dan 3": the bare digits that follow are ranks too
        found.extend(int(d) for d in re.findall(r"\b([1-9])\b", text))
    m = _TOP_N.search(text)
    if m:
        n = _word_number(next(g for g in (m.group(1), m.group(4)) if g))
        if n:
            found.extend(range(1, n + 1))
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        n = _ORDINALS.get(word)
        if n and word not in ("satu", "one", "dua", "two", "tiga", "three", "empat", "four", "lima", "five", "top"):
            found.append(n)
    if not found:
        found = [int(d) for d in re.findall(r"\b([1-9])\b", text)]
    return list(dict.fromkeys(found))


def parse_followup(text: str, has_history: bool) -> FollowUp:
    """What a message asks of the previous answer; 'new' when there is no history or no reference."""
    q = " ".join(text.strip().split())
    if not has_history:
        return FollowUp("new", text=q)
    if _COMPARE.search(q):
        ranks = _ranks(q) or [1, 2]
        if len(ranks) == 1:
            ranks = [ranks[0], ranks[0] + 1] if ranks[0] == 1 else [1, ranks[0]]
        return FollowUp("compare", ranks[:4], q)
    if _EXPLAIN.search(q):
        ranks = _ranks(q) or [1, 2]
        if len(ranks) == 1:
            r = ranks[0]
            ranks = [r, r + 1] if r == 1 else [r - 1, r] if "lebih tinggi" not in q.lower() and "higher" not in q.lower() else [r, r + 1]
        return FollowUp("explain", ranks[:2], q)
    if _PROFILE.search(q):
        return FollowUp("profile", (_ranks(q) or [1])[:1], q)
    if _RETARGET.search(q):
        return FollowUp("retarget", text=q)
    if _REFINE.search(q):
        return FollowUp("refine", text=q)
    return FollowUp("new", text=q)
