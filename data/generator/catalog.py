"""All the vocabulary of the fictional regency, as data.

Fields of work (bidang), units (OPD) with their structural posts, staff posts per field, majors and
titles, institutions, trainings, awards, names and the phrases of the free-text profile. The
generator (``regency.py``) only combines these. Everything here is fictional or generic: the
regency, its sub-districts and the people do not exist; universities, ministries and training
bodies are real institutions named only as places of study or training.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REGENCY_NAME = "Kabupaten Tanjung Seruni"
REGENCY_SHORT = "Tanjung Seruni"
PROVINCE_TRAINING_BODY = "BPSDM Provinsi"
KECAMATAN: tuple[str, ...] = ("Tanjung Seruni", "Pantai Lestari", "Bukit Harapan", "Sungai Jernih", "Muara Indah")
KELURAHAN: dict[str, tuple[str, ...]] = {
    "Tanjung Seruni": ("Seruni Kota", "Pasar Lama"), "Pantai Lestari": ("Pantai Lestari", "Tanjung Harapan"),
    "Bukit Harapan": ("Bukit Harapan", "Sido Makmur"), "Sungai Jernih": ("Sungai Jernih", "Lubuk Raya"),
    "Muara Indah": ("Muara Indah", "Bagan Baru"),
}
DESA: tuple[str, ...] = (
    "Sukamaju", "Karang Anyar", "Tanjung Baru", "Sei Lestari", "Pasir Putih", "Kampung Nelayan", "Bumi Asri",
    "Lubuk Damai", "Padang Sari", "Teluk Permai", "Rawa Indah", "Bukit Indah", "Mekar Jaya", "Sumber Rejeki",
)  # fmt: skip


# --------------------------------------------------------------------------------------------------
# Fields of work
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldInfo:
    """A field of work (bidang): labels in Indonesian and English, and words that signal it."""

    key: str
    label: str  # Indonesian
    label_en: str
    keywords: tuple[str, ...] = ()


def _f(key: str, label: str, label_en: str, keywords: str) -> FieldInfo:
    return FieldInfo(key, label, label_en, tuple(k.strip() for k in keywords.split(",") if k.strip()))


FIELDS: dict[str, FieldInfo] = {
    f.key: f
    for f in (
        _f("perikanan", "Perikanan", "Fisheries",
           "perikanan, ikan, budidaya, nelayan, tambak, kelautan, akuakultur, tpi, pembudidaya, benih ikan, "
           "perikanan tangkap, fisheries, aquaculture, fish"),
        _f("kesehatan", "Kesehatan", "Health",
           "kesehatan, puskesmas, rumah sakit, rsud, dokter, perawat, bidan, gizi, stunting, imunisasi, "
           "medis, kesehatan masyarakat, health, medical, nurse"),
        _f("keuangan", "Keuangan", "Finance",
           "keuangan, anggaran, akuntansi, bendahara, apbd, pajak daerah, pendapatan, aset daerah, "
           "laporan keuangan, finance, budget, accounting"),
        _f("teknologi_informasi", "Teknologi Informasi dan Komunikasi", "Information Technology",
           "teknologi informasi, informatika, aplikasi, jaringan, spbe, keamanan informasi, komputer, "
           "sistem informasi, data, persandian, statistik sektoral, humas, it, software, digital"),
        _f("pendidikan", "Pendidikan", "Education",
           "pendidikan, guru, sekolah, pengajar, kurikulum, siswa, pembelajaran, paud, education, teacher"),
        _f("pertanian", "Pertanian", "Agriculture",
           "pertanian, petani, penyuluh pertanian, tanaman pangan, hortikultura, perkebunan, peternakan, "
           "kesehatan hewan, agriculture, farming"),
        _f("pekerjaan_umum", "Pekerjaan Umum dan Penataan Ruang", "Public Works",
           "pekerjaan umum, jalan, jembatan, irigasi, konstruksi, tata ruang, bangunan, sumber daya air, "
           "teknik sipil, infrastruktur, public works, infrastructure"),
        _f("lingkungan_hidup", "Lingkungan Hidup", "Environment",
           "lingkungan hidup, sampah, limbah, pencemaran, amdal, kualitas air, bank sampah, iklim, "
           "environment, waste"),
        _f("perhubungan", "Perhubungan", "Transportation",
           "perhubungan, lalu lintas, angkutan, terminal, pengujian kendaraan, parkir, dermaga, transportasi, "
           "transport, traffic"),
        _f("sosial", "Sosial", "Social Affairs",
           "sosial, bantuan sosial, kesejahteraan sosial, rehabilitasi sosial, dtks, pkh, disabilitas, "
           "fakir miskin, social welfare"),
        _f("kependudukan", "Kependudukan dan Pencatatan Sipil", "Civil Registration",
           "kependudukan, pencatatan sipil, ktp elektronik, akta, adminduk, data kependudukan, dukcapil, "
           "civil registration, population"),
        _f("perencanaan", "Perencanaan Pembangunan", "Development Planning",
           "perencanaan, rpjmd, rkpd, musrenbang, evaluasi pembangunan, bappeda, statistik, kajian kebijakan, "
           "planning, development"),
        _f("kepegawaian", "Kepegawaian dan SDM Aparatur", "Civil Service HR",
           "kepegawaian, sdm aparatur, mutasi, kenaikan pangkat, analisis jabatan, manajemen talenta, "
           "pengembangan kompetensi, human resources, hr"),
        _f("pengawasan", "Pengawasan Internal", "Internal Audit",
           "pengawasan, audit, auditor, inspektorat, reviu, spip, zona integritas, pemeriksaan, internal audit"),
        _f("ketertiban", "Ketenteraman dan Ketertiban Umum", "Public Order",
           "ketertiban, satpol pp, penegakan perda, linmas, trantib, pamong praja, public order"),
        _f("kebencanaan", "Penanggulangan Bencana", "Disaster Management",
           "bencana, kebencanaan, tanggap darurat, kesiapsiagaan, banjir, bpbd, mitigasi, logistik, "
           "disaster, emergency"),
        _f("penanaman_modal", "Penanaman Modal dan Perizinan", "Investment and Licensing",
           "penanaman modal, investasi, perizinan, oss, ptsp, izin usaha, lkpm, investment, licensing"),
        _f("pemerintahan", "Pemerintahan Umum", "General Government",
           "pemerintahan, pemerintahan desa, kecamatan, administrasi umum, kearsipan, protokol, tata usaha, "
           "government, administration"),
        _f("hukum", "Hukum", "Legal Affairs",
           "hukum, peraturan daerah, perda, perbup, bantuan hukum, jdih, legislasi, perundang-undangan, legal, law"),
    )
}  # fmt: skip

# Fields a mid-career change plausibly comes from (current field -> earlier fields).
RELATED_FIELDS: dict[str, tuple[str, ...]] = {
    "perikanan": ("pertanian", "lingkungan_hidup"),
    "pertanian": ("perikanan", "lingkungan_hidup"),
    "lingkungan_hidup": ("pertanian", "pekerjaan_umum", "perikanan", "kesehatan"),
    "keuangan": ("perencanaan", "pengawasan", "penanaman_modal"),
    "pengawasan": ("keuangan", "hukum"),
    "perencanaan": ("keuangan", "pekerjaan_umum", "perikanan", "pertanian", "teknologi_informasi"),
    "kepegawaian": ("pemerintahan", "pendidikan", "hukum"),
    "pemerintahan": ("kepegawaian", "ketertiban", "sosial", "kependudukan"),
    "hukum": ("pemerintahan", "ketertiban"),
    "ketertiban": ("pemerintahan", "hukum", "kebencanaan"),
    "kebencanaan": ("ketertiban", "sosial", "pekerjaan_umum"),
    "sosial": ("pemerintahan", "kesehatan"),
    "kependudukan": ("pemerintahan", "teknologi_informasi"),
    "teknologi_informasi": ("kependudukan", "perencanaan"),
    "penanaman_modal": ("keuangan", "perencanaan", "hukum"),
    "perhubungan": ("pekerjaan_umum", "ketertiban"),
    "pekerjaan_umum": ("perhubungan", "lingkungan_hidup"),
    "kesehatan": ("sosial",),
    "pendidikan": ("kepegawaian",),
}


# --------------------------------------------------------------------------------------------------
# Majors, titles and institutions
# --------------------------------------------------------------------------------------------------

OLD_TITLE_UNTIL = 1995  # S1 graduates before this year carry Ir. / Drs. instead of today's S.x.


@dataclass(frozen=True)
class Major:
    """A programme of study and the title it gives.

    ``before`` lists older titles as (until_year, gelar_depan, gelar_belakang), checked in order:
    an accounting graduate of 2005 is S.E., of 2018 S.Ak.
    """

    jurusan: str
    jenjang: str  # SMA, D2, D3, D4, S1, S2, S3
    gelar: str = ""  # gelar belakang
    depan: str = ""  # gelar depan (dr., drg., drh.)
    before: tuple[tuple[int, str, str], ...] = ()
    weight: float = 1.0  # how common the programme is among the field's staff


def _m(jurusan: str, jenjang: str, gelar: str = "", depan: str = "", *, ir: bool = False,
       drs: bool = False, until: tuple[int, str] | None = None, weight: float = 1.0) -> Major:
    before: list[tuple[int, str, str]] = []
    if ir:
        before.append((OLD_TITLE_UNTIL, "Ir.", ""))
    if drs:
        before.append((OLD_TITLE_UNTIL, "Drs.", ""))
    if until:
        before.append((until[0], "", until[1]))
    return Major(jurusan, jenjang, gelar, depan, tuple(before), weight)


# Undergraduate and diploma programmes per field (the degree a person enters service with).
MAJORS: dict[str, tuple[Major, ...]] = {
    "perikanan": (
        _m("Budidaya Perairan", "S1", "S.Pi.", ir=True), _m("Manajemen Sumberdaya Perairan", "S1", "S.Pi.", ir=True),
        _m("Ilmu Kelautan", "S1", "S.Kel.", ir=True), _m("Teknologi Hasil Perikanan", "S1", "S.Pi.", ir=True),
        _m("Pemanfaatan Sumberdaya Perikanan", "S1", "S.Pi.", ir=True), _m("Agrobisnis Perikanan", "S1", "S.Pi."),
        _m("Sosial Ekonomi Perikanan", "S1", "S.Pi."), _m("Penyuluhan Perikanan", "D4", "S.Tr.Pi."),
        _m("Teknologi Akuakultur", "D3", "A.Md.Pi."), _m("Teknologi Penangkapan Ikan", "D3", "A.Md.Pi."),
        _m("Agribisnis Perikanan Air Tawar", "SMA"), _m("Nautika Kapal Penangkap Ikan", "SMA"),
    ),
    "kesehatan": (
        _m("Pendidikan Dokter", "S1", "", "dr.", weight=0.6), _m("Pendidikan Dokter Gigi", "S1", "", "drg.", weight=0.15),
        _m("Keperawatan", "S1", "S.Kep., Ners", weight=1.5),
        _m("Kesehatan Masyarakat", "S1", "S.K.M.", weight=1.5),
        _m("Gizi", "S1", "S.Gz."), _m("Farmasi", "S1", "S.Farm., Apt.", weight=0.5), _m("Kebidanan", "D4", "S.Tr.Keb."),
        _m("Keperawatan", "D3", "A.Md.Kep."), _m("Kebidanan", "D3", "A.Md.Keb."), _m("Farmasi", "D3", "A.Md.Farm."),
        _m("Analis Kesehatan", "D3", "A.Md.AK."), _m("Gizi", "D3", "A.Md.Gz."),
        _m("Kesehatan Lingkungan", "D3", "A.Md.KL."), _m("Radiodiagnostik dan Radioterapi", "D3", "A.Md.Rad."),
        _m("Rekam Medis dan Informasi Kesehatan", "D3", "A.Md.RMIK."), _m("Fisioterapi", "D3", "A.Md.Ftr."),
        _m("Keperawatan", "SMA"), _m("Farmasi", "SMA"),
    ),
    "keuangan": (
        _m("Akuntansi", "S1", "S.Ak.", drs=True, until=(2015, "S.E.")), _m("Manajemen Keuangan", "S1", "S.E.", drs=True),
        _m("Ekonomi Pembangunan", "S1", "S.E.", drs=True), _m("Akuntansi Sektor Publik", "D4", "S.Tr.Ak."),
        _m("Akuntansi", "D3", "A.Md.Ak."), _m("Perpajakan", "D3", "A.Md."), _m("Akuntansi", "SMA"),
    ),
    "teknologi_informasi": (
        _m("Teknik Informatika", "S1", "S.Kom."), _m("Teknik Informatika", "S1", "S.T."),
        _m("Sistem Informasi", "S1", "S.Kom."), _m("Ilmu Komputer", "S1", "S.Kom."),
        _m("Teknik Elektro", "S1", "S.T.", ir=True), _m("Ilmu Komunikasi", "S1", "S.I.Kom.", until=(2012, "S.Sos.")),
        _m("Statistika", "S1", "S.Stat.", until=(2010, "S.Si.")), _m("Manajemen Informatika", "D3", "A.Md.Kom."),
        _m("Teknik Komputer", "D3", "A.Md.T."), _m("Teknik Komputer dan Jaringan", "SMA"),
    ),
    "pendidikan": (
        _m("Pendidikan Guru Sekolah Dasar", "S1", "S.Pd."), _m("Pendidikan Matematika", "S1", "S.Pd.", drs=True),
        _m("Pendidikan Bahasa Indonesia", "S1", "S.Pd.", drs=True), _m("Pendidikan Bahasa Inggris", "S1", "S.Pd."),
        _m("Pendidikan Biologi", "S1", "S.Pd.", drs=True), _m("Pendidikan Fisika", "S1", "S.Pd."),
        _m("Pendidikan Ekonomi", "S1", "S.Pd.", drs=True), _m("Pendidikan Jasmani, Kesehatan dan Rekreasi", "S1", "S.Pd."),
        _m("Pendidikan Agama Islam", "S1", "S.Pd.", until=(2013, "S.Pd.I.")), _m("Pendidikan Guru PAUD", "S1", "S.Pd."),
        _m("Bimbingan dan Konseling", "S1", "S.Pd."), _m("Pendidikan Guru Sekolah Dasar", "D2", "A.Ma.Pd."),
        _m("Administrasi Perkantoran", "SMA"),
    ),
    "pertanian": (
        _m("Agroteknologi", "S1", "S.P.", ir=True), _m("Agribisnis", "S1", "S.P.", ir=True), _m("Ilmu Tanah", "S1", "S.P.", ir=True),
        _m("Peternakan", "S1", "S.Pt.", ir=True), _m("Kedokteran Hewan", "S1", "", "drh.", weight=0.3),
        _m("Penyuluhan Pertanian", "D4", "S.Tr.P."), _m("Agribisnis", "D3", "A.Md.P."),
        _m("Kesehatan Hewan", "D3", "A.Md.Pt."), _m("Agribisnis Tanaman Pangan dan Hortikultura", "SMA"),
    ),
    "pekerjaan_umum": (
        _m("Teknik Sipil", "S1", "S.T.", ir=True), _m("Arsitektur", "S1", "S.T.", ir=True),
        _m("Perencanaan Wilayah dan Kota", "S1", "S.T."), _m("Teknik Geodesi", "S1", "S.T."),
        _m("Teknik Sipil", "D3", "A.Md.T."), _m("Teknik Survei dan Pemetaan", "D3", "A.Md.T."),
        _m("Teknik Konstruksi Gedung", "SMA"),
    ),
    "lingkungan_hidup": (
        _m("Teknik Lingkungan", "S1", "S.T."), _m("Biologi", "S1", "S.Si.", drs=True), _m("Kimia", "S1", "S.Si.", drs=True),
        _m("Kehutanan", "S1", "S.Hut.", ir=True), _m("Kesehatan Masyarakat", "S1", "S.K.M."),
        _m("Kesehatan Lingkungan", "D3", "A.Md.KL."), _m("Analis Kimia", "D3", "A.Md."), _m("IPA", "SMA"),
    ),
    "perhubungan": (
        _m("Teknik Sipil", "S1", "S.T.", ir=True), _m("Manajemen Transportasi", "S1", "S.E."),
        _m("Manajemen Transportasi Jalan", "D4", "S.Tr.Tra."), _m("Manajemen Transportasi Jalan", "D3", "A.Md.Tra."),
        _m("Pengujian Kendaraan Bermotor", "D3", "A.Md."), _m("Teknik Kendaraan Ringan", "SMA"),
    ),
    "sosial": (
        _m("Ilmu Kesejahteraan Sosial", "S1", "S.Sos.", drs=True), _m("Sosiologi", "S1", "S.Sos.", drs=True),
        _m("Psikologi", "S1", "S.Psi.", drs=True), _m("Pekerjaan Sosial", "D4", "S.Tr.Sos."),
        _m("Administrasi Perkantoran", "D3", "A.Md."), _m("IPS", "SMA"),
    ),
    "kependudukan": (
        _m("Ilmu Administrasi Negara", "S1", "S.Sos.", drs=True), _m("Sistem Informasi", "S1", "S.Kom."),
        _m("Sosiologi", "S1", "S.Sos.", drs=True), _m("Administrasi Perkantoran", "D3", "A.Md."),
        _m("Manajemen Informatika", "D3", "A.Md.Kom."), _m("IPS", "SMA"), _m("IPA", "SMA"),
    ),
    "perencanaan": (
        _m("Perencanaan Wilayah dan Kota", "S1", "S.T.", ir=True), _m("Ekonomi Pembangunan", "S1", "S.E.", drs=True),
        _m("Statistika", "S1", "S.Stat.", until=(2010, "S.Si.")), _m("Geografi", "S1", "S.Si.", drs=True),
        _m("Statistika", "D4", "S.Tr.Stat."), _m("Administrasi Perkantoran", "D3", "A.Md."), _m("IPA", "SMA"),
    ),
    "kepegawaian": (
        _m("Manajemen Sumber Daya Manusia", "S1", "S.E."), _m("Psikologi", "S1", "S.Psi.", drs=True),
        _m("Ilmu Administrasi Negara", "S1", "S.Sos.", drs=True), _m("Manajemen Sumber Daya Manusia", "D3", "A.Md."),
        _m("Administrasi Perkantoran", "D3", "A.Md."), _m("IPS", "SMA"),
    ),
    "pengawasan": (
        _m("Akuntansi", "S1", "S.Ak.", drs=True, until=(2015, "S.E.")), _m("Ilmu Hukum", "S1", "S.H."),
        _m("Teknik Sipil", "S1", "S.T."), _m("Manajemen", "S1", "S.E.", drs=True),
        _m("Akuntansi", "D3", "A.Md.Ak."), _m("Akuntansi", "SMA"),
    ),
    "ketertiban": (
        _m("Ilmu Hukum", "S1", "S.H."), _m("Ilmu Pemerintahan", "S1", "S.IP."),
        _m("Ilmu Administrasi Negara", "S1", "S.Sos.", drs=True), _m("Administrasi Perkantoran", "D3", "A.Md."),
        _m("IPS", "SMA"), _m("IPA", "SMA"),
    ),
    "kebencanaan": (
        _m("Geografi", "S1", "S.Si."), _m("Teknik Sipil", "S1", "S.T."), _m("Teknik Geologi", "S1", "S.T."),
        _m("Kesehatan Masyarakat", "S1", "S.K.M."), _m("Ilmu Administrasi Negara", "S1", "S.Sos."),
        _m("Teknik Sipil", "D3", "A.Md.T."), _m("IPA", "SMA"),
    ),
    "penanaman_modal": (
        _m("Ekonomi Pembangunan", "S1", "S.E.", drs=True), _m("Manajemen", "S1", "S.E."), _m("Ilmu Hukum", "S1", "S.H."),
        _m("Administrasi Bisnis", "S1", "S.AB.", until=(2012, "S.Sos.")), _m("Administrasi Bisnis", "D3", "A.Md."),
        _m("IPS", "SMA"),
    ),
    "pemerintahan": (
        _m("Ilmu Pemerintahan", "S1", "S.IP.", drs=True), _m("Ilmu Administrasi Negara", "S1", "S.Sos.", drs=True),
        _m("Manajemen Pemerintahan", "D4", "S.STP."), _m("Ilmu Politik", "S1", "S.IP.", drs=True),
        _m("Sosiologi", "S1", "S.Sos.", drs=True), _m("Administrasi Perkantoran", "D3", "A.Md."),
        _m("IPS", "SMA"), _m("IPA", "SMA"),
    ),
    "hukum": (
        _m("Ilmu Hukum", "S1", "S.H."), _m("Hukum Tata Negara", "S1", "S.H."), _m("Hukum Keluarga Islam", "S1", "S.H."),
        _m("Administrasi Perkantoran", "D3", "A.Md."), _m("IPS", "SMA"),
    ),
}  # fmt: skip

# Master's (and specialist) programmes per field; GENERIC_MASTERS are open to every field.
MASTERS: dict[str, tuple[Major, ...]] = {
    "perikanan": (_m("Akuakultur", "S2", "M.Si."), _m("Ilmu Kelautan", "S2", "M.Si."),
                  _m("Pengelolaan Sumberdaya Pesisir dan Lautan", "S2", "M.Si."), _m("Ilmu Perikanan", "S2", "M.P.")),
    "kesehatan": (_m("Kesehatan Masyarakat", "S2", "M.K.M."), _m("Ilmu Kesehatan Masyarakat", "S2", "M.Kes."),
                  _m("Keperawatan", "S2", "M.Kep."), _m("Administrasi Rumah Sakit", "S2", "M.A.R.S.")),
    "keuangan": (_m("Akuntansi", "S2", "M.Ak."), _m("Ilmu Ekonomi", "S2", "M.E.")),
    "teknologi_informasi": (_m("Ilmu Komputer", "S2", "M.Kom."), _m("Teknologi Informasi", "S2", "M.T.I."),
                            _m("Ilmu Komunikasi", "S2", "M.I.Kom.")),
    "pendidikan": (_m("Manajemen Pendidikan", "S2", "M.Pd."), _m("Pendidikan Matematika", "S2", "M.Pd."),
                   _m("Teknologi Pendidikan", "S2", "M.Pd.")),
    "pertanian": (_m("Agronomi", "S2", "M.Si."), _m("Agribisnis", "S2", "M.P."), _m("Ilmu Peternakan", "S2", "M.Pt.")),
    "pekerjaan_umum": (_m("Teknik Sipil", "S2", "M.T."), _m("Pengelolaan Sumber Daya Air", "S2", "M.T.")),
    "lingkungan_hidup": (_m("Ilmu Lingkungan", "S2", "M.Si."), _m("Teknik Lingkungan", "S2", "M.T.")),
    "perhubungan": (_m("Sistem dan Teknik Transportasi", "S2", "M.T."),),
    "sosial": (_m("Kesejahteraan Sosial", "S2", "M.Si."), _m("Psikologi", "S2", "M.Psi.")),
    "kependudukan": (_m("Kependudukan", "S2", "M.Si."),),
    "perencanaan": (_m("Perencanaan Wilayah dan Kota", "S2", "M.T."), _m("Ekonomi Pembangunan", "S2", "M.E."),
                    _m("Perencanaan dan Kebijakan Publik", "S2", "M.E.")),
    "kepegawaian": (_m("Manajemen Sumber Daya Manusia", "S2", "M.M."), _m("Psikologi", "S2", "M.Psi.")),
    "pengawasan": (_m("Akuntansi", "S2", "M.Ak."), _m("Ilmu Hukum", "S2", "M.H.")),
    "ketertiban": (_m("Ilmu Hukum", "S2", "M.H."), _m("Ilmu Pemerintahan", "S2", "M.Si.")),
    "kebencanaan": (_m("Manajemen Bencana", "S2", "M.Si."),),
    "penanaman_modal": (_m("Ekonomi Pembangunan", "S2", "M.E."),),
    "pemerintahan": (_m("Ilmu Pemerintahan", "S2", "M.Si."), _m("Ilmu Politik", "S2", "M.Si.")),
    "hukum": (_m("Ilmu Hukum", "S2", "M.H."), _m("Kenotariatan", "S2", "M.Kn.")),
}  # fmt: skip
GENERIC_MASTERS: tuple[Major, ...] = (
    _m("Manajemen", "S2", "M.M."), _m("Administrasi Publik", "S2", "M.AP."), _m("Ilmu Administrasi", "S2", "M.Si."),
)
# Medical specialists (recorded as jenjang S2), for doctors at the hospital.
SPECIALISTS: tuple[Major, ...] = (
    _m("Spesialis Penyakit Dalam", "S2", "Sp.PD."), _m("Spesialis Anak", "S2", "Sp.A."),
    _m("Spesialis Obstetri dan Ginekologi", "S2", "Sp.OG."), _m("Spesialis Bedah", "S2", "Sp.B."),
    _m("Spesialis Anestesiologi", "S2", "Sp.An."), _m("Spesialis Radiologi", "S2", "Sp.Rad."),
)
DOCTORATES: tuple[Major, ...] = (
    _m("Ilmu Administrasi Publik", "S3", ""), _m("Ilmu Pemerintahan", "S3", ""), _m("Ilmu Ekonomi", "S3", ""),
)

UNIVERSITIES: tuple[str, ...] = (
    "Universitas Gadjah Mada", "Universitas Indonesia", "Universitas Airlangga", "Universitas Diponegoro",
    "Universitas Padjadjaran", "Universitas Brawijaya", "Universitas Hasanuddin", "Universitas Andalas",
    "Universitas Sumatera Utara", "Universitas Sriwijaya", "Universitas Riau", "Universitas Udayana",
    "Universitas Lambung Mangkurat", "Universitas Sam Ratulangi", "Universitas Syiah Kuala",
    "Universitas Jenderal Soedirman", "Universitas Sebelas Maret", "Universitas Lampung", "Universitas Jambi",
    "Universitas Mulawarman", "Universitas Tanjungpura", "Universitas Mataram", "Universitas Bengkulu",
)  # fmt: skip
OPEN_UNIVERSITY = "Universitas Terbuka"  # common for degrees earned while in service
FIELD_INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "perikanan": ("Institut Pertanian Bogor", "Universitas Brawijaya", "Universitas Diponegoro", "Universitas Hasanuddin",
                  "Universitas Riau", "Universitas Padjadjaran", "Universitas Sam Ratulangi",
                  "Politeknik Ahli Usaha Perikanan", "Politeknik Kelautan dan Perikanan Sidoarjo"),
    "kesehatan": ("Universitas Airlangga", "Universitas Gadjah Mada", "Universitas Hasanuddin", "Universitas Andalas",
                  "Universitas Sumatera Utara", "Poltekkes Kemenkes Semarang", "Poltekkes Kemenkes Padang",
                  "Poltekkes Kemenkes Makassar", "Poltekkes Kemenkes Medan", "Poltekkes Kemenkes Surabaya"),
    "keuangan": ("Politeknik Keuangan Negara STAN", "Universitas Gadjah Mada", "Universitas Padjadjaran",
                 "Universitas Andalas", "Universitas Hasanuddin", "Politeknik Negeri Padang"),
    "teknologi_informasi": ("Institut Teknologi Bandung", "Institut Teknologi Sepuluh Nopember", "Universitas Gadjah Mada",
                            "Universitas Brawijaya", "Politeknik Negeri Batam", "Politeknik Negeri Ujung Pandang",
                            "Politeknik Statistika STIS", "Politeknik Siber dan Sandi Negara"),
    "pendidikan": ("Universitas Pendidikan Indonesia", "Universitas Negeri Padang", "Universitas Negeri Makassar",
                   "Universitas Negeri Yogyakarta", "Universitas Negeri Malang", "Universitas Negeri Medan",
                   "Universitas Negeri Semarang", "Universitas Riau"),
    "pertanian": ("Institut Pertanian Bogor", "Universitas Gadjah Mada", "Universitas Andalas", "Universitas Hasanuddin",
                  "Politeknik Pembangunan Pertanian Bogor", "Politeknik Pertanian Negeri Payakumbuh"),
    "pekerjaan_umum": ("Institut Teknologi Bandung", "Institut Teknologi Sepuluh Nopember", "Universitas Diponegoro",
                       "Universitas Hasanuddin", "Politeknik Negeri Bandung", "Politeknik Pekerjaan Umum"),
    "perhubungan": ("Politeknik Keselamatan Transportasi Jalan", "Politeknik Transportasi Darat Indonesia",
                    "Institut Teknologi Bandung", "Universitas Diponegoro"),
    "kependudukan": ("Universitas Terbuka", "Universitas Negeri Padang", "Politeknik Negeri Padang"),
    "perencanaan": ("Institut Teknologi Bandung", "Universitas Gadjah Mada", "Universitas Diponegoro",
                    "Politeknik Statistika STIS", "Universitas Indonesia"),
    "kepegawaian": ("Universitas Padjadjaran", "Universitas Gadjah Mada", "Universitas Indonesia"),
    "pemerintahan": ("Institut Pemerintahan Dalam Negeri", "Universitas Padjadjaran", "Universitas Gadjah Mada",
                     "Universitas Hasanuddin"),
    "hukum": ("Universitas Indonesia", "Universitas Gadjah Mada", "Universitas Padjadjaran", "Universitas Andalas",
              "Universitas Diponegoro"),
}  # fmt: skip
SCHOOLS: tuple[str, ...] = ("SMA Negeri {n} " + REGENCY_SHORT, "SMK Negeri {n} " + REGENCY_SHORT,
                            "SMA Negeri {n} Padang", "SMA Negeri {n} Makassar", "SMA Negeri {n} Semarang",
                            "SMK Negeri {n} Medan", "MAN {n} " + REGENCY_SHORT)  # fmt: skip


# --------------------------------------------------------------------------------------------------
# Staff posts (fungsional and pelaksana) per field
# --------------------------------------------------------------------------------------------------

AHLI_LEVELS: tuple[tuple[str, float], ...] = (("Ahli Pertama", 0.45), ("Ahli Muda", 0.38), ("Ahli Madya", 0.17))
TERAMPIL_LEVELS: tuple[tuple[str, float], ...] = (
    ("Pemula", 0.05), ("Terampil", 0.45), ("Mahir", 0.35), ("Penyelia", 0.15),
)


@dataclass(frozen=True)
class StaffRole:
    """A non-structural post. ``kind`` is ahli / terampil (fungsional, level appended) or pelaksana."""

    nama: str
    kind: str
    majors: tuple[str, ...] = ()  # allowed jurusan; empty: any programme of the field
    weight: float = 1.0


def _r(nama: str, kind: str, weight: float = 1.0, majors: str = "") -> StaffRole:
    return StaffRole(nama, kind, tuple(m.strip() for m in majors.split("|") if m.strip()), weight)


FIELD_STAFF: dict[str, tuple[StaffRole, ...]] = {
    "perikanan": (
        _r("Penyuluh Perikanan", "ahli", 3), _r("Penyuluh Perikanan", "terampil", 2),
        _r("Pengawas Perikanan", "ahli", 1.5), _r("Pengendali Hama dan Penyakit Ikan", "ahli", 1),
        _r("Pengendali Hama dan Penyakit Ikan", "terampil", 0.6), _r("Analis Pasar Hasil Perikanan", "ahli", 0.6),
        _r("Pengelola Budidaya Ikan", "pelaksana", 2), _r("Pengelola TPI", "pelaksana", 1),
        _r("Pengolah Data Produksi Perikanan", "pelaksana", 1), _r("Teknisi Perbenihan Ikan", "pelaksana", 1),
        _r("Pengelola Sarana dan Prasarana Perikanan", "pelaksana", 0.8),
    ),
    "kesehatan": (
        _r("Dokter", "ahli", 1.5, "Pendidikan Dokter"), _r("Perawat", "ahli", 2, "Keperawatan"),
        _r("Perawat", "terampil", 2, "Keperawatan"), _r("Bidan", "terampil", 1.5, "Kebidanan"),
        _r("Nutrisionis", "terampil", 0.5, "Gizi"), _r("Sanitarian", "terampil", 0.5, "Kesehatan Lingkungan"),
        _r("Epidemiolog Kesehatan", "ahli", 0.5, "Kesehatan Masyarakat"),
        _r("Administrator Kesehatan", "ahli", 0.7, "Kesehatan Masyarakat"),
        _r("Pengadministrasi Layanan Kesehatan", "pelaksana", 0.8),
    ),
    "keuangan": (
        _r("Analis Keuangan Pusat dan Daerah", "ahli", 1.5), _r("Pengelola Pengadaan Barang/Jasa", "ahli", 0.5),
        _r("Analis Keuangan", "pelaksana", 1.5), _r("Pengelola Anggaran", "pelaksana", 1.2),
        _r("Bendahara Pengeluaran", "pelaksana", 1), _r("Bendahara Penerimaan", "pelaksana", 0.5),
        _r("Pengelola Keuangan", "pelaksana", 1.5), _r("Penyusun Laporan Keuangan", "pelaksana", 1),
        _r("Verifikator Keuangan", "pelaksana", 0.6), _r("Pengelola Barang Milik Daerah", "pelaksana", 0.8),
    ),
    "teknologi_informasi": (
        _r("Pranata Komputer", "ahli", 2), _r("Pranata Komputer", "terampil", 1.2),
        _r("Pranata Hubungan Masyarakat", "ahli", 0.8), _r("Pranata Hubungan Masyarakat", "terampil", 0.5),
        _r("Sandiman", "ahli", 0.4), _r("Statistisi", "ahli", 0.5), _r("Statistisi", "terampil", 0.3),
        _r("Pengelola Sistem dan Jaringan", "pelaksana", 1), _r("Pengelola Teknologi Informasi", "pelaksana", 1),
        _r("Pengelola Situs Web", "pelaksana", 0.5), _r("Analis Sistem Informasi", "pelaksana", 0.8),
    ),
    "pendidikan": (
        _r("Guru", "ahli", 12), _r("Pengawas Sekolah", "ahli", 0.4), _r("Penilik", "ahli", 0.3),
        _r("Pamong Belajar", "ahli", 0.2), _r("Pengelola Data Pendidikan", "pelaksana", 0.5),
        _r("Pengelola Sarana dan Prasarana Pendidikan", "pelaksana", 0.3),
        _r("Pengadministrasi Sekolah", "pelaksana", 0.6),
    ),
    "pertanian": (
        _r("Penyuluh Pertanian", "ahli", 3), _r("Penyuluh Pertanian", "terampil", 2),
        _r("Pengendali Organisme Pengganggu Tumbuhan", "ahli", 1), _r("Pengawas Benih Tanaman", "terampil", 0.6),
        _r("Medik Veteriner", "ahli", 0.6, "Kedokteran Hewan"), _r("Paramedik Veteriner", "terampil", 0.6, "Kesehatan Hewan"),
        _r("Pengelola Tanaman Pangan dan Hortikultura", "pelaksana", 1), _r("Pengolah Data Pertanian", "pelaksana", 0.8),
        _r("Pengelola Sarana Produksi Pertanian", "pelaksana", 0.8),
    ),
    "pekerjaan_umum": (
        _r("Teknik Jalan dan Jembatan", "ahli", 1.5), _r("Teknik Jalan dan Jembatan", "terampil", 1),
        _r("Teknik Pengairan", "ahli", 1), _r("Teknik Pengairan", "terampil", 0.7), _r("Penata Ruang", "ahli", 0.6),
        _r("Teknik Tata Bangunan dan Perumahan", "ahli", 0.6), _r("Pengawas Lapangan", "pelaksana", 1),
        _r("Pengelola Jalan dan Jembatan", "pelaksana", 0.8), _r("Juru Ukur", "pelaksana", 0.5),
        _r("Teknisi Sarana dan Prasarana", "pelaksana", 0.7),
    ),
    "lingkungan_hidup": (
        _r("Pengendali Dampak Lingkungan", "ahli", 1.5), _r("Pengendali Dampak Lingkungan", "terampil", 1),
        _r("Pengawas Lingkungan Hidup", "ahli", 0.8), _r("Penyuluh Lingkungan Hidup", "ahli", 0.6),
        _r("Pengelola Persampahan", "pelaksana", 1.5), _r("Pengelola Laboratorium Lingkungan", "pelaksana", 0.5),
        _r("Pengolah Data Lingkungan", "pelaksana", 0.6),
    ),
    "perhubungan": (
        _r("Penguji Kendaraan Bermotor", "terampil", 1.2), _r("Penguji Kendaraan Bermotor", "ahli", 0.6),
        _r("Analis Transportasi", "ahli", 0.6), _r("Pengatur Lalu Lintas", "pelaksana", 1.5),
        _r("Pengelola Terminal", "pelaksana", 0.8), _r("Pengelola Perparkiran", "pelaksana", 0.8),
        _r("Pengelola Dermaga Penyeberangan", "pelaksana", 0.5),
    ),
    "sosial": (
        _r("Pekerja Sosial", "ahli", 1.2), _r("Pekerja Sosial", "terampil", 0.8), _r("Penyuluh Sosial", "ahli", 0.8),
        _r("Pendamping Rehabilitasi Sosial", "pelaksana", 0.8),
        _r("Pengelola Data Terpadu Kesejahteraan Sosial", "pelaksana", 0.8),
        _r("Pengadministrasi Bantuan Sosial", "pelaksana", 0.8),
    ),
    "kependudukan": (
        _r("Administrator Database Kependudukan", "ahli", 1), _r("Administrator Database Kependudukan", "terampil", 0.8),
        _r("Pengadministrasi Kependudukan", "pelaksana", 1.5), _r("Operator Layanan Operasional", "pelaksana", 1),
        _r("Verifikator Data Kependudukan", "pelaksana", 0.8), _r("Pengelola Pencatatan Sipil", "pelaksana", 0.8),
    ),
    "perencanaan": (
        _r("Perencana", "ahli", 2), _r("Analis Kebijakan", "ahli", 0.7), _r("Statistisi", "ahli", 0.5),
        _r("Penyusun Program dan Anggaran", "pelaksana", 1.5), _r("Pengolah Data Perencanaan", "pelaksana", 0.8),
        _r("Penyusun Laporan Evaluasi Kinerja", "pelaksana", 0.8),
    ),
    "kepegawaian": (
        _r("Analis Sumber Daya Manusia Aparatur", "ahli", 1.5), _r("Analis Sumber Daya Manusia Aparatur", "terampil", 0.8),
        _r("Asesor Sumber Daya Manusia Aparatur", "ahli", 0.4), _r("Pengelola Kepegawaian", "pelaksana", 1.5),
        _r("Pengadministrasi Kepegawaian", "pelaksana", 1),
    ),
    "pengawasan": (
        _r("Auditor", "ahli", 2.5), _r("Auditor", "terampil", 0.8),
        _r("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "ahli", 1.5),
        _r("Pengelola Pengaduan Masyarakat", "pelaksana", 0.5), _r("Analis Laporan Hasil Pengawasan", "pelaksana", 0.7),
    ),
    "ketertiban": (
        _r("Polisi Pamong Praja", "terampil", 2.5), _r("Polisi Pamong Praja", "ahli", 0.8),
        _r("Pengelola Ketenteraman dan Ketertiban Umum", "pelaksana", 1.5),
        _r("Petugas Perlindungan Masyarakat", "pelaksana", 1), _r("Pemadam Kebakaran", "terampil", 1),
    ),
    "kebencanaan": (
        _r("Penata Penanggulangan Bencana", "ahli", 1), _r("Penata Penanggulangan Bencana", "terampil", 0.8),
        _r("Pengelola Logistik Kebencanaan", "pelaksana", 0.8), _r("Operator Pusat Pengendalian Operasi", "pelaksana", 0.8),
        _r("Analis Kebencanaan", "pelaksana", 0.6),
    ),
    "penanaman_modal": (
        _r("Analis Kebijakan", "ahli", 0.5), _r("Pengelola Perizinan", "pelaksana", 1.5),
        _r("Verifikator Perizinan", "pelaksana", 1), _r("Analis Penanaman Modal", "pelaksana", 0.8),
        _r("Pengelola Layanan Pengaduan", "pelaksana", 0.5), _r("Pengelola Promosi Investasi", "pelaksana", 0.5),
    ),
    "pemerintahan": (
        _r("Pengadministrasi Umum", "pelaksana", 2), _r("Pengelola Pemerintahan", "pelaksana", 1),
        _r("Analis Pemerintahan", "pelaksana", 0.8), _r("Pengadministrasi Perkantoran", "pelaksana", 1),
        _r("Arsiparis", "terampil", 0.5), _r("Arsiparis", "ahli", 0.3), _r("Analis Kebijakan", "ahli", 0.3),
        _r("Pengelola Protokol", "pelaksana", 0.3),
    ),
    "hukum": (
        _r("Perancang Peraturan Perundang-undangan", "ahli", 1), _r("Analis Hukum", "ahli", 1.2),
        _r("Pengadministrasi Hukum", "pelaksana", 0.8), _r("Pengelola Dokumentasi dan Informasi Hukum", "pelaksana", 0.6),
    ),
}  # fmt: skip

# Health staff differ between the hospital, the health office and the health centres.
RSUD_HEALTH_STAFF: tuple[StaffRole, ...] = (
    _r("Dokter", "ahli", 1.5, "Pendidikan Dokter"), _r("Dokter Gigi", "ahli", 0.3, "Pendidikan Dokter Gigi"),
    _r("Perawat", "ahli", 3, "Keperawatan"), _r("Perawat", "terampil", 4, "Keperawatan"),
    _r("Bidan", "terampil", 1.2, "Kebidanan"), _r("Bidan", "ahli", 0.4, "Kebidanan"),
    _r("Apoteker", "ahli", 0.4, "Farmasi"), _r("Asisten Apoteker", "terampil", 0.6, "Farmasi"),
    _r("Nutrisionis", "terampil", 0.4, "Gizi"), _r("Pranata Laboratorium Kesehatan", "terampil", 0.6, "Analis Kesehatan"),
    _r("Radiografer", "terampil", 0.4, "Radiodiagnostik dan Radioterapi"),
    _r("Perekam Medis", "terampil", 0.5, "Rekam Medis dan Informasi Kesehatan"),
    _r("Fisioterapis", "terampil", 0.3, "Fisioterapi"), _r("Pengadministrasi Layanan Kesehatan", "pelaksana", 0.8),
)  # fmt: skip
DINKES_HEALTH_STAFF: tuple[StaffRole, ...] = (
    _r("Epidemiolog Kesehatan", "ahli", 1, "Kesehatan Masyarakat"),
    _r("Administrator Kesehatan", "ahli", 1.5, "Kesehatan Masyarakat"),
    _r("Penyuluh Kesehatan Masyarakat", "ahli", 1, "Kesehatan Masyarakat"),
    _r("Sanitarian", "terampil", 0.6, "Kesehatan Lingkungan"), _r("Nutrisionis", "ahli", 0.6, "Gizi"),
    _r("Apoteker", "ahli", 0.4, "Farmasi"), _r("Pengelola Program Kesehatan", "pelaksana", 1.2),
    _r("Pengelola Data Kesehatan", "pelaksana", 0.8),
)  # fmt: skip
PUSKESMAS_HEALTH_STAFF: tuple[StaffRole, ...] = (
    _r("Dokter", "ahli", 1, "Pendidikan Dokter"), _r("Dokter Gigi", "ahli", 0.3, "Pendidikan Dokter Gigi"),
    _r("Perawat", "terampil", 2.5, "Keperawatan"), _r("Perawat", "ahli", 1, "Keperawatan"),
    _r("Bidan", "terampil", 2.5, "Kebidanan"), _r("Nutrisionis", "terampil", 0.6, "Gizi"),
    _r("Sanitarian", "terampil", 0.6, "Kesehatan Lingkungan"),
    _r("Pranata Laboratorium Kesehatan", "terampil", 0.5, "Analis Kesehatan"),
    _r("Penyuluh Kesehatan Masyarakat", "ahli", 0.5, "Kesehatan Masyarakat"),
    _r("Asisten Apoteker", "terampil", 0.5, "Farmasi"), _r("Pengadministrasi Layanan Kesehatan", "pelaksana", 0.6),
)  # fmt: skip


# --------------------------------------------------------------------------------------------------
# Units (OPD) and their structural posts
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """A structural post in a unit."""

    jabatan: str
    jenis: str  # jpt, administrator, pengawas
    eselon: str
    field: str


@dataclass(frozen=True)
class Opd:
    """A unit (perangkat daerah) of the regency."""

    nama: str
    singkatan: str
    kind: str  # setda, setwan, inspektorat, badan, dinas, rsud, puskesmas, kecamatan, satpol, bpbd
    weight: float  # share of the regency's staff
    fields: dict[str, float]  # field mix of its non-structural staff
    slots: tuple[Slot, ...]
    staff: dict[str, tuple[StaffRole, ...]] = field(default_factory=dict)  # per-field overrides of FIELD_STAFF

    @property
    def main_field(self) -> str:
        return max(self.fields, key=lambda k: self.fields[k])

    def staff_roles(self, field_key: str) -> tuple[StaffRole, ...]:
        return self.staff.get(field_key) or FIELD_STAFF[field_key]


_SUPPORT = {"keuangan": 0.07, "kepegawaian": 0.05, "perencanaan": 0.04, "pemerintahan": 0.04}


def _mix(main: dict[str, float], support: float = 1.0) -> dict[str, float]:
    """Field mix: the unit's own fields plus the usual secretariat support (finance, HR, planning, admin)."""
    mix = dict(main)
    for key, share in _SUPPORT.items():
        mix[key] = mix.get(key, 0.0) + share * support
    return mix


