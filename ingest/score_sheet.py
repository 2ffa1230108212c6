"""Trainers' score sheets: one diklat record per participant, with the score as written.

A score sheet is what a trainer or organiser hands over after a training: an XLSX (sometimes a
CSV) with a few title rows ::

    REKAPITULASI NILAI AKHIR PESERTA
    PELATIHAN ARTIFICIAL INTELLIGENCE (AI) BAGI ASN
    PEMERINTAH KABUPATEN X TAHUN 2025

    No | NIP | Nama | Unit Kerja | Nilai Akhir | Keterangan
    1  | 19870312 201001 1 003 | Bagus Prasetyo, S.Kom. | Diskominfo | 87,5 | Memuaskan

``layouts/nilai-pelatihan.toml`` holds the words; this module does the rest:

* detection, per sheet (or CSV file), from ONE header row: a NIP column, a participant-name column
  and a score column, in the first ``header_search_rows`` rows. A sheet with no title rows whose
  sheet / file name is a Talenta table (``diklat.csv`` with nip, nama, nilai) stays Talenta's own
  format. A two-row header ("Nilai" over "Pre Test | Post Test | Akhir") is joined first.
* the training, from the title rows: its name (the row with "PELATIHAN", "DIKLAT", "BIMTEK" ...,
  from that word on; else the sheet or file name), the year (a 19xx / 20xx in the training row,
  then "TAHUN 2025" or any year in the other title rows, then the sheet / file name), the organiser
  when a title row says so ("Penyelenggara: ...", "... diselenggarakan oleh ..."), the hours
  ("30 JP") and the kind: ``teknis`` unless the title says otherwise (kepemimpinan / PKA / PKP ->
  struktural, pelatihan dasar / latsar -> prajabatan, fungsional -> fungsional).
* the rows: blank rows, a repeated header, a column-number row and the footer (signatures,
  "Rata-rata", "Keterangan: ...") are skipped; a row with a name or a NIP is a participant.

Scores. ``Diklat.nilai`` is the score **as written on the sheet**, on the sheet's own scale: 87.5
on a 0-100 sheet, 8.75 on a 0-10 sheet. Nothing is converted. The scale is decided per sheet: the
header when it states one ("Nilai Akhir (0-100)", "(skala 10)"), else from the values (any score
above 10 means 0-100). It is written in the sheet's report line ("skala nilai 0-100"), and
:func:`score_out_of_10` converts a score when its scale is known. A score above the scale is
rejected. ``Diklat.predikat`` is the Predikat / Keterangan text as written ("Sangat Memuaskan",
"Lulus").

Joining (:func:`attach`, called by :mod:`ingest.assemble` after every other table): a row whose
NIP has a pegawai row in this import becomes one of that person's diklat records (a diklat record
from another table with the same training name and year gets the score instead of a second
record); a warning when the sheet's name clearly is another person's. A row whose NIP is not in
this import becomes an *addition* (``LoadResult.additions``: NIP and Diklat, for the pipeline to
merge into the stored record), with a warning; it never creates a person. An invalid NIP rejects
the row. The same participant twice in one training: the same score is merged with a warning, a
different score keeps the first and rejects the later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from assistant.domain.models import Diklat
from ingest.layout import Layout, header_key
from ingest.readers import (
    RawRow,
    RawTable,
    ReadOptions,
    XlsxSheet,
    build_table,
    is_column_numbers,
    read_header,
    resolve_column,
    table_for,
)
from ingest.report import WARNING, RowIssue
from ingest.schema import DIKLAT, PEGAWAI
from ingest.values import YEAR_MAX, YEAR_MIN, ValueProblem, clean_float, is_missing, split_titles

if TYPE_CHECKING:
    from ingest.assemble import Assembler, Draft, Loc

log = logging.getLogger(__name__)

KIND = "score-sheet"
SCALES = (10, 100)
ADDITION_REASON = (
    "peserta tidak ada di data pegawai impor ini; nilai ditambahkan ke data tersimpan bila NIP ada"
)

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_TAHUN_YEAR = re.compile(r"\btahun(?:\s+anggaran)?\s*[:.]?\s*((?:19|20)\d{2})(?!\d)", re.I)
_TRAILING_YEAR = re.compile(
    r"[\s,.\-:]*(?:\b(?:tahun|ta\.?)(?:\s+anggaran)?\s*[:.]?\s*)?(?:19|20)\d{2}\s*$", re.I
)
_HOURS = re.compile(r"(?<!\d)(\d{1,4})\s*(?:jp|jpl|jam\s+pelajaran)\b", re.I)
_HOURS_PART = re.compile(r"\s*[(\[]?\s*\d{1,4}\s*(?:jp|jpl|jam\s+pelajaran)\s*[)\]]?", re.I)
# A header's stated scale: "(0-100)", "(0 - 10)", "skala 100", "/100", "maks. 10".
_SCALE_HINT = re.compile(
    r"(?:\b0\s*[-\u2013s/d.]+\s*|\bskala\s*(?:0\s*[-\u2013]\s*)?|/\s*|\bmaks(?:imal|\.)?\s*)(100|10)\b", re.I
)
_PARENS = re.compile(r"[(\[][^)\]]*[)\]]")
_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z .]{1,40}?)\s*:\s*(?P<value>\S.*)$")
_NAME_LABELS = re.compile(r"^(?:nama\s+(?:pelatihan|diklat|kegiatan|kursus|bimtek|program)|kegiatan|judul|program|materi)$",
                          re.I)  # fmt: skip
_GENERIC_NAME = re.compile(r"^(?:sheet|lembar|data|halaman|page|nilai|rekap|rekapitulasi|hasil|daftar|book)[\s_\-]*\d*$",
                           re.I)  # fmt: skip
# The first text of a row without a NIP that ends the table: signatures, totals, a legend, a place
# and date ("Jakarta, 14 Maret 2025").
_FOOTER = re.compile(
    r"^(?:mengetahui|menyetujui|disahkan|kepala\b|ketua\b|panitia\b|sekretaris\b|koordinator\b|widyaiswara\b|"
    r"fasilitator\b|pengajar\b|instruktur\b|narasumber\b|penanggung\s*jawab\b|plt\b|plh\b|a\.?\s?n\.?\s|"
    r"bupati\b|wali\s?kota\b|gubernur\b|jumlah\b|total\b|rata|nilai\s+(?:tertinggi|terendah|rata)|"
    r"keterangan\b|ket\s*[:.]|catatan\b|\*|nb\b|ditetapkan\b|dikeluarkan\b|dibuat\b|diperiksa\b|pejabat\b)"
    r"|^[a-z][a-z .'\-]*,\s*\d{1,2}[\s\-]+[a-z]+[\s\-]+\d{4}$",
    re.I,
)
_NIP_LABEL = re.compile(r"^\s*nip\b", re.I)  # "NIP. 19650101 ..." under a signature


def score_out_of_10(nilai: float | None, scale: int | None) -> float | None:
    """A score on the 0-10 scale: ``nilai`` as written on a sheet of ``scale`` 10 or 100.

    ``score_out_of_10(87.5, 100) == 8.75``; ``score_out_of_10(8.75, 10) == 8.75``; None stays None.
    Raises ValueError for another scale (an unknown scale is not guessed)."""
    if scale not in SCALES:
        raise ValueError(f"skala nilai harus 10 atau 100, bukan {scale!r}")
    if nilai is None:
        return None
    return nilai / 10 if scale == 100 else nilai


def scale_of(values: Sequence[float], stated: int | None = None) -> int | None:
    """The scale of one sheet: the one its header states, else 100 when any value is above 10,
    else 10; None without a stated scale or any value."""
    if stated is not None:
        return stated
    if not values:
        return None
    return 100 if max(values) > 10 else 10


# --- the training, from the title rows ----------------------------------------------------------


@dataclass(frozen=True)
class Training:
    """What the title rows (or the file name) say about the training; ``sources`` says where each
    value came from ("judul baris 2", "nama file")."""

    nama: str
    jenis: str
    tahun: int | None = None
    penyelenggara: str | None = None
    jam_pelajaran: int | None = None
    sources: dict[str, str] = field(default_factory=dict)


def _words_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    parts = sorted({" ".join(w.split()) for w in words if w.strip()}, key=len, reverse=True)
    if not parts:
        return None
    body = "|".join(r"\s+".join(map(re.escape, p.split(" "))) for p in parts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


@dataclass(frozen=True)
class _Words:
    """The layout's word lists, compiled once per layout."""

    training: re.Pattern[str] | None
    organiser: re.Pattern[str] | None
    jenis: tuple[tuple[str, re.Pattern[str]], ...]
    default_jenis: str
    names: frozenset[str]
    search_rows: int


