"""A throwaway PostgreSQL server for the tests, from Debian's `postgresql` package (`make postgres`).

`temporary_postgres(base_dir)` runs initdb into a fresh directory, starts the server on 127.0.0.1 at a free
port (no durability: fsync, full-page writes and synchronous commit are off), creates `talenta_test` and
yields its SQLAlchemy URL; on exit it stops the server and removes the directory. The server refuses to run
as root, so under root it runs as the `postgres` system user (the one Debian's package creates).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from bench.processes import free_port

DATABASE = "talenta_test"
SUPERUSER = "postgres"  # the cluster's superuser, and under root the system user the server runs as
HOST = "127.0.0.1"
START_TIMEOUT = 30.0
SOCKET_PATH_MAX = 107  # sun_path on Linux is 108 bytes, NUL included
SERVER_SETTINGS = {"fsync": "off", "full_page_writes": "off", "synchronous_commit": "off"}


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server can be started here (binaries or the `postgres` user are missing)."""


def _version_key(initdb: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in Path(initdb).parents[1].name.split("."))
    except ValueError:
        return (-1,)


def find_bindir() -> Path:
    """The newest /usr/lib/postgresql/*/bin holding initdb, else `pg_config --bindir`."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    if found:
        return Path(found[-1]).parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        bindir = Path(result.stdout.strip())
        if result.returncode == 0 and (bindir / "initdb").is_file():
            return bindir
    raise PostgresUnavailable(
        "no PostgreSQL server binaries (initdb) in /usr/lib/postgresql/*/bin or `pg_config --bindir`: "
        "run `make postgres` (installs Debian's postgresql package)"
    )


def _as_root() -> bool:
    return os.geteuid() == 0


def _server_cmd(cmd: Sequence[str | Path]) -> list[str]:
    """Under root, run cmd as the `postgres` system user (initdb and the server refuse root)."""
    args = [str(arg) for arg in cmd]
    if not _as_root():
        return args
    if shutil.which("runuser"):
        return ["runuser", "-u", SUPERUSER, "--", *args]
    return ["su", SUPERUSER, "-s", "/bin/sh", "-c", shlex.join(args)]


def _clean_env() -> dict[str, str]:
    # PGHOST, PGPORT, PGDATA, PGSSLMODE... from the caller's shell must not redirect the throwaway server.
    return {key: value for key, value in os.environ.items() if not key.startswith("PG")}


def _private_dir(parent: Path | None, prefix: str) -> Path:
    """A fresh 0700 directory the server's user owns and can reach (under root: the `postgres` user)."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    if _as_root():
        try:
            user = pwd.getpwnam(SUPERUSER)
        except KeyError:
            shutil.rmtree(path, ignore_errors=True)
            raise PostgresUnavailable(
                f"running as root needs the `{SUPERUSER}` system user to run the server: run `make postgres`"
            ) from None
        os.chown(path, user.pw_uid, user.pw_gid)
        reachable = subprocess.run(_server_cmd(["test", "-w", path, "-a", "-x", path]), cwd="/", check=False)
        if reachable.returncode != 0:
            shutil.rmtree(path, ignore_errors=True)
            if parent is None:
                raise PostgresUnavailable(f"the `{SUPERUSER}` user cannot reach {tempfile.gettempdir()}")
            # pytest's basetemp is 0700 root: postgres cannot get in, so use the system temp dir instead.
            return _private_dir(None, f"talenta-{prefix}")
    return path


def _log_text(log_path: Path) -> str:
    try:
        return log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
    except OSError as exc:
        return f"(no server log: {exc})"


class _PortTaken(Exception):
    """Another process took the chosen port between picking it and the server binding it."""


