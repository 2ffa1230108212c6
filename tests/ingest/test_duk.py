"""The DUK workbook: title rows, a two-row merged header, one sheet per unit, continuation rows, a footer."""

import datetime as dt

import openpyxl
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from ingest.duk import DukTable, find_unit, unit_name
from ingest.loader import load
from ingest.readers import XlsxSheet, is_column_numbers, read_header

SITI = "197803122003122004"
BAGUS = "198703122010011003"
DEWI = "199105052015032004"

TOP = ["No", "Nama", "NIP", "Pangkat", None, "Jabatan", None, "Masa Kerja", None, "Latihan Jabatan", None, None,
       "Pendidikan", None, None, "Usia", "Catatan Mutasi"]  # fmt: skip
SUB = [None, None, None, "Gol. Ruang", "TMT", "Nama", "TMT", "Thn", "Bln", "Nama", "Bulan dan Tahun", "Jumlah Jam",
       "Nama", "Lulus Tahun", "Tingkat Ijazah", None, None]  # fmt: skip
MERGED = ["D{r}:E{r}", "F{r}:G{r}", "H{r}:I{r}", "J{r}:L{r}", "M{r}:O{r}"]
VERTICAL = "ABCPQ"  # No, Nama, NIP, Usia, Catatan Mutasi span both header rows


def _sheet(wb, title, titles, people, numbers=True, footer=()):
    """A DUK sheet: title rows, a blank row, the two-row header (+ column numbers), people, footer."""
    ws = wb.create_sheet(title)
    for text in titles:
        ws.append([text])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(TOP))
    ws.append([])
    ws.append(TOP)
    top = ws.max_row
    ws.append(SUB)
    for span in MERGED:
        ws.merge_cells(span.format(r=top))
    for col in VERTICAL:
        ws.merge_cells(f"{col}{top}:{col}{top + 1}")
    if numbers:
        ws.append(list(range(1, len(TOP) + 1)))
    for row in people:
        ws.append(row)
    for row in footer:
        ws.append(row)
    return ws


def _row(
    no, nama, nip, gol, tmt_gol, jabatan, tmt_jab, diklat=(None, None, None), pendidikan=(None, None, None)
):
    return [no, nama, nip, gol, tmt_gol, jabatan, tmt_jab, 10, 2, *diklat, *pendidikan, 40, None]


def _continuation(diklat=(None, None, None), pendidikan=(None, None, None), jabatan=None):
    return [None, None, None, None, None, jabatan, None, None, None, *diklat, *pendidikan, None, None]


