"""Faults: `talenta ingest` killed with SIGKILL part way, then run again; nobody lost, nothing twice.

    .venv/bin/python -m bench.crash_ingest [--employees 2000] [--seed 42] [--cache DIR] [--write]
                                          [--points t:0.1,t:0.3,t:0.6,t:0.9,w:2,c:4,u:0.5,uw:1,uc:2,ua:2]

1. The source: the demo regency (`talenta demo-data`, CSV). Every ingest below is `talenta ingest SOURCE
   --json` in a subprocess of its own (its own process group), with ``TALENTA_DATA_DIR`` on a folder of
   its own; inherited ``TALENTA_*`` variables are dropped. While an ingest runs it is watched every
   0.03 s: the rows of the database's ``people`` and ``diklat`` tables (SQLite in WAL mode: a reader never
   blocks the writer), which grow at each batch commit (new people; in the re-import below every changed
   person has one more training record), and the modification time of Chroma's SQLite file, which changes
   at each Chroma write. A batch's writes begin with a burst (a Chroma write after 1 s without one,
   following the previous commit; the writes of the run's start are not one) and end with its database
   commit.
2. The reference: one uninterrupted ingest into an empty store, timed, with its bursts and commits; and,
   for the re-import points, one uninterrupted re-import on a copy of it, in which ``--update-share`` of
   the people changed (a new profile summary, whose old text is then held by nobody and must be
   collected, and one more training record: new texts to embed, one more child row).
3. Each kill point: a fresh store (empty; for a re-import point a copy of the reference store), the
   ingest started, and SIGKILL sent to its process group at the point's moment:
   - ``s:X``: X seconds after the start (no reference needed);
   - ``t:F`` / ``u:F``: at F times the reference's (re-import's) wall time; a run that ends before it is
     run once more with the moment taken from that run;
   - ``w:K`` / ``uw:K``: as soon as batch K's first Chroma write is seen (the store's "garbage pending"
     mark, then new texts, or changed people marked pending: the batch's first steps);
   - ``c:K`` / ``uc:K``: half the reference's median batch write time after that (aimed at the window in
     which the batch's people are in Chroma and not yet in the database);
   - ``a:K`` / ``ua:K``: as soon as batch K's commit is seen (after the last one: while the texts nobody
     holds any more are collected, before the run ends).
   Then the store is read as the kill left it (where it landed), the ingest is run again to completion,
   and the store is checked against the source:
   - **lost**: a source NIP missing from the database or from Chroma's people collection;
   - **duplicated**: a NIP twice in the people table or in the people collection, a child row twice
     (same NIP and position) in any child table, or a person whose child rows per table (education,
     posts, training, SKP, assessments, awards, discipline, 9-box per year) differ in number from the
     source's;
   - the content hash of every person equal in the source, the database and Chroma (none left
     "pending"); every text a person holds stored with its vector, no text that nobody holds; a nearest
     neighbour query for all the texts returns every one (the index a search queries is whole; the same
     figure for the people's vectors, which no search queries, is shown but not checked);
   - then an unchanged re-ingest: everyone unchanged, 0 texts embedded; and `talenta audit verify`
     exits 0 (the ingest writes no audit lines; the log must still verify).
4. Prints a table per kill point; ``--write`` replaces the part "### Faults" of the section "Load and
   faults (issue 17)" of BENCHMARKS.md (the load part is ``bench/load.py``'s); ``--from-json FILE``
   renders a result printed before (its first line) again.

The store is read by ``--inspect DATA_DIR SOURCE`` in a subprocess of its own (a Chroma client is
never held open while an ingest runs; reading it after a kill opens it as the next ingest would).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import random
import shlex
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.load import ROOT, Log, clean_env, load_avg, machine, talenta_cli, write_part

PART = "### Faults"
DEFAULT_POINTS = "t:0.1,t:0.3,t:0.6,t:0.9,w:2,c:4,u:0.5,uw:1,uc:2,ua:2"
UPDATE_SHARE = 0.2
POLL_S = 0.03
QUIET_S = 1.0  # a Chroma write after this long without one begins a batch's writes (a burst)
TAIL_S = 0.5  # Chroma writes this soon after a commit belong to it
WINDOW_SHARE = 0.5  # c:K kills this share of the reference's median batch write time after its burst
UPDATE_TRAINING = "Pelatihan Manajemen Risiko Sektor Publik"


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---- kill points --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    kind: str  # see KINDS
    value: float

    @classmethod
    def parse(cls, text: str) -> Point:
        kind, _, value = text.strip().partition(":")
        if kind not in KINDS or not value:
            raise ValueError(f"kill point {text!r}: use {', '.join(f'{k}:{v}' for k, v in KINDS.items())}")
        return cls(kind, float(value))

    @property
    def reimport(self) -> bool:
        return self.kind.startswith("u")

    def label(self) -> str:
        k = f"{self.value:g}"
        text = {
            "s": f"{k} s after the start",
            "t": f"{self.value:.0%} of the import's time",
            "u": f"{self.value:.0%} of the re-import's time",
            "w": f"batch {k}'s first Chroma write",
            "uw": f"batch {k}'s first Chroma write",
            "c": f"in batch {k}'s write, {WINDOW_SHARE:g} x a typical batch write after its first",
            "uc": f"in batch {k}'s write, {WINDOW_SHARE:g} x a typical batch write after its first",
            "a": f"just after batch {k}'s commit",
            "ua": f"just after batch {k}'s commit",
        }[self.kind]
        return f"re-import: {text}" if self.reimport and self.kind != "u" else text

    def spec(self) -> str:
        return f"{self.kind}:{self.value:g}"


KINDS = {
    "s": "SECONDS",
    "t": "FRACTION",
    "w": "BATCH",
    "c": "BATCH",
    "a": "BATCH",
    "u": "FRACTION",
    "uw": "BATCH",
    "uc": "BATCH",
    "ua": "BATCH",
}


def parse_points(text: str) -> list[Point]:
    return [Point.parse(part) for part in text.split(",") if part.strip()]


# ---- one ingest ---------------------------------------------------------------------------------


@dataclass
class Watch:
    """What the parent sees of a running ingest: the database's progress rows (commits) and the moments
    Chroma's SQLite file changed (writes). A batch's writes begin with a **burst**: the first Chroma write
    after its previous commit (for the first batch: after the writes of the run's start) that follows at
    least ``QUIET_S`` without one; they end with the batch's database commit."""

    rows: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, rows) on change
    commits: list[float] = field(default_factory=list)
    bursts: list[float] = field(default_factory=list)
    last_write: float | None = None

    def see_rows(self, now: float, count: int | None) -> None:
        if count is None or (self.rows and self.rows[-1][1] == count):
            return
        if self.rows and count > self.rows[-1][1]:  # the first count read is the store as it was
            self.commits.append(round(now, 2))
        self.rows.append((round(now, 2), count))

    def see_write(self, now: float) -> None:
        """The first writes of a run are its start (Chroma's client and collections opened), and those just
        after a commit its tail (the store's generation): never a burst."""
        tail = bool(self.commits) and now - self.commits[-1] < TAIL_S
        quiet = self.last_write is not None and now - self.last_write >= QUIET_S and not tail
        if quiet and len(self.bursts) == len(self.commits):
            self.bursts.append(round(now, 2))
        self.last_write = now

    def batch_seconds(self) -> list[float]:
        """Each batch's write: from its burst to its commit."""
        return [round(c - b, 2) for b, c in zip(self.bursts, self.commits, strict=False)]


