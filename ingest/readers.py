"""Find data files and read them into raw tables: headers, cells and where each row came from.

Readers do not clean values. They do three things only: decide which table a file or sheet is
(:func:`ingest.schema.resolve_table` on the file stem / sheet name, or ``nip`` + ``nama`` headers for
a flat export), find the header row, and drop sensitive columns (:func:`ingest.schema.is_sensitive`)
before any of their values is kept. Everything is read as it is stored: CSV cells stay text (a NIP
never becomes a number), XLSX cells keep their openpyxl type so the cleaners can tell a number
that lost digits from text.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.layout import DEFAULT, Layout, any_layout_column, detect, header_key, load_layouts, split_camel
from ingest.report import REJECTED, WARNING, RowIssue
from ingest.schema import (
    NINE_BOX,
    PEGAWAI,
    REFERENSI,
    TABLES,
    Table,
    is_sensitive,
    normalize_header,
    resolve_table,
    sensitive_name,
)

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DOCUMENT_ONLY_SUFFIXES = {".md", ".docx"}  # a CV per file (ingest.documents); a .txt may be either
DATA_SUFFIXES = TEXT_SUFFIXES | XLSX_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | DOCUMENT_ONLY_SUFFIXES
# Not data, skipped without a word: documentation, pictures, archives of notes.
QUIET_SUFFIXES = {".rst", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".html", ".htm",
                  ".yaml", ".yml", ".toml", ".ini", ".cfg", ".log", ".py", ".sh"}  # fmt: skip
# Documents Talenta cannot read yet: said, with what to do instead.
_SAVE_AS = {".pdf": " (PDF belum didukung: simpan sebagai .docx atau .txt)",
            ".doc": " (Word lama: simpan ulang sebagai .docx)", ".xls": " (Excel lama: simpan ulang sebagai .xlsx)"}  # fmt: skip
QUIET_PREFIXES = ("readme", "license", "licence", "changelog")
DELIMITERS = (",", ";", "|", "\t")
HEADER_SEARCH_ROWS = 10
_ENVELOPE_KEYS = {"data", "items", "records", "results", "rows", "list"}
_TABLE_NAMES = ", ".join(f"{name}.csv" for name in TABLES)


@dataclass
class NestedList:
    """A child table nested in a JSON person object: ``{"diklat": [{...}, ...]}``."""

    key: str  # the key as written in the file
    table: Table
    items: object  # a list normally; whatever was there otherwise (assemble reports it)


@dataclass
class RawRow:
    row: int | None  # spreadsheet row / JSONL line / position in a JSON list
    cells: list[object]  # aligned with RawTable.headers
    nested: list[NestedList] = field(default_factory=list)
    error: str | None = None  # the row could not be read at all (invalid JSON line ...)


@dataclass
class RawTable:
    file: str
    sheet: str | None
    table: Table
    headers: list[str]  # kept headers as written (sensitive ones removed)
    rows: list[RawRow]
    dropped: list[str] = field(default_factory=list)  # sensitive headers, never read
    layout: Layout | None = None  # the export layout this table was read as (None: Talenta's own)

    @property
    def label(self) -> str:
        return f"{self.file}/{self.sheet}" if self.sheet else self.file

    def resolve(self, table: Table, header: object) -> str | None:
        """The canonical column of ``header`` in ``table``: the layout's mapping, then Talenta's names."""
        if self.layout is not None and (name := self.layout.column(table.name, header)) is not None:
            return name
        return resolve_column(table, header) or any_layout_column(table.name, header)

    def rank(self, table: Table, header: object) -> int | None:
        """The layout's preference among several headers for one column, if it states one."""
        return self.layout.rank(table.name, header) if self.layout is not None else None


@dataclass
class ReadOptions:
    """Which layouts exist and, with ``--layout``, the one every file is read as."""

    layouts: dict[str, Layout] = field(default_factory=load_layouts)
    forced: Layout | None = None

    def choose(self, headers: Sequence[object], names: list[str], suffix: str) -> Layout | None:
        """The layout of one file (None for Talenta's own format)."""
        layout = self.forced or detect(headers, names, self.layouts, suffix)[0]
        return None if layout.name == DEFAULT else layout


@dataclass
class ReadOutcome:
    tables: list[RawTable] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    layouts: dict[str, str] = field(default_factory=dict)  # file -> layout name it was read as


# --- headers ----------------------------------------------------------------------------------



def resolve_column(table: Table, header: object) -> str | None:
    """Canonical column for a header as written, camelCase included ('unorNama' -> unit_kerja)."""
    return _resolve_column(table.name, str(header))


@lru_cache(maxsize=8192)
def _resolve_column(table_name: str, text: str) -> str | None:
    table = TABLES[table_name]
    return table.resolve(text) or table.resolve(split_camel(text))


def sensitive(header: object) -> bool:
    """schema.is_sensitive, also for camelCase keys ('noHp', 'tempatLahir', 'statusPerkawinan')."""
    return _sensitive(str(header))


@lru_cache(maxsize=8192)
def _sensitive(text: str) -> bool:
    return is_sensitive(text) or is_sensitive(split_camel(text))


