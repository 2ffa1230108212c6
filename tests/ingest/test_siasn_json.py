"""SIASN web-service JSON (tests/fixtures/layouts/siasn-json, fictional people): a folder per NIP
with data-utama.json and rw-*.json envelopes, and the same people as one JSONL of bundles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from ingest.loader import load
from ingest.readers import ReadOptions, read_json

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "siasn-json"
EXPORT = FIXTURE / "export"
BUNDLES = FIXTURE / "siasn-bundle.jsonl"
A, B, C, D = "198703122010011003", "199105052015032004", "198911302014022006", "199208172019031005"
SECRETS = ("3299000000000001", "Jl. Fiktif", "081200000001", "fiktif@example.invalid", "Agama-Fiktif",
           "Status-Fiktif", "Kota-Fiktif", "ID-FIKTIF-1")  # fmt: skip
PERSONAL = {"nik", "alamat", "noHp", "email", "agama", "statusPerkawinan", "tempatLahir", "nomorIdDocument"}


@pytest.fixture(scope="module", params=["folders", "jsonl"])
def result(request):
    return load(EXPORT if request.param == "folders" else BUNDLES)


def people(result) -> dict:
    return {e.nip: e for e in result.employees}


def test_people_land_with_their_riwayat(result):
    found = people(result)
    assert set(found) == {A, B, C, D}  # the NIP with an apostrophe and the one with spaces too
    a = found[A]
    assert (a.nama, a.golongan, a.unit_kerja) == (
        "Bagus Prasetyo",
        "III/c",
        "Dinas Perikanan Kabupaten Sukamaju",
    )
    assert [(r.jabatan, r.jenis_jabatan.value) for r in a.riwayat_jabatan] == [
        ("Pengelola Data Perikanan", "pelaksana"),  # SIASN jenisJabatan "4"
        ("Penyuluh Perikanan Ahli Muda", "fungsional"),  # "2"
    ]
    assert sorted((d.nama, d.tahun, d.jam_pelajaran) for d in a.diklat) == [
        ("Pelatihan Dasar CPNS", 2011, 120),
        ("Teknis Penyuluhan Budidaya Lele", 2021, 40),  # rw-kursus
    ]
    assert "Universitas Fiktif" in {p.institusi for p in a.pendidikan}
    # rw-skp22 carries no NIP: linked by pnsDinilaiId = data-utama id
    assert [(s.tahun, s.predikat.value, s.hasil_kerja.value) for s in a.skp] == [
        (2023, "Sangat Baik", "di atas ekspektasi")
    ]
    assert [p.nama for p in found[B].penghargaan] == ["Satyalancana Karya Satya X Tahun"]
    assert found[B].skp == []  # rw-skp22 said "Data tidak ditemukan"
    assert [s.tahun for s in found[C].skp] == [2023]  # the record of somebody else did not land
    assert found[D].diklat[0].nama == "Pelatihan Dasar CPNS"


def test_personal_keys_are_dropped_and_never_stored(result):
    dropped = {key for keys in result.report.dropped_columns.values() for key in keys}
    assert dropped >= PERSONAL
    stored = json.dumps([e.model_dump(mode="json") for e in result.employees])
    report = json.dumps(result.report.to_dict())
    for secret in SECRETS:
        assert secret not in stored and secret not in report


def test_detected_without_layout_option(result):
    assert set(result.report.layouts.values()) == {"siasn-json"}
    assert any(line.startswith("Format: siasn-json") for line in result.report.summary_lines())


def test_message_string_and_unused_tables_are_single_notes(result):
    warnings = [i.reason for i in result.report.warnings]
    assert sum("tidak ada data (pesan SIASN: 'Data tidak ditemukan')" in w for w in warnings) == 1
    golongan = [w for w in warnings if "rw-golongan" in w]
    assert len(golongan) == 1 and "tidak dipakai Talenta" in golongan[0]  # two files, one note
    assert not any("tidak dikenali" in w for w in warnings)
    assert all((i.column or "").endswith("pnsDinilaiId") for i in result.report.rejected_issues)


def test_unlinkable_records_are_reported_with_file_row_column_and_reason():
    folders = load(EXPORT).report
    found = {(i.file, i.row, i.column): i for i in folders.rejected_issues}
    assert set(found) == {
        (f"{C}/rw-skp22.json", 2, "pnsDinilaiId"),  # an id that is not the folder's person
        ("tambahan/rw-skp22.json", 2, "pnsDinilaiId"),  # no folder, no matching id
    }
    lost = found[("tambahan/rw-skp22.json", 2, "pnsDinilaiId")]
    assert "tidak bisa ditautkan" in lost.reason and lost.value == "PNS-ENTAH-SIAPA"
    jsonl = load(BUNDLES).report
    (issue,) = jsonl.rejected_issues
    assert (issue.file, issue.row, issue.column, issue.nip) == (
        BUNDLES.name,
        3,
        "rw-skp22[2].pnsDinilaiId",
        C,
    )


def test_riwayat_file_outside_a_nip_folder_links_by_id_alone():
    found = people(load(EXPORT))
    assert [(s.tahun, s.predikat.value) for s in found[D].skp] == [(2023, "Baik")]  # tambahan/rw-skp22.json


def test_forced_layout_reads_the_same():
    assert set(people(load(EXPORT, layout="siasn-json"))) == {A, B, C, D}


def test_cli_dry_run_prints_the_format(tmp_path):
    run = CliRunner().invoke(
        app, ["ingest", str(EXPORT), "--dry-run"], env={"TALENTA_DATA_DIR": str(tmp_path)}
    )
    assert run.exit_code == 0, run.output
    assert "Format: siasn-json" in run.output
    assert "Pegawai dimuat: 4." in run.output


# --- small cases ------------------------------------------------------------------------------


def write(path: Path, document) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def utama(nip: str, pid: str) -> dict:
    return {"code": 1, "data": {"id": pid, "nipBaru": nip, "nama": "Nama Fiktif", "golRuangAkhir": "III/a",
                                "unorNama": "Dinas Fiktif", "jabatanNama": "Analis"}}  # fmt: skip


def test_envelope_in_a_riwayat_file_is_that_table(tmp_path):
    doc = {"code": 1, "data": [{"idPns": "X1", "jabatanNama": "Analis", "tmtJabatan": "01-03-2019"}]}
    (table,), notes = read_json(write(tmp_path / "rw-jabatan.json", doc), "rw-jabatan.json", ReadOptions())
    assert (table.table.name, len(table.rows), notes) == ("riwayat_jabatan", 1, [])


@pytest.mark.parametrize(
    "doc, shown",
    [
        ({"code": 1, "data": "Data tidak ditemukan"}, "'Data tidak ditemukan'"),
        ({"code": 0, "data": None, "message": "Token tidak valid"}, "'Token tidak valid'"),
        ({"code": 0, "data": []}, "'kode 0'"),
    ],
)
def test_no_records_is_a_note_never_a_crash(tmp_path, doc, shown):
    tables, (note,) = read_json(write(tmp_path / "rw-skp22.json", doc), "rw-skp22.json", ReadOptions())
    assert tables == []
    assert note.severity == "peringatan" and note.reason == f"tidak ada data (pesan SIASN: {shown})"


def test_nip_that_disagrees_with_the_id_link_is_rejected(tmp_path):
    write(tmp_path / A / "data-utama.json", utama(A, "ID-A"))
    write(tmp_path / B / "data-utama.json", utama(B, "ID-B"))
    skp = [{"pnsDinilaiId": "ID-A", "nipBaru": B, "tahun": 2023, "kuadranKinerja": "BAIK"}]
    write(tmp_path / A / "rw-skp22.json", {"code": 1, "data": skp})
    result = load(tmp_path)
    assert all(e.skp == [] for e in result.employees)
    (issue,) = result.report.rejected_issues
    assert (issue.file, issue.row, issue.column, issue.nip) == (f"{A}/rw-skp22.json", 1, "nipBaru", A)
    assert "berbeda" in issue.reason


def test_folder_named_after_another_nip_is_not_used_to_link(tmp_path):
    write(tmp_path / B / "data-utama.json", utama(A, "ID-A"))  # A's data in B's folder
    write(
        tmp_path / B / "rw-diklat.json",
        {"code": 1, "data": [{"latihanStrukturalNama": "PIM IV", "tahun": 2019}]},
    )
    result = load(tmp_path)
    assert [e.nip for e in result.employees] == [A] and result.employees[0].diklat == []
    assert any("nama folder" in i.reason for i in result.report.warnings)
    (issue,) = result.report.rejected_issues
    assert issue.file == f"{B}/rw-diklat.json" and "tidak bisa ditautkan" in issue.reason
