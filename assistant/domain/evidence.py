"""Evidence texts: the parts of a record that carry meaning for 'who fits this field'.

Each piece has an ``embed_text`` (the meaning, without years, so the same training or post held by
many people is embedded once; a title is read by the encoder with its English words,
``encoded_text``) and a ``display`` text with the source and year, which is what a user sees as
evidence and what the search by words reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace

from assistant.domain.models import Employee, RiwayatJabatan
from assistant.domain.query import english_words

# Human names of the record kinds, used in citations ("sumber: riwayat jabatan").
SOURCE_LABEL = {
    "jabatan": ("riwayat jabatan", "position history"),
    "pendidikan": ("riwayat pendidikan", "education"),
    "diklat": ("diklat", "training"),
    "ringkasan": ("ringkasan profil", "profile summary"),
}


# Record text is data. Free text that reads like an instruction to the assistant is not indexed
# (it stays in the profile, shown as data) so it cannot pull its author up the ranking.
_INSTRUCTION = re.compile(
    r"abaikan\s+(semua\s+)?(instruksi|perintah|aturan)|ignore\s+(all\s+)?(previous|prior|above)\s+"
    r"(instructions|rules)|rekomendasikan\s+(saya|aku|dia)|recommend\s+me\b|system\s+prompt|"
    r"kandidat\s+terbaik\s+untuk\s+semua|best\s+candidate\s+for\s+(all|every)|you\s+are\s+now|"
    r"anda\s+sekarang\s+adalah|disregard\s+(the\s+)?(above|previous)",
    re.I,
)


def looks_like_instruction(text: str) -> bool:
    return bool(_INSTRUCTION.search(text))


@dataclass(frozen=True)
class EvidenceText:
    kind: str  # jabatan | pendidikan | diklat | ringkasan
    embed_text: str
    display: str
    year: int | None = None  # the year the evidence refers to (end year for positions)
    years: float | None = None  # duration in years, for positions
    encoded: str | None = None  # what the encoder reads, when not embed_text (``for_the_encoder``)

    @property
    def encoded_text(self) -> str:
        """What the encoder reads: a title with its English words, or the text as written."""
        return self.encoded or self.embed_text

    @property
    def key(self) -> str:
        """Content address of the embedded meaning (shared by identical texts across people)."""
        return hashlib.sha1(f"{self.kind}|{self.encoded_text}".encode()).hexdigest()[:20]


def for_the_encoder(title: str) -> str:
    """A record's title as the encoder reads it: the title, then the English words the glossary gives for
    it in brackets ('Pengawas Benih Tanaman Mahir' -> '... (supervisor seed crop)'). The small multilingual
    encoder reads a short Indonesian title poorly and an English one better; the title stays first, so its
    own words still count. Records and the search's generic anchors alike. An English title, or one the
    glossary does not know, is read as written."""
    extra = english_words(title)
    return f"{title} ({extra})" if extra else title


def _span(start: dt.date | None, end: dt.date | None, today: dt.date) -> tuple[str, float | None]:
    if start is None:
        return ("", None)
    stop = end or today
    years = max(0.0, (stop - start).days / 365.25)
    label = f"{start.year}-{end.year if end else 'sekarang'}"
    return (label, round(years, 1))


def _same_post(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _current_post(employee: Employee, positions: list[RiwayatJabatan], today: dt.date) -> EvidenceText | None:
    """The current post as evidence when the history does not hold it.

    Many exports (SIASN flat, SAPK, DUK, a SIMPEG without the current row in its history) list only
    earlier posts; the current one always counts, with its start date (TMT jabatan) when known. When
    a history row names the same post, that row is the evidence (merged: no second piece)."""
    if not employee.jabatan or any(_same_post(employee.jabatan, p.jabatan) for p in positions):
        return None
    label, years = _span(employee.tmt_jabatan, None, today)
    text = _join(employee.jabatan, employee.unit_kerja)
    display = text + (f" ({label})" if label else "") + " (jabatan saat ini)"
    return EvidenceText("jabatan", text, display, today.year, years)


def evidence_texts(employee: Employee, today: dt.date | None = None, english_titles: bool = True) -> list[EvidenceText]:
    """All evidence pieces of one person, in a stable order. With ``english_titles``, a post, diploma or
    course title is read by the encoder with its English words (free text as written)."""
    today = today or dt.date.today()
    out: list[EvidenceText] = []
    positions = list(employee.riwayat_jabatan)
    current = _current_post(employee, positions, today)
    if current is not None:
        out.append(current)
    for pos in positions:
        start = pos.tmt_mulai
        if start is None and pos.tmt_selesai is None and _same_post(employee.jabatan, pos.jabatan):
            start = employee.tmt_jabatan  # the current post's history row without its start: TMT jabatan
        label, years = _span(start, pos.tmt_selesai, today)
        display = _join(pos.jabatan, pos.unit_kerja) + (f" ({label})" if label else "")
        end_year = pos.tmt_selesai.year if pos.tmt_selesai else today.year
        out.append(EvidenceText("jabatan", _join(pos.jabatan, pos.unit_kerja), display, end_year, years))
    for edu in employee.pendidikan:
        if not (edu.jurusan or edu.jenjang):
            continue
        core = " ".join(x for x in (edu.jenjang.value if edu.jenjang else None, edu.jurusan) if x)
        display = _join(core, edu.institusi) + (f" ({edu.tahun_lulus})" if edu.tahun_lulus else "")
        out.append(EvidenceText("pendidikan", core, display, edu.tahun_lulus))
    for training in employee.diklat:
        details = ", ".join(
            str(x)
            for x in (
                training.penyelenggara,
                training.tahun,
                f"{training.jam_pelajaran} JP" if training.jam_pelajaran else None,
            )
            if x
        )
        display = training.nama + (f" ({details})" if details else "")
        out.append(EvidenceText("diklat", training.nama, display, training.tahun))
    if employee.ringkasan and not looks_like_instruction(employee.ringkasan):
        for passage in passages(employee.ringkasan):
            if marked_section(passage) in UNINDEXED_SECTIONS:
                continue  # referees: other people's names, nothing about this person's field (not embedded)
            out.append(EvidenceText("ringkasan", passage, passage, None))
    if english_titles:
        out = [e if e.kind == "ringkasan" else replace(e, encoded=for_the_encoder(e.embed_text)) for e in out]
    return out


# A free-text CV is cut into passages of about this many characters, at sentence ends, so every
# part of it is embedded (the encoder reads only the first few hundred characters of a text).
PASSAGE_CHARS = 400
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


# The sections of a CV. Those that say what a person does (profile, work, education, training, skills)
# and those that say what else they do: a hobby, volunteering, an organisation, references. A passage of
# the second kind is marked with its heading ("HOBBIES: ...") and counts less towards relevance
# (``domain/ranking.py``), so an accountant who writes at length about the animal shelter where they
# volunteer is not a veterinarian.
CORE_SECTIONS = (
    "PROFESSIONAL SUMMARY", "PROFILE", "SUMMARY", "ABOUT ME", "OBJECTIVE", "PROFIL", "RINGKASAN", "TENTANG SAYA",
    "WORK EXPERIENCE", "PROFESSIONAL EXPERIENCE", "EMPLOYMENT HISTORY", "CAREER HISTORY", "EXPERIENCE",
    "PENGALAMAN KERJA", "RIWAYAT PEKERJAAN", "RIWAYAT JABATAN", "PENGALAMAN", "EDUCATION", "RIWAYAT PENDIDIKAN",
    "PENDIDIKAN", "TRAINING", "PELATIHAN", "DIKLAT", "CERTIFICATIONS", "SERTIFIKASI", "SKILLS", "KEAHLIAN",
    "KETERAMPILAN", "KOMPETENSI", "ACHIEVEMENTS", "AWARDS", "PRESTASI", "PENGHARGAAN", "PUBLICATIONS", "PUBLIKASI",
    "PROJECTS", "PROYEK",
)  # fmt: skip
SIDE_SECTIONS = (
    "VOLUNTEER EXPERIENCE", "VOLUNTEER WORK", "VOLUNTEERING", "VOLUNTEER", "COMMUNITY SERVICE", "COMMUNITY",
    "PENGALAMAN ORGANISASI", "ORGANISASI", "ORGANIZATIONS", "ORGANISATIONS", "MEMBERSHIPS", "KEGIATAN SOSIAL",
    "EXTRACURRICULAR", "HOBBIES AND INTERESTS", "HOBBIES", "HOBBY", "HOBI", "INTERESTS", "MINAT", "KEGEMARAN",
    "REFERENCES", "REFEREES", "REFERENSI",
)  # fmt: skip
# A CV's references name other people and say nothing of this person's field: kept in the record's
# text, never embedded or searched (issue 15, §6: embed no more than the ranking needs).
UNINDEXED_SECTIONS = ("REFERENCES", "REFEREES", "REFERENSI")
_HEADINGS = sorted(CORE_SECTIONS + SIDE_SECTIONS, key=len, reverse=True)
# A heading: on a line of its own (any case, an optional colon), or in capitals inside a text whose lines
# were joined, where neither the word before nor the word after it is in capitals ('Kursus PENDIDIKAN
# BAHASA INGGRIS' holds no heading).
_HEADING_LINE = re.compile(r"^[ \t]*(" + "|".join(map(re.escape, _HEADINGS)) + r")[ \t]*:?[ \t]*$", re.I | re.M)
_HEADING_INLINE = re.compile(r"(?<![A-Z0-9] )(?<![A-Z0-9])\b(" + "|".join(map(re.escape, _HEADINGS)) + r")\b:?(?= (?:[A-Z](?![A-Z])|[0-9(•\-]))")


def side_section(text: str) -> bool:
    """A passage from a CV's side section (hobbies, volunteering, organisations, references)."""
    return marked_section(text) is not None


