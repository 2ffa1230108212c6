"""Ingest: read HR exports, validate every row, and upsert people into the store."""
