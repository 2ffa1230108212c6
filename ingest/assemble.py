"""From raw tables to validated Employees: map headers, clean values, reject bad rows, join by NIP.

Rules (each rejection is a RowIssue with severity "ditolak"; the row does not land):

* pegawai row: an invalid NIP, an empty ``nama`` or any invalid value in a recognised column
  rejects the whole row, one issue per bad cell. A missing required column rejects every row of
  that table (one file-level issue plus one issue per row).
* the same NIP twice: identical rows (or rows that only fill each other's blanks) are merged with a
  "peringatan"; rows that disagree on a value keep the first and reject the later ones.
* child row (table or nested JSON item): an invalid value or an empty required value rejects that
  row alone; so does a NIP without a valid pegawai row. Identical child rows are merged.
* ``Employee.model_validate`` errors become issues too (a bad child item is dropped, the person
  stays), never a crash.
* trainers' score sheets (:mod:`ingest.score_sheet`) are joined last, by their own rules: a
  participant not in this import is an *addition* (NIP and Diklat, ``Assembler.additions``), not
  a rejected row and never a new person.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, TypeAdapter, ValidationError

from assistant.domain.models import Diklat, Employee
from ingest.readers import NestedList, RawRow, RawTable, resolve_column
from ingest.report import REJECTED, WARNING, IngestReport, RowIssue
from ingest.schema import PEGAWAI, TABLES, Table, normalize_header
from ingest.values import CLEANERS, Context, ValueProblem, is_missing, split_titles

log = logging.getLogger(__name__)

_MAX_VALUE = 200
_PENDIDIKAN_FLAT = {
    "pendidikan_jenjang": "jenjang",
    "pendidikan_jurusan": "jurusan",
    "pendidikan_institusi": "institusi",
    "pendidikan_tahun_lulus": "tahun_lulus",
}
# Pegawai columns stored on Employee under the same name (the pendidikan_* ones become a Pendidikan).
PEGAWAI_FIELDS: tuple[str, ...] = tuple(c.name for c in PEGAWAI.columns if c.name not in _PENDIDIKAN_FLAT)
# Child table -> (Employee list field, {column: model field} for the columns whose names differ).
CHILD_FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "pendidikan": ("pendidikan", {}),
    "riwayat_jabatan": ("riwayat_jabatan", {}),
    "diklat": ("diklat", {"nama_diklat": "nama", "jenis_diklat": "jenis"}),
    "skp": ("skp", {"predikat_kinerja": "predikat", "perilaku_kerja": "perilaku"}),
    "asesmen": ("asesmen", {}),
    "penghargaan": ("penghargaan", {"nama_penghargaan": "nama"}),
    "hukuman_disiplin": ("hukuman_disiplin", {}),
}
LIST_FIELDS = frozenset(field for field, _ in CHILD_FIELDS.values())
_EMPLOYEES = TypeAdapter(list[Employee])


@dataclass(frozen=True, slots=True)
class Loc:
    """Where a row is: file, sheet, row, and for a nested JSON item a column prefix 'diklat[2].'."""

    file: str
    sheet: str | None
    row: int | None
    prefix: str = ""

    def column(self, header: str | None) -> str | None:
        if header is None:
            return self.prefix.rstrip(".") or None
        return f"{self.prefix}{header}"

    def describe(self, other: Loc | None = None) -> str:
        """'baris 2' (same file as ``other``), 'pegawai.csv baris 2', 'diklat[1] di baris 3'."""
        parts = []
        if other is None or (self.file, self.sheet) != (other.file, other.sheet):
            parts.append(self.file + (f" sheet {self.sheet}" if self.sheet else ""))
        if self.row is not None:
            parts.append(
                f"data ke-{self.row}" if self.file.lower().endswith(".json") else f"baris {self.row}"
            )
        text = " ".join(parts)
        return f"{self.prefix.rstrip('.')} di {text}" if self.prefix else text


@dataclass
class Problem:
    header: str | None
    value: str | None
    reason: str


@dataclass
class Draft:
    """A person being assembled: the accepted pegawai values and their child records."""

    nip: str
    loc: Loc
    fields: dict[str, object]
    children: dict[str, list[tuple[dict[str, object], Loc]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    seen: dict[tuple, Loc] = field(default_factory=dict)


@dataclass
class _Plan:
    """How a table's headers map to its columns."""

    columns: dict[str, list[int]]  # column -> header indices (the first non-missing value wins)
    unknown: list[str]
    missing: list[str]  # required columns with no header


