"""queue: findings carry their activity's account, platform and time; current findings by score (partial)

``ix_findings_queue`` lets a queue page read the current findings in score order and stop after its
rows (no sort of every finding). ``ix_activities_account_id_id`` replaces ``ix_activities_account_id``:
same lookups, and the agency-scoped count reads activity ids from the index alone.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jaganetral.store.types import UtcDateTime

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# the predicate as each database is given it (SQLAlchemy renders current.is_(True) this way)
CURRENT = {'postgresql_where': sa.text('current IS true'), 'sqlite_where': sa.text('current IS 1')}


BACKFILL = """
UPDATE findings SET
  activity_account_id = (SELECT a.account_id FROM activities a WHERE a.id = findings.activity_id),
  activity_platform = (SELECT a.platform FROM activities a WHERE a.id = findings.activity_id),
  activity_at = (SELECT a.created_at FROM activities a WHERE a.id = findings.activity_id)
"""


def upgrade() -> None:
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('activity_account_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('activity_platform', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('activity_at', UtcDateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_findings_activity_account_id_accounts'), 'accounts',
                                    ['activity_account_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_findings_activity_account_id'), ['activity_account_id'], unique=False)
    op.execute(BACKFILL)
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
        batch_op.drop_index(batch_op.f('ix_findings_activity_account_id'))
        batch_op.drop_constraint(batch_op.f('fk_findings_activity_account_id_accounts'), type_='foreignkey')
        batch_op.drop_column('activity_at')
        batch_op.drop_column('activity_platform')
        batch_op.drop_column('activity_account_id')
