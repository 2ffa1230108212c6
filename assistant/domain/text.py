"""Tokens for lexical search: lower case, Indonesian stemming (Sastrawi), stop words removed.

The same function tokenises records and questions, so both meet on the same stems.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    """
    yang dan di ke dari untuk dengan pada dalam atau ini itu adalah sebagai oleh para serta juga
    siapa apa mana paling cocok sesuai tepat layak bidang asn pns pegawai orang cari carikan tolong
    tampilkan sebutkan saja ada bisa akan telah sudah lebih tahun sekarang tk
    the a an of for in on to and or with who which what is are be best most suited suitable fit
    field area employee employees staff candidate candidates civil servant servants find show me
    list top experience experienced expert people person ahli pakar
    """.split()
)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    return str(_stemmer().stem(word)) or word


def tokenize(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]
