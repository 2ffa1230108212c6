"""load(): the acceptance fixture, rejection and merge rules, sensitive data, the report file, speed."""

import csv
import datetime as dt
import json
import time

import openpyxl

from ingest.assemble import check_schema_matches_model
from ingest.loader import LoadResult, load
from ingest.report import IngestReport, RowIssue

A = "198703122010011003"
B = "198911302014022006"
C = "199105052015032004"
D = "199208172019031005"

BROKEN = """nip,nama,jabatan,unit_kerja,tanggal_lahir
198703122010011003,Bagus Prasetyo Wibowo,Penyuluh Perikanan Ahli Muda,Dinas Perikanan,1987-03-12
12345,Nomor Rusak,Analis Kebijakan,Bappeda,1990-01-01
199105052015032004,Dewi Anggraini Lestari,Pengelola Budidaya Ikan,Dinas Perikanan,tanggal-salah
199208172019031005,,Analis Keuangan,BPKAD,1992-08-17
198911302014022006,Ratna Sari Kusuma,Pengawas Perikanan,Dinas Perikanan,1989-11-30
"""

SECRETS = (
    "3201234567890001",
    "Katolik",
    "Cerai Hidup",
    "Jl. Melati No. 7",
    "081234567890",
    "rahasia@mail.id",
)


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def by_row(result):
    return {(i.file, i.row): i for i in result.report.issues}


def test_acceptance_broken_csv(tmp_path):
    result = load(write(tmp_path / "broken.csv", BROKEN))
    assert isinstance(result, LoadResult) and isinstance(result.report, IngestReport)
    assert [e.nip for e in result.employees] == [A, B]
    assert result.employees[0].nama == "Bagus Prasetyo Wibowo"
    assert result.employees[0].tanggal_lahir == dt.date(1987, 3, 12)
    assert result.employees[0].riwayat_jabatan == []  # no history invented from the current post
    issues = result.report.issues
    assert [(i.row, i.column, i.value, i.nip, i.severity) for i in issues] == [
        (3, "nip", "12345", None, "ditolak"),
        (4, "tanggal_lahir", "tanggal-salah", C, "ditolak"),
        (5, "nama", None, D, "ditolak"),
    ]
    assert all(isinstance(i, RowIssue) for i in issues)
    lines = result.report.issue_lines()
    assert lines[0] == "broken.csv baris 3, kolom nip: NIP harus 18 digit, bukan 5: '12345' (NIP -)"
    assert "baris 4" in lines[1] and "'tanggal-salah'" in lines[1] and C in lines[1]
    assert "baris 5" in lines[2] and "nama" in lines[2] and D in lines[2]
    report = result.report
    assert (report.rows_read, report.people, report.rejected_rows) == (5, 2, 3)
    assert report.files == ["broken.csv"]
    assert report.summary_lines()[:3] == [
        "Dibaca 1 file, 5 baris.",
        "Pegawai dimuat: 2.",
        "Baris ditolak: 3; peringatan: 0.",
    ]
    assert report.summary_lines("en")[1] == "Employees loaded: 2."
    assert report.issue_lines("en")[0].startswith("broken.csv row 3, column nip:")
    assert report.issue_lines(limit=1)[-1].startswith("... dan 2 masalah lainnya")
    json.dumps(report.to_dict())


def test_two_bad_cells_give_two_issues(tmp_path):
    result = load(write(tmp_path / "pegawai.csv", f"nip,nama,golongan,kotak_talenta\n{A},Bagus,III/z,12\n"))
    assert result.employees == []
    assert [i.column for i in result.report.issues] == ["golongan", "kotak_talenta"]
    assert result.report.rejected_rows == 1