@pytest.fixture
def duk_file(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = _sheet(
        wb,
        "Dinas Perikanan",
        [
            "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL",
            "DINAS PERIKANAN KABUPATEN CONTOH",
            "KEADAAN 31 DESEMBER 2025",
        ],  # fmt: skip
        [
            # row 8: titles inside the name, golongan with its pangkat, TMT as dd-mm-yyyy text
            _row(
                1,
                "Ir. Siti Rahmawati, M.Si.",
                "19780312 200312 2 004",
                "Penata (III/c)",
                "01-04-2020",
                "Kepala Seksi Perikanan Tangkap",
                dt.datetime(2021, 1, 4),
                ("Diklatpim IV", "Mei 2019", 285),
                ("Ilmu Kelautan", 2001, "S1"),
            ),  # fmt: skip
            # row 9: a second training and education under the same person
            _continuation(
                ("Pelatihan Teknis Perikanan", "05-2022", 40), ("Magister Sains Perikanan", 2010, "S2")
            ),
            # row 10
            _row(
                2,
                "Bagus Prasetyo",
                "19870312 201001 1 003",
                "III/b",
                dt.datetime(2019, 4, 1),
                "Analis Kebijakan",
                "02-01-2020",
                pendidikan=("Ekonomi Pembangunan", 2009, "S1"),
            ),  # fmt: skip
            # row 11: the NIP went through Excel as a number and lost its last digits
            _row(
                3,
                "Rudi Hartono",
                199001012015031000,
                "III/a",
                "01-03-2015",
                "Pengelola Data",
                "01-03-2015",
                ("Latsar CPNS", "2016", 100),
            ),  # fmt: skip
        ],
        footer=[
            [],
            ["Jumlah: 3 orang"],
            [],
            [None] * 12 + ["Contoh, 31 Desember 2025"],
            [None] * 12 + ["Mengetahui,"],
            [None] * 12 + ["Kepala Dinas Perikanan"],
            [],
            [None, "Drs. H. Ahmad Fauzi, M.Si"],
            [None, "Pembina Utama Muda (IV/c)"],
            [None, "NIP. 19650101 199003 1 001"],
        ],  # fmt: skip
    )
    ws.merge_cells("A8:A9")
    ws.merge_cells("B8:B9")
    ws.merge_cells("C8:C9")
    _sheet(
        wb,
        "Setda",
        ["DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL", "KEADAAN 31 DESEMBER 2025"],
        [
            _row(
                1,
                "Dewi Lestari, S.E.",
                DEWI,
                "III/a",
                "01-03-2019",
                "Analis Keuangan",
                "01-03-2019",
                ("Pelatihan Pengadaan Barang/Jasa", dt.datetime(2021, 8, 1), "32"),
                ("Akuntansi", 2013, "S1"),
            )
        ],  # fmt: skip
        numbers=False,
    )
    path = tmp_path / "duk.xlsx"
    wb.save(path)
    return path


def _by_nip(result):
    return {e.nip: e for e in result.employees}


def test_duk_workbook_is_detected_and_people_land_with_unit_rank_and_records(duk_file):
    result = load(duk_file)
    report = result.report
    assert report.layouts == {"duk.xlsx": "duk"}
    people = _by_nip(result)
    assert sorted(people) == sorted([SITI, BAGUS, DEWI])
    siti, bagus, dewi = people[SITI], people[BAGUS], people[DEWI]
    assert "Siti Rahmawati" in siti.nama
    assert siti.unit_kerja == "Dinas Perikanan"  # named by the title row, spelled like the sheet
    assert dewi.unit_kerja == "Setda"  # no unit in the titles: the sheet name
    assert (siti.golongan, siti.tmt_golongan) == ("III/c", dt.date(2020, 4, 1))
    assert (bagus.golongan, bagus.tmt_golongan) == ("III/b", dt.date(2019, 4, 1))
    assert (siti.jabatan, siti.tmt_jabatan) == ("Kepala Seksi Perikanan Tangkap", dt.date(2021, 1, 4))
    assert [(d.nama, d.tahun, d.jam_pelajaran) for d in siti.diklat] == [
        ("Diklatpim IV", 2019, 285),
        ("Pelatihan Teknis Perikanan", 2022, 40),
    ]
    assert [(d.nama, d.tahun, d.jam_pelajaran) for d in dewi.diklat] == [
        ("Pelatihan Pengadaan Barang/Jasa", 2021, 32)
    ]
    assert bagus.diklat == []
    assert sorted((p.jenjang.value, p.jurusan, p.tahun_lulus) for p in siti.pendidikan) == [
        ("S1", "Ilmu Kelautan", 2001),
        ("S2", "Magister Sains Perikanan", 2010),
    ]
    assert [(p.jenjang.value, p.tahun_lulus) for p in dewi.pendidikan] == [("S1", 2013)]


def test_duk_bad_nip_is_reported_with_sheet_row_and_column_and_the_footer_is_not_a_person(duk_file):
    report = load(duk_file).report
    rejected = report.rejected_issues
    assert [(i.sheet, i.row, i.column) for i in rejected] == [("Dinas Perikanan", 11, "NIP")]
    assert "kehilangan digit" in rejected[0].reason
    assert report.rejected_rows == 1
    # nothing from the footer or the signature block (rows 12-21) is reported, not even as a warning
    assert [i for i in report.issues if i.row is not None and i.row >= 12] == []
    assert report.warnings == []


def test_duk_mapping_says_where_the_unit_came_from(duk_file):
    mappings = load(duk_file).report.mappings
    perikanan = dict(mappings["duk.xlsx/Dinas Perikanan"])
    assert perikanan["Unit Kerja (judul baris 2)"] == "unit_kerja"
    assert perikanan["Pangkat Gol. Ruang"] == "golongan"
    assert perikanan["Pangkat TMT"] == "tmt_golongan"
    assert perikanan["Pendidikan Tingkat Ijazah"] == "pendidikan_jenjang"
    assert "Latihan Jabatan Nama" not in perikanan  # the training lives in its own table
    assert dict(mappings["duk.xlsx/Dinas Perikanan (diklat)"])["Latihan Jabatan Bulan dan Tahun"] == "tahun"
    assert dict(mappings["duk.xlsx/Setda"])["Unit Kerja (nama sheet)"] == "unit_kerja"


def test_duk_is_detected_without_column_number_row_and_forced_layout_reads_the_same(duk_file):
    forced = load(duk_file, layout="duk")
    assert sorted(e.nip for e in forced.employees) == sorted([SITI, BAGUS, DEWI])


def test_continuation_row_that_cannot_be_attached_is_a_warning(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(
        wb,
        "BKPSDM",
        [
            "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL",
            "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM",
            "KEADAAN 2025",
        ],
        [
            _continuation(("Orientasi", "2020", 20)),  # row 8: nobody above it
            _row(1, "Bagus Prasetyo", BAGUS, "III/b", "01-04-2019", "Analis", "02-01-2020"),  # row 9
            _continuation(jabatan="Sub Bagian Umum", diklat=("Diklat Teknis", "2021", 30)),  # row 10
            [],
            _continuation(("Bimtek", "2022", 16)),  # row 12: after a blank row
            _row(
                2,
                "Siti Rahmawati",
                "19780312 200312 2 004",
                "IV/a",
                "01-04-2022",
                "Kepala Bidang",
                "01-01-2022",
            ),
            _row(3, "Rudi Hartono", 199001012015031000, "III/a", "01-03-2015", "Pengelola", "01-03-2015"),
            _continuation(("Latsar", "2016", 100)),  # row 15: under a person rejected for the NIP
        ],
    )
    path = tmp_path / "bkpsdm.xlsx"
    wb.save(path)
    result = load(path)
    people = _by_nip(result)
    assert people[BAGUS].unit_kerja == "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM"
    assert [d.nama for d in people[BAGUS].diklat] == ["Diklat Teknis"]
    assert people[SITI].diklat == []
    warnings = [(i.row, i.column) for i in result.report.warnings]
    assert warnings == [(8, None), (10, "Jabatan Nama"), (12, None), (15, None)]
    assert [(i.row, i.column) for i in result.report.rejected_issues] == [(14, "NIP")]


def test_cli_dry_run_names_the_duk_format(duk_file, tmp_path):
    run = CliRunner().invoke(
        app, ["ingest", str(duk_file), "--dry-run"], env={"TALENTA_DATA_DIR": str(tmp_path / "s")}
    )
    assert run.exit_code == 0, run.output
    assert "Format: duk" in run.output
    assert "Unit Kerja (judul baris 2) -> unit_kerja" in run.output


# --- the header join, table-driven ------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "header", "data_at"),
    [
        # a one-row header is left alone, even when the first data row has no NIP
        ([["nip", "nama", "jabatan"], [None, "Bagus", "Analis"]], ["nip", "nama", "jabatan"], 1),
        ([["nip", "nama", None], [None, None, "catatan"]], ["nip", "nama", None], 1),
        # a merged parent over labels, a vertical merge kept alone, the column numbers skipped
        (
            [
                ["NIP", "Nama", "Pangkat", None, "Usia"],
                [None, None, "Gol. Ruang", "TMT", None],
                [1, 2, 3, 4, 5],
            ],
            ["NIP", "Nama", "Pangkat Gol. Ruang", "Pangkat TMT", "Usia"],
            3,
        ),
        (
            [["NIP", "Pendidikan", None, None, None, "X"], [None, "Nama", "Lulus  Tahun", None, None, None]],
            ["NIP", "Pendidikan Nama", "Pendidikan Lulus Tahun", None, None, "X"],
            2,
        ),
    ],
)
def test_read_header(rows, header, data_at):
    numbered = [(n, list(cells)) for n, cells in enumerate(rows, start=1)]
    assert read_header(numbered, 0) == (header, data_at)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ([1, 2, 3, 4], True),
        (["1", "2", "3"], True),
        ([None, 1, None, 2, 3], True),
        ([1, 2], False),
        ([1, 3, 4], False),
        ([1, "Bagus", 3], False),
        ([2015, 2016, 2017], False),
    ],  # fmt: skip
)
def test_is_column_numbers(cells, expected):
    assert is_column_numbers(cells) is expected


