"""Talent pools and succession decisions: the same rules as the workbench, re-checked on every call."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from assistant.api.deps import CallerDep, ContainerDep, LanguageDep
from assistant.api.schemas import MAX_ID, IdPath, Nip, errors
from assistant.domain.posts import target_post_from_text
from assistant.domain.succession import Action, DevelopmentKind, DevelopmentStatus, Readiness
from assistant.services.brief_pdf import PDF_MIME, brief_pdf
from assistant.services.compare import Comparison, compare
from assistant.services.schemas import CandidateOut
from assistant.services.succession import (
    DevelopmentItem,
    InboxItem,
    MemberOut,
    PoolOut,
    SuccessionService,
    Vacancy,
    brief_xlsx,
)
from assistant.services.talent_map import TalentMap, talent_map
from assistant.services.xlsx import XLSX_MIME

router = APIRouter(prefix="/v1", tags=["succession"])
_SAY = {
    403: "The caller's role may not take this step.",
    404: "No such pool, nominee, plan item or person among those the caller may see.",
    409: "The step is not allowed in the nominee's state, or its note is missing.",
}
ERRORS = errors(403, 404, say=_SAY)  # the meeting briefs
WRITE = errors(400, 403, 404, 409, say=_SAY)  # a step on a pool, a nominee or a plan item, with a body
READ = errors(404, say=_SAY)


def _service(container: ContainerDep) -> SuccessionService:
    return container.succession


SuccessionDep = Annotated[SuccessionService, Depends(_service)]


class PoolIn(BaseModel):
    post_title: str = Field(min_length=3, max_length=300, description="The target post, e.g. 'Kepala Bidang Budidaya'.")
    unit_kerja: str | None = Field(None, max_length=300)
    level: str | None = Field(None, pattern=r"^(pengawas|administrator|jpt_pratama)$", description="Its eligibility rules.")
    critical: bool = False
    vacant_on: dt.date | None = None
    holder_nip: str | None = Field(None, pattern=r"^\d{18}$")
    note: str | None = Field(None, max_length=2000)


class MembersIn(BaseModel):
    nips: list[Nip] = Field(min_length=1, max_length=50, description="NIPs to add as candidates.")


class StepIn(BaseModel):
    action: Action = Field(description="nominasikan | verifikasi | tetapkan | tolak | tarik | batalkan (undo)")
    note: str = Field(min_length=5, max_length=2000, description="Why: every decision carries a note.")
    session_id: int | None = Field(None, ge=1, le=MAX_ID,
                                   description="The komite session the decision is taken in (see /v1/komite-sessions).")  # fmt: skip


class ReadinessIn(BaseModel):
    readiness: Readiness
    note: str = Field(min_length=5, max_length=2000)


class NoteIn(BaseModel):
    note: str = Field(min_length=5, max_length=2000)


@router.post("/pools", response_model=PoolOut, responses=errors(400, 403, 409, say={409: "The target post is empty."}))
def create_pool(body: PoolIn, svc: SuccessionDep, caller: CallerDep) -> PoolOut:
    """A talent pool for a target post (BKPSDM)."""
    return svc.create_pool(caller, **body.model_dump())


@router.get("/pools", response_model=list[PoolOut])
def pools(svc: SuccessionDep, caller: CallerDep) -> list[PoolOut]:
    """The pools the caller may see, without their nominees."""
    return svc.pools(caller)


@router.get("/pools/{pool_id}", response_model=PoolOut, responses=READ)
def pool(pool_id: IdPath, svc: SuccessionDep, caller: CallerDep) -> PoolOut:
    """A pool with its nominees, their state, readiness and every step taken (audited)."""
    return svc.pool(caller, pool_id)


@router.get("/pools/{pool_id}/suggestions", response_model=list[CandidateOut], responses=errors(403, 404, 503, say=_SAY))
def suggestions(
    pool_id: IdPath, svc: SuccessionDep, caller: CallerDep, limit: Annotated[int, Query(ge=1, le=50)] = 10
) -> list[Any]:
    """Eligible ASN for the pool's post ranked by Talenta's rules, not yet in the pool (BKPSDM, komite)."""
    return svc.suggest(caller, pool_id, limit)


@router.post("/pools/{pool_id}/members", response_model=PoolOut, responses=WRITE)
def add_members(pool_id: IdPath, body: MembersIn, svc: SuccessionDep, caller: CallerDep) -> PoolOut:
    """Add candidates to a pool (BKPSDM); the post's holder cannot be added."""
    return svc.add_members(caller, pool_id, body.nips)


@router.post("/pool-members/{member_id}/steps", response_model=MemberOut, responses=WRITE)
def step(member_id: IdPath, body: StepIn, svc: SuccessionDep, caller: CallerDep) -> MemberOut:
    """Move a nominee: nominasikan (BKPSDM), verifikasi (komite), tetapkan (pimpinan), tolak (komite,
    pimpinan), tarik (BKPSDM), batalkan (undo the latest step: its actor or BKPSDM)."""
    return svc.act(caller, member_id, body.action, body.note, session_id=body.session_id)


@router.post("/pool-members/{member_id}/readiness", response_model=MemberOut, responses=WRITE)
def readiness(member_id: IdPath, body: ReadinessIn, svc: SuccessionDep, caller: CallerDep) -> MemberOut:
    """The komite's readiness of a nominee: siap sekarang, 1-2 tahun, jangka panjang."""
    return svc.set_readiness(caller, member_id, body.readiness, body.note)