@dataclass
class Run:
    """One `talenta ingest` subprocess: its wall time, how it ended, what was seen while it ran."""

    seconds: float
    returncode: int | None
    killed: bool  # SIGKILL was sent while it still ran
    kill_at: float | None  # seconds after the start it was sent
    watch: Watch
    stats: dict[str, Any] = field(default_factory=dict)
    stderr_tail: str = ""

    def commits(self) -> list[float]:
        return self.watch.commits


def _progress_rows(db: Path) -> int | None:
    """Rows of the people and diklat tables together: every batch commit adds to them (new people, or a
    changed person with one more training record, as the re-import here gives each)."""
    if not db.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)) as conn:
            row = conn.execute(
                "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM diklat)"
            ).fetchone()
            return int(row[0])
    except sqlite3.Error:
        return None  # not migrated yet, or busy: try again at the next poll


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def ingest_env(data_dir: Path, work: Path) -> dict[str, str]:
    return clean_env(TALENTA_DATA_DIR=str(data_dir), TALENTA_AUDIT__KEY_PATH=str(work / "audit.key"))


KillRule = Callable[[float, Watch], bool]  # (seconds since the start, what was seen) -> kill now


def at_time(seconds: float) -> KillRule:
    return lambda now, _watch: now >= seconds


def at_burst(k: int, delay: float = 0.0) -> KillRule:
    """``delay`` s after batch K's first Chroma write (0: right after it)."""
    return lambda now, watch: len(watch.bursts) >= k and now >= watch.bursts[k - 1] + delay


def after_commit(k: int) -> KillRule:
    """Kill as soon as this run's K-th batch commit is seen (the last one: while the texts nobody holds
    any more are collected, before the run ends)."""
    return lambda _now, watch: len(watch.commits) >= k


