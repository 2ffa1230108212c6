"""The 9-box history, the SKP trend, eligibility for a post and the komite's calibration on the
workbench pages (AppTest): one audited read per choice, and a calibration seen at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import audit_entries, point_at

SITI = "198003152005011002"  # Dinas Perikanan: SKP 2023-2025, assessment 2024 tinggi -> cell 9 from 2024
BAGUS = "198707222010012004"


@pytest.fixture
def data_dir(store_copy, monkeypatch) -> Path:
    point_at(monkeypatch, store_copy, auth="none")
    return store_copy


def _profile_as() -> None:
    import streamlit as st

    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import Caller
    from ui.workbench import profile_page

    role = st.session_state.get("role", "komite")
    profile_page(build_container(Settings()), Caller(user=f"{role}-1", role=role), "id")


def _frame_with(at: AppTest, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_the_profile_shows_the_history_the_rules_and_the_komite_calibrates(data_dir):
    at = AppTest.from_function(_profile_as, default_timeout=60)
    at.session_state["profile_nip"] = SITI
    at.run()
    assert not at.exception and not at.error
    history = _frame_with(at, "Kotak")
    assert list(history["Tahun"]) == ["2023", "2024", "2025"] and list(history["Kotak"])[1:] == [9, 9]
    assert len(_frame_with(at, "Syarat")) > 0  # Siti is a Kepala Bidang: the rules of the level above (JPT)
    at.text_input(key="profile_elig_post").input("Kepala Bidang Budidaya").run()
    assert not at.exception and any(m.value.startswith("Kepala Bidang Budidaya: Status") for m in at.markdown)
    at.run()
    looked = [e for e in audit_entries(data_dir, "eligibility") if e["nips"] == [SITI]]
    assert [e["query"] for e in looked] == ["jpt_pratama", "Kepala Bidang Budidaya"]  # once per choice

    at.selectbox(key=f"cal_new_{SITI}").set_value(7)
    at.text_area(key=f"cal_reason_{SITI}").input("Hasil sidang kalibrasi semester II.")
    at.button[[b.label for b in at.button].index("Simpan kalibrasi")].click().run()
    assert not at.exception and not at.error
    (done,) = audit_entries(data_dir, "calibrate")
    assert done["old_cell"] == 9 and done["new_cell"] == 7 and done["user"] == "komite-1"
    at.run()
    assert at.metric[0].value == "7"
    history = _frame_with(at, "Kotak")
    assert list(history["Kotak"])[-1] == 7 and list(history["Sumber"])[-1] == "kalibrasi"


def test_only_the_komite_sees_the_calibration_form(data_dir):
    at = AppTest.from_function(_profile_as, default_timeout=60)
    at.session_state["profile_nip"] = SITI
    at.session_state["role"] = "bkpsdm"
    at.run()
    assert not at.exception and "Simpan kalibrasi" not in [b.label for b in at.button]


def test_the_map_of_a_year(data_dir):
    def page() -> None:
        from assistant.config import Settings
        from assistant.container import build_container
        from assistant.domain.identity import Caller
        from ui.workbench import map_page

        map_page(build_container(Settings()), Caller(user="bkd-1", role="bkpsdm"), "id")

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.exception and at.selectbox(key="map_year").options[:2] == ["Sekarang (kotak tiap ASN saat ini)", "2025"]
    at.selectbox(key="map_year").set_value(2023).run()
    assert "Kotak 9: 0" in at.button(key="map_cell_9").label  # no assessment yet in 2023
    at.selectbox(key="map_year").set_value(2024).run()
    assert at.button(key="map_cell_9").label.startswith("Kotak 9: 1")
    at = at.button(key="map_cell_9").click().run()
    assert list(at.dataframe[0].value["NIP"]) == [SITI]
    assert audit_entries(data_dir, "talent_map")[-1]["year"] == 2024


def test_an_asn_sees_their_history_trend_and_next_level(data_dir):
    def page() -> None:
        from assistant.config import Settings
        from assistant.container import build_container
        from assistant.domain.identity import Caller
        from ui.workbench import self_page

        self_page(build_container(Settings()), Caller(user="bagus", role="asn", nip="198707222010012004"), "id")

    at = AppTest.from_function(page, default_timeout=60).run()
    assert not at.exception and not at.error
    assert list(_frame_with(at, "Kotak")["Tahun"]) == ["2024", "2025"]
    assert len(_frame_with(at, "Syarat")) > 0
    assert [e["nips"] for e in audit_entries(data_dir, "eligibility")] == [[BAGUS]]
