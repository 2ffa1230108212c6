"""Reading files: CSV dialects and encodings, XLSX sheets and cell types, JSON shapes, discovery."""

import datetime as dt
import json

import openpyxl
import pytest

from ingest.loader import load
from ingest.readers import discover, read_delimited, sniff_delimiter

A = "198703122010011003"  # Bagus, male
B = "198911302014022006"  # Ratna, female
C = "199105052015032004"


def nips(result):
    return [e.nip for e in result.employees]


def rejected(result):
    return [i for i in result.report.issues if i.severity == "ditolak"]


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "|", "\t"])
def test_sniff_delimiter(delimiter):
    text = (
        delimiter.join(["nip", "nama", "jabatan"]) + "\n" + delimiter.join([A, "Bagus, S.Pi", "12,5"]) + "\n"
    )
    if delimiter == ",":
        text = 'nip,nama,jabatan\n198703122010011003,"Bagus, S.Pi",Analis\n'
    assert sniff_delimiter(text) == delimiter


@pytest.mark.parametrize("delimiter", [";", "|", "\t"])
def test_csv_with_other_delimiters(tmp_path, delimiter):
    rows = [["nip", "nama", "unit_kerja"], [A, "Bagus", "Dinas Perikanan"], [B, "Ratna", "Bappeda, Bidang 2"]]
    (tmp_path / "pegawai.csv").write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    result = load(tmp_path / "pegawai.csv")
    assert nips(result) == [A, B]
    assert result.employees[1].unit_kerja == "Bappeda, Bidang 2"


def test_csv_bom_crlf(tmp_path):
    data = f"nip,nama,jabatan\r\n{A},Bagus Prasetyo,Analis\r\n{B},Ratna,Pengawas Perikanan\r\n"
    (tmp_path / "pegawai.csv").write_bytes(data.encode("utf-8-sig"))
    result = load(tmp_path / "pegawai.csv")
    assert nips(result) == [A, B]
    assert result.employees[0].nama == "Bagus Prasetyo"
    assert result.report.unknown_columns == {}


def test_csv_cp1252(tmp_path):
    data = f"nip;nama;jabatan\n{A};Andrés Pérez;Analis – Kebijakan\n"
    (tmp_path / "pegawai.csv").write_bytes(data.encode("cp1252"))
    result = load(tmp_path / "pegawai.csv")
    assert result.employees[0].nama == "Andrés Pérez"
    assert result.employees[0].jabatan == "Analis – Kebijakan"


def test_csv_utf16_unicode_text(tmp_path):
    data = f"nip\tnama\n{A}\tBagus\n"
    (tmp_path / "pegawai.txt").write_bytes(data.encode("utf-16"))
    assert nips(load(tmp_path / "pegawai.txt")) == [A]


def test_nip_with_apostrophe_and_spaces_stay_text(tmp_path):
    data = f"nip,nama\n'{A},Bagus\n19891130 201402 2 006,Ratna\n"
    (tmp_path / "pegawai.csv").write_text(data, encoding="utf-8")
    assert nips(load(tmp_path / "pegawai.csv")) == [A, B]


def test_row_numbers_are_spreadsheet_rows_despite_multiline_cells(tmp_path):
    data = f'nip,nama,ringkasan\n{A},Bagus,"baris satu\nbaris dua"\n12345,Rusak,x\n'
    path = tmp_path / "pegawai.csv"
    path.write_text(data, encoding="utf-8")
    table = read_delimited(path, "pegawai.csv")[0][0]
    assert [r.row for r in table.rows] == [2, 3]
    result = load(path)
    assert [(i.row, i.column) for i in rejected(result)] == [(3, "nip")]
    assert result.employees[0].ringkasan == "baris satu baris dua"