def _secretariat(title: str, field_key: str, sub: str = "Subbagian") -> list[Slot]:
    return [
        Slot(title, "administrator", "III.a", field_key),
        Slot(f"Kepala {sub} Umum dan Kepegawaian", "pengawas", "IV.a", "kepegawaian"),
        Slot(f"Kepala {sub} Keuangan", "pengawas", "IV.a", "keuangan"),
        Slot(f"Kepala {sub} Perencanaan dan Pelaporan", "pengawas", "IV.a", "perencanaan"),
    ]


def _divisions(divisions: dict[str, tuple[str, list[str]]], unit: str = "Bidang", sub: str = "Seksi",
               eselon: str = "III.b") -> list[Slot]:
    slots = []
    for name, (field_key, sections) in divisions.items():
        slots.append(Slot(f"Kepala {unit} {name}", "administrator", eselon, field_key))
        slots.extend(Slot(f"Kepala {sub} {s}", "pengawas", "IV.a", field_key) for s in sections)
    return slots


def _office(nama: str, singkatan: str, kind: str, weight: float, mix: dict[str, float],
            divisions: dict[str, tuple[str, list[str]]], *, head: str | None = None, uptd: tuple[str, ...] = (),
            staff: dict[str, tuple[StaffRole, ...]] | None = None) -> Opd:
    """A dinas or badan: head (JPT II.b), secretary, divisions with sections, technical units (UPTD)."""
    main = max(mix, key=lambda k: mix[k])
    is_badan = nama.startswith("Badan")
    slots = [Slot(head or f"Kepala {nama}", "jpt", "II.b", main)]
    slots += _secretariat(f"Sekretaris {nama}", main)
    slots += _divisions(divisions, sub="Subbidang" if is_badan else "Seksi")
    for u in uptd:
        slots.append(Slot(f"Kepala UPTD {u}", "pengawas", "IV.a", main))
        slots.append(Slot(f"Kepala Subbagian Tata Usaha UPTD {u}", "pengawas", "IV.b", "pemerintahan"))
    return Opd(nama, singkatan, kind, weight, _mix(mix), tuple(slots), staff or {})


