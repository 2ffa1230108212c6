"""`talenta audit`: verify (exit 0 intact, 1 broken, 2 unprovable), viewers, by, key; Indonesian messages."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.domain.identity import Caller
from assistant.services.audit import AuditLog

NIP = "198003152005011002"
OTHER = "199001012015031001"
OPD = Caller(user="kadis.ikan", role="opd", unit_kerja="Dinas Perikanan")
BKPSDM = Caller(user="bkpsdm-demo", role="bkpsdm")

runner = CliRunner()


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return {
        "TALENTA_DATA_DIR": str(tmp_path / "store"),
        "TALENTA_AUDIT__KEY_PATH": str(tmp_path / "config" / "audit.key"),
        "TALENTA_ENV": "dev",
    }


def _run(args: list[str], env: dict[str, str]):
    return runner.invoke(app, ["audit", *args], env=env)


def _log(env: dict[str, str], rotate_bytes: int = 0) -> AuditLog:
    """The log as the application writes it: the key made by `talenta audit key`."""
    key_path = Path(env["TALENTA_AUDIT__KEY_PATH"])
    if not key_path.exists():
        assert _run(["key"], env).exit_code == 0
    key = key_path.read_text(encoding="utf-8").strip().encode()
    return AuditLog(Path(env["TALENTA_DATA_DIR"]) / "audit.jsonl", key=key, rotate_bytes=rotate_bytes)


def _fill(log: AuditLog) -> None:
    log.record(OPD, "profile", None, [NIP])
    log.record(BKPSDM, "search", "perikanan", [NIP, OTHER])
    log.record(BKPSDM, "login")


def test_key_is_created_once_private_and_never_replaced(env):
    first = _run(["key"], env)
    key_path = Path(env["TALENTA_AUDIT__KEY_PATH"])
    assert first.exit_code == 0 and "Kunci audit dibuat" in first.output and str(key_path) in first.output
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    key = key_path.read_text(encoding="utf-8")
    again = _run(["key"], env)
    assert again.exit_code == 0 and "sudah ada" in again.output and key_path.read_text(encoding="utf-8") == key


def test_key_inside_the_data_dir_is_refused(env):
    inside = {**env, "TALENTA_AUDIT__KEY_PATH": str(Path(env["TALENTA_DATA_DIR"]) / "audit.key")}
    refused = _run(["key"], inside)
    assert refused.exit_code == 2 and "TALENTA_DATA_DIR" in refused.output


def test_verify_an_empty_log(env):
    result = _run(["verify"], env)
    assert result.exit_code == 0 and "Log audit kosong" in result.output


def test_verify_an_intact_log(env):
    _fill(_log(env))
    result = _run(["verify"], env)
    assert result.exit_code == 0, result.output
    assert "Rantai audit utuh: 3 entri dalam 1 berkas; tanda tangan diperiksa." in result.output


def test_verify_names_file_line_time_and_reason_of_a_break(env):
    log = _log(env)
    _fill(log)
    lines = log.path.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[1])
    edited["nips"] = [OTHER]
    log.path.write_text("\n".join([lines[0], json.dumps(edited), lines[2]]) + "\n", encoding="utf-8")
    result = _run(["verify"], env)
    assert result.exit_code == 1
    assert f"RUSAK: {log.path} baris 2 (entri {edited['ts']}): entri diubah." in result.output
    as_json = _run(["verify", "--json"], env)
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    assert data["ok"] is False and data["first_break"]["line"] == 2 and data["first_break"]["reason"] == "edited"


@pytest.mark.parametrize(
    ("tamper", "said"),
    [
        (lambda lines: [lines[0], lines[2]], "baris dihapus atau disisipkan"),
        (lambda lines: [lines[0], lines[2], lines[1]], "urutan baris diubah"),
        (lambda lines: [lines[0], "{rusak", *lines[1:]], "baris tidak dapat dibaca"),
        (lambda lines: [lines[0], lines[1]], "baris dihapus atau disisipkan"),  # the last line cut off
    ],
    ids=["deleted", "reordered", "unparseable", "tail-cut"],
)
def test_verify_exit_1_for_every_kind_of_break(env, tamper, said):
    log = _log(env)
    _fill(log)
    log.path.write_text("\n".join(tamper(log.path.read_text(encoding="utf-8").splitlines())) + "\n", encoding="utf-8")
    result = _run(["verify"], env)
    assert result.exit_code == 1 and "RUSAK" in result.output and said in result.output


def test_verify_reports_an_old_unsigned_log_without_failing(env):
    _fill(AuditLog(Path(env["TALENTA_DATA_DIR"]) / "audit.jsonl"))  # written before signing existed
    _log(env).record(BKPSDM, "profile", None, [NIP])
    result = _run(["verify"], env)
    assert result.exit_code == 0, result.output
    assert "Entri tanpa tanda tangan (log lama, sebelum penandatanganan) sampai baris 3 di audit.jsonl" in result.output
    assert "Rantai audit utuh: 4 entri" in result.output


def test_verify_without_the_key_cannot_prove_signed_entries(env):
    _fill(_log(env))
    Path(env["TALENTA_AUDIT__KEY_PATH"]).unlink()
    result = _run(["verify"], env)
    assert result.exit_code == 2 and "kunci audit tidak ditemukan" in result.output
    assert not Path(env["TALENTA_AUDIT__KEY_PATH"]).exists()  # verify never makes up a new key


def test_verify_walks_rotated_files(env):
    log = _log(env, rotate_bytes=700)
    for i in range(8):
        log.record(BKPSDM, "search", f"perikanan {i}", [NIP])
    assert len(log.files()) > 2
    result = _run(["verify"], env)
    assert result.exit_code == 0 and f"8 entri dalam {len(log.files())} berkas" in result.output
    assert "audit-" in result.output


def test_production_without_the_key_is_refused(env):
    production = {**env, "TALENTA_ENV": "production", "TALENTA_API__KEYS": json.dumps({"p" * 40: {"user": "u", "role": "bkpsdm"}})}
    result = _run(["verify"], production)
    assert result.exit_code == 2 and "Galat" in result.output and "talenta audit key" in result.output


def test_viewers_lists_who_was_shown_a_person(env):
    log = _log(env, rotate_bytes=600)
    _fill(log)
    log.record(OPD, "compare", None, [OTHER, NIP])
    result = _run(["viewers", NIP], env)
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if "kadis.ikan" in line or "bkpsdm-demo" in line]
    assert len(rows) == 3
    assert "opd" in rows[0] and "Dinas Perikanan" in rows[0] and rows[0].rstrip().endswith("profile")
    assert "3 entri, 2 pengguna." in result.output
    only = json.loads(_run(["viewers", NIP, "--aksi", "profile", "--json"], env).stdout)
    assert [(r["user"], r["role"], r["unit"], r["action"]) for r in only] == [("kadis.ikan", "opd", "Dinas Perikanan", "profile")]
    nobody = _run(["viewers", "197001011990031001"], env)
    assert nobody.exit_code == 0 and "Tidak ada entri audit" in nobody.output


def test_by_lists_whom_a_user_was_shown(env):
    log = _log(env, rotate_bytes=600)
    _fill(log)
    log.record(BKPSDM, "pool_view", "Kepala Bidang Budidaya", [OTHER, "199202022016042002"])
    result = _run(["by", "bkpsdm-demo"], env)
    assert result.exit_code == 0, result.output
    assert 'search "perikanan": 198003152005011002, 199001012015031001' in result.output
    assert "3 pegawai berbeda ditampilkan kepada bkpsdm-demo dalam 2 entri." in result.output
    data = json.loads(_run(["by", "kadis.ikan", "--json"], env).stdout)
    assert [(r["action"], r["nips"], r["role"], r["unit"]) for r in data] == [("profile", [NIP], "opd", "Dinas Perikanan")]
    assert "Tidak ada entri audit" in _run(["by", "siapa"], env).output
