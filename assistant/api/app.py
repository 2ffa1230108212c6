"""create_app(container=None): the HTTP API. Routes are thin; everything happens in TalentService."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from assistant import __version__
from assistant.api.routes import chat, employees, health, query, search, succession
from assistant.container import Container, build_container
from assistant.services.errors import ServiceError

DESCRIPTION = """Talenta: pencarian talenta ASN yang objektif dan dapat diaudit.

Every search, chat answer and profile view is written to the audit log with the caller's identity.
Rankings are deterministic code; the answer text only phrases them. Decisions stay with the PPK.
Send `Accept-Language: en` for English error messages; answers follow the question's language.
"""


def create_app(container: Container | None = None) -> FastAPI:
    app = FastAPI(title="Talenta API", version=__version__, description=DESCRIPTION)
    app.state.container = container or build_container()
    if container is None:
        app.state.container.service.warm()  # the search index, built while the server starts

    @app.exception_handler(ServiceError)
    async def _service_error(request: Request, exc: ServiceError) -> JSONResponse:
        lang = "en" if request.headers.get("accept-language", "").lower().startswith("en") else "id"
        return JSONResponse(status_code=exc.status, content={"detail": exc.message(lang)})

    app.include_router(health.router)
    app.include_router(search.router)
    app.include_router(chat.router)
    app.include_router(query.router)
    app.include_router(employees.router)
    app.include_router(succession.router)
    return app