def _kecamatan(name: str, weight: float) -> Opd:
    slots = (
        Slot(f"Camat {name}", "administrator", "III.a", "pemerintahan"),
        Slot("Sekretaris Kecamatan", "administrator", "III.b", "pemerintahan"),
        Slot("Kepala Seksi Pemerintahan", "pengawas", "IV.a", "pemerintahan"),
        Slot("Kepala Seksi Ketenteraman dan Ketertiban Umum", "pengawas", "IV.a", "ketertiban"),
        Slot("Kepala Seksi Pemberdayaan Masyarakat Desa", "pengawas", "IV.a", "sosial"),
        Slot("Kepala Seksi Pelayanan Umum", "pengawas", "IV.a", "kependudukan"),
        Slot("Kepala Subbagian Umum dan Kepegawaian", "pengawas", "IV.a", "kepegawaian"),
        Slot("Kepala Subbagian Perencanaan dan Keuangan", "pengawas", "IV.a", "keuangan"),
    ) + tuple(
        Slot(title, "pengawas", eselon, "pemerintahan")
        for kel in KELURAHAN[name]
        for title, eselon in ((f"Lurah {kel}", "IV.a"), (f"Sekretaris Kelurahan {kel}", "IV.b"))
    )
    mix = {"pemerintahan": 0.55, "ketertiban": 0.1, "sosial": 0.1, "kependudukan": 0.08, "keuangan": 0.09,
           "kepegawaian": 0.05, "perencanaan": 0.03}
    return Opd(f"Kecamatan {name}", f"Kec. {name}", "kecamatan", weight, mix, slots)


