"""Audit log: who asked, what, which people were shown, and a proof that nobody changed it since.

JSON lines in ``$TALENTA_DATA_DIR/audit.jsonl``. Each entry carries ``prev`` (the previous entry's hash),
``hash`` (SHA-256 of the entry without ``hash`` and ``sig``) and ``sig`` (HMAC-SHA256 of the hash with a
key kept outside the data dir), so an edited field, a deleted, inserted or reordered line, or a chain
recomputed without the key is found by ``verify()``. A signed head (``audit.head.json``) names the last
entry written, so lines cut off the end are found too. Past ``rotate_bytes`` the file is renamed to
``audit-YYYYMMDDTHHMMSS.jsonl`` and the chain goes on in a new file; ``entries()``, ``viewers()`` and
``verify()`` walk the rotated files, oldest first, then the current one. An OS lock (``audit.lock``)
around read-last-hash + append keeps threads and processes (API workers, the UI, the CLI) from forking
the chain.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from assistant.domain.identity import Caller

if TYPE_CHECKING:
    from assistant.config import Settings

logger = logging.getLogger(__name__)

GENESIS = "0" * 64
MIN_KEY_CHARS = 32
_ENTRY_CONTEXT = b"talenta-audit-entry-v1:"
_HEAD_CONTEXT = b"talenta-audit-head-v1:"

Reason = Literal["edited", "deleted_or_inserted", "reordered", "broken_link", "bad_signature", "unparseable"]

REASONS: dict[str, str] = {
    "edited": "entri diubah",
    "deleted_or_inserted": "baris dihapus atau disisipkan",
    "reordered": "urutan baris diubah",
    "broken_link": "tautan rantai antarberkas putus",
    "bad_signature": "tanda tangan tidak sah",
    "unparseable": "baris tidak dapat dibaca",
}


class AuditKeyError(ValueError):
    """The audit key is missing, unreadable, too short or inside the data dir (production refuses to start)."""


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain does not hold: file, line (1-based), the entry's timestamp, why."""

    file: Path
    line: int
    ts: str | None
    reason: Reason
    detail: str

    @property
    def label(self) -> str:
        return REASONS[self.reason]

    def as_dict(self) -> dict[str, Any]:
        return {"file": str(self.file), "line": self.line, "ts": self.ts, "reason": self.reason,
                "label": self.label, "detail": self.detail}  # fmt: skip


@dataclass(frozen=True)
class Verification:
    """What ``AuditLog.verify()`` found. True in a boolean context when the chain is intact."""

    ok: bool
    entries: int
    files: tuple[Path, ...]
    signatures_checked: bool
    signed: int
    unsigned_until: tuple[Path, int] | None = None  # a log written before signing: its last unsigned line
    first_break: ChainBreak | None = None

    def __bool__(self) -> bool:
        return self.ok

    @property
    def unproven(self) -> bool:
        """Signed entries, but no key to check them with."""
        return self.signed > 0 and not self.signatures_checked

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "files": [str(f) for f in self.files],
            "signatures_checked": self.signatures_checked,
            "signed": self.signed,
            "unsigned_until": {"file": str(self.unsigned_until[0]), "line": self.unsigned_until[1]}
            if self.unsigned_until
            else None,
            "first_break": self.first_break.as_dict() if self.first_break else None,
        }


@dataclass(frozen=True)
class _Line:
    file: Path
    line: int
    entry: dict[str, Any] | None  # None: not JSON
    error: str = ""

    @property
    def ts(self) -> str | None:
        return str(self.entry["ts"]) if self.entry and "ts" in self.entry else None


