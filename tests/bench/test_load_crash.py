"""bench.load and bench.crash_ingest at tiny scale: the real `talenta serve` under a few clients, and a
`talenta ingest` of 100 demo people killed with SIGKILL and run again.

Correctness only (no errors, nobody lost or duplicated, an unchanged re-ingest embeds nothing, the audit
log verifies); no timing is asserted. Both start real subprocesses, hence ``slow``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.crash_ingest import Point, parse_points
from bench.load import LIMIT_CLIENTS, SECTION, percentile, write_part

pytestmark = pytest.mark.slow


def _quiet(_msg: str) -> None:
    pass


def test_load_on_the_fixture_store_has_no_errors_and_the_limiter_answers_429(tmp_path, fixture_store_dir):
    from bench.load import measure, problems, render

    result = measure(fixture_store_dir, clients=2, chat_clients=2, seconds=2, chat_seconds=2,
                     run_dir=tmp_path / "run", log=_quiet)  # fmt: skip
    phases = {p["phase"]: p for p in result["phases"]}
    for name in ("search", "chat"):
        p = phases[name]
        assert p["ok"] >= 1 and p["ok"] == p["requests"], p
        assert p["errors"] == 0 and p["statuses"] == {"200": p["ok"]} and not p["exceptions"], p
        assert p["p50_ms"] <= p["p95_ms"] <= p["p99_ms"] <= p["max_ms"]
    limit = phases["rate limit"]
    assert limit["statuses"]["429"] >= 1 and limit["errors"] == 0
    # The whole bucket first (give or take the requests in flight at once, which the server may take in another order).
    assert limit["ok_before_first_429"] >= result["rate_per_minute"] - LIMIT_CLIENTS
    assert limit["retry_after"] and min(limit["retry_after"]) >= 1 and limit["missing_retry_after"] == 0
    assert limit["after_wait_status"] == 200
    # Every answer 200 left exactly one audit line, and the chain verifies.
    assert result["audit"]["exit"] == 0
    assert result["audit"]["load_users"] == result["answered"]
    assert problems(result) == []
    text = render(result, "cmd")
    assert (
        text.startswith("### Load")
        and "| search (`POST /v1/search`) | 2 x 2 s |" in text
        and "**met**" in text
    )


def test_an_ingest_killed_part_way_is_repaired_by_the_next_run(tmp_path):
    from bench.crash_ingest import measure, problems, render

    # Killed at the first Chroma write of its only batch: the batch's writes and commit are still to come.
    result = measure(100, 42, [Point("w", 1)], work=tmp_path, log=_quiet)
    (row,) = result["points"]
    assert row["killed"], "the ingest finished before the kill"
    final = row["final"]
    assert final["source_people"] == final["db_people"] == final["chroma_people"] == 100
    assert final["lost_db"] == final["lost_chroma"] == final["extra"] == 0
    assert final["db_duplicates"] == final["chroma_duplicates"] == final["child_duplicates"] == 0
    assert final["child_mismatch_people"] == 0 and final["child_rows"] == final["child_rows_expected"] > 0
    assert final["hash_mismatch"] == final["chroma_pending"] == 0
    assert final["texts_missing"] == final["texts_orphan"] == 0
    assert final["index_texts_distinct"] == final["texts"]  # the index a search queries is whole
    assert row["unchanged"]["texts_embedded"] == 0 and row["unchanged"]["unchanged"] == 100
    assert row["audit_exit"] == 0
    assert problems(result) == []
    assert "**met** at every point" in render(result, "cmd")


def test_kill_points_parse():
    assert parse_points("t:0.1, c:4,s:5,a:1,w:2,u:0.5,uw:1,uc:1,ua:2") == [
        Point("t", 0.1),
        Point("c", 4),
        Point("s", 5),
        Point("a", 1),
        Point("w", 2),
        Point("u", 0.5),
        Point("uw", 1),
        Point("uc", 1),
        Point("ua", 2),
    ]
    assert Point("ua", 2).reimport and not Point("a", 2).reimport
    with pytest.raises(ValueError):
        parse_points("x:1")


def test_percentile_interpolates():
    assert percentile([1, 2, 3, 4, 5], 0.5) == 3
    assert percentile([10, 20], 0.95) == pytest.approx(19.5)
    assert percentile([7], 0.99) == 7


def test_write_part_replaces_only_its_own_part(tmp_path: Path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text("# Benchmarks\n\n## Before\n\nkeep me\n", encoding="utf-8")
    write_part("### Load\n\nbody-first\n", path)
    write_part("### Faults\n\nbody-of-faults\n", path)
    path.write_text(path.read_text(encoding="utf-8") + "\n## After\n\nkeep me too\n", encoding="utf-8")
    write_part("### Load\n\nbody-second\n", path)
    text = path.read_text(encoding="utf-8")
    assert text.count(SECTION) == 1 and "body-first" not in text
    assert text.index("## Before") < text.index(SECTION) < text.index("### Load") < text.index("body-second")
    assert (
        text.index("body-second")
        < text.index("### Faults")
        < text.index("body-of-faults")
        < text.index("## After")
    )
    assert text.endswith("## After\n\nkeep me too\n") and "keep me\n" in text


def test_write_part_keeps_load_before_faults(tmp_path: Path):
    path = tmp_path / "BENCHMARKS.md"
    write_part("### Faults\n\nbody-of-faults\n", path)
    write_part("### Load\n\nbody-of-load\n", path)
    text = path.read_text(encoding="utf-8")
    assert (
        text.index(SECTION) < text.index("### Load") < text.index("### Faults") < text.index("body-of-faults")
    )
