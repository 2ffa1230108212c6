"""bench.structured_speed on a small regency: every question understood and timed, every kind measured.

Fast: 300 generated employees written to a temporary SQLite only (nothing embedded), one round.
"""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from bench.structured_speed import (
    DATA_MARK,
    KINDS,
    QUESTIONS,
    SECTION,
    WIDE_ROW,
    NotUnderstood,
    SpeedQuestion,
    measure,
    problem,
    render,
)

EMPLOYEES = 300


@pytest.fixture(scope="module")
def row(embeddings):
    return measure(EMPLOYEES, seed=42, rounds=1, embeddings=embeddings, log=lambda _msg: None)


def test_every_kind_is_measured_over_every_question(row):
    assert row["people_in_db"] == row["loaded"] == EMPLOYEES
    assert row["vector_store_people"] == 0  # nothing embedded, and the questions are answered all the same
    assert row["db_write_s"] > 0 and row["people_per_s"] > 0
    by_name = {k["name"]: k for k in row["kinds"]}
    assert list(by_name) == [*KINDS, "all", WIDE_ROW]
    for kind in KINDS:
        n = sum(q.kind == kind for q in QUESTIONS)
        assert n >= 8 and by_name[kind]["questions"] == n and by_name[kind]["calls"] == n  # one round
        assert 0 < by_name[kind]["p50_ms"] <= by_name[kind]["p95_ms"] <= by_name[kind]["max_ms"]
        assert by_name[kind]["sql_p50_ms"] > 0 and by_name[kind]["parse_p50_ms"] > 0
    assert by_name["all"]["calls"] == len(QUESTIONS)
    assert by_name[WIDE_ROW]["questions"] == sum(q.kind == "list" for q in QUESTIONS)
    assert {q.language for q in QUESTIONS} == {"id", "en"}


def test_every_question_is_answered_as_what_it_asks(row):
    asked = row["questions"]
    assert [q["text"] for q in asked] == [q.text for q in QUESTIONS]
    counts = [q for q in asked if q["kind"] == "count"]
    assert all(isinstance(q["total_matching"], int) and q["total_matching"] >= 0 for q in counts)
    assert sum(q["total_matching"] > 0 for q in counts) >= len(counts) - 3  # a few are 0 in a small regency
    groups = [q for q in asked if q["kind"] == "group"]
    assert all(q["groups"] and q["total_matching"] > 0 for q in groups)
    everyone = next(q for q in groups if q["text"] == "Jumlah ASN per unit kerja")
    assert everyone["total_matching"] == EMPLOYEES
    lists = [q for q in asked if q["kind"] == "list"]
    assert all(q["groups"] is None and "wide_ms" in q for q in lists)
    assert sum(q["total_matching"] > 0 for q in lists) >= len(lists) - 4


def test_the_section_renders_with_its_figures(row):
    text = render(row)
    assert text.startswith(SECTION + "\n")
    assert "--employees 300 --seed 42 --rounds 1" in text
    for name in (*KINDS, "**all**", WIDE_ROW):
        assert re.search(rf"^\| {re.escape(name)} \| \d+ \| \d+ \| \d+ ms \| \d+ ms \|", text, re.M), name
    assert "(at 300 employees)" in text and "p95 < 100 ms" in text and "Where the time goes" in text
    assert "{" not in text.split("<!--")[0]  # every placeholder filled
    data = re.search(rf"<!-- {DATA_MARK}: (.*?) -->", text, re.S)
    assert data and json.loads(data.group(1))["employees"] == EMPLOYEES


def _result(**kw):
    base = dict(status="ok", understood={"aggregate": {"kind": "count"}}, understood_text="Saya memahami: jumlah.",
                unused=[], total_matching=3, groups=None)  # fmt: skip
    return SimpleNamespace(**{**base, **kw})


def test_an_answer_not_understood_as_asked_is_a_problem():
    count = SpeedQuestion("count", "id", "Berapa ASN di Bappeda?")
    assert problem(count, _result()) is None
    assert "status 'not_understood'" in (problem(count, _result(status="not_understood", understood={},
                                                                 understood_text="")) or "")  # fmt: skip
    assert "words not used: 'peserta'" in (problem(count, _result(unused=["peserta"])) or "")
    assert "not a count" in (problem(count, _result(understood={"filters": {"units": ["x"]}})) or "")
    group = SpeedQuestion("group", "en", "Group staff by 9-box cell")
    assert "not a group-by" in (problem(group, _result()) or "")
    listing = SpeedQuestion("list", "id", "Tampilkan ASN golongan III/a")
    assert "not a plain list" in (problem(listing, _result()) or "")
    assert problem(listing, _result(understood={"filters": {"golongan_min": "III/a"}})) is None
    assert NotUnderstood(["a", "b"]).problems == ["a", "b"]


@pytest.mark.slow
def test_runs_against_an_empty_postgresql_and_leaves_it_empty(postgres_url, embeddings):
    """--db-url: a database of its own on the session's PostgreSQL (others' tests may fill talenta_test)."""
    from sqlalchemy import create_engine, make_url, text

    url = make_url(postgres_url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE bench_structured_speed"))
    bench_url = url.set(database="bench_structured_speed").render_as_string(hide_password=False)
    try:
        got = measure(120, seed=7, rounds=1, db_url=bench_url, embeddings=embeddings, log=lambda _msg: None)
        assert got["db"] == "postgresql" and got["people_in_db"] == 120
        assert {k["name"] for k in got["kinds"]} >= set(KINDS)
        engine = create_engine(bench_url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM people")).scalar_one() == 0  # its people deleted
            assert conn.execute(text("SELECT count(*) FROM skp")).scalar_one() == 0
        engine.dispose()
        with pytest.raises(SystemExit, match="already holds"):
            engine = create_engine(bench_url)
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO people (nip, nama, name_key, content_hash, record) "
                                  "VALUES ('1', 'A', 'a', 'h', '{}')"))  # fmt: skip
            engine.dispose()
            measure(50, seed=7, rounds=1, db_url=bench_url, embeddings=embeddings, log=lambda _msg: None)
    finally:
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS bench_structured_speed WITH (FORCE)"))
        admin.dispose()
