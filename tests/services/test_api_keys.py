"""API keys as secrets on a real database: the format, the hash instead of the secret, create / list /
revoke / authenticate, the role rules of accounts, scopes and their defaults."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from assistant.config import KeyScope
from assistant.db import tables as t
from assistant.db.engine import build_engine, migrate
from assistant.domain.identity import Caller
from assistant.services.accounts import AccountService
from assistant.services.api_keys import ApiKeyService, key_prefix
from assistant.services.audit import AuditLog
from assistant.services.errors import Conflict, NotFound

ADMIN = Caller(user="cli:admin", role="bkpsdm")
NIP = "198707222010012004"


@pytest.fixture
def keys(tmp_path) -> ApiKeyService:
    engine = build_engine(f"sqlite:///{tmp_path / 'talenta.db'}")
    migrate(engine)
    return ApiKeyService(engine, AuditLog(tmp_path / "audit.jsonl"))


def test_a_key_is_shown_once_and_only_its_hash_is_stored(keys, tmp_path):
    info, key = keys.create("sipd-sync", "integrasi", by=ADMIN)
    prefix, secret = re.fullmatch(r"tal_([0-9a-f]{8})_([A-Za-z0-9_-]+)", key).groups()  # type: ignore[union-attr]
    assert prefix == info.prefix == key_prefix(key) and len(secret) >= 32
    with keys.engine.connect() as conn:
        row = conn.execute(select(t.api_keys)).mappings().one()
    stored = " ".join(str(v) for v in row.values())
    assert secret not in stored and key not in stored
    assert row["secret_hash"].startswith("hmac-sha256$") and row["username"] == "sipd-sync"
    audit = (tmp_path / "audit.jsonl").read_text(encoding="utf-8")
    assert "api_key_create" in audit and prefix in audit and secret not in audit
    _, other = keys.create("sipd-sync-2", "integrasi")
    assert other != key and key_prefix(other) != prefix  # fresh random prefix and secret per key


def test_authenticate_list_and_revoke(keys):
    info, key = keys.create("bupati-app", "pimpinan", by=ADMIN)
    assert keys.exists()
    found = keys.authenticate(key)
    assert found is not None and found.caller() == Caller(user="bupati-app", role="pimpinan")
    assert found.scope == KeyScope()  # a role key keeps its role's rights
    (listed,) = keys.list()
    assert listed.prefix == info.prefix and listed.last_used_at is not None and listed.active
    prefix, secret = key.split("_", 2)[1:]
    for wrong in (f"tal_{prefix}_{secret[:-1]}x", f"tal_00000000_{secret}", secret, "", "tal_" + prefix):
        assert keys.authenticate(wrong) is None, wrong
    revoked = keys.revoke(prefix, by=ADMIN)
    assert revoked.revoked_at is not None and not revoked.active
    assert keys.authenticate(key) is None  # a revoked key no longer works
    assert keys.revoke(key, by=ADMIN).prefix == prefix  # the whole key names it too; revoking twice is harmless
    with pytest.raises(NotFound):
        keys.revoke("ffffffff")


def test_the_hash_is_compared_in_constant_time(keys, monkeypatch):
    import hmac

    _, key = keys.create("bupati-app", "pimpinan")
    calls: list[int] = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    assert keys.authenticate(key) is not None
    assert keys.authenticate("tal_00000000_" + "x" * 43) is None  # an unknown prefix: a dummy is compared
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("user", "role", "unit", "nip", "scope", "says"),
    [
        ("kadis-ikan", "opd", None, None, None, "unit"),
        ("bagus", "asn", None, None, None, "NIP"),
        ("bagus", "asn", None, "123", None, "NIP"),
        ("x", "bkpsdm", None, None, None, "Nama pengguna"),
        ("tamu", "admin", None, None, None, "Peran"),
        ("bot", "integrasi", None, None, KeyScope(operations=["chat"], fields="evidence"), "chat"),
        ("bot", "integrasi", None, None, KeyScope(operations="all", units=["Dinas Kesehatan"]), "succession"),
        ("bot", "integrasi", None, None, KeyScope(operations=["search"], fields="basic", units=[" "]), "unit"),
    ],
)
def test_role_and_scope_rules(keys, user, role, unit, nip, scope, says):
    with pytest.raises(Conflict) as refused:
        keys.create(user, role, unit_kerja=unit, nip=nip, scope=scope)
    assert says in refused.value.message("id")


def test_a_user_name_keeps_one_role_among_keys_and_accounts(keys):
    keys.create("dasbor", "integrasi")
    keys.create("dasbor", "integrasi")  # a second key for the same user and role is fine
    with pytest.raises(Conflict, match="peran lain"):
        keys.create("dasbor", "bkpsdm")
    AccountService(keys.engine).create("kadis.ikan", "sandi-yang-panjang", "opd", unit_kerja="Dinas Perikanan")
    with pytest.raises(Conflict, match="peran lain"):
        keys.create("kadis.ikan", "pimpinan")
    info, _ = keys.create("kadis.ikan", "opd", unit_kerja="Dinas Perikanan")
    assert info.unit_kerja == "Dinas Perikanan"


def test_scope_defaults_and_units(keys):
    bot, _ = keys.create("sipd", "integrasi")
    assert bot.scope == KeyScope(operations=["search"], fields="basic")  # least privilege
    limited, key = keys.create("dasbor-kes", "integrasi",
                               scope=KeyScope(operations=["search", "query"], fields="evidence", units=["Dinas Kesehatan"]))  # fmt: skip
    found = keys.authenticate(key)
    assert found is not None and found.scope == limited.scope
    caller = found.caller()
    assert caller.units == ("Dinas Kesehatan",)
    assert caller.can_see("1", "DINAS KESEHATAN") and not caller.can_see("1", "Dinas Perikanan")
    asn, _ = keys.create("bagus", "asn", nip=NIP, unit_kerja="ignored")
    assert asn.nip == NIP and asn.unit_kerja is None
