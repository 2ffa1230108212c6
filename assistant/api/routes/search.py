from fastapi import APIRouter

from assistant.api.deps import CallerDep, ServiceDep
from assistant.api.schemas import SearchRequest, errors
from assistant.services.schemas import SearchResult

router = APIRouter(prefix="/v1", tags=["search"])


@router.post("/search", response_model=SearchResult, responses=errors(400, 503))
def search(body: SearchRequest, service: ServiceDep, caller: CallerDep) -> SearchResult:
    """Ranked people for a field or question, each with score, reasons and evidence (audited)."""
    return service.search(caller, body.query, filters=body.filters, limit=body.limit)
