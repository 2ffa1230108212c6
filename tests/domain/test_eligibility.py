import csv
import datetime as dt
from importlib import resources

import pytest

from assistant.domain.eligibility import (
    CONDITIONS,
    MEMENUHI,
    PERLU_VERIFIKASI,
    STATUSES,
    TIDAK_MEMENUHI,
    Rule,
    RuleError,
    RuleResult,
    default_rules,
    evaluate,
    gaps,
    load_rules,
    overall_status,
    rules_for,
    to_verify,
)
from assistant.domain.models import Employee

TODAY = dt.date(2026, 1, 20)
HEADER = "id,post_level,condition,operator,value,hard,source,description_id,description_en\n"


def _strong_jpt_candidate(**update) -> Employee:
    """Administrator for 6 years, S2, IV/b, PKN II, SKP Sangat Baik 2023-2025, cell 9, age 50."""
    e = Employee(
        nip="197601152001121001",
        nama="Siti Rahmawati",
        tanggal_lahir=dt.date(1976, 1, 15),
        jenis_kelamin="P",
        golongan="IV/b",
        tmt_golongan=dt.date(2022, 4, 1),
        jabatan="Kepala Bidang Budidaya",
        jenis_jabatan="administrator",
        eselon="III.b",
        unit_kerja="Dinas Perikanan",
        tmt_jabatan=dt.date(2020, 1, 1),
        pendidikan=[
            {"jenjang": "S1", "jurusan": "Budidaya Perairan", "tahun_lulus": 1999},
            {
                "jenjang": "S2",
                "jurusan": "Ilmu Perikanan",
                "institusi": "Institut Pertanian Bogor",
                "tahun_lulus": 2012,
            },
        ],
        riwayat_jabatan=[
            {
                "jabatan": "Pengelola Budidaya Ikan",
                "jenis_jabatan": "pelaksana",
                "tmt_mulai": "2001-12-01",
                "tmt_selesai": "2009-12-31",
            },
            {
                "jabatan": "Kepala Seksi Perbenihan",
                "jenis_jabatan": "pengawas",
                "eselon": "IV.a",
                "tmt_mulai": "2010-01-01",
                "tmt_selesai": "2019-12-31",
            },
            {
                "jabatan": "Kepala Bidang Budidaya",
                "jenis_jabatan": "administrator",
                "eselon": "III.b",
                "tmt_mulai": "2020-01-01",
            },
        ],
        diklat=[
            {"nama": "Pelatihan Kepemimpinan Pengawas (PKP)", "tahun": 2012},
            {"nama": "Pelatihan Kepemimpinan Administrator (PKA)", "tahun": 2019},
            {"nama": "Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)", "tahun": 2024},
        ],
        skp=[{"tahun": y, "predikat": "Sangat Baik"} for y in (2023, 2024, 2025)],
        kotak_talenta=9,
    )
    return Employee.model_validate({**e.model_dump(), **update})


def _pengawas_candidate(**update) -> Employee:
    """Pelaksana for 6 years, S1, III/b, SKP Baik 2024-2025, no sanctions."""
    e = Employee(
        nip="199203142019031002",
        nama="Bagus Prasetyo",
        tanggal_lahir=dt.date(1992, 3, 14),
        golongan="III/b",
        jabatan="Pengelola Data Produksi Perikanan",
        jenis_jabatan="pelaksana",
        tmt_jabatan=dt.date(2019, 3, 1),
        pendidikan=[{"jenjang": "S1", "jurusan": "Perikanan", "tahun_lulus": 2014}],
        riwayat_jabatan=[
            {
                "jabatan": "Pengelola Data Produksi Perikanan",
                "jenis_jabatan": "pelaksana",
                "tmt_mulai": "2019-03-01",
            }
        ],
        diklat=[{"nama": "Latsar CPNS", "tahun": 2019}],
        skp=[{"tahun": 2024, "predikat": "Baik"}, {"tahun": 2025, "predikat": "Baik"}],
        kotak_talenta=8,
    )
    return Employee.model_validate({**e.model_dump(), **update})


def _by_id(eligibility) -> dict[str, RuleResult]:
    return {r.rule_id: r for r in eligibility.results}


# ---- the rules table -----------------------------------------------------------------------------


