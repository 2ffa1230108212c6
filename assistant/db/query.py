"""Run the structured part of a query plan in SQL, with the caller's visibility in the query itself.

``matching`` builds the WHERE clause over ``people`` (child records through EXISTS); ``execute``
counts, groups, sorts and pages. A count never includes a person the caller may not see.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, and_, exists, func, not_, or_, select
from sqlalchemy.sql.elements import ColumnElement

from assistant.db import tables as t
from assistant.domain.golongan import golongan_rank
from assistant.domain.identity import Caller, unit_key
from assistant.domain.models import Jenjang
from assistant.domain.plan import Filters, QueryPlan, TrainingFilter
from assistant.domain.plan_parser import training_word_groups
from assistant.domain.query import major_spellings

P = t.people


# How a score sheet's Keterangan says a participant does not go on ("Tidak lanjut", "Tidak lolos").
STOPPED_WORDS = ("tidak lanjut", "tidak lolos", "dihentikan", "berhenti", "tidak melanjutkan", "not continue", "stopped")


@dataclass
class QueryResult:
    total: int
    nips: list[str] = field(default_factory=list)
    groups: list[tuple[str, int]] | None = None
    skp_years: tuple[int, ...] = ()  # the years an SKP filter or group used


def visibility(caller: Caller) -> ColumnElement[bool] | None:
    clauses: list[ColumnElement[bool]] = []
    match caller.role:
        case "opd":
            clauses.append(P.c.unit_key == (unit_key(caller.unit_kerja) or "\x00"))
        case "asn":
            clauses.append(P.c.nip == (caller.nip or "\x00"))
    if caller.units is not None:  # an API key limited to some units
        clauses.append(P.c.unit_key.in_([unit_key(u) for u in caller.units] or ["\x00"]))
    return and_(*clauses) if clauses else None


def _words(column: Any, words: list[str]) -> ColumnElement[bool]:
    padded = " " + column + " "
    return and_(*(padded.like(f"% {w} %") for w in words))


def _named(column: Any, words: list[str]) -> ColumnElement[bool]:
    """A training named in these words, or in another way of writing them ('AI': 'artificial intelligence')."""
    return or_(*(_words(column, alt) for alt in training_word_groups(words)))


def latest_skp_year(engine: Engine) -> int | None:
    with engine.connect() as conn:
        return conn.execute(select(func.max(t.skp.c.tahun))).scalar()


def skp_years(plan_filters: Filters, latest: int | None) -> tuple[int, ...]:
    f = plan_filters.skp
    if f is None:
        return ()
    if f.years:
        return tuple(sorted(set(f.years)))
    if f.year:
        return (f.year,)
    if latest is None:
        return ()
    n = f.last_years or 1
    return tuple(range(latest - n + 1, latest + 1))


def _training_clauses(f: TrainingFilter, d: Any) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [d.c.nip == P.c.nip]
    if f.words or f.also:
        named = [_named(d.c.nama_key, f.words)] if f.words else []
        clauses.append(or_(*named, *(_words(d.c.nama_key, alt) for alt in f.also if alt)))
    if f.leadership:
        clauses.append(d.c.kepemimpinan.is_(True))
        if f.level:
            clauses.append(d.c.tingkat_kepemimpinan == f.level)  # computed at ingest: no LIKE per row
    if f.score_min is not None:
        clauses.append(d.c.nilai_10 >= f.score_min)
    if f.score_max is not None:
        clauses.append(d.c.nilai_10 <= f.score_max)
    if f.score_below is not None:
        clauses.append(d.c.nilai_10 < f.score_below)
    if f.passed_on is not None:
        note = func.lower(func.coalesce(d.c.predikat, ""))
        if f.passed_on:
            clauses.append(and_(or_(note.like("%lanjut%"), note.like("%lolos%")), not_(note.like("%tidak%"))))
        else:
            clauses.append(or_(*(note.like(f"%{w}%") for w in STOPPED_WORDS)))
    if f.remark:
        clauses.append(func.lower(func.coalesce(d.c.predikat, "")).like(f"%{f.remark.lower()}%"))
    if f.year:
        clauses.append(d.c.tahun == f.year)
    return clauses


def _training(f: TrainingFilter) -> ColumnElement[bool]:
    d = t.diklat.alias("diklat_filter")  # an alias: a group-by over diklat must not correlate it away
    # One read of the matching trainings (over their name or level index), not one per person
    matching = select(d.c.nip).where(*_training_clauses(f, d)[1:])
    return P.c.nip.in_(matching) if f.taken else P.c.nip.not_in(matching)


def conditions(f: Filters, today: dt.date, latest_skp: int | None) -> list[ColumnElement[bool]]:
    """The WHERE clauses of the filters (all must hold)."""
    out: list[ColumnElement[bool]] = []
    if f.units:
        out.append(P.c.unit_key.in_([unit_key(u) for u in f.units]))
    if f.units_exclude:
        out.append(or_(P.c.unit_key.is_(None), P.c.unit_key.not_in([unit_key(u) for u in f.units_exclude])))
    if f.kotak:
        out.append(P.c.kotak_talenta.in_(f.kotak))
    if f.skp is not None:
        years = skp_years(f, latest_skp)
        names = [p.value for p in f.skp.predikat]
        for year in years or (0,):
            s = t.skp.alias(f"skp_{year}")  # IN over the (tahun, predikat, nip) index: one read, not one per person
            out.append(P.c.nip.in_(select(s.c.nip).where(s.c.tahun == year, s.c.predikat.in_(names))))
    if f.golongan_min and (low := golongan_rank(f.golongan_min)):
        out.append(P.c.golongan_rank >= low)
    if f.golongan_max and (high := golongan_rank(f.golongan_max)):
        out.append(P.c.golongan_rank <= high)
    if f.eselon:
        out.append(or_(*(P.c.eselon == e if "." in e else P.c.eselon.like(f"{e}.%") for e in f.eselon)))
    if f.post_title:
        wanted = " ".join(f.post_title.lower().split())
        current = func.lower(func.coalesce(P.c.jabatan, ""))
        out.append(or_(current == wanted, current.like(f"{wanted} %")))
    if f.post_level:
        title = " " + func.lower(func.coalesce(P.c.jabatan, "")) + " "
        out.append(or_(*(title.like(f"% {level.lower()} %") for level in f.post_level)))
    if f.jenis_jabatan:
        out.append(P.c.jenis_jabatan.in_([j.value for j in f.jenis_jabatan]))
    if f.pendidikan:
        out.append(P.c.jenjang_rank.in_(sorted({j.rank for j in f.pendidikan})))
    if f.pendidikan_min:
        out.append(P.c.jenjang_rank >= f.pendidikan_min.rank)
    if f.jurusan:
        out.append(exists(select(t.pendidikan.c.id).where(
            t.pendidikan.c.nip == P.c.nip,
            or_(*(func.lower(t.pendidikan.c.jurusan).like(f"%{s}%") for s in major_spellings(f.jurusan))))))  # fmt: skip
    for training in f.training:
        out.append(_training(training))
    if f.discipline_in_force is not None:
        h = t.hukuman_disiplin
        in_force = exists(select(h.c.id).where(
            h.c.nip == P.c.nip, or_(h.c.tmt_mulai.is_(None), h.c.tmt_mulai <= today),
            or_(h.c.tmt_selesai.is_(None), h.c.tmt_selesai >= today)))  # fmt: skip
        out.append(in_force if f.discipline_in_force else not_(in_force))
    if f.jpm_min is not None:
        out.append(P.c.jpm >= f.jpm_min)
    if f.jpm_max is not None:
        out.append(P.c.jpm <= f.jpm_max)
    if f.years_in_post_min is not None:
        since = _years_before(today, f.years_in_post_min)
        out.append(P.c.tmt_jabatan < since if f.years_in_post_strict else P.c.tmt_jabatan <= since)
    if f.years_in_post_max is not None:
        out.append(P.c.tmt_jabatan >= _years_before(today, f.years_in_post_max))
    if f.retirement is not None:
        r = f.retirement
        if r.year:
            out.append(P.c.tanggal_pensiun.between(dt.date(r.year, 1, 1), dt.date(max(r.year, r.year_to or 0), 12, 31)))
        if r.within_years is not None:
            out.append(P.c.tanggal_pensiun.between(today, _years_before(today, -r.within_years)))
    if f.nips:
        out.append(P.c.nip.in_(f.nips))
    return out


def _years_before(today: dt.date, years: float) -> dt.date:
    """The date ``years`` before ``today``: whole years by the calendar (29 February -> 28), others by days."""
    if float(years).is_integer():
        year = today.year - int(years)
        return today.replace(year=year, day=min(today.day, 28)) if (today.month, today.day) == (2, 29) else today.replace(year=year)
    return today - dt.timedelta(days=round(years * 365.25))


def _best_score(plan: QueryPlan) -> Any:
    """Each person's best score (0-10) in the training the plan names (any scored training if none)."""
    d = t.diklat.alias("diklat_sort")
    named = plan.filters.training[0] if plan.filters.training else TrainingFilter()
    clauses = _training_clauses(named.model_copy(update={"taken": True}), d)
    return select(func.max(d.c.nilai_10)).where(*clauses).scalar_subquery()


