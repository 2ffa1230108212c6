"""Tokens for lexical search: lower case, Indonesian stemming (Sastrawi), stop words removed.

The same function tokenises records and questions, so both meet on the same stems.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
# 'Bimtek', 'Diklat', 'LAT.' and 'KURSUS' open the name of almost every course in SIASN: they say a
# record is a training, not what it is about (a question about 'Bimtek SPBE' is about SPBE).
STOPWORDS = frozenset(
    """
    yang dan di ke dari untuk dengan pada dalam atau ini itu adalah sebagai oleh para serta juga
    siapa apa mana paling cocok sesuai tepat layak bidang asn pns pegawai orang cari carikan tolong
    tampilkan sebutkan saja ada bisa akan telah sudah lebih tahun sekarang tk
    the a an of for in on to and or with who which what is are be best most suited suitable fit
    field area employee employees staff candidate candidates civil servant servants find show me
    list top experience experienced expert people person ahli pakar
    bimtek diklat lat kursus
    """.split()
)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


# Sastrawi knows Indonesian affixes, not the endings of borrowed words: 'statistik', 'statistika',
# 'statistisi' and 'statistics' are four stems. Cutting a long stem to its first letters makes them
# meet (prefix truncation, a standard light stemmer); Indonesian roots are short, so they are untouched.
PREFIX_LENGTH = 7


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    root = str(_stemmer().stem(word)) or word
    return root[:PREFIX_LENGTH] if root.isalpha() else root


def tokenize(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]


# --- which language a record is written in -------------------------------------------------------

_ID_MARKERS = frozenset(
    """
    yang dan di ke dari untuk dengan pada dalam serta bidang dinas badan kantor seksi bagian subbagian
    kepala pelatihan diklat bimtek kursus sekolah ahli muda madya pertama utama terampil penyelia
    pelaksana pengelola penyusun analis penyuluh pengawas teknis tingkat daerah kabupaten kota
    masyarakat pemerintah sebagai selama tahun menjadi
    """.split()
)
_EN_MARKERS = frozenset(
    """
    the and of for with in on to at by from as an a into over under via per
    training course workshop management services service development planning program programme
    officer manager head staff team public office support data analysis design case led ran runs
    built builds helped worked managed years year experience
    """.split()
)
_ID_SHAPE = re.compile(r"^(?:me|mem|men|meng|meny|pe|pem|pen|peng|peny|per|ber|ter|di|ke)[a-z]{3,}(?:an|kan|i)$")
_EN_SHAPE = re.compile(r"^[a-z]{3,}(?:tion|tions|ment|ments|ing|ness|ity|ies|ed)$")


@lru_cache(maxsize=50_000)
def text_language(text: str) -> str | None:
    """'id' or 'en' when the text clearly reads as one of them, else None (names, codes, mixed)."""
    words = _WORD.findall(text.lower())
    idn = sum(2 if w in _ID_MARKERS else 1 if _ID_SHAPE.match(w) else 0 for w in words)
    en = sum(2 if w in _EN_MARKERS else 1 if _EN_SHAPE.match(w) else 0 for w in words)
    if idn >= 2 and idn >= 2 * en:
        return "id"
    if en >= 2 and en >= 2 * idn:
        return "en"
    return None
