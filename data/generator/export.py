"""Writers: a generated regency in Talenta's documented import format (CSV folder, XLSX workbook, JSONL).

Column names come from ``ingest.schema`` (the canonical names), so the files and the importer agree.
Like a real HR export, the ``pegawai`` table also carries personal columns (NIK, agama, marital
status, address, phone) with fictional values; Talenta drops them at ingest. Every format also gets
``_meta/ground_truth.csv`` (each person's field of work) and ``_meta/README.txt``; the importer skips
files and folders whose names start with ``_``.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from assistant.domain.models import Employee
from ingest.schema import TABLES

from .regency import Regency

TABLE_NAMES: tuple[str, ...] = (
    "pegawai", "pendidikan", "riwayat_jabatan", "diklat", "skp", "asesmen", "penghargaan", "hukuman_disiplin",
)  # fmt: skip
CHILD_TABLES: tuple[str, ...] = TABLE_NAMES[1:]
PERSONAL_COLUMNS: tuple[str, ...] = ("nik", "agama", "status_perkawinan", "alamat", "no_hp")
# Canonical column -> attribute of the domain record, where the names differ.
_ATTRIBUTE: dict[str, dict[str, str]] = {
    "diklat": {"nama_diklat": "nama", "jenis_diklat": "jenis"},
    "skp": {"predikat_kinerja": "predikat", "perilaku_kerja": "perilaku"},
    "penghargaan": {"nama_penghargaan": "nama"},
}
_FIXED_ZIP_TIME = (2025, 12, 31, 0, 0, 0)
_FIXED_DOC_TIME = "2025-12-31T00:00:00Z"

Format = Literal["csv", "xlsx", "jsonl", "siasn-flat", "sapk", "simpeg", "siasn-json", "duk"]
Value = str | int | float | dt.date | None

README_TEXT = """\
DATA FIKTIF / FICTIONAL DATA

Semua data di folder ini FIKTIF, dibuat oleh generator data demo Talenta (data/generator).
Nama, NIP, NIK, alamat, nomor telepon, riwayat jabatan, nilai SKP, asesmen dan seluruh isi
lainnya tidak menggambarkan orang, pegawai, atau instansi yang nyata. {regency} tidak ada.
NIK berawalan 99 (bukan kode provinsi) dan nomor HP berawalan 0810 (bukan prefiks operator).

All data in this folder is FICTIONAL, produced by Talenta's demo-data generator
(data/generator): no record describes a real person, civil servant or agency.

Generated with: employees={employees}, seed={seed}, reference date={reference}.
ground_truth.csv: nip; bidang = primary field of work (the field with the most time in post, where
the field of the person's degree counts three extra years and the current post's field one);
bidang_per_jabatan = field of each riwayat_jabatan entry, in order, joined by ';'.
"""


def pegawai_columns() -> list[str]:
    """Header of pegawai: the canonical PEGAWAI columns (no flat pendidikan_*) plus the personal ones."""
    cols = [c.name for c in TABLES["pegawai"].columns if not c.name.startswith("pendidikan_")]
    out: list[str] = []
    for col in cols:
        out.append(col)
        if col == "nip":
            out.append("nik")
        if col == "tanggal_lahir":
            out += ["agama", "status_perkawinan"]
    for col in PERSONAL_COLUMNS:
        if col not in out:
            out.append(col)
    return out


def table_columns(table: str) -> list[str]:
    """Header of a table as written: canonical columns from ingest.schema (pegawai adds personal columns)."""
    if table == "pegawai":
        return pegawai_columns()
    return [c.name for c in TABLES[table].columns]


def _plain(value: object) -> Value:
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, str | int | float | dt.date):
        return value
    return str(value)


def pegawai_row(employee: Employee, personal: dict[str, str]) -> dict[str, Value]:
    row: dict[str, Value] = {}
    for col in pegawai_columns():
        if col in PERSONAL_COLUMNS:
            row[col] = personal.get(col)
        else:
            row[col] = _plain(getattr(employee, col, None))
    return row


def child_rows(employee: Employee, table: str) -> list[dict[str, Value]]:
    """Rows of a child table for one person, keyed by canonical column (without nip)."""
    mapping = _ATTRIBUTE.get(table, {})
    cols = [c for c in table_columns(table) if c != "nip"]
    return [
        {col: _plain(getattr(item, mapping.get(col, col), None)) for col in cols}
        for item in getattr(employee, table)
    ]


def _rows(regency: Regency, table: str) -> Iterator[list[Value]]:
    cols = table_columns(table)
    for e in regency.employees:
        if table == "pegawai":
            row = pegawai_row(e, regency.personal.get(e.nip, {}))
            yield [row[c] for c in cols]
        else:
            for item in child_rows(e, table):
                yield [e.nip, *(item[c] for c in cols[1:])]


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(path: Path, header: list[str], rows: Iterator[list[Value]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])
    return path


def _write_xlsx(path: Path, regency: Regency) -> Path:
    """One workbook, one sheet per table. Written directly as SpreadsheetML (fast, byte-stable).

    Text (NIP, NIK included) is written as inline-string cells, never as numbers; dates as date cells
    (yyyy-mm-dd); years, JP and scores as numbers.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:

        def put(name: str, text: str) -> None:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))

        sheets = list(TABLE_NAMES)
        put("[Content_Types].xml", _content_types(len(sheets)))
        put("_rels/.rels", _ROOT_RELS)
        put("docProps/core.xml", _CORE.format(time=_FIXED_DOC_TIME))
        put("docProps/app.xml", _APP)
        put("xl/workbook.xml", _workbook(sheets))
        put("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        put("xl/styles.xml", _STYLES)
        for i, table in enumerate(sheets, start=1):
            put(f"xl/worksheets/sheet{i}.xml", _sheet_xml(table_columns(table), _rows(regency, table)))
    return path


_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROOT_RELS = (
    f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL_NS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_CORE = (
    _XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Data ASN fiktif (demo Talenta)</dc:title><dc:creator>Talenta demo-data generator</dc:creator>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{time}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{time}</dcterms:modified>'
    "</cp:coreProperties>"
)
_APP = (
    _XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Talenta</Application></Properties>"
)
_STYLES = (
    f'{_XML_HEAD}<styleSheet xmlns="{_MAIN_NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_BAD_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _content_types(n_sheets: int) -> str:
    sheet_ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{sheet_ct}"/>' for i in range(1, n_sheets + 1)
    )
    return (
        f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides}"
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )


def _workbook(sheets: list[str]) -> str:
    entries = "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(sheets, 1))
    return f'{_XML_HEAD}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheets>{entries}</sheets></workbook>'


def _workbook_rels(n_sheets: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n_sheets + 1)
    )
    rels += f'<Relationship Id="rId{n_sheets + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/>'
    return f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL_NS}">{rels}</Relationships>'


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _xml_cell(ref: str, value: Value, style: int = 0) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = escape(_BAD_XML_CHARS.sub("", str(value)))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    s_attr = f' s="{style}"' if style else ""
    return f'<c r="{ref}" t="inlineStr"{s_attr}><is><t{space}>{text}</t></is></c>'


