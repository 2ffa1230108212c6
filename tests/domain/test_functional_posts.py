"""Each official jabatan fungsional meets, by its title's words, the field whose work it is (issue 15).

A regent asks for a field ('bidang perhubungan'); a SIASN record names only the post ('PENGUJI KENDARAAN
BERMOTOR AHLI MUDA'), often in a unit of another field (a Pranata Komputer at a puskesmas). The title must then
hold one of the record words the field is searched with. Titles as PermenPAN-RB names them; each maps to the
field a pemda organises its work under (its dinas or bidang). Titles that meet their field only through their
unit are listed apart, so a change that closes or opens a gap is seen.
"""

import pytest

from assistant.domain.query import concept_stems, concept_token, thesaurus
from assistant.retrieval.lexical import record_tokens

MEETS = {
    "Penyuluh Pertanian": ["penyuluhan pertanian", "pertanian"],
    "Pengendali Organisme Pengganggu Tumbuhan": ["perlindungan tanaman"],
    "Pengawas Benih Tanaman": ["perbenihan tanaman", "pertanian"],
    "Pengawas Mutu Hasil Pertanian": ["pertanian"],
    "Analis Ketahanan Pangan": ["ketahanan pangan"],
    "Medik Veteriner": ["kesehatan hewan", "peternakan"],
    "Paramedik Veteriner": ["kesehatan hewan", "peternakan"],
    "Pengawas Bibit Ternak": ["perbibitan dan produksi ternak", "peternakan"],
    "Penyuluh Perikanan": ["perikanan"],
    "Pengelola Produksi Perikanan Tangkap": ["perikanan tangkap", "perikanan"],
    "Pengendali Hama dan Penyakit Ikan": ["kesehatan ikan dan lingkungan", "perikanan"],
    "Pengawas Perikanan": ["pengawasan sumber daya kelautan dan perikanan", "perikanan"],
    "Penyuluh Kehutanan": ["perhutanan sosial dan penyuluhan kehutanan", "kehutanan"],
    "Polisi Kehutanan": ["kehutanan"],
    "Pengendali Ekosistem Hutan": ["kehutanan"],
    "Pengendali Dampak Lingkungan": ["lingkungan hidup"],
    "Pengawas Lingkungan Hidup": ["lingkungan hidup"],
    "Teknik Jalan dan Jembatan": ["bina marga", "pekerjaan umum"],
    "Teknik Pengairan": ["sumber daya air"],
    "Pembina Jasa Konstruksi": ["jasa konstruksi", "pekerjaan umum"],
    "Penata Ruang": ["tata ruang"],
    "Penata Kadastral": ["pertanahan"],
    "Penguji Kendaraan Bermotor": ["pengujian kendaraan", "perhubungan"],
    "Pengawas Keselamatan Pelayaran": ["perhubungan"],
    "Penguji Sarana Perkeretaapian": ["perhubungan"],
    "Teknisi Penerbangan": ["perhubungan"],
    "Pekerja Sosial": ["sosial"],
    "Penyuluh Keluarga Berencana": ["penyuluhan keluarga berencana", "pengendalian penduduk dan keluarga berencana"],
    "Administrator Database Kependudukan": ["kependudukan dan pencatatan sipil"],
    "Penggerak Swadaya Masyarakat": ["pemberdayaan masyarakat desa"],
    "Dokter": ["kesehatan"],
    "Perawat": ["keperawatan", "kesehatan"],
    "Bidan": ["kebidanan", "kesehatan"],
    "Apoteker": ["farmasi"],
    "Nutrisionis": ["gizi"],
    "Sanitarian": ["kesehatan lingkungan", "kesehatan"],
    "Epidemiolog Kesehatan": ["surveilans dan imunisasi", "kesehatan"],
    "Pranata Laboratorium Kesehatan": ["laboratorium", "kesehatan"],
    "Perekam Medis": ["rekam medis", "kesehatan"],
    "Radiografer": ["radiologi", "kesehatan"],
    "Fisioterapis": ["fisioterapi", "kesehatan"],
    "Elektromedis": ["alat kesehatan", "kesehatan"],
    "Guru": ["pendidikan"],
    "Pengawas Sekolah": ["penjaminan mutu pendidikan", "pendidikan"],
    "Pamong Belajar": ["pendidikan nonformal dan kesetaraan", "pendidikan"],
    "Pamong Budaya": ["kebudayaan"],
    "Adyatama Kepariwisataan dan Ekonomi Kreatif": ["pariwisata"],
    "Pustakawan": ["perpustakaan"],
    "Arsiparis": ["kearsipan"],
    "Statistisi": ["statistik"],
    "Pranata Komputer": ["teknologi informasi"],
    "Sandiman": ["persandian"],
    "Pranata Hubungan Masyarakat": ["hubungan masyarakat"],
    "Perancang Peraturan Perundang-undangan": ["perancangan peraturan perundang-undangan", "hukum"],
    "Polisi Pamong Praja": ["ketertiban umum"],
    "Analis Kebakaran": ["pemadam kebakaran"],
    "Perencana": ["perencanaan pembangunan"],
    "Auditor": ["pengawasan"],
    "Analis Sumber Daya Manusia Aparatur": ["kepegawaian"],
    "Widyaiswara": ["pengembangan kompetensi aparatur"],
    "Analis Keuangan Pusat dan Daerah": ["pengelolaan keuangan daerah"],
    "Penilai Pajak Bumi dan Bangunan": ["pajak bumi dan bangunan", "pajak daerah"],
    "Pengelola Pengadaan Barang/Jasa": ["pengadaan barang dan jasa"],
    "Penilai Pemerintah": ["penilaian aset"],
    "Perisalah Legislatif": ["persidangan dan risalah", "sekretariat dprd"],
    "Pengawas Koperasi": ["pengawasan dan pemeriksaan koperasi", "koperasi dan usaha mikro"],
    "Penera": ["metrologi legal"],
    "Pengawas Ketenagakerjaan": ["pengawasan ketenagakerjaan", "ketenagakerjaan"],
    "Pengantar Kerja": ["ketenagakerjaan"],
    "Inspektur Tambang": ["energi dan sumber daya mineral"],
    "Terapis Gigi dan Mulut": ["kesehatan gigi", "kesehatan"],
    "Fisikawan Medik": ["kesehatan"],
    "Refraksionis Optisien": ["kesehatan"],
    "Ortotis Prostetis": ["kesehatan"],
    "Okupasi Terapis": ["kesehatan"],
    "Instruktur": ["ketenagakerjaan"],
    "Penyelidik Bumi": ["energi dan sumber daya mineral"],
    "Inspektur Ketenagalistrikan": ["ketenagalistrikan", "energi dan sumber daya mineral"],
    "Radiografer Terampil": ["pelayanan kesehatan primer"],  # the bidang Pelayanan Kesehatan: its professions
    "Nutrisionis Ahli Pertama": ["pelayanan kesehatan primer"],
    "Mediator Hubungan Industrial": ["ketenagakerjaan"],
    "Pranata Komputer Ahli Pertama": ["teknologi informasi", "komunikasi dan informatika"],
    "PRANATA HUMAS AHLI MUDA": ["komunikasi dan informatika"],
}

