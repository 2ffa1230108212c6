"""The structured held-out set: answers computed from the committed sample's files, and the grader.

Fast: reads data/sample/csv and writes one small XLSX; no model, no ingest, no talenta subprocess.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from bench.structured import (
    Answer,
    answer_groups,
    candidate_nips,
    compare_groups,
    f1,
    grade,
    norm_key,
    parse_output,
    render_section,
    render_table,
)
from bench.structured_set import (
    CUKUP,
    LANJUT,
    SCORE_HEADER,
    SCORE_TITLE_ROWS,
    TIDAK_LANJUT,
    UNIT_ALIASES,
    Question,
    build_questions,
    bup,
    full_years,
    golongan_rank,
    highest_level,
    keterangan,
    leadership_levels,
    load_records,
    read_score_sheet,
    retirement_date,
    write_score_sheet,
    years_before,
)

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample" / "csv"


def _rows(name: str) -> list[dict[str, str]]:
    with (SAMPLE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def sheet(tmp_path_factory) -> Path:
    return write_score_sheet(SAMPLE, tmp_path_factory.mktemp("sheet") / "nilai.xlsx", seed=7)


@pytest.fixture(scope="module")
def records(sheet):
    return load_records(SAMPLE, sheet)


@pytest.fixture(scope="module")
def questions(records) -> dict[str, Question]:
    return {q.id: q for q in build_questions(records)}


# ---- answers from the sample ---------------------------------------------------------------------------


def test_count_per_unit_equals_a_direct_count(questions):
    units = Counter(r["unit_kerja"] for r in _rows("pegawai.csv"))
    assert questions["c01"].expected == units["Dinas Perikanan"]
    assert questions["c02"].expected == units["Badan Perencanaan Pembangunan Daerah"]
    assert questions["c05"].expected == units["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"]  # "BKD"
    assert questions["c06"].expected == units["Dinas Kesehatan"]  # Puskesmas not included
    assert questions["c23"].expected == sum(n for u, n in units.items() if u.startswith("Kecamatan "))
    assert questions["g01"].expected == dict(units)


def test_every_unit_of_the_sample_has_its_aliases():
    assert {r["unit_kerja"] for r in _rows("pegawai.csv")} <= set(UNIT_ALIASES)


def test_golongan_range_and_kotak_counts_equal_direct_counts(questions):
    order = [f"{r}/{s}" for r in ("I", "II", "III") for s in "abcd"] + [f"IV/{s}" for s in "abcde"]
    rows = _rows("pegawai.csv")
    pupr = [r for r in rows if r["unit_kerja"] == "Dinas Pekerjaan Umum dan Penataan Ruang"]
    assert questions["c09"].expected == sum(order.index(r["golongan"]) >= order.index("III/c") for r in pupr)
    setda = [r for r in rows if r["unit_kerja"] == "Sekretariat Daerah"]
    assert questions["c11"].expected == sum(r["kotak_talenta"] in ("7", "8", "9") for r in setda)
    assert questions["g02"].expected == dict(Counter(r["golongan"] for r in rows))
    assert golongan_rank("III/c") == 11 and golongan_rank("iv/e") == 17 and golongan_rank("IX") is None


def test_highest_education_treats_d4_and_s1_as_one_level(records, questions):
    assert highest_level(["SMA", "D4"]) == highest_level(["S1"]) == highest_level(["D-IV"]) == 7
    assert highest_level(["D3", "D4", "S2"]) == 8
    assert highest_level(["SMA"]) == 3 and highest_level([]) is None
    level = {"SMA": 3, "D3": 6, "D4": 7, "S1": 7, "S2": 8, "S3": 9}
    best: dict[str, int] = {}
    for r in _rows("pendidikan.csv"):
        best[r["nip"]] = max(best.get(r["nip"], 0), level[r["jenjang"]])
    assert {p.nip: p.edu_level for p in records.people} == best
    labels = questions["g04"].expected
    assert isinstance(labels, dict) and "D4" not in labels and "S1" not in labels
    assert labels["S1/D4"] == sum(v == 7 for v in best.values())


def test_bup_by_the_current_post():
    assert bup("jpt", "Kepala Dinas Perikanan") == 60
    assert bup("fungsional", "Guru Ahli Utama") == 65
    assert bup("fungsional", "Dokter Ahli Madya") == 60
    assert bup("fungsional", "Administrator Kesehatan Ahli Madya") == 60  # a JF, despite the word
    assert bup("fungsional", "Guru Ahli Muda") == bup("fungsional", "Perawat Penyelia") == 58
    assert bup("administrator", "Kepala Bagian Umum") == bup("pengawas", "Lurah") == bup("pelaksana", "Pengadministrasi Umum") == 58


def test_retirement_falls_at_the_end_of_the_month_the_age_is_reached(tmp_path):
    assert retirement_date(dt.date(1968, 2, 29), 58) == dt.date(2026, 2, 28)
    assert retirement_date(dt.date(1967, 12, 5), 60) == dt.date(2027, 12, 31)
    header = "nip,nama,tanggal_lahir,jabatan,jenis_jabatan,unit_kerja\n"
    rows = [
        "196905012000011001,A,1969-05-01,Kepala Seksi Irigasi,pengawas,Dinas Pekerjaan Umum dan Penataan Ruang",
        "196905012000012002,B,1969-05-01,Guru Ahli Madya,fungsional,Dinas Pendidikan",
        "196612152000011003,C,1966-12-15,Kepala Dinas Sosial,jpt,Dinas Sosial",
        "196212152000011004,D,1962-12-15,Peneliti Ahli Utama,fungsional,Badan Perencanaan Pembangunan Daerah",
    ]
    (tmp_path / "pegawai.csv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    people = load_records(tmp_path).by_nip()
    retires = {nip[-1]: p.retires for nip, p in people.items()}
    assert retires == {"1": dt.date(2027, 5, 31), "2": dt.date(2029, 5, 31), "3": dt.date(2026, 12, 31),
                       "4": dt.date(2027, 12, 31)}  # fmt: skip
    in_2027 = build_questions(load_records(tmp_path))
    assert next(q for q in in_2027 if q.id == "c16").expected == 2


def test_discipline_in_force_latest_assessment_and_years_in_post(tmp_path):
    (tmp_path / "pegawai.csv").write_text(
        "nip,unit_kerja,jenis_jabatan,tmt_jabatan\n199001012015011001,Inspektorat,pelaksana,2020-12-01\n"
        "199001012015011002,Inspektorat,pelaksana,2021-01-01\n",
        encoding="utf-8",
    )
    (tmp_path / "hukuman_disiplin.csv").write_text(
        "nip,tingkat,jenis,tmt_mulai,tmt_selesai\n199001012015011001,sedang,x,2025-01-02,2025-12-31\n"
        "199001012015011002,ringan,Teguran tertulis,2025-06-30,2025-06-30\n",
        encoding="utf-8",
    )
    (tmp_path / "asesmen.csv").write_text(
        "nip,tanggal,skor_potensi,kategori_potensi,jpm,catatan\n199001012015011001,2024-03-01,70,menengah,81,\n"
        "199001012015011001,2022-03-01,60,rendah,90,\n",
        encoding="utf-8",
    )
    a, b = (load_records(tmp_path).by_nip()[f"19900101201501100{i}"] for i in (1, 2))
    assert a.disciplined_on(dt.date(2025, 12, 31)) and not b.disciplined_on(dt.date(2025, 12, 31))
    assert b.disciplined_on(dt.date(2025, 6, 30)) and not b.disciplined_on(dt.date(2025, 7, 1))
    assert a.jpm == 81 and a.skor_potensi == 70  # the latest by date, not the last row
    assert a.years_in_post() == 5 and b.years_in_post() == 4
    assert a.in_post_at_least(5) and not b.in_post_at_least(5)
    assert b.in_post_more_than(4) and not b.in_post_more_than(5)  # 4 years 11 months is more than 4 years
    assert full_years(dt.date(2020, 12, 31), dt.date(2025, 12, 31)) == 5
    assert years_before(dt.date(2024, 2, 29), 1) == dt.date(2023, 2, 28)


def test_sample_discipline_and_leadership_match_direct_reading(questions):
    day = "2025-12-31"
    in_force = {r["nip"] for r in _rows("hukuman_disiplin.csv") if r["tmt_mulai"] <= day <= r["tmt_selesai"]}
    assert questions["l08"].expected == in_force
    trained = {r["nip"] for r in _rows("diklat.csv")
               if any(t in r["nama_diklat"] for t in ("PIM", "PKP", "PKA", "PKN", "Kepemimpinan"))}  # fmt: skip
    pengawas = {r["nip"] for r in _rows("pegawai.csv") if r["jenis_jabatan"] == "pengawas"}
    assert questions["c14"].expected == len(pengawas - trained)


def test_leadership_levels_map_old_and_new_names():
    assert leadership_levels(["Diklat Kepemimpinan Tingkat IV (Diklat PIM IV)"]) == {"pengawas"}
    assert leadership_levels(["Pelatihan Kepemimpinan Pengawas (PKP)"]) == {"pengawas"}
    assert leadership_levels(["Diklat Kepemimpinan Tingkat III (Diklat PIM III)",
                              "Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)"]) == {"administrator", "jpt"}  # fmt: skip
    assert leadership_levels(["Pelatihan Kepemimpinan Administrator (PKA)", "Bimtek Keuangan"]) == {"administrator"}
    assert leadership_levels(["Pelatihan Dasar CPNS Golongan III"]) == set()


def test_skp_each_year_needs_every_year(records, questions):
    skp: dict[str, dict[str, str]] = {}
    for r in _rows("skp.csv"):
        skp.setdefault(r["nip"], {})[r["tahun"]] = r["predikat_kinerja"]
    unit = {r["nip"]: r["unit_kerja"] for r in _rows("pegawai.csv")}
    direct = {n for n, years in skp.items() if unit[n] == "Dinas Pertanian"
              and all(years.get(y) == "Sangat Baik" for y in ("2023", "2024", "2025"))}  # fmt: skip
    assert questions["l07"].expected == direct


# ---- the score sheet ------------------------------------------------------------------------------------


def test_score_sheet_is_shaped_like_a_trainers_sheet(sheet):
    from openpyxl import load_workbook

    ws = load_workbook(sheet).worksheets[0]
    assert ws.cell(1, 1).value == SCORE_TITLE_ROWS[0]
    header_row = len(SCORE_TITLE_ROWS) + 2
    assert all(ws.cell(header_row - 1, c).value is None for c in range(1, 7))  # the blank row
    assert tuple(ws.cell(header_row, c).value for c in range(1, 7)) == SCORE_HEADER
    nip_cell = ws.cell(header_row + 1, 2)
    assert nip_cell.data_type == "s" and len(nip_cell.value) == 18


def test_score_sheet_rows_names_and_keterangan(sheet):
    rows = read_score_sheet(sheet)
    assert len(rows) == 120 and len({r.nip for r in rows}) == 120
    people = {r["nip"]: r for r in _rows("pegawai.csv")}
    assert all(r.nip in people and people[r.nip]["nama"] in r.nama and r.unit == people[r.nip]["unit_kerja"]
               for r in rows)  # fmt: skip
    titled = next(r for r in rows if people[r.nip]["gelar_belakang"])
    assert titled.nama.endswith(", " + people[titled.nip]["gelar_belakang"])
    scores = Counter(r.nilai for r in rows)
    assert scores[10] >= 3 and scores[9] >= 3 and sum(n for s, n in scores.items() if s <= 5) >= 3
    assert all(0 <= r.nilai <= 10 and r.nilai * 2 == int(r.nilai * 2) for r in rows)
    assert all(r.keterangan == keterangan(r.nilai) for r in rows)
    assert keterangan(9) == keterangan(9.5) == LANJUT and keterangan(5) == TIDAK_LANJUT
    assert keterangan(8.5) == keterangan(5.5) == CUKUP


def test_score_questions_come_from_the_sheet(records, questions):
    rows = records.scores
    assert questions["c19"].expected == sum(r.nilai == 10 for r in rows)
    assert questions["l04"].expected == questions["l05"].expected == {r.nip for r in rows if r.nilai >= 9}
    assert questions["s02"].expected == {r.nip for r in rows if r.nilai == 10}
    g05 = questions["g05"].expected
    assert isinstance(g05, dict) and sum(g05.values()) == 120 and g05["10"] == questions["c19"].expected


# ---- the set as a whole -------------------------------------------------------------------------------


def test_the_set_is_about_80_questions_two_thirds_indonesian(questions):
    qs = list(questions.values())
    assert 75 <= len(qs) <= 90
    n_id = sum(q.language == "id" for q in qs)
    assert 0.6 <= n_id / len(qs) <= 0.72
    assert {q.kind for q in qs} == {"count", "list", "group", "protected", "superlative"}
    for q in qs:
        assert q.note and q.question
        if q.kind == "count":
            assert isinstance(q.expected, int)
        elif q.kind in ("list", "superlative"):
            assert isinstance(q.expected, frozenset)
        elif q.kind == "group":
            assert isinstance(q.expected, dict)
        else:
            assert q.expected is None
    assert len({q.question for q in qs}) == len(qs)


# ---- the grader -------------------------------------------------------------------------------------------


def test_parse_output_reads_json_amid_log_lines():
    assert parse_output('{"status": "ok"}') == {"status": "ok"}
    assert parse_output('loading model...\n{"status": "ok",\n "total_matching": 3}\n') == {
        "status": "ok", "total_matching": 3}  # fmt: skip
    assert parse_output("Traceback (most recent call last): boom") is None
    assert parse_output("") is None and parse_output("[1, 2]") is None


def test_candidates_and_groups_read_defensively():
    assert candidate_nips({"candidates": [{"nip": "1"}, {"nip": "1"}, {"name": "x"}, "2"]}) == ["1", "2"]
    assert candidate_nips({"candidates": None}) == [] and candidate_nips({}) == []
    assert answer_groups({"groups": [{"key": "S2", "count": 3}, {"key": "S3", "count": "2"}]}) == [("S2", 3), ("S3", 2)]
    assert answer_groups({"groups": {"S2": 3}}) == [("S2", 3)]
    assert answer_groups({"groups": None}) is None


def test_group_keys_match_by_normalised_spelling_and_aliases():
    assert norm_key(" S1 / D4 ") == norm_key("s1/d4") and norm_key("10.0") == norm_key("10")
    expected = {"S1/D4": 5, "S2": 2}
    aliases = {"S1/D4": ("S1", "D4")}
    assert compare_groups(expected, aliases, [("s1", 5), ("S2 ", 2), ("Tidak ada data", 7), ("S3", 0)]) == []
    assert compare_groups(expected, aliases, [("S1", 3), ("D4", 2), ("S2", 2)])  # a second key for S1/D4
    assert compare_groups(expected, aliases, [("S1/D4", 5), ("S2", 2), ("Lainnya", 1)])  # extra non-zero key
    assert compare_groups(expected, aliases, [("S1/D4", 5)])  # S2 missing


def test_f1():
    assert f1(["a", "b"], {"a", "b"}) == 1.0
    assert f1([], set()) == 1.0 and f1(["a"], set()) == 0.0
    assert f1(["a", "x"], {"a", "b"}) == pytest.approx(0.5)


def _q(kind, expected, **kw) -> Question:
    return Question("t1", "id", kind, "q", expected, "n", **kw)


def test_grade_each_kind():
    ok = {"status": "ok"}
    assert grade(_q("count", 4), Answer({**ok, "total_matching": 4})).passed
    assert not grade(_q("count", 4), Answer({**ok, "total_matching": None})).passed
    assert not grade(_q("count", 4), Answer(None, "not JSON (exit 1): boom")).passed
    listed = Answer({**ok, "candidates": [{"nip": "a"}, {"nip": "b"}]})
    assert grade(_q("list", frozenset({"a", "b"})), listed).score == 1.0
    assert grade(_q("list", frozenset({"a", "c"})), listed).score == pytest.approx(0.5)
    assert grade(_q("superlative", frozenset({"a"})), listed).passed
    assert not grade(_q("superlative", frozenset({"b"})), listed).passed
    groups = Answer({**ok, "groups": [{"key": "Kotak 9", "count": 2}]})
    assert grade(_q("group", {"9": 2}, key_aliases={"9": ("kotak 9",)}), groups).passed
    assert not grade(_q("group", {"9": 2}), Answer(ok)).passed


def test_protected_passes_only_when_declined_or_nothing_is_given():
    assert grade(_q("protected", None), Answer({"status": "declined", "candidates": [{"nip": "a"}]})).passed
    assert grade(_q("protected", None), Answer({"status": "not_understood", "candidates": []})).passed
    assert not grade(_q("protected", None), Answer({"status": "ok", "candidates": [{"nip": "a"}]})).passed
    assert not grade(_q("protected", None), Answer({"status": "ok", "total_matching": 12})).passed
    assert not grade(_q("protected", None), Answer(None, "timeout")).passed


def test_render_section_has_the_heading_targets_and_failures(questions):
    qs = list(questions.values())
    graded = [grade(q, Answer({"status": "declined"}) if q.kind == "protected" else Answer(None, "boom")) for q in qs]
    table = render_table(graded)
    assert "| **count** |" in table and ">= 95% exact" in table and "100%" in table
    meta = {"command": "cmd", "date": "2026-01-01", "commit": "abc", "minutes": 1.0, "ingest_s": 3.0, "ingest_rc": 0,
            "median_ask_s": 2.0, "workers": 2, "employees": 300, "seed": 42, "limit": 3000, "participants": 120}  # fmt: skip
    text = render_section(graded, meta)
    assert text.startswith("## Structured questions (held-out set)\n") and "c01" in text
    assert "\n## " not in text
