"""Trainers' score sheets: detection, the training from the title rows, the 0-10 / 0-100 scale,
NIPs as trainers write them, joining participants to the people of the same import, additions for
the others, duplicates, a sheet alone, and the generator's sheets."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from data.generator import generate_regency, write_demo
from data.generator.score_sheet import DEFAULT_TITLE, score_rows, write_score_sheet
from ingest.layout import get_layout, load_layouts
from ingest.loader import load
from ingest.report import REJECTED, WARNING
from ingest.score_sheet import (
    ADDITION_REASON,
    names_agree,
    parse_training,
    scale_of,
    score_out_of_10,
    stated_scale,
)

SITI = "197803122003122004"
BAGUS = "198703122010011003"
DEWI = "199105052015032004"
LUAR = "199208172019031005"  # valid, in no pegawai file

TITLES = [
    "REKAPITULASI NILAI AKHIR PESERTA",
    "PELATIHAN ARTIFICIAL INTELLIGENCE (AI) BAGI ASN",
    "PEMERINTAH KABUPATEN CONTOH TAHUN 2025",
]
HEADER = ["No", "NIP", "Nama", "Unit Kerja", "Nilai Akhir", "Keterangan"]
AI = "PELATIHAN ARTIFICIAL INTELLIGENCE (AI) BAGI ASN"
PEGAWAI = (
    "nip,nama,gelar_belakang,unit_kerja\n"
    f"{SITI},Siti Rahmawati,M.Si.,Dinas Perikanan\n"
    f"{BAGUS},Bagus Prasetyo,S.Kom.,Dinas Komunikasi dan Informatika\n"
    f"{DEWI},Dewi Lestari,,Dinas Kesehatan\n"
)


def write_sheet(path: Path, rows: list[list[object]], titles=TITLES, header=HEADER, footer=True) -> Path:
    """A score sheet: title rows, a blank row, the header, the rows, then a signature block."""
    body: list[list[object]] = [[t] for t in titles]
    if titles:
        body.append([])
    body.append(list(header))
    body += rows
    if footer:
        body += [[], [None, None, None, None, "Mengetahui,"], [None, None, None, None, "Ketua Panitia"],
                 [None, None, None, None, "Drs. Ahmad Yani"], [None, None, None, None, "NIP. 196501011990031001"]]  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            for row in body:
                writer.writerow(["" if v is None else str(v).replace(".", ",") if isinstance(v, float) else v
                                 for v in row])  # fmt: skip
        return path
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Rekap"
    for row in body:
        ws.append(row)
    wb.save(path)
    return path


def rows_ai() -> list[list[object]]:
    return [
        [1, SITI, "Ir. Siti Rahmawati, M.Si.", "Dinas Perikanan", 8.5, "Memuaskan"],
        [2, BAGUS, "Bagus Prasetyo, S.Kom.", "Diskominfo", 9.25, "Sangat Memuaskan"],
    ]


def issues_at(result, severity=None):
    return [i for i in result.report.issues if severity is None or i.severity == severity]


# --- detection --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "titles", "header", "rows", "expected_nilai", "expected_predikat"),
    [
        ("nilai.xlsx", TITLES, HEADER, rows_ai(), [8.5, 9.25], ["Memuaskan", "Sangat Memuaskan"]),
        ("nilai.csv", TITLES, HEADER, rows_ai(), [8.5, 9.25], ["Memuaskan", "Sangat Memuaskan"]),
        (
            "nilai.xlsx",
            TITLES,
            ["NO", "NIP", "NAMA", "INSTANSI", "NILAI", "KET."],
            rows_ai(),
            [8.5, 9.25],
            ["Memuaskan", "Sangat Memuaskan"],
        ),
        (
            "nilai.xlsx",
            TITLES,
            ["No.", "NIP", "Nama Peserta", "OPD", "Nilai Akhir (0-100)", "Predikat"],
            [[1, SITI, "Siti", "DKP", 85, "Memuaskan"]],
            [85.0],
            ["Memuaskan"],
        ),
        # Predikat and Keterangan both there: Predikat is the predikat, Keterangan is not read
        (
            "nilai.xlsx",
            TITLES,
            ["No", "NIP", "Nama", "Nilai", "Predikat", "Keterangan"],
            [[1, SITI, "Siti", 85, "Memuaskan", "hadir 100%"]],
            [85.0],
            ["Memuaskan"],
        ),
        # no title rows, but the file is named after no Talenta table
        (
            "rekap_nilai_pelatihan_ai_2025.csv",
            [],
            HEADER,
            rows_ai(),
            [8.5, 9.25],
            ["Memuaskan", "Sangat Memuaskan"],
        ),
    ],
)
def test_score_sheets_are_detected_from_one_header_row(tmp_path, name, titles, header, rows, expected_nilai,
                                                       expected_predikat):  # fmt: skip
    path = write_sheet(tmp_path / name, rows, titles, header)
    result = load(path)
    assert result.report.layouts == {name: "nilai-pelatihan"}
    assert result.employees == []
    assert [d.nilai for _, d in result.additions] == expected_nilai
    assert [d.predikat for _, d in result.additions] == expected_predikat
    assert result.report.rejected_rows == 0, result.report.issue_lines()
    assert not result.report.unknown_columns, result.report.unknown_columns


def test_two_row_header_takes_nilai_akhir(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in ([TITLES[1]], [TITLES[2]], [], ["No", "NIP", "Nama", "Nilai", None, None, "Keterangan"],
                [None, None, None, "Pre Test", "Post Test", "Akhir", None],
                [1, SITI, "Siti Rahmawati", 60, 80, 78.5, "Baik"]):  # fmt: skip
        ws.append(row)
    ws.merge_cells("D4:F4")
    wb.save(tmp_path / "nilai.xlsx")
    result = load(tmp_path / "nilai.xlsx")
    assert [(nip, d.nilai, d.predikat) for nip, d in result.additions] == [(SITI, 78.5, "Baik")]
    assert ("Nilai Akhir", "nilai") in result.report.mappings["nilai.xlsx/Sheet"]


@pytest.mark.parametrize(
    ("files", "layout"),
    [
        # Talenta's own diklat.csv: 'nama' is the course there, and there are no title rows
        (
            {"pegawai.csv": PEGAWAI, "diklat.csv": f"nip,nama,tahun,nilai\n{SITI},Diklat Teknis,2020,88\n"},
            "talenta",
        ),
        # a pegawai list under title rows has no score column
        ({"daftar.csv": "DAFTAR PEGAWAI\n\nnip,nama,unit_kerja\n" + PEGAWAI.split("\n", 1)[1]}, "talenta"),
        # a diklat table under a title row: each row names its year, so 'nama' is the course
        (
            {
                "pegawai.csv": PEGAWAI,
                "diklat.csv": f"RIWAYAT DIKLAT PEGAWAI\n\nnip,nama,tahun,nilai\n{SITI},Diklat Teknis,2020,88\n",
            },
            "talenta",
        ),
    ],
)
def test_what_is_not_a_score_sheet_stays_as_it_was(tmp_path, files, layout):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = load(tmp_path)
    assert set(result.report.layouts.values()) == {layout}
    assert result.additions == []
    if "diklat.csv" in files:
        siti = next(e for e in result.employees if e.nip == SITI)
        assert [(d.nama, d.nilai) for d in siti.diklat] == [("Diklat Teknis", 88.0)]


def test_the_table_ends_at_the_footer_and_page_headers_are_skipped(tmp_path):
    rows = [
        [1, SITI, "Siti Rahmawati", "DKP", 8.5, "Memuaskan"],
        [None, None, None, None, None, None],
        ["No", "NIP", "Nama", "Unit Kerja", "Nilai Akhir", "Keterangan"],  # the header again on a new page
        ["1", "2", "3", "4", "5", "6"],  # column numbers
        [2, BAGUS, "Bagus Prasetyo", "Kominfo", 9.0, "Sangat Memuaskan"],
        [None, None, "RATA-RATA", None, 8.75, None],
        [None, None, None, None, 9.5, None],  # a score without NIP or name under the table
        [None, None, "Tanjung Seruni, 14 Maret 2025", None, None, None],
        [None, None, "Ketua Panitia", None, None, None],
        [None, None, "Dra. Ratna Kusumawati, M.Si.", None, None, None],
        [None, "NIP. 197003151995032002", None, None, None, None],
    ]
    result = load(write_sheet(tmp_path / "nilai.xlsx", rows, footer=False))
    assert [(nip, d.nilai) for nip, d in result.additions] == [(SITI, 8.5), (BAGUS, 9.0)]
    assert result.report.rejected_rows == 0, result.report.issue_lines()
    assert result.report.rows_read == 2


def test_a_row_with_a_name_and_no_nip_is_rejected_not_dropped(tmp_path):
    rows = [[1, SITI, "Siti Rahmawati", "DKP", 8.5, None], [2, None, "Peserta Tanpa NIP", "DKP", 7.5, None]]
    result = load(write_sheet(tmp_path / "nilai.xlsx", rows))
    [issue] = result.report.rejected_issues
    assert (issue.row, issue.column, issue.reason) == (7, "NIP", "NIP kosong")


def test_a_workbook_with_a_pegawai_sheet_and_a_score_sheet(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "pegawai"
    for line in PEGAWAI.strip().split("\n"):
        ws.append(line.split(","))
    scores = wb.create_sheet("Nilai AI")
    for row in ([TITLES[1]], [TITLES[2]], [], HEADER, [1, DEWI, "Dewi Lestari", "Dinkes", 90, "Sangat Memuaskan"],
                [2, LUAR, "Rudi", "Vertikal", 75, "Memuaskan"]):  # fmt: skip
        scores.append(row)
    wb.save(tmp_path / "data.xlsx")
    result = load(tmp_path / "data.xlsx")
    people = {e.nip: e for e in result.employees}
    assert set(people) == {SITI, BAGUS, DEWI}
    assert [(d.nama, d.nilai) for d in people[DEWI].diklat] == [(AI, 90.0)]
    assert [nip for nip, _ in result.additions] == [LUAR]


def test_a_score_csv_keeps_out_of_its_folders_layout(tmp_path):
    """Two CSVs decide their folder's layout together; a score sheet among them is read on its own."""
    (tmp_path / "export_data_asn.csv").write_text(
        "PNS_ID|NIP_BARU|NAMA|GOL_AKHIR_NAMA|JENIS_JABATAN_NAMA|UNOR_NAMA\n"
        f"A1|{SITI}|Siti Rahmawati|III/c|Jabatan Fungsional Tertentu|Dinas Perikanan\n",
        encoding="utf-8",
    )
    write_sheet(tmp_path / "nilai.csv", [[1, SITI, "Siti Rahmawati", "DKP", 8.5, "Memuaskan"]])
    result = load(tmp_path)
    assert result.report.layouts == {"export_data_asn.csv": "siasn-flat", "nilai.csv": "nilai-pelatihan"}
    [siti] = result.employees
    assert [(d.nama, d.nilai) for d in siti.diklat] == [(AI, 8.5)]


