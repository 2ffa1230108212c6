"""create_app(container=None): the HTTP API. Routes are thin; everything happens in TalentService."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from assistant import __version__
from assistant.api.deps import KEY_DOC, RateLimiter, require_scope
from assistant.api.routes import calibration, chat, employees, health, query, search, succession
from assistant.api.scopes import TrimPeople
from assistant.container import Container, build_container
from assistant.services.errors import ServiceError

DESCRIPTION = """Talenta: pencarian talenta ASN yang objektif dan dapat diaudit.

Every search, chat answer and profile view is written to the audit log with the caller's identity.
Rankings are deterministic code; the answer text only phrases them. Decisions stay with the PPK.
Send `Accept-Language: en` for English error messages; answers follow the question's language.

## API keys and scopes

""" + KEY_DOC + """

Without a key in the settings or the database, dev mode answers as the `dev` BKPSDM user; with
`TALENTA_ENV=production` every request is refused (401) until `talenta keys create` makes a key.
Rate limits are kept per API process.
"""
logger = logging.getLogger(__name__)

RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}}
# Documented on every route that takes a key (401 and 429 come from deps.get_caller, 403 from require_scope).
KEYED: dict[int | str, dict[str, Any]] = {
    401: {"description": "No API key, a wrong or revoked one (header X-API-Key)."},
    403: {"description": "The key's scope does not allow this operation or field level (or the role may not)."},
    429: {"description": "Too many requests with this key, or too many wrong keys from this address.",
          "headers": RETRY_AFTER},
}  # fmt: skip
# The operation each router is; scopes.PATH_OPERATIONS names the routes that are another one.
OPERATIONS = ((search.router, "search"), (chat.router, "chat"), (query.router, "query"), (employees.router, "profile"),
              (succession.router, "succession"), (calibration.router, "calibration"))  # fmt: skip


def create_app(container: Container | None = None) -> FastAPI:
    app = FastAPI(title="Talenta API", version=__version__, description=DESCRIPTION)
    app.state.container = container or build_container()
    if container is None:
        app.state.container.service.warm()  # the search index, built while the server starts
    app.state.limiter = RateLimiter()
    app.add_middleware(TrimPeople)
    _check_keys(app.state.container)

    @app.exception_handler(ServiceError)
    async def _service_error(request: Request, exc: ServiceError) -> JSONResponse:
        lang = "en" if request.headers.get("accept-language", "").lower().startswith("en") else "id"
        return JSONResponse(status_code=exc.status, content={"detail": exc.message(lang)})

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        """422 as FastAPI writes it, but a rejected value is echoed at most 200 characters long."""
        errors = [{**e, "input": _clip(e["input"])} if "input" in e else e for e in exc.errors()]
        return JSONResponse(status_code=422, content=jsonable_encoder({"detail": errors}))

    app.include_router(health.router)
    for router, operation in OPERATIONS:
        app.include_router(router, dependencies=[Depends(require_scope(operation))], responses=KEYED)
    return app


def _clip(value: Any) -> Any:
    if isinstance(value, str | bytes) and len(value) > 200:
        return f"{value[:200]!s}... ({len(value)} characters)"
    if isinstance(value, dict | list) and len(str(value)) > 200:
        return f"{str(value)[:200]}... (too long to echo)"
    return value


def _check_keys(container: Container) -> None:
    """Production without any key starts (keys may be made while it runs) but refuses every request."""
    if container.settings.api.keys or container.api_keys.exists():
        return
    if container.settings.env == "production":
        logger.error("TALENTA_ENV=production and no API key: every request is refused (401) until "
                     "`talenta keys create` makes one.")  # fmt: skip
    else:
        logger.warning("No API key: every request acts as the 'dev' BKPSDM user (dev mode).")