_JENJANG_BY_RANK = {j.rank: ("S1/D4" if j.rank == Jenjang.S1.rank else j.value) for j in Jenjang}


def _order(plan: QueryPlan) -> list[Any]:
    key = plan.sort.key if plan.sort else "merit"
    desc = plan.sort.descending if plan.sort else True
    column: Any = {
        "merit": P.c.merit,
        "jpm": P.c.jpm,
        "years_in_post": P.c.tmt_jabatan,  # an earlier start is longer in post
        "retirement": P.c.tanggal_pensiun,
        "name": P.c.name_key,
        "skp": P.c.merit,  # SKP sorts are refined in the service; merit is led by the SKP
        "relevance": P.c.merit,
        "training_score": _best_score(plan),
    }[key]
    if key == "years_in_post":
        desc = not desc
    # NULLS LAST, not a CASE: the sort can then walk the column's index
    return [(column.desc() if desc else column.asc()).nulls_last(), P.c.nip]


def execute(
    engine: Engine, plan: QueryPlan, caller: Caller, today: dt.date, limit: int | None = None
) -> QueryResult:
    today = plan.as_of or today
    latest = latest_skp_year(engine) if plan.filters.skp or (plan.aggregate and plan.aggregate.by == "skp") else None
    where = conditions(plan.filters, today, latest)
    seen = visibility(caller)
    if seen is not None:
        where.append(seen)
    with engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(P).where(*where)).scalar_one())
        result = QueryResult(total=total, skp_years=skp_years(plan.filters, latest))
        if plan.aggregate and plan.aggregate.kind == "group" and plan.aggregate.by:
            result.groups = _groups(conn, plan, where, latest)
        if limit:
            rows = conn.execute(select(P.c.nip).where(*where).order_by(*_order(plan)).limit(limit))
            result.nips = [r[0] for r in rows]
    return result


