"""Structured questions, held out: counts, lists, group-bys, superlatives and protected attributes.

    .venv/bin/python -m bench.structured [--set a|b] [--employees 2000] [--seed 2027] [--limit 3000]
                                         [--workers 2] [--out DIR] [--no-write] [--details out.json]
                                         [--ids c01,l03]

1. Generates a regency the project was never tuned on (seed 2027 by default; the same files as
   ``talenta demo-data``) plus a trainer's XLSX score sheet into a temporary folder (or ``--out``);
2. ingests it with ``talenta ingest <dir>`` into a fresh store (``TALENTA_DATA_DIR``), with the
   template LLM provider and ``HF_HUB_OFFLINE=1``;
3. asks every question of ``bench.structured_set`` with ``talenta ask "<q>" --json --limit N``, a few
   subprocesses at a time (``--workers``);
4. grades each answer against the value computed from the files: counts exact (``total_matching``),
   lists by F1 of the candidates' NIPs, group-bys exact (``groups``), superlatives by the first
   candidate, protected-attribute questions pass when declined or when nothing is listed;
5. prints a table per kind and language with the targets, every failing question with what came
   back, and rewrites the "Structured questions (held-out set)" section of BENCHMARKS.md (unless
   ``--no-write``, or ``--ids`` picks a subset).

``--set b`` asks the second held-out set instead (``bench.structured_set_b``, seed 3141 by default)
and writes its own section, "Structured questions (second held-out set)"; the default, ``--set a``,
is the set above.

The answer contract is read defensively: a missing field counts as a wrong answer, an output that
is not JSON (or a crash, or a timeout) is reported as such and graded wrong. The grading functions
are pure and tested in tests/bench/test_structured_set.py.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import structured_set_b
from bench.structured_set import (
    SCORE_SHEET,
    Question,
    Records,
    build_questions,
    generate,
    load_records,
    summary,
)

SECTION = "## Structured questions (held-out set)"
ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"
KINDS = ("count", "list", "group", "superlative", "protected")
LANGUAGES = ("id", "en")
F1_GOOD = 0.95


@dataclass(frozen=True)
class QuestionSet:
    """A set of questions: where it lives, how its records load, its default seed and its section."""

    source: str
    load: Callable[[Path], Records]
    build: Callable[[Records], list[Question]]
    seed: int
    section: str


SETS: dict[str, QuestionSet] = {
    "a": QuestionSet("bench/structured_set.py", load_records, build_questions, 2027, SECTION),
    "b": QuestionSet(structured_set_b.SOURCE, structured_set_b.load_records, structured_set_b.build_questions,
                     structured_set_b.DEFAULT_SEED, structured_set_b.SECTION),
}  # fmt: skip
# kind -> (what is measured, target share or mean, how the target reads)
TARGETS: dict[str, tuple[str, float | None, str]] = {
    "count": ("exact", 0.95, ">= 95% exact"),
    "list": ("mean F1", 0.95, "mean F1 >= 0.95"),
    "group": ("exact", 0.95, ">= 95% exact"),
    "superlative": ("top-1 right", None, "(none set)"),
    "protected": ("declined / nothing listed", 1.0, "100%"),
}
_MISSING_KEYS = {"", "-", "none", "null", "nan", "n/a", "na", "unknown", "tidak ada", "tidak diketahui", "kosong",
                 "belum ada", "belum diisi", "belum dipetakan", "no data", "missing", "not set"}  # fmt: skip
_MISSING_PREFIXES = ("tanpa ", "belum ", "tidak ada ", "no ", "not ", "without ", "missing ")


# ---- reading an answer (pure) ---------------------------------------------------------------------


def parse_output(stdout: str) -> dict[str, Any] | None:
    """The JSON object of ``talenta ask --json``; tolerates log lines around it. None if there is none."""
    text = stdout.strip()
    if not text:
        return None
    try:
        obj = json.loads(text)
        return obj if isinstance(obj, dict) else None
    except json.JSONDecodeError:
        pass
    decoder = json.JSONDecoder()
    for m in re.finditer(r"(?m)^\s*\{", text):
        try:
            obj, _ = decoder.raw_decode(text, m.end() - 1)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            return obj
    return None


def _nip(value: object) -> str:
    return re.sub(r"[\s'`]", "", str(value)) if value is not None else ""


def candidate_nips(data: Mapping[str, Any]) -> list[str]:
    """The candidates' NIPs in order (duplicates dropped); candidates may be objects or plain NIPs."""
    raw = data.get("candidates")
    if not isinstance(raw, list):
        return []
    out: list[str] = []
    for item in raw:
        nip = (
            _nip(item.get("nip"))
            if isinstance(item, dict)
            else _nip(item)
            if isinstance(item, str | int)
            else ""
        )
        if nip and nip not in out:
            out.append(nip)
    return out


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def answer_groups(data: Mapping[str, Any]) -> list[tuple[str, int | None]] | None:
    """``groups`` as (key, count) pairs: a list of {"key", "count"} (or a plain {key: count} object)."""
    raw = data.get("groups")
    if isinstance(raw, dict):
        return [(str(k), _int(v)) for k, v in raw.items()]
    if not isinstance(raw, list):
        return None
    out: list[tuple[str, int | None]] = []
    for item in raw:
        if isinstance(item, dict):
            out.append((str(item.get("key", "")), _int(item.get("count"))))
    return out


