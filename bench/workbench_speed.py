"""BKPSDM workbench page loads over a big regency: the search table and the 9-box map, p50 / p95 per page.

    .venv/bin/python -m bench.workbench_speed [--employees 100000] [--seed 42] [--rounds 20]
                                              [--batch 1000] [--db-url URL | --postgres] [--no-write]

1. The store: the demo regency of ``--employees`` written into the system of record only, exactly as
   ``bench/structured_speed.py`` does (``regency_database``: a fresh SQLite in a temporary folder, or the
   empty database at ``--db-url``; ``--postgres`` starts a throwaway local cluster for it with
   ``tests/pg.py``). Nothing is embedded, and the loaded records are let go before timing.
2. A page load is the service calls one render of a workbench page makes, read from ``ui/``, without
   Streamlit (no widgets, no browser):
   - every page: ``service.stats(caller)`` (the sidebar, ``ui/app.py``);
   - **Cari pegawai** (``ui/people_page.py``): the unit widget's options (``PeopleRepository.units``),
     ``build_plan`` (the question parsed, the widgets' filters on top), ``service.run_plan(caller, plan,
     limit=page x 50)`` and the shown page's rows written as XLSX (``people_xlsx``, built once per page);
     loads: everyone (page 1), a unit, golongan + 9-box cells, an SKP question, a typed question, sorted
     by merit, sorted by retirement, and page 20 (the last the table offers: it fetches at most 1,000);
   - **Peta talenta** (``ui/workbench.py::map_page``): ``service.unit_names()`` and ``talent_map`` for
     everyone and for units; a cell's list (``run_plan`` of units + that cell, limit 200) for every cell;
   - **Profil pegawai**: ``service.profile`` and ``succession.memberships``; **Bandingkan**: ``compare``
     of three people for a Kepala Bidang post.
   Each as a BKPSDM caller (sees everyone) and as the OPD head of the largest unit (visibility is in
   the query). A free-text field question ("paling cocok untuk bidang ...") is not timed: it ranks with
   the vector store, which this benchmark leaves empty (its latency is ``bench/speed.py``'s).
3. Check: every load once, and what it showed checked (a full first page, the map's cells summing to
   the people placed and, with those not placed, to the people in view, a cell's list matching its count
   on the map, an OPD head seeing only their unit, questions understood without the vector store). A
   failed check prints what came back and exits with status 2: nothing wrong is timed.
4. ``--rounds`` passes over every load, warm; the SQL of each plan is also timed alone (not added in),
   and the full garbage collections that fell in the rounds are counted, with the longest.
5. Prints a markdown table (p50 / p95 / max per page kind and caller) and rewrites this run's database
   in the section "Workbench page loads (issue 18)" of BENCHMARKS.md (unless ``--no-write``); a run on
   SQLite keeps the PostgreSQL figures there, and the other way round.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import platform
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SECTION = "## Workbench page loads (issue 18)"
DATA_MARK = "workbench-speed-data"
TARGET_P95_MS = 1000.0
CELL_LIMIT = 200  # a cell's list on the map (ui/workbench.py::map_page)
LAST_PAGE = 20  # the last page the table offers (people_page.MAX_ROWS // PAGE_SIZE)
PROFILES = 10
COMPARISONS = 3
COMPARE_POST = "Kepala Bidang Budidaya"
LANG = "id"
CALLERS = ("bkpsdm", "opd")
# The questions typed into the table's question box: structured, so the vector store is not needed.
SKP_QUESTIONS = ("ASN dengan SKP Sangat Baik tiga tahun terakhir", "ASN dengan SKP Sangat Baik tahun 2025")
TYPED_QUESTIONS = ("ASN kotak 7-9 golongan III/c ke atas", "pejabat eselon IV lulusan S2")
FIELD_QUESTION = "Siapa yang paling cocok untuk bidang perikanan?"

TABLE, MAP = "Cari pegawai", "Peta talenta"
EVERYONE = (TABLE, "everyone, page 1")
UNIT = (TABLE, "a unit")
GOLONGAN_CELLS = (TABLE, "golongan III/c+ and cells 7-9")
SKP = (TABLE, "SKP question")
TYPED = (TABLE, "typed question")
BY_MERIT = (TABLE, "sorted by merit")
BY_RETIREMENT = (TABLE, "sorted by retirement")
LAST = (TABLE, f"page {LAST_PAGE} (1,000 fetched)")
MAP_EVERYONE = (MAP, "everyone")
MAP_UNIT = (MAP, "a unit")
CELL = (MAP, "a cell's list")
PROFILE = ("Profil pegawai", "one person")
COMPARE = ("Bandingkan", "three people")
KINDS = (EVERYONE, UNIT, GOLONGAN_CELLS, SKP, TYPED, BY_MERIT, BY_RETIREMENT, LAST, MAP_EVERYONE, MAP_UNIT, CELL,
         PROFILE, COMPARE)  # fmt: skip
PARTS = ("stats", "units", "plan", "service", "xlsx", "pools", "sql")
PART_LABELS = {"stats": "sidebar", "units": "unit list", "plan": "plan", "service": "service", "xlsx": "XLSX",
               "pools": "pools", "sql": "SQL alone"}  # fmt: skip


def kind_name(kind: tuple[str, str]) -> str:
    return f"{kind[0]}: {kind[1]}"


Outcome = dict[str, Any]
Parts = dict[str, float]


@dataclass(frozen=True)
class PageLoad:
    """One page render: ``run`` makes its service calls and returns the ms per part and what it showed."""

    kind: tuple[str, str]
    caller: str  # 'bkpsdm' | 'opd'
    label: str  # the variant, in words
    run: Callable[[], tuple[Parts, Outcome]]
    check: Callable[[Outcome], list[str]]
    sql: Callable[[], Any] | None = None  # the SQL of the page's plan, timed alone


@dataclass
class Timings:
    totals: list[float] = field(default_factory=list)
    parts: dict[str, list[float]] = field(default_factory=dict)

    def add(self, total: float, parts: Parts) -> None:
        self.totals.append(total)
        for name, ms in parts.items():
            self.parts.setdefault(name, []).append(ms)


class PageProblems(RuntimeError):
    """Some page loads did not show what the page should."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


