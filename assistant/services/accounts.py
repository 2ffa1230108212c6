"""Local accounts for the workbench: argon2 password hashes, roles, a lockout after failed logins.

A login gives a ``Caller``: the same identity every service call takes and re-checks. Passwords are
never stored or logged; an unknown user costs as much time as a wrong password (no oracle).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, insert, select, update

from assistant.db import tables as t
from assistant.db.engine import aware, utc_now
from assistant.domain.identity import Caller, Role
from assistant.services.errors import Conflict

ROLES: tuple[Role, ...] = ("pimpinan", "bkpsdm", "komite", "opd", "asn")
MIN_PASSWORD = 10
MAX_FAILED = 5
LOCK_MINUTES = 15
_HASHER = PasswordHasher()
_DUMMY = _HASHER.hash("talenta-dummy-password")  # verified against when the user does not exist
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{1,119}$")  # an e-mail too (the OIDC claim); the column holds 120


@dataclass(frozen=True)
class Account:
    username: str
    role: Role
    unit_kerja: str | None
    nip: str | None
    display_name: str | None
    active: bool

    def caller(self) -> Caller:
        return Caller(user=self.username, role=self.role, unit_kerja=self.unit_kerja, nip=self.nip)



class AccountService:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(
        self,
        username: str,
        password: str,
        role: Role,
        unit_kerja: str | None = None,
        nip: str | None = None,
        display_name: str | None = None,
        replace: bool = False,
    ) -> Account:
        """A new account (or, with ``replace``, new details and password for an existing one)."""
        name = username.strip().lower()
        if not _USERNAME.match(name):
            raise Conflict("Nama pengguna: 2-120 huruf kecil, angka, titik, garis bawah, tanda hubung, + atau @ (alamat e-mail).",
                           "Username: 2-120 lower-case letters, digits, dots, underscores, hyphens, + or @ (an e-mail address).")  # fmt: skip
        if role not in ROLES:
            raise Conflict(f"Peran tidak dikenal: {role}.", f"Unknown role: {role}.")
        if len(password) < MIN_PASSWORD:
            raise Conflict(f"Kata sandi minimal {MIN_PASSWORD} karakter.", f"Passwords need at least {MIN_PASSWORD} characters.")
        if role == "opd" and not (unit_kerja or "").strip():
            raise Conflict("Akun kepala OPD wajib menyebut unit kerjanya.", "An OPD head's account needs its unit.")
        if role == "asn" and not re.fullmatch(r"\d{18}", nip or ""):
            raise Conflict("Akun ASN wajib menyebut NIP 18 digit pemiliknya.", "An ASN account needs its owner's 18-digit NIP.")
        row = {"username": name, "password_hash": _HASHER.hash(password), "role": role,
               "unit_kerja": unit_kerja if role == "opd" else None, "nip": nip if role == "asn" else None,
               "display_name": display_name, "active": True, "failed": 0, "locked_until": None, "created_at": utc_now()}  # fmt: skip
        with self.engine.begin() as conn:
            exists = conn.execute(select(t.accounts.c.username).where(t.accounts.c.username == name)).first()
            if exists and not replace:
                raise Conflict(f"Akun '{name}' sudah ada.", f"Account '{name}' already exists.")
            if exists:
                conn.execute(delete(t.accounts).where(t.accounts.c.username == name))
            conn.execute(insert(t.accounts).values(**row))
        account = self.get(name)
        assert account is not None
        return account

    def get(self, username: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.accounts).where(t.accounts.c.username == username.strip().lower())).mappings().first()
        return None if row is None else _account(row)

    def list(self) -> list[Account]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.accounts).order_by(t.accounts.c.username)).mappings().all()
        return [_account(r) for r in rows]

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.accounts)).scalar_one())

    def set_active(self, username: str, active: bool) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(update(t.accounts).where(t.accounts.c.username == username.strip().lower())
                                .values(active=active, failed=0, locked_until=None)).rowcount  # fmt: skip
        if not done:
            raise Conflict(f"Akun '{username}' tidak ada.", f"No account '{username}'.")

    def login(self, username: str, password: str) -> Account | None:
        """The account, or None for a wrong name or password, a disabled or a locked account (one
        answer for all, in about the same time). Five failures in a row lock it for 15 minutes."""
        name = username.strip().lower()
        with self.engine.connect() as conn:
            row = conn.execute(select(t.accounts).where(t.accounts.c.username == name)).mappings().first()
        stored = row["password_hash"] if row is not None else _DUMMY
        ok: bool
        try:
            ok = bool(_HASHER.verify(stored, password))
        except (VerificationError, InvalidHashError):
            ok = False
        if row is None:
            return None
        locked = row["locked_until"] is not None and aware(row["locked_until"]) > utc_now()
        if not ok or locked or not row["active"]:
            if not ok:
                failed = int(row["failed"]) + 1
                until = utc_now() + dt.timedelta(minutes=LOCK_MINUTES) if failed >= MAX_FAILED else row["locked_until"]
                with self.engine.begin() as conn:
                    conn.execute(update(t.accounts).where(t.accounts.c.username == name)
                                 .values(failed=failed, locked_until=until))  # fmt: skip
            return None
        with self.engine.begin() as conn:
            values: dict[str, object] = {"failed": 0, "locked_until": None}
            if _HASHER.check_needs_rehash(stored):
                values["password_hash"] = _HASHER.hash(password)
            conn.execute(update(t.accounts).where(t.accounts.c.username == name).values(**values))
        return _account(row)


def _account(row: Any) -> Account:
    return Account(row["username"], row["role"], row["unit_kerja"], row["nip"], row["display_name"], bool(row["active"]))


