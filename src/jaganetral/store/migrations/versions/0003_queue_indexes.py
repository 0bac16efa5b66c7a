"""queue indexes: current findings by score (partial), an account's activities with their ids

``ix_findings_queue`` lets a queue page read the current findings in score order and stop after its
rows (no sort of every finding). ``ix_activities_account_id_id`` replaces ``ix_activities_account_id``:
same lookups, and the agency-scoped count reads activity ids from the index alone.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# the predicate as each database is given it (SQLAlchemy renders current.is_(True) this way)
CURRENT = {'postgresql_where': sa.text('current IS true'), 'sqlite_where': sa.text('current IS 1')}


def upgrade() -> None:
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index('ix_findings_queue', ['score', 'id'], unique=False, **CURRENT)
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index('ix_activities_account_id_id', ['account_id', 'id'], unique=False)
        batch_op.drop_index('ix_activities_account_id')


def downgrade() -> None:
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index('ix_activities_account_id', ['account_id'], unique=False)
        batch_op.drop_index('ix_activities_account_id_id')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index('ix_findings_queue', **CURRENT)
