"""Audit log: who asked, what, which people were shown. JSON lines, each entry chained to the last
by a SHA-256 hash so an edit or a deleted line is detectable (``verify``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.domain.identity import Caller

GENESIS = "0" * 64


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._last: str | None = None

    def record(
        self,
        caller: Caller,
        action: str,
        query: str | None = None,
        nips: Sequence[str] = (),
        **extra: Any,
    ) -> dict[str, Any]:
        with self._lock:
            prev = self._last or self._read_last_hash()
            entry = {
                "ts": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                "user": caller.user,
                "role": caller.role,
                **({"unit": caller.unit_kerja} if caller.unit_kerja else {}),
                "action": action,
                "query": query,
                "nips": list(nips),
                **extra,
                "prev": prev,
            }
            entry["hash"] = _digest(entry)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._last = entry["hash"]
            return entry

    def entries(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        with self.path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    def verify(self) -> bool:
        prev = GENESIS
        for entry in self.entries():
            body = {k: v for k, v in entry.items() if k != "hash"}
            if entry.get("prev") != prev or _digest(body) != entry.get("hash"):
                return False
            prev = entry["hash"]
        return True

    def _read_last_hash(self) -> str:
        if not self.path.exists():
            return GENESIS
        last = GENESIS
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    last = json.loads(line).get("hash", last)
        return last


def _digest(entry: dict[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
