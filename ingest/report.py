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

    def write(self, path: Path) -> Path:
        """Write the issues as CSV (UTF-8 with BOM, so Excel shows the accents); returns the file.

        ``path`` may be a folder: the file is then ``laporan_impor.csv`` inside it.
        """
        path = Path(path)
        if path.is_dir():
            path = path / REPORT_FILENAME
        path.parent.mkdir(parents=True, exist_ok=True)
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
            "issues": [asdict(i) for i in self.issues],
        }


def _cell(value: object) -> object:
    """Neutralise spreadsheet formulas in text that came from the source file (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
