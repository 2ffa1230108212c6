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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.report import REJECTED, WARNING, RowIssue
from ingest.schema import PEGAWAI, TABLES, Table, is_sensitive, normalize_header, resolve_table

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DATA_SUFFIXES = TEXT_SUFFIXES | XLSX_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
# Not data, skipped without a word: documentation, pictures, archives of notes.
QUIET_SUFFIXES = {".md", ".rst", ".pdf", ".doc", ".docx", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".html", ".htm",
                  ".yaml", ".yml", ".toml", ".ini", ".cfg", ".log", ".py", ".sh"}  # fmt: skip
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

    @property
    def label(self) -> str:
        return f"{self.file}/{self.sheet}" if self.sheet else self.file


@dataclass
class ReadOutcome:
    tables: list[RawTable] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)


# --- headers ----------------------------------------------------------------------------------

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _snake(header: str) -> str:
    """'nipBaru' -> 'nip_Baru', 'tempatLahir' -> 'tempat_Lahir' (SIASN JSON keys are camelCase)."""
    return _CAMEL.sub("_", header)


def resolve_column(table: Table, header: object) -> str | None:
    """Canonical column for a header as written, camelCase included ('unorNama' -> unit_kerja)."""
    return _resolve_column(table.name, str(header))


@lru_cache(maxsize=8192)
def _resolve_column(table_name: str, text: str) -> str | None:
    table = TABLES[table_name]
    return table.resolve(text) or table.resolve(_snake(text))


def sensitive(header: object) -> bool:
    """schema.is_sensitive, also for camelCase keys ('noHp', 'tempatLahir', 'statusPerkawinan')."""
    return _sensitive(str(header))


@lru_cache(maxsize=8192)
def _sensitive(text: str) -> bool:
    return is_sensitive(text) or is_sensitive(_snake(text))


@lru_cache(maxsize=4096)
def table_for(name: str) -> Table | None:
    """resolve_table, camelCase included."""
    return resolve_table(name) or resolve_table(_snake(name))


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
            hint = " (Excel lama: simpan ulang sebagai .xlsx)" if suffix == ".xls" else ""
            notes.append(_file_issue(rel.as_posix(), f"format file tidak didukung, dilewati{hint}", WARNING))
    return found, notes


def _file_issue(file: str, reason: str, severity=WARNING, sheet: str | None = None, row: int | None = None):
    return RowIssue(file=file, sheet=sheet, row=row, column=None, value=None, reason=reason, nip=None,
                    severity=severity)  # fmt: skip


def read_path(root: Path) -> ReadOutcome:
    """Read every data file under ``root`` (or ``root`` itself when it is a file)."""
    out = ReadOutcome()
    paths, notes = discover(root)
    out.issues.extend(notes)
    base = root if root.is_dir() else root.parent
    for path in paths:
        display = path.relative_to(base).as_posix()
        try:
            tables, issues = read_file(path, display)
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
    return out


def read_file(path: Path, display: str) -> tuple[list[RawTable], list[RowIssue]]:
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path, display)
    if suffix in JSON_SUFFIXES:
        return read_json(path, display)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path, display)
    return read_delimited(path, display)


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


def _looks_flat_pegawai(headers: list[str]) -> bool:
    canon = {resolve_column(PEGAWAI, h) for h in headers}
    return "nip" in canon and "nama" in canon


def choose_table(names: list[str], headers: list[str]) -> Table | None:
    """The table named by the first resolvable name (sheet, file stem), else pegawai for nip + nama."""
    for name in names:
        if name and (table := table_for(name)) is not None:
            return table
    return PEGAWAI if _looks_flat_pegawai(headers) else None


def build_table(
    file: str,
    sheet: str | None,
    table: Table,
    header_cells: list[object],
    data: list[tuple[int, list[object]]],
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
    return RawTable(file=file, sheet=sheet, table=table, headers=headers, rows=rows, dropped=dropped)


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


def read_delimited(path: Path, display: str) -> tuple[list[RawTable], list[RowIssue]]:
    """A CSV-like file. Row numbers are the records' positions as a spreadsheet shows them."""
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [], [_file_issue(display, "file biner, bukan teks berpemisah (CSV), dilewati")]
    text = decode(data)
    delimiter = sniff_delimiter(text, "\t" if path.suffix.lower() == ".tsv" else None)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[object]]] = [
        (n, list[object](row)) for n, row in enumerate(reader, start=1)
    ]
    header_at = find_header(records)
    if header_at is None:
        return [], [_file_issue(display, "file kosong, dilewati")]
    header = records[header_at][1]
    headers = [" ".join(str(h).split()) for h in header]
    table = choose_table([path.stem], headers)
    if table is None:
        return [], [_unrecognised(display)]
    log.debug("%s: tabel %s, pemisah %r, header di baris %d", display, table.name, delimiter, header_at + 1)
    return [build_table(display, None, table, list(header), records[header_at + 1 :])], []


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