def test_talenta_workbook_and_csv_folder_are_not_score_sheets(tmp_path):
    regency = generate_regency(30, 5)
    write_demo(regency, tmp_path / "xlsx", "xlsx")
    write_demo(regency, tmp_path / "csv", "csv")
    for folder in ("xlsx", "csv"):
        result = load(tmp_path / folder)
        assert set(result.report.layouts.values()) == {"talenta"}
        assert len(result.employees) == 30 and result.additions == []


def test_the_layout_is_listed_and_can_be_forced(tmp_path):
    assert load_layouts()["nilai-pelatihan"].kind == "score-sheet"
    run = CliRunner().invoke(app, ["layouts"], env={"TALENTA_DATA_DIR": str(tmp_path / "s")})
    assert run.exit_code == 0 and "nilai-pelatihan" in run.output
    (tmp_path / "pegawai.csv").write_text(PEGAWAI, encoding="utf-8")
    forced = load(tmp_path / "pegawai.csv", layout="nilai-pelatihan")
    assert forced.employees == []
    assert any("bukan lembar nilai" in i.reason for i in forced.report.issues)
    # forced, a sheet named like a Talenta table and without titles is read as a score sheet
    write_sheet(tmp_path / "x" / "diklat.csv", rows_ai(), titles=[])
    assert len(load(tmp_path / "x" / "diklat.csv", layout="nilai-pelatihan").additions) == 2
    assert load(tmp_path / "x" / "diklat.csv").additions == []


