from fastapi import APIRouter, Path

from assistant.api.deps import CallerDep, ServiceDep
from assistant.services.schemas import ProfileOut

router = APIRouter(prefix="/v1", tags=["employees"])


@router.get("/employees/{nip}", response_model=ProfileOut)
def employee(
    service: ServiceDep, caller: CallerDep, nip: str = Path(pattern=r"^\d{18}$", description="NIP 18 digit")
) -> ProfileOut:
    """One person's record as the caller may see it (audited)."""
    return service.profile(caller, nip)