@lru_cache(maxsize=4096)
def table_for(name: str) -> Table | None:
    """resolve_table, camelCase included."""
    return resolve_table(name) or resolve_table(split_camel(name))


def _is_nip_header(cell: object) -> bool:
    return isinstance(cell, str) and resolve_column(PEGAWAI, cell) == "nip"


# --- discovery --------------------------------------------------------------------------------


def _hidden(name: str) -> bool:
    return name.startswith(("_", "."))


def _quiet(path: Path) -> bool:
    return path.suffix.lower() in QUIET_SUFFIXES or path.stem.lower().startswith(QUIET_PREFIXES)


def discover(root: Path) -> tuple[list[Path], list[RowIssue]]:
    """Data files under ``root`` (a file or a folder), sorted; notes about files that were skipped.

    Files and folders whose name starts with '_' or '.' are skipped (``_meta/``), and so are
    documentation files; any other unsupported file gets a warning. A file given directly is read
    whatever its name.
    """
    if root.is_file():
        return [root], []
    found: list[Path] = []
    notes: list[RowIssue] = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(_hidden(part) for part in rel.parts) or not path.is_file():
            continue
        suffix = path.suffix.lower()
        if _quiet(path):
            continue
        if suffix in DATA_SUFFIXES:
            found.append(path)
        else:
            hint = _SAVE_AS.get(suffix, "")
            notes.append(_file_issue(rel.as_posix(), f"format file tidak didukung, dilewati{hint}", WARNING))
    return found, notes


def _file_issue(file: str, reason: str, severity=WARNING, sheet: str | None = None, row: int | None = None):
    return RowIssue(file=file, sheet=sheet, row=row, column=None, value=None, reason=reason, nip=None,
                    severity=severity)  # fmt: skip


def read_path(root: Path, options: ReadOptions | None = None) -> ReadOutcome:
    """Read every data file under ``root`` (or ``root`` itself when it is a file)."""
    options = options or ReadOptions()
    out = ReadOutcome()
    paths, notes = discover(root)
    out.issues.extend(notes)
    base = root if root.is_dir() else root.parent
    folder_layouts = _folder_layouts(paths, options)
    for path in paths:
        display = path.relative_to(base).as_posix()
        file_options = options
        if path in folder_layouts:
            file_options = ReadOptions(layouts=options.layouts, forced=folder_layouts[path])
        try:
            tables, issues = read_file(path, display, file_options)
        except Exception as exc:  # one unreadable file never stops the others
            log.warning("gagal membaca %s: %s", display, type(exc).__name__)
            out.issues.append(
                _file_issue(display, f"file tidak bisa dibaca ({type(exc).__name__}), dilewati")
            )
            continue
        out.issues.extend(issues)
        if tables:
            out.files.append(display)
            out.tables.extend(tables)
            layout = tables[0].layout
            out.layouts[display] = layout.name if layout else DEFAULT
    link_layouts(out)
    return out


def _head_headers(path: Path) -> list[str]:
    """The header row of a delimited file, from its first 64 KB (for layout detection)."""
    with path.open("rb") as handle:
        parsed = _delimited_records(handle.read(65536), path.suffix)
    if parsed is None:
        return []
    rows = parsed[1]
    at = find_header(rows)
    return [str(c) for c in rows[at][1]] if at is not None else []


def _folder_layouts(paths: list[Path], options: ReadOptions) -> dict[Path, Layout | None]:
    """One layout per folder of delimited files (a SIMPEG export is a CSV per table: the table
    files together say which system they came from, one file alone may not)."""
    if options.forced is not None:
        return {}
    folders: dict[Path, list[Path]] = {}
    for path in paths:
        if path.suffix.lower() in TEXT_SUFFIXES:
            folders.setdefault(path.parent, []).append(path)
    chosen: dict[Path, Layout | None] = {}
    for files in folders.values():
        if len(files) < 2:
            continue
        files = [path for path in files if not _is_score_file(path, options)]
        if len(files) < 2:
            continue
        headers: list[object] = []
        for path in files:
            try:
                headers.extend(_head_headers(path))
            except OSError:
                continue
        layout = options.choose(headers, [p.stem for p in files], files[0].suffix)
        if layout is not None:
            chosen.update(dict.fromkeys(files, layout))
    return chosen


def _is_score_file(path: Path, options: ReadOptions) -> bool:
    """A trainer's score sheet (ingest.score_sheet) is detected on its own, never as part of its folder."""
    from ingest import score_sheet

    try:
        with path.open("rb") as handle:
            parsed = _delimited_records(handle.read(65536), path.suffix)
    except OSError:
        return False
    return parsed is not None and score_sheet.is_score_file(parsed[1], path, options)


def link_layouts(out: ReadOutcome) -> None:
    """Layout-specific joins across files, once everything is read: SIASN riwayat records linked to
    their person by record id or folder, SIMPEG internal ids and code columns resolved through
    reference sheets. Each pass rewrites ``out.tables`` in place and reports what it could not link."""
    kinds = {t.layout.kind for t in out.tables if t.layout is not None}
    if "siasn-json" in kinds:
        from ingest import siasn

        siasn.link_records(out)
    if "simpeg" in kinds:
        from ingest import simpeg

        simpeg.link_records(out)