def _default_rows() -> list[dict[str, str]]:
    text = resources.files("assistant.domain").joinpath("data/eligibility_rules.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize("row", _default_rows(), ids=lambda r: r["id"])
def test_every_default_row_parses(row):
    rule = Rule(
        id=row["id"],
        post_level=row["post_level"],
        condition=row["condition"],
        operator=row["operator"],
        value=row["value"],
        hard=row["hard"] == "true",
        source=row["source"],
        description_id=row["description_id"],
        description_en=row["description_en"],
    )
    assert rule.parsed is not None and rule.source and rule.description_en


def test_default_table_shape():
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules) == len(default_rules())
    assert {r.condition for r in rules} == set(CONDITIONS)  # every condition is used at least once
    assert [r.post_level for r in rules if r.condition == "usia_maks"] == ["jpt_pratama"]
    nine_box = [r for r in rules if r.condition == "kotak_talenta"]
    assert {r.post_level for r in nine_box} == {"pengawas", "administrator", "jpt_pratama"}
    assert not any(r.hard for r in nine_box) and all("Semarang" in r.source for r in nine_box)
    assert all("Pasal 107" in r.source for r in rules if r.condition == "usia_maks")


@pytest.mark.parametrize("level", ["pengawas", "administrator", "jpt_pratama"])
def test_rules_for_includes_struktural_rows(level):
    chosen = rules_for(level, default_rules())
    assert {r.post_level for r in chosen} == {level, "struktural"}
    assert "struktural.masa_jabatan" in {r.id for r in chosen}


def test_unknown_post_level_is_refused():
    with pytest.raises(ValueError, match="post_level"):
        evaluate(_pengawas_candidate(), "kepala", today=TODAY)


# ---- broken files: the HR admin sees row and column ----------------------------------------------

_GOOD = "pengawas.golongan,pengawas,golongan,>=,III/b,true,PP 11/2017 Pasal 55,Golongan minimal III/b,Rank III/b\n"


