"""API keys kept as secrets: a public prefix and a salted hash, with scopes

A key is ``tal_<prefix>_<secret>``; only the prefix and an HMAC-SHA256 of the secret under a per-key
salt are stored. ``scopes`` is JSON: the operations, the field level and the units the key may use.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'api_keys',
        sa.Column('prefix', sa.String(length=16), nullable=False),
        sa.Column('secret_hash', sa.String(length=200), nullable=False),
        sa.Column('username', sa.String(length=120), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('unit_kerja', sa.String(length=300), nullable=True),
        sa.Column('nip', sa.String(length=18), nullable=True),
        sa.Column('scopes', sa.Text(), nullable=False),
        sa.Column('created_by', sa.String(length=120), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('prefix', name=op.f('pk_api_keys')),
    )
    op.create_index(op.f('ix_api_keys_username'), 'api_keys', ['username'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_api_keys_username'), table_name='api_keys')
    op.drop_table('api_keys')
