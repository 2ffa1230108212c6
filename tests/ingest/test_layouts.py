"""Export layouts as data: loading and checking layout files, detection, --layout, and the flat
SIASN / SAPK exports and the SIMPEG multi-table export end to end through load()."""

import csv
import datetime as dt

import openpyxl
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from ingest.layout import LayoutError, detect, get_layout, header_key, load_layout_file, load_layouts
from ingest.loader import load

A = "198703122010011003"
B = "198911302014022006"
C = "199105052015032004"
D = "199208172019031005"
PERSONAL = ("3201234567890001", "Katolik", "Kawin", "Jl. Melati No. 7", "081234567890", "rahasia@mail.id", "Bandung")


def _dump(result) -> str:
    return " ".join(e.model_dump_json() for e in result.employees)


# --- layout files -----------------------------------------------------------------------------


def test_builtin_layouts_load_and_each_names_its_tables():
    layouts = load_layouts()
    assert {"talenta", "siasn-flat", "siasn-json", "sapk", "simpeg", "duk"} <= set(layouts)
    for layout in layouts.values():
        assert layout.title and layout.path is not None and layout.path.suffix == ".toml"


def test_header_keys_ignore_case_spacing_and_camel_case():
    assert header_key("golRuangAkhir") == header_key("GOL_RUANG_AKHIR") == header_key("Gol Ruang Akhir")
    assert header_key("nipBaru") == "nip_baru"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["PNS_ID", "NIP_BARU", "NAMA", "GOL_AKHIR_NAMA", "JENIS_JABATAN_NAMA", "UNOR_NAMA"], "siasn-flat"),
        (["NIP_BARU", "NAMA", "GELAR_BLK", "GOL_NAMA", "TMT_GOL", "TK_PENDIDIKAN"], "sapk"),
        (["nip", "nama", "golongan", "jabatan", "unit_kerja"], "talenta"),
        (["nip", "nama", "jabatan_nama"], "talenta"),  # one shared alias is not enough
    ],
)
def test_detection_by_headers(headers, expected):
    assert detect(headers, suffix=".csv")[0].name == expected


def test_a_layout_for_json_is_not_chosen_for_a_csv():
    keys = ["nipBaru", "golRuangAkhir", "pangkatAkhir", "unorNama", "tkPendidikanTerakhir"]
    assert detect(keys, suffix=".json")[0].name == "siasn-json"
    assert detect(keys, suffix=".csv")[0].name != "siasn-json"


def test_broken_layout_files_are_refused_with_the_file_and_key(tmp_path):
    cases = {
        "no_title.toml": ('name = "x"\n', "kunci 'title' wajib"),
        "bad_table.toml": ('name = "x"\ntitle = "X"\n[tables.gaji]\n', "tabel tidak dikenal"),
        "bad_column.toml": (
            'name = "x"\ntitle = "X"\n[tables.pegawai.columns]\nagama = ["AGAMA"]\n',
            "kolom 'agama' tidak dikenal",
        ),
        "two_columns.toml": (
            'name = "x"\ntitle = "X"\n[tables.pegawai.columns]\nnama = ["N"]\njabatan = ["N"]\n',
            "dipetakan ke dua kolom",
        ),
        "bad_toml.toml": ("name = \n", "TOML tidak valid"),
        "unknown_key.toml": ('name = "x"\ntitle = "X"\nsignatur = ["a"]\n', "kunci tidak dikenal: signatur"),
    }
    for filename, (text, reason) in cases.items():
        path = tmp_path / filename
        path.write_text(text, encoding="utf-8")
        with pytest.raises(LayoutError) as info:
            load_layout_file(path)
        assert filename in str(info.value) and reason in str(info.value)


def test_unknown_layout_name_lists_the_choices():
    with pytest.raises(LayoutError, match="siasn-flat"):
        get_layout("siasn")


# --- a local SIMPEG variant added by an HR admin, without code ---------------------------------

LOCAL_LAYOUT = """
name = "simpeg-kabupaten-contoh"
title = "SIMPEG Kabupaten Contoh (ekspor lama)"
signature = ["nomor_induk", "nama_pns", "pangkat_terakhir", "satker"]
min_matches = 3

[tables.pegawai.columns]
nip = ["NOMOR_INDUK"]
nama = ["NAMA_PNS"]
golongan = ["PANGKAT_TERAKHIR"]
unit_kerja = ["SATKER"]
jabatan = ["JABATAN_SEKARANG"]
"""