class AuditLog:
    """Append-only, hash-chained, optionally signed (``key``) and rotated (``rotate_bytes``; 0: never).

    ``AuditLog(path)`` signs nothing (tests, tools reading a copy); ``AuditLog.from_settings`` is what
    the application builds: with the key from ``TALENTA_AUDIT__KEY_PATH``, required in production.
    """

    def __init__(self, path: Path, key: bytes | None = None, rotate_bytes: int = 0) -> None:
        self.path = Path(path)
        self.key = key
        self.rotate_bytes = rotate_bytes
        self.head_path = self.path.with_name(f"{self.path.stem}.head.json")
        self.lock_path = self.path.with_name(f"{self.path.stem}.lock")
        self._rotated = re.compile(
            rf"^{re.escape(self.path.stem)}-(\d{{8}}T\d{{6}})(?:\.(\d+))?{re.escape(self.path.suffix)}$"
        )
        self._lock = threading.Lock()
        # (device, inode, size) of the current file after our last append -> that entry's hash
        self._cache: tuple[int, int, int, str] | None = None

    @classmethod
    def from_settings(cls, settings: Settings, *, create_key: bool = True) -> AuditLog:
        """The application's log: signed with the key at ``settings.audit.key_path`` (created 0600 in dev
        mode when missing and ``create_key``), rotated past ``settings.audit.rotate_mb``. Raises
        ``AuditKeyError`` in production when the key is missing or inside the data dir."""
        key = load_key(settings.audit.key_path, settings.data_dir, production=settings.env == "production",
                       create=create_key)  # fmt: skip
        return cls(settings.audit_path, key=key, rotate_bytes=round(settings.audit.rotate_mb * 1024 * 1024))

    # ---- writing ---------------------------------------------------------------------------------

    def record(
        self,
        caller: Caller,
        action: str,
        query: str | None = None,
        nips: Sequence[str] = (),
        **extra: Any,
    ) -> dict[str, Any]:
        """Append one entry (who, role, unit, action, query, people shown, extras), chained and signed."""
        with self._lock, self._locked(shared=False):
            self._rotate_if_due()
            prev, newline_first = self._prev()
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
            if self.key is not None:
                entry["sig"] = _sign(self.key, _ENTRY_CONTEXT, entry["hash"])
            data = ("\n" if newline_first else "") + json.dumps(entry, ensure_ascii=False) + "\n"
            with self.path.open("ab") as fh:
                fh.write(data.encode("utf-8"))
                fh.flush()
                st = os.fstat(fh.fileno())
            self._cache = (st.st_dev, st.st_ino, st.st_size, entry["hash"])
            if self.key is not None:
                self._write_head(entry)
            return entry

    def _rotate_if_due(self) -> None:
        if not self.rotate_bytes:
            return
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size < self.rotate_bytes:
            return
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.stem}-{stamp}{self.path.suffix}")
        n = 0
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}-{stamp}.{n}{self.path.suffix}")
        os.rename(self.path, target)
        logger.info("audit log rotated to %s", target)

    def _prev(self) -> tuple[str, bool]:
        """The last entry's hash (across files) and whether the current file lacks its final newline."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            st = None
        if (
            st is not None
            and self._cache is not None
            and self._cache[:3] == (st.st_dev, st.st_ino, st.st_size)
        ):
            return self._cache[3], False
        newline_first = False
        if st is not None and st.st_size:
            newline_first = not _ends_with_newline(self.path)
        for file in reversed(self.files()):
            last = _last_hash_in(file)
            if last is not None:
                return last, newline_first
        return GENESIS, newline_first

    def _write_head(self, entry: dict[str, Any]) -> None:
        assert self.key is not None
        head = {
            "hash": entry["hash"],
            "ts": entry["ts"],
            "sig": _sign(self.key, _HEAD_CONTEXT, entry["hash"]),
        }
        tmp = self.head_path.with_name(self.head_path.name + ".tmp")
        tmp.write_text(json.dumps(head) + "\n", encoding="utf-8")
        os.replace(tmp, self.head_path)

    @contextmanager
    def _locked(self, shared: bool) -> Iterator[None]:
        """An exclusive (writing) or shared (reading) flock on ``audit.lock``, held across processes. A
        reader of a read-only copy proceeds without it."""
        fd: int | None = None
        if not shared:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if not shared or self.path.parent.is_dir():
            try:
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                if not shared:
                    raise
        try:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
            yield
        finally:
            if fd is not None:
                os.close(fd)  # closing releases the lock

    # ---- reading ---------------------------------------------------------------------------------

    def files(self) -> list[Path]:
        """The log's files in chain order: rotated ones (oldest first), then the current one."""
        rotated: list[tuple[str, int, Path]] = []
        if self.path.parent.is_dir():
            for candidate in self.path.parent.iterdir():
                m = self._rotated.match(candidate.name)
                if m and candidate.is_file():
                    rotated.append((m.group(1), int(m.group(2) or 0), candidate))
        ordered = [p for *_, p in sorted(rotated)]
        return ordered + ([self.path] if self.path.is_file() else [])

    def entries(self) -> list[dict[str, Any]]:
        """Every readable entry across the rotated files and the current one, in order. A line that is not
        JSON is skipped with a warning (``verify()`` reports it)."""
        out: list[dict[str, Any]] = []
        for ln in self._lines():
            if ln.entry is None:
                logger.warning("audit log %s line %d unreadable, skipped", ln.file, ln.line)
            else:
                out.append(ln.entry)
        return out

    def viewers(self, nip: str, actions: Collection[str] | None = None) -> list[dict[str, Any]]:
        """Everyone who was shown this person (a profile, a search result, a comparison...), oldest first:
        ts, user, role, unit, action, query. ``actions`` keeps only those actions (e.g. ``{"profile"}``)."""
        return [
            {
                "ts": e.get("ts"),
                "user": e.get("user"),
                "role": e.get("role"),
                "unit": e.get("unit"),
                "action": e.get("action"),
                "query": e.get("query"),
            }  # fmt: skip
            for e in self.entries()
            if nip in (e.get("nips") or []) and (actions is None or e.get("action") in actions)
        ]

    def shown_to(self, user: str) -> list[dict[str, Any]]:
        """What a user was shown, oldest first: the entries by that user that name people (ts, role, unit,
        action, query, nips)."""
        return [
            {
                "ts": e.get("ts"),
                "role": e.get("role"),
                "unit": e.get("unit"),
                "action": e.get("action"),
                "query": e.get("query"),
                "nips": list(e.get("nips") or []),
            }  # fmt: skip
            for e in self.entries()
            if e.get("user") == user and e.get("nips")
        ]

    def _lines(self) -> list[_Line]:
        with self._locked(shared=True):
            lines: list[_Line] = []
            for file in self.files():
                with file.open("rb") as fh:
                    for number, raw in enumerate(fh, start=1):
                        if not raw.strip():
                            continue
                        try:
                            entry = json.loads(raw)
                        except ValueError as exc:
                            lines.append(_Line(file, number, None, f"bukan JSON ({exc})"))
                            continue
                        if isinstance(entry, dict):
                            lines.append(_Line(file, number, entry))
                        else:
                            lines.append(_Line(file, number, None, "bukan objek JSON"))
            return lines

    # ---- proof -----------------------------------------------------------------------------------

    def verify(self) -> Verification:
        """Walk every file in order and check each entry's hash, signature and link to the one before,
        then the signed head. Stops at the first break. Entries written before signing existed (no
        ``sig``) are accepted up to the first signed one and reported as ``unsigned_until``."""
        lines = self._lines()
        files = tuple(dict.fromkeys(ln.file for ln in lines)) or tuple(self.files())
        positions: dict[str, int] = {}
        for i, ln in enumerate(lines):
            h = ln.entry.get("hash") if ln.entry else None
            if isinstance(h, str):
                positions.setdefault(h, i)
        prev = GENESIS
        signed = 0
        unsigned_until: tuple[Path, int] | None = None
        first_break: ChainBreak | None = None
        for i, ln in enumerate(lines):
            first_break = self._check(i, ln, lines, positions, prev, signed > 0)
            if first_break is not None:
                break
            assert ln.entry is not None
            if "sig" in ln.entry:
                signed += 1
            else:
                unsigned_until = (ln.file, ln.line)
            prev = ln.entry["hash"]
        if first_break is None and self.key is not None:
            first_break = self._check_head(lines, positions, signed)
        return Verification(
            ok=first_break is None,
            entries=len(lines),
            files=files,
            signatures_checked=self.key is not None,
            signed=signed,
            unsigned_until=unsigned_until,
            first_break=first_break,
        )

    def _check(self, i: int, ln: _Line, lines: list[_Line], positions: dict[str, int], prev: str,
               after_signed: bool) -> ChainBreak | None:  # fmt: skip
        def brk(at: _Line, reason: Reason, detail: str) -> ChainBreak:
            return ChainBreak(at.file, at.line, at.ts, reason, detail)

        def where(j: int, at: _Line = ln) -> str:  # a line, with its file's name when not the break's file
            other = lines[j]
            return f"baris {other.line}" + ("" if other.file == at.file else f" {other.file.name}")

        entry = ln.entry
        if entry is None:
            return brk(ln, "unparseable", ln.error)
        h, p = entry.get("hash"), entry.get("prev")
        if not isinstance(h, str) or not isinstance(p, str):
            return brk(ln, "unparseable", "bukan entri audit (tanpa hash atau prev)")
        if _digest(entry) != h:
            return brk(
                ln,
                "edited",
                "isi entri tidak cocok lagi dengan hash yang tercatat: entri diubah setelah ditulis",
            )
        sig = entry.get("sig")
        if sig is None and after_signed:
            return brk(ln, "bad_signature", "entri tanpa tanda tangan sesudah entri bertanda tangan")
        if (
            sig is not None
            and self.key is not None
            and not (isinstance(sig, str) and hmac.compare_digest(sig, _sign(self.key, _ENTRY_CONTEXT, h)))
        ):
            return brk(ln, "bad_signature", "tanda tangan tidak cocok dengan kunci audit: entri ditulis atau "
                       "rantai dihitung ulang tanpa kunci (atau dengan kunci lain)")  # fmt: skip
        if positions[h] < i:
            return brk(ln, "deleted_or_inserted", f"salinan dari {where(positions[h])}: baris ini disisipkan")
        if p == prev:
            return None
        j = -1 if p == GENESIS else positions.get(p)
        if j is not None and j < i - 1:
            start = lines[j + 1]
            span = where(j + 1, start) + ("" if j + 1 == i - 1 else f" sampai {where(i - 1, start)}")
            linked = "awal rantai" if j < 0 else where(j, start)
            return brk(start, "deleted_or_inserted", f"{span} disisipkan: {where(i, start)} menaut langsung "
                       f"ke {linked}")  # fmt: skip
        if j is not None and j > i:
            return brk(ln, "reordered", f"entri ini menaut ke {where(j)}, yang letaknya sesudahnya")
        if i == 0:
            return brk(ln, "deleted_or_inserted", "rantai tidak berawal dari entri pertama: entri atau berkas "
                       "rotasi yang lebih lama hilang")  # fmt: skip
        if lines[i - 1].file != ln.file:
            return brk(ln, "broken_link", f"entri pertama berkas ini tidak menaut ke entri terakhir "
                       f"{lines[i - 1].file.name}: baris awal berkas ini dihapus, atau berkas rotasi hilang, diganti "
                       "atau salah urut")  # fmt: skip
        return brk(ln, "deleted_or_inserted", "entri sebelumnya tidak ada: baris sebelum baris ini dihapus "
                   "(atau tautannya diubah)")  # fmt: skip

    def _check_head(self, lines: list[_Line], positions: dict[str, int], signed: int) -> ChainBreak | None:
        assert self.key is not None
        end = (lines[-1].file, lines[-1].line + 1) if lines else (self.path, 1)
        if not self.head_path.exists():
            if signed == 0:
                return None  # a log from before signing
            return ChainBreak(end[0], end[1], None, "deleted_or_inserted",
                              f"kepala rantai ({self.head_path.name}) hilang padahal ada entri bertanda tangan")  # fmt: skip
        try:
            head = json.loads(self.head_path.read_text(encoding="utf-8"))
            h, sig = str(head["hash"]), str(head["sig"])
        except (OSError, ValueError, KeyError, TypeError):
            return ChainBreak(self.head_path, 1, None, "unparseable", "kepala rantai tidak dapat dibaca")
        if not hmac.compare_digest(sig, _sign(self.key, _HEAD_CONTEXT, h)):
            return ChainBreak(self.head_path, 1, head.get("ts"), "bad_signature",
                              "tanda tangan kepala rantai tidak cocok dengan kunci audit")  # fmt: skip
        if h not in positions:
            return ChainBreak(end[0], end[1], head.get("ts"), "deleted_or_inserted",
                              f"entri terakhir yang ditandatangani ({head.get('ts')}) tidak ada lagi: baris "
                              "terakhir dihapus atau rantai ditulis ulang")  # fmt: skip
        return None


