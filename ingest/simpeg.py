"""SIMPEG multi-table exports: internal ids, reference sheets and the nine-box table, resolved
before the rows are validated.

A local SIMPEG exports one sheet (or one CSV) per table. Child tables often carry the system's
internal person id (``id_pegawai``) instead of the NIP; code columns (``gol_id``,
``pendidikan_id``) point into reference sheets (``ref_golongan``, ``ref_pendidikan``); the 9-box
cell sits in its own table, one row per person and period. This pass, run by
:func:`ingest.readers.link_layouts` once every file is read, rewrites the raw tables so the normal
rules of :mod:`ingest.assemble` apply:

* a child row without a NIP gets the NIP of its ``id_pegawai``; an id that is not in the pegawai
  table makes the row a rejected row with that reason;
* a code cell is replaced by the reference's name ('33' -> 'III/c'); a code the reference does not
  have is emptied with a warning (never guessed); without a reference sheet the code stays, and
  the cleaners take what they know (golongan codes like 33) and reject the rest;
* the nine-box table's latest cell per person becomes ``kotak_talenta`` on the pegawai row.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from ingest.layout import Layout, header_key
from ingest.readers import RawRow, RawTable, ReadOutcome
from ingest.report import WARNING, RowIssue
from ingest.schema import NINE_BOX, PEGAWAI, REFERENSI
from ingest.values import ValueProblem, clean_kotak, clean_nip, clean_year, is_missing

log = logging.getLogger(__name__)


def _column(raw: RawTable, keys: Iterable[str]) -> int | None:
    """Index of the first header whose key is one of ``keys`` (in the order of ``keys``)."""
    by_key = {header_key(h): i for i, h in enumerate(raw.headers)}
    return next((by_key[k] for k in keys if k in by_key), None)


def _at(raw: RawTable, column: str) -> int | None:
    """Position of the header that means ``column`` in ``raw``'s table."""
    for index, header in enumerate(raw.headers):
        name = NINE_BOX.resolve(header) if raw.table is NINE_BOX else raw.resolve(raw.table, header)
        if name == column:
            return index
    return None


def _add_column(raw: RawTable, header: str) -> int:
    """Append an empty column to ``raw`` (every row padded to it); its position."""
    raw.headers.append(header)
    at = len(raw.headers) - 1
    for row in raw.rows:
        row.cells.extend([None] * (at + 1 - len(row.cells)))
    return at


def _cell(row: RawRow, index: int | None) -> object:
    return row.cells[index] if index is not None and index < len(row.cells) else None


