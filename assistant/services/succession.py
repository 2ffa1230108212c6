"""Talent pools, nominees and decisions, stored in the system of record and checked on every call.

The rules are ``assistant.domain.succession``; this module stores their events, re-checks who may
see and do what on every read and write, suggests candidates with Talenta's ranking and eligibility
rules, and writes every read and step to the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field
from sqlalchemy import Engine, insert, select, update

from assistant.db import tables as t
from assistant.db.engine import aware, utc_now
from assistant.domain import succession as wf
from assistant.domain.eligibility import STATUS_EN
from assistant.domain.identity import Caller, unit_key
from assistant.domain.nine_box import place_employee
from assistant.domain.posts import TargetPost
from assistant.domain.ranking import merit_factors, merit_value
from assistant.services.errors import Conflict, Forbidden, NotFound

if TYPE_CHECKING:
    from assistant.db.repository import PeopleRepository
    from assistant.services.audit import AuditLog
    from assistant.services.talent import TalentService

MANAGE = ("bkpsdm",)  # create pools, add and withdraw nominees
SEE_ALL = ("pimpinan", "bkpsdm", "komite")


class EventOut(BaseModel):
    id: int
    action: str
    source: str
    target: str
    actor: str
    role: str
    note: str
    undoes: int | None = None
    at: dt.datetime


class MemberOut(BaseModel):
    id: int
    nip: str
    nama: str | None = None
    jabatan: str | None = None
    unit_kerja: str | None = None
    golongan: str | None = None
    kotak_talenta: int | None = None
    state: wf.State
    readiness: wf.Readiness | None = None
    main: bool = False
    merit: float | None = Field(None, description="Talenta's merit score (the ranking's basis), 0-1.")
    gap_to_main: float | None = Field(None, description="The main successor's merit minus this nominee's (backups).")
    waits_on: str | None = Field(None, description="The role the nominee waits on (the inbox), if any.")
    days_waiting: int = Field(0, description="Days since the last step.")
    events: list[EventOut] = Field(default_factory=list)


class PoolOut(BaseModel):
    id: int
    post_title: str
    unit_kerja: str | None = None
    level: str | None = None
    critical: bool = False
    vacant_on: dt.date | None = None
    holder_nip: str | None = None
    note: str | None = None
    created_by: str
    created_at: dt.datetime
    members: list[MemberOut] = Field(default_factory=list)


class Vacancy(BaseModel):
    post_title: str
    unit_kerja: str | None = None
    jenis_jabatan: str | None = None
    holder_nip: str
    holder: str
    vacant_on: dt.date | None = Field(None, description="The end of the month the holder reaches the retirement age.")
    rule: str | None = Field(None, description="The retirement rule applied (age and post level).")
    pool_id: int | None = Field(None, description="The pool already made for this post, if any.")


class DevelopmentItem(BaseModel):
    id: int
    kind: wf.DevelopmentKind
    description: str
    status: wf.DevelopmentStatus
    due: dt.date | None = None
    overdue: bool = False
    note: str | None = None
    updated_by: str
    updated_at: dt.datetime


class InboxItem(BaseModel):
    pool_id: int
    post_title: str
    member: MemberOut





class SuccessionService:
    def __init__(self, engine: Engine, people: PeopleRepository, audit: AuditLog, talent: TalentService) -> None:
        self.engine = engine
        self.people = people
        self.audit = audit
        self.talent = talent

    # ---- pools -------------------------------------------------------------------------------

    def create_pool(
        self,
        caller: Caller,
        post_title: str,
        unit_kerja: str | None = None,
        level: str | None = None,
        critical: bool = False,
        vacant_on: dt.date | None = None,
        holder_nip: str | None = None,
        note: str | None = None,
    ) -> PoolOut:
        _require(caller, MANAGE)
        title = " ".join(post_title.split())
        if not title:
            raise Conflict("Jabatan target wajib diisi.", "The target post is required.")
        with self.engine.begin() as conn:
            pool_id = conn.execute(insert(t.talent_pools).values(
                post_title=title, unit_kerja=unit_kerja, level=level, critical=critical, vacant_on=vacant_on,
                holder_nip=holder_nip, note=note, created_by=caller.user, created_at=utc_now(),
            )).inserted_primary_key[0]  # type: ignore[index]  # fmt: skip
        self.audit.record(caller, "pool_create", title, [], pool_id=pool_id)
        return self.pool(caller, int(pool_id), log=False)

    def pools(self, caller: Caller) -> list[PoolOut]:
        """The pools the caller may see (an OPD head: their unit's; an ASN: the ones they are in)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.talent_pools).order_by(t.talent_pools.c.id)).mappings().all()
        visible = [self._pool_out(r, []) for r in rows if self._may_see_pool(caller, r)]
        self.audit.record(caller, "pool_list", None, [], pools=[p.id for p in visible])
        return visible

    def pool(self, caller: Caller, pool_id: int, log: bool = True) -> PoolOut:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.talent_pools).where(t.talent_pools.c.id == pool_id)).mappings().first()
            if row is None or not self._may_see_pool(caller, row):
                raise NotFound("Kelompok rencana suksesi tidak ditemukan.", "Talent pool not found.")
            members = conn.execute(
                select(t.pool_members).where(t.pool_members.c.pool_id == pool_id).order_by(t.pool_members.c.id)
            ).mappings().all()
            events = conn.execute(
                select(t.pool_events).where(t.pool_events.c.member_id.in_([m["id"] for m in members]))
                .order_by(t.pool_events.c.id)
            ).mappings().all()  # fmt: skip
        if caller.role == "asn":  # an ASN sees their own place in a pool, not the others
            members = [m for m in members if m["nip"] == caller.nip]
        people = self.people.get([m["nip"] for m in members])
        if caller.role not in SEE_ALL:  # an OPD head (or a unit-limited key) sees only the nominees they may see
            members = [m for m in members if (p := people.get(m["nip"])) is not None and caller.can_see(m["nip"], p.unit_kerja)]
        shown = [self._member_out(m, people.get(m["nip"]), events) for m in members]
        main = next((m.merit for m in shown if m.main and m.merit is not None), None)
        if main is not None:
            shown = [m if m.main or m.merit is None else m.model_copy(update={"gap_to_main": round(main - m.merit, 3)})
                     for m in shown]  # fmt: skip
        out = self._pool_out(row, shown)
        if log:
            self.audit.record(caller, "pool_view", out.post_title, [m.nip for m in out.members], pool_id=pool_id)
        return out

    def suggest(self, caller: Caller, pool_id: int, limit: int = 10) -> list[Any]:
        """Eligible ASN for the pool's post, ranked by Talenta's rules, not yet in the pool and not the
        post's holder: those who meet the rules first, then those to verify."""
        pool = self.pool(caller, pool_id, log=False)
        _require(caller, ("bkpsdm", "komite"))
        target = TargetPost(pool.level, pool.post_title) if pool.level else None
        found = self.talent.search(caller, pool.post_title, limit=max(limit * 3, 20), target=target, action="")
        taken = {m.nip for m in pool.members} | ({pool.holder_nip} if pool.holder_nip else set())
        ranked = [c for c in found.candidates if c.nip not in taken and not c.current_holder and (
            c.eligibility is None or c.eligibility.status != "tidak memenuhi")][:limit]  # fmt: skip
        self.audit.record(caller, "pool_suggest", pool.post_title, [c.nip for c in ranked], pool_id=pool_id)
        return ranked

    def add_members(self, caller: Caller, pool_id: int, nips: list[str]) -> PoolOut:
        _require(caller, MANAGE)
        pool = self.pool(caller, pool_id, log=False)
        known = self.people.get(nips)
        missing = [n for n in nips if n not in known]
        if missing:
            raise NotFound(f"NIP tidak ditemukan: {', '.join(missing)}.", f"NIP not found: {', '.join(missing)}.")
        if pool.holder_nip and pool.holder_nip in nips:
            raise Conflict("Pemegang jabatan tidak dapat menjadi penggantinya sendiri.",
                           "The post's holder cannot be their own successor.")  # fmt: skip
        present = {m.nip for m in pool.members}
        now = utc_now()
        with self.engine.begin() as conn:
            for nip in dict.fromkeys(nips):
                if nip not in present:
                    conn.execute(insert(t.pool_members).values(
                        pool_id=pool_id, nip=nip, state="kandidat", main=False, added_by=caller.user,
                        added_at=now, updated_at=now))  # fmt: skip
        self.audit.record(caller, "pool_add", pool.post_title, nips, pool_id=pool_id)
        return self.pool(caller, pool_id, log=False)

    # ---- steps -------------------------------------------------------------------------------

    def act(
        self, caller: Caller, member_id: int, action: wf.Action, note: str | None, session_id: int | None = None
    ) -> MemberOut:
        """Take a step on a nominee (nominasikan, verifikasi, tetapkan, tolak, tarik, batalkan), optionally
        recorded as taken in a komite session."""
        member, history = self._member(caller, member_id)
        try:
            if action == "batalkan":
                event = wf.undo(history, caller.user, caller.role, note)
            else:
                event = wf.decide(member["state"], action, caller.user, caller.role, note)
        except wf.WorkflowError as exc:
            raise (Forbidden if exc.forbidden else Conflict)(exc.message_id, exc.message_en) from exc
        now = utc_now()
        with self.engine.begin() as conn:
            if session_id is not None and conn.execute(
                    select(t.komite_sessions.c.id).where(t.komite_sessions.c.id == session_id)).first() is None:  # fmt: skip
                raise NotFound("Sidang komite tidak ditemukan.", "Komite session not found.")
            # the state moves only if no one else moved it meanwhile
            moved = conn.execute(update(t.pool_members).where(
                t.pool_members.c.id == member_id, t.pool_members.c.state == member["state"]
            ).values(state=event.target, updated_at=now)).rowcount  # fmt: skip
            if moved != 1:
                raise Conflict("Status sudah diubah orang lain; muat ulang.", "The state was changed meanwhile; reload.")
            conn.execute(insert(t.pool_events).values(
                member_id=member_id, action=event.action, source=event.source, target=event.target,
                actor=event.actor, role=event.role, note=event.note, undoes=event.undoes, at=now,
                session_id=session_id))  # fmt: skip
        self.audit.record(caller, f"pool_{action}", event.note, [member["nip"]], pool_id=member["pool_id"],
                          member_id=member_id, source=event.source, target=event.target,
                          **({"session_id": session_id} if session_id is not None else {}))  # fmt: skip
        return self._one(caller, member_id)

    def set_readiness(self, caller: Caller, member_id: int, readiness: wf.Readiness, note: str | None) -> MemberOut:
        """The komite's readiness of a nominee (siap sekarang / 1-2 tahun / jangka panjang), with a note."""
        _require(caller, ("komite",))
        if readiness not in wf.READINESS:
            raise Conflict(f"Kesiapan tidak dikenal: {readiness}.", f"Unknown readiness: {readiness}.")
        return self._mark(caller, member_id, {"readiness": readiness}, "kesiapan", note)

    def set_main(self, caller: Caller, member_id: int, note: str | None) -> MemberOut:
        """The main successor of the pool (the others stay as backups), chosen by the komite."""
        _require(caller, ("komite",))
        member, _ = self._member(caller, member_id)
        with self.engine.begin() as conn:
            conn.execute(update(t.pool_members).where(t.pool_members.c.pool_id == member["pool_id"]).values(main=False))
        return self._mark(caller, member_id, {"main": True}, "utama", note)

    def inbox(self, caller: Caller) -> list[InboxItem]:
        """What waits on the caller's role, the longest waiting first."""
        waiting = [s for s, role in wf.WAITS_ON.items() if role == caller.role]
        if not waiting:
            return []
        items: list[InboxItem] = []
        for pool in self.pools_raw():
            if not self._may_see_pool(caller, pool):
                continue
            full = self.pool(caller, pool["id"], log=False)
            items.extend(InboxItem(pool_id=full.id, post_title=full.post_title, member=m)
                         for m in full.members if m.state in waiting)  # fmt: skip
        items.sort(key=lambda i: -i.member.days_waiting)
        self.audit.record(caller, "pool_inbox", None, [i.member.nip for i in items])
        return items

    def memberships(self, caller: Caller, nip: str) -> list[tuple[PoolOut, MemberOut]]:
        """The pools a person is in, with their place (for the person's own page)."""
        if caller.role == "asn" and caller.nip != nip:
            raise NotFound("Data tidak ditemukan.", "Not found.")
        with self.engine.connect() as conn:  # only the pools the person is in, not every pool in full
            pool_ids = {r[0] for r in conn.execute(select(t.pool_members.c.pool_id).where(t.pool_members.c.nip == nip))}
        out: list[tuple[PoolOut, MemberOut]] = []
        for pool in self.pools_raw():
            if pool["id"] in pool_ids and self._may_see_pool(caller, pool):
                full = self.pool(caller, pool["id"], log=False)
                out.extend((full, m) for m in full.members if m.nip == nip)
        return out

    def vacancies(self, caller: Caller, years: int = 1, limit: int = 200) -> list[Vacancy]:
        """Structural posts (JPT, administrator, pengawas) whose holders reach the retirement age
        within ``years``, soonest first, by the retirement rules (BUP as data); with the pool already
        made for each, if any."""
        from assistant.domain.models import JenisJabatan
        from assistant.domain.plan import Filters, QueryPlan, RetirementFilter, Sort
        from assistant.domain.retirement import retirement

        if caller.role not in ("pimpinan", "bkpsdm", "komite", "opd"):
            raise Forbidden("Peran ini tidak melihat rencana suksesi.", "This role does not see succession plans.")
        plan = QueryPlan(
            filters=Filters(jenis_jabatan=[JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS],
                            retirement=RetirementFilter(within_years=years)),
            sort=Sort(key="retirement", descending=False),
        )  # fmt: skip
        found = self.talent.run_plan(caller, plan, limit=limit)
        people = self.people.get([c.nip for c in found.candidates])
        pools = {(p["holder_nip"] or ""): p["id"] for p in self.pools_raw() if p["holder_nip"]}
        out = []
        for c in found.candidates:
            bup = retirement(people[c.nip]) if c.nip in people else None
            out.append(Vacancy(post_title=c.jabatan or "-", unit_kerja=c.unit_kerja, jenis_jabatan=c.jenis_jabatan,
                               holder_nip=c.nip, holder=c.nama_lengkap, vacant_on=bup.date if bup else None,
                               rule=f"BUP {bup.age} ({bup.post})" if bup else None, pool_id=pools.get(c.nip)))  # fmt: skip
        return out

    # ---- development plans (IDP) ---------------------------------------------------------------

    def development(self, caller: Caller, member_id: int) -> list[DevelopmentItem]:
        """A nominee's development plan; the nominee sees their own."""
        self._member(caller, member_id)
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.development_items).where(t.development_items.c.member_id == member_id)
                                .order_by(t.development_items.c.id)).mappings().all()  # fmt: skip
        today = dt.date.today()
        return [DevelopmentItem(id=r["id"], kind=r["kind"], description=r["description"], status=r["status"], due=r["due"],
                                overdue=bool(r["due"] and r["due"] < today and r["status"] != "selesai"), note=r["note"],
                                updated_by=r["updated_by"], updated_at=aware(r["updated_at"])) for r in rows]  # fmt: skip

    def plan_development(
        self, caller: Caller, member_id: int, kind: wf.DevelopmentKind, description: str, due: dt.date | None = None,
        note: str | None = None,
    ) -> list[DevelopmentItem]:  # fmt: skip
        """A new item of a nominee's development plan (BKPSDM, komite): training, rotation, mentoring, assignment."""
        _require(caller, ("bkpsdm", "komite"))
        member, _ = self._member(caller, member_id)
        if kind not in wf.DEVELOPMENT_KINDS or not " ".join(description.split()):
            raise Conflict("Jenis dan uraian rencana pengembangan wajib diisi.", "A development item needs a kind and a description.")
        with self.engine.begin() as conn:
            conn.execute(insert(t.development_items).values(
                member_id=member_id, kind=kind, description=" ".join(description.split()), status="direncanakan", due=due,
                note=note, updated_by=caller.user, updated_at=utc_now()))  # fmt: skip
        self.audit.record(caller, "idp_add", description, [member["nip"]], member_id=member_id, kind=kind)
        return self.development(caller, member_id)

    def update_development(
        self, caller: Caller, item_id: int, status: wf.DevelopmentStatus, note: str | None
    ) -> list[DevelopmentItem]:
        """Move a development item (direncanakan / berjalan / selesai), with a note."""
        _require(caller, ("bkpsdm", "komite"))
        if status not in wf.DEVELOPMENT_STATUS:
            raise Conflict(f"Status tidak dikenal: {status}.", f"Unknown status: {status}.")
        with self.engine.connect() as conn:
            row = conn.execute(select(t.development_items).where(t.development_items.c.id == item_id)).mappings().first()
        if row is None:
            raise NotFound("Rencana pengembangan tidak ditemukan.", "Development item not found.")
        member, _ = self._member(caller, row["member_id"])
        try:
            text = wf.note_text(note)
        except wf.WorkflowError as exc:
            raise Conflict(exc.message_id, exc.message_en) from exc
        with self.engine.begin() as conn:
            conn.execute(update(t.development_items).where(t.development_items.c.id == item_id)
                         .values(status=status, note=text, updated_by=caller.user, updated_at=utc_now()))  # fmt: skip
        self.audit.record(caller, "idp_update", text, [member["nip"]], item_id=item_id, status=status)
        return self.development(caller, row["member_id"])

    # ---- helpers -----------------------------------------------------------------------------

    def pools_raw(self) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.talent_pools).order_by(t.talent_pools.c.id)).mappings().all())

    def _may_see_pool(self, caller: Caller, pool: Any) -> bool:
        if caller.role in SEE_ALL:
            return True
        if caller.role == "opd":
            return bool(unit_key(caller.unit_kerja)) and unit_key(pool["unit_kerja"]) == unit_key(caller.unit_kerja)
        if caller.role == "asn" and caller.nip:
            with self.engine.connect() as conn:
                return conn.execute(select(t.pool_members.c.id).where(
                    t.pool_members.c.pool_id == pool["id"], t.pool_members.c.nip == caller.nip)).first() is not None  # fmt: skip
        return False

    def _member(self, caller: Caller, member_id: int) -> tuple[Any, list[wf.Event]]:
        with self.engine.connect() as conn:
            member = conn.execute(select(t.pool_members).where(t.pool_members.c.id == member_id)).mappings().first()
            pool = conn.execute(select(t.talent_pools).where(
                t.talent_pools.c.id == (member["pool_id"] if member else -1))).mappings().first()  # fmt: skip
            if member is None or pool is None or not self._may_see_pool(caller, pool) or (
                    caller.role == "asn" and member["nip"] != caller.nip):  # fmt: skip
                raise NotFound("Calon tidak ditemukan.", "Nominee not found.")
            if caller.role not in SEE_ALL:
                person = self.people.get([member["nip"]]).get(member["nip"])
                if person is None or not caller.can_see(member["nip"], person.unit_kerja):
                    raise NotFound("Calon tidak ditemukan.", "Nominee not found.")
            rows = conn.execute(select(t.pool_events).where(t.pool_events.c.member_id == member_id)
                                .order_by(t.pool_events.c.id)).mappings().all()  # fmt: skip
        history = [wf.Event(r["action"], r["source"], r["target"], r["actor"], r["role"], r["note"], r["undoes"], r["id"])
                   for r in rows if r["source"] != r["target"] or r["action"] == "batalkan"]  # fmt: skip
        return member, history

    def _mark(self, caller: Caller, member_id: int, values: dict[str, Any], action: str, note: str | None) -> MemberOut:
        member, _ = self._member(caller, member_id)
        try:
            text = wf.note_text(note)
        except wf.WorkflowError as exc:
            raise Conflict(exc.message_id, exc.message_en) from exc
        now = utc_now()
        with self.engine.begin() as conn:
            conn.execute(update(t.pool_members).where(t.pool_members.c.id == member_id).values(**values, updated_at=now))
            conn.execute(insert(t.pool_events).values(
                member_id=member_id, action=action, source=member["state"], target=member["state"], actor=caller.user,
                role=caller.role, note=text, at=now))  # fmt: skip
        self.audit.record(caller, f"pool_{action}", text, [member["nip"]], pool_id=member["pool_id"], member_id=member_id,
                          **{k: v for k, v in values.items()})  # fmt: skip
        return self._one(caller, member_id)

    def _one(self, caller: Caller, member_id: int) -> MemberOut:
        member, _ = self._member(caller, member_id)
        pool = self.pool(caller, member["pool_id"], log=False)
        return next(m for m in pool.members if m.id == member_id)

    @staticmethod
    def _pool_out(row: Any, members: list[MemberOut]) -> PoolOut:
        return PoolOut(
            id=row["id"], post_title=row["post_title"], unit_kerja=row["unit_kerja"], level=row["level"],
            critical=bool(row["critical"]), vacant_on=row["vacant_on"], holder_nip=row["holder_nip"], note=row["note"],
            created_by=row["created_by"], created_at=aware(row["created_at"]), members=members,
        )  # fmt: skip

    @staticmethod
    def _member_out(row: Any, person: Any, events: Sequence[Any]) -> MemberOut:
        mine = [e for e in events if e["member_id"] == row["id"]]
        state = row["state"]
        return MemberOut(
            id=row["id"], nip=row["nip"], nama=person.nama_lengkap if person else None,
            jabatan=person.jabatan if person else None, unit_kerja=person.unit_kerja if person else None,
            golongan=person.golongan if person else None, kotak_talenta=place_employee(person).cell if person else None,
            state=state, readiness=row["readiness"], main=bool(row["main"]), waits_on=wf.WAITS_ON.get(state),
            merit=round(merit_value(merit_factors(person, dt.date.today())), 3) if person else None,
            days_waiting=(utc_now() - aware(row["updated_at"])).days,
            events=[EventOut(id=e["id"], action=e["action"], source=e["source"], target=e["target"], actor=e["actor"],
                             role=e["role"], note=e["note"], undoes=e["undoes"], at=aware(e["at"])) for e in mine],
        )  # fmt: skip