def run_ingest(source: Path, data_dir: Path, work: Path, kill: KillRule | None = None,
               timeout: float = 3600.0) -> Run:  # fmt: skip
    """`talenta ingest SOURCE --json` into ``data_dir``, watched (``Watch``) while it runs; with ``kill``,
    SIGKILL to its process group as soon as the rule says so (if it still runs)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db, chroma = data_dir / "talenta.db", data_dir / "chroma" / "chroma.sqlite3"
    err_path = data_dir.parent / f"{data_dir.name}-ingest-{time.time_ns()}.err"
    before = _mtime(chroma)
    with err_path.open("wb") as err:
        proc = subprocess.Popen([*talenta_cli(), "ingest", str(source), "--json"], cwd=ROOT,
                                env=ingest_env(data_dir, work), stdout=subprocess.PIPE, stderr=err,
                                start_new_session=True)  # fmt: skip
    started = time.monotonic()
    watch = Watch()
    killed_at: float | None = None
    while proc.poll() is None:
        now = time.monotonic() - started
        watch.see_rows(now, _progress_rows(db))
        written = _mtime(chroma)
        if written != before:
            watch.see_write(now)
            before = written
        if kill is not None and kill(now, watch):
            os.killpg(proc.pid, signal.SIGKILL)
            killed_at = now
            break
        if now > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise RuntimeError(f"talenta ingest took more than {timeout:.0f} s")
        time.sleep(POLL_S)
    out = proc.communicate()[0].decode("utf-8", errors="replace")
    seconds = time.monotonic() - started
    killed = killed_at is not None
    stats: dict[str, Any] = {}
    if not killed and proc.returncode == 0:
        stats = json.loads(out.strip().splitlines()[-1])["stats"]
    tail = "\n".join(err_path.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
    if not killed and proc.returncode != 0:
        raise RuntimeError(f"talenta ingest exited with {proc.returncode}:\n{tail}")
    return Run(round(seconds, 2), proc.returncode, killed, None if killed_at is None else round(killed_at, 2),
               watch, stats, tail)  # fmt: skip


# ---- reading a store ----------------------------------------------------------------------------


def inspect(data_dir: Path, source: Path, timeout: float = 600.0) -> dict[str, Any]:
    """``inspect_store`` in a subprocess of its own."""
    done = subprocess.run([sys.executable, "-m", "bench.crash_ingest", "--inspect", str(data_dir), str(source)],
                          cwd=ROOT, env=clean_env(TALENTA_DATA_DIR=str(data_dir)), capture_output=True, text=True,
                          timeout=timeout)  # fmt: skip
    if done.returncode != 0:
        return {"error": f"inspect exited {done.returncode}: {done.stderr.strip()[-1500:]}"}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _chroma_all(collection: Any, include: list[str]) -> tuple[list[str], list[dict[str, Any]]]:
    ids: list[str] = []
    metas: list[dict[str, Any]] = []
    total = int(collection.count())
    for offset in range(0, total, 1000):
        got = collection.get(include=include, limit=1000, offset=offset)
        ids.extend(got["ids"])
        metas.extend(dict(m or {}) for m in (got.get("metadatas") or [{}] * len(got["ids"])))
    return ids, metas


def _index_returns(collection: Any, dim: int) -> tuple[int, int]:
    """(records a nearest-neighbour query for all of them returns, of which distinct)."""
    total = int(collection.count())
    if not total:
        return 0, 0
    probe = [1.0 / dim**0.5] * dim
    got = collection.query(query_embeddings=[probe], n_results=total, include=[])
    ids = got["ids"][0]
    return len(ids), len(set(ids))


def inspect_store(data_dir: Path, source: Path) -> dict[str, Any]:
    """The store as it is, compared with the source: see the module's docstring (step 3)."""
    from sqlalchemy import func, select
    from sqlalchemy import inspect as sa_inspect

    import assistant.db.tables as t
    from assistant.config import Settings
    from assistant.db.engine import build_engine, database_url
    from assistant.db.repository import PeopleRepository, child_rows
    from assistant.retrieval.store import PENDING, build_client
    from ingest.loader import load

    settings = Settings(data_dir=data_dir)
    employees = load(source).employees
    expected_hash = {e.nip: e.content_hash() for e in employees}
    out: dict[str, Any] = {"source_people": len(employees)}

    engine = build_engine(database_url(None, data_dir))
    migrated = "people" in sa_inspect(engine).get_table_names()  # a kill before the first migration: none
    with engine.connect() as conn:
        db_rows = conn.execute(select(t.people.c.nip, t.people.c.content_hash)).all() if migrated else []
        children: dict[str, Counter[str]] = {table.name: Counter() for table in t.CHILDREN}
        dup_children = 0
        for table in t.CHILDREN if migrated else ():
            per_nip = Counter(
                {nip: n for nip, n in conn.execute(select(table.c.nip, func.count()).group_by(table.c.nip))}
            )
            children[table.name] = per_nip
            pairs = select(table.c.nip, table.c.seq, func.count().label("n")).group_by(
                table.c.nip, table.c.seq
            )
            dup_children += sum(n - 1 for _, _, n in conn.execute(pairs) if n > 1)
        repo = PeopleRepository(engine)
        settled = repo.settled(employees, conn) if migrated else employees
    db_hash = dict((nip, digest) for nip, digest in db_rows)
    out["db_people"] = len(db_rows)
    out["db_duplicates"] = len(db_rows) - len(db_hash)
    out["child_duplicates"] = dup_children

    expected_children: dict[str, Counter[str]] = {table.name: Counter() for table in t.CHILDREN}
    for e in settled:
        for name, rows in child_rows(e, repo.scheme).items():
            if rows:
                expected_children[name][e.nip] = len(rows)
    stored_nips = set(db_hash)
    mismatch = {
        nip
        for name, want in expected_children.items()
        for nip in stored_nips
        if children[name][nip] != want[nip]
    }
    out["child_rows"] = sum(sum(c.values()) for c in children.values())
    out["child_rows_expected"] = sum(sum(c.values()) for c in expected_children.values())
    out["child_mismatch_people"] = len(mismatch)

    client = build_client("embedded", data_dir)
    prefix = settings.store.collection_prefix
    names = {getattr(c, "name", c) for c in client.list_collections()}
    if f"{prefix}_people" in names:
        people = client.get_collection(f"{prefix}_people")
        texts = client.get_collection(f"{prefix}_texts")
        people_ids, people_meta = _chroma_all(people, ["metadatas"])
        text_ids, _ = _chroma_all(texts, [])
        dim = int((people.metadata or {}).get("embedding_dim") or 384)
        out["index_people"], out["index_people_distinct"] = _index_returns(people, dim)
        out["index_texts"], out["index_texts_distinct"] = _index_returns(texts, dim)
    else:
        people_ids, people_meta, text_ids = [], [], []
        out.update(
            dict.fromkeys(("index_people", "index_people_distinct", "index_texts", "index_texts_distinct"), 0)
        )
    chroma_hash = {
        nip: str(meta.get("content_hash", "")) for nip, meta in zip(people_ids, people_meta, strict=True)
    }
    held = {piece[1] for meta in people_meta for piece in json.loads(str(meta.get("evidence") or "[]"))}
    stored_texts = set(text_ids)
    out["chroma_people"] = len(people_ids)
    out["chroma_duplicates"] = len(people_ids) - len(chroma_hash)
    out["chroma_pending"] = sum(1 for digest in chroma_hash.values() if digest == PENDING)
    out["chroma_ahead"] = sum(
        1 for nip, digest in chroma_hash.items() if digest not in (PENDING, db_hash.get(nip))
    )
    out["texts"] = len(text_ids)
    out["texts_duplicates"] = len(text_ids) - len(stored_texts)
    out["texts_missing"] = len(held - stored_texts)
    out["texts_orphan"] = len(stored_texts - held)

    source_nips = set(expected_hash)
    out["lost_db"] = len(source_nips - stored_nips)
    out["lost_chroma"] = len(source_nips - set(chroma_hash))
    out["extra"] = len((stored_nips | set(chroma_hash)) - source_nips)
    out["hash_mismatch"] = sum(
        1 for nip in source_nips if not (expected_hash[nip] == db_hash.get(nip) == chroma_hash.get(nip))
    )
    return out


