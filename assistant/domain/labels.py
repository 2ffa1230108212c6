"""The labels the service writes into a candidate (factor details and sources, evidence labels), said in
either language. The chat's cards and the answer's text both use them, so an answer is in one language."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from assistant.domain.evidence import SOURCE_LABEL
from assistant.domain.models import Predikat, TingkatDisiplin

# ---- labels the service writes inside a candidate --------------------------------------------------
# A candidate's factor details and sources and its evidence labels come in the language of the question,
# and some parts only in Indonesian (factor sources, SKP ratings, discipline levels, a post's period). A
# card shows all of them in its own language: every form that the ranking (``domain/ranking.py`` through
# ``services/talent.py``), the structured lists (``services/plans.py``) and the evidence texts
# (``domain/evidence.py``) write is listed below in both languages. Record text inside a form (a post, a
# course, a unit, a remark) is a ``{text}`` slot and stays as it is; a string no form knows is shown as it is.

PREDIKAT_EN: dict[Predikat, str] = {
    Predikat.SANGAT_BAIK: "Very good",
    Predikat.BAIK: "Good",
    Predikat.BUTUH_PERBAIKAN: "Needs improvement",
    Predikat.KURANG: "Poor",
    Predikat.SANGAT_KURANG: "Very poor",
}
DISCIPLINE_EN: dict[TingkatDisiplin, str] = {
    TingkatDisiplin.RINGAN: "light",
    TingkatDisiplin.SEDANG: "moderate",
    TingkatDisiplin.BERAT: "severe",
}
# The rows of the retirement table (``domain/data/retirement_ages.csv``): Indonesian, English, the key.
RETIREMENT_POSTS: tuple[tuple[str, str, str], ...] = (
    ("JPT", "senior executive (JPT)", "jpt"),
    ("administrator", "administrator", "administrator"),
    ("pengawas", "supervisor", "pengawas"),
    ("pelaksana", "staff post", "pelaksana"),
    ("ahli utama", "principal expert", "ahli_utama"),
    ("ahli madya", "senior expert", "ahli_madya"),
    ("ahli muda", "junior expert", "ahli_muda"),
    ("ahli pertama", "first-level expert", "ahli_pertama"),
    ("keterampilan", "skilled", "keterampilan"),
)
# Where a piece of evidence comes from: the record kinds, and the facts a structured list cites.
EVIDENCE_SOURCES: tuple[tuple[str, str], ...] = (
    *SOURCE_LABEL.values(),
    ("pendidikan", "education"),
    ("kotak talenta", "9-box"),
    ("asesmen", "assessment"),
    ("jabatan sekarang", "current post"),
    ("hukuman disiplin", "disciplinary sanction"),
    ("SKP", "SKP"),
)


class _Words:
    """A closed set of words in both languages (Indonesian, English, then other spellings the code uses)."""

    def __init__(self, rows: tuple[tuple[str, ...], ...], optional: bool = False) -> None:
        self.rows = rows
        spellings = sorted({w for row in rows for w in row if w}, key=len, reverse=True)
        self.pattern = "(?:" + "|".join(re.escape(w) for w in spellings) + ")" + ("?" if optional else "")

    def convert(self, value: str, lang: str) -> str:
        for row in self.rows:
            if value in row:
                return row[1] if lang == "en" else row[0]
        return value


def _same(value: str, lang: str) -> str:
    return value


def _date(value: str, lang: str) -> str:
    """'31-05-2031' (Indonesian) <-> '2031-05-31' (English)."""
    parts = value.split("-")
    day, month, year = parts if len(parts[0]) == 2 else parts[::-1]
    return f"{year}-{month}-{day}" if lang == "en" else f"{day}-{month}-{year}"


def _more(value: str, lang: str) -> str:
    """' dan 2 lainnya' <-> ' and 2 more' (nothing when there is one)."""
    n = re.sub(r"\D", "", value)
    if not n:
        return ""
    return f" and {n} more" if lang == "en" else f" dan {n} lainnya"


def _each(words: _Words) -> Callable[[str, str], str]:
    def convert(value: str, lang: str) -> str:
        return re.sub(words.pattern, lambda m: words.convert(m.group(0), lang), value)

    return convert


_RATING = _Words(tuple((p.value, en) for p, en in PREDIKAT_EN.items()))
_LEVEL = _Words(tuple((t.value, en) for t, en in DISCIPLINE_EN.items()))
_POST = _Words(RETIREMENT_POSTS)
_SOURCE = _Words(EVIDENCE_SOURCES)
_KIND = _Words(tuple(SOURCE_LABEL.values()))
_TREND = _Words(((" (naik)", " (rising)"), (" (turun)", " (falling)")), optional=True)
_VERIFY = _Words(((" — jenjang jabatan perlu verifikasi", " — post level to be verified"),), optional=True)

# A slot of a form: its pattern and how its value is said in a language. ``text`` is record text.
_SLOTS: dict[str, tuple[str, Callable[[str, str], str]]] = {
    "text": (r".+?", _same),
    "n": (r"\d+(?:\.\d+)?", _same),
    "year": (r"\d{4}|\?", _same),
    "span": (r"\d{4}(?:-\d{4})?", _same),
    "when": (r"(?: \(\d{4}\))?", _same),
    "month": (r"\d{2}-\d{4}", _same),
    "date": (r"\d{2}-\d{2}-\d{4}|\d{4}-\d{2}-\d{2}", _date),
    "clause": (r"(?:UU|PP) \d+/\d{4} .+", _same),
    "more": (r"(?: dan \d+ lainnya| and \d+ more)?", _more),
    "rating": (_RATING.pattern, _RATING.convert),
    "ratings": (rf"\d{{4}}: {_RATING.pattern}(?:, \d{{4}}: {_RATING.pattern})*", _each(_RATING)),
    "trend": (_TREND.pattern, _TREND.convert),
    "level": (_LEVEL.pattern, _LEVEL.convert),
    "post": (_POST.pattern, _POST.convert),
    "verify": (_VERIFY.pattern, _VERIFY.convert),
    "source": (_SOURCE.pattern, _SOURCE.convert),
    "kinds": (rf"{_KIND.pattern}(?:, {_KIND.pattern})*", _each(_KIND)),
    "held": (r".+", lambda value, lang: evidence_text("jabatan", value, lang)),  # a post, as its evidence
}
_SLOT = re.compile(r"\{(\w+)\}")


def _slot(name: str) -> tuple[str, Callable[[str, str], str]]:
    """'text2' is a second ``text`` slot in one form."""
    return _SLOTS[name.rstrip("0123456789")]


class _Form:
    """One label in both languages, e.g. 'kotak talenta {n}' / '9-box cell {n}'."""

    def __init__(self, id_: str, en: str) -> None:
        self.templates = {"id": id_, "en": en}
        self.patterns = [self._compile(id_), self._compile(en)]

    @staticmethod
    def _compile(template: str) -> re.Pattern[str]:
        out, at = [], 0
        for m in _SLOT.finditer(template):
            out.append(re.escape(template[at : m.start()]))
            out.append(f"(?P<{m.group(1)}>{_slot(m.group(1))[0]})")
            at = m.end()
        out.append(re.escape(template[at:]))
        return re.compile("".join(out))

    def match(self, text: str) -> re.Match[str] | None:
        return next((m for p in self.patterns if (m := p.fullmatch(text))), None)

    def render(self, m: re.Match[str], lang: str) -> str:
        values = {name: _slot(name)[1](value or "", lang) for name, value in m.groupdict().items()}
        return self.templates["en" if lang == "en" else "id"].format(**values)


def _forms(*pairs: tuple[str, str]) -> tuple[_Form, ...]:
    return tuple(_Form(id_, en) for id_, en in pairs)


LabelField = Literal["factor_detail", "factor_source", "evidence_source", "evidence_text"]

_FACTOR_DETAILS = _forms(
    ("relevansi bidang {n}", "field relevance {n}"),
    ("SKP {ratings}{trend}", "SKP {ratings}{trend}"),
    ("data SKP tidak tersedia", "no SKP data"),
    ("kotak talenta {n}", "9-box cell {n}"),
    ("kotak talenta belum ada", "no 9-box cell"),
    ("JPM asesmen {n}{when}", "assessment JPM {n}{when}"),
    ("hukuman disiplin {level} ({year})", "{level} disciplinary sanction ({year})"),
    ("data diklat tidak tersedia", "no training data"),
    ("belum ada diklat terkait bidang ini", "no training related to this field"),
    ("diklat terkait: {text} ({year}){more}", "related training: {text} ({year}){more}"),
    ("data riwayat jabatan tidak tersedia", "no position history"),
    ("belum ada jabatan terkait bidang ini", "no post related to this field"),
    ("{n} tahun di jabatan terkait, terlama: {held}", "{n} years in related posts, longest: {held}"),
)
_FACTOR_SOURCES = _forms(
    ("", ""),
    ("{kinds}", "{kinds}"),
    ("diklat {year}", "training {year}"),
    ("riwayat jabatan {year}", "position history {year}"),
    ("SKP {span}", "SKP {span}"),
    ("kotak talenta (ekspor)", "9-box cell (exported)"),
    ("kotak talenta (dihitung dari SKP dan asesmen)", "9-box cell (computed from SKP and assessment)"),
    ("asesmen kompetensi{when}", "competency assessment{when}"),
    ("hukuman disiplin", "disciplinary sanction"),
)
_EVIDENCE_SOURCES = _forms(("{source}", "{source}"), ("{clause}", "{clause}"))  # a clause: the legal source
# Evidence texts per kind of evidence; kinds not named here (education, a profile summary) are record text.
_EVIDENCE_TEXTS: dict[str, tuple[_Form, ...]] = {
    "jabatan": _forms(
        ("{text} ({year}-sekarang) (jabatan saat ini)", "{text} ({year}-present) (current post)"),
        ("{text} (jabatan saat ini)", "{text} (current post)"),
        ("{text} ({year}-sekarang)", "{text} ({year}-present)"),
        ("{text} sejak {month}", "{text} since {month}"),
    ),
    "diklat": _forms(
        ("{text}, {n} JP)", "{text}, {n} lesson hours)"),
        ("{text} ({n} JP)", "{text} ({n} lesson hours)"),
        ("{text}, nilai {n} ({text2})", "{text}, score {n} ({text2})"),
        ("{text}, nilai {n}", "{text}, score {n}"),
    ),
    "skp": _forms(("SKP {year}: {rating}", "SKP {year}: {rating}")),
    "kotak_talenta": _forms(("kotak {n}", "cell {n}")),
    "asesmen": _forms(("JPM {n}", "JPM {n}")),
    "pensiun": _forms(
        (
            "batas usia pensiun {n} tahun ({post}) pada {date}{verify}",
            "retirement age {n} ({post}) on {date}{verify}",
        ),
    ),
    "hukuman_disiplin": _forms(("{level}: {text}", "{level}: {text}")),
}
_FIELDS: dict[str, tuple[_Form, ...]] = {
    "factor_detail": _FACTOR_DETAILS,
    "factor_source": _FACTOR_SOURCES,
    "evidence_source": _EVIDENCE_SOURCES,
}


def _forms_of(field: LabelField, kind: str | None) -> tuple[_Form, ...]:
    return _EVIDENCE_TEXTS.get(kind or "", ()) if field == "evidence_text" else _FIELDS[field]


def _say(forms: tuple[_Form, ...], text: str, lang: str) -> str | None:
    for form in forms:
        m = form.match(text)
        if m is not None:
            return form.render(m, lang)
    return None


def data_label(field: LabelField, text: str, lang: str, kind: str | None = None) -> str:
    """A label the service wrote into a candidate (``field``; an evidence text also needs its ``kind``), said
    in ``lang``; record text inside it, and a string of no known form, as it is."""
    said = _say(_forms_of(field, kind), text, lang)
    return text if said is None else said


def known_label(field: LabelField, text: str, kind: str | None = None) -> bool:
    """Whether ``text`` is one of the forms this module translates (the tests check every label is)."""
    return _say(_forms_of(field, kind), text, "id") is not None


def evidence_text(kind: str, text: str, lang: str) -> str:
    """An evidence text (a record's display text, or a fact a structured list cites) in ``lang``."""
    return data_label("evidence_text", text, lang, kind)