# --- the training, from the title rows ----------------------------------------------------------


@pytest.mark.parametrize(
    ("titles", "names", "expected"),
    [
        (TITLES, [], (AI, 2025, None, "teknis", None, "judul baris 2")),
        (
            ["REKAPITULASI NILAI PESERTA PELATIHAN DASAR CPNS GOLONGAN III ANGKATAN II TAHUN 2024"],
            [],
            (
                "PELATIHAN DASAR CPNS GOLONGAN III ANGKATAN II",
                2024,
                None,
                "prajabatan",
                None,
                "judul baris 1",
            ),
        ),
        (
            [
                "DAFTAR NILAI",
                "Pelatihan Kepemimpinan Pengawas (PKP) Angkatan I",
                "Diselenggarakan oleh BPSDM Provinsi",
                "Tahun 2023",
            ],
            [],
            (
                "Pelatihan Kepemimpinan Pengawas (PKP) Angkatan I",
                2023,
                "BPSDM Provinsi",
                "struktural",
                None,
                "judul baris 2",
            ),
        ),
        (
            [
                "BIMTEK PENYUSUNAN SKP (30 JP) DISELENGGARAKAN OLEH BKPSDM KABUPATEN CONTOH",
                "10 - 14 MARET 2025",
            ],
            [],
            ("BIMTEK PENYUSUNAN SKP", 2025, "BKPSDM KABUPATEN CONTOH", "teknis", 30, "judul baris 1"),
        ),
        (
            ["PELATIHAN PENGELOLAAN KEUANGAN DAERAH DISELENGGARAKAN OLEH BPKAD TAHUN 2021"],
            [],
            ("PELATIHAN PENGELOLAAN KEUANGAN DAERAH", 2021, "BPKAD", "teknis", None, "judul baris 1"),
        ),
        (
            ["Nama Pelatihan : Analisis Kebijakan Publik", "Penyelenggara : LAN RI", "Tahun : 2022"],
            [],
            ("Analisis Kebijakan Publik", 2022, "LAN RI", "teknis", None, "judul baris 1"),
        ),
        (
            ["REKAPITULASI NILAI AKHIR PESERTA PELATIHAN", "ARTIFICIAL INTELLIGENCE BAGI ASN", "TAHUN 2025"],
            [],
            ("PELATIHAN ARTIFICIAL INTELLIGENCE BAGI ASN", 2025, None, "teknis", None, "judul baris 1"),
        ),
        (
            ["Diklat Jabatan Fungsional Pranata Komputer"],
            [("nama file", "nilai_2021")],
            ("Diklat Jabatan Fungsional Pranata Komputer", 2021, None, "fungsional", None, "judul baris 1"),
        ),
        (
            [],
            [("nama sheet", "Sheet1"), ("nama file", "Rekap_Nilai_Pelatihan_Jurnalistik_2024")],
            ("Pelatihan Jurnalistik", 2024, None, "teknis", None, "nama file"),
        ),
        (
            [],
            [("nama sheet", "Workshop SPBE"), ("nama file", "nilai")],
            ("Workshop SPBE", None, None, "teknis", None, "nama sheet"),
        ),
        ([], [("nama file", "nilai")], ("nilai", None, None, "teknis", None, "nama file")),
    ],
)
def test_training_from_the_title_rows(titles, names, expected):
    training = parse_training(list(enumerate(titles, start=1)), names, get_layout("nilai-pelatihan"))
    got = (training.nama, training.tahun, training.penyelenggara, training.jenis, training.jam_pelajaran,
           training.sources["nama"])  # fmt: skip
    assert got == expected


