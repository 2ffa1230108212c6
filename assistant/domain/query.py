"""Light query understanding: the asker's language and the field with the question template removed.

The full parser (target post, filters in words, field thesaurus) is built on top of this.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_EN_WORDS = {
    "who", "which", "best", "suited", "suitable", "for", "the", "find", "employee", "employees",
    "staff", "with", "experience", "in", "of", "is", "are", "most", "fit", "field", "candidates",
    "civil", "servants", "servant", "lead", "office", "head", "show", "me", "list", "top", "expert",
    "and", "what", "why", "compare",
}  # fmt: skip
_ID_WORDS = {
    "siapa", "yang", "untuk", "cocok", "bidang", "paling", "dan", "di", "pegawai", "cari", "carikan",
    "dengan", "pengalaman", "ahli", "kepala", "dinas", "asn", "tolong", "mana", "calon", "kandidat",
    "sesuai", "berpengalaman", "dalam", "pada", "apa", "mengapa", "kenapa", "bandingkan", "tampilkan",
}  # fmt: skip

_TEMPLATES = [
    r"siapa(?:kah)?\s+(?:saja\s+)?(?:asn|pns|pegawai|orang)?\s*(?:yang\s+)?(?:paling\s+)?(?:cocok|tepat|sesuai|layak|pantas|berpengalaman)\s*(?:untuk|di|dalam|pada)?\s*(?:bidang|urusan|sektor)?",
    r"(?:tolong\s+)?(?:cari(?:kan)?|tampilkan|sebutkan|rekomendasikan)\s+(?:asn|pns|pegawai|kandidat|calon|orang)?\s*(?:yang\s+)?(?:paling\s+)?(?:cocok|tepat|ahli|berpengalaman|kompeten)?\s*(?:untuk|di|dalam|pada)?\s*(?:bidang)?",
    r"(?:asn|pns|pegawai)\s+(?:yang\s+)?(?:paling\s+)?(?:cocok|tepat|ahli|berpengalaman)\s*(?:untuk|di|dalam)?\s*(?:bidang)?",
    r"who\s+(?:is|are)\s+(?:the\s+)?(?:best|most)\s+(?:suited|suitable|qualified|fit|experienced)\s*(?:to|for|in)?\s*(?:the\s+)?(?:field\s+of\s+)?",
    r"who\s+(?:is|are)\s+(?:best|most)?\s*(?:for|in)\s+(?:the\s+)?",
    r"(?:find|show|list|recommend)\s+(?:me\s+)?(?:the\s+)?(?:best\s+)?(?:civil\s+servants?|employees?|staff|candidates?|people)?\s*(?:who\s+(?:are|is)\s+)?(?:suited|experienced|expert|qualified)?\s*(?:for|in|with)?\s*(?:the\s+)?(?:field\s+of\s+)?",
    r"(?:the\s+)?best\s+(?:civil\s+servants?|employees?|candidates?|people)\s+(?:for|in)\s+(?:the\s+)?",
]
_TEMPLATE_RE = [re.compile(t, re.I) for t in _TEMPLATES]
_TRAILING = re.compile(r"^(?:bidang|field(?:\s+of)?|area(?:\s+of)?|the)\s+", re.I)


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the original question
    field: str  # the question without its template: what to search for
    language: str  # "id" or "en"
    expansions: list[str] = field(default_factory=list)  # thesaurus terms added for lexical search


@lru_cache(maxsize=1)
def thesaurus() -> dict[str, list[str]]:
    """Phrase -> Indonesian terms (assistant/domain/data/field_thesaurus.json)."""
    raw = json.loads(resources.files("assistant.domain").joinpath("data/field_thesaurus.json").read_text("utf-8"))
    return {k.lower(): list(v) for k, v in raw.items() if not k.startswith("_")}


def expand(text: str) -> list[str]:
    """Thesaurus terms for every phrase of the thesaurus found in the text (whole words only)."""
    lowered = f" {re.sub(r'[^a-z0-9]+', ' ', text.lower())} "
    terms: list[str] = []
    for phrase, added in thesaurus().items():
        if f" {phrase} " in lowered:
            terms.extend(t for t in added if t not in terms)
    return terms


def detect_language(text: str, default: str = "id") -> str:
    words = re.findall(r"[a-zA-Z]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    idn = sum(w in _ID_WORDS for w in words)
    if en > idn:
        return "en"
    if idn > en:
        return "id"
    return default


def parse_query(text: str, default_language: str = "id") -> ParsedQuery:
    cleaned = " ".join(text.strip().split())
    subject = cleaned.rstrip("?!. ")
    for pattern in _TEMPLATE_RE:
        m = pattern.match(subject)
        if m and m.end() > 0:
            subject = subject[m.end() :].strip()
            break
    subject = _TRAILING.sub("", subject).strip(" ,.?!") or cleaned.rstrip("?!. ")
    return ParsedQuery(
        text=cleaned,
        field=subject,
        language=detect_language(cleaned, default_language),
        expansions=expand(subject),
    )