def _puskesmas(name: str, weight: float) -> Opd:
    slots = (
        Slot(f"Kepala Puskesmas {name}", "pengawas", "IV.a", "kesehatan"),
        Slot(f"Kepala Subbagian Tata Usaha Puskesmas {name}", "pengawas", "IV.b", "pemerintahan"),
    )
    mix = {"kesehatan": 0.9, "keuangan": 0.04, "pemerintahan": 0.04, "kepegawaian": 0.02}
    return Opd(f"Puskesmas {name}", f"PKM {name}", "puskesmas", weight, mix, slots,
               {"kesehatan": PUSKESMAS_HEALTH_STAFF})


def _build_opds() -> tuple[Opd, ...]:
    setda_slots = [Slot("Sekretaris Daerah", "jpt", "II.a", "pemerintahan")]
    setda_slots += _divisions({
        "Tata Pemerintahan": ("pemerintahan", ["Administrasi Pemerintahan", "Otonomi Daerah", "Kerja Sama"]),
        "Hukum": ("hukum", ["Perundang-undangan", "Bantuan Hukum", "Dokumentasi dan Informasi Hukum"]),
        "Organisasi": ("kepegawaian", ["Kelembagaan dan Analisis Jabatan", "Reformasi Birokrasi dan Akuntabilitas"]),
        "Perekonomian dan Sumber Daya Alam": ("perencanaan", ["Perekonomian", "Sumber Daya Alam"]),
        "Administrasi Pembangunan": ("perencanaan", ["Program Pembangunan", "Pengendalian Pembangunan"]),
        "Kesejahteraan Rakyat": ("sosial", ["Bina Mental dan Spiritual", "Kesejahteraan Sosial"]),
        "Pengadaan Barang dan Jasa": ("keuangan", ["Pengelolaan Pengadaan", "Layanan Pengadaan Secara Elektronik"]),
        "Umum": ("pemerintahan", ["Tata Usaha Pimpinan", "Rumah Tangga", "Keuangan Sekretariat"]),
        "Protokol dan Komunikasi Pimpinan": ("pemerintahan", ["Protokol", "Dokumentasi Pimpinan"]),
    }, unit="Bagian", sub="Subbagian", eselon="III.a")
    setda = Opd("Sekretariat Daerah", "Setda", "setda", 0.045,
                {"pemerintahan": 0.42, "hukum": 0.14, "keuangan": 0.12, "perencanaan": 0.1, "kepegawaian": 0.1,
                 "sosial": 0.05, "teknologi_informasi": 0.04, "penanaman_modal": 0.03}, tuple(setda_slots))

    setwan_slots = [Slot("Sekretaris DPRD", "jpt", "II.b", "pemerintahan")]
    setwan_slots += _divisions({
        "Persidangan dan Perundang-undangan": ("hukum", ["Persidangan dan Risalah", "Perundang-undangan"]),
        "Keuangan": ("keuangan", ["Anggaran", "Verifikasi dan Perbendaharaan"]),
        "Umum": ("pemerintahan", ["Tata Usaha dan Kepegawaian", "Rumah Tangga dan Perlengkapan"]),
        "Fasilitasi Penganggaran dan Pengawasan": ("perencanaan", ["Fasilitasi Penganggaran", "Fasilitasi Pengawasan"]),
    }, unit="Bagian", sub="Subbagian", eselon="III.b")
    setwan = Opd("Sekretariat DPRD", "Setwan", "setwan", 0.015,
                 {"pemerintahan": 0.5, "hukum": 0.2, "keuangan": 0.15, "perencanaan": 0.1, "kepegawaian": 0.05},
                 tuple(setwan_slots))

    insp_slots = [Slot("Inspektur", "jpt", "II.b", "pengawasan"),
                  Slot("Sekretaris Inspektorat", "administrator", "III.a", "pengawasan")]
    insp_slots += [Slot(f"Inspektur Pembantu Wilayah {w}", "administrator", "III.a", "pengawasan")
                   for w in ("I", "II", "III", "IV")]
    insp_slots += [Slot("Kepala Subbagian Perencanaan", "pengawas", "IV.a", "perencanaan"),
                   Slot("Kepala Subbagian Evaluasi dan Pelaporan", "pengawas", "IV.a", "pengawasan"),
                   Slot("Kepala Subbagian Administrasi dan Umum", "pengawas", "IV.a", "kepegawaian")]
    inspektorat = Opd("Inspektorat", "Inspektorat", "inspektorat", 0.022,
                      {"pengawasan": 0.8, "keuangan": 0.06, "kepegawaian": 0.04, "pemerintahan": 0.05,
                       "perencanaan": 0.05}, tuple(insp_slots))

    rsud_name = f"Rumah Sakit Umum Daerah {REGENCY_SHORT}"
    rsud_slots = [Slot(f"Direktur {rsud_name}", "jpt", "II.b", "kesehatan"),
                  Slot("Wakil Direktur Pelayanan", "administrator", "III.a", "kesehatan"),
                  Slot("Wakil Direktur Umum dan Keuangan", "administrator", "III.a", "keuangan")]
    rsud_slots += _divisions({
        "Pelayanan Medik": ("kesehatan", ["Pelayanan Rawat Inap", "Pelayanan Rawat Jalan dan Gawat Darurat"]),
        "Keperawatan": ("kesehatan", ["Asuhan Keperawatan", "Etika dan Mutu Keperawatan"]),
        "Penunjang Medik": ("kesehatan", ["Penunjang Medik", "Penunjang Nonmedik"]),
    })
    rsud_slots += _divisions({
        "Umum dan Kepegawaian": ("kepegawaian", ["Kepegawaian dan Diklat", "Rumah Tangga"]),
        "Keuangan": ("keuangan", ["Akuntansi dan Verifikasi", "Perbendaharaan"]),
        "Perencanaan dan Rekam Medis": ("perencanaan", ["Program dan Pelaporan", "Rekam Medis dan Informasi"]),
    }, unit="Bagian", sub="Subbagian")
    rsud = Opd(rsud_name, "RSUD", "rsud", 0.08, _mix({"kesehatan": 0.84}, 0.8), tuple(rsud_slots),
               {"kesehatan": RSUD_HEALTH_STAFF})

    opds = [
        setda, setwan, inspektorat,
        _office("Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan", 0.022, {"perencanaan": 0.72}, {
            "Perencanaan Pemerintahan dan Pembangunan Manusia": ("perencanaan", ["Pemerintahan", "Pembangunan Manusia"]),
            "Perencanaan Perekonomian dan Sumber Daya Alam": ("perencanaan", ["Perekonomian", "Sumber Daya Alam"]),
            "Perencanaan Infrastruktur dan Kewilayahan": ("perencanaan", ["Infrastruktur", "Kewilayahan"]),
            "Penelitian, Pengembangan, Pengendalian dan Evaluasi": ("perencanaan", ["Penelitian dan Pengembangan",
                                                                                   "Pengendalian dan Evaluasi"]),
        }),
        _office("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan", 0.032, {"keuangan": 0.78}, {
            "Anggaran": ("keuangan", ["Anggaran Belanja", "Anggaran Pendapatan dan Pembiayaan"]),
            "Perbendaharaan": ("keuangan", ["Belanja Pegawai", "Kas Daerah"]),
            "Akuntansi dan Pelaporan": ("keuangan", ["Akuntansi", "Pelaporan Keuangan"]),
            "Aset Daerah": ("keuangan", ["Penatausahaan Aset", "Pemanfaatan dan Pengamanan Aset"]),
        }),
        _office("Badan Pendapatan Daerah", "Bapenda", "badan", 0.026, {"keuangan": 0.76, "teknologi_informasi": 0.03}, {
            "Pendataan dan Penetapan": ("keuangan", ["Pendataan Pajak Daerah", "Penetapan Pajak Daerah"]),
            "Penagihan dan Keberatan": ("keuangan", ["Penagihan", "Keberatan dan Banding"]),
            "Pengembangan dan Pengendalian Pendapatan": ("keuangan", ["Pengembangan Pendapatan",
                                                                      "Pengendalian Pendapatan"]),
        }),
        _office("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "badan", 0.022,
                {"kepegawaian": 0.78, "teknologi_informasi": 0.04}, {
            "Pengadaan, Pemberhentian dan Informasi Kepegawaian": ("kepegawaian", ["Pengadaan dan Pemberhentian",
                                                                                   "Data dan Informasi Kepegawaian"]),
            "Mutasi dan Promosi": ("kepegawaian", ["Mutasi", "Promosi dan Manajemen Talenta"]),
            "Pengembangan Kompetensi Aparatur": ("kepegawaian", ["Pendidikan dan Pelatihan", "Pengembangan Karier"]),
            "Penilaian Kinerja Aparatur dan Penghargaan": ("kepegawaian", ["Penilaian Kinerja", "Disiplin dan Penghargaan"]),
        }),
        _office("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "badan", 0.01, {"pemerintahan": 0.75}, {
            "Ideologi dan Wawasan Kebangsaan": ("pemerintahan", ["Ideologi", "Wawasan Kebangsaan"]),
            "Politik Dalam Negeri dan Organisasi Kemasyarakatan": ("pemerintahan", ["Politik Dalam Negeri",
                                                                                    "Organisasi Kemasyarakatan"]),
        }),
        _office("Dinas Pendidikan", "Disdik", "dinas", 0.17, {"pendidikan": 1.6}, {
            "Pembinaan Sekolah Dasar": ("pendidikan", ["Kurikulum dan Penilaian SD", "Peserta Didik SD",
                                                       "Kelembagaan dan Sarana Prasarana SD"]),
            "Pembinaan Sekolah Menengah Pertama": ("pendidikan", ["Kurikulum dan Penilaian SMP", "Peserta Didik SMP",
                                                                  "Kelembagaan dan Sarana Prasarana SMP"]),
            "Pembinaan PAUD dan Pendidikan Nonformal": ("pendidikan", ["Pendidikan Anak Usia Dini",
                                                                       "Pendidikan Nonformal"]),
            "Guru dan Tenaga Kependidikan": ("pendidikan", ["Pendidik", "Tenaga Kependidikan"]),
        }, uptd=tuple(f"Pendidikan Kecamatan {k}" for k in KECAMATAN)),
        _office("Dinas Kesehatan", "Dinkes", "dinas", 0.04, {"kesehatan": 0.78}, {
            "Kesehatan Masyarakat": ("kesehatan", ["Kesehatan Keluarga dan Gizi", "Promosi dan Pemberdayaan Masyarakat",
                                                   "Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga"]),
            "Pencegahan dan Pengendalian Penyakit": ("kesehatan", ["Surveilans dan Imunisasi",
                                                                   "Pencegahan dan Pengendalian Penyakit Menular",
                                                                   "Penyakit Tidak Menular dan Kesehatan Jiwa"]),
            "Pelayanan dan Sumber Daya Kesehatan": ("kesehatan", ["Pelayanan Kesehatan Primer",
                                                                  "Kefarmasian dan Alat Kesehatan",
                                                                  "Sumber Daya Manusia Kesehatan"]),
        }, uptd=("Instalasi Farmasi", "Laboratorium Kesehatan Daerah"), staff={"kesehatan": DINKES_HEALTH_STAFF}),
        rsud,
        _puskesmas("Tanjung Seruni", 0.028), _puskesmas("Pantai Lestari", 0.024), _puskesmas("Sungai Jernih", 0.022),
        _office("Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", "dinas", 0.04, {"pekerjaan_umum": 0.78}, {
            "Bina Marga": ("pekerjaan_umum", ["Pembangunan Jalan dan Jembatan", "Preservasi Jalan dan Jembatan"]),
            "Sumber Daya Air": ("pekerjaan_umum", ["Irigasi", "Pengendalian Banjir dan Pantai"]),
            "Cipta Karya": ("pekerjaan_umum", ["Bangunan Gedung", "Air Minum dan Sanitasi"]),
            "Penataan Ruang": ("pekerjaan_umum", ["Perencanaan Tata Ruang", "Pemanfaatan dan Pengendalian Ruang"]),
        }, uptd=("Peralatan dan Perbengkelan",)),
        _office("Dinas Perikanan", "Diskan", "dinas", 0.05, {"perikanan": 0.78}, {
            "Budidaya": ("perikanan", ["Produksi Budidaya Ikan", "Perbenihan", "Kesehatan Ikan dan Lingkungan"]),
            "Perikanan Tangkap": ("perikanan", ["Perikanan Tangkap", "Kapal dan Alat Penangkapan Ikan",
                                                "Pelabuhan Perikanan"]),
            "Pengolahan dan Pemasaran Hasil Perikanan": ("perikanan", ["Pengolahan Hasil Perikanan",
                                                                       "Pemasaran dan Mutu Hasil Perikanan"]),
            "Pemberdayaan Nelayan dan Pembudidaya Ikan": ("perikanan", ["Penyuluhan Perikanan",
                                                                       "Kelembagaan Nelayan dan Pembudidaya",
                                                                       "Pengawasan Sumber Daya Perikanan"]),
        }, uptd=("Balai Benih Ikan", "Tempat Pelelangan Ikan", "Pangkalan Pendaratan Ikan")),
        _office("Dinas Pertanian", "Distan", "dinas", 0.05, {"pertanian": 0.78}, {
            "Tanaman Pangan dan Hortikultura": ("pertanian", ["Produksi Tanaman Pangan", "Hortikultura"]),
            "Perkebunan": ("pertanian", ["Produksi Perkebunan", "Pengolahan Hasil Perkebunan"]),
            "Peternakan dan Kesehatan Hewan": ("pertanian", ["Produksi Peternakan", "Kesehatan Hewan"]),
            "Penyuluhan": ("pertanian", ["Kelembagaan Petani", "Metode dan Informasi Penyuluhan"]),
            "Prasarana dan Sarana Pertanian": ("pertanian", ["Lahan dan Irigasi Pertanian", "Pupuk dan Alat Mesin Pertanian"]),
        }, uptd=("Balai Benih Pertanian", "Pusat Kesehatan Hewan",
         *(f"Balai Penyuluhan Pertanian Kecamatan {k}" for k in KECAMATAN))),
        _office("Dinas Lingkungan Hidup", "DLH", "dinas", 0.03, {"lingkungan_hidup": 0.78}, {
            "Tata Lingkungan": ("lingkungan_hidup", ["Kajian Dampak Lingkungan", "Pemeliharaan Lingkungan"]),
            "Pengelolaan Sampah dan Limbah B3": ("lingkungan_hidup", ["Pengurangan Sampah", "Penanganan Sampah dan Limbah B3"]),
            "Pengendalian Pencemaran dan Kerusakan Lingkungan": ("lingkungan_hidup", ["Pemantauan Kualitas Lingkungan",
                                                                                     "Pengendalian Pencemaran"]),
            "Penaatan dan Peningkatan Kapasitas Lingkungan": ("lingkungan_hidup", ["Pengaduan dan Penegakan Hukum Lingkungan",
                                                                                  "Peningkatan Kapasitas"]),
        }, uptd=("Tempat Pemrosesan Akhir Sampah", "Laboratorium Lingkungan")),
        _office("Dinas Perhubungan", "Dishub", "dinas", 0.025, {"perhubungan": 0.78}, {
            "Lalu Lintas dan Angkutan Jalan": ("perhubungan", ["Manajemen dan Rekayasa Lalu Lintas", "Angkutan Jalan"]),
            "Sarana dan Prasarana Perhubungan": ("perhubungan", ["Sarana Perhubungan", "Prasarana Perhubungan"]),
            "Perhubungan Sungai, Danau dan Penyeberangan": ("perhubungan", ["Angkutan Penyeberangan", "Keselamatan Pelayaran Rakyat"]),
        }, uptd=("Pengujian Kendaraan Bermotor", "Terminal Penumpang")),
        _office("Dinas Sosial", "Dinsos", "dinas", 0.02, {"sosial": 0.78}, {
            "Rehabilitasi Sosial": ("sosial", ["Rehabilitasi Sosial Penyandang Disabilitas", "Rehabilitasi Sosial Lanjut Usia"]),
            "Perlindungan dan Jaminan Sosial": ("sosial", ["Perlindungan Sosial Korban Bencana", "Jaminan Sosial Keluarga"]),
            "Pemberdayaan Sosial dan Penanganan Fakir Miskin": ("sosial", ["Pemberdayaan Sosial", "Penanganan Fakir Miskin"]),
        }),
        _office("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas", 0.025,
                {"kependudukan": 0.76, "teknologi_informasi": 0.04}, {
            "Pelayanan Pendaftaran Penduduk": ("kependudukan", ["Identitas Penduduk", "Pindah Datang Penduduk"]),
            "Pelayanan Pencatatan Sipil": ("kependudukan", ["Kelahiran dan Kematian", "Perkawinan dan Perceraian"]),
            "Pengelolaan Informasi Administrasi Kependudukan": ("kependudukan", ["Sistem Informasi Administrasi Kependudukan",
                                                                                "Pengolahan dan Penyajian Data"]),
            "Pemanfaatan Data dan Inovasi Pelayanan": ("kependudukan", ["Kerja Sama dan Pemanfaatan Data",
                                                                       "Inovasi Pelayanan"]),
        }),
        _office("Dinas Komunikasi dan Informatika", "Diskominfo", "dinas", 0.02, {"teknologi_informasi": 0.8}, {
            "Aplikasi Informatika": ("teknologi_informasi", ["Aplikasi Informatika", "Layanan e-Government"]),
            "Infrastruktur dan Teknologi Informasi": ("teknologi_informasi", ["Infrastruktur Jaringan",
                                                                             "Keamanan Informasi dan Persandian"]),
            "Informasi dan Komunikasi Publik": ("teknologi_informasi", ["Pengelolaan Informasi Publik", "Kehumasan"]),
            "Statistik Sektoral": ("teknologi_informasi", ["Statistik Sektoral", "Satu Data"]),
        }),
        _office("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas", 0.02,
                {"penanaman_modal": 0.76, "hukum": 0.02}, {
            "Penanaman Modal": ("penanaman_modal", ["Promosi Penanaman Modal", "Pengendalian Penanaman Modal"]),
            "Pelayanan Perizinan": ("penanaman_modal", ["Perizinan Berusaha", "Perizinan Nonberusaha"]),
            "Pengaduan dan Informasi Pelayanan": ("penanaman_modal", ["Pengaduan", "Informasi Pelayanan"]),
        }),
        _office("Satuan Polisi Pamong Praja", "Satpol PP", "satpol", 0.032, {"ketertiban": 0.8, "kebencanaan": 0.02}, {
            "Penegakan Peraturan Daerah": ("ketertiban", ["Penyelidikan dan Penyidikan", "Pembinaan dan Penyuluhan"]),
            "Ketertiban Umum dan Ketenteraman Masyarakat": ("ketertiban", ["Operasi dan Pengendalian",
                                                                         "Kerja Sama Ketertiban"]),
            "Perlindungan Masyarakat": ("ketertiban", ["Satuan Perlindungan Masyarakat", "Bina Potensi Masyarakat"]),
        }, head="Kepala Satuan Polisi Pamong Praja"),
        _office("Badan Penanggulangan Bencana Daerah", "BPBD", "bpbd", 0.016, {"kebencanaan": 0.78}, {
            "Pencegahan dan Kesiapsiagaan": ("kebencanaan", ["Pencegahan", "Kesiapsiagaan"]),
            "Kedaruratan dan Logistik": ("kebencanaan", ["Kedaruratan", "Logistik"]),
            "Rehabilitasi dan Rekonstruksi": ("kebencanaan", ["Rehabilitasi", "Rekonstruksi"]),
        }, head="Kepala Pelaksana Badan Penanggulangan Bencana Daerah"),
    ]
    opds += [_kecamatan(k, w) for k, w in zip(KECAMATAN, (0.024, 0.02, 0.018, 0.018, 0.016), strict=True)]
    return tuple(opds)


