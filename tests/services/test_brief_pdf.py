"""The meeting brief as PDF: the same rows as the XLSX laid out on A4, the main successor before the
backups, the PPK line, both languages, audited once, and a name outside Latin-1 printed, not fatal."""

from __future__ import annotations

import re

import pytest

from assistant.domain.identity import Caller
from assistant.services.brief_pdf import brief_files, brief_pdf, latin1
from assistant.services.errors import NotFound

BKD = Caller(user="bkd-1", role="bkpsdm")
KOMITE = Caller(user="komite-1", role="komite")
OTHER_HEAD = Caller(user="kadis-sehat", role="opd", unit_kerja="Dinas Kesehatan")
HOLDER = "198003152005011002"  # Siti Rahmawati, Kepala Bidang Budidaya
MAIN = "198302172008011001"  # Ahmad Fauzi
BACKUPS = ["198707222010012004", "198412012010012003"]  # Bagus Prasetyo (renamed below), Made Ayu Suartini
ODD_NAME = "Bagus Đặng “Prasetyo” 王"


@pytest.fixture
def container(make_container, people):
    renamed = [p.model_copy(update={"nama": ODD_NAME}) if p.nip == BACKUPS[0] else p for p in people]
    return make_container(renamed)


@pytest.fixture
def pool_id(container):
    svc = container.succession
    pool = svc.create_pool(BKD, "Kepala Bidang Budidaya", unit_kerja="Dinas Perikanan", level="administrator",
                           holder_nip=HOLDER, note="Catatan {nb} **bukan markdown** (a) \\ b")  # fmt: skip
    pool = svc.add_members(BKD, pool.id, [*BACKUPS, MAIN])
    main = next(m for m in pool.members if m.nip == MAIN)
    svc.set_main(KOMITE, main.id, "JPM dan SKP terbaik.")
    svc.set_readiness(KOMITE, main.id, "siap sekarang", "Sudah PKA, JPM 82.")
    return pool.id


def _text(pdf: bytes) -> str:
    """The shown strings of an uncompressed PDF in drawing order, wrapped lines joined by a space."""
    strings = re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", pdf)
    return re.sub(r"\s+", " ", " ".join(re.sub(rb"\\(.)", rb"\1", s).decode("latin-1") for s in strings))


def _briefs(container) -> int:
    return sum(e["action"] == "pool_brief" for e in container.audit.entries())


def test_the_pdf_brief_puts_the_main_successor_first_and_leaves_the_decision_to_the_ppk(container, pool_id):
    before = _briefs(container)
    pdf = brief_pdf(container.succession, BKD, pool_id, compress=False)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert b"/MediaBox [0 0 841.89 595.28]" in pdf  # A4 landscape
    text = _text(pdf)
    assert "Bahan rapat suksesi" in text and "Kepala Bidang Budidaya" in text and "Dinas Perikanan" in text
    assert "Siti Rahmawati" in text and HOLDER in text  # the post's holder
    assert "pengganti utama" in text and "cadangan" in text and "siap sekarang" in text
    assert text.index(MAIN) < min(text.index(n) for n in BACKUPS)
    assert "keputusan tetap pada PPK" in text and "oleh bkd-1 (bkpsdm)" in text
    assert "Halaman 1 dari 1" in text
    assert _briefs(container) == before + 1  # audited once per brief


def test_the_pdf_brief_in_english(container, pool_id):
    text = _text(brief_pdf(container.succession, BKD, pool_id, "en", compress=False))
    assert "Succession meeting brief" in text and "main successor" in text and "backup" in text
    assert "ready now" in text and "the decision stays with the PPK" in text and "Page 1 of 1" in text
    assert "pengganti utama" not in text and "memenuhi" not in text  # the rules' status in English too
    assert text.index(MAIN) < min(text.index(n) for n in BACKUPS)


def test_user_text_outside_latin1_or_looking_like_markup_is_printed_as_text(container, pool_id):
    text = _text(brief_pdf(container.succession, BKD, pool_id, compress=False))
    assert 'Bagus Dang "Prasetyo" ?' in text  # transliterated, the rest replaced: no crash
    assert "Catatan {nb} **bukan markdown** (a) \\ b" in text  # no page-count alias, no markdown


def test_both_files_from_one_reading_are_one_audited_brief(container, pool_id):
    before = _briefs(container)
    xlsx, pdf = brief_files(container.succession, BKD, pool_id, "id")
    assert xlsx.startswith(b"PK") and pdf.startswith(b"%PDF-")
    assert _briefs(container) == before + 1


def test_a_caller_who_may_not_see_the_pool_gets_no_brief(container, pool_id):
    before = _briefs(container)
    with pytest.raises(NotFound):
        brief_pdf(container.succession, OTHER_HEAD, pool_id)
    assert _briefs(container) == before


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("Siti Rahmawati, M.Si.", "Siti Rahmawati, M.Si."),
        ("José Müller", "José Müller"),  # Latin-1 kept as is
        ("Đặng Văn Lâm", "Dang Van Lâm"),
        ("“kutip” – ‘tanda’ — …", "\"kutip\" - 'tanda' - ..."),
        ("王小明", "???"),
        ("a\tb\x00c\x1ed\u200be", "a bcde"),
    ],
)  # fmt: skip
def test_latin1_degrades_safely(raw, printed):
    assert latin1(raw) == printed
    latin1(raw).encode("latin-1")