def read_file(
    path: Path, display: str, options: ReadOptions | None = None
) -> tuple[list[RawTable], list[RowIssue]]:
    options = options or ReadOptions()
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path, display, options)
    if suffix in JSON_SUFFIXES:
        return read_json(path, display, options)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path, display, options)
    if suffix in DOCUMENT_ONLY_SUFFIXES:
        return read_document_table(path, display)
    return read_delimited(path, display, options)


def read_document_table(path: Path, display: str, text: str | None = None) -> tuple[list[RawTable], list[RowIssue]]:
    """A CV document (ingest.documents) as a pegawai table of one row."""
    from ingest.documents import read_document

    values, issues = read_document(path, display, text)
    if values is None:
        return [], issues
    return [_objects_table(display, None, PEGAWAI, [(1, values, None)], None, issues)], issues


# --- shared: header row, table choice, sensitive columns --------------------------------------


def _is_blank(cells) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def find_header(rows: list[tuple[int, list[object]]]) -> int | None:
    """Index (into ``rows``) of the header: the first of the first 10 rows with a NIP-like cell,
    else the first non-blank row."""
    for index, (number, cells) in enumerate(rows):
        if number > HEADER_SEARCH_ROWS:
            break
        if any(_is_nip_header(c) for c in cells):
            return index
    return next((i for i, (_, cells) in enumerate(rows) if not _is_blank(cells)), None)


def _looks_flat_pegawai(headers: list[str], layout: Layout | None = None) -> bool:
    canon = {(layout.column(PEGAWAI.name, h) if layout else None) or resolve_column(PEGAWAI, h) for h in headers}
    return "nip" in canon and "nama" in canon


def _simpeg_table(names: list[str], layout: Layout) -> Table | None:
    """A SIMPEG reference sheet (ref_golongan ...) or nine-box sheet, by the layout's options."""
    prefixes = [header_key(p) for p in layout.strings("reference_prefixes", ("ref_",))]
    boxes = {header_key(n) for n in layout.strings("nine_box_tables")}
    for name in names[:1]:
        key = header_key(name)
        if any(key.startswith(p) for p in prefixes):
            return REFERENSI
        if key in boxes:
            return NINE_BOX
    return None


def choose_table(names: list[str], headers: list[str], layout: Layout | None = None) -> Table | None:
    """The table named by the first resolvable name (sheet, file stem; the layout's names first),
    else pegawai for nip + nama."""
    if layout is not None and layout.kind == "simpeg" and (special := _simpeg_table(names, layout)) is not None:
        return special
    for name in names:
        if name and layout is not None and (found := layout.table_for(name)) is not None:
            return TABLES[found]
    for name in names:
        if name and (table := table_for(name)) is not None:
            return table
    return PEGAWAI if _looks_flat_pegawai(headers, layout) else None


def build_table(
    file: str,
    sheet: str | None,
    table: Table,
    header_cells: list[object],
    data: list[tuple[int, list[object]]],
    layout: Layout | None = None,
) -> RawTable:
    """Keep the non-sensitive, non-empty headers and the matching cells of every non-blank row."""
    keep: list[int] = []
    headers: list[str] = []
    dropped: list[str] = []
    for index, cell in enumerate(header_cells):
        if cell is None or not str(cell).strip():
            continue
        header = " ".join(str(cell).split())
        if sensitive(header):
            dropped.append(header)
            continue
        keep.append(index)
        headers.append(header)
    rows: list[RawRow] = []
    for number, cells in data:
        width = len(cells)
        kept = [cells[i] if i < width else None for i in keep]
        if not _is_blank(kept):
            rows.append(RawRow(row=number, cells=kept))
    return RawTable(file=file, sheet=sheet, table=table, headers=headers, rows=rows, dropped=dropped, layout=layout)


def _unrecognised(display: str, sheet: str | None = None) -> RowIssue:
    where = f"sheet '{sheet}'" if sheet else "file"
    return _file_issue(
        display,
        f"{where} tidak dikenali sebagai tabel Talenta, dilewati: beri nama sesuai tabel ({_TABLE_NAMES}) "
        "atau sertakan kolom nip dan nama",
        sheet=sheet,
    )


# --- CSV / TSV / TXT --------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel 'Unicode Text'), else cp1252, else latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def sniff_delimiter(text: str, preferred: str | None = None) -> str:
    """The candidate that splits the first lines into the most rows of one consistent width."""
    sample = "\n".join(text.splitlines()[:30])
    best, best_score = preferred or ",", (0, 0, 0, 0)
    for rank, delim in enumerate(DELIMITERS):
        widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delim) if r]
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count, width, 1 if delim == preferred else 0, -rank)
        if score > best_score:
            best, best_score = delim, score
    return best


