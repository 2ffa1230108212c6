"""Light query understanding: the asker's language and the field with the question template removed.

The full parser (target post, filters in words, field thesaurus) is built on top of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    field = cleaned.rstrip("?!. ")
    for pattern in _TEMPLATE_RE:
        m = pattern.match(field)
        if m and m.end() > 0:
            field = field[m.end() :].strip()
            break
    field = _TRAILING.sub("", field).strip(" ,.?!") or cleaned.rstrip("?!. ")
    return ParsedQuery(text=cleaned, field=field, language=detect_language(cleaned, default_language))
