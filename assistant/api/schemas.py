"""Request bodies of the HTTP API, its error body and the error responses each route documents
(responses are the service schemas).

Every input is bounded: each string has a length (or a pattern), each list a number of items, each id
and year a range, so no request can make the service or the audit log hold more than a page of text.
A query plan or search filters sent by a client are the domain's models with those bounds added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import Path
from pydantic import BaseModel, Field, StringConstraints

from assistant.domain.models import JenisJabatan, Jenjang, Predikat
from assistant.domain.plan import Aggregate, Filters, Lookup, QueryPlan, SkpFilter, TrainingFilter
from assistant.services.conversation import CONVERSATION_ID
from assistant.services.schemas import SearchFilters

MAX_ID = 2**31 - 1  # record ids are 32-bit integers in PostgreSQL
MAX_TEXT = 300  # a unit, a post, a name
MAX_WORD = 80  # a word or a short phrase
MAX_CODE = 20  # a golongan ('III/c'), an eselon ('III.a')
MAX_ITEMS = 50  # units, eselons, words ... in one filter
MAX_NIPS = 1000  # the people an integrator's plan names

Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Word = Annotated[str, StringConstraints(max_length=MAX_WORD)]
Code = Annotated[str, StringConstraints(max_length=MAX_CODE)]
Nip = Annotated[str, StringConstraints(pattern=r"^\d{18}$")]
Year = Annotated[int, Field(ge=1990, le=2100)]
IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's id.")]
Level = Annotated[str, StringConstraints(pattern=r"^(pengawas|administrator|jpt_pratama)$")]


# ---- errors ----------------------------------------------------------------------------------


class ErrorOut(BaseModel):
    """An error the API answers itself: one message, in Indonesian (or English with Accept-Language: en)."""

    detail: str = Field(examples=["Pegawai dengan NIP 199901012020011001 tidak ditemukan."])


ERROR_TEXT: dict[int, str] = {
    400: "The request body could not be read (not JSON, or not UTF-8).",
    403: "The caller's role may not do this.",
    404: "Not found among the records the caller may see (a person the caller may not see answers as one that "
    "does not exist).",
    409: "The request conflicts with the rules or with the record's state.",
    503: "The search index was built by an older version of Talenta: run `talenta ingest` once more.",
}


def errors(*codes: int, say: Mapping[int, str] | None = None) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: each error status it can answer, with the ErrorOut body and what it
    means there (``say`` overrides the general meaning). 422 (validation) FastAPI documents itself; a
    route's 403 replaces the one create_app documents for every keyed route, so it keeps its meaning too."""
    text = {**ERROR_TEXT, **(say or {})}
    if 403 in text:
        text[403] = f"{text[403]} Or the API key's scope does not allow this operation."
    return {code: {"model": ErrorOut, "description": text[code]} for code in codes}


# ---- a query plan and search filters, as a client sends them -----------------------------------


def _as(model: type[BaseModel], name: str, **bounds: Any) -> Any:
    """``model``'s field ``name`` (its default and description) with ``bounds`` added."""
    base = model.model_fields[name]
    kept: dict[str, Any] = {"description": base.description}
    if base.default_factory is not None:
        kept["default_factory"] = base.default_factory
    elif not base.is_required():
        kept["default"] = base.default
    return Field(**kept, **bounds)


class SearchFiltersIn(SearchFilters):
    unit_kerja: Text | None = _as(SearchFilters, "unit_kerja")
    golongan_min: Code | None = _as(SearchFilters, "golongan_min")
    golongan_max: Code | None = _as(SearchFilters, "golongan_max")
    jenis_jabatan: list[JenisJabatan] | None = _as(SearchFilters, "jenis_jabatan", max_length=len(JenisJabatan))
    diklat: Text | None = _as(SearchFilters, "diklat")


class SkpFilterIn(SkpFilter):
    predikat: list[Predikat] = _as(SkpFilter, "predikat", min_length=1, max_length=len(Predikat))
    years: list[Year] = _as(SkpFilter, "years", max_length=20)


class TrainingFilterIn(TrainingFilter):
    words: list[Word] = _as(TrainingFilter, "words", max_length=20)
    also: list[Annotated[list[Word], Field(max_length=20)]] = _as(TrainingFilter, "also", max_length=20)


class FiltersIn(Filters):
    units: list[Text] = _as(Filters, "units", max_length=MAX_ITEMS)
    units_exclude: list[Text] = _as(Filters, "units_exclude", max_length=MAX_ITEMS)
    kotak: list[Annotated[int, Field(ge=1, le=9)]] = _as(Filters, "kotak", max_length=9)
    skp: SkpFilterIn | None = None
    golongan_min: Code | None = _as(Filters, "golongan_min")
    golongan_max: Code | None = _as(Filters, "golongan_max")
    eselon: list[Code] = _as(Filters, "eselon", max_length=MAX_ITEMS)
    jenis_jabatan: list[JenisJabatan] = _as(Filters, "jenis_jabatan", max_length=len(JenisJabatan))
    post_level: list[Word] = _as(Filters, "post_level", max_length=MAX_ITEMS)
    pendidikan: list[Jenjang] = _as(Filters, "pendidikan", max_length=len(Jenjang))
    jurusan: Text | None = _as(Filters, "jurusan")
    training: list[TrainingFilterIn] = _as(Filters, "training", max_length=10)  # type: ignore[assignment]  # read only
    nips: list[Nip] = _as(Filters, "nips", max_length=MAX_NIPS)


class AggregateIn(Aggregate):
    year: Year | None = _as(Aggregate, "year")


class LookupIn(Lookup):
    nip: Nip | None = None
    name: Text | None = None


class QueryPlanIn(QueryPlan):
    filters: FiltersIn = Field(default_factory=FiltersIn)
    relevance: Annotated[str, StringConstraints(max_length=500)] | None = _as(QueryPlan, "relevance")
    target_post: Level | None = _as(QueryPlan, "target_post")
    target_title: Text | None = None
    aggregate: AggregateIn | None = None
    lookup: LookupIn | None = None
    as_of: dt.date | None = _as(QueryPlan, "as_of", ge=dt.date(1990, 1, 1), le=dt.date(2100, 12, 31))


# ---- request bodies ------------------------------------------------------------------------------


class SearchRequest(BaseModel):
    query: str = Field(min_length=1, max_length=500, examples=["Siapa ASN yang paling cocok untuk bidang perikanan?"])
    filters: SearchFiltersIn | None = None
    limit: int = Field(10, ge=1, le=1000, description="Most people listed (a count is never cut).")


class QueryRequest(BaseModel):
    plan: QueryPlanIn = Field(
        examples=[{"filters": {"units": ["Dinas Perikanan"], "kotak": [7, 8, 9]}, "aggregate": {"kind": "count"}}]
    )
    limit: int = Field(50, ge=1, le=1000)
    language: Literal["id", "en"] = "id"


class ChatRequest(BaseModel):
    message: str = Field(min_length=1, max_length=1000, examples=["Who is best suited for fisheries?"])
    limit: int | None = Field(None, ge=1, le=1000, description="Most people listed (default 5 for a field, 50 for a list).")
    conversation_id: str | None = Field(
        None,
        max_length=64,
        pattern=CONVERSATION_ID,
        description="Keep the same id for follow-up questions (1-64 letters, digits, '_' or '-'). A conversation "
        "belongs to its caller: another key sending the same id starts a conversation of its own.",
    )
    stream: bool = Field(False, description="true: Server-Sent Events (candidates, token, replace, done).")


class Health(BaseModel):
    status: str
    people: int
    embedding_model: str
    llm: str
