"""The question -> plan parser, table-driven: Indonesian and English, declines and 'not understood'."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.domain.filters import parse_filters
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
         {"filters": {"units": ["Dinas Pendidikan"], "years_in_post_min": 5.0, "years_in_post_strict": True}}),
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


KECAMATAN = ["Kecamatan Tanjung Seruni", "Kecamatan Muara Indah"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the date a question is about
        ("Per 30 Juni 2025, siapa yang sedang menjalani hukuman disiplin?",
         {"filters": {"discipline_in_force": True}, "as_of": "2025-06-30"}),
        ("Who is serving a disciplinary sanction as of March 1, 2024?",
         {"filters": {"discipline_in_force": True}, "as_of": "2024-03-01"}),
        ("ASN Inspektorat yang lebih dari 2 tahun di jabatan sekarang (per akhir 2024)",
         {"filters": {"units": ["Inspektorat"], "years_in_post_min": 2.0, "years_in_post_strict": True}, "as_of": "2024-12-31"}),
        # years in the current post, said the English way
        ("Who in Bappeda has held the same position for at least 6 years?",
         {"filters": {"units": ["Badan Perencanaan Pembangunan Daerah"], "years_in_post_min": 6.0}}),
        # SKP: a year written before the predicate, several years, "at least"
        ("Berapa ASN yang SKP 2024-nya Baik?", {"filters": {"skp": {"predikat": ["Baik"], "year": 2024}}, "aggregate": {"kind": "count"}}),
        ("Employees rated Sangat Baik in both 2023 and 2024",
         {"filters": {"skp": {"predikat": ["Sangat Baik"], "years": [2023, 2024]}}}),
        ("ASN Dinkes dengan SKP minimal Baik dari 2022 sampai 2024",
         {"filters": {"units": ["Dinas Kesehatan"], "skp": {"predikat": ["Baik", "Sangat Baik"], "years": [2022, 2023, 2024]}}}),
        # cells listed with a comma and a conjunction
        ("Pegawai kotak 4, 5, dan 6 di Inspektorat", {"filters": {"units": ["Inspektorat"], "kotak": [4, 5, 6]}}),
        # JPM said with the assessment around it
        ("Who has a JPM of 75 or more in their latest assessment?", {"filters": {"jpm_min": 75.0}}),
        # an English training name before the word 'training'
        ("How many people in the AI training got 8 or higher?",
         {"filters": {"training": [{"words": ["ai"], "score_min": 8.0}]}, "aggregate": {"kind": "count"}}),
        ("Peserta pelatihan AI yang tidak lanjut", {"filters": {"training": [{"words": ["ai"], "passed_on": False}]}}),
        # two names of one leadership training
        ("Pengawas yang belum ikut PKP maupun Diklat PIM IV",
         {"filters": {"jenis_jabatan": ["pengawas"], "training": [{"leadership": True, "level": "IV", "taken": False}]}}),
        ("Administrator-level staff at Bappeda",
         {"filters": {"units": ["Badan Perencanaan Pembangunan Daerah"], "jenis_jabatan": ["administrator"]}}),
        # units: the whole government, and exclusions
        ("Berapa pejabat eselon IV di lingkungan Pemerintah Kabupaten?", {"filters": {"eselon": ["IV"]}, "aggregate": {"kind": "count"}}),
        ("Berapa ASN kecamatan selain Kecamatan Muara Indah?",
         {"filters": {"units": ["Kecamatan Tanjung Seruni"], "units_exclude": ["Kecamatan Muara Indah"]}, "aggregate": {"kind": "count"}}),
        # retirement in a range of years
        ("Siapa yang pensiun antara 2027 dan 2029?", {"filters": {"retirement": {"year": 2027, "year_to": 2029}}}),
        ("Who reaches retirement age in 2028 or 2029?", {"filters": {"retirement": {"year": 2028, "year_to": 2029}}}),
        # group-bys
        ("Rekap golongan pegawai Dinkes", {"filters": {"units": ["Dinas Kesehatan"]}, "aggregate": {"kind": "group", "by": "golongan"}}),
        ("Jumlah pegawai per kecamatan", {"filters": {"units": sorted(KECAMATAN)}, "aggregate": {"kind": "group", "by": "unit"}}),
        ("Tally the 2023 SKP ratings", {"aggregate": {"kind": "group", "by": "skp", "year": 2023}}),
        ("Staff per position type (fungsional, pelaksana)", {"aggregate": {"kind": "group", "by": "jenis_jabatan"}}),
        ("Unit mana saja yang punya ASN kotak 9, berapa masing-masing?",
         {"filters": {"kotak": [9]}, "aggregate": {"kind": "group", "by": "unit"}}),
        # superlatives
        ("Peserta pelatihan AI dengan nilai terendah", {"filters": {"training": [{"words": ["ai"]}]},
                                                        "sort": {"key": "training_score", "descending": False}}),
        ("Who in the Inspektorat is the longest-serving in their post?",
         {"filters": {"units": ["Inspektorat"]}, "sort": {"key": "years_in_post"}}),
    ],
)  # fmt: skip
def test_more_ways_of_asking(question, expected):
    got = plan_of(question)
    if "units" in got.get("filters", {}):
        got["filters"]["units"] = sorted(got["filters"]["units"]) if len(got["filters"]["units"]) > 1 else got["filters"]["units"]
    assert got == expected


@pytest.mark.parametrize(
    "question", ["Show the older employees of Bappeda", "Who is younger than 40?", "Siapa pegawai tertua di Dinkes?"]
)
def test_older_and_younger_people_are_declined(question):
    assert parse_plan(question, UNITS, TODAY).status == "declined"


def test_an_older_training_name_is_not_an_age():
    parsed = parse_plan("Administrators who have not taken PKA or the older Diklat PIM III", UNITS, TODAY)
    assert parsed.status == "ok"
    assert parsed.plan.filters.training[0].level == "III" and parsed.plan.filters.training[0].taken is False


def test_a_post_title_is_not_a_post_type():
    plan = parse_plan("Siapa Pengawas Sekolah di Dinas Pendidikan?", UNITS, TODAY).plan
    assert not plan.filters.jenis_jabatan


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Berapa ASN yang SKP 2023-nya di bawah Baik?",
         {"filters": {"skp": {"predikat": ["Sangat Kurang", "Kurang", "Butuh Perbaikan"], "year": 2023}}, "aggregate": {"kind": "count"}}),
        ("Who got Kurang in their 2024 SKP?", {"filters": {"skp": {"predikat": ["Kurang"], "year": 2024}}}),
        ("Pegawai Inspektorat yang kotak talentanya 7 atau 8", {"filters": {"units": ["Inspektorat"], "kotak": [7, 8]}}),
        ("Berapa ASN yang pendidikan terakhirnya masih D3/sederajat?", {"filters": {"pendidikan": ["D3"]}, "aggregate": {"kind": "count"}}),
        ("Siapa saja ASN Disdik yang golongannya III?",
         {"filters": {"units": ["Dinas Pendidikan"], "golongan_min": "III/a", "golongan_max": "III/d"}}),
        ("Peserta pelatihan AI dengan nilai 7 sampai 9", {"filters": {"training": [{"words": ["ai"], "score_min": 7.0, "score_max": 9.0}]}}),
        ("Which trainees of the AI course scored exactly 10?", {"filters": {"training": [{"words": ["ai"], "score_min": 10.0, "score_max": 10.0}]}}),
        ("Berapa peserta pelatihan AI yang keterangannya 'Cukup'?",
         {"filters": {"training": [{"words": ["ai"], "remark": "Cukup"}]}, "aggregate": {"kind": "count"}}),
        ("Siapa yang ikut Diklat PIM III (PKA) pada 2023?", {"filters": {"training": [{"leadership": True, "level": "III", "year": 2023}]}}),
        ("How many staff work in the Muara Indah district office?", {"filters": {"units": ["Kecamatan Muara Indah"]}, "aggregate": {"kind": "count"}}),
        ("Berapa JF Ahli Pertama di Dinkes?", {"filters": {"units": ["Dinas Kesehatan"], "post_level": ["Ahli Pertama"]}, "aggregate": {"kind": "count"}}),
        ("Jumlah pejabat per eselon", {"aggregate": {"kind": "group", "by": "eselon"}}),
        ("Sebaran kotak talenta seluruh pegawai", {"aggregate": {"kind": "group", "by": "kotak"}}),
        ("Berapa ASN di masing-masing kecamatan?", {"filters": {"units": sorted(KECAMATAN)}, "aggregate": {"kind": "group", "by": "unit"}}),
        ("Break down the 2024 SKP predicates of Bappeda",
         {"filters": {"units": ["Badan Perencanaan Pembangunan Daerah"]}, "aggregate": {"kind": "group", "by": "skp", "year": 2024}}),
        ("Mulai 2028, siapa yang paling cepat pensiun?",
         {"filters": {"retirement": {"year": 2028, "year_to": 2100}}, "sort": {"key": "retirement", "descending": False}}),
        ("Siapa di Inspektorat yang paling lama menduduki jabatannya?", {"filters": {"units": ["Inspektorat"]}, "sort": {"key": "years_in_post"}}),
    ],
)  # fmt: skip
def test_still_more_ways_of_asking(question, expected):
    got = plan_of(question)
    if len(got.get("filters", {}).get("units", [])) > 1:
        got["filters"]["units"] = sorted(got["filters"]["units"])
    assert got == expected


@pytest.mark.parametrize("question", ["Siapa ASN orang Sunda di Bappeda?", "Berapa pegawai keturunan Tionghoa?", "List the Javanese staff"])
def test_ethnic_groups_named_are_declined(question):
    assert parse_plan(question, UNITS, TODAY).status == "declined"


def test_an_acronym_of_a_stored_training_after_a_word_of_taking_is_a_training():
    vocabulary = {"pendidikan", "profesi", "guru", "ppg", "dalam", "jabatan", "bagi", "asn", "ai"}
    plan = parse_plan("Guru di Disdik yang sudah ikut PPG siapa saja?", UNITS, TODAY, trainings=vocabulary).plan
    assert [t.words for t in plan.filters.training] == [["ppg"]] and plan.relevance == "Guru"
    plan = parse_plan("Berapa ASN yang sudah ikut pelatihan AI?", UNITS, TODAY, trainings=vocabulary).plan
    assert [t.words for t in plan.filters.training] == [["ai"]]  # 'ASN' is never a training
    assert not parse_plan("Berapa ASN di Inspektorat?", UNITS, TODAY, trainings=vocabulary).plan.filters.training


def test_a_training_spelled_out_in_parentheses_is_another_way_to_find_it():
    plan = parse_plan("Siapa yang punya diklat PPNS (Penyidik Pegawai Negeri Sipil)?", UNITS, TODAY).plan
    assert plan.filters.training[0].words == ["ppns"] and plan.filters.training[0].also == [["penyidik", "negeri", "sipil"]]


def test_including_the_kelurahan_adds_no_condition():
    plan = parse_plan("Berapa pejabat pengawas di Kecamatan Muara Indah, termasuk yang di kelurahan?", UNITS, TODAY).plan
    assert plan.model_dump(exclude_defaults=True, mode="json") == {
        "filters": {"units": ["Kecamatan Muara Indah"], "jenis_jabatan": ["pengawas"]}, "aggregate": {"kind": "count"}}


def test_a_stored_post_named_beside_other_conditions_is_a_post_filter():
    titles = {"guru ahli muda", "guru ahli pertama", "kepala bidang budidaya", "perawat ahli muda", "pengawas sekolah"}
    plan = parse_plan("Berapa guru di Disdik yang golongan III?", UNITS, TODAY, titles=titles).plan
    assert plan.filters.post_title == "guru" and plan.relevance is None
    plan = parse_plan("Kepala bidang di Dinas Perikanan kotak 9", UNITS, TODAY, titles=titles).plan
    assert plan.filters.post_title == "kepala bidang"
    # a field question alone stays a field question
    assert parse_plan("Siapa yang paling cocok untuk bidang keperawatan?", UNITS, TODAY, titles=titles).plan.filters.post_title is None


def _field_questions() -> list[str]:
    import json
    from pathlib import Path

    from bench.queries import QUERIES

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    held_out = [json.loads(line)["text"] for f in sorted(fixtures.glob("cv_questions*.jsonl"))
                for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]  # fmt: skip
    return [q.text for q in QUERIES] + held_out


def test_field_questions_stay_field_questions():
    """Every question of the retrieval benchmarks (demo and held-out sets) is a field question: none
    may become a filter, a count or a decline, or the retrieval figures would silently change."""
    from data.generator.catalog import OPDS

    units = [(unit_key(o.nama), o.nama) for o in OPDS]
    titles = {"kepala bidang budidaya", "kepala puskesmas", "camat", "guru ahli muda", "perawat ahli muda"}
    for question in _field_questions():
        parsed = parse_plan(question, units, TODAY, titles=titles)
        assert parsed.status != "declined" and not parsed.plan.structured(), (question, parsed.plan)


@pytest.mark.parametrize("question", ["Berapa ASN kotak 9 di Bappeda?", "ASN Satpol PP golongan III", "Siapa ASN di Inspektorat?"])
def test_a_unit_introduced_as_where_people_work_is_a_filter(question):
    assert parse_plan(question, UNITS, TODAY).plan.filters.units


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Group staff by 9-box cell", {"aggregate": {"kind": "group", "by": "kotak"}}),
        ("Break down staff by rank", {"aggregate": {"kind": "group", "by": "golongan"}}),
        ("Distribution of highest education at Inspektorat",
         {"filters": {"units": ["Inspektorat"]}, "aggregate": {"kind": "group", "by": "pendidikan"}}),
        ("Siapa ASN golongan III/d dengan masa jabatan lebih dari 5 tahun?",
         {"filters": {"golongan_min": "III/d", "golongan_max": "III/d", "years_in_post_min": 5.0, "years_in_post_strict": True}}),
    ],
)  # fmt: skip
def test_ways_of_asking_found_by_the_speed_bench(question, expected):
    assert plan_of(question) == expected


# ---- words that only look like filters (issue 15: blind SIASN set) ----------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Saya butuh orang yang bisa menyusun rencana pembangunan lima tahunan daerah dan memantau pelaksanaannya.",
        "I need someone who can check structural designs, estimate quantities and supervise contractors.",
        "Siapa yang paham tim pelaksana kegiatan fisik?",
        "Who understands functional requirements of the new system?",
    ],
)
def test_a_word_inside_another_is_no_post_type(question):
    assert parse_plan(question).plan.filters.jenis_jabatan == []
    # the field search's own word filters read it the same way (long CV set: 'check structural designs'
    # searched only structural officials and listed nobody)
    assert parse_filters(question).jenis_jabatan == ()


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Pejabat struktural yang paham perikanan", ("jpt", "administrator", "pengawas")),
        ("Siapa pegawai fungsional yang paham arsip?", ("fungsional",)),
        ("functional staff who know GIS", ("fungsional",)),
        ("fungsional saja", ("fungsional",)),
    ],
)
def test_a_post_type_word_is_still_a_word_filter(question, kinds):
    assert parse_filters(question).jenis_jabatan == kinds


def test_a_birth_certificate_is_not_a_place_of_origin():
    assert parse_plan("Saya perlu orang yang paham pengurusan akta kelahiran dan kartu keluarga.").status != "declined"
    assert parse_plan("Siapa yang tempat kelahirannya Medan?").status == "declined"


def test_a_unit_means_its_other_spellings_and_its_parts():
    from assistant.domain.identity import unit_key

    names = ["DPUPR", "DPUPR - Bidang Bina Marga", "Dinas PU dan Penataan Ruang", "Dinas Pendidikan",
             "Dinas Pendidikan dan Kebudayaan", "Dinas Pekerjaan Umum dan Penataan Ruang"]  # fmt: skip
    units = [(unit_key(n), n) for n in names]
    got = parse_plan("Berapa ASN di DPUPR?", units).plan.filters.units
    assert sorted(got) == ["DPUPR", "DPUPR - Bidang Bina Marga", "Dinas PU dan Penataan Ruang",
                           "Dinas Pekerjaan Umum dan Penataan Ruang"]  # fmt: skip
    assert parse_plan("Berapa ASN di Dinas Pendidikan?", units).plan.filters.units == ["Dinas Pendidikan"]


def test_a_unit_spelled_with_an_acronym_inside_or_by_its_kind_alone_is_one_unit():
    # blind SIASN 3: 'di Diskominfosan', 'at the RSUD', 'at the Bagian Hukum Setda' kept only the unit
    # spelled as asked, and listed one or two of the unit's people (0.29, 0.29, 0.55)
    from assistant.domain.identity import unit_key

    names = ["Diskominfosan", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfo",
             "Diskominfo Statistik dan Persandian", "Bagian Hukum Setda", "Bagian Hukum Sekretariat Daerah",
             "Sekretariat Daerah", "RSUD", "RSUD Sukamaju", "Rumah Sakit Umum Daerah Sukamaju", "Dinas Kesehatan"]  # fmt: skip
    units = [(unit_key(n), n) for n in names]

    def filtered(question: str) -> list[str]:
        return sorted(parse_plan(question, units).plan.filters.units or [])

    assert filtered("Siapa yang paling paham CSIRT di Diskominfosan?") == sorted(
        ["Diskominfosan", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfo Statistik dan Persandian"])  # fmt: skip
    assert filtered("Berapa ASN di Diskominfo?") == ["Diskominfo"]  # the older office of fewer fields is another unit
    assert filtered("Who handles JDIH best at the Bagian Hukum Setda?") == ["Bagian Hukum Sekretariat Daerah", "Bagian Hukum Setda"]
    assert filtered("Berapa ASN di Sekretariat Daerah?") == ["Sekretariat Daerah"]  # not its parts spelled otherwise
    assert filtered("Who knows IGD triage best at the RSUD?") == ["RSUD", "RSUD Sukamaju", "Rumah Sakit Umum Daerah Sukamaju"]


@pytest.mark.parametrize(
    "question",
    [
        "Which employee is the best fit for fisheries?",
        "Which civil servant is the best fit for banking?",
        "Who is best for teaching?",
        "Who is best at accounting?",
        "Which staff member fits digital media best?",
        "Siapa ASN terbaik dan paling cocok untuk bidang keuangan?",
    ],
)
def test_best_fit_for_a_field_is_a_field_search_not_a_merit_sort(question):
    """'the best fit for X' asks who fits field X (ranked by relevance, merit included), not for the
    field's people sorted by merit alone (issue 15: such English questions lost their ranking)."""
    assert parse_plan(question).plan.sort is None