def _value_text(raw: object) -> str | None:
    if raw is None:
        return None
    text = raw if isinstance(raw, str) else str(raw)
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


def _header_rank(table: Table, name: str, header: str, raw: RawTable | None = None) -> tuple[int, int]:
    """Which of several headers for one column to trust first: the layout's own order, then the
    canonical name, then an alias that is not also a pegawai column (in diklat.csv, 'nama' is more
    likely the person's name than the course's), then the rest."""
    if raw is not None and (position := raw.rank(table, header)) is not None:
        return (0, position)
    if normalize_header(header) == name:
        return (1, 0)
    if table is not PEGAWAI and resolve_column(PEGAWAI, header) is not None:
        return (3, 0)
    return (2, 0)


def plan_table(table: Table, headers: list[str], raw: RawTable | None = None) -> _Plan:
    """Map headers to columns (through ``raw``'s layout when it has one); several headers for one
    column are ordered by trust."""
    columns: dict[str, list[int]] = {}
    unknown: list[str] = []
    for index, header in enumerate(headers):
        name = raw.resolve(table, header) if raw is not None else resolve_column(table, header)
        if name is None:
            if raw is None or raw.layout is None or not raw.layout.ignores(header):
                unknown.append(header)
        else:
            columns.setdefault(name, []).append(index)
    for name, indices in columns.items():
        ranks = {i: _header_rank(table, name, headers[i], raw) for i in indices}
        indices.sort(key=ranks.__getitem__)
        if ranks[indices[0]][0] < 3:  # a better header exists: never fall back to the person's name
            unknown.extend(headers[i] for i in indices if ranks[i][0] == 3)
            indices[:] = [i for i in indices if ranks[i][0] < 3]
    missing = [c.name for c in table.columns if c.required and c.name not in columns]
    return _Plan(columns, unknown, missing)


def clean_row(
    table: Table, picked: dict[str, tuple[str, object]], missing: Sequence[str] = ()
) -> tuple[dict[str, object], list[Problem], list[Problem]]:
    """Clean one row: ``picked`` maps column -> (header as written, raw value).

    Returns the clean values (every column of the table, None when absent), the problems that
    reject the row, and the warnings that do not.
    """
    ctx = Context(eselon=picked["eselon"][1] if "eselon" in picked else None)
    values: dict[str, object] = {}
    problems: list[Problem] = []
    notes: list[Problem] = []
    for column in table.columns:
        name = column.name
        if name not in picked:
            values[name] = None
            continue
        header, raw = picked[name]
        try:
            values[name] = CLEANERS[column.kind](raw, ctx)
        except ValueProblem as exc:
            values[name] = None
            problems.append(Problem(header, _value_text(raw), exc.reason))
            continue
        if ctx.warnings:
            notes.extend(Problem(header, _value_text(raw), w) for w in ctx.warnings)
            ctx.warnings.clear()
    bad = {p.header for p in problems}
    for column in table.columns:
        if not column.required:
            continue
        if column.name in missing:
            problems.append(Problem(column.name, None, f"kolom wajib '{column.name}' tidak ada"))
        elif values[column.name] is None:
            header = picked[column.name][0] if column.name in picked else column.name
            if header not in bad:
                reason = "NIP kosong" if column.kind == "nip" else f"kolom wajib '{header}' kosong"
                problems.append(Problem(header, None, reason))
    return values, problems, notes


