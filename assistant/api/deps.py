"""FastAPI dependencies: the container, the service, the caller's identity (API keys, rate limits) and
what the caller's key may do (its scope, checked per router)."""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from assistant.api.scopes import SCOPE_STATE, TRIM_STATE, Trim, fields_needed, operation_of
from assistant.config import OPERATION_FIELDS, UNIT_BLIND_OPERATIONS, ApiKey, KeyScope
from assistant.container import Container
from assistant.domain.identity import Caller
from assistant.services.api_keys import key_prefix
from assistant.services.talent import TalentService

logger = logging.getLogger(__name__)

KEY_DOC = """Kunci API / API key: `tal_<prefix>_<secret>` from `talenta keys create` (or a key in
TALENTA_API__KEYS for development). Required once any key exists; with none, dev mode acts as the
`dev` BKPSDM user and production refuses every request.

Each key has a scope: **operations** (`search`, `chat`, `query`, `profile`, `compare`, `talent-map`,
`succession`, `calibration`, or `all`; another one answers 403), **fields** of the people in
responses (`basic`: nip, nama, jabatan, jenis jabatan, unit, golongan; `evidence`: + score, reasons,
factors, evidence, eligibility; `full`: + whole profile records; fields above the key's level are left
out of the JSON) and **units** (only people of those units). An `integrasi` key gets `search` with
`basic` fields unless more is granted; a role key keeps its role's rights. `chat`, `compare`,
`succession` and `calibration` need `full` fields. Limits: `TALENTA_API__RATE_PER_MINUTE` requests per
key, `TALENTA_API__FAILED_KEY_PER_MINUTE` wrong keys per address; then 429 with `Retry-After`."""

API_KEY = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="X-API-Key", description=KEY_DOC)
ANONYMOUS = Caller(user="anonim", role="integrasi")  # who a wrong key is audited as


