"""9-box placement (kotak manajemen talenta) as a pure function.

Default numbering is KemenPANRB's guidance (9 = high potential, above expectation). Numbering and
the SKP-predicate mapping are data so an instansi with its own scheme can change them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.domain.models import Ekspektasi, Employee, KategoriPotensi, Predikat

DEFAULT_GRID: dict[tuple[KategoriPotensi, Ekspektasi], int] = {
    (KategoriPotensi.TINGGI, Ekspektasi.DI_BAWAH): 6,
    (KategoriPotensi.TINGGI, Ekspektasi.SESUAI): 8,
    (KategoriPotensi.TINGGI, Ekspektasi.DI_ATAS): 9,
    (KategoriPotensi.MENENGAH, Ekspektasi.DI_BAWAH): 3,
    (KategoriPotensi.MENENGAH, Ekspektasi.SESUAI): 5,
    (KategoriPotensi.MENENGAH, Ekspektasi.DI_ATAS): 7,
    (KategoriPotensi.RENDAH, Ekspektasi.DI_BAWAH): 1,
    (KategoriPotensi.RENDAH, Ekspektasi.SESUAI): 2,
    (KategoriPotensi.RENDAH, Ekspektasi.DI_ATAS): 4,
}

PREDIKAT_TO_KINERJA: dict[Predikat, Ekspektasi] = {
    Predikat.SANGAT_BAIK: Ekspektasi.DI_ATAS,
    Predikat.BAIK: Ekspektasi.SESUAI,
    Predikat.BUTUH_PERBAIKAN: Ekspektasi.DI_BAWAH,
    Predikat.KURANG: Ekspektasi.DI_BAWAH,
    Predikat.SANGAT_KURANG: Ekspektasi.DI_BAWAH,
}

CELL_MEANING: dict[int, str] = {
    9: "dipromosikan dan dipertahankan (kelompok rencana suksesi)",
    8: "kelompok rencana suksesi",
    7: "kelompok rencana suksesi",
    6: "pengembangan",
    5: "pengembangan",
    4: "pengembangan / penempatan ulang",
    3: "pembinaan",
    2: "pembinaan",
    1: "pembinaan / penempatan ulang",
}


CELL_MEANING_EN: dict[int, str] = {
    9: "promote and retain (succession group)",
    8: "succession group",
    7: "succession group",
    6: "development",
    5: "development",
    4: "development / re-placement",
    3: "coaching",
    2: "coaching",
    1: "coaching / re-placement",
}


def cell_meaning(cell: int | None, lang: str = "id") -> str | None:
    if cell is None:
        return None
    return (CELL_MEANING_EN if lang == "en" else CELL_MEANING).get(cell)


@dataclass(frozen=True)
class NineBoxPlacement:
    cell: int | None
    kinerja: Ekspektasi | None
    potensi: KategoriPotensi | None
    source: str  # "ekspor" (the export's own cell), "dihitung" (computed) or "tidak lengkap"
    reasons: list[str] = field(default_factory=list)


def place(
    kinerja: Ekspektasi | None,
    potensi: KategoriPotensi | None,
    grid: dict[tuple[KategoriPotensi, Ekspektasi], int] = DEFAULT_GRID,
) -> int | None:
    if kinerja is None or potensi is None:
        return None
    return grid[(potensi, kinerja)]


def place_employee(
    employee: Employee,
    grid: dict[tuple[KategoriPotensi, Ekspektasi], int] = DEFAULT_GRID,
) -> NineBoxPlacement:
    """The export's own cell wins; else compute from the latest SKP and the latest assessment."""
    latest_skp = employee.skp_terbaru(1)
    skp = latest_skp[0] if latest_skp else None
    kinerja: Ekspektasi | None = None
    reasons: list[str] = []
    if skp is not None:
        if skp.predikat is not None:
            kinerja = PREDIKAT_TO_KINERJA[skp.predikat]
            reasons.append(f"kinerja {kinerja.value} (SKP {skp.tahun}: {skp.predikat.value})")
        elif skp.hasil_kerja is not None:
            kinerja = skp.hasil_kerja
            reasons.append(f"kinerja {kinerja.value} (SKP {skp.tahun}: hasil kerja)")
    asesmen = employee.asesmen_terbaru()
    potensi = asesmen.kategori_potensi if asesmen else None
    if asesmen is not None and potensi is not None:
        year = asesmen.tanggal.year if asesmen.tanggal else "?"
        reasons.append(f"potensi {potensi.value} (asesmen {year})")
    if employee.kotak_talenta is not None:
        return NineBoxPlacement(employee.kotak_talenta, kinerja, potensi, "ekspor", reasons)
    cell = place(kinerja, potensi, grid)
    return NineBoxPlacement(cell, kinerja, potensi, "dihitung" if cell else "tidak lengkap", reasons)
