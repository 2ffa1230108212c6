"""A trainer's score sheet for a generated regency (FICTIONAL data), as the trainers hand it over.

``write_score_sheet(regency, Path("nilai.xlsx"), seed=7)`` writes::

    REKAPITULASI NILAI AKHIR PESERTA
    PELATIHAN ARTIFICIAL INTELLIGENCE (AI) BAGI ASN
    PEMERINTAH KABUPATEN TANJUNG SERUNI TAHUN 2025
    (blank)
    No | NIP | Nama | Unit Kerja | Nilai Akhir | Keterangan
    1  | 19870312 201001 1 003 | Bagus Prasetyo, S.Kom. | Dinas ... | 8.75 | Memuaskan
    ...
    (blank) / Mengetahui, / Ketua Panitia / a name / NIP. ...   (the signature block)

Participants are drawn from the regency (or from given employees or pegawai rows) with
``random.Random(seed)``; ``outsiders`` adds participants who are not in it (fictional NIPs), for
the "not in this import" path. Scores are on ``scale`` 10 or 100, the predikat follows the
generator's training cuts. NIPs are text, written plain, with spaces or with a leading apostrophe
(``nip_style``). The XLSX is written as SpreadsheetML directly, like ``export._write_xlsx``: the same
arguments give byte-identical files. A ``.csv`` path writes the same rows as CSV (``;`` and decimal
commas, as an Indonesian Excel saves it).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from assistant.domain.models import Employee
from assistant.domain.nip import NipError, validate_nip

from . import catalog as cat
from .export import (
    _APP,
    _CORE,
    _FIXED_DOC_TIME,
    _FIXED_ZIP_TIME,
    _MAIN_NS,
    _ROOT_RELS,
    _STYLES,
    _XML_HEAD,
    _column_letter,
    _content_types,
    _workbook,
    _workbook_rels,
    _xml_cell,
)
from .regency import Regency, _is_blocked

DEFAULT_TITLE = "PELATIHAN ARTIFICIAL INTELLIGENCE (AI) BAGI ASN"
DEFAULT_HEADER: tuple[str, ...] = ("No", "NIP", "Nama", "Unit Kerja", "Nilai Akhir", "Keterangan")
NipStyle = Literal["text", "spaced", "apostrophe", "mixed"]
Source = Regency | Sequence[Employee] | Sequence[Mapping[str, object]]
Cell = str | int | float | None


def _people(source: Source) -> list[tuple[str, str, str | None]]:
    """(nip, name as printed with titles, unit) of everyone in ``source``."""
    if isinstance(source, Regency):
        source = source.employees
    out: list[tuple[str, str, str | None]] = []
    for item in source:
        if isinstance(item, Employee):
            out.append((item.nip, item.nama_lengkap, item.unit_kerja))
            continue
        nama = str(item.get("nama") or "")
        front, back = item.get("gelar_depan"), item.get("gelar_belakang")
        if front:
            nama = f"{front} {nama}"
        if back:
            nama = f"{nama}, {back}"
        unit = item.get("unit_kerja")
        out.append((str(item["nip"]).strip(), nama, str(unit) if unit else None))
    return out


def _outsider_nip(rng: random.Random, taken: set[str]) -> str:
    for _ in range(1000):
        birth = dt.date(rng.randint(1968, 1998), rng.randint(1, 12), rng.randint(1, 28))
        tmt_year = rng.randint(birth.year + 22, min(birth.year + 32, 2024))
        nip = f"{birth:%Y%m%d}{tmt_year}{rng.randint(1, 12):02d}{rng.randint(1, 2)}{rng.randint(1, 999):03d}"
        try:
            validate_nip(nip)
        except NipError:
            continue
        if nip not in taken:
            taken.add(nip)
            return nip
    raise RuntimeError("no free NIP found")  # pragma: no cover


def _outsider_name(rng: random.Random) -> str:
    group = rng.choice(cat.NAME_GROUPS)
    for _ in range(200):
        female = rng.random() < 0.5
        given = rng.choice(group.female if female else group.male)
        seconds = group.family or (group.female_second if female else group.male_second) or group.male
        name = f"{given} {rng.choice(seconds)}"
        if not _is_blocked(name) and len(set(name.split())) == 2:
            return name
    return "Peserta Undangan"  # pragma: no cover


def _styled_nip(nip: str, style: str, rng: random.Random) -> str:
    if style == "mixed":
        style = rng.choice(("text", "spaced", "apostrophe"))
    if style == "spaced":
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    if style == "apostrophe":
        return "'" + nip
    return nip


def _predikat(score_100: float) -> str:
    return next(label for cut, label in cat.TRAINING_PREDIKAT if score_100 >= cut)


def score_rows(
    source: Source,
    seed: int,
    *,
    scale: int = 10,
    participants: int = 25,
    outsiders: int = 0,
    nip_style: NipStyle = "mixed",
) -> list[list[Cell]]:
    """The participant rows (No, NIP, Nama, Unit Kerja, score, predikat), deterministic for ``seed``."""
    if scale not in (10, 100):
        raise ValueError("scale must be 10 or 100")
    rng = random.Random(seed)
    people = _people(source)
    chosen = rng.sample(people, min(participants, len(people)))
    taken = {nip for nip, _, _ in people}
    for _ in range(outsiders):
        chosen.append((_outsider_nip(rng, taken), _outsider_name(rng), "Instansi Vertikal"))
    rows: list[list[Cell]] = []
    for number, (nip, nama, unit) in enumerate(chosen, start=1):
        score = round(min(99.5, max(55.0, rng.gauss(82, 6))), 2)
        value = score if scale == 100 else round(score / 10, 2)
        rows.append([number, _styled_nip(nip, nip_style, rng), nama, unit, value, _predikat(score)])
    return rows


def _title_rows(title: str, year: int | None, region: str, penyelenggara: str | None) -> list[str]:
    lines = ["REKAPITULASI NILAI AKHIR PESERTA", title]
    lines.append(f"PEMERINTAH {region.upper()}" + (f" TAHUN {year}" if year is not None else ""))
    if penyelenggara:
        lines.append(f"Penyelenggara: {penyelenggara}")
    return lines


def _footer(width: int) -> list[list[Cell]]:
    pad: list[Cell] = [None] * max(0, width - 2)
    return [[*pad, "Mengetahui,"], [*pad, "Ketua Panitia"], [], [*pad, "Dra. Ratna Kusumawati, M.Si."],
            [*pad, "NIP. 197003151995032002"]]  # fmt: skip


def write_score_sheet(
    source: Source,
    path: Path,
    seed: int,
    *,
    title: str = DEFAULT_TITLE,
    year: int | None = 2025,
    scale: int = 10,
    participants: int = 25,
    outsiders: int = 0,
    penyelenggara: str | None = None,
    header: Sequence[str] = DEFAULT_HEADER,
    nip_style: NipStyle = "mixed",
    sheet: str = "Rekap Nilai",
    region: str | None = None,
    footer: bool = True,
) -> Path:
    """Write one score sheet (XLSX, or CSV for a ``.csv`` path) and return its path.

    ``source``: a Regency, Employees, or pegawai rows (mappings with nip, nama, unit_kerja and
    optionally gelar_depan / gelar_belakang). ``title`` is the training's title row as printed;
    ``header`` the six column headers (No, NIP, Nama, unit, score, predikat) as printed."""
    if len(header) != len(DEFAULT_HEADER):
        raise ValueError(f"header needs {len(DEFAULT_HEADER)} columns: {', '.join(DEFAULT_HEADER)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if region is None:
        region = source.nama if isinstance(source, Regency) else cat.REGENCY_NAME
    titles = _title_rows(title, year, region, penyelenggara)
    rows = score_rows(
        source, seed, scale=scale, participants=participants, outsiders=outsiders, nip_style=nip_style
    )
    tail = _footer(len(header)) if footer else []
    if path.suffix.lower() == ".csv":
        return _write_csv(path, titles, list(header), rows, tail)
    return _write_xlsx(path, sheet, titles, list(header), rows, tail)


def _write_csv(
    path: Path, titles: list[str], header: list[str], rows: list[list[Cell]], tail: list[list[Cell]]
) -> Path:
    width = len(header)

    def cell(value: Cell) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:g}".replace(".", ",")
        return str(value)

    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        for text in titles:
            writer.writerow([text] + [""] * (width - 1))
        writer.writerow([""] * width)
        writer.writerow(header)
        for row in rows:
            writer.writerow([cell(v) for v in row])
        writer.writerow([""] * width)
        for row in tail:
            writer.writerow([cell(v) for v in row] + [""] * (width - len(row)))
    return path


def _sheet_xml(titles: list[str], header: list[str], rows: list[list[Cell]], tail: list[list[Cell]]) -> str:
    width = len(header)
    letters = [_column_letter(i) for i in range(width)]
    last = letters[-1]
    parts = [f'{_XML_HEAD}<worksheet xmlns="{_MAIN_NS}"><sheetData>']
    number = 0

    def add(values: Sequence[Cell], style: int = 0) -> None:
        nonlocal number
        number += 1
        cells = "".join(_xml_cell(f"{c}{number}", v, style) for c, v in zip(letters, values, strict=False))
        parts.append(f'<row r="{number}">{cells}</row>')

    merges: list[str] = []
    for text in titles:
        add([text], style=2)
        merges.append(f"A{number}:{last}{number}")
    add([])
    add(header, style=2)
    for row in rows:
        add(row)
    add([])
    for row in tail:
        add(row)
    parts.append("</sheetData>")
    parts.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges)
                 + "</mergeCells></worksheet>")  # fmt: skip
    return "".join(parts)


def _write_xlsx(
    path: Path,
    sheet: str,
    titles: list[str],
    header: list[str],
    rows: list[list[Cell]],
    tail: list[list[Cell]],
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:

        def put(name: str, text: str) -> None:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))

        put("[Content_Types].xml", _content_types(1))
        put("_rels/.rels", _ROOT_RELS)
        put("docProps/core.xml", _CORE.format(time=_FIXED_DOC_TIME))
        put("docProps/app.xml", _APP)
        put("xl/workbook.xml", _workbook([sheet[:31]]))
        put("xl/_rels/workbook.xml.rels", _workbook_rels(1))
        put("xl/styles.xml", _STYLES)
        put("xl/worksheets/sheet1.xml", _sheet_xml(titles, header, rows, tail))
    return path