def landing(state: dict[str, Any], run: Run, done_before: int) -> str:
    """Where a kill left the store, in words. ``done_before``: people that already matched the source
    before the run (0 for an empty store)."""
    if not run.killed:
        return "finished before the kill"
    if "error" in state:
        return "store unreadable"
    written = state["source_people"] - state["hash_mismatch"] - done_before
    if not state["hash_mismatch"] and not state["chroma_pending"]:  # every person written
        if state["texts_orphan"]:
            return (f"after the last commit, before the texts nobody holds were collected "
                    f"({state['texts_orphan']} left; {written} people written)")  # fmt: skip
        return f"after the last commit ({written} people written), before the run ended"
    if state["chroma_ahead"]:
        return (f"in a batch's write: {state['chroma_ahead']} people in Chroma, not yet in the database "
                f"({written} written before)")  # fmt: skip
    if state["chroma_pending"]:
        return (
            f"in a batch's write: {state['chroma_pending']} people marked pending ({written} written before)"
        )
    if state["texts_orphan"] and not done_before:  # an empty store: only new texts can be held by nobody
        return (f"in a batch's write: {state['texts_orphan']} texts stored before their people "
                f"({written} people written before)")  # fmt: skip
    if state["texts_orphan"]:  # a re-import: new texts ahead of their people, or old ones of changed people
        return (f"{written} people written; {state['texts_orphan']} texts held by nobody (written ahead of "
                "their people, or the old texts of people already rewritten)")  # fmt: skip
    if written <= 0:
        return "before the first write" + (" (still starting)" if not state["texts"] else "")
    return f"between batches: {written} people written, Chroma and the database agree"


