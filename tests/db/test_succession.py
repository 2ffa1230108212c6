"""Talent pools and decisions in the system of record: a pool from suggestion to decision, undo,
notes, the inbox, who may see and do what, and the audit trail; the migrations match the tables."""

from __future__ import annotations

import pytest

from assistant.domain.identity import Caller
from assistant.services.errors import Conflict, Forbidden, NotFound

BKD = Caller(user="bkd-1", role="bkpsdm")
KOMITE = Caller(user="komite-1", role="komite")
BUPATI = Caller(user="bupati", role="pimpinan")
KADIS = Caller(user="kadis-ikan", role="opd", unit_kerja="Dinas Perikanan")
OTHER_HEAD = Caller(user="kadis-sehat", role="opd", unit_kerja="Dinas Kesehatan")
HOLDER = "198003152005011002"  # Siti Rahmawati, Kepala Bidang Budidaya
NOMINEE = "198707222010012004"  # Bagus Prasetyo, Dinas Perikanan
NOTE = "Memenuhi syarat jabatan dan kinerja baik."


@pytest.fixture(scope="module")
def container(tmp_path_factory, embeddings, people):
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    built = build_container(Settings(data_dir=tmp_path_factory.mktemp("succession")), embeddings=embeddings)
    ingest_employees(built.store, built.embeddings, people)
    return built


def test_migrations_create_exactly_the_tables_in_code(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from assistant.db import tables
    from assistant.db.engine import build_engine, migrate

    engine = build_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), tables.metadata)
    assert diff == []


def test_a_pool_from_suggestion_to_decision(container):
    svc = container.succession
    pool = svc.create_pool(BKD, "Kepala Bidang Budidaya", unit_kerja="Dinas Perikanan", level="administrator",
                           critical=True, holder_nip=HOLDER)  # fmt: skip
    suggested = svc.suggest(BKD, pool.id, limit=5)
    assert HOLDER not in [c.nip for c in suggested]  # never their own successor
    with pytest.raises(Conflict):
        svc.add_members(BKD, pool.id, [HOLDER])
    pool = svc.add_members(BKD, pool.id, [NOMINEE, NOMINEE])  # added once
    (member,) = pool.members
    assert member.state == "kandidat" and member.waits_on == "bkpsdm" and member.nama == "Bagus Prasetyo, S.Pi."

    with pytest.raises(Conflict):
        svc.act(BKD, member.id, "nominasikan", "")  # a note is required
    with pytest.raises(Forbidden):
        svc.act(KOMITE, member.id, "nominasikan", NOTE)  # BKPSDM nominates
    assert svc.act(BKD, member.id, "nominasikan", NOTE).state == "dinominasikan"
    assert [i.member.nip for i in svc.inbox(KOMITE)] == [NOMINEE] and svc.inbox(BUPATI) == []
    assert svc.set_readiness(KOMITE, member.id, "1-2 tahun", "Perlu Diklat PKA dulu.").readiness == "1-2 tahun"
    assert svc.set_main(KOMITE, member.id, "Calon utama: JPM tertinggi.").main
    verified = svc.act(KOMITE, member.id, "verifikasi", NOTE)
    assert verified.state == "diverifikasi" and [i.member.nip for i in svc.inbox(BUPATI)] == [NOMINEE]

    back = svc.act(KOMITE, member.id, "batalkan", "Verifikasi keliru, diulang.")
    assert back.state == "dinominasikan"  # an undo, not a rejection
    assert [e.action for e in back.events][-1] == "batalkan" and "ditolak" not in [e.target for e in back.events]
    svc.act(KOMITE, member.id, "verifikasi", NOTE)
    with pytest.raises(Forbidden):
        svc.act(KOMITE, member.id, "tetapkan", NOTE)  # the PPK decides
    done = svc.act(BUPATI, member.id, "tetapkan", "Ditetapkan dalam rapat pimpinan.")
    assert done.state == "ditetapkan" and done.waits_on is None
    with pytest.raises(Conflict):
        svc.act(BKD, member.id, "tarik", NOTE)  # final
    actions = [e["action"] for e in container.audit.entries() if e["action"].startswith("pool_")]
    for expected in ("pool_create", "pool_suggest", "pool_add", "pool_nominasikan", "pool_kesiapan", "pool_utama",
                     "pool_verifikasi", "pool_batalkan", "pool_tetapkan"):  # fmt: skip
        assert expected in actions