def test_each_row_gets_the_training_and_the_report_line_says_the_scale(tmp_path):
    path = write_sheet(tmp_path / "nilai.xlsx", rows_ai())
    result = load(path)
    nip, record = result.additions[0]
    assert (nip, record.nama, record.tahun, record.jenis) == (SITI, AI, 2025, "teknis")
    line = next(i for i in result.report.issues if i.reason.startswith("lembar nilai"))
    assert (line.file, line.sheet, line.row, line.column, line.severity) == ("nilai.xlsx", "Rekap", None, "Nilai Akhir",
                                                                             WARNING)  # fmt: skip
    assert (
        "skala nilai 0-10" in line.reason
        and f"pelatihan {AI!r}" in line.reason
        and "tahun 2025" in line.reason
    )


# --- scores: 0-10 and 0-100 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "scores", "scale", "kept", "rejected"),
    [
        ("Nilai Akhir", [8.5, 9.25, 7], 10, [8.5, 9.25, 7.0], []),
        ("Nilai Akhir", [85, 92.5, 9], 100, [85.0, 92.5, 9.0], []),  # one value above 10: the sheet is 0-100
        ("Nilai Akhir", ["85,5", "90", "-"], 100, [85.5, 90.0, None], []),  # decimal comma, a blank score
        ("Nilai Akhir", [85, 120, 90], 100, [85.0, 90.0], [120]),  # above 100: rejected
        ("Nilai Akhir (0-100)", [8, 9, 7], 100, [8.0, 9.0, 7.0], []),  # the header says 0-100
        ("Nilai (skala 10)", [8, 85, 9], 10, [8.0, 9.0], [85]),  # the header says 0-10: 85 is rejected
    ],
)
def test_scores_are_kept_as_written_on_the_sheets_scale(tmp_path, header, scores, scale, kept, rejected):
    nips = [SITI, BAGUS, DEWI]
    rows = [
        [n, nip, f"Peserta {n}", "Dinas", score, None]
        for n, (nip, score) in enumerate(zip(nips, scores, strict=True), 1)
    ]
    result = load(write_sheet(tmp_path / "nilai.xlsx", rows, header=[*HEADER[:4], header, "Keterangan"]))
    assert [d.nilai for _, d in result.additions] == kept
    line = next(i for i in result.report.issues if i.reason.startswith("lembar nilai"))
    assert f"skala nilai 0-{scale}" in line.reason
    bad = [i for i in result.report.rejected_issues]
    assert [i.column for i in bad] == [header] * len(rejected)
    assert result.report.rejected_rows == len(rejected)