OPDS: tuple[Opd, ...] = _build_opds()
OPD_BY_NAME: dict[str, Opd] = {o.nama: o for o in OPDS}


# --------------------------------------------------------------------------------------------------
# Trainings (diklat)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Training:
    nama: str
    jenis: str  # teknis, fungsional
    penyelenggara: tuple[str, ...]
    jp: tuple[int, int]  # range of jam pelajaran
    roles: tuple[str, ...] = ()  # only for these staff roles (fungsional trainings)
    since: int = 0  # first year the programme existed


def _t(nama: str, jenis: str, penyelenggara: str, jp: tuple[int, int], roles: str = "", since: int = 0) -> Training:
    return Training(nama, jenis, tuple(p.strip() for p in penyelenggara.split("|")), jp,
                    tuple(r.strip() for r in roles.split("|") if r.strip()), since)


_PROV = PROVINCE_TRAINING_BODY
TRAININGS: dict[str, tuple[Training, ...]] = {
    "perikanan": (
        _t("Diklat Teknis Budidaya Ikan Air Tawar", "teknis", "Balai Pelatihan dan Penyuluhan Perikanan|Kementerian Kelautan dan Perikanan", (40, 80)),
        _t("Pelatihan Penyuluh Perikanan Tingkat Ahli", "fungsional", "Pusat Pelatihan dan Penyuluhan Kelautan dan Perikanan", (100, 200), "Penyuluh Perikanan"),
        _t("Pelatihan Penyuluh Perikanan Tingkat Terampil", "fungsional", "Pusat Pelatihan dan Penyuluhan Kelautan dan Perikanan", (80, 160), "Penyuluh Perikanan"),
        _t("Pelatihan Pembenihan Ikan Nila dan Lele", "teknis", "Balai Pelatihan dan Penyuluhan Perikanan", (30, 60)),
        _t("Bimtek Cara Budidaya Ikan yang Baik (CBIB)", "teknis", "Kementerian Kelautan dan Perikanan|" + _PROV, (24, 40), since=2007),
        _t("Pelatihan Pengawasan Sumber Daya Kelautan dan Perikanan", "fungsional", "Kementerian Kelautan dan Perikanan", (60, 120), "Pengawas Perikanan"),
        _t("Pelatihan Penanganan Hasil Perikanan dan Rantai Dingin", "teknis", "Balai Pelatihan dan Penyuluhan Perikanan", (30, 60)),
        _t("Diklat Pengelolaan Tempat Pelelangan Ikan", "teknis", "Kementerian Kelautan dan Perikanan", (24, 48)),
        _t("Bimtek Pendataan Statistik Perikanan", "teknis", "Kementerian Kelautan dan Perikanan|Badan Pusat Statistik", (16, 32)),
        _t("Pelatihan Kesehatan Ikan dan Lingkungan Budidaya", "teknis", "Balai Karantina Ikan|Kementerian Kelautan dan Perikanan", (24, 48)),
    ),
    "kesehatan": (
        _t("Pelatihan Kegawatdaruratan Medis", "teknis", "Kementerian Kesehatan|Bapelkes Provinsi", (40, 60)),
        _t("Pelatihan Basic Trauma and Cardiac Life Support (BTCLS)", "teknis", "Bapelkes Provinsi|Kementerian Kesehatan", (30, 50)),
        _t("Pelatihan Asuhan Persalinan Normal", "teknis", "Bapelkes Provinsi", (40, 60), "Bidan|Dokter"),
        _t("Pelatihan Jabatan Fungsional Perawat", "fungsional", "Kementerian Kesehatan", (40, 70), "Perawat"),
        _t("Pelatihan Manajemen Puskesmas", "teknis", "Bapelkes Provinsi", (40, 60)),
        _t("Pelatihan Tata Laksana Gizi Buruk dan Pencegahan Stunting", "teknis", "Kementerian Kesehatan|Bapelkes Provinsi", (30, 50), since=2013),
        _t("Pelatihan Surveilans Epidemiologi", "teknis", "Kementerian Kesehatan", (40, 60)),
        _t("Pelatihan Pencegahan dan Pengendalian Infeksi", "teknis", "Kementerian Kesehatan|Bapelkes Provinsi", (24, 40)),
        _t("Pelatihan Imunisasi bagi Petugas Puskesmas", "teknis", "Bapelkes Provinsi", (24, 40)),
    ),
    "keuangan": (
        _t("Bimtek Penatausahaan Keuangan Daerah", "teknis", "Kementerian Dalam Negeri|" + _PROV, (24, 48)),
        _t("Pelatihan Penyusunan Laporan Keuangan Pemerintah Daerah Berbasis Akrual", "teknis", "Badan Pengawasan Keuangan dan Pembangunan|Kementerian Dalam Negeri", (30, 60), since=2014),
        _t("Bimtek Sistem Informasi Pemerintahan Daerah (SIPD)", "teknis", "Kementerian Dalam Negeri", (16, 32), since=2019),
        _t("Pelatihan Bendahara Pengeluaran dan Penerimaan", "teknis", _PROV, (24, 40)),
        _t("Pelatihan Pengelolaan Barang Milik Daerah", "teknis", "Kementerian Dalam Negeri|" + _PROV, (24, 40)),
        _t("Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar", "teknis", "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah", (24, 40)),
        _t("Bimtek Pemungutan Pajak Daerah dan Retribusi", "teknis", "Kementerian Keuangan|" + _PROV, (24, 40)),
    ),
    "teknologi_informasi": (
        _t("Pelatihan Keamanan Informasi", "teknis", "Badan Siber dan Sandi Negara", (30, 60)),
        _t("Pelatihan Jabatan Fungsional Pranata Komputer", "fungsional", "Badan Pusat Statistik", (60, 120), "Pranata Komputer"),
        _t("Bimtek Sistem Pemerintahan Berbasis Elektronik (SPBE)", "teknis", "Kementerian PANRB|Kementerian Komunikasi dan Informatika", (16, 32), since=2018),
        _t("Digital Talent Scholarship: Pengembangan Aplikasi Web", "teknis", "Kementerian Komunikasi dan Informatika", (40, 80), since=2018),
        _t("Pelatihan Administrasi Jaringan dan Pusat Data", "teknis", "Kementerian Komunikasi dan Informatika", (40, 60)),
        _t("Pelatihan Pengelolaan Media Sosial Pemerintah", "teknis", "Kementerian Komunikasi dan Informatika", (16, 32), since=2012),
        _t("Pelatihan Statistik Sektoral dan Satu Data", "teknis", "Badan Pusat Statistik", (24, 40), since=2019),
    ),
    "pendidikan": (
        _t("Pendidikan Profesi Guru (PPG) Dalam Jabatan", "fungsional", "Kementerian Pendidikan dan Kebudayaan", (120, 300), "Guru", since=2008),
        _t("Pelatihan Implementasi Kurikulum Merdeka", "teknis", "Balai Guru Penggerak|Kementerian Pendidikan dan Kebudayaan", (32, 60), since=2021),
        _t("Program Pendidikan Guru Penggerak", "teknis", "Kementerian Pendidikan dan Kebudayaan", (120, 300), "Guru", since=2020),
        _t("Diklat Penguatan Kepala Sekolah", "teknis", "Kementerian Pendidikan dan Kebudayaan", (60, 120)),
        _t("Bimtek Asesmen Nasional dan Rapor Pendidikan", "teknis", "Kementerian Pendidikan dan Kebudayaan|Lembaga Penjaminan Mutu Pendidikan", (16, 32), since=2021),
        _t("Pelatihan Pembelajaran Berbasis Teknologi Informasi", "teknis", "Lembaga Penjaminan Mutu Pendidikan", (24, 40)),
    ),
    "pertanian": (
        _t("Pelatihan Penyuluh Pertanian Tingkat Ahli", "fungsional", "Kementerian Pertanian", (100, 200), "Penyuluh Pertanian"),
        _t("Diklat Teknis Budidaya Padi Sawah", "teknis", "Balai Besar Pelatihan Pertanian|Kementerian Pertanian", (40, 60)),
        _t("Pelatihan Pengendalian Hama Terpadu", "teknis", "Kementerian Pertanian", (30, 60)),
        _t("Pelatihan Inseminasi Buatan pada Sapi", "teknis", "Balai Besar Pelatihan Peternakan", (40, 80)),
        _t("Bimtek Sistem Penyuluhan Pertanian Berbasis Digital", "teknis", "Kementerian Pertanian", (16, 32), since=2018),
        _t("Pelatihan Penanganan Penyakit Mulut dan Kuku", "teknis", "Kementerian Pertanian", (16, 32), since=2022),
    ),
    "pekerjaan_umum": (
        _t("Pelatihan Perencanaan Teknis Jalan dan Jembatan", "teknis", "BPSDM Kementerian PUPR", (40, 80)),
        _t("Pelatihan Pengawasan Konstruksi", "teknis", "BPSDM Kementerian PUPR", (40, 60)),
        _t("Pelatihan Operasi dan Pemeliharaan Jaringan Irigasi", "teknis", "BPSDM Kementerian PUPR", (30, 60)),
        _t("Bimtek Penyusunan Rencana Detail Tata Ruang", "teknis", "Kementerian Agraria dan Tata Ruang", (24, 48), since=2008),
        _t("Pelatihan Ahli K3 Konstruksi", "teknis", "Kementerian Ketenagakerjaan|BPSDM Kementerian PUPR", (40, 80)),
        _t("Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar", "teknis", "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah", (24, 40)),
    ),
    "lingkungan_hidup": (
        _t("Pelatihan Penyusun Dokumen AMDAL", "teknis", "Kementerian Lingkungan Hidup dan Kehutanan", (60, 100)),
        _t("Pelatihan Pengawas Lingkungan Hidup Daerah", "fungsional", "Kementerian Lingkungan Hidup dan Kehutanan", (60, 120)),
        _t("Bimtek Pengelolaan Sampah Berbasis 3R", "teknis", "Kementerian Lingkungan Hidup dan Kehutanan|" + _PROV, (16, 32), since=2008),
        _t("Pelatihan Pemantauan Kualitas Air dan Udara", "teknis", "Kementerian Lingkungan Hidup dan Kehutanan", (24, 48)),
        _t("Pelatihan Pengelolaan Limbah B3", "teknis", "Kementerian Lingkungan Hidup dan Kehutanan", (24, 40)),
    ),
    "perhubungan": (
        _t("Diklat Penguji Kendaraan Bermotor", "fungsional", "BPSDM Perhubungan", (100, 200), "Penguji Kendaraan Bermotor"),
        _t("Pelatihan Manajemen dan Rekayasa Lalu Lintas", "teknis", "BPSDM Perhubungan", (40, 60)),
        _t("Diklat Pengawas Keselamatan Angkutan Jalan", "teknis", "BPSDM Perhubungan", (30, 60)),
        _t("Pelatihan Pengelolaan Terminal Penumpang", "teknis", "Kementerian Perhubungan", (24, 40)),
    ),
    "sosial": (
        _t("Pelatihan Pekerja Sosial Tingkat Dasar", "fungsional", "Kementerian Sosial", (60, 120), "Pekerja Sosial"),
        _t("Pelatihan Pendamping Program Keluarga Harapan", "teknis", "Kementerian Sosial", (40, 60), since=2008),
        _t("Bimtek Pemutakhiran Data Terpadu Kesejahteraan Sosial", "teknis", "Kementerian Sosial|" + _PROV, (16, 32), since=2015),
        _t("Pelatihan Layanan Dukungan Psikososial", "teknis", "Kementerian Sosial", (24, 40)),
        _t("Pelatihan Tagana (Taruna Siaga Bencana)", "teknis", "Kementerian Sosial", (30, 50)),
    ),
    "kependudukan": (
        _t("Bimtek Administrasi Kependudukan", "teknis", "Direktorat Jenderal Kependudukan dan Pencatatan Sipil", (24, 40)),
        _t("Pelatihan Administrator Database Kependudukan", "fungsional", "Direktorat Jenderal Kependudukan dan Pencatatan Sipil", (60, 100), "Administrator Database Kependudukan"),
        _t("Bimtek Pencatatan Sipil", "teknis", "Direktorat Jenderal Kependudukan dan Pencatatan Sipil", (16, 32)),
        _t("Pelatihan Pelayanan Publik Prima", "teknis", _PROV, (16, 32)),
    ),
    "perencanaan": (
        _t("Pelatihan Jabatan Fungsional Perencana Tingkat Pertama", "fungsional", "Pusbindiklatren Bappenas", (100, 200), "Perencana"),
        _t("Bimtek Penyusunan RPJMD dan RKPD", "teknis", "Kementerian Dalam Negeri", (24, 48)),
        _t("Pelatihan Monitoring dan Evaluasi Pembangunan", "teknis", "Pusbindiklatren Bappenas", (30, 60)),
        _t("Pelatihan Analisis Data dan Statistik Pembangunan", "teknis", "Badan Pusat Statistik|Pusbindiklatren Bappenas", (24, 48)),
        _t("Pelatihan Perencanaan Penganggaran Berbasis Kinerja", "teknis", "Kementerian Dalam Negeri|" + _PROV, (24, 40)),
    ),
    "kepegawaian": (
        _t("Pelatihan Analisis Jabatan dan Analisis Beban Kerja", "teknis", "Kementerian PANRB|" + _PROV, (24, 48)),
        _t("Pelatihan Jabatan Fungsional Analis SDM Aparatur", "fungsional", "Badan Kepegawaian Negara", (60, 120), "Analis Sumber Daya Manusia Aparatur"),
        _t("Bimtek Sistem Informasi ASN (SIASN)", "teknis", "Badan Kepegawaian Negara", (16, 32), since=2021),
        _t("Pelatihan Manajemen Talenta ASN", "teknis", "Badan Kepegawaian Negara|Lembaga Administrasi Negara", (24, 40), since=2020),
        _t("Pelatihan Asesor Kompetensi", "teknis", "Badan Kepegawaian Negara", (40, 80)),
    ),
    "pengawasan": (
        _t("Diklat Pembentukan Auditor Ahli", "fungsional", "Pusdiklatwas BPKP", (150, 250), "Auditor"),
        _t("Diklat Pembentukan Auditor Terampil", "fungsional", "Pusdiklatwas BPKP", (120, 200), "Auditor"),
        _t("Pelatihan Audit Kinerja", "teknis", "Pusdiklatwas BPKP", (30, 60)),
        _t("Pelatihan Reviu Laporan Keuangan Pemerintah Daerah", "teknis", "Pusdiklatwas BPKP", (24, 48)),
        _t("Pelatihan Penilaian Maturitas SPIP", "teknis", "Badan Pengawasan Keuangan dan Pembangunan", (24, 40), since=2016),
        _t("Pelatihan Audit Investigatif", "teknis", "Pusdiklatwas BPKP", (40, 60)),
    ),
    "ketertiban": (
        _t("Diklat Dasar Polisi Pamong Praja", "fungsional", "Kementerian Dalam Negeri|" + _PROV, (60, 120), "Polisi Pamong Praja"),
        _t("Diklat Penyidik Pegawai Negeri Sipil", "teknis", "Kementerian Dalam Negeri|Kepolisian Negara Republik Indonesia", (200, 400)),
        _t("Pelatihan Penegakan Peraturan Daerah", "teknis", "Kementerian Dalam Negeri", (24, 48)),
        _t("Pelatihan Dasar Pemadam Kebakaran", "teknis", "Kementerian Dalam Negeri|" + _PROV, (40, 80)),
    ),
    "kebencanaan": (
        _t("Pelatihan Manajemen Penanggulangan Bencana", "teknis", "Badan Nasional Penanggulangan Bencana", (40, 60), since=2008),
        _t("Pelatihan Kaji Cepat dan Pengelolaan Logistik Darurat", "teknis", "Badan Nasional Penanggulangan Bencana", (30, 50), since=2008),
        _t("Pelatihan Penyusunan Rencana Kontinjensi", "teknis", "Badan Nasional Penanggulangan Bencana", (24, 40), since=2008),
        _t("Pelatihan Search and Rescue (SAR) Dasar", "teknis", "Badan Nasional Pencarian dan Pertolongan", (40, 80)),
    ),
    "penanaman_modal": (
        _t("Bimtek Online Single Submission Berbasis Risiko", "teknis", "Kementerian Investasi/BKPM", (16, 32), since=2021),
        _t("Pelatihan Promosi dan Pemasaran Investasi Daerah", "teknis", "Kementerian Investasi/BKPM", (24, 40)),
        _t("Pelatihan Pengawasan Penanaman Modal dan LKPM", "teknis", "Kementerian Investasi/BKPM", (16, 32), since=2010),
        _t("Pelatihan Pelayanan Publik Prima", "teknis", _PROV, (16, 32)),
    ),
    "pemerintahan": (
        _t("Pelatihan Tata Naskah Dinas dan Kearsipan", "teknis", "Arsip Nasional Republik Indonesia|" + _PROV, (16, 32)),
        _t("Bimtek Penyusunan LPPD", "teknis", "Kementerian Dalam Negeri", (16, 32), since=2008),
        _t("Pelatihan Pembinaan Pemerintahan Desa", "teknis", "BPSDM Kementerian Dalam Negeri", (24, 48)),
        _t("Pelatihan Keprotokolan", "teknis", _PROV, (16, 32)),
        _t("Pelatihan Pelayanan Publik Prima", "teknis", _PROV, (16, 32)),
    ),
    "hukum": (
        _t("Diklat Perancang Peraturan Perundang-undangan", "fungsional", "BPSDM Kementerian Hukum dan HAM", (150, 250), "Perancang Peraturan Perundang-undangan"),
        _t("Pelatihan Legal Drafting Produk Hukum Daerah", "teknis", "Kementerian Dalam Negeri|BPSDM Kementerian Hukum dan HAM", (24, 48)),
        _t("Bimtek Pengelolaan JDIH", "teknis", "Badan Pembinaan Hukum Nasional", (16, 32), since=2013),
        _t("Pelatihan Penanganan Perkara Tata Usaha Negara", "teknis", "BPSDM Kementerian Hukum dan HAM", (24, 40)),
    ),
}  # fmt: skip

