"""bench.workbench_speed on a small regency: every page kind loaded and checked, for both callers.

Fast: 300 generated employees written to a temporary SQLite only (nothing embedded), one round.
Correctness only; no timing is asserted.
"""

from __future__ import annotations

import json
import re

import pytest

from bench.workbench_speed import (
    CALLERS,
    CELL,
    DATA_MARK,
    EVERYONE,
    KINDS,
    LAST,
    MAP_EVERYONE,
    MAP_UNIT,
    SECTION,
    PageProblems,
    previous_runs,
    render,
)

EMPLOYEES = 300


@pytest.fixture(scope="module")
def row(embeddings):
    from bench.workbench_speed import measure

    return measure(EMPLOYEES, seed=42, rounds=1, embeddings=embeddings, log=lambda _msg: None)


def _loads(row, kind, caller):
    return [x for x in row["loads"] if (x["page"], x["load"]) == kind and x["caller"] == caller]


def test_every_page_kind_ran_for_both_callers(row):
    assert row["people_in_db"] == row["loaded"] == EMPLOYEES
    assert row["vector_store_people"] == 0  # nothing embedded: the workbench pages run all the same
    for caller in CALLERS:
        measured = [(k["page"], k["load"]) for k in row["kinds"] if k["caller"] == caller]
        assert measured == [*KINDS, ("all", "every page load")], caller
        for k in row["kinds"]:
            assert k["calls"] == k["loads"] >= 1  # one round: one timed call per load
            assert 0 < k["p50_ms"] <= k["p95_ms"] <= k["max_ms"]
            assert k["parts_p50_ms"]["stats"] >= 0
    every = {k["caller"]: k for k in row["kinds"] if k["page"] == "all"}
    assert every["bkpsdm"]["loads"] + every["opd"]["loads"] == len(row["loads"])


def test_the_table_pages_show_full_pages(row):
    for caller in CALLERS:
        (first,) = _loads(row, EVERYONE, caller)
        assert first["shown"]["rows"] == 50 and first["shown"]["total"] == row["visible"][caller]
        (last,) = _loads(row, LAST, caller)  # page 20 of a small regency: the table shows its last page
        total = last["shown"]["total"]
        assert last["shown"]["rows"] == (total - 1) % 50 + 1
    assert row["visible"]["bkpsdm"] == EMPLOYEES
    assert 0 < row["visible"]["opd"] < EMPLOYEES


def test_the_map_counts_add_up(row):
    for caller in CALLERS:
        (everyone,) = _loads(row, MAP_EVERYONE, caller)
        shown = everyone["shown"]
        assert shown["cells_sum"] == shown["placed"] > 0
        assert shown["placed"] + shown["not_placed"] == row["visible"][caller]
        for unit_map in _loads(row, MAP_UNIT, caller):
            assert unit_map["shown"]["cells_sum"] == unit_map["shown"]["placed"]
        cells = [c for c in _loads(row, CELL, caller) if c["label"].startswith("everyone, cell ")]
        assert len(cells) == 9
        assert sum(c["shown"]["total"] for c in cells) == shown["placed"]  # each cell's list as on the map


def test_the_opd_head_sees_only_their_unit(row):
    opd = [x for x in row["loads"] if x["caller"] == "opd"]
    assert row["opd_unit"] and row["visible"]["opd"] < row["visible"]["bkpsdm"]
    lists = [x["shown"] for x in opd if x["page"] == "Cari pegawai" or (x["page"], x["load"]) == CELL]
    assert len(lists) == 10 + 18 and sum(bool(s["rows"]) for s in lists) >= 20
    assert all(s["units"] == 1 and s["only_unit"] == row["opd_unit"] for s in lists if s["rows"])
    profiles = [x for x in opd if x["page"] == "Profil pegawai"]
    assert profiles and all(x["shown"]["unit"] == row["opd_unit"] for x in profiles)
    (unit_map,) = _loads(row, MAP_UNIT, "opd")
    (everyone,) = _loads(row, MAP_EVERYONE, "opd")
    assert (
        unit_map["label"] == row["opd_unit"] and unit_map["shown"] == everyone["shown"]
    )  # all they see: their unit


def test_the_section_renders_and_keeps_the_other_database(row, tmp_path):
    postgres = {**row, "db": "postgresql", "db_version": "15.8"}
    text = render({"sqlite": row, "postgresql": postgres})
    assert text.startswith(SECTION + "\n")
    assert text.index("### SQLite") < text.index("### PostgreSQL 15.8")
    assert "--employees 300 --seed 42 --rounds 1`" in text and "--rounds 1 --db-url URL`" in text
    assert re.search(r"^\| Peta talenta \| a cell's list \| opd \| 18 \| 18 \| \d+ ms \|", text, re.M)
    assert (
        "(at 300 employees" not in text and "at 300 employees" in text and "p95 per page load < 1 s" in text
    )
    assert "Not timed: a free-text field question" in text
    data = re.search(rf"<!-- {DATA_MARK}: (.*?) -->", text, re.S)
    assert data and set(json.loads(data.group(1))) == {"sqlite", "postgresql"}
    throwaway = render({"postgresql": {**postgres, "db_server": "throwaway"}})
    assert "--rounds 1 --postgres`" in throwaway and "### SQLite" not in throwaway
    only_sqlite = render({"sqlite": row})
    assert "### PostgreSQL\n\nNot measured yet" in only_sqlite
    path = tmp_path / "BENCHMARKS.md"
    path.write_text("# Benchmarks\n\n" + text + "\n## Next section\n", encoding="utf-8")
    assert set(previous_runs(path)) == {"sqlite", "postgresql"}


def test_problems_are_listed():
    assert PageProblems(["a", "b"]).problems == ["a", "b"]
