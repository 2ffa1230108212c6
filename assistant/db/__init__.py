"""The relational system of record: people's structured records and, later, workflow state.

SQLite under the data dir by default, PostgreSQL by URL (``TALENTA_DB__URL``); schema by Alembic.
"""