def test_title_rows_above_the_csv_header(tmp_path):
    data = (
        f"DAFTAR PEGAWAI DINAS PERIKANAN\nTahun 2024\n\nNIP,Nama Pegawai,Jabatan\n{A},Bagus,Analis\n12,X,Y\n"
    )
    (tmp_path / "data_pegawai.csv").write_text(data, encoding="utf-8")
    result = load(tmp_path / "data_pegawai.csv")
    assert nips(result) == [A]
    assert [i.row for i in rejected(result)] == [6]


def test_unrecognised_csv_is_a_warning_and_skipped(tmp_path):
    (tmp_path / "pegawai.csv").write_text(f"nip,nama\n{A},Bagus\n", encoding="utf-8")
    (tmp_path / "anggaran.csv").write_text("kode,jumlah\n1,2\n", encoding="utf-8")
    result = load(tmp_path)
    assert nips(result) == [A]
    (issue,) = result.report.issues
    assert (
        issue.file == "anggaran.csv" and issue.severity == "peringatan" and "tidak dikenali" in issue.reason
    )
    assert result.report.files == ["pegawai.csv"]


def test_file_stem_names_the_table(tmp_path):
    (tmp_path / "pegawai.csv").write_text(f"nip,nama\n{A},Bagus\n", encoding="utf-8")
    (tmp_path / "Riwayat Diklat.csv").write_text(
        f"NIP,Nama Diklat,Tahun\n{A},Diklat PIM IV,2019\n", encoding="utf-8"
    )
    (tmp_path / "rw-jabatan.csv").write_text(
        f"nip_baru,jabatan_nama,tmt_jabatan\n{A},Analis,01-03-2019\n", "utf-8"
    )
    employee = load(tmp_path).employees[0]
    assert [(d.nama, d.tahun) for d in employee.diklat] == [("Diklat PIM IV", 2019)]
    assert [(j.jabatan, j.tmt_mulai) for j in employee.riwayat_jabatan] == [("Analis", dt.date(2019, 3, 1))]


# --- XLSX -------------------------------------------------------------------------------------


def _workbook(path, sheets: dict[str, list[list]]):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_xlsx_multi_sheet_with_title_rows_number_nips_and_dates(tmp_path):
    path = _workbook(
        tmp_path / "talenta.xlsx",
        {
            "pegawai": [
                ["DAFTAR PEGAWAI"],
                [],
                ["NIP", "Nama", "Tanggal Lahir", "Golongan", "TMT CPNS", "NIK"],
                [A, "Bagus", dt.datetime(1987, 3, 12), "Penata (III/c)", 40179, "3201010101010001"],
                [float(B), "Ratna", "30-11-1989", 33, "01-02-2014", "3201010101010002"],
                [C, "Dewi", 33363.0, "III/d", dt.date(2015, 3, 1), "3201010101010003"],
            ],
            "Riwayat Jabatan": [
                ["nip", "jabatan", "jenis_jabatan", "eselon", "tmt_mulai"],
                [A, "Kepala Seksi", "Struktural", "IV.a", dt.datetime(2018, 1, 2)],
                [C, "Analis", "fungsional", None, 43466],
            ],
            "_meta": [["generator", "x"]],
        },
    )
    result = load(path)
    assert nips(result) == [A, C]
    bagus, dewi = result.employees
    assert bagus.tanggal_lahir == dt.date(1987, 3, 12)
    assert bagus.tmt_cpns == dt.date(2010, 1, 1)
    assert bagus.golongan == "III/c"
    assert bagus.riwayat_jabatan[0].jenis_jabatan == "pengawas"
    assert dewi.tanggal_lahir == dt.date(1991, 5, 5)
    assert dewi.riwayat_jabatan[0].tmt_mulai == dt.date(2019, 1, 1)
    (nip_issue,) = [i for i in rejected(result) if i.column == "NIP"]
    assert nip_issue.sheet == "pegawai" and nip_issue.row == 5
    assert "NIP tersimpan sebagai angka dan kehilangan digit" in nip_issue.reason
    assert result.report.dropped_columns == {"talenta.xlsx/pegawai": ["NIK"]}
    assert "3201010101010001" not in repr(result)
    line = [x for x in result.report.issue_lines() if "kehilangan digit" in x][0]
    assert line.startswith("talenta.xlsx, sheet pegawai, baris 5, kolom NIP:")


