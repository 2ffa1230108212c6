"""The DUK (Daftar Urut Kepangkatan) workbook: each unit sheet becomes pegawai, diklat and pendidikan tables.

:func:`ingest.readers.read_xlsx` has found the header and joined the two merged header rows
("Pangkat" over "Gol. Ruang" -> "Pangkat Gol. Ruang"); ``layouts/duk.toml`` maps the joined
headers. This module does what a mapping cannot:

* the unit: the title row above the table that names it ("DINAS PERIKANAN KABUPATEN CONTOH"),
  else the sheet name, added to every row as a column whose header says where it came from;
* the training columns of a row (Latihan Jabatan: Nama, Bulan dan Tahun, Jumlah Jam) become a
  diklat row with the same file, sheet and row number, so a rejected value points at its cell;
* a continuation row (no NIP, no name, right under a person: a second training or education)
  adds diklat / pendidikan rows for that person; anything else on it is reported, not lost;
* blank rows are skipped; a footer ("Mengetahui", "Kepala ...", "Jumlah: 25 orang", a place and
  date) starts the signature block, whose rows are not people. A full row (NIP and name) after it
  is read again as a person.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, fields

from ingest.layout import Layout, header_key
from ingest.readers import RawTable, XlsxSheet, build_table, is_column_numbers, resolve_column
from ingest.report import WARNING, RowIssue
from ingest.schema import DIKLAT, PEGAWAI, PENDIDIKAN, Table
from ingest.values import ValueProblem, clean_nip, is_missing

log = logging.getLogger(__name__)

# The flat pegawai education columns and the pendidikan column each one is (as in assemble).
_PENDIDIKAN = {
    "pendidikan_jenjang": "jenjang",
    "pendidikan_jurusan": "jurusan",
    "pendidikan_institusi": "institusi",
    "pendidikan_tahun_lulus": "tahun_lulus",
}
# Title rows that do not name the unit, and the words in front of a unit's name.
_NOT_UNIT = re.compile(
    r"^(?:keadaan|kondisi|semester|per\b|periode|pemerintah|provinsi|kabupaten|kota|tahun|bulan|tanggal|tmt|lampiran|nomor|"
    r"halaman|daftar\b)",
    re.I,
)
_UNIT_PREFIX = re.compile(
    r"^(?:daftar\s+urut\s+kepangkatan(?:\s*\(duk\))?|duk|pegawai\s+negeri\s+sipil|pns|asn|"
    r"di\s*lingkungan|pada|unit\s+kerja|satuan\s+kerja|perangkat\s+daerah|opd|skpd)\b\s*[:.\-]?\s*",
    re.I,
)
_DUK_TITLE = re.compile(r"daftar\s+urut\s+kepangkatan\b|duk\b", re.I)
_GENERIC_SHEET = re.compile(r"^(?:sheet|lembar|duk|data|halaman|page)\s*\d*$", re.I)
# The first text of a footer row: approval, signature, totals, place and date.
_FOOTER = re.compile(
    r"^(?:mengetahui|menyetujui|disahkan|kepala\b|plt\b|plh\b|a\.?\s?n\.?\s|sekretaris\b|bupati\b|"
    r"wali\s?kota\b|gubernur\b|jumlah\b|total\b|nip\b|ditetapkan\b|dikeluarkan\b|pada\s+tanggal\b|"
    r"keterangan\b|catatan\s*:|tembusan\b|dibuat\b|diperiksa\b|pejabat\b)"
    r"|^[a-z][a-z .'\-]*,\s*\d{1,2}[\s\-]+[a-z]+[\s\-]+\d{4}$",
    re.I,
)
_REGION = re.compile(r"\s+(?:kabupaten|kab\.|kota|provinsi)\b", re.I)
_LOWER_WORDS = frozenset({"dan", "di", "ke", "dari", "pada", "untuk", "serta", "atau", "yang"})
_NIP_LABEL = re.compile(r"^\s*nip\b", re.I)  # "NIP. 19650101 ..." under a signature, or a repeated header


@dataclass
class DukTable(RawTable):
    """A RawTable from one DUK sheet. The diklat and pendidikan tables of a sheet get their own
    label (``file/sheet (diklat)``) so the report keeps one column mapping per table, and
    ``extra`` maps the headers this module wrote (the unit, the continuation education)."""

    part: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # header as written -> canonical column

    @property
    def label(self) -> str:
        base = f"{self.file}/{self.sheet}" if self.sheet else self.file
        return f"{base} ({self.part})" if self.part else base

    def resolve(self, table: Table, header: object) -> str | None:
        if (name := self.extra.get(str(header))) is not None:
            return name
        return super().resolve(table, header)

    @classmethod
    def of(cls, raw: RawTable, part: str = "", extra: dict[str, str] | None = None) -> DukTable:
        values = {f.name: getattr(raw, f.name) for f in fields(RawTable)}
        return cls(**values, part=part, extra=extra or {})


@dataclass
class _Person:
    row: int
    cells: list[object]
    nip: str | None  # the clean NIP, None when it is missing or invalid (the pegawai row is rejected)
    more: list[tuple[int, list[object]]] = field(default_factory=list)  # continuation rows


@dataclass
class _Columns:
    """Where things are in one sheet's header."""

    nip: int
    nama: int | None
    training: list[int]  # diklat columns
    education: dict[int, str]  # index -> pendidikan column
    other: list[int]  # the other mapped pegawai columns (golongan, jabatan, TMT ...)

    @property
    def meaningful(self) -> list[int]:
        return [self.nip, *([self.nama] if self.nama is not None else []), *self.training, *self.education,
                *self.other]  # fmt: skip


