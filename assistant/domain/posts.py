"""Structural post levels: recognise a target post in a question, and the level of a post title.

Levels are ``pengawas`` (eselon IV), ``administrator`` (eselon III) and ``jpt_pratama`` (eselon II).
A question names a level in words ("untuk Kepala Bidang Budidaya", "eselon III", "lead the health
office"); a record names it in a title ("Kepala Seksi Perbenihan"). Functional titles that share a
word with a level ("Pengawas Perikanan", "Administrator Kesehatan") are not levels.
JPT Madya / Utama and eselon I are not recognised: the rules table covers JPT Pratama only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PENGAWAS = "pengawas"
ADMINISTRATOR = "administrator"
JPT_PRATAMA = "jpt_pratama"
POST_LEVELS: tuple[str, ...] = (PENGAWAS, ADMINISTRATOR, JPT_PRATAMA)  # lowest first

POST_LEVEL_LABEL: dict[str, tuple[str, str]] = {
    PENGAWAS: ("pengawas (eselon IV)", "supervisor (echelon IV)"),
    ADMINISTRATOR: ("administrator (eselon III)", "administrator (echelon III)"),
    JPT_PRATAMA: ("JPT Pratama (eselon II)", "senior executive, JPT Pratama (echelon II)"),
}


def level_label(level: str, lang: str = "id") -> str:
    id_label, en_label = POST_LEVEL_LABEL.get(level, (level, level))
    return en_label if lang == "en" else id_label


@dataclass(frozen=True)
class TargetPost:
    level: str  # pengawas | administrator | jpt_pratama
    title: str | None = None  # the post as named in the text ("Kepala Bidang Budidaya"), if named


# Indonesian titles of structural posts, most specific first. Each matches the start of a title.
_TITLES: tuple[tuple[str, str], ...] = (
    (r"sekretaris\s+daerah|sekda", JPT_PRATAMA),
    (r"sekretaris\s+(?:dprd|dewan)|sekwan", JPT_PRATAMA),
    (r"sekretaris\s+kelurahan|sekel", PENGAWAS),
    (r"sekretaris\s+(?:dinas|badan|inspektorat|kecamatan|satuan|satpol|kantor|rsud|rumah\s+sakit)|sekdis|sekban|sekcam", ADMINISTRATOR),
    (r"asisten\s+(?:sekretaris\s+daerah|sekda|pemerintahan|perekonomian|administrasi)", JPT_PRATAMA),
    (r"staf\s+ahli\s+(?:bupati|wali\s*kota|gubernur)", JPT_PRATAMA),
    (r"kepala\s+(?:satuan\s+polisi\s+pamong\s+praja|satpol\s*pp)", JPT_PRATAMA),
    (r"kepala\s+pelaksana\s+(?:bpbd|badan\s+penanggulangan)", JPT_PRATAMA),
    (r"kepala\s+(?:dinas|badan|biro)|kadis|kaban", JPT_PRATAMA),
    (r"(?<!wakil\s)direktur\s+(?:rsud|rumah\s+sakit)", JPT_PRATAMA),
    (r"inspektur\s+pembantu|irban", ADMINISTRATOR),
    (r"inspektur(?!\s+pembantu)", JPT_PRATAMA),
    (r"kepala\s+sub[\s-]?(?:bagian|bidang|seksi)|kasubb?ag|kasubb?id", PENGAWAS),
    (r"kepala\s+(?:bidang|bagian|kantor)|kabid|kabag", ADMINISTRATOR),
    (r"wakil\s+direktur", ADMINISTRATOR),
    (r"camat", ADMINISTRATOR),
    (r"kepala\s+(?:seksi|uptd?|puskesmas)", PENGAWAS),
    (r"lurah", PENGAWAS),
)  # fmt: skip
_TITLE_RE = [(re.compile(rf"\b(?:{p})\b", re.I), level) for p, level in _TITLES]
_ACTING = re.compile(r"^\s*(?:plt|plh|pj|pjs)\.?\s+", re.I)

# Words that end the name after a title ("Kepala Bidang Budidaya | di Dinas Perikanan").
_NAME_STOP = frozenset(
    """
    di pada yang untuk dari ke dengan dalam siapa apa mana ini itu kalau jika sebagai atau adalah
    saja nanti tahun paling cocok layak siap bisa akan sudah belum kandidat calon eselon bidang
    jabatan posisi menjadi jadi who which for in at of the with and is are
    """.split()
)
_NAME_HEADS = frozenset({"kepala", "sekretaris", "camat", "lurah", "inspektur", "direktur", "wakil"})
_SMALL_WORDS = frozenset({"dan", "serta", "&"})

# A level named as a word. Its follower must not be a name ("Pengawas Perikanan" is a JF title).
_FOLLOW = (
    r"(?=\s*(?:$|[?!.,;:()]|(?:di|pada|yang|dan|atau|untuk|dari|bidang|eselon|level|post|position|role|"
    r"in|at|for|of|dinas|badan|kantor|kecamatan|kelurahan|sekretariat|setda|inspektorat|rsud|bappeda|"
    r"puskesmas|uptd?)\b))"
)
_LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?:jabatan\s+)?pimpinan\s+tinggi(?!\s+(?:madya|utama))(?:\s+pratama)?", JPT_PRATAMA),
    (r"jpt(?!\s*(?:madya|utama))(?:\s*pratama)?", JPT_PRATAMA),
    (r"administrator" + _FOLLOW, ADMINISTRATOR),
    (r"pengawas" + _FOLLOW, PENGAWAS),
)
_ESELON = re.compile(r"\b(?:eselon|echelon)\s*(iv|iii|ii|4|3|2)(?:\s*[./-]?\s*[ab])?(?![a-z0-9])", re.I)
_ESELON_LEVEL = {
    "iv": PENGAWAS,
    "4": PENGAWAS,
    "iii": ADMINISTRATOR,
    "3": ADMINISTRATOR,
    "ii": JPT_PRATAMA,
    "2": JPT_PRATAMA,
}

_ART = r"(?:the\s+|an?\s+)?"
_WORDS = r"(?:[\w-]+\s+){0,5}?"
# English phrases. Within "head of ..." the smaller unit is tried first, so "head of the fisheries
# division of the marine office" is a division head.
_ENGLISH: tuple[tuple[str, str, bool], ...] = (  # (pattern, level, names a post)
    (rf"head\s+of\s+{_ART}{_WORDS}(?:sub-?sections?|sections?|sub-?divisions?|(?:urban\s+)?villages?)\b", PENGAWAS, True),
    (r"(?:section|sub-?division|sub-?section|(?:urban\s+)?village)\s+heads?\b", PENGAWAS, True),
    (rf"head\s+of\s+{_ART}{_WORDS}(?:divisions?|bureaus?|sub-?districts?)\b", ADMINISTRATOR, True),
    (r"(?:division|bureau|sub-?district)\s+heads?\b|deputy\s+director\b", ADMINISTRATOR, True),
    (rf"head\s+of\s+{_ART}{_WORDS}(?:offices?|agenc(?:y|ies)|departments?|services?|boards?)\b", JPT_PRATAMA, True),
    (r"(?:office|agency|department)\s+heads?\b|regional\s+secretary\b|hospital\s+director\b", JPT_PRATAMA, True),
    (rf"(?:lead|run|head|manage|direct)s?\s+{_ART}{_WORDS}(?:sections?)\b", PENGAWAS, False),
    (rf"(?:lead|run|head|manage|direct)s?\s+{_ART}{_WORDS}(?:divisions?|bureaus?)\b", ADMINISTRATOR, False),
    (rf"(?:lead|run|head|manage|direct)s?\s+{_ART}{_WORDS}(?:offices?|agenc(?:y|ies)|departments?|services?)\b", JPT_PRATAMA, False),
    (r"supervis(?:or|ory)\s+(?:posts?|positions?|levels?|roles?|jobs?)\b", PENGAWAS, False),
    (r"(?:for|as|to|become|becoming)\s+(?:a\s+|an\s+|the\s+)?supervisor\b(?!\s+(?:of|for)\b)", PENGAWAS, False),
    (r"senior\s+executive\b|high[\s-]+leadership\s+(?:post|position)s?\b", JPT_PRATAMA, False),
)  # fmt: skip
_ENGLISH_RE = [(re.compile(rf"\b{p}", re.I), level, named) for p, level, named in _ENGLISH]
_LEVEL_WORDS_RE = [(re.compile(rf"\b(?:{p})", re.I), level) for p, level in _LEVEL_WORDS]

# A target is usually introduced: "untuk Kepala Bidang", "jadi administrator", "for the head of".
_CUE = re.compile(
    r"\b(?:untuk|jadi|menjadi|sebagai|calon|promosi|kalau|for|as|become|becoming|to|into)\s+"
    r"(?:(?:jabatan|posisi|a|an|the)\s+)?$",
    re.I,
)


def level_of_title(title: str | None) -> str | None:
    """Level of a structural post title ('Kepala Seksi Perbenihan' -> 'pengawas'); None otherwise."""
    if not title:
        return None
    text = _ACTING.sub("", " ".join(title.split()))
    for pattern, level in _TITLE_RE:
        if pattern.match(text):
            return level
    return None


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    order: int  # pattern order: the earlier pattern wins at the same start
    level: str
    title: str | None


def _hits(text: str) -> list[_Hit]:
    hits: list[_Hit] = []
    order = 0
    for pattern, level in _TITLE_RE:
        for m in pattern.finditer(text):
            title, end = _with_name(text, m.start(), m.end())
            hits.append(_Hit(m.start(), end, order, level, title))
        order += 1
    for pattern, level, named in _ENGLISH_RE:
        for m in pattern.finditer(text):
            hits.append(_Hit(m.start(), m.end(), order, level, m.group(0) if named else None))
        order += 1
    for pattern, level in _LEVEL_WORDS_RE:
        for m in pattern.finditer(text):
            hits.append(_Hit(m.start(), m.end(), order, level, None))
        order += 1
    for m in _ESELON.finditer(text):
        hits.append(_Hit(m.start(), m.end(), order, _ESELON_LEVEL[m.group(1).lower()], None))
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.order)):
        if all(hit.start >= c.end or hit.end <= c.start for c in chosen):
            chosen.append(hit)
    return chosen


def _with_name(text: str, start: int, end: int) -> tuple[str, int]:
    """Extend a title with the unit name after it; return (title, end)."""
    rest = re.split(r"[?!,;:()\n]|\.(?:\s|$)", text[end:], maxsplit=1)[0]
    words = list(re.finditer(r"\S+", rest))
    last = end
    for i, w in enumerate(words):
        word = w.group(0).lower()
        if word in _NAME_STOP or word in _NAME_HEADS or i >= 6:
            break
        if word in _SMALL_WORDS:
            following = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
            if not following or following in _NAME_STOP or following in _NAME_HEADS:
                break
            continue
        last = end + w.end()
    return _title_case(text[start:last]), last


def _title_case(title: str) -> str:
    words = " ".join(title.split()).split(" ")
    return " ".join(
        w if (w.lower() in _SMALL_WORDS and i) or any(c.isupper() for c in w) else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def target_post_from_text(text: str) -> TargetPost | None:
    """The post a question asks about, with its name when one is given; None when none is named.

    When several posts are named ("Kepala Seksi mana yang siap jadi Kepala Bidang?"), the one
    introduced as the target ("untuk", "jadi", "for", "as") wins, else the first.
    """
    found = target_post_span(text)
    return found[0] if found else None


def target_post_span(text: str) -> tuple[TargetPost, int, int] | None:
    """The target post and where the question names it (start, end)."""
    if not text or not text.strip():
        return None
    hits = _hits(text)
    if not hits:
        return None
    cued = [h for h in hits if _CUE.search(text[max(0, h.start - 40) : h.start])]
    best = (cued or hits)[0]
    return TargetPost(best.level, best.title), best.start, best.end


def post_level_from_text(text: str) -> str | None:
    """'untuk Kepala Bidang Budidaya' -> 'administrator'; 'lead the health office' -> 'jpt_pratama'."""
    target = target_post_from_text(text)
    return target.level if target else None
