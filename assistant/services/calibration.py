"""Komite talenta sessions, calibrations of the 9-box, and each person's 9-box history.

A calibration (PMK 38/2025's calibration forum) moves a person's cell up or down with a recorded
decision: the old cell, the new one, the reason, who decided and when, optionally inside a komite
session. It takes effect in the same transaction as it is recorded (the person's record, their row
and their placement for the year are settled again), and a later re-import keeps it for the same
mapping year. Only the komite calibrates; every read and decision is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field
from sqlalchemy import Engine, func, insert, select

from assistant.db import tables as t
from assistant.db.engine import aware, utc_now
from assistant.domain import succession as wf
from assistant.domain.identity import Caller
from assistant.domain.nine_box import NineBoxScheme, cell_meaning, history, place_employee
from assistant.services.errors import Conflict, Forbidden, NotFound

if TYPE_CHECKING:
    from assistant.db.repository import PeopleRepository
    from assistant.services.audit import AuditLog

CALIBRATE = ("komite",)
SEE_SESSIONS = ("pimpinan", "bkpsdm", "komite")
HOLD_SESSIONS = ("komite", "bkpsdm")  # BKPSDM is the komite's secretariat


class CalibrationOut(BaseModel):
    id: int
    nip: str
    nama: str | None = None
    tahun: int | None = Field(None, description="The mapping year calibrated (the latest SKP year).")
    old_cell: int | None
    new_cell: int
    reason: str
    decided_by: str
    role: str
    at: dt.datetime
    session_id: int | None = None


class SessionDecision(BaseModel):
    """A succession decision taken in the session (from the pool's history)."""

    member_id: int
    nip: str
    action: str
    target: str
    actor: str
    role: str
    note: str
    at: dt.datetime


class SessionOut(BaseModel):
    id: int
    title: str
    held_on: dt.date
    members: str | None = None
    note: str | None = None
    created_by: str
    created_at: dt.datetime
    calibrations: list[CalibrationOut] = Field(default_factory=list)
    decisions: list[SessionDecision] = Field(default_factory=list)


class YearCell(BaseModel):
    tahun: int
    cell: int | None
    kinerja: str | None
    potensi: str | None
    source: str = Field(description="dihitung | ekspor | kalibrasi | tidak lengkap")
    meaning: str | None = None


class NineBoxHistory(BaseModel):
    nip: str
    current_cell: int | None
    current_source: str
    scheme: str
    years: list[YearCell]
    calibrations: list[CalibrationOut]


class CalibrationService:
    def __init__(self, engine: Engine, people: PeopleRepository, audit: AuditLog, scheme: NineBoxScheme) -> None:
        self.engine = engine
        self.people = people
        self.audit = audit
        self.scheme = scheme

    # ---- komite sessions ---------------------------------------------------------------------

    def create_session(
        self, caller: Caller, title: str, held_on: dt.date, members: str | None = None, note: str | None = None
    ) -> SessionOut:
        _require(caller, HOLD_SESSIONS)
        title = " ".join(title.split())
        if len(title) < 3:
            raise Conflict("Judul sidang komite wajib diisi.", "The session needs a title.")
        with self.engine.begin() as conn:
            session_id = conn.execute(insert(t.komite_sessions).values(
                title=title, held_on=held_on, members=members, note=note, created_by=caller.user, created_at=utc_now(),
            )).inserted_primary_key[0]  # type: ignore[index]  # fmt: skip
        self.audit.record(caller, "komite_session_create", title, [], session_id=session_id)
        return self.session(caller, int(session_id), log=False)

    def sessions(self, caller: Caller) -> list[SessionOut]:
        _require(caller, SEE_SESSIONS)
        s = t.komite_sessions
        with self.engine.connect() as conn:
            rows = conn.execute(select(s).order_by(s.c.held_on.desc(), s.c.id.desc())).mappings().all()
        return [_session_out(r) for r in rows]

    def session(self, caller: Caller, session_id: int, log: bool = True) -> SessionOut:
        """A session with who decided what in it: its calibrations and its succession decisions."""
        _require(caller, SEE_SESSIONS)
        s, c, e, m = t.komite_sessions, t.calibrations, t.pool_events, t.pool_members
        with self.engine.connect() as conn:
            row = conn.execute(select(s).where(s.c.id == session_id)).mappings().first()
            if row is None:
                raise NotFound("Sidang komite tidak ditemukan.", "Komite session not found.")
            cals = conn.execute(select(c).where(c.c.session_id == session_id).order_by(c.c.id)).mappings().all()
            events = conn.execute(select(e, m.c.nip).join(m, m.c.id == e.c.member_id)
                                  .where(e.c.session_id == session_id).order_by(e.c.id)).mappings().all()  # fmt: skip
        nips = [r["nip"] for r in cals] + [r["nip"] for r in events]
        names = {nip: p.nama_lengkap for nip, p in self.people.get(nips).items()}
        out = _session_out(row)
        out.calibrations = [_calibration_out(r, names.get(r["nip"])) for r in cals]
        out.decisions = [SessionDecision(member_id=r["member_id"], nip=r["nip"], action=r["action"], target=r["target"],
                                         actor=r["actor"], role=r["role"], note=r["note"], at=aware(r["at"]))
                         for r in events]  # fmt: skip
        if log:
            self.audit.record(caller, "komite_session", row["title"], sorted(set(nips)), session_id=session_id)
        return out

    # ---- calibration -------------------------------------------------------------------------

    def calibrate(
        self, caller: Caller, nip: str, new_cell: int, reason: str | None, session_id: int | None = None
    ) -> CalibrationOut:
        """Move a person's cell (the komite only, with a reason): recorded and in effect in one transaction."""
        _require(caller, CALIBRATE)
        if not 1 <= new_cell <= 9:
            raise Conflict("Kotak harus 1-9.", "The cell must be 1-9.")
        try:
            text = wf.note_text(reason)
        except wf.WorkflowError:
            raise Conflict("Alasan kalibrasi wajib diisi.", "A calibration needs its reason.") from None
        employee = self._visible(caller, nip)
        placement = place_employee(employee, self.scheme)
        if placement.cell == new_cell:
            raise Conflict(f"Pegawai ini sudah di kotak {new_cell}.", f"This person is already in cell {new_cell}.")
        with self.engine.begin() as conn:
            if session_id is not None and conn.execute(
                    select(t.komite_sessions.c.id).where(t.komite_sessions.c.id == session_id)).first() is None:  # fmt: skip
                raise NotFound("Sidang komite tidak ditemukan.", "Komite session not found.")
            cal_id = conn.execute(insert(t.calibrations).values(
                session_id=session_id, nip=nip, tahun=placement.year, old_cell=placement.cell, new_cell=new_cell, reason=text,
                decided_by=caller.user, role=caller.role, at=utc_now(),
            )).inserted_primary_key[0]  # type: ignore[index]  # fmt: skip
            self.people.resettle([nip], conn)
            row = conn.execute(select(t.calibrations).where(t.calibrations.c.id == cal_id)).mappings().one()
        self.audit.record(caller, "calibrate", text, [nip], old_cell=placement.cell, new_cell=new_cell,
                          tahun=placement.year, session_id=session_id)  # fmt: skip
        return _calibration_out(row, employee.nama_lengkap)

    def calibrations(self, caller: Caller, nip: str | None = None, limit: int = 500) -> list[CalibrationOut]:
        """Calibrations, newest first: everyone's (pimpinan, BKPSDM, komite) or one visible person's."""
        c = t.calibrations
        stmt = select(c).order_by(c.c.at.desc(), c.c.id.desc()).limit(limit)
        if nip is not None:
            self._visible(caller, nip)
            stmt = stmt.where(c.c.nip == nip)
        else:
            _require(caller, SEE_SESSIONS)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
        names = {n: p.nama_lengkap for n, p in self.people.get([r["nip"] for r in rows]).items()}
        return [_calibration_out(r, names.get(r["nip"])) for r in rows]

    # ---- history -----------------------------------------------------------------------------

    def history(self, caller: Caller, nip: str, lang: str = "id") -> NineBoxHistory:
        """The person's cell per SKP year and every calibration of it (audited as a profile read)."""
        employee = self._visible(caller, nip)
        now = place_employee(employee, self.scheme)
        years = [YearCell(tahun=y.tahun, cell=y.cell, kinerja=y.kinerja.value if y.kinerja else None,
                          potensi=y.potensi.value if y.potensi else None, source=y.source,
                          meaning=cell_meaning(y.cell, lang, self.scheme)) for y in history(employee, self.scheme)]  # fmt: skip
        cals = self.calibrations(caller, nip)
        self.audit.record(caller, "nine_box_history", None, [nip])
        return NineBoxHistory(nip=nip, current_cell=now.cell, current_source=now.source, scheme=self.scheme.name,
                              years=years, calibrations=cals)  # fmt: skip

    def years(self) -> list[int]:
        """Mapping years that have placements, newest first."""
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(t.placements.c.tahun).distinct().order_by(t.placements.c.tahun.desc()))]

    def year_counts(self, caller: Caller, year: int, unit: str | None = None) -> tuple[dict[int, int], int]:
        """(people per cell in that year, people the caller may see with no placement that year)."""
        from assistant.db.query import visibility
        from assistant.domain.identity import unit_key

        p, pl = t.people, t.placements
        where: list[Any] = []
        seen = visibility(caller)
        if seen is not None:
            where.append(seen)
        if unit:
            where.append(p.c.unit_key == unit_key(unit))
        counts = (select(pl.c.kotak, func.count(func.distinct(pl.c.nip))).join(p, p.c.nip == pl.c.nip)
                  .where(pl.c.tahun == year, pl.c.kotak.is_not(None), *where).group_by(pl.c.kotak))  # fmt: skip
        total = select(func.count()).select_from(p).where(*where)
        with self.engine.connect() as conn:
            cells = {int(k): int(n) for k, n in conn.execute(counts)}
            everyone = int(conn.execute(total).scalar_one())
        return cells, everyone - sum(cells.values())

    def nips_in_cell(self, caller: Caller, year: int, cell: int, unit: str | None = None, limit: int = 200) -> list[str]:
        from assistant.db.query import visibility
        from assistant.domain.identity import unit_key

        p, pl = t.people, t.placements
        stmt = (select(pl.c.nip).join(p, p.c.nip == pl.c.nip).where(pl.c.tahun == year, pl.c.kotak == cell)
                .order_by(p.c.merit.desc(), pl.c.nip).limit(limit))  # fmt: skip
        seen = visibility(caller)
        if seen is not None:
            stmt = stmt.where(seen)
        if unit:
            stmt = stmt.where(p.c.unit_key == unit_key(unit))
        with self.engine.connect() as conn:
            return list(dict.fromkeys(r[0] for r in conn.execute(stmt)))

    def _visible(self, caller: Caller, nip: str) -> Any:
        """The person, if the caller may see them; a NIP they may not see answers as one that does not exist."""
        employee = self.people.get([nip]).get(nip)
        if employee is None or not caller.can_see(nip, employee.unit_kerja):
            if employee is not None:
                self.audit.record(caller, "profile_denied", None, [nip])
            raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.", f"No employee with NIP {nip}.")
        return employee


def _require(caller: Caller, roles: tuple[str, ...]) -> None:
    if caller.role not in roles:
        raise Forbidden(
            f"Peran '{caller.role}' tidak berwenang untuk tindakan ini ({', '.join(roles)}).",
            f"Role '{caller.role}' may not do this ({', '.join(roles)}).",
        )


def _session_out(row: Any) -> SessionOut:
    return SessionOut(id=row["id"], title=row["title"], held_on=row["held_on"], members=row["members"], note=row["note"],
                      created_by=row["created_by"], created_at=aware(row["created_at"]))  # fmt: skip


def _calibration_out(row: Any, nama: str | None) -> CalibrationOut:
    return CalibrationOut(id=row["id"], nip=row["nip"], nama=nama, tahun=row["tahun"], old_cell=row["old_cell"],
                          new_cell=row["new_cell"], reason=row["reason"], decided_by=row["decided_by"], role=row["role"],
                          at=aware(row["at"]), session_id=row["session_id"])  # fmt: skip