def _start(
    bindir: Path, data: Path, sock_dir: Path, log_path: Path, work: Path
) -> tuple[subprocess.Popen, int]:
    """Start the server on a free port; retry when another process took the port in between."""
    for _attempt in range(3):
        port = free_port(HOST)
        settings = {"listen_addresses": HOST, "port": str(port), "unix_socket_directories": str(sock_dir)}
        options = [f"--{name}={value}" for name, value in {**settings, **SERVER_SETTINGS}.items()]
        with log_path.open("wb") as log:  # one attempt's log, so a bind error is this attempt's
            proc = subprocess.Popen(
                _server_cmd([bindir / "postgres", "-D", data, *options]),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=work,
                env=_clean_env(),
                start_new_session=True,  # one process group to kill if a clean stop fails
            )
        try:
            _wait_ready(bindir, port, proc, log_path)
            return proc, port
        except _PortTaken:
            _stop(bindir, data, proc, work)
        except BaseException:
            _stop(bindir, data, proc, work)
            raise
    raise RuntimeError(f"PostgreSQL found no free port in 3 attempts; server log:\n{_log_text(log_path)}")


def _wait_ready(bindir: Path, port: int, proc: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    isready = [bindir / "pg_isready", "-q", "-h", HOST, "-p", str(port), "-U", SUPERUSER, "-d", "postgres"]
    while True:
        if proc.poll() is not None:
            log = _log_text(log_path)
            if "could not bind" in log and "already in use" in log:
                raise _PortTaken
            raise RuntimeError(
                f"PostgreSQL exited during start-up (code {proc.returncode}); server log:\n{log}"
            )
        result = subprocess.run([*isready, "-t", "1"], env=_clean_env(), capture_output=True, check=False)
        if result.returncode == 0:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"PostgreSQL not ready on {HOST}:{port} after {START_TIMEOUT:.0f} s; server log:\n{_log_text(log_path)}"
            )
        time.sleep(0.05)


def _stop(bindir: Path, data: Path, proc: subprocess.Popen, work: Path) -> None:
    """`pg_ctl stop -m fast`; if the server is still there after that, kill its process group."""
    if proc.poll() is None:
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            subprocess.run(
                _server_cmd([bindir / "pg_ctl", "stop", "-D", data, "-m", "fast", "-w", "-t", "15"]),
                cwd=work,
                env=_clean_env(),
                capture_output=True,
                timeout=20,
                check=False,
            )
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@contextlib.contextmanager
def temporary_postgres(base_dir: Path) -> Iterator[str]:
    """A fresh PostgreSQL cluster under base_dir; yields `postgresql+psycopg://postgres@127.0.0.1:<port>/talenta_test`."""
    bindir = find_bindir()
    base_dir.mkdir(parents=True, exist_ok=True)
    work = _private_dir(base_dir, "pg-")
    cleanup = [work]
    try:
        sock_dir = work / "sock"
        if len(str(sock_dir)) + len("/.s.PGSQL.65535") > SOCKET_PATH_MAX:
            sock_dir = _private_dir(None, "talenta-pgsock-")  # a deep base_dir would overflow the socket path
            cleanup.append(sock_dir)
        else:
            sock_dir.mkdir()
            if _as_root():
                shutil.chown(sock_dir, SUPERUSER, SUPERUSER)
        data = work / "data"
        log_path = work / "server.log"
        initdb = [
            bindir / "initdb",
            "-D",
            data,
            "-U",
            SUPERUSER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ]
        result = subprocess.run(
            _server_cmd(initdb),
            cwd=work,
            env=_clean_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"initdb failed (code {result.returncode}):\n{result.stdout}{result.stderr}")
        proc, port = _start(bindir, data, sock_dir, log_path, work)
        try:
            created = subprocess.run(
                [bindir / "createdb", "-h", HOST, "-p", str(port), "-U", SUPERUSER, DATABASE],
                env=_clean_env(),
                capture_output=True,
                text=True,
                check=False,
            )
            if created.returncode != 0:
                raise RuntimeError(f"createdb {DATABASE} failed: {created.stderr.strip()}")
            yield f"postgresql+psycopg://{SUPERUSER}@{HOST}:{port}/{DATABASE}"
        finally:
            _stop(bindir, data, proc, work)
    finally:
        for path in cleanup:
            shutil.rmtree(path, ignore_errors=True)
