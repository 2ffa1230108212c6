import pytest

from assistant.domain.posts import (
    POST_LEVELS,
    TargetPost,
    level_label,
    level_of_title,
    post_level_from_text,
    target_post_from_text,
)


@pytest.mark.parametrize(
    "text, level",
    [
        # Indonesian: administrator (eselon III)
        ("Siapa yang cocok untuk Kepala Bidang Budidaya?", "administrator"),
        ("kepala bidang", "administrator"),
        ("siapa yang layak jadi administrator di Dinas Perikanan", "administrator"),
        ("kandidat eselon III bidang perikanan", "administrator"),
        ("calon Kabag Hukum", "administrator"),
        ("untuk Sekretaris Dinas Kesehatan", "administrator"),
        ("siapa yang cocok jadi camat?", "administrator"),
        # Indonesian: pengawas (eselon IV)
        ("kepala seksi perbenihan", "pengawas"),
        ("Kepala Subbagian Umum dan Kepegawaian", "pengawas"),
        ("kepala sub bagian keuangan", "pengawas"),
        ("siapa yang siap untuk jabatan pengawas?", "pengawas"),
        ("promosi ke pengawas di Dinas Perikanan", "pengawas"),
        ("pengawas", "pengawas"),
        ("eselon IV.a", "pengawas"),
        ("calon lurah", "pengawas"),
        # Indonesian: JPT Pratama (eselon II)
        ("kalau untuk Kepala Dinas?", "jpt_pratama"),
        ("kepala badan", "jpt_pratama"),
        ("siapa calon sekretaris daerah", "jpt_pratama"),
        ("kandidat JPT Pratama bidang kesehatan", "jpt_pratama"),
        ("jabatan pimpinan tinggi pratama", "jpt_pratama"),
        ("eselon II", "jpt_pratama"),
        ("eselon II.b", "jpt_pratama"),
        # English
        ("Who is best suited to lead the health office?", "jpt_pratama"),
        ("who could be head of the office?", "jpt_pratama"),
        ("head of the agency", "jpt_pratama"),
        ("candidates for head of the regional development planning agency", "jpt_pratama"),
        ("echelon II candidates", "jpt_pratama"),
        ("who should head the fisheries division", "administrator"),
        ("head of the fisheries division of the marine office", "administrator"),
        ("echelon III", "administrator"),
        ("a section head for seed production", "pengawas"),
        ("who is ready for a supervisor post", "pengawas"),
        ("echelon IV", "pengawas"),
        # the target wins over a post that is only mentioned
        ("Kepala Seksi mana yang siap jadi Kepala Bidang?", "administrator"),
        ("which section heads are ready to become head of the fisheries division?", "administrator"),
    ],
)
def test_post_level_from_text(text, level):
    assert post_level_from_text(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "Siapa ASN yang paling cocok untuk bidang perikanan?",
        "Who is best suited for fisheries?",
        # functional titles that share a word with a level are not levels
        "Siapa Pengawas Perikanan yang paling berpengalaman?",
        "cari pengawas perikanan ahli muda",
        "untuk Pengawas Sekolah",
        "Administrator Kesehatan di RSUD",
        "who is the most experienced fisheries supervisor?",
        # JPT Madya / Utama and eselon I are outside the rules table
        "kandidat JPT Madya",
        "eselon I",
        "",
    ],
)
def test_no_post_level(text):
    assert post_level_from_text(text) is None


@pytest.mark.parametrize(
    "text, target",
    [
        (
            "Siapa yang cocok untuk Kepala Bidang Budidaya di Dinas Perikanan?",
            TargetPost("administrator", "Kepala Bidang Budidaya"),
        ),
        (
            "kalau untuk kepala dinas kelautan dan perikanan?",
            TargetPost("jpt_pratama", "Kepala Dinas Kelautan dan Perikanan"),
        ),
        ("kepala dinas yang cocok siapa", TargetPost("jpt_pratama", "Kepala Dinas")),
        (
            "Kepala Subbagian Umum dan Kepegawaian",
            TargetPost("pengawas", "Kepala Subbagian Umum dan Kepegawaian"),
        ),
        (
            "kandidat Kepala UPTD Balai Benih Ikan, siapa?",
            TargetPost("pengawas", "Kepala UPTD Balai Benih Ikan"),
        ),
        ("eselon III", TargetPost("administrator", None)),
        ("who could be head of the health office?", TargetPost("jpt_pratama", "head of the health office")),
        ("lead the health office", TargetPost("jpt_pratama", None)),
    ],
)
def test_target_post_names_the_position(text, target):
    assert target_post_from_text(text) == target


@pytest.mark.parametrize(
    "title, level",
    [
        ("Kepala Seksi Perbenihan", "pengawas"),
        ("Kepala Subbagian Tata Usaha UPTD Balai Benih Ikan", "pengawas"),
        ("Kepala Subbidang Anggaran", "pengawas"),
        ("Lurah Sukamaju", "pengawas"),
        ("Sekretaris Kelurahan Sukamaju", "pengawas"),
        ("Kepala Bidang Budidaya", "administrator"),
        ("Sekretaris Dinas Perikanan", "administrator"),
        ("Kepala Bagian Hukum", "administrator"),
        ("Sekretaris Kecamatan", "administrator"),
        ("Inspektur Pembantu Wilayah II", "administrator"),
        ("Wakil Direktur Pelayanan", "administrator"),
        ("Plt. Kepala Bidang Perikanan Tangkap", "administrator"),
        ("Kepala Dinas Perikanan", "jpt_pratama"),
        ("Kepala Badan Perencanaan Pembangunan Daerah", "jpt_pratama"),
        ("Sekretaris Daerah", "jpt_pratama"),
        ("Sekretaris DPRD", "jpt_pratama"),
        ("Inspektur", "jpt_pratama"),
        ("Direktur Rumah Sakit Umum Daerah", "jpt_pratama"),
        ("Pengawas Perikanan Ahli Pertama", None),
        ("Penyuluh Perikanan Ahli Muda", None),
        ("Pengelola Data Produksi Perikanan", None),
        ("Kepala Sekolah", None),
        (None, None),
    ],
)
def test_level_of_title(title, level):
    assert level_of_title(title) == level


def test_level_labels_in_both_languages():
    assert [level_label(level) for level in POST_LEVELS] == [
        "pengawas (eselon IV)",
        "administrator (eselon III)",
        "JPT Pratama (eselon II)",
    ]
    assert level_label("administrator", "en") == "administrator (echelon III)"
