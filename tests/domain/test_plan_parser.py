"""The question -> plan parser, table-driven: Indonesian and English, declines and 'not understood'."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.domain.identity import unit_key
from assistant.domain.plan_parser import parse_plan, training_word_groups

UNITS = [(unit_key(n), n) for n in (
    "Dinas Perikanan", "Dinas Kesehatan", "Dinas Pendidikan", "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah", "Inspektorat", "Rumah Sakit Umum Daerah Tanjung Seruni",
    "Kecamatan Tanjung Seruni", "Kecamatan Muara Indah", "Satuan Polisi Pamong Praja",
)]  # fmt: skip
TODAY = dt.date(2026, 12, 4)


def plan_of(question: str) -> dict:
    parsed = parse_plan(question, UNITS, TODAY)
    assert parsed.status == "ok", (question, parsed)
    return parsed.plan.model_dump(mode="json", exclude_defaults=True)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Berapa ASN yang berada di kotak talenta 9?", {"filters": {"kotak": [9]}, "aggregate": {"kind": "count"}}),
        ("Tampilkan ASN kotak 9 di Dinas Perikanan", {"filters": {"units": ["Dinas Perikanan"], "kotak": [9]}}),
        ("Siapa ASN berprestasi di Bappeda?",
         {"filters": {"units": ["Badan Perencanaan Pembangunan Daerah"]}, "sort": {"key": "merit"}}),
        ("ASN dengan SKP Sangat Baik tiga tahun berturut-turut di Dinas Kesehatan",
         {"filters": {"units": ["Dinas Kesehatan"], "skp": {"predikat": ["Sangat Baik"], "last_years": 3}}}),
        ("Siapa pejabat eselon III yang akan pensiun tahun depan?",
         {"filters": {"eselon": ["III"], "retirement": {"year": 2027}}}),
        ("Siapa peserta pelatihan AI dengan nilai 9 ke atas?", {"filters": {"training": [{"words": ["ai"], "score_min": 9.0}]}}),
        ("Who in the finance office has a master's degree?",
         {"filters": {"units": ["Badan Pengelolaan Keuangan dan Aset Daerah"], "pendidikan_min": "S2"}}),
        ("Berapa ASN di Bappeda yang pendidikan terakhirnya S2?",
         {"filters": {"units": ["Badan Perencanaan Pembangunan Daerah"], "pendidikan": ["S2"]}, "aggregate": {"kind": "count"}}),
        ("Tampilkan ASN golongan IV/b di Dinas Kesehatan",
         {"filters": {"units": ["Dinas Kesehatan"], "golongan_min": "IV/b", "golongan_max": "IV/b"}}),
        ("Siapa ASN di Inspektorat dengan SKP Sangat Baik tahun 2025?",
         {"filters": {"units": ["Inspektorat"], "skp": {"predikat": ["Sangat Baik"], "year": 2025}}}),
        ("Which employees of the finance agency (BPKAD) have a master's degree as their highest education?",
         {"filters": {"units": ["Badan Pengelolaan Keuangan dan Aset Daerah"], "pendidikan": ["S2"]}}),
        ("Berapa peserta pelatihan AI yang mendapat nilai 10?",
         {"filters": {"training": [{"words": ["ai"], "score_min": 10.0, "score_max": 10.0}]}, "aggregate": {"kind": "count"}}),
        ("Siapa yang lanjut ke tahap berikutnya?", {"filters": {"training": [{"passed_on": True}]}}),
        ("Sebaran nilai pelatihan AI",
         {"filters": {"training": [{"words": ["ai"]}]}, "aggregate": {"kind": "group", "by": "training_score"}}),
        ("Jumlah ASN per unit kerja", {"aggregate": {"kind": "group", "by": "unit"}}),
        ("Siapa ASN di Dinkes yang paham gizi dengan golongan III/c ke atas?",
         {"filters": {"units": ["Dinas Kesehatan"], "golongan_min": "III/c"}, "relevance": "gizi"}),
        ("ASN yang belum ikut diklat PIM IV di Kecamatan Tanjung Seruni",
         {"filters": {"units": ["Kecamatan Tanjung Seruni"], "training": [{"leadership": True, "level": "IV", "taken": False}]}}),
        ("How many employees in RSUD are in 9-box cells 7-9?",
         {"filters": {"units": ["Rumah Sakit Umum Daerah Tanjung Seruni"], "kotak": [7, 8, 9]}, "aggregate": {"kind": "count"}}),
        ("Who will retire in 2027?", {"filters": {"retirement": {"year": 2027}}}),
        ("ASN yang sedang menjalani hukuman disiplin", {"filters": {"discipline_in_force": True}}),
        ("Siapa yang sudah lebih dari 5 tahun di jabatan sekarang di Disdik?",
         {"filters": {"units": ["Dinas Pendidikan"], "years_in_post_min": 5.0}}),
        ("Siapa yang layak dipromosikan menjadi Kepala Bidang di Dinas Pendidikan?",
         {"filters": {"units": ["Dinas Pendidikan"]}, "target_post": "administrator", "target_title": "Kepala Bidang"}),
        ("Berapa ASN golongan III di Kecamatan Muara Indah?",
         {"filters": {"units": ["Kecamatan Muara Indah"], "golongan_min": "III/a", "golongan_max": "III/d"},
          "aggregate": {"kind": "count"}}),
    ],
)  # fmt: skip
def test_questions_become_plans(question, expected):
    assert plan_of(question) == expected


@pytest.mark.parametrize(
    ("question", "attribute"),
    [
        ("Tampilkan ASN beragama Islam di Dinas Kesehatan", "agama"),
        ("Berapa ASN perempuan di Dinkes?", "jenis kelamin"),
        ("Show female employees in the health office", "gender"),
        ("Siapa ASN yang berusia di atas 50 tahun?", "usia"),
        ("ASN dari suku Jawa di Bappeda", "suku / etnis"),
        ("Employees who are married", "marital status"),
        ("Pegawai putra daerah di Satpol PP", "asal daerah"),
    ],
)
def test_protected_attributes_are_declined(question, attribute):
    parsed = parse_plan(question, UNITS, TODAY)
    assert parsed.status == "declined"
    assert attribute in (parsed.declined_reason or "")
    assert not parsed.plan.structured()


def test_retirement_age_is_not_an_age_filter():
    parsed = parse_plan("Siapa yang mencapai batas usia pensiun tahun 2027?", UNITS, TODAY)
    assert parsed.status == "ok" and parsed.plan.filters.retirement is not None


@pytest.mark.parametrize("question", ["Berapa harga beras hari ini?", "how many bananas"])
def test_what_cannot_be_mapped_is_not_understood(question):
    parsed = parse_plan(question, UNITS, TODAY)
    assert parsed.status == "not_understood" and parsed.unused


def test_a_plain_field_question_is_left_to_the_field_search():
    assert not parse_plan("Siapa ASN yang paling cocok untuk bidang perikanan?", UNITS, TODAY).plan.structured()


def test_understood_parts_follow_the_language():
    assert parse_plan("How many employees are in cell 9?", UNITS, TODAY).understood == ["count", "9-box cell 9"]
    assert parse_plan("Berapa ASN di kotak 9?", UNITS, TODAY).understood == ["jumlah", "kotak talenta 9"]


def test_short_training_names_have_their_long_forms():
    assert ["artificial", "intelligence"] in training_word_groups(["ai"])
    assert training_word_groups(["excel"]) == [["excel"]]
