"""Load on the real API: concurrent search and chat clients against `talenta serve`, and the rate limiter.

    .venv/bin/python -m bench.load [--clients 50] [--chat-clients 10] [--seconds 60] [--chat-seconds S]
                                  [--employees 2000] [--seed 42] [--cache DIR] [--write]

1. The store: the demo regency (`talenta demo-data --employees N --seed S`, then `talenta ingest`, both as
   subprocesses with ``TALENTA_DATA_DIR`` on a folder of their own). With ``--cache DIR`` it is built once
   there and reused by later runs; each run works on a copy, so its audit log starts empty.
2. The server: `talenta serve` on a free port of 127.0.0.1 (one uvicorn process, as shipped), template
   writer (``TALENTA_LLM__PROVIDER=template``), the audit key in the run's folder, and one API key per
   simulated client in ``TALENTA_API__KEYS`` (role ``bkpsdm``: scope ``all``, fields ``full``), each
   under the default per-key limit (``--rate``, 120 requests a minute): a client that waits for each
   answer before the next question stays far below it, so the load phases measure the service, not the
   limiter. Inherited ``TALENTA_*`` variables are dropped so every run has the same settings.
3. Phases, each bounded in time (``--seconds``, plus at most one request timeout for the answers under
   way) and in count (``--max-requests``), stopping by themselves:
   - **search**: ``--clients`` clients, each with its own connection and key, send ``POST /v1/search``
     (limit 10) back to back, questions drawn (seeded) from the Indonesian and English questions of
     ``bench/queries.py``;
   - **chat**: ``--chat-clients`` clients send ``POST /v1/chat`` (no conversation, template writer);
   - **rate limit**: one more key, 8 clients at once, until the limiter has answered 429 ten times: how
     many answers came before the first 429 (the bucket, plus what refilled meanwhile), that every 429
     carries ``Retry-After`` (whole seconds >= 1), and that one request after waiting that long gets 200.
   Before the search and chat phases one request of each kind is sent and not counted (the first
   answer also loads what a question needs). An error is any answer that is not 2xx (outside the rate
   limit phase), a 2xx whose body lacks what the route promises (``candidates`` / ``answer``), or an
   exception (timeout, connection). Latency is per request, from sending to the whole body read,
   over the 2xx answers; throughput is 2xx answers over the phase's wall time.
4. After the phases: `talenta audit verify` on the run's data dir (every answer is one signed, chained
   line, written by up to ``--clients`` threads at once), and that every 200 answer left exactly one
   audit line.
5. Prints a markdown table; ``--write`` replaces the part "### Load" of the section "Load and faults
   (issue 17)" of BENCHMARKS.md (the faults part is ``bench/crash_ingest.py``'s).

The load generator (asyncio + httpx, one thread) runs on the same machine as the server: on a 2-core
machine they share the cores; the figures say how much CPU other processes took during each phase.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import math
import os
import platform
import random
import secrets
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import processes

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "BENCHMARKS.md"
SECTION = "## Load and faults (issue 17)"
PART = "### Load"
PARTS = ("### Load", "### Faults")  # the order of the parts in the section
SECTION_INTRO = (
    "The real API under concurrent clients (`bench/load.py`) and the ingest killed with SIGKILL part way "
    "(`bench/crash_ingest.py`). Correctness is checked in both; no latency target is set, p95 is reported."
)
DEFAULT_RATE = 120  # TALENTA_API__RATE_PER_MINUTE's default
LIMIT_CLIENTS = 8
LIMIT_429S = 10  # the rate-limit phase stops after this many 429 answers
SEARCH_LIMIT = 10

Log = Callable[[str], None]


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def talenta_cli() -> list[str]:
    """The `talenta` command of this interpreter's environment."""
    script = Path(sys.executable).with_name("talenta")
    return (
        [str(script)] if script.exists() else [sys.executable, "-c", "from assistant.cli import app; app()"]
    )