def read_sheet(display: str, sheet: XlsxSheet, layout: Layout) -> tuple[list[RawTable], list[RowIssue]]:
    """The pegawai table of one DUK sheet, and its diklat and pendidikan tables when it has any."""
    columns = _columns(sheet.header, layout)
    if columns is None:
        return [], [_issue(display, sheet.title, None, None, None,
                           f"sheet '{sheet.title}' tidak punya kolom NIP: bukan tabel DUK, dilewati")]  # fmt: skip
    people, issues = _people(display, sheet, columns)
    unit, unit_header = find_unit(sheet)
    width = len(sheet.header)
    header: list[object] = [None if i in columns.training else h for i, h in enumerate(sheet.header)]
    data: list[tuple[int, list[object]]] = [(p.row, _pad(p.cells, width)) for p in people]
    extra: dict[str, str] = {}
    if unit is not None:
        header.append(unit_header)
        extra[unit_header] = "unit_kerja"
        data = [(number, [*cells, unit]) for number, cells in data]
    tables: list[RawTable] = [DukTable.of(build_table(display, sheet.title, PEGAWAI, header, data, layout),
                                          extra=extra)]  # fmt: skip
    nip_header = sheet.header[columns.nip]
    training = _child_rows(people, columns.nip, columns.training, include_person=True)
    if training:
        headers = [nip_header, *(sheet.header[i] for i in columns.training)]
        tables.append(
            DukTable.of(build_table(display, sheet.title, DIKLAT, headers, training, layout), "diklat")
        )
    education = _child_rows(people, columns.nip, list(columns.education), include_person=False)
    if education:
        headers = [nip_header, *(sheet.header[i] for i in columns.education)]
        renames = {" ".join(str(sheet.header[i]).split()): name for i, name in columns.education.items()}
        raw = build_table(display, sheet.title, PENDIDIKAN, headers, education, layout)
        tables.append(DukTable.of(raw, "pendidikan", renames))
    log.debug("%s/%s: %d pegawai, unit %r (%s)", display, sheet.title, len(people), unit, unit_header)
    return tables, issues


# --- the header -------------------------------------------------------------------------------