def _delimited_records(data: bytes, suffix: str) -> tuple[str, list[tuple[int, list[object]]]] | None:
    """(delimiter, numbered rows) of CSV-like bytes, every cell as text; None for a binary file."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    text = decode(data)
    delimiter = sniff_delimiter(text, "\t" if suffix.lower() == ".tsv" else None)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return delimiter, [(n, list[object](row)) for n, row in enumerate(reader, start=1)]


def read_delimited(
    path: Path, display: str, options: ReadOptions | None = None
) -> tuple[list[RawTable], list[RowIssue]]:
    """A CSV-like file. Row numbers are the records' positions as a spreadsheet shows them."""
    parsed = _delimited_records(path.read_bytes(), path.suffix)
    if parsed is None:
        return [], [_file_issue(display, "file biner, bukan teks berpemisah (CSV), dilewati")]
    delimiter, records = parsed
    header_at = find_header(records)
    if header_at is None:
        return [], [_file_issue(display, "file kosong, dilewati")]
    from ingest import score_sheet  # a trainer's score sheet: title rows, then NIP | Nama | Nilai

    if (scores := score_sheet.read_records(display, path, records, options or ReadOptions())) is not None:
        return scores
    header = records[header_at][1]
    headers = [" ".join(str(h).split()) for h in header]
    layout = (options or ReadOptions()).choose(list(headers), [path.stem], path.suffix)
    table = choose_table([path.stem], headers, layout)
    if table is None and path.suffix.lower() == ".txt":  # prose, not a table: a CV document
        return read_document_table(path, display, decode(path.read_bytes()))
    if table is None:
        return [], [_unrecognised(display)]
    log.debug("%s: tabel %s, pemisah %r, header di baris %d", display, table.name, delimiter, header_at + 1)
    return [build_table(display, None, table, list(header), records[header_at + 1 :], layout)], []


# --- XLSX -------------------------------------------------------------------------------------


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE, _TEXT, _RUN = (f"{_NS}{t}" for t in ("row", "c", "v", "is", "t", "r"))
_LETTERS = re.compile(r"[A-Z]+")


@lru_cache(maxsize=4096)
def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


def sheet_rows(ws) -> list[tuple[int, list[object]]]:
    """All rows of a read-only openpyxl sheet as (real row number, values); empty rows included.

    Parses the sheet XML directly with openpyxl's own shared strings, date styles and epoch: the
    same values as ``iter_rows(values_only=True)`` at a fraction of the cost (cells are not built).
    Falls back to openpyxl when the workbook is not what this expects.
    """
    try:
        shared = ws._shared_strings
        date_styles = ws.parent._date_formats
        timedelta_styles = ws.parent._timedelta_formats
        epoch = ws.parent.epoch
        source = ws._get_source()
    except AttributeError:
        log.debug("sheet %s: openpyxl internals differ, slow path", ws.title)
        return _openpyxl_rows(ws)
    try:
        return _parse_sheet_xml(source, shared, date_styles, timedelta_styles, epoch)
    except Exception as exc:  # an unusual file: let openpyxl have its say
        log.debug("sheet %s: fast reader failed (%s), slow path", ws.title, type(exc).__name__)
        return _openpyxl_rows(ws)
    finally:
        source.close()


def _openpyxl_rows(ws) -> list[tuple[int, list[object]]]:
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # some writers store a wrong sheet size
    return [(n, list(cells)) for n, cells in enumerate(ws.iter_rows(values_only=True), start=1)]


def _parse_sheet_xml(source, shared, date_styles, timedelta_styles, epoch) -> list[tuple[int, list[object]]]:
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.datetime import from_excel, from_ISO8601

    rows: list[tuple[int, list[object]]] = []
    number = 0
    for _event, element in iterparse(source):
        if element.tag != _ROW:
            continue
        ref = element.get("r")
        number = int(ref) if ref else number + 1
        while len(rows) < number - 1:  # rows the file leaves out are empty rows
            rows.append((len(rows) + 1, []))
        cells: list[object] = []
        column = 0
        for cell in element.iter(_CELL):
            coordinate = cell.get("r")
            column = _column_index(_LETTERS.match(coordinate)[0]) if coordinate else column + 1  # type: ignore[index]
            kind = cell.get("t", "n")
            value: object = None
            if kind == "inlineStr":
                inline = cell.find(_INLINE)
                if inline is not None:
                    plain = inline.find(_TEXT)
                    parts = [plain] if plain is not None else [r.find(_TEXT) for r in inline.iter(_RUN)]
                    value = "".join((t.text or "") for t in parts if t is not None)
            else:
                text = cell.findtext(_VALUE)
                if text:
                    if kind == "n":
                        number_value = (
                            float(text) if ("." in text or "E" in text or "e" in text) else int(text)
                        )
                        style = int(cell.get("s", 0))
                        if style and style in date_styles:
                            value = from_excel(number_value, epoch, timedelta=style in timedelta_styles)
                        else:
                            value = number_value
                    elif kind == "s":
                        value = shared[int(text)]
                    elif kind == "b":
                        value = bool(int(text))
                    elif kind == "d":
                        value = from_ISO8601(text)
                    else:  # "str" (formula result), "e" (error such as #N/A)
                        value = text
            if value is not None:
                if len(cells) < column - 1:
                    cells.extend([None] * (column - 1 - len(cells)))
                if len(cells) == column - 1:
                    cells.append(value)
                else:
                    cells[column - 1] = value
        element.clear()
        rows.append((number, cells))
    return rows


