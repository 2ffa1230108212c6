"""build_container(settings): the one place objects are wired together."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.chains.answer import note_writer, warm_note_writer
from assistant.chains.planner import llm_proposer
from assistant.chains.selection import note_selector, warm_note_selector
from assistant.config import Settings
from assistant.db.engine import build_engine, database_url, migrate
from assistant.db.repository import PeopleRepository
from assistant.domain.eligibility import load_rules
from assistant.domain.nine_box import NineBoxScheme, load_scheme
from assistant.llm.factory import build_chat_model
from assistant.retrieval.embeddings import TalentaEmbeddings, build_embeddings
from assistant.retrieval.store import TalentStore, build_client
from assistant.services.accounts import AccountService
from assistant.services.api_keys import ApiKeyService
from assistant.services.audit import AuditLog
from assistant.services.calibration import CalibrationService
from assistant.services.succession import SuccessionService
from assistant.services.talent import TalentService, weights_from

logger = logging.getLogger(__name__)


@dataclass
class Container:
    settings: Settings
    embeddings: TalentaEmbeddings
    store: TalentStore
    people: PeopleRepository
    audit: AuditLog
    service: TalentService
    succession: SuccessionService
    accounts: AccountService
    calibration: CalibrationService
    scheme: NineBoxScheme
    api_keys: ApiKeyService


def build_container(settings: Settings | None = None, embeddings: TalentaEmbeddings | None = None) -> Container:
    """Wire everything once. ``embeddings`` may be passed in to share one loaded model (tests)."""
    settings = settings or Settings()
    embeddings = embeddings or build_embeddings(settings.embeddings)
    client = build_client(settings.store.mode, settings.data_dir, settings.store.host, settings.store.port)
    engine = build_engine(database_url(settings.db.url, settings.data_dir))
    migrate(engine)
    scheme = load_scheme(settings.nine_box_path)
    people = PeopleRepository(engine, weights_from(settings.search), scheme)
    # the graph search keeps at least as many candidates as a search fetches texts
    search_ef = max(settings.store.search_ef, settings.search.chunk_pool)
    store = TalentStore(client, embeddings, settings.store.collection_prefix, records=people, search_ef=search_ef)
    audit = AuditLog.from_settings(settings)
    llm = build_chat_model(settings.llm)
    select = settings.llm.note == "select"
    writer = None
    if llm is not None:
        ollama = settings.llm.provider == "ollama"
        writer = note_selector(llm, settings.llm.grammar, openai=not ollama) if select else note_writer(llm)
    warm = warm_note_selector if select else warm_note_writer
    rules = load_rules(settings.rules_path) if settings.rules_path else None
    service = TalentService(
        store=store,
        people=people,
        embeddings=embeddings,
        audit=audit,
        search_settings=settings.search,
        writer=writer,
        writer_name="template" if llm is None else f"{settings.llm.provider}:{settings.llm.model}",
        default_language=settings.language,
        rules=rules,
        proposer=llm_proposer(llm) if llm is not None and settings.llm.propose_plans else None,
        warm_writer=(lambda: warm(llm)) if llm is not None else None,
        note_mode=settings.llm.note,
    )
    succession = SuccessionService(engine, people, audit, service)
    calibration = CalibrationService(engine, people, audit, scheme)
    return Container(settings, embeddings, store, people, audit, service, succession, AccountService(engine),
                     calibration, scheme, api_keys=ApiKeyService(engine, audit))  # fmt: skip