def _code(value: object) -> str:
    """A code as a comparable key: 33, 33.0, '33', ' 033 ' -> '33'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text.lstrip("0") or text


def _issue(raw: RawTable, row: RawRow | None, column: str | None, value: object, reason: str) -> RowIssue:
    return RowIssue(raw.file, raw.sheet, row.row if row else None, column,
                    None if value is None else str(value), reason, None, WARNING)  # fmt: skip


def _nip_of(value: object) -> str | None:
    try:
        return clean_nip(value)
    except ValueProblem:
        return None


def _reference_name(raw: RawTable, prefixes: list[str]) -> str:
    """'ref_golongan' -> 'golongan', 'Referensi Pendidikan' -> 'pendidikan'."""
    key = header_key(raw.sheet or raw.file.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    for prefix in prefixes:
        if key.startswith(prefix):
            return key[len(prefix) :].lstrip("_")
    return key


def _references(tables: list[RawTable], prefixes: list[str]) -> dict[str, dict[str, str]]:
    """Reference name -> {code: name}, from every REFERENSI table."""
    found: dict[str, dict[str, str]] = {}
    for raw in tables:
        code_at = _column(raw, ("kode", "id", "kd", "kode_referensi"))
        name_at = _column(raw, ("nama", "uraian", "keterangan", "nama_referensi", "golongan", "pangkat", "tingkat"))
        if code_at is None or name_at is None:
            continue
        codes = found.setdefault(_reference_name(raw, prefixes), {})
        for row in raw.rows:
            code, name = _cell(row, code_at), _cell(row, name_at)
            if not is_missing(code) and not is_missing(name):
                codes[_code(code)] = str(name).strip()
    return found


def _is_code_header(header: str) -> bool:
    key = header_key(header)
    return key.endswith("_id") or key.startswith(("kode_", "kd_", "id_"))


def _reference_for(header: str, references: dict[str, dict[str, str]]) -> tuple[str, dict[str, str]] | None:
    """The reference a code column points into: 'gol_id' -> golongan, 'pendidikan_id' -> pendidikan."""
    key = header_key(header)
    stem = key.removesuffix("_id").removeprefix("kode_").removeprefix("kd_").removeprefix("id_")
    for name, codes in references.items():
        if name == stem or name.startswith(stem) or stem.startswith(name):
            return name, codes
    return None


def _resolve_codes(raw: RawTable, references: dict[str, dict[str, str]], issues: list[RowIssue]) -> None:
    for index, header in enumerate(raw.headers):
        column = raw.resolve(raw.table, header)
        if column is None or not _is_code_header(header):
            continue  # a column nothing uses, or not a code
        target = _reference_for(header, references)
        if target is None:
            if raw.table.column(column).kind == "golongan":
                continue  # BKN's numeric golongan codes (33 = III/c) are read by the cleaner
            if any(not is_missing(_cell(row, index)) for row in raw.rows):
                issues.append(_issue(raw, None, header, None, f"kolom kode {header} tanpa tabel referensi "
                                     f"(sheet ref_...): nilainya dikosongkan; sertakan tabel referensinya"))  # fmt: skip
                for row in raw.rows:
                    if index < len(row.cells):
                        row.cells[index] = None
            continue
        name, codes = target
        missing: dict[str, None] = {}
        for row in raw.rows:
            value = _cell(row, index)
            if is_missing(value):
                continue
            resolved = codes.get(_code(value))
            if resolved is None:
                missing[str(value)] = None
                issues.append(_issue(raw, row, header, value, f"kode {value!s} tidak ada di tabel referensi "
                                     f"'{name}'; nilai dikosongkan"))  # fmt: skip
                row.cells[index] = None
            else:
                row.cells[index] = resolved
        log.debug("%s: kolom %s diselesaikan lewat referensi %s", raw.label, header, name)


def _id_map(pegawai: list[RawTable], id_keys: list[str]) -> dict[str, str]:
    """Internal person id -> NIP, from the pegawai tables that have both."""
    ids: dict[str, str] = {}
    for raw in pegawai:
        id_at = _column(raw, id_keys)
        nip_at = _at(raw, "nip")
        if id_at is None or nip_at is None:
            continue
        for row in raw.rows:
            person, nip = _cell(row, id_at), _nip_of(_cell(row, nip_at))
            if not is_missing(person) and nip is not None:
                ids.setdefault(_code(person), nip)
    return ids


def _link_children(raw: RawTable, ids: dict[str, str], link_keys: list[str]) -> None:
    """Give a child table a NIP for every row that has only the internal id."""
    if raw.table is PEGAWAI:
        return
    nip_at = _at(raw, "nip")
    link_at = _column(raw, link_keys)
    if link_at is None:
        return
    if nip_at is None:
        nip_at = _add_column(raw, "nip")
    link_header = raw.headers[link_at]
    for row in raw.rows:
        if row.error is not None or not is_missing(_cell(row, nip_at)):
            continue
        person = _cell(row, link_at)
        if is_missing(person):
            continue  # assemble reports the empty NIP
        nip = ids.get(_code(person))
        if nip is None:
            row.error = f"{link_header} {person!s} tidak ada di tabel pegawai: baris ini tidak bisa dikaitkan"
        else:
            row.cells[nip_at] = nip


def _apply_nine_box(
    boxes: list[RawTable], pegawai: list[RawTable], ids: dict[str, str], link_keys: list[str], issues: list[RowIssue]
) -> None:
    """The latest 9-box cell per NIP onto the pegawai rows (an existing kotak_talenta wins)."""
    latest: dict[str, tuple[tuple[int, int], object]] = {}  # NIP -> ((year, row), the cell as written)
    for raw in boxes:
        nip_at, box_at, year_at = _at(raw, "nip"), _at(raw, "kotak"), _at(raw, "tahun")
        link_at = _column(raw, link_keys)
        if box_at is None:
            issues.append(_issue(raw, None, None, None, "tabel nine-box tanpa kolom kotak; dilewati"))
            continue
        for row in raw.rows:
            nip = _nip_of(_cell(row, nip_at)) if nip_at is not None else None
            if nip is None and link_at is not None and not is_missing(_cell(row, link_at)):
                nip = ids.get(_code(_cell(row, link_at)))
            try:
                box = clean_kotak(_cell(row, box_at))
                year = clean_year(_cell(row, year_at)) if year_at is not None else None
            except ValueProblem as exc:
                issues.append(_issue(raw, row, raw.headers[box_at], _cell(row, box_at), exc.reason + "; dilewati"))
                continue
            if box is None:
                continue
            if nip is None:
                issues.append(_issue(raw, row, None, None, "baris nine-box tanpa NIP / id pegawai yang dikenal; dilewati"))
                continue
            rank = (year or 0, row.row or 0)
            if nip not in latest or rank > latest[nip][0]:
                latest[nip] = (rank, _cell(row, box_at))
    if not latest:
        return
    for raw in pegawai:
        nip_at = _at(raw, "nip")
        if nip_at is None:
            continue
        box_at = _at(raw, "kotak_talenta")
        if box_at is None:
            box_at = _add_column(raw, "kotak_talenta")
        for row in raw.rows:
            row.cells.extend([None] * (box_at + 1 - len(row.cells)))
            nip = _nip_of(_cell(row, nip_at))
            if nip in latest and is_missing(row.cells[box_at]):
                row.cells[box_at] = latest[nip][1]


def link_records(out: ReadOutcome) -> None:
    """Resolve ids, codes and the nine-box table of the SIMPEG tables in ``out`` (in place)."""
    simpeg = [t for t in out.tables if t.layout is not None and t.layout.kind == "simpeg"]
    if not simpeg:
        return
    layout: Layout = simpeg[0].layout  # type: ignore[assignment]
    prefixes = [header_key(p) for p in layout.strings("reference_prefixes", ("ref_", "referensi_", "master_"))]
    id_keys = [header_key(k) for k in layout.strings("person_id", ("id_pegawai", "pegawai_id", "id"))]
    link_keys = [header_key(k) for k in layout.strings("link_keys", ("id_pegawai", "pegawai_id"))]
    references = _references([t for t in simpeg if t.table is REFERENSI], prefixes)
    boxes = [t for t in simpeg if t.table is NINE_BOX]
    data = [t for t in simpeg if t.table not in (REFERENSI, NINE_BOX)]
    pegawai = [t for t in data if t.table is PEGAWAI]
    for raw in data:
        _resolve_codes(raw, references, out.issues)
    ids = _id_map(pegawai, id_keys)
    for raw in data:
        _link_children(raw, ids, link_keys)
    _apply_nine_box(boxes, pegawai, ids, link_keys, out.issues)
    out.tables = [t for t in out.tables if t.table not in (REFERENSI, NINE_BOX)]