@pytest.mark.parametrize(
    "bad_row, column, words",
    [
        ("x.gol,pengawas,golongan,>,III/b,true,PP,Golongan,Rank\n", "operator", ">"),
        ("x.tinggi,pengawas,tinggi_badan,>=,170,true,PP,Tinggi,Height\n", "condition", "tinggi_badan"),
        ("x.gol,pengawas,golongan,>=,III/z,true,PP,Golongan,Rank\n", "value", "III/z"),
        ("x.gol,pengawas,golongan,>=,IX,true,PP,Golongan,Rank\n", "value", "PNS"),
        ("x.gol,eselon_v,golongan,>=,III/b,true,PP,Golongan,Rank\n", "post_level", "eselon_v"),
        ("x.gol,pengawas,golongan,>=,III/b,mungkin,PP,Golongan,Rank\n", "hard", "mungkin"),
        ("x.gol,pengawas,golongan,>=,III/b,true,,Golongan,Rank\n", "source", "sumber"),
        ("x.usia,pengawas,usia_maks,<=,50,true,PP,Usia,Age\n", "post_level", "jpt_pratama"),
        ("x.skp,pengawas,skp_predikat_tahun_terakhir,>=,Bagus:2,true,PP,SKP,SKP\n", "value", "predikat"),
        ("x.exp,pengawas,pengalaman_jabatan_tahun,>=,lurah:2,true,PP,Exp,Exp\n", "value", "lurah"),
        ("x.hd,pengawas,hukuman_disiplin,none_within,sedang|fatal:2,true,PP,HD,HD\n", "value", "tingkat"),
        ("x.kotak,pengawas,kotak_talenta,in,7;8;10,false,Perwali,Kotak,Cell\n", "value", "1-9"),
        ("pengawas.golongan,pengawas,golongan,>=,III/c,true,PP,Golongan,Rank\n", "id", "baris 2"),
    ],
)
def test_broken_rules_file_names_row_and_column(tmp_path, bad_row, column, words):
    path = tmp_path / "aturan.csv"
    path.write_text(HEADER + _GOOD + bad_row, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules(path)
    message = str(info.value)
    assert "aturan.csv" in message and "baris 3" in message and f"kolom '{column}'" in message
    assert words in message
    assert (3, column) in [(row, col) for row, col, _ in info.value.issues]


def test_every_problem_is_reported_at_once(tmp_path):
    path = tmp_path / "aturan.csv"
    path.write_text(
        HEADER
        + "a,pengawas,golongan,>,III/b,true,PP,G,R\n"
        + _GOOD
        + "c,pengawas,tinggi_badan,>=,1,true,PP,T,H\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as info:
        load_rules(path)
    assert [(row, col) for row, col, _ in info.value.issues] == [(2, "operator"), (4, "condition")]


def test_missing_column_is_named(tmp_path):
    path = tmp_path / "aturan.csv"
    path.write_text("id,post_level,condition,value,hard,source,description_id\n" + _GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="baris 1, kolom 'operator'"):
        load_rules(path)


def test_spreadsheet_csv_with_semicolons_bom_blank_and_comment_rows(tmp_path):
    path = tmp_path / "aturan.csv"
    text = (
        HEADER.replace(",", ";")
        + "\n# catatan admin;;;;;;;;\n"
        + ('pengawas.kotak;pengawas;kotak_talenta;in;"7;8;9";tidak;Perwali Semarang;Kotak 7-9;Cell 7-9\n')
    )
    path.write_text("\ufeff" + text, encoding="utf-8")
    [rule] = load_rules(path)
    assert rule.parsed == frozenset({7, 8, 9}) and rule.hard is False


def test_rule_built_in_code_is_validated_too():
    with pytest.raises(RuleError, match="kolom 'operator'"):
        Rule("x", "pengawas", "golongan", "<", "III/b", True, "PP", "G")


# ---- evaluation ----------------------------------------------------------------------------------


def test_strong_administrator_meets_jpt():
    result = evaluate(_strong_jpt_candidate(), "jpt_pratama", today=TODAY)
    assert result.status == MEMENUHI
    assert {r.status for r in result.results} == {MEMENUHI}
    assert gaps(result) == [] and to_verify(result) == []
    assert result.summary() == "memenuhi syarat JPT Pratama (eselon II)"
    assert all(r.source and r.detail_id and r.detail_en for r in result.results)


def test_evidence_cites_record_and_year():
    res = _by_id(evaluate(_strong_jpt_candidate(), "jpt_pratama", today=TODAY))
    assert (
        res["jpt.pengalaman_administrator"].evidence
        == "riwayat jabatan: Kepala Bidang Budidaya, 2020-sekarang (6,0 tahun)"
    )
    assert res["jpt.diklat"].evidence == "diklat: Pelatihan Kepemimpinan Nasional Tingkat II (PKN II) (2024)"
    assert res["jpt.skp"].evidence == "SKP 2024: Sangat Baik; SKP 2025: Sangat Baik"
    assert (
        res["jpt.pendidikan"].evidence
        == "riwayat pendidikan: S2 Ilmu Perikanan, Institut Pertanian Bogor (2012)"
    )
    assert res["jpt.golongan"].evidence == "data kepangkatan: golongan IV/b (TMT 2022)"
    assert res["jpt.kotak_talenta"].evidence == "kotak talenta 9 (ekspor)"
    admin = _by_id(evaluate(_strong_jpt_candidate(), "administrator", today=TODAY))
    assert admin["administrator.pengalaman_pengawas"].evidence == (
        "riwayat jabatan: Kepala Seksi Perbenihan, 2010-2019 (10,0 tahun)"
    )


def test_age_57_fails_only_the_age_rule():
    result = evaluate(_strong_jpt_candidate(tanggal_lahir=dt.date(1968, 6, 1)), "jpt_pratama", today=TODAY)
    assert result.status == TIDAK_MEMENUHI
    assert [r.rule_id for r in result.results if r.status != MEMENUHI] == ["jpt.usia"]
    assert gaps(result) == ["usia 57 tahun, melebihi batas 56 tahun"]
    assert gaps(result, "en") == ["age 57, above the limit of 56"]


@pytest.mark.parametrize(
    "born, status",
    [
        (dt.date(1969, 1, 21), MEMENUHI),  # 56 until tomorrow
        (dt.date(1969, 1, 20), TIDAK_MEMENUHI),  # 57 today
    ],
)
def test_age_counts_whole_years_on_the_injected_day(born, status):
    result = evaluate(_strong_jpt_candidate(tanggal_lahir=born), "jpt_pratama", today=TODAY)
    assert _by_id(result)["jpt.usia"].status == status


def test_missing_birth_date_needs_verification_never_meets():
    result = evaluate(_strong_jpt_candidate(tanggal_lahir=None), "jpt_pratama", today=TODAY)
    age = _by_id(result)["jpt.usia"]
    assert age.status == PERLU_VERIFIKASI and age.detail_id == "data tanggal lahir tidak tersedia"
    assert result.status == PERLU_VERIFIKASI != MEMENUHI
    assert to_verify(result) == ["data tanggal lahir tidak tersedia"]
    assert result.summary().startswith("syarat JPT Pratama (eselon II) perlu verifikasi: data tanggal lahir")


def test_empty_record_meets_nothing_it_cannot_see():
    bare = Employee(nip="199203142019031002", nama="Tanpa Data")
    for level in ("pengawas", "administrator", "jpt_pratama"):
        result = evaluate(bare, level, today=TODAY)
        assert result.status == PERLU_VERIFIKASI
        met = [r.condition for r in result.results if r.status == MEMENUHI]
        # the discipline list is a record of sanctions: an empty list is "no sanction on record"
        assert set(met) <= {"hukuman_disiplin"}, met
        assert all(r.status in STATUSES for r in result.results)


def test_pengawas_candidate_with_iii_a_fails_golongan():
    result = evaluate(_pengawas_candidate(golongan="III/a"), "pengawas", today=TODAY)
    assert result.status == TIDAK_MEMENUHI
    assert [r.rule_id for r in result.hard_failures] == ["pengawas.golongan"]
    assert gaps(result)[0] == "golongan III/a, kurang satu tingkat dari III/b"
    assert gaps(result, "en")[0] == "rank III/a, one grade short of III/b"
    assert "III/b" in result.summary()


@pytest.mark.parametrize(
    "golongan, level, status, gap",
    [
        ("III/b", "pengawas", MEMENUHI, None),
        ("III/c", "administrator", TIDAK_MEMENUHI, "golongan III/c, kurang satu tingkat dari III/d"),
        ("III/b", "administrator", TIDAK_MEMENUHI, "golongan III/b, kurang dua tingkat dari III/d"),
        ("Penata Tk. I (III/d)", "administrator", MEMENUHI, None),
        ("IX", "pengawas", PERLU_VERIFIKASI, None),  # PPPK golongan: not comparable
        (None, "pengawas", PERLU_VERIFIKASI, None),
    ],
)
def test_golongan_rule(golongan, level, status, gap):
    result = evaluate(_pengawas_candidate(golongan=golongan), level, today=TODAY)
    rule = next(r for r in result.results if r.condition == "golongan")
    assert rule.status == status
    assert (rule.gap_id or None) == gap


def _sanction(tingkat, start, end):
    return {"tingkat": tingkat, "jenis": "contoh", "tmt_mulai": start, "tmt_selesai": end}


@pytest.mark.parametrize(
    "level, sanction, status",
    [
        ("pengawas", _sanction("berat", dt.date(2025, 1, 10), dt.date(2026, 1, 9)), TIDAK_MEMENUHI),
        (
            "pengawas",
            _sanction("berat", dt.date(2025, 1, 10), None),
            TIDAK_MEMENUHI,
        ),  # 1 year ago, end unknown
        (
            "pengawas",
            _sanction("sedang", dt.date(2022, 1, 1), dt.date(2022, 6, 30)),
            MEMENUHI,
        ),  # over 2 years ago
        (
            "pengawas",
            _sanction("ringan", dt.date(2025, 10, 1), dt.date(2025, 10, 1)),
            MEMENUHI,
        ),  # ringan not counted
        ("pengawas", {"tingkat": "berat"}, PERLU_VERIFIKASI),  # no dates
        ("jpt_pratama", _sanction("berat", dt.date(2024, 6, 1), dt.date(2025, 5, 31)), MEMENUHI),  # ended
        (
            "jpt_pratama",
            _sanction("sedang", dt.date(2025, 9, 1), dt.date(2026, 2, 28)),
            TIDAK_MEMENUHI,
        ),  # ongoing
        ("jpt_pratama", _sanction("sedang", dt.date(2025, 9, 1), None), PERLU_VERIFIKASI),  # may be ongoing
    ],
)
def test_discipline_rule(level, sanction, status):
    make = _pengawas_candidate if level == "pengawas" else _strong_jpt_candidate
    person = make(hukuman_disiplin=[sanction])
    result = evaluate(person, level, today=TODAY)
    rule = next(r for r in result.results if r.condition == "hukuman_disiplin")
    assert rule.status == status, rule.detail_id
    if status == TIDAK_MEMENUHI:
        assert result.status == TIDAK_MEMENUHI
        assert sanction["tingkat"] in gaps(result)[0] and rule.evidence.startswith("hukuman disiplin:")


def test_berat_one_year_ago_fails_pengawas():
    person = _pengawas_candidate(
        hukuman_disiplin=[_sanction("berat", TODAY.replace(year=TODAY.year - 1), None)]
    )
    result = evaluate(person, "pengawas", today=TODAY)
    assert result.status == TIDAK_MEMENUHI
    assert [r.rule_id for r in result.hard_failures] == ["pengawas.disiplin"]


@pytest.mark.parametrize("cell", [None, 1, 4, 6, 7, 8, 9])
@pytest.mark.parametrize("make, level, status", [
    (_strong_jpt_candidate, "jpt_pratama", MEMENUHI),
    (_pengawas_candidate, "pengawas", MEMENUHI),
    (lambda **u: _pengawas_candidate(golongan="III/a", **u), "pengawas", TIDAK_MEMENUHI),
    (lambda **u: _strong_jpt_candidate(tanggal_lahir=None, **u), "jpt_pratama", PERLU_VERIFIKASI),
])  # fmt: skip
def test_preferred_nine_box_rule_never_decides(cell, make, level, status):
    person = make(kotak_talenta=cell, asesmen=[])
    result = evaluate(person, level, today=TODAY)
    assert result.status == status
    box = next(r for r in result.results if r.condition == "kotak_talenta")
    assert not box.hard
    expected = (
        PERLU_VERIFIKASI
        if cell is None
        else (MEMENUHI if cell in ((9,) if level == "jpt_pratama" else (7, 8, 9)) else TIDAK_MEMENUHI)
    )
    assert box.status == expected
    if expected == TIDAK_MEMENUHI:
        assert gaps(result)[-1].endswith("(diutamakan)") and gaps(result, preferred=False) == [
            g for g in gaps(result) if not g.endswith("(diutamakan)")
        ]


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ([(MEMENUHI, True), (TIDAK_MEMENUHI, False)], MEMENUHI),
        ([(MEMENUHI, True), (PERLU_VERIFIKASI, False)], MEMENUHI),
        ([(PERLU_VERIFIKASI, True), (MEMENUHI, True)], PERLU_VERIFIKASI),
        ([(PERLU_VERIFIKASI, True), (TIDAK_MEMENUHI, True)], TIDAK_MEMENUHI),
        ([], MEMENUHI),
    ],
)
def test_overall_status(statuses, expected):
    results = [RuleResult(f"r{i}", s, "", "", "", hard) for i, (s, hard) in enumerate(statuses)]
    assert overall_status(results) == expected