@pytest.mark.parametrize(
    "question",
    [
        "Who is our best accountant?",
        "Best person for engineering work?",
        "Who is the best candidate for education?",
        "Who is the best person for teaching?",
        "Siapa pegawai terbaik untuk urusan perikanan?",
    ],
)
def test_best_with_a_named_field_is_a_field_search(question):
    """Blind set of session 10: 'our best accountant' asks who fits accounting; sorting the field's
    people by merit alone put an adjacent case with a better SKP first."""
    assert parse_plan(question, UNITS, TODAY).plan.sort is None


@pytest.mark.parametrize(
    "question",
    [
        "Who is best placed to handle fisheries affairs at the Dinas Perikanan?",
        "Who is best placed to lead the health programme at Dinas Kesehatan?",
        "Siapa yang paling paham urusan perikanan di Dinas Perikanan?",
        "Who can handle the Inspektorat?",
    ],
)
def test_a_unit_named_as_the_place_of_the_work_is_not_a_filter(question):
    """'affairs at the Diskopukm', 'the KB programme at DP2KB': the work a unit does, for which anyone
    may be the right person; not a list of that unit's staff (blind SIASN set 2, session 10)."""
    plan = parse_plan(question, UNITS, TODAY).plan
    assert not plan.filters.units and plan.sort is None


