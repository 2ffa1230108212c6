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
# A conversational request's own words ('Saya butuh orang yang bisa ...', 'We need someone who can ...'):
# no record holds them, so they are not searched and do not count as the question's distinctive words.
CONVERSATIONAL_WORDS = frozenset(
    """
    saya aku kami kita kamu anda butuh butuhkan membutuhkan dibutuhkan perlu memerlukan diperlukan ingin mau
    hendak mencari seseorang sosok punya memiliki harus dapat mampu bantu membantu mohon nih dong sih agar
    supaya nanti paham mengerti memahami yg
    i we us our you your need needs needed want wants looking someone somebody anyone can could would should
    help has have had know knows able
    """.split()
)
_NOT_SEARCHED = STOPWORDS | CONVERSATIONAL_WORDS


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


# Sastrawi knows Indonesian affixes, not the endings of borrowed words: 'statistik', 'statistika',
# 'statistisi' and 'statistics' are four stems. Cutting a long stem to its first letters makes them
# meet (prefix truncation, a standard light stemmer); Indonesian roots are short, so they are untouched.
PREFIX_LENGTH = 7


# Words whose Sastrawi root is another word's: 'perhubungan' (transport) is not 'hubungan' (relations: a
# Mediator Hubungan Industrial, a Pranata Hubungan Masyarakat), 'pengadaan' (procurement) is not 'ada'
# ('keadaan', 'mengadakan', 'berada'), 'kinerja' (performance) is not 'kerja' (Pengantar Kerja, Dinas Tenaga
# Kerja), 'kekerasan' (violence) and 'perkerasan' (pavement) are not each other, 'relawan' (volunteers) is not
# 'rawan' (prone), 'pengelasan' (welding) is not 'kelas', 'pertunjukan' (a show) is not 'tunjuk' ('ditunjuk',
# 'menunjukkan'), 'kesatuan' (national unity: Kesbangpol) is not 'satuan' (Satpol PP, satuan kerja), 'ketahanan'
# (food security) is not 'tahanan' (detainees), 'tumbuhan' (plants: POPT, karantina) is not 'tumbuh' ('pertumbuhan
# ekonomi', 'tumbuh kembang'), 'peliputan' and 'liputan' (news coverage) are not 'meliputi' (includes). Each is
# cut to its first letters like any long stem, so it meets only itself.
_OWN_ROOT = frozenset({
    "perhubungan", "pengadaan", "kinerja", "kekerasan", "perkerasan", "relawan", "pengelasan", "pertunjukan",
    "kesatuan", "ketahanan", "tumbuhan", "peliputan", "liputan",
})  # fmt: skip
# Roots whose first seven letters are another word's: transmigration is not transmission ('transmi'), labour
# ('ketenagakerjaan') is not electricity ('ketenagalistrikan'), mechanisation is not a mechanism, gender
# mainstreaming ('pengarusutamaan') is not influence ('pengaruh'), an organism is not an organisation, and the
# acronyms of bodies are names: Kemenkes (health) is not Kemenkeu (finance), KemenPAN-RB (the civil service) not
# Kemenparekraf (tourism), Disnakeswan (livestock) not Disnaker (labour), Dispendukcapil (civil registration) not
# Dispenda (revenue). News coverage ('peliputan', 'liputan') is not what a duty 'meliputi' (includes), and
# trafficking in people is not road traffic.
_OWN_STEMS = {
    **{w: "transmigr" for w in ("transmigrasi", "transmigran", "transmigration", "transmigrant", "transmigrants")},
    "ketenagakerjaan": "tenagakerja", "ketenagalistrikan": "tenagalistrik",
    "mekanisasi": "mekanisasi", "mekanisme": "mekanisme", "pengarusutamaan": "pengarusutamaan", "organisme": "organisme",
    "kemenkes": "kemenkes", "kemenkeu": "kemenkeu", "kemenpan": "kemenpan", "kemenpanrb": "kemenpan",
    "kemenpar": "kemenpar", "kemenparekraf": "kemenpar", "disnakeswan": "disnakeswan",
    "dispenduk": "dispenduk", "dispendukcapil": "dispenduk",
    "peliputan": "liputan", "liputan": "liputan",
    "trafficking": "trafficking", "trafficked": "trafficking", "trafficker": "trafficking", "traffickers": "trafficking",
}  # fmt: skip


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    root = word if word in _OWN_ROOT else str(_stemmer().stem(word)) or word
    if root in _OWN_STEMS:
        return _OWN_STEMS[root]
    return root[:PREFIX_LENGTH] if root.isalpha() else root


