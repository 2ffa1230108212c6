"""Komite sessions, calibrations and the 9-box per year in the system of record: a calibration takes
effect at once and survives a re-import, the map of a year, who may do what, and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.domain.identity import Caller
from assistant.services.errors import Conflict, Forbidden, NotFound

BKD = Caller(user="bkd-1", role="bkpsdm")
KOMITE = Caller(user="komite-1", role="komite")
BUPATI = Caller(user="bupati", role="pimpinan")
KADIS = Caller(user="kadis-ikan", role="opd", unit_kerja="Dinas Perikanan")
OTHER_HEAD = Caller(user="kadis-sehat", role="opd", unit_kerja="Dinas Kesehatan")
SITI = "198003152005011002"  # Dinas Perikanan, SKP 2023-2025 Sangat Baik, assessment 2024 tinggi: cell 9
HENDRA = "197905122006041003"  # Dinas Kesehatan, the export's own cell 8
REASON = "Kinerja turun pada proyek strategis 2025."


@pytest.fixture
def container(make_container):
    return make_container()


def _audit(container, action):
    return [e for e in container.audit.entries() if e.get("action") == action]


def test_a_calibration_in_a_session_takes_effect_everywhere_and_is_kept(container):
    cal = container.calibration
    session = cal.create_session(BKD, "Sidang Komite Talenta Semester II 2026", dt.date(2026, 12, 1), "Sekda, Ka. BKPSDM")
    done = cal.calibrate(KOMITE, SITI, 7, REASON, session_id=session.id)
    assert (done.old_cell, done.new_cell, done.tahun, done.decided_by, done.session_id) == (9, 7, 2025, "komite-1", session.id)

    profile = container.service.profile(BUPATI, SITI)
    assert (profile.kotak_talenta, profile.kotak_talenta_sumber) == (7, "kalibrasi")
    from assistant.domain.plan import Filters, QueryPlan

    found = container.service.run_plan(BUPATI, QueryPlan(filters=Filters(kotak=[7])))
    assert SITI in [c.nip for c in found.candidates]  # the search table filters on the new cell
    assert SITI not in [c.nip for c in container.service.run_plan(BUPATI, QueryPlan(filters=Filters(kotak=[9]))).candidates]

    history = cal.history(KADIS, SITI)
    assert [(y.tahun, y.cell, y.source) for y in history.years][-2:] == [(2024, 9, "dihitung"), (2025, 7, "kalibrasi")]
    assert [c.reason for c in history.calibrations] == [REASON]

    read = cal.session(BUPATI, session.id)
    assert [(c.nip, c.old_cell, c.new_cell, c.decided_by) for c in read.calibrations] == [(SITI, 9, 7, "komite-1")]
    entry = _audit(container, "calibrate")[-1]
    assert entry["nips"] == [SITI] and entry["old_cell"] == 9 and entry["new_cell"] == 7 and entry["user"] == "komite-1"

    # a re-import of the same people keeps the calibration for its mapping year
    from tests.conftest import fixture_people

    stored = {e.nip: e for e in container.people.get([SITI]).values()}
    container.people.upsert([(fixture_people()[0], stored[SITI].content_hash() + "x")])
    assert container.service.profile(BUPATI, SITI).kotak_talenta == 7


def test_who_may_calibrate_and_what_is_refused(container):
    cal = container.calibration
    for caller in (BKD, BUPATI, KADIS):
        with pytest.raises(Forbidden):
            cal.calibrate(caller, SITI, 7, REASON)
    with pytest.raises(Conflict):
        cal.calibrate(KOMITE, SITI, 7, "")  # a reason is required
    with pytest.raises(Conflict):
        cal.calibrate(KOMITE, SITI, 9, REASON)  # already there
    with pytest.raises(Conflict):
        cal.calibrate(KOMITE, SITI, 10, REASON)
    with pytest.raises(NotFound):
        cal.calibrate(KOMITE, SITI, 7, REASON, session_id=999)
    with pytest.raises(NotFound):
        cal.calibrate(KOMITE, "199999999999999999", 7, REASON)
    assert cal.calibrations(BUPATI) == []
    with pytest.raises(Forbidden):
        cal.create_session(KADIS, "Sidang", dt.date(2026, 1, 1))
    with pytest.raises(Forbidden):
        cal.sessions(KADIS)


def test_a_person_out_of_sight_answers_as_one_that_does_not_exist(container):
    cal = container.calibration
    with pytest.raises(NotFound) as hidden:
        cal.history(OTHER_HEAD, SITI)
    with pytest.raises(NotFound) as missing:
        cal.history(OTHER_HEAD, "199999999999999999")
    assert type(hidden.value) is type(missing.value)
    assert _audit(container, "profile_denied")[-1]["nips"] == [SITI]


def test_the_map_of_a_year_counts_that_years_placements(container):
    from assistant.services.talent_map import talent_map

    cal = container.calibration
    assert cal.years()[0] == 2025
    now = talent_map(container.service, BUPATI, calibration=cal)
    cells = {c.cell: c.count for row in now.grid for c in row}
    assert cells[9] == 1 and cells[8] == 1 and now.year is None  # Siti computed, Hendra from the export

    then = talent_map(container.service, BUPATI, year=2024, calibration=cal)
    assert then.year == 2024 and {c.cell: c.count for row in then.grid for c in row}[9] == 1
    assert then.placed == 1 and then.placed + then.not_placed == now.placed + now.not_placed
    assert _audit(container, "talent_map")[-1]["year"] == 2024

    ikan = talent_map(container.service, KADIS, year=2025, calibration=cal)
    assert ikan.placed == 1  # only Siti: the OPD head's unit
    assert cal.nips_in_cell(KADIS, 2025, 9) == [SITI] and cal.nips_in_cell(OTHER_HEAD, 2025, 9) == []

    cal.calibrate(KOMITE, SITI, 8, REASON)
    moved = {c.cell: c.count for row in talent_map(container.service, BUPATI, year=2025, calibration=cal).grid for c in row}
    assert moved[9] == 0 and moved[8] == 2


def test_a_decision_taken_in_a_session_is_listed_with_it(container):
    session = container.calibration.create_session(KOMITE, "Sidang suksesi Kabid", dt.date(2026, 12, 2))
    svc = container.succession
    pool = svc.create_pool(BKD, "Kepala Bidang Budidaya", unit_kerja="Dinas Perikanan", level="administrator")
    member = svc.add_members(BKD, pool.id, ["198707222010012004"]).members[0]
    svc.act(BKD, member.id, "nominasikan", "Memenuhi syarat jabatan.")
    svc.act(KOMITE, member.id, "verifikasi", "Diverifikasi dalam sidang komite.", session_id=session.id)
    with pytest.raises(NotFound):
        svc.act(BUPATI, member.id, "tetapkan", "Ditetapkan.", session_id=12345)
    read = container.calibration.session(BUPATI, session.id)
    assert [(d.action, d.actor, d.target) for d in read.decisions] == [("verifikasi", "komite-1", "diverifikasi")]