@dataclass
class XlsxSheet:
    """One sheet as read_xlsx found it: the header (two header rows joined into one when the
    second is a sub-header under merged cells) and where the data starts."""

    title: str
    rows: list[tuple[int, list[object]]]  # every row of the sheet, empty ones included
    header_at: int  # index into ``rows`` of the (first) header row
    header: list[object]  # one header cell per column
    data_at: int  # index into ``rows`` of the first row after the header (and its column numbers)


def _cell(cells: list[object], index: int) -> object:
    return cells[index] if index < len(cells) else None


def _is_sub_header(header: list[object], below: list[object]) -> bool:
    """Whether ``below`` is the second row of a two-row merged header ("Pangkat" over "Gol. Ruang |
    TMT"): labels only, at least one under a merged parent (a column with no header of its own),
    and nothing under the NIP and name columns (merged vertically, so a data row would fill them)."""
    nip = next((i for i, c in enumerate(header) if _is_nip_header(c)), None)
    if nip is None or not _is_blank([_cell(below, nip)]):
        return False
    names = [i for i, c in enumerate(header) if isinstance(c, str) and resolve_column(PEGAWAI, c) == "nama"]
    if not _is_blank([_cell(below, i) for i in names]):
        return False
    labels = [(i, c) for i, c in enumerate(below) if not _is_blank([c])]
    if len(labels) < 2 or not all(isinstance(c, str) and not c.strip().isdigit() for _, c in labels):
        return False
    return any(_is_blank([_cell(header, i)]) and not _is_blank(header[:i]) for i, _ in labels)


def _join_header(header: list[object], below: list[object]) -> list[object]:
    """One header per column: the parent carried across its merged span and joined to the label
    under it ("Pangkat" + "TMT" -> "Pangkat TMT"); a vertically merged cell keeps the parent alone."""
    joined: list[object] = []
    parent: str | None = None
    for index in range(max(len(header), len(below))):
        top, low = _cell(header, index), _cell(below, index)
        top_text = " ".join(str(top).split()) if not _is_blank([top]) else ""
        low_text = " ".join(str(low).split()) if not _is_blank([low]) else ""
        if top_text:
            parent = top_text
            joined.append(f"{top_text} {low_text}" if low_text else top_text)
        elif low_text:
            joined.append(f"{parent} {low_text}" if parent else low_text)
        else:  # an empty column ends a merged span
            joined.append(None)
            parent = None
    return joined


def is_column_numbers(cells: list[object]) -> bool:
    """A row that only numbers the columns ("1", "2", "3" ... under a printed header)."""
    numbers: list[int] = []
    for cell in cells:
        if _is_blank([cell]):
            continue
        if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer():
            numbers.append(int(cell))
        elif isinstance(cell, str) and cell.strip().isdigit():
            numbers.append(int(cell.strip()))
        else:
            return False
    start = numbers[0] if numbers else -1
    return len(numbers) >= 3 and start in (0, 1) and numbers == list(range(start, start + len(numbers)))


def read_header(rows: list[tuple[int, list[object]]], header_at: int) -> tuple[list[object], int]:
    """The header cells and the index of the first data row. A sub-header row under merged cells
    is joined into the header, and a column-number row after it is skipped; a one-row header is
    returned as it is."""
    header = rows[header_at][1]
    at = header_at + 1
    if at < len(rows) and _is_sub_header(header, rows[at][1]):
        header = _join_header(header, rows[at][1])
        at += 1
        if at < len(rows) and is_column_numbers(rows[at][1]):
            at += 1
    return header, at


MERGED_HEADER_SEARCH_ROWS = 30


def _find_merged_header(rows: list[tuple[int, list[object]]], header_at: int) -> int:
    """find_header's row, or, when it has no NIP column, a two-row merged header with one further
    down (a DUK under a letterhead and several title rows); only such a header moves it."""
    if any(_is_nip_header(c) for c in rows[header_at][1]):
        return header_at
    for index, (number, cells) in enumerate(rows[:-1]):
        if number > MERGED_HEADER_SEARCH_ROWS:
            break
        if any(_is_nip_header(c) for c in cells) and _is_sub_header(cells, rows[index + 1][1]):
            return index
    return header_at