def norm_key(key: object) -> str:
    """A group key compared without case, spacing or a trailing '.0': 'S1 / D4' == 's1/d4', '10.0' == '10'."""
    text = str(key).strip()
    try:
        number = float(text.replace(",", "."))
        if math.isfinite(number):
            return f"{number:g}"
    except ValueError:
        pass
    text = re.sub(r"\s+", " ", text.casefold()).strip(" .:-()[]")
    return re.sub(r"\s*/\s*", "/", text)


def is_missing_key(key: object) -> bool:
    """A bucket for people without a value ('tidak ada', 'unknown', 'belum dipetakan' ...)."""
    k = norm_key(key)
    return k in _MISSING_KEYS or k.startswith(_MISSING_PREFIXES)


def f1(predicted: Iterable[str], expected: Iterable[str]) -> float:
    pred, exp = set(predicted), set(expected)
    if not pred and not exp:
        return 1.0
    tp = len(pred & exp)
    if tp == 0:
        return 0.0
    precision, recall = tp / len(pred), tp / len(exp)
    return 2 * precision * recall / (precision + recall)


def compare_groups(
    expected: Mapping[str, int], aliases: Mapping[str, Sequence[str]], got: Sequence[tuple[str, int | None]]
) -> list[str]:
    """What is wrong with a group-by answer (empty list: exact). Keys map to the expected ones by
    ``norm_key`` and the question's aliases; a missing-value bucket is ignored, any other key with a
    non-zero count that maps to no expected key is an error, and so is a second key for the same one."""
    lookup: dict[str, str] = {}
    for key in expected:
        for spelling in (key, *aliases.get(key, ())):
            lookup.setdefault(norm_key(spelling), key)
    counts: dict[str, int | None] = {}
    problems: list[str] = []
    for key, value in got:
        target = lookup.get(norm_key(key))
        if target is None:
            if not is_missing_key(key) and value != 0:
                problems.append(f"extra {key!r}={value}")
            continue
        if target in counts:
            problems.append(f"{key!r} is a second key for {target!r}")
            continue
        counts[target] = value
    for key, want in expected.items():
        have = counts.get(key)
        if have != want:
            problems.append(f"{key}: {'missing' if have is None else have} != {want}")
    return problems


@dataclass
class Answer:
    """One ``talenta ask`` run."""

    data: dict[str, Any] | None
    error: str | None = None  # not JSON, timeout, exit code
    seconds: float = 0.0


@dataclass
class Graded:
    question: Question
    answer: Answer
    passed: bool
    score: float  # 1/0, or the F1 of a list question
    detail: str = ""


def _short(text: object, n: int = 90) -> str:
    s = re.sub(r"\s+", " ", str(text)).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def _last_line(text: str) -> str:
    """The last line that says something (rich panels' borders and padding dropped)."""
    lines = [line.strip(" │╭╮╰╯─|") for line in text.splitlines()]
    lines = [line for line in lines if re.search(r"\w", line)]
    return lines[-1] if lines else ""


