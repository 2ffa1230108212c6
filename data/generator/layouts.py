"""Writers: a generated regency in the shapes real BKPSDM exports come in (FICTIONAL data).

These follow the descriptions of the real layouts in ``../shared/domain.md`` ("Where the data comes
from"), not Talenta's readers, so a round trip (write here, ``talenta ingest``) checks the readers
against the shapes HR staff actually hold:

* ``siasn-flat``: SIASN "Export Data ASN", one pipe-delimited CSV with a BOM and CRLF, UPPER_CASE
  ``*_ID`` / ``*_NAMA`` columns, NIPs with a leading apostrophe, personal columns included.
* ``sapk``: the SAPK download, one XLSX sheet, UPPER_CASE headers, numeric ``GOL_ID`` codes,
  dates as dd-mm-yyyy text.
* ``simpeg``: a SIMPEG multi-table workbook joined by ``id_pegawai``, code columns plus
  ``ref_golongan`` / ``ref_pendidikan`` sheets, and a ``nine_box`` table per period.
* ``siasn-json``: a folder per NIP with ``data-utama.json`` and ``rw-*.json`` envelopes
  (``{"code": 1, "data": ...}``; an empty history is the message "Data tidak ditemukan"), camelCase
  keys, rw-skp22 linked by ``pnsDinilaiId`` only.
* ``duk``: the Daftar Urut Kepangkatan workbook, a sheet per unit, title rows, a two-row merged
  header, NIPs printed with spaces and titles inside the name.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Literal

from assistant.domain.golongan import parse_golongan
from assistant.domain.models import Employee, Pendidikan

from .regency import Regency

LayoutName = Literal["siasn-flat", "sapk", "simpeg", "siasn-json", "duk"]
LAYOUTS: tuple[str, ...] = ("siasn-flat", "sapk", "simpeg", "siasn-json", "duk")
_GOL_CODES = {f"{r}/{c}": 10 * i + j + 1 for i, r in enumerate(("I", "II", "III", "IV"), start=1)
              for j, c in enumerate("abcde")}  # fmt: skip
_JENJANG_CODES = {"SD": "05", "SMP": "10", "SMA": "15", "D1": "20", "D2": "25", "D3": "30", "D4": "35",
                  "S1": "40", "S2": "45", "S3": "50"}  # fmt: skip
_JENJANG_SIASN = {"SD": "SD", "SMP": "SLTP", "SMA": "SLTA", "D1": "Diploma I", "D2": "Diploma II",
                  "D3": "Diploma III/Sarjana Muda", "D4": "Diploma IV", "S1": "S-1/Sarjana", "S2": "S-2",
                  "S3": "S-3/Doktor"}  # fmt: skip
_JENIS_SIASN = {"jpt": "Jabatan Struktural", "administrator": "Jabatan Struktural", "pengawas": "Jabatan Struktural",
                "fungsional": "Jabatan Fungsional Tertentu", "pelaksana": "Jabatan Fungsional Umum"}  # fmt: skip
_PANGKAT = {"III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
            "IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda",
            "IV/d": "Pembina Utama Madya", "IV/e": "Pembina Utama", "II/a": "Pengatur Muda",
            "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur", "II/d": "Pengatur Tingkat I",
            "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I"}  # fmt: skip


def _d(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _v(value: object) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def _edu(e: Employee) -> Pendidikan | None:
    return e.pendidikan_tertinggi()


def _spaced(nip: str) -> str:
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def _gol_code(golongan: str | None) -> int | None:
    if not golongan:
        return None
    try:
        return _GOL_CODES.get(parse_golongan(golongan))
    except ValueError:
        return None  # PPPK golongan have no PNS code


def _personal(regency: Regency, nip: str) -> dict[str, str]:
    return regency.personal.get(nip, {})


# --- SIASN Export Data ASN ---------------------------------------------------------------------

SIASN_FLAT_HEADERS = (
    "PNS_ID", "NIP_BARU", "NIP_LAMA", "NAMA", "GELAR_DEPAN", "GELAR_BELAKANG", "TEMPAT_LAHIR_ID",
    "TEMPAT_LAHIR_NAMA", "TANGGAL_LAHIR", "JENIS_KELAMIN", "AGAMA_ID", "AGAMA_NAMA", "JENIS_KAWIN_ID",
    "JENIS_KAWIN_NAMA", "NIK", "NOMOR_HP", "EMAIL", "ALAMAT", "JENIS_PEGAWAI_NAMA", "KEDUDUKAN_HUKUM_NAMA",
    "TMT_CPNS", "GOL_AKHIR_ID", "GOL_AKHIR_NAMA", "TMT_GOLONGAN", "JENIS_JABATAN_ID", "JENIS_JABATAN_NAMA",
    "JABATAN_ID", "JABATAN_NAMA", "TMT_JABATAN", "ESELON_NAMA", "TINGKAT_PENDIDIKAN_ID", "TINGKAT_PENDIDIKAN_NAMA",
    "PENDIDIKAN_ID", "PENDIDIKAN_NAMA", "TAHUN_LULUS", "UNOR_ID", "UNOR_NAMA", "UNOR_INDUK_NAMA",
    "INSTANSI_INDUK_NAMA", "SATUAN_KERJA_KERJA_NAMA",
)  # fmt: skip


def write_siasn_flat(regency: Regency, out: Path) -> list[Path]:
    path = out / "Export Data ASN.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter="|", lineterminator="\r\n")
        writer.writerow(SIASN_FLAT_HEADERS)
        for n, e in enumerate(regency.employees, start=1):
            p = _personal(regency, e.nip)
            edu = _edu(e)
            jenjang = _v(edu.jenjang) if edu else ""
            jurusan = f"{jenjang} {edu.jurusan}".strip().upper() if edu and edu.jurusan else ""
            writer.writerow([
                f"8ae48{n:05d}", f"'{e.nip}", "", e.nama, e.gelar_depan or "", e.gelar_belakang or "", "3201",
                "Kota Contoh", _d(e.tanggal_lahir), _v(e.jenis_kelamin), "1", p.get("agama", ""), "1",
                p.get("status_perkawinan", ""), p.get("nik", ""), p.get("no_hp", ""), "", p.get("alamat", ""),
                "PNS Daerah Kabupaten/Kota" if e.status != "PPPK" else "PPPK", "Aktif", _d(e.tmt_cpns),
                _gol_code(e.golongan) or "", e.golongan or "", _d(e.tmt_golongan), "",
                _JENIS_SIASN.get(_v(e.jenis_jabatan), ""), "", e.jabatan or "", _d(e.tmt_jabatan), e.eselon or "",
                _JENJANG_CODES.get(jenjang, ""), _JENJANG_SIASN.get(jenjang, jenjang), "", jurusan,
                edu.tahun_lulus if edu and edu.tahun_lulus else "", "", e.jabatan or "", e.unit_kerja or "",
                regency.nama, regency.nama,
            ])  # fmt: skip
    return [path]


# --- SAPK XLSX ---------------------------------------------------------------------------------


def write_sapk(regency: Regency, out: Path) -> list[Path]:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DATA_PNS"
    ws.append(["NIP_BARU", "NIP_LAMA", "NAMA", "GELAR_DEPAN", "GELAR_BLK", "TGL_LHR", "JENIS_KELAMIN", "AGAMA",
               "NIK", "NOMOR_HP", "ALAMAT", "GOL_ID", "TMT_GOL", "JABATAN_NAMA", "ESELON", "JENIS_JABATAN",
               "UNOR_NAMA", "SATUAN_KERJA_KERJA_NAMA", "TK_PENDIDIKAN", "PENDIDIKAN", "THN_LULUS"])  # fmt: skip
    for e in regency.employees:
        p = _personal(regency, e.nip)
        edu = _edu(e)
        code = _gol_code(e.golongan)
        ws.append([
            e.nip, None, e.nama, e.gelar_depan, e.gelar_belakang, _d(e.tanggal_lahir), _v(e.jenis_kelamin),
            p.get("agama"), p.get("nik"), p.get("no_hp"), p.get("alamat"), code if code else e.golongan,
            _d(e.tmt_golongan), e.jabatan, e.eselon, _v(e.jenis_jabatan), e.unit_kerja, regency.nama,
            _v(edu.jenjang) if edu else None, edu.jurusan if edu else None, edu.tahun_lulus if edu else None,
        ])  # fmt: skip
    path = out / "sapk_data_pns.xlsx"
    wb.save(path)
    return [path]


# --- SIMPEG multi-table ------------------------------------------------------------------------


def write_simpeg(regency: Regency, out: Path) -> list[Path]:
    import openpyxl

    wb = openpyxl.Workbook()
    peg = wb.active
    assert peg is not None
    peg.title = "pegawai"
    peg.append(["id_pegawai", "nip_baru", "nama", "gelar_depan", "gelar_belakang", "tgl_lahir", "status_kawin",
                "gol_id", "tmt_golongan", "jabatan_nama", "jenis_jabatan_nama", "eselon", "unor_nama",
                "pendidikan_id", "pendidikan_nama", "tahun_lulus", "tmt_jabatan"])  # fmt: skip
    jab = wb.create_sheet("riwayat_jabatan")
    jab.append(["id", "id_pegawai", "jabatan_nama", "jenis_jabatan", "eselon", "unor_nama", "tmt_jabatan", "tmt_selesai"])
    pend = wb.create_sheet("riwayat_pendidikan")
    pend.append(["id", "id_pegawai", "pendidikan_id", "jurusan", "nama_sekolah", "tahun_lulus"])
    dik = wb.create_sheet("riwayat_diklat")
    dik.append(["id", "id_pegawai", "nama_diklat", "jenis_diklat", "penyelenggara", "tahun", "jumlah_jam"])
    kin = wb.create_sheet("kinerja")
    kin.append(["id", "id_pegawai", "tahun", "predikat_kinerja", "rating_hasil_kerja", "rating_perilaku_kerja"])
    ase = wb.create_sheet("asesmen")
    ase.append(["id", "id_pegawai", "tanggal_asesmen", "nilai_potensi", "kategori_potensi", "jpm"])
    box = wb.create_sheet("nine_box")
    box.append(["id_pegawai", "periode", "kotak"])
    counters = dict.fromkeys(("jab", "pend", "dik", "kin", "ase"), 0)

    def next_id(name: str) -> int:
        counters[name] += 1
        return counters[name]

    for n, e in enumerate(regency.employees, start=1001):
        edu = _edu(e)
        code = _gol_code(e.golongan)
        peg.append([
            n, e.nip, e.nama, e.gelar_depan, e.gelar_belakang, e.tanggal_lahir,
            _personal(regency, e.nip).get("status_perkawinan"), code if code else e.golongan, e.tmt_golongan,
            e.jabatan, _v(e.jenis_jabatan), e.eselon, e.unit_kerja,
            _JENJANG_CODES.get(_v(edu.jenjang)) if edu else None, edu.jurusan if edu else None,
            edu.tahun_lulus if edu else None, e.tmt_jabatan,
        ])  # fmt: skip
        for r in e.riwayat_jabatan:
            jab.append([next_id("jab"), n, r.jabatan, _v(r.jenis_jabatan), r.eselon, r.unit_kerja, r.tmt_mulai,
                        r.tmt_selesai])  # fmt: skip
        for p in e.pendidikan:
            pend.append([next_id("pend"), n, _JENJANG_CODES.get(_v(p.jenjang)), p.jurusan, p.institusi, p.tahun_lulus])
        for d in e.diklat:
            dik.append([next_id("dik"), n, d.nama, d.jenis, d.penyelenggara, d.tahun, d.jam_pelajaran])
        for s in e.skp:
            kin.append([next_id("kin"), n, s.tahun, _v(s.predikat), _v(s.hasil_kerja), _v(s.perilaku)])
        for a in e.asesmen:
            ase.append([next_id("ase"), n, a.tanggal, a.skor_potensi, _v(a.kategori_potensi), a.jpm])
        if e.kotak_talenta:
            box.append([n, 2025, e.kotak_talenta])
    ref_gol = wb.create_sheet("ref_golongan")
    ref_gol.append(["id", "nama", "pangkat"])
    for gol, code in _GOL_CODES.items():
        ref_gol.append([code, gol, _PANGKAT.get(gol)])
    ref_pend = wb.create_sheet("ref_pendidikan")
    ref_pend.append(["kode", "nama"])
    for jenjang, jenjang_code in _JENJANG_CODES.items():
        ref_pend.append([jenjang_code, jenjang])
    path = out / "simpeg_export.xlsx"
    wb.save(path)
    return [path]


# --- SIASN web-service JSON ----------------------------------------------------------------------


def _envelope(data: object) -> str:
    if isinstance(data, list) and not data:
        data = "Data tidak ditemukan"
    return json.dumps({"code": 1, "data": data}, ensure_ascii=False, indent=1)


def write_siasn_json(regency: Regency, out: Path) -> list[Path]:
    paths: list[Path] = []
    root = out / "siasn"
    for n, e in enumerate(regency.employees, start=1):
        folder = root / e.nip
        folder.mkdir(parents=True, exist_ok=True)
        pns_id = f"A5EB03E2{n:08d}"
        p = _personal(regency, e.nip)
        edu = _edu(e)
        jenjang = _v(edu.jenjang) if edu else ""
        utama = {
            "id": pns_id, "nipBaru": e.nip, "nipLama": None, "nama": e.nama, "gelarDepan": e.gelar_depan,
            "gelarBelakang": e.gelar_belakang, "tempatLahir": "Kota Contoh", "tglLahir": _d(e.tanggal_lahir),
            "agama": p.get("agama"), "statusPerkawinan": p.get("status_perkawinan"), "nik": p.get("nik"),
            "noHp": p.get("no_hp"), "alamat": p.get("alamat"), "email": None, "jenisKelamin": _v(e.jenis_kelamin),
            "statusPegawai": e.status or "PNS", "golRuangAkhir": e.golongan,
            "pangkatAkhir": _PANGKAT.get(e.golongan or ""), "tmtGolAkhir": _d(e.tmt_golongan),
            "jabatanNama": e.jabatan, "jenisJabatan": _JENIS_SIASN.get(_v(e.jenis_jabatan)), "eselon": e.eselon,
            "tmtJabatan": _d(e.tmt_jabatan), "unorNama": e.jabatan, "unorIndukNama": e.unit_kerja,
            "satuanKerjaKerjaNama": regency.nama, "tkPendidikanTerakhir": _JENJANG_SIASN.get(jenjang),
            "pendidikanTerakhirNama": f"{jenjang} {edu.jurusan}".strip().upper() if edu and edu.jurusan else None,
            "tahunLulus": str(edu.tahun_lulus) if edu and edu.tahun_lulus else None, "tmtCpns": _d(e.tmt_cpns),
        }  # fmt: skip
        files = {
            "data-utama.json": json.dumps({"code": 1, "data": utama}, ensure_ascii=False, indent=1),
            "rw-jabatan.json": _envelope([
                {"id": f"J{n}-{i}", "idPns": pns_id, "nipBaru": e.nip, "namaJabatan": r.jabatan,
                 "jenisJabatan": _JENIS_SIASN.get(_v(r.jenis_jabatan)), "eselon": r.eselon,
                 "unorIndukNama": r.unit_kerja, "tmtJabatan": _d(r.tmt_mulai)}
                for i, r in enumerate(e.riwayat_jabatan)
            ]),
            "rw-pendidikan.json": _envelope([
                {"id": f"P{n}-{i}", "idPns": pns_id, "nipBaru": e.nip, "tkPendidikanNama": _JENJANG_SIASN.get(_v(x.jenjang)),
                 "pendidikanNama": x.jurusan, "namaSekolah": x.institusi,
                 "tahunLulus": str(x.tahun_lulus) if x.tahun_lulus else None}
                for i, x in enumerate(e.pendidikan)
            ]),
            "rw-diklat.json": _envelope([
                {"id": f"D{n}-{i}", "idPns": pns_id, "latihanStrukturalNama": d.nama, "tahun": d.tahun,
                 "jumlahJam": d.jam_pelajaran}
                for i, d in enumerate(x for x in e.diklat if (x.jenis or "").lower() == "struktural")
            ]),
            "rw-kursus.json": _envelope([
                {"id": f"K{n}-{i}", "idPns": pns_id, "namaKursus": d.nama, "institusiPenyelenggara": d.penyelenggara,
                 "jumlahJam": d.jam_pelajaran, "tahunKursus": d.tahun}
                for i, d in enumerate(x for x in e.diklat if (x.jenis or "").lower() != "struktural")
            ]),
            "rw-skp22.json": _envelope([
                {"id": f"S{n}-{i}", "pnsDinilaiId": pns_id, "tahun": s.tahun, "hasilKinerja": _v(s.hasil_kerja),
                 "perilakuKerja": _v(s.perilaku), "kuadranKinerja": _v(s.predikat).upper(),
                 "penilaiNama": "Atasan Fiktif"}
                for i, s in enumerate(e.skp)
            ]),
            "rw-golongan.json": _envelope([{"id": f"G{n}", "idPns": pns_id, "golongan": e.golongan}]),
        }  # fmt: skip
        for name, text in files.items():
            path = folder / name
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


# --- DUK ---------------------------------------------------------------------------------------


def write_duk(regency: Regency, out: Path) -> list[Path]:
    import openpyxl

    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    by_unit: dict[str, list[Employee]] = {}
    for e in regency.employees:
        by_unit.setdefault(e.unit_kerja or "Tanpa Unit", []).append(e)
    top = ["No", "Nama", "NIP", "Pangkat", None, "Jabatan", None, "Masa Kerja", None, "Latihan Jabatan", None, None,
           "Pendidikan", None, None, "Usia", "Catatan Mutasi"]  # fmt: skip
    sub = [None, None, None, "Gol. Ruang", "TMT", "Nama", "TMT", "Thn", "Bln", "Nama", "Bulan dan Tahun",
           "Jumlah Jam", "Nama", "Lulus Tahun", "Tingkat Ijazah", None, None]  # fmt: skip
    used: set[str] = set()
    for unit, people in by_unit.items():
        title = unit[:31].replace("/", " ")
        while title in used:
            title = title[:28] + f" {len(used)}"
        used.add(title)
        ws = wb.create_sheet(title)
        ws.append(["DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL"])
        ws.append([unit.upper()])
        ws.append([f"{regency.nama.upper()} KEADAAN 31 DESEMBER 2025"])
        ws.append([])
        ws.append(top)
        ws.append(sub)
        for col in ("A", "B", "C", "P", "Q"):
            ws.merge_cells(f"{col}5:{col}6")
        for span in ("D5:E5", "F5:G5", "H5:I5", "J5:L5", "M5:O5"):
            ws.merge_cells(span)
        ws.append([str(i) for i in range(1, 18)])
        people = sorted(people, key=lambda p: (-(_gol_code(p.golongan) or 0), p.tmt_golongan or dt.date.max))
        for number, e in enumerate(people, start=1):
            edu = _edu(e)
            latih = max(e.diklat, key=lambda d: d.tahun or 0) if e.diklat else None
            name = e.nama_lengkap
            gol = f"{_PANGKAT.get(e.golongan or '', '')} ({e.golongan})" if e.golongan in _PANGKAT else e.golongan
            ws.append([
                number, name, _spaced(e.nip), gol, e.tmt_golongan, e.jabatan, e.tmt_jabatan, None, None,
                latih.nama if latih else None, f"{latih.tahun}" if latih and latih.tahun else None,
                latih.jam_pelajaran if latih else None, edu.jurusan if edu else None,
                edu.tahun_lulus if edu else None, _v(edu.jenjang) if edu else None, None, None,
            ])  # fmt: skip
        ws.append([])
        ws.append([None, None, None, None, None, None, None, None, None, None, None, None, "Mengetahui,"])
        ws.append([None, None, None, None, None, None, None, None, None, None, None, None, "Kepala BKPSDM"])
    path = out / "DUK_2025.xlsx"
    wb.save(path)
    return [path]


WRITERS = {
    "siasn-flat": write_siasn_flat,
    "sapk": write_sapk,
    "simpeg": write_simpeg,
    "siasn-json": write_siasn_json,
    "duk": write_duk,
}


def write_layout(regency: Regency, out: Path, layout: str) -> list[Path]:
    """Write ``regency`` under ``out`` in one real export layout; return the paths written."""
    if layout not in WRITERS:
        raise ValueError(f"unknown layout {layout!r}: use one of {', '.join(LAYOUTS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    return WRITERS[layout](regency, out)
