"""The 9-box scheme as data, placement by it, the history per SKP year, and calibration's precedence."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from assistant.domain.models import Asesmen, Ekspektasi, Employee, KategoriPotensi, Predikat, Skp
from assistant.domain.nine_box import (
    DEFAULT_SCHEME,
    DEFAULT_SCHEME_PATH,
    Calibration,
    SchemeError,
    assess,
    history,
    load_scheme,
    parse_scheme,
    place_employee,
    settle,
)

T, M, R = KategoriPotensi.TINGGI, KategoriPotensi.MENENGAH, KategoriPotensi.RENDAH
BAWAH, SESUAI, ATAS = Ekspektasi.DI_BAWAH, Ekspektasi.SESUAI, Ekspektasi.DI_ATAS
NIP = "198707222010012004"


def _person(**fields) -> Employee:
    return Employee(nip=NIP, nama="Bagus Prasetyo", **fields)


def _data() -> dict:
    return tomllib.loads(DEFAULT_SCHEME_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("potensi", "kinerja", "cell"), [
    (T, BAWAH, 6), (T, SESUAI, 8), (T, ATAS, 9), (M, BAWAH, 3), (M, SESUAI, 5), (M, ATAS, 7),
    (R, BAWAH, 1), (R, SESUAI, 2), (R, ATAS, 4),
])  # fmt: skip
def test_the_packaged_scheme_is_the_national_guidance(potensi, kinerja, cell):
    assert DEFAULT_SCHEME.cell(kinerja, potensi) == cell
    assert DEFAULT_SCHEME.axes_of(cell) == (potensi, kinerja)


@pytest.mark.parametrize(("change", "says"), [
    (lambda d: d["grid"].update(tinggi=[6, 8, 8]), "1-9 once each"),
    (lambda d: d["grid"].update(rendah=[1, 2]), "grid.rendah needs three"),
    (lambda d: d["grid"].pop("menengah"), "'menengah'"),
    (lambda d: d["kinerja"].pop("Kurang"), "kinerja lacks Kurang"),
    (lambda d: d["kinerja"].update({"Baik": "lumayan"}), "lumayan"),
    (lambda d: d["potensi"].update(menengah_dari=90), "below potensi.tinggi_dari"),
])  # fmt: skip
def test_a_broken_scheme_is_refused_with_its_reason(change, says):
    data = _data()
    change(data)
    with pytest.raises(SchemeError, match=says.replace("(", r"\(")) as caught:
        parse_scheme(data, "skema-instansi.toml")
    assert "skema-instansi.toml" in str(caught.value)


def test_an_unreadable_file_is_a_scheme_error(tmp_path):
    bad = tmp_path / "nine_box.toml"
    bad.write_text("grid = [", encoding="utf-8")
    with pytest.raises(SchemeError, match="nine_box.toml"):
        load_scheme(bad)


def test_an_instansi_numbering_and_cut_offs_change_the_cell(tmp_path):
    data = _data()
    data["grid"] = {"tinggi": [3, 6, 9], "menengah": [2, 5, 8], "rendah": [1, 4, 7]}  # columns first
    data["potensi"] = {"menengah_dari": 50, "tinggi_dari": 70}
    scheme = parse_scheme(data, "lain")
    person = _person(skp=[Skp(tahun=2025, predikat=Predikat.SANGAT_BAIK)],
                     asesmen=[Asesmen(tanggal=dt.date(2025, 3, 1), skor_potensi=72)])  # fmt: skip
    assert assess(person, DEFAULT_SCHEME).potensi == M and place_employee(person, DEFAULT_SCHEME).cell == 7
    assert assess(person, scheme).potensi == T and assess(person, scheme).cell == 9
    assert place_employee(person, scheme).source == "dihitung"


def test_an_assessments_own_category_wins_over_its_score():
    person = _person(skp=[Skp(tahun=2025, predikat=Predikat.BAIK)],
                     asesmen=[Asesmen(tanggal=dt.date(2025, 1, 1), kategori_potensi=R, skor_potensi=95)])  # fmt: skip
    assert assess(person).cell == 2


def test_history_places_each_skp_year_with_the_assessment_known_then():
    person = _person(
        skp=[Skp(tahun=2022, predikat=Predikat.BAIK), Skp(tahun=2023, predikat=Predikat.BAIK),
             Skp(tahun=2024, predikat=Predikat.SANGAT_BAIK), Skp(tahun=2025, predikat=Predikat.BUTUH_PERBAIKAN)],
        asesmen=[Asesmen(tanggal=dt.date(2023, 6, 1), kategori_potensi=M),
                 Asesmen(tanggal=dt.date(2024, 9, 1), kategori_potensi=T)],
    )  # fmt: skip
    got = [(y.tahun, y.cell, y.source) for y in history(person)]
    assert got == [(2022, None, "tidak lengkap"), (2023, 5, "dihitung"), (2024, 9, "dihitung"), (2025, 6, "dihitung")]


def test_the_latest_year_shows_the_exports_own_cell():
    person = _person(skp=[Skp(tahun=2024, predikat=Predikat.BAIK), Skp(tahun=2025, predikat=Predikat.BAIK)],
                     asesmen=[Asesmen(tanggal=dt.date(2020, 1, 1), kategori_potensi=M)], kotak_talenta=8)  # fmt: skip
    assert [(y.tahun, y.cell, y.source) for y in history(person)] == [(2024, 5, "dihitung"), (2025, 8, "ekspor")]


def test_a_calibration_wins_for_its_year_and_not_after_a_newer_mapping():
    person = _person(skp=[Skp(tahun=2025, predikat=Predikat.BAIK)],
                     asesmen=[Asesmen(tanggal=dt.date(2025, 2, 1), kategori_potensi=M)])  # fmt: skip
    cal = Calibration(2025, 5, 7, "Kinerja proyek strategis", "komite-1", dt.date(2026, 1, 10))
    settled = settle(person, DEFAULT_SCHEME, cal)
    assert (settled.kotak, settled.sumber, settled.kotak_semula, settled.oleh) == (7, "kalibrasi", 5, "komite-1")
    calibrated = person.model_copy(update={"penempatan": settled})
    placed = place_employee(calibrated)
    assert placed.cell == 7 and placed.source == "kalibrasi"
    assert any("kalibrasi komite 2026-01-10: kotak 5 -> 7" in r for r in placed.reasons)
    assert history(calibrated)[-1].cell == 7 and history(calibrated)[-1].source == "kalibrasi"
    newer = person.model_copy(update={"skp": [*person.skp, Skp(tahun=2026, predikat=Predikat.SANGAT_BAIK)]})
    assert settle(newer, DEFAULT_SCHEME, cal).sumber == "dihitung"  # a new mapping year: the calibration is history


def test_the_settled_placement_is_not_part_of_the_records_content_hash():
    person = _person(skp=[Skp(tahun=2025, predikat=Predikat.BAIK)])
    settled = person.model_copy(update={"penempatan": settle(person)})
    assert settled.content_hash() == person.content_hash()
    assert Employee.model_validate_json(settled.model_dump_json()).penempatan == settled.penempatan