def read_xlsx(
    path: Path, display: str, options: ReadOptions | None = None
) -> tuple[list[RawTable], list[RowIssue]]:
    """One table per sheet (by sheet name; by file stem when the workbook has one sheet), or a flat
    pegawai sheet. Sheets named '_...' are skipped; real row numbers are kept. A two-row merged
    header is joined into one (:func:`read_header`). The layout is chosen once for the workbook,
    from the headers and names of all its sheets; a DUK workbook is read by :mod:`ingest.duk`."""
    import openpyxl

    options = options or ReadOptions()
    tables: list[RawTable] = []
    issues: list[RowIssue] = []
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = [ws for ws in workbook.worksheets if not _hidden(ws.title)]
        found: list[XlsxSheet] = []
        for ws in sheets:
            rows = sheet_rows(ws)
            header_at = find_header(rows)
            if header_at is not None:  # else an empty sheet
                header_at = _find_merged_header(rows, header_at)
                header, data_at = read_header(rows, header_at)
                found.append(XlsxSheet(ws.title, rows, header_at, header, data_at))
    finally:
        workbook.close()
    from ingest import score_sheet  # trainers' score sheets are read by ingest.score_sheet, the rest below

    scored, notes, found = score_sheet.take_sheets(display, path, found, options, len(sheets) == 1)
    tables.extend(scored)
    issues.extend(notes)
    if scored and not found:
        return tables, issues
    all_headers = [h for sheet in found for h in sheet.header if h is not None]
    layout = options.choose(all_headers, [sheet.title for sheet in found] + [path.stem], path.suffix)
    if layout is not None and layout.kind == "duk":
        from ingest import duk

        for sheet in found:
            sheet_tables, sheet_issues = duk.read_sheet(display, sheet, layout)
            tables.extend(sheet_tables)
            issues.extend(sheet_issues)
        return tables, issues
    for sheet in found:
        headers = [" ".join(str(h).split()) for h in sheet.header if h is not None]
        names = [sheet.title, path.stem] if len(sheets) == 1 else [sheet.title]
        table = choose_table(names, headers, layout)
        if table is None:
            issues.append(_unrecognised(display, sheet.title))
            continue
        data = sheet.rows[sheet.data_at :]
        tables.append(build_table(display, sheet.title, table, sheet.header, data, layout))
    return tables, issues


# --- JSON / JSONL -----------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    return decode(path.read_bytes())


def _json_keys(items: list[object], limit: int = 50) -> list[str]:
    """The keys of the first objects, nested objects and lists of objects included (for detection)."""
    keys: dict[str, None] = {}
    stack = list(items[:limit])
    seen = 0
    while stack and seen < limit * 20:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            for key, value in item.items():
                keys[str(key)] = None
                if isinstance(value, dict):
                    stack.append(value)
                elif isinstance(value, list):
                    stack.extend(value[:5])
    return list(keys)


def _child_table(key: str, layout: Layout | None) -> Table | None:
    if layout is not None and (found := layout.table_for(key)) is not None:
        return TABLES[found]
    return table_for(key)


# A web-service answer saved as it came: {"code": 1, "data": ...}. "data" holds the records (a list,
# or one object for data-utama) or, when there are none, a message string ("Data tidak ditemukan").
_ENVELOPE_META = {"code", "status", "success", "message", "msg", "error", "errors", "meta", "count", "total"}
_SUCCESS_CODES = {"1", "200", "true", "success", "ok"}
# Reason prefix of the note about a SIASN riwayat table Talenta has no table for (rw-golongan ...);
# ingest.siasn keeps one such note per table name for the whole import.
SIASN_UNUSED = "tabel SIASN tidak dipakai Talenta"


@dataclass
class _Envelope:
    payload: object  # what "data" holds
    message: str | None  # the service's message when it sent no records


def _envelope(document: object) -> _Envelope | None:
    """``{"code": 1, "data": ...}`` (or ``{"success": true, "data": ...}``) -> its payload and, when
    it carries no records, the service's message; None when ``document`` is not such an answer."""
    if not isinstance(document, dict) or "data" not in document:
        return None
    if not {normalize_header(str(k)) for k in document if k != "data"} <= _ENVELOPE_META:
        return None
    payload = document["data"]
    code = document.get("code", document.get("status"))
    failed = code is not None and str(code).strip().lower() not in _SUCCESS_CODES
    message: str | None = None
    if isinstance(payload, str):
        message = payload.strip() or "(kosong)"
    elif failed and not payload:
        text = document.get("message") or document.get("msg") or document.get("error")
        message = str(text).strip() if text else f"kode {code}"
    return _Envelope(payload, message)


def _unwrap(value: object) -> object:
    envelope = _envelope(value)
    return envelope.payload if envelope is not None else value


def _message_issue(
    display: str, message: str, layout: Layout | None, row: int | None = None, column: str | None = None
) -> RowIssue:
    source = "SIASN" if layout is not None and layout.kind == "siasn-json" else "di file"
    return RowIssue(file=display, sheet=None, row=row, column=column, value=None,
                    reason=f"tidak ada data (pesan {source}: {message!r})", nip=None, severity=WARNING)  # fmt: skip


def _siasn_unused(name: str, layout: Layout | None) -> bool:
    """A SIASN riwayat name (rw-golongan, rw-angkakredit ...) the layout maps to no Talenta table."""
    if layout is None or layout.kind != "siasn-json":
        return False
    key = header_key(name)
    prefixes = [header_key(p) for p in layout.strings("riwayat_prefixes", ("rw_",))]
    return any(key.startswith(p) for p in prefixes) and _child_table(name, layout) is None