def read_xlsx(path: Path, display: str) -> tuple[list[RawTable], list[RowIssue]]:
    """One table per sheet (by sheet name; by file stem when the workbook has one sheet), or a flat
    pegawai sheet. Sheets named '_...' are skipped; real row numbers are kept."""
    import openpyxl

    tables: list[RawTable] = []
    issues: list[RowIssue] = []
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = [ws for ws in workbook.worksheets if not _hidden(ws.title)]
        for ws in sheets:
            rows = sheet_rows(ws)
            header_at = find_header(rows)
            if header_at is None:
                continue  # an empty sheet
            header = rows[header_at][1]
            headers = [" ".join(str(h).split()) for h in header if h is not None]
            names = [ws.title, path.stem] if len(sheets) == 1 else [ws.title]
            table = choose_table(names, headers)
            if table is None:
                issues.append(_unrecognised(display, ws.title))
                continue
            tables.append(build_table(display, ws.title, table, header, rows[header_at + 1 :]))
    finally:
        workbook.close()
    return tables, issues


# --- JSON / JSONL -----------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    return decode(path.read_bytes())


def read_json(path: Path, display: str) -> tuple[list[RawTable], list[RowIssue]]:
    """A list of people, {"data": [...]} / {"pegawai": [...]}, one person object, or
    {"pegawai": [...], "diklat": [...], ...} with one list per table."""
    try:
        document = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        return [], [_file_issue(display, f"JSON tidak valid (baris {exc.lineno}, kolom {exc.colno}): {exc.msg}",
                                REJECTED, row=exc.lineno)]  # fmt: skip
    lists: list[tuple[Table, list[object]]] = []
    if isinstance(document, list):
        lists.append((PEGAWAI, document))
    elif isinstance(document, dict):
        if any(_is_nip_header(k) for k in document):
            lists.append((PEGAWAI, [document]))
        else:
            for key, value in document.items():
                table = PEGAWAI if normalize_header(key) in _ENVELOPE_KEYS else table_for(key)
                if table is None:
                    continue
                if isinstance(value, dict):
                    value = [value]
                if isinstance(value, list):
                    lists.append((table, value))
    if not lists:
        return [], [_unrecognised(display)]
    tables = []
    for table, items in lists:
        numbered: list[tuple[int, object, str | None]] = [
            (n, item, None) for n, item in enumerate(items, start=1)
        ]
        tables.append(_objects_table(display, None if len(lists) == 1 else table.name, table, numbered))
    return tables, []


def read_jsonl(path: Path, display: str) -> tuple[list[RawTable], list[RowIssue]]:
    """One person object per line; an invalid line becomes a rejected row, the rest loads."""
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
    return [_objects_table(display, None, PEGAWAI, numbered)], []


def _objects_table(
    display: str, sheet: str | None, table: Table, numbered: list[tuple[int, object, str | None]]
) -> RawTable:
    """Turn JSON objects into a RawTable: scalar keys become columns, child-table lists stay nested."""
    headers: dict[str, int] = {}
    dropped: dict[str, None] = {}
    parsed: list[tuple[int, dict[str, object], list[NestedList], str | None]] = []
    for number, item, error in numbered:
        if error is not None or not isinstance(item, dict):
            parsed.append(
                (number, {}, [], error or 'data bukan objek JSON (harus {"nip": ..., "nama": ...})')
            )
            continue
        if table is PEGAWAI:
            item = _lift_data_utama(item)
        values: dict[str, object] = {}
        nested: list[NestedList] = []
        for key, value in item.items():
            key = str(key)
            child = table_for(key) if table is PEGAWAI else None
            if child is not None and child is not PEGAWAI and isinstance(value, list | dict):
                items = [value] if isinstance(value, dict) else value
                nested.append(NestedList(key, child, [_drop_sensitive(x, key, dropped) for x in items]))
            elif sensitive(key):
                dropped[key] = None
            elif child is not None and child is not PEGAWAI and resolve_column(table, key) is None:
                nested.append(NestedList(key, child, value))
            else:
                values[key] = value
                headers.setdefault(key, len(headers))
        parsed.append((number, values, nested, None))
    names = list(headers)
    rows = [
        RawRow(row=number, cells=[values.get(h) for h in names], nested=nested, error=error)
        for number, values, nested, error in parsed
    ]
    return RawTable(file=display, sheet=sheet, table=table, headers=names, rows=rows, dropped=list(dropped))


def _lift_data_utama(item: dict) -> dict:
    """{"data-utama": {...}, "rw-jabatan": [...]} -> the identity keys at the top level."""
    inner = [k for k, v in item.items() if isinstance(v, dict) and table_for(str(k)) is PEGAWAI]
    if not inner:
        return item
    flat: dict = {}
    for key, value in item.items():
        if key in inner:
            flat.update({k: v for k, v in value.items() if k not in flat})
        elif key not in flat:
            flat[key] = value
    return flat


def _drop_sensitive(item: object, key: str, dropped: dict[str, None]) -> object:
    if not isinstance(item, dict):
        return item
    kept = {}
    for name, value in item.items():
        if sensitive(name):
            dropped[f"{key}[].{name}"] = None
        else:
            kept[str(name)] = value
    return kept