# ---- a changed source ---------------------------------------------------------------------------


def changed_source(source: Path, out: Path, share: float, seed: int) -> int:
    """A copy of the demo CSVs in which ``share`` of the people have a new profile summary and one more
    training record. Returns how many people changed."""
    shutil.copytree(source, out)
    people_path, training_path = out / "pegawai.csv", out / "diklat.csv"
    with people_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        people_cols, people = list(reader.fieldnames or []), list(reader)
    chosen = set(random.Random(seed).sample([p["nip"] for p in people], round(len(people) * share)))
    for i, person in enumerate(people):
        if person["nip"] in chosen:
            person["ringkasan"] = (f"{person.get('ringkasan') or ''} Anggota tim percepatan reformasi birokrasi "
                                   f"angkatan {2020 + i % 6}.").strip()  # fmt: skip
    with people_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=people_cols)
        writer.writeheader()
        writer.writerows(people)
    with training_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        training_cols, training = list(reader.fieldnames or []), list(reader)
    for i, nip in enumerate(sorted(chosen)):
        training.append({col: "" for col in training_cols} | {
            "nip": nip, "nama_diklat": f"{UPDATE_TRAINING} Angkatan {i % 40 + 1}", "jenis_diklat": "teknis",
            "penyelenggara": "BPSDM Provinsi", "tahun": "2026", "jam_pelajaran": "40", "nilai": "85", "predikat": "Baik",
        })  # fmt: skip
    with training_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=training_cols)
        writer.writeheader()
        writer.writerows(training)
    return len(chosen)


# ---- everything ---------------------------------------------------------------------------------