def _columns(header: list[object], layout: Layout) -> _Columns | None:
    def pegawai(cell: object) -> str | None:
        return layout.column(PEGAWAI.name, cell) or resolve_column(PEGAWAI, cell)

    named = [(i, h) for i, h in enumerate(header) if h is not None and str(h).strip()]
    nip = next((i for i, h in named if pegawai(h) == "nip"), None)
    if nip is None:
        return None
    training = [i for i, h in named if layout.column(DIKLAT.name, h) not in (None, "nip")]
    nama = next((i for i, h in named if i not in training and pegawai(h) == "nama"), None)
    education = {
        i: _PENDIDIKAN[c] for i, h in named if i not in training and (c := pegawai(h) or "") in _PENDIDIKAN
    }
    other = [
        i
        for i, h in named
        if i not in training and i not in education and i not in (nip, nama) and pegawai(h)
    ]
    return _Columns(nip, nama, training, education, other)


def find_unit(sheet: XlsxSheet) -> tuple[str | None, str]:
    """The unit and the header that says where it came from: the first title row above the table
    that names it, else the sheet name (unless it is a generic 'Sheet1')."""
    sheet_name = " ".join(sheet.title.split())
    titles = sheet.rows[: sheet.header_at]
    # A letterhead above the title names the office that issued the list, not the unit.
    start = next((i for i, (_, cells) in enumerate(titles) if any(_is_duk_title(c) for c in cells)), 0)
    for number, cells in titles[start:]:
        for cell in cells:
            if not isinstance(cell, str) or not cell.strip():
                continue
            text = " ".join(cell.split())
            while (stripped := _UNIT_PREFIX.sub("", text, count=1)) != text:
                text = stripped
            if text and not _NOT_UNIT.match(text):
                return unit_name(text, sheet_name), f"Unit Kerja (judul baris {number})"
            break  # one title per row: the first text cell
    if sheet_name and not _GENERIC_SHEET.match(sheet_name):
        return sheet_name, "Unit Kerja (nama sheet)"
    return None, "Unit Kerja"


def _is_duk_title(cell: object) -> bool:
    return isinstance(cell, str) and _DUK_TITLE.match(cell.strip()) is not None


def unit_name(title: str, sheet_name: str) -> str:
    """The unit as a title row names it, spelled like the sheet when both name it.

    Titles are printed in capitals and often end in the region ("DINAS PERIKANAN KABUPATEN
    CONTOH"); sheet names are in normal case but cut at 31 characters. Units are compared exactly
    (filters, an OPD head's access), so an all-capitals title that starts with the sheet name takes
    the sheet's spelling, without the region, with a cut-off tail completed from the title.
    Anything else is kept as written.
    """
    if not title.isupper() or not sheet_name or not title.casefold().startswith(sheet_name.casefold()):
        return title
    rest = title[len(sheet_name) :]
    if region := _REGION.search(rest):
        rest = rest[: region.start()]
    if not rest:
        return sheet_name
    words = rest.split(" ")
    if not rest.startswith(" "):  # the sheet name was cut inside a word
        words[0] = words[0].lower()
        words[1:] = [_word_case(w) for w in words[1:]]
    else:
        words = [_word_case(w) for w in words]
    return sheet_name + " ".join(words)


def _word_case(word: str) -> str:
    if word.lower() in _LOWER_WORDS:
        return word.lower()
    if not re.search(r"[AEIOU]", word):  # an acronym: DPRD, BKPSDM, SDM
        return word
    return word.capitalize()


# --- the rows ---------------------------------------------------------------------------------