def test_flat_xlsx_sheet_with_education_columns(tmp_path):
    path = _workbook(
        tmp_path / "export_asn.xlsx",
        {"Sheet1": [["NIP Baru", "Nama", "Pendidikan Terakhir", "Jurusan", "Tahun Lulus", "Unit Kerja"],
                    [A, "Bagus", "S-1", "Budidaya Perairan", 2009, "Dinas Perikanan"],
                    [B, "Ratna", None, None, None, "Bappeda"]]},
    )  # fmt: skip
    result = load(path)
    assert nips(result) == [A, B]
    (pend,) = result.employees[0].pendidikan
    assert (pend.jenjang, pend.jurusan, pend.tahun_lulus) == ("S1", "Budidaya Perairan", 2009)
    assert result.employees[1].pendidikan == []


def test_single_sheet_workbook_named_by_file(tmp_path):
    _workbook(tmp_path / "pegawai.xlsx", {"Sheet1": [["nip", "nama"], [A, "Bagus"]]})
    _workbook(tmp_path / "skp.xlsx", {"Sheet1": [["nip", "tahun", "predikat"], [A, 2023, "Sangat Baik"]]})
    (employee,) = load(tmp_path).employees
    assert employee.skp[0].predikat == "Sangat Baik"


def test_unknown_sheet_is_reported(tmp_path):
    path = _workbook(tmp_path / "talenta.xlsx",
                     {"pegawai": [["nip", "nama"], [A, "Bagus"]], "Petunjuk": [["Isi data di sheet pegawai"]]})  # fmt: skip
    result = load(path)
    assert nips(result) == [A]
    assert [(i.sheet, i.severity) for i in result.report.issues] == [("Petunjuk", "peringatan")]


# --- JSON -------------------------------------------------------------------------------------


def test_json_list(tmp_path):
    people = [
        {"nip": A, "nama": "Bagus", "diklat": [{"nama": "PIM IV", "tahun": 2019}]},
        {"nipBaru": B, "nama": "Ratna"},
    ]
    (tmp_path / "pegawai.json").write_text(json.dumps(people), encoding="utf-8")
    result = load(tmp_path / "pegawai.json")
    assert nips(result) == [A, B]
    assert result.employees[0].diklat[0].nama == "PIM IV"


@pytest.mark.parametrize("key", ["data", "pegawai"])
def test_json_envelope(tmp_path, key):
    doc = {"success": True, key: [{"nip": A, "nama": "Bagus"}]}
    (tmp_path / "x.json").write_text(json.dumps(doc), encoding="utf-8")
    assert nips(load(tmp_path / "x.json")) == [A]


def test_json_single_object(tmp_path):
    (tmp_path / "satu.json").write_text(json.dumps({"nip": A, "nama": "Bagus"}), encoding="utf-8")
    assert nips(load(tmp_path / "satu.json")) == [A]


def test_json_with_one_list_per_table(tmp_path):
    doc = {"pegawai": [{"nip": A, "nama": "Bagus"}], "skp": [{"nip": A, "tahun": "2023", "predikat": "Baik"}]}
    (tmp_path / "talenta.json").write_text(json.dumps(doc), encoding="utf-8")
    (employee,) = load(tmp_path / "talenta.json").employees
    assert employee.skp[0].tahun == 2023


def test_invalid_json_file_is_reported(tmp_path):
    (tmp_path / "pegawai.json").write_text('[{"nip": "1"', encoding="utf-8")
    result = load(tmp_path / "pegawai.json")
    assert result.employees == []
    assert "JSON tidak valid" in result.report.issues[0].reason


