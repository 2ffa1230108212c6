"""the level of a leadership training, computed once

A question about "diklat kepemimpinan administrator" compared every training name with LIKE, once
per person (about 300 ms at 100,000 people); the level (II / III / IV) is now a column written at
ingest. Existing rows are filled here from their names.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 21:15:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from assistant.domain.training import leadership_level

    op.add_column('diklat', sa.Column('tingkat_kepemimpinan', sa.String(length=3), nullable=True))
    op.create_index('ix_diklat_tingkat_kepemimpinan', 'diklat', ['tingkat_kepemimpinan'], unique=False)
    conn = op.get_bind()
    diklat = sa.table('diklat', sa.column('id', sa.Integer), sa.column('nama', sa.String),
                      sa.column('kepemimpinan', sa.Boolean), sa.column('tingkat_kepemimpinan', sa.String))
    rows = conn.execute(sa.select(diklat.c.id, diklat.c.nama).where(diklat.c.kepemimpinan.is_(True))).all()
    levels: dict[str, list[int]] = {}
    for row_id, nama in rows:
        level = leadership_level(nama)
        if level:
            levels.setdefault(level, []).append(row_id)
    for level, ids in levels.items():
        for start in range(0, len(ids), 500):
            conn.execute(sa.update(diklat).where(diklat.c.id.in_(ids[start:start + 500])).values(tingkat_kepemimpinan=level))


def downgrade() -> None:
    op.drop_index('ix_diklat_tingkat_kepemimpinan', table_name='diklat')
    op.drop_column('diklat', 'tingkat_kepemimpinan')