def _demo_folder(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    write(folder / "pegawai.csv",
          "nip,nama,jenis_kelamin,tanggal_lahir,golongan,jabatan,jenis_jabatan,eselon,unit_kerja,kotak_talenta,"
          "nik,agama,status_perkawinan,alamat,no_hp,email\n"
          f"{A},Bagus,L,1987-03-12,III/c,Kepala Seksi,struktural,IV.a,Dinas Perikanan,8,{SECRETS[0]},{SECRETS[1]},"
          f"{SECRETS[2]},{SECRETS[3]},{SECRETS[4]},{SECRETS[5]}\n"
          f"{B},Ratna,P,1989-11-30,III/b,Pengawas Perikanan,fungsional,,Dinas Perikanan,7,{SECRETS[0]},,,,,\n"
          f"12345,Rusak,L,1990-01-01,III/a,x,pelaksana,,Bappeda,,{SECRETS[0]},{SECRETS[1]},,,,\n"
          f"{C},Dewi,P,tanggal-salah,III/a,x,pelaksana,,Bappeda,,,,,,,\n")  # fmt: skip
    write(folder / "pendidikan.csv", f"nip,jenjang,jurusan,institusi,tahun_lulus\n{A},S1,Perikanan,Undip,2009\n"
                                     f"{A},S2,Budidaya Perairan,IPB,2014\n{B},D-IV,Perikanan,STP,2012\n")  # fmt: skip
    write(folder / "riwayat_jabatan.csv", "nip,jabatan,jenis_jabatan,eselon,unit_kerja,tmt_mulai,tmt_selesai\n"
                                          f"{A},Analis,pelaksana,,Dinas Perikanan,2010-01-01,2017-12-31\n"
                                          f"{A},Kepala Seksi,struktural,IV.a,Dinas Perikanan,2018-01-01,\n")  # fmt: skip
    write(folder / "diklat.csv", "nip,nama_diklat,jenis_diklat,penyelenggara,tahun,jam_pelajaran,nilai,predikat\n"
                                 f"{A},PKP,struktural,BPSDM,2019,\"40\",\"85,5\",Memuaskan\n"
                                 f"{A},PKP,struktural,BPSDM,2019,40,85.5,Memuaskan\n"
                                 f"{B},Teknis Budidaya,teknis,KKP,2020,30,,\n"
                                 f"199001012015011001,Diklat Orang Lain,teknis,X,2020,30,,\n"
                                 f"{C},Diklat Dewi,teknis,X,2020,30,,\n")  # fmt: skip
    write(folder / "skp.csv", f"nip,tahun,predikat_kinerja,hasil_kerja,perilaku_kerja\n{A},2023,Sangat Baik,"
                              f"Di Atas Ekspektasi,diatas ekspektasi\n{B},2023,Baik,sesuai,sesuai\n{B},dulu,Baik,,\n")  # fmt: skip
    write(folder / "asesmen.csv", f"nip,tanggal,skor_potensi,kategori_potensi,jpm,catatan\n{A},2023-05-01,"
                                  "78,tinggi,85,Siap promosi\n")  # fmt: skip
    write(folder / "penghargaan.csv", f"nip,nama_penghargaan,tahun\n{A},Satyalancana Karya Satya X,2020\n")
    write(folder / "hukuman_disiplin.csv", f"nip,tingkat,jenis,tmt_mulai,tmt_selesai\n{B},ringan,teguran lisan,"
                                           "2019-01-01,2019-06-30\n")  # fmt: skip
    (folder / "_meta").mkdir()
    write(folder / "_meta" / "generator.json", '{"seed": 42}')
    write(folder / "_meta" / "pegawai.csv", "nip,nama\n199001012015011001,Tidak Boleh Dibaca\n")
    return folder


def test_demo_folder_loads_with_children_and_report(tmp_path):
    result = load(_demo_folder(tmp_path))
    report = result.report
    assert [e.nip for e in result.employees] == [A, B]
    bagus, ratna = result.employees
    assert bagus.jenis_jabatan == "pengawas"  # struktural + eselon IV
    assert bagus.kotak_talenta == 8
    assert [(p.jenjang, p.tahun_lulus) for p in bagus.pendidikan] == [("S1", 2009), ("S2", 2014)]
    assert [j.jenis_jabatan for j in bagus.riwayat_jabatan] == ["pelaksana", "pengawas"]
    assert bagus.riwayat_jabatan[1].tmt_selesai is None
    assert [(d.nama, d.jam_pelajaran, d.nilai) for d in bagus.diklat] == [
        ("PKP", 40, 85.5)
    ]  # duplicate merged
    assert bagus.skp[0].predikat == "Sangat Baik" and bagus.skp[0].perilaku == "di atas ekspektasi"
    assert bagus.asesmen[0].kategori_potensi == "tinggi"
    assert bagus.penghargaan[0].nama == "Satyalancana Karya Satya X"
    assert ratna.hukuman_disiplin[0].tingkat == "ringan"
    assert ratna.pendidikan[0].jenjang == "D4"
    assert "_meta" not in " ".join(report.files)
    assert report.files == ["asesmen.csv", "diklat.csv", "hukuman_disiplin.csv", "pegawai.csv", "pendidikan.csv",
                            "penghargaan.csv", "riwayat_jabatan.csv", "skp.csv"]  # fmt: skip
    assert report.dropped_columns == {
        "pegawai.csv": ["nik", "agama", "status_perkawinan", "alamat", "no_hp", "email"]
    }
    issues = by_row(result)
    assert issues[("diklat.csv", 3)].reason.startswith("baris duplikat digabung")
    assert issues[("diklat.csv", 3)].severity == "peringatan"
    assert issues[("diklat.csv", 5)].reason == "NIP tidak ditemukan di tabel pegawai"
    assert issues[("diklat.csv", 6)].reason == "pegawai dengan NIP ini ditolak (pegawai.csv baris 5)"
    assert issues[("diklat.csv", 6)].nip == C
    assert issues[("skp.csv", 4)].column == "tahun"
    assert report.rejected_rows == 5  # 2 pegawai + 2 diklat + 1 skp


def test_sensitive_values_appear_nowhere(tmp_path, caplog):
    caplog.set_level("DEBUG")
    result = load(_demo_folder(tmp_path))
    report_file = result.report.write(tmp_path / "out")
    texts = [
        repr(result),
        json.dumps(result.report.to_dict()),
        "\n".join(result.report.issue_lines()),
        "\n".join(result.report.summary_lines()),
        report_file.read_text(encoding="utf-8-sig"),
        caplog.text,
        json.dumps([e.model_dump(mode="json") for e in result.employees]),
    ]
    for secret in SECRETS:
        for text in texts:
            assert secret not in text


def test_identical_duplicates_merge_and_conflicts_are_rejected(tmp_path):
    text = (
        "nip,nama,jabatan,golongan\n"
        f"{A},Bagus,Analis,III/c\n"
        f"{A},Bagus , Analis,Penata (III/c)\n"  # the same after cleaning
        f"{A},Bagus,Kepala Seksi,III/c\n"  # conflicts
        f"{B},Ratna,,\n"
        f"{B},Ratna,Pengawas Perikanan,III/b\n"  # fills blanks: merged
    )
    result = load(write(tmp_path / "pegawai.csv", text))
    assert [e.nip for e in result.employees] == [A, B]
    assert result.employees[1].jabatan == "Pengawas Perikanan"
    issues = by_row(result)
    assert issues[("pegawai.csv", 3)].severity == "peringatan"
    assert issues[("pegawai.csv", 3)].reason == "baris duplikat digabung (sama dengan baris 2)"
    assert issues[("pegawai.csv", 4)].severity == "ditolak"
    assert issues[("pegawai.csv", 4)].reason.startswith("NIP ganda dengan isi berbeda (baris 2)")
    assert "jabatan" in issues[("pegawai.csv", 4)].reason
    assert (
        issues[("pegawai.csv", 6)].severity == "peringatan"
        and "melengkapi" in issues[("pegawai.csv", 6)].reason
    )
    assert result.report.rejected_rows == 1


def test_missing_required_column_rejects_every_row_of_that_file_only(tmp_path):
    write(tmp_path / "pegawai.csv", f"nip,nama\n{A},Bagus\n")
    write(tmp_path / "tambahan.csv", f"nip,nama_lengkap\n{B},Ratna\n")
    write(tmp_path / "skp.csv", f"nip,predikat_kinerja\n{A},Baik\n{B},Baik\n")
    result = load(tmp_path)
    assert [e.nip for e in result.employees] == [A, B]
    skp = [i for i in result.report.issues if i.file == "skp.csv"]
    assert (
        skp[0].row is None and skp[0].column == "tahun" and "kolom wajib 'tahun' tidak ada" in skp[0].reason
    )
    assert [(i.row, i.reason) for i in skp[1:]] == [
        (2, "kolom wajib 'tahun' tidak ada"),
        (3, "kolom wajib 'tahun' tidak ada"),
    ]
    assert result.report.rejected_rows == 2


def test_pegawai_without_nama_column(tmp_path):
    write(tmp_path / "pegawai.csv", f"nip,jabatan\n{A},Analis\n")
    write(tmp_path / "skp.csv", f"nip,tahun\n{A},2023\n")
    result = load(tmp_path)
    assert result.employees == []
    reasons = [(i.file, i.row, i.reason) for i in result.report.issues]
    assert ("pegawai.csv", 2, "kolom wajib 'nama' tidak ada") in reasons
    assert ("skp.csv", 2, "pegawai dengan NIP ini ditolak (pegawai.csv baris 2)") in reasons


def test_unknown_columns_listed_and_struktural_without_eselon_warns(tmp_path):
    result = load(
        write(tmp_path / "pegawai.csv", f"nip,nama,jenis_jabatan,warna_favorit\n{A},Bagus,Struktural,biru\n")
    )
    (employee,) = result.employees
    assert employee.jenis_jabatan is None
    assert result.report.unknown_columns == {"pegawai.csv": ["warna_favorit"]}
    (issue,) = result.report.issues
    assert issue.severity == "peringatan" and issue.column == "jenis_jabatan" and issue.nip == A
    assert result.report.rejected_rows == 0


def test_report_write_one_row_per_issue(tmp_path):
    result = load(write(tmp_path / "broken.csv", BROKEN))
    path = result.report.write(tmp_path / "laporan" / "impor.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == ["file", "sheet", "baris", "kolom", "nilai", "alasan", "nip", "tingkat"]
    assert len(rows) == len(result.report.issues) == 3
    assert rows[0]["baris"] == "3" and rows[0]["nilai"] == "12345" and rows[0]["tingkat"] == "ditolak"
    assert rows[1]["nip"] == C
    assert result.report.write(tmp_path).name == "laporan_impor.csv"


def test_report_neutralises_formulas(tmp_path):
    result = load(write(tmp_path / "pegawai.csv", f'nip,nama,tanggal_lahir\n{A},Bagus,=HYPERLINK("x")\n'))
    rows = list(
        csv.reader(result.report.write(tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines())
    )
    assert rows[1][4].startswith("'=")


def test_jsonl_like_the_demo_generator(tmp_path):
    people = [
        {"nip": A, "nama": "Bagus", "tanggal_lahir": "1987-03-12", "nik": SECRETS[0],
         "pendidikan": [{"jenjang": "S1", "jurusan": "Perikanan", "tahun_lulus": 2009}],
         "riwayat_jabatan": [{"jabatan": "Analis", "tmt_mulai": "2010-01-01"}],
         "diklat": [{"nama_diklat": "PKP", "tahun": 2019}], "skp": [{"tahun": 2023, "predikat_kinerja": "Baik"}],
         "asesmen": [{"tanggal": "2023-05-01", "kategori_potensi": "tinggi"}],
         "penghargaan": [{"nama_penghargaan": "Satyalancana", "tahun": 2020}],
         "hukuman_disiplin": []},
        {"nip": "12345", "nama": "Rusak", "diklat": [{"nama_diklat": "X"}, {"nama_diklat": "Y"}]},
    ]  # fmt: skip
    write(tmp_path / "pegawai.jsonl", "\n".join(json.dumps(p) for p in people))
    result = load(tmp_path / "pegawai.jsonl")
    (bagus,) = result.employees
    assert (len(bagus.pendidikan), len(bagus.riwayat_jabatan), len(bagus.diklat), len(bagus.skp)) == (
        1,
        1,
        1,
        1,
    )
    assert result.report.dropped_columns == {"pegawai.jsonl": ["nik"]}
    assert result.report.rejected_rows == 3  # the person and its two nested items
    assert result.report.rows_read == 10


def test_workbook_like_the_demo_generator(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "pegawai"
    ws.append(["nip", "nama", "tanggal_lahir", "agama"])
    ws.append([A, "Bagus", dt.datetime(1987, 3, 12), SECRETS[1]])
    wb.create_sheet("skp").append(["nip", "tahun", "predikat_kinerja"])
    wb["skp"].append([A, 2023, "Sangat Baik"])
    wb.create_sheet("diklat").append(["nip", "nama_diklat", "tahun"])
    wb["diklat"].append([A, "PKP", 2019.0])
    wb.save(tmp_path / "talenta.xlsx")
    result = load(tmp_path)
    (bagus,) = result.employees
    assert bagus.skp[0].tahun == 2023 and bagus.diklat[0].tahun == 2019
    assert SECRETS[1] not in repr(result)
    assert result.report.dropped_columns == {"talenta.xlsx/pegawai": ["agama"]}


def test_missing_path_raises_and_empty_folder_reports(tmp_path):
    try:
        load(tmp_path / "tidak_ada")
    except FileNotFoundError:
        pass
    else:
        raise AssertionError("expected FileNotFoundError")
    result = load(tmp_path)
    assert result.employees == [] and result.report.issues[0].severity == "peringatan"


def test_schema_columns_all_have_a_model_field():
    assert check_schema_matches_model() == []


def test_two_thousand_people_load_fast(tmp_path):
    nips = [f"{1960 + i % 30}{1 + i % 12:02d}{1 + i % 28:02d}{1985 + i % 30}01{1 + i // 1000}{i % 1000:03d}"
            for i in range(2000)]  # fmt: skip
    folder = tmp_path / "big"
    folder.mkdir()

    def table(name, header, rows):
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)

    table(
        "pegawai.csv",
        ["nip", "nama", "golongan", "unit_kerja", "tanggal_lahir", "nik"],
        [[n, f"Pegawai {k}", "III/c", "Dinas Perikanan", "12-03-1987", "3201"] for k, n in enumerate(nips)],
    )
    table(
        "riwayat_jabatan.csv",
        ["nip", "jabatan", "jenis_jabatan", "tmt_mulai"],
        [[n, f"Jabatan {k}", "pelaksana", f"{2000 + k}-01-01"] for n in nips for k in range(4)],
    )
    table(
        "diklat.csv",
        ["nip", "nama_diklat", "tahun", "jam_pelajaran", "nilai"],
        [[n, f"Diklat {k}", 2010 + k, 40, "85,5"] for n in nips for k in range(4)],
    )
    table(
        "skp.csv",
        ["nip", "tahun", "predikat_kinerja", "hasil_kerja"],
        [[n, 2019 + k, "Baik", "sesuai ekspektasi"] for n in nips for k in range(5)],
    )
    table("pendidikan.csv", ["nip", "jenjang", "tahun_lulus"], [[n, "S1", 2005] for n in nips])
    started = time.perf_counter()
    result = load(folder)
    elapsed = time.perf_counter() - started
    assert result.report.people == 2000 and result.report.rejected_rows == 0
    assert result.report.rows_read == 2000 * 15
    assert elapsed < 5.0, f"{elapsed:.2f} s"


def test_child_table_with_the_person_name_column(tmp_path):
    # SIMPEG child exports often repeat the person's name; 'nama' is also an alias of nama_diklat.
    write(tmp_path / "pegawai.csv", f"nip,nama\n{A},Bagus\n")
    write(tmp_path / "diklat.csv", f"nip,nama,diklat,tahun\n{A},Bagus,Diklat PIM IV,2019\n")
    write(tmp_path / "penghargaan.csv", f"nip,nama,nama_penghargaan\n{A},Bagus,Satyalancana\n")
    (employee,) = load(tmp_path).employees
    assert [d.nama for d in employee.diklat] == ["Diklat PIM IV"]
    assert [p.nama for p in employee.penghargaan] == ["Satyalancana"]
    write(tmp_path / "diklat.csv", f"nip,nama,diklat,tahun\n{A},Bagus,,2019\n")
    result = load(tmp_path)
    assert result.employees[0].diklat == []
    assert result.report.issues[0].reason == "kolom wajib 'diklat' kosong"
    assert result.report.unknown_columns == {"diklat.csv": ["nama"], "penghargaan.csv": ["nama"]}


def test_model_validation_errors_become_issues_not_crashes():
    from ingest.assemble import Assembler, Draft, Loc

    report = IngestReport()
    assembler = Assembler(report)
    good_loc, bad_loc = Loc("pegawai.csv", None, 2), Loc("pegawai.csv", None, 3)
    child_loc = Loc("diklat.csv", None, 7)
    ok = Draft(A, good_loc, {"nip": A, "nama": "Bagus"})
    ok.children["diklat"].append(({"nama": "PKP", "tahun": 2019}, Loc("diklat.csv", None, 6)))
    ok.children["diklat"].append(({"nama": None, "tahun": 2020}, child_loc))  # the model needs a name
    bad = Draft(B, bad_loc, {"nip": B, "nama": "Ratna", "kotak_talenta": 12})  # 1..9 only
    assembler.drafts = {A: ok, B: bad}
    employees = assembler._build()
    assert [e.nip for e in employees] == [A]
    assert [d.nama for d in employees[0].diklat] == ["PKP"]
    where = [(i.file, i.row, i.column, i.nip) for i in report.issues]
    assert where == [("diklat.csv", 7, "nama", A), ("pegawai.csv", 3, "kotak_talenta", B)]
    assert all(i.reason.startswith("data tidak valid menurut model") for i in report.issues)
    assert report.rejected_rows == 2


def test_contact_data_inside_a_profile_text_is_dropped_whatever_the_source(tmp_path):
    """A CV pasted into the ringkasan column of a table or JSONL export carries its header line:
    e-mail, phone, NIK and street address are not stored (only a CV document was scrubbed before)."""
    cv = ("ARIF WICAKSONO, S.P.\nAgronomist | Food Crops\nKecamatan Kota Barat | arif.wicak87@gmail.com | +62 812-3301-4471\n"
          "Alamat Jl. Melati No. 7, Kota Barat. NIK 3201234567890001.\nPROFILE\nAgronomist since 2010, 120 ha of rice.")  # fmt: skip
    row = {"nip": A, "nama": "Arif Wicaksono", "ringkasan": cv}
    result = load(write(tmp_path / "cv.jsonl", json.dumps(row) + "\n"))
    text = result.employees[0].ringkasan
    for secret in ("arif.wicak87@gmail.com", "812-3301-4471", "3201234567890001", "Jl. Melati No. 7"):
        assert secret not in text
    assert "Agronomist | Food Crops" in text and "Agronomist since 2010, 120 ha of rice." in text
    assert "Kecamatan Kota Barat" in text
