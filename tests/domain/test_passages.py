"""A free-text CV is embedded whole: cut into passages at sentence ends, nothing dropped."""

import pytest

from assistant.domain.evidence import PASSAGE_CHARS, evidence_texts, passages
from assistant.domain.models import Employee


def test_a_short_summary_is_one_passage():
    assert passages("Lima tahun mengelola irigasi.") == ["Lima tahun mengelola irigasi."]
    assert passages("   ") == []


def test_a_long_cv_is_cut_between_sentences_and_keeps_every_word():
    text = " ".join(f"Kalimat ke-{i} tentang pengelolaan irigasi dan sumber daya air di daerah." for i in range(40))
    text += " " + "sangat " * 120 + "panjang."
    parts = passages(text)
    assert len(parts) > 1 and all(len(p) <= PASSAGE_CHARS for p in parts)
    assert " ".join(parts).split() == text.split()
    assert parts[0].endswith(".") and parts[1].endswith(".")  # cut at sentence ends where sentences allow


def test_each_passage_of_a_cv_becomes_evidence():
    cv = "Memimpin operasi dan pemeliharaan jaringan irigasi. " * 12 + "Later led the regency's GIS team."
    person = Employee(nip="198503122010011001", nama="Dimas", ringkasan=cv)
    pieces = [e for e in evidence_texts(person) if e.kind == "ringkasan"]
    assert len(pieces) >= 2 and "GIS" in pieces[-1].embed_text


CV = (
    "DEWI LESTARI\nAkuntan | Laporan Keuangan Daerah\n\nPROFILE\nAkuntan pemerintah sejak 2012.\n\n"
    "WORK EXPERIENCE\nPenyusun Laporan Keuangan, BPKAD (2012-sekarang).\n\n"
    "Volunteering\nSetiap akhir pekan merawat anjing dan kucing di shelter hewan, memberi vaksin bersama dokter hewan.\n\n"
    "HOBBIES\nMembaca tentang kesehatan hewan ternak.\n"
)  # fmt: skip


def test_a_cv_s_side_sections_are_passages_of_their_own_marked_with_their_heading():
    from assistant.domain.evidence import cv_sections, side_section

    assert [h for h, _ in cv_sections(CV)] == [None, "PROFILE", "WORK EXPERIENCE", "VOLUNTEERING", "HOBBIES"]
    out = passages(CV)
    side = [p for p in out if side_section(p)]
    assert side == ["VOLUNTEERING: Setiap akhir pekan merawat anjing dan kucing di shelter hewan, memberi vaksin "
                    "bersama dokter hewan.", "HOBBIES: Membaca tentang kesehatan hewan ternak."]  # fmt: skip
    assert all("shelter" not in p and "ternak" not in p for p in out if not side_section(p))
    assert not side_section("Penyusun Laporan Keuangan: BPKAD")  # a colon is not a heading
    # joined lines (a CSV cell) keep their capital headings; 'PENDIDIKAN BAHASA' inside a line is no heading
    flat = "Akuntan. PROFILE Akuntan sejak 2012. Kursus PENDIDIKAN BAHASA INGGRIS. HOBBIES Merawat hewan."
    assert [h for h, _ in cv_sections(flat)] == [None, "PROFILE", "HOBBIES"]
    assert passages("Ringkasan pendek tanpa bagian.") == ["Ringkasan pendek tanpa bagian."]


def test_a_side_section_counts_half_of_a_passage_about_work():
    from assistant.domain.ranking import EvidenceHit, Weights, relevance_by_person

    work = EvidenceHit("1", "ringkasan", "Dokter hewan di Puskeswan sejak 2015.", None, None, similarity=0.8, lexical=1.0)
    hobby = EvidenceHit("2", "ringkasan", "HOBBIES: Dokter hewan di Puskeswan sejak 2015.", None, None, similarity=0.8,
                        lexical=1.0)  # fmt: skip
    rel = relevance_by_person([work, hobby], floor=0.2)
    assert rel["2"][0] == pytest.approx(rel["1"][0] * Weights().side_sections) and Weights().side_sections == 0.5
    same = relevance_by_person([work, hobby], floor=0.2, weights=Weights(side_sections=1.0))  # the ablation
    assert same["2"][0] == pytest.approx(same["1"][0])


def test_a_cv_s_references_are_not_evidence():
    e = Employee(nip="198703122010011003", nama="Dewi", ringkasan=CV + "\nREFERENCES\nBapak Ahmad, Kepala BPKAD.\n")
    texts = [t.display for t in evidence_texts(e) if t.kind == "ringkasan"]
    assert texts and not any("Bapak Ahmad" in t for t in texts)
    assert any(t.startswith("HOBBIES: ") for t in texts)  # the other side sections still are
