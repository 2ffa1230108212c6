"""The labelled query set of the retrieval-quality benchmark (data only).

Each topic is a field, sub-field or post of the demo regency, mapped to the generator's field keys
(``data.generator.FIELDS``) whose people are relevant to it, and asked once in Indonesian and once
in English, in varied phrasings: the full question ("Siapa ASN yang paling cocok untuk bidang X?",
"Who is best suited for X?"), the search request ("cari pegawai yang berpengalaman di X", "find
employees experienced in X"), the bare phrase ("X") and "X experts".

Relevance is graded from the generator's ground truth (``_meta/ground_truth.csv``) by field: a
person is relevant to "perawat" when their field is kesehatan. The set was written from the
generator's catalogue, not from Talenta's results; it is not a tuning set.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    name: str  # what is asked for, short (Indonesian)
    fields: tuple[str, ...]  # generator field keys whose people are relevant
    id: str  # the question in Indonesian
    en: str  # the question in English


@dataclass(frozen=True)
class Query:
    topic: str
    fields: tuple[str, ...]
    language: str  # "id" | "en": the language it is written in (label, not detected)
    text: str


def _t(name: str, fields: str, id_text: str, en_text: str) -> Topic:
    return Topic(name, tuple(f.strip() for f in fields.split(",")), id_text, en_text)


TOPICS: tuple[Topic, ...] = (
    # ---- the 19 fields of the generator -------------------------------------------------------
    _t("perikanan", "perikanan",
       "Siapa ASN yang paling cocok untuk bidang perikanan?", "Who is best suited for fisheries?"),
    _t("kesehatan", "kesehatan",
       "cari pegawai yang berpengalaman di bidang kesehatan", "find employees experienced in health services"),
    _t("keuangan", "keuangan",
       "keuangan daerah", "regional finance experts"),
    _t("teknologi informasi", "teknologi_informasi",
       "Siapa ASN yang paling cocok untuk bidang teknologi informasi?", "Who is best suited for information technology?"),
    _t("pendidikan", "pendidikan",
       "cari pegawai yang berpengalaman di pendidikan", "find employees experienced in education"),
    _t("pertanian", "pertanian",
       "pertanian", "agriculture experts"),
    _t("pekerjaan umum", "pekerjaan_umum",
       "Siapa ASN yang paling cocok untuk bidang pekerjaan umum dan penataan ruang?", "Who is best suited for public works?"),
    _t("lingkungan hidup", "lingkungan_hidup",
       "cari pegawai yang berpengalaman di lingkungan hidup", "find employees experienced in environmental management"),
    _t("perhubungan", "perhubungan",
       "perhubungan", "transportation experts"),
    _t("sosial", "sosial",
       "Siapa ASN yang paling cocok untuk bidang sosial?", "Who is best suited for social affairs?"),
    _t("kependudukan", "kependudukan",
       "cari pegawai yang berpengalaman di administrasi kependudukan",
       "find employees experienced in population administration"),
    _t("perencanaan", "perencanaan",
       "perencanaan pembangunan daerah", "development planning experts"),
    _t("kepegawaian", "kepegawaian",
       "Siapa ASN yang paling cocok untuk bidang kepegawaian?", "Who is best suited for civil service human resources?"),
    _t("pengawasan", "pengawasan",
       "cari pegawai yang berpengalaman di pengawasan internal", "find employees experienced in internal audit"),
    _t("ketertiban", "ketertiban",
       "ketenteraman dan ketertiban umum", "public order experts"),
    _t("kebencanaan", "kebencanaan",
       "Siapa ASN yang paling cocok untuk bidang penanggulangan bencana?", "Who is best suited for disaster management?"),
    _t("penanaman modal", "penanaman_modal",
       "cari pegawai yang berpengalaman di penanaman modal", "find employees experienced in investment promotion"),
    _t("pemerintahan", "pemerintahan",
       "pemerintahan umum", "general government administration experts"),
    _t("hukum", "hukum",
       "Siapa ASN yang paling cocok untuk bidang hukum?", "Who is best suited for legal affairs?"),
    # ---- sub-fields and posts --------------------------------------------------------------------
    _t("budidaya ikan", "perikanan",
       "cari pegawai yang berpengalaman di budidaya ikan", "find employees experienced in fish farming"),
    _t("penyuluh perikanan", "perikanan",
       "penyuluh perikanan", "fisheries extension officers"),
    _t("kepala bidang budidaya", "perikanan",
       "Siapa yang paling cocok untuk jabatan kepala bidang budidaya?",
       "Who is best suited to head the aquaculture division?"),
    _t("perikanan tangkap", "perikanan",
       "perikanan tangkap", "capture fisheries experts"),
    _t("perawat", "kesehatan",
       "cari pegawai yang berpengalaman sebagai perawat", "find employees experienced in nursing"),
    _t("bidan", "kesehatan",
       "bidan", "midwives"),
    _t("gizi", "kesehatan",
       "Siapa ASN yang paling cocok untuk bidang gizi?", "Who is best suited for nutrition programmes?"),
    _t("kesehatan masyarakat", "kesehatan",
       "cari pegawai yang berpengalaman di kesehatan masyarakat", "public health experts"),
    _t("dokter", "kesehatan",
       "dokter", "medical doctors"),
    _t("kepala puskesmas", "kesehatan",
       "Siapa yang paling cocok menjadi kepala puskesmas?", "Who is best suited to lead a community health centre?"),
    _t("anggaran", "keuangan",
       "cari pegawai yang berpengalaman di penyusunan anggaran", "find employees experienced in budgeting"),
    _t("pajak daerah", "keuangan",
       "pajak daerah", "local tax experts"),
    _t("akuntansi", "keuangan",
       "Siapa ASN yang paling cocok untuk bidang akuntansi?", "Who is best suited for accounting?"),
    _t("aset daerah", "keuangan",
       "pengelolaan aset daerah", "find employees experienced in regional asset management"),
    _t("audit", "pengawasan",
       "audit", "audit experts"),
    _t("jaringan komputer", "teknologi_informasi",
       "cari pegawai yang berpengalaman di jaringan komputer", "Who is best suited for computer networks?"),
    _t("persandian", "teknologi_informasi",
       "keamanan informasi dan persandian", "information security experts"),
    _t("statistik", "teknologi_informasi, perencanaan",
       "Siapa ASN yang paling cocok untuk bidang statistik?", "find employees experienced in statistics"),
    _t("guru", "pendidikan",
       "guru", "teachers"),
    _t("pendidikan anak usia dini", "pendidikan",
       "cari pegawai yang berpengalaman di pendidikan anak usia dini", "early childhood education experts"),
    _t("jalan dan jembatan", "pekerjaan_umum",
       "Siapa ASN yang paling cocok untuk bidang jalan dan jembatan?", "Who is best suited for roads and bridges?"),
    _t("tata ruang", "pekerjaan_umum",
       "penataan ruang", "find employees experienced in spatial planning"),
    _t("persampahan", "lingkungan_hidup",
       "cari pegawai yang berpengalaman di persampahan", "waste management experts"),
    _t("pencemaran", "lingkungan_hidup",
       "pengendalian pencemaran lingkungan", "Who is best suited for pollution control?"),
    _t("lalu lintas", "perhubungan",
       "lalu lintas", "find employees experienced in traffic management"),
    _t("pengujian kendaraan", "perhubungan",
       "Siapa ASN yang paling cocok untuk pengujian kendaraan bermotor?", "vehicle inspection experts"),
    _t("pencatatan sipil", "kependudukan",
       "pencatatan sipil", "Who is best suited for civil registration?"),
    _t("penyuluh pertanian", "pertanian",
       "cari pegawai yang berpengalaman sebagai penyuluh pertanian", "agricultural extension officers"),
    _t("peternakan", "pertanian",
       "peternakan dan kesehatan hewan", "find employees experienced in livestock and animal health"),
    _t("rehabilitasi sosial", "sosial",
       "Siapa ASN yang paling cocok untuk bidang rehabilitasi sosial?", "social rehabilitation experts"),
    _t("bantuan sosial", "sosial",
       "cari pegawai yang berpengalaman di bantuan sosial", "Who is best suited for social assistance programmes?"),
    _t("mutasi dan promosi", "kepegawaian",
       "mutasi dan promosi pegawai", "find employees experienced in staff transfers and promotions"),
    _t("manajemen talenta", "kepegawaian",
       "Siapa ASN yang paling cocok untuk bidang manajemen talenta?", "talent management experts"),
    _t("satpol pp", "ketertiban",
       "satpol pp", "municipal police officers"),
    _t("penegakan perda", "ketertiban",
       "cari pegawai yang berpengalaman di penegakan perda",
       "Who is best suited for enforcing regional regulations?"),
    _t("tanggap darurat", "kebencanaan",
       "tanggap darurat bencana", "emergency response experts"),
    _t("perizinan", "penanaman_modal",
       "Siapa ASN yang paling cocok untuk bidang perizinan?", "find employees experienced in business licensing"),
    _t("kearsipan", "pemerintahan",
       "kearsipan", "archives management experts"),
    _t("peraturan daerah", "hukum",
       "cari pegawai yang berpengalaman di penyusunan peraturan daerah",
       "Who is best suited for drafting regional regulations?"),
    _t("rpjmd", "perencanaan",
       "penyusunan RPJMD", "find employees experienced in regional medium-term development plans"),
    _t("kepala dinas perikanan", "perikanan",
       "Siapa yang paling cocok menjadi kepala dinas perikanan?", "head of the fisheries office"),
    _t("camat", "pemerintahan",
       "Siapa ASN yang paling cocok untuk jabatan camat?", "Who is best suited to be a sub-district head (camat)?"),
)  # fmt: skip

QUERIES: tuple[Query, ...] = tuple(
    Query(t.name, t.fields, lang, text) for t in TOPICS for lang, text in (("id", t.id), ("en", t.en))
)