# Leadership training per structural level: (old name, before 2019; new name, from 2019), penyelenggara, JP.
LEADERSHIP: dict[str, tuple[str, str, tuple[str, ...], int, int]] = {
    "pengawas": ("Diklat Kepemimpinan Tingkat IV (Diklat PIM IV)", "Pelatihan Kepemimpinan Pengawas (PKP)",
                 (_PROV, "BPSDM Kementerian Dalam Negeri"), 285, 561),
    "administrator": ("Diklat Kepemimpinan Tingkat III (Diklat PIM III)", "Pelatihan Kepemimpinan Administrator (PKA)",
                      (_PROV, "BPSDM Kementerian Dalam Negeri", "Lembaga Administrasi Negara"), 360, 606),
    "jpt": ("Diklat Kepemimpinan Tingkat II (Diklat PIM II)", "Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)",
            ("Lembaga Administrasi Negara",), 400, 620),
}
LEADERSHIP_NEW_FROM = 2019
BASIC_TRAINING_NEW_FROM = 2018  # Latsar CPNS replaced Prajabatan

TRAINING_PREDIKAT: tuple[tuple[float, str], ...] = (
    (90.0, "Sangat Memuaskan"), (80.0, "Memuaskan"), (70.0, "Cukup Memuaskan"), (0.0, "Kurang Memuaskan"),
)

# --------------------------------------------------------------------------------------------------
# Awards and discipline
# --------------------------------------------------------------------------------------------------

SATYALANCANA: tuple[tuple[int, str], ...] = (
    (10, "Satyalancana Karya Satya X Tahun"), (20, "Satyalancana Karya Satya XX Tahun"),
    (30, "Satyalancana Karya Satya XXX Tahun"),
)
GENERIC_AWARDS: tuple[str, ...] = (
    "Pegawai Teladan Tingkat Kabupaten", "ASN Berprestasi Tingkat Kabupaten", "ASN Berprestasi Tingkat Provinsi",
    "Juara Kompetisi Inovasi Pelayanan Publik Tingkat Kabupaten", "Piagam Penghargaan Bupati atas Dedikasi Pelayanan",
)
FIELD_AWARDS: dict[str, tuple[str, ...]] = {
    "perikanan": ("Penyuluh Perikanan Teladan Tingkat Provinsi", "Penghargaan Inovasi Budidaya Ikan Tingkat Kabupaten"),
    "kesehatan": ("Tenaga Kesehatan Teladan Tingkat Kabupaten", "Tenaga Kesehatan Teladan Tingkat Provinsi"),
    "pendidikan": ("Guru Berprestasi Tingkat Kabupaten", "Guru Berprestasi Tingkat Provinsi"),
    "pertanian": ("Penyuluh Pertanian Teladan Tingkat Provinsi",),
    "keuangan": ("Penghargaan Pengelola Keuangan Terbaik Tingkat Kabupaten",),
    "teknologi_informasi": ("Penghargaan Inovasi Digital Pemerintah Daerah",),
    "lingkungan_hidup": ("Penghargaan Kalpataru Tingkat Kabupaten (Kategori Pengabdi Lingkungan)",),
    "sosial": ("Pendamping Sosial Teladan Tingkat Provinsi",),
    "kependudukan": ("Petugas Pelayanan Adminduk Terbaik Tingkat Provinsi",),
    "kebencanaan": ("Penghargaan Relawan dan Petugas Tanggap Bencana Tingkat Provinsi",),
}

DISCIPLINE: dict[str, tuple[str, ...]] = {
    "ringan": ("Teguran lisan", "Teguran tertulis", "Pernyataan tidak puas secara tertulis"),
    "sedang": ("Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan",
               "Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan",
               "Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan"),
    "berat": ("Penurunan jabatan setingkat lebih rendah selama 12 bulan",),
}

# --------------------------------------------------------------------------------------------------
# Competency assessment notes
# --------------------------------------------------------------------------------------------------

COMPETENCIES: tuple[str, ...] = (
    "integritas", "kerja sama", "komunikasi", "orientasi pada hasil", "pelayanan publik",
    "pengembangan diri dan orang lain", "mengelola perubahan", "pengambilan keputusan", "perekat bangsa",
)
ASSESSMENT_NOTES: dict[str, tuple[str, ...]] = {
    "tinggi": (
        "Potensi tinggi; menonjol pada {a} dan {b}; siap dikembangkan ke jabatan satu tingkat di atas.",
        "Kekuatan utama pada {a}; {b} di atas standar; direkomendasikan masuk kelompok rencana suksesi.",
    ),
    "menengah": (
        "Potensi menengah; {a} sesuai standar, perlu penguatan pada {b}.",
        "Cukup baik dalam {a}; pengembangan disarankan pada {b} melalui penugasan.",
    ),
    "rendah": (
        "Perlu pengembangan pada {a} dan {b}; disarankan coaching dan mentoring.",
        "Kompetensi {a} di bawah standar jabatan; perlu pembinaan terarah pada {b}.",
    ),
}

