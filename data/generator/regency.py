"""The seeded generator of a fictional regency's civil servants.

``generate_regency(employees, seed)`` draws every value from one ``random.Random(seed)``, so the same
seed gives the same people. The steps, per regency: fill structural posts (one head per unit at most,
about 5.5% administrators, 16.5% pengawas), spread the remaining staff over the units by their size,
then build each person from their post: education that fits the post's field, a golongan that fits
the post, years of service and age that fit the golongan, a career that leads to the post (with
transfers between units and a few changes of field), trainings, SKP, assessment, awards, discipline
and a short profile. Nothing refers to a real person.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from assistant.domain.golongan import PNS_ORDER
from assistant.domain.models import Employee, KategoriPotensi, Predikat
from assistant.domain.nine_box import PREDIKAT_TO_KINERJA, place

from . import catalog as cat

T = TypeVar("T")

REFERENCE_DATE = dt.date(2025, 12, 31)  # "today" of the fictional data: ages, SKP years, open posts
SKP_FIRST_YEAR, SKP_LAST_YEAR = 2021, 2025
MIN_AGE, MAX_AGE = 22, 58

SHARE_JPT, SHARE_ADMINISTRATOR, SHARE_PENGAWAS = 0.01, 0.055, 0.165
TRANSFER_SHARE = 0.28  # people with an earlier post in another unit (some are too new to have one)
CHANGER_SHARE = 0.07  # of people whose post admits any background: a change of field mid-career

JENIS_ORDER = {"jpt": 0, "administrator": 1, "pengawas": 2, "fungsional": 3, "pelaksana": 4}

# Golongan index (1 = I/a .. 17 = IV/e) ranges per post.
_G = {g: i + 1 for i, g in enumerate(PNS_ORDER)}
STRUCTURAL_GOLONGAN: dict[str, tuple[int, int]] = {
    "II.a": (_G["IV/c"], _G["IV/d"]), "II.b": (_G["IV/b"], _G["IV/c"]),
    "III.a": (_G["IV/a"], _G["IV/b"]), "III.b": (_G["III/d"], _G["IV/a"]),
    "IV.a": (_G["III/c"], _G["III/d"]), "IV.b": (_G["III/b"], _G["III/c"]),
}  # fmt: skip
LEVEL_GOLONGAN: dict[str, tuple[int, int]] = {
    "Ahli Pertama": (_G["III/a"], _G["III/b"]), "Ahli Muda": (_G["III/c"], _G["III/d"]),
    "Ahli Madya": (_G["IV/a"], _G["IV/c"]),
    "Pemula": (_G["II/a"], _G["II/a"]), "Terampil": (_G["II/b"], _G["II/d"]),
    "Mahir": (_G["III/a"], _G["III/b"]), "Penyelia": (_G["III/c"], _G["III/d"]),
}  # fmt: skip
PELAKSANA_GOLONGAN = (_G["II/a"], _G["III/b"])
ENTRY_GOLONGAN = {"SMA": _G["II/a"], "D2": _G["II/b"], "D3": _G["II/c"], "D4": _G["III/a"], "S1": _G["III/a"],
                  "S2": _G["III/b"], "S3": _G["III/c"]}  # fmt: skip
ENTRY_AGE = {"SMA": (19, 27), "D2": (21, 28), "D3": (21, 30), "D4": (23, 32), "S1": (23, 32), "S2": (26, 35)}
MIN_YEARS = {"jpt": 20, "III.a": 14, "III.b": 12, "pengawas": 7, "Ahli Madya": 14, "Penyelia": 12}
STAGE_MIN_MONTHS = 12

_PREDIKAT_CUTS: tuple[tuple[float, Predikat], ...] = (
    (0.72, Predikat.SANGAT_BAIK), (-1.126, Predikat.BAIK), (-1.751, Predikat.BUTUH_PERBAIKAN),
    (-2.326, Predikat.KURANG), (-math.inf, Predikat.SANGAT_KURANG),
)  # fmt: skip
# (hasil kerja, perilaku) pairs that give each predikat (PermenPANRB 6/2022 matrix), with weights.
_ATAS, _SESUAI, _BAWAH = "di atas ekspektasi", "sesuai ekspektasi", "di bawah ekspektasi"
_RATINGS: dict[Predikat, tuple[tuple[tuple[str, str], float], ...]] = {
    Predikat.SANGAT_BAIK: (((_ATAS, _ATAS), 1.0),),
    Predikat.BAIK: (((_SESUAI, _SESUAI), 0.7), ((_ATAS, _SESUAI), 0.15), ((_SESUAI, _ATAS), 0.15)),
    Predikat.BUTUH_PERBAIKAN: (((_BAWAH, _SESUAI), 0.7), ((_BAWAH, _ATAS), 0.3)),
    Predikat.KURANG: (((_SESUAI, _BAWAH), 0.6), ((_ATAS, _BAWAH), 0.4)),
    Predikat.SANGAT_KURANG: (((_BAWAH, _BAWAH), 1.0),),
}


@dataclass
class Regency:
    """A generated regency: its employees plus the ground truth the benchmarks score against."""

    nama: str
    seed: int
    employees: list[Employee]
    bidang: dict[str, str]  # nip -> primary field key (longest time in posts of that field)
    bidang_per_jabatan: dict[str, list[str]]  # nip -> field key of each riwayat_jabatan entry, in order
    personal: dict[str, dict[str, str]]  # nip -> personal export columns (fictional; dropped at ingest)
    units: list[str] = field(default_factory=list)  # unit (OPD) names, in catalogue order
    reference_date: dt.date = REFERENCE_DATE

    def by_nip(self) -> dict[str, Employee]:
        return {e.nip: e for e in self.employees}


@dataclass(frozen=True)
class _Post:
    jabatan: str
    jenis: str  # jpt, administrator, pengawas, fungsional, pelaksana
    eselon: str | None
    field: str
    unit: str
    role: cat.StaffRole | None = None
    level: str | None = None  # fungsional level (Ahli Muda, Terampil ...)


@dataclass
class _Stage:
    post: _Post
    start: int = 0  # month index (year * 12 + month - 1)
    min_months: int = STAGE_MIN_MONTHS
    weight: float = 1.0


@dataclass
class _Degree:
    major: cat.Major
    field: str
    institusi: str = ""
    tahun: int = 0
    pre_service: bool = True


# --------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------


def _pick(rng: random.Random, items: Sequence[T], weights: Sequence[float] | None = None) -> T:
    if weights is None:
        return items[int(rng.random() * len(items))]
    return rng.choices(items, weights)[0]


def _month(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _date(month_index: int, day: int = 1) -> dt.date:
    return dt.date(month_index // 12, month_index % 12 + 1, day)


def _fungsional_name(role: cat.StaffRole, level: str) -> str:
    return f"{role.nama} {level}"


def _ladder(kind: str) -> list[str]:
    levels = cat.AHLI_LEVELS if kind == "ahli" else cat.TERAMPIL_LEVELS
    return [name for name, _ in levels]


def _level_for_golongan(kind: str, gol: int) -> str:
    for name in _ladder(kind)[::-1]:
        if gol >= LEVEL_GOLONGAN[name][0]:
            return name
    return _ladder(kind)[0]


def _largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    s = sum(weights)
    if total <= 0 or s <= 0:
        return [0] * len(weights)
    raw = [total * w / s for w in weights]
    out = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


_BLOCKED_BY_TOKEN: dict[str, list[tuple[str, ...]]] = {}
for _blocked in cat.BLOCKED_NAMES:
    _BLOCKED_BY_TOKEN.setdefault(_blocked[0], []).append(_blocked)


def _is_blocked(name: str) -> bool:
    """True if the name contains every token of a listed public figure's name."""
    tokens = set(name.lower().split())
    return any(all(t in tokens for t in blocked) for tok in tokens for blocked in _BLOCKED_BY_TOKEN.get(tok, ()))