class _Clock:
    """Times the parts of one page load (ms, summed per part)."""

    def __init__(self) -> None:
        self.parts: Parts = {}

    def __call__(self, part: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        result = fn()
        self.parts[part] = self.parts.get(part, 0.0) + (time.perf_counter() - t0) * 1000
        return result


# ---- the page loads ---------------------------------------------------------------------------


def _table_rows_expected(total: int, page: int) -> int:
    """Rows the table shows for ``page`` (clamped to the last page, as people_page does)."""
    from ui.people_page import MAX_ROWS, PAGE_SIZE

    shown = min(total, MAX_ROWS)
    pages = max(1, math.ceil(shown / PAGE_SIZE))
    start = (min(page, pages) - 1) * PAGE_SIZE
    return max(0, min(PAGE_SIZE, shown - start))


def _table_load(container: Any, inputs: Any, page: int) -> tuple[Parts, Outcome]:
    """One render of "Cari pegawai" for new inputs or a new page (ui/people_page.py::people_page)."""
    from assistant.services.xlsx import people_xlsx
    from ui.people_page import MAX_ROWS, PAGE_SIZE, build_plan, column_labels, table_rows

    clock = _Clock()
    clock("stats", lambda: container.service.stats(inputs.caller))
    clock("units", container.people.units)
    planned = clock("plan", lambda: build_plan(container, inputs, dt.date.today()))
    if planned.plan is None:
        return clock.parts, {"status": planned.status, "message": planned.message}
    plan = planned.plan
    fetch = min(MAX_ROWS, page * PAGE_SIZE)
    result = clock(
        "service", lambda: container.service.run_plan(inputs.caller, plan, limit=fetch, language=inputs.lang)
    )
    total = result.total_matching if result.total_matching is not None else len(result.candidates)
    pages = max(1, math.ceil(min(total, MAX_ROWS) / PAGE_SIZE))
    start = (min(page, pages) - 1) * PAGE_SIZE
    shown = result.candidates[start : start + PAGE_SIZE]
    clock("xlsx", lambda: people_xlsx(table_rows(shown, inputs.lang), column_labels(inputs.lang)))
    return clock.parts, {
        "status": result.status, "unused": list(result.unused), "relevance": plan.relevance,
        "understood": result.understood_text, "total": total, "rows": len(shown),
        "units": sorted({c.unit_kerja or "" for c in result.candidates}),
    }  # fmt: skip


def _map_load(container: Any, caller: Any, unit: str | None) -> tuple[Parts, Outcome]:
    """One render of "Peta talenta" for a unit (ui/workbench.py::map_page, the cell not opened)."""
    from assistant.services.talent_map import talent_map

    clock = _Clock()
    clock("stats", lambda: container.service.stats(caller))
    clock("units", container.service.unit_names)
    # keywords only: the signature may gain keyword arguments (year=...)
    got = clock("service", lambda: talent_map(service=container.service, caller=caller, unit=unit, lang=LANG))
    counts = {box.cell: box.count for row in got.grid for box in row}
    return clock.parts, {"placed": got.placed, "not_placed": got.not_placed, "counts": counts,
                         "cells_sum": sum(counts.values())}  # fmt: skip


def _cell_load(container: Any, caller: Any, unit: str | None, cell: int) -> tuple[Parts, Outcome]:
    """The map page with one cell opened: its list (run_plan, limit 200) on top of the map's calls."""
    clock = _Clock()
    clock("stats", lambda: container.service.stats(caller))
    clock("units", container.service.unit_names)
    plan = _cell_plan(unit, cell)
    result = clock(
        "service", lambda: container.service.run_plan(caller, plan, limit=CELL_LIMIT, language=LANG)
    )
    return clock.parts, {
        "total": result.total_matching, "rows": len(result.candidates),
        "cells": sorted({c.kotak_talenta for c in result.candidates if c.kotak_talenta is not None}),
        "units": sorted({c.unit_kerja or "" for c in result.candidates}),
    }  # fmt: skip


def _cell_plan(unit: str | None, cell: int) -> Any:
    from assistant.domain.plan import Filters, QueryPlan

    return QueryPlan(filters=Filters(units=[unit] if unit else [], kotak=[cell]))


def _map_plan(unit: str | None) -> Any:
    from assistant.domain.plan import Aggregate, Filters, QueryPlan

    return QueryPlan(
        filters=Filters(units=[unit] if unit else []), aggregate=Aggregate(kind="group", by="kotak")
    )


def _profile_load(container: Any, caller: Any, nip: str) -> tuple[Parts, Outcome]:
    """One render of "Profil pegawai" (ui/workbench.py::profile_page)."""
    clock = _Clock()
    clock("stats", lambda: container.service.stats(caller))
    got = clock("service", lambda: container.service.profile(caller, nip))
    clock("pools", lambda: container.succession.memberships(caller, nip))
    return clock.parts, {"nip": got.nip, "unit": got.unit_kerja}


def _compare_load(container: Any, caller: Any, nips: list[str]) -> tuple[Parts, Outcome]:
    """One render of "Bandingkan" (ui/workbench.py::compare_page) for a target post."""
    from assistant.domain.posts import target_post_from_text
    from assistant.services.compare import compare

    clock = _Clock()
    clock("stats", lambda: container.service.stats(caller))
    target = target_post_from_text(COMPARE_POST)
    got = clock("service", lambda: compare(container.service, caller, nips, target, LANG))
    return clock.parts, {"nips": list(got.nips), "rows": len(got.rows)}


@dataclass(frozen=True)
class View:
    """What one caller may see, read once before timing (untimed): the expected figures of the checks."""

    name: str  # 'bkpsdm' | 'opd'
    caller: Any
    visible: int
    units: list[tuple[str, int]]  # (unit, people) the caller may pick, largest first
    own_unit: str | None = None  # an OPD head's unit


def _loads(container: Any, view: View, sql: Any) -> list[PageLoad]:
    """Every page load of one caller, with its check."""
    from assistant.domain.plan import QueryPlan
    from assistant.services.talent_map import talent_map
    from ui.people_page import MAX_ROWS, PAGE_SIZE, Inputs, build_plan

    caller, who = view.caller, view.name
    engine, today = container.people.engine, dt.date.today()
    by_unit = dict(view.units)
    picked = _picked_units(view)

    def inputs(**kw: Any) -> Any:
        base = dict(caller=caller, lang=LANG, text="", unit="", kotak=(), golongan_min="", jenis=(), sort="")
        return Inputs(**{**base, **kw})

    def table(
        kind: tuple[str, str], label: str, given: Any, page: int = 1, everyone: bool = False
    ) -> PageLoad:
        def check(out: Outcome) -> list[str]:
            why = []
            if out.get("status") != "ok":
                why.append(f"status {out.get('status')!r}: {out.get('message')!r}")
                return why
            if out["unused"]:
                why.append(f"words not used: {' '.join(out['unused'])!r}")
            if out["relevance"]:
                why.append(f"ranked by a field ({out['relevance']!r}): needs the vector store")
            if out["rows"] != _table_rows_expected(out["total"], page):
                why.append(f"{out['rows']} rows shown of {out['total']:,} on page {page}")
            if everyone and out["total"] != view.visible:
                why.append(f"{out['total']:,} people listed, {view.visible:,} in view")
            if given.unit and set(out["units"]) - {given.unit}:
                why.append(f"other units listed: {sorted(set(out['units']) - {given.unit})}")
            if view.own_unit and set(out["units"]) - {view.own_unit}:
                why.append(f"an OPD head sees other units: {sorted(set(out['units']) - {view.own_unit})}")
            if not given.text and not out["total"]:
                why.append("nobody listed")
            return why

        plan = build_plan(container, given, today).plan  # built here, so that 'SQL alone' is the SQL only
        fetch = min(MAX_ROWS, page * PAGE_SIZE)
        alone = None if plan is None else lambda: sql.execute(engine, plan, caller, today, limit=fetch)
        return PageLoad(kind, who, label, lambda: _table_load(container, given, page), check, alone)

    def a_map(kind: tuple[str, str], unit: str | None) -> PageLoad:
        expected = view.visible if unit is None else by_unit[unit]

        def check(out: Outcome) -> list[str]:
            why = []
            if out["cells_sum"] != out["placed"]:
                why.append(f"cells sum to {out['cells_sum']:,}, {out['placed']:,} placed")
            if out["placed"] + out["not_placed"] != expected:
                why.append(f"{out['placed']:,} placed + {out['not_placed']:,} not, {expected:,} in view")
            if not out["placed"]:
                why.append("nobody placed")
            return why

        return PageLoad(kind, who, unit or "everyone", lambda: _map_load(container, caller, unit), check,
                        lambda: sql.execute(engine, _map_plan(unit), caller, today, limit=0))  # fmt: skip

    def a_cell(unit: str | None, cell: int, on_map: int) -> PageLoad:
        def check(out: Outcome) -> list[str]:
            why = []
            if out["total"] != on_map:
                why.append(f"{out['total']:,} listed, {on_map:,} in the cell on the map")
            if out["rows"] != min(CELL_LIMIT, on_map):
                why.append(f"{out['rows']} rows of {on_map:,}")
            if set(out["cells"]) - {cell}:
                why.append(f"people of other cells listed: {out['cells']}")
            allowed = {u for u in (unit, view.own_unit) if u}
            if allowed and set(out["units"]) - allowed:
                why.append(f"other units listed: {sorted(set(out['units']) - allowed)}")
            return why

        return PageLoad(CELL, who, f"{unit or 'everyone'}, cell {cell}",
                        lambda: _cell_load(container, caller, unit, cell), check,
                        lambda: sql.execute(engine, _cell_plan(unit, cell), caller, today, limit=CELL_LIMIT))  # fmt: skip

    def a_profile(nip: str) -> PageLoad:
        def check(out: Outcome) -> list[str]:
            why = [] if out["nip"] == nip else [f"asked {nip}, got {out['nip']}"]
            if view.own_unit and out["unit"] != view.own_unit:
                why.append(f"an OPD head sees {out['unit']!r}")
            return why

        return PageLoad(PROFILE, who, nip, lambda: _profile_load(container, caller, nip), check)

    def a_comparison(nips: list[str]) -> PageLoad:
        def check(out: Outcome) -> list[str]:
            return (
                []
                if out["nips"] == nips and out["rows"] >= 10
                else [f"compared {out['nips']}, {out['rows']} rows"]
            )

        return PageLoad(COMPARE, who, ", ".join(n[-4:] for n in nips),
                        lambda: _compare_load(container, caller, nips), check)  # fmt: skip

    loads = [table(EVERYONE, "no filter", inputs(), everyone=True)]
    loads += [table(UNIT, unit, inputs(unit=unit)) for unit in picked]
    loads.append(table(GOLONGAN_CELLS, "III/c+, 7-9", inputs(golongan_min="III/c", kotak=(7, 8, 9))))
    loads += [table(SKP, q, inputs(text=q)) for q in SKP_QUESTIONS]
    loads += [table(TYPED, q, inputs(text=q)) for q in TYPED_QUESTIONS]
    loads.append(table(BY_MERIT, "merit", inputs(sort="merit"), everyone=True))
    loads.append(table(BY_RETIREMENT, "retirement", inputs(sort="retirement"), everyone=True))
    loads.append(table(LAST, f"page {LAST_PAGE}", inputs(), page=LAST_PAGE, everyone=True))
    loads.append(a_map(MAP_EVERYONE, None))
    loads += [a_map(MAP_UNIT, unit) for unit in picked]
    for unit in (None, picked[0]):  # the cells of everyone and of the (largest) unit, as the map shows them
        shown = talent_map(service=container.service, caller=caller, unit=unit, lang=LANG)
        counts = {box.cell: box.count for row in shown.grid for box in row}
        loads += [a_cell(unit, cell, counts[cell]) for cell in range(1, 10)]
    first = container.service.run_plan(caller, QueryPlan(), limit=PROFILES + 3 * COMPARISONS, language=LANG)
    nips = [c.nip for c in first.candidates]
    loads += [a_profile(nip) for nip in nips[:PROFILES]]
    loads += [a_comparison(nips[i : i + 3]) for i in range(0, 3 * COMPARISONS, 3) if len(nips) >= i + 3]
    return loads


def _picked_units(view: View) -> list[str]:
    """The units a caller's unit loads use: an OPD head's own; for BKPSDM the largest, the median and the
    smallest unit."""
    if view.own_unit:
        return [view.own_unit]
    names = [name for name, _ in view.units]
    return list(dict.fromkeys([names[0], names[len(names) // 2], names[-1]]))


def _views(container: Any) -> list[View]:
    from assistant.domain.identity import Caller
    from assistant.domain.plan import Aggregate, QueryPlan

    service = container.service
    bkpsdm = Caller(user="bench-bkpsdm", role="bkpsdm")
    groups = service.run_plan(
        bkpsdm, QueryPlan(aggregate=Aggregate(kind="group", by="unit")), language=LANG
    ).groups
    units = sorted(((g.key, g.count) for g in groups or []), key=lambda kv: (-kv[1], kv[0]))
    largest, people = units[0]
    opd = Caller(user="bench-opd", role="opd", unit_kerja=largest)
    return [
        View("bkpsdm", bkpsdm, container.people.count_visible(bkpsdm), units),
        View("opd", opd, container.people.count_visible(opd), [(largest, people)], own_unit=largest),
    ]


# ---- measuring ----------------------------------------------------------------------------------


class _FullCollections:
    """The full (generation 2) garbage collections while timing, and how long each took: one walks
    every object alive, so a process holding many pauses every page load that triggers one."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self.objects = 0
        self._t0 = 0.0

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            self.pauses.append((time.perf_counter() - self._t0) * 1000)

    def __enter__(self) -> _FullCollections:
        gc.collect()
        self.objects = len(gc.get_objects())
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)

    def summary(self) -> dict[str, Any]:
        return {"objects": self.objects, "full_collections": len(self.pauses),
                "longest_ms": max(self.pauses, default=0.0)}  # fmt: skip


def measure(
    employees: int,
    seed: int = 42,
    rounds: int = 20,
    *,
    db_url: str | None = None,
    batch: int = 1000,
    embeddings: Any = None,
    log: Callable[[str], None] = _log,
) -> dict[str, Any]:
    """Build the store (structured_speed's way), check every page load once, then time them warm.

    Raises PageProblems (before timing anything) if a page load does not show what the page should.
    ``embeddings`` may be passed in to share a loaded model (tests); none is used.
    """
    from bench.structured import _commit
    from bench.structured_speed import _rounded, regency_database

    row: dict[str, Any] = {
        "employees": employees, "seed": seed, "rounds": rounds, "batch": batch,
        "date": time.strftime("%Y-%m-%d"), "commit": _commit(), "load_avg_start": round(os.getloadavg()[0], 2),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }  # fmt: skip
    started = time.perf_counter()
    with regency_database(row, employees, seed, db_url=db_url, batch=batch, embeddings=embeddings, log=log,
                          prefix="talenta-workbench-speed") as container:  # fmt: skip
        if row["db"] == "postgresql":
            with container.people.engine.connect() as conn:
                row["db_version"] = conn.exec_driver_sql("SHOW server_version").scalar()
                row["db_settings"] = {name: conn.exec_driver_sql(f"SHOW {name}").scalar()
                                      for name in ("shared_buffers", "work_mem", "fsync")}  # fmt: skip
        _time_pages(row, container, rounds, log)
    row["load_avg_end"] = round(os.getloadavg()[0], 2)
    row["minutes"] = (time.perf_counter() - started) / 60
    return dict(_rounded(row))


def _time_pages(row: dict[str, Any], container: Any, rounds: int, log: Callable[[str], None]) -> None:
    from assistant.db import query as sql
    from bench.speed import percentile

    views = _views(container)
    row["opd_unit"] = views[1].own_unit
    row["visible"] = {v.name: v.visible for v in views}
    loads = [load for view in views for load in _loads(container, view, sql)]

    # Check (and warm up): every load once, showing what the page should.
    outcomes: dict[int, Outcome] = {}
    problems = []
    for i, load in enumerate(loads):
        _, outcomes[i] = load.run()
        problems += [
            f"{load.caller} / {kind_name(load.kind)} / {load.label}: {why}" for why in load.check(outcomes[i])
        ]
    if problems:
        raise PageProblems(problems)
    log(f"all {len(loads)} page loads checked")

    timings: dict[int, Timings] = {i: Timings() for i in range(len(loads))}
    with _FullCollections() as collections:
        for r in range(rounds):
            for i, load in enumerate(loads):
                t0 = time.perf_counter()
                parts, _ = load.run()
                total = (time.perf_counter() - t0) * 1000
                if load.sql is not None:
                    s0 = time.perf_counter()
                    load.sql()
                    parts = {**parts, "sql": (time.perf_counter() - s0) * 1000}
                timings[i].add(total, parts)
            log(f"round {r + 1}/{rounds} done")
    row["gc"] = collections.summary()

    def summary(chosen: list[int]) -> dict[str, Any]:
        totals = [t for i in chosen for t in timings[i].totals]
        parts = {p: [ms for i in chosen for ms in timings[i].parts.get(p, [])] for p in PARTS}
        return {
            "loads": len(chosen), "calls": len(totals), "p50_ms": percentile(totals, 50),
            "p95_ms": percentile(totals, 95), "max_ms": max(totals),
            "parts_p50_ms": {p: percentile(v, 50) for p, v in parts.items() if v},
        }  # fmt: skip

    row["kinds"] = []
    for view in views:
        mine = [i for i, load in enumerate(loads) if load.caller == view.name]
        for kind in KINDS:
            chosen = [i for i in mine if loads[i].kind == kind]
            if chosen:
                row["kinds"].append(
                    {"page": kind[0], "load": kind[1], "caller": view.name, **summary(chosen)}
                )
        row["kinds"].append({"page": "all", "load": "every page load", "caller": view.name, **summary(mine)})
    row["loads"] = [
        {"page": load.kind[0], "load": load.kind[1], "caller": load.caller, "label": load.label,
         "p50_ms": percentile(timings[i].totals, 50), "max_ms": max(timings[i].totals), "shown": _shown(outcomes[i])}
        for i, load in enumerate(loads)
    ]  # fmt: skip


def _shown(out: Outcome) -> dict[str, Any]:
    """What a page load showed, for the record (counts only)."""
    keep = ("total", "rows", "placed", "not_placed", "cells_sum", "unit", "units")
    shown = {k: out[k] for k in keep if k in out}
    if "units" in shown:  # how many units the list holds, and which when it is one
        units = shown.pop("units")
        shown.update({"units": len(units), **({"only_unit": units[0]} if len(units) == 1 else {})})
    return shown


# ---- rendering (pure) ---------------------------------------------------------------------------


def command_line(row: dict[str, Any]) -> str:
    db = (
        ""
        if row.get("db") in (None, "sqlite")
        else " --postgres"
        if row.get("db_server")
        else " --db-url URL"
    )
    return (f".venv/bin/python -m bench.workbench_speed --employees {row['employees']} --seed {row['seed']} "
            f"--rounds {row['rounds']}{db}")  # fmt: skip


def met(row: dict[str, Any]) -> dict[str, bool]:
    """(caller / page kind) -> p95 below the target."""
    return {f"{k['caller']} / {k['page']}: {k['load']}": k["p95_ms"] < TARGET_P95_MS
            for k in row["kinds"] if k["page"] != "all"}  # fmt: skip


def _db_title(row: dict[str, Any]) -> str:
    if row.get("db") == "postgresql":
        settings = ", ".join(f"{k} {v}" for k, v in (row.get("db_settings") or {}).items())
        version = str(row.get("db_version") or "").split(" ")[0]
        return f"PostgreSQL {version}".strip() + (f" ({settings})" if settings else "")
    return "SQLite" if row.get("db") == "sqlite" else str(row.get("db"))


def _contention(row: dict[str, Any]) -> str:
    """Said when other jobs wanted more cores than the machine has: the timings then include waits for one."""
    cores = re.search(r"(\d+) cores", row.get("machine", ""))
    if cores and max(row["load_avg_start"], row["load_avg_end"]) > int(cores.group(1)):
        return (f" (more runnable jobs than the {cores.group(1)} cores: other jobs shared the machine, and the "
                "timings, their p95 most, include waits for a core)")  # fmt: skip
    return " (the cores may be shared with other jobs)"


def _collections(row: dict[str, Any]) -> str:
    got = row.get("gc")
    if not got:
        return ""
    return (f"Full garbage collections while timing: {got['full_collections']} (longest {got['longest_ms']:.0f} ms; "
            f"{got['objects']:,} objects alive).")  # fmt: skip


def _where(parts: dict[str, float]) -> str:
    return ", ".join(f"{PART_LABELS[p]} {ms:.0f}" for p, ms in parts.items())


def render_run(row: dict[str, Any]) -> list[str]:
    verdict = met(row)
    slowest = max((k for k in row["kinds"] if k["page"] != "all"), key=lambda k: k["p95_ms"])
    missed = [name for name, ok in verdict.items() if not ok]
    db_size = f", {row['db_mb']:.0f} MB" if row.get("db_mb") else ""
    lines = [
        f"### {_db_title(row)}",
        "",
        f"Command: `{command_line(row)}`. Machine: {row['machine']}; measured {row['date']} at commit "
        f"{row.get('commit', 'unknown')}; the run took {row['minutes']:.1f} min; load average (1 min) "
        f"{row['load_avg_start']:.2f} at the start, {row['load_avg_end']:.2f} at the end{_contention(row)}.",
        "",
        f"{row['loaded']:,} employees (seed {row['seed']}) in the system of record ({row['db']}{db_size}, Alembic "
        f"revision {row.get('schema_revision')}; written in {row['db_write_s']:.0f} s); the vector store holds "
        f"{row['vector_store_people']}. OPD head of {row['opd_unit']} ({row['visible']['opd']:,} people). "
        f"{sum(k['loads'] for k in row['kinds'] if k['page'] == 'all')} page loads, each checked once and then "
        f"timed {row['rounds']} times warm. {_collections(row)}",
        "",
        "| page | load | caller | variants | timed | p50 | p95 | max | p50 per part, ms | p95 < 1 s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for k in row["kinds"]:
        every = k["page"] == "all"
        ok = "" if every else ("yes" if verdict[f"{k['caller']} / {k['page']}: {k['load']}"] else "**no**")
        page = "**all**" if every else k["page"]
        lines.append(
            f"| {page} | {k['load']} | {k['caller']} | {k['loads']} | {k['calls']} | {k['p50_ms']:.0f} ms "
            f"| {k['p95_ms']:.0f} ms | {k['max_ms']:.0f} ms | {'' if every else _where(k['parts_p50_ms'])} | {ok} |"
        )
    at = f" at {row['loaded']:,} employees" if row["loaded"] != 100_000 else ""
    lines += [
        "",
        f"Target (stated, not asserted by any test): p95 per page load < {TARGET_P95_MS / 1000:.0f} s at 100,000 "
        "employees: " + (
            f"**met** for every page kind and caller{at} (slowest p95: {slowest['caller']} / {slowest['page']}: "
            f"{slowest['load']}, {slowest['p95_ms']:.0f} ms)." if not missed
            else f"**not met**{at} for {', '.join(missed)}."
        ),
        "",
        where_the_time_goes(row),
        "",
    ]  # fmt: skip
    return lines


def where_the_time_goes(row: dict[str, Any]) -> str:
    """The p50 parts in words, BKPSDM / OPD head: what a service call spends beyond its SQL, and the
    parts every table render pays."""

    def part(kind: tuple[str, str], name: str, caller: str) -> float:
        found = [k for k in row["kinds"] if (k["page"], k["load"]) == kind and k["caller"] == caller]
        return float(found[0]["parts_p50_ms"].get(name, 0.0)) if found else 0.0

    def both(kind: tuple[str, str], name: str | None = None) -> str:
        def one(caller: str) -> float:
            if name is not None:
                return part(kind, name, caller)
            return max(part(kind, "service", caller) - part(kind, "sql", caller), 0.0)

        return f"{one('bkpsdm'):.0f} / {one('opd'):.0f}"

    tables = [kind for kind in KINDS if kind[0] == TABLE]
    sql_kind = max(tables, key=lambda kind: part(kind, "sql", "bkpsdm"))
    return (
        "Where the time goes (p50 in ms, BKPSDM / OPD head): a service call less its SQL, that is reading the "
        f"listed people's records and building their rows, takes {both(EVERYONE)} for page 1 (50 people), "
        f"{both(CELL)} for a cell's list (up to {CELL_LIMIT}) and {both(LAST)} for page {LAST_PAGE} (the table "
        f"fetches every row up to the page it shows: `run_plan` takes no offset). The SQL alone is longest for "
        f"'{sql_kind[1]}' ({both(sql_kind, 'sql')}). Every table render also reads the unit list from the database "
        f"({both(EVERYONE, 'units')}; the map page reads the cached `unit_names()` instead) and writes the page's "
        f"XLSX ({both(EVERYONE, 'xlsx')}). The p95 is the nearest rank over a kind's timed loads (variants x rounds)."
    )


def render(runs: dict[str, dict[str, Any]]) -> str:
    """The section: what a page load is, then one table per database measured (SQLite first)."""
    lines = [
        SECTION,
        "",
        "The BKPSDM workbench (issue 18): one render of a page, timed as the service calls it makes (read "
        "from `ui/people_page.py` and `ui/workbench.py`; no Streamlit, no browser). Every page calls "
        "`service.stats` (the sidebar: 'sidebar'). **Cari pegawai**: the unit widget's options "
        "(`PeopleRepository.units`: 'unit list'), `build_plan` (the question parsed, the widgets' filters on "
        "top: 'plan'), `service.run_plan(caller, plan, limit=page x 50)` ('service') and the shown page's 50 "
        "rows as XLSX (`people_xlsx`, built once per page: 'XLSX'); page 20 is the last the table offers "
        "(it fetches at most 1,000 people). **Peta talenta**: `service.unit_names()` and `talent_map` for "
        "everyone and for units (BKPSDM: the largest, the median and the smallest unit); a cell's list adds "
        "`run_plan` of the unit and the cell, limit 200, for each of the 9 cells of everyone and of the "
        "largest unit. **Profil pegawai**: `service.profile` and `succession.memberships` ('pools'). "
        "**Bandingkan**: `compare` of three people for a Kepala Bidang. Each as a BKPSDM caller (sees "
        "everyone) and as the OPD head of the largest unit (visibility inside the SQL). 'SQL alone' is "
        "`assistant.db.query.execute` of the page's plan run on its own after the page, not added in. "
        "Each load is first checked (a full first page, the map's cells summing to the people placed and, "
        "with those not placed, to the people in view, a cell's list matching its count on the map, an OPD "
        "head seeing only their unit), else the run stops.",
        "",
        "Not timed: a free-text field question in the table ('" + FIELD_QUESTION + "'): it ranks with the "
        "vector store (Chroma) and BM25, which this benchmark leaves empty (the search's own latency at "
        "100,000 is in 'Speed (issue 3)'); and for the same reason the sidebar's `stats` counts an empty "
        "vector store here (for an OPD head it reads the ids of their unit's people from Chroma in a filled "
        "store). Drawing the page (pandas, Streamlit) is not timed either. The map is the current one (no "
        "mapping year). The records loaded to fill the database are let go before timing (a server holds none "
        "of them); the full garbage collections that fell in the timed loads are counted under each heading.",
        "",
    ]
    for db in sorted(runs, key=lambda d: (d != "sqlite", d)):
        lines += render_run(runs[db])
    if "postgresql" not in runs:
        lines += [
            "### PostgreSQL",
            "",
            "Not measured yet (`--postgres`, or `--db-url` with an empty PostgreSQL database).",
            "",
        ]
    lines += [f"<!-- {DATA_MARK}: {json.dumps(runs, separators=(',', ':'), ensure_ascii=False)} -->", ""]
    return "\n".join(lines)


def previous_runs(path: Path) -> dict[str, dict[str, Any]]:
    """The runs recorded in the section by earlier runs (per database), from its HTML comment."""
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    start = text.find(SECTION)
    if start == -1:
        return {}
    end = text.find("\n## ", start + len(SECTION))
    found = re.search(rf"<!-- {DATA_MARK}: (.*?) -->", text[start : None if end == -1 else end], re.S)
    try:
        return dict(json.loads(found.group(1))) if found else {}
    except json.JSONDecodeError:
        return {}


def _on_throwaway_postgres(employees: int, seed: int, rounds: int, batch: int) -> dict[str, Any]:
    import importlib
    import tempfile

    # the tests' throwaway cluster; imported by name: a test helper, not type-checked with bench
    pg = importlib.import_module("tests.pg")
    with (
        tempfile.TemporaryDirectory(prefix="talenta-workbench-pg-") as base,
        pg.temporary_postgres(Path(base)) as url,
    ):
        return {**measure(employees, seed, rounds, db_url=url, batch=batch), "db_server": "throwaway"}


def main(argv: Sequence[str] | None = None) -> int:
    from bench.quality import BENCHMARKS, write_section

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over the page loads")
    parser.add_argument("--batch", type=int, default=1000, help="people per upsert (one transaction each)")
    parser.add_argument(
        "--db-url", help="an empty database (e.g. postgresql+psycopg://...) instead of a temp SQLite"
    )
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="on a throwaway local PostgreSQL cluster (tests/pg.py, Debian's binaries: make postgres)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    try:
        if args.postgres:
            row = _on_throwaway_postgres(args.employees, args.seed, args.rounds, args.batch)
        else:
            row = measure(args.employees, args.seed, args.rounds, db_url=args.db_url, batch=args.batch)
    except PageProblems as exc:
        print(f"{len(exc.problems)} page load(s) did not show what the page should; nothing timed:")
        print("\n".join(f"- {p}" for p in exc.problems))
        return 2
    runs = {row["db"]: row}
    print("\n".join(render_run(row)))
    if not args.no_write:
        write_section(render({**previous_runs(BENCHMARKS), **runs}))
        _log(f"wrote the section {SECTION!r} of {BENCHMARKS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