@pytest.mark.parametrize(
    "question, unit",
    [
        ("Siapa di Dinas Perikanan yang paham budidaya?", "Dinas Perikanan"),
        ("Siapa yang paling paham keuangan di Inspektorat?", "Inspektorat"),
        ("Who in Dinas Kesehatan knows epidemiology?", "Dinas Kesehatan"),
        ("How many civil servants work at Dinas Perikanan?", "Dinas Perikanan"),
        ("Who are the best people who work in Inspektorat?", "Inspektorat"),
    ],
)
def test_a_unit_named_as_where_people_work_stays_a_filter(question, unit):
    assert parse_plan(question, UNITS, TODAY).plan.filters.units == [unit]


def test_best_among_the_people_who_work_in_a_unit_is_a_merit_sort():
    assert parse_plan("Who are the best people who work in Inspektorat?", UNITS, TODAY).plan.sort.key == "merit"


@pytest.mark.parametrize(
    "question", ["Who are the best employees in Bappeda?", "Tampilkan pegawai berprestasi", "best performing staff"]
)
def test_plain_best_is_still_a_merit_sort(question):
    assert parse_plan(question, units=UNITS).plan.sort.key == "merit"


@pytest.mark.parametrize(
    "question",
    [
        "We need people who have worked at a small airport.",  # 'a small' is not 'a SMA'
        "Saya butuh orang yang bisa memasak dalam jumlah besar untuk acara.",  # in large amounts, not a count
        "We want someone running creative workshops for kids.",  # giving workshops is the work asked about
        "Who is best suited for language training and teaching?",  # the field's topic, not a training taken
        "Siapa yang paling cocok untuk bidang pelatihan dan pengembangan SDM?",
    ],
)
def test_a_field_question_that_mentions_training_or_amounts_stays_a_field_question(question):
    parsed = parse_plan(question, UNITS, TODAY)
    assert parsed.plan.aggregate is None and parsed.plan.filters.training == [], parsed.understood
    assert parsed.plan.filters.pendidikan_min is None and parsed.plan.sort is None


