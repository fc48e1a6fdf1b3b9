"""Alembic environment: always run with a connection handed over by facilitator.store.db."""

from alembic import context
from sqlmodel import SQLModel

import facilitator.store.models  # noqa: F401  (registers every table)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
