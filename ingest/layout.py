"""Export layouts as data: one TOML file per layout says which headers and sheet names mean what.

BKPSDM staff bring whatever their systems export (SIASN, SAPK, a local SIMPEG, the DUK workbook).
Each layout is a file in ``ingest/layouts/`` (and, for a local variant, in the folder named by
``TALENTA_LAYOUTS_DIR``; a file there with the same ``name`` replaces the built-in one)::

    name = "sapk"
    title = "SAPK: unduhan data PNS (XLSX, kolom HURUF_BESAR)"
    signature = ["nip_baru", "gol_nama", "gelar_blk", "tk_pendidikan"]   # headers that mark it
    min_matches = 3

    [tables.pegawai]
    names = ["data_pns"]                     # sheet / file names of this table
    [tables.pegawai.columns]
    golongan = ["gol_nama", "gol_ruang"]     # canonical column = headers as written

Headers are compared after normalising (case, spaces, dashes, camelCase: ``golRuangAkhir`` and
``GOL_RUANG_AKHIR`` are the same key). A layout's mapping is tried first, then Talenta's own
column names and aliases (:mod:`ingest.schema`), so a layout only lists what differs.

Detection: every file (all sheets of a workbook together) is scored against every layout: the
number of signature headers and sheet names present. The best layout with at least
``min_matches`` wins; otherwise the file is read as Talenta's own format.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.schema import TABLES, normalize_header

BUILTIN_DIR = Path(__file__).with_name("layouts")
DEFAULT = "talenta"
KINDS = ("tables", "siasn-json", "duk", "simpeg", "score-sheet")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


class LayoutError(ValueError):
    """A layout file that cannot be used: the message names the file and the key."""


def header_key(header: object) -> str:
    """The comparison key of a header: 'golRuangAkhir', 'GOL_RUANG_AKHIR', 'Gol Ruang Akhir' -> 'gol_ruang_akhir'."""
    return _header_key(str(header))


@lru_cache(maxsize=16384)
def _header_key(text: str) -> str:
    return normalize_header(split_camel(text.strip()))


def split_camel(header: str) -> str:
    """'nipBaru' -> 'nip_Baru', 'tempatLahir' -> 'tempat_Lahir' (SIASN JSON keys are camelCase)."""
    return _CAMEL.sub("_", header)


@dataclass(frozen=True)
class LayoutTable:
    table: str  # a Talenta table name (ingest.schema.TABLES)
    names: tuple[str, ...] = ()  # normalised sheet / file names
    columns: dict[str, str] = field(default_factory=dict)  # header key -> canonical column
    order: dict[str, int] = field(default_factory=dict)  # header key -> its place in the column's list


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    kind: str = "tables"
    formats: tuple[str, ...] = ()  # file suffixes this layout can come as (empty: any)
    source: str = ""
    description: str = ""
    signature: tuple[str, ...] = ()
    sheet_signature: tuple[str, ...] = ()
    min_matches: int = 2
    header_rows: int = 1
    ignore: tuple[str, ...] = ()  # header keys known to this layout and not needed: not "unrecognised"
    tables: dict[str, LayoutTable] = field(default_factory=dict)
    options: dict[str, object] = field(default_factory=dict)
    path: Path | None = None

    def table_for(self, name: str) -> str | None:
        """The Talenta table a sheet / file named ``name`` holds in this layout, if the layout says."""
        key = header_key(name)
        for spec in self.tables.values():
            if key in spec.names:
                return spec.table
        return None

    def column(self, table: str, header: object) -> str | None:
        """The canonical column this layout maps ``header`` to in ``table``, if it maps it."""
        spec = self.tables.get(table)
        return spec.columns.get(header_key(header)) if spec else None

    def ignores(self, header: object) -> bool:
        """A header this layout knows and Talenta does not need (ids, 'No', 'Usia')."""
        return header_key(header) in self.ignore

    def rank(self, table: str, header: object) -> int | None:
        """Where ``header`` stands in the layout's list for its column (0 = trusted first)."""
        spec = self.tables.get(table)
        return spec.order.get(header_key(header)) if spec else None

    def strings(self, option: str, default: Iterable[str] = ()) -> list[str]:
        """An option that is a list of texts (``[options] link_keys = [...]``), or ``default``."""
        value = self.options.get(option)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        return list(default)

    def accepts(self, suffix: str) -> bool:
        return not self.formats or suffix.lower().lstrip(".") in self.formats

    def score(self, headers: Iterable[object], names: Iterable[str] = ()) -> int:
        """How many of this layout's signature headers and sheet names are present."""
        keys = {header_key(h) for h in headers if h is not None and str(h).strip()}
        sheet_keys = {header_key(n) for n in names}
        return sum(1 for s in self.signature if s in keys) + sum(1 for s in self.sheet_signature if s in sheet_keys)

    def summary(self) -> str:
        tables = ", ".join(sorted(self.tables)) or "pegawai"
        return f"{self.name}: {self.title} (tabel: {tables})"


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise LayoutError(f"{where}: harus teks atau daftar teks")


