"""Value cleaning, table-driven: what each column kind accepts, and why it refuses the rest."""

import datetime as dt

import pytest

from assistant.domain.models import (
    Ekspektasi,
    JenisJabatan,
    Jenjang,
    KategoriPotensi,
    Predikat,
    TingkatDisiplin,
)
from ingest.values import (
    CLEANERS,
    Context,
    ValueProblem,
    clean,
    clean_jenis_jabatan,
    clean_nip,
    clean_predikat,
    is_missing,
    split_titles,
)

NIP = "198703122010011003"


@pytest.mark.parametrize("kind", sorted(CLEANERS))
@pytest.mark.parametrize(
    "raw", [None, "", "   ", "null", "NULL", "None", "-", "NaN", "nan", "Data tidak ditemukan", "DATA TIDAK DITEMUKAN",
            float("nan")]
)  # fmt: skip
def test_missing_values_are_none_for_every_kind(kind, raw):
    assert is_missing(raw)
    assert clean(kind, raw) is None


@pytest.mark.parametrize(
    "kind, raw, expected",
    [
        ("text", "  Dinas   Perikanan \n", "Dinas Perikanan"),
        ("text", 12.0, "12"),
        ("text", 7, "7"),
        ("text", dt.datetime(2020, 1, 2), "2020-01-02"),
        ("nip", NIP, NIP),
        ("nip", "'198703122010011003", NIP),
        ("nip", "19870312 201001 1 003", NIP),
        ("nip", " 198703122010011003 ", NIP),
        ("date", dt.datetime(1987, 3, 12, 0, 0), dt.date(1987, 3, 12)),
        ("date", dt.date(1987, 3, 12), dt.date(1987, 3, 12)),
        ("date", 31848, dt.date(1987, 3, 12)),
        ("date", 31848.0, dt.date(1987, 3, 12)),
        ("date", "31848", dt.date(1987, 3, 12)),
        ("date", "12-03-1987", dt.date(1987, 3, 12)),
        ("date", "12/03/1987", dt.date(1987, 3, 12)),
        ("date", "12.03.1987", dt.date(1987, 3, 12)),
        ("date", "2-3-1987", dt.date(1987, 3, 2)),
        ("date", "1987-03-12", dt.date(1987, 3, 12)),
        ("date", "1987/03/12", dt.date(1987, 3, 12)),
        ("date", "2019-03-01T00:00:00", dt.date(2019, 3, 1)),
        ("date", "2019-03-01 00:00:00", dt.date(2019, 3, 1)),
        ("date", "2019-03-01T08:30:00.000Z", dt.date(2019, 3, 1)),
        ("date", "03-2019", dt.date(2019, 3, 1)),
        ("date", "03/2019", dt.date(2019, 3, 1)),
        ("date", "12 Maret 1987", dt.date(1987, 3, 12)),
        ("date", "12 Mar 1987", dt.date(1987, 3, 12)),
        ("date", "12-Agu-1987", dt.date(1987, 8, 12)),
        ("date", "1 Nopember 2001", dt.date(2001, 11, 1)),
        ("date", "March 12, 1987", dt.date(1987, 3, 12)),
        ("date", "Kamis, 12 Maret 1987", dt.date(1987, 3, 12)),
        ("date", "Desember 2019", dt.date(2019, 12, 1)),
        ("date", "19870312", dt.date(1987, 3, 12)),
        ("year", "2019", 2019),
        ("year", 2019, 2019),
        ("year", 2019.0, 2019),
        ("year", "2019.0", 2019),
        ("year", dt.date(2019, 5, 1), 2019),
        ("year", "Semester I 2023", 2023),
        ("int", "12", 12),
        ("int", 12.0, 12),
        ("int", "12,0", 12),
        ("int", "40 JP", 40),
        ("float", "12,5", 12.5),
        ("float", "12.5", 12.5),
        ("float", "1.234,5", 1234.5),
        ("float", 80, 80.0),
        ("golongan", "III/c", "III/c"),
        ("golongan", "III/C", "III/c"),
        ("golongan", "Penata (III/c)", "III/c"),
        ("golongan", "III-c", "III/c"),
        ("golongan", 33, "III/c"),
        ("golongan", "33", "III/c"),
        ("golongan", 33.0, "III/c"),
        ("golongan", "IX", "IX"),
        ("jenjang", "S1", Jenjang.S1),
        ("jenjang", "S-1", Jenjang.S1),
        ("jenjang", "Strata 1", Jenjang.S1),
        ("jenjang", "Sarjana", Jenjang.S1),
        ("jenjang", "S-1 Teknik Sipil", Jenjang.S1),
        ("jenjang", "Profesi", Jenjang.S1),  # Ners, Apoteker: after an S1 (a blind SIASN set had them rejected)
        ("jenjang", "Pendidikan Profesi Ners", Jenjang.S1),
        ("jenjang", "Sp-1", Jenjang.S2),
        ("jenjang", "Spesialis II", Jenjang.S3),
        ("jenjang", "D-IV", Jenjang.D4),
        ("jenjang", "DIV", Jenjang.D4),
        ("jenjang", "D IV", Jenjang.D4),
        ("jenjang", "D4", Jenjang.D4),
        ("jenjang", "D-III", Jenjang.D3),
        ("jenjang", "Diploma III", Jenjang.D3),
        ("jenjang", "D3", Jenjang.D3),
        ("jenjang", "SLTA", Jenjang.SMA),
        ("jenjang", "SMA", Jenjang.SMA),
        ("jenjang", "SMK", Jenjang.SMA),
        ("jenjang", "SMU", Jenjang.SMA),
        ("jenjang", "MA", Jenjang.SMA),
        ("jenjang", "SLTA/Sederajat", Jenjang.SMA),
        ("jenjang", "SLTP", Jenjang.SMP),
        ("jenjang", "SMP", Jenjang.SMP),
        ("jenjang", "S2", Jenjang.S2),
        ("jenjang", "Magister", Jenjang.S2),
        ("jenjang", "Pasca Sarjana", Jenjang.S2),
        ("jenjang", "S3", Jenjang.S3),
        ("jenjang", "Doktor", Jenjang.S3),
        ("jenjang", "SD", Jenjang.SD),
        ("jenis_jabatan", "jpt", JenisJabatan.JPT),
        ("jenis_jabatan", "JPT Pratama", JenisJabatan.JPT),
        ("jenis_jabatan", "Jabatan Pimpinan Tinggi", JenisJabatan.JPT),
        ("jenis_jabatan", "administrator", JenisJabatan.ADMINISTRATOR),
        ("jenis_jabatan", "Pengawas", JenisJabatan.PENGAWAS),
        ("jenis_jabatan", "fungsional", JenisJabatan.FUNGSIONAL),
        ("jenis_jabatan", "Jabatan Fungsional Tertentu", JenisJabatan.FUNGSIONAL),
        ("jenis_jabatan", "JFT", JenisJabatan.FUNGSIONAL),
        ("jenis_jabatan", "pelaksana", JenisJabatan.PELAKSANA),
        ("jenis_jabatan", "Fungsional Umum", JenisJabatan.PELAKSANA),
        ("jenis_jabatan", "JFU", JenisJabatan.PELAKSANA),
        ("predikat", "Sangat Baik", Predikat.SANGAT_BAIK),
        ("predikat", "SANGAT BAIK", Predikat.SANGAT_BAIK),
        ("predikat", "sangat_baik", Predikat.SANGAT_BAIK),
        ("predikat", "butuh perbaikan", Predikat.BUTUH_PERBAIKAN),
        ("predikat", "Baik", Predikat.BAIK),
        ("ekspektasi", "Di Atas Ekspektasi", Ekspektasi.DI_ATAS),
        ("ekspektasi", "diatas ekspektasi", Ekspektasi.DI_ATAS),
        ("ekspektasi", "DIATAS", Ekspektasi.DI_ATAS),
        ("ekspektasi", "above", Ekspektasi.DI_ATAS),
        ("ekspektasi", "Sesuai Ekspektasi", Ekspektasi.SESUAI),
        ("ekspektasi", "di bawah ekspektasi", Ekspektasi.DI_BAWAH),
        ("potensi", "Tinggi", KategoriPotensi.TINGGI),
        ("potensi", "high", KategoriPotensi.TINGGI),
        ("potensi", "Menengah", KategoriPotensi.MENENGAH),
        ("potensi", "rendah", KategoriPotensi.RENDAH),
        ("disiplin", "Hukuman Disiplin Ringan", TingkatDisiplin.RINGAN),
        ("disiplin", "berat", TingkatDisiplin.BERAT),
        ("disiplin", "SEDANG", TingkatDisiplin.SEDANG),
        ("kotak", "7", 7),
        ("kotak", "Kotak 7", 7),
        ("kotak", 7.0, 7),
        ("kotak", 9, 9),
    ],
)
def test_clean_accepts(kind, raw, expected):
    assert clean(kind, raw) == expected


