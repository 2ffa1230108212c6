"""The workbench under Streamlit's AppTest: a real login (local accounts), pages by role, the
succession page taking a nominee through its steps, and an ASN's own page with who viewed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import audit_entries, point_at

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
PASSWORD = "sandi-uji-yang-panjang"
NOMINEE = "198707222010012004"  # Bagus Prasetyo, Dinas Perikanan


@pytest.fixture
def data_dir(store_copy, monkeypatch) -> Path:
    from assistant.config import Settings
    from assistant.container import build_container

    target = store_copy
    point_at(monkeypatch, target, auth="accounts")
    accounts = build_container(Settings(data_dir=target)).accounts
    accounts.create("bkd-1", PASSWORD, "bkpsdm")
    accounts.create("bagus", PASSWORD, "asn", nip=NOMINEE)
    return target


_audit = audit_entries


def _login(at: AppTest, user: str, password: str) -> AppTest:
    at.text_input(key="login_user").input(user)
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def test_the_page_asks_for_a_login_and_refuses_a_wrong_password(data_dir):
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Masuk ke Talenta" and not at.chat_input  # nothing before the login
    at = _login(at, "bkd-1", "salah-sama-sekali")
    assert "salah" in at.error[0].value and not at.chat_input
    assert [e["action"] for e in _audit(data_dir)][-1] == "login_failed"


def test_bkpsdm_signs_in_and_gets_the_chat(data_dir):
    at = _login(AppTest.from_file(str(APP), default_timeout=60).run(), "bkd-1", PASSWORD)
    assert not at.exception and not at.error
    assert at.title[0].value == "Talenta — Asisten Talenta ASN" and at.chat_input
    assert "**bkd-1** (BKPSDM)" in "\n".join(md.value for md in at.sidebar.markdown)
    assert ("bkd-1", "login") in [(e["user"], e["action"]) for e in _audit(data_dir)]


def test_an_asn_signs_in_to_their_own_page_only(data_dir):
    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import Caller

    build_container(Settings(data_dir=data_dir)).service.profile(Caller(user="kadis", role="opd", unit_kerja="Dinas Perikanan"), NOMINEE)
    at = _login(AppTest.from_file(str(APP), default_timeout=60).run(), "bagus", PASSWORD)
    assert not at.exception and not at.error
    assert at.title[0].value == "Profil saya" and not at.chat_input
    text = "\n".join(md.value for md in at.markdown)
    assert "Bagus Prasetyo" in text
    viewers = at.dataframe[-1].value
    assert list(viewers["Peran"]) == ["opd"] and list(viewers["Unit kerja"]) == ["Dinas Perikanan"]
    before = len(_audit(data_dir))
    at.run()  # a rerun is not another view
    assert len([e for e in _audit(data_dir)[before:] if e["action"] == "profile"]) == 0


def test_the_succession_page_takes_a_nominee_through_a_step(data_dir):
    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import Caller

    bkd = Caller(user="bkd-1", role="bkpsdm")
    svc = build_container(Settings(data_dir=data_dir)).succession
    pool = svc.create_pool(bkd, "Kepala Seksi Pengolahan", unit_kerja="Dinas Perikanan", level="pengawas")
    svc.add_members(bkd, pool.id, [NOMINEE])

    def page() -> None:
        from assistant.config import Settings
        from assistant.container import build_container
        from assistant.domain.identity import Caller
        from ui.workbench import succession_page

        succession_page(build_container(Settings()), Caller(user="bkd-1", role="bkpsdm"), "id")

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Suksesi dan kelompok talenta"
    members = at.dataframe[1].value
    assert list(members["NIP"]) == [NOMINEE] and list(members["Status"]) == ["kandidat"]
    at.selectbox(key="step_action").select("nominasikan")
    at.text_area(key="step_note").input("Memenuhi syarat, kinerja sangat baik.")
    at = at.button(key="FormSubmitter:step-Simpan").click().run()
    assert not at.exception and not at.error
    assert svc.pool(bkd, pool.id).members[0].state == "dinominasikan"
    at.selectbox(key="step_action").select("nominasikan")
    at.text_area(key="step_note").input("Sekali lagi tanpa alasan.")
    at = at.button(key="FormSubmitter:step-Simpan").click().run()
    assert "tidak dapat dilakukan" in at.error[0].value  # a refused step is said, not a traceback


def test_the_profile_page_shows_each_record_with_its_source_once_per_session(data_dir):
    def page() -> None:
        import streamlit as st  # the function runs as a script of its own: it needs its own imports

        from assistant.config import Settings
        from assistant.container import build_container
        from assistant.domain.identity import Caller
        from ui.workbench import profile_page

        who = st.session_state.get("who", "bkpsdm")
        caller = Caller(user="bkd-1", role="bkpsdm") if who == "bkpsdm" else Caller(
            user="kadis-kes", role="opd", unit_kerja="Dinas Kesehatan")  # fmt: skip
        profile_page(build_container(Settings()), caller, "id")

    at = AppTest.from_function(page, default_timeout=60)
    at.session_state["profile_nip"] = NOMINEE
    at.run()
    assert not at.exception and not at.error
    records = at.dataframe[0].value
    assert {"pendidikan", "riwayat jabatan", "diklat", "SKP"} <= set(records["Sumber"])
    at.run()
    views = [e for e in _audit(data_dir) if e["action"] == "profile" and e["nips"] == [NOMINEE]]
    assert len(views) == 1  # reruns are not more views
    other = AppTest.from_function(page, default_timeout=60)
    other.session_state["profile_nip"] = NOMINEE
    other.session_state["who"] = "opd"
    other.run()
    assert other.error and not other.dataframe  # another unit's person: refused, nothing shown


def test_the_compare_page_marks_the_best_value_once_per_choice(data_dir):
    def page() -> None:
        from assistant.config import Settings
        from assistant.container import build_container
        from assistant.domain.identity import Caller
        from ui.workbench import compare_page

        compare_page(build_container(Settings()), Caller(user="bkd-1", role="bkpsdm"), "id")

    at = AppTest.from_function(page, default_timeout=60)
    at.session_state["compare_nips"] = ["198003152005011002", NOMINEE]
    at.run()
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    golongan = table[table[""] == "Golongan"].iloc[0].tolist()
    assert any(str(v).endswith("✓") for v in golongan[1:])
    at.run()
    assert len([e for e in _audit(data_dir) if e["action"] == "compare"]) == 1


def test_the_talent_map_page_opens_a_cell(data_dir):
    from assistant.domain.nine_box import place_employee
    from tests.conftest import fixture_people

    def page() -> None:
        from assistant.config import Settings
        from assistant.container import build_container
        from assistant.domain.identity import Caller
        from ui.workbench import map_page

        map_page(build_container(Settings()), Caller(user="bkd-1", role="bkpsdm"), "id")

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.exception and not at.error and at.title[0].value == "Peta talenta (9-box)"
    nine = [e.nip for e in fixture_people() if place_employee(e).cell == 9]
    assert nine  # the fixture has someone in cell 9
    at = at.button(key="map_cell_9").click().run()
    listed = at.dataframe[0].value
    assert sorted(listed["NIP"]) == sorted(nine)


def _succession_as() -> None:
    """The Suksesi page for one role (AppTest runs it as a script: its own imports)."""
    import streamlit as st

    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import Caller
    from ui.workbench import succession_page

    role = st.session_state.get("role", "komite")
    succession_page(build_container(Settings()), Caller(user=f"{role}-1", role=role), "id")


def _pool_with(data_dir: Path, nips: list[str]):
    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import Caller

    bkd = Caller(user="bkd-1", role="bkpsdm")
    svc = build_container(Settings(data_dir=data_dir)).succession
    pool = svc.create_pool(bkd, "Kepala Seksi Budidaya", unit_kerja="Dinas Perikanan", level="pengawas")
    return svc, bkd, svc.add_members(bkd, pool.id, nips)


def test_the_committee_sets_readiness_and_the_main_successor_without_a_step(data_dir):
    other = "198302172008011001"  # Ahmad Fauzi
    svc, bkd, pool = _pool_with(data_dir, [NOMINEE, other])
    ids = {m.nip: m.id for m in pool.members}
    at = AppTest.from_function(_succession_as, default_timeout=60)
    at.session_state["role"] = "komite"
    at.run()
    assert not at.exception and not at.error
    assert at.selectbox(key="mark_readiness").options == ["siap sekarang", "1-2 tahun", "jangka panjang"]
    at.selectbox(key="mark_member").select(ids[NOMINEE])
    at.selectbox(key="mark_readiness").select("1-2 tahun")
    at = at.button(key="FormSubmitter:mark-Simpan kesiapan").click().run()  # no note
    assert "wajib disertai catatan" in at.error[0].value
    assert svc.pool(bkd, pool.id, log=False).members[0].readiness is None  # nothing changed
    at.text_area(key="mark_note").input("Sudah PKA, perlu rotasi satu kali.")
    at = at.button(key="FormSubmitter:mark-Simpan kesiapan").click().run()
    assert not at.exception and not at.error
    first = next(m for m in svc.pool(bkd, pool.id, log=False).members if m.nip == NOMINEE)
    assert (first.readiness, first.state, first.main) == ("1-2 tahun", "kandidat", False)  # no step taken
    assert [(e.action, e.note) for e in first.events] == [("kesiapan", "Sudah PKA, perlu rotasi satu kali.")]
    members = next(d.value for d in at.dataframe if "Kesiapan" in d.value.columns)  # the inbox is empty
    assert list(members[members["NIP"] == NOMINEE]["Kesiapan"]) == ["1-2 tahun"]

    for nip in (other, NOMINEE):  # the main successor moves: one at a time
        at.selectbox(key="mark_member").select(ids[nip])
        at.text_area(key="mark_note").input(f"Pengganti utama: {nip[-4:]}, merit tertinggi.")
        at = at.button(key="FormSubmitter:mark-Jadikan suksesor utama").click().run()
        assert not at.exception and not at.error
        assert {m.nip for m in svc.pool(bkd, pool.id, log=False).members if m.main} == {nip}
    assert [e["action"] for e in _audit(data_dir) if e["action"] in ("pool_kesiapan", "pool_utama")] == [
        "pool_kesiapan", "pool_utama", "pool_utama"]  # fmt: skip

    at = AppTest.from_function(_succession_as, default_timeout=60)
    at.session_state["role"] = "bkpsdm"
    at.run()
    assert not at.exception
    assert not [s for s in at.selectbox if s.key == "mark_member"]  # the form is the komite's


def test_the_idp_expander_moves_an_item_with_a_note(data_dir):
    svc, bkd, pool = _pool_with(data_dir, [NOMINEE])
    member = pool.members[0].id
    svc.plan_development(bkd, member, "pelatihan", "Diklat PKA angkatan 2026")
    item = svc.development(bkd, member)[0].id
    at = AppTest.from_function(_succession_as, default_timeout=60)
    at.session_state["role"] = "bkpsdm"
    at.run()
    assert not at.exception and not at.error
    assert at.selectbox(key="idp_move_status").options == ["direncanakan", "berjalan", "selesai"]
    at.selectbox(key="idp_move_item").select(item)
    at.selectbox(key="idp_move_status").select("berjalan")
    at = at.button(key="FormSubmitter:idp_move-Simpan status").click().run()  # no note
    assert "wajib disertai catatan" in at.error[0].value
    assert svc.development(bkd, member)[0].status == "direncanakan"
    at.text_area(key="idp_move_note").input("Sudah terdaftar di BPSDM provinsi.")
    at = at.button(key="FormSubmitter:idp_move-Simpan status").click().run()
    assert not at.exception and not at.error
    moved = svc.development(bkd, member)[0]
    assert (moved.status, moved.note, moved.updated_by) == ("berjalan", "Sudah terdaftar di BPSDM provinsi.", "bkpsdm-1")
    assert list(next(d.value for d in at.dataframe if "Uraian" in d.value.columns)["Status"]) == ["berjalan"]
    assert [e["status"] for e in _audit(data_dir, "idp_update")] == ["berjalan"]

    at = AppTest.from_function(_succession_as, default_timeout=60)
    at.session_state["role"] = "pimpinan"
    at.run()
    assert not at.exception
    assert not [s for s in at.selectbox if s.key == "idp_move_item"]  # BKPSDM and the komite only