# ---- the key -------------------------------------------------------------------------------------


def load_key(key_path: Path, data_dir: Path, *, production: bool, create: bool = True) -> bytes | None:
    """The audit key at ``key_path``. Production refuses a missing key and one inside ``data_dir`` (whoever
    can edit the log could read it). In dev mode a missing key is created (0600) when ``create``, else
    signing is off (None); a key inside the data dir is only warned about."""
    path = key_path.expanduser()
    if _inside(path, data_dir):
        message = (f"TALENTA_AUDIT__KEY_PATH ({path}) lies inside TALENTA_DATA_DIR ({data_dir}): whoever can edit "
                   "the audit log could read the key and re-sign it; keep the key elsewhere")  # fmt: skip
        if production:
            raise AuditKeyError(message)
        logger.warning(message)
    if not path.exists():
        if production:
            raise AuditKeyError(f"the audit key {path} (TALENTA_AUDIT__KEY_PATH) does not exist; TALENTA_ENV=production "
                                "needs it: create it once with `talenta audit key`, outside TALENTA_DATA_DIR and "
                                "readable only by the Talenta service account")  # fmt: skip
        if not create:
            return None
        try:
            write_new_key(path)
        except OSError as exc:
            logger.warning("audit key %s could not be created (%s); audit entries are not signed", path, exc)
            return None
    try:
        text = path.read_text(encoding="utf-8").strip()
        mode = path.stat().st_mode
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditKeyError(f"the audit key {path} cannot be read: {exc}") from exc
    if len(text) < MIN_KEY_CHARS:
        raise AuditKeyError(f"the audit key {path} is too short (at least {MIN_KEY_CHARS} characters; "
                            "`talenta audit key` writes a random one)")  # fmt: skip
    if mode & 0o077:
        logger.warning("the audit key %s can be read by other users: chmod 600 it", path)
    return text.encode("utf-8")