def parse_layout(data: dict, path: Path | None = None) -> Layout:
    """Build a Layout from a parsed TOML document; every error names the file and the key."""
    where = path.name if path else "layout"
    for key in ("name", "title"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise LayoutError(f"{where}: kunci '{key}' wajib diisi (teks)")
    kind = data.get("kind", "tables")
    if kind not in KINDS:
        raise LayoutError(f"{where}: kind '{kind}' tidak dikenal (pilihan: {', '.join(KINDS)})")
    known = {"name", "title", "kind", "formats", "source", "ignore", "description", "signature", "sheet_signature", "min_matches",
             "header_rows", "tables", "options"}  # fmt: skip
    if extra := sorted(set(data) - known):
        raise LayoutError(f"{where}: kunci tidak dikenal: {', '.join(extra)}")
    tables: dict[str, LayoutTable] = {}
    raw_tables = data.get("tables", {})
    if not isinstance(raw_tables, dict):
        raise LayoutError(f"{where}: [tables] harus tabel TOML")
    for table_name, spec in raw_tables.items():
        if table_name not in TABLES:
            raise LayoutError(f"{where}: [tables.{table_name}]: tabel tidak dikenal (pilihan: {', '.join(TABLES)})")
        if not isinstance(spec, dict):
            raise LayoutError(f"{where}: [tables.{table_name}] harus tabel TOML")
        schema = TABLES[table_name]
        valid = {c.name for c in schema.columns}
        columns: dict[str, str] = {}
        order: dict[str, int] = {}
        for column, headers in spec.get("columns", {}).items():
            if column not in valid:
                raise LayoutError(
                    f"{where}: [tables.{table_name}.columns] kolom '{column}' tidak dikenal "
                    f"(pilihan: {', '.join(sorted(valid))})"
                )
            for position, header in enumerate(_strings(headers, f"{where}: tables.{table_name}.columns.{column}")):
                key = header_key(header)
                if columns.get(key, column) != column:
                    raise LayoutError(
                        f"{where}: [tables.{table_name}.columns] header '{header}' dipetakan ke dua kolom "
                        f"('{columns[key]}' dan '{column}')"
                    )
                columns[key] = column
                order.setdefault(key, position)
        names = tuple(header_key(n) for n in _strings(spec.get("names", []), f"{where}: tables.{table_name}.names"))
        if extra := sorted(set(spec) - {"names", "columns"}):
            raise LayoutError(f"{where}: [tables.{table_name}] kunci tidak dikenal: {', '.join(extra)}")
        tables[table_name] = LayoutTable(table_name, names, columns, order)
    for key in ("min_matches", "header_rows"):
        if key in data and (not isinstance(data[key], int) or data[key] < 1):
            raise LayoutError(f"{where}: '{key}' harus bilangan bulat >= 1")
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise LayoutError(f"{where}: [options] harus tabel TOML")
    return Layout(
        name=data["name"].strip(),
        title=data["title"].strip(),
        kind=kind,
        formats=tuple(f.lower().lstrip(".") for f in _strings(data.get("formats", []), f"{where}: formats")),
        source=str(data.get("source", "")),
        description=str(data.get("description", "")).strip(),
        signature=tuple(header_key(s) for s in _strings(data.get("signature", []), f"{where}: signature")),
        sheet_signature=tuple(
            header_key(s) for s in _strings(data.get("sheet_signature", []), f"{where}: sheet_signature")
        ),
        ignore=tuple(header_key(s) for s in _strings(data.get("ignore", []), f"{where}: ignore")),
        min_matches=int(data.get("min_matches", 2)),
        header_rows=int(data.get("header_rows", 1)),
        tables=tables,
        options=dict(options),
        path=path,
    )


def load_layout_file(path: Path) -> Layout:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"{path.name}: TOML tidak valid: {exc}") from exc
    return parse_layout(data, path)