@pytest.mark.parametrize(
    "skp, status, words",
    [
        ([("2024", "Baik"), ("2025", "Sangat Baik")], MEMENUHI, "2024-2025"),
        ([("2024", "Butuh Perbaikan"), ("2025", "Baik")], TIDAK_MEMENUHI, "SKP 2024 Butuh Perbaikan"),
        ([("2025", "Baik")], PERLU_VERIFIKASI, "SKP 2024 tidak tersedia"),
        ([("2020", "Baik"), ("2021", "Baik")], PERLU_VERIFIKASI, "2024, 2025"),  # stale data
        ([("2024", "Baik"), ("2025", None)], PERLU_VERIFIKASI, "2025"),
        (
            [("2023", "Kurang"), ("2024", "Baik"), ("2025", "Baik")],
            MEMENUHI,
            "2024-2025",
        ),  # older years ignored
    ],
)
def test_skp_last_years(skp, status, words):
    person = _pengawas_candidate(skp=[{"tahun": y, "predikat": p} for y, p in skp])
    rule = _by_id(evaluate(person, "pengawas", today=TODAY))["pengawas.skp"]
    assert rule.status == status and words in rule.detail_id


@pytest.mark.parametrize(
    "names, level, rule_id, status",
    [
        (["Diklatpim Tingkat IV"], "administrator", "administrator.diklat_pengawas", MEMENUHI),
        (["Diklat Kepemimpinan Tk. IV"], "administrator", "administrator.diklat_pengawas", MEMENUHI),
        (["DIKLAT PIM IV angkatan 12"], "administrator", "administrator.diklat_pengawas", MEMENUHI),
        (["Pelatihan Kepemimpinan Pengawas"], "administrator", "administrator.diklat_pka", TIDAK_MEMENUHI),
        (["Diklat PIM III"], "jpt_pratama", "jpt.diklat", TIDAK_MEMENUHI),  # III is not II
        (["Diklat PIM II"], "jpt_pratama", "jpt.diklat", MEMENUHI),
        (["Bimtek Pengelolaan Keuangan"], "administrator", "administrator.diklat_pengawas", TIDAK_MEMENUHI),
        ([], "administrator", "administrator.diklat_pengawas", PERLU_VERIFIKASI),
    ],
)
def test_leadership_training_matching(names, level, rule_id, status):
    person = _strong_jpt_candidate(diklat=[{"nama": n, "tahun": 2015} for n in names])
    rule = _by_id(evaluate(person, level, today=TODAY))[rule_id]
    assert rule.status == status


