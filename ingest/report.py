"""The import report: one RowIssue per problem, counts, and the columns that were dropped or ignored.

Reasons are Indonesian (they are written for the HR staff who fix the source file). The frame
around them ("baris", "kolom", the summary) is Indonesian by default and English with ``lang="en"``.
Sensitive column values never get here: those columns are dropped before any value is read.
"""

from __future__ import annotations

import csv
import logging
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

Severity = Literal["ditolak", "peringatan"]
REJECTED: Severity = "ditolak"
WARNING: Severity = "peringatan"
REPORT_FILENAME = "laporan_impor.csv"
CSV_COLUMNS = ("file", "sheet", "baris", "kolom", "nilai", "alasan", "nip", "tingkat")

_WORDS = {
    "id": {
        "row": "baris",
        "record": "data ke-",
        "sheet": "sheet",
        "column": "kolom",
        "warning": "[peringatan] ",
    },
    "en": {"row": "row", "record": "record ", "sheet": "sheet", "column": "column", "warning": "[warning] "},
}


@dataclass(frozen=True, slots=True)
class RowIssue:
    """One problem at one place. ``row`` is the spreadsheet row (header = 1), the JSONL line, or the
    position of the object in a JSON list; ``column`` is the header as written in the file (nested
    JSON items: ``diklat[2].tahun``, counted from 1)."""

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    value: str | None
    reason: str
    nip: str | None = None
    severity: Severity = REJECTED

    def location(self, lang: str = "id") -> str:
        """'pegawai.csv baris 3, kolom nip' / 'talenta.xlsx, sheet skp, baris 4, kolom tahun'."""
        words = _WORDS.get(lang, _WORDS["id"])
        place = self.file
        if self.sheet:
            place += f", {words['sheet']} {self.sheet},"
        if self.row is not None:
            json_list = self.file.lower().endswith(".json")
            place += f" {words['record']}{self.row}" if json_list else f" {words['row']} {self.row}"
        if self.column:
            place = place.rstrip(",") + f", {words['column']} {self.column}"
        return place.rstrip(",")

    def line(self, lang: str = "id") -> str:
        """One readable line: location, reason, the value if the reason does not quote it, the NIP."""
        words = _WORDS.get(lang, _WORDS["id"])
        text = f"{self.location(lang)}: {self.reason}"
        if self.value is not None and self.value != self.nip and repr(self.value) not in self.reason:
            text += f": {self.value!r}"
        prefix = words["warning"] if self.severity == WARNING else ""
        return f"{prefix}{text} (NIP {self.nip or '-'})"


def _number(n: int, lang: str) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "id" else text


