"""Two to four people side by side for one target post: the same facts per row, the best value marked.

The rows are the records the ranking and the eligibility rules use (golongan, education, years in
post, 9-box cell, JPM, SKP, leadership training, merit, the post's rules); nothing protected. Every
comparison is audited as a view of each person compared.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.domain.golongan import golongan_rank
from assistant.domain.identity import Caller
from assistant.domain.nine_box import place_employee
from assistant.domain.posts import TargetPost
from assistant.domain.ranking import merit_factors, merit_value
from assistant.domain.training import is_leadership
from assistant.services.errors import Conflict, NotFound
from assistant.services.schemas import EligibilityOut

if TYPE_CHECKING:
    from assistant.services.talent import TalentService

_STATUS_ORDER = {"memenuhi": 2, "perlu verifikasi": 1, "tidak memenuhi": 0}


class CompareRow(BaseModel):
    label: str
    values: list[str]
    best: list[int] = Field(default_factory=list, description="Columns holding the best value (ties: all of them).")


class Comparison(BaseModel):
    post: str | None
    nips: list[str]
    names: list[str]
    rows: list[CompareRow]
    eligibility: list[EligibilityOut | None]


def compare(
    service: TalentService, caller: Caller, nips: list[str], target: TargetPost | None, lang: str = "id"
) -> Comparison:
    wanted = list(dict.fromkeys(nips))
    if not 2 <= len(wanted) <= 4:
        raise Conflict("Pilih 2 sampai 4 pegawai untuk dibandingkan.", "Pick 2 to 4 people to compare.")
    people = service.people.get(wanted) if service.people is not None else {}
    visible = [n for n in wanted if n in people and caller.can_see(n, people[n].unit_kerja)]
    if len(visible) != len(wanted):  # a person the caller may not see answers as one that does not exist
        raise NotFound("Pegawai tidak ditemukan.", "Employee not found.")
    today = dt.date.today()
    en = lang == "en"
    staff = [people[n] for n in wanted]
    rows: list[CompareRow] = []

    def row(label_id: str, label_en: str, values: list[str], scores: list[float | None]) -> None:
        known = [s for s in scores if s is not None]
        top = max(known) if known else None
        best = [i for i, s in enumerate(scores) if top is not None and s == top] if len(set(known)) > 1 else []
        rows.append(CompareRow(label=label_en if en else label_id, values=values, best=best))

    row("Jabatan sekarang", "Current post", [e.jabatan or "-" for e in staff], [None] * len(staff))
    row("Unit kerja", "Unit", [e.unit_kerja or "-" for e in staff], [None] * len(staff))
    row("Golongan", "Golongan", [e.golongan or "-" for e in staff],
        [float(golongan_rank(e.golongan) or 0) or None for e in staff])  # fmt: skip
    tops = [e.pendidikan_tertinggi() for e in staff]
    row("Pendidikan tertinggi", "Highest education",
        [" ".join(x for x in ((p.jenjang.value if p.jenjang else ""), p.jurusan or "") if x) or "-" if p else "-" for p in tops],
        [float(p.jenjang.rank) if p and p.jenjang else None for p in tops])  # fmt: skip
    years = [((today - e.tmt_jabatan).days / 365.25) if e.tmt_jabatan else None for e in staff]
    row("Lama di jabatan (tahun)", "Years in post", [f"{y:.1f}" if y is not None else "-" for y in years], years)
    cells = [place_employee(e).cell for e in staff]
    row("Kotak talenta", "9-box cell", [str(c) if c else "-" for c in cells], [float(c) if c else None for c in cells])
    latest = [e.asesmen_terbaru() for e in staff]
    row("JPM terakhir", "Latest JPM", [f"{a.jpm:g}" if a and a.jpm is not None else "-" for a in latest],
        [a.jpm if a and a.jpm is not None else None for a in latest])  # fmt: skip
    skp = [[(s.tahun, s.predikat) for s in e.skp_terbaru(3) if s.predikat is not None] for e in staff]
    row("SKP 3 tahun terakhir", "SKP, last 3 years",
        [", ".join(f"{year}: {p.value}" for year, p in sorted(x)) or "-" for x in skp],
        [sum(p.score for _, p in x) / len(x) if x else None for x in skp])  # fmt: skip
    leadership = [[d for d in e.diklat if is_leadership(d.nama)] for e in staff]
    row("Diklat kepemimpinan", "Leadership training",
        [", ".join(f"{d.nama} ({d.tahun or '-'})" for d in x) or "-" for x in leadership], [float(len(x)) for x in leadership])  # fmt: skip
    merits = [round(merit_value(merit_factors(e, today)), 3) for e in staff]
    row("Merit (skor Talenta)", "Merit (Talenta's score)", [f"{m:.3f}" for m in merits], merits)  # type: ignore[arg-type]
    eligibility = [service.eligibility(e, target, lang, today) for e in staff]
    if target is not None:
        row("Syarat jabatan target", "The post's rules", [x.status if x else "-" for x in eligibility],
            [float(_STATUS_ORDER.get(x.status, 0)) if x else None for x in eligibility])  # fmt: skip
        row("Yang masih kurang", "Still lacking", ["; ".join(x.gaps) or "-" if x else "-" for x in eligibility],
            [None] * len(staff))  # fmt: skip
    service.audit.record(caller, "compare", target.title if target and target.title else None, wanted,
                         post=target.level if target else None)  # fmt: skip
    return Comparison(post=(target.title or target.level) if target else None, nips=wanted,
                      names=[e.nama_lengkap for e in staff], rows=rows, eligibility=eligibility)  # fmt: skip