def test_gap_names_the_missing_training():
    person = _strong_jpt_candidate(diklat=[{"nama": "Diklat PIM IV", "tahun": 2012}])
    result = evaluate(person, "administrator", today=TODAY)
    assert result.status == MEMENUHI  # PKA is preferred: it can follow the appointment
    assert gaps(result) == ["belum mengikuti Pelatihan Kepemimpinan Administrator (PKA) (diutamakan)"]


def _history(*rows):
    return [
        {
            "jabatan": title,
            "tmt_mulai": start,
            "tmt_selesai": end,
            **({"jenis_jabatan": jenis} if jenis else {}),
        }
        for title, jenis, start, end in rows
    ]


@pytest.mark.parametrize(
    "rows, status, words",
    [
        # kind from the title when the record has no jenis_jabatan
        (_history(("Kepala Seksi Perbenihan", None, "2016-01-01", "2022-12-31")), MEMENUHI,
         "Kepala Seksi Perbenihan, 2016-2022 (7,0 tahun)"),
        (_history(("Kepala Subbagian Keuangan", None, "2021-01-01", "2023-12-31")), MEMENUHI, "(3,0 tahun)"),
        (_history(("Kepala Seksi Perbenihan", None, "2024-01-01", None)), TIDAK_MEMENUHI, "2,0 tahun, kurang 1,0 tahun dari 3 tahun"),
        # JF ahli muda is equivalent to pengawas; ahli pertama is not
        (_history(("Analis Kebijakan Ahli Muda", "fungsional", "2018-01-01", None)), MEMENUHI, "Ahli Muda"),
        (_history(("Analis Kebijakan Ahli Pertama", "fungsional", "2018-01-01", None)), TIDAK_MEMENUHI, "belum pernah"),
        # several short posts add up; overlapping records are not counted twice
        (_history(("Kepala Seksi A", "pengawas", "2020-01-01", "2021-06-30"),
                  ("Kepala Seksi B", "pengawas", "2020-07-01", "2022-06-30")), TIDAK_MEMENUHI, "ke atas 2,5 tahun, kurang 6 bulan"),
        (_history(("Kepala Seksi A", "pengawas", "2019-01-01", "2020-06-30"),
                  ("Kepala Seksi B", "pengawas", "2020-07-01", "2022-06-30")), MEMENUHI, "3,5 tahun"),
        # the record cannot tell: needs verification, never met
        (_history(("Kepala Urusan Umum", None, "2015-01-01", None)), PERLU_VERIFIKASI, "Kepala Urusan Umum"),
        (_history(("Penyuluh Perikanan", None, "2015-01-01", None)), PERLU_VERIFIKASI, "Penyuluh Perikanan"),
        (_history(("Kepala Seksi Perbenihan", "pengawas", None, None)), PERLU_VERIFIKASI, "TMT"),
    ],
)  # fmt: skip
def test_years_as_pengawas_for_administrator(rows, status, words):
    person = _pengawas_candidate(riwayat_jabatan=rows, jabatan=None, jenis_jabatan=None, tmt_jabatan=None)
    rule = _by_id(evaluate(person, "administrator", today=TODAY))["administrator.pengalaman_pengawas"]
    assert rule.status == status, rule.detail_id
    assert words in rule.detail_id + " | " + rule.evidence