def _split_name(values: dict[str, object]) -> None:
    """Titles written inside the name ('Ir. Siti Rahmawati, M.Si.') move to gelar_depan /
    gelar_belakang; titles already in those columns win and are not repeated."""
    name = values.get("nama")
    if not isinstance(name, str):
        return
    front, bare, back = split_titles(name)
    if bare == name or not bare:
        return
    values["nama"] = bare
    if front and not values.get("gelar_depan"):
        values["gelar_depan"] = front
    if back and not values.get("gelar_belakang"):
        values["gelar_belakang"] = back


def _same_education(flat: dict[str, object], record: dict[str, object]) -> bool:
    """The pegawai row's 'highest education' already present as a pendidikan record: every value
    the flat columns give agrees with the record (which may say more, e.g. the institution)."""
    given = {k: v for k, v in flat.items() if v is not None}
    return all(record.get(k) == v or (isinstance(v, str) and isinstance(record.get(k), str)
                                      and str(record.get(k)).casefold() in v.casefold()) for k, v in given.items())  # fmt: skip


class Assembler:
    """Runs the rules over all raw tables of one import and fills an IngestReport."""

    def __init__(self, report: IngestReport) -> None:
        self.report = report
        self.drafts: dict[str, Draft] = {}
        self.rejected_nips: dict[str, Loc] = {}
        self.numeric_nip_tables: dict[str, Loc] = {}
        self.additions: list[tuple[str, Diklat]] = []  # score-sheet rows of people not in this import

    # -- reporting ---------------------------------------------------------------------------

    def _issue(self, loc: Loc, problem: Problem, nip: str | None, severity=REJECTED) -> None:
        self.report.issues.append(
            RowIssue(
                file=loc.file,
                sheet=loc.sheet,
                row=loc.row,
                column=loc.column(problem.header),
                value=problem.value,
                reason=problem.reason,
                nip=nip,
                severity=severity,
            )
        )

    def _reject(self, loc: Loc, problems: list[Problem], nip: str | None) -> None:
        self.report.rejected_rows += 1
        for problem in problems:
            self._issue(loc, problem, nip)

    def _warn(self, loc: Loc, notes: list[Problem], nip: str | None) -> None:
        for note in notes:
            if note.reason.startswith("NIP tersimpan sebagai angka"):
                self.numeric_nip_tables.setdefault(loc.file + (f"/{loc.sheet}" if loc.sheet else ""), loc)
                continue
            self._issue(loc, note, nip, WARNING)

    def _add_columns(self, target: dict[str, list[str]], label: str, names: list[str]) -> None:
        if names:
            bucket = target.setdefault(label, [])
            bucket.extend(n for n in names if n not in bucket)

    # -- the run -----------------------------------------------------------------------------

    def run(self, tables: list[RawTable]) -> list[Employee]:
        from ingest import score_sheet

        pegawai = [t for t in tables if t.table is PEGAWAI]
        scores = [t for t in tables if score_sheet.is_score_table(t)]
        children = [t for t in tables if t.table is not PEGAWAI and not score_sheet.is_score_table(t)]
        for raw in tables:
            self._add_columns(self.report.dropped_columns, raw.label, raw.dropped)
        if children and not pegawai:
            first = children[0]
            self.report.issues.append(
                RowIssue(
                    first.file,
                    first.sheet,
                    None,
                    None,
                    None,
                    "tidak ada tabel pegawai (pegawai.csv atau sheet 'pegawai'): riwayat tidak bisa dimuat",
                    None,
                    WARNING,
                )
            )
        for raw in pegawai:
            self._pegawai_table(raw)
        for raw in children:
            self._child_table(raw)
        if scores:  # after every other table: a score may complete a diklat record another table gave
            self.additions.extend(score_sheet.attach(self, scores))
        for label, loc in self.numeric_nip_tables.items():
            self.report.issues.append(
                RowIssue(
                    loc.file,
                    loc.sheet,
                    None,
                    None,
                    None,
                    f"NIP di {label} tersimpan sebagai angka; digitnya masih utuh, tetapi simpan NIP sebagai "
                    "teks agar tidak rusak di Excel atau sistem lain",
                    None,
                    WARNING,
                )
            )
        return self._build()

    def _table_plan(self, raw: RawTable) -> _Plan:
        plan = plan_table(raw.table, raw.headers, raw)
        self._add_columns(self.report.unknown_columns, raw.label, plan.unknown)
        self.report.mappings[raw.label] = [
            (raw.headers[index], name) for name, indices in plan.columns.items() for index in indices
        ]
        data_rows = sum(1 for r in raw.rows if r.error is None)
        for name in plan.missing:
            self.report.issues.append(
                RowIssue(
                    raw.file,
                    raw.sheet,
                    None,
                    name,
                    None,
                    f"kolom wajib '{name}' tidak ada di tabel {raw.table.name}: semua {data_rows} baris "
                    f"ditolak (kolom yang ada: {', '.join(raw.headers) or '-'})",
                    None,
                    REJECTED,
                )
            )
        return plan

    @staticmethod
    def _pick(raw: RawTable, plan: _Plan, row: RawRow) -> dict[str, tuple[str, object]]:
        cells = row.cells
        width = len(cells)
        picked: dict[str, tuple[str, object]] = {}
        for name, indices in plan.columns.items():
            first = indices[0]
            value = cells[first] if first < width else None
            header = raw.headers[first]
            if len(indices) > 1 and is_missing(value):
                for other in indices[1:]:
                    candidate = cells[other] if other < width else None
                    if not is_missing(candidate):
                        header, value = raw.headers[other], candidate
                        break
            picked[name] = (header, value)
        return picked

    def _pegawai_table(self, raw: RawTable) -> None:
        plan = self._table_plan(raw)
        for row in raw.rows:
            self.report.rows_read += 1
            loc = Loc(raw.file, raw.sheet, row.row)
            if row.error is not None:
                self._reject(loc, [Problem(None, None, row.error)], None)
                continue
            values, problems, notes = clean_row(PEGAWAI, self._pick(raw, plan, row), plan.missing)
            _split_name(values)
            nip = values["nip"]
            nip = nip if isinstance(nip, str) else None
            if problems:
                self._reject(loc, problems, nip)
                if nip is not None and nip not in self.drafts:
                    self.rejected_nips.setdefault(nip, loc)
                self._drop_nested(row, loc, nip, "baris pegawai ini ditolak")
                continue
            assert nip is not None
            draft = self._accept(loc, nip, values)
            if draft is None:
                self._drop_nested(row, loc, nip, "baris pegawai ini ditolak (NIP ganda)")
                continue
            self._warn(loc, notes, nip)
            for nested in row.nested:
                self._nested(raw, loc, draft, nested)

    def _accept(self, loc: Loc, nip: str, values: dict[str, object]) -> Draft | None:
        """A valid pegawai row: a new person, a merged duplicate, or (conflict) None."""
        existing = self.drafts.get(nip)
        if existing is None:
            draft = Draft(nip=nip, loc=loc, fields=values)
            self.drafts[nip] = draft
            return draft
        old = existing.fields
        conflicts = [k for k, v in values.items() if v is not None and old.get(k) is not None and old[k] != v]
        where = existing.loc.describe(loc)
        if conflicts:
            self._reject(loc, [Problem("nip", nip,
                                       f"NIP ganda dengan isi berbeda ({where}); beda di kolom: {', '.join(conflicts)}")],
                         nip)  # fmt: skip
            return None
        filled = [k for k, v in values.items() if v is not None and old.get(k) is None]
        for k in filled:
            old[k] = values[k]
        extra = f"; melengkapi kolom: {', '.join(filled)}" if filled else ""
        self._issue(
            loc, Problem("nip", nip, f"baris duplikat digabung (sama dengan {where}{extra})"), nip, WARNING
        )
        return existing

    def _drop_nested(self, row: RawRow, loc: Loc, nip: str | None, why: str) -> None:
        for nested in row.nested:
            if isinstance(nested.items, list) and nested.items:
                self.report.rows_read += len(nested.items)
                self.report.rejected_rows += len(nested.items)
                self._issue(
                    loc, Problem(nested.key, None, f"{len(nested.items)} item ikut ditolak: {why}"), nip
                )

    def _nested(self, raw: RawTable, parent: Loc, draft: Draft, nested: NestedList) -> None:
        table = nested.table
        if not isinstance(nested.items, list):
            if not is_missing(nested.items):
                self._issue(parent, Problem(nested.key, _value_text(nested.items),
                                            f"diharapkan daftar {table.name}, bukan teks; diabaikan"),
                            draft.nip, WARNING)  # fmt: skip
            return
        unknown: list[str] = []
        for index, item in enumerate(nested.items, start=1):
            self.report.rows_read += 1
            loc = Loc(parent.file, parent.sheet, parent.row, f"{nested.key}[{index}].")
            if not isinstance(item, dict):
                self._reject(loc, [Problem(None, _value_text(item), "item bukan objek JSON")], draft.nip)
                continue
            candidates: dict[str, list[tuple[tuple[int, int], str, object]]] = {}
            for key, value in item.items():
                name = raw.resolve(table, key)
                if name is None:
                    unknown.append(f"{nested.key}[].{key}")
                else:
                    candidates.setdefault(name, []).append((_header_rank(table, name, key, raw), key, value))
            picked: dict[str, tuple[str, object]] = {}
            for name, options in candidates.items():
                options.sort(key=lambda option: option[0])
                rank, key, value = next((o for o in options if not is_missing(o[2])), options[0])
                picked[name] = (key, value)
            own_nip = picked.get("nip")
            if own_nip is None or is_missing(own_nip[1]):
                picked["nip"] = ("nip", draft.nip)
            values, problems, notes = clean_row(table, picked)
            if not problems and values["nip"] != draft.nip:
                problems.append(Problem(picked["nip"][0], _value_text(picked["nip"][1]),
                                        f"NIP di item ini berbeda dengan NIP pegawai {draft.nip}"))  # fmt: skip
            if problems:
                self._reject(loc, problems, draft.nip)
                continue
            self._warn(loc, notes, draft.nip)
            self._attach(draft, table, values, loc)
        self._add_columns(self.report.unknown_columns, raw.label, unknown)

    def _child_table(self, raw: RawTable) -> None:
        plan = self._table_plan(raw)
        table = raw.table
        # A table cut from the rows of another (a DUK sheet's training columns) reads no new rows.
        counts = not getattr(raw, "part", "")
        for row in raw.rows:
            self.report.rows_read += counts
            loc = Loc(raw.file, raw.sheet, row.row)
            if row.error is not None:
                self._reject(loc, [Problem(None, None, row.error)], None)
                continue
            picked = self._pick(raw, plan, row)
            values, problems, notes = clean_row(table, picked, plan.missing)
            nip = values["nip"] if isinstance(values["nip"], str) else None
            draft = self.drafts.get(nip) if nip else None
            if nip is not None and draft is None:
                header = picked["nip"][0]
                if nip in self.rejected_nips:
                    where = self.rejected_nips[nip].describe(loc)
                    problems.append(Problem(header, nip, f"pegawai dengan NIP ini ditolak ({where})"))
                else:
                    problems.append(Problem(header, nip, "NIP tidak ditemukan di tabel pegawai"))
            if problems:
                self._reject(loc, problems, nip)
                continue
            assert draft is not None
            self._warn(loc, notes, nip)
            self._attach(draft, table, values, loc)

    def _attach(self, draft: Draft, table: Table, values: dict[str, object], loc: Loc) -> None:
        list_field, renames = CHILD_FIELDS[table.name]
        record = {renames.get(k, k): v for k, v in values.items() if k != "nip"}
        key = (list_field, *record.values())
        first = draft.seen.get(key)
        if first is not None:
            self._issue(loc, Problem(None, None, f"baris duplikat digabung (sama dengan {first.describe(loc)})"),
                        draft.nip, WARNING)  # fmt: skip
            return
        draft.seen[key] = loc
        draft.children[list_field].append((record, loc))

    # -- Employees ---------------------------------------------------------------------------

    @staticmethod
    def _payload(draft: Draft) -> tuple[dict, dict[str, list[Loc]]]:
        fields = draft.fields
        data: dict[str, object] = {
            name: fields[name] for name in PEGAWAI_FIELDS if fields.get(name) is not None
        }
        locs: dict[str, list[Loc]] = {}
        for list_field, items in draft.children.items():
            data[list_field] = [record for record, _ in items]
            locs[list_field] = [loc for _, loc in items]
        flat = {model: fields.get(column) for column, model in _PENDIDIKAN_FLAT.items()}
        if any(v is not None for v in flat.values()):
            existing: list = data.get("pendidikan", [])  # type: ignore[assignment]
            if not any(_same_education(flat, record) for record in existing):
                data["pendidikan"] = [flat, *existing]
                locs["pendidikan"] = [draft.loc, *locs.get("pendidikan", [])]
        return data, locs

    def _build(self) -> list[Employee]:
        drafts = list(self.drafts.values())
        payloads = [self._payload(d) for d in drafts]
        try:
            return _EMPLOYEES.validate_python([data for data, _ in payloads])
        except ValidationError:
            log.debug("validasi gabungan gagal; memvalidasi per pegawai")
        employees = []
        for draft, (data, locs) in zip(drafts, payloads, strict=True):
            employee = self._validate_one(draft, data, locs)
            if employee is not None:
                employees.append(employee)
        return employees

    def _validate_one(self, draft: Draft, data: dict, locs: dict[str, list[Loc]]) -> Employee | None:
        """Validate one person; a child item the model refuses is dropped, a refused person is rejected."""
        while True:
            try:
                return Employee.model_validate(data)
            except ValidationError as exc:
                person: list[Problem] = []
                drop: dict[tuple[str, int], list[Problem]] = defaultdict(list)
                for err in exc.errors():
                    where = err.get("loc", ())
                    reason = f"data tidak valid menurut model: {err.get('msg', '')}"
                    if len(where) >= 2 and where[0] in LIST_FIELDS and isinstance(where[1], int):
                        column = ".".join(str(p) for p in where[2:]) or None
                        drop[(str(where[0]), where[1])].append(Problem(column, None, reason))
                    else:
                        person.append(Problem(".".join(str(p) for p in where) or None, None, reason))
                if person or not drop:
                    lost = sum(len(v) for k, v in data.items() if k in LIST_FIELDS)
                    self._reject(draft.loc, person or [Problem(None, None, str(exc)[:_MAX_VALUE])], draft.nip)
                    self.report.rejected_rows += lost
                    self.rejected_nips.setdefault(draft.nip, draft.loc)
                    return None
                for (list_field, index), problems in sorted(drop.items(), reverse=True):
                    self._reject(locs[list_field][index], problems, draft.nip)
                    del data[list_field][index]
                    del locs[list_field][index]