_WORDS: dict[int, tuple[Layout, _Words]] = {}  # id -> (the layout, kept alive so its id stays its own; words)


def _words(layout: Layout) -> _Words:
    entry = _WORDS.get(id(layout))
    if entry is not None and entry[0] is layout:
        return entry[1]
    kinds = layout.options.get("jenis", {})
    jenis: list[tuple[str, re.Pattern[str]]] = []
    if isinstance(kinds, dict):
        for name, words in kinds.items():
            if isinstance(words, list) and (pattern := _words_pattern([str(w) for w in words])) is not None:
                jenis.append((str(name), pattern))
    default = layout.options.get("default_jenis", "teknis")
    rows = layout.options.get("header_search_rows", 30)
    found = _Words(
        training=_words_pattern(layout.strings("training_words", ("pelatihan", "diklat", "bimtek"))),
        organiser=_words_pattern(layout.strings("organiser_words", ("penyelenggara",))),
        jenis=tuple(jenis),
        default_jenis=str(default) if isinstance(default, str) else "teknis",
        names=frozenset(header_key(n) for n in layout.strings("name_columns", ("nama", "nama_peserta"))),
        search_rows=rows if isinstance(rows, int) and rows > 0 else 30,
    )
    _WORDS[id(layout)] = (layout, found)
    return found


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:-\u2013")