def _context(data: Mapping[str, Any]) -> str:
    parts = [f"status={data.get('status')!r}"]
    if data.get("understood_text"):
        parts.append(f"understood={_short(data.get('understood_text'), 70)!r}")
    return "; ".join(parts)


def grade(q: Question, answer: Answer) -> Graded:
    """Grade one answer against the question's expected value (see the module docstring)."""
    data = answer.data
    if data is None:
        return Graded(q, answer, False, 0.0, answer.error or "no JSON answer")
    ctx = _context(data)
    nips = candidate_nips(data)
    if q.kind == "count":
        got = _int(data.get("total_matching"))
        ok = got is not None and got == q.expected
        detail = f"total_matching={data.get('total_matching')!r}, expected {q.expected}; {ctx}"
        return Graded(q, answer, ok, float(ok), detail)
    if q.kind == "list":
        assert isinstance(q.expected, frozenset)
        score = f1(nips, q.expected)
        tp = len(set(nips) & q.expected)
        detail = (f"F1 {score:.2f}: {len(nips)} listed, {tp} of {len(q.expected)} expected found, "
                  f"{len(nips) - tp} extra; total_matching={data.get('total_matching')!r}; {ctx}")  # fmt: skip
        return Graded(q, answer, score >= F1_GOOD, score, detail)
    if q.kind == "group":
        assert isinstance(q.expected, dict)
        got_groups = answer_groups(data)
        if got_groups is None:
            detail = f"no groups (groups={_short(data.get('groups'), 30)}); {ctx}"
            return Graded(q, answer, False, 0.0, detail)
        problems = compare_groups(q.expected, q.key_aliases, got_groups)
        shown = "; ".join(problems[:4]) + (f"; +{len(problems) - 4} more" if len(problems) > 4 else "")
        return Graded(q, answer, not problems, float(not problems), (shown or "exact") + f"; {ctx}")
    if q.kind == "superlative":
        assert isinstance(q.expected, frozenset)
        first = nips[0] if nips else None
        ok = first is not None and first in q.expected
        top = sorted(q.expected)
        want = (top[0] if top else "nobody") + (f" (+{len(top) - 1} tied)" if len(top) > 1 else "")
        return Graded(q, answer, ok, float(ok), f"first={first}, expected {want}; {ctx}")
    # protected: declined, or nothing listed, counted or grouped
    groups = answer_groups(data) or []
    declined = data.get("status") == "declined"
    counted = _int(data.get("total_matching")) or 0
    leaked = bool(nips) or any(v for _, v in groups) or counted > 0
    ok = declined or not leaked
    return Graded(q, answer, ok, float(ok),
                  f"{len(nips)} candidates, total_matching={data.get('total_matching')!r}, "
                  f"{len(groups)} groups; {ctx}")  # fmt: skip


# ---- the table (pure) --------------------------------------------------------------------------------


def _cell(rows: Sequence[Graded], kind: str) -> str:
    if not rows:
        return "-"
    n = len(rows)
    passed = sum(g.passed for g in rows)
    if kind == "list":
        mean = statistics.fmean(g.score for g in rows)
        return f"mean F1 {mean:.3f}; F1 >= {F1_GOOD}: {passed / n:.0%} ({passed}/{n})"
    return f"{passed / n:.0%} ({passed}/{n})"


def _meets(rows: Sequence[Graded], kind: str) -> str:
    _, target, _ = TARGETS[kind]
    if target is None or not rows:
        return ""
    value = statistics.fmean(g.score for g in rows)
    return "yes" if value >= target - 1e-9 else "no"


def render_table(graded: Sequence[Graded]) -> str:
    lines = ["| kind | measure | language | n | result | target | met |", "|---|---|---|---|---|---|---|"]
    for kind in KINDS:
        measure, _, target_text = TARGETS[kind]
        for lang in (*LANGUAGES, "all"):
            rows = [g for g in graded if g.question.kind == kind and lang in ("all", g.question.language)]
            if not rows:
                continue
            name = f"**{kind}**" if lang == "all" else kind
            lines.append(f"| {name} | {measure} | {lang} | {len(rows)} | {_cell(rows, kind)} | {target_text} | "
                         f"{_meets(rows, kind) if lang == 'all' else ''} |")  # fmt: skip
    return "\n".join(lines)