def audit_verify(data_dir: Path, work: Path) -> int:
    done = subprocess.run([*talenta_cli(), "audit", "verify"], cwd=ROOT, env=ingest_env(data_dir, work),
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    return done.returncode


def demo_source(employees: int, seed: int, folder: Path) -> Path:
    """The demo regency's CSVs in ``folder/demo-N-SEED/demo`` (the layout of ``bench.load``'s cache; written
    once, then reused)."""
    source = folder / f"demo-{employees}-{seed}" / "demo"
    if not (source / "pegawai.csv").exists():
        shutil.rmtree(source, ignore_errors=True)
        subprocess.run([*talenta_cli(), "demo-data", "--employees", str(employees), "--seed", str(seed),
                        "--out", str(source)], cwd=ROOT, env=clean_env(), check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    return source


def _kill_rule(point: Point, reference: Run | None, update_reference: Run | None) -> KillRule:
    ref = update_reference if point.reimport else reference
    k = int(point.value)
    match point.kind:
        case "s":
            return at_time(point.value)
        case "a" | "ua":
            return after_commit(k)
        case "w" | "uw":
            return at_burst(k)
    assert ref is not None
    if point.kind in ("c", "uc"):
        spans = ref.watch.batch_seconds()
        return at_burst(k, WINDOW_SHARE * statistics.median(spans) if spans else 0.0)
    return at_time(point.value * ref.seconds)


def _retry_rule(point: Point, finished: Run) -> KillRule | None:
    """The rule for a second try after an ingest that ended before a kill at a share of the reference's
    time, timed by that run (events, such as a commit or a burst, need no second try)."""
    return at_time(point.value * finished.seconds) if point.kind in ("t", "u") else None


def check(state: dict[str, Any], after: Run, employees: int) -> list[str]:
    """What is wrong with a store after the completing run and the unchanged re-ingest."""
    if "error" in state:
        return [state["error"]]
    wrong = []
    for key in ("lost_db", "lost_chroma", "extra", "db_duplicates", "chroma_duplicates", "child_duplicates",
                "child_mismatch_people", "hash_mismatch", "chroma_pending", "texts_missing", "texts_orphan",
                "texts_duplicates"):  # fmt: skip
        if state[key]:
            wrong.append(f"{key} {state[key]}")
    if not state["db_people"] == state["chroma_people"] == state["source_people"] == employees:
        wrong.append(
            f"people: source {state['source_people']}, database {state['db_people']}, Chroma {state['chroma_people']}"
        )
    # The texts' vector index is what a search queries: it must reach every text. The people's vectors
    # are never queried (their count is shown, not checked: HNSW after updates may not reach them all).
    if state["index_texts_distinct"] != state["texts"]:
        wrong.append(
            f"the texts' vector index returns {state['index_texts_distinct']}/{state['texts']} texts"
        )
    s = after.stats
    if s.get("texts_embedded") != 0 or s.get("unchanged") != employees or s.get("new") or s.get("changed"):
        wrong.append(f"unchanged re-ingest: {s}")
    return wrong


def kill_point(point: Point, source: Path, base: Path | None, work: Path, name: str, rule: KillRule,
               employees: int, done_before: int, log: Log) -> dict[str, Any]:  # fmt: skip
    """Kill an ingest by ``rule``, read the store, run it again to completion, check, re-ingest unchanged.
    An ingest that finished before its kill is tried once more, the point's moment taken from that run."""
    data_dir = work / name
    load_start = load_avg()
    attempts = 0
    while True:
        attempts += 1
        shutil.rmtree(data_dir, ignore_errors=True)
        if base is not None:
            shutil.copytree(base, data_dir)
        killed = run_ingest(source, data_dir, work, kill=rule)
        retry = None if killed.killed or attempts == 2 else _retry_rule(point, killed)
        if retry is None:
            break
        log(f"{name}: finished in {killed.seconds:.0f} s before the kill; once more, timed by that run")
        rule = retry
    at_kill = inspect(data_dir, source)
    where = landing(at_kill, killed, done_before)
    log(f"{name}: killed at {killed.kill_at} s: {where}")
    recovery = run_ingest(source, data_dir, work)
    final = inspect(data_dir, source)
    again = run_ingest(source, data_dir, work)
    audit = audit_verify(data_dir, work)
    wrong = check(final, again, employees)
    if audit != 0:
        wrong.append(f"audit verify exited {audit}")
    log(f"{name}: recovered in {recovery.seconds:.0f} s; {'ok' if not wrong else '; '.join(wrong)}")
    shutil.rmtree(data_dir, ignore_errors=True)
    return {
        "point": point.spec(), "label": point.label(), "kill_at_s": killed.kill_at, "killed": killed.killed,
        "attempts": attempts, "landing": where, "seen": _timeline(killed), "at_kill": at_kill, "recovery": recovery.stats,
        "recovery_s": recovery.seconds, "final": final, "unchanged": again.stats, "unchanged_s": again.seconds,
        "audit_exit": audit, "problems": wrong, "load_avg_start": load_start,
    }  # fmt: skip


def _timeline(run: Run) -> dict[str, list[float]]:
    return {
        "bursts": run.watch.bursts,
        "commits": run.watch.commits,
        "batch_seconds": run.watch.batch_seconds(),
    }


def measure(employees: int, seed: int, points: list[Point], *, work: Path, source_dir: Path | None = None,
            update_share: float = UPDATE_SHARE, log: Log = _log) -> dict[str, Any]:  # fmt: skip
    """The reference import (when a point needs it) and every kill point; the figures as a dict."""
    source = demo_source(employees, seed, source_dir or work)
    result: dict[str, Any] = {"employees": employees, "seed": seed, "machine": machine(),
                              "date": dt.date.today().isoformat(), "load_avg_start": load_avg(), "points": []}  # fmt: skip
    reference = update_reference = None
    ref_dir = work / "reference"
    # A reference is run only when a point needs it: its time (t, c) or its store (every re-import point).
    if any(p.kind in ("t", "c") or p.reimport for p in points):
        log(f"reference: ingesting {employees:,} people ...")
        reference = run_ingest(source, ref_dir, work)
        result["reference"] = {"seconds": reference.seconds, "stats": reference.stats, **_timeline(reference),
                               "state": inspect(ref_dir, source)}  # fmt: skip
        log(f"reference: {reference.seconds:.0f} s, {_timeline(reference)}")
    if any(p.reimport for p in points):
        updated = work / "source-changed"
        result["update_people"] = changed_source(source, updated, update_share, seed)
    if any(p.kind in ("u", "uc") for p in points):
        upd_dir = work / "reference-update"
        shutil.copytree(ref_dir, upd_dir)
        update_reference = run_ingest(updated, upd_dir, work)
        result["update_reference"] = {
            "seconds": update_reference.seconds,
            "stats": update_reference.stats,
            **_timeline(update_reference),
        }
        shutil.rmtree(upd_dir, ignore_errors=True)
        log(f"re-import reference: {update_reference.seconds:.0f} s, {update_reference.stats}")
    for i, point in enumerate(points, start=1):
        rule = _kill_rule(point, reference, update_reference)
        if point.reimport:
            done_before = employees - result["update_people"]
            row = kill_point(
                point, work / "source-changed", ref_dir, work, f"kill-{i}", rule, employees, done_before, log
            )
        else:
            row = kill_point(point, source, None, work, f"kill-{i}", rule, employees, 0, log)
        result["points"].append(row)
    result["load_avg_end"] = load_avg()
    return result


TARGET_KEYS = ("lost_db", "lost_chroma", "db_duplicates", "chroma_duplicates", "child_duplicates",
               "child_mismatch_people")  # fmt: skip


def missed_target(point: dict[str, Any]) -> list[str]:
    """The target's part of a point's problems: people lost or duplicated, child rows duplicated, an
    unchanged re-ingest that embeds (or an unreadable store)."""
    final = point["final"]
    if "error" in final:
        return [final["error"]]
    missed = [f"{key} {final[key]}" for key in TARGET_KEYS if final[key]]
    if point["unchanged"].get("texts_embedded") != 0:
        missed.append(f"unchanged re-ingest embedded {point['unchanged'].get('texts_embedded')}")
    return missed


def problems(result: dict[str, Any]) -> list[str]:
    found = [f"{p['point']}: {'; '.join(p['problems'])}" for p in result["points"] if p["problems"]]
    found += [
        f"{p['point']}: the ingest had finished before the kill" for p in result["points"] if not p["killed"]
    ]
    return found


# ---- BENCHMARKS.md ------------------------------------------------------------------------------


def _reimport_text(result: dict[str, Any]) -> str:
    if "update_people" not in result:
        return ""
    text = (f" Re-import: {result['update_people']:,} people changed (a new profile summary, one more training "
            "record)")  # fmt: skip
    upd = result.get("update_reference")
    if upd:
        text += (f", {upd['seconds']:.0f} s uninterrupted, {upd['stats'].get('texts_embedded', 0):,} texts embedded, "
                 f"batches committed at {', '.join(f'{c:.0f}' for c in upd['commits'])} s, each written in "
                 f"{_span(upd['batch_seconds'])} s")  # fmt: skip
    return text + "."


def _span(values: list[float]) -> str:
    return f"{min(values):.1f}-{max(values):.1f}" if values else "-"


def _killed(point: dict[str, Any]) -> str:
    if point["kill_at_s"] is None:
        return "not killed"
    return f"{point['kill_at_s']:.1f} s" + (f" (try {point['attempts']})" if point["attempts"] > 1 else "")


def render(result: dict[str, Any], command: str) -> str:
    n = result["employees"]
    rows = []
    for p in result["points"]:
        f, rec, again = p["final"], p["recovery"], p["unchanged"]
        if "error" in f:
            rows.append(f"| {p['point']} | {p['label']} | {_killed(p)} | {p['landing']} | {f['error']} |"
                        + " |" * 8)  # fmt: skip
            continue
        lost = f["lost_db"] + f["lost_chroma"]
        dup = f["db_duplicates"] + f["chroma_duplicates"]
        rows.append(
            f"| {p['point']} | {p['label']} | {_killed(p)} | {p['landing']} | "
            f"{rec.get('new', 0):,} new, {rec.get('changed', 0):,} changed, {rec.get('unchanged', 0):,} unchanged; "
            f"{rec.get('texts_embedded', 0):,} texts embedded, {rec.get('vectors_reused', 0):,} reused, "
            f"{rec.get('texts_removed', 0):,} collected "
            f"({p['recovery_s']:.0f} s) | {f['db_people']:,} / {f['chroma_people']:,} | {lost} | "
            f"{dup} people, {f['child_duplicates']} child rows; {f['child_mismatch_people']} people with other counts | "
            f"{f['hash_mismatch']} differ, {f['chroma_pending']} pending | {f['texts_missing']} missing, "
            f"{f['texts_orphan']} orphan | texts {f['index_texts_distinct']:,}/{f['texts']:,}, people "
            f"{f['index_people_distinct']:,}/{f['chroma_people']:,} | {again.get('texts_embedded', '-')} embedded, "
            f"{again.get('unchanged', 0):,} unchanged | {p['audit_exit']} |"
        )
    ref = result.get("reference")
    missed = [f"{p['point']}: {'; '.join(m)}" for p in result["points"] if (m := missed_target(p))]
    found = problems(result)
    cores = os.cpu_count() or 1
    busy = result["load_avg_start"] > 0.5 * cores
    intro = [
        PART,
        "",
        f"Command: `{command}`. Machine: {result['machine']}; measured {result['date']}; load average (1 min) "
        f"{result['load_avg_start']:.2f} at the start, {result['load_avg_end']:.2f} at the end"
        + (
            " (other jobs were using the machine: times are long and the kill moments land less predictably)"
            if busy
            else ""
        )
        + ".",
        "",
        f"The demo regency ({n:,} people, seed {result['seed']}, CSV) imported with `talenta ingest SOURCE --json` in "
        "a subprocess, killed with SIGKILL (its process group) at each point, read as the kill left it, imported "
        "again to completion, checked, then imported once more unchanged. Each point starts from an empty store "
        "(`u`, `uw`, `uc`, `ua`: a re-import on a copy of the finished reference store). Points: `t:F` at F times "
        "the reference's time; `w:K` as soon as batch K's first Chroma write is seen; `c:K` "
        f"{WINDOW_SHARE:.0%} of the reference's median batch write time after it (aimed between its Chroma writes "
        "and its database commit); `a:K` as soon as batch K's commit is seen; `u`, `uw`, `uc`, `ua` the same on the "
        "re-import. Commits are seen as growth of the people and training rows, Chroma writes as changes of its "
        f"SQLite file, both polled every {POLL_S:g} s; a batch's first write is one after {QUIET_S:g} s without "
        "any, following the previous commit."
        + (
            f" Reference import: {ref['seconds']:.0f} s, {ref['stats'].get('texts_embedded', 0):,} texts embedded; "
            f"batches committed at {', '.join(f'{c:.0f}' for c in ref['commits'])} s, each written in "
            f"{_span(ref['batch_seconds'])} s from its first Chroma write to its commit."
            if ref
            else ""
        )
        + _reimport_text(result),
        "",
        "Columns: **landed**: what the killed run had written (people committed to the database; people newer in "
        "Chroma than in the database, or marked pending, or texts stored before their people, mean the kill fell "
        "inside a batch's write); **recovery**: the run after the kill (texts collected: held by nobody any more, removed); **people** database / Chroma; **lost**: "
        "source NIPs missing from either; **duplicated**: a NIP twice in the people table or collection, a child "
        "row twice (same NIP and position), people whose child rows per table differ in number from the source's; "
        "**hashes**: content hash not equal in source, database and Chroma; **texts**: held but not stored / stored "
        "but held by nobody; **index**: distinct records a nearest-neighbour query for all of them returns, texts (what a search queries: "
        "checked) and people (never queried by a search; shown only); "
        "**unchanged re-ingest**: texts embedded and people unchanged; **audit**: `talenta audit verify` exit.",
        "",
        "| point | aimed at | killed at | landed | recovery | people | lost | duplicated | hashes | texts | index | unchanged re-ingest | audit |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "Target (stated, not asserted by any test): 0 people lost, 0 duplicated, an unchanged re-ingest embeds "
        "nothing, after every kill: "
        + ("**met** at every point." if not missed else "**not met**: " + "; ".join(missed) + "."),
        "",
        "Other checks (hashes, texts, the texts' index, audit, every run killed before its end): "
        + ("all passed." if not found else "**failed**: " + "; ".join(found) + "."),
        "",
    ]
    return "\n".join(intro)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--points", default=DEFAULT_POINTS,
                        help="kill points: s:SECONDS, t:FRACTION of the import's time, w:BATCH (its first "
                             "Chroma write), c:BATCH (between its Chroma writes and its commit), a:BATCH (just after "
                             "its commit); u:, uw:, uc:, ua: the same on a re-import with changed people")  # fmt: skip
    parser.add_argument(
        "--update-share",
        type=float,
        default=UPDATE_SHARE,
        help="share of people changed for the re-import points",
    )
    parser.add_argument("--cache", type=Path, default=None, help="keep the demo CSVs here and reuse them")
    parser.add_argument(
        "--write", action="store_true", help="replace the faults part of BENCHMARKS.md's section"
    )
    parser.add_argument("--inspect", nargs=2, metavar=("DATA_DIR", "SOURCE"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--from-json", type=Path, help="render (and with --write, write) a result this printed"
    )
    args = parser.parse_args()
    if args.inspect:
        import logging

        logging.disable(logging.WARNING)
        print(json.dumps(inspect_store(Path(args.inspect[0]), Path(args.inspect[1]))))
        return

    if args.from_json:
        result = json.loads(args.from_json.read_text(encoding="utf-8").splitlines()[0])
        _report(result, result["command"], args.write)
        return
    with tempfile.TemporaryDirectory(prefix="talenta-crash-") as tmp:
        result = measure(args.employees, args.seed, parse_points(args.points), work=Path(tmp),
                         source_dir=args.cache, update_share=args.update_share)  # fmt: skip
    result["command"] = " ".join(
        shlex.quote(a) for a in [".venv/bin/python", "-m", "bench.crash_ingest", *sys.argv[1:]]
    )
    _report(result, result["command"], args.write)


def _report(result: dict[str, Any], command: str, write: bool) -> None:
    """Print the result (JSON, then markdown); with ``write``, replace the part in BENCHMARKS.md; exit 1
    when a check failed."""
    text = render(result, command)
    print(json.dumps(result, ensure_ascii=False))
    print(text)
    if write:
        write_part(text)
        _log(f"wrote the part {PART!r} in BENCHMARKS.md")
    if problems(result):
        sys.exit(1)


if __name__ == "__main__":
    main()