def _organiser(text: str) -> str | None:
    """'BPSDM Provinsi Tahun 2025' -> 'BPSDM Provinsi' (the year is read on its own)."""
    return _tidy(_TRAILING_YEAR.sub("", text.lstrip(" :.-"))) or None


def _cut_organiser(text: str, words: _Words) -> tuple[str, str | None]:
    """'PELATIHAN X DISELENGGARAKAN OLEH BPSDM' -> ('PELATIHAN X', 'BPSDM')."""
    if words.organiser is None or (m := words.organiser.search(text)) is None:
        return text, None
    return text[: m.start()], _organiser(text[m.end() :])


def _training_name(text: str, words: _Words) -> tuple[str, str | None, int | None] | None:
    """(name, organiser, year) from a text naming a training ('... PELATIHAN X TAHUN 2025'), or None."""
    label = _LABEL.match(text)
    if label and _NAME_LABELS.match(label["label"].strip()):
        rest = label["value"]
    else:
        if words.training is None or (m := words.training.search(text)) is None:
            return None
        rest = text[m.start() :]
        if label and header_key(label["label"]) == header_key(
            m.group(0)
        ):  # "Pelatihan : Artificial Intelligence"
            rest = f"{m.group(0)} {label['value']}"
    years = _YEAR.findall(rest)
    rest, organiser = _cut_organiser(rest, words)
    year = int(years[-1]) if years else None
    rest = _TRAILING_YEAR.sub("", rest)
    rest = _HOURS_PART.sub("", rest)
    name = _tidy(rest)
    return (name, organiser, year) if name else None


def _row_text(cells: list[object]) -> str:
    parts: list[str] = []
    for cell in cells:
        if is_missing(cell):
            continue
        text = str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell)
        text = " ".join(text.split())
        if text and text not in parts:
            parts.append(text)
    return " ".join(parts)


def _name_from(name: str) -> str:
    return _tidy(re.sub(r"[_]+", " ", Path(name).stem if "." in name else name))


def parse_training(
    titles: Sequence[tuple[int, str]], names: Sequence[tuple[str, str]], layout: Layout
) -> Training:
    """The training named by the title rows ``(row number, text)``; ``names`` are the fallbacks in
    order, as (what it is, text): ("nama sheet", "Rekap AI 2025"), ("nama file", "nilai_ai")."""
    words = _words(layout)
    sources: dict[str, str] = {}
    nama: str | None = None
    organiser: str | None = None
    year: int | None = None
    for position, (number, text) in enumerate(titles):
        label = _LABEL.match(text)
        if label and words.organiser is not None and words.organiser.fullmatch(label["label"].strip()):
            if organiser is None:
                organiser, sources["penyelenggara"] = _organiser(label["value"]), f"judul baris {number}"
            continue
        if organiser is None and words.organiser is not None and (m := words.organiser.match(text)):
            organiser, sources["penyelenggara"] = _organiser(text[m.end() :]), f"judul baris {number}"
            continue
        if nama is not None:
            continue
        found = _training_name(text, words)
        if found is None:
            continue
        name, own_organiser, own_year = found
        if words.training is not None and words.training.fullmatch(name) and position + 1 < len(titles):
            # "REKAPITULASI NILAI PESERTA PELATIHAN" over "ARTIFICIAL INTELLIGENCE BAGI ASN"
            following = titles[position + 1][1]
            if not _YEAR.fullmatch(following.strip()) and _training_name(following, words) is None:
                name = _tidy(f"{name} {_TRAILING_YEAR.sub('', following)}")
        nama = name
        sources["nama"] = f"judul baris {number}"
        if own_organiser and organiser is None:
            organiser, sources["penyelenggara"] = own_organiser, f"judul baris {number}"
        if own_year is not None:
            year, sources["tahun"] = own_year, f"judul baris {number}"
    if year is None:
        for pattern in (_TAHUN_YEAR, _YEAR):
            for number, text in titles:
                if (m := pattern.search(text)) is not None:
                    year, sources["tahun"] = int(m.group(1)), f"judul baris {number}"
                    break
            if year is not None:
                break
    fallbacks = [(what, _name_from(text)) for what, text in names if text and text.strip()]
    if nama is None:
        for what, text in fallbacks:
            if _GENERIC_NAME.match(text):
                continue
            found = _training_name(text, words)
            nama = found[0] if found else _tidy(_TRAILING_YEAR.sub("", text)) or text
            sources["nama"] = what
            break
    if nama is None:  # only generic names ("Sheet1", "nilai"): the file name as it is
        what, text = fallbacks[-1] if fallbacks else ("nama file", "lembar nilai")
        nama, sources["nama"] = text, what
    if year is None:
        for what, text in fallbacks:
            if (m := _YEAR.search(text)) is not None:
                year, sources["tahun"] = int(m.group(1)), what
                break
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        year = None
        sources.pop("tahun", None)
    hours: int | None = None
    for number, text in titles:
        if (m := _HOURS.search(text)) is not None:
            hours, sources["jam_pelajaran"] = int(m.group(1)), f"judul baris {number}"
            break
    jenis = next((name for name, pattern in words.jenis if pattern.search(nama)), words.default_jenis)
    return Training(nama=nama, jenis=jenis, tahun=year, penyelenggara=organiser, jam_pelajaran=hours,
                    sources=sources)  # fmt: skip