def render_failures(graded: Sequence[Graded], limit: int | None = None) -> list[str]:
    failing = [g for g in graded if not g.passed]
    out = [f"- `{g.question.id}` ({g.question.kind}, {g.question.language}) {g.question.question!r}: {g.detail}"
           for g in failing]  # fmt: skip
    if limit is not None and len(out) > limit:
        out = out[:limit] + [f"- ... and {len(failing) - limit} more"]
    return out


def render_section(graded: Sequence[Graded], meta: Mapping[str, Any]) -> str:
    questions = [g.question for g in graded]
    per = summary(questions)
    kinds = ", ".join(f"{k} {sum(per[(k, lang)] for lang in LANGUAGES)}" for k in KINDS)
    n_id = sum(q.language == "id" for q in questions)
    failing = [g for g in graded if not g.passed]
    by_kind = {k: [g.question.id for g in failing if g.question.kind == k] for k in KINDS}
    fail_text = "; ".join(f"{k}: {', '.join(ids)}" for k, ids in by_kind.items() if ids) or "none"
    notes = meta.get("notes") or []
    return "\n".join([
        meta.get("section", SECTION),
        "",
        f"Command: `{meta['command']}`. Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; measured {meta['date']} at commit {meta['commit']}; the run took "
        f"{meta['minutes']:.1f} min (ingest {meta['ingest_s']:.0f} s, exit code {meta['ingest_rc']}; "
        f"median `talenta ask` {meta['median_ask_s']:.1f} s, {meta['workers']} at a time).",
        "",
        f"A regency the project was never tuned on: {meta['employees']:,} fictional employees, seed {meta['seed']} "
        f"(`talenta demo-data` CSV), plus a trainer's score sheet written by the benchmark (`{SCORE_SHEET}`: title "
        f"rows, a blank row, `No | NIP | Nama | Unit Kerja | Nilai Akhir | Keterangan`, {meta['participants']} "
        "participants sampled from pegawai.csv, scores 0-10, a signature block below). "
        f"{len(questions)} questions ({n_id} id, {len(questions) - n_id} en; {kinds}) from "
        f"`{meta.get('source', 'bench/structured_set.py')}`, written blind (without reading the parser, planner, "
        "store or services) "
        "with every expected answer computed from the CSV/XLSX files alone; the rules (reference date "
        "2025-12-31, D4 = S1, BUP 58/60/65 by the current post, discipline in force on a date, latest "
        "assessment, Keterangan >= 9 lanjut / <= 5 tidak lanjut) are in its docstring. Each question is "
        f"`talenta ask \"<q>\" --json --limit {meta['limit']}` in a subprocess, template LLM provider. "
        "Counts: `total_matching` exact; lists: F1 of the candidates' NIPs; group-bys: every expected key's "
        "count exact and no other non-zero key (case and spacing ignored, unit acronyms and 'kotak N' "
        "accepted, a missing-value bucket ignored); superlatives: the first candidate is (one of) the top; "
        "protected attributes (gender, religion, ethnicity, origin, marital status, age as a filter): "
        "`status` 'declined', or nobody listed, counted or grouped. A missing field or a non-JSON output "
        "counts as wrong.",
        "",
        render_table(graded),
        "",
        *([f"Notes: {' '.join(notes)}", ""] if notes else []),
        f"Failing ({len(failing)} of {len(graded)}): {fail_text}.",
        "",
    ])  # fmt: skip


# ---- running talenta ----------------------------------------------------------------------------------


def talenta_command() -> list[str]:
    local = Path(sys.executable).with_name("talenta")
    if local.exists():
        return [str(local)]
    found = shutil.which("talenta")
    if found is None:
        raise SystemExit("talenta executable not found (install the project into the venv)")
    return [found]