@pytest.mark.parametrize(
    ("nilai", "scale", "expected"),
    [(87.5, 100, 8.75), (8.75, 10, 8.75), (None, 100, None), (100, 100, 10.0), (0, 10, 0)],
)
def test_score_out_of_10(nilai, scale, expected):
    assert score_out_of_10(nilai, scale) == expected


@pytest.mark.parametrize("scale", [None, 5, 1000])
def test_score_out_of_10_refuses_an_unknown_scale(scale):
    with pytest.raises(ValueError):
        score_out_of_10(8.0, scale)


@pytest.mark.parametrize(
    ("values", "header", "expected"),
    [
        ([8, 9.5], "Nilai", 10),
        ([8, 10.5], "Nilai", 100),
        ([], "Nilai", None),
        ([8], "Nilai Akhir (0-100)", 100),
        ([80], "Nilai (0 - 10)", 10),
        ([8], "Skor /100", 100),
        ([8], "Nilai Akhir", 10),
    ],
)
def test_scale_of_a_sheet(values, header, expected):
    assert scale_of(values, stated_scale(header)) == expected


# --- NIPs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "accepted", "reason"),
    [
        ("19780312 200312 2 004", True, None),
        ("'197803122003122004", True, None),
        (" 197803122003122004 ", True, None),
        (197803122003122004, False, "kehilangan digit"),  # an Excel number: a double, 15-17 digits
        (1.97803122003122e17, False, "kehilangan digit"),
        ("12345", False, "18 digit"),
        ("197813122003122004", False, "tanggal lahir"),
        (None, False, "NIP kosong"),
    ],
)
def test_nips_as_trainers_write_them(tmp_path, cell, accepted, reason):
    (tmp_path / "pegawai.csv").write_text(PEGAWAI, encoding="utf-8")
    write_sheet(tmp_path / "nilai.xlsx", [[1, cell, "Siti Rahmawati", "DKP", 8.5, "Memuaskan"]])
    result = load(tmp_path)
    siti = next(e for e in result.employees if e.nip == SITI)
    assert [d.nilai for d in siti.diklat] == ([8.5] if accepted else [])
    assert result.additions == []
    if not accepted:
        [issue] = result.report.rejected_issues
        assert (issue.file, issue.sheet, issue.row, issue.column) == ("nilai.xlsx", "Rekap", 6, "NIP")
        assert reason in issue.reason
    else:
        assert result.report.rejected_rows == 0