# --- the header ---------------------------------------------------------------------------------


def base_header(header: object) -> str:
    """A header without what its parentheses say: 'Nilai Akhir (0-100)' -> 'Nilai Akhir'."""
    return " ".join(_PARENS.sub(" ", str(header)).split())


def stated_scale(header: object) -> int | None:
    """The scale a score header states ('Nilai Akhir (0-100)' -> 100, 'Nilai (skala 10)' -> 10)."""
    m = _SCALE_HINT.search(str(header))
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class Columns:
    """Where the participant's NIP, name, score and predikat are in one header."""

    nip: int
    name: int
    score: int
    predikat: int | None = None


def _is_nip(cell: object, layout: Layout) -> bool:
    return isinstance(cell, str) and (
        resolve_column(PEGAWAI, cell) == "nip" or layout.column(PEGAWAI.name, cell) == "nip"
    )


def match_header(header: Sequence[object], layout: Layout) -> Columns | None:
    """The columns of a score sheet in ``header``, or None when it lacks the NIP, name or score."""
    words = _words(layout)
    nip = name = None
    scores: list[tuple[int, int]] = []  # (rank, index)
    predikat: list[tuple[int, int]] = []
    for index, cell in enumerate(header):
        if not isinstance(cell, str) or not cell.strip():
            continue
        if nip is None and _is_nip(cell, layout):
            nip = index
            continue
        base = base_header(cell)
        if name is None and header_key(base) in words.names:
            name = index
            continue
        column = layout.column(DIKLAT.name, base)
        rank = layout.rank(DIKLAT.name, base)
        if column == "nilai":
            scores.append((rank if rank is not None else 99, index))
        elif column == "predikat":
            predikat.append((rank if rank is not None else 99, index))
    if nip is None or name is None or not scores:
        return None
    return Columns(nip, name, min(scores)[1], min(predikat)[1] if predikat else None)


@dataclass
class _Found:
    layout: Layout
    header_at: int  # index into rows
    header: list[object]
    data_at: int
    columns: Columns
    titles: list[tuple[int, str]]


def _find(rows: list[tuple[int, list[object]]], layouts: Sequence[Layout]) -> _Found | None:
    """The first header row (within the layout's search rows) with a NIP and a name column, if it
    also has a score column; the title rows above it."""
    for layout in layouts:
        limit = _words(layout).search_rows
        for index, (number, cells) in enumerate(rows):
            if number > limit:
                break
            if not any(_is_nip(c, layout) for c in cells):
                continue
            header, data_at = read_header(rows, index)
            columns = match_header(header, layout)
            if columns is None:
                break  # the table's header, and not a score sheet's
            titles = [(n, text) for n, c in rows[:index] if (text := _row_text(c))]
            return _Found(layout, index, header, data_at, columns, titles)
    return None


def _candidates(options: ReadOptions) -> list[Layout]:
    if options.forced is not None:
        return [options.forced] if options.forced.kind == KIND else []
    return [layout for layout in options.layouts.values() if layout.kind == KIND]


# Columns of Talenta's own diklat table that a score sheet does not have (its training is in the titles).
_DIKLAT_TABLE_COLUMNS = frozenset({"nama_diklat", "jenis_diklat", "penyelenggara", "tahun", "jam_pelajaran"})


