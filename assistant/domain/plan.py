"""A typed query plan: what a question asks for, as data (never SQL text).

Built by the deterministic parser (``assistant.domain.plan_parser``), proposed by an LLM as JSON and
validated here, or sent as is by an integrator (``POST /v1/query``). Executed by
``assistant.db.query`` with the caller's visibility inside the query; a field relevance part runs
through the hybrid search, restricted to the people the filters let through.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.domain.golongan import GolonganError, parse_golongan
from assistant.domain.models import JenisJabatan, Jenjang, Predikat


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SkpFilter(_Part):
    predikat: list[Predikat] = Field(min_length=1, description="Any of these predicates.")
    year: int | None = Field(None, ge=1990, le=2100, description="In this year.")
    years: list[int] = Field(default_factory=list, description="In each of these years (a missing year never qualifies).")
    last_years: int | None = Field(
        None, ge=1, le=10, description="In each of the last N years (ending at the latest SKP year in the data)."
    )


class TrainingFilter(_Part):
    words: list[str] = Field(default_factory=list, description="Words the training's name must contain, e.g. ['ai'].")
    also: list[list[str]] = Field(
        default_factory=list, max_length=20,
        description="Or a name with all the words of one of these: the name spelled out ('PPNS': Penyidik Pegawai Negeri Sipil).",
    )
    leadership: bool = Field(False, description="A leadership training (Diklat PIM / PKP / PKA / PKN).")
    level: Literal["II", "III", "IV"] | None = Field(None, description="Leadership level: PIM II / III (PKA) / IV (PKP).")
    taken: bool = Field(True, description="False: people who have NOT taken such a training.")
    score_min: float | None = Field(None, ge=0, le=10, description="Lowest score, 0-10 scale (0-100 scores are divided by 10).")
    score_max: float | None = Field(None, ge=0, le=10, description="Highest score, 0-10 scale.")
    score_below: float | None = Field(None, ge=0, le=10, description="Score strictly below this, 0-10 scale.")
    passed_on: bool | None = Field(None, description="True: marked as going on to the next stage ('lanjut').")
    remark: str | None = Field(None, max_length=80, description="The score sheet's Keterangan contains this, e.g. 'Cukup'.")
    year: int | None = Field(None, ge=1970, le=2100)


class RetirementFilter(_Part):
    year: int | None = Field(None, ge=1990, le=2100, description="Reaching the retirement age (BUP) in this year.")
    year_to: int | None = Field(None, ge=1990, le=2100, description="With year: in any year from year to year_to.")
    within_years: int | None = Field(None, ge=0, le=40, description="Within this many years from today.")


class Filters(_Part):
    units: list[str] = Field(default_factory=list, description="Current unit (OPD) names, as stored; any of them.")
    units_exclude: list[str] = Field(default_factory=list, description="Not in these units ('di luar puskesmas').")
    kotak: list[int] = Field(default_factory=list, description="9-box cells; any of them.")
    skp: SkpFilter | None = None
    golongan_min: str | None = Field(None, description="Lowest golongan, e.g. 'III/c'.")
    golongan_max: str | None = Field(None, description="Highest golongan, e.g. 'IV/b'.")
    eselon: list[str] = Field(default_factory=list, description="Eselon, 'III' (any III.x) or 'III.a'.")
    jenis_jabatan: list[JenisJabatan] = Field(default_factory=list)
    post_title: str | None = Field(
        None, max_length=120, description="The current post's title starts with these words ('guru', 'kepala bidang')."
    )
    post_level: list[str] = Field(
        default_factory=list, description="The level a fungsional post's title names ('Ahli Madya', 'Penyelia'); any of them."
    )
    pendidikan: list[Jenjang] = Field(default_factory=list, description="Highest education is one of these.")
    pendidikan_min: Jenjang | None = Field(None, description="Highest education at least this (D4 = S1).")
    jurusan: str | None = Field(None, description="A degree (any level) whose major contains these words.")
    training: list[TrainingFilter] = Field(default_factory=list, description="Every one must hold.")
    discipline_in_force: bool | None = Field(None, description="True: a sanction in force on the plan's date; False: none.")
    jpm_min: float | None = Field(None, ge=0, le=100)
    jpm_max: float | None = Field(None, ge=0, le=100)
    years_in_post_min: float | None = Field(None, ge=0, le=60)
    years_in_post_strict: bool = Field(False, description="True: more than years_in_post_min ('lebih dari'), not at least.")
    years_in_post_max: float | None = Field(None, ge=0, le=60)
    field_years_min: float | None = Field(
        None, ge=0, le=60, description="Years in posts related to the question's field (its relevance) at least this."
    )
    field_years_strict: bool = Field(False, description="True: more than field_years_min ('lebih dari'), not at least.")
    retirement: RetirementFilter | None = None
    nips: list[str] = Field(default_factory=list, description="Only these people (a follow-up, an integrator).")

    @field_validator("golongan_min", "golongan_max")
    @classmethod
    def _golongan(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return parse_golongan(value)
        except GolonganError as exc:
            raise ValueError(str(exc)) from exc

    @field_validator("kotak")
    @classmethod
    def _cells(cls, value: list[int]) -> list[int]:
        if any(not 1 <= c <= 9 for c in value):
            raise ValueError("9-box cells are 1-9")
        return sorted(set(value))

    def any(self) -> bool:
        return any(bool(v) or v is False for v in self.model_dump(exclude_defaults=True).values())


SortKey = Literal["merit", "jpm", "skp", "years_in_post", "retirement", "relevance", "name", "training_score"]
GroupKey = Literal["unit", "golongan", "kotak", "pendidikan", "skp", "training_score", "jenis_jabatan", "eselon",
                   "training_remark", "jenis_kelamin"]


class Sort(_Part):
    key: SortKey
    descending: bool = True


class Aggregate(_Part):
    """A count or a group-by. By 'jenis_kelamin' only for BKPSDM, as an equality report: counts, no names."""

    kind: Literal["count", "group"]
    by: GroupKey | None = None
    year: int | None = Field(None, description="For group by SKP predicate: the SKP year (default: the latest).")


class Lookup(_Part):
    nip: str | None = None
    name: str | None = None


class QueryPlan(_Part):
    filters: Filters = Field(default_factory=Filters)
    relevance: str | None = Field(None, description="A field to rank by (the hybrid search), e.g. 'perikanan'.")
    target_post: str | None = Field(None, description="pengawas | administrator | jpt_pratama: eligibility groups.")
    target_title: str | None = None
    sort: Sort | None = None
    aggregate: Aggregate | None = None
    lookup: Lookup | None = None
    limit: int | None = Field(None, ge=1, le=100_000)
    as_of: dt.date | None = Field(
        None, description="The date the question is asked about ('per 31 Desember 2025'): sanctions in force, years in "
        "post and retirement windows count from it. Default: today."
    )

    def structured(self) -> bool:
        """Anything beyond a plain field search."""
        return bool(self.filters.any() or self.sort or self.aggregate or self.lookup)


class ParsedPlan(BaseModel):
    """What the parser made of a question: the plan, what it understood, and what it could not use."""

    plan: QueryPlan
    status: Literal["ok", "declined", "not_understood"] = "ok"
    understood: list[str] = Field(default_factory=list, description="Each recognised part, in the asker's language.")
    unused: list[str] = Field(default_factory=list, description="Words of the question no part could use.")
    declined_reason: str | None = None
    language: Literal["id", "en"] = "id"
    planner: Literal["parser", "llm", "follow-up", "client"] = "parser"


def refine(previous: QueryPlan, new: QueryPlan) -> QueryPlan:
    """A follow-up's plan on top of the previous one ("yang golongan IV saja?", "urutkan menurut JPM"):
    every filter the follow-up names replaces the previous one of that kind, a training filter is
    added, the others stay; a new sort or aggregate replaces the old one, and a sort alone turns a
    count or a group-by back into a list."""
    merged = previous.model_copy(deep=True)
    given = new.filters.model_dump(exclude_defaults=True)
    filters = merged.filters.model_dump()
    for key, value in given.items():
        filters[key] = filters[key] + value if key == "training" else value
    if "years_in_post_min" in given and "years_in_post_strict" not in given:
        filters["years_in_post_strict"] = False
    merged.filters = Filters.model_validate(filters)
    if new.sort is not None:
        merged.sort = new.sort
        if new.aggregate is None:
            merged.aggregate = None
    if new.aggregate is not None:
        merged.aggregate = new.aggregate
    for key in ("relevance", "target_post", "target_title", "as_of"):
        if getattr(new, key) is not None:
            setattr(merged, key, getattr(new, key))
    merged.lookup = None
    return merged
