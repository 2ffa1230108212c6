"""Local accounts: argon2 hashes (never the password), one answer for every failed login, a lockout,
and the rules an account must meet for its role."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from assistant.db import tables as t
from assistant.db.engine import build_engine, migrate
from assistant.services.accounts import MAX_FAILED, AccountService
from assistant.services.errors import Conflict

PASSWORD = "kata-sandi-panjang-1"


@pytest.fixture
def accounts(tmp_path):
    engine = build_engine(f"sqlite:///{tmp_path / 'accounts.db'}")
    migrate(engine)
    return AccountService(engine)


def test_login_gives_the_caller_and_the_hash_is_argon2(accounts):
    accounts.create("kadis.ikan", PASSWORD, "opd", unit_kerja="Dinas Perikanan")
    account = accounts.login("Kadis.Ikan ", PASSWORD)
    assert account is not None and account.caller().unit_kerja == "Dinas Perikanan" and account.caller().role == "opd"
    with accounts.engine.connect() as conn:
        stored = conn.execute(select(t.accounts.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2") and PASSWORD not in stored


def test_wrong_password_unknown_user_and_disabled_account_look_the_same(accounts):
    accounts.create("bkd-1", PASSWORD, "bkpsdm")
    assert accounts.login("bkd-1", "salah-sandi-panjang") is None
    assert accounts.login("tidak-ada", PASSWORD) is None
    accounts.set_active("bkd-1", False)
    assert accounts.login("bkd-1", PASSWORD) is None
    accounts.set_active("bkd-1", True)
    assert accounts.login("bkd-1", PASSWORD) is not None


def test_five_failures_lock_the_account(accounts):
    accounts.create("bupati", PASSWORD, "pimpinan")
    for _ in range(MAX_FAILED):
        assert accounts.login("bupati", "tebakan-yang-salah") is None
    assert accounts.login("bupati", PASSWORD) is None  # locked, even with the right password


@pytest.mark.parametrize(
    ("username", "password", "role", "extra"),
    [
        ("x", PASSWORD, "bkpsdm", {}),  # too short a name
        ("siti rahma", PASSWORD, "bkpsdm", {}),  # a space
        ("@kab.go.id", PASSWORD, "bkpsdm", {}),  # must start with a letter or digit
        ("ok-name", "pendek", "bkpsdm", {}),  # too short a password
        ("kadis", PASSWORD, "opd", {}),  # an OPD head without a unit
        ("pegawai", PASSWORD, "asn", {"nip": "123"}),  # an ASN without a real NIP
        ("tamu", PASSWORD, "admin", {}),  # no such role
    ],
)
def test_accounts_that_break_the_rules_are_refused(accounts, username, password, role, extra):
    with pytest.raises(Conflict):
        accounts.create(username, password, role, **extra)


def test_a_duplicate_is_refused_unless_replaced(accounts):
    accounts.create("komite-1", PASSWORD, "komite")
    with pytest.raises(Conflict):
        accounts.create("komite-1", PASSWORD, "bkpsdm")
    assert accounts.create("komite-1", PASSWORD + "x", "bkpsdm", replace=True).role == "bkpsdm"
    assert [a.username for a in accounts.list()] == ["komite-1"]