def _plausible(found: _Found, names: Sequence[str]) -> bool:
    """Not Talenta's own diklat table: no column naming each row's training, year or hours (a
    ``diklat.csv`` with nip, nama, tahun, nilai lists trainings, 'nama' is the course), and title rows
    above the header or no sheet / file name that names a Talenta table."""
    for index, cell in enumerate(found.header):
        if (
            index != found.columns.name
            and isinstance(cell, str)
            and DIKLAT.resolve(cell) in _DIKLAT_TABLE_COLUMNS
        ):
            return False
    return bool(found.titles) or not any(n and table_for(n) is not None for n in names)


# --- the rows -----------------------------------------------------------------------------------


def _at(cells: list[object], index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None


def _participants(
    display: str, sheet: str | None, found: _Found, rows: list[tuple[int, list[object]]]
) -> tuple[list[tuple[int, list[object]]], list[RowIssue]]:
    """The participant rows under the header; blank rows, a repeated header, column numbers and
    the footer are skipped, and a score without a NIP or name is reported."""
    columns = found.columns
    nip_key = header_key(found.header[columns.nip])
    out: list[tuple[int, list[object]]] = []
    issues: list[RowIssue] = []
    footer = False
    for number, cells in rows[found.data_at :]:
        texts = [c for c in cells if not is_missing(c)]
        if not texts:
            continue
        nip_cell = _at(cells, columns.nip)
        if isinstance(nip_cell, str) and header_key(nip_cell) == nip_key:  # the header again (a new page)
            continue
        if is_column_numbers(cells):
            continue
        has_nip = not is_missing(nip_cell) and not (isinstance(nip_cell, str) and _NIP_LABEL.match(nip_cell))
        has_name = not is_missing(_at(cells, columns.name))
        if not has_nip:
            first = texts[0]
            if isinstance(first, str) and _FOOTER.match(" ".join(first.split())):
                footer = True
                continue
            if footer:
                continue
            if not has_name:
                if not is_missing(_at(cells, columns.score)):
                    issues.append(RowIssue(display, sheet, number, None, None,
                                           "baris bernilai tanpa NIP dan nama: tidak bisa dikaitkan ke peserta, "
                                           "diabaikan", None, WARNING))  # fmt: skip
                continue
        elif footer and not has_name:
            continue
        footer = False
        out.append((number, cells))
    return out, issues


@dataclass
class ScoreSheetTable(RawTable):
    """The participants of one score sheet, read as a diklat table: ``headers`` / ``rows`` as
    written (sensitive columns dropped), ``training`` from the title rows, ``scale`` 10 or 100
    (None without any score), ``stated`` the scale the score header states."""

    training: Training | None = None
    columns: Columns | None = None
    scale: int | None = None
    stated: int | None = None


def _score_values(rows: list[RawRow], index: int) -> list[float]:
    values: list[float] = []
    for row in rows:
        try:
            value = clean_float(_at(row.cells, index))
        except ValueProblem:
            continue
        if value is not None:
            values.append(value)
    return values


def _shown(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def read_rows(
    display: str,
    sheet: str | None,
    rows: list[tuple[int, list[object]]],
    names: Sequence[tuple[str, str]],
    options: ReadOptions,
) -> tuple[list[RawTable], list[RowIssue]] | None:
    """One sheet / CSV file as a score sheet; None when it is not one (the caller reads it as
    usual). ``names`` are the sheet and file names, as (what it is, name). With a forced score-sheet
    layout, a sheet without the columns is reported instead."""
    layouts = _candidates(options)
    if not layouts:
        return None
    found = _find(rows, layouts)
    forced = options.forced is not None
    if found is None or (not forced and not _plausible(found, [n for _, n in names])):
        if not forced:
            return None
        where = f"sheet '{sheet}'" if sheet else "file"
        return [], [RowIssue(display, sheet, None, None, None,
                             f"{where} tidak punya baris header dengan kolom NIP, Nama dan Nilai: bukan lembar "
                             "nilai pelatihan, dilewati", None, WARNING)]  # fmt: skip
    layout = found.layout
    participants, issues = _participants(display, sheet, found, rows)
    base = build_table(display, sheet, DIKLAT, found.header, participants, layout)
    columns = match_header(base.headers, layout)
    if columns is None:  # not reached: NIP, name and score are never dropped as personal data
        return None
    training = parse_training(found.titles, names, layout)
    stated = stated_scale(base.headers[columns.score])
    values = _score_values(base.rows, columns.score)
    scale = scale_of(values, stated)
    table = ScoreSheetTable(**{f.name: getattr(base, f.name) for f in fields(RawTable)},
                            training=training, columns=columns, scale=scale, stated=stated)  # fmt: skip
    issues.insert(0, _summary(table, len(values)))
    log.debug("%s: lembar nilai %r, %d peserta, skala %s", table.label, training.nama, len(table.rows), scale)
    return [table], issues


def _summary(table: ScoreSheetTable, scored: int) -> RowIssue:
    """The sheet's report line: what was read from the titles, and the scale."""
    training = table.training
    assert training is not None and table.columns is not None
    src = training.sources
    parts = [f"pelatihan {training.nama!r} (dari {src.get('nama', '-')})"]
    if src.get("nama", "").startswith("nama "):
        parts[0] += ": tidak ada baris judul yang menyebut pelatihan, periksa namanya"
    if training.tahun is not None:
        parts.append(f"tahun {training.tahun} (dari {src.get('tahun', '-')})")
    else:
        parts.append("tahun tidak ditemukan di judul atau nama file (dikosongkan)")
    if training.penyelenggara:
        parts.append(f"penyelenggara {training.penyelenggara!r}")
    if training.jam_pelajaran is not None:
        parts.append(f"{training.jam_pelajaran} JP")
    parts.append(f"jenis {training.jenis}")
    header = table.headers[table.columns.score]
    if table.scale is None:
        parts.append("skala nilai tidak diketahui (tidak ada nilai)")
    elif table.stated is not None:
        parts.append(
            f"skala nilai 0-{table.scale} (tertulis di header {header!r}); nilai disimpan seperti tertulis"
        )
    else:
        values = _score_values(table.rows, table.columns.score)
        top = _shown(max(values))
        why = (
            f"ada nilai di atas 10, tertinggi {top}"
            if table.scale == 100
            else f"tidak ada nilai di atas 10, tertinggi {top}"
        )
        parts.append(f"skala nilai 0-{table.scale} ({why}); nilai disimpan seperti tertulis")
    reason = f"lembar nilai: {', '.join(parts)}; {len(table.rows)} baris peserta, {scored} bernilai"
    return RowIssue(table.file, table.sheet, None, header, None, reason, None, WARNING)


# --- readers hooks ------------------------------------------------------------------------------


def take_sheets(
    display: str, path: Path, sheets: list[XlsxSheet], options: ReadOptions, single: bool
) -> tuple[list[RawTable], list[RowIssue], list[XlsxSheet]]:
    """The score sheets of a workbook as tables, and the sheets that are not (read as usual)."""
    if not _candidates(options):
        return [], [], sheets
    tables: list[RawTable] = []
    issues: list[RowIssue] = []
    rest: list[XlsxSheet] = []
    for sheet in sheets:
        names = [("nama sheet", sheet.title)] + ([("nama file", path.stem)] if single else [])
        read = read_rows(display, sheet.title, sheet.rows, names, options)
        if read is None:
            rest.append(sheet)
            continue
        tables.extend(read[0])
        issues.extend(read[1])
    return tables, issues, rest


def read_records(
    display: str, path: Path, records: list[tuple[int, list[object]]], options: ReadOptions
) -> tuple[list[RawTable], list[RowIssue]] | None:
    """A delimited file as a score sheet, or None when it is not one."""
    return read_rows(display, None, records, [("nama file", path.stem)], options)


def is_score_file(records: list[tuple[int, list[object]]], path: Path, options: ReadOptions) -> bool:
    """Whether the first records of a delimited file are a score sheet (it then keeps out of its
    folder's layout detection: a SIMPEG CSV folder does not make it a SIMPEG table)."""
    if options.forced is not None:
        return False
    found = _find(records, _candidates(options))
    return found is not None and _plausible(found, [path.stem])


# --- assemble hook ------------------------------------------------------------------------------


def is_score_table(raw: RawTable) -> bool:
    return isinstance(raw, ScoreSheetTable)


_NAME_CHARS = re.compile(r"[^a-z\s]")


def _name_tokens(name: str) -> list[str]:
    bare = split_titles(name)[1]
    return _NAME_CHARS.sub(" ", bare.casefold().replace("'", "")).split()


def _token_matches(short: str, tokens: list[str]) -> bool:
    for other in tokens:
        if (
            short == other
            or (len(short) <= 3 and other.startswith(short))
            or (len(other) <= 3 and short.startswith(other))
        ):
            return True
        if SequenceMatcher(None, short, other).ratio() >= 0.8:
            return True
    return False


def names_agree(sheet_name: str, pegawai_name: str) -> bool:
    """Whether a name on the sheet may be the pegawai's: titles and case ignored, every word of the
    shorter name found in the longer one (an initial or an abbreviation 'M.' / 'Moh.' counts, and a
    one-letter typo). 'Muhammad Rizki' and 'Muhammad Fajar' disagree."""
    a, b = _name_tokens(sheet_name), _name_tokens(pegawai_name)
    if not a or not b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return all(_token_matches(token, long) for token in short)


def _training_key(nama: object) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(nama).casefold()).split())