@router.post("/pool-members/{member_id}/main", response_model=MemberOut, responses=WRITE)
def main_successor(member_id: IdPath, body: NoteIn, svc: SuccessionDep, caller: CallerDep) -> MemberOut:
    """Mark the pool's main successor (komite); the other nominees are its backups."""
    return svc.set_main(caller, member_id, body.note)


@router.get("/inbox", response_model=list[InboxItem])
def inbox(svc: SuccessionDep, caller: CallerDep) -> list[InboxItem]:
    """What waits on the caller's role, longest waiting first."""
    return svc.inbox(caller)





class CompareIn(BaseModel):
    nips: list[Nip] = Field(min_length=2, max_length=4, description="2-4 NIPs.")
    post: str | None = Field(None, max_length=300, description="The target post, e.g. 'Kepala Bidang Budidaya'.")


@router.post("/compare", response_model=Comparison, responses=errors(400, 404, 409, say={
    404: "No such person among those the caller may see.", 409: "Fewer than 2 different NIPs."}))  # fmt: skip
def compare_people(body: CompareIn, container: ContainerDep, caller: CallerDep, language: LanguageDep) -> Comparison:
    """2-4 people side by side for one target post, the best value per row marked (audited)."""
    target = target_post_from_text(body.post) if body.post else None
    return compare(container.service, caller, body.nips, target, language)


@router.get("/talent-map", response_model=TalentMap)
def talent_map_of(
    container: ContainerDep, caller: CallerDep, language: LanguageDep,
    unit: Annotated[str | None, Query(max_length=300, description="A unit's name; every unit the caller may see if omitted.")] = None,
    year: Annotated[int | None, Query(ge=1990, le=2100, description="A mapping year (SKP year); each person's current cell if omitted.")] = None,
) -> TalentMap:  # fmt: skip
    """The 9-box map: people per cell with shares, laid out by the instansi's scheme, now or for one
    year (audited)."""
    return talent_map(container.service, caller, unit, language, year=year, calibration=container.calibration,
                      scheme=container.scheme)  # fmt: skip


@router.get("/vacancies", response_model=list[Vacancy], responses=errors(403, say={403: "ASN and integrators do not see succession plans."}))
def vacancies(
    svc: SuccessionDep, caller: CallerDep, years: Annotated[int, Query(ge=1, le=10, description="Within this many years.")] = 1
) -> list[Vacancy]:
    """Structural posts falling vacant within 1, 3 or 5 years by the retirement rules, soonest first."""
    return svc.vacancies(caller, years)


@router.get(
    "/pools/{pool_id}/brief.xlsx",
    responses={**ERRORS, 200: {"content": {XLSX_MIME: {}}, "description": "The meeting brief as XLSX."}},
    response_class=Response,
)
def pool_brief(pool_id: IdPath, svc: SuccessionDep, caller: CallerDep, language: LanguageDep) -> Response:
    """The meeting brief of a pool (bahan rapat): main successor, backups, rules and gaps (audited)."""
    data = brief_xlsx(svc, caller, pool_id, language)
    return Response(data, media_type=XLSX_MIME, headers={"Content-Disposition": f'attachment; filename="bahan-rapat-{pool_id}.xlsx"'})


@router.get(
    "/pools/{pool_id}/brief.pdf",
    responses={**ERRORS, 200: {"content": {PDF_MIME: {}}, "description": "The meeting brief as a print-ready A4 PDF."}},
    response_class=Response,
)
def pool_brief_pdf(pool_id: IdPath, svc: SuccessionDep, caller: CallerDep, language: LanguageDep) -> Response:
    """The meeting brief of a pool (bahan rapat) as PDF: the same content as the XLSX (audited)."""
    data = brief_pdf(svc, caller, pool_id, language)
    return Response(data, media_type=PDF_MIME, headers={"Content-Disposition": f'attachment; filename="bahan-rapat-{pool_id}.pdf"'})


class DevelopmentIn(BaseModel):
    kind: DevelopmentKind = Field(description="pelatihan | rotasi | mentoring | penugasan")
    description: str = Field(min_length=3, max_length=2000)
    due: dt.date | None = None
    note: str | None = Field(None, max_length=2000)


class DevelopmentStatusIn(BaseModel):
    status: DevelopmentStatus = Field(description="direncanakan | berjalan | selesai")
    note: str = Field(min_length=5, max_length=2000)


@router.get("/pool-members/{member_id}/development", response_model=list[DevelopmentItem], responses=READ)
def development(member_id: IdPath, svc: SuccessionDep, caller: CallerDep) -> list[DevelopmentItem]:
    """A nominee's development plan (IDP); the nominee may read their own."""
    return svc.development(caller, member_id)


@router.post("/pool-members/{member_id}/development", response_model=list[DevelopmentItem], responses=WRITE)
def plan_development(member_id: IdPath, body: DevelopmentIn, svc: SuccessionDep, caller: CallerDep) -> list[DevelopmentItem]:
    """Add an item to a nominee's development plan (BKPSDM, komite)."""
    return svc.plan_development(caller, member_id, body.kind, body.description, body.due, body.note)


@router.post("/development/{item_id}/status", response_model=list[DevelopmentItem], responses=WRITE)
def development_status(item_id: IdPath, body: DevelopmentStatusIn, svc: SuccessionDep, caller: CallerDep) -> list[DevelopmentItem]:
    """Move a development item: direncanakan, berjalan, selesai (with a note)."""
    return svc.update_development(caller, item_id, body.status, body.note)