@pytest.mark.parametrize(
    ("question", "words"),
    [("Who has completed fitness training?", ["fitness"]), ("Siapa yang pernah ikut pelatihan SPBE?", ["spbe"]),
     ("Staff with GIS training", ["gis"])],
)  # fmt: skip
def test_a_training_taken_is_still_a_filter(question, words):
    assert parse_plan(question, UNITS, TODAY).plan.filters.training[0].words == words


@pytest.mark.parametrize(
    "question, unit",
    [
        ("Who is best placed to handle KUMKM affairs at the Diskopukm?", None),
        ("Who is best placed to lead the health programme at Dinas Kesehatan?", None),
        ("Siapa yang paling paham urusan perikanan di Dinas Perikanan?", None),
        ("Siapa ahli perikanan di Dinas Perikanan?", "Dinas Perikanan"),
        ("Who works at the Dinas Perikanan?", "Dinas Perikanan"),
    ],
)
def test_the_field_search_word_filters_agree_on_a_unit_named_as_the_place_of_the_work(question, unit):
    assert parse_filters(question).unit_text == unit


@pytest.mark.parametrize(
    "question", ["Who is best for fitness training?", "Siapa yang terbaik untuk pelatihan kebugaran?", "Who is best at sales training?"]
)
def test_best_for_a_kind_of_training_is_a_field_search(question):
    """'Who is best for fitness training?' asks who can do the work, not who has taken a course (the blind
    development set of session 11: a training filter and a merit sort, nobody listed)."""
    plan = parse_plan(question, UNITS, TODAY).plan
    assert not plan.filters.training and plan.sort is None


