"""XLSX exports of the workbench tables (openpyxl).

Two things a spreadsheet would otherwise get wrong: an 18-digit NIP read as a number loses its last
digits (Excel keeps 15 significant digits), so NIPs and other text are written as text cells; and a
cell whose text starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) would
be run by the spreadsheet (formula injection), so such text gets a leading ``'``.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_LONGEST_EXACT_NUMBER = 10**15  # Excel keeps 15 significant digits: a longer integer is written as text
_MIN_WIDTH, _MAX_WIDTH = 8, 60


def safe_text(text: str) -> str:
    """Text as a spreadsheet cell may hold it: no XML-illegal control characters, no formula."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _is_text_column(name: str) -> bool:
    return name.strip().upper().startswith("NIP")


def _cell_value(value: object, text_column: bool) -> object:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value) if text_column else value
    if isinstance(value, int | float) and not text_column and abs(value) < _LONGEST_EXACT_NUMBER:
        return value
    if isinstance(value, dt.date | dt.datetime) and not text_column:
        return value
    return safe_text(str(value))


def people_xlsx(rows: list[dict[str, object]], columns: list[str]) -> bytes:
    """One sheet: a bold header of ``columns``, then one line per row (``row[column]``; missing is empty).

    Text is stored as text (``NIP*`` columns always, and integers too long to be exact), formula-looking
    text is neutralised, numbers and dates stay numbers and dates.
    """
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "pegawai"
    sheet.append([safe_text(str(c)) for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    text_columns = [_is_text_column(c) for c in columns]
    widths = [len(str(c)) for c in columns]
    for row in rows:
        values = [_cell_value(row.get(c), text_columns[i]) for i, c in enumerate(columns)]
        sheet.append(values)
        for i, value in enumerate(values):
            if value is not None:
                widths[i] = max(widths[i], len(str(value)))
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever openpyxl guessed
                cell.number_format = "@"
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(_MAX_WIDTH, max(_MIN_WIDTH, width + 2))
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
