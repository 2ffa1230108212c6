from fastapi import APIRouter

from assistant.api.deps import ContainerDep
from assistant.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(container: ContainerDep) -> Health:
    """Liveness plus what is loaded: number of people indexed, embedding model, answer writer."""
    return Health(
        status="ok",
        people=container.store.count(),
        embedding_model=container.embeddings.model_id,
        llm=container.service.writer_name,
    )