def test_who_took_a_kind_of_training_is_still_a_training_filter():
    assert parse_plan("Who attended fitness training?", UNITS, TODAY).plan.filters.training[0].words == ["fitness"]


@pytest.mark.parametrize(
    "question",
    [
        "Siapa yang paling paham urusan RTLH, BSPS, PSU dan kawasan kumuh di Dinas Perikanan?",
        "Who can best manage the rice reserve, food security mapping and B2SA campaigns at the Dinas Perikanan?",
        "Who is best placed to run the budget, procurement and asset registers at Inspektorat?",
    ],
)
def test_a_unit_after_a_list_of_its_work_is_the_place_of_the_work(question):
    """'urusan RTLH, BSPS, PSU dan kawasan kumuh di Disperkimtan': the unit's work, listed; anyone may be
    the right person (blind SIASN set 3, session 11: only the unit's staff were searched)."""
    assert not parse_plan(question, UNITS, TODAY).plan.filters.units
    assert parse_filters(question).unit_text is None


@pytest.mark.parametrize(
    "question, unit",
    [
        ("Siapa yang paham urusan keuangan dan bekerja di Dinas Perikanan?", "Dinas Perikanan"),
        ("Who can manage budgets and works at Inspektorat?", "Inspektorat"),
        ("Siapa yang paling paham keuangan di Inspektorat?", "Inspektorat"),
    ],
)
def test_a_unit_where_the_people_are_said_to_work_stays_a_filter_after_a_list(question, unit):
    assert parse_plan(question, UNITS, TODAY).plan.filters.units == [unit]


def _score_against(*units: str):
    def score(text: str) -> float:
        wanted = set(text.lower().split())
        return max(len(wanted & set(u.lower().split())) / len(wanted | set(u.lower().split())) for u in units)

    return score


@pytest.mark.parametrize(
    ("question", "unit", "remaining"),
    [
        # a place that is no unit of the store is no filter, and its words are still searched
        ("Who has worked in the field of fisheries?", None, "Who has worked in the field of fisheries?"),
        ("Who has experience in the private sector and knows procurement?", None,
         "Who has experience in the private sector and knows procurement?"),
        # only the unit's own words go, not the rest of the question
        ("Siapa yang pernah bertugas di Kantor Camat dan paham administrasi kependudukan?", "Kantor Camat",
         "Siapa yang pernah bertugas dan paham administrasi kependudukan?"),
        ("Siapa ahli gizi di Dinas Kesehatan?", "Dinas Kesehatan", "Siapa ahli gizi ?"),
    ],
)  # fmt: skip
def test_a_place_is_a_unit_filter_only_when_the_store_has_that_unit(question, unit, remaining):
    words = parse_filters(question, _score_against("Dinas Kesehatan", "Kantor Camat", "Dinas Perikanan"))
    assert (words.unit_text, words.remaining) == (unit, remaining)


def test_a_master_plan_is_no_degree():
    assert parse_filters("Who can work with a master plan for drainage?").pendidikan_min is None
    assert parse_filters("Who can work with a master's degree in drainage?").pendidikan_min == "S2"


@pytest.mark.parametrize(
    "question",
    ["Who can design leadership training for young civil servants?",
     "Siapa yang bisa menyelenggarakan pelatihan kepemimpinan bagi kepala desa?"],
)  # fmt: skip
def test_giving_leadership_training_is_the_work_asked_about(question):
    """Running or designing leadership training is a field of work, not the leadership training taken."""
    assert parse_plan(question, UNITS, TODAY).plan.filters.training == []
    assert parse_filters(question).diklat is None


def test_leadership_training_taken_is_still_a_filter():
    assert parse_plan("Siapa yang sudah diklat PIM dan paham perikanan?", UNITS, TODAY).plan.filters.training[0].leadership
    assert parse_filters("Siapa yang sudah diklat PIM dan paham perikanan?").diklat == "diklat PIM"


# ---- a protected word that names the work, not the people (issue 15: conversational questions) ----


