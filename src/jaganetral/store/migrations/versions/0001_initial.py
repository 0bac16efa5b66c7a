"""initial schema: registry, vault, imports, activities, findings

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jaganetral.store.types import JsonText, UtcDateTime

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies')),
    sa.UniqueConstraint('code', name=op.f('uq_agencies_code')),
    sa.UniqueConstraint('name', name=op.f('uq_agencies_name'))
    )
    op.create_table('rescans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', UtcDateTime(), nullable=False),
    sa.Column('finished_at', UtcDateTime(), nullable=True),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('pack_version', sa.Text(), nullable=False),
    sa.Column('detector_version', sa.String(length=40), nullable=False),
    sa.Column('counts', JsonText(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rescans'))
    )
    op.create_table('vault_objects',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('stored_path', sa.String(length=200), nullable=False),
    sa.Column('stored_at', UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_vault_objects'))
    )
    op.create_table('employees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nip', sa.String(length=18), nullable=True),
    sa.Column('staff_number', sa.String(length=60), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('position', sa.String(length=300), nullable=True),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.Column('updated_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_employees_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employees')),
    sa.UniqueConstraint('nip', name=op.f('uq_employees_nip')),
    sa.UniqueConstraint('staff_number', name=op.f('uq_employees_staff_number'))
    )
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employees_agency_id'), ['agency_id'], unique=False)

    op.create_table('vault_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('container_sha256', sa.String(length=64), nullable=False),
    sa.Column('member', sa.String(length=1000), nullable=False),
    sa.ForeignKeyConstraint(['container_sha256'], ['vault_objects.sha256'], name=op.f('fk_vault_members_container_sha256_vault_objects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vault_members')),
    sa.UniqueConstraint('container_sha256', 'member', name='uq_vault_members_container_member')
    )
    with op.batch_alter_table('vault_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vault_members_sha256'), ['sha256'], unique=False)

    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=30), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('handle', sa.Text(), nullable=True),
    sa.Column('numeric_id', sa.String(length=60), nullable=True),
    sa.Column('display_name', sa.Text(), nullable=True),
    sa.Column('profile_url', sa.Text(), nullable=True),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_accounts_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('platform', 'key', name='uq_accounts_platform_key')
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index('ix_accounts_platform_handle', ['platform', 'handle'], unique=False)
        batch_op.create_index('ix_accounts_platform_numeric_id', ['platform', 'numeric_id'], unique=False)

    op.create_table('imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', UtcDateTime(), nullable=False),
    sa.Column('finished_at', UtcDateTime(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('owner_employee_id', sa.Integer(), nullable=True),
    sa.Column('options', JsonText(), nullable=False),
    sa.Column('counts', JsonText(), nullable=True),
    sa.ForeignKeyConstraint(['owner_employee_id'], ['employees.id'], name=op.f('fk_imports_owner_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_imports'))
    )
    op.create_table('relatives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('relation', sa.String(length=100), nullable=True),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_relatives_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relatives')),
    sa.UniqueConstraint('employee_id', 'name', name='uq_relatives_employee_name')
    )
    with op.batch_alter_table('relatives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relatives_employee_id'), ['employee_id'], unique=False)

    op.create_table('activities',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('key64', sa.BigInteger(), nullable=False),
    sa.Column('platform', sa.String(length=30), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('created_at', UtcDateTime(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('target_text', sa.Text(), nullable=True),
    sa.Column('target_account', sa.Text(), nullable=True),
    sa.Column('target_group', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('media', JsonText(), nullable=True),
    sa.Column('native_id', sa.Text(), nullable=True),
    sa.Column('source_sha256', sa.String(length=64), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=False),
    sa.Column('locator', sa.Text(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('seen_import', sa.Integer(), nullable=False),
    sa.Column('judged_pack', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_activities_account_id_accounts')),
    sa.ForeignKeyConstraint(['import_id'], ['imports.id'], name=op.f('fk_activities_import_id_imports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activities_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_import_id'), ['import_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_key64'), ['key64'], unique=False)

    op.create_table('captures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_path', sa.Text(), nullable=False),
    sa.Column('captured_at', UtcDateTime(), nullable=False),
    sa.Column('adapter', sa.String(length=60), nullable=True),
    sa.ForeignKeyConstraint(['import_id'], ['imports.id'], name=op.f('fk_captures_import_id_imports')),
    sa.ForeignKeyConstraint(['sha256'], ['vault_objects.sha256'], name=op.f('fk_captures_sha256_vault_objects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_captures'))
    )
    with op.batch_alter_table('captures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_captures_import_id'), ['import_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_captures_sha256'), ['sha256'], unique=False)

    op.create_table('quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_sha256', sa.String(length=64), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=False),
    sa.Column('locator', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('excerpt', sa.Text(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['imports.id'], name=op.f('fk_quarantine_import_id_imports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarantine')),
    sa.UniqueConstraint('source_sha256', 'locator', name='uq_quarantine_source_locator')
    )
    op.create_table('findings',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('activity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('violation', sa.String(length=10), nullable=True),
    sa.Column('also', JsonText(), nullable=False),
    sa.Column('targets', JsonText(), nullable=False),
    sa.Column('stance', sa.String(length=10), nullable=True),
    sa.Column('contest', sa.String(length=100), nullable=True),
    sa.Column('stage', sa.String(length=100), nullable=True),
    sa.Column('evidence', JsonText(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('detector_version', sa.String(length=40), nullable=False),
    sa.Column('pack_version', sa.Text(), nullable=False),
    sa.Column('judged_at', UtcDateTime(), nullable=False),
    sa.Column('rescan_id', sa.Integer(), nullable=True),
    sa.Column('replaces_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('retired_in', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_findings_activity_id_activities')),
    sa.ForeignKeyConstraint(['rescan_id'], ['rescans.id'], name=op.f('fk_findings_rescan_id_rescans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_findings_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index('ix_findings_current_activity', ['current', 'activity_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index('ix_findings_current_activity')
        batch_op.drop_index(batch_op.f('ix_findings_activity_id'))

    op.drop_table('findings')
    op.drop_table('quarantine')
    with op.batch_alter_table('captures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_captures_sha256'))
        batch_op.drop_index(batch_op.f('ix_captures_import_id'))

    op.drop_table('captures')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_key64'))
        batch_op.drop_index(batch_op.f('ix_activities_import_id'))
        batch_op.drop_index(batch_op.f('ix_activities_account_id'))

    op.drop_table('activities')
    with op.batch_alter_table('relatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relatives_employee_id'))

    op.drop_table('relatives')
    op.drop_table('imports')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index('ix_accounts_platform_numeric_id')
        batch_op.drop_index('ix_accounts_platform_handle')
        batch_op.drop_index(batch_op.f('ix_accounts_employee_id'))

    op.drop_table('accounts')
    with op.batch_alter_table('vault_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vault_members_sha256'))

    op.drop_table('vault_members')
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employees_agency_id'))

    op.drop_table('employees')
    op.drop_table('vault_objects')
    op.drop_table('rescans')
    op.drop_table('agencies')
