"""Ingest throughput and search latency at several regency sizes.

    .venv/bin/python -m bench.speed --sizes 2000,10000 [--seed 42] [--rounds 1] [--no-write]
    .venv/bin/python -m bench.speed --sizes 100000      # separate, slow (hours on 2 cores)

For each size: generate the demo regency, load it with ``ingest.loader.load``, ingest it into a
fresh temporary store and measure
- first ingest: employees/s and unique texts embedded/s, against the raw throughput of the same
  encoder on the same unique texts (``encode_passages`` on a seeded random sample of up to 1,000
  of them), wall clock and CPU seconds;
- an unchanged re-ingest (nothing to embed or write);
- warm search latency: every question of ``bench.queries`` once to warm up, then ``--rounds``
  passes of ``TalentService.search(..., limit=10, action="")``, p50 / p95.

Prints a markdown table and rewrites the "Speed (issue 3)" section of BENCHMARKS.md. Rows of sizes
not measured in this run are kept (the section carries its figures in an HTML comment), so the
100,000 row can be added by a later, separate run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SECTION = "## Speed (issue 3)"
DATA_MARK = "speed-data"
RAW_SAMPLE = 1000
TARGET_P95_MS = 150.0  # at 10,000 employees
TARGET_INGEST_RATIO = 0.8  # ingest texts/s over raw encoder texts/s
TARGET_REINGEST_S = 30.0  # unchanged re-ingest of 10,000 employees


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def measure(size: int, seed: int, rounds: int, embeddings: Any) -> dict[str, Any]:
    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import SYSTEM
    from bench.queries import QUERIES
    from data.generator import generate_regency, write_demo
    from ingest.loader import load
    from ingest.pipeline import ingest_employees

    row: dict[str, Any] = {
        "employees": size,
        "seed": seed,
        "date": time.strftime("%Y-%m-%d"),
        "load_avg_start": round(os.getloadavg()[0], 2),
    }
    with tempfile.TemporaryDirectory(prefix=f"talenta-speed-{size}-") as tmp:
        tmp_path = Path(tmp)
        t0 = time.perf_counter()
        write_demo(generate_regency(employees=size, seed=seed), tmp_path / "demo", fmt="csv")
        row["generate_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        loaded = load(tmp_path / "demo")
        row["load_s"] = time.perf_counter() - t0
        row["loaded"] = len(loaded.employees)
        _log(f"[{size}] generated {row['generate_s']:.1f} s, loaded {row['load_s']:.1f} s")

        # Raw encoder throughput on the same unique texts the ingest embeds (a seeded random sample
        # of up to 1,000), measured just before and just after the ingest: the mean of the two is
        # compared with the ingest, so a change of load on a shared machine during the ingest weighs
        # less. Random, not the first 1,000: texts first met early are the common, short ones (at
        # 10,000 employees they average 101 characters against 132 for all, and encode about 25%
        # faster per CPU second), so a prefix overstated the encoder and understated the ratio.
        sample = raw_sample(loaded.employees, seed)
        row["raw_sample"] = "random"
        embeddings.encode_passages(sample[:32])  # warm up
        raw_before = _timed(lambda: embeddings.encode_passages(sample))

        container = build_container(Settings(data_dir=tmp_path / "store"), embeddings=embeddings)
        clocked = ClockedEncoder(embeddings)
        (row["ingest_s"], row["ingest_cpu_s"]), first = _timed_result(
            lambda: ingest_employees(container.store, clocked, loaded.employees)  # type: ignore[arg-type]
        )
        row["ingest_encode_s"] = clocked.seconds
        row["texts_embedded"] = first.texts_embedded
        row["vectors_reused"] = first.vectors_reused
        row["evidence_pieces"] = len(container.store.catalog())
        row["texts_stored"] = int(container.store.texts.count())
        _log(f"[{size}] first ingest {row['ingest_s']:.0f} s, {first.texts_embedded:,} texts embedded")

        raw_after = _timed(lambda: embeddings.encode_passages(sample))
        row["raw_texts"] = len(sample)
        row["raw_rate_before"] = len(sample) / raw_before[0]
        row["raw_rate_after"] = len(sample) / raw_after[0]
        row["raw_rate"] = (row["raw_rate_before"] + row["raw_rate_after"]) / 2
        row["raw_cpu_rate"] = 2 * len(sample) / (raw_before[1] + raw_after[1])

        (row["reingest_s"], row["reingest_cpu_s"]), second = _timed_result(
            lambda: ingest_employees(container.store, container.embeddings, loaded.employees)
        )
        row["reingest_texts"] = second.texts_embedded
        _log(f"[{size}] unchanged re-ingest {row['reingest_s']:.1f} s")

        service = container.service
        questions = [q.text for q in QUERIES]
        # The first search after an ingest reads the evidence catalog and builds the BM25 index.
        row["first_search_s"] = _timed(lambda: service.search(SYSTEM, questions[0], limit=10, action=""))[0]
        _log(f"[{size}] first search after the ingest {row['first_search_s']:.1f} s")
        for q in questions:  # warm up: caches, model
            service.search(SYSTEM, q, limit=10, action="")
        latencies: list[float] = []
        cpu: list[float] = []
        for _ in range(rounds):
            for q in questions:
                wall, used = _timed(lambda q=q: service.search(SYSTEM, q, limit=10, action=""))
                latencies.append(wall * 1000)
                cpu.append(used * 1000)
        row["queries"] = len(latencies)
        row["p50_ms"] = percentile(latencies, 50)
        row["p95_ms"] = percentile(latencies, 95)
        row["max_ms"] = max(latencies)
        row["over_1s"] = sum(1 for ms in latencies if ms > 1000)
        row["cpu_p50_ms"] = percentile(cpu, 50)
        _log(f"[{size}] search p50 {row['p50_ms']:.0f} ms, p95 {row['p95_ms']:.0f} ms")
    row["load_avg_end"] = round(os.getloadavg()[0], 2)
    row["model"] = embeddings.model_id
    row["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}


def raw_sample(employees: Sequence[Any], seed: int) -> list[str]:
    """The texts the raw encoder is timed on: a seeded random sample of up to RAW_SAMPLE of the
    unique texts the ingest embeds for these employees."""
    from assistant.domain.evidence import evidence_texts

    unique = list({ev.key: ev.encoded_text for e in employees for ev in evidence_texts(e)}.values())
    return random.Random(seed).sample(unique, RAW_SAMPLE) if len(unique) > RAW_SAMPLE else unique


class ClockedEncoder:
    """The embeddings, with the wall time spent in ``encode_passages`` added up.

    The ingest's share of time spent encoding is its throughput relative to the encoder at the same
    moments: unlike a separate raw measurement it does not move when other jobs come and go (but the
    store's own threads slow the encoder during the ingest, so it reads high).
    """

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.seconds = 0.0

    def encode_passages(self, texts: Sequence[str]) -> Any:
        t0 = time.perf_counter()
        try:
            return self._inner.encode_passages(texts)
        finally:
            self.seconds += time.perf_counter() - t0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _timed(fn: Any) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process, all threads) of one call."""
    (wall, used), _ = _timed_result(fn)
    return wall, used


def _timed_result(fn: Any) -> tuple[tuple[float, float], Any]:
    w0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return (time.perf_counter() - w0, time.process_time() - c0), result


# ---- rendering --------------------------------------------------------------------------------


def _ingest_rate(r: dict[str, Any]) -> float:
    return r["texts_embedded"] / r["ingest_s"] if r["ingest_s"] else 0.0


def wall_ratio(r: dict[str, Any]) -> float:
    """Ingest texts/s over raw encoder texts/s, wall clock."""
    return _ingest_rate(r) / r["raw_rate"]


def encode_share(r: dict[str, Any]) -> float | None:
    """Share of the ingest's wall time spent in the encoder (= ingest rate / encoder rate, same moments)."""
    if not r.get("ingest_encode_s") or not r.get("ingest_s"):
        return None
    return r["ingest_encode_s"] / r["ingest_s"]


def cpu_ratio(r: dict[str, Any]) -> float | None:
    """Ingest texts per CPU second over raw encoder texts per CPU second (this process, all threads).

    Other jobs on the machine hardly move it (they take turns on the cores, not CPU seconds of this
    process): with both cores kept busy it is what the wall ratio would be on a quiet machine.
    """
    if not r.get("ingest_cpu_s") or not r.get("raw_cpu_rate"):
        return None
    return r["texts_embedded"] / r["ingest_cpu_s"] / r["raw_cpu_rate"]


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def render(rows: Sequence[dict[str, Any]]) -> str:
    rows = sorted(rows, key=lambda r: r["employees"])
    seeds = ",".join(sorted({str(r["seed"]) for r in rows}))
    lines = [
        SECTION,
        "",
        f"Command: `.venv/bin/python -m bench.speed --sizes 2000,10000 --seed {seeds}` (100,000 is a separate "
        "run: `--sizes 100000`; a run replaces only the rows of the sizes it measures). Each row: the demo "
        "regency of that size, a fresh temporary store, the default embeddings. Raw encoder: "
        "`encode_passages` on a seeded random sample of up to 1,000 of the same unique texts (a row marked "
        "'first 1,000' used the first 1,000 met, which are shorter than the rest and encode faster), just "
        "before and just after the ingest (texts/s before / after; the wall ratio uses their mean). In-run: the share of the ingest's wall time "
        "spent inside the encoder; it does not move when other jobs come and go, but it overstates the ratio "
        "because the store's writes (on a second thread, alongside the encoder) slow the encoder during the "
        "ingest. CPU: ingest texts per CPU second of the process over the raw encoder's; other jobs hardly "
        "move it, and with both cores busy it is what the wall ratio would be on a quiet machine. On a quiet "
        "machine the wall ratio is the one to hold against the target. Search: `TalentService.search(..., limit=10)` "
        "without an LLM, warm (every question asked once first), over the questions of `bench/queries.py`; "
        "the first search after an ingest also reads the evidence catalog and builds the BM25 index, and is "
        "timed on its own. "
        "The machine has 2 cores, often shared with other jobs: the load average (1 min) at the start and end "
        "of a row, and the raw encoder texts/s (about 60 on this machine when it is quiet), show how much of "
        "it the row got.",
        "",
        "| employees | measured (load avg) | generate + load | first ingest | employees/s | texts embedded "
        "| ingest texts/s | raw encoder texts/s | ingest / raw: wall, in-run, CPU | unchanged re-ingest "
        "| first search after ingest | search p50 / p95, searches > 1 s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        raw = (
            f"{r['raw_rate_before']:.1f} / {r['raw_rate_after']:.1f}"
            if "raw_rate_before" in r
            else f"{r['raw_rate']:.1f}"
        ) + ("" if r.get("raw_sample") == "random" else " (first 1,000)")
        slow = f", {r['over_1s']} > 1 s" if "over_1s" in r else ""
        lines.append(
            f"| {r['employees']:,} | {r['date']} ({r['load_avg_start']:.1f} / {r['load_avg_end']:.1f}) "
            f"| {r['generate_s'] + r['load_s']:.1f} s | {_duration(r['ingest_s'])} "
            f"| {r['loaded'] / r['ingest_s']:.1f} | {r['texts_embedded']:,} | {_ingest_rate(r):.1f} "
            f"| {raw} | {wall_ratio(r):.0%}, {_pct(encode_share(r))}, {_pct(cpu_ratio(r))} | {r['reingest_s']:.1f} s "
            f"| {_first_search(r)} | {r['p50_ms']:.0f} / {r['p95_ms']:.0f} ms ({r['queries']} queries){slow} |"
        )
    machines = sorted({f"{r['machine']}; embeddings {r['model']}" for r in rows})
    lines += ["", "Machine: " + "; ".join(machines) + ".", "", *_targets(rows), ""]
    lines.append(f"<!-- {DATA_MARK}: {json.dumps(rows, separators=(',', ':'))} -->")
    lines.append("")
    return "\n".join(lines)


def _first_search(r: dict[str, Any]) -> str:
    return f"{r['first_search_s']:.1f} s" if "first_search_s" in r else "not measured"


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 600 else f"{seconds / 60:.0f} min"


def _verdict(ok: bool) -> str:
    return "met" if ok else "missed"


def _targets(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The targets (stated, never asserted), with the measured figure next to each."""
    at_10k = next((r for r in rows if r["employees"] == 10_000), None)
    p95 = (
        f"measured {at_10k['p95_ms']:.0f} ms: {_verdict(at_10k['p95_ms'] < TARGET_P95_MS)}"
        if at_10k
        else "not measured yet"
    )
    reingest = (
        f"measured {at_10k['reingest_s']:.1f} s: {_verdict(at_10k['reingest_s'] < TARGET_REINGEST_S)}"
        if at_10k
        else "not measured yet"
    )
    ratios = "; ".join(
        f"{r['employees']:,}: wall {wall_ratio(r):.0%} ({_verdict(wall_ratio(r) >= TARGET_INGEST_RATIO)})"
        + (
            ""
            if (c := encode_share(r)) is None
            else f", in-run {c:.0%} ({_verdict(c >= TARGET_INGEST_RATIO)})"
        )
        + ("" if (u := cpu_ratio(r)) is None else f", CPU {u:.0%} ({_verdict(u >= TARGET_INGEST_RATIO)})")
        for r in sorted(rows, key=lambda r: r["employees"])
    )
    return [
        "Targets (stated, not asserted by any test):",
        "",
        f"- search p95 < {TARGET_P95_MS:.0f} ms at 10,000 employees: {p95}.",
        f"- ingest >= {TARGET_INGEST_RATIO:.0%} of the raw encoder throughput (unique texts/s): {ratios}.",
        f"- unchanged re-ingest of 10,000 employees < {TARGET_REINGEST_S:.0f} s: {reingest}.",
    ]


def previous_rows(path: Path) -> list[dict[str, Any]]:
    """Rows recorded in the section of an earlier run (from its HTML comment)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    start = text.find(SECTION)
    if start == -1:
        return []
    end = text.find("\n## ", start + len(SECTION))
    section = text[start : None if end == -1 else end]
    m = re.search(rf"<!-- {DATA_MARK}: (.*?) -->", section, re.S)
    if not m:
        return []
    try:
        return list(json.loads(m.group(1)))
    except json.JSONDecodeError:
        return []


def main() -> None:
    from bench.quality import BENCHMARKS, write_section

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000", help="comma-separated regency sizes")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--rounds", type=int, default=1, help="timed passes over the question set")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    from assistant.config import Settings
    from assistant.retrieval.embeddings import build_embeddings

    embeddings = build_embeddings(Settings().embeddings)  # loaded once, shared by every size
    measured: list[dict[str, Any]] = []
    for size in sizes:
        t0 = time.perf_counter()
        measured.append(measure(size, args.seed, args.rounds, embeddings))
        _log(f"[{size}] done in {(time.perf_counter() - t0) / 60:.1f} min")
        # Keep what is measured so far (a long run that dies later still leaves its rows).
        if not args.no_write:
            write_section(render(_merge(previous_rows(BENCHMARKS), measured)))
    text = render(_merge([] if args.no_write else previous_rows(BENCHMARKS), measured))
    print(text)


def _merge(old: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    by_size = {r["employees"]: r for r in old}
    by_size.update({r["employees"]: r for r in new})
    return list(by_size.values())


if __name__ == "__main__":
    main()