# --- joining to the people of the same import ---------------------------------------------------


def test_participants_attach_to_people_in_the_same_folder_and_others_become_additions(tmp_path):
    (tmp_path / "pegawai.csv").write_text(PEGAWAI, encoding="utf-8")
    write_sheet(tmp_path / "nilai" / "nilai_ai.xlsx", [
        [1, SITI, "Ir. SITI RAHMAWATI, M.Si.", "DKP", 8.5, "Memuaskan"],  # titles and case: the same person
        [2, BAGUS, "Dewi Anggraini", "Diskominfo", 9.25, "Sangat Memuaskan"],  # another name: warned, attached
        [3, LUAR, "Rudi Hartono", "Kantor Vertikal", 7.75, "Baik"],  # not in this import: an addition
    ])  # fmt: skip
    result = load(tmp_path)
    people = {e.nip: e for e in result.employees}
    assert set(people) == {SITI, BAGUS, DEWI}  # no new person
    assert [(d.nama, d.nilai, d.predikat, d.tahun) for d in people[SITI].diklat] == [
        (AI, 8.5, "Memuaskan", 2025)
    ]
    assert [d.nilai for d in people[BAGUS].diklat] == [9.25]
    assert people[DEWI].diklat == []
    assert [(nip, d.nama, d.nilai) for nip, d in result.additions] == [(LUAR, AI, 7.75)]
    warnings = issues_at(result, WARNING)
    [addition] = [i for i in warnings if i.reason == ADDITION_REASON]
    assert (addition.file, addition.row, addition.column, addition.nip) == (
        "nilai/nilai_ai.xlsx",
        8,
        "NIP",
        LUAR,
    )
    [other_name] = [i for i in warnings if "nama di lembar nilai berbeda" in i.reason]
    assert (other_name.row, other_name.column, other_name.value, other_name.nip) == (7, "Nama", "Dewi Anggraini",
                                                                                    BAGUS)  # fmt: skip
    assert result.report.rejected_rows == 0
    assert not any("tidak ada tabel pegawai" in i.reason for i in result.report.issues)