def test_who_may_see_a_pool(container):
    svc = container.succession
    pool = svc.create_pool(BKD, "Kepala Seksi Pengolahan", unit_kerja="Dinas Perikanan", level="pengawas")
    svc.add_members(BKD, pool.id, [NOMINEE])
    assert pool.id in [p.id for p in svc.pools(KADIS)]
    assert pool.id not in [p.id for p in svc.pools(OTHER_HEAD)]
    with pytest.raises(NotFound):
        svc.pool(OTHER_HEAD, pool.id)  # as if it did not exist
    nominee = Caller(user="bagus", role="asn", nip=NOMINEE)
    own = svc.pool(nominee, pool.id)
    assert [m.nip for m in own.members] == [NOMINEE]
    stranger = Caller(user="nur", role="asn", nip="199205202020122009")
    with pytest.raises(NotFound):
        svc.pool(stranger, pool.id)
    with pytest.raises(Forbidden):
        svc.create_pool(KADIS, "Kepala Dinas")
    member = own.members[0]
    with pytest.raises(NotFound):
        svc.act(OTHER_HEAD, member.id, "nominasikan", NOTE)
    assert [p.post_title for p, _ in svc.memberships(nominee, NOMINEE)][-1] == "Kepala Seksi Pengolahan"


def test_migration_0006_fills_the_leadership_level_of_stored_trainings(tmp_path, people):
    """A store written before 0006 gets the level of its leadership trainings from their names."""
    from sqlalchemy import select

    from assistant.db import tables
    from assistant.db.engine import build_engine, migrate
    from assistant.db.repository import child_rows, person_row
    from assistant.domain.training import leadership_level

    engine = build_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine, "0005")
    import datetime as dt

    with engine.begin() as conn:
        for e in people:
            row = person_row(e, e.content_hash(), dt.date.today())
            conn.exec_driver_sql(
                f"INSERT INTO people ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", tuple(row.values()))
            for d in child_rows(e)["diklat"]:
                d.pop("tingkat_kepemimpinan")
                conn.exec_driver_sql(f"INSERT INTO diklat ({', '.join(d)}) VALUES ({', '.join('?' for _ in d)})", tuple(d.values()))
    migrate(engine)
    with engine.connect() as conn:
        got = {(n, lvl) for n, lvl in conn.execute(select(tables.diklat.c.nama, tables.diklat.c.tingkat_kepemimpinan))}
    assert got == {(n, leadership_level(n)) for n, _ in got}
    assert any(lvl for _, lvl in got)  # the fixture people have leadership training


def test_posts_falling_vacant_by_the_retirement_rules(tmp_path, embeddings, people):
    import datetime as dt

    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    today = dt.date.today()
    born = dt.date(today.year - 58, 12, 31) + dt.timedelta(days=200)  # an administrator reaches 58 (BUP) next year
    retiring = [p.model_copy(update={"tanggal_lahir": born}) if p.nip == HOLDER else p for p in people]
    built = build_container(Settings(data_dir=tmp_path / "vacant"), embeddings=embeddings)
    ingest_employees(built.store, built.embeddings, retiring)
    svc = built.succession
    soon = svc.vacancies(BKD, 1)
    assert [v.holder_nip for v in soon] == [HOLDER]
    assert soon[0].post_title == "Kepala Bidang Budidaya" and soon[0].rule and "58" in soon[0].rule
    assert soon[0].vacant_on and today <= soon[0].vacant_on <= today.replace(year=today.year + 1)
    assert svc.vacancies(OTHER_HEAD, 5) == []  # another unit's posts
    pool = svc.create_pool(BKD, soon[0].post_title, unit_kerja=soon[0].unit_kerja, level="administrator",
                           vacant_on=soon[0].vacant_on, holder_nip=HOLDER)  # fmt: skip
    assert svc.vacancies(BKD, 1)[0].pool_id == pool.id


def test_a_development_plan_per_nominee(container):
    import datetime as dt

    svc = container.succession
    pool = svc.create_pool(BKD, "Kepala Seksi Pemasaran", unit_kerja="Dinas Perikanan", level="pengawas")
    member = svc.add_members(BKD, pool.id, [NOMINEE]).members[0]
    past = dt.date.today() - dt.timedelta(days=3)
    items = svc.plan_development(KOMITE, member.id, "pelatihan", "Pelatihan Kepemimpinan Pengawas (PKP)", due=past)
    assert [(i.kind, i.status, i.overdue) for i in items] == [("pelatihan", "direncanakan", True)]
    with pytest.raises(Conflict):
        svc.update_development(BKD, items[0].id, "selesai", "")  # a note is required
    done = svc.update_development(BKD, items[0].id, "selesai", "Lulus PKP angkatan II 2026.")
    assert done[0].status == "selesai" and not done[0].overdue
    with pytest.raises(Forbidden):
        svc.plan_development(BUPATI, member.id, "rotasi", "Rotasi ke bidang lain")
    nominee = Caller(user="bagus", role="asn", nip=NOMINEE)
    assert [i.description for i in svc.development(nominee, member.id)] == ["Pelatihan Kepemimpinan Pengawas (PKP)"]
    with pytest.raises(NotFound):
        svc.development(OTHER_HEAD, member.id)
