"""Child servers for the benches and the tests (Talenta's API, Streamlit, `chroma run`, PostgreSQL): a free
port on the loopback, the end of a log, and a stop that waits before it kills."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
from pathlib import Path


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def tail(path: Path, n: int = 40) -> str:
    """The last ``n`` lines of a log ('' when there is none yet)."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.exists() else []
    return "\n".join(lines[-n:])


def stop(proc: subprocess.Popen, grace: float = 15.0, *, group: bool = False) -> None:
    """SIGTERM, then SIGKILL if the process is still there after ``grace`` seconds; ``group``: the kill goes to
    its whole process group (a process started with ``start_new_session`` that starts others, as `talenta ui`
    starts Streamlit)."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        if group:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.wait(timeout=10)