# Courses as BKN and the ministries' training centres name them, and the field they train for.
COURSES = {
    "Pelatihan Manajemen Terpadu Balita Sakit (MTBS)": "kesehatan",
    "PELATIHAN PPGD (PENANGGULANGAN PENDERITA GAWAT DARURAT)": "kesehatan",
    "Pelatihan Pelayanan Obstetri Neonatal Emergensi Dasar (PONED)": "kesehatan",
    "Diklat Pengelolaan Terminal Penumpang": "perhubungan",
    "Pelatihan Pengelolaan Perparkiran dan Parkir Elektronik": "perhubungan",
    "Pelatihan Juru Sembelih Halal (Juleha)": "peternakan",
    "Bimtek Penyusunan e-RDKK Pupuk Bersubsidi": "pertanian",
    "Pelatihan Penerbitan Keterangan Rencana Kota (KRK)": "tata ruang",
    "Bimtek Penerimaan Peserta Didik Baru (PPDB) Online": "pendidikan",
    "Pelatihan Fungsional Mediator Hubungan Industrial": "ketenagakerjaan",
    "PELATIHAN FUNGSIONAL PRANATA KOMPUTER AHLI": "komunikasi dan informatika",
}

# Found only through their unit (or their sub-field's own name) today: their titles share no record word
# with the broad field ('Teknik Pengairan' is 'air', which would also meet 'air conditioning'; 'Penguji Mutu
# Barang' holds only words every field uses).
UNIT_ONLY = {
    "Teknik Pengairan": "pekerjaan umum",
    "Teknik Penyehatan Lingkungan": "pekerjaan umum",
    "Surveyor Pemetaan": "pertanahan",
    "Tenaga Sanitasi Lingkungan": "kesehatan",
    "Penguji Mutu Barang": "perdagangan",
}


def _meets(title: str, key: str) -> bool:
    """The title's record tokens hold one of the field's record words or its phrase token."""
    return bool(set(record_tokens(title)) & (concept_stems(key) | {concept_token(key)}))


@pytest.mark.parametrize(("title", "fields"), MEETS.items())
def test_a_functional_post_meets_its_field(title, fields):
    for key in fields:
        assert key in thesaurus(), key
        assert _meets(title, key), (title, key)
        assert _meets(title.upper() + " AHLI MUDA", key), (title, key)  # as a SIASN export writes it


@pytest.mark.parametrize(("title", "key"), UNIT_ONLY.items())
def test_the_known_gaps_are_still_gaps(title, key):
    assert not _meets(title, key)


@pytest.mark.parametrize(("course", "key"), COURSES.items())
def test_a_course_meets_the_field_it_trains_for(course, key):
    assert _meets(course, key), (course, key)
