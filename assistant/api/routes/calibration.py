"""Komite talenta sessions, 9-box calibrations and each person's 9-box history."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from assistant.api.deps import CallerDep, ContainerDep, LanguageDep
from assistant.api.schemas import MAX_ID, IdPath, errors
from assistant.services.calibration import CalibrationOut, CalibrationService, NineBoxHistory, SessionOut

router = APIRouter(prefix="/v1", tags=["calibration"])
_SAY = {
    403: "The caller's role may not do this (calibration: komite only).",
    404: "No such session, or no such person among those the caller may see.",
    409: "The reason is missing, the cell is not 1-9, or the person is already in that cell.",
}
ERRORS = errors(400, 403, 404, 409, say=_SAY)
NipPath = Annotated[str, Path(pattern=r"^\d{18}$", description="The person's NIP (18 digits).")]


def _service(container: ContainerDep) -> CalibrationService:
    return container.calibration


CalibrationDep = Annotated[CalibrationService, Depends(_service)]


class SessionIn(BaseModel):
    title: str = Field(min_length=3, max_length=300, description="e.g. 'Sidang Komite Talenta Semester II 2026'.")
    held_on: dt.date
    members: str | None = Field(None, max_length=2000, description="Who sat on the komite.")
    note: str | None = Field(None, max_length=4000)


class CalibrationIn(BaseModel):
    nip: str = Field(pattern=r"^\d{18}$")
    new_cell: int = Field(ge=1, le=9, description="The cell the komite moves the person to.")
    reason: str = Field(min_length=5, max_length=2000, description="Why: every calibration carries its reason.")
    session_id: int | None = Field(None, ge=1, le=MAX_ID, description="The komite session it is decided in.")


@router.post("/komite-sessions", response_model=SessionOut,
             responses=errors(400, 403, 409, say={**_SAY, 409: "The title is empty."}))  # fmt: skip
def create_session(body: SessionIn, svc: CalibrationDep, caller: CallerDep) -> SessionOut:
    """Open a komite talenta session (komite or BKPSDM as its secretariat)."""
    return svc.create_session(caller, body.title, body.held_on, body.members, body.note)


@router.get("/komite-sessions", response_model=list[SessionOut], responses=errors(403, say=_SAY))
def sessions(svc: CalibrationDep, caller: CallerDep) -> list[SessionOut]:
    """The komite sessions, newest first (pimpinan, BKPSDM, komite)."""
    return svc.sessions(caller)


@router.get("/komite-sessions/{session_id}", response_model=SessionOut, responses=errors(403, 404, say=_SAY))
def session(session_id: IdPath, svc: CalibrationDep, caller: CallerDep) -> SessionOut:
    """A session with who decided what in it: its calibrations and succession decisions (audited)."""
    return svc.session(caller, session_id)


@router.post("/calibrations", response_model=CalibrationOut, responses=ERRORS)
def calibrate(body: CalibrationIn, svc: CalibrationDep, caller: CallerDep) -> CalibrationOut:
    """Move a person's 9-box cell (komite): the old cell, the new one, the reason, the decider and the date are
    kept, and the new cell counts everywhere at once."""
    return svc.calibrate(caller, body.nip, body.new_cell, body.reason, body.session_id)


@router.get("/calibrations", response_model=list[CalibrationOut], responses=errors(403, 404, say=_SAY))
def calibrations(
    svc: CalibrationDep, caller: CallerDep,
    nip: Annotated[str | None, Query(pattern=r"^\d{18}$", description="One person's calibrations.")] = None,
) -> list[CalibrationOut]:  # fmt: skip
    """Calibrations, newest first: everyone's (pimpinan, BKPSDM, komite) or one person the caller may see."""
    return svc.calibrations(caller, nip)


@router.get("/employees/{nip}/nine-box", response_model=NineBoxHistory, responses=errors(404, say=_SAY))
def nine_box_history(nip: NipPath, svc: CalibrationDep, caller: CallerDep, language: LanguageDep) -> NineBoxHistory:
    """A person's 9-box cell per SKP year and every calibration of it (audited)."""
    return svc.history(caller, nip, language)


@router.get("/talent-map/years", response_model=list[int])
def map_years(svc: CalibrationDep, caller: CallerDep) -> list[int]:
    """Mapping years that have placements, newest first."""
    return svc.years()
