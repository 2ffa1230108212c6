"""`talenta keys create / list / revoke`: the key printed once, lists without secrets, the role rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return {"TALENTA_DATA_DIR": str(tmp_path / "store"), "TALENTA_AUDIT__KEY_PATH": str(tmp_path / "audit.key")}


def _service(env):
    from assistant.db.engine import build_engine, database_url
    from assistant.services.api_keys import ApiKeyService

    return ApiKeyService(build_engine(database_url(None, Path(env["TALENTA_DATA_DIR"]))))


def test_create_list_and_revoke(env):
    runner = CliRunner()
    made = runner.invoke(app, ["keys", "create", "sipd-sync", "--role", "integrasi"], env=env)
    assert made.exit_code == 0, made.output
    key = next(w for w in made.output.split() if w.startswith("tal_"))
    assert "operasi: search; fields: basic" in made.output  # least privilege by default
    found = _service(env).authenticate(key)
    assert found is not None and found.user == "sipd-sync" and found.role == "integrasi"

    wide = runner.invoke(app, ["keys", "create", "dasbor-kes", "--role", "integrasi", "--scope", "search", "--scope",
                               "query", "--fields", "evidence", "--scope-unit", "Dinas Kesehatan", "--json"], env=env)  # fmt: skip
    assert wide.exit_code == 0, wide.output
    made_json = json.loads(wide.output)
    assert made_json["scopes"] == {"operations": ["search", "query"], "fields": "evidence", "units": ["Dinas Kesehatan"]}
    assert runner.invoke(app, ["keys", "create", "bupati-app", "--role", "pimpinan"], env=env).exit_code == 0

    listed = runner.invoke(app, ["keys", "list", "--json"], env=env)
    rows = json.loads(listed.output)
    assert [r["user"] for r in rows] == ["sipd-sync", "dasbor-kes", "bupati-app"]
    assert rows[2]["scopes"] == {"operations": "all", "fields": "full", "units": None}
    assert rows[0]["last_used_at"] is not None and rows[0]["revoked_at"] is None
    secret = key.split("_", 2)[2]
    text = runner.invoke(app, ["keys", "list"], env=env).output
    assert secret not in listed.output and secret not in text and made_json["key"].split("_", 2)[2] not in text
    assert key.split("_")[1] in text and "aktif" in text

    prefix = key.split("_")[1]
    revoked = runner.invoke(app, ["keys", "revoke", prefix], env=env)
    assert revoked.exit_code == 0 and prefix in revoked.output
    assert _service(env).authenticate(key) is None
    assert "dicabut" in runner.invoke(app, ["keys", "list"], env=env).output
    assert runner.invoke(app, ["keys", "revoke", "ffffffff"], env=env).exit_code == 1


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["kadis-kes", "--role", "opd"], "unit"),
        (["bagus", "--role", "asn"], "NIP"),
        (["bot", "--role", "integrasi", "--scope", "chat"], "full"),
        (["bot", "--role", "integrasi", "--scope", "search", "--scope-unit", "RSUD", "--scope", "all"], "succession"),
        (["bot", "--role", "integrasi", "--scope", "everything"], "cakupan tidak sah"),
        (["bot", "--role", "integrasi", "--fields", "most"], "cakupan tidak sah"),
    ],
)
def test_refusals(env, args, says):
    refused = CliRunner().invoke(app, ["keys", "create", *args], env=env)
    assert refused.exit_code == 1 and says in refused.output


def test_a_user_name_keeps_one_role(env):
    runner = CliRunner()
    assert runner.invoke(app, ["keys", "create", "dasbor", "--role", "integrasi"], env=env).exit_code == 0
    other = runner.invoke(app, ["keys", "create", "dasbor", "--role", "bkpsdm"], env=env)
    assert other.exit_code == 1 and "peran lain" in other.output
