"""Tables of the system of record (SQLAlchemy Core). Alembic migrations create them.

``people`` holds one row per ASN: the record's own fields, plus facts derived at ingest so that
questions are answered by plain SQL (highest education, latest assessment, 9-box cell, retirement
date, merit). Each child record has its own table, linked by NIP. ``record`` keeps the whole
Employee JSON, from which profiles are shown. Protected attributes that no feature needs were
dropped at ingest and have no column here; ``jenis_kelamin`` and ``tanggal_lahir`` are kept only for
the aggregate equality report and the retirement / JPT age rules, never as a filter on people.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

people = Table(
    "people",
    metadata,
    Column("nip", String(18), primary_key=True),
    Column("nama", String(200), nullable=False),
    Column("name_key", String(200), nullable=False, index=True),  # lower case, no titles or punctuation
    Column("gelar_depan", String(60)),
    Column("gelar_belakang", String(120)),
    Column("status", String(10)),
    Column("jenis_kelamin", String(1)),  # protected: aggregate equality report only
    Column("tanggal_lahir", Date),  # protected: retirement and the JPT age rule only
    Column("tmt_cpns", Date),
    Column("golongan", String(10)),
    Column("golongan_rank", Integer, index=True),
    Column("tmt_golongan", Date),
    Column("jabatan", String(300)),
    Column("jenis_jabatan", String(20), index=True),
    Column("eselon", String(10), index=True),
    Column("unit_kerja", String(300)),
    Column("unit_key", String(300), index=True),
    Column("tmt_jabatan", Date),
    Column("kotak_talenta", Integer, index=True),  # the export's cell, else computed
    Column("kotak_sumber", String(20)),
    Column("jenjang", String(4)),  # highest education level
    Column("jenjang_rank", Integer, index=True),
    Column("jurusan", String(300)),
    Column("jpm", Float),  # latest assessment
    Column("potensi", String(10)),
    Column("tahun_asesmen", Integer),
    Column("bup_post", String(20)),
    Column("bup_usia", Integer),
    Column("bup_pasti", Boolean),
    Column("tanggal_pensiun", Date, index=True),
    Column("merit", Float, index=True),  # merit at ingest date (SKP, 9-box, JPM, discipline)
    Column("content_hash", String(64), nullable=False),
    Column("record", Text, nullable=False),  # the Employee as JSON
)


def _child(name: str, *columns: Column) -> Table:  # type: ignore[type-arg]
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("nip", String(18), ForeignKey("people.nip", ondelete="CASCADE"), nullable=False, index=True),
        Column("seq", Integer, nullable=False),
        *columns,
    )


pendidikan = _child(
    "pendidikan",
    Column("jenjang", String(4)),
    Column("jenjang_rank", Integer),
    Column("jurusan", String(300)),
    Column("institusi", String(300)),
    Column("tahun_lulus", Integer),
)
riwayat_jabatan = _child(
    "riwayat_jabatan",
    Column("jabatan", String(300), nullable=False),
    Column("jenis_jabatan", String(20)),
    Column("eselon", String(10)),
    Column("unit_kerja", String(300)),
    Column("tmt_mulai", Date),
    Column("tmt_selesai", Date),
)
diklat = _child(
    "diklat",
    Column("nama", String(500), nullable=False),
    Column("nama_key", String(500), nullable=False),  # lower case words, for matching by name
    Column("jenis", String(40)),
    Column("penyelenggara", String(300)),
    Column("tahun", Integer),
    Column("jam_pelajaran", Integer),
    Column("nilai", Float),
    Column("nilai_10", Float),  # the score on a 0-10 scale (a 0-100 score divided by ten)
    Column("predikat", String(100)),
    Column("kepemimpinan", Boolean, nullable=False),  # PIM / PKP / PKA / PKN / kepemimpinan
    Column("tingkat_kepemimpinan", String(3)),  # II / III / IV, from the name (migration 0006)
)
skp = _child(
    "skp",
    Column("tahun", Integer, nullable=False),
    Column("predikat", String(20)),
    Column("hasil_kerja", String(30)),
    Column("perilaku", String(30)),
)
asesmen = _child(
    "asesmen",
    Column("tanggal", Date),
    Column("skor_potensi", Float),
    Column("kategori_potensi", String(10)),
    Column("jpm", Float),
    Column("catatan", Text),
)
penghargaan = _child(
    "penghargaan",
    Column("nama", String(300), nullable=False),
    Column("tahun", Integer),
)
hukuman_disiplin = _child(
    "hukuman_disiplin",
    Column("tingkat", String(10), nullable=False),
    Column("jenis", String(300)),
    Column("tmt_mulai", Date),
    Column("tmt_selesai", Date),
)

# The 9-box per SKP year (migration 0008): the map of a year and a person's 9-box history.
placements = _child(
    "placements",
    Column("tahun", Integer, nullable=False),
    Column("kotak", Integer),
    Column("kinerja", String(30)),
    Column("potensi", String(10)),
    Column("sumber", String(20), nullable=False),  # dihitung | ekspor | kalibrasi | tidak lengkap
)

CHILDREN = (pendidikan, riwayat_jabatan, diklat, skp, asesmen, penghargaan, hukuman_disiplin, placements)

Index("ix_skp_tahun_predikat", skp.c.tahun, skp.c.predikat)
Index("ix_diklat_nama_key", diklat.c.nama_key)
Index("ix_diklat_tingkat_kepemimpinan", diklat.c.tingkat_kepemimpinan)
# Migration 0002: an SKP filter or group-by reads only this index; group-bys over unit and golongan too.
Index("ix_skp_tahun_predikat_nip", skp.c.tahun, skp.c.predikat, skp.c.nip)
Index("ix_people_unit_kerja", people.c.unit_kerja)
Index("ix_people_golongan", people.c.golongan)
# Migration 0005: one row per unit (the units a question may name) from the index alone.
Index("ix_people_unit_key_nip", people.c.unit_key, people.c.nip)
# Migration 0008: the map of one year reads only this index.
Index("ix_placements_tahun_kotak_nip", placements.c.tahun, placements.c.kotak, placements.c.nip)


# ---- workflow state: talent pools per target post, nominees and every decision on them ----------------

talent_pools = Table(
    "talent_pools",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("post_title", String(300), nullable=False),  # the target post, e.g. "Kepala Bidang Budidaya"
    Column("unit_kerja", String(300)),
    Column("level", String(20)),  # pengawas | administrator | jpt_pratama (the eligibility rules)
    Column("critical", Boolean, nullable=False, default=False),
    Column("vacant_on", Date),  # when the post falls vacant, if known (the holder's retirement)
    Column("holder_nip", String(18)),
    Column("note", Text),
    Column("created_by", String(120), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
pool_members = Table(
    "pool_members",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("pool_id", Integer, ForeignKey("talent_pools.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("nip", String(18), nullable=False, index=True),  # no foreign key: decisions outlive a re-import
    Column("state", String(20), nullable=False),
    Column("readiness", String(20)),
    Column("main", Boolean, nullable=False, default=False),  # the main successor of the pool
    Column("added_by", String(120), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("pool_id", "nip", name="uq_pool_members_pool_id_nip"),
)
pool_events = Table(
    "pool_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("member_id", Integer, ForeignKey("pool_members.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("action", String(20), nullable=False),
    Column("source", String(20), nullable=False),
    Column("target", String(20), nullable=False),
    Column("actor", String(120), nullable=False),
    Column("role", String(20), nullable=False),
    Column("note", Text, nullable=False),
    Column("undoes", Integer),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("session_id", Integer),  # the komite session the decision was taken in, if any (migration 0008)
)

# ---- local accounts for the workbench login (argon2 password hashes, never the password) -------------

accounts = Table(
    "accounts",
    metadata,
    Column("username", String(120), primary_key=True),
    Column("password_hash", String(300), nullable=False),
    Column("role", String(20), nullable=False),
    Column("unit_kerja", String(300)),  # for an OPD head
    Column("nip", String(18)),  # for an ASN: their own record
    Column("display_name", String(200)),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed", Integer, nullable=False, default=0),  # failed logins in a row
    Column("locked_until", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# ---- development plans (IDP) of nominees: training, rotation, mentoring, assignment -------------------

development_items = Table(
    "development_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("member_id", Integer, ForeignKey("pool_members.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),  # pelatihan | rotasi | mentoring | penugasan
    Column("description", Text, nullable=False),
    Column("status", String(20), nullable=False),  # direncanakan | berjalan | selesai
    Column("due", Date),
    Column("note", Text),
    Column("updated_by", String(120), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# ---- komite talenta sessions and calibrations of the 9-box (migration 0008) ------------------------------

komite_sessions = Table(
    "komite_sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", String(300), nullable=False),
    Column("held_on", Date, nullable=False),
    Column("members", Text),  # who sat on the komite, as written by the secretary
    Column("note", Text),
    Column("created_by", String(120), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
calibrations = Table(
    "calibrations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", Integer, ForeignKey("komite_sessions.id", ondelete="SET NULL"), index=True),
    Column("nip", String(18), nullable=False, index=True),  # no foreign key: decisions outlive a re-import
    Column("tahun", Integer),  # the mapping year calibrated
    Column("old_cell", Integer),
    Column("new_cell", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("decided_by", String(120), nullable=False),
    Column("role", String(20), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# ---- API keys (migration 0009): a public prefix and a salted hash of the secret, never the secret ----------

api_keys = Table(
    "api_keys",
    metadata,
    Column("prefix", String(16), primary_key=True),  # the public part of tal_<prefix>_<secret>, shown in lists
    Column("secret_hash", String(200), nullable=False),  # hmac-sha256$<salt>$<digest>
    Column("username", String(120), nullable=False, index=True),
    Column("role", String(20), nullable=False),
    Column("unit_kerja", String(300)),  # for an OPD key
    Column("nip", String(18)),  # for an ASN key
    Column("scopes", Text, nullable=False),  # JSON: {"operations", "fields", "units"}
    Column("created_by", String(120)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    Column("last_used_at", DateTime(timezone=True)),
)