def clean_env(**settings: str) -> dict[str, str]:
    """This process's environment without any TALENTA_* setting, offline, plus ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TALENTA_")}
    env.update(
        HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", PYTHONUNBUFFERED="1"
    )
    env.update(settings)
    return env


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def load_avg() -> float:
    return round(os.getloadavg()[0], 2)


def questions() -> list[str]:
    from bench.queries import QUERIES

    return [q.text for q in QUERIES]


# ---- the store ----------------------------------------------------------------------------------


def demo_store(employees: int, seed: int, folder: Path, log: Log = _log) -> Path:
    """The demo regency indexed by `talenta ingest` under ``folder`` (built once: a folder holding a
    finished store is reused). Returns its data dir."""
    source, data_dir, ready = folder / "demo", folder / "store", folder / "ready.json"
    if ready.exists():
        log(f"store: reusing {data_dir}")
        return data_dir
    shutil.rmtree(source, ignore_errors=True)
    shutil.rmtree(data_dir, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    env = clean_env(TALENTA_DATA_DIR=str(data_dir), TALENTA_AUDIT__KEY_PATH=str(folder / "audit.key"))
    cli = talenta_cli()
    subprocess.run([*cli, "demo-data", "--employees", str(employees), "--seed", str(seed), "--out", str(source)],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    log(f"store: ingesting {employees:,} demo employees into {data_dir} ...")
    started = time.perf_counter()
    done = subprocess.run([*cli, "ingest", str(source), "--json"], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)  # fmt: skip
    stats = json.loads(done.stdout.strip().splitlines()[-1])["stats"]
    ready.write_text(json.dumps({"employees": employees, "seed": seed, "ingest_s": round(time.perf_counter() - started, 1),
                                 "stats": stats}), encoding="utf-8")  # fmt: skip
    log(f"store: ingested in {time.perf_counter() - started:.0f} s")
    return data_dir


# ---- the server ---------------------------------------------------------------------------------


def make_keys(names: Sequence[str]) -> dict[str, str]:
    """A random API key per name (a development key of TALENTA_API__KEYS, 40+ characters)."""
    return {name: f"load-{name}-{secrets.token_urlsafe(32)}" for name in names}


@dataclass
class Server:
    url: str
    pid: int
    env: dict[str, str]
    log_path: Path

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (Linux /proc)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return math.nan


def machine_cpu_seconds() -> float:
    """CPU time spent by everything on the machine so far (all cores; Linux /proc/stat, idle and I/O wait
    left out)."""
    try:
        ticks = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return math.nan
    busy = sum(ticks[:8]) - ticks[3] - ticks[4]  # user nice system idle iowait irq softirq steal
    return busy / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def serve(data_dir: Path, keys: dict[str, str], run_dir: Path, rate: int = DEFAULT_RATE,
          start_timeout: float = 300.0) -> Iterator[Server]:  # fmt: skip
    """`talenta serve` on a free 127.0.0.1 port over ``data_dir``, with these keys (role bkpsdm)."""
    import httpx

    port = processes.free_port()
    env = clean_env(
        TALENTA_DATA_DIR=str(data_dir),
        TALENTA_LLM__PROVIDER="template",
        TALENTA_AUDIT__KEY_PATH=str(run_dir / "audit.key"),
        TALENTA_API__RATE_PER_MINUTE=str(rate),
        TALENTA_API__KEYS=json.dumps(
            {key: {"user": f"load-{name}", "role": "bkpsdm"} for name, key in keys.items()}
        ),
    )
    log_path = run_dir / "server.log"
    with log_path.open("wb") as out:
        proc = subprocess.Popen([*talenta_cli(), "serve", "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"talenta serve exited with {proc.returncode}:\n{processes.tail(log_path, 30)}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"talenta serve did not answer {url}/health in {start_timeout:.0f} s:\n{processes.tail(log_path, 30)}"
                )
            time.sleep(0.3)
        yield Server(url, proc.pid, env, log_path)
    finally:
        processes.stop(proc, grace=20)


# ---- one phase ----------------------------------------------------------------------------------


@dataclass
class Phase:
    name: str
    route: str
    clients: int
    seconds: float
    requests: int = 0
    ok: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    exceptions: Counter[str] = field(default_factory=Counter)
    bad_bodies: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    wall_s: float = 0.0
    load_start: float = 0.0
    load_end: float = 0.0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    machine_cpu_s: float = 0.0  # CPU time of every process on the machine in the phase
    retry_after: list[int] = field(default_factory=list)
    missing_retry_after: int = 0
    ok_before_first_429: int | None = None
    after_wait_status: int | None = None
    waited_s: float = 0.0

    @property
    def errors(self) -> int:
        """Answers that are not 2xx (a 429 counts only outside the rate-limit phase), bad bodies, exceptions."""
        allowed = {429} if self.name == "rate limit" else set()
        bad = sum(
            n for status, n in self.statuses.items() if not 200 <= status < 300 and status not in allowed
        )
        return bad + self.bad_bodies + sum(self.exceptions.values())

    def percentile(self, q: float) -> float:
        return percentile(self.latencies_ms, q)

    def summary(self) -> dict[str, Any]:
        return {
            "phase": self.name, "route": self.route, "clients": self.clients, "seconds": self.seconds,
            "requests": self.requests, "ok": self.ok, "errors": self.errors,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "exceptions": dict(self.exceptions), "bad_bodies": self.bad_bodies,
            "wall_s": round(self.wall_s, 2),
            "throughput": round(self.ok / self.wall_s, 2) if self.wall_s else 0.0,
            "p50_ms": round(self.percentile(0.50), 1), "p95_ms": round(self.percentile(0.95), 1),
            "p99_ms": round(self.percentile(0.99), 1),
            "max_ms": round(max(self.latencies_ms), 1) if self.latencies_ms else math.nan,
            "load_start": self.load_start, "load_end": self.load_end,
            "server_cpu_s": round(self.server_cpu_s, 1), "client_cpu_s": round(self.client_cpu_s, 1),
            "other_cpu_s": round(max(0.0, self.machine_cpu_s - self.server_cpu_s - self.client_cpu_s), 1),
            "retry_after": sorted(set(self.retry_after)), "missing_retry_after": self.missing_retry_after,
            "ok_before_first_429": self.ok_before_first_429, "after_wait_status": self.after_wait_status,
            "waited_s": round(self.waited_s, 1),
        }  # fmt: skip


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def search_body(question: str) -> dict[str, Any]:
    return {"query": question, "limit": SEARCH_LIMIT}


def chat_body(question: str) -> dict[str, Any]:
    return {"message": question}


def _body_ok(route: str, response: Any) -> bool:
    """The 2xx body holds what the route promises."""
    try:
        data = response.json()
    except ValueError:
        return False
    if route == "/v1/search":
        return isinstance(data.get("candidates"), list)
    return isinstance(data.get("answer"), str) and bool(data["answer"].strip())


async def _run_clients(phase: Phase, url: str, keys: Sequence[str], make_body: Callable[[str], dict[str, Any]],
                       questions: Sequence[str], seed: int, max_requests: int, timeout: float,
                       stop: Callable[[Phase], bool] | None = None) -> None:  # fmt: skip
    import httpx

    deadline = time.monotonic() + phase.seconds
    ok_sent: list[int] = []  # the send order of each answer 200, and of each 429
    refused_sent: list[int] = []

    async def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        key = keys[i % len(keys)]
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits,
                                     headers={"X-API-Key": key}) as http:  # fmt: skip
            while (
                time.monotonic() < deadline and phase.requests < max_requests and not (stop and stop(phase))
            ):
                phase.requests += 1
                sent = phase.requests
                body = make_body(rng.choice(questions))
                started = time.perf_counter()
                try:
                    response = await http.post(phase.route, json=body)
                    await response.aread()
                except httpx.HTTPError as exc:
                    phase.exceptions[type(exc).__name__] += 1
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                phase.statuses[response.status_code] += 1
                if response.status_code == 429:
                    refused_sent.append(sent)
                    value = response.headers.get("retry-after", "")
                    if value.isdigit() and int(value) >= 1:
                        phase.retry_after.append(int(value))
                    else:
                        phase.missing_retry_after += 1
                elif 200 <= response.status_code < 300:
                    if _body_ok(phase.route, response):
                        phase.ok += 1
                        phase.latencies_ms.append(elapsed)
                        ok_sent.append(sent)
                    else:
                        phase.bad_bodies += 1

    await asyncio.wait_for(asyncio.gather(*(client(i) for i in range(phase.clients))),
                           timeout=phase.seconds + timeout + 30)  # fmt: skip
    if refused_sent:  # answers 200 to the requests sent before the first one refused
        phase.ok_before_first_429 = sum(1 for n in ok_sent if n < min(refused_sent))


def run_phase(server: Server, name: str, route: str, clients: int, seconds: float, keys: Sequence[str],
              make_body: Callable[[str], dict[str, Any]], questions: Sequence[str], *, seed: int = 42,
              max_requests: int = 1_000_000, timeout: float = 60.0,
              stop: Callable[[Phase], bool] | None = None) -> Phase:  # fmt: skip
    """``clients`` concurrent clients on ``route`` for ``seconds`` (each with its own key from ``keys``)."""
    phase = Phase(name, route, clients, seconds)
    phase.load_start = load_avg()
    cpu0, own0, all0 = server.cpu_seconds(), time.process_time(), machine_cpu_seconds()
    started = time.perf_counter()
    asyncio.run(
        _run_clients(phase, server.url, keys, make_body, questions, seed, max_requests, timeout, stop)
    )
    phase.wall_s = time.perf_counter() - started
    phase.server_cpu_s = server.cpu_seconds() - cpu0
    phase.client_cpu_s = time.process_time() - own0
    phase.machine_cpu_s = machine_cpu_seconds() - all0
    phase.load_end = load_avg()
    return phase


def warm(server: Server, key: str, route: str, body: dict[str, Any], timeout: float = 120.0) -> float:
    """One uncounted request (the first answer of a kind also loads what it needs); its seconds."""
    import httpx

    started = time.perf_counter()
    response = httpx.post(f"{server.url}{route}", json=body, headers={"X-API-Key": key}, timeout=timeout)
    if response.status_code != 200:
        raise RuntimeError(f"warm-up {route} answered {response.status_code}: {response.text[:300]}")
    return time.perf_counter() - started


def rate_limit_phase(server: Server, key: str, rate: int, questions: Sequence[str], *, timeout: float = 60.0,
                     max_seconds: float = 120.0) -> Phase:  # fmt: skip
    """One key, several clients at once, until the limiter has answered 429 ``LIMIT_429S`` times; then one
    request after waiting ``Retry-After`` seconds."""
    import httpx

    cap = rate * 3 + 100  # far more than the bucket plus what refills while it drains
    phase = run_phase(server, "rate limit", "/v1/search", LIMIT_CLIENTS, max_seconds, [key],
                      lambda q: {"query": q, "limit": 1}, questions, seed=7, max_requests=cap, timeout=timeout,
                      stop=lambda p: p.statuses[429] >= LIMIT_429S)  # fmt: skip
    if phase.retry_after:
        phase.waited_s = float(max(phase.retry_after))
        time.sleep(phase.waited_s)
        response = httpx.post(f"{server.url}/v1/search", json={"query": questions[0], "limit": 1},
                              headers={"X-API-Key": key}, timeout=timeout)  # fmt: skip
        phase.after_wait_status = response.status_code
    return phase


# ---- audit --------------------------------------------------------------------------------------


def audit_check(data_dir: Path, env: dict[str, str]) -> dict[str, Any]:
    """`talenta audit verify` on the data dir (exit code and entries), and the lines per action."""
    done = subprocess.run([*talenta_cli(), "audit", "verify", "--json"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)  # fmt: skip
    try:
        verified = json.loads(done.stdout)
    except ValueError:
        verified = {}
    actions: Counter[str] = Counter()
    users: Counter[str] = Counter()
    for path in sorted(data_dir.glob("audit*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                actions[str(entry.get("action"))] += 1
                users[str(entry.get("user"))] += 1
    return {"exit": done.returncode, "entries": verified.get("entries", sum(actions.values())),
            "actions": dict(actions), "load_users": sum(n for u, n in users.items() if u.startswith("load-"))}  # fmt: skip


# ---- everything ---------------------------------------------------------------------------------


def measure(store: Path, *, clients: int, chat_clients: int, seconds: float, chat_seconds: float,
            rate: int = DEFAULT_RATE, max_requests: int = 1_000_000, timeout: float = 60.0, seed: int = 42,
            run_dir: Path, log: Log = _log) -> dict[str, Any]:  # fmt: skip
    """Copy ``store`` into ``run_dir``, serve it and run the three phases; the figures as a dict."""
    data_dir = run_dir / "store"
    shutil.copytree(store, data_dir)
    for leftover in data_dir.glob("audit*"):  # a store that served before: start the log afresh
        leftover.unlink()
    search_names = [f"search-{i:02d}" for i in range(clients)]
    chat_names = [f"chat-{i:02d}" for i in range(chat_clients)]
    keys = make_keys([*search_names, *chat_names, "limit"])
    asked = questions()
    result: dict[str, Any] = {"machine": machine(), "date": dt.date.today().isoformat(), "rate_per_minute": rate,
                              "questions": len(asked), "load_avg_start": load_avg()}  # fmt: skip
    started = time.perf_counter()
    with serve(data_dir, keys, run_dir, rate=rate) as server:
        result["server_start_s"] = round(time.perf_counter() - started, 1)
        result["people"] = _health(server)["people"]
        log(f"server: {server.url} up in {result['server_start_s']} s, {result['people']:,} people")
        result["warm_search_s"] = round(warm(server, keys["limit"], "/v1/search", search_body(asked[0])), 2)
        result["warm_chat_s"] = round(warm(server, keys["limit"], "/v1/chat", chat_body(asked[1])), 2)
        phases = []
        log(f"search: {clients} clients x {seconds:g} s ...")
        phases.append(run_phase(server, "search", "/v1/search", clients, seconds, [keys[n] for n in search_names],
                                search_body, asked, seed=seed, max_requests=max_requests, timeout=timeout))  # fmt: skip
        log(f"chat: {chat_clients} clients x {chat_seconds:g} s ...")
        phases.append(run_phase(server, "chat", "/v1/chat", chat_clients, chat_seconds, [keys[n] for n in chat_names],
                                chat_body, asked, seed=seed + 1, max_requests=max_requests, timeout=timeout))  # fmt: skip
        log("rate limit: one key until 429 ...")
        # The warm-ups took two tokens of this key: let them refill (2 tokens at rate/60 per second).
        time.sleep(min(5.0, 2 * 60 / rate + 0.5))
        phases.append(rate_limit_phase(server, keys["limit"], rate, asked, timeout=timeout))
        result["health_after"] = _health(server)["status"]
    result["phases"] = [p.summary() for p in phases]
    # Every 200 answer (the two warm-ups and the request after the wait included) is one audit line.
    result["answered"] = 2 + sum(p.ok for p in phases) + (phases[-1].after_wait_status == 200)
    result["audit"] = audit_check(data_dir, server.env)
    result["load_avg_end"] = load_avg()
    return result


def _health(server: Server) -> dict[str, Any]:
    import httpx

    return dict(httpx.get(f"{server.url}/health", timeout=30).json())


def problems(result: dict[str, Any]) -> list[str]:
    """What went wrong: errors in any phase, a limiter that did not answer 429 with Retry-After, a
    request after the wait that did not get 200, a broken audit chain."""
    found = []
    for p in result["phases"]:
        if p["errors"]:
            found.append(f"{p['phase']}: {p['errors']} errors ({p['statuses']}, exceptions {p['exceptions']}, "
                         f"bad bodies {p['bad_bodies']})")  # fmt: skip
        if p["phase"] != "rate limit" and not p["ok"]:
            found.append(f"{p['phase']}: no answer")
    limit = next(p for p in result["phases"] if p["phase"] == "rate limit")
    if limit["statuses"].get("429", 0) < 1:
        found.append("rate limit: no 429")
    if limit["missing_retry_after"]:
        found.append(f"rate limit: {limit['missing_retry_after']} answers 429 without a valid Retry-After")
    if limit["after_wait_status"] != 200:
        found.append(f"rate limit: after waiting Retry-After the request got {limit['after_wait_status']}")
    if result["audit"]["exit"] != 0:
        found.append(f"audit verify exited {result['audit']['exit']}")
    if result["audit"]["load_users"] != result["answered"]:
        found.append(
            f"audit: {result['audit']['load_users']} lines by the load keys for {result['answered']} answers 200"
        )
    return found


# ---- BENCHMARKS.md ------------------------------------------------------------------------------


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:,.0f} ms"


def _per_answer(phase: dict[str, Any]) -> str:
    return f"{phase['server_cpu_s'] / phase['ok'] * 1000:.0f} ms" if phase["ok"] else "-"


def _queueing(phase: dict[str, Any]) -> str:
    """Clients that send back to back wait in line: the mean time in the server is clients / throughput."""
    if not phase["throughput"]:
        return ""
    return (f"{phase['phase']}: {phase['clients']} clients / {phase['throughput']:.1f} answers/s = "
            f"{phase['clients'] / phase['throughput']:.2f} s per request on average")  # fmt: skip


def render(result: dict[str, Any], command: str) -> str:
    phases = {p["phase"]: p for p in result["phases"]}
    search, chat, limit = phases["search"], phases["chat"], phases["rate limit"]
    rows = []
    for p in (search, chat):
        others = ", ".join(f"{k}: {v}" for k, v in p["statuses"].items() if k != "200") or "none"
        rows.append(
            f"| {p['phase']} (`POST {p['route']}`) | {p['clients']} x {p['seconds']:g} s | {p['requests']:,} | "
            f"{p['errors']} (non-200: {others}; exceptions: {sum(p['exceptions'].values())}) | "
            f"{p['throughput']:.1f}/s | {_ms(p['p50_ms'])} | {_ms(p['p95_ms'])} | {_ms(p['p99_ms'])} | "
            f"{_ms(p['max_ms'])} | {p['server_cpu_s']:.0f} s ({_per_answer(p)}) | {p['other_cpu_s']:.0f} s | "
            f"{p['load_start']:.2f} / {p['load_end']:.2f} |"
        )
    audit = result["audit"]
    found = problems(result)
    other = max(p["other_cpu_s"] / p["wall_s"] for p in (search, chat) if p["wall_s"])
    note = (f"load average (1 min) {result['load_avg_start']:.2f} when the run began; other processes used "
            f"{other:.2f} cores on average in the busier phase"
            + (" (other jobs shared the machine: the latencies are indicative only)" if other > 0.25 else ""))  # fmt: skip
    lines = [
        PART,
        "",
        f"Command: `{command}`. Machine: {result['machine']}; measured {result['date']}; {note}. The load "
        "generator (asyncio + httpx, one thread) shares the cores with the server.",
        "",
        f"`talenta serve` (one uvicorn process, template writer) on 127.0.0.1 over the demo regency "
        f"({result['people']:,} people in the store), started in {result['server_start_s']:.0f} s. Each client has "
        f"its own connection and its own API key (`TALENTA_API__KEYS`, role bkpsdm), under the default per-key "
        f"limit of {result['rate_per_minute']} requests a minute (the limit was not raised: a client waits for "
        "each answer, which keeps it far below the limit). Clients send back to back (no pause), questions drawn "
        f"from the {result['questions']} Indonesian and English questions of `bench/queries.py`; search with "
        f"limit {SEARCH_LIMIT}, chat without a conversation. One uncounted request of each kind first "
        f"(search {result['warm_search_s']:.1f} s, chat {result['warm_chat_s']:.1f} s). Latency: sending to the "
        "whole body read, over the 200 answers; throughput: 200 answers over the phase's wall time; server CPU: "
        "the server process's CPU seconds in the phase; other processes' CPU: the machine's CPU seconds in the phase "
        "less the server's and the load generator's (other jobs, and the kernel).",
        "",
        "| phase | clients x time | requests | errors | throughput | p50 | p95 | p99 | max | server CPU (per answer) | other processes' CPU | load avg start / end |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "Clients send back to back, so above what the server answers per second they wait in line (Little's law: "
        f"{_queueing(search)}; {_queueing(chat)}); the server process used about "
        f"{search['server_cpu_s'] / search['wall_s']:.1f} of the {os.cpu_count()} cores in the search phase and "
        f"{chat['server_cpu_s'] / chat['wall_s']:.1f} in the chat phase (one uvicorn process; the load generator "
        f"used {search['client_cpu_s'] / search['wall_s']:.2f} and {chat['client_cpu_s'] / chat['wall_s']:.2f}).",
        "",
        f"Rate limit (one key, {LIMIT_CLIENTS} clients at once, `POST /v1/search` limit 1, until {LIMIT_429S} "
        f"answers 429): {limit['requests']} requests in {limit['wall_s']:.1f} s, "
        f"{limit['statuses'].get('200', 0)} answered 200 and {limit['statuses'].get('429', 0)} answered 429; the "
        f"requests sent before the first refused one got {limit['ok_before_first_429']} answers 200 (the bucket of "
        f"{result['rate_per_minute']} plus what refilled meanwhile, give or take the {LIMIT_CLIENTS} in flight at once); every 429 carried `Retry-After` "
        f"({', '.join(map(str, limit['retry_after'])) or '-'} s; missing or invalid: {limit['missing_retry_after']}); "
        f"after waiting {limit['waited_s']:g} s the next request got {limit['after_wait_status']}; other errors: "
        f"{limit['errors']}.",
        "",
        f"Audit log after the run: {audit['entries']:,} entries ({', '.join(f'{k} {v:,}' for k, v in sorted(audit['actions'].items()))}); "
        f"{audit['load_users']:,} of them by the load keys, for {result['answered']:,} answers 200 (warm-ups "
        f"included); `talenta audit verify` exit {audit['exit']} (0 = chain and signatures intact, written by up "
        f"to {search['clients']} threads at once).",
        "",
        "Target (stated, not asserted by any test): 0 errors in the search and chat phases: "
        + ("**met**." if not search["errors"] and not chat["errors"] else "**not met**.")
        + (" Problems: " + "; ".join(found) + "." if found else "")
        + " No latency target is set; p95 is reported.",
        "",
    ]
    return "\n".join(lines)


def write_part(part: str, path: Path = BENCHMARKS) -> None:
    """Replace the '### ' part (its first line names it) inside the section ``SECTION`` of ``path``, or
    add it at the section's end; the section is added at the end of the file if missing. Nothing else
    in the file changes."""
    heading = part.splitlines()[0]
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if SECTION not in text:
        text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{SECTION_INTRO}\n"
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    end = len(text) if end == -1 else end + 1
    section = text[start:end]
    if heading in section:
        at = section.index(heading)
        nxt = section.find("\n### ", at + len(heading))
        stop = len(section) if nxt == -1 else nxt + 1
        section = section[:at] + part.rstrip("\n") + "\n" + ("\n" if nxt != -1 else "") + section[stop:]
    else:  # a new part goes before the parts named after it in PARTS, else at the end
        later = (
            [section.index(h) for h in PARTS[PARTS.index(heading) + 1 :] if h in section]
            if heading in PARTS
            else []
        )
        if later:
            at = min(later)
            section = section[:at] + part.rstrip("\n") + "\n\n" + section[at:]
        else:
            section = section.rstrip("\n") + "\n\n" + part.rstrip("\n") + "\n"
    if end < len(text):
        section = section.rstrip("\n") + "\n\n"
    path.write_text(text[:start] + section + text[end:], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent search clients")
    parser.add_argument("--chat-clients", type=int, default=10, help="concurrent chat clients")
    parser.add_argument(
        "--seconds", type=float, default=60.0, help="length of the search phase (and of chat)"
    )
    parser.add_argument(
        "--chat-seconds", type=float, default=None, help="length of the chat phase (default --seconds)"
    )
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--rate", type=int, default=DEFAULT_RATE, help="TALENTA_API__RATE_PER_MINUTE for the server"
    )
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="most requests per phase")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds per request before it counts as an error"
    )
    parser.add_argument(
        "--cache", type=Path, default=None, help="build the demo store here once and reuse it"
    )
    parser.add_argument(
        "--store", type=Path, default=None, help="serve a copy of this data dir instead of the demo"
    )
    parser.add_argument(
        "--write", action="store_true", help="replace the load part of BENCHMARKS.md's section"
    )
    args = parser.parse_args()
    chat_seconds = args.seconds if args.chat_seconds is None else args.chat_seconds

    with tempfile.TemporaryDirectory(prefix="talenta-load-") as tmp:
        work = Path(tmp)
        store = args.store or demo_store(args.employees, args.seed,
                                         (args.cache or work) / f"demo-{args.employees}-{args.seed}")  # fmt: skip
        result = measure(store, clients=args.clients, chat_clients=args.chat_clients, seconds=args.seconds,
                         chat_seconds=chat_seconds, rate=args.rate, max_requests=args.max_requests,
                         timeout=args.timeout, seed=args.seed, run_dir=work / "run")  # fmt: skip
    command = " ".join(shlex.quote(a) for a in [".venv/bin/python", "-m", "bench.load", *sys.argv[1:]])
    text = render(result, command)
    print(json.dumps(result, ensure_ascii=False))
    print(text)
    if args.write:
        write_part(text)
        _log(f"wrote the part {PART!r} of {SECTION!r} in {BENCHMARKS}")
    if problems(result):
        sys.exit(1)


if __name__ == "__main__":
    main()
