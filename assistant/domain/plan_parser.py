"""From a question (Indonesian or English) to a query plan, deterministically.

Each recogniser takes its phrase out of the question and says, in both languages, what it
understood. Words no recogniser used are either a field to rank by (when the question asks who
fits, knows or has experience in something, or names a known field) or reported as not understood.
A question that filters, sorts or counts by a protected attribute is declined with the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from assistant.domain.golongan import PNS_ORDER
from assistant.domain.identity import unit_key
from assistant.domain.models import JenisJabatan, Jenjang, Predikat
from assistant.domain.plan import (
    Aggregate,
    Lookup,
    ParsedPlan,
    QueryPlan,
    RetirementFilter,
    SkpFilter,
    Sort,
    TrainingFilter,
)
from assistant.domain.posts import target_post_from_text
from assistant.domain.query import detect_language, normalize_concepts

_NUM_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    "sepuluh": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
_NUM = r"(\d+(?:[.,]\d+)?|" + "|".join(_NUM_WORDS) + r")"

# ---- protected attributes ------------------------------------------------------------------------

_PROTECTED: tuple[tuple[str, str, str], ...] = (
    (r"\b(?:agama|agamanya|beragama|religion|religious|islam|muslim|muslimah|kristen|katolik|katholik|protestan|"
     r"hindu|buddha|budha|konghucu|khonghucu|christian|catholic|buddhist|confucian)\b", "agama", "religion"),
    (r"\b(?:perempuan|wanita|laki[- ]?laki|pria|female|male|women|woman|men|gender|jenis kelamin|ibu-ibu|bapak-bapak)\b",
     "jenis kelamin", "gender"),
    (r"\b(?:suku|etnis|etnik|ethnic|ethnicity|ras|race)\b", "suku / etnis", "ethnicity"),
    (r"\b(?:asal daerah|daerah asal|putra daerah|putri daerah|tempat lahir|kelahiran|lahir di|born in|place of origin|"
     r"hometown|originally from)\b", "asal daerah", "place of origin"),
    (r"\b(?:menikah|kawin|lajang|belum nikah|janda|duda|status perkawinan|married|unmarried|single|divorced|widow(?:ed)?|"
     r"marital)\b", "status perkawinan", "marital status"),
    (r"\b(?:usia|umur|berumur|berusia|age|aged|older|younger|oldest|youngest|tertua|termuda|paling tua|paling muda)\b"
     r"(?!\s+pensiun)|\b(?:di (?:atas|bawah)|lebih dari|kurang dari|over|under)\s+\d{2}\s+(?:tahun|years?)\b(?!\s+(?:di|in|menjabat))",
     "usia", "age"),
)  # fmt: skip
_PROTECTED_RE = [(re.compile(p, re.I), id_, en) for p, id_, en in _PROTECTED]
_RETIREMENT_AGE = re.compile(r"\b(?:usia|batas usia|umur)\s+pensiun\b|\bretirement age\b", re.I)
_GROUP_GENDER = re.compile(r"\b(?:per|menurut|berdasarkan|by)\s+(?:jenis kelamin|gender)\b", re.I)

# ---- counts and groups ---------------------------------------------------------------------------

_COUNT = re.compile(
    r"\b(?:berapa(?:\s+(?:banyak|jumlah|orang))?|jumlah|banyaknya|hitung|how\s+many|number\s+of|count(?:\s+of)?|total)\b",
    re.I,
)
_GROUP_WORDS = r"(?:per|setiap|tiap|menurut|berdasarkan|by|across|for each|each)"
_GROUPS: tuple[tuple[str, str], ...] = (
    (r"(?:unit(?:\s+kerja)?|opd|perangkat daerah|instansi|satuan kerja|office|unit|agency|department)s?", "unit"),
    (r"(?:golongan|pangkat|grade|rank)s?", "golongan"),
    (r"(?:kotak(?:\s+talenta)?|9-?box(?:\s+cell)?|nine-?box(?:\s+cell)?|cell|box)(?:es|s)?", "kotak"),
    (r"(?:(?:jenjang\s+)?pendidikan(?:\s+terakhir)?|education(?:\s+level)?|degree)s?", "pendidikan"),
    (r"(?:predikat\s+)?(?:skp|kinerja|predikat|performance rating)s?", "skp"),
    (r"(?:jenis\s+jabatan|post type|type of post)s?", "jenis_jabatan"),
    (r"nilai|score", "training_score"),
)
_GROUP_RE = [(re.compile(rf"\b{_GROUP_WORDS}\s+{p}\b", re.I), key) for p, key in _GROUPS]
_SPREAD = re.compile(
    r"\b(?:sebaran|distribusi|rekap(?:itulasi)?|komposisi|breakdown|distribution|spread)(?:\s+(?:of|dari))?\s+(\w+(?:\s+\w+)?)",
    re.I,
)
_SPREAD_KEYS = {
    "nilai": "training_score", "score": "training_score", "scores": "training_score", "golongan": "golongan",
    "pangkat": "golongan", "kotak": "kotak", "9-box": "kotak", "pendidikan": "pendidikan", "education": "pendidikan",
    "skp": "skp", "kinerja": "skp", "predikat": "skp", "unit": "unit", "opd": "unit", "asn": "unit", "pegawai": "unit",
}  # fmt: skip

# ---- 9-box, SKP, golongan, eselon, posts, education ---------------------------------------------------

_KOTAK = re.compile(
    r"\b(?:kotak(?:\s+talenta)?|kuadran|9-?box(?:\s+cells?)?|nine-?box(?:\s+cells?)?|talent\s+box(?:es)?|cells?|box(?:es)?)"
    r"\s*(?:nomor\s*|no\.?\s*|number\s*)?(\d(?:\s*(?:-|–|sampai|hingga|s/d|to|,|dan|atau|and|or)\s*\d)*)\b",
    re.I,
)
_PREDIKAT = (
    (r"sangat\s+baik|very\s+good|excellent|outstanding", Predikat.SANGAT_BAIK),
    (r"butuh\s+perbaikan|needs?\s+improvement", Predikat.BUTUH_PERBAIKAN),
    (r"sangat\s+kurang|very\s+poor", Predikat.SANGAT_KURANG),
    (r"kurang|poor", Predikat.KURANG),
    (r"baik|good", Predikat.BAIK),
)
_PRED_ALT = "|".join(p for p, _ in _PREDIKAT)
_SKP = re.compile(
    rf"\b(?:(?:dengan|ber)?\s*(?:skp|predikat(?:\s+kinerja)?|kinerja|performance(?:\s+rating)?|rated|rating)\s+"
    rf"(?:(?:nya|of|as)\s+)?[\"'“]?({_PRED_ALT})[\"'”]?|[\"'“]?({_PRED_ALT})[\"'”]?\s+(?:skp|performance(?:\s+rating)?|rating))"
    r"(?:\s+(?:pada\s+|di\s+|in\s+|for\s+|tahun\s+|year\s+)*(\d{4}))?"
    rf"(?:\s+(?:selama\s+|dalam\s+|in\s+(?:each\s+of\s+)?|for\s+(?:each\s+of\s+)?(?:the\s+)?)?(?:(?:the\s+)?(?:last|past)\s+)?"
    rf"{_NUM}\s+(?:tahun|years?)(?:\s+(?:terakhir|berturut[- ]turut|in\s+a\s+row|running|consecutive(?:ly)?|terakhir\s+berturut[- ]turut))?)?",
    re.I,
)
_LAST_YEARS = re.compile(
    rf"\b(?:(?:selama|dalam|in\s+(?:each\s+of\s+)?(?:the\s+)?|for\s+(?:each\s+of\s+)?(?:the\s+)?)?(?:(?:last|past)\s+)?"
    rf"{_NUM}\s+(?:tahun|years?)\s+(?:terakhir|berturut[- ]turut|in\s+a\s+row|running|consecutive(?:ly)?))|"
    rf"\b(?:(?:the\s+)?(?:last|past)\s+{_NUM}\s+years?)",
    re.I,
)
_GOL = r"(IV|III|II|I)\s*/\s*([a-eA-E])"
_GOL_RANGE = re.compile(rf"\b(?:golongan|gol\.?|grade|rank)?\s*{_GOL}\s*(?:-|–|sampai|hingga|s/d|to)\s*{_GOL}\b", re.I)
_GOL_MIN = re.compile(
    rf"\b(?:(?:golongan|gol\.?|grade|rank)\s+)?(?:minimal|min\.?|paling rendah|sekurang-kurangnya|at least)\s+"
    rf"(?:(?:golongan|gol\.?|grade|rank)\s+)?{_GOL}|\b(?:(?:golongan|gol\.?|grade|rank)\s+)?{_GOL}\s*(?:ke\s*atas|keatas|"
    r"atau lebih tinggi|or above|and above|or higher|\+)",
    re.I,
)
_GOL_MAX = re.compile(
    rf"\b(?:(?:golongan|gol\.?|grade|rank)\s+)?(?:maksimal|maks\.?|paling tinggi|at most)\s+(?:(?:golongan|gol\.?)\s+)?{_GOL}|"
    rf"\b(?:(?:golongan|gol\.?|grade|rank)\s+)?{_GOL}\s*(?:ke\s*bawah|kebawah|or below|and below|or lower)",
    re.I,
)
_GOL_ONE = re.compile(rf"\b(?:(?:golongan|gol\.?|grade|rank|pangkat)\s+)?{_GOL}\b", re.I)
_GOL_ROOM = re.compile(r"\b(?:golongan|gol\.?|grade)\s+(IV|III|II|I)\b(?!\s*/)", re.I)
_ESELON = re.compile(r"\b(?:eselon|echelon)\s*(IV|III|II|I|[1-4])(?:\s*[./-]?\s*([ab]))?(?![a-z0-9])", re.I)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_JENIS: tuple[tuple[str, tuple[JenisJabatan, ...]], ...] = (
    (r"(?:pejabat|jabatan)\s+(?:pimpinan\s+tinggi|jpt)(?:\s+pratama)?|\bjpt\b(?:\s+pratama)?|senior\s+executives?",
     (JenisJabatan.JPT,)),
    (r"(?:pejabat|jabatan)\s+administrator|\badministrators\b", (JenisJabatan.ADMINISTRATOR,)),
    (r"(?:pejabat|jabatan)\s+pengawas|\bsupervisors\b", (JenisJabatan.PENGAWAS,)),
    (r"(?:pejabat|jabatan|pegawai|asn)?\s*(?:fungsional|functional(?:\s+(?:staff|officials?|posts?))?)", (JenisJabatan.FUNGSIONAL,)),
    (r"(?:pejabat|jabatan|pegawai|asn)?\s*pelaksana|\bexecutors?\b|\bgeneral\s+staff\b", (JenisJabatan.PELAKSANA,)),
    (r"(?:pejabat|jabatan)\s+struktural|\bstructural(?:\s+(?:officials?|posts?))?",
     (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS)),
)  # fmt: skip
_JENIS_RE = [(re.compile(rf"(?:{p})(?:\s+saja|\s+only)?", re.I), kinds) for p, kinds in _JENIS]
_EDU_WORD = (
    r"(S-?3|S-?2|S-?1|D-?IV|D-?4|D-?III|D-?3|SMA|SMK|SLTA|doktor(?:al)?|doctoral|doctorates?|ph\.?d|magister|master'?s?|"
    r"pascasarjana|postgraduate|sarjana|bachelor'?s?|undergraduate|diploma\s+(?:iii|3|iv|4)|high\s+school)"
)
_EDU_MAP = {
    "s3": Jenjang.S3, "doktor": Jenjang.S3, "doktoral": Jenjang.S3, "doctoral": Jenjang.S3, "doctorate": Jenjang.S3,
    "doctorates": Jenjang.S3, "phd": Jenjang.S3, "ph.d": Jenjang.S3, "s2": Jenjang.S2, "magister": Jenjang.S2,
    "master": Jenjang.S2, "masters": Jenjang.S2, "master's": Jenjang.S2, "pascasarjana": Jenjang.S2,
    "postgraduate": Jenjang.S2, "s1": Jenjang.S1, "sarjana": Jenjang.S1, "bachelor": Jenjang.S1,
    "bachelors": Jenjang.S1, "bachelor's": Jenjang.S1, "undergraduate": Jenjang.S1, "div": Jenjang.D4,
    "d4": Jenjang.D4, "diploma iv": Jenjang.D4, "diploma 4": Jenjang.D4, "d3": Jenjang.D3, "diii": Jenjang.D3,
    "diploma iii": Jenjang.D3, "diploma 3": Jenjang.D3, "sma": Jenjang.SMA, "smk": Jenjang.SMA, "slta": Jenjang.SMA,
    "high school": Jenjang.SMA,
}  # fmt: skip
_EDU_HIGHEST = re.compile(
    rf"\b(?:(?:pendidikan|jenjang)\s+(?:terakhir(?:nya)?|tertinggi(?:nya)?)\s*(?:adalah\s+|nya\s+|=\s*)?{_EDU_WORD}|"
    rf"{_EDU_WORD}(?:\s+degree)?\s+(?:as\s+(?:their|the|his|her)\s+highest(?:\s+(?:education|degree|qualification))?|"
    rf"sebagai\s+pendidikan\s+(?:terakhir|tertinggi))|highest\s+(?:education|degree|qualification)\s+(?:is\s+|of\s+|=\s*)?(?:an?\s+)?{_EDU_WORD}|"
    rf"(?:berpendidikan|lulusan)\s+terakhir\s+{_EDU_WORD})",
    re.I,
)
_EDU_MIN = re.compile(
    rf"\b(?:(?:pendidikan\s+)?(?:minimal|min\.?|paling rendah|sekurang-kurangnya|at least)\s+(?:an?\s+)?{_EDU_WORD}|"
    rf"{_EDU_WORD}\s*(?:ke\s*atas|keatas|or above|and above|or higher|\+)|"
    rf"(?:lulusan|berpendidikan|bergelar|pendidikan|berijazah|with\s+an?|holding\s+an?|holds?\s+an?|has\s+an?|have\s+an?|"
    rf"having\s+an?|an?)\s+{_EDU_WORD}(?:\s+(?:degree|degrees|graduates?|holders?))?|{_EDU_WORD}\s+(?:degree|graduates?|holders?))",
    re.I,
)
_JURUSAN = re.compile(
    r"\b(?:jurusan|program\s+studi|prodi|major(?:ed|ing)?\s+in|majoring\s+in|degree\s+in|studied|lulusan\s+(?:jurusan\s+)?)"
    r"\s+([a-z][\w\s-]{2,40}?)(?=\s+(?:di|yang|dan|dengan|who|with|in|at|and|saja|only)\b|[?.,!]|$)",
    re.I,
)

# ---- training ------------------------------------------------------------------------------------

_LEADERSHIP = re.compile(
    r"\b(?:(?:diklat\s*)?(?:pim|diklatpim)\s*(?:tingkat\s*)?(IV|III|II|[234])?|pkp|pka|pkn(?:\s*(?:tingkat\s*)?(?:II|2))?|"
    r"(?:diklat|pelatihan)\s+kepemimpinan(?:\s+(?:tingkat\s+)?(IV|III|II|pengawas|administrator|nasional))?|leadership\s+training)\b",
    re.I,
)
_NOT_TAKEN = re.compile(
    r"\b(?:belum\s+(?:pernah\s+)?(?:ikut\s+|mengikuti\s+)?|tidak\s+(?:pernah\s+)?(?:ikut\s+|mengikuti\s+)?|tanpa\s+|"
    r"(?:have|has)\s+not\s+(?:yet\s+)?(?:taken|attended|done)\s+(?:the\s+|a\s+|any\s+)?|(?:have|has)n't\s+(?:yet\s+)?(?:taken|attended|done)\s+"
    r"(?:the\s+|a\s+|any\s+)?|without\s+(?:the\s+|a\s+|any\s+)?|not\s+yet\s+(?:taken|attended)\s+(?:the\s+|a\s+)?|never\s+(?:took|attended)\s+(?:the\s+|a\s+)?)$",
    re.I,
)
_TRAINING_NAME = re.compile(
    r"\b(?:peserta\s+)?(?:pelatihan|diklat|training|bimtek|bimbingan\s+teknis|kursus|course|workshop)\s+"
    r"((?:[\w/&+-]+\s*){1,6}?)(?=\s*(?:\b(?:dengan|yang|dan|dengan|di|pada|tahun|nilai(?:nya)?|nilai\s+akhir|skor|score[sd]?|"
    r"who|with|in|at|and|that|scored|got|mendapat|memperoleh|lanjut|ke|sebaran|distribution|saja|only)\b|[?.,!()]|$))",
    re.I,
)
_SCORE = re.compile(
    r"\b(?:nilai(?:\s+akhir)?(?:nya)?|skor|score[sd]?|scoring|mendapat(?:kan)?\s+nilai|memperoleh\s+nilai|got|get|received|"
    r"with\s+a\s+score\s+of|a\s+score\s+of)\s*(?:=\s*)?(?:(minimal|min\.?|paling\s+rendah|sekurang-kurangnya|at\s+least|di\s+atas|lebih\s+dari|"
    r"above|more\s+than|over|di\s+bawah|kurang\s+dari|below|under|less\s+than|maksimal|paling\s+tinggi|at\s+most)\s+)?"
    r"(\d+(?:[.,]\d+)?)(?:\s*(?:/\s*10{1,2}))?(?:\s*(ke\s*atas|keatas|atau\s+lebih|or\s+(?:above|more|higher)|and\s+above|\+|"
    r"ke\s*bawah|kebawah|atau\s+kurang|or\s+(?:below|less|lower)|and\s+below))?",
    re.I,
)
_PASSED_ON = re.compile(
    r"\b(?:yang\s+)?(?:lanjut|lolos|maju|melaju)\s+ke\s+(?:tahap|babak|sesi)\s+(?:berikut(?:nya)?|selanjutnya)|"
    r"\b(?:go(?:es|ing)?|move[sd]?|moving|advance[sd]?|advancing|proceed(?:s|ing)?)\s+(?:on\s+)?to\s+the\s+next\s+(?:stage|round|phase)",
    re.I,
)
_STOPPED = re.compile(
    r"\b(?:tidak\s+lanjut|tidak\s+lolos|dihentikan|berhenti|stopped|(?:do|does|did)\s+not\s+(?:go\s+on|advance|proceed))\b",
    re.I,
)
# Short training names as pemda write them, with the words a record may use instead.
_TRAINING_SYNONYMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "ai": (("ai",), ("artificial", "intelligence"), ("kecerdasan", "artifisial"), ("kecerdasan", "buatan")),
    "artificial intelligence": (("ai",), ("artificial", "intelligence"), ("kecerdasan", "artifisial")),
    "kecerdasan buatan": (("ai",), ("artificial", "intelligence"), ("kecerdasan", "buatan")),
}

# ---- discipline, JPM, years in post, retirement ----------------------------------------------------

_DISCIPLINE_ON = re.compile(
    r"\b(?:(?:sedang|masih)\s+(?:menjalani|dalam\s+masa|terkena|kena)\s+hukuman(?:\s+disiplin)?|"
    r"(?:menjalani|dalam\s+masa|terkena|kena)\s+hukuman(?:\s+disiplin)?|hukuman\s+disiplin(?:nya)?\s+(?:yang\s+)?(?:masih\s+)?"
    r"(?:berlaku|aktif|berjalan)|(?:currently\s+)?under\s+(?:a\s+)?disciplinary\s+(?:sanction|penalty)|"
    r"(?:with|having)\s+(?:a\s+|an\s+)?(?:active\s+|ongoing\s+)?disciplinary\s+(?:sanction|penalty)(?:\s+in\s+force)?|"
    r"disciplinary\s+(?:sanctions?|penalt(?:y|ies))\s+in\s+force)",
    re.I,
)
_DISCIPLINE_OFF = re.compile(
    r"\b(?:(?:tidak|tanpa|bebas(?:\s+dari)?)\s+(?:sedang\s+)?(?:menjalani\s+)?hukuman(?:\s+disiplin)?|"
    r"(?:no|without(?:\s+any)?|free\s+of)\s+(?:active\s+|ongoing\s+)?disciplinary\s+(?:sanctions?|penalt(?:y|ies)|record))",
    re.I,
)
_JPM = re.compile(
    r"\b(?:jpm|job\s+person\s+match|nilai\s+asesmen|skor\s+asesmen|assessment\s+score)\s*(?:nya\s+)?(?:=\s*)?"
    r"(?:(minimal|min\.?|paling\s+rendah|at\s+least|di\s+atas|lebih\s+dari|above|over|more\s+than|di\s+bawah|kurang\s+dari|"
    r"below|under|less\s+than|maksimal|at\s+most)\s+)?(\d+(?:[.,]\d+)?)\s*%?(?:\s*(ke\s*atas|keatas|atau\s+lebih|or\s+(?:above|more|higher)|\+|"
    r"ke\s*bawah|or\s+(?:below|less)))?",
    re.I,
)
_YEARS_IN_POST = re.compile(
    rf"\b(?:(?:sudah|telah)\s+)?(?:(lebih\s+dari|minimal|sekurang-kurangnya|paling\s+sedikit|at\s+least|more\s+than|over|"
    rf"kurang\s+dari|less\s+than|under|paling\s+lama|at\s+most)\s+)?{_NUM}\s+(?:tahun|years?)\s*(?:(?:atau|or)\s+(?:lebih|more))?\s+"
    r"(?:(?:di|pada|dalam|menjabat(?:\s+di)?|in)\s+)(?:(?:the\s+)?(?:same\s+)?(?:jabatan|posisi|post|position|role)(?:nya)?"
    r"(?:\s+(?:sekarang|saat\s+ini|yang\s+sama|current))?|(?:their|his|her|the)\s+(?:current\s+)?(?:post|position|role|job))",
    re.I,
)
_RETIRE = re.compile(
    rf"\b(?:(?:akan\s+|yang\s+akan\s+|segera\s+)?(?:memasuki\s+(?:masa\s+|usia\s+)?)?pensiun|(?:mencapai\s+)?(?:bup|batas\s+usia\s+pensiun)|"
    rf"retir(?:e|es|ing|ement)|will\s+retire|reach(?:es|ing)?\s+(?:the\s+)?retirement\s+age)"
    rf"(?:\s+(?:pada|di|in|dalam|within|the|on|at)){{0,2}}\s*"
    rf"(?:(?:tahun\s+)?(\d{{4}})|(tahun\s+(?:ini|depan)|this\s+year|next\s+year)|(?:(?:jangka\s+)?waktu\s+)?{_NUM}\s+(?:tahun|years?)"
    rf"(?:\s+(?:ke\s+depan|mendatang|terakhir|from\s+now|ahead))?)?",
    re.I,
)

# ---- sorts and scaffolding -------------------------------------------------------------------------

_SORTS: tuple[tuple[str, str, bool, str, str], ...] = (
    (r"(?:(?:dengan\s+)?jpm|asesmen|assessment(?:\s+score)?)\s+(?:paling\s+tinggi|tertinggi|terbaik)|(?:highest|best|top)\s+(?:jpm|assessment(?:\s+scores?)?)",
     "jpm", True, "JPM tertinggi", "highest JPM"),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:nilai\s+)?(?:jpm|asesmen|assessment)",
     "jpm", True, "diurutkan menurut JPM", "sorted by JPM"),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:skp|kinerja|performance)",
     "skp", True, "diurutkan menurut SKP", "sorted by SKP"),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:merit|prestasi|skor)",
     "merit", True, "diurutkan menurut merit", "sorted by merit"),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:masa\s+jabatan|lama\s+menjabat|years\s+in\s+post)",
     "years_in_post", True, "diurutkan menurut lama menjabat", "sorted by years in post"),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:tanggal\s+)?(?:pensiun|retirement(?:\s+date)?)",
     "retirement", False, "diurutkan menurut tanggal pensiun", "sorted by retirement date"),
    (r"(?:urut(?:kan)?|diurutkan|sort(?:ed)?|order(?:ed)?)\s+(?:menurut|berdasarkan|dengan|by)\s+(?:nama|name)",
     "name", False, "diurutkan menurut nama", "sorted by name"),
    (r"paling\s+lama\s+(?:menjabat|di\s+jabatan(?:nya)?)|longest\s+in\s+(?:their\s+)?(?:post|position)",
     "years_in_post", True, "paling lama menjabat", "longest in post"),
    (r"(?:paling\s+(?:cepat|dekat|segera)|terdekat)\s+pensiun|(?:soonest|next)\s+to\s+retire",
     "retirement", False, "paling dekat masa pensiun", "soonest to retire"),
    (r"(?:skp|kinerja)\s+(?:terbaik|tertinggi|paling\s+baik)|best\s+(?:skp|performance(?:\s+ratings?)?)",
     "skp", True, "SKP terbaik", "best SKP"),
    (r"berprestasi|(?:paling\s+)?(?:unggul|terbaik)|top\s+performers?|high[\s-]+performers?|best\s+performing|"
     r"outstanding\s+(?:employees|staff|civil\s+servants)|(?:the\s+)?best(?!\s+suited)",
     "merit", True, "berprestasi (diurutkan menurut merit)", "top performers (sorted by merit)"),
)  # fmt: skip
_SORT_RE = [(re.compile(rf"\b(?:{p})\b", re.I), k, d, i, e) for p, k, d, i, e in _SORTS]

_FIELD_CUE = re.compile(
    r"\b(?:cocok|tepat|sesuai|paham|menguasai|mengerti|ahli|berpengalaman|pengalaman|kompeten|keahlian|bidang|latar\s+belakang|"
    r"suited|suitable|fit|fits|expert|experts|expertise|experienced|experience|background|knows?|skilled|skills?|specialists?|field)\b",
    re.I,
)
_SCAFFOLD = frozenset(
    """
    siapa siapakah saja berapa jumlah banyak orang ada adakah apakah tampilkan tunjukkan sebutkan daftar daftarkan cari carikan
    tolong mohon berikan beri lihat lihatkan list show me give find tell who which what how many are is was were the a an
    of in at on for to from with and or yang di ke dari dan atau dengan pada untuk dalam oleh sebagai para semua seluruh
    asn pns pegawai karyawan staf staff employee employees civil servant servants official officials people person orang
    pejabat kita kami saya ini itu tersebut nya mereka they them their there do does have has had be been punya memiliki
    yg sudah telah masih akan bisa dapat berada terdaftar termasuk bekerja work works working kah lah pun juga hanya cuma only all any every each its it this that those these
    kabupaten kab pemkab pemda regency government kota sekarang saat now currently current today hari
    """.split()
)
_ABOUT = re.compile(r"\b(?:tentang|soal|mengenai|about|regarding|on)\b", re.I)


@dataclass
class _State:
    rest: str
    plan: QueryPlan = field(default_factory=QueryPlan)
    said: list[tuple[str, str]] = field(default_factory=list)

    def take(self, m: re.Match[str]) -> None:
        self.rest = self.rest[: m.start()] + " " * (m.end() - m.start()) + self.rest[m.end() :]

    def say(self, id_text: str, en_text: str) -> None:
        self.said.append((id_text, en_text))


@lru_cache(maxsize=1)
def unit_aliases() -> list[tuple[str, str]]:
    """(alias, unit name or its start) from data/unit_aliases.csv, longest alias first."""
    text = resources.files("assistant.domain").joinpath("data/unit_aliases.csv").read_text("utf-8")
    rows = [(unit_key(r["alias"]), unit_key(r["unit"])) for r in csv.DictReader(text.splitlines())]
    return sorted(rows, key=lambda r: -len(r[0]))


def _number(text: str) -> float:
    low = text.lower()
    return float(_NUM_WORDS[low]) if low in _NUM_WORDS else float(low.replace(",", "."))


def parse_plan(
    question: str,
    units: Sequence[tuple[str, str]] = (),
    today: dt.date | None = None,
    default_language: str = "id",
) -> ParsedPlan:
    """The plan of a question. ``units``: (unit_key, name) of the units in the store."""
    today = today or dt.date.today()
    text = " ".join(question.strip().split())
    lang = detect_language(text, default_language)
    en = lang == "en"
    state = _State(text)
    declined = _protected(text)
    if declined:
        reason_id = f"Talenta tidak menyaring, mengurutkan atau menghitung ASN menurut {declined[0]}."
        reason_en = f"Talenta does not filter, sort or count civil servants by {declined[1]}."
        return ParsedPlan(plan=QueryPlan(), status="declined", declined_reason=reason_en if en else reason_id,
                          language=lang)  # type: ignore[arg-type]  # fmt: skip
    if m := re.search(r"(?<!\d)(\d{8}\s?\d{6}\s?\d\s?\d{3})(?!\d)", text):
        nip = re.sub(r"\s", "", m.group(1))
        state.take(m)
        state.plan.lookup = Lookup(nip=nip)
        state.say(f"NIP {nip}", f"NIP {nip}")
        return _finish(state, lang, text)
    for step in _STEPS:
        step(state, units, today)
    return _finish(state, lang, text)


def _protected(text: str) -> tuple[str, str] | None:
    probe = _RETIREMENT_AGE.sub(" ", text)
    for pattern, id_, en in _PROTECTED_RE:
        if pattern.search(probe):
            return id_, en
    return None


def _count_and_groups(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    for pattern, key in _GROUP_RE:
        if m := pattern.search(s.rest):
            s.take(m)
            s.plan.aggregate = Aggregate(kind="group", by=key)  # type: ignore[arg-type]
            break
    if s.plan.aggregate is None and (m := _SPREAD.search(s.rest)):
        first = m.group(1).split()[0].lower()
        spread = _SPREAD_KEYS.get(first)
        if spread:
            s.rest = s.rest[: m.start()] + " " * (m.start(1) - m.start() + len(first)) + s.rest[m.start(1) + len(first) :]
            s.plan.aggregate = Aggregate(kind="group", by=spread)  # type: ignore[arg-type]
    if m := _COUNT.search(s.rest):
        s.take(m)
        if s.plan.aggregate is None:
            s.plan.aggregate = Aggregate(kind="count")
    if s.plan.aggregate is not None:
        if s.plan.aggregate.kind == "count":
            s.say("jumlah", "count")
        else:
            s.say(f"dikelompokkan menurut {_GROUP_LABEL[s.plan.aggregate.by or ''][0]}",
                  f"grouped by {_GROUP_LABEL[s.plan.aggregate.by or ''][1]}")  # fmt: skip


_GROUP_LABEL = {
    "unit": ("unit kerja", "unit"), "golongan": ("golongan", "golongan"), "kotak": ("kotak talenta", "9-box cell"),
    "pendidikan": ("pendidikan terakhir", "highest education"), "skp": ("predikat SKP", "SKP rating"),
    "training_score": ("nilai pelatihan", "training score"), "jenis_jabatan": ("jenis jabatan", "post type"), "": ("", ""),
}  # fmt: skip


def _retirement(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _RETIRE.search(s.rest)
    if not m:
        return
    year, relative, within = m.group(1), m.group(2), m.group(3)
    s.take(m)
    if year:
        f = RetirementFilter(year=int(year))
    elif relative:
        f = RetirementFilter(year=today.year + (1 if re.search(r"depan|next", relative, re.I) else 0))
    elif within:
        f = RetirementFilter(within_years=int(_number(within)))
    else:
        f = RetirementFilter(within_years=1)
    s.plan.filters.retirement = f
    if f.year:
        s.say(f"mencapai batas usia pensiun pada {f.year}", f"reaching the retirement age in {f.year}")
    else:
        s.say(f"mencapai batas usia pensiun dalam {f.within_years} tahun", f"reaching the retirement age within {f.within_years} years")


def _units(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    found: list[str] = []
    low = s.rest.lower()
    # A unit named in full as the store names it (longest first), then the aliases pemda use.
    for key, name in sorted(units, key=lambda u: -len(u[0])):
        pattern = re.compile(r"(?<![\w])" + r"[\s\W]*".join(re.escape(w) for w in key.split()) + r"(?![\w])", re.I)
        if m := pattern.search(low):
            found.append(name)
            s.take(m)
            low = s.rest.lower()
    for alias, target in unit_aliases():
        pattern = re.compile(r"(?<![\w])" + r"[\s\W]*".join(re.escape(w) for w in alias.split()) + r"(?![\w])", re.I)
        m = pattern.search(low)
        if not m:
            continue
        named = _resolve(target, units, s.rest[m.end() :])
        if named is None:
            continue
        matched, extra = named
        s.rest = s.rest[: m.start()] + " " * (m.end() - m.start() + extra) + s.rest[m.end() + extra :]
        low = s.rest.lower()
        found.extend(n for n in matched if n not in found)
    if found:
        s.plan.filters.units = found
        s.say("unit " + ", ".join(found), "unit " + ", ".join(found))


def _resolve(target: str, units: Sequence[tuple[str, str]], after: str) -> tuple[list[str], int] | None:
    """The store's units an alias means: the one named exactly, else those whose name starts with it
    ('rsud' -> every RSUD; 'kecamatan' followed by a name -> that kecamatan). (names, extra characters
    of the question the name used)."""
    exact = [name for key, name in units if key == target]
    if exact:
        return exact, 0
    if target in ("kecamatan", "kelurahan", "puskesmas"):
        words = re.match(r"\s+([A-Za-z][\w]*(?:\s+[A-Za-z][\w]*){0,2})", after)
        if words:
            for n in (3, 2, 1):
                parts = words.group(1).split()[:n]
                if len(parts) < n:
                    continue
                key = unit_key(f"{target} {' '.join(parts)}")
                named = [name for k, name in units if k == key]
                if named:
                    return named, len(re.match(r"\s+" + r"\s+".join(map(re.escape, parts)), after).group(0))  # type: ignore[union-attr]
    prefixed = [name for key, name in units if key.startswith(target + " ") or key == target]
    return (prefixed, 0) if prefixed else None


def _kotak(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _KOTAK.search(s.rest)
    if not m:
        return
    spec = m.group(1)
    cells: set[int] = set()
    for a, b in re.findall(r"(\d)\s*(?:-|–|sampai|hingga|s/d|to)\s*(\d)", spec):
        cells.update(range(int(a), int(b) + 1))
    cells.update(int(d) for d in re.findall(r"\d", re.sub(r"(\d)\s*(?:-|–|sampai|hingga|s/d|to)\s*(\d)", "", spec)))
    cells = {c for c in cells if 1 <= c <= 9}
    if not cells:
        return
    s.take(m)
    s.plan.filters.kotak = sorted(cells)
    listing = ", ".join(map(str, sorted(cells)))
    s.say(f"kotak talenta {listing}", f"9-box cell {listing}")


def _skp(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _SKP.search(s.rest)
    if not m:
        return
    word = (m.group(1) or m.group(2) or "").lower()
    predikat = next(p for pattern, p in _PREDIKAT if re.fullmatch(pattern, " ".join(word.split()), re.I))
    year = int(m.group(3)) if m.group(3) else None
    n = int(_number(m.group(4))) if m.group(4) else None
    s.take(m)
    if n is None and year is None and (again := _LAST_YEARS.search(s.rest)):
        n = int(_number(again.group(1) or again.group(2)))
        s.take(again)
    if year is None and n is None and (y := re.search(r"\b(?:tahun|year|in|pada)\s+(\d{4})\b", s.rest)):
        year = int(y.group(1))
        s.take(y)
    if year is None and n is None and re.search(r"\btahun\s+(?:ini|lalu)\b|\blast\s+year\b", s.rest, re.I):
        y2 = re.search(r"\btahun\s+(?:ini|lalu)\b|\blast\s+year\b", s.rest, re.I)
        assert y2 is not None
        year = today.year - (0 if "ini" in y2.group(0) else 1)
        s.take(y2)
    s.plan.filters.skp = SkpFilter(predikat=[predikat], year=year, last_years=n if year is None else None)
    if year:
        s.say(f"SKP {predikat.value} pada {year}", f"SKP '{predikat.value}' in {year}")
    elif n:
        s.say(f"SKP {predikat.value} pada setiap {n} tahun terakhir", f"SKP '{predikat.value}' in each of the last {n} years")
    else:
        s.say(f"SKP {predikat.value} pada tahun terakhir", f"SKP '{predikat.value}' in the latest year")


def _training(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    for m in list(_LEADERSHIP.finditer(s.rest)):
        level = _leadership_level(m.group(0))
        before = s.rest[: m.start()]
        negation = _NOT_TAKEN.search(before)
        taken = negation is None
        start = negation.start() if negation else m.start()
        s.rest = s.rest[:start] + " " * (m.end() - start) + s.rest[m.end() :]
        s.plan.filters.training.append(TrainingFilter(leadership=True, level=level, taken=taken))  # type: ignore[arg-type]
        label = f"diklat kepemimpinan{' tingkat ' + level if level else ''} (PIM/PKP/PKA/PKN)"
        label_en = f"leadership training{' level ' + level if level else ''} (PIM/PKP/PKA/PKN)"
        s.say(("sudah " if taken else "belum ") + label, ("has taken " if taken else "has not taken ") + label_en)
        return
    name = _TRAINING_NAME.search(s.rest)
    score = _SCORE.search(s.rest)
    passed = _PASSED_ON.search(s.rest)
    stopped = _STOPPED.search(s.rest)
    if not (name or (score and re.search(r"pelatihan|diklat|training|peserta|participant", s.rest, re.I)) or passed or stopped):
        return
    f = TrainingFilter()
    if name:
        words = [w for w in re.findall(r"[\w]+", name.group(1).lower()) if w not in _SCAFFOLD]
        if words:
            f.words = words
            s.take(name)
    if score:
        op, value, tail = (score.group(1) or "").lower(), _number(score.group(2)), (score.group(3) or "").lower()
        value = value / 10 if value > 10 else value
        if re.search(r"atas|above|more|over|lebih\s+dari", op) and not re.search(r"bawah", op):
            f.score_min = value + (0.001 if op.startswith(("di atas", "above", "more", "over", "lebih")) else 0)
        elif op in ("minimal", "min", "min.", "paling rendah", "sekurang-kurangnya", "at least"):
            f.score_min = value
        elif re.search(r"bawah|below|under|less|kurang", op):
            f.score_below = value
        elif op in ("maksimal", "paling tinggi", "at most"):
            f.score_max = value
        elif re.search(r"atas|lebih|above|more|higher|\+", tail):
            f.score_min = value
        elif re.search(r"bawah|kurang|below|less|lower", tail):
            f.score_max = value
        else:
            f.score_min = f.score_max = value
        s.take(score)
    if passed:
        f.passed_on = True
        s.take(passed)
    elif stopped:
        f.passed_on = False
        s.take(stopped)
    s.rest = re.sub(r"\b(?:peserta|participants?|trainees?|pelatihan|diklat|training)\b", " ", s.rest, flags=re.I)
    s.plan.filters.training.append(f)
    parts_id, parts_en = [], []
    if f.words:
        parts_id.append(f"pelatihan '{' '.join(f.words)}'")
        parts_en.append(f"training '{' '.join(f.words)}'")
    else:
        parts_id.append("pelatihan apa pun")
        parts_en.append("any training")
    for lo, hi, below in ((f.score_min, f.score_max, f.score_below),):
        if lo is not None and hi is not None and lo == hi:
            parts_id.append(f"nilai {lo:g}")
            parts_en.append(f"score {lo:g}")
        else:
            if lo is not None:
                parts_id.append(f"nilai ≥ {lo:g}")
                parts_en.append(f"score ≥ {lo:g}")
            if hi is not None:
                parts_id.append(f"nilai ≤ {hi:g}")
                parts_en.append(f"score ≤ {hi:g}")
            if below is not None:
                parts_id.append(f"nilai < {below:g}")
                parts_en.append(f"score < {below:g}")
    if f.passed_on is not None:
        parts_id.append("lanjut ke tahap berikutnya" if f.passed_on else "tidak lanjut")
        parts_en.append("going on to the next stage" if f.passed_on else "not going on")
    s.say(", ".join(parts_id) + " (skala 0-10)" * (f.score_min is not None or f.score_max is not None or f.score_below is not None),
          ", ".join(parts_en) + " (0-10 scale)" * (f.score_min is not None or f.score_max is not None or f.score_below is not None))  # fmt: skip


def training_word_groups(words: Sequence[str]) -> list[list[str]]:
    """The alternatives a training named in these words may be written as ('ai' -> 'artificial
    intelligence' too); each alternative is a list of words that must all be in the name."""
    phrase = " ".join(words)
    for key, alternatives in _TRAINING_SYNONYMS.items():
        if re.search(rf"\b{re.escape(key)}\b", phrase):
            rest = [w for w in words if w not in key.split()]
            return [[*alt, *rest] for alt in alternatives]
    return [list(words)]


def _leadership_level(text: str) -> str | None:
    low = text.lower()
    if re.search(r"\b(?:iv|4|pkp|pengawas)\b", low):
        return "IV"
    if re.search(r"\b(?:iii|3|pka|administrator)\b", low):
        return "III"
    if re.search(r"\b(?:ii|2|pkn|nasional)\b", low):
        return "II"
    return None


def _discipline(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    if m := _DISCIPLINE_OFF.search(s.rest):
        s.take(m)
        s.plan.filters.discipline_in_force = False
        s.say("tanpa hukuman disiplin yang berlaku", "no disciplinary sanction in force")
    elif m := _DISCIPLINE_ON.search(s.rest):
        s.take(m)
        s.plan.filters.discipline_in_force = True
        s.say(f"hukuman disiplin yang berlaku pada {today:%d-%m-%Y}", f"a disciplinary sanction in force on {today:%Y-%m-%d}")


def _jpm(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _JPM.search(s.rest)
    if not m:
        return
    op, value, tail = (m.group(1) or "").lower(), _number(m.group(2)), (m.group(3) or "").lower()
    s.take(m)
    value = value * 100 if value <= 1 else value
    if re.search(r"bawah|below|under|less|kurang", op) or re.search(r"bawah|below|less", tail):
        s.plan.filters.jpm_max = value
        s.say(f"JPM di bawah {value:g}", f"JPM below {value:g}")
    else:
        s.plan.filters.jpm_min = value + (0.001 if re.search(r"di atas|above|over|more|lebih", op) else 0)
        s.say(f"JPM minimal {value:g}", f"JPM at least {value:g}")


def _years_in_post(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    m = _YEARS_IN_POST.search(s.rest)
    if not m:
        return
    op, years = (m.group(1) or "").lower(), _number(m.group(2))
    s.take(m)
    if re.search(r"kurang|less|under|paling lama|at most", op):
        s.plan.filters.years_in_post_max = years
        s.say(f"kurang dari {years:g} tahun di jabatan sekarang", f"under {years:g} years in the current post")
    else:
        s.plan.filters.years_in_post_min = years
        s.say(f"minimal {years:g} tahun di jabatan sekarang", f"at least {years:g} years in the current post")


def _golongan(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    f = s.plan.filters

    def gol(a: str, b: str) -> str:
        return f"{a.upper()}/{b.lower()}"

    if m := _GOL_RANGE.search(s.rest):
        f.golongan_min, f.golongan_max = gol(m.group(1), m.group(2)), gol(m.group(3), m.group(4))
        s.take(m)
    else:
        if m := _GOL_MIN.search(s.rest):
            f.golongan_min = gol(m.group(1) or m.group(3), m.group(2) or m.group(4))
            s.take(m)
        if m := _GOL_MAX.search(s.rest):
            f.golongan_max = gol(m.group(1) or m.group(3), m.group(2) or m.group(4))
            s.take(m)
        if not (f.golongan_min or f.golongan_max):
            if m := _GOL_ONE.search(s.rest):
                f.golongan_min = f.golongan_max = gol(m.group(1), m.group(2))
                s.take(m)
            elif m := _GOL_ROOM.search(s.rest):
                room = m.group(1).upper()
                rooms = [g for g in PNS_ORDER if g.split("/")[0] == room]
                f.golongan_min, f.golongan_max = rooms[0], rooms[-1]
                s.take(m)
    if f.golongan_min and f.golongan_max:
        same = f.golongan_min == f.golongan_max
        s.say(f"golongan {f.golongan_min}" if same else f"golongan {f.golongan_min} sampai {f.golongan_max}",
              f"golongan {f.golongan_min}" if same else f"golongan {f.golongan_min} to {f.golongan_max}")  # fmt: skip
    elif f.golongan_min:
        s.say(f"golongan {f.golongan_min} ke atas", f"golongan {f.golongan_min} or above")
    elif f.golongan_max:
        s.say(f"golongan {f.golongan_max} ke bawah", f"golongan {f.golongan_max} or below")


def _eselon(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    found: list[str] = []
    for m in list(_ESELON.finditer(s.rest)):
        roman = _ROMAN.get(m.group(1), m.group(1).upper())
        found.append(f"{roman}.{m.group(2).lower()}" if m.group(2) else roman)
        s.take(m)
    if found:
        s.plan.filters.eselon = found
        s.say("eselon " + ", ".join(found), "echelon " + ", ".join(found))


def _jenis(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    kinds: list[JenisJabatan] = []
    for pattern, values in _JENIS_RE:
        for m in list(pattern.finditer(s.rest)):
            if not m.group(0).strip():
                continue
            kinds.extend(v for v in values if v not in kinds)
            s.take(m)
    if kinds:
        s.plan.filters.jenis_jabatan = kinds
        s.say("jabatan " + "/".join(k.value for k in kinds), "post type " + "/".join(k.value for k in kinds))


def _education(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    f = s.plan.filters
    if m := _EDU_HIGHEST.search(s.rest):
        level = _jenjang(next(g for g in m.groups() if g))
        if level:
            f.pendidikan = [Jenjang.S1, Jenjang.D4] if level.rank == Jenjang.S1.rank else [level]
            s.take(m)
            s.say(f"pendidikan terakhir {_jenjang_label(level)}", f"highest education {_jenjang_label(level)}")
    elif m := _EDU_MIN.search(s.rest):
        level = _jenjang(next(g for g in m.groups() if g))
        if level:
            f.pendidikan_min = level
            s.take(m)
            s.say(f"pendidikan minimal {_jenjang_label(level)}", f"education {_jenjang_label(level)} or higher")
    if m := _JURUSAN.search(s.rest):
        major = " ".join(w for w in m.group(1).split() if w.lower() not in _SCAFFOLD)
        if major:
            f.jurusan = major
            s.take(m)
            s.say(f"jurusan '{major}'", f"major '{major}'")


def _jenjang(word: str) -> Jenjang | None:
    key = re.sub(r"[-\s]+", " ", word.lower()).replace("s ", "s").strip()
    key = key.replace("d iv", "div").replace("d iii", "diii").replace("ph.d", "phd").replace("s-", "s")
    key = re.sub(r"^([sd])\s?(\d)$", r"\1\2", key)
    return _EDU_MAP.get(key) or _EDU_MAP.get(key.replace(" ", ""))


def _jenjang_label(level: Jenjang) -> str:
    return "S1/D4" if level.rank == Jenjang.S1.rank else level.value


def _sort(s: _State, units: Sequence[tuple[str, str]], today: dt.date) -> None:
    for pattern, key, desc, id_label, en_label in _SORT_RE:
        if m := pattern.search(s.rest):
            s.take(m)
            s.plan.sort = Sort(key=key, descending=desc)  # type: ignore[arg-type]
            s.say(id_label, en_label)
            return


_STEPS: tuple[Callable[[_State, Sequence[tuple[str, str]], dt.date], None], ...] = (
    _count_and_groups, _retirement, _units, _kotak, _skp, _training, _discipline, _jpm, _years_in_post,
    _golongan, _eselon, _jenis, _education, _sort,
)  # fmt: skip


def _finish(s: _State, lang: str, text: str) -> ParsedPlan:
    en = lang == "en"
    target = target_post_from_text(text)
    if target and re.search(
        r"\b(?:layak|cocok|pantas|siap|calon|kandidat|promosi|dipromosikan|menjadi|jadi|pengganti|suksesor|"
        r"eligible|suitable|suited|ready|candidates?|promot\w*|successors?|replace|become)\b", text, re.I
    ):  # fmt: skip
        s.plan.target_post = target.level
        s.plan.target_title = target.title
        if target.title:
            s.rest = re.sub(re.escape(target.title), " ", s.rest, flags=re.I)
        s.rest = re.sub(r"\b(?:layak|pantas|siap|dipromosikan|promosi|menjadi|jadi|calon|kandidat|eligible|"
                        r"promoted?|ready|to\s+become|successors?|for|sebagai|untuk)\b", " ", s.rest, flags=re.I)  # fmt: skip
        s.say(f"calon untuk {target.title or target.level}", f"candidates for {target.title or target.level}")
    words = [w for w in re.findall(r"[\w/'-]+", s.rest) if w.lower() not in _SCAFFOLD and not w.isdigit()]
    _, concepts = normalize_concepts(" ".join(words))
    field_like = bool(concepts) or bool(_FIELD_CUE.search(s.rest))
    if words and field_like and (s.plan.structured() or s.plan.target_post):
        cue_free = [w for w in words if not _FIELD_CUE.fullmatch(w) and not _ABOUT.fullmatch(w)]
        if cue_free:
            s.plan.relevance = " ".join(cue_free)
            s.say(f"bidang '{s.plan.relevance}'", f"field '{s.plan.relevance}'")
        words = []
    elif words and not field_like and not (s.plan.filters.any() or s.plan.sort or s.plan.target_post):
        # Nothing but scaffolding, or a count of something no part could name ("berapa harga beras?")
        return ParsedPlan(plan=s.plan, status="not_understood", unused=words, language=lang)  # type: ignore[arg-type]
    understood = [e if en else i for i, e in s.said if (e if en else i)]
    return ParsedPlan(plan=s.plan, understood=understood, unused=words if s.plan.structured() else [],
                      language=lang)  # type: ignore[arg-type]  # fmt: skip
