"""Structured questions (counts, lists, group-bys) over a big regency: warm latency, answered in SQL.

    .venv/bin/python -m bench.structured_speed [--employees 100000] [--seed 42] [--rounds 5]
                                               [--batch 1000] [--db-url URL] [--no-write]

1. Generates the demo regency of ``--employees`` (seed 42 by default; the same files as ``talenta
   demo-data``) and loads it with ``ingest.loader.load``;
2. writes the employees into the system of record only (``PeopleRepository.upsert``, ``--batch``
   people per transaction; a fresh SQLite file in a temporary folder, or the empty database at
   ``--db-url``, e.g. a PostgreSQL URL) and times the write. Nothing is embedded: the vector store of
   the container stays empty (search speed with vectors is ``bench/speed.py``'s);
3. builds the container (``build_container``, template writer) on that database and asks every
   question of ``QUESTIONS`` (counts, lists and group-bys, Indonesian and English) once as a BKPSDM
   caller. Each must be understood as the structured question it is (status ok, something understood,
   no word left unused, a count with ``total_matching``, a group-by with ``groups``, a list without an
   aggregate): otherwise the benchmark prints what came back and exits with status 2, so it never
   times "not understood" answers;
4. warm-up: every question once; then ``--rounds`` passes of ``TalentService.search(caller, q,
   limit=50, action="")`` (50 is the default list length), and one pass of the list questions with
   limit=1000. Each timed question is also timed in parts on its own: understanding it
   (``plans.understand``: the unit names read from the database, ``PeopleRepository.units``, timed on
   its own too, plus the parser) and the SQL alone (``assistant.db.query.execute`` of the parsed plan,
   same limit, or none for a group-by answered without people); the rest of a service call is reading the listed people's records and writing their
   candidates;
5. prints a markdown table (p50 / p95 / max per kind and overall) and rewrites the section
   "Structured questions: speed (issue 14)" of BENCHMARKS.md (unless ``--no-write``).

With ``--db-url`` the database must hold no people (the benchmark refuses otherwise); the people it
wrote are deleted at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SECTION = "## Structured questions: speed (issue 14)"
DATA_MARK = "structured-speed-data"
TARGET_P95_MS = 100.0
KINDS = ("count", "list", "group")
LIST_LIMIT = 50  # the default list length of a structured question (assistant.services.plans)
WIDE_LIMIT = 1000
WIDE_ROW = "list, limit 1000"

Kind = Literal["count", "list", "group"]


@dataclass(frozen=True)
class SpeedQuestion:
    kind: Kind
    language: Literal["id", "en"]
    text: str


def _q(kind: Kind, language: Literal["id", "en"], *texts: str) -> list[SpeedQuestion]:
    return [SpeedQuestion(kind, language, t) for t in texts]


# Units, cells, ranks, trainings and years that the demo regency holds at every size from a few
# hundred employees up (some counts are 0 in a small regency: eselon III posts retiring next year).
QUESTIONS: tuple[SpeedQuestion, ...] = (
    *_q("count", "id",
        "Berapa ASN di Bappeda?",
        "Berapa ASN kotak talenta 9?",
        "Berapa pejabat eselon III yang pensiun tahun depan?",
        "Berapa ASN di Dinas Kesehatan yang pendidikan terakhirnya S2?",
        "Berapa ASN dengan SKP Sangat Baik tahun 2025?",
        "Berapa ASN golongan IV/a di Dinas Pendidikan?"),
    *_q("count", "en",
        "How many staff have a master's degree?",
        "How many employees work in the fisheries office?",
        "How many employees are in 9-box cells 7 to 9?",
        "How many employees retire in 2027?"),
    *_q("list", "id",
        "Tampilkan ASN kotak 7-9 di Dinas Kesehatan",
        "Siapa ASN dengan SKP Sangat Baik tiga tahun terakhir di Dinkes?",
        "Siapa yang sudah diklat kepemimpinan administrator?",
        "Tampilkan pejabat eselon IV di Dinas Perikanan",
        "Tampilkan ASN golongan III/a",
        "Siapa yang pensiun tahun 2027?"),
    *_q("list", "en",
        "List staff in 9-box cells 7-9 at Bappeda",
        "List staff with SKP Sangat Baik in each of the last three years",
        "Who has a master's degree at Bappeda?",
        "Who will retire in 2027?"),
    *_q("group", "id",
        "Jumlah ASN per unit kerja",
        "Sebaran golongan",
        "Jumlah ASN per golongan di Dinas Pendidikan",
        "Jumlah ASN per jenjang pendidikan",
        "Jumlah ASN per predikat SKP",
        "Sebaran nilai pelatihan kepemimpinan pengawas"),
    *_q("group", "en",
        "How many staff per 9-box cell?",
        "How many employees per unit?",
        "Number of employees per grade",
        "How many staff per education level at the hospital?"),
)  # fmt: skip


class NotUnderstood(RuntimeError):
    """Some benchmark questions were not understood as the structured questions they are."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def problem(q: SpeedQuestion, result: Any) -> str | None:
    """Why ``result`` is not the structured answer ``q`` asks for (None: it is)."""
    understood = result.understood or {}
    aggregate = (understood.get("aggregate") or {}).get("kind")
    why = []
    if result.status != "ok":
        why.append(f"status {result.status!r}")
    if not result.understood_text or not understood:
        why.append("nothing understood")
    if result.unused:
        why.append(f"words not used: {' '.join(result.unused)!r}")
    if q.kind == "count" and (aggregate != "count" or result.total_matching is None):
        why.append(f"not a count (aggregate {aggregate!r}, total_matching {result.total_matching!r})")
    if q.kind == "group" and (aggregate != "group" or result.groups is None):
        why.append(f"not a group-by (aggregate {aggregate!r}, groups {result.groups!r})")
    if q.kind == "list" and (
        aggregate is not None or result.total_matching is None or understood.get("relevance")
    ):
        why.append(f"not a plain list (aggregate {aggregate!r}, relevance {understood.get('relevance')!r})")
    if not why:
        return None
    said = f"; understood {result.understood_text!r}" if result.understood_text else ""
    return f"{q.kind} ({q.language}) {q.text!r}: {', '.join(why)}{said}"


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _ms(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t0) * 1000, result