def write_new_key(path: Path) -> bool:
    """Write a random key (64 hex characters) to ``path`` with mode 0600, unless a file is there already;
    safe when several processes race to do it. True when this call created it."""
    path = path.expanduser()
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secrets.token_hex(32) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # atomic, and never replaces a key another process wrote meanwhile
        except FileExistsError:
            return False
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.expanduser().resolve())


# ---- helpers -------------------------------------------------------------------------------------


def _digest(entry: dict[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k not in ("hash", "sig")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _sign(key: bytes, context: bytes, digest: str) -> str:
    return hmac.new(key, context + digest.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


def _last_hash_in(path: Path) -> str | None:
    """The hash of the file's last readable entry; reads backwards from the end (whole file only when the
    last line is broken, e.g. after a crash mid-write)."""
    with path.open("rb") as fh:
        end = fh.seek(0, os.SEEK_END)
        size = 1 << 16
        while end:
            start = max(0, end - size)
            fh.seek(start)
            chunk = fh.read(end - start).rstrip()
            cut = chunk.rfind(b"\n")
            if cut >= 0 or start == 0:
                last = chunk[cut + 1 :]
                if not last:
                    return None
                try:
                    value = json.loads(last).get("hash")
                    return value if isinstance(value, str) else None
                except (ValueError, AttributeError):
                    break
            size *= 4
    found: str | None = None
    with path.open("rb") as fh:
        for raw in fh:
            try:
                value = json.loads(raw).get("hash")
            except (ValueError, AttributeError):
                continue
            if isinstance(value, str):
                found = value
    return found
