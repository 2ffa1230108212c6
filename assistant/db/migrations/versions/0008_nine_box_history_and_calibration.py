"""the 9-box per year, komite sessions and calibrations

``placements`` holds each person's cell per SKP year (the map of a year, the 9-box history); it is
filled here from the stored records by the default scheme. ``komite_sessions`` and ``calibrations``
record who moved whose cell, from what to what, why and when; ``pool_events.session_id`` ties a
succession decision to the session it was taken in.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 10:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from assistant.domain.models import Employee
    from assistant.domain.nine_box import history

    op.create_table(
        'placements',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('nip', sa.String(length=18), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('tahun', sa.Integer(), nullable=False),
        sa.Column('kotak', sa.Integer(), nullable=True),
        sa.Column('kinerja', sa.String(length=30), nullable=True),
        sa.Column('potensi', sa.String(length=10), nullable=True),
        sa.Column('sumber', sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(['nip'], ['people.nip'], name=op.f('fk_placements_nip_people'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_placements')),
    )
    op.create_index(op.f('ix_placements_nip'), 'placements', ['nip'], unique=False)
    op.create_index('ix_placements_tahun_kotak_nip', 'placements', ['tahun', 'kotak', 'nip'], unique=False)
    op.create_table(
        'komite_sessions',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('held_on', sa.Date(), nullable=False),
        sa.Column('members', sa.Text(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_by', sa.String(length=120), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_komite_sessions')),
    )
    op.create_table(
        'calibrations',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=True),
        sa.Column('nip', sa.String(length=18), nullable=False),
        sa.Column('tahun', sa.Integer(), nullable=True),
        sa.Column('old_cell', sa.Integer(), nullable=True),
        sa.Column('new_cell', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('decided_by', sa.String(length=120), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['session_id'], ['komite_sessions.id'],
                                name=op.f('fk_calibrations_session_id_komite_sessions'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_calibrations')),
    )
    op.create_index(op.f('ix_calibrations_session_id'), 'calibrations', ['session_id'], unique=False)
    op.create_index(op.f('ix_calibrations_nip'), 'calibrations', ['nip'], unique=False)
    with op.batch_alter_table('pool_events') as batch_op:
        batch_op.add_column(sa.Column('session_id', sa.Integer(), nullable=True))

    conn = op.get_bind()
    people = sa.table('people', sa.column('nip', sa.String), sa.column('record', sa.Text))
    placements = sa.table('placements', sa.column('nip', sa.String), sa.column('seq', sa.Integer),
                          sa.column('tahun', sa.Integer), sa.column('kotak', sa.Integer),
                          sa.column('kinerja', sa.String), sa.column('potensi', sa.String),
                          sa.column('sumber', sa.String))
    rows: list[dict[str, object]] = []
    for _, record in conn.execute(sa.select(people.c.nip, people.c.record)):
        employee = Employee.model_validate_json(record)
        rows.extend({"nip": employee.nip, "seq": i, "tahun": p.tahun, "kotak": p.cell,
                     "kinerja": p.kinerja.value if p.kinerja else None, "potensi": p.potensi.value if p.potensi else None,
                     "sumber": p.source} for i, p in enumerate(history(employee)))
        if len(rows) >= 2000:
            conn.execute(sa.insert(placements), rows)
            rows = []
    if rows:
        conn.execute(sa.insert(placements), rows)


def downgrade() -> None:
    with op.batch_alter_table('pool_events') as batch_op:
        batch_op.drop_column('session_id')
    op.drop_index(op.f('ix_calibrations_nip'), table_name='calibrations')
    op.drop_index(op.f('ix_calibrations_session_id'), table_name='calibrations')
    op.drop_table('calibrations')
    op.drop_table('komite_sessions')
    op.drop_index('ix_placements_tahun_kotak_nip', table_name='placements')
    op.drop_index(op.f('ix_placements_nip'), table_name='placements')
    op.drop_table('placements')
