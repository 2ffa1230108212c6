"""API keys kept as secrets: create, list, revoke, authenticate.

A key reads ``tal_<prefix>_<secret>``: the prefix (8 hex characters) is public, names the key in lists
and the audit log and finds its row; the secret (43 URL-safe characters, 256 random bits) is shown once
and stored only as HMAC-SHA256 under a random per-key salt, compared in constant time. A slow password
hash (argon2, as for accounts) adds nothing for a secret this long and would cost every API request tens
of milliseconds and 64 MiB. Each key carries its scope (``KeyScope``: operations, field level, units).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, insert, select, update

from assistant.config import OPERATION_FIELDS, UNIT_BLIND_OPERATIONS, KeyScope
from assistant.db import tables as t
from assistant.db.engine import aware, utc_now
from assistant.domain.identity import Caller, Role
from assistant.services.audit import AuditLog
from assistant.services.errors import Conflict, NotFound

ROLES: tuple[Role, ...] = ("pimpinan", "bkpsdm", "komite", "opd", "asn", "integrasi")
SECRET_BYTES = 32  # secrets.token_urlsafe(32): 43 characters
_KEY = re.compile(r"^tal_([0-9a-f]{8})_([A-Za-z0-9_-]{32,200})$")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{1,119}$")
_SCHEME = "hmac-sha256"
_DUMMY_SALT = secrets.token_bytes(16)  # verified against when the prefix is unknown (same work, no oracle)
_TOUCH_EVERY = dt.timedelta(seconds=60)  # last_used_at is written at most this often per key


@dataclass(frozen=True)
class ApiKeyInfo:
    """A key as listed: never its secret."""

    prefix: str
    user: str
    role: Role
    unit_kerja: str | None
    nip: str | None
    scope: KeyScope
    created_at: dt.datetime
    created_by: str | None
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def caller(self) -> Caller:
        units = tuple(self.scope.units) if self.scope.units is not None else None
        return Caller(user=self.user, role=self.role, unit_kerja=self.unit_kerja, nip=self.nip, units=units)


def key_prefix(key: str) -> str | None:
    """The public prefix of a well-formed key (safe to log), else None."""
    found = _KEY.match(key)
    return found.group(1) if found else None


def hash_secret(secret: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hmac.new(salt, secret.encode(), hashlib.sha256).hexdigest()
    return f"{_SCHEME}${salt.hex()}${digest}"


def _verify(secret: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
        expected = bytes.fromhex(digest)
        computed = hmac.new(bytes.fromhex(salt), secret.encode(), hashlib.sha256).digest()
    except ValueError:
        return False
    return scheme == _SCHEME and hmac.compare_digest(computed, expected)


class ApiKeyService:
    def __init__(self, engine: Engine, audit: AuditLog | None = None) -> None:
        self.engine = engine
        self.audit = audit

    def create(
        self,
        user: str,
        role: Role,
        unit_kerja: str | None = None,
        nip: str | None = None,
        scope: KeyScope | None = None,
        by: Caller | None = None,
    ) -> tuple[ApiKeyInfo, str]:
        """A new key and its full text (shown once: only its hash is kept). The role rules of local
        accounts apply: an OPD key needs its unit, an ASN key its NIP, and a user name keeps one role."""
        name = user.strip().lower()
        if not _USERNAME.match(name):
            raise Conflict("Nama pengguna: 2-120 huruf kecil, angka, titik, garis bawah, tanda hubung, + atau @.",
                           "User name: 2-120 lower-case letters, digits, dots, underscores, hyphens, + or @.")  # fmt: skip
        if role not in ROLES:
            raise Conflict(f"Peran tidak dikenal: {role}.", f"Unknown role: {role}.")
        if role == "opd" and not (unit_kerja or "").strip():
            raise Conflict("Kunci OPD wajib menyebut unit kerjanya.", "An OPD key needs its unit.")
        if role == "asn" and not re.fullmatch(r"\d{18}", nip or ""):
            raise Conflict("Kunci ASN wajib menyebut NIP 18 digit pemiliknya.", "An ASN key needs its owner's 18-digit NIP.")
        scope = scope or KeyScope.for_role(role)
        _check_scope(scope)
        with self.engine.begin() as conn:
            others = {r[0] for r in conn.execute(select(t.api_keys.c.role).where(t.api_keys.c.username == name))}
            others |= {r[0] for r in conn.execute(select(t.accounts.c.role).where(t.accounts.c.username == name))}
            if others - {role}:
                held = ", ".join(sorted(others - {role}))
                raise Conflict(f"Nama '{name}' sudah dipakai dengan peran lain ({held}).",
                               f"The name '{name}' is already used with another role ({held}).")  # fmt: skip
            prefix = secrets.token_hex(4)
            while conn.execute(select(t.api_keys.c.prefix).where(t.api_keys.c.prefix == prefix)).first():
                prefix = secrets.token_hex(4)
            secret = secrets.token_urlsafe(SECRET_BYTES)
            conn.execute(insert(t.api_keys).values(
                prefix=prefix, secret_hash=hash_secret(secret), username=name, role=role,
                unit_kerja=unit_kerja if role == "opd" else None, nip=nip if role == "asn" else None,
                scopes=scope.model_dump_json(), created_by=by.user if by else None, created_at=utc_now()))  # fmt: skip
        if self.audit is not None and by is not None:
            self.audit.record(by, "api_key_create", None, [], key_prefix=prefix, key_user=name, key_role=role,
                              scopes=scope.model_dump(mode="json"))  # fmt: skip
        info = self.get(prefix)
        assert info is not None
        return info, f"tal_{prefix}_{secret}"

    def get(self, prefix: str) -> ApiKeyInfo | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.api_keys).where(t.api_keys.c.prefix == prefix)).mappings().first()
        return None if row is None else _info(row)

    def list(self) -> list[ApiKeyInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.api_keys).order_by(t.api_keys.c.created_at, t.api_keys.c.prefix)).mappings().all()
        return [_info(r) for r in rows]

    def exists(self) -> bool:
        """Whether any key was ever made here (a revoked one too): then the API asks every caller for one."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.api_keys.c.prefix).limit(1)).first() is not None

    def revoke(self, prefix: str, by: Caller | None = None) -> ApiKeyInfo:
        prefix = prefix.strip().removeprefix("tal_").split("_")[0]
        with self.engine.begin() as conn:
            done = conn.execute(update(t.api_keys).where(t.api_keys.c.prefix == prefix, t.api_keys.c.revoked_at.is_(None))
                                .values(revoked_at=utc_now())).rowcount  # fmt: skip
        info = self.get(prefix)
        if info is None:
            raise NotFound(f"Tidak ada kunci API '{prefix}'.", f"No API key '{prefix}'.")
        if done and self.audit is not None and by is not None:
            self.audit.record(by, "api_key_revoke", None, [], key_prefix=prefix, key_user=info.user)
        return info

    def authenticate(self, key: str) -> ApiKeyInfo | None:
        """The active key this text is, or None (malformed, unknown prefix, wrong secret, revoked).
        The secret's hash is compared in constant time, against a dummy when the prefix is unknown."""
        found = _KEY.match(key)
        if not found:
            return None
        prefix, secret = found.groups()
        with self.engine.connect() as conn:
            row = conn.execute(select(t.api_keys).where(t.api_keys.c.prefix == prefix)).mappings().first()
        stored = row["secret_hash"] if row is not None else hash_secret("", _DUMMY_SALT)
        ok = _verify(secret, stored)
        if row is None or not ok or row["revoked_at"] is not None:
            return None
        now = utc_now()
        if row["last_used_at"] is None or now - aware(row["last_used_at"]) >= _TOUCH_EVERY:
            with self.engine.begin() as conn:
                conn.execute(update(t.api_keys).where(t.api_keys.c.prefix == prefix).values(last_used_at=now))
        return _info(row)


