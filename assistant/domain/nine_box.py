"""9-box placement (kotak manajemen talenta) as pure functions over an instansi's scheme.

The scheme (numbering of the cells, SKP predicate -> performance axis, potential cut-offs, what each
cell means) is data: ``assistant/domain/data/nine_box.toml`` by default (KemenPANRB's guidance,
9 = high potential, above expectation), or the instansi's own file (``TALENTA_NINE_BOX_PATH``).
At ingest each person's cell is settled by the scheme (the export's own cell wins, a komite
calibration wins over both) and kept on the record as ``Employee.penempatan``; every reader then
shows that one cell. ``history`` places a person per SKP year for the 9-box history.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.domain.models import Asesmen, Ekspektasi, Employee, KategoriPotensi, Penempatan, Predikat

DEFAULT_SCHEME_PATH = Path(__file__).parent / "data" / "nine_box.toml"

ROWS = (KategoriPotensi.TINGGI, KategoriPotensi.MENENGAH, KategoriPotensi.RENDAH)  # top to bottom
COLUMNS = (Ekspektasi.DI_BAWAH, Ekspektasi.SESUAI, Ekspektasi.DI_ATAS)  # left to right
_AXIS = {"di bawah": Ekspektasi.DI_BAWAH, "sesuai": Ekspektasi.SESUAI, "di atas": Ekspektasi.DI_ATAS}


class SchemeError(ValueError):
    """A 9-box scheme file that cannot be used, with the reason."""


@dataclass(frozen=True)
class NineBoxScheme:
    name: str
    grid: dict[tuple[KategoriPotensi, Ekspektasi], int]
    kinerja: dict[Predikat, Ekspektasi]
    menengah_from: float
    tinggi_from: float
    meaning: dict[int, str]
    meaning_en: dict[int, str]

    def cell(self, kinerja: Ekspektasi | None, potensi: KategoriPotensi | None) -> int | None:
        if kinerja is None or potensi is None:
            return None
        return self.grid[(potensi, kinerja)]

    def potensi_of(self, asesmen: Asesmen | None) -> KategoriPotensi | None:
        """The assessment's own category; else its score by the cut-offs."""
        if asesmen is None:
            return None
        if asesmen.kategori_potensi is not None:
            return asesmen.kategori_potensi
        if asesmen.skor_potensi is None:
            return None
        if asesmen.skor_potensi >= self.tinggi_from:
            return KategoriPotensi.TINGGI
        return KategoriPotensi.MENENGAH if asesmen.skor_potensi >= self.menengah_from else KategoriPotensi.RENDAH

    def axes_of(self, cell: int) -> tuple[KategoriPotensi, Ekspektasi] | None:
        for axes, number in self.grid.items():
            if number == cell:
                return axes
        return None


def parse_scheme(data: dict[str, Any], source: str = "scheme") -> NineBoxScheme:
    """A scheme from the TOML's tables; every mistake named with the file and the key."""
    try:
        rows = data["grid"]
        grid: dict[tuple[KategoriPotensi, Ekspektasi], int] = {}
        for potensi in ROWS:
            numbers = rows[potensi.value]
            if not isinstance(numbers, list) or len(numbers) != 3:
                raise SchemeError(f"{source}: grid.{potensi.value} needs three cell numbers (di bawah, sesuai, di atas)")
            for column, number in zip(COLUMNS, numbers, strict=True):
                grid[(potensi, column)] = int(number)
        if sorted(grid.values()) != list(range(1, 10)):
            raise SchemeError(f"{source}: grid must number the nine cells 1-9 once each, got {sorted(grid.values())}")
        kinerja = {Predikat(k): _AXIS[str(v).strip().lower()] for k, v in data["kinerja"].items()}
        missing = set(Predikat) - set(kinerja)
        if missing:
            raise SchemeError(f"{source}: kinerja lacks {', '.join(sorted(p.value for p in missing))}")
        cut = data.get("potensi", {})
        menengah, tinggi = float(cut.get("menengah_dari", 60)), float(cut.get("tinggi_dari", 80))
        if not menengah < tinggi:
            raise SchemeError(f"{source}: potensi.menengah_dari must be below potensi.tinggi_dari")
        meaning = {int(k): str(v) for k, v in data.get("arti", {}).items()}
        meaning_en = {int(k): str(v) for k, v in data.get("arti_en", {}).items()} or meaning
        return NineBoxScheme(str(data.get("name", source)), grid, kinerja, menengah, tinggi, meaning, meaning_en)
    except SchemeError:
        raise
    except KeyError as exc:
        raise SchemeError(f"{source}: missing {exc.args[0]!r}") from exc
    except (ValueError, TypeError, AttributeError) as exc:
        raise SchemeError(f"{source}: {exc}") from exc


def load_scheme(path: Path | None = None) -> NineBoxScheme:
    path = path or DEFAULT_SCHEME_PATH
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SchemeError(f"{path}: {exc}") from exc
    return parse_scheme(data, str(path))


DEFAULT_SCHEME = load_scheme()
DEFAULT_GRID = DEFAULT_SCHEME.grid
PREDIKAT_TO_KINERJA = DEFAULT_SCHEME.kinerja


def cell_meaning(cell: int | None, lang: str = "id", scheme: NineBoxScheme = DEFAULT_SCHEME) -> str | None:
    if cell is None:
        return None
    return (scheme.meaning_en if lang == "en" else scheme.meaning).get(cell)