@dataclass
class _Seen:
    loc: Loc
    record: dict[str, object]


def attach(asm: Assembler, tables: Sequence[RawTable]) -> list[tuple[str, Diklat]]:
    """Validate the participant rows of every score sheet of one import and attach them (see the
    module docstring); returns the additions (NIP not in this import) in source order."""
    from ingest.assemble import Loc, Problem, _value_text, clean_row

    seen: dict[tuple[str, str, object], _Seen] = {}
    pending: list[tuple[str, dict[str, object], Loc]] = []
    for raw in tables:
        if not isinstance(raw, ScoreSheetTable) or raw.training is None or raw.columns is None:
            continue
        training, columns = raw.training, raw.columns
        src = training.sources
        used = {columns.nip, columns.name, columns.score} | (
            {columns.predikat} if columns.predikat is not None else set()
        )
        layout = raw.layout
        # Known words are not "unrecognised": a second score or predikat column (Keterangan next to
        # Predikat) is left out on purpose, the mapping says which one was read.
        unknown = [h for i, h in enumerate(raw.headers) if i not in used and layout is not None
                   and not layout.ignores(base_header(h)) and layout.column(DIKLAT.name, base_header(h)) is None]  # fmt: skip
        asm._add_columns(asm.report.unknown_columns, raw.label, unknown)
        mapping = [(raw.headers[columns.nip], "nip"), (raw.headers[columns.score], "nilai")]
        if columns.predikat is not None:
            mapping.append((raw.headers[columns.predikat], "predikat"))
        mapping += [(src.get("nama", "-"), "nama_diklat"), ("judul", "jenis_diklat")]
        mapping += [(src[k], column) for k, column in (("tahun", "tahun"), ("penyelenggara", "penyelenggara"),
                                                       ("jam_pelajaran", "jam_pelajaran")) if k in src]  # fmt: skip
        asm.report.mappings[raw.label] = mapping
        header = raw.headers[columns.score]
        for row in raw.rows:
            asm.report.rows_read += 1
            loc = Loc(raw.file, raw.sheet, row.row)
            cells = row.cells
            picked: dict[str, tuple[str, object]] = {
                "nip": (raw.headers[columns.nip], _at(cells, columns.nip)),
                "nilai": (header, _at(cells, columns.score)),
                "nama_diklat": (src.get("nama", "judul"), training.nama),
                "jenis_diklat": ("judul", training.jenis),
            }
            if columns.predikat is not None:
                picked["predikat"] = (raw.headers[columns.predikat], _at(cells, columns.predikat))
            if training.tahun is not None:
                picked["tahun"] = (src.get("tahun", "judul"), training.tahun)
            if training.penyelenggara is not None:
                picked["penyelenggara"] = (src.get("penyelenggara", "judul"), training.penyelenggara)
            if training.jam_pelajaran is not None:
                picked["jam_pelajaran"] = (src.get("jam_pelajaran", "judul"), training.jam_pelajaran)
            values, problems, notes = clean_row(DIKLAT, picked)
            nilai = values["nilai"]
            if isinstance(nilai, float) and raw.scale is not None and nilai > raw.scale:
                why = (
                    f"header {header!r} menyatakan skala 0-{raw.scale}"
                    if raw.stated
                    else "nilai paling tinggi 100"
                )
                problems.append(Problem(header, _value_text(_at(cells, columns.score)),
                                        f"nilai {_shown(nilai)} di atas {raw.scale} ({why})"))  # fmt: skip
            nip = values["nip"] if isinstance(values["nip"], str) else None
            if problems:
                asm._reject(loc, problems, nip)
                continue
            assert nip is not None
            record = {"nama": values["nama_diklat"], "jenis": values["jenis_diklat"],
                      "penyelenggara": values["penyelenggara"], "tahun": values["tahun"],
                      "jam_pelajaran": values["jam_pelajaran"], "nilai": nilai, "predikat": values["predikat"]}  # fmt: skip
            key = (nip, _training_key(record["nama"]), record["tahun"])
            if (first := seen.get(key)) is not None:
                _duplicate(asm, loc, nip, record, first, header)
                continue
            draft = asm.drafts.get(nip)
            if draft is None and nip in asm.rejected_nips:
                where = asm.rejected_nips[nip].describe(loc)
                asm._reject(loc, [Problem(raw.headers[columns.nip], nip, f"pegawai dengan NIP ini ditolak ({where})")],
                            nip)  # fmt: skip
                continue
            asm._warn(loc, notes, nip)
            if draft is None:
                pending.append((nip, record, loc))
                seen[key] = _Seen(loc, record)
                asm._issue(loc, Problem(raw.headers[columns.nip], nip, ADDITION_REASON), nip, WARNING)
                continue
            sheet_name = _at(cells, columns.name)
            person = draft.fields.get("nama")
            if (
                isinstance(sheet_name, str)
                and isinstance(person, str)
                and not names_agree(sheet_name, person)
            ):
                asm._issue(loc, Problem(raw.headers[columns.name], _value_text(sheet_name),
                                        f"nama di lembar nilai berbeda dengan nama pegawai {person!r} untuk NIP ini; "
                                        "nilai tetap ditambahkan, periksa NIP-nya"), nip, WARNING)  # fmt: skip
            holder = _merge_or_add(asm, draft, record, loc, header)
            if holder is not None:
                seen[key] = _Seen(loc, holder)
    additions: list[tuple[str, Diklat]] = []
    for nip, record, loc in pending:
        try:
            additions.append((nip, Diklat.model_validate(record)))
        except ValidationError as exc:
            problems = [Problem(".".join(str(p) for p in err.get("loc", ())) or None, None,
                                f"data tidak valid menurut model: {err.get('msg', '')}") for err in exc.errors()]  # fmt: skip
            asm._reject(loc, problems, nip)
    return additions