@pytest.mark.parametrize(
    "question",
    [
        'Siapa yang bisa membina ibu-ibu PKK dan kelompok wanita tani?',
        'Who can run programmes for women entrepreneurs and female-headed households?',
        'Siapa yang berpengalaman mengurus kerukunan umat beragama dan rumah ibadah?',
        'Who knows about religious harmony and interfaith dialogue?',
        'Siapa yang paham adat istiadat dan budaya Batak?',
        'Siapa yang bisa mengelola data gender dan anak?',
        'Siapa yang paham ekonomi syariah dan perbankan Islam?',
        'Who knows Islamic finance and zakat management?',
        'Siapa guru pendidikan agama Islam yang paling berpengalaman?',
        'Siapa yang paham inseminasi buatan dan kawin suntik sapi?',
        'Siapa yang paham budidaya ayam ras petelur?',
        'Who knows about broiler and layer chicken breeds?',
        'Siapa yang paham perizinan terpadu satu pintu dan OSS?',
        'Who can manage the single window licensing service?',
        'Siapa yang paham data penduduk usia kerja dan pengangguran?',
        'Siapa yang paham program KB untuk pasangan usia subur?',
        'Siapa yang bisa menghitung penyusutan aset berdasarkan umur ekonomis?',
        'Who can assess the remaining service life and age of our bridges?',
        'Siapa yang punya pengalaman lebih dari 10 tahun di bidang perikanan?',
        'Who has over 20 years of experience in road construction?',
        'Siapa yang punya pengalaman kerja lebih dari 10 tahun?',
        'Siapa ASN di Dinas Pertanian Kabupaten Minahasa yang paham irigasi?',
        'Who can help widows and orphans get social assistance?',
        'Siapa yang bisa mendampingi janda lansia penerima bansos?',
        'Saya butuh orang yang paham kesehatan ibu hamil dan menyusui.',
        'Who can train midwives on maternal and newborn care for young mothers?',
        'Siapa yang paham pengarusutamaan gender dan anggaran responsif gender?',
        'Who can handle gender-based violence cases?',
        'Siapa yang paham komunitas adat terpencil dan masyarakat hukum adat?',
        'Siapa yang bisa mengelola Sistem Informasi Gender dan Anak?',
        'Siapa yang bisa mengelola MTQ, pesantren, dan hari besar keagamaan?',
        'Who can coordinate religious affairs and Hajj departures?',
        'Siapa yang paham pelestarian bahasa daerah dan kesenian Betawi?',
        'Who has experience with the Chinese-Indonesian heritage district?',
        'Siapa yang bisa melayani pengunjung lansia dan anak usia dini?',
        'Who can design age-friendly public spaces?',
        'Siapa yang bisa mendata keluarga yang punya anak balita stunting?',
        'Siapa yang paham pembinaan generasi muda dan karang taruna?',
        'Siapa penyuluh yang mendampingi program petani milenial?',
        'Who can run the young farmers and millennial farmers programme?',
        'Siapa yang bisa mengolah arsip tahun 80-an?',
        'Siapa yang bisa mengolah data kelahiran 2024 untuk profil kependudukan?',
        'Siapa yang bisa memperbaiki kesalahan tanggal lahir di data SIAK?',
        'Who knows plant species native to Papua?',
        'Siapa yang bisa membangun keyakinan investor terhadap kawasan industri?',
        'Siapa yang mengurus pelatihan kerja bagi fresh graduate dan pencari kerja?',
        'Siapa yang bisa menyusun bimbingan pranikah bersama KUA?',
        'Who can verify original documents from the land office?',
        'Siapa yang bisa mengurus wisatawan pendatang di Bali?',
        'Who can run programmes for young people and youth organisations?',
        'Who can care for elderly people in the nursing home?',
        'We need someone who works well with young people in the villages.',
        'Siapa yang bisa mendampingi orang muda di karang taruna?',
        'Who can help older people apply for social pensions?',
        'Who can train young farmers in hydroponics?',
    ],
)
def test_a_protected_word_that_names_the_work_is_no_attribute_of_people(question):
    """Women's groups, religious harmony, a culture, a breed, a place, a building's age, years of
    experience: the work asked about, searched as words (each was declined as gender, religion,
    ethnicity, marital status or age, and listed nobody)."""
    assert parse_plan(question, UNITS, TODAY).status != "declined"


@pytest.mark.parametrize(
    "question",
    [
        'Siapa ASN perempuan yang paling cocok untuk perikanan?',
        'Who are the female candidates for head of finance?',
        'Siapa pegawai beragama Islam yang paham keuangan?',
        'Siapa yang bersuku Batak di Dinas Pertanian?',
        'Who is the youngest engineer we have?',
        'Siapa pegawai yang lahir di Medan dan paham perikanan?',
        'Siapa pegawai yang belum menikah?',
        'Cari kandidat pria di bawah 40 tahun untuk kepala dinas.',
        'Tampilkan ASN wanita di Bappeda.',
        'Siapa pegawai tertua di Dinas Kesehatan?',
        'Carikan wanita yang paham perikanan.',
        'Only men please: who fits the fisheries post?',
        "Siapa pegawai perempuan usia produktif di Dinas Kesehatan?",
        "Show Muslim employees who know Islamic finance",
        'Find young people who know Excel.',
        'Give me young staff for the IT team.',
        'I want elderly employees excluded from the list.',
    ],
)
def test_a_protected_word_that_describes_the_people_is_still_declined(question):
    assert parse_plan(question, UNITS, TODAY).status == "declined"


def _protected_set() -> list[tuple[str, str]]:
    import json
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    rows = [json.loads(line) for name in ("protected_questions.jsonl", "protected_questions_2.jsonl")
            for line in (fixtures / name).read_text(encoding="utf-8").splitlines() if line.strip()]  # fmt: skip
    return [(r["text"], r["expected"]) for r in rows]


@pytest.mark.parametrize(("question", "expected"), _protected_set())
def test_the_protected_word_set_written_blind(question, expected):
    """110 questions written by a helper who saw no code (session 12): 70 about work that involves
    women, religion, a culture, a breed, a place, an age group or years of service, to be answered; 40
    that select people by a protected attribute, to be refused. At the session's start the planner
    declined 32 of the 70 and answered 10 of the 40; after the first widening of the rules (written
    from other questions), 13 and 10. The rules were then widened again on this set's misses, so it
    is no longer blind. A second set of 120 (80 / 40) by another helper, with euphemisms and slang:
    its first run, blind, at c5f4adc, answered 69 of 80 and refused 22 of 40 (at the session's start,
    59 and 19); the rules were widened on its misses too."""
    assert (parse_plan(question, UNITS, TODAY).status == "declined") == (expected == "refuse")