def load_layouts(extra_dir: Path | None = None) -> dict[str, Layout]:
    """Built-in layouts, then the files in ``extra_dir`` (a same-named layout replaces the built-in)."""
    return dict(_load_layouts(str(extra_dir) if extra_dir else None))


@lru_cache(maxsize=8)
def _load_layouts(extra_dir: str | None) -> tuple[tuple[str, Layout], ...]:
    found: dict[str, Layout] = {}
    dirs = [BUILTIN_DIR] + ([Path(extra_dir)] if extra_dir else [])
    for folder in dirs:
        if not folder.is_dir():
            raise LayoutError(f"folder layout tidak ada: {folder}")
        for path in sorted(folder.glob("*.toml")):
            layout = load_layout_file(path)
            found[layout.name] = layout
    if DEFAULT not in found:
        raise LayoutError(f"layout bawaan '{DEFAULT}' tidak ditemukan di {BUILTIN_DIR}")
    return tuple(found.items())


def get_layout(name: str, extra_dir: Path | None = None) -> Layout:
    layouts = load_layouts(extra_dir)
    if name not in layouts:
        raise LayoutError(f"layout '{name}' tidak dikenal (pilihan: {', '.join(sorted(layouts))})")
    return layouts[name]


def detect(
    headers: Iterable[object],
    names: Iterable[str] = (),
    layouts: dict[str, Layout] | None = None,
    suffix: str = "",
) -> tuple[Layout, int]:
    """The layout that explains these headers and sheet / file names best (Talenta's own on a tie
    or when none reaches its ``min_matches``), and its score."""
    layouts = layouts or load_layouts()
    headers, names = list(headers), list(names)
    best, best_score = layouts[DEFAULT], 0
    for layout in layouts.values():
        if layout.name == DEFAULT or (suffix and not layout.accepts(suffix)):
            continue
        score = layout.score(headers, names)
        if score >= layout.min_matches and score > best_score:
            best, best_score = layout, score
    return best, best_score


def any_layout_column(table: str, header: object) -> str | None:
    """The column every built-in layout that knows ``header`` (for ``table``) maps it to, or None
    when none does or they disagree: the last resort for a file no layout was detected for, so an
    export with only a few SIASN / SAPK columns still has them read."""
    return _shared_columns(table).get(header_key(header))


@lru_cache(maxsize=16)
def _shared_columns(table: str) -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for layout in load_layouts().values():
        if layout.kind == "score-sheet":  # its words ('Keterangan' = predikat) only hold on a score sheet
            continue
        spec = layout.tables.get(table)
        if spec is None:
            continue
        for key, column in spec.columns.items():
            seen.setdefault(key, set()).add(column)
    return {key: next(iter(columns)) for key, columns in seen.items() if len(columns) == 1}