@pytest.mark.parametrize(
    "kind, raw, reason",
    [
        ("nip", "12345", "NIP harus 18 digit, bukan 5"),
        ("nip", "198713122010011003", "tanggal lahir"),
        ("nip", "1.98703E+17", "notasi ilmiah"),
        ("nip", 1.98703122010011e17, "NIP tersimpan sebagai angka dan kehilangan digit"),
        ("nip", 198703122010011000, "NIP tersimpan sebagai angka dan kehilangan digit"),
        ("nip", 198703122010011008, "NIP tersimpan sebagai angka dan kehilangan digit"),
        ("date", "tanggal-salah", "tanggal tidak valid: 'tanggal-salah' (format yang diterima: dd-mm-yyyy"),
        ("date", "31-02-2019", "tidak ada di kalender"),
        ("date", "03/25/1987", "bulan 25 tidak ada"),
        ("date", "12-03-1887", "di luar rentang 1900-2100"),
        ("date", "12-03-2150", "di luar rentang 1900-2100"),
        ("date", "1987", "hanya berisi tahun"),
        ("date", 1987, "hanya berisi tahun"),
        ("date", "12-03-87", "tanggal tidak valid"),
        ("date", 9_000_000, "tanggal tidak valid"),
        ("year", "1850", "di luar rentang"),
        ("year", "2019/2020", "lebih dari satu tahun"),
        ("year", "tahun lalu", "tahun tidak valid"),
        ("year", 2019.5, "tahun tidak valid"),
        ("int", "12,5", "bilangan bulat"),
        ("int", "dua belas", "bukan angka"),
        ("float", "abc", "bukan angka"),
        ("float", "-3", "negatif"),
        ("golongan", "III/z", "golongan tidak dikenal"),
        ("jenjang", "Kursus Menjahit", "jenjang pendidikan tidak dikenal"),
        ("jenis_jabatan", "Ketua RT", "jenis jabatan tidak dikenal"),
        ("predikat", "Cukup Oke", "predikat kinerja tidak dikenal"),
        ("ekspektasi", "luar biasa", "rating tidak dikenal"),
        ("potensi", "super", "kategori potensi tidak dikenal"),
        ("disiplin", "pidana", "tingkat hukuman disiplin tidak dikenal"),
        ("kotak", "10", "kotak talenta harus 1-9"),
        ("kotak", 0, "kotak talenta harus 1-9"),
        ("kotak", "Kotak A", "kotak talenta harus 1-9"),
        ("text", ["a", "b"], "bukan daftar"),
    ],
)
def test_clean_rejects_with_reason(kind, raw, reason):
    with pytest.raises(ValueProblem) as info:
        clean(kind, raw)
    assert reason in info.value.reason


