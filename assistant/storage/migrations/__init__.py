"""Alembic migrations for the assistant's storage (run through assistant.storage.db)."""