def assemble(
    tables: list[RawTable], report: IngestReport, additions: list[tuple[str, Diklat]] | None = None
) -> list[Employee]:
    """Employees from raw tables, in first-seen order; every problem goes into ``report``. Score-sheet
    rows for people not in ``tables`` are appended to ``additions`` (when given) as (NIP, Diklat)."""
    assembler = Assembler(report)
    employees = assembler.run(tables)
    if additions is not None:
        additions.extend(assembler.additions)
    return employees


def check_schema_matches_model() -> list[str]:
    """Schema columns that have no Employee / record field (empty when schema and model agree)."""
    from assistant.domain import models

    record_types: dict[str, type[BaseModel]] = {
        "pendidikan": models.Pendidikan, "riwayat_jabatan": models.RiwayatJabatan, "diklat": models.Diklat,
        "skp": models.Skp, "asesmen": models.Asesmen, "penghargaan": models.Penghargaan,
        "hukuman_disiplin": models.HukumanDisiplin,
    }  # fmt: skip
    missing = [f"pegawai.{n}" for n in PEGAWAI_FIELDS if n not in Employee.model_fields]
    for name, table in TABLES.items():
        if name == "pegawai":
            continue
        _, renames = CHILD_FIELDS[name]
        fields = record_types[name].model_fields
        missing += [
            f"{name}.{c.name}"
            for c in table.columns
            if c.name != "nip" and renames.get(c.name, c.name) not in fields
        ]
    return missing