class RateLimiter:
    """Token buckets in this process (one per key, one per address for wrong keys): ``per_minute``
    tokens each, refilled evenly over a minute. Several API processes each keep their own."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # name -> (tokens, when)
        self._lock = threading.Lock()

    def take(self, name: str, per_minute: int) -> float:
        """0 when a token was taken; else the seconds until one is back (nothing taken)."""
        with self._lock:
            now = self._clock()
            tokens = self._level(name, per_minute, now)
            if tokens >= 1:
                self._buckets[name] = (tokens - 1, now)
                self._prune(now)
                return 0.0
            return (1 - tokens) * 60 / per_minute

    def wait(self, name: str, per_minute: int) -> float:
        """Like ``take`` but takes nothing: 0 when a token is there."""
        with self._lock:
            tokens = self._level(name, per_minute, self._clock())
            return 0.0 if tokens >= 1 else (1 - tokens) * 60 / per_minute

    def _level(self, name: str, per_minute: int, now: float) -> float:
        tokens, when = self._buckets.get(name, (float(per_minute), now))
        return min(float(per_minute), tokens + (now - when) * per_minute / 60)

    def _prune(self, now: float) -> None:
        if len(self._buckets) > 10_000:  # buckets idle for a minute are full again: forget them
            self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}


def get_container(request: Request) -> Container:
    return request.app.state.container  # type: ignore[no-any-return]


def get_service(container: Annotated[Container, Depends(get_container)]) -> TalentService:
    return container.service


def get_language(accept_language: Annotated[str | None, Header()] = None) -> str:
    return "en" if (accept_language or "").lower().startswith("en") else "id"


def _english(request: Request) -> bool:
    return request.headers.get("accept-language", "").lower().startswith("en")


def get_caller(
    request: Request,
    container: Annotated[Container, Depends(get_container)],
    x_api_key: Annotated[str | None, Security(API_KEY)] = None,
) -> Caller:
    """Who is asking: a key from the settings (compared in constant time with every one) or from the
    database (prefix, then the secret's hash). Wrong keys are slowed per address; each key is rate-limited."""
    api = container.settings.api
    en = _english(request)
    if not (api.keys or container.api_keys.exists()):
        if container.settings.env == "production":
            raise HTTPException(401, "No API key exists yet (talenta keys create)." if en else
                                "Belum ada kunci API (talenta keys create).")  # fmt: skip
        return _admit(request, Caller(user="dev", role="bkpsdm"), KeyScope())  # dev mode
    if not x_api_key:
        raise HTTPException(401, "Invalid or missing API key (header X-API-Key)." if en else
                            "Kunci API tidak valid atau tidak ada (header X-API-Key).")  # fmt: skip
    limiter: RateLimiter = request.app.state.limiter
    address = request.client.host if request.client else "-"
    wait = limiter.wait(f"failed:{address}", api.failed_key_per_minute)
    if wait:
        raise _too_many(wait, en)
    found = _settings_key(api.keys, x_api_key)
    if found is not None:
        bucket, scope = f"env:{found.user}", found.scope()
        caller = Caller(user=found.user, role=found.role, unit_kerja=found.unit_kerja, nip=found.nip,
                        units=tuple(scope.units) if scope.units is not None else None)  # fmt: skip
    else:
        info = container.api_keys.authenticate(x_api_key)
        if info is None:
            prefix = key_prefix(x_api_key)
            logger.warning("Wrong API key from %s (prefix %s)", address, prefix or "-")
            container.audit.record(ANONYMOUS, "api_key_failed", None, [], address=address, key_prefix=prefix)
            limiter.take(f"failed:{address}", api.failed_key_per_minute)
            raise HTTPException(401, "Invalid or missing API key (header X-API-Key)." if en else
                                "Kunci API tidak valid atau tidak ada (header X-API-Key).")  # fmt: skip
        bucket, scope, caller = f"db:{info.prefix}", info.scope, info.caller()
    wait = limiter.take(bucket, api.rate_per_minute)
    if wait:
        raise _too_many(wait, en)
    return _admit(request, caller, scope)


def require_scope(default: str) -> Callable[..., None]:
    """A router's dependency: the route's operation (``scopes.operation_of``; the router's by default)
    must be in the key's scope, with the field level it needs; it also notes what to trim from the answer."""

    def check(request: Request, caller: Annotated[Caller, Depends(get_caller)],
              container: Annotated[Container, Depends(get_container)]) -> None:  # fmt: skip
        scope: KeyScope = getattr(request.state, SCOPE_STATE)
        route = request.scope.get("route")
        path = getattr(route, "path", request.url.path)
        operation = operation_of(path, default)
        en = _english(request)
        if not scope.allows(operation):
            raise HTTPException(403, f"This API key may not use '{operation}'." if en else
                                f"Kunci API ini tidak boleh memakai '{operation}'.")  # fmt: skip
        needed = fields_needed(path, OPERATION_FIELDS.get(operation, "full"))
        if not scope.shows(needed):
            raise HTTPException(403, f"This needs an API key with fields '{needed}'." if en else
                                f"Ini memerlukan kunci API dengan fields '{needed}'.")  # fmt: skip
        if caller.units is not None and operation in UNIT_BLIND_OPERATIONS:
            raise HTTPException(403, f"A unit-limited API key may not use '{operation}'." if en else
                                f"Kunci API yang dibatasi unit tidak boleh memakai '{operation}'.")  # fmt: skip
        if scope.fields != "full" or caller.units is not None:
            total = container.people.count_visible(caller) if caller.units is not None else None
            setattr(request.state, TRIM_STATE, Trim(scope.fields, path, total))

    return check


def _admit(request: Request, caller: Caller, scope: KeyScope) -> Caller:
    setattr(request.state, SCOPE_STATE, scope)
    return caller


def _settings_key(keys: dict[str, ApiKey], given: str) -> ApiKey | None:
    """The settings key equal to ``given``: every key is compared (digests, constant time), no early exit."""
    digest = hashlib.sha256(given.encode()).digest()
    match: ApiKey | None = None
    for text, key in keys.items():
        if hmac.compare_digest(hashlib.sha256(text.encode()).digest(), digest) and match is None:
            match = key
    return match


def _too_many(wait: float, en: bool) -> HTTPException:
    seconds = max(1, math.ceil(wait))
    return HTTPException(429, f"Too many requests: try again in {seconds} s." if en else
                         f"Terlalu banyak permintaan: coba lagi dalam {seconds} detik.",
                         headers={"Retry-After": str(seconds)})  # fmt: skip


ContainerDep = Annotated[Container, Depends(get_container)]
ServiceDep = Annotated[TalentService, Depends(get_service)]
CallerDep = Annotated[Caller, Depends(get_caller)]
LanguageDep = Annotated[str, Depends(get_language)]