def test_a_local_layout_file_is_detected_and_used(tmp_path):
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    (layouts / "lokal.toml").write_text(LOCAL_LAYOUT, encoding="utf-8")
    data = tmp_path / "ekspor.csv"
    data.write_text(
        "NOMOR_INDUK;NAMA_PNS;PANGKAT_TERAKHIR;SATKER;JABATAN_SEKARANG\n"
        f"{A};Bagus Prasetyo;Penata (III/c);Dinas Perikanan;Penyuluh Perikanan\n",
        encoding="utf-8",
    )
    result = load(data, layouts_dir=layouts)
    assert result.report.layouts == {"ekspor.csv": "simpeg-kabupaten-contoh"}
    person = result.employees[0]
    assert (person.nip, person.golongan, person.unit_kerja) == (A, "III/c", "Dinas Perikanan")
    assert ("PANGKAT_TERAKHIR", "golongan") in result.report.mappings["ekspor.csv"]
    # Without the local folder the same file is not understood: nip/nama are missing.
    assert load(data).employees == []


# --- SIASN "Export Data ASN" flat file ------------------------------------------------------------

SIASN_HEADERS = [
    "PNS_ID", "NIP_BARU", "NIP_LAMA", "NAMA", "GELAR_DEPAN", "GELAR_BELAKANG", "TEMPAT_LAHIR_NAMA",
    "TANGGAL_LAHIR", "JENIS_KELAMIN", "AGAMA_ID", "AGAMA_NAMA", "JENIS_KAWIN_NAMA", "NIK", "NOMOR_HP",
    "EMAIL", "ALAMAT", "JENIS_PEGAWAI_NAMA", "KEDUDUKAN_HUKUM_NAMA", "TMT_CPNS", "GOL_AKHIR_ID",
    "GOL_AKHIR_NAMA", "TMT_GOLONGAN", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "TMT_JABATAN",
    "TINGKAT_PENDIDIKAN_NAMA", "PENDIDIKAN_NAMA", "TAHUN_LULUS", "UNOR_NAMA", "UNOR_INDUK_NAMA",
    "SATUAN_KERJA_KERJA_NAMA",
]  # fmt: skip


def _siasn_row(nip, nama, gol, jabatan, jenis, unor, induk, pendidikan, tingkat="S-1/Sarjana"):
    return [
        "A8ACA7", nip, "", nama, "", "", "Bandung", "12-03-1987", "Pria", "1", "Katolik", "Kawin",
        "3201234567890001", "081234567890", "rahasia@mail.id", "Jl. Melati No. 7", "PNS Daerah", "Aktif",
        "01-01-2010", "", gol, "01-04-2022", jenis, jabatan, "02-01-2023", tingkat, pendidikan, "2009",
        unor, induk, "Pemerintah Kabupaten Contoh",
    ]  # fmt: skip


def _write_siasn(path, delimiter="|"):
    rows = [
        _siasn_row(f"'{A}", "Ir. Bagus Prasetyo, M.Si.", "III/c", "Penyuluh Perikanan Ahli Muda",
                   "Jabatan Fungsional Tertentu", "Bidang Budidaya", "Dinas Perikanan", "S-1 PERIKANAN"),
        _siasn_row(B[:8] + " " + B[8:14] + " " + B[14] + " " + B[15:], "Ratna Sari", "Penata Muda Tk.I (III/b)",
                   "Analis Kepegawaian", "Jabatan Fungsional Umum", "Bidang Mutasi", "BKPSDM",
                   "S-1 ADMINISTRASI NEGARA"),
        _siasn_row("12345", "Nomor Rusak", "III/a", "Analis", "Jabatan Fungsional Umum", "Bappeda", "Bappeda", "S-1"),
        _siasn_row(C, "Dewi Anggraini", "III/d", "Pengawas Perikanan", "Jabatan Fungsional Tertentu",
                   "Bidang Pengawasan", "Dinas Perikanan", "S-2 MANAJEMEN SUMBERDAYA PERAIRAN", "S-2"),
    ]  # fmt: skip
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(SIASN_HEADERS)
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("delimiter", ["|", ",", ";"])
def test_siasn_flat_export_lands_with_bom_crlf_and_any_delimiter(tmp_path, delimiter):
    result = load(_write_siasn(tmp_path / "Export Data ASN.csv", delimiter))
    report = result.report
    assert report.layouts == {"Export Data ASN.csv": "siasn-flat"}
    people = {e.nip: e for e in result.employees}
    assert set(people) == {A, B, C}
    bagus = people[A]
    assert (bagus.gelar_depan, bagus.nama, bagus.gelar_belakang) == ("Ir.", "Bagus Prasetyo", "M.Si.")
    assert bagus.golongan == "III/c" and bagus.unit_kerja == "Dinas Perikanan"
    assert bagus.jenis_jabatan == "fungsional" and bagus.jabatan == "Penyuluh Perikanan Ahli Muda"
    assert bagus.tmt_jabatan == dt.date(2023, 1, 2)
    assert [(p.jenjang, p.jurusan) for p in bagus.pendidikan] == [("S1", "S-1 PERIKANAN")]
    assert people[B].golongan == "III/b" and people[B].jenis_jabatan == "pelaksana"
    assert people[C].pendidikan[0].jenjang == "S2"
    # the bad NIP is reported with its place, the others land
    [bad] = report.rejected_issues
    assert (bad.file, bad.row, bad.column, bad.value) == ("Export Data ASN.csv", 4, "NIP_BARU", "12345")
    # personal data: dropped on read, listed, never stored
    dropped = report.dropped_columns["Export Data ASN.csv"]
    for header in ("NIK", "AGAMA_ID", "AGAMA_NAMA", "JENIS_KAWIN_NAMA", "NOMOR_HP", "EMAIL", "ALAMAT",
                   "TEMPAT_LAHIR_NAMA"):  # fmt: skip
        assert header in dropped
    stored = _dump(result)
    for secret in PERSONAL:
        assert secret not in stored
    mapping = dict(report.mappings["Export Data ASN.csv"])
    assert mapping["GOL_AKHIR_NAMA"] == "golongan" and mapping["UNOR_INDUK_NAMA"] == "unit_kerja"


