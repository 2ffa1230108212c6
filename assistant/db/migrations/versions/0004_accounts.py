"""local accounts for the workbench login

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 20:55:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'accounts',
        sa.Column('username', sa.String(length=120), nullable=False),
        sa.Column('password_hash', sa.String(length=300), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('unit_kerja', sa.String(length=300), nullable=True),
        sa.Column('nip', sa.String(length=18), nullable=True),
        sa.Column('display_name', sa.String(length=200), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('failed', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('username', name=op.f('pk_accounts')),
    )


def downgrade() -> None:
    op.drop_table('accounts')