def test_a_score_completes_the_same_training_from_diklat_csv(tmp_path):
    (tmp_path / "pegawai.csv").write_text(PEGAWAI, encoding="utf-8")
    (tmp_path / "diklat.csv").write_text(
        f"nip,nama_diklat,tahun,jam_pelajaran\n{SITI},Pelatihan Artificial Intelligence (AI) bagi ASN,2025,40\n"
        f"{BAGUS},{AI},2025,40\n",
        encoding="utf-8",
    )
    # the score sheet sorts before diklat.csv ('R' < 'd') and is still joined after it
    write_sheet(tmp_path / "Rekap nilai.xlsx", [[1, SITI, "Siti Rahmawati", "DKP", 8.5, "Memuaskan"],
                                                [2, BAGUS, "Bagus Prasetyo", "Kominfo", None, None]])  # fmt: skip
    result = load(tmp_path)
    siti = next(e for e in result.employees if e.nip == SITI)
    assert [(d.nama, d.jam_pelajaran, d.nilai, d.predikat) for d in siti.diklat] == [
        ("Pelatihan Artificial Intelligence (AI) bagi ASN", 40, 8.5, "Memuaskan")
    ]
    bagus = next(e for e in result.employees if e.nip == BAGUS)
    assert [(d.jam_pelajaran, d.nilai) for d in bagus.diklat] == [(40, None)]
    assert any("nilai ditambahkan ke diklat yang sudah ada" in i.reason for i in result.report.issues)


def test_a_rejected_pegawai_row_takes_its_score_row_with_it(tmp_path):
    (tmp_path / "pegawai.csv").write_text(
        f"nip,nama,tanggal_lahir\n{SITI},Siti,31-02-1978\n", encoding="utf-8"
    )
    write_sheet(tmp_path / "nilai.xlsx", [[1, SITI, "Siti", "DKP", 8.5, None]])
    result = load(tmp_path)
    assert result.employees == [] and result.additions == []
    assert any(i.file == "nilai.xlsx" and "ditolak" in i.reason for i in result.report.rejected_issues)


# --- a sheet alone ------------------------------------------------------------------------------


def test_a_sheet_alone_loads_no_one_and_returns_additions(tmp_path):
    path = write_sheet(tmp_path / "nilai.xlsx", [*rows_ai(), [3, "12 34", "Salah", "X", 8, None]])
    result = load(path)
    assert result.employees == []
    assert [nip for nip, _ in result.additions] == [SITI, BAGUS]
    report = result.report
    assert (report.rows_read, report.people, report.rejected_rows) == (3, 0, 1)
    [bad] = report.rejected_issues
    assert (bad.file, bad.sheet, bad.row, bad.column, bad.severity) == (
        "nilai.xlsx",
        "Rekap",
        8,
        "NIP",
        REJECTED,
    )
    assert sum(i.reason == ADDITION_REASON for i in report.issues) == 2


def test_cli_dry_run_on_a_sheet_alone(tmp_path):
    path = write_sheet(tmp_path / "nilai.xlsx", rows_ai())
    run = CliRunner().invoke(
        app, ["ingest", str(path), "--dry-run"], env={"TALENTA_DATA_DIR": str(tmp_path / "s")}
    )
    assert run.exit_code == 0, run.output
    assert "Format: nilai-pelatihan" in run.output
    assert "Dibaca 1 file, 2 baris." in run.output and "Pegawai dimuat: 0." in run.output
    assert ADDITION_REASON in run.output
    assert not (tmp_path / "s").exists()  # a dry run writes nothing


# --- the same participant twice -----------------------------------------------------------------