def _people(display: str, sheet: XlsxSheet, columns: _Columns) -> tuple[list[_Person], list[RowIssue]]:
    """The person rows of the table with their continuation rows; warnings for the rows that could
    not be attached to anyone. Blank rows, a repeated header and the signature block are skipped."""
    people: list[_Person] = []
    issues: list[RowIssue] = []
    nip_key = header_key(sheet.header[columns.nip])
    current: _Person | None = None
    gap = in_header = footer = False
    for number, cells in sheet.rows[sheet.data_at :]:
        texts = [c for c in cells if not is_missing(c)]
        if not texts:
            gap, in_header = True, False
            continue
        nip_cell = _at(cells, columns.nip)
        name_cell = _at(cells, columns.nama) if columns.nama is not None else None
        if isinstance(nip_cell, str) and header_key(nip_cell) == nip_key:  # the header again (a new page)
            in_header, current = True, None
            continue
        has_nip = not is_missing(nip_cell) and not (isinstance(nip_cell, str) and _NIP_LABEL.match(nip_cell))
        has_name = not is_missing(name_cell)
        if in_header and not has_nip and not has_name:  # its sub-header or column numbers
            continue
        in_header = False
        if not has_nip and isinstance(texts[0], str) and _FOOTER.match(" ".join(texts[0].split())):
            footer, current = True, None
            log.debug("%s/%s: baris %d: akhir tabel (%r)", display, sheet.title, number, texts[0])
            continue
        if footer and not (has_nip and has_name):
            continue  # the signature block: a name, a rank, "NIP. ..."
        if has_nip or has_name:
            footer = gap = False
            current = _Person(number, cells, _valid_nip(nip_cell))
            people.append(current)
            continue
        if all(is_missing(_at(cells, i)) for i in columns.meaningful) or is_column_numbers(cells):
            continue  # only No / Usia / Catatan Mutasi, or column numbers: nothing to load
        if current is not None and not gap:
            current.more.append((number, cells))
            issues.extend(_continuation_notes(display, sheet, columns, current, number, cells))
            continue
        why = "di bawah baris kosong" if current is not None else "tanpa pegawai di atasnya"
        issues.append(_issue(display, sheet.title, number, None, None,
                             f"baris tanpa NIP dan nama {why}: tidak bisa dikaitkan ke pegawai, diabaikan"))  # fmt: skip
    return people, issues


def _continuation_notes(
    display: str, sheet: XlsxSheet, columns: _Columns, person: _Person, number: int, cells: list[object]
) -> list[RowIssue]:
    """Warnings for a continuation row: values that cannot be attached (a second golongan, jabatan
    ...), or everything when the person's row is rejected for its NIP."""
    if person.nip is None:
        return [_issue(display, sheet.title, number, None, None,
                       f"baris lanjutan dari baris {person.row}, yang ditolak karena NIP-nya: ikut diabaikan")]  # fmt: skip
    notes = []
    for index in columns.other:
        value = _at(cells, index)
        if not is_missing(value):
            notes.append(_issue(display, sheet.title, number, str(sheet.header[index]), str(value),
                                f"baris lanjutan dari pegawai di baris {person.row}: hanya diklat dan pendidikan "
                                "yang diambil, nilai ini diabaikan", person.nip))  # fmt: skip
    return notes


def _child_rows(
    people: list[_Person], nip: int, indices: list[int], include_person: bool
) -> list[tuple[int, list[object]]]:
    """Rows for a child table: the person's NIP and the cells at ``indices``, from the person row
    (when ``include_person``) and the continuation rows, each with its own row number."""
    rows: list[tuple[int, list[object]]] = []
    if not indices:
        return rows
    for person in people:
        if person.nip is None:  # the pegawai row is rejected for it; its records go with it
            continue
        sources = ([(person.row, person.cells)] if include_person else []) + person.more
        for number, cells in sources:
            values = [_at(cells, i) for i in indices]
            if not all(is_missing(v) for v in values):
                rows.append((number, [_at(person.cells, nip), *values]))
    return rows


# --- small helpers ----------------------------------------------------------------------------


def _at(cells: list[object], index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None


def _pad(cells: list[object], width: int) -> list[object]:
    return list(cells[:width]) + [None] * (width - len(cells))


def _valid_nip(raw: object) -> str | None:
    try:
        return clean_nip(raw)
    except ValueProblem:
        return None


def _issue(
    file: str,
    sheet: str,
    row: int | None,
    column: str | None,
    value: str | None,
    reason: str,
    nip: str | None = None,
) -> RowIssue:
    return RowIssue(file=file, sheet=sheet, row=row, column=column, value=value, reason=reason, nip=nip,
                    severity=WARNING)  # fmt: skip