def test_duk_tables_have_their_own_labels(duk_file):
    from ingest.readers import ReadOptions, read_xlsx

    tables, _ = read_xlsx(duk_file, "duk.xlsx", ReadOptions())
    assert all(isinstance(t, DukTable) for t in tables)
    assert [t.label for t in tables] == [
        "duk.xlsx/Dinas Perikanan",
        "duk.xlsx/Dinas Perikanan (diklat)",
        "duk.xlsx/Dinas Perikanan (pendidikan)",
        "duk.xlsx/Setda",
        "duk.xlsx/Setda (diklat)",
    ]


@pytest.mark.parametrize(
    ("title", "sheet", "unit"),
    [
        ("DINAS PERIKANAN KABUPATEN CONTOH", "Dinas Perikanan", "Dinas Perikanan"),
        (
            "BADAN PERENCANAAN PEMBANGUNAN DAERAH KABUPATEN CONTOH",
            "Badan Perencanaan Pembangunan D",
            "Badan Perencanaan Pembangunan Daerah",
        ),  # fmt: skip
        (
            "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM",
            "Badan Kepegawaian dan",
            "Badan Kepegawaian dan Pengembangan SDM",
        ),
        ("DINAS PENDIDIKAN DAN KEBUDAYAAN", "Dinas Pendidikan", "Dinas Pendidikan dan Kebudayaan"),
        ("SEKRETARIAT DAERAH", "Setda", "SEKRETARIAT DAERAH"),  # not the same name: kept as written
        ("Dinas Sosial Kabupaten Contoh", "Dinas Sosial", "Dinas Sosial Kabupaten Contoh"),
    ],
)
def test_unit_name(title, sheet, unit):
    assert unit_name(title, sheet) == unit