def test_the_layout_can_be_forced(tmp_path):
    path = _write_siasn(tmp_path / "data.csv")
    result = load(path, layout="siasn-flat")
    assert len(result.employees) == 3 and result.report.layouts == {"data.csv": "siasn-flat"}
    with pytest.raises(LayoutError):
        load(path, layout="tidak-ada")


# --- SAPK XLSX ------------------------------------------------------------------------------------


def test_sapk_xlsx_with_upper_case_headers_numeric_golongan_and_a_nip_that_lost_digits(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DATA_PNS"
    ws.append(["NIP_BARU", "NAMA", "GELAR_DEPAN", "GELAR_BLK", "TGL_LHR", "AGAMA", "GOL_ID", "TMT_GOL",
               "JABATAN_NAMA", "ESELON", "JENIS_JABATAN", "UNOR_NAMA", "TK_PENDIDIKAN", "PENDIDIKAN", "THN_LULUS"])  # fmt: skip
    ws.append([A, "Bagus Prasetyo", "", "S.Pi.", dt.datetime(1987, 3, 12), "Islam", 33, "01-04-2022",
               "Kepala Seksi Budidaya", "IV.a", "Struktural", "Dinas Perikanan", "S1", "Perikanan", 2009])  # fmt: skip
    ws.append([float(B), "Ratna Sari", "", "", "30-11-1989", "Islam", "III/b", "",
               "Analis Kepegawaian", "", "JFU", "BKPSDM", "D3", "Administrasi", 2010])  # fmt: skip
    ws.append([C, "Dewi Anggraini", "Dr.", "M.Si.", 32689, "Islam", "Penata Tk.I (III/d)", 44652,
               "Kepala Bidang Pengawasan", "III.b", "Struktural", "Dinas Perikanan", "S3", "Perairan", 2015])  # fmt: skip
    path = tmp_path / "sapk.xlsx"
    wb.save(path)
    result = load(path)
    assert result.report.layouts == {"sapk.xlsx": "sapk"}
    people = {e.nip: e for e in result.employees}
    assert set(people) == {A, C}
    assert people[A].golongan == "III/c" and people[A].jenis_jabatan == "pengawas"
    assert people[A].gelar_belakang == "S.Pi." and people[A].tanggal_lahir == dt.date(1987, 3, 12)
    assert people[C].jenis_jabatan == "administrator" and people[C].tmt_golongan == dt.date(2022, 4, 1)
    assert people[C].tanggal_lahir == dt.date(1989, 6, 30)  # an Excel serial number
    [bad] = result.report.rejected_issues
    assert bad.sheet == "DATA_PNS" and bad.row == 3 and bad.column == "NIP_BARU"
    assert "angka" in bad.reason  # stored as an Excel number: reported, never guessed
    assert "AGAMA" in result.report.dropped_columns["sapk.xlsx/DATA_PNS"]
    assert "Islam" not in _dump(result)


# --- SIMPEG multi-table ----------------------------------------------------------------------------


def _simpeg_workbook(path, with_references=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "pegawai"
    ws.append(["id_pegawai", "nip_baru", "nama", "gol_id", "pendidikan_id", "pendidikan_nama", "jabatan_nama",
               "unor_nama", "status_kawin", "no_hp"])  # fmt: skip
    ws.append([101, A, "Bagus Prasetyo, S.Pi.", 33, 40, "Perikanan", "Penyuluh Perikanan", "Dinas Perikanan",
               "Kawin", "081234567890"])  # fmt: skip
    ws.append([102, B, "Ratna Sari", 32, 99, "Administrasi", "Analis Kepegawaian", "BKPSDM", "Kawin", ""])
    ws.append([103, C, "Dewi Anggraini", 34, 45, "Perairan", "Pengawas Perikanan", "Dinas Perikanan", "", ""])
    jab = wb.create_sheet("riwayat_jabatan")
    jab.append(["id", "id_pegawai", "jabatan_nama", "unor_nama", "tmt_jabatan"])
    jab.append([1, 101, "Penyuluh Perikanan Ahli Pertama", "Dinas Perikanan", "01-02-2015"])
    jab.append([2, 101, "Penyuluh Perikanan Ahli Muda", "Dinas Perikanan", "01-02-2020"])
    jab.append([3, 999, "Jabatan Tanpa Pemilik", "Setda", "01-01-2020"])
    dik = wb.create_sheet("riwayat_diklat")
    dik.append(["pegawai_id", "nama_diklat", "tahun", "jumlah_jam"])
    dik.append([103, "Diklat Pengawasan Sumber Daya Perikanan", 2021, 40])
    kin = wb.create_sheet("kinerja")
    kin.append(["nip", "tahun", "predikat_kinerja", "rating_hasil_kerja", "rating_perilaku_kerja"])
    kin.append([A, 2023, "Baik", "Sesuai Ekspektasi", "Sesuai Ekspektasi"])
    kin.append([A, 2021, "Cukup", "", ""])  # an old (pre-2022) predicate
    box = wb.create_sheet("nine_box")
    box.append(["id_pegawai", "tahun", "kotak"])
    box.append([101, 2023, 8])
    box.append([101, 2024, 9])
    box.append([103, 2024, 7])
    if with_references:
        gol = wb.create_sheet("ref_golongan")
        gol.append(["id", "nama", "pangkat"])
        for row in ([32, "III/b", "Penata Muda Tk.I"], [33, "III/c", "Penata"], [34, "III/d", "Penata Tk.I"]):
            gol.append(row)
        pend = wb.create_sheet("ref_pendidikan")
        pend.append(["kode", "nama"])
        for row in (["40", "S1"], ["45", "S2"]):
            pend.append(row)
    wb.save(path)
    return path


def test_simpeg_workbook_joins_ids_resolves_codes_and_takes_the_latest_nine_box(tmp_path):
    result = load(_simpeg_workbook(tmp_path / "simpeg.xlsx"))
    report = result.report
    assert report.layouts == {"simpeg.xlsx": "simpeg"}
    people = {e.nip: e for e in result.employees}
    assert set(people) == {A, B, C}
    bagus = people[A]
    assert bagus.golongan == "III/c" and bagus.kotak_talenta == 9 and bagus.gelar_belakang == "S.Pi."
    assert [r.jabatan for r in bagus.riwayat_jabatan] == [
        "Penyuluh Perikanan Ahli Pertama",
        "Penyuluh Perikanan Ahli Muda",
    ]
    assert [(p.jenjang, p.jurusan) for p in bagus.pendidikan] == [("S1", "Perikanan")]
    assert [(s.tahun, s.predikat) for s in bagus.skp] == [(2023, "Baik"), (2021, "Butuh Perbaikan")]
    assert people[C].diklat[0].nama == "Diklat Pengawasan Sumber Daya Perikanan"
    assert people[C].kotak_talenta == 7 and people[C].pendidikan[0].jenjang == "S2"
    # code 99 is not in the reference: the level is emptied (with a warning), the programme stays
    assert people[B].golongan == "III/b" and [(p.jenjang, p.jurusan) for p in people[B].pendidikan] == [
        (None, "Administrasi")
    ]
    issues = report.issues
    unlinked = [i for i in issues if i.sheet == "riwayat_jabatan" and i.severity == "ditolak"]
    assert len(unlinked) == 1 and unlinked[0].row == 4 and "999" in unlinked[0].reason
    [code] = [i for i in issues if i.column == "pendidikan_id"]
    assert code.row == 3 and "99" in code.reason and code.severity == "peringatan"
    [old] = [i for i in issues if "predikat lama" in i.reason]
    assert old.sheet == "kinerja" and old.row == 3
    assert not any("referensi" in (i.sheet or "") or "ref_" in (i.sheet or "") for i in issues)
    stored = _dump(result)
    assert "081234567890" not in stored and "Kawin" not in stored


def test_simpeg_as_a_folder_of_csv_files_is_detected_as_a_whole(tmp_path):
    book = openpyxl.load_workbook(_simpeg_workbook(tmp_path / "simpeg.xlsx"))
    folder = tmp_path / "ekspor"
    folder.mkdir()
    for ws in book.worksheets:
        with (folder / f"{ws.title}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)])
    result = load(folder)
    assert set(result.report.layouts.values()) == {"simpeg"}
    people = {e.nip: e for e in result.employees}
    assert set(people) == {A, B, C}
    assert people[A].kotak_talenta == 9 and people[A].golongan == "III/c" and len(people[A].riwayat_jabatan) == 2


def test_simpeg_without_reference_sheets_keeps_known_codes_and_empties_unknown_ones(tmp_path):
    result = load(_simpeg_workbook(tmp_path / "simpeg.xlsx", with_references=False))
    people = {e.nip: e for e in result.employees}
    assert set(people) == {A, B, C}  # nobody is lost over a code column
    assert people[A].golongan == "III/c"  # BKN's numeric golongan code 33 is known
    # '40' is not a jenjang anyone can read without the reference: emptied, said once for the table
    assert people[A].pendidikan[0].jenjang is None
    [note] = [i for i in result.report.issues if i.column == "pendidikan_id"]
    assert note.severity == "peringatan" and note.row is None and "referensi" in note.reason


# --- the CLI --------------------------------------------------------------------------------------


def test_layouts_command_lists_the_layouts(tmp_path, monkeypatch):
    monkeypatch.setenv("TALENTA_DATA_DIR", str(tmp_path / "store"))
    result = CliRunner().invoke(app, ["layouts"])
    assert result.exit_code == 0, result.output
    for name in ("siasn-flat", "siasn-json", "sapk", "simpeg", "duk", "talenta"):
        assert name in result.output


def test_dry_run_prints_the_layout_and_the_column_mapping_and_writes_nothing(tmp_path, monkeypatch):
    store = tmp_path / "store"
    monkeypatch.setenv("TALENTA_DATA_DIR", str(store))
    path = _write_siasn(tmp_path / "export.csv")
    result = CliRunner().invoke(app, ["ingest", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Format: siasn-flat (export.csv)" in result.output
    assert "GOL_AKHIR_NAMA -> golongan" in result.output
    assert "Pegawai dimuat: 3" in result.output and "NIP_BARU" in result.output
    assert not store.exists()
    bad = CliRunner().invoke(app, ["ingest", str(path), "--dry-run", "--layout", "tidak-ada"])
    assert bad.exit_code == 2 and "tidak dikenal" in bad.output


def test_xlsx_report_keeps_the_nip_as_text(tmp_path):
    result = load(_write_siasn(tmp_path / "export.csv"))
    result.report.issues.append(result.report.issues[0].__class__(
        "export.csv", None, 9, "NIP_BARU", "x", "contoh", A, "ditolak"))  # fmt: skip
    path = result.report.write(tmp_path / "laporan.xlsx")
    ws = openpyxl.load_workbook(path)["laporan"]
    header = [c.value for c in ws[1]]
    assert header == ["file", "sheet", "baris", "kolom", "nilai", "alasan", "nip", "tingkat"]
    last = [c for c in ws[ws.max_row]]
    assert last[6].value == A and last[6].data_type == "s"
    assert ws["C2"].value == 4


def test_a_few_export_columns_without_a_detected_layout_are_still_read(tmp_path):
    # Too few columns to call it SIASN, but every layout that knows GOL_AKHIR_NAMA means golongan.
    path = tmp_path / "sebagian.csv"
    path.write_text(f"NIP_BARU;NAMA;GOL_AKHIR_NAMA;JABATAN_NAMA\n{A};Bagus;III/c;Penyuluh Perikanan\n", encoding="utf-8")
    result = load(path)
    assert result.report.layouts == {"sebagian.csv": "talenta"}
    assert result.employees[0].golongan == "III/c" and not result.report.unknown_columns
