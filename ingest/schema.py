"""Talenta's documented import format: tables, Indonesian column names and common aliases.

One CSV per table in a folder (``pegawai.csv``, ``pendidikan.csv`` ...), one XLSX workbook with a
sheet per table (same names), one flat sheet / CSV with only the ``pegawai`` columns (plus the
``pendidikan_*`` columns for the highest education), or JSON / JSONL with one object per person
and the other tables nested as lists under the table name.

Column names are matched case-insensitively after normalising spaces and dashes to ``_``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, nip, date, year, int, float, golongan, jenjang, jenis_jabatan, predikat, ekspektasi, potensi, disiplin, kotak
    required: bool = False
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()  # other sheet / file names
    description: str = ""
    _index: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for col in self.columns:
            for alias in (col.name, *col.aliases):
                self._index[normalize_header(alias)] = col.name

    def resolve(self, header: str) -> str | None:
        """Canonical column name for a header, or None if not recognised."""
        return self._index.get(normalize_header(header))

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def normalize_header(header: str) -> str:
    text = str(header).strip().lower().replace("\ufeff", "")
    text = re.sub(r"[\s\-./]+", "_", text)
    return text.strip("_")


NIP = Column("nip", "nip", True, ("nip_baru", "nipbaru", "nip_18"), "NIP 18 digit, disimpan sebagai teks")

PEGAWAI = Table(
    "pegawai",
    (
        NIP,
        Column("nama", "text", True, ("nama_pegawai", "nama_lengkap"), "nama tanpa gelar"),
        Column("gelar_depan", "text", aliases=("gelardepan",)),
        Column("gelar_belakang", "text", aliases=("gelarbelakang", "gelar_blk")),
        Column("jenis_kelamin", "text", aliases=("jk", "gender", "sex")),
        Column("tanggal_lahir", "date", aliases=("tgl_lahir", "tgllahir")),
        Column("status", "text", aliases=("status_kepegawaian", "status_asn", "jenis_pegawai")),
        Column("tmt_cpns", "date"),
        Column("golongan", "golongan", aliases=("gol", "gol_ruang", "golongan_ruang", "pangkat_golongan")),
        Column("tmt_golongan", "date", aliases=("tmt_gol",)),
        Column("jabatan", "text", aliases=("nama_jabatan", "jabatan_nama")),
        Column("jenis_jabatan", "jenis_jabatan", aliases=("jenis_jabatan_nama",)),
        Column("eselon", "text"),
        Column("unit_kerja", "text", aliases=("opd", "unor", "unor_nama", "satuan_kerja", "skpd", "unit")),
        Column("tmt_jabatan", "date"),
        Column("kotak_talenta", "kotak", aliases=("nine_box", "ninebox", "kotak", "kotak_9", "box")),
        Column("ringkasan", "text", aliases=("ringkasan_profil", "profil", "catatan_profil", "summary")),
        Column("pendidikan_jenjang", "jenjang", aliases=("pendidikan_terakhir", "tingkat_pendidikan")),
        Column("pendidikan_jurusan", "text", aliases=("jurusan", "program_studi", "prodi")),
        Column("pendidikan_institusi", "text", aliases=("institusi", "nama_sekolah", "universitas")),
        Column("pendidikan_tahun_lulus", "year", aliases=("tahun_lulus",)),
    ),
    aliases=("data_pegawai", "pegawai_asn", "asn", "data_utama"),
    description="satu baris per pegawai",
)

PENDIDIKAN = Table(
    "pendidikan",
    (
        NIP,
        Column("jenjang", "jenjang", aliases=("tingkat", "tingkat_pendidikan", "pendidikan")),
        Column("jurusan", "text", aliases=("program_studi", "prodi", "pendidikan_nama")),
        Column("institusi", "text", aliases=("nama_sekolah", "universitas", "sekolah")),
        Column("tahun_lulus", "year", aliases=("lulus", "tahun")),
    ),
    aliases=("riwayat_pendidikan", "rw_pendidikan"),
)

RIWAYAT_JABATAN = Table(
    "riwayat_jabatan",
    (
        NIP,
        Column("jabatan", "text", True, ("nama_jabatan", "jabatan_nama")),
        Column("jenis_jabatan", "jenis_jabatan"),
        Column("eselon", "text"),
        Column("unit_kerja", "text", aliases=("opd", "unor", "unor_nama", "satuan_kerja")),
        Column("tmt_mulai", "date", aliases=("tmt_jabatan", "mulai")),
        Column("tmt_selesai", "date", aliases=("selesai", "sampai")),
    ),
    aliases=("jabatan", "rw_jabatan"),
)

DIKLAT = Table(
    "diklat",
    (
        NIP,
        Column("nama_diklat", "text", True, ("nama", "diklat", "nama_pelatihan", "nama_kursus")),
        Column("jenis_diklat", "text", aliases=("jenis",)),
        Column("penyelenggara", "text", aliases=("institusi_penyelenggara",)),
        Column("tahun", "year"),
        Column("jam_pelajaran", "int", aliases=("jp", "durasi_jam", "jumlah_jam")),
        Column("nilai", "float"),
        Column("predikat", "text"),
    ),
    aliases=("riwayat_diklat", "pelatihan", "rw_diklat", "kursus"),
)

SKP = Table(
    "skp",
    (
        NIP,
        Column("tahun", "year", True, ("periode",)),
        Column("predikat_kinerja", "predikat", aliases=("predikat", "nilai_skp")),
        Column("hasil_kerja", "ekspektasi", aliases=("rating_hasil_kerja", "hasilkinerja")),
        Column("perilaku_kerja", "ekspektasi", aliases=("rating_perilaku", "rating_perilaku_kerja", "perilaku")),
    ),
    aliases=("riwayat_skp", "kinerja", "rw_skp"),
)

ASESMEN = Table(
    "asesmen",
    (
        NIP,
        Column("tanggal", "date", aliases=("tanggal_asesmen", "tgl_asesmen")),
        Column("skor_potensi", "float", aliases=("nilai_potensi",)),
        Column("kategori_potensi", "potensi", aliases=("potensi",)),
        Column("jpm", "float", aliases=("job_person_match", "skor_kompetensi")),
        Column("catatan", "text", aliases=("catatan_asesor",)),
    ),
    aliases=("asesmen_kompetensi", "riwayat_asesmen"),
)

PENGHARGAAN = Table(
    "penghargaan",
    (
        NIP,
        Column("nama_penghargaan", "text", True, ("nama", "penghargaan")),
        Column("tahun", "year"),
    ),
    aliases=("riwayat_penghargaan",),
)

HUKUMAN_DISIPLIN = Table(
    "hukuman_disiplin",
    (
        NIP,
        Column("tingkat", "disiplin", True, ("tingkat_hukuman", "tingkat_hukdis")),
        Column("jenis", "text", aliases=("jenis_hukuman",)),
        Column("tmt_mulai", "date", aliases=("tmt", "mulai")),
        Column("tmt_selesai", "date", aliases=("selesai", "akhir")),
    ),
    aliases=("hukdis", "disiplin", "riwayat_hukdis"),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (PEGAWAI, PENDIDIKAN, RIWAYAT_JABATAN, DIKLAT, SKP, ASESMEN, PENGHARGAAN, HUKUMAN_DISIPLIN)
}

# Tables some export layouts carry that are not Talenta tables: read, used by the layout's own
# pass (ingest.simpeg), and never validated as people or stored.
REFERENSI = Table(
    "referensi",
    (
        Column("kode", "text", True, ("id", "kd", "kode_referensi")),
        Column("nama", "text", aliases=("uraian", "keterangan", "nama_referensi")),
    ),
    description="tabel kode (ref_golongan, ref_pendidikan) dari SIMPEG",
)
NINE_BOX = Table(
    "nine_box",
    (
        NIP,
        Column("kotak", "kotak", True, ("kotak_talenta", "nine_box", "ninebox", "box", "kuadran", "kotak_9")),
        Column("tahun", "year", aliases=("periode", "tahun_penilaian")),
    ),
    description="kotak talenta per periode (SIMPEG); yang terbaru menjadi kotak_talenta pegawai",
)

# Personal data no feature needs: dropped at ingest, never stored, indexed or shown.
# Matched on the normalised header (exact name or prefix).
SENSITIVE_COLUMNS: tuple[str, ...] = (
    "nik", "no_ktp", "ktp", "kk", "no_kk", "alamat", "alamat_rumah", "domisili", "rt", "rw", "kode_pos",
    "telepon", "telp", "no_telp", "no_hp", "hp", "handphone", "nomor_hp", "ponsel", "email", "e_mail",
    "agama", "religion", "status_perkawinan", "status_kawin", "status_nikah", "marital_status", "jenis_kawin",
    "kawin", "perkawinan", "nomor_hp", "no_telepon", "telepon_rumah", "email_gov", "nomor_telepon", "alamat_ktp",
    "nomor_ktp", "nik_ktp", "no_npwp", "nomor_npwp", "no_bpjs", "nomor_bpjs", "akta", "akte", "kartu_keluarga",
    "nomor_id_document", "no_askes", "no_taspen", "skck", "surat_keterangan_dokter", "surat_keterangan_bebas_narkoba",
    "nomor_dokumen_identitas",
    "suku", "etnis", "tempat_lahir", "asal_daerah", "nama_ayah", "nama_ibu", "nama_pasangan",
    "nama_suami", "nama_istri", "jumlah_anak", "anak", "keluarga", "golongan_darah", "kesehatan",
    "riwayat_penyakit", "tinggi_badan", "berat_badan", "npwp", "bpjs", "no_rekening", "rekening",
)  # fmt: skip


# Short names that are sensitive only as the whole header: 'rw' is the rukun warga of an address,
# but 'rw_jabatan' is a SIASN riwayat table; 'hp' is a phone, 'hp_dinas' still is.
EXACT_ONLY: frozenset[str] = frozenset({"rt", "rw", "kk", "anak"})


def is_sensitive(header: str) -> bool:
    return sensitive_name(normalize_header(header), SENSITIVE_COLUMNS)


def sensitive_name(norm: str, names: Iterable[str]) -> bool:
    """A normalised header that is one of ``names``, or starts with one and '_' (not the EXACT_ONLY ones)."""
    return any(norm == s or (s not in EXACT_ONLY and norm.startswith(s + "_")) for s in names)


def resolve_table(name: str) -> Table | None:
    """Table for a sheet or file stem ('Riwayat Jabatan', 'rw-diklat', 'pegawai')."""
    norm = normalize_header(name)
    for table in TABLES.values():
        if norm == table.name or norm in table.aliases:
            return table
    return None