class Timing(NamedTuple):
    """One timed question, ms: the service call, and on their own its understanding, the unit names
    that understanding reads, and the SQL."""

    total: float
    parse: float
    units: float
    sql: float


def summarize(name: str, questions: int, times: Sequence[Timing]) -> dict[str, Any]:
    from bench.speed import percentile

    def p(field: str, q: float) -> float:
        return percentile([getattr(t, field) for t in times], q)

    return {
        "name": name, "questions": questions, "calls": len(times),
        "p50_ms": p("total", 50), "p95_ms": p("total", 95), "max_ms": max(t.total for t in times),
        "parse_p50_ms": p("parse", 50), "units_p50_ms": p("units", 50), "sql_p50_ms": p("sql", 50),
        "sql_p95_ms": p("sql", 95),
        **{f"{f}_mean_ms": sum(getattr(t, f) for t in times) / len(times) for f in Timing._fields},
    }  # fmt: skip


def write_people(repo: Any, employees: Sequence[Any], batch: int) -> float:
    """Upsert the employees ``batch`` at a time (one transaction each); the seconds it took."""
    pairs = [(e, e.content_hash()) for e in employees]  # hashed first: the ingest has them already
    today = dt.date.today()
    t0 = time.perf_counter()
    for start in range(0, len(pairs), batch):
        repo.upsert(pairs[start : start + batch], today=today)
    return time.perf_counter() - t0


