"""The throwaway PostgreSQL from tests/pg.py: a real server that SQLAlchemy writes to and reads back from."""

import pytest
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.slow


def test_postgres_url_is_a_real_writable_postgresql(postgres_url):
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE probe (id integer PRIMARY KEY, name text NOT NULL)"))
            conn.execute(
                text("INSERT INTO probe (id, name) VALUES (:id, :name)"), {"id": 1, "name": "Siti Rahayu"}
            )
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, name FROM probe")).all() == [(1, "Siti Rahayu")]
            assert conn.execute(text("SELECT version()")).scalar_one().startswith("PostgreSQL ")
            assert conn.execute(text("SELECT current_database()")).scalar_one() == "talenta_test"
    finally:
        engine.dispose()
