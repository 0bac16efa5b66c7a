"""Alembic environment: the engine comes from the caller (jaganetral.store.migrate), never from a file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from jaganetral.store.schema import metadata

engine = context.config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("jalankan migrasi lewat jaganetral.store.migrate.upgrade(engine)")

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