@pytest.mark.parametrize(
    "update, status",
    [
        ({"jabatan": "Kepala Seksi Perbenihan", "jenis_jabatan": "pengawas", "tmt_jabatan": dt.date(2025, 2, 1)},
         TIDAK_MEMENUHI),  # one level up after less than 2 years
        ({"jabatan": "Kepala Seksi Perbenihan", "jenis_jabatan": "pengawas", "tmt_jabatan": dt.date(2023, 2, 1)},
         MEMENUHI),
        ({"jabatan": "Kepala Seksi Perbenihan", "jenis_jabatan": None, "eselon": "IV.a", "tmt_jabatan": None},
         PERLU_VERIFIKASI),
        ({"jabatan": "Analis Kebijakan Ahli Muda", "jenis_jabatan": "fungsional", "tmt_jabatan": dt.date(2025, 2, 1)},
         MEMENUHI),  # not a structural post: the rule does not apply
    ],
)  # fmt: skip
def test_two_years_in_current_structural_post(update, status):
    person = _pengawas_candidate(riwayat_jabatan=[], **update)
    rule = _by_id(evaluate(person, "administrator", today=TODAY))["struktural.masa_jabatan"]
    assert rule.status == status, rule.detail_id


def test_short_time_in_current_post_gap():
    person = _pengawas_candidate(
        riwayat_jabatan=[],
        jabatan="Kepala Seksi Perbenihan",
        jenis_jabatan="pengawas",
        tmt_jabatan=dt.date(2025, 2, 1),
    )
    result = evaluate(person, "administrator", today=TODAY)
    expected = "baru 0,9 tahun pada jabatan Kepala Seksi Perbenihan (sejak 2025), syarat 2 tahun untuk promosi satu tingkat"
    assert expected in gaps(result)


