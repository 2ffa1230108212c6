"""What an API key's scope means for the routes: each route's operation and field level, and the
trimming of people's fields a key may not see out of a JSON answer (routes stay as they are).

A router carries its operation (``deps.require_scope`` in ``create_app``); the few routes of a router
that are another operation, or need more fields, are named here. ``TrimPeople`` is an ASGI middleware:
after a route answered, it keeps of each candidate (search, query, chat) and of a profile only the
fields of the key's level, and, for a unit-limited key, counts ``total_people`` among its units.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.config import FIELD_LEVELS, FieldLevel

SCOPE_STATE = "talenta_scope"  # request.state: the caller's KeyScope (set by deps.get_caller)
TRIM_STATE = "talenta_trim"  # request.state: a Trim for TrimPeople (set by deps.require_scope)

PROFILE_PATH = "/v1/employees/{nip}"
# Routes whose operation is not their router's.
PATH_OPERATIONS: dict[str, str] = {
    "/v1/compare": "compare",
    "/v1/talent-map": "talent-map",
    "/v1/talent-map/years": "talent-map",
    "/v1/employees/{nip}/nine-box": "profile",
}
# Routes that need more fields than their operation: their answers cannot be trimmed.
PATH_FIELDS: dict[str, FieldLevel] = {
    "/v1/employees/{nip}/eligibility": "evidence",  # rules with the records behind them
    "/v1/employees/{nip}/nine-box": "full",  # the 9-box per year and every calibration of it
}
BASIC_CANDIDATE = ("rank", "nip", "nama", "nama_lengkap", "jabatan", "jenis_jabatan", "unit_kerja", "golongan",
                   "current_holder")  # fmt: skip
BASIC_PROFILE = ("nip", "nama", "nama_lengkap", "status", "golongan", "pangkat", "jabatan", "jenis_jabatan", "eselon",
                 "unit_kerja")  # fmt: skip


def operation_of(path: str, default: str) -> str:
    """The operation a route is (its path template, e.g. '/v1/employees/{nip}'); else its router's."""
    return PATH_OPERATIONS.get(path, default)


def fields_needed(path: str, operation_level: FieldLevel) -> FieldLevel:
    """The least field level a key needs for this route."""
    route_level = PATH_FIELDS.get(path, "basic")
    return max(operation_level, route_level, key=FIELD_LEVELS.index)


@dataclass(frozen=True)
class Trim:
    fields: FieldLevel
    path: str
    total_people: int | None = None  # a unit-limited key: the people it may see

    def apply(self, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if self.total_people is not None and "total_people" in data:
            data["total_people"] = self.total_people
        if self.fields == "basic" and isinstance(data.get("candidates"), list):
            data["candidates"] = [_pick(c, BASIC_CANDIDATE) for c in data["candidates"]]
        if self.path == PROFILE_PATH and self.fields != "full":
            data = _pick(data, BASIC_PROFILE)
        return data


def _pick(item: Any, keys: tuple[str, ...]) -> Any:
    return {k: item[k] for k in keys if k in item} if isinstance(item, dict) else item


class TrimPeople:
    """ASGI middleware: a successful JSON answer to a request that ``require_scope`` marked with a
    ``Trim`` is read whole, trimmed and sent with its new length; every other answer passes untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})  # shared with request.state of the route
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_trimmed(message: Message) -> None:
            nonlocal start
            trim = state.get(TRIM_STATE)
            if message["type"] == "http.response.start" and trim is not None and _json_ok(message):
                start = message
                return
            if message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = json.dumps(trim.apply(json.loads(b"".join(chunks))), ensure_ascii=False).encode()
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
                await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, send_trimmed)


def _json_ok(start: Message) -> bool:
    headers = dict(start.get("headers", []))
    return int(start["status"]) == 200 and headers.get(b"content-type", b"").startswith(b"application/json")