def marked_section(text: str) -> str | None:
    """The side-section heading a passage was marked with by ``passages`` ('HOBBIES: ...'), or None."""
    head = text.split(":", 1)[0]
    return head if ":" in text and head in SIDE_SECTIONS else None


def cv_sections(text: str) -> list[tuple[str | None, str]]:
    """(heading in capitals or None for the top, body) of a CV text, in order."""
    cuts = sorted({(m.start(), m.end(), m.group(1).upper()) for m in _HEADING_LINE.finditer(text)}
                  | {(m.start(), m.end(), m.group(1)) for m in _HEADING_INLINE.finditer(text)})  # fmt: skip
    out: list[tuple[str | None, str]] = []
    heading: str | None = None
    start = 0
    for begin, end, name in cuts:
        if begin < start:  # inside a heading already cut (a line match and an inline one)
            continue
        out.append((heading, text[start:begin]))
        heading, start = name, end
    out.append((heading, text[start:]))
    return [(h, body.strip()) for h, body in out if body.strip()]


def passages(text: str, size: int = PASSAGE_CHARS) -> list[str]:
    """``text`` as passages of at most about ``size`` characters, cut between sentences (a sentence
    longer than that is cut between words). A CV's side sections (hobbies, volunteering, ...) are cut
    apart from the rest, each passage marked with its heading ("HOBBIES: ...")."""
    text = text.strip()
    sections = cv_sections(text)
    if any(h in SIDE_SECTIONS for h, _ in sections):
        out: list[str] = []
        core = ""
        for heading, body in sections:
            if heading in SIDE_SECTIONS:
                out.extend(_passages(core, size))
                core = ""
                out.extend(f"{heading}: {p}" for p in _passages(body, size - len(heading) - 2))
            else:
                core = f"{core} {heading or ''} {body}".strip() if core or heading else body
        out.extend(_passages(core, size))
        return out
    return _passages(text, size)


def _passages(text: str, size: int) -> list[str]:
    text = text.strip()
    if len(text) <= size:
        return [text] if text else []
    out: list[str] = []
    current = ""
    for sentence in (s.strip() for s in _SENTENCE_END.split(text)):
        if not sentence:
            continue
        while len(sentence) > size:
            cut = sentence.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            if current:
                out.append(current)
                current = ""
            out.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > size:
            out.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        out.append(current)
    return out


def profile_text(employee: Employee) -> str:
    """One line that describes the person for the person-level vector."""
    parts = [employee.jabatan, employee.unit_kerja]
    top = employee.pendidikan_tertinggi()
    if top and top.jurusan:
        parts.append(top.jurusan)
    return "; ".join(p for p in parts if p) or employee.nama


def _join(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p)