@pytest.mark.parametrize("level", ["pengawas", "administrator", "jpt_pratama"])
def test_protected_attributes(level):
    """Gender is never read; the birth date only by the JPT age rule."""
    base = evaluate(_strong_jpt_candidate(), level, today=TODAY)
    other_gender = evaluate(_strong_jpt_candidate(jenis_kelamin="L"), level, today=TODAY)
    assert other_gender == base
    other_age = evaluate(_strong_jpt_candidate(tanggal_lahir=dt.date(1990, 1, 1)), level, today=TODAY)
    changed = [a.rule_id for a, b in zip(base.results, other_age.results, strict=True) if a != b]
    assert changed == (["jpt.usia"] if level == "jpt_pratama" else [])


def test_today_is_injected():
    person = _strong_jpt_candidate()
    early = evaluate(person, "jpt_pratama", today=dt.date(2020, 6, 1))
    assert _by_id(early)["jpt.pengalaman_administrator"].status == TIDAK_MEMENUHI  # 0.4 years then
    assert early.status == TIDAK_MEMENUHI
    assert evaluate(person, "jpt_pratama", today=TODAY).status == MEMENUHI


def test_custom_rules_replace_the_defaults():
    rules = [
        Rule(
            "lokal.golongan",
            "pengawas",
            "golongan",
            ">=",
            "III/c",
            True,
            "Perbup (aturan lokal)",
            "Golongan III/c",
        )
    ]
    result = evaluate(_pengawas_candidate(), "pengawas", rules, today=TODAY)
    assert [r.rule_id for r in result.results] == ["lokal.golongan"]
    assert result.status == TIDAK_MEMENUHI and result.results[0].source == "Perbup (aturan lokal)"