def _duplicate(
    asm: Assembler, loc: Loc, nip: str, record: dict[str, object], first: _Seen, header: str
) -> None:
    """The same participant twice in one training: merged when the score agrees (a blank filled
    from the later row), else the first row is kept and this one rejected."""
    from ingest.assemble import Problem

    where = first.loc.describe(loc)
    old = first.record
    conflicts = [
        k
        for k in ("nilai", "predikat")
        if record[k] is not None and old.get(k) is not None and old[k] != record[k]
    ]
    if conflicts:
        shown_old = ", ".join(f"{k} {old[k]!r}" for k in conflicts)
        asm._reject(loc, [Problem(header, _shown(record["nilai"]) if isinstance(record["nilai"], float) else None,
                                  f"peserta ganda dengan nilai berbeda ({where}: {shown_old}); yang pertama dipakai, "
                                  "baris ini ditolak")], nip)  # fmt: skip
        return
    filled = [k for k in ("nilai", "predikat") if record[k] is not None and old.get(k) is None]
    for k in filled:
        old[k] = record[k]
    extra = f"; melengkapi kolom: {', '.join(filled)}" if filled else ""
    asm._issue(
        loc, Problem(None, None, f"peserta ganda, baris digabung (sama dengan {where}{extra})"), nip, WARNING
    )


