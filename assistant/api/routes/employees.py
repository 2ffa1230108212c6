from typing import Annotated

from fastapi import APIRouter, Path, Query

from assistant.api.deps import CallerDep, LanguageDep, ServiceDep
from assistant.api.schemas import errors
from assistant.services.schemas import EligibilityOut, ProfileOut

router = APIRouter(prefix="/v1", tags=["employees"])
NOT_SEEN = {404: "No such person among those the caller may see: a NIP the caller may not see answers exactly as "
            "one that does not exist."}
ERRORS = errors(404, 409, say={**NOT_SEEN, 409: "The post is not a structural post the rules know, or there is no "
                               "level above."})


@router.get("/employees/{nip}", response_model=ProfileOut, responses=errors(404, say=NOT_SEEN))
def employee(
    service: ServiceDep, caller: CallerDep, nip: str = Path(pattern=r"^\d{18}$", description="NIP 18 digit")
) -> ProfileOut:
    """One person's record as the caller may see it (audited)."""
    return service.profile(caller, nip)


@router.get("/employees/{nip}/eligibility", response_model=EligibilityOut, responses=ERRORS)
def eligibility(
    service: ServiceDep, caller: CallerDep, language: LanguageDep,
    nip: str = Path(pattern=r"^\d{18}$", description="NIP 18 digit"),
    post: Annotated[str | None, Query(max_length=300, description="A post ('Kepala Bidang Budidaya') or level "
                                      "('administrator'); the next level up from the current post if omitted.")] = None,
) -> EligibilityOut:  # fmt: skip
    """Whether the person meets each rule of the post (memenuhi / tidak memenuhi / perlu verifikasi) and what
    they still lack (audited)."""
    return service.eligibility_of(caller, nip, post, language)
