from fastapi import APIRouter

from assistant.api.deps import CallerDep, ServiceDep
from assistant.api.schemas import QueryRequest, errors
from assistant.services.schemas import SearchResult

router = APIRouter(prefix="/v1", tags=["query"])


@router.post("/query", response_model=SearchResult, responses=errors(400, 503))
def query(body: QueryRequest, service: ServiceDep, caller: CallerDep) -> SearchResult:
    """Run a query plan as sent (filters, an optional field to rank by, sort, count or group-by,
    lookup): the same plans the question parser builds, validated, never SQL. The caller's
    visibility applies inside the query; a count never includes people the caller may not see."""
    return service.run_plan(caller, body.plan, limit=body.limit, language=body.language)