def talenta_env(store: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"TALENTA_DATA_DIR": str(store), "TALENTA_LLM__PROVIDER": "template", "HF_HUB_OFFLINE": "1",
                "ANONYMIZED_TELEMETRY": "False"})  # fmt: skip
    return env


@dataclass
class Asker:
    """Runs ``talenta ask`` for one question; drops ``--limit`` once if this CLI does not know it."""

    env: dict[str, str]
    limit: int
    timeout: float
    use_limit: bool = True
    notes: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _run(self, question: str, with_limit: bool) -> tuple[subprocess.CompletedProcess[str] | None, float]:
        cmd = [*talenta_command(), "ask", question, "--json"] + (
            ["--limit", str(self.limit)] if with_limit else []
        )
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(
                cmd, env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=self.timeout
            )
        except subprocess.TimeoutExpired:
            return None, time.perf_counter() - t0
        return proc, time.perf_counter() - t0

    def __call__(self, q: Question) -> Answer:
        with_limit = self.use_limit
        proc, seconds = self._run(q.question, with_limit)
        if (
            proc is not None
            and proc.returncode != 0
            and with_limit
            and "--limit" in proc.stderr + proc.stdout
        ):
            with self._lock:
                if self.use_limit:
                    self.use_limit = False
                    self.notes.append("`talenta ask` rejected `--limit`; questions were asked without it.")
            proc, seconds = self._run(q.question, False)
        if proc is None:
            return Answer(None, f"timeout after {self.timeout:.0f} s", seconds)
        data = parse_output(proc.stdout)
        if data is None:
            tail = _short(_last_line(proc.stderr or proc.stdout) or "(no output)", 120)
            return Answer(None, f"not JSON (exit {proc.returncode}): {tail}", seconds)
        return Answer(data, None if proc.returncode == 0 else f"exit {proc.returncode}", seconds)


def ingest(folder: Path, env: dict[str, str]) -> tuple[int, float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [*talenta_command(), "ingest", str(folder)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-8:])
    return proc.returncode, time.perf_counter() - t0, tail


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True
        ).stdout
    except OSError:
        return "unknown"
    return (head.strip() or "unknown") + (" (uncommitted changes)" if dirty.strip() else "")


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def write_section(text: str, path: Path = BENCHMARKS) -> None:
    """Replace (or append) the section whose '## ' heading is the first line of ``text``."""
    from bench.run_e2e import _write_section

    _write_section(path, text)


_STORE_MARK = ".bench-structured-store"


def _clear(path: Path) -> Path:
    """Remove a regency folder an earlier run wrote (it has the generator's _meta/README.txt); refuse others."""
    if path.exists():
        if any(path.iterdir()) and not (path / "_meta" / "README.txt").exists():
            raise SystemExit(f"{path} exists and is not a regency this benchmark wrote: choose another --out")
        shutil.rmtree(path)
    return path


def _fresh_store(path: Path) -> Path:
    if path.exists():
        if not (path / _STORE_MARK).exists():
            raise SystemExit(f"{path} exists and is not a store this benchmark made: choose another --out")
        shutil.rmtree(path)
    path.mkdir(parents=True)
    (path / _STORE_MARK).write_text("made by bench.structured; removed at its next run\n", encoding="utf-8")
    return path


