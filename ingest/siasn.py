"""SIASN web-service JSON: link riwayat records to their person once every file is read.

The tools that pull BKN's SIASN web service save a folder per NIP (``199001012015031001/
data-utama.json``, ``rw-jabatan.json``, ``rw-skp22.json`` ...), or the same records in one JSON /
JSONL file. Riwayat records often carry no NIP: they point at their person through the SIASN id
(``rw-skp22`` ``pnsDinilaiId``, ``rw-jabatan`` ``idPns``, ``rw-penghargaan`` ``pnsOrangId`` ...) that
is data-utama's ``id``. :func:`link_records` gives every such record its NIP:

1. by the id it carries, matched against data-utama ``id`` (keys: ``[options] link_keys`` and
   ``person_id`` in ``ingest/layouts/siasn-json.toml``);
2. else by its folder, when the folder holds exactly one person's data-utama and is named after
   that person's NIP (or is the folder the import was started on).

A record that cannot be linked, or whose own NIP disagrees with the link, is reported (file, row,
column, reason) and removed before assembly. SIASN code values the cleaners do not know
(``jenisJabatan`` "1" / "2" / "4") are read through ``[options.codes]``. Notes about SIASN tables
Talenta has no table for are kept once per table name.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from assistant.domain.nip import NipError, validate_nip
from ingest.layout import Layout, header_key
from ingest.readers import SIASN_UNUSED, RawRow, RawTable, ReadOutcome
from ingest.report import REJECTED, WARNING, RowIssue
from ingest.schema import PEGAWAI
from ingest.values import is_missing

log = logging.getLogger(__name__)

KIND = "siasn-json"
_AMBIGUOUS = ""  # an id or folder shared by several NIPs links nothing


@dataclass
class _People:
    """Who is who: SIASN id -> NIP, folder -> NIP (both from data-utama)."""

    by_id: dict[str, str] = field(default_factory=dict)
    id_of: dict[str, str] = field(default_factory=dict)  # NIP -> SIASN id
    by_folder: dict[str, str] = field(default_factory=dict)
    invalid_ids: dict[str, str] = field(default_factory=dict)  # id -> NIP as written (invalid)


@dataclass
class _Link:
    nip: str | None
    how: str  # "pnsDinilaiId 'X'" / "folder 1990..." (for reasons)
    problem: tuple[str | None, str] | None = None  # (column, reason) when the row cannot be linked


def _nip(raw: object) -> str | None:
    """The NIP as Talenta stores it, or None when it is not a valid NIP (assemble reports those)."""
    if is_missing(raw) or isinstance(raw, bool):
        return None
    try:
        return validate_nip(raw.strip() if isinstance(raw, str) else raw)
    except NipError:
        return None


def _text(raw: object) -> str | None:
    return None if is_missing(raw) else str(raw).strip()


def _folder(file: str) -> str:
    return PurePosixPath(file).parent.as_posix()


def _indices(raw: RawTable, keys: list[str]) -> list[int]:
    """Header positions whose key is one of ``keys``, in the order of ``keys``."""
    wanted = {header_key(k): n for n, k in enumerate(keys)}
    found = [(wanted[header_key(h)], i) for i, h in enumerate(raw.headers) if header_key(h) in wanted]
    return [i for _, i in sorted(found)]


def _nip_indices(raw: RawTable) -> list[int]:
    found = [i for i, h in enumerate(raw.headers) if raw.resolve(raw.table, h) == "nip"]
    return sorted(found, key=lambda i: raw.rank(raw.table, raw.headers[i]) or 0)


def _cell(row: RawRow, index: int) -> object:
    return row.cells[index] if index < len(row.cells) else None


def _first(row: RawRow, raw: RawTable, indices: list[int]) -> tuple[str | None, object]:
    """(header, value) of the first non-missing cell among ``indices``."""
    for index in indices:
        value = _cell(row, index)
        if not is_missing(value):
            return raw.headers[index], value
    return None, None


def _is_data_utama(raw: RawTable, layout: Layout) -> bool:
    return layout.table_for(PurePosixPath(raw.file).stem) == PEGAWAI.name


def _issue(
    raw: RawTable,
    row: int | None,
    column: str | None,
    value: object,
    reason: str,
    nip: str | None,
    severity=REJECTED,
) -> RowIssue:
    shown = None if value is None else str(value)[:200]
    return RowIssue(raw.file, raw.sheet, row, column, shown, reason, nip, severity)


def _people(tables: list[RawTable], issues: list[RowIssue]) -> _People:
    people = _People()
    folders: dict[str, set[str]] = defaultdict(set)
    for raw in tables:
        layout = raw.layout
        assert layout is not None
        nip_at = _nip_indices(raw)
        id_at = _indices(raw, layout.strings("person_id", ("id",)))
        per_person_file = _is_data_utama(raw, layout)
        for row in raw.rows:
            if row.error is not None:
                continue
            _, written = _first(row, raw, nip_at)
            nip = _nip(written)
            _, pid = _first(row, raw, id_at)
            pid = _text(pid)
            if pid is not None:
                if nip is None:
                    people.invalid_ids.setdefault(pid, "" if written is None else str(written))
                elif people.by_id.get(pid, nip) != nip:
                    people.by_id[pid] = _AMBIGUOUS
                else:
                    people.by_id[pid] = nip
                    people.id_of.setdefault(nip, pid)
            if per_person_file:
                folders[_folder(raw.file)].add(nip or _AMBIGUOUS)
                if nip is not None:
                    _check_folder_name(raw, row, nip, issues)
    for folder, nips in folders.items():
        if len(nips) != 1:
            continue
        (nip,) = nips
        name = PurePosixPath(folder).name
        if nip and (folder == "." or _nip(name) == nip):
            people.by_folder[folder] = nip
    return people


def _check_folder_name(raw: RawTable, row: RawRow, nip: str, issues: list[RowIssue]) -> None:
    """A per-NIP folder whose name is another NIP than its data-utama: reported, not used for links."""
    name = PurePosixPath(_folder(raw.file)).name
    named = _nip(name)
    if named is not None and named != nip:
        issues.append(
            _issue(
                raw,
                row.row,
                None,
                name,
                f"nama folder ({named}) berbeda dengan NIP di data-utama ({nip}): riwayat di folder ini hanya "
                "ditautkan lewat id SIASN",
                nip,
                WARNING,
            )
        )


def _link(raw: RawTable, row: RawRow, people: _People, link_at: list[int]) -> _Link:
    """The person a riwayat row belongs to, by the id it carries, else by its folder."""
    folder = _folder(raw.file)
    by_folder = people.by_folder.get(folder)
    header, value = _first(row, raw, link_at)
    rid = _text(value)
    if rid is not None:
        how = f"{header} {rid!r}"
        nip = people.by_id.get(rid)
        if nip == _AMBIGUOUS:
            return _Link(None, how, (header, f"{how} dipakai oleh lebih dari satu pegawai di data-utama"))
        if nip is not None:
            if by_folder is not None and by_folder != nip:
                return _Link(
                    None,
                    how,
                    (
                        header,
                        f"{how} menunjuk pegawai {nip}, tetapi file ini ada di folder pegawai {by_folder}",
                    ),
                )
            return _Link(nip, how)
        if rid in people.invalid_ids:
            return _Link(
                None,
                how,
                (header, f"{how} menunjuk data-utama dengan NIP tidak valid ({people.invalid_ids[rid]!r})"),
            )
        if by_folder is not None:
            own_id = people.id_of.get(by_folder)
            if own_id is not None:
                return _Link(
                    None, how, (header, f"{how} bukan id pegawai di folder ini ({by_folder}, id {own_id!r})")
                )
            return _Link(by_folder, f"folder {folder}")
        return _Link(None, how, (header, f"{how} tidak cocok dengan id data-utama mana pun"))
    if by_folder is not None:
        return _Link(by_folder, f"folder {folder}")
    where = "folder impor" if folder == "." else f"folder {folder!r}"
    return _Link(
        None,
        "-",
        (
            None,
            f"tidak ada id pegawai ({', '.join(_link_names(raw))}) dan {where} bukan "
            "folder satu pegawai (nama folder = NIP, berisi data-utama)",
        ),
    )


def _link_names(raw: RawTable) -> list[str]:
    assert raw.layout is not None
    return raw.layout.strings("link_keys", ("pns_dinilai_id", "id_pns", "pns_id"))


def _link_table(raw: RawTable, people: _People, issues: list[RowIssue]) -> None:
    """Give every row of one riwayat table its NIP; report and remove the rows that cannot have one."""
    nip_at = _nip_indices(raw)
    link_at = _indices(raw, _link_names(raw))
    if not nip_at:
        raw.headers.append("nip")
        for row in raw.rows:
            row.cells.extend([None] * (len(raw.headers) - 1 - len(row.cells)) + [None])
        nip_at = [len(raw.headers) - 1]
    kept: list[RawRow] = []
    for row in raw.rows:
        if row.error is not None:
            kept.append(row)
            continue
        own_header, own = _first(row, raw, nip_at)
        link = _link(raw, row, people, link_at)
        if own is not None:
            own_nip = _nip(own)
            if link.nip is not None and own_nip is not None and own_nip != link.nip:
                issues.append(
                    _issue(
                        raw,
                        row.row,
                        own_header,
                        own,
                        f"NIP di data ini ({own_nip}) berbeda dengan pegawai yang ditautkan lewat "
                        f"{link.how} ({link.nip}); data tidak dimuat",
                        link.nip,
                    )
                )
                continue
            kept.append(row)  # linked or not, its own NIP decides (assemble reports an unknown one)
            continue
        if link.nip is None:
            column, reason = link.problem or (None, "tidak bisa ditautkan")
            value = None if column is None else _cell(row, raw.headers.index(column))
            issues.append(
                _issue(
                    raw,
                    row.row,
                    column or "nip",
                    value,
                    f"data riwayat tidak bisa ditautkan ke pegawai: {reason}; data tidak dimuat",
                    None,
                )
            )
            continue
        index = nip_at[0]
        while len(row.cells) <= index:
            row.cells.append(None)
        row.cells[index] = link.nip
        kept.append(row)
    raw.rows = kept


def _check_nested(raw: RawTable, issues: list[RowIssue]) -> None:
    """Riwayat items nested in a person's bundle that carry another person's SIASN id: reported and
    removed (the column names the item as it was numbered in the file)."""
    assert raw.layout is not None
    id_at = _indices(raw, raw.layout.strings("person_id", ("id",)))
    links = [header_key(k) for k in _link_names(raw)]
    for row in raw.rows:
        _, pid = _first(row, raw, id_at)
        pid = _text(pid)
        if pid is None or not row.nested:
            continue
        nip = _nip(_first(row, raw, _nip_indices(raw))[1])
        for nested in row.nested:
            if not isinstance(nested.items, list):
                continue
            kept = []
            for index, item in enumerate(nested.items, start=1):
                found = sorted(
                    (links.index(header_key(k)), str(k), v)
                    for k, v in (item.items() if isinstance(item, dict) else ())
                    if header_key(k) in links and not is_missing(v)
                )
                if found and str(found[0][2]).strip() != pid:
                    _, key, value = found[0]
                    issues.append(
                        _issue(
                            raw,
                            row.row,
                            f"{nested.key}[{index}].{key}",
                            value,
                            f"data riwayat milik pegawai lain: {key} {str(value).strip()!r} bukan id "
                            f"pegawai ini ({pid!r}); data tidak dimuat",
                            nip,
                        )
                    )
                    continue
                kept.append(item)
            nested.items = kept


def _drop_used(raw: RawTable, keys: list[str]) -> None:
    """The id columns this pass consumed: not data, so not listed as unknown columns afterwards."""
    drop = set(_indices(raw, keys))
    if not drop:
        return
    raw.headers = [h for i, h in enumerate(raw.headers) if i not in drop]
    for row in raw.rows:
        row.cells = [c for i, c in enumerate(row.cells) if i not in drop]


def _codes(layout: Layout) -> dict[str, dict[str, str]]:
    """``[options.codes]``: canonical column -> {SIASN code: text the cleaners know}."""
    codes = layout.options.get("codes", {})
    if not isinstance(codes, dict):
        return {}
    return {
        str(col): {str(k): str(v) for k, v in table.items()}
        for col, table in codes.items()
        if isinstance(table, dict)
    }


def _translate(raw: RawTable) -> None:
    """Replace SIASN code values (jenisJabatan "2") by the text they stand for, in rows and nested items."""
    assert raw.layout is not None
    codes = _codes(raw.layout)
    if not codes:
        return
    columns = {i: codes[c] for i, h in enumerate(raw.headers) if (c := raw.resolve(raw.table, h)) in codes}
    for row in raw.rows:
        for index, table in columns.items():
            value = _cell(row, index)
            if value is not None and str(value).strip() in table:
                row.cells[index] = table[str(value).strip()]
        for nested in row.nested:
            if not isinstance(nested.items, list):
                continue
            for item in nested.items:
                if not isinstance(item, dict):
                    continue
                for key, value in item.items():
                    column = raw.resolve(nested.table, key)
                    if column in codes and value is not None and str(value).strip() in codes[column]:
                        item[key] = codes[column][str(value).strip()]


def _collapse_unused(issues: list[RowIssue]) -> None:
    """One note per SIASN table Talenta does not use, not one per file: the first stays, counted."""
    prefix = SIASN_UNUSED + ": "
    first: dict[str, int] = {}
    count: dict[str, int] = defaultdict(int)
    kept: list[RowIssue] = []
    for issue in issues:
        if issue.severity == WARNING and issue.reason.startswith(prefix):
            name = header_key(issue.reason[len(prefix) :].split(",")[0])
            count[name] += 1
            if name in first:
                continue
            first[name] = len(kept)
        kept.append(issue)
    for name, index in first.items():
        if count[name] > 1:
            issue = kept[index]
            kept[index] = RowIssue(
                issue.file,
                issue.sheet,
                issue.row,
                issue.column,
                issue.value,
                f"{issue.reason} (di {count[name]} file)",
                issue.nip,
                issue.severity,
            )
    issues[:] = kept


def link_records(out: ReadOutcome) -> None:
    """Link the SIASN riwayat tables of ``out`` to their people (in place); report what cannot be linked."""
    tables = [t for t in out.tables if t.layout is not None and t.layout.kind == KIND]
    pegawai = [t for t in tables if t.table is PEGAWAI]
    issues: list[RowIssue] = []
    people = _people(pegawai, issues)
    for raw in tables:
        assert raw.layout is not None
        if raw.table is not PEGAWAI:
            _link_table(raw, people, issues)
            _drop_used(raw, _link_names(raw))
        else:
            _check_nested(raw, issues)
            _drop_used(raw, raw.layout.strings("person_id", ("id",)))
        _translate(raw)
    out.issues.extend(issues)
    _collapse_unused(out.issues)
    log.debug(
        "SIASN: %d id, %d folder pegawai; %d catatan tautan",
        len(people.by_id),
        len(people.by_folder),
        len(issues),
    )
