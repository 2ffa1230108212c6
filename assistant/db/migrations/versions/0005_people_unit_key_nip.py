"""an index for the units a question may name

``PeopleRepository.units()`` reads the first person of every unit from it (about 10 ms at 100,000
people, against 200+ ms for a scan in NIP order). Measured by bench/structured_speed.py.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 21:05:00.000000
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_people_unit_key_nip', 'people', ['unit_key', 'nip'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_people_unit_key_nip', table_name='people')