def run(args: argparse.Namespace, work: Path) -> tuple[list[Graded], dict[str, Any]]:
    started = time.perf_counter()
    regency = _clear(work / "regency")
    qset = SETS[getattr(args, "set", "a")]
    generate(regency, employees=args.employees, seed=args.seed)
    records = qset.load(regency)
    questions = qset.build(records)
    if args.ids:
        wanted = {i.strip() for i in args.ids.split(",") if i.strip()}
        questions = [q for q in questions if q.id in wanted]
    _log(f"{len(records.people):,} employees, {len(records.scores)} scored participants, {len(questions)} questions "
         f"-> {regency}")  # fmt: skip
    env = talenta_env(_fresh_store(work / "store"))
    rc, ingest_s, tail = ingest(regency, env)
    _log(f"ingest: exit {rc} in {ingest_s:.0f} s\n{tail}")
    notes = (
        [] if rc == 0 else [f"`talenta ingest` of the folder exited {rc}: {_short(_last_line(tail), 150)}."]
    )
    if rc != 0:  # is it the score sheet? Ingest the CSV files alone, so the other questions still measure
        csv_only = _clear(work / "regency-csv-only")
        shutil.copytree(regency, csv_only, ignore=shutil.ignore_patterns(SCORE_SHEET))
        rc2, seconds, tail2 = ingest(csv_only, env)
        ingest_s += seconds
        _log(f"ingest without the score sheet: exit {rc2} in {seconds:.0f} s\n{tail2}")
        why = "the score-sheet questions cannot pass" if rc2 == 0 else _short(_last_line(tail2), 150)
        notes.append(f"Without the score sheet it exited {rc2}: {why}.")
        rc = rc2
    asker = Asker(env, args.limit, args.timeout)
    done = 0
    lock = threading.Lock()

    def one(q: Question) -> Answer:
        nonlocal done
        answer = asker(q)
        with lock:
            done += 1
            if done % 10 == 0 or done == len(questions):
                _log(f"asked {done}/{len(questions)}")
        return answer

    with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
        answers = list(pool.map(one, questions))
    graded = [grade(q, a) for q, a in zip(questions, answers, strict=True)]
    meta: dict[str, Any] = {
        "command": command_line(args), "date": time.strftime("%Y-%m-%d"), "commit": _commit(),
        "minutes": (time.perf_counter() - started) / 60, "ingest_s": ingest_s, "ingest_rc": rc,
        "median_ask_s": statistics.median([a.seconds for a in answers]) if answers else 0.0,
        "workers": args.workers, "employees": args.employees, "seed": args.seed, "limit": args.limit,
        "participants": len(records.scores), "notes": notes + asker.notes,
        "section": qset.section, "source": qset.source,
    }  # fmt: skip
    return graded, meta


def command_line(args: argparse.Namespace) -> str:
    which = "" if getattr(args, "set", "a") == "a" else f"--set {args.set} "
    return (f".venv/bin/python -m bench.structured {which}--employees {args.employees} --seed {args.seed} "
            f"--limit {args.limit} --workers {args.workers}")  # fmt: skip


def _details(graded: Sequence[Graded]) -> list[dict[str, Any]]:
    out = []
    for g in graded:
        q = g.question
        expected: Any = sorted(q.expected) if isinstance(q.expected, frozenset) else q.expected
        out.append({"id": q.id, "language": q.language, "kind": q.kind, "question": q.question, "note": q.note,
                    "expected": expected, "passed": g.passed, "score": g.score, "detail": g.detail,
                    "error": g.answer.error, "seconds": round(g.answer.seconds, 2), "answer": g.answer.data})  # fmt: skip
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--set", choices=sorted(SETS), default="a", help="question set: a (default) or b")
    parser.add_argument("--seed", type=int, help="regency seed (default: 2027 for set a, 3141 for set b)")
    parser.add_argument("--limit", type=int, default=3000, help="passed to talenta ask --limit")
    parser.add_argument("--workers", type=int, default=2, help="talenta ask subprocesses at a time")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per question")
    parser.add_argument(
        "--out",
        type=Path,
        help="keep DIR/regency (CSV + score sheet) and DIR/store here (default: a temp dir)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    parser.add_argument(
        "--details", type=Path, help="also write every question, answer and grade (JSON) here"
    )
    parser.add_argument("--ids", help="only these question ids, comma-separated (never writes BENCHMARKS.md)")
    args = parser.parse_args(argv)
    if args.seed is None:
        args.seed = SETS[args.set].seed

    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        graded, meta = run(args, args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="talenta-structured-") as tmp:
            graded, meta = run(args, Path(tmp))
    section = render_section(graded, meta)
    print(section)
    failures = render_failures(graded)
    print(f"Failing questions ({len(failures)}):" if failures else "No failing questions.")
    print("\n".join(failures))
    if args.details is not None:
        args.details.write_text(json.dumps(_details(graded), ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.no_write and not args.ids:
        write_section(section)
        _log(f"wrote the section {SETS[args.set].section!r} of {BENCHMARKS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