@dataclass
class IngestReport:
    """Everything an HR person needs to know about one import, and nothing sensitive."""

    issues: list[RowIssue] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    rows_read: int = 0
    people: int = 0
    rejected_rows: int = 0
    dropped_columns: dict[str, list[str]] = field(default_factory=dict)
    unknown_columns: dict[str, list[str]] = field(default_factory=dict)
    layouts: dict[str, str] = field(default_factory=dict)  # file -> export layout it was read as
    mappings: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # table -> (header, column)

    @property
    def rejected_issues(self) -> list[RowIssue]:
        return [i for i in self.issues if i.severity == REJECTED]

    @property
    def warnings(self) -> list[RowIssue]:
        return [i for i in self.issues if i.severity == WARNING]

    def summary_lines(self, lang: str = "id") -> list[str]:
        """A short human summary (Indonesian by default, English with lang='en')."""
        en = lang == "en"
        n = lambda value: _number(value, lang)  # noqa: E731
        warnings = len(self.warnings)
        lines = [
            (
                f"Read {n(len(self.files))} file(s), {n(self.rows_read)} row(s)."
                if en
                else f"Dibaca {n(len(self.files))} file, {n(self.rows_read)} baris."
            ),
            f"Employees loaded: {n(self.people)}." if en else f"Pegawai dimuat: {n(self.people)}.",
        ]
        if self.rejected_rows or warnings:
            lines.append(
                f"Rejected rows: {n(self.rejected_rows)}; warnings: {n(warnings)}."
                if en
                else f"Baris ditolak: {n(self.rejected_rows)}; peringatan: {n(warnings)}."
            )
        else:
            lines.append("No rows rejected." if en else "Tidak ada baris yang ditolak.")
        by_layout: dict[str, list[str]] = {}
        for file, layout in self.layouts.items():
            by_layout.setdefault(layout, []).append(file)
        for layout, files in by_layout.items():
            shown_files = ", ".join(files[:3]) + (f" (+{n(len(files) - 3)})" if len(files) > 3 else "")
            lines.append(f"Layout: {layout} ({shown_files})." if en else f"Format: {layout} ({shown_files}).")
        by_column = Counter(
            (i.column or "-").split(".")[-1]
            for i in self.issues
            if i.severity == REJECTED and i.row is not None
        )
        if by_column:
            top = ", ".join(f"{col} ({n(count)})" for col, count in by_column.most_common(5))
            lines.append(f"Most problems in column: {top}." if en else f"Masalah terbanyak di kolom: {top}.")
        for label, columns in self.dropped_columns.items():
            cols = ", ".join(columns)
            lines.append(
                f"Personal-data columns dropped (not stored): {label}: {cols}."
                if en
                else f"Kolom data pribadi dibuang (tidak disimpan): {label}: {cols}."
            )
        for label, columns in self.unknown_columns.items():
            cols = ", ".join(columns)
            lines.append(
                f"Unrecognised columns (ignored): {label}: {cols}."
                if en
                else f"Kolom tidak dikenali (diabaikan): {label}: {cols}."
            )
        if self.issues:
            lines.append(
                "See the per-row list of problems in the report file."
                if en
                else "Lihat daftar masalah per baris di file laporan."
            )
        return lines

    def issue_lines(self, lang: str = "id", limit: int | None = None) -> list[str]:
        """One line per issue, in source order; with ``limit`` a last line says how many were left out."""
        shown = self.issues if limit is None else self.issues[:limit]
        lines = [issue.line(lang) for issue in shown]
        rest = len(self.issues) - len(shown)
        if rest > 0:
            lines.append(
                f"... and {_number(rest, lang)} more (see the report file)"
                if lang == "en"
                else f"... dan {_number(rest, lang)} masalah lainnya (lihat file laporan)"
            )
        return lines

    def mapping_lines(self, lang: str = "id") -> list[str]:
        """The column mapping per table: 'pegawai.csv: NIP_BARU -> nip, GOL_AKHIR_NAMA -> golongan'."""
        arrow = "->"
        lines = []
        for label, pairs in self.mappings.items():
            text = ", ".join(f"{header} {arrow} {column}" for header, column in pairs)
            lines.append(f"{label}: {text}")
        if not lines:
            return []
        title = "Column mapping:" if lang == "en" else "Pemetaan kolom:"
        return [title, *(f"  {line}" for line in lines)]

    def rows(self) -> list[list[object]]:
        return [
            [i.file, i.sheet, i.row, i.column, i.value, i.reason, i.nip, i.severity] for i in self.issues
        ]

    def write(self, path: Path) -> Path:
        """Write the issues as CSV (UTF-8 with BOM, so Excel shows the accents), or as XLSX when
        ``path`` ends in .xlsx (NIP and values as text, so Excel never shows 1.98E+17); returns the file.

        ``path`` may be a folder: the file is then ``laporan_impor.csv`` inside it.
        """
        path = Path(path)
        if path.is_dir():
            path = path / REPORT_FILENAME
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".xlsx":
            return self._write_xlsx(path)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for i in self.issues:
                writer.writerow(
                    [
                        _cell(v)
                        for v in (i.file, i.sheet, i.row, i.column, i.value, i.reason, i.nip, i.severity)
                    ]
                )
        log.info("laporan impor ditulis: %s (%d masalah)", path, len(self.issues))
        return path

    def _write_xlsx(self, path: Path) -> Path:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = "laporan"
        sheet.append(list(CSV_COLUMNS))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        text_columns = {CSV_COLUMNS.index(c) for c in ("file", "sheet", "kolom", "nilai", "alasan", "nip", "tingkat")}
        for values in self.rows():
            sheet.append([_cell(v) if i in text_columns and v is not None else (v if v is not None else "")
                          for i, v in enumerate(values)])  # fmt: skip
        for row in sheet.iter_rows(min_row=2):
            for index in text_columns:
                row[index].number_format = "@"
                if row[index].value is not None and not isinstance(row[index].value, str):
                    row[index].value = str(row[index].value)
        widths = {"A": 28, "B": 16, "C": 8, "D": 22, "E": 24, "F": 70, "G": 21, "H": 11}
        for letter, width in widths.items():
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        summary = workbook.create_sheet("ringkasan")
        for line in self.summary_lines():
            summary.append([line])
        for line in self.mapping_lines():
            summary.append([line])
        summary.column_dimensions["A"].width = 120
        workbook.save(path)
        log.info("laporan impor ditulis: %s (%d masalah)", path, len(self.issues))
        return path

    def to_dict(self) -> dict:
        """JSON-able form, for the API and the pipeline's log."""
        return {
            "files": list(self.files),
            "rows_read": self.rows_read,
            "people": self.people,
            "rejected_rows": self.rejected_rows,
            "warnings": len(self.warnings),
            "dropped_columns": {k: list(v) for k, v in self.dropped_columns.items()},
            "unknown_columns": {k: list(v) for k, v in self.unknown_columns.items()},
            "layouts": dict(self.layouts),
            "mappings": {k: [list(p) for p in v] for k, v in self.mappings.items()},
            "issues": [asdict(i) for i in self.issues],
        }


def _cell(value: object) -> object:
    """Neutralise spreadsheet formulas in text that came from the source file (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
