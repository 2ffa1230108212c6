"""indexes for structured questions over a big regency

SKP by year and predicate with the NIP (the EXISTS filter "SKP Sangat Baik in year Y" and the group-by
over SKP predicates read only the index; before, SQLite searched ix_skp_tahun_predikat and read every
SKP row of that year and predicate for each person), and the two group-by columns of people that had
no index (unit_kerja, golongan: a group-by read the whole people table, records included). Indexes
only: no query and no result changes. Measured by bench/structured_speed.py.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 20:15:00.000000
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_skp_tahun_predikat_nip', 'skp', ['tahun', 'predikat', 'nip'], unique=False)
    op.create_index('ix_people_unit_kerja', 'people', ['unit_kerja'], unique=False)
    op.create_index('ix_people_golongan', 'people', ['golongan'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_people_golongan', table_name='people')
    op.drop_index('ix_people_unit_kerja', table_name='people')
    op.drop_index('ix_skp_tahun_predikat_nip', table_name='skp')
