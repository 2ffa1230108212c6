"""All reads and writes of people in the system of record.

An upsert replaces each person's row and every child record in one transaction: a crash leaves the
database as it was before the batch or after it, never half. The ingest writes the vector store
first and this second, and counts a person as unchanged only when both hold the same content hash,
so a crash between the two is repaired by the next run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import Engine, delete, func, insert, or_, select

from assistant.db import tables as t
from assistant.domain.golongan import golongan_rank
from assistant.domain.identity import Caller, unit_key
from assistant.domain.models import Employee
from assistant.domain.nine_box import (
    DEFAULT_SCHEME,
    Calibration,
    NineBoxScheme,
    history,
    place_employee,
    settle,
)
from assistant.domain.ranking import Weights, merit_factors, merit_value
from assistant.domain.retirement import retirement
from assistant.domain.training import is_leadership, leadership_level, name_key, score_out_of_10

_CHUNK = 500  # people per statement (bound-parameter limits)


def person_row(e: Employee, digest: str, today: dt.date, weights: Weights | None = None) -> dict[str, Any]:
    """The people row of an Employee: its fields plus the facts questions filter and sort on."""
    top = e.pendidikan_tertinggi()
    assessment = e.asesmen_terbaru()
    placement = place_employee(e)
    bup = retirement(e)
    return {
        "nip": e.nip,
        "nama": e.nama,
        "name_key": name_key(e.nama),
        "gelar_depan": e.gelar_depan,
        "gelar_belakang": e.gelar_belakang,
        "status": e.status,
        "jenis_kelamin": (e.jenis_kelamin or "")[:1].upper() or None,
        "tanggal_lahir": e.tanggal_lahir,
        "tmt_cpns": e.tmt_cpns,
        "golongan": e.golongan,
        "golongan_rank": golongan_rank(e.golongan),
        "tmt_golongan": e.tmt_golongan,
        "jabatan": e.jabatan,
        "jenis_jabatan": e.jenis_jabatan.value if e.jenis_jabatan else None,
        "eselon": e.eselon,
        "unit_kerja": e.unit_kerja,
        "unit_key": unit_key(e.unit_kerja) or None,
        "tmt_jabatan": e.tmt_jabatan,
        "kotak_talenta": placement.cell,
        "kotak_sumber": placement.source,
        "jenjang": top.jenjang.value if top and top.jenjang else None,
        "jenjang_rank": top.jenjang.rank if top and top.jenjang else None,
        "jurusan": top.jurusan if top else None,
        "jpm": assessment.jpm if assessment else None,
        "potensi": assessment.kategori_potensi.value if assessment and assessment.kategori_potensi else None,
        "tahun_asesmen": assessment.tanggal.year if assessment and assessment.tanggal else None,
        "bup_post": bup.post if bup else None,
        "bup_usia": bup.age if bup else None,
        "bup_pasti": bup.known if bup else None,
        "tanggal_pensiun": bup.date if bup else None,
        "merit": round(merit_value(merit_factors(e, today, weights or Weights())), 4),
        "content_hash": digest,
        "record": e.model_dump_json(),
    }


def child_rows(e: Employee, scheme: NineBoxScheme = DEFAULT_SCHEME) -> dict[str, list[dict[str, Any]]]:
    """Rows of every child table for one person, in the record's order."""
    nip = e.nip
    return {
        "pendidikan": [
            {"nip": nip, "seq": i, "jenjang": p.jenjang.value if p.jenjang else None,
             "jenjang_rank": p.jenjang.rank if p.jenjang else None, "jurusan": p.jurusan,
             "institusi": p.institusi, "tahun_lulus": p.tahun_lulus}
            for i, p in enumerate(e.pendidikan)
        ],
        "riwayat_jabatan": [
            {"nip": nip, "seq": i, "jabatan": r.jabatan, "jenis_jabatan": r.jenis_jabatan.value if r.jenis_jabatan else None,
             "eselon": r.eselon, "unit_kerja": r.unit_kerja, "tmt_mulai": r.tmt_mulai, "tmt_selesai": r.tmt_selesai}
            for i, r in enumerate(e.riwayat_jabatan)
        ],
        "diklat": [
            {"nip": nip, "seq": i, "nama": d.nama, "nama_key": name_key(d.nama), "jenis": d.jenis,
             "penyelenggara": d.penyelenggara, "tahun": d.tahun, "jam_pelajaran": d.jam_pelajaran,
             "nilai": d.nilai, "nilai_10": score_out_of_10(d.nilai), "predikat": d.predikat,
             "kepemimpinan": is_leadership(d.nama), "tingkat_kepemimpinan": leadership_level(d.nama)}
            for i, d in enumerate(e.diklat)
        ],
        "skp": [
            {"nip": nip, "seq": i, "tahun": s.tahun, "predikat": s.predikat.value if s.predikat else None,
             "hasil_kerja": s.hasil_kerja.value if s.hasil_kerja else None,
             "perilaku": s.perilaku.value if s.perilaku else None}
            for i, s in enumerate(e.skp)
        ],
        "asesmen": [
            {"nip": nip, "seq": i, "tanggal": a.tanggal, "skor_potensi": a.skor_potensi,
             "kategori_potensi": a.kategori_potensi.value if a.kategori_potensi else None, "jpm": a.jpm,
             "catatan": a.catatan}
            for i, a in enumerate(e.asesmen)
        ],
        "penghargaan": [{"nip": nip, "seq": i, "nama": p.nama, "tahun": p.tahun} for i, p in enumerate(e.penghargaan)],
        "hukuman_disiplin": [
            {"nip": nip, "seq": i, "tingkat": h.tingkat.value, "jenis": h.jenis, "tmt_mulai": h.tmt_mulai,
             "tmt_selesai": h.tmt_selesai}
            for i, h in enumerate(e.hukuman_disiplin)
        ],
        "placements": [
            {"nip": nip, "seq": i, "tahun": p.tahun, "kotak": p.cell, "kinerja": p.kinerja.value if p.kinerja else None,
             "potensi": p.potensi.value if p.potensi else None, "sumber": p.source}
            for i, p in enumerate(history(e, scheme))
        ],
    }  # fmt: skip