def _unused_issue(display: str, name: str, layout: Layout | None) -> RowIssue:
    reasons = layout.options.get("skip_reasons", {}) if layout is not None else {}
    why = reasons.get(header_key(name)) if isinstance(reasons, dict) else None
    reason = f"{SIASN_UNUSED}: {name}, dilewati" + (f" ({why})" if why else "")
    return _file_issue(display, reason, WARNING)


def _sensitive_key(key: object, layout: Layout | None) -> bool:
    """schema's personal-data rule, plus the layout's own list (``[options] sensitive``)."""
    if sensitive(key):
        return True
    if layout is None:
        return False
    return sensitive_name(header_key(key), map(header_key, layout.strings("sensitive")))


def _json_layout(options: ReadOptions, keys: list[str], path: Path, envelope: bool) -> Layout | None:
    """The file's layout by its keys; a web-service answer with few keys (a message instead of
    records) is known by its SIASN file name (rw-skp22.json)."""
    layout = options.choose(keys, [path.stem], path.suffix)
    if layout is not None or options.forced is not None or not envelope:
        return layout
    key = header_key(path.stem)
    for candidate in options.layouts.values():
        if candidate.kind != "siasn-json" or not candidate.accepts(path.suffix):
            continue
        prefixes = [header_key(p) for p in candidate.strings("riwayat_prefixes", ("rw_",))]
        named = candidate.table_for(path.stem) is not None or key.startswith(tuple(prefixes))
        if named or key in candidate.sheet_signature:
            return candidate
    return None


def _is_bundle(item: dict, layout: Layout | None) -> bool:
    """One person as {"data-utama": {...}, "rw-jabatan": [...], ...}."""
    return any(
        isinstance(_unwrap(v), dict) and _child_table(str(k), layout) is PEGAWAI for k, v in item.items()
    )


def _is_table_lists(item: dict, layout: Layout | None) -> bool:
    """{"pegawai": [...], "diklat": [...]} / {"data-utama": [...], "rw-skp22": {"code": 1, "data": [...]}}."""
    return any(
        (normalize_header(str(k)) in _ENVELOPE_KEYS or _child_table(str(k), layout) is not None)
        and isinstance(_unwrap(v), list | str)
        for k, v in item.items()
    )


def read_json(
    path: Path, display: str, options: ReadOptions | None = None
) -> tuple[list[RawTable], list[RowIssue]]:
    """A list of people, {"data": [...]} / {"pegawai": [...]}, one person object, or
    {"pegawai": [...], "diklat": [...], ...} with one list per table.

    A web-service answer {"code": 1, "data": ...} holds the records of the table its file is named
    after (rw-jabatan.json: riwayat jabatan); "data" as a message string means no records (a
    warning, never a crash). SIASN riwayat tables Talenta has no table for are skipped with a note.
    """
    try:
        document = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        return [], [_file_issue(display, f"JSON tidak valid (baris {exc.lineno}, kolom {exc.colno}): {exc.msg}",
                                REJECTED, row=exc.lineno)]  # fmt: skip
    options = options or ReadOptions()
    envelope = _envelope(document)
    payload = envelope.payload if envelope is not None else document
    sample = payload if isinstance(payload, list) else [payload]
    layout = _json_layout(options, _json_keys(sample), path, envelope is not None)
    if _siasn_unused(path.stem, layout):
        return [], [_unused_issue(display, path.stem, layout)]
    if envelope is not None and envelope.message is not None:
        return [], [_message_issue(display, envelope.message, layout)]
    stem = _child_table(path.stem, layout)
    notes: list[RowIssue] = []
    lists: list[tuple[str | None, Table, list[object]]] = []
    if isinstance(payload, list):
        lists.append((None, stem or PEGAWAI, payload))
    elif isinstance(payload, dict):
        if stem is not None and stem is not PEGAWAI and envelope is not None:
            lists.append((None, stem, [payload]))
        elif any(_is_nip_header(k) for k in payload) or _is_bundle(payload, layout):
            lists.append((None, PEGAWAI, [payload]))
        elif _is_table_lists(payload, layout):
            for key, value in payload.items():
                key = str(key)
                table = PEGAWAI if normalize_header(key) in _ENVELOPE_KEYS else _child_table(key, layout)
                if table is None:
                    if _siasn_unused(key, layout):
                        notes.append(_unused_issue(display, key, layout))
                    continue
                inner = _envelope(value)
                if inner is not None:
                    if inner.message is not None:
                        notes.append(_message_issue(display, inner.message, layout, column=key))
                        continue
                    value = inner.payload
                if isinstance(value, dict):
                    value = [value]
                if isinstance(value, list):
                    lists.append((key, table, value))
                elif isinstance(value, str) and value.strip():
                    notes.append(_message_issue(display, value.strip(), layout, column=key))
        elif stem is not None:
            lists.append((None, stem, [payload]))
    if not lists:
        return [], notes or [_unrecognised(display)]
    tables = []
    for key, table, items in lists:
        numbered: list[tuple[int, object, str | None]] = [
            (n, item, None) for n, item in enumerate(items, start=1)
        ]
        sheet = None if len(lists) == 1 else key
        tables.append(_objects_table(display, sheet, table, numbered, layout, notes))
    return tables, notes