def test_jsonl_bad_line_is_rejected_and_the_rest_loads(tmp_path):
    lines = [
        json.dumps({"nip": A, "nama": "Bagus"}),
        "{nip: rusak",
        "",
        json.dumps({"nip": B, "nama": "Ratna"}),
    ]
    (tmp_path / "pegawai.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load(tmp_path / "pegawai.jsonl")
    assert nips(result) == [A, B]
    (issue,) = result.report.issues
    assert (issue.row, issue.severity) == (2, "ditolak") and "JSON tidak valid" in issue.reason
    assert result.report.rejected_rows == 1 and result.report.rows_read == 3


def test_nested_bad_item_is_rejected_alone(tmp_path):
    person = {
        "nip": A,
        "nama": "Bagus",
        "agama": "Islam",
        "rw-diklat": [{"nama_diklat": "PIM IV", "tahun": 2019}, {"nama_diklat": "Teknis", "tahun": "dulu"}],
        "riwayat_jabatan": [
            {"jabatan": "Analis", "tmt_mulai": "01-03-2019", "alamat_kantor": "Jl. Rahasia 1"}
        ],
        "pendidikan": "Data tidak ditemukan",
        "skp": [{"tahun": 2023, "predikat_kinerja": "Sangat Baik", "nip": B}],
    }
    (tmp_path / "pegawai.jsonl").write_text(json.dumps(person) + "\n", encoding="utf-8")
    result = load(tmp_path / "pegawai.jsonl")
    (employee,) = result.employees
    assert [d.nama for d in employee.diklat] == ["PIM IV"]
    assert employee.riwayat_jabatan[0].tmt_mulai == dt.date(2019, 3, 1)
    assert employee.skp == []
    columns = {i.column: i for i in rejected(result)}
    assert set(columns) == {"rw-diklat[2].tahun", "skp[1].nip"}
    assert columns["rw-diklat[2].tahun"].nip == A and columns["rw-diklat[2].tahun"].row == 1
    assert result.report.dropped_columns == {"pegawai.jsonl": ["agama", "riwayat_jabatan[].alamat_kantor"]}
    assert "Islam" not in repr(result) and "Rahasia" not in repr(result)


def test_message_string_instead_of_a_list_is_a_warning(tmp_path):
    person = {"nip": A, "nama": "Bagus", "diklat": "Layanan sedang gangguan"}
    (tmp_path / "p.json").write_text(json.dumps([person]), encoding="utf-8")
    result = load(tmp_path / "p.json")
    assert nips(result) == [A]
    (issue,) = result.report.issues
    assert issue.severity == "peringatan" and issue.column == "diklat"


# --- discovery --------------------------------------------------------------------------------


def test_discover_skips_hidden_meta_and_docs(tmp_path):
    (tmp_path / "_meta").mkdir()
    (tmp_path / "_meta" / "pegawai.csv").write_text("nip,nama\n1,x\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "pegawai.csv").write_text("x", encoding="utf-8")
    (tmp_path / "_draft.csv").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("# data", encoding="utf-8")
    (tmp_path / "README.txt").write_text("data", encoding="utf-8")
    (tmp_path / "lama.xls").write_bytes(b"\xd0\xcf")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pegawai.csv").write_text("nip,nama\n", encoding="utf-8")
    files, notes = discover(tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["sub/pegawai.csv"]
    (note,) = notes
    assert note.file == "lama.xls" and ".xlsx" in note.reason


def test_siasn_camel_case_keys_resolve_and_sensitive_ones_drop(tmp_path):
    person = {
        "nipBaru": A,
        "nama": "Bagus",
        "gelarDepan": "Ir.",
        "tglLahir": "12-03-1987",
        "unorNama": "Dinas Perikanan",
        "tempatLahir": "Semarang",
        "noHp": "0812999888",
        "statusPerkawinan": "Kawin",
        "rw-pendidikan": [{"tingkatPendidikan": "S2", "tahunLulus": "2014"}],
    }
    (tmp_path / "siasn.json").write_text(json.dumps({"code": 1, "data": person}), encoding="utf-8")
    result = load(tmp_path / "siasn.json")
    (employee,) = result.employees
    assert (employee.gelar_depan, employee.unit_kerja, employee.tanggal_lahir) == (
        "Ir.",
        "Dinas Perikanan",
        dt.date(1987, 3, 12),
    )
    assert [(p.jenjang, p.tahun_lulus) for p in employee.pendidikan] == [("S2", 2014)]
    assert result.report.dropped_columns == {"siasn.json": ["tempatLahir", "noHp", "statusPerkawinan"]}
    for secret in ("Semarang", "0812999888", "Kawin"):
        assert secret not in repr(result)


def test_fast_sheet_reader_matches_openpyxl(tmp_path):
    from ingest.readers import _openpyxl_rows, sheet_rows

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "pegawai"
    ws["A1"] = "Judul"
    ws.append([])
    ws.append(["nip", "nama", "tanggal", "angka", "pecahan", "bool", "rumus"])
    ws.append([A, "Bagus", dt.datetime(1987, 3, 12), 42, 12.5, True, "=1+1"])
    ws["C5"] = dt.date(2020, 1, 31)
    ws["G5"] = '="teks"'
    ws["B8"] = "jarang"
    ws["D8"] = 31848
    ws["C8"] = dt.datetime(2019, 3, 1, 8, 30)
    wb.save(tmp_path / "t.xlsx")

    def trimmed(rows):
        out = []
        for number, cells in rows:
            cells = list(cells)
            while cells and cells[-1] is None:
                cells.pop()
            out.append((number, cells))
        return out

    book = openpyxl.load_workbook(tmp_path / "t.xlsx", read_only=True, data_only=True)
    sheet = book["pegawai"]
    fast = trimmed(sheet_rows(sheet))
    assert fast == trimmed(_openpyxl_rows(sheet))
    assert [n for n, _ in fast] == list(range(1, 9))
    assert fast[3][1][:6] == [A, "Bagus", dt.datetime(1987, 3, 12), 42, 12.5, True]
    book.close()


def test_json_bundle_with_data_utama(tmp_path):
    bundle = {
        "data-utama": {"nipBaru": A, "nama": "Bagus", "nik": "3201000000000009", "jabatanNama": "Analis"},
        "rw-jabatan": [{"jabatanNama": "Analis", "tmtJabatan": "01-03-2019"}],
    }
    (tmp_path / "siasn_bundle.json").write_text(json.dumps([bundle]), encoding="utf-8")
    result = load(tmp_path / "siasn_bundle.json")
    (employee,) = result.employees
    assert employee.jabatan == "Analis" and employee.riwayat_jabatan[0].tmt_mulai == dt.date(2019, 3, 1)
    assert "3201000000000009" not in repr(result)
    assert result.report.dropped_columns == {"siasn_bundle.json": ["nik"]}


def test_numeric_nips_in_json(tmp_path):
    people = [
        {"nip": int(A), "nama": "Bagus"},
        {"nip": 198911302014022000, "nama": "Ratna"},
        {"nip": 1.9e17, "nama": "X"},
    ]
    (tmp_path / "p.json").write_text(json.dumps(people), encoding="utf-8")
    result = load(tmp_path / "p.json")
    assert nips(result) == [A]  # an exact integer keeps its digits
    reasons = [(i.row, i.severity, i.reason.split(";")[0]) for i in result.report.issues]
    assert reasons == [
        (2, "ditolak", "NIP tersimpan sebagai angka dan kehilangan digit (kemungkinan): 198911302014022000"),
        (3, "ditolak", "NIP tersimpan sebagai angka dan kehilangan digit (1.9e+17)"),
        (None, "peringatan", "NIP di p.json tersimpan sebagai angka"),
    ]
    assert result.report.issue_lines()[0].startswith("p.json data ke-2, kolom nip:")
