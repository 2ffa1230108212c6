"""Request bodies of the HTTP API (responses are the service schemas)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.services.schemas import SearchFilters


class SearchRequest(BaseModel):
    query: str = Field(min_length=1, max_length=500, examples=["Siapa ASN yang paling cocok untuk bidang perikanan?"])
    filters: SearchFilters | None = None
    limit: int = Field(10, ge=1, le=50)


class ChatRequest(BaseModel):
    message: str = Field(min_length=1, max_length=1000, examples=["Who is best suited for fisheries?"])
    conversation_id: str | None = Field(None, description="Keep the same id for follow-up questions.")
    stream: bool = Field(False, description="true: Server-Sent Events (candidates, token, replace, done).")


class Health(BaseModel):
    status: str
    people: int
    embedding_model: str
    llm: str