# --------------------------------------------------------------------------------------------------
# Names (fictional combinations of common given names and family names from many regions)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameGroup:
    key: str
    weight: float
    male: tuple[str, ...]  # given names
    female: tuple[str, ...]
    male_second: tuple[str, ...] = ()  # second names (or family names when ``family`` is set)
    female_second: tuple[str, ...] = ()
    family: tuple[str, ...] = ()  # family name / marga shared by both genders
    male_modern: tuple[str, ...] = ()  # given names more common for people born from the late 1980s
    female_modern: tuple[str, ...] = ()


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


NAME_GROUPS: tuple[NameGroup, ...] = (
    NameGroup(
        "jawa", 0.32,
        _w("Agus Bambang Hadi Slamet Sugeng Teguh Wahyu Heru Rudi Arif Andri Bayu Eko Dwi Tri Yudi Hendro Sigit "
           "Suparno Sutrisno Suwarno Mulyono Priyanto Sukardi Haryanto Suyanto Purwanto Wahyudi Joko Bowo "
           "Ahmad Muhammad Gunawan Setyo Hartono Rahmat Fajar Catur Puji Nugroho Dedi Anton Didik Imam"),
        _w("Sri Endang Siti Tri Dwi Yuliana Wulan Ratna Dewi Indah Retno Rahayu Sumarni Sulastri Suryani Nur Lestari "
           "Wahyuni Ningsih Kusuma Puji Yuni Anik Erna Tutik Umi Lilik Heni Rini Sari Dyah Titik Astuti Endah"),
        _w("Santoso Setiawan Prasetyo Wibowo Nugroho Kurniawan Susanto Hartanto Purnomo Saputro Hidayat Pratama "
           "Wicaksono Sulistyo Raharjo Wijayanto Budiman Handoko Mulyadi Sasongko Triyono Riyadi Firmansyah "
           "Santosa Utomo Hermawan Setiadi Darmawan Suprapto Wahyono Sutanto"),
        _w("Wahyuni Lestari Rahayu Handayani Wulandari Purwanti Rahmawati Susanti Kurniasih Setyaningsih Pertiwi "
           "Utami Anggraini Hastuti Puspitasari Kusumawati Nurhayati Fitriani Safitri Mulyani Rahmadani Yuliani "
           "Ningrum Widayati Sulistyowati Indriyani Suryaningsih"),
        male_modern=_w("Rizky Dimas Aditya Galih Yoga Bagas Fikri Reza Ilham Kevin Farhan Rafi Dimas Yusuf Akbar"),
        female_modern=_w("Nadia Putri Anisa Ayu Dinda Salsabila Nabila Aulia Intan Tiara Rizka Amalia Citra Della"),
    ),
    NameGroup(
        "sunda", 0.1,
        _w("Asep Dedi Ujang Cecep Yayan Iwan Dadang Ade Encep Acep Deden Jajang Wawan Agus Hendra Rudi Iman Yana "
           "Ridwan Dodi Kusnadi Endang"),
        _w("Euis Neng Iis Rina Yeni Tati Cucu Enung Ida Lilis Yanti Rika Nenden Irma Imas Dewi Wulan Siti Nining"),
        _w("Suryana Permana Hidayat Kurniawan Saepudin Supriatna Rusmana Sopian Nugraha Ramdani Somantri Sutisna "
           "Gunawan Hermawan Setiawan Firmansyah Mulyana Sukmana Jaelani Rustandi Sudrajat"),
        _w("Nurjanah Sukmawati Rahayu Komalasari Rosmiati Kartika Sumiati Nurhasanah Fitriani Rosita Yulianti "
           "Apriliani Maryani Suryani Herawati"),
        male_modern=_w("Rizki Fajar Gilang Rian Dimas Raka Ilham"),
        female_modern=_w("Salma Nabila Rani Tika Risma Syifa"),
    ),
    NameGroup(
        "minang", 0.1,
        _w("Rizal Andri Syafrizal Yusrizal Zulfikar Hendri Erwin Afrizal Irwan Yuhendri Syahrul Fauzan Hafiz "
           "Ridho Efrizal Mardianto Yulianto Alfian Rahmat"),
        _w("Yulia Fitri Yusnita Rahmi Elfi Desi Gusnita Rita Mardiana Nurhaida Yenni Zulaikha Syafrida Wirdani "
           "Mulyati Yusra Helmi Elvina Nurul"),
        _w("Efendi Putra Saputra Hamdani Zainal Syafei Amri Alamsyah Arifin Rasyid Rahman Syahputra Anwar Marzuki "
           "Yusuf Hasnil Darwis Fadhli"),
        _w("Yanti Yusnita Wati Marlina Elfiza Fitriani Hayati Susanti Oktaviani Rahmawati Yulianis Sartika"),
        male_modern=_w("Fadhil Rafi Hanif Habibi Arief"),
        female_modern=_w("Annisa Hafizah Syafira Aqila Rania"),
    ),
    NameGroup(
        "batak", 0.08,
        _w("Hotma Parulian Maruli Togar Binsar Jonner Ronald Horas Sahat Tumpal Manahan Benny Frans Rudolf "
           "Darwin Poltak Gunawan Riswan Erikson Jansen Samuel Daniel"),
        _w("Rosmawati Rugun Tiurma Lasma Romauli Nurhaida Sondang Duma Friska Melva Rotua Hotnida Dameria Erna "
           "Lamtiur Mariani Ruth Yohana Rismauli"),
        family=_w("Siregar Nasution Simanjuntak Sitompul Harahap Lubis Pardede Sinaga Manurung Sihombing Tambunan "
                  "Situmorang Silalahi Pasaribu Hutagalung Simatupang Damanik Purba Saragih Sembiring Ginting "
                  "Tarigan Hasibuan Batubara Rangkuti Pohan Aritonang Marpaung Napitupulu Simbolon"),
        male_modern=_w("Yosua Kevin Jordan Andreas Reinhard"),
        female_modern=_w("Grace Natalia Agnes Febiola Cindy"),
    ),
    NameGroup(
        "bugis", 0.1,
        _w("Syamsuddin Arfah Arsyad Muhammad Ahmad Syahrir Haeruddin Jamaluddin Kamaruddin Basri Mustari Hasanuddin "
           "Abdul Zainuddin Nasrullah Rusdi Hamka Ilyas Saharuddin Taufik Irfan"),
        _w("Hasnah Nurhaedah Sitti Hasnawati Nurhayati Rahmawati Suriani Hadijah Jumriah Nurlina "
           "Hasriani Suarni Hasmiati Nurmala Rosdiana Ratnasari Jumiati"),
        _w("Syarifuddin Rahman Hamid Nurdin Amir Halim Sulaiman Ramli Kadir Mappiare Idris Lamba Tahir Rauf Mansyur "
           "Daeng Yunus Salam Jufri Sattar"),
        _w("Rahman Amir Nur Hamid Ramli Idris Syam Ahmad Arifin Hasan Nurdin Yusuf"),
        male_modern=_w("Fadel Akbar Reski Fauzan Aldi Nurul"),
        female_modern=_w("Nurfadillah Reski Andini Aulia Nurul Fitriani"),
    ),
    NameGroup(
        "bali", 0.04,
        _w("Sudiarta Suardana Artawan Darmawan Widiada Suparta Mahendra Adnyana Wirawan Astawa Sukadana Arimbawa "
           "Suyasa Subrata Widnyana Budiarsa Sudarsana Parwata Sugiarta Wisnawa"),
        _w("Sri Astuti Ayu Lestari Sukerti Ariani Sudiani Yuliantari Wahyuni Suarmini Widiantari Rusmini Sriani "
           "Sukarini Purnamasari Dewi Suryani"),
    ),
    NameGroup(
        "melayu", 0.12,
        _w("Zulkarnain Syahrial Fadli Junaidi Azhar Syamsul Mahmud Ridwan Hamdan Rusli Muhammad Khairul Hasbullah "
           "Ismail Sulaiman Rahmad Zainal Fahrul Samsuri Budiman Jumadi Suhaimi Taufik Herman"),
        _w("Nurul Siti Aisyah Rahmawati Zubaidah Rosnani Juliana Syarifah Fatimah Mariam Rohani Halimah Nurbaiti "
           "Asmah Zaleha Hasnah Yusnidar Rosmawar Maimunah Khadijah Nurhasanah"),
        _w("Abdullah Rahman Hasan Ismail Ibrahim Syukri Nasir Latif Mansur Harun Ramli Saleh Husin Hamzah Kasim "
           "Yusof Zakaria Daud Abbas Jamil Umar"),
        _w("Hidayah Aisyah Sari Wati Hasanah Ningsih Rahayu Fitri Yanti Zahra Khairani Safitri"),
        male_modern=_w("Rizki Aidil Faisal Rafiq Haikal"),
        female_modern=_w("Nabila Syakila Putri Zahira Alya"),
    ),
    NameGroup(
        "tionghoa", 0.03,
        _w("Hendra Felix Yohanes Albert Vincent Stefanus Budi Rudy Andi Wilson Gunawan Hartanto Johan Edwin Kelvin"),
        _w("Lina Melisa Veronika Yenny Sherly Lili Susan Meliana Cindy Fransiska Lanny Christine Yuliana Wenny"),
        family=_w("Wijaya Gunawan Halim Santoso Tanjaya Susanto Kurniadi Setiadi Wirawan Lukito Hermanto Tanudjaja "
                  "Sutanto Pranata Widjaja Liman Kusuma Tjandra"),
    ),
    NameGroup(
        "timur", 0.06,
        _w("Yohanes Fransiskus Petrus Yosef Markus Stefanus Agustinus Paulus Yakob Samuel Alfons Benediktus "
           "Kornelis Matheus Frederik Nikolaus Gerardus Lukas Marthen Hendrik"),
        _w("Maria Margaretha Yosefina Elisabeth Theresia Agustina Veronika Fransiska Anastasia Kristina Yuliana "
           "Martha Magdalena Sisilia Bernadeta Debora Ester"),
        family=_w("Rumondor Mandagi Pangemanan Lumentut Sumampouw Wenas Tumbelaka Rondonuwu Bria Seran Lewar "
                  "Tefa Nahak Manek Ratu Riwu Latuheru Pattinama Tuhumury Matulessy Huwae Waromi Rumbiak Kbarek"),
    ),
    NameGroup(
        "banjar", 0.05,
        _w("Akhmad Muhammad Syahrani Norhadi Rusdiansyah Fahriansyah Hairullah Aspiannor Rahmadi Hamdani Jailani "
           "Mahyuni Ahmadi Sarbani Syamsuri"),
        _w("Norhayati Rusmilawati Hamidah Noorlaila Rabiatul Mahmudah Salamah Hairunnisa Rusdiana Siti Nurjannah "
           "Fauziah Normaulida"),
        _w("Noor Ansyari Rahman Hidayat Fauzi Ramadhan Syarif Rifani Hasan Basuni"),
        _w("Adawiyah Hidayah Rahmah Aulia Fitriani Hayati"),
    ),
)  # fmt: skip

BALI_ORDER_MALE: tuple[str, ...] = ("I Wayan", "I Made", "I Nyoman", "I Ketut", "I Gede", "I Putu", "I Komang", "I Kadek")
BALI_ORDER_FEMALE: tuple[str, ...] = ("Ni Wayan", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Putu", "Ni Luh", "Ni Komang",
                                      "Ni Kadek")  # fmt: skip

# Combinations that would spell the name of a well-known public figure are never produced
# (all listed tokens present in a generated name -> rejected).
BLOCKED_NAMES: tuple[tuple[str, ...], ...] = tuple(
    tuple(n.lower().split())
    for n in (
        "Joko Widodo", "Susilo Yudhoyono", "Prabowo Subianto", "Megawati Soekarnoputri", "Ganjar Pranowo",
        "Anies Baswedan", "Ridwan Kamil", "Sri Mulyani", "Tri Rismaharini", "Dedi Mulyadi", "Bobby Nasution",
        "Budi Santoso", "Budi Gunadi", "Budi Karya", "Budi Arie", "Retno Marsudi", "Susi Pudjiastuti",
        "Sakti Trenggono", "Edhy Prabowo", "Siti Nurbaya", "Zulkifli Hasan", "Syahrul Limpo", "Andi Amran",
        "Andi Sulaiman", "Muhammad Tito", "Ahmad Dhani", "Luhut Pandjaitan", "Hotman Hutapea", "Basuki Purnama",
        "Agus Yudhoyono", "Agus Harimurti", "Erick Thohir", "Sandiaga Uno", "Nadiem Makarim", "Mahfud MD",
        "Khofifah Parawansa", "Airlangga Hartarto", "Bambang Soesatyo", "Bambang Brodjonegoro", "Puan Maharani",
        "Gibran Rakabuming", "Yusril Mahendra", "Fadli Zon", "Fahri Hamzah", "Ahmad Muzani", "Hidayat Nur Wahid",
        "Jusuf Kalla", "Ma'ruf Amin", "Arief Yahya", "Teten Masduki", "Rudy Salim", "Hendra Setiawan", "Budi Hartono",
        "Agus Salim", "Muhammad Hatta", "Ahmad Yani", "Sri Sultan", "Yohanes Surya", "Irfan Hakim",
    )
)

# --------------------------------------------------------------------------------------------------
# Personal columns of a real HR export (fictional values; Talenta drops them at ingest)
# --------------------------------------------------------------------------------------------------

STREETS: tuple[str, ...] = (
    "Jl. Melati", "Jl. Kenanga", "Jl. Cempaka", "Jl. Flamboyan", "Jl. Mawar", "Jl. Anggrek", "Jl. Pelabuhan",
    "Jl. Nelayan", "Jl. Pendidikan", "Jl. Veteran", "Jl. Pramuka", "Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro",
    "Jl. Pemuda", "Jl. Lintas Timur", "Jl. Pasar Baru", "Jl. Bougenville", "Jl. Teratai", "Jl. Perintis",
)  # fmt: skip
AGAMA_BY_GROUP: dict[str, tuple[tuple[str, float], ...]] = {
    "jawa": (("Islam", 0.9), ("Kristen", 0.05), ("Katolik", 0.05)),
    "sunda": (("Islam", 0.97), ("Kristen", 0.03)),
    "minang": (("Islam", 1.0),),
    "batak": (("Kristen", 0.6), ("Islam", 0.3), ("Katolik", 0.1)),
    "bugis": (("Islam", 0.98), ("Kristen", 0.02)),
    "bali": (("Hindu", 0.95), ("Islam", 0.05)),
    "melayu": (("Islam", 0.98), ("Kristen", 0.02)),
    "tionghoa": (("Buddha", 0.35), ("Kristen", 0.3), ("Katolik", 0.25), ("Konghucu", 0.1)),
    "timur": (("Katolik", 0.5), ("Kristen", 0.45), ("Islam", 0.05)),
    "banjar": (("Islam", 1.0),),
}
FAKE_NIK_PREFIX = "99"  # no Indonesian province has code 99: these NIKs cannot belong to anyone
FAKE_PHONE_PREFIX = "0810"  # not an allocated mobile prefix

# --------------------------------------------------------------------------------------------------
# Free-text profile (ringkasan): per-field activity sentences and slot values
# --------------------------------------------------------------------------------------------------