def test_each_unit_named_in_a_request_for_someone_is_no_grouping():
    """'Angka dari tiap dinas tidak pernah sama ... Saya butuh orang yang bisa membenahi keduanya' (SIASN
    set 3: grouped every Dinas and listed nobody). A count per unit is still a grouping."""
    asked = parse_plan("Angka dari tiap dinas tidak pernah sama. Saya butuh orang yang bisa membenahinya.", UNITS, TODAY)
    assert asked.plan.aggregate is None and not asked.plan.filters.units
    counted = parse_plan("Berapa ASN di tiap dinas?", UNITS, TODAY).plan
    assert counted.aggregate is not None and counted.aggregate.by == "unit"


def test_a_count_and_a_unit_inside_the_work_asked_for_are_no_grouping():
    """'I need someone who knows how to ... work out how many staff each unit needs' (SIASN set 5: grouped by
    unit, listed everyone): the count comes after the request for someone, so it is the work. A count
    before the request still groups."""
    asked = parse_plan("I need someone who knows how to work out how many staff each unit needs.", UNITS, TODAY)
    assert asked.plan.aggregate is None
    counted = parse_plan("Berapa orang yang bisa mengoperasikan alat berat per unit?", UNITS, TODAY).plan
    assert counted.aggregate is not None and counted.aggregate.by == "unit"


@pytest.mark.parametrize(
    "question",
    [
        "Saya butuh orang yang paham soal memastikan program dinas adil bagi laki-laki dan perempuan dan menyusun data "
        "terpilah menurut jenis kelamin.",
        "I need someone who knows how to make sure our programmes treat women and men fairly and build data broken "
        "down by sex.",
    ],
)
def test_both_sexes_as_the_people_a_programme_serves_are_no_attribute(question):
    """Gender mainstreaming described in plain words (SIASN set 5: declined as a gender filter, and 'menurut
    jenis kelamin' grouped the staff by sex). Staff described by sex are still declined; a report by sex
    still groups."""
    parsed = parse_plan(question, UNITS, TODAY)
    assert parsed.status != "declined" and parsed.plan.aggregate is None
    assert parse_plan("Siapa ASN laki-laki dan perempuan di Bappeda?", UNITS, TODAY).status == "declined"
    grouped = parse_plan("Rekap ASN per jenis kelamin", UNITS, TODAY).plan.aggregate
    assert grouped is not None and grouped.by == "jenis_kelamin"


@pytest.mark.parametrize(
    "question",
    ["Saya butuh orang yang bisa membantu lulusan muda cepat dapat kerja.", "Siapa lulusan baru di Dinas Kesehatan?"],
)
def test_graduates_of_a_kind_are_no_major(question):
    """'membantu lulusan muda', 'lulusan baru': graduates the work serves, or new graduates, not a field
    of study (SIASN set 3: a major filter 'muda cepat kerja' listed nobody)."""
    assert parse_plan(question, UNITS, TODAY).plan.filters.jurusan is None
    assert parse_plan("Siapa lulusan hukum yang paham perda?", UNITS, TODAY).plan.filters.jurusan == "hukum"


def test_a_unit_acronym_the_glossary_knows_means_the_unit_as_the_store_names_it():
    """'di DPMD' is the store's 'Dinas Pemberdayaan Masyarakat dan Desa' (it meant only units whose name
    holds the letters 'DPMD')."""
    units = [(unit_key(n), n) for n in ("Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Perikanan")]
    assert parse_plan("Berapa ASN di DPMD?", units, TODAY).plan.filters.units == ["Dinas Pemberdayaan Masyarakat dan Desa"]


@pytest.mark.parametrize(
    "question", ["Siapa yang paling cocok ditempatkan di Dinas Perikanan?", "Who is best placed at the Dinas Perikanan?"]
)
def test_where_the_person_would_go_is_no_unit_filter(question):
    assert not parse_plan(question, UNITS, TODAY).plan.filters.units


FIELD_UNITS = [(unit_key(n), n) for n in (
    "Dinas Perikanan", "Dinas Kesehatan", "Badan Pendapatan Daerah", "Badan Penanggulangan Bencana Daerah",
    "Rumah Sakit Umum Daerah Tanjung Seruni", "Kecamatan Tanjung Seruni", "Kecamatan Muara Indah",
    "Puskesmas Tanjung Seruni", "Puskesmas Muara Indah", "UPTD PPA", "Dinas Perumahan dan Kawasan Permukiman",
)]  # fmt: skip


def _field_set() -> list[str]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "fixtures" / "field_questions_blind.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("question", _field_set())
def test_the_field_question_set_written_blind_stays_field_questions(question):
    """150 field questions by a helper who saw no code (session 12), with words that look like filters but
    are not: a place of the work in a sentence of context, 'berkas pensiun', 'ngitung berapa kebutuhan
    pupuk', 'tim pelaksana', 'menggelar pelatihan kepemimpinan', 'get it back above 90', 'di kecamatan'.
    Its first run, blind, over a store's units: 18 of 150 read as a filter, a count, a grouping or a
    refusal. No longer blind."""
    parsed = parse_plan(question, FIELD_UNITS, TODAY)
    assert parsed.status != "declined" and not parsed.plan.structured(), (parsed.understood, parsed.plan)