class PeopleRepository:
    def __init__(self, engine: Engine, weights: Weights | None = None, scheme: NineBoxScheme = DEFAULT_SCHEME) -> None:
        self.engine = engine
        self.weights = weights or Weights()
        self.scheme = scheme

    def settled(self, people: Sequence[Employee], conn: Any | None = None) -> list[Employee]:
        """Each person with their 9-box cell settled by the instansi's scheme and the komite's latest
        calibration (``Employee.penempatan``)."""
        if conn is None:
            with self.engine.connect() as own:
                return self.settled(people, own)
        latest = self.calibrations_of([e.nip for e in people], conn)
        return [e.model_copy(update={"penempatan": settle(e, self.scheme, latest.get(e.nip))}) for e in people]

    def calibrations_of(self, nips: Sequence[str], conn: Any) -> dict[str, Calibration]:
        """The latest calibration of each of these people."""
        c = t.calibrations
        out: dict[str, Calibration] = {}
        for start in range(0, len(nips), _CHUNK):
            rows = conn.execute(select(c).where(c.c.nip.in_(list(nips[start : start + _CHUNK]))).order_by(c.c.at, c.c.id))
            for r in rows:
                out[r.nip] = Calibration(r.tahun, r.old_cell, r.new_cell, r.reason, r.decided_by, r.at.date())
        return out

    # ---- writes ------------------------------------------------------------------------------

    def upsert(self, people: Sequence[tuple[Employee, str]], today: dt.date | None = None) -> None:
        """Replace these people (Employee, content hash) and all their records, in one transaction."""
        if not people:
            return
        with self.engine.begin() as conn:
            self.upsert_in(conn, people, today)

    def upsert_in(self, conn: Any, people: Sequence[tuple[Employee, str]], today: dt.date | None = None) -> None:
        """``upsert`` inside the caller's transaction (a calibration and its effect commit together)."""
        today = today or dt.date.today()
        for start in range(0, len(people), _CHUNK):
            chunk = people[start : start + _CHUNK]
            settled = self.settled([e for e, _ in chunk], conn)
            batch = [(e, digest) for e, (_, digest) in zip(settled, chunk, strict=True)]
            nips = [e.nip for e, _ in batch]
            self._delete(conn, nips)
            conn.execute(insert(t.people), [person_row(e, digest, today, self.weights) for e, digest in batch])
            children: dict[str, list[dict[str, Any]]] = {table.name: [] for table in t.CHILDREN}
            for e, _ in batch:
                for name, rows in child_rows(e, self.scheme).items():
                    children[name].extend(rows)
            for table in t.CHILDREN:
                if children[table.name]:
                    conn.execute(insert(table), children[table.name])

    def resettle(self, nips: Sequence[str] | None = None, conn: Any | None = None, today: dt.date | None = None) -> int:
        """Place these people (everyone if None) again by the scheme and their calibrations, keeping their
        content hash (a re-ingest still counts them unchanged). Returns how many were placed."""
        if conn is None:
            with self.engine.begin() as own:
                return self.resettle(nips, own, today)
        p = t.people
        wanted = list(nips) if nips is not None else [r[0] for r in conn.execute(select(p.c.nip).order_by(p.c.nip))]
        done = 0
        for start in range(0, len(wanted), _CHUNK):
            rows = conn.execute(select(p.c.record, p.c.content_hash).where(p.c.nip.in_(wanted[start : start + _CHUNK])))
            batch = [(Employee.model_validate_json(record), digest) for record, digest in rows]
            self.upsert_in(conn, batch, today)
            done += len(batch)
        return done

    def delete(self, nips: Sequence[str]) -> None:
        with self.engine.begin() as conn:
            for start in range(0, len(nips), _CHUNK):
                self._delete(conn, list(nips[start : start + _CHUNK]))

    @staticmethod
    def _delete(conn: Any, nips: list[str]) -> None:
        # Children first: a database without ON DELETE CASCADE support stays consistent too.
        for table in t.CHILDREN:
            conn.execute(delete(table).where(table.c.nip.in_(nips)))
        conn.execute(delete(t.people).where(t.people.c.nip.in_(nips)))

    # ---- reads -------------------------------------------------------------------------------

    def hashes(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {nip: digest for nip, digest in conn.execute(select(t.people.c.nip, t.people.c.content_hash))}

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.people)).scalar_one())

    def get(self, nips: Iterable[str]) -> dict[str, Employee]:
        """Employees by NIP (NIPs not stored are left out), in the order asked."""
        wanted = list(dict.fromkeys(nips))
        found: dict[str, Employee] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                rows = conn.execute(select(t.people.c.nip, t.people.c.record).where(t.people.c.nip.in_(chunk)))
                for nip, record in rows:
                    found[nip] = Employee.model_validate_json(record)
        return {nip: found[nip] for nip in wanted if nip in found}

    def units(self) -> list[tuple[str, str]]:
        """(unit_key, unit name) of every current unit, one name per key (the first in NIP order)."""
        p = t.people
        first = select(func.min(p.c.nip)).where(p.c.unit_key.is_not(None)).group_by(p.c.unit_key)
        with self.engine.connect() as conn:  # one row per unit, read from the (unit_key, nip) index
            rows = conn.execute(select(p.c.unit_key, p.c.unit_kerja).where(p.c.nip.in_(first)))
            named = {key: name for key, name in rows}
        return sorted(named.items(), key=lambda kv: kv[1])

    def first_nips(self, n: int) -> list[str]:
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(t.people.c.nip).order_by(t.people.c.nip).limit(n))]

    def count_visible(self, caller: Caller) -> int:
        """People the caller may see, counted in the system of record."""
        from assistant.db.query import visibility

        seen = visibility(caller)
        stmt = select(func.count()).select_from(t.people)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt.where(seen) if seen is not None else stmt).scalar_one())

    def find_names(self, key: str, caller: Caller) -> list[str]:
        """NIPs of the people the caller may see whose name is ``key`` (a name_key), exactly or with
        small misspellings (similarity at least 0.85 over people sharing a word of the name)."""
        from assistant.db.query import visibility

        seen = visibility(caller)
        words = [w for w in key.split() if len(w) >= 3] or key.split()
        clause = or_(*(t.people.c.name_key.like(f"%{w[:4]}%") for w in words))
        stmt = select(t.people.c.nip, t.people.c.name_key).where(clause)
        if seen is not None:
            stmt = stmt.where(seen)
        with self.engine.connect() as conn:
            rows = list(conn.execute(stmt.limit(5000)))
        exact = [nip for nip, name in rows if name == key]
        if exact:
            return sorted(exact)
        scored = [(SequenceMatcher(None, key, name).ratio(), nip) for nip, name in rows]
        return [nip for score, nip in sorted(scored, key=lambda s: (-s[0], s[1])) if score >= 0.85]

    def post_titles(self) -> list[str]:
        """Distinct current post titles (name keys), for telling a post named in a question ('guru')."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.people.c.jabatan).where(t.people.c.jabatan.is_not(None)).distinct())
            return sorted({name_key(row[0]) for row in rows} - {""})

    def training_names(self) -> list[str]:
        """Distinct training names (name keys), for matching a training named in a question."""
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(select(t.diklat.c.nama_key).distinct())]
