"""FastAPI dependencies: the container, the service and the caller's identity."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from assistant.container import Container
from assistant.domain.identity import Caller
from assistant.services.talent import TalentService


def get_container(request: Request) -> Container:
    return request.app.state.container  # type: ignore[no-any-return]


def get_service(container: Annotated[Container, Depends(get_container)]) -> TalentService:
    return container.service


def get_caller(
    container: Annotated[Container, Depends(get_container)],
    x_api_key: Annotated[str | None, Header(description="Kunci API (wajib bila TALENTA_API__KEYS diisi).")] = None,
) -> Caller:
    keys = container.settings.api.keys
    if not keys:  # dev mode: no keys configured
        return Caller(user="dev", role="bkpsdm")
    key = keys.get(x_api_key or "")
    if key is None:
        raise HTTPException(status_code=401, detail="Kunci API tidak valid atau tidak ada (header X-API-Key).")
    return Caller(user=key.user, role=key.role, unit_kerja=key.unit_kerja, nip=key.nip)


def get_language(accept_language: Annotated[str | None, Header()] = None) -> str:
    return "en" if (accept_language or "").lower().startswith("en") else "id"


ContainerDep = Annotated[Container, Depends(get_container)]
ServiceDep = Annotated[TalentService, Depends(get_service)]
CallerDep = Annotated[Caller, Depends(get_caller)]
LanguageDep = Annotated[str, Depends(get_language)]
