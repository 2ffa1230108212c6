"""What the service returns; the API and the UI show these as they are."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.domain.models import (
    Asesmen,
    Diklat,
    HukumanDisiplin,
    JenisJabatan,
    Jenjang,
    Pendidikan,
    Penghargaan,
    RiwayatJabatan,
    Skp,
)


class SearchFilters(BaseModel):
    unit_kerja: str | None = Field(None, description="Only people whose current unit (OPD) is this one.")
    golongan_min: str | None = Field(None, description="Lowest golongan, e.g. 'III/c'.")
    golongan_max: str | None = Field(None, description="Highest golongan, e.g. 'IV/b'.")
    jenis_jabatan: list[JenisJabatan] | None = Field(None, description="Current post type(s).")
    pendidikan_min: Jenjang | None = Field(None, description="Lowest education level, e.g. 'S1'.")
    diklat: str | None = Field(None, description="A training every candidate must have, e.g. 'PIM', 'PKA'.")


class EvidenceOut(BaseModel):
    kind: str = Field(description="jabatan | pendidikan | diklat | ringkasan")
    source: str = Field(description="The record it comes from, e.g. 'riwayat jabatan'.")
    text: str
    year: int | None = None
    years: float | None = Field(None, description="Years in the post (position evidence only).")
    match: float = Field(0.0, description="0..1: how closely this piece matched the question.")


class FactorOut(BaseModel):
    name: str
    value: float
    weight: float
    detail: str
    source: str


class RuleOut(BaseModel):
    id: str
    status: str = Field(description="memenuhi | tidak memenuhi | perlu verifikasi")
    hard: bool = Field(description="A hard rule decides eligibility; a preferred one is only reported.")
    detail: str
    evidence: str | None = None
    source: str = Field("", description="The legal clause or local rule the condition comes from.")


class EligibilityOut(BaseModel):
    post_level: str
    post_label: str
    status: str = Field(description="memenuhi | tidak memenuhi | perlu verifikasi (missing data never meets)")
    summary: str
    gaps: list[str] = Field(description="What the candidate still lacks for this post.")
    rules: list[RuleOut]


class CandidateOut(BaseModel):
    rank: int
    nip: str
    nama: str
    nama_lengkap: str
    jabatan: str | None = None
    unit_kerja: str | None = None
    golongan: str | None = None
    jenis_jabatan: str | None = None
    kotak_talenta: int | None = None
    kotak_talenta_arti: str | None = Field(None, description="What the 9-box cell means for action.")
    tahun_bidang_terkait: float = Field(0.0, description="Years in posts that match the question well.")
    score: float
    relevance: float
    merit: float
    reasons: list[str]
    factors: list[FactorOut]
    evidence: list[EvidenceOut]
    eligibility: EligibilityOut | None = Field(
        None, description="Per-rule eligibility for the target post, when the question names one."
    )
    current_holder: bool = Field(False, description="Holds the target post now: marked, not offered as successor.")


class GroupOut(BaseModel):
    key: str
    count: int


Status = Literal["ok", "declined", "not_understood"]


class Understanding(BaseModel):
    """What Talenta made of a question: shown before any answer."""

    status: Status = Field("ok", description="ok | declined (a protected attribute) | not_understood")
    understood: dict[str, Any] | None = Field(None, description="The query plan that was run, as JSON.")
    understood_text: str = Field("", description="'Saya memahami: ...' in the asker's language.")
    unused: list[str] = Field(default_factory=list, description="Words of the question no part of the plan used.")
    message: str | None = Field(None, description="Why a question was declined or not understood, with examples.")
    total_matching: int | None = Field(
        None,
        description="How many people match the question's conditions, among those the caller may see (0 for a weak "
        "match: the candidates are only the closest in meaning).",
    )
    groups: list[GroupOut] | None = Field(None, description="Counts per group, for a group-by question.")
    planner: str | None = Field(
        None, description="Who made the plan: parser (the deterministic default), llm (a model's proposal, validated), "
        "follow-up (the previous plan refined) or client (sent to /v1/query)."
    )


class SearchResult(Understanding):
    query: str
    field: str = Field(description="What was searched for, with the question template removed.")
    language: Literal["id", "en"]
    total_people: int = Field(description="People in the store the caller may see.")
    target_post: str | None = Field(None, description="Target post level found in the question, if any.")
    target_title: str | None = Field(None, description="The named position, e.g. 'Kepala Bidang Budidaya'.")
    weak_match: bool = Field(
        False,
        description="True when no person's records hold the question's distinctive words: the candidates "
        "are only the closest in meaning, to be checked against their evidence (a chat answer shows three).",
    )
    words_not_found: list[str] = Field(
        default_factory=list,
        description="The question's own words (as typed) that no record holds: a weak match names them first, "
        "and so does a count over a field (what was counted is what the other words matched).",
    )
    candidates: list[CandidateOut]


class AnswerOut(Understanding):
    question: str
    language: Literal["id", "en"]
    answer: str
    candidates: list[CandidateOut]
    writer: str = Field(description="Which writer produced the prose: 'template' or the model name.")
    grounded: bool = Field(description="False when a sentence of the model's note failed the check and was not shown.")
    facts: str = Field("", description="The ranked list (or the count or table) as text, built by code: the first thing shown.")
    note: str | None = Field(
        None,
        description="The model's note beside the list: the statements it chose, written by code from the records "
        "(TALENTA_LLM__NOTE=select, the default), or its own sentences that passed the check (write).",
    )
    note_status: Literal["none", "ok", "trimmed", "dropped", "unavailable"] = Field(
        "none",
        description="none: no model configured (or no candidates, or nothing to choose from); ok: the note is shown "
        "(every sentence passed); trimmed: some were not shown; dropped: none passed; unavailable: the model failed, "
        "timed out or chose no valid statement (the facts stand).",
    )
    note_dropped: int = Field(0, description="How many of the model's sentences failed the check and were not shown.")
    conversation_id: str | None = None
    intent: str = Field("new", description="new | refine | retarget | compare | explain | profile")
    standalone_question: str | None = Field(None, description="The follow-up rewritten without its history.")


class ProfileOut(BaseModel):
    """A person's record as shown to a user: nothing protected beyond what a feature needs."""

    nip: str
    nama: str
    nama_lengkap: str
    status: str | None = None
    golongan: str | None = None
    pangkat: str | None = None
    jabatan: str | None = None
    jenis_jabatan: str | None = None
    eselon: str | None = None
    unit_kerja: str | None = None
    kotak_talenta: int | None = None
    kotak_talenta_sumber: str
    pendidikan: list[Pendidikan]
    riwayat_jabatan: list[RiwayatJabatan]
    diklat: list[Diklat]
    skp: list[Skp]
    asesmen: list[Asesmen]
    penghargaan: list[Penghargaan]
    hukuman_disiplin: list[HukumanDisiplin]
    ringkasan: str | None = None