def read_jsonl(
    path: Path, display: str, options: ReadOptions | None = None
) -> tuple[list[RawTable], list[RowIssue]]:
    """One person object per line (a SIASN bundle {"data-utama": {...}, "rw-*": [...]} too, or one
    record per line of the table the file is named after); an invalid line becomes a rejected row,
    the rest loads."""
    numbered: list[tuple[int, object, str | None]] = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            numbered.append((number, json.loads(line), None))
        except json.JSONDecodeError as exc:
            numbered.append((number, None, f"baris JSON tidak valid (kolom {exc.colno}): {exc.msg}"))
    if not numbered:
        return [], [_file_issue(display, "file kosong, dilewati")]
    options = options or ReadOptions()
    layout = options.choose(_json_keys([_unwrap(item) for _, item, _ in numbered]), [path.stem], path.suffix)
    if _siasn_unused(path.stem, layout):
        return [], [_unused_issue(display, path.stem, layout)]
    notes: list[RowIssue] = []
    table = _child_table(path.stem, layout) or PEGAWAI
    return [_objects_table(display, None, table, numbered, layout, notes)], notes


def _objects_table(
    display: str,
    sheet: str | None,
    table: Table,
    numbered: list[tuple[int, object, str | None]],
    layout: Layout | None = None,
    notes: list[RowIssue] | None = None,
) -> RawTable:
    """Turn JSON objects into a RawTable: scalar keys become columns, child-table lists stay nested.

    Web-service envelopes are opened (a message instead of records goes to ``notes``), SIASN riwayat
    keys Talenta has no table for are skipped with one note per key, personal keys are dropped."""
    notes = notes if notes is not None else []
    headers: dict[str, int] = {}
    dropped: dict[str, None] = {}
    unused: dict[str, None] = {}
    parsed: list[tuple[int, dict[str, object], list[NestedList], str | None]] = []
    for number, item, error in numbered:
        envelope = _envelope(item) if error is None else None
        if envelope is not None:
            if envelope.message is not None:
                notes.append(_message_issue(display, envelope.message, layout, row=number))
                continue
            item = envelope.payload
        if error is not None or not isinstance(item, dict):
            parsed.append(
                (number, {}, [], error or 'data bukan objek JSON (harus {"nip": ..., "nama": ...})')
            )
            continue
        if table is PEGAWAI:
            item = _lift_data_utama(item, layout)
        values: dict[str, object] = {}
        nested: list[NestedList] = []
        for key, value in item.items():
            key = str(key)
            child = _child_table(key, layout) if table is PEGAWAI else None
            if child is not None and child is not PEGAWAI and (inner := _envelope(value)) is not None:
                if inner.message is not None:
                    notes.append(_message_issue(display, inner.message, layout, row=number, column=key))
                    continue
                value = inner.payload
            if child is not None and child is not PEGAWAI and isinstance(value, list | dict):
                items = [value] if isinstance(value, dict) else value
                kept = [_drop_sensitive(x, key, dropped, layout) for x in items]
                nested.append(NestedList(key, child, kept))
            elif table is PEGAWAI and _siasn_unused(key, layout):
                unused[key] = None
            elif _sensitive_key(key, layout):
                dropped[key] = None
            elif (
                child is not None
                and child is not PEGAWAI
                and resolve_column(table, key) is None
                and (layout is None or layout.column(table.name, key) is None)
            ):
                nested.append(NestedList(key, child, value))
            else:
                values[key] = value
                headers.setdefault(key, len(headers))
        parsed.append((number, values, nested, None))
    notes.extend(_unused_issue(display, key, layout) for key in unused)
    names = list(headers)
    rows = [
        RawRow(row=number, cells=[values.get(h) for h in names], nested=nested, error=error)
        for number, values, nested, error in parsed
    ]
    return RawTable(
        file=display, sheet=sheet, table=table, headers=names, rows=rows, dropped=list(dropped), layout=layout
    )


def _lift_data_utama(item: dict, layout: Layout | None = None) -> dict:
    """{"data-utama": {...}, "rw-jabatan": [...]} -> the identity keys at the top level (a
    {"code": 1, "data": {...}} around data-utama is opened)."""
    inner: dict[object, dict] = {}
    for k, v in item.items():
        value = _unwrap(v)
        if isinstance(value, dict) and _child_table(str(k), layout) is PEGAWAI:
            inner[k] = value
    if not inner:
        return item
    flat: dict = {}
    for key, value in item.items():
        if key in inner:
            flat.update({k: v for k, v in inner[key].items() if k not in flat})
        elif key not in flat:
            flat[key] = value
    return flat


def _drop_sensitive(item: object, key: str, dropped: dict[str, None], layout: Layout | None = None) -> object:
    if not isinstance(item, dict):
        return item
    kept = {}
    for name, value in item.items():
        if _sensitive_key(name, layout):
            dropped[f"{key}[].{name}"] = None
        else:
            kept[str(name)] = value
    return kept