def tokenize(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _NOT_SEARCHED and len(w) > 1]


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


# Contact data a free-text profile or CV may carry; never stored, indexed or shown (non-negotiable 2).
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+62|62|0)[ -]?8\d{1,2}(?:[ -]?\d{3,4}){2,3}(?!\d)")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_STREET = re.compile(r"\b(?:Jl|Jln|Jalan)\.?\s+[^,\n|;]{1,60}?\bNo\.?\s*\d+[A-Za-z]?(?:\s*RT\.?\s*\d+\s*/?\s*RW\.?\s*\d+)?", re.I)
_LABEL = re.compile(r"\b(?:NIK|Telp|Telepon|Tel|HP|No\.? ?HP|WA|WhatsApp|E-?mail|Phone|Mobile)\b\s*[:.]?\s*(?=[.,;|]|$)", re.I | re.M)
_LEFTOVER = re.compile(r"(?:[ \t]*[|,;/][ \t]*)+$|^(?:[ \t]*[|,;/][ \t]*)+", re.M)


def scrub_contacts(text: str) -> str:
    """A free text without e-mail addresses, phone numbers, NIKs and street addresses, its lines and
    their separators tidied ('Kota Barat | arif@x.id | +62 812-...' -> 'Kota Barat')."""
    text = _STREET.sub("", _NIK.sub("", _PHONE.sub("", _EMAIL.sub("", text))))
    text = _LABEL.sub("", text)
    text = re.sub(r"(?:[ \t]*\|[ \t]*){2,}", " | ", text)
    lines = [re.sub(r"[ \t]+([.,;])", r"\1", _LEFTOVER.sub("", line)).strip() for line in text.split("\n")]
    lines = [re.sub(r"[ \t]{2,}", " ", re.sub(r"([.,;])(?:[ \t]*[.,;])+", r"\1", line)) for line in lines]
    return "\n".join(lines).strip()


# Chat spellings of common Indonesian words ('yg', 'utk', 'dgn'): written out before a question is read, so
# 'Siapa yg paling cocok utk bidang perikanan?' is the question 'Siapa yang paling cocok untuk ...'. Only
# spellings with one reading (not 'dr', which is also the title of a physician, nor 'pd').
_CHAT_SPELLINGS = {
    "yg": "yang", "utk": "untuk", "untk": "untuk", "dgn": "dengan", "dg": "dengan", "sy": "saya", "sya": "saya",
    "org": "orang", "bs": "bisa", "bsa": "bisa", "plg": "paling", "ttg": "tentang", "brg": "barang", "tdk": "tidak",
    "gak": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak", "krn": "karena", "karna": "karena",
    "spt": "seperti", "sdh": "sudah", "udh": "sudah", "udah": "sudah", "blm": "belum", "dlm": "dalam", "jd": "jadi",
    "tsb": "tersebut", "thn": "tahun", "aja": "saja", "gimana": "bagaimana", "gmn": "bagaimana", "kpd": "kepada",
    "bgmn": "bagaimana", "sbg": "sebagai", "dpt": "dapat", "hrs": "harus", "lg": "lagi", "sm": "sama", "pny": "punya",
    "pgw": "pegawai", "tlg": "tolong",
}  # fmt: skip
_CHAT_RE = re.compile(r"\b(" + "|".join(sorted(_CHAT_SPELLINGS, key=len, reverse=True)) + r")\b(?!\.)", re.I)


def plain_spelling(text: str) -> str:
    """``text`` with chat spellings of common Indonesian words written out ('yg' -> 'yang')."""
    return _CHAT_RE.sub(lambda m: m.group(1) if m.group(1).isupper() else _CHAT_SPELLINGS[m.group(1).lower()], text)