def _sheet_xml(header: list[str], rows: Iterator[list[Value]]) -> str:
    letters = [_column_letter(i) for i in range(len(header))]
    parts = [
        f'{_XML_HEAD}<worksheet xmlns="{_MAIN_NS}">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews><sheetData>',
        '<row r="1">' + "".join(_xml_cell(f"{c}1", h, style=2) for c, h in zip(letters, header, strict=True)) + "</row>",
    ]
    for r, row in enumerate(rows, start=2):
        cells = "".join(_xml_cell(f"{c}{r}", v) for c, v in zip(letters, row, strict=True))
        parts.append(f'<row r="{r}">{cells}</row>')
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def _json_value(value: Value) -> str | int | float | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _write_jsonl(path: Path, regency: Regency) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for e in regency.employees:
            obj: dict[str, object] = {
                k: _json_value(v) for k, v in pegawai_row(e, regency.personal.get(e.nip, {})).items()
            }
            for table in CHILD_TABLES:
                obj[table] = [{k: _json_value(v) for k, v in row.items()} for row in child_rows(e, table)]
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def _write_meta(out: Path, regency: Regency) -> list[Path]:
    meta = out / "_meta"
    meta.mkdir(parents=True, exist_ok=True)
    truth = meta / "ground_truth.csv"
    rows = ([e.nip, regency.bidang[e.nip], ";".join(regency.bidang_per_jabatan[e.nip])] for e in regency.employees)
    _write_csv(truth, ["nip", "bidang", "bidang_per_jabatan"], iter(list(rows)))  # type: ignore[arg-type]
    readme = meta / "README.txt"
    readme.write_text(
        README_TEXT.format(regency=regency.nama, employees=len(regency.employees), seed=regency.seed,
                           reference=regency.reference_date.isoformat()),
        encoding="utf-8",
    )  # fmt: skip
    return [truth, readme]


def write_demo(regency: Regency, out: Path, fmt: Format = "csv") -> list[Path]:
    """Write the regency under ``out`` in one format; return the paths written.

    csv: one file per table (``pegawai.csv`` ...); xlsx: ``talenta.xlsx`` with a sheet per table;
    jsonl: ``pegawai.jsonl``, one person per line with the other tables nested; siasn-flat, sapk,
    simpeg, siasn-json, duk: the shape of that real export (:mod:`data.generator.layouts`). Always also
    ``_meta/ground_truth.csv`` and ``_meta/README.txt``.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    if fmt == "csv":
        for table in TABLE_NAMES:
            paths.append(_write_csv(out / f"{table}.csv", table_columns(table), _rows(regency, table)))
    elif fmt == "xlsx":
        paths.append(_write_xlsx(out / "talenta.xlsx", regency))
    elif fmt == "jsonl":
        paths.append(_write_jsonl(out / "pegawai.jsonl", regency))
    else:
        from .layouts import LAYOUTS, write_layout

        if fmt not in LAYOUTS:
            raise ValueError(f"unknown format {fmt!r}: use csv, xlsx, jsonl or {', '.join(LAYOUTS)}")
        paths += write_layout(regency, out, fmt)
    paths += _write_meta(out, regency)
    return paths