@contextmanager
def regency_database(
    row: dict[str, Any], employees: int, seed: int, *, db_url: str | None, batch: int, embeddings: Any,
    log: Callable[[str], None], prefix: str,
) -> Iterator[Any]:  # fmt: skip
    """The demo regency of ``employees`` (``seed``) generated, loaded and written into the system of record
    only (a fresh SQLite in a temporary folder named ``prefix``, or the empty database at ``db_url``);
    yields the container built on it. Records the timings and sizes in ``row``. With ``db_url`` the
    people written are deleted on the way out; a database that already holds people is refused."""
    from sqlalchemy import text

    from assistant.config import DbSettings, LlmSettings, Settings
    from assistant.container import build_container
    from data.generator import generate_regency, write_demo
    from ingest.loader import load

    with tempfile.TemporaryDirectory(prefix=f"{prefix}-{employees}-") as tmp:
        tmp_path = Path(tmp)
        t0 = time.perf_counter()
        write_demo(generate_regency(employees=employees, seed=seed), tmp_path / "demo", fmt="csv")
        row["generate_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        people = load(tmp_path / "demo").employees
        row["load_s"] = time.perf_counter() - t0
        row["loaded"] = len(people)
        log(
            f"[{employees}] generated {row['generate_s']:.1f} s, loaded {len(people):,} in {row['load_s']:.1f} s"
        )

        settings = Settings(
            data_dir=tmp_path / "store", db=DbSettings(url=db_url), llm=LlmSettings(provider="template")
        )
        container = build_container(settings, embeddings=embeddings)
        engine = container.people.engine
        row["db"] = engine.dialect.name
        with engine.connect() as conn:
            row["schema_revision"] = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if db_url is not None and (already := container.people.count()):
            engine.dispose()
            raise SystemExit(
                f"the database at --db-url already holds {already:,} people: give it an empty database"
            )
        nips = [e.nip for e in people]
        try:
            row["db_write_s"] = write_people(container.people, people, batch)
            row["people_per_s"] = len(nips) / row["db_write_s"]
            # Not kept while timing: a full garbage collection walks every object alive (about 3.5 s with
            # 100,000 loaded records on this machine), a pause the timings would wrongly carry.
            del people
            row["people_in_db"] = container.people.count()
            if engine.dialect.name == "sqlite" and engine.url.database:
                row["db_mb"] = Path(engine.url.database).stat().st_size / 1e6
            row["vector_store_people"] = container.store.count()
            log(f"[{employees}] wrote {row['people_in_db']:,} people to {row['db']} in {row['db_write_s']:.1f} s "
                f"({row['people_per_s']:.0f}/s); vector store holds {row['vector_store_people']}")  # fmt: skip
            yield container
        finally:
            if db_url is not None:
                container.people.delete(nips)
            container.people.engine.dispose()


def measure(
    employees: int,
    seed: int = 42,
    rounds: int = 5,
    *,
    db_url: str | None = None,
    batch: int = 1000,
    embeddings: Any = None,
    questions: Sequence[SpeedQuestion] = QUESTIONS,
    log: Callable[[str], None] = _log,
) -> dict[str, Any]:
    """Generate, write to the database only, check every question is understood, then time them warm.

    Raises NotUnderstood (before timing anything) if a question is not answered as the structured
    question it is. ``embeddings`` may be passed in to share a loaded model (tests); none is used.
    """
    from assistant.db import query as sql
    from assistant.services import plans
    from bench.structured import _commit

    row: dict[str, Any] = {
        "employees": employees, "seed": seed, "rounds": rounds, "batch": batch,
        "date": time.strftime("%Y-%m-%d"), "commit": _commit(), "load_avg_start": round(os.getloadavg()[0], 2),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }  # fmt: skip
    started = time.perf_counter()
    with regency_database(row, employees, seed, db_url=db_url, batch=batch, embeddings=embeddings, log=log,
                          prefix="talenta-structured-speed") as container:  # fmt: skip
        _ask_all(row, container, sql, plans, questions, rounds, log)
    row["load_avg_end"] = round(os.getloadavg()[0], 2)
    row["minutes"] = (time.perf_counter() - started) / 60
    return _rounded(row)


def _ask_all(
    row: dict[str, Any], container: Any, sql: Any, plans: Any, questions: Sequence[SpeedQuestion], rounds: int,
    log: Callable[[str], None],
) -> None:  # fmt: skip
    from assistant.domain.identity import Caller

    service = container.service
    engine = container.people.engine
    caller = Caller(user="bench", role="bkpsdm")
    today = dt.date.today()

    # Check (and warm up): every question once, answered as the structured question it is.
    answers = {}
    problems = []
    for q in questions:
        result = service.search(caller, q.text, limit=LIST_LIMIT, action="")
        answers[q] = result
        if (why := problem(q, result)) is not None:
            problems.append(why)
    if problems:
        raise NotUnderstood(problems)
    row["total_people_reported"] = answers[questions[0]].total_people
    log(f"all {len(questions)} questions understood")

    def timed(q: SpeedQuestion, limit: int) -> Timing:
        total, _ = _ms(lambda: service.search(caller, q.text, limit=limit, action=""))
        parse, parsed = _ms(lambda: plans.understand(service, " ".join(q.text.split()), None, today))
        units, _ = _ms(service.people.units)
        # The SQL the service runs: a group-by that lists nobody pages no people either.
        paged = 0 if q.kind == "group" and not answers[q].candidates else limit
        query, _ = _ms(lambda: sql.execute(engine, parsed.plan, caller, today, limit=paged))
        return Timing(total, parse, units, query)

    per_question: dict[SpeedQuestion, list[Timing]] = {q: [] for q in questions}
    for r in range(rounds):
        for q in questions:
            per_question[q].append(timed(q, LIST_LIMIT))
        log(f"round {r + 1}/{rounds} done")
    lists = [q for q in questions if q.kind == "list"]
    for q in lists:  # warm up at this length too
        service.search(caller, q.text, limit=WIDE_LIMIT, action="")
    wide = {q: [timed(q, WIDE_LIMIT)] for q in lists}
    log(f"list questions with limit {WIDE_LIMIT} done")

    def rows_of(
        name: str, chosen: Sequence[SpeedQuestion], source: dict[SpeedQuestion, list[Timing]]
    ) -> dict[str, Any]:
        return summarize(name, len(chosen), [t for q in chosen for t in source[q]])

    row["kinds"] = [rows_of(kind, [q for q in questions if q.kind == kind], per_question) for kind in KINDS]
    row["kinds"].append(rows_of("all", list(questions), per_question))
    row["kinds"].append(rows_of(WIDE_ROW, lists, wide))
    row["questions"] = [
        {
            "kind": q.kind, "language": q.language, "text": q.text, "answer": _answer(answers[q]),
            "total_matching": answers[q].total_matching,
            "groups": None if answers[q].groups is None else len(answers[q].groups),
            **{k: v for k, v in rows_of(q.text, [q], per_question).items() if k in ("p50_ms", "p95_ms", "sql_p50_ms", "parse_p50_ms")},
            **({"wide_ms": wide[q][0].total, "wide_sql_ms": wide[q][0].sql} if q in wide else {}),
        }
        for q in questions
    ]  # fmt: skip


def _answer(result: Any) -> str:
    if result.groups is not None:
        return f"{len(result.groups)} groups, {result.total_matching:,} people"
    if result.understood.get("aggregate"):
        return f"{result.total_matching:,}"
    return f"{len(result.candidates)} of {result.total_matching:,}"


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


# ---- rendering (pure) -------------------------------------------------------------------------


def command_line(row: dict[str, Any]) -> str:
    db = " --db-url URL" if row.get("db") not in (None, "sqlite") else ""
    return (f".venv/bin/python -m bench.structured_speed --employees {row['employees']} --seed {row['seed']} "
            f"--rounds {row['rounds']}{db}")  # fmt: skip


def met(row: dict[str, Any]) -> dict[str, bool]:
    """Kind -> p95 below the target (count, list and group, limit 50)."""
    return {k["name"]: k["p95_ms"] < TARGET_P95_MS for k in row["kinds"] if k["name"] in KINDS}


def where_the_time_goes(row: dict[str, Any]) -> str:
    """Mean ms per call over every timed question (limit 50), split into its parts."""
    k = next(k for k in row["kinds"] if k["name"] == "all")
    total, parse, units, query = (k[f"{f}_mean_ms"] for f in Timing._fields)
    rest = max(total - parse - query, 0.0)

    def part(ms: float) -> str:
        return f"{ms:.0f} ms ({ms / total:.0%})" if total else f"{ms:.0f} ms"

    return (
        f"Where the time goes (mean of the {k['calls']} timed calls, limit 50: {total:.0f} ms): understanding "
        f"{part(parse)}, of which reading the unit names {part(units)}; SQL {part(query)}; the rest (records, "
        f"candidates, the vector store's count) {part(rest)}."
    )


def render(row: dict[str, Any]) -> str:
    verdict = met(row)
    all_met = all(verdict.values())
    kinds_text = ", ".join(f"{k} {sum(q['kind'] == k for q in row['questions'])}" for k in KINDS)
    n_id = sum(q["language"] == "id" for q in row["questions"])
    db_size = f", {row['db_mb']:.0f} MB" if "db_mb" in row else ""
    lines = [
        SECTION,
        "",
        f"Command: `{command_line(row)}` (defaults: 100,000 employees, seed 42, 5 rounds). Machine: "
        f"{row['machine']}; measured {row['date']} at commit {row.get('commit', 'unknown')}; the run took {row['minutes']:.1f} min; load average (1 min) "
        f"{row['load_avg_start']:.2f} at the start, {row['load_avg_end']:.2f} at the end (the 2 cores may be "
        "shared with other jobs).",
        "",
        f"The demo regency of {row['loaded']:,} fictional employees (seed {row['seed']}; generated in "
        f"{row['generate_s']:.0f} s, loaded with `ingest.loader.load` in {row['load_s']:.0f} s), written only into "
        f"the system of record ({row['db']}{db_size}, schema at Alembic revision {row.get('schema_revision')}): "
        f"`PeopleRepository.upsert` in batches of {row['batch']:,}, "
        f"**{row['db_write_s']:.1f} s = {row['people_per_s']:,.0f} people/s** (content hashes computed before). "
        f"Nothing embedded: the vector store holds {row['vector_store_people']} people, and structured questions "
        "are answered all the same. "
        f"{len(row['questions'])} questions ({n_id} id, {len(row['questions']) - n_id} en; {kinds_text}) from "
        "`QUESTIONS` in `bench/structured_speed.py`; each is checked first to be understood as the structured "
        "question it is (status ok, no word unused, a count / group-by / plain list), else the run stops. "
        'Warm: every question once, then the rounds; `TalentService.search(caller, q, limit=50, action="")`, '
        "a BKPSDM caller (sees everyone), template writer, no LLM; the last row is one pass of the list "
        f"questions with limit={WIDE_LIMIT} (after one warm-up pass at that limit). 'understand' is "
        "`plans.understand` alone (the unit names read "
        "from the database by `PeopleRepository.units`, timed alone in brackets, then the parser); 'SQL' is "
        "`assistant.db.query.execute` of the parsed plan alone, same limit (none for a group-by answered without people); the rest of a call reads the "
        "listed people's records and builds their candidates.",
        "",
        "| kind | questions | timed calls | p50 | p95 | max | understand p50 (unit names) | SQL p50 / p95 "
        "| p95 < 100 ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for k in row["kinds"]:
        name = f"**{k['name']}**" if k["name"] == "all" else k["name"]
        ok = "" if k["name"] not in verdict else ("yes" if verdict[k["name"]] else "**no**")
        lines.append(
            f"| {name} | {k['questions']} | {k['calls']} | {k['p50_ms']:.0f} ms | {k['p95_ms']:.0f} ms "
            f"| {k['max_ms']:.0f} ms | {k['parse_p50_ms']:.0f} ms ({k['units_p50_ms']:.0f} ms) "
            f"| {k['sql_p50_ms']:.0f} / {k['sql_p95_ms']:.0f} ms | {ok} |"
        )
    missed = ", ".join(k for k, ok in verdict.items() if not ok)
    lines += [
        "",
        f"Target (stated, not asserted by any test): count, list and group-by questions over 100,000 employees, "
        f"p95 < {TARGET_P95_MS:.0f} ms warm: " + (
            ("**met** for every kind" if all_met else f"**missed** for {missed}")
            + (f" (at {row['loaded']:,} employees)" if row["loaded"] != 100_000 else "")
        ) + ".",
        "",
        where_the_time_goes(row),
        "",
        "Per question (p50 / p95 of the service call, SQL alone p50; list questions also with limit 1000):",
        "",
        "| kind | lang | question | answer | p50 / p95 | SQL p50 | limit 1000 (SQL) |",
        "|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for q in row["questions"]:
        wide = f"{q['wide_ms']:.0f} ms ({q['wide_sql_ms']:.0f} ms)" if "wide_ms" in q else ""
        lines.append(f"| {q['kind']} | {q['language']} | {q['text']} | {q['answer']} | {q['p50_ms']:.0f} / "
                     f"{q['p95_ms']:.0f} ms | {q['sql_p50_ms']:.0f} ms | {wide} |")  # fmt: skip
    lines += ["", f"<!-- {DATA_MARK}: {json.dumps(row, separators=(',', ':'), ensure_ascii=False)} -->", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from bench.quality import BENCHMARKS, write_section

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the questions")
    parser.add_argument("--batch", type=int, default=1000, help="people per upsert (one transaction each)")
    parser.add_argument(
        "--db-url", help="an empty database (e.g. postgresql+psycopg://...) instead of a temp SQLite"
    )
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    try:
        row = measure(args.employees, args.seed, args.rounds, db_url=args.db_url, batch=args.batch)
    except NotUnderstood as exc:
        print(f"{len(exc.problems)} question(s) not understood as structured questions; nothing timed:")
        print("\n".join(f"- {p}" for p in exc.problems))
        return 2
    text = render(row)
    print(text)
    if not args.no_write:
        write_section(text)
        _log(f"wrote the section {SECTION!r} of {BENCHMARKS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