@pytest.mark.parametrize(
    "eselon, expected",
    [("II.b", JenisJabatan.JPT), ("III.a", JenisJabatan.ADMINISTRATOR), ("IV/a", JenisJabatan.PENGAWAS),
     ("Eselon III", JenisJabatan.ADMINISTRATOR), ("4", JenisJabatan.PENGAWAS)],
)  # fmt: skip
def test_struktural_resolves_through_eselon(eselon, expected):
    ctx = Context(eselon=eselon)
    assert clean_jenis_jabatan("Struktural", ctx) == expected
    assert ctx.warnings == []


@pytest.mark.parametrize("eselon", [None, "", "Non Eselon"])
def test_struktural_without_eselon_is_none_with_a_warning(eselon):
    ctx = Context(eselon=eselon)
    assert clean_jenis_jabatan("Struktural", ctx) is None
    assert len(ctx.warnings) == 1 and "Struktural" in ctx.warnings[0]


def test_exact_int_nip_is_kept_with_a_warning():
    # An int that no float can produce was written digit by digit (e.g. by a script): digits are intact.
    assert float(int(NIP)) != int(NIP)
    ctx = Context()
    assert clean_nip(int(NIP), ctx) == NIP
    assert "sebagai teks" in ctx.warnings[0]


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Ir. Siti Rahmawati, M.Si.", ("Ir.", "Siti Rahmawati", "M.Si.")),
        ("Dr. Ir. H. Ahmad Fauzi, S.Pi., M.Si.", ("Dr. Ir. H.", "Ahmad Fauzi", "S.Pi., M.Si.")),
        ("Budi Santoso, SE", (None, "Budi Santoso", "SE")),
        ("Hj. Nurhayati", ("Hj.", "Nurhayati", None)),
        ("dr. Rina Wulandari, Sp.PD", ("dr.", "Rina Wulandari", "Sp.PD")),
        ("Siti Aminah, S.Kep., Ns.", (None, "Siti Aminah", "S.Kep., Ns.")),
        ("Muh. Ridwan, A.Md.Kep", (None, "Muh. Ridwan", "A.Md.Kep")),
        # not titles: kept in the name, nothing dropped
        ("Andi", (None, "Andi", None)),
        ("H Hasan", (None, "H Hasan", None)),
        ("Ahmad, bin Umar", (None, "Ahmad, bin Umar", None)),
    ],
)
def test_titles_are_split_from_names(full, expected):
    assert split_titles(full) == expected


@pytest.mark.parametrize(("old", "new"), [("Cukup", Predikat.BUTUH_PERBAIKAN), ("BURUK", Predikat.SANGAT_KURANG)])
def test_old_skp_predicates_are_read_with_a_warning(old, new):
    ctx = Context()
    assert clean_predikat(old, ctx) == new
    assert "predikat lama" in ctx.warnings[0]