# --------------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------------


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ref_month = _month(REFERENCE_DATE)
        self.used_names: set[str] = set()
        self.jurusan: set[str] = set()  # programmes of the person being built (for role choice)
        self.all_male = sorted({n for g in cat.NAME_GROUPS for n in (*g.male, *g.male_second) if n[0].isupper()})
        self.all_female = sorted({n for g in cat.NAME_GROUPS for n in (*g.female, *g.female_second)})
        self.kinds: set[str] = set()  # staff kinds (ahli/terampil/pelaksana) their education admits
        self.nip_seq: dict[str, int] = {}
        self.opd_index = {o.nama: i for i, o in enumerate(cat.OPDS)}
        self.kecamatan_opds = [o for o in cat.OPDS if o.kind == "kecamatan"]
        # Units where a field is a real part of the work (for transfers within a field).
        self.units_of_field: dict[str, list[cat.Opd]] = {
            f: [o for o in cat.OPDS if o.fields.get(f, 0) >= 0.03] for f in cat.FIELDS
        }
        # The unit a field belongs to (Dinas Perikanan for perikanan ...): where a career in it is spent.
        self.home_unit: dict[str, cat.Opd] = {f: self._home_of(f) for f in cat.FIELDS}

    def _home_of(self, field_key: str) -> cat.Opd:
        return max(cat.OPDS, key=lambda o: (o.fields.get(field_key, 0.0), -self.opd_index[o.nama]))

    # ---- posts -------------------------------------------------------------------------------------

    def posts(self, n: int) -> list[_Post]:
        """Current posts for n people: structural slots first, then staff by unit size."""
        rng = self.rng
        by_jenis: dict[str, list[tuple[cat.Opd, cat.Slot]]] = {"jpt": [], "administrator": [], "pengawas": []}
        for opd in cat.OPDS:
            for slot in opd.slots:
                by_jenis[slot.jenis].append((opd, slot))
        n_jpt = min(len(by_jenis["jpt"]), round(n * SHARE_JPT))
        n_adm = min(round(n * SHARE_ADMINISTRATOR), max(0, n - n_jpt))
        n_peng = min(round(n * SHARE_PENGAWAS), max(0, n - n_jpt - n_adm))
        posts: list[_Post] = []
        for jenis, count in (("jpt", n_jpt), ("administrator", n_adm), ("pengawas", n_peng)):
            slots = by_jenis[jenis]
            chosen: list[tuple[cat.Opd, cat.Slot]] = []
            if not slots:
                continue
            while count - len(chosen) >= len(slots):  # more posts than slots: fill every slot again
                chosen += slots
            chosen += rng.sample(slots, count - len(chosen))
            posts += [_Post(s.jabatan, s.jenis, s.eselon, s.field, o.nama) for o, s in chosen]

        structural = {o.nama: 0 for o in cat.OPDS}
        for p in posts:
            structural[p.unit] += 1
        total_weight = sum(o.weight for o in cat.OPDS)
        deficits = [max(0.0, o.weight / total_weight * n - structural[o.nama]) for o in cat.OPDS]
        for opd, count in zip(cat.OPDS, _largest_remainder(n - len(posts), deficits), strict=True):
            keys = list(opd.fields)
            weights = [opd.fields[k] for k in keys]
            for _ in range(count):
                field_key = _pick(rng, keys, weights)
                roles = opd.staff_roles(field_key)
                role = _pick(rng, roles, [r.weight for r in roles])
                posts.append(self._staff_post(opd, field_key, role))
        return posts

    def _staff_post(self, opd: cat.Opd, field_key: str, role: cat.StaffRole, level: str | None = None) -> _Post:
        if role.kind == "pelaksana":
            return _Post(role.nama, "pelaksana", None, field_key, opd.nama, role)
        if level is None:
            levels = cat.AHLI_LEVELS if role.kind == "ahli" else cat.TERAMPIL_LEVELS
            level = _pick(self.rng, [lv for lv, _ in levels], [w for _, w in levels])
        return _Post(_fungsional_name(role, level), "fungsional", None, field_key, opd.nama, role, level)

    # ---- one person ----------------------------------------------------------------------------------

    def person(self, post: _Post) -> tuple[Employee, str, list[str], dict[str, str]]:
        rng = self.rng
        opd = cat.OPD_BY_NAME[post.unit]
        changer = (post.role is None or not post.role.majors) and rng.random() < CHANGER_SHARE
        edu_field = post.field
        if changer:
            related = cat.RELATED_FIELDS.get(post.field, ())
            pool = list(related) if related and rng.random() < 0.7 else [f for f in cat.FIELDS if f != post.field]
            edu_field = _pick(rng, pool)

        female = rng.random() < self._female_share(post)
        degrees = self._education_plan(post, edu_field)
        entry = self._entry_jenjang(degrees)
        gol, post = self._golongan(post, degrees, entry)
        years = self._years_of_service(post, gol, entry)
        entry_age = self._entry_age(degrees, entry)
        if entry_age + years > MAX_AGE:
            entry_age = max(ENTRY_AGE[entry][0] - 1, MAX_AGE - years)
            years = min(years, MAX_AGE - entry_age)
        if entry_age + years < MIN_AGE:
            entry_age = MIN_AGE - years
        cpns_month = (REFERENCE_DATE.year - years) * 12 + rng.randint(0, 11)
        cpns_month = min(cpns_month, self.ref_month - 12)
        tmt_cpns = _date(cpns_month)
        tanggal_lahir = self._birth_date(tmt_cpns, entry_age)
        self._date_degrees(degrees, tanggal_lahir, tmt_cpns)

        self.jurusan = {d.major.jurusan for d in degrees}
        self.kinds = {"pelaksana"} | ({"ahli"} if entry in ("S1", "D4", "S2", "S3") else set()) | (
            {"terampil"} if entry in ("D2", "D3") or (entry == "SMA" and degrees[0].major.jenjang == "SMA") else set()
        )
        stages = self._career(post, opd, cpns_month, edu_field if changer else None)
        months_in_field: dict[str, int] = {}
        for i, st in enumerate(stages):
            end = stages[i + 1].start if i + 1 < len(stages) else self.ref_month
            months_in_field[st.post.field] = months_in_field.get(st.post.field, 0) + end - st.start
        # The field of the person's degree counts as three years, the current post's field as one.
        score = {k: m + 36 * (k == edu_field) + 12 * (k == post.field) for k, m in months_in_field.items()}
        primary = max(score, key=lambda k: (score[k], k == post.field))

        nama, group = self._name(female, tanggal_lahir.year)
        gelar_depan, gelar_belakang = self._titles(degrees, female)
        nip = self._nip(tanggal_lahir, tmt_cpns, female)

        riwayat = []
        for i, st in enumerate(stages):
            selesai = _date(stages[i + 1].start) - dt.timedelta(days=1) if i + 1 < len(stages) else None
            riwayat.append({
                "jabatan": st.post.jabatan, "jenis_jabatan": st.post.jenis, "eselon": st.post.eselon,
                "unit_kerja": st.post.unit, "tmt_mulai": _date(st.start), "tmt_selesai": selesai,
            })  # fmt: skip
        tmt_jabatan = _date(stages[-1].start)

        structural = post.jenis in ("jpt", "administrator", "pengawas")
        perf = rng.gauss(0.35 if structural else -0.1, 1.0)  # promotion selects on performance
        skp = self._skp(perf, tmt_cpns)
        potential_latent = (0.45 * perf + 0.35 * structural + 0.15 * (entry in ("S2", "S3"))
                            + 0.85 * rng.gauss(0.0, 1.0))  # fmt: skip
        asesmen = self._asesmen(post, potential_latent, tmt_cpns)
        kotak = None
        if asesmen:
            latest_skp = max(skp, key=lambda s: s["tahun"])
            latest_as = max(asesmen, key=lambda a: a["tanggal"])
            kotak = place(PREDIKAT_TO_KINERJA[latest_skp["predikat"]], KategoriPotensi(latest_as["kategori_potensi"]))
        diklat = self._diklat(post, stages, entry, edu_field, tmt_cpns, potential_latent)
        penghargaan = self._awards(primary, years, tmt_cpns, perf)
        hukdis = self._discipline(perf, tmt_cpns)
        ringkasan = self._ringkasan(post, stages, primary, edu_field if changer else None, cpns_month)

        employee = Employee.model_validate({
            "nip": nip, "nama": nama, "gelar_depan": gelar_depan, "gelar_belakang": gelar_belakang,
            "jenis_kelamin": "P" if female else "L", "tanggal_lahir": tanggal_lahir, "status": "PNS",
            "tmt_cpns": tmt_cpns, "golongan": PNS_ORDER[gol - 1],
            "tmt_golongan": self._tmt_golongan(gol, entry, cpns_month), "jabatan": post.jabatan,
            "jenis_jabatan": post.jenis, "eselon": post.eselon, "unit_kerja": post.unit, "tmt_jabatan": tmt_jabatan,
            "pendidikan": [{"jenjang": d.major.jenjang, "jurusan": d.major.jurusan, "institusi": d.institusi,
                            "tahun_lulus": d.tahun} for d in degrees],
            "riwayat_jabatan": riwayat, "diklat": diklat, "skp": skp, "asesmen": asesmen, "kotak_talenta": kotak,
            "penghargaan": penghargaan, "hukuman_disiplin": hukdis, "ringkasan": ringkasan,
        })  # fmt: skip
        personal = self._personal(tanggal_lahir, female, group)
        return employee, primary, [st.post.field for st in stages], personal

    # ---- education and titles ------------------------------------------------------------------------

    def _female_share(self, post: _Post) -> float:
        share = cat.FEMALE_SHARE_BY_FIELD.get(post.field, 0.5)
        if post.role is not None and post.role.nama in cat.FEMALE_SHARE_BY_ROLE:
            share = cat.FEMALE_SHARE_BY_ROLE[post.role.nama]
        return share * cat.FEMALE_FACTOR_BY_JENIS.get(post.jenis, 1.0)

    def _majors(self, field_key: str, jenjang: Sequence[str], allowed: Sequence[str] = ()) -> list[cat.Major]:
        pool = [m for m in cat.MAJORS[field_key] if m.jenjang in jenjang and (not allowed or m.jurusan in allowed)]
        return pool

    def _education_plan(self, post: _Post, field_key: str) -> list[_Degree]:
        """Which degrees the person holds (years are set later, once the birth date is known)."""
        rng = self.rng
        allowed = post.role.majors if post.role is not None and post.field == field_key else ()
        r = rng.random()
        if post.jenis == "jpt":
            first, later = "S1", ["S2"] if r < 0.8 else []
        elif post.jenis == "administrator":
            first, later = "S1", ["S2"] if r < 0.55 else []
        elif post.jenis == "pengawas":
            first = "S1" if r < 0.78 else ("D3" if r < 0.93 else "SMA")
            later = ["S1"] if first != "S1" and rng.random() < 0.6 else []
            if first == "S1" and rng.random() < 0.18:
                later = ["S2"]
        elif post.jenis == "fungsional" and post.role is not None and post.role.kind == "ahli":
            first = "S1"
            if post.role.nama in ("Perawat", "Bidan") and rng.random() < 0.3:
                first, later = "D3", ["S1"]
            else:
                later = ["S2"] if post.level in ("Ahli Muda", "Ahli Madya") and rng.random() < 0.3 else []
        elif post.jenis == "fungsional":
            first = "D3"
            later = ["S1"] if post.level in ("Mahir", "Penyelia") and rng.random() < 0.3 else []
            if post.level == "Pemula" and self._majors(field_key, ["SMA"], allowed):
                first = "SMA"
        else:
            first = "SMA" if r < 0.35 else ("D3" if r < 0.6 else "S1")
            later = ["S1"] if first != "S1" and rng.random() < 0.15 else []
        if later == ["S2"] and rng.random() < 0.05 and post.jenis in ("jpt", "administrator"):
            later = ["S2", "S3"]

        degrees: list[_Degree] = []
        jenjang_for = {"S1": ["S1", "D4"], "D3": ["D3"], "SMA": ["SMA"]}
        pool = self._majors(field_key, jenjang_for[first], allowed)
        if not pool and first == "D3":
            pool = self._majors(field_key, ["S1", "D4"], allowed)
        if not pool and first == "SMA":
            pool = self._majors(field_key, ["D3"], allowed) or self._majors(field_key, ["S1", "D4"], allowed)
        if not pool:
            pool = self._majors(field_key, ["S1", "D4"])
        weights = [m.weight * (0.25 if m.jenjang == "D4" else 1.0) for m in pool]
        major = _pick(rng, pool, weights)
        degrees.append(_Degree(major, field_key))
        if major.jenjang in ("D3", "S1", "D4") and rng.random() < 0.3:
            sma_pool = self._majors(field_key, ["SMA"]) or self._majors("pemerintahan", ["SMA"])
            degrees.insert(0, _Degree(_pick(rng, sma_pool), field_key))
        for jenjang in later:
            if jenjang == "S1" and major.jenjang in ("S1", "D4"):
                continue
            if jenjang == "S1":
                same = [m for m in self._majors(field_key, ["S1", "D4"]) if m.jurusan == major.jurusan]
                pool = same or self._majors(field_key, ["S1", "D4"], allowed) or self._majors(field_key, ["S1"])
                degrees.append(_Degree(_pick(rng, pool), field_key, pre_service=False))
            elif jenjang == "S2":
                if major.depan == "dr." and post.unit.startswith("Rumah Sakit") and rng.random() < 0.6:
                    pool = list(cat.SPECIALISTS)
                else:
                    pool = list(cat.MASTERS[field_key]) * 2 + list(cat.GENERIC_MASTERS)
                degrees.append(_Degree(_pick(rng, pool), field_key, pre_service=rng.random() < 0.15))
            else:
                degrees.append(_Degree(_pick(rng, cat.DOCTORATES), field_key, pre_service=False))
        if len(degrees) > 3:
            degrees = degrees[-3:]
        return degrees

    @staticmethod
    def _entry_jenjang(degrees: list[_Degree]) -> str:
        entry = "SMA"
        for d in degrees:
            if d.pre_service:
                entry = d.major.jenjang
        return entry

    def _entry_age(self, degrees: list[_Degree], entry: str) -> int:
        lo, hi = ENTRY_AGE.get(entry, (23, 32))
        if any(d.major.depan in ("dr.", "drg.") for d in degrees):
            lo, hi = 25, 33
        return self.rng.randint(lo, hi)

    def _date_degrees(self, degrees: list[_Degree], born: dt.date, tmt_cpns: dt.date) -> None:
        rng = self.rng
        last = born.year + 17
        for d in degrees:
            j = d.major.jenjang
            if d.pre_service:
                offset = {"SMA": (18, 19), "D2": (20, 21), "D3": (21, 22), "D4": (22, 24), "S1": (22, 24),
                          "S2": (25, 28)}[j]  # fmt: skip
                if d.major.depan in ("dr.", "drg."):
                    offset = (24, 26)
                year = born.year + rng.randint(*offset)
                year = max(last + self._study_years(d), min(year, tmt_cpns.year))
                year = min(year, tmt_cpns.year)
            else:
                lo = max(last + self._study_years(d), tmt_cpns.year + 1)
                hi = REFERENCE_DATE.year
                year = rng.randint(lo, hi) if lo <= hi else hi
            d.tahun = year
            last = year
            d.institusi = self._institution(d)

    @staticmethod
    def _study_years(d: _Degree) -> int:
        if d.major.depan in ("dr.", "drg."):
            return 5
        return {"SMA": 1, "D2": 2, "D3": 3, "D4": 4, "S1": 4, "S2": 2, "S3": 3}.get(d.major.jenjang, 2)

    def _institution(self, d: _Degree) -> str:
        rng = self.rng
        if d.major.jenjang == "SMA":
            school = _pick(rng, cat.SCHOOLS)
            if d.major.jurusan not in ("IPA", "IPS") and school.startswith("SMA"):
                school = school.replace("SMA", "SMK", 1)
            return school.format(n=rng.randint(1, 6))
        if not d.pre_service and d.major.jenjang in ("S1", "S2") and rng.random() < 0.3:
            return cat.OPEN_UNIVERSITY
        specific = cat.FIELD_INSTITUTIONS.get(d.field, ())
        if d.major.jenjang not in ("D3", "D4") or d.major.depan:  # polytechnics teach diplomas only
            specific = tuple(i for i in specific if not i.startswith(("Politeknik", "Poltekkes")))
        if specific and rng.random() < 0.65:
            return _pick(rng, specific)
        return _pick(rng, cat.UNIVERSITIES)

    @staticmethod
    def _titles(degrees: list[_Degree], female: bool) -> tuple[str | None, str | None]:
        depan: list[str] = []
        belakang: list[str] = []
        first_degree = None
        for d in degrees:
            if d.major.jenjang in ("D2", "D3", "D4", "S1"):
                first_degree = d  # the latest first-level degree carries the title
        if first_degree is not None:
            m = first_degree.major
            gd, gb = m.depan, m.gelar
            for until, old_depan, old_belakang in m.before:
                if first_degree.tahun < until:
                    gd, gb = old_depan, old_belakang
                    break
            if gd == "Drs." and female:
                gd = "Dra."
            if gd:
                depan.append(gd)
            if gb:
                belakang.append(gb)
        for d in degrees:
            if d.major.jenjang == "S2" and d.major.gelar:
                belakang.append(d.major.gelar)
            if d.major.jenjang == "S3":
                depan.insert(0, "Dr.")
        return (" ".join(depan) or None), (", ".join(belakang) or None)

    # ---- rank, service and dates -----------------------------------------------------------------------

    def _golongan(self, post: _Post, degrees: list[_Degree], entry: str) -> tuple[int, _Post]:
        rng = self.rng
        entry_gol = ENTRY_GOLONGAN[entry]
        if any(d.major.depan in ("dr.", "drg.") for d in degrees):
            entry_gol = max(entry_gol, _G["III/b"])
        if post.eselon:
            lo, hi = STRUCTURAL_GOLONGAN[post.eselon]
            if post.jenis == "pengawas" and rng.random() < 0.1:
                lo = hi = lo - 1  # regional practice: one grade below the lowest
        elif post.level:
            lo, hi = LEVEL_GOLONGAN[post.level]
        else:
            lo, hi = PELAKSANA_GOLONGAN
            if entry_gol >= _G["III/a"] and rng.random() < 0.1:
                hi = _G["III/c"]
        gol = max(entry_gol, rng.randint(lo, hi))
        if post.level and post.role is not None and gol > hi:
            level = _level_for_golongan(post.role.kind, gol)
            post = _Post(_fungsional_name(post.role, level), post.jenis, None, post.field, post.unit, post.role, level)
        return gol, post

    def _years_of_service(self, post: _Post, gol: int, entry: str) -> int:
        rng = self.rng
        entry_gol = ENTRY_GOLONGAN[entry]
        years = max(0, gol - entry_gol) * 4 + rng.randint(0, 3) + _pick(rng, (0, 0, 0, 0, 1, 2, 4))
        floor = MIN_YEARS.get(post.jenis, 0)
        floor = max(floor, MIN_YEARS.get(post.eselon or "", 0), MIN_YEARS.get(post.level or "", 0))
        return max(1, years, floor + rng.randint(0, 2) if floor else 1)

    def _birth_date(self, tmt_cpns: dt.date, entry_age: int) -> dt.date:
        rng = self.rng
        year = tmt_cpns.year - entry_age
        born = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        age = REFERENCE_DATE.year - born.year - ((REFERENCE_DATE.month, REFERENCE_DATE.day) < (born.month, born.day))
        if age > MAX_AGE:
            born = born.replace(year=born.year + (age - MAX_AGE))
        elif age < MIN_AGE:
            born = born.replace(year=born.year - (MIN_AGE - age))
        return born

    def _tmt_golongan(self, gol: int, entry_gol_name: str, cpns_month: int) -> dt.date:
        if gol <= ENTRY_GOLONGAN[entry_gol_name]:
            return _date(cpns_month)
        rng = self.rng
        for _ in range(6):
            year = REFERENCE_DATE.year - rng.randint(0, 3)
            month = _pick(rng, (4, 10))
            m = year * 12 + month - 1
            if cpns_month + 12 <= m <= self.ref_month:
                return _date(m)
        return _date(min(self.ref_month, cpns_month + 48))

    def _nip(self, born: dt.date, tmt_cpns: dt.date, female: bool) -> str:
        prefix = f"{born:%Y%m%d}{tmt_cpns:%Y%m}{2 if female else 1}"
        seq = self.nip_seq.get(prefix, self.rng.randint(0, 4)) + 1
        self.nip_seq[prefix] = seq
        return f"{prefix}{seq:03d}"

    # ---- career ----------------------------------------------------------------------------------------

    def _career(self, post: _Post, opd: cat.Opd, cpns_month: int, old_field: str | None) -> list[_Stage]:
        rng = self.rng
        total = self.ref_month - cpns_month
        years = total // 12
        levels: list[str]
        if post.jenis == "jpt":
            levels = ["staff", "pengawas", "administrator", "jpt"]
        elif post.jenis == "administrator":
            levels = ["staff", "pengawas", "administrator"]
        elif post.jenis == "pengawas":
            levels = ["staff", "pengawas"]
        elif post.jenis == "fungsional" and post.role is not None and post.level is not None:
            ladder = _ladder(post.role.kind)
            idx = ladder.index(post.level)
            back = max(rng.randint(0, 2), min(idx, years // 6))
            start = max(0, idx - back) if post.role.kind == "ahli" else max(1 if idx else 0, idx - back)
            levels = [f"jf:{lv}" for lv in ladder[start : idx + 1]]
            if post.role.kind == "ahli" and "ahli" not in self.kinds:
                levels = [lv.replace("Ahli Pertama", "Terampil").replace("Ahli Muda", "Mahir") for lv in levels]
                levels[-1] = f"jf:{post.level}"
            if rng.random() < 0.2:
                levels.insert(0, "pelaksana")
        else:
            levels = ["pelaksana"]
        max_stages = max(1, min(5, 1 + years // 4))
        extra = rng.randint(0, 2)
        while extra and len(levels) < max_stages:
            i = rng.randint(0, len(levels) - 1)
            if levels[i] in ("staff", "pelaksana", "pengawas", "administrator"):
                levels.insert(i, levels[i])
            elif i == 0:
                levels.insert(0, "pelaksana")
            extra -= 1
        if len(levels) > max_stages:
            levels = levels[-max_stages:]

        stages: list[_Stage] = []
        for i, level in enumerate(levels):
            current = i == len(levels) - 1
            if level == "staff" and i + 1 < len(levels) and levels[i + 1] == "staff":
                level = "pelaksana"  # of two staff posts, the earlier one is the plainer
            st_post = post if current else self._earlier_post(level, post, opd, post.field)
            for _ in range(4):
                clash = (stages and stages[-1].post.jabatan == st_post.jabatan) or (
                    i == len(levels) - 2 and st_post.jabatan == post.jabatan)
                if current or not clash:
                    break
                st_post = self._earlier_post(level, post, opd, post.field)
            stage = _Stage(st_post)
            if current and post.jenis in ("jpt", "administrator", "pengawas"):
                stage.min_months, stage.weight = 6, 0.45
            if not current and level == "pengawas" and levels[i + 1] == "administrator":
                stage.min_months = 36
            if not current and level == "administrator" and levels[i + 1] == "jpt":
                stage.min_months = 24
            stages.append(stage)

        if old_field is not None and len(stages) == 1 and years >= 3:
            stages.insert(0, _Stage(self._earlier_post("staff", post, opd, post.field)))
        if old_field is not None and len(stages) >= 2:
            cut = max(1, len(stages) // 2)
            home = self.home_unit[old_field]
            for st in stages[:cut]:
                level = self._level_of(st.post)
                st.post = self._earlier_post(level, post, home, old_field)
        elif rng.random() < TRANSFER_SHARE and years >= 3:
            if len(stages) == 1:
                stages.insert(0, _Stage(self._earlier_post("pelaksana", post, opd, post.field)))
            idx = 0 if rng.random() < 0.5 else rng.randint(0, len(stages) - 2)  # often an early posting
            stages[idx] = self._transfer(stages[idx], post)

        stages = self._merge_repeats(stages)
        self._allot_time(stages, cpns_month, total)
        return stages

    @staticmethod
    def _merge_repeats(stages: list[_Stage]) -> list[_Stage]:
        """Two consecutive stages in the same post and unit are one stage (the later one's post is kept)."""
        merged: list[_Stage] = []
        for st in stages:
            prev = merged[-1] if merged else None
            if prev is not None and (prev.post.jabatan, prev.post.unit) == (st.post.jabatan, st.post.unit):
                st.min_months += prev.min_months
                st.weight += prev.weight
                merged[-1] = st
            else:
                merged.append(st)
        return merged

    @staticmethod
    def _level_of(post: _Post) -> str:
        if post.jenis in ("jpt", "administrator", "pengawas", "pelaksana"):
            return post.jenis if post.jenis != "pelaksana" else "pelaksana"
        return f"jf:{post.level}"

    def _earlier_post(self, level: str, current: _Post, opd: cat.Opd, field_key: str) -> _Post:
        """A post held before the current one, at a given level, in a unit and field."""
        rng = self.rng
        if level in ("jpt", "administrator", "pengawas"):
            slots = [s for s in opd.slots if s.jenis == level and s.field == field_key and s.jabatan != current.jabatan]
            slots = slots or [s for s in opd.slots if s.jenis == level and s.jabatan != current.jabatan]
            if not slots:
                return self._earlier_post("staff", current, opd, field_key)
            s = _pick(rng, slots)
            return _Post(s.jabatan, s.jenis, s.eselon, s.field, opd.nama)
        if field_key not in opd.fields and field_key != current.field:
            opd = self.home_unit[field_key]
        roles = opd.staff_roles(field_key) if field_key in opd.fields else cat.FIELD_STAFF[field_key]
        if level.startswith("jf:"):
            lv = level[3:]
            role = current.role if current.role is not None and current.field == field_key else None
            kind = "ahli" if lv.startswith("Ahli") else "terampil"
            if role is None or role.kind != kind:
                candidates = self._admitted([r for r in roles if r.kind == kind] or list(roles))
                role = _pick(rng, candidates, [r.weight * (3 if r.majors else 1) for r in candidates])
            if role.kind == "pelaksana":
                return self._staff_post(opd, field_key, role)
            return self._staff_post(opd, field_key, role, lv if lv in _ladder(role.kind) else None)
        if level == "pelaksana":
            candidates = [r for r in roles if r.kind == "pelaksana"] or [
                r for r in cat.FIELD_STAFF[field_key] if r.kind == "pelaksana"
            ]
            if candidates:
                role = _pick(rng, candidates, [r.weight for r in candidates])
                return self._staff_post(opd, field_key, role)
            level = "staff"
        # "staff": any non-structural post of the field that the person's education admits, at its first level
        candidates = self._admitted(roles)
        role = _pick(rng, candidates, [r.weight * (3 if r.majors else 1) for r in candidates])
        first = None if role.kind == "pelaksana" else _ladder(role.kind)[1 if role.kind == "terampil" else 0]
        return self._staff_post(opd, field_key, role, first)

    def _admitted(self, roles: Sequence[cat.StaffRole]) -> list[cat.StaffRole]:
        """Roles open to the current person's education: the major (if the role needs one) and the level."""
        ok = [r for r in roles if (not r.majors or self.jurusan.intersection(r.majors)) and r.kind in self.kinds]
        return ok or [r for r in roles if not r.majors and r.kind in self.kinds] or [
            r for r in roles if not r.majors] or list(roles)  # fmt: skip

    def _transfer(self, stage: _Stage, current: _Post) -> _Stage:
        """Move an earlier stage to another unit: same field when it exists elsewhere, else a kecamatan."""
        rng = self.rng
        post = stage.post
        level = self._level_of(post)
        if level in ("administrator", "pengawas"):
            others = [o for o in cat.OPDS if o.nama != post.unit
                      and any(s.jenis == level and s.field == post.field for s in o.slots)]  # fmt: skip
            target = _pick(rng, others) if others else _pick(rng, self.kecamatan_opds)
            field_key = post.field if others else "pemerintahan"
            return _Stage(self._earlier_post(level, current, target, field_key), min_months=stage.min_months)
        others = [o for o in self.units_of_field.get(post.field, []) if o.nama != post.unit]
        if others and rng.random() < 0.75:
            target = _pick(rng, others)
            return _Stage(self._earlier_post(level, current, target, post.field), min_months=stage.min_months)
        target = _pick(rng, self.kecamatan_opds if rng.random() < 0.7 else [cat.OPDS[0]])
        generic = [r for r in target.staff_roles("pemerintahan") if r.kind == "pelaksana"]
        role = _pick(rng, generic, [r.weight for r in generic])
        return _Stage(self._staff_post(target, "pemerintahan", role), weight=0.35)

    def _allot_time(self, stages: list[_Stage], cpns_month: int, total: int) -> None:
        rng = self.rng
        mins = [s.min_months for s in stages]
        if sum(mins) > total:
            scale = total / max(1, sum(mins))
            mins = [max(1, int(m * scale)) for m in mins]
        spare = max(0, total - sum(mins))
        weights = [s.weight * (0.4 + rng.random()) for s in stages]
        wsum = sum(weights)
        start = cpns_month
        for st, m, w in zip(stages, mins, weights, strict=True):
            st.start = min(start, self.ref_month)
            start += m + int(spare * w / wsum)

    # ---- records ---------------------------------------------------------------------------------------

    def _skp(self, perf: float, tmt_cpns: dt.date) -> list[dict]:
        rng = self.rng
        first = max(SKP_FIRST_YEAR, tmt_cpns.year + 1)
        years = list(range(first, SKP_LAST_YEAR + 1)) or [SKP_LAST_YEAR]
        years = years[-rng.randint(3, 5) :]
        out = []
        for year in years:
            score = 0.8 * perf + 0.6 * rng.gauss(0.0, 1.0)
            predikat = next(p for cut, p in _PREDIKAT_CUTS if score >= cut)
            pairs = _RATINGS[predikat]
            hasil, perilaku = _pick(rng, [p for p, _ in pairs], [w for _, w in pairs])
            out.append({"tahun": year, "predikat": predikat, "hasil_kerja": hasil, "perilaku": perilaku})
        return out

    def _asesmen(self, post: _Post, latent: float, tmt_cpns: dt.date) -> list[dict]:
        rng = self.rng
        if post.jenis in ("jpt", "administrator", "pengawas"):
            p = 0.93
        elif post.role is not None and post.role.kind == "ahli":
            p = 0.55
        elif post.role is not None and post.role.kind == "terampil":
            p = 0.3
        else:
            p = 0.2
        earliest = max(dt.date(SKP_FIRST_YEAR, 1, 1), tmt_cpns + dt.timedelta(days=730))
        latest = dt.date(2025, 11, 30)
        if rng.random() >= p or earliest > latest:
            return []
        span = (latest - earliest).days
        count = 2 if rng.random() < 0.15 and span > 500 else 1
        first = earliest + dt.timedelta(days=rng.randint(0, span - (400 if count == 2 else 0)))
        dates = [first]
        if count == 2:
            dates.append(first + dt.timedelta(days=rng.randint(365, (latest - first).days)))
        out = []
        for i, tanggal in enumerate(dates):
            drift = (i - count + 1) * 0.3  # an earlier assessment tends to be a little lower
            skor = round(min(99.0, max(35.0, 72 + 9 * (latent + drift) + rng.gauss(0, 2))), 2)
            kategori = "tinggi" if skor >= 80 else ("menengah" if skor >= 65 else "rendah")
            jpm = round(min(99.0, max(40.0, 74 + 7 * (0.7 * latent + 0.7 * rng.gauss(0, 1)))), 2)
            a, b = rng.sample(cat.COMPETENCIES, 2)
            catatan = _pick(rng, cat.ASSESSMENT_NOTES[kategori]).format(a=a, b=b)
            out.append({"tanggal": tanggal, "skor_potensi": skor, "kategori_potensi": kategori, "jpm": jpm,
                        "catatan": catatan})  # fmt: skip
        return out

    def _diklat(self, post: _Post, stages: list[_Stage], entry: str, edu_field: str,
                tmt_cpns: dt.date, latent: float) -> list[dict]:
        rng = self.rng
        out: list[dict] = []

        def score(item: dict, always: bool = False) -> dict:
            if always or rng.random() < 0.45:
                nilai = round(min(99.5, max(60.0, 82 + 6 * latent + rng.gauss(0, 4))), 2)
                item["nilai"] = nilai
                item["predikat"] = next(label for cut, label in cat.TRAINING_PREDIKAT if nilai >= cut)
            return item

        if rng.random() < 0.55:
            year = min(tmt_cpns.year + 1, REFERENCE_DATE.year)
            gol = "III" if entry in ("S1", "D4", "S2", "S3") else ("II" if entry in ("D2", "D3", "SMA") else "I")
            nama = (f"Pelatihan Dasar CPNS Golongan {gol}" if year >= cat.BASIC_TRAINING_NEW_FROM
                    else f"Diklat Prajabatan Golongan {gol}")  # fmt: skip
            out.append(score({"nama": nama, "jenis": "prajabatan", "penyelenggara": cat.PROVINCE_TRAINING_BODY,
                              "tahun": year, "jam_pelajaran": 286 if year >= cat.BASIC_TRAINING_NEW_FROM else 180}))
        reached: dict[str, int] = {}
        for st in stages:
            if st.post.jenis in cat.LEADERSHIP and st.post.jenis not in reached:
                reached[st.post.jenis] = _date(st.start).year
        for jenis, appointed in reached.items():
            if rng.random() < 0.13:
                continue  # a gap the talent pool should show
            year = min(REFERENCE_DATE.year, max(tmt_cpns.year + 2, appointed + rng.randint(-2, 1)))
            old, new, bodies, jp_old, jp_new = cat.LEADERSHIP[jenis]
            is_new = year >= cat.LEADERSHIP_NEW_FROM
            out.append(score({"nama": new if is_new else old, "jenis": "struktural",
                              "penyelenggara": _pick(rng, bodies), "tahun": year,
                              "jam_pelajaran": jp_new if is_new else jp_old}, always=True))  # fmt: skip
        target = min(6, max(len(out), _pick(rng, (0, 1, 2, 2, 3, 3, 4, 4, 5, 6)) + len(out) // 2))
        role_names = {st.post.role.nama for st in stages if st.post.role is not None}
        role_kinds = {st.post.role.kind for st in stages if st.post.role is not None}
        field_spans: list[tuple[str, int, int]] = []
        for i, st in enumerate(stages):
            end = stages[i + 1].start if i + 1 < len(stages) else self.ref_month
            field_spans.append((st.post.field, _date(st.start).year, _date(max(st.start, end - 1)).year))
        if edu_field != post.field:
            field_spans.insert(0, (edu_field, tmt_cpns.year, tmt_cpns.year + 3))
        seen = {d["nama"] for d in out}
        for _ in range(12):
            if len(out) >= target:
                break
            fkey, y0, y1 = _pick(rng, field_spans, [2.0 if f == post.field else 1.0 for f, _, _ in field_spans])
            y1 = min(max(y0, y1), REFERENCE_DATE.year)
            options = [t for t in cat.TRAININGS[fkey] if (not t.roles or role_names & set(t.roles))
                       and t.nama not in seen and self._training_level_fits(t.nama, role_kinds)
                       and t.since <= y1]  # fmt: skip
            if not options:
                continue
            t = _pick(rng, options)
            seen.add(t.nama)
            year = rng.randint(min(max(y0, t.since), y1), y1)
            out.append(score({"nama": t.nama, "jenis": t.jenis, "penyelenggara": _pick(rng, t.penyelenggara),
                              "tahun": year, "jam_pelajaran": rng.randint(*t.jp)}))  # fmt: skip
        out.sort(key=lambda d: (d["tahun"], d["nama"]))
        return out[:6]

    @staticmethod
    def _training_level_fits(nama: str, role_kinds: set[str]) -> bool:
        """A training for the 'ahli' or 'terampil' track only goes to people who held such a post."""
        if "Terampil" in nama:
            return "terampil" in role_kinds
        if "Ahli" in nama:
            return "ahli" in role_kinds
        return True

    def _awards(self, primary: str, years: int, tmt_cpns: dt.date, perf: float) -> list[dict]:
        rng = self.rng
        out: list[dict] = []
        for min_years, nama in cat.SATYALANCANA:
            if years >= min_years + 1 and rng.random() < 0.3:
                year = min(REFERENCE_DATE.year, tmt_cpns.year + min_years + rng.randint(0, 2))
                out.append({"nama": nama, "tahun": year})
        if perf > 0.9 and rng.random() < 0.35:
            pool = list(cat.GENERIC_AWARDS) + list(cat.FIELD_AWARDS.get(primary, ())) * 2
            year = rng.randint(max(tmt_cpns.year + 2, 2016), REFERENCE_DATE.year) if tmt_cpns.year + 2 <= 2025 else 2025
            out.append({"nama": _pick(rng, pool), "tahun": year})
        out.sort(key=lambda a: a["tahun"])
        return out

    def _discipline(self, perf: float, tmt_cpns: dt.date) -> list[dict]:
        rng = self.rng
        if rng.random() >= (0.055 if perf < -1.0 else 0.013):
            return []
        tingkat = _pick(rng, ("ringan", "sedang", "berat"), (0.6, 0.3, 0.1))
        jenis = _pick(rng, cat.DISCIPLINE[tingkat])
        start_lo = max(_month(tmt_cpns) + 12, _month(dt.date(2019, 1, 1)))
        start = rng.randint(min(start_lo, self.ref_month - 1), self.ref_month - 1)
        if tingkat == "ringan":
            end = start
        else:
            months = 12 if "12 bulan" in jenis else (9 if "9 bulan" in jenis else 6)
            end = start + months
        day = rng.randint(1, 28)
        selesai = _date(end, day) if tingkat == "ringan" else _date(end, day) - dt.timedelta(days=1)
        return [{"tingkat": tingkat, "jenis": jenis, "tmt_mulai": _date(start, day), "tmt_selesai": selesai}]

    def _ringkasan(self, post: _Post, stages: list[_Stage], primary: str, old_field: str | None,
                   cpns_month: int) -> str | None:
        rng = self.rng
        structural = post.jenis in ("jpt", "administrator", "pengawas")
        if rng.random() >= (0.72 if structural else 0.56):
            return None
        field_since = next((_date(st.start).year for st in stages if st.post.field == primary), _date(cpns_month).year)
        values: dict[str, object] = {k: _pick(rng, v) for k, v in cat.RINGKASAN_SLOTS.items()}
        values.update({k: rng.randint(lo, hi) for k, (lo, hi) in cat.RINGKASAN_NUMBERS.items()})
        values.update({"bidang": cat.FIELDS[primary].label.lower(), "tahun": field_since, "jabatan": post.jabatan,
                       "unit": post.unit})  # fmt: skip
        sentences = rng.sample(cat.RINGKASAN[primary], min(len(cat.RINGKASAN[primary]), rng.randint(1, 2)))
        if old_field is not None and old_field != primary:
            switch_year = next((_date(st.start).year for st in stages if st.post.field == post.field), field_since)
            values.update({"bidang_lama": cat.FIELDS[old_field].label.lower(), "bidang": cat.FIELDS[post.field]
                           .label.lower(), "tahun": switch_year})  # fmt: skip
            sentences.insert(0, _pick(rng, cat.RINGKASAN_FRAMES["switch"]))
        elif len(stages) > 1 and stages[-2].post.unit != post.unit and rng.random() < 0.5:
            values.update({"jabatan_lalu": stages[-2].post.jabatan, "unit_lalu": stages[-2].post.unit})
            sentences.append(_pick(rng, cat.RINGKASAN_FRAMES["previous"]))
        elif rng.random() < 0.45:
            frames = cat.RINGKASAN_FRAMES["tenure"]
            frame = _pick(rng, frames)
            if "{unit}" in frame:
                run = len(stages) - 1
                while run > 0 and stages[run - 1].post.unit == post.unit:
                    run -= 1
                values["tahun"] = _date(stages[run].start).year
            sentences.insert(0, frame)
        return " ".join(s.format(**values) for s in sentences[:3])

    # ---- names and personal columns ------------------------------------------------------------------

    def _name(self, female: bool, birth_year: int) -> tuple[str, str]:
        """A unique, unblocked name and its name group; a taken name gets one more given name."""
        rng = self.rng
        group = _pick(rng, cat.NAME_GROUPS, [g.weight for g in cat.NAME_GROUPS])
        name = ""
        for attempt in range(200):
            candidate = self._compose(group, female, birth_year)
            if _is_blocked(candidate):
                continue  # adding names never unblocks a name: draw another
            name = candidate
            if candidate not in self.used_names:
                self.used_names.add(candidate)
                return candidate, group.key
            if attempt >= 5:
                break
        given = group.female if female else group.male
        seconds = (group.female_second if female else group.male_second) or given
        everyone = self.all_female if female else self.all_male
        for attempt in range(2000):
            parts = name.split()
            pool = given if attempt < 40 else (seconds if attempt < 80 else everyone)
            extra = _pick(rng, pool)
            if extra in parts:
                continue
            pos = 2 if parts[0] in ("I", "Ni") else 1  # after the Balinese birth-order prefix
            candidate = " ".join(parts[:pos] + [extra] + parts[pos:])
            if _is_blocked(candidate):
                continue
            if candidate not in self.used_names:
                self.used_names.add(candidate)
                return candidate, group.key
            if rng.random() < 0.3:
                name = candidate  # crowded: keep the longer name and add one more next round
        raise RuntimeError("could not make a unique name")  # pragma: no cover

    def _compose(self, group: cat.NameGroup, female: bool, birth_year: int) -> str:
        rng = self.rng
        given = group.female if female else group.male
        modern = group.female_modern if female else group.male_modern
        if modern and birth_year >= 1988 and rng.random() < 0.6:
            given = modern
        first = _pick(rng, given)
        if group.key == "bali":
            order = _pick(rng, cat.BALI_ORDER_FEMALE if female else cat.BALI_ORDER_MALE)
            second = _pick(rng, given)
            return f"{order} {first}" if second == first or rng.random() < 0.35 else f"{order} {first} {second}"
        if group.family:
            middle = _pick(rng, given)
            base = f"{first} {middle}" if middle != first and rng.random() < 0.35 else first
            return f"{base} {_pick(rng, group.family)}"
        seconds = group.female_second if female else group.male_second
        r = rng.random()
        if r < 0.12 and group.key == "jawa" and birth_year < 1985:
            return first  # a single name, common in older Javanese generations
        second = _pick(rng, seconds)
        if r < 0.8 or second == first:
            return f"{first} {second}"
        middle = _pick(rng, given)
        if middle in (first, second):
            return f"{first} {second}"
        return f"{first} {middle} {second}"

    def _personal(self, born: dt.date, female: bool, group: str) -> dict[str, str]:
        rng = self.rng
        kec_idx = rng.randint(1, len(cat.KECAMATAN))
        day = born.day + (40 if female else 0)
        nik = f"{cat.FAKE_NIK_PREFIX}01{kec_idx:02d}{day:02d}{born:%m}{born.year % 100:02d}{rng.randint(1, 9999):04d}"
        agama_opts = cat.AGAMA_BY_GROUP[group]
        agama = _pick(rng, [a for a, _ in agama_opts], [w for _, w in agama_opts])
        age = REFERENCE_DATE.year - born.year
        if age < 26:
            status = _pick(rng, ("Belum Kawin", "Kawin"), (0.7, 0.3))
        elif age < 32:
            status = _pick(rng, ("Belum Kawin", "Kawin"), (0.35, 0.65))
        else:
            status = _pick(rng, ("Kawin", "Belum Kawin", "Cerai Hidup", "Cerai Mati"), (0.86, 0.06, 0.04, 0.04))
        alamat = (f"{_pick(rng, cat.STREETS)} No. {rng.randint(1, 120)}, Desa {_pick(rng, cat.DESA)}, "
                  f"Kecamatan {cat.KECAMATAN[kec_idx - 1]}, {cat.REGENCY_NAME}")  # fmt: skip
        no_hp = f"{cat.FAKE_PHONE_PREFIX}{rng.randint(0, 99_999_999):08d}"
        return {"nik": nik, "agama": agama, "status_perkawinan": status, "alamat": alamat, "no_hp": no_hp}


def generate_regency(employees: int, seed: int) -> Regency:
    """Generate a fictional regency of ``employees`` civil servants, deterministically for ``seed``."""
    if employees < 0:
        raise ValueError("employees must be >= 0")
    gen = _Generator(seed)
    rows = [gen.person(post) for post in gen.posts(employees)]
    rows.sort(key=lambda r: (gen.opd_index[r[0].unit_kerja or ""], JENIS_ORDER[str(r[0].jenis_jabatan)],
                             -PNS_ORDER.index(r[0].golongan or "I/a"), r[0].nip))  # fmt: skip
    return Regency(
        nama=cat.REGENCY_NAME,
        seed=seed,
        employees=[r[0] for r in rows],
        bidang={r[0].nip: r[1] for r in rows},
        bidang_per_jabatan={r[0].nip: r[2] for r in rows},
        personal={r[0].nip: r[3] for r in rows},
        units=[o.nama for o in cat.OPDS],
    )