@pytest.mark.parametrize("with_pegawai", [True, False])
@pytest.mark.parametrize(
    ("second", "kept", "merged", "rejected"),
    [
        ([9, SITI, "Siti Rahmawati", "DKP", 8.5, "Memuaskan"], ("Memuaskan", 8.5), True, False),
        ([9, "19780312 200312 2 004", "Siti R.", "DKP", 8.5, None], ("Memuaskan", 8.5), True, False),
        ([9, SITI, "Siti Rahmawati", "DKP", 9.0, "Sangat Memuaskan"], ("Memuaskan", 8.5), False, True),
    ],
)
def test_the_same_participant_twice(tmp_path, with_pegawai, second, kept, merged, rejected):
    if with_pegawai:
        (tmp_path / "pegawai.csv").write_text(PEGAWAI, encoding="utf-8")
    write_sheet(tmp_path / "nilai.xlsx", [[1, SITI, "Siti Rahmawati", "DKP", 8.5, "Memuaskan"], second])
    result = load(tmp_path)
    if with_pegawai:
        siti = next(e for e in result.employees if e.nip == SITI)
        records = siti.diklat
        assert result.additions == []
    else:
        records = [d for _, d in result.additions]
    assert [(d.predikat, d.nilai) for d in records] == [kept]
    assert (
        any("peserta ganda, baris digabung" in i.reason and i.row == 7 for i in issues_at(result, WARNING))
        is merged
    )
    assert [(i.row, i.column) for i in result.report.rejected_issues] == (
        [(7, "Nilai Akhir")] if rejected else []
    )
    assert result.report.rejected_rows == int(rejected)


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sheet", "pegawai", "agree"),
    [
        ("Ir. SITI RAHMAWATI, M.Si.", "Siti Rahmawati", True),
        ("Siti Rahmawati", "Siti Rahmawati Putri", True),
        ("M. Yusuf", "Muhammad Yusuf", True),
        ("Moh. Ali Hasan", "Mohammad Ali Hasan", True),
        ("Siti Rahmawaty", "Siti Rahmawati", True),
        ("Muhammad Rizki", "Muhammad Fajar", False),
        ("Dewi Anggraini", "Bagus Prasetyo", False),
    ],
)
def test_names_agree_ignoring_titles_and_case(sheet, pegawai, agree):
    assert names_agree(sheet, pegawai) is agree


# --- the generator ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regency():
    return generate_regency(60, 9)


@pytest.mark.parametrize(("suffix", "scale"), [(".xlsx", 10), (".xlsx", 100), (".csv", 10), (".csv", 100)])
def test_generated_sheets_round_trip(tmp_path, regency, suffix, scale):
    write_demo(regency, tmp_path, "csv")
    sheet = write_score_sheet(regency, tmp_path / f"nilai_ai{suffix}", seed=4, scale=scale, participants=12,
                              outsiders=3, penyelenggara="BPSDM Provinsi")  # fmt: skip
    result = load(tmp_path)
    assert result.report.layouts[sheet.name] == "nilai-pelatihan"
    assert result.report.rejected_rows == 0, result.report.issue_lines(limit=5)
    expected = score_rows(regency, 4, scale=scale, participants=12, outsiders=3)
    scored = {e.nip: d for e in result.employees for d in e.diklat if d.nama == DEFAULT_TITLE}
    assert len(scored) == 12 and len(result.additions) == 3
    assert {nip for nip, _ in result.additions}.isdisjoint(regency.by_nip())
    written = [row[4] for row in expected]
    assert sorted([d.nilai for d in scored.values()] + [d.nilai for _, d in result.additions]) == sorted(
        written
    )
    assert all(d.penyelenggara == "BPSDM Provinsi" and d.tahun == 2025 for d in scored.values())
    assert max(written) <= scale and (scale == 10 or max(written) > 10)  # type: ignore[operator]
    assert not any("nama di lembar nilai berbeda" in i.reason for i in result.report.issues)


def test_generated_sheet_is_byte_identical_for_a_seed(tmp_path, regency):
    a = write_score_sheet(regency, tmp_path / "a.xlsx", seed=3).read_bytes()
    b = write_score_sheet(regency, tmp_path / "b.xlsx", seed=3).read_bytes()
    c = write_score_sheet(regency, tmp_path / "c.xlsx", seed=4).read_bytes()
    assert a == b and a != c


def test_generator_takes_pegawai_rows(tmp_path):
    rows = [{"nip": SITI, "nama": "Siti Rahmawati", "gelar_belakang": "M.Si.", "unit_kerja": "DKP"},
            {"nip": BAGUS, "nama": "Bagus Prasetyo", "unit_kerja": "Kominfo"}]  # fmt: skip
    path = write_score_sheet(rows, tmp_path / "nilai.xlsx", seed=1, scale=100, nip_style="spaced",
                             title="BIMTEK PENYUSUNAN SKP", year=2024)  # fmt: skip
    result = load(path)
    assert sorted(nip for nip, _ in result.additions) == [SITI, BAGUS]
    assert {(d.nama, d.tahun) for _, d in result.additions} == {("BIMTEK PENYUSUNAN SKP", 2024)}
