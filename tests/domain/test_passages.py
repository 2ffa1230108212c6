"""A free-text CV is embedded whole: cut into passages at sentence ends, nothing dropped."""

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