def _merge_or_add(
    asm: Assembler, draft: Draft, record: dict[str, object], loc: Loc, header: str
) -> dict[str, object] | None:
    """Attach the record to the person, or give its score to a diklat record of the same training
    (name and year) another table already gave them. Returns the record now holding the score;
    None when that record has another score (the first is kept, this row rejected)."""
    from ingest.assemble import Problem

    key = _training_key(record["nama"])
    for existing, where in draft.children.get("diklat", []):
        if _training_key(existing.get("nama")) != key:
            continue
        if record["tahun"] is not None and existing.get("tahun") not in (None, record["tahun"]):
            continue
        nilai = record["nilai"]
        if existing.get("nilai") is not None and nilai is not None and existing["nilai"] != nilai:
            asm._reject(loc, [Problem(header, _shown(nilai) if isinstance(nilai, float) else None,
                                      f"diklat ini sudah ada dengan nilai lain ({where.describe(loc)}: "
                                      f"{existing['nilai']!r}); yang pertama dipakai, baris ini ditolak")],
                        draft.nip)  # fmt: skip
            return None
        filled = [k for k, v in record.items() if v is not None and existing.get(k) is None]
        for k in filled:
            existing[k] = record[k]
        text = (f"nilai ditambahkan ke diklat yang sudah ada ({where.describe(loc)}); melengkapi kolom: {', '.join(filled)}"
                if filled else f"sama dengan diklat yang sudah ada ({where.describe(loc)}), digabung")  # fmt: skip
        asm._issue(loc, Problem(None, None, text), draft.nip, WARNING)
        return existing
    values = {"nip": draft.nip, "nama_diklat": record["nama"], "jenis_diklat": record["jenis"],
              **{k: record[k] for k in ("penyelenggara", "tahun", "jam_pelajaran", "nilai", "predikat")}}  # fmt: skip
    before = len(draft.children.get("diklat", []))
    asm._attach(draft, DIKLAT, values, loc)
    items = draft.children.get("diklat", [])
    return items[-1][0] if len(items) > before else record