def _require(caller: Caller, roles: tuple[str, ...]) -> None:
    if caller.role not in roles:
        raise Forbidden(
            f"Peran '{caller.role}' tidak berwenang untuk tindakan ini ({', '.join(roles)}).",
            f"Role '{caller.role}' may not do this ({', '.join(roles)}).",
        )


def brief_rows(svc: SuccessionService, caller: Caller, pool_id: int, lang: str = "id") -> tuple[PoolOut, list[str], list[dict[str, object]]]:
    """The meeting brief of a pool (bahan rapat): the main successor first, then the backups by merit,
    each with their state, readiness, the post's rules and what they still lack. Audited."""
    pool = svc.pool(caller, pool_id, log=False)
    en = lang == "en"
    target = TargetPost(pool.level, pool.post_title) if pool.level else None
    people = svc.people.get([m.nip for m in pool.members])
    columns = (["Role", "NIP", "Name", "Post", "Unit", "Golongan", "9-box", "Merit", "Gap to main", "State", "Readiness",
                "The post's rules", "Still lacking"] if en else
               ["Peran", "NIP", "Nama", "Jabatan", "Unit kerja", "Golongan", "Kotak", "Merit", "Selisih dari utama", "Status",
                "Kesiapan", "Syarat jabatan", "Yang masih kurang"])  # fmt: skip
    ordered = sorted(pool.members, key=lambda m: (not m.main, -(m.merit or 0)))
    rows: list[dict[str, object]] = []
    for m in ordered:
        e = people.get(m.nip)
        check = svc.talent.eligibility(e, target, lang, dt.date.today()) if e is not None and target else None
        values = [("main successor" if en else "pengganti utama") if m.main else ("backup" if en else "cadangan"), m.nip,
                  m.nama, m.jabatan, m.unit_kerja, m.golongan, m.kotak_talenta, m.merit, m.gap_to_main,
                  wf.LABEL_EN.get(m.state, m.state) if en else m.state,
                  (wf.LABEL_EN.get(m.readiness, m.readiness) if en else m.readiness) if m.readiness else None,
                  (STATUS_EN.get(check.status, check.status) if en else check.status) if check else None,
                  "; ".join(check.gaps) if check else None]  # fmt: skip
        rows.append(dict(zip(columns, values, strict=True)))
    rows.append({columns[0]: (f"{pool.post_title}: the decision stays with the PPK; Talenta prepared this from the records."
                              if en else f"{pool.post_title}: keputusan tetap pada PPK; bahan ini disusun Talenta dari rekam data.")})
    svc.audit.record(caller, "pool_brief", pool.post_title, [m.nip for m in ordered], pool_id=pool_id)
    return pool, columns, rows


def brief_xlsx(svc: SuccessionService, caller: Caller, pool_id: int, lang: str = "id") -> bytes:
    from assistant.services.xlsx import people_xlsx

    _, columns, rows = brief_rows(svc, caller, pool_id, lang)
    return people_xlsx(rows, columns)
