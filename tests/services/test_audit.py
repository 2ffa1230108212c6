"""The audit log as evidence: tampering of every kind is found and placed (file, line, reason), a chain
recomputed without the key fails its signatures, rotation keeps one chain across files, two processes
appending at once never fork it, and production refuses a missing or misplaced key."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.config import AuditSettings, Settings
from assistant.domain.identity import Caller
from assistant.services.audit import (
    GENESIS,
    AuditKeyError,
    AuditLog,
    ChainBreak,
    load_key,
    write_new_key,
)

ROOT = Path(__file__).resolve().parents[2]
KEY = b"k" * 64
OPD = Caller(user="kadis.ikan", role="opd", unit_kerja="Dinas Perikanan")
BKPSDM = Caller(user="bkpsdm-demo", role="bkpsdm")
NIP = "198003152005011002"


def _digest(entry: dict) -> str:
    body = {k: v for k, v in entry.items() if k not in ("hash", "sig")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _log(tmp_path: Path, key: bytes | None = KEY, rotate_bytes: int = 0) -> AuditLog:
    return AuditLog(tmp_path / "store" / "audit.jsonl", key=key, rotate_bytes=rotate_bytes)


def _filled(tmp_path: Path, n: int = 5, **kw) -> AuditLog:
    log = _log(tmp_path, **kw)
    for i in range(n):
        log.record(OPD if i % 2 else BKPSDM, "search", f"q{i}", [f"19800315200501{i:04d}"])
    return log


def _lines(log: AuditLog) -> list[str]:
    return log.path.read_text(encoding="utf-8").splitlines()


def _write(log: AuditLog, lines: list[str]) -> None:
    log.path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


# ---- an intact chain -------------------------------------------------------------------------------


def test_intact_chain_is_signed_and_verifies(tmp_path):
    log = _filled(tmp_path)
    result = log.verify()
    assert result and result.ok and result.first_break is None
    assert (result.entries, result.signed, result.signatures_checked, result.unsigned_until) == (5, 5, True, None)
    entries = log.entries()
    assert entries[0]["prev"] == GENESIS and all(b["prev"] == a["hash"] for a, b in zip(entries, entries[1:], strict=False))
    assert all(len(e["sig"]) == 64 for e in entries)
    # reads of people keep who, role and unit
    assert (entries[1]["user"], entries[1]["role"], entries[1]["unit"]) == ("kadis.ikan", "opd", "Dinas Perikanan")
    head = json.loads(log.head_path.read_text(encoding="utf-8"))
    assert head["hash"] == entries[-1]["hash"]


def test_an_empty_log_verifies(tmp_path):
    result = _log(tmp_path).verify()
    assert result.ok and result.entries == 0 and result.files == ()
    assert _log(tmp_path).entries() == []


# ---- tampering: each is found, placed and named ----------------------------------------------------


def _edit_field(lines: list[str]) -> list[str]:
    entry = json.loads(lines[2])
    entry["query"] = "tidak pernah ditanyakan"
    lines[2] = json.dumps(entry)
    return lines


def _delete_line(lines: list[str]) -> list[str]:
    del lines[2]
    return lines


def _insert_forged(lines: list[str]) -> list[str]:
    """A line made up by someone without the key: linked to line 2, hash right, signature not."""
    before = json.loads(lines[1])
    forged = {**before, "ts": before["ts"], "user": "penyusup", "prev": before["hash"]}
    forged["hash"] = _digest(forged)
    forged["sig"] = hmac.new(b"not-the-key" * 4, forged["hash"].encode(), hashlib.sha256).hexdigest()
    return [*lines[:2], json.dumps(forged), *lines[2:]]


def _insert_copy(lines: list[str]) -> list[str]:
    return [*lines[:3], lines[1], *lines[3:]]


def _reorder(lines: list[str]) -> list[str]:
    lines[2], lines[3] = lines[3], lines[2]
    return lines


def _recompute(sign: Callable[[str], str | None]) -> Callable[[list[str]], list[str]]:
    """Edit line 2, then recompute every hash after it (all an attacker without the key can do)."""

    def tamper(lines: list[str]) -> list[str]:
        entries = [json.loads(line) for line in lines]
        entries[1]["nips"] = []
        for i in range(1, len(entries)):
            entries[i]["prev"] = entries[i - 1]["hash"]
            entries[i]["hash"] = _digest(entries[i])
            signature = sign(entries[i]["hash"])
            entries[i].pop("sig", None)
            if signature is not None:
                entries[i]["sig"] = signature
        return [json.dumps(e) for e in entries]

    return tamper


def _garble(lines: list[str]) -> list[str]:
    lines[3] = lines[3][: len(lines[3]) // 2]
    return lines


@pytest.mark.parametrize(
    ("tamper", "reason", "line"),
    [
        (_edit_field, "edited", 3),
        (_delete_line, "deleted_or_inserted", 3),
        (_insert_forged, "bad_signature", 3),
        (_insert_copy, "deleted_or_inserted", 4),
        (_reorder, "reordered", 3),
        (_recompute(lambda h: hmac.new(b"guessed-key" * 4, h.encode(), hashlib.sha256).hexdigest()), "bad_signature", 2),
        (_recompute(lambda h: None), "bad_signature", 2),  # signatures stripped
        (_garble, "unparseable", 4),
    ],
    ids=["edit-field", "delete-line", "insert-forged", "insert-copy", "reorder", "recompute-other-key",
         "recompute-strip-sigs", "unparseable"],  # fmt: skip
)
def test_tampering_is_found_and_placed(tmp_path, tamper, reason, line):
    log = _filled(tmp_path)
    _write(log, tamper(_lines(log)))
    result = log.verify()
    assert not result and not result.ok
    brk = result.first_break
    assert isinstance(brk, ChainBreak)
    assert (brk.file, brk.line, brk.reason) == (log.path, line, reason), brk
    assert brk.label and brk.detail
    if reason != "unparseable":  # the entry's own timestamp says when
        assert brk.ts == json.loads(_lines(log)[line - 1])["ts"]


def test_lines_cut_off_the_end_are_found_by_the_signed_head(tmp_path):
    log = _filled(tmp_path)
    _write(log, _lines(log)[:3])
    brk = log.verify().first_break
    assert brk is not None and (brk.reason, brk.line) == ("deleted_or_inserted", 4)
    assert "terakhir" in brk.detail


def test_a_deleted_log_or_a_forged_head_is_found(tmp_path):
    log = _filled(tmp_path)
    head = json.loads(log.head_path.read_text(encoding="utf-8"))
    log.path.unlink()
    assert log.verify().first_break.reason == "deleted_or_inserted"  # type: ignore[union-attr]
    log = _filled(tmp_path / "again")
    log.head_path.write_text(json.dumps({**head, "sig": "0" * 64}), encoding="utf-8")
    brk = log.verify().first_break
    assert brk is not None and (brk.file, brk.reason) == (log.head_path, "bad_signature")


def test_without_the_key_the_chain_is_checked_but_not_proven(tmp_path):
    _filled(tmp_path)
    keyless = _log(tmp_path, key=None)
    result = keyless.verify()
    assert result.ok and not result.signatures_checked and result.unproven and result.signed == 5
    assert _log(tmp_path, key=b"x" * 64).verify().first_break.reason == "bad_signature"  # type: ignore[union-attr]


# ---- logs written before signing -------------------------------------------------------------------


def test_an_old_unsigned_log_keeps_working_and_signing_starts_after_it(tmp_path):
    old = _filled(tmp_path, n=3, key=None)
    assert all("sig" not in e for e in old.entries()) and not old.head_path.exists()
    signed = _log(tmp_path)
    first = signed.verify()
    assert first.ok and first.unsigned_until == (signed.path, 3) and first.signed == 0
    signed.record(BKPSDM, "profile", None, [NIP])
    signed.record(BKPSDM, "profile", None, [NIP])
    after = signed.verify()
    assert after.ok and after.unsigned_until == (signed.path, 3) and after.signed == 2 and after.entries == 5
    # once signing began, an unsigned entry is a forgery
    lines = _lines(signed)
    stripped = json.loads(lines[4])
    del stripped["sig"]
    _write(signed, [*lines[:4], json.dumps(stripped)])
    brk = signed.verify().first_break
    assert brk is not None and (brk.reason, brk.line) == ("bad_signature", 5)


def test_a_line_inserted_into_an_unsigned_log_is_placed_at_the_insert(tmp_path):
    log = _filled(tmp_path, n=4, key=None)
    lines = _lines(log)
    before = json.loads(lines[1])
    made_up = {**before, "user": "penyusup", "prev": before["hash"]}
    made_up["hash"] = _digest(made_up)
    _write(log, [*lines[:2], json.dumps(made_up), *lines[2:]])
    brk = log.verify().first_break
    assert brk is not None and (brk.reason, brk.line) == ("deleted_or_inserted", 3)


def test_a_partial_last_line_after_a_crash_does_not_swallow_the_next_entry(tmp_path):
    log = _filled(tmp_path, n=3)
    with log.path.open("a", encoding="utf-8") as fh:
        fh.write('{"ts": "2026-01-01T00:00:00')  # the process died mid-write
    fresh = _log(tmp_path)  # a new process: no cached hash
    entry = fresh.record(BKPSDM, "profile", None, [NIP])
    assert entry["prev"] == fresh.entries()[2]["hash"]
    assert [e["action"] for e in fresh.entries()] == ["search"] * 3 + ["profile"]
    brk = fresh.verify().first_break
    assert brk is not None and (brk.reason, brk.line) == ("unparseable", 4)


# ---- rotation ----------------------------------------------------------------------------------------


def test_rotation_keeps_one_chain_across_files(tmp_path):
    log = _filled(tmp_path, n=30, rotate_bytes=1200)
    files = log.files()
    assert len(files) > 3 and files[-1] == log.path
    assert all(f.name.startswith("audit-") for f in files[:-1])
    assert [e["query"] for e in log.entries()] == [f"q{i}" for i in range(30)]
    result = log.verify()
    assert result.ok and result.entries == 30 and result.files == tuple(files)
    first_of = [json.loads(f.read_text(encoding="utf-8").splitlines()[0]) for f in files[1:]]
    last_of = [json.loads(f.read_text(encoding="utf-8").splitlines()[-1]) for f in files[:-1]]
    assert [f["prev"] for f in first_of] == [last["hash"] for last in last_of]
    # a new writer (another process) continues the chain from the files alone
    _log(tmp_path, rotate_bytes=1200).record(OPD, "profile", None, [NIP])
    assert _log(tmp_path).verify().entries == 31


def test_a_missing_rotated_file_breaks_the_link_between_files(tmp_path):
    log = _filled(tmp_path, n=30, rotate_bytes=1200)
    files = log.files()
    files[1].unlink()
    brk = log.verify().first_break
    assert brk is not None and (brk.file, brk.line, brk.reason) == (files[2], 1, "broken_link")
    files[0].unlink()
    brk = log.verify().first_break
    assert brk is not None and (brk.file, brk.line, brk.reason) == (files[2], 1, "deleted_or_inserted")


def test_rotated_names_sort_in_chain_order(tmp_path):
    log = _log(tmp_path)
    store = log.path.parent
    store.mkdir(parents=True)
    names = ["audit-20260101T120000.10.jsonl", "audit-20260101T120000.jsonl", "audit-20251231T235959.jsonl",
             "audit-20260101T120000.2.jsonl", "audit.head.json", "audit.lock", "audit-notes.jsonl"]  # fmt: skip
    for name in names:
        (store / name).write_text("", encoding="utf-8")
    assert [f.name for f in log.files()] == [
        "audit-20251231T235959.jsonl",
        "audit-20260101T120000.jsonl",
        "audit-20260101T120000.2.jsonl",
        "audit-20260101T120000.10.jsonl",
    ]


# ---- who viewed whom ---------------------------------------------------------------------------------


def test_viewers_and_shown_to_read_across_rotated_files(tmp_path):
    log = _log(tmp_path, rotate_bytes=700)
    log.record(OPD, "profile", None, [NIP])
    for i in range(6):
        log.record(BKPSDM, "search", f"perikanan {i}", [NIP, "199001012015031001"])
    log.record(OPD, "profile_denied", None, ["199202022016042002"])
    assert len(log.files()) > 2
    viewers = log.viewers(NIP)
    assert len(viewers) == 7
    assert viewers[0] == {"ts": viewers[0]["ts"], "user": "kadis.ikan", "role": "opd", "unit": "Dinas Perikanan",
                          "action": "profile", "query": None}  # fmt: skip
    assert [v["user"] for v in log.viewers(NIP, actions={"profile"})] == ["kadis.ikan"]
    shown = log.shown_to("kadis.ikan")
    assert [(s["action"], s["nips"]) for s in shown] == [("profile", [NIP]), ("profile_denied", ["199202022016042002"])]
    assert log.shown_to("nobody") == [] and log.viewers("000") == []


# ---- threads and processes ---------------------------------------------------------------------------

_WRITER = textwrap.dedent(
    """
    import sys, threading, time
    from pathlib import Path
    from assistant.domain.identity import Caller
    from assistant.services.audit import AuditLog

    path, name, go, n = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    log = AuditLog(path, key=b"k" * 64, rotate_bytes=40_000)
    (go.parent / f"ready-{name}").touch()
    while not go.exists():
        time.sleep(0.005)

    def write(thread):
        for i in range(n):
            log.record(Caller(user=name, role="bkpsdm"), "search", f"{name}-{thread}-{i}", ["198003152005011002"])

    threads = [threading.Thread(target=write, args=(t,)) for t in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    """
)


def test_two_processes_appending_at_once_never_fork_the_chain(tmp_path):
    path = tmp_path / "store" / "audit.jsonl"
    go = tmp_path / "go"
    n = 150
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name, str(go), str(n)], cwd=ROOT, env=env)
        for name in ("api", "ui")
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{name}").exists() for name in ("api", "ui")) and time.monotonic() < deadline:
        time.sleep(0.01)  # both imported and waiting
    go.touch()
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    log = AuditLog(path, key=KEY)
    result = log.verify()
    assert result.ok, result.first_break
    assert result.entries == 4 * n and len(log.files()) > 1  # rotated while both wrote
    queries = [e["query"] for e in log.entries()]
    assert len(set(queries)) == 4 * n
    writers = [q.split("-")[0] for q in queries]
    assert sum(a != b for a, b in zip(writers, writers[1:], strict=False)) > 1  # the two really wrote at the same time


def test_threads_sharing_one_log_keep_the_chain(tmp_path):
    log = _log(tmp_path, rotate_bytes=10_000)
    threads = [
        threading.Thread(target=lambda t=t: [log.record(BKPSDM, "search", f"{t}-{i}", []) for i in range(50)])
        for t in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert log.verify().ok and len(log.entries()) == 200


# ---- the key -----------------------------------------------------------------------------------------


def _production(tmp_path: Path, key_path: Path) -> Settings:
    return Settings(
        env="production",
        data_dir=tmp_path / "store",
        api={"keys": {"p" * 40: {"user": "u", "role": "bkpsdm"}}},  # type: ignore[arg-type]
        audit=AuditSettings(key_path=key_path),
    )


def test_production_refuses_a_missing_key(tmp_path):
    with pytest.raises(AuditKeyError, match=r"TALENTA_AUDIT__KEY_PATH.*talenta audit key"):
        AuditLog.from_settings(_production(tmp_path, tmp_path / "keys" / "audit.key"))
    assert not (tmp_path / "keys" / "audit.key").exists()  # never made up in production


def test_production_refuses_a_key_inside_the_data_dir(tmp_path):
    inside = tmp_path / "store" / "audit.key"
    write_new_key(inside)
    with pytest.raises(AuditKeyError, match="inside TALENTA_DATA_DIR"):
        AuditLog.from_settings(_production(tmp_path, inside))


def test_production_refuses_a_short_key(tmp_path):
    short = tmp_path / "keys" / "audit.key"
    short.parent.mkdir()
    short.write_text("rahasia\n", encoding="utf-8")
    with pytest.raises(AuditKeyError, match="too short"):
        AuditLog.from_settings(_production(tmp_path, short))


def test_production_with_its_key_signs(tmp_path):
    key_path = tmp_path / "keys" / "audit.key"
    assert write_new_key(key_path) and not write_new_key(key_path)
    log = AuditLog.from_settings(_production(tmp_path, key_path))
    log.record(BKPSDM, "profile", None, [NIP])
    assert log.key == key_path.read_text(encoding="utf-8").strip().encode() and log.verify().signed == 1
    assert log.rotate_bytes == 50 * 1024 * 1024


def test_dev_creates_a_private_key_once_and_keeps_it(tmp_path):
    key_path = tmp_path / "config" / "talenta" / "audit.key"
    assert load_key(key_path, tmp_path / "store", production=False, create=False) is None
    key = load_key(key_path, tmp_path / "store", production=False)
    assert key is not None and len(key) == 64
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert load_key(key_path, tmp_path / "store", production=False) == key
    settings = Settings(data_dir=tmp_path / "store", audit=AuditSettings(key_path=key_path, rotate_mb=0))
    assert AuditLog.from_settings(settings).key == key


def test_processes_racing_to_create_the_key_end_with_one(tmp_path):
    key_path = tmp_path / "keys" / "audit.key"
    made: list[bool] = []
    threads = [threading.Thread(target=lambda: made.append(write_new_key(key_path))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert made.count(True) == 1
    assert len(key_path.read_text(encoding="utf-8").strip()) == 64
    assert [p.name for p in key_path.parent.iterdir()] == ["audit.key"]  # no temporary files left
