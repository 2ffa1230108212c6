"""The records an ASN has, as an HR export holds them.

Only ``nip`` and ``nama`` are required: real exports are incomplete. Personal data that no
feature needs (NIK, address, contacts, family, health, agama, marital status) has no field here,
so it cannot be stored even by mistake.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.domain.nip import validate_nip
from assistant.domain.text import scrub_contacts


class Jenjang(StrEnum):
    SD = "SD"
    SMP = "SMP"
    SMA = "SMA"
    D1 = "D1"
    D2 = "D2"
    D3 = "D3"
    D4 = "D4"
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"

    @property
    def rank(self) -> int:
        """Order for 'at least' comparisons; D4 and S1 are equal (S1/D-IV)."""
        return _JENJANG_RANK[self]


_JENJANG_RANK = {
    Jenjang.SD: 1, Jenjang.SMP: 2, Jenjang.SMA: 3, Jenjang.D1: 4, Jenjang.D2: 5,
    Jenjang.D3: 6, Jenjang.D4: 7, Jenjang.S1: 7, Jenjang.S2: 8, Jenjang.S3: 9,
}  # fmt: skip


class JenisJabatan(StrEnum):
    JPT = "jpt"  # struktural, eselon I/II
    ADMINISTRATOR = "administrator"  # eselon III
    PENGAWAS = "pengawas"  # eselon IV
    FUNGSIONAL = "fungsional"
    PELAKSANA = "pelaksana"


class Predikat(StrEnum):
    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang"
    SANGAT_KURANG = "Sangat Kurang"

    @property
    def score(self) -> float:
        """0..1, for the merit signal."""
        return _PREDIKAT_SCORE[self]


_PREDIKAT_SCORE = {
    Predikat.SANGAT_BAIK: 1.0, Predikat.BAIK: 0.75, Predikat.BUTUH_PERBAIKAN: 0.4,
    Predikat.KURANG: 0.2, Predikat.SANGAT_KURANG: 0.0,
}  # fmt: skip


class Ekspektasi(StrEnum):
    DI_ATAS = "di atas ekspektasi"
    SESUAI = "sesuai ekspektasi"
    DI_BAWAH = "di bawah ekspektasi"


class KategoriPotensi(StrEnum):
    TINGGI = "tinggi"
    MENENGAH = "menengah"
    RENDAH = "rendah"


class TingkatDisiplin(StrEnum):
    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Pendidikan(_Record):
    jenjang: Jenjang | None = None
    jurusan: str | None = None
    institusi: str | None = None
    tahun_lulus: int | None = None


class RiwayatJabatan(_Record):
    jabatan: str
    jenis_jabatan: JenisJabatan | None = None
    eselon: str | None = None
    unit_kerja: str | None = None
    tmt_mulai: dt.date | None = None
    tmt_selesai: dt.date | None = None  # None: still in this post


class Diklat(_Record):
    nama: str
    jenis: str | None = None  # struktural (PIM/PKA/PKP/PKN), teknis, fungsional
    penyelenggara: str | None = None
    tahun: int | None = None
    jam_pelajaran: int | None = None
    nilai: float | None = None
    predikat: str | None = None


class Skp(_Record):
    tahun: int
    predikat: Predikat | None = None
    hasil_kerja: Ekspektasi | None = None
    perilaku: Ekspektasi | None = None


class Asesmen(_Record):
    tanggal: dt.date | None = None
    skor_potensi: float | None = None
    kategori_potensi: KategoriPotensi | None = None
    jpm: float | None = Field(default=None, description="Job Person Match, 0-100")
    catatan: str | None = None


class Penghargaan(_Record):
    nama: str
    tahun: int | None = None


class HukumanDisiplin(_Record):
    tingkat: TingkatDisiplin
    jenis: str | None = None
    tmt_mulai: dt.date | None = None
    tmt_selesai: dt.date | None = None


class Penempatan(_Record):
    """The person's 9-box cell as Talenta settled it at ingest (the instansi's scheme) or as the komite
    calibrated it. Not part of the export: left out of the content hash."""

    kotak: int | None = Field(default=None, ge=1, le=9)
    sumber: str  # ekspor | dihitung | tidak lengkap | kalibrasi
    tahun: int | None = None  # the mapping year (the latest SKP year)
    skema: str | None = None  # the scheme's name
    kotak_semula: int | None = Field(default=None, ge=1, le=9)  # calibration: the cell before
    alasan: str | None = None  # calibration: the reason
    oleh: str | None = None  # calibration: who decided
    tanggal: dt.date | None = None  # calibration: when


class Employee(_Record):
    """One ASN's record. Lists are kept in source order; use the helpers for 'latest'."""

    nip: str
    nama: str = Field(min_length=1)
    gelar_depan: str | None = None
    gelar_belakang: str | None = None
    jenis_kelamin: str | None = None  # protected: never a ranking input
    tanggal_lahir: dt.date | None = None  # protected: only for the JPT age rule
    status: str | None = None  # PNS / PPPK
    tmt_cpns: dt.date | None = None
    golongan: str | None = None
    tmt_golongan: dt.date | None = None
    jabatan: str | None = None
    jenis_jabatan: JenisJabatan | None = None
    eselon: str | None = None
    unit_kerja: str | None = None
    tmt_jabatan: dt.date | None = None
    pendidikan: list[Pendidikan] = Field(default_factory=list)
    riwayat_jabatan: list[RiwayatJabatan] = Field(default_factory=list)
    diklat: list[Diklat] = Field(default_factory=list)
    skp: list[Skp] = Field(default_factory=list)
    asesmen: list[Asesmen] = Field(default_factory=list)
    kotak_talenta: int | None = Field(default=None, ge=1, le=9, description="9-box cell from the export")
    penghargaan: list[Penghargaan] = Field(default_factory=list)
    hukuman_disiplin: list[HukumanDisiplin] = Field(default_factory=list)
    ringkasan: str | None = None
    penempatan: Penempatan | None = Field(
        default=None, description="The settled 9-box placement (scheme or calibration); not from the export."
    )

    @field_validator("nip", mode="before")
    @classmethod
    def _valid_nip(cls, value: object) -> str:
        return validate_nip(value)

    @field_validator("ringkasan")
    @classmethod
    def _no_contacts(cls, value: str | None) -> str | None:
        """Contact data in a profile or CV text (e-mail, phone, NIK, street address) is dropped at
        ingest, whatever the source: never stored, indexed or shown."""
        return (scrub_contacts(value) or None) if value else value

    @property
    def nama_lengkap(self) -> str:
        """Name with academic titles, as it appears on official letters."""
        name = self.nama
        if self.gelar_depan:
            name = f"{self.gelar_depan} {name}"
        if self.gelar_belakang:
            name = f"{name}, {self.gelar_belakang}"
        return name

    def pendidikan_tertinggi(self) -> Pendidikan | None:
        ranked = [p for p in self.pendidikan if p.jenjang is not None]
        if not ranked:
            return self.pendidikan[-1] if self.pendidikan else None
        return max(ranked, key=lambda p: (p.jenjang.rank if p.jenjang else 0, p.tahun_lulus or 0))

    def skp_terbaru(self, n: int = 3) -> list[Skp]:
        return sorted(self.skp, key=lambda s: s.tahun, reverse=True)[:n]

    def asesmen_terbaru(self) -> Asesmen | None:
        if not self.asesmen:
            return None
        return max(self.asesmen, key=lambda a: a.tanggal or dt.date.min)

    def content_hash(self) -> str:
        """Stable hash of the whole record: unchanged records are skipped on re-ingest."""
        payload = json.dumps(self.model_dump(mode="json", exclude={"penempatan"}), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()