@dataclass(frozen=True)
class NineBoxPlacement:
    cell: int | None
    kinerja: Ekspektasi | None
    potensi: KategoriPotensi | None
    source: str  # "ekspor" (the export's own cell), "dihitung" (computed), "kalibrasi" or "tidak lengkap"
    reasons: list[str] = field(default_factory=list)
    year: int | None = None  # the mapping year: the latest SKP's


def place(
    kinerja: Ekspektasi | None,
    potensi: KategoriPotensi | None,
    grid: dict[tuple[KategoriPotensi, Ekspektasi], int] = DEFAULT_GRID,
) -> int | None:
    if kinerja is None or potensi is None:
        return None
    return grid[(potensi, kinerja)]


def _kinerja(skp: Any, scheme: NineBoxScheme) -> Ekspektasi | None:
    if skp is None:
        return None
    if skp.predikat is not None:
        return scheme.kinerja[skp.predikat]
    return skp.hasil_kerja  # type: ignore[no-any-return]


def assess(employee: Employee, scheme: NineBoxScheme = DEFAULT_SCHEME) -> NineBoxPlacement:
    """From the records alone: the export's own cell wins; else the latest SKP and the latest
    assessment by the scheme."""
    latest_skp = employee.skp_terbaru(1)
    skp = latest_skp[0] if latest_skp else None
    kinerja = _kinerja(skp, scheme)
    reasons: list[str] = []
    if skp is not None and kinerja is not None:
        said = skp.predikat.value if skp.predikat is not None else "hasil kerja"
        reasons.append(f"kinerja {kinerja.value} (SKP {skp.tahun}: {said})")
    asesmen = employee.asesmen_terbaru()
    potensi = scheme.potensi_of(asesmen)
    if asesmen is not None and potensi is not None:
        reasons.append(f"potensi {potensi.value} (asesmen {asesmen.tanggal.year if asesmen.tanggal else '?'})")
    year = skp.tahun if skp is not None else None
    if employee.kotak_talenta is not None:
        return NineBoxPlacement(employee.kotak_talenta, kinerja, potensi, "ekspor", reasons, year)
    cell = scheme.cell(kinerja, potensi)
    return NineBoxPlacement(cell, kinerja, potensi, "dihitung" if cell else "tidak lengkap", reasons, year)


def place_employee(employee: Employee, scheme: NineBoxScheme = DEFAULT_SCHEME) -> NineBoxPlacement:
    """The person's cell: as settled at ingest or calibrated (``employee.penempatan``), else from the
    records by the scheme."""
    found = assess(employee, scheme)
    settled = employee.penempatan
    if settled is None:
        return found
    reasons = list(found.reasons)
    if settled.sumber == "kalibrasi":
        when = settled.tanggal.isoformat() if settled.tanggal else "?"
        reasons.append(f"kalibrasi komite {when}: kotak {settled.kotak_semula or '-'} -> {settled.kotak}"
                       + (f" ({settled.alasan})" if settled.alasan else ""))  # fmt: skip
    return NineBoxPlacement(settled.kotak, found.kinerja, found.potensi, settled.sumber, reasons, settled.tahun)


@dataclass(frozen=True)
class Calibration:
    """A komite's decision to move a person's cell for a mapping year."""

    tahun: int | None
    old_cell: int | None
    new_cell: int
    reason: str
    decided_by: str
    on: dt.date


def settle(
    employee: Employee, scheme: NineBoxScheme = DEFAULT_SCHEME, calibration: Calibration | None = None
) -> Penempatan:
    """The placement kept on the record at ingest: the scheme's (or the export's) cell, unless the komite
    calibrated this person for the same or a later mapping year."""
    found = assess(employee, scheme)
    if calibration is not None and (found.year is None or calibration.tahun is None or calibration.tahun >= found.year):
        return Penempatan(kotak=calibration.new_cell, sumber="kalibrasi", tahun=calibration.tahun or found.year,
                          skema=scheme.name, kotak_semula=calibration.old_cell, alasan=calibration.reason,
                          oleh=calibration.decided_by, tanggal=calibration.on)  # fmt: skip
    return Penempatan(kotak=found.cell, sumber=found.source, tahun=found.year, skema=scheme.name)


@dataclass(frozen=True)
class YearPlacement:
    tahun: int
    cell: int | None
    kinerja: Ekspektasi | None
    potensi: KategoriPotensi | None
    source: str  # dihitung | ekspor | kalibrasi | tidak lengkap


def history(employee: Employee, scheme: NineBoxScheme = DEFAULT_SCHEME) -> list[YearPlacement]:
    """The person's cell per SKP year, oldest first: that year's SKP and the latest assessment up to the
    end of that year (an undated assessment counts for every year). The latest year shows the cell the
    person holds now (the export's or the komite's where they differ from the computed one)."""
    out: list[YearPlacement] = []
    years = sorted({s.tahun for s in employee.skp})
    for year in years:
        skp = next(s for s in sorted(employee.skp, key=lambda s: s.tahun, reverse=True) if s.tahun == year)
        end = dt.date(year, 12, 31)
        known = [a for a in employee.asesmen if a.tanggal is None or a.tanggal <= end]
        asesmen = max(known, key=lambda a: a.tanggal or dt.date.min) if known else None
        kinerja, potensi = _kinerja(skp, scheme), scheme.potensi_of(asesmen)
        cell = scheme.cell(kinerja, potensi)
        out.append(YearPlacement(year, cell, kinerja, potensi, "dihitung" if cell else "tidak lengkap"))
    now = place_employee(employee, scheme)
    if now.cell is not None and now.year is not None and out and out[-1].tahun == now.year and now.source != "dihitung":
        last = out[-1]
        out[-1] = YearPlacement(last.tahun, now.cell, last.kinerja, last.potensi, now.source)
    return out
