"""Request bodies of the HTTP API (responses are the service schemas)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.domain.plan import QueryPlan
from assistant.services.schemas import SearchFilters


class SearchRequest(BaseModel):
    query: str = Field(min_length=1, max_length=500, examples=["Siapa ASN yang paling cocok untuk bidang perikanan?"])
    filters: SearchFilters | None = None
    limit: int = Field(10, ge=1, le=1000, description="Most people listed (a count is never cut).")


class QueryRequest(BaseModel):
    plan: QueryPlan = Field(
        examples=[{"filters": {"units": ["Dinas Perikanan"], "kotak": [7, 8, 9]}, "aggregate": {"kind": "count"}}]
    )
    limit: int = Field(50, ge=1, le=1000)
    language: Literal["id", "en"] = "id"


class ChatRequest(BaseModel):
    message: str = Field(min_length=1, max_length=1000, examples=["Who is best suited for fisheries?"])
    limit: int | None = Field(None, ge=1, le=1000, description="Most people listed (default 5 for a field, 50 for a list).")
    conversation_id: str | None = Field(None, description="Keep the same id for follow-up questions.")
    stream: bool = Field(False, description="true: Server-Sent Events (candidates, token, replace, done).")


class Health(BaseModel):
    status: str
    people: int
    embedding_model: str
    llm: str