def test_duk_under_a_letterhead_is_found_below_row_10(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    letterhead = ["PEMERINTAH KABUPATEN CONTOH", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM", "Jl. Merdeka No. 1",
                  "Telepon (0000) 123456", "", "", "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL",
                  "DINAS SOSIAL KABUPATEN CONTOH", "KEADAAN 31 DESEMBER 2025"]  # fmt: skip
    _sheet(
        wb,
        "Dinas Sosial",
        letterhead,
        [_row(1, "Bagus Prasetyo", BAGUS, "III/b", "01-04-2019", "Analis", None)],
    )
    path = tmp_path / "duk_kop.xlsx"
    wb.save(path)
    result = load(path)
    assert result.report.layouts == {"duk_kop.xlsx": "duk"}
    assert [(e.nip, e.unit_kerja) for e in result.employees] == [(BAGUS, "Dinas Sosial")]


@pytest.mark.parametrize(
    ("titles", "sheet", "unit", "header"),
    [
        (
            [
                "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL",
                "DINAS PERIKANAN KABUPATEN CONTOH",
                "KEADAAN 2025",
            ],
            "Dinas Perikanan",
            "Dinas Perikanan",
            "Unit Kerja (judul baris 2)",
        ),  # fmt: skip
        (
            ["DAFTAR URUT KEPANGKATAN PNS DI LINGKUNGAN DINAS SOSIAL"],
            "Sheet1",
            "DINAS SOSIAL",
            "Unit Kerja (judul baris 1)",
        ),  # fmt: skip
        (
            [
                "PEMERINTAH KABUPATEN CONTOH",
                "DAFTAR URUT KEPANGKATAN",
                "UNIT KERJA : INSPEKTORAT",
                "SEMESTER II 2025",
            ],
            "Inspektorat",
            "Inspektorat",
            "Unit Kerja (judul baris 3)",
        ),  # fmt: skip
        (
            ["DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL", "KEADAAN 31 DESEMBER 2025"],
            "Setda",
            "Setda",
            "Unit Kerja (nama sheet)",
        ),  # fmt: skip
        (["DAFTAR URUT KEPANGKATAN"], "Sheet1", None, "Unit Kerja"),
    ],
)
def test_find_unit(titles, sheet, unit, header):
    rows = [(n, [text]) for n, text in enumerate(titles, start=1)] + [(len(titles) + 1, ["NIP", "Nama"])]
    found = find_unit(XlsxSheet(sheet, rows, len(titles), ["NIP", "Nama"], len(titles) + 1))
    assert found == (unit, header)
