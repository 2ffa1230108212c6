"""The database engine: SQLite under the data dir by default, PostgreSQL (or any SQLAlchemy URL) by
``TALENTA_DB__URL``. The schema is brought to the newest Alembic revision when the engine is built."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def utc_now() -> dt.datetime:
    """The time stored with workflow state and accounts (timezone-aware, UTC)."""
    return dt.datetime.now(dt.UTC)


def aware(value: dt.datetime) -> dt.datetime:
    """A timestamp read back from the database, with its zone (SQLite returns it without one)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def database_url(url: str | None, data_dir: Path) -> str:
    if url:
        return url
    path = Path(data_dir).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path / 'talenta.db'}"


def build_engine(url: str) -> Engine:
    """An engine with the settings every connection needs (SQLite: foreign keys on, WAL, a busy wait)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(engine: Engine | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (idempotent: a current schema is left as it is)."""
    from alembic import command

    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
