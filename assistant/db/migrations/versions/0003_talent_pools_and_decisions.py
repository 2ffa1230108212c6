"""talent pools, nominees and decisions

The workflow state of succession (issue 18): a pool per target post, its nominees with their state
and readiness, and every step taken on a nominee with its note (undo included, as its own event).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 20:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'talent_pools',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('post_title', sa.String(length=300), nullable=False),
        sa.Column('unit_kerja', sa.String(length=300), nullable=True),
        sa.Column('level', sa.String(length=20), nullable=True),
        sa.Column('critical', sa.Boolean(), nullable=False),
        sa.Column('vacant_on', sa.Date(), nullable=True),
        sa.Column('holder_nip', sa.String(length=18), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_by', sa.String(length=120), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_talent_pools')),
    )
    op.create_table(
        'pool_members',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('pool_id', sa.Integer(), nullable=False),
        sa.Column('nip', sa.String(length=18), nullable=False),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('readiness', sa.String(length=20), nullable=True),
        sa.Column('main', sa.Boolean(), nullable=False),
        sa.Column('added_by', sa.String(length=120), nullable=False),
        sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['pool_id'], ['talent_pools.id'], name=op.f('fk_pool_members_pool_id_talent_pools'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pool_members')),
        sa.UniqueConstraint('pool_id', 'nip', name='uq_pool_members_pool_id_nip'),
    )
    op.create_index(op.f('ix_pool_members_pool_id'), 'pool_members', ['pool_id'], unique=False)
    op.create_index(op.f('ix_pool_members_nip'), 'pool_members', ['nip'], unique=False)
    op.create_table(
        'pool_events',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('target', sa.String(length=20), nullable=False),
        sa.Column('actor', sa.String(length=120), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('undoes', sa.Integer(), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['member_id'], ['pool_members.id'], name=op.f('fk_pool_events_member_id_pool_members'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pool_events')),
    )
    op.create_index(op.f('ix_pool_events_member_id'), 'pool_events', ['member_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_pool_events_member_id'), table_name='pool_events')
    op.drop_table('pool_events')
    op.drop_index(op.f('ix_pool_members_nip'), table_name='pool_members')
    op.drop_index(op.f('ix_pool_members_pool_id'), table_name='pool_members')
    op.drop_table('pool_members')
    op.drop_table('talent_pools')