def _check_scope(scope: KeyScope) -> None:
    if scope.operations != "all":
        short = [op for op in scope.operations if not scope.shows(OPERATION_FIELDS[op])]
        if short:
            raise Conflict(f"Operasi {', '.join(short)} memerlukan fields 'full'.",
                           f"The operations {', '.join(short)} need fields 'full'.")  # fmt: skip
    if scope.units is not None:
        if not [u for u in scope.units if u.strip()]:
            raise Conflict("Daftar unit kunci kosong.", "The key's unit list is empty.")
        if scope.operations == "all" or set(UNIT_BLIND_OPERATIONS) & set(scope.operations):
            raise Conflict(f"Kunci yang dibatasi unit tidak dapat memakai {', '.join(UNIT_BLIND_OPERATIONS)} (sebutkan operasinya).",
                           f"A unit-limited key cannot use {', '.join(UNIT_BLIND_OPERATIONS)} (name its operations).")  # fmt: skip


def _info(row: Any) -> ApiKeyInfo:
    return ApiKeyInfo(
        prefix=row["prefix"], user=row["username"], role=row["role"], unit_kerja=row["unit_kerja"], nip=row["nip"],
        scope=KeyScope.model_validate(json.loads(row["scopes"])), created_at=aware(row["created_at"]),
        created_by=row["created_by"], revoked_at=aware(row["revoked_at"]) if row["revoked_at"] else None,
        last_used_at=aware(row["last_used_at"]) if row["last_used_at"] else None,
    )  # fmt: skip