def _groups(conn: Any, plan: QueryPlan, where: list[ColumnElement[bool]], latest: int | None) -> list[tuple[str, int]]:
    assert plan.aggregate is not None
    by = plan.aggregate.by
    if by == "skp":
        year = plan.aggregate.year or latest
        s = t.skp
        stmt = (select(s.c.predikat, func.count(func.distinct(s.c.nip))).join(P, P.c.nip == s.c.nip)
                .where(*where, s.c.tahun == year).group_by(s.c.predikat))  # fmt: skip
        return _sorted([(str(k or "tidak ada"), int(n)) for k, n in conn.execute(stmt)])
    if by == "training_remark":
        d = t.diklat
        named = plan.filters.training[0] if plan.filters.training else TrainingFilter()
        stmt = (select(d.c.predikat, func.count(func.distinct(d.c.nip))).join(P, P.c.nip == d.c.nip)
                .where(*where, *_training_clauses(named.model_copy(update={"taken": True}), d)[1:],
                       d.c.predikat.is_not(None)).group_by(d.c.predikat))  # fmt: skip
        return _sorted([(str(k), int(n)) for k, n in conn.execute(stmt)])
    if by == "training_score":
        d = t.diklat
        named = plan.filters.training[0] if plan.filters.training else TrainingFilter()
        stmt = (select(d.c.nip, d.c.nilai, d.c.nilai_10).join(P, P.c.nip == d.c.nip)
                .where(*where, d.c.nilai.is_not(None), *_training_clauses(named.model_copy(update={"taken": True}), d)[1:]))  # fmt: skip
        return _score_groups([(nip, float(v), float(v10)) for nip, v, v10 in conn.execute(stmt)])
    column: Any = {
        "unit": P.c.unit_kerja, "golongan": P.c.golongan, "kotak": P.c.kotak_talenta,
        "pendidikan": P.c.jenjang_rank, "jenis_jabatan": P.c.jenis_jabatan, "eselon": P.c.eselon, "jenis_kelamin": P.c.jenis_kelamin,
    }[by or "unit"]  # fmt: skip
    rows = conn.execute(select(column, func.count()).select_from(P).where(*where).group_by(column))
    out: list[tuple[str, int]] = []
    for key, n in rows:
        if by == "pendidikan":
            label = _JENJANG_BY_RANK.get(key, "tidak ada") if key is not None else "tidak ada"
        else:
            label = str(key) if key is not None else "tidak ada"
        out.append((label, int(n)))
    if by == "eselon":
        return sorted(out, key=lambda kv: (kv[0] == "tidak ada", kv[0]))
    if by in ("golongan",):
        return sorted(out, key=lambda kv: (golongan_rank(kv[0]) or 99, kv[0]))
    if by in ("kotak", "pendidikan"):
        return sorted(out, key=lambda kv: (kv[0] == "tidak ada", kv[0]), reverse=False)
    return _sorted(out)


SCORE_GROUPS = 21  # more distinct scores than this are shown in bands of one point (0-10 scale)


def _score_groups(scored: list[tuple[str, float, float]]) -> list[tuple[str, int]]:
    """People per score as written (a trainer's sheet), or, with more distinct scores than
    SCORE_GROUPS (0-100 course scores), per band of one point on the 0-10 scale; highest first."""
    exact = len({v for _, v, _ in scored}) <= SCORE_GROUPS
    people: dict[float, set[str]] = {}
    for nip, value, value_10 in scored:
        key = value if exact else float(min(math.floor(value_10), 10))
        people.setdefault(key, set()).add(nip)
    ordered = sorted(people.items(), key=lambda kv: -kv[0])
    if exact:
        return [(_score(k), len(v)) for k, v in ordered]
    return [("10" if k >= 10 else f"{int(k)}-{int(k)}.9", len(v)) for k, v in ordered]


def _sorted(groups: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted(groups, key=lambda kv: (-kv[1], kv[0]))


def _score(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