@pytest.mark.parametrize(
    ("question", "structured"),
    [
        ("Berapa ASN di kecamatan?", True),
        ("Siapa yang akan pensiun tahun 2027?", True),
        ("Berapa ASN yang bisa mengoperasikan drone?", True),
        ("Siapa pejabat pengawas di Dinas Kesehatan?", True),
        ("Banjir merusak 47 rumah di Kecamatan Muara Indah. Siapa yang paham kajian pascabencana?", False),
        ("Banyak pensiunan mengeluh berkas pensiun lambat. Siapa yang bisa membenahi layanan administrasi pensiun?", False),
        ("Siapa yang bisa menghitung berapa kebutuhan pupuk bersubsidi petani?", False),
    ],
)  # fmt: skip
def test_what_stays_a_filter_and_what_is_the_work(question, structured):
    assert parse_plan(question, FIELD_UNITS, TODAY).plan.structured() == structured


def test_a_sentence_of_context_gives_the_field_search_no_unit():
    words = parse_filters("Pelayanan di RSUD dikeluhkan warga. Siapa yang bisa memperbaiki mutu layanan rumah sakit?")
    assert words.unit_text is None and "RSUD" in words.remaining


@pytest.mark.parametrize(
    "question",
    [
        "I need someone who knows how to hire people, sort out payroll questions and handle complaints between staff "
        "and their supervisors.",  # blind private CVs 3, session 13: a filter to supervisors only listed nobody
        "Siapa yang bisa menengahi masalah antara staf dengan pejabat struktural?",
        "Who can coach new hires and report to their supervisors?",
    ],
)
def test_a_post_type_of_the_people_the_work_deals_with_is_no_filter(question):
    from assistant.domain.filters import parse_filters

    assert not parse_plan(question, UNITS, TODAY).plan.filters.jenis_jabatan
    assert parse_filters(question).jenis_jabatan == ()


def test_a_post_type_of_the_people_asked_for_is_still_a_filter():
    assert plan_of("Berapa supervisors di Bappeda?")["filters"]["jenis_jabatan"] == ["pengawas"]
    assert plan_of("Tampilkan pejabat struktural di Bappeda")["filters"]["jenis_jabatan"] == ["jpt", "administrator", "pengawas"]


@pytest.mark.parametrize(
    ("question", "years", "strict", "field"),
    [
        ("Siapa ASN yang berpengalaman di bidang kehutanan lebih dari 5 tahun?", 5.0, True, "kehutanan"),
        ("Cari ASN yang punya pengalaman minimal 10 tahun di bidang pengadaan barang dan jasa.", 10.0, False, "pengadaan barang jasa"),
        ("Who has at least 5 years of experience in fisheries?", 5.0, False, "fisheries"),
        ("Cari penyuluh dengan 8 tahun pengalaman di pertanian", 8.0, False, "penyuluh pertanian"),
        ("We need someone with 10+ years experience in procurement", 10.0, False, "procurement"),
    ],
)
def test_years_of_experience_in_the_field_are_a_filter(question, years, strict, field):
    plan = plan_of(question)
    assert plan["filters"]["field_years_min"] == years
    assert plan["filters"].get("field_years_strict", False) is strict
    assert plan["relevance"] == field


@pytest.mark.parametrize(
    "question",
    ["Siapa yang bisa menyusun RPJMD 5 tahun dan berpengalaman di perencanaan?",  # the plan's five years
     "Siapa yang sudah lebih dari 5 tahun di jabatannya sekarang?"],  # years in the current post
)
def test_other_years_are_no_experience_filter(question):
    assert "field_years_min" not in parse_plan(question, UNITS, TODAY).plan.filters.model_dump(exclude_defaults=True)


def test_years_of_experience_in_no_field_are_not_understood():
    parsed = parse_plan("Siapa yang berpengalaman lebih dari 5 tahun?", UNITS, TODAY)
    assert parsed.status == "not_understood" and not parsed.plan.filters.any()


@pytest.mark.parametrize(
    "question",
    [
        "Saya butuh orang yang bisa mendampingi korban kekerasan di bawah umur dan memastikan program dinas adil gender.",
        "I need someone who can support underage victims and make sure every programme is gender-fair.",
    ],
)
def test_minors_and_a_gender_fair_programme_are_no_attribute(question):
    """'korban di bawah umur' are the children served and 'adil gender' / 'gender-fair' is how a programme is
    run (SIASN set 6: both declined as an age or gender filter). An age limit on the staff is still declined."""
    assert parse_plan(question, UNITS, TODAY).status != "declined"
    assert parse_plan("Siapa pegawai di bawah umur 30 di Bappeda?", UNITS, TODAY).status == "declined"
    assert parse_plan("Which staff are under age 30?", UNITS, TODAY).status == "declined"


@pytest.mark.parametrize(
    ("question", "levels"),
    [
        ("Siapa yang mahir mengurus KTP-el dan KIA?", []),
        ("Siapa yang paling terampil soal drone pemetaan?", []),
        ("Berapa Pranata Komputer Mahir di Dinkes?", ["Mahir"]),
        ("Daftar pegawai jenjang Terampil di Dinkes", ["Terampil"]),
        ("Berapa pegawai jenjang terampil dengan SKP baik?", ["Terampil"]),
        ("Which staff are at the Terampil level in Dinkes?", ["Terampil"]),
        ("Pranata komputer mahir berapa orang?", ["Mahir"]),
        ("Siapa JF yang Mahir di Dinkes?", ["Mahir"]),
    ],
)
def test_skilled_in_everyday_words_is_no_post_level(question, levels):
    """'yang mahir mengurus KTP-el' is someone skilled at it, not the Mahir jenjang of a jabatan fungsional
    (SIASN set 6: the question became a filter to Mahir posts and found nobody right)."""
    assert parse_plan(question, UNITS, TODAY).plan.filters.post_level == levels