RINGKASAN: dict[str, tuple[str, ...]] = {
    "perikanan": (
        "Berpengalaman membina {n} kelompok pembudidaya ikan {komoditas} di {k} kecamatan.",
        "Mendampingi nelayan di {lokasi} dalam pengurusan perizinan kapal, kartu KUSUKA, dan asuransi nelayan.",
        "Memfasilitasi sertifikasi Cara Budidaya Ikan yang Baik (CBIB) untuk {n} unit pembudidaya {komoditas}.",
        "Mengelola pendataan produksi perikanan tangkap dan budidaya yang menjadi dasar statistik perikanan kabupaten.",
        "Menginisiasi program {program} yang meningkatkan produksi benih ikan sebesar {pct}% dalam dua tahun.",
        "Terlibat dalam pengawasan penggunaan alat tangkap yang tidak ramah lingkungan di perairan {lokasi}.",
        "Menangani pengelolaan tempat pelelangan ikan, termasuk penataan retribusi dan mutu hasil tangkapan.",
    ),
    "kesehatan": (
        "Berpengalaman dalam pelayanan {layanan} di rumah sakit dan puskesmas.",
        "Menjadi penanggung jawab program {program_kes} yang menurunkan {indikator} di {k} desa.",
        "Aktif dalam tim gerak cepat penanganan kejadian luar biasa {penyakit}.",
        "Membina {n} posyandu dalam pemantauan gizi balita dan pencegahan stunting.",
        "Menyusun standar prosedur operasional pelayanan {layanan} yang dipakai di {k} fasilitas kesehatan.",
        "Terlibat dalam persiapan akreditasi {fasilitas} hingga meraih predikat paripurna.",
    ),
    "keuangan": (
        "Berpengalaman menyusun Rencana Kerja dan Anggaran serta Dokumen Pelaksanaan Anggaran perangkat daerah.",
        "Mengelola penatausahaan dan pertanggungjawaban bendahara untuk anggaran sekitar Rp{miliar} miliar per tahun.",
        "Terlibat dalam penyusunan laporan keuangan pemerintah daerah yang memperoleh opini WTP {k} tahun berturut-turut.",
        "Menangani rekonsiliasi dan inventarisasi barang milik daerah di {n} perangkat daerah.",
        "Menginisiasi pembayaran nontunai {pajak} yang meningkatkan realisasi pendapatan sebesar {pct}%.",
        "Mengoperasikan SIPD untuk perencanaan, penganggaran, dan penatausahaan keuangan daerah.",
    ),
    "teknologi_informasi": (
        "Mengembangkan aplikasi {aplikasi} yang digunakan oleh {n} perangkat daerah.",
        "Mengelola infrastruktur jaringan dan pusat data pemerintah kabupaten.",
        "Menangani insiden keamanan informasi dan menyusun kebijakan keamanan siber daerah.",
        "Mengoordinasikan penerapan Sistem Pemerintahan Berbasis Elektronik (SPBE) yang menaikkan indeks SPBE kabupaten.",
        "Mengelola kanal informasi publik dan media sosial resmi pemerintah kabupaten.",
        "Membangun portal Satu Data dengan {n} set data sektoral.",
    ),
    "pendidikan": (
        "Mengajar {mapel} dan membimbing siswa meraih juara {lomba} tingkat {tingkat}.",
        "Menjadi guru penggerak dan fasilitator Kurikulum Merdeka di {k} gugus sekolah.",
        "Mengembangkan media pembelajaran digital {mapel} yang dipakai di {n} sekolah.",
        "Melaksanakan supervisi akademik dan pembinaan guru di {n} sekolah dasar.",
        "Aktif dalam program literasi dan numerasi yang meningkatkan hasil Asesmen Nasional sekolah.",
    ),
    "pertanian": (
        "Membina {n} kelompok tani {komoditas_tani} di {k} kecamatan.",
        "Mendampingi petani dalam penerapan pengendalian hama terpadu dan pemupukan berimbang.",
        "Mengoordinasikan penyaluran pupuk bersubsidi dan kartu tani bagi {jumlah} petani.",
        "Menangani vaksinasi dan pengendalian penyakit hewan ternak, termasuk penyakit mulut dan kuku.",
        "Terlibat dalam pengembangan kawasan {komoditas_tani} yang meningkatkan produktivitas sebesar {pct}%.",
    ),
    "pekerjaan_umum": (
        "Mengawasi pembangunan dan pemeliharaan {n} ruas jalan kabupaten beserta jembatannya.",
        "Menyusun perencanaan teknis irigasi dan pengendalian banjir di {k} kecamatan.",
        "Terlibat dalam penyusunan Rencana Detail Tata Ruang kawasan {lokasi}.",
        "Mengelola pengawasan kontrak konstruksi bernilai total Rp{miliar} miliar.",
        "Menangani penerbitan persetujuan bangunan gedung dan pendataan bangunan gedung negara.",
    ),
    "lingkungan_hidup": (
        "Mengelola bank sampah dan TPS3R di {n} desa yang mengurangi sampah ke TPA sebesar {pct}%.",
        "Melakukan pengawasan ketaatan usaha terhadap dokumen lingkungan (AMDAL dan UKL-UPL).",
        "Memantau kualitas air sungai dan udara serta menyusun laporan status lingkungan hidup daerah.",
        "Mendampingi sekolah Adiwiyata dan Program Kampung Iklim di {k} desa.",
        "Menangani pengaduan pencemaran lingkungan dari kegiatan {usaha}.",
    ),
    "perhubungan": (
        "Mengelola manajemen dan rekayasa lalu lintas di {n} persimpangan kawasan perkotaan.",
        "Menangani pengujian berkala kendaraan bermotor dan penerapan uji KIR elektronik.",
        "Mengoordinasikan angkutan arus mudik dan penataan terminal penumpang.",
        "Terlibat dalam pengelolaan dermaga penyeberangan dan keselamatan angkutan sungai.",
        "Menata perparkiran tepi jalan yang meningkatkan retribusi parkir sebesar {pct}%.",
    ),
    "sosial": (
        "Mendampingi {n} keluarga penerima Program Keluarga Harapan di {k} kecamatan.",
        "Menangani rehabilitasi sosial penyandang disabilitas dan lanjut usia terlantar.",
        "Memutakhirkan Data Terpadu Kesejahteraan Sosial untuk {jumlah} rumah tangga.",
        "Mengoordinasikan penyaluran bantuan sosial bagi korban bencana dan keluarga rentan.",
        "Membina karang taruna dan pekerja sosial masyarakat di {k} kecamatan.",
    ),
    "kependudukan": (
        "Melayani perekaman KTP elektronik dengan layanan jemput bola di {k} kecamatan.",
        "Menangani pencatatan kelahiran, kematian, dan perkawinan serta penerbitan akta catatan sipil.",
        "Mengelola database kependudukan dan pemanfaatan data oleh {n} perangkat daerah.",
        "Menginisiasi layanan adminduk daring yang memangkas waktu layanan akta kelahiran menjadi satu hari.",
        "Melakukan konsolidasi dan pembersihan data ganda kependudukan.",
    ),
    "perencanaan": (
        "Menyusun dokumen RPJMD dan RKPD serta mengoordinasikan musrenbang di {k} kecamatan.",
        "Melakukan evaluasi kinerja pembangunan daerah dan pengendalian pelaksanaan program.",
        "Mengelola data statistik sektoral dan indikator makro pembangunan kabupaten.",
        "Terlibat dalam perencanaan lintas sektor penurunan kemiskinan ekstrem dan stunting.",
        "Menyusun kajian kebijakan tentang {kajian}.",
    ),
    "kepegawaian": (
        "Mengelola administrasi kenaikan pangkat, mutasi, dan pensiun bagi sekitar {jumlah} ASN.",
        "Mengoordinasikan seleksi CPNS dan PPPK serta orientasi pegawai baru.",
        "Menyusun analisis jabatan dan analisis beban kerja perangkat daerah.",
        "Mengelola penilaian kinerja pegawai dan pemetaan talenta ASN.",
        "Menyelenggarakan pengembangan kompetensi bagi {n} pegawai per tahun.",
    ),
    "pengawasan": (
        "Melaksanakan audit kinerja dan audit keuangan pada {n} perangkat daerah.",
        "Melakukan reviu laporan keuangan dan RKA perangkat daerah sebelum penetapan.",
        "Menangani pemeriksaan pengaduan masyarakat dan pemeriksaan khusus.",
        "Mendampingi pembangunan zona integritas dan penilaian maturitas SPIP.",
        "Melakukan probity audit atas pengadaan barang dan jasa bernilai besar.",
    ),
    "ketertiban": (
        "Memimpin penegakan peraturan daerah tentang {perda}.",
        "Mengoordinasikan pengamanan kegiatan besar dan penertiban pedagang kaki lima di {k} kawasan.",
        "Membina satuan perlindungan masyarakat di {n} desa.",
        "Menangani penyelesaian pelanggaran perda melalui pendekatan persuasif dan sidang tindak pidana ringan.",
    ),
    "kebencanaan": (
        "Menyusun kajian risiko bencana serta rencana kontinjensi banjir dan abrasi pantai.",
        "Mengoordinasikan tanggap darurat banjir di {k} kecamatan, termasuk posko dan logistik.",
        "Membentuk dan membina desa tangguh bencana di {n} desa.",
        "Menangani rehabilitasi dan rekonstruksi pascabencana serta pendataan kerusakan.",
        "Mengelola pusat pengendalian operasi dan sistem peringatan dini.",
    ),
    "penanaman_modal": (
        "Memproses perizinan berusaha melalui OSS berbasis risiko untuk {jumlah} pelaku usaha.",
        "Mempromosikan potensi investasi daerah, terutama sektor {sektor}.",
        "Melakukan pengawasan realisasi penanaman modal dan pelaporan LKPM.",
        "Menyederhanakan layanan perizinan sehingga waktu proses turun {pct}%.",
        "Menangani pengaduan layanan perizinan dan survei kepuasan masyarakat.",
    ),
    "pemerintahan": (
        "Mengoordinasikan pembinaan pemerintahan desa bagi {n} kepala desa.",
        "Menangani fasilitasi penegasan batas desa dan administrasi kewilayahan.",
        "Menyusun laporan penyelenggaraan pemerintahan daerah (LPPD).",
        "Mengelola tata naskah dinas, kearsipan, dan keprotokolan.",
        "Memfasilitasi musyawarah desa dan pengelolaan dana desa di {k} kecamatan.",
    ),
    "hukum": (
        "Menyusun dan mengharmonisasi rancangan peraturan daerah, antara lain tentang {topik}.",
        "Mendampingi pemerintah daerah dalam perkara perdata dan tata usaha negara.",
        "Mengelola jaringan dokumentasi dan informasi hukum (JDIH) kabupaten.",
        "Memberikan pertimbangan hukum atas perjanjian kerja sama daerah.",
        "Melakukan penyuluhan hukum bagi aparatur desa di {k} kecamatan.",
    ),
}
RINGKASAN_SLOTS: dict[str, tuple[str, ...]] = {
    "komoditas": ("nila", "lele", "gurami", "patin", "bandeng", "udang vaname", "rumput laut", "kerapu"),
    "lokasi": ("pesisir Pantai Lestari", "Teluk Seruni", "Muara Indah", "Sungai Jernih"),
    "program": ("kampung budidaya ikan nila", "budidaya lele sistem bioflok", "unit pembenihan rakyat", "minapadi"),
    "layanan": ("gawat darurat", "rawat inap", "kesehatan ibu dan anak", "keperawatan kritis", "laboratorium klinik",
                "kefarmasian"),
    "komoditas_tani": ("padi sawah", "jagung", "cabai merah", "kelapa", "kakao", "bawang merah"),
    "program_kes": ("imunisasi dasar lengkap", "percepatan penurunan stunting", "eliminasi TBC",
                    "kesehatan ibu dan anak"),
    "indikator": ("angka stunting", "kasus TBC yang tidak tertangani", "kematian ibu dan bayi"),
    "penyakit": ("demam berdarah", "diare", "campak"),
    "fasilitas": ("RSUD", "puskesmas rawat inap"),
    "pajak": ("pajak bumi dan bangunan", "pajak restoran", "retribusi pasar", "pajak hotel"),
    "aplikasi": ("tata naskah dinas elektronik", "pengaduan masyarakat", "e-kinerja", "perizinan daring",
                 "presensi daring"),
    "mapel": ("matematika", "bahasa Indonesia", "IPA", "bahasa Inggris", "pendidikan jasmani", "kelas rendah SD"),
    "lomba": ("olimpiade sains", "lomba cerdas cermat", "O2SN", "lomba debat bahasa Inggris"),
    "tingkat": ("kabupaten", "provinsi"),
    "usaha": ("tambak udang", "pabrik kelapa sawit", "rumah potong hewan", "industri tahu"),
    "kajian": ("pengembangan ekonomi pesisir", "kawasan agropolitan", "pengurangan kemiskinan",
               "infrastruktur perdesaan"),
    "perda": ("ketertiban umum", "bangunan gedung", "retribusi pasar", "minuman beralkohol"),
    "sektor": ("perikanan dan pengolahan hasil laut", "pariwisata pesisir", "perkebunan", "industri kecil"),
    "topik": ("pengelolaan perikanan", "retribusi daerah", "penyelenggaraan pendidikan", "tata ruang"),
}  # fmt: skip
RINGKASAN_NUMBERS: dict[str, tuple[int, int]] = {
    "n": (6, 48), "k": (2, 6), "pct": (8, 40), "jumlah": (300, 4500), "miliar": (3, 120),
}
RINGKASAN_FRAMES: dict[str, tuple[str, ...]] = {
    "tenure": (
        "Menekuni bidang {bidang} sejak {tahun}.",
        "Berkarier di bidang {bidang} sejak {tahun}, terakhir sebagai {jabatan}.",
        "Sejak {tahun} bertugas di {unit}.",
    ),
    "previous": (
        "Sebelumnya bertugas sebagai {jabatan_lalu} di {unit_lalu}.",
        "Pernah menjabat {jabatan_lalu} di {unit_lalu}.",
    ),
    "switch": (
        "Beralih dari bidang {bidang_lama} ke bidang {bidang} pada {tahun}.",
        "Berlatar belakang {bidang_lama} sebelum pindah ke bidang {bidang} pada {tahun}.",
    ),
}

# --------------------------------------------------------------------------------------------------
# Gender shares (typical of the professions; used only to make the fictional staff look plausible)
# --------------------------------------------------------------------------------------------------

FEMALE_SHARE_BY_FIELD: dict[str, float] = {
    "kesehatan": 0.7, "pendidikan": 0.65, "keuangan": 0.58, "kepegawaian": 0.55, "perencanaan": 0.5,
    "sosial": 0.55, "kependudukan": 0.55, "hukum": 0.5, "pengawasan": 0.5, "teknologi_informasi": 0.38,
    "pemerintahan": 0.45, "penanaman_modal": 0.5, "lingkungan_hidup": 0.42, "perikanan": 0.35, "pertanian": 0.35,
    "pekerjaan_umum": 0.25, "perhubungan": 0.2, "ketertiban": 0.2, "kebencanaan": 0.25,
}  # fmt: skip
FEMALE_SHARE_BY_ROLE: dict[str, float] = {
    "Bidan": 1.0, "Perawat": 0.75, "Nutrisionis": 0.85, "Guru": 0.68, "Dokter": 0.55, "Apoteker": 0.75,
    "Asisten Apoteker": 0.8, "Pemadam Kebakaran": 0.05, "Juru Ukur": 0.1, "Polisi Pamong Praja": 0.15,
    "Pengatur Lalu Lintas": 0.1,
}  # fmt: skip
FEMALE_FACTOR_BY_JENIS: dict[str, float] = {"jpt": 0.55, "administrator": 0.75, "pengawas": 0.9}
