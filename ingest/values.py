"""Value cleaning: one function per column ``kind`` of :mod:`ingest.schema`.

Every cleaner takes the raw cell (text from CSV, any JSON scalar, or an openpyxl cell value:
``str``, ``int``, ``float``, ``datetime``, ``date``) and returns the clean value, ``None`` when the
cell is missing, or raises :class:`ValueProblem` with a reason in Indonesian for the HR person who
has to fix the source file. Cleaners never guess: an ambiguous value is a problem, not a value.

Warnings that do not reject the value (e.g. "Struktural" without an eselon) are appended to
``Context.warnings``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.domain.golongan import GolonganError, parse_golongan
from assistant.domain.models import (
    Ekspektasi,
    JenisJabatan,
    Jenjang,
    KategoriPotensi,
    Predikat,
    TingkatDisiplin,
)
from assistant.domain.nip import NipError, validate_nip

YEAR_MIN, YEAR_MAX = 1900, 2100
DATE_FORMATS_HINT = "format yang diterima: dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd, mm-yyyy, 12 Maret 1987"
_MISSING = frozenset({"", "null", "none", "-", "--", "nan", "n/a", "#n/a", "data tidak ditemukan"})
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # 1900 date system, after Excel's 1900-02-29 bug
_MAX_SHOWN = 80


class ValueProblem(ValueError):
    """A cell value that cannot be used; ``reason`` is Indonesian and names the value."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Context:
    """Row context some cleaners need, and a place for non-fatal warnings."""

    eselon: object = None
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def shown(raw: object) -> str:
    """The value as quoted in a reason: repr of the text, shortened."""
    text = raw if isinstance(raw, str) else str(raw)
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 1] + "…"
    return repr(text)


def is_missing(raw: object) -> bool:
    """None, NaN, empty / whitespace and placeholder texts ('null', '-', 'Data tidak ditemukan' ...)."""
    if raw is None:
        return True
    if isinstance(raw, str):
        return len(raw) < 64 and " ".join(raw.split()).casefold() in _MISSING
    if isinstance(raw, float):
        return math.isnan(raw)
    return False


def _scalar(raw: object) -> None:
    if isinstance(raw, list | tuple | dict | set):
        kind = "objek" if isinstance(raw, dict) else "daftar"
        raise ValueProblem(f"nilai harus berupa teks atau angka, bukan {kind}: {shown(raw)}")


# --- text -------------------------------------------------------------------------------------


def clean_text(raw: object, ctx: Context | None = None) -> str | None:
    """Strip and collapse inner whitespace; numbers become their plain text (12.0 -> '12')."""
    if is_missing(raw):
        return None
    if isinstance(raw, str):
        return " ".join(raw.split()) or None
    _scalar(raw)
    if isinstance(raw, bool):
        text = "ya" if raw else "tidak"
    elif isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    elif isinstance(raw, dt.datetime):
        text = raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    elif isinstance(raw, dt.date):
        text = raw.isoformat()
    else:
        text = str(raw)
    text = " ".join(text.split())
    return text or None


# --- names and titles -------------------------------------------------------------------------

# Academic and customary titles written before a name ("Dr. Ir. H. Ahmad"); matched without the dot
# and case-insensitively. Single letters (H.) only count with their dot.
_FRONT_TITLES = frozenset({"prof", "dr", "drs", "dra", "ir", "hj", "hjh", "drg", "drh", "ns", "apt", "kh", "rr", "raden",
                           "dr(hc)", "h"})  # fmt: skip
_NEEDS_DOT = frozenset({"h", "ns", "rr", "apt", "kh"})
# A degree after the name: 'S.Pi.', 'M.Si', 'SE', 'S.H.', 'A.Md.Kep', 'Ph.D', 'MM', 'M.Kes', 'Sp.PD'.
_BACK_TITLE = re.compile(r"^(?:[A-Z][A-Za-z]{0,4}\.?){1,5}(?:\([A-Za-z. ]+\))?$")
_PLAIN_DEGREES = frozenset({"se", "sh", "st", "sp", "mm", "mh", "msi", "mt", "ak", "amd", "skm", "skom", "spd",
                            "spi", "ssos", "sip", "sstp", "mpd", "mkes", "map", "msc", "phd", "mba", "ssi",
                            "stp", "spt", "shut", "sked", "sfarm", "sgz", "ssttp", "sap", "ners", "apt", "bsc", "ma",
                            "mpa", "mpp", "cpa", "ca"})  # fmt: skip


def _is_back_title(token: str) -> bool:
    token = token.strip()
    if not token:
        return False
    if "." in token:
        return bool(_BACK_TITLE.match(token.replace(" ", "")))
    return re.sub(r"[^a-z]", "", token.casefold()) in _PLAIN_DEGREES


def split_titles(full: str) -> tuple[str | None, str, str | None]:
    """'Ir. Siti Rahmawati, M.Si.' -> ('Ir.', 'Siti Rahmawati', 'M.Si.'); a plain name is returned as is.

    Front titles are the known ones (Dr., Drs., Ir., H., Hj., Prof., drg. ...); back titles are what
    follows the first comma when every part looks like a degree ('S.Pi., M.Si.', 'SE', 'S.H.').
    Nothing is dropped: text that does not look like a title stays in the name.
    """
    text = " ".join(full.split())
    back: str | None = None
    if "," in text:
        head, tail = text.split(",", 1)
        parts = [p for p in (x.strip() for x in tail.split(",")) if p]
        if parts and all(_is_back_title(p) for p in parts):
            text, back = head.strip(), ", ".join(parts)
    front: list[str] = []
    words = text.split(" ")
    while len(words) > 1:
        word = words[0]
        bare = word.rstrip(".").casefold()
        if bare in _FRONT_TITLES and (word.endswith(".") or bare not in _NEEDS_DOT):
            front.append(word)
            words = words[1:]
        else:
            break
    name = " ".join(words).strip(" ,")
    return (" ".join(front) or None), name, back


# --- NIP --------------------------------------------------------------------------------------


def clean_nip(raw: object, ctx: Context | None = None) -> str | None:
    """Validate an 18-digit NIP. Numbers (Excel / JSON) are refused when digits may have been lost.

    A float always lost digits (a double keeps ~15-17). An int is refused when it equals its own
    double rounding (it may have passed through a float, so the last digits are not trustworthy) or
    ends in 000 (Excel's 15-digit cut); an int that no double could produce was written digit by
    digit and is kept, with a warning to store the column as text.
    """
    if is_missing(raw):
        return None
    _scalar(raw)
    if isinstance(raw, bool):
        raise ValueProblem(f"NIP tidak valid: {shown(raw)}")
    if isinstance(raw, float):
        raise ValueProblem(
            f"NIP tersimpan sebagai angka dan kehilangan digit ({raw!r}); simpan kolom NIP sebagai teks"
        )
    if isinstance(raw, int):
        text = str(raw)
        if raw > 2**53 and (text.endswith("000") or int(float(raw)) == raw):
            raise ValueProblem(
                f"NIP tersimpan sebagai angka dan kehilangan digit (kemungkinan): {raw}; "
                "simpan kolom NIP sebagai teks dan isi ulang dari sumbernya"
            )
        if ctx is not None and len(text) == 18:
            ctx.warn(f"NIP tersimpan sebagai angka ({raw}); sebaiknya simpan kolom NIP sebagai teks")
    return _nip(raw if not isinstance(raw, str) else raw.strip())


@lru_cache(maxsize=65536)
def _nip(raw: str | int) -> str:
    try:
        return validate_nip(raw)
    except NipError as exc:
        raise ValueProblem(str(exc)) from exc


# --- dates ------------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _month_number, _month_names in enumerate(
    (
        ("januari", "january", "jan"),
        ("februari", "pebruari", "february", "feb", "peb"),
        ("maret", "march", "mar"),
        ("april", "apr"),
        ("mei", "may"),
        ("juni", "june", "jun"),
        ("juli", "july", "jul"),
        ("agustus", "august", "agu", "agt", "ags", "aug"),
        ("september", "sept", "sep"),
        ("oktober", "october", "okt", "oct"),
        ("november", "nopember", "nov", "nop"),
        ("desember", "december", "des", "dec"),
    ),
    start=1,
):
    for _name in _month_names:
        _MONTHS[_name] = _month_number

_WEEKDAY = re.compile(
    r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|mon|tue|wed|thu|fri|sat|sun),?\s+",
    re.I,
)
_TIME = r"(?:[T\s]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME + "$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})" + _TIME + "$")
_MY = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_YM = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_D_MON_Y = re.compile(r"^(\d{1,2})[\s\-/.]*([a-z]+)\.?[\s\-/.,]+(\d{4})$", re.I)
_MON_D_Y = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$", re.I)
_MON_Y = re.compile(r"^([a-z]+)\.?[\s\-/.,]+(\d{4})$", re.I)


def _make_date(raw: str, year: int, month: int, day: int, order: str = "hari-bulan-tahun") -> dt.date:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueProblem(f"tahun di luar rentang {YEAR_MIN}-{YEAR_MAX}: {shown(raw)}")
    if not 1 <= month <= 12:
        raise ValueProblem(
            f"tanggal tidak valid: {shown(raw)} (dibaca sebagai {order}: bulan {month} tidak ada)"
        )
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueProblem(f"tanggal tidak valid: {shown(raw)} (tanggal tidak ada di kalender)") from exc


def _month(name: str) -> int | None:
    return _MONTHS.get(name.casefold())


def from_excel_serial(serial: float, raw: object = None) -> dt.date:
    """Excel 1900-system serial number -> date (60 is the non-existent 1900-02-29)."""
    shown_raw = raw if raw is not None else serial
    if YEAR_MIN <= serial <= YEAR_MAX and float(serial).is_integer():
        raise ValueProblem(f"tanggal hanya berisi tahun: {shown(shown_raw)}; isi tanggal lengkap")
    if serial < 1 or serial >= 2958466 or int(serial) == 60:
        raise ValueProblem(f"tanggal tidak valid: {shown(shown_raw)} ({DATE_FORMATS_HINT})")
    days = int(serial)
    base = _EXCEL_EPOCH if days > 60 else dt.date(1899, 12, 31)
    value = base + dt.timedelta(days=days)
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise ValueProblem(f"tahun di luar rentang {YEAR_MIN}-{YEAR_MAX}: {shown(shown_raw)}")
    return value


@lru_cache(maxsize=65536)
def _date_from_text(text: str) -> dt.date:
    s = _WEEKDAY.sub("", " ".join(text.split()))
    if len(s) == 10 and s[4] == "-" and s[7] == "-" and s[:4].isdigit():
        try:
            value = dt.date.fromisoformat(s)
        except ValueError:
            pass
        else:
            if YEAR_MIN <= value.year <= YEAR_MAX:
                return value
    if m := _YMD.match(s):
        return _make_date(text, int(m[1]), int(m[2]), int(m[3]), "tahun-bulan-hari")
    if m := _DMY.match(s):
        return _make_date(text, int(m[3]), int(m[2]), int(m[1]))
    if m := _MY.match(s):
        return _make_date(text, int(m[2]), int(m[1]), 1, "bulan-tahun")
    if m := _YM.match(s):
        return _make_date(text, int(m[1]), int(m[2]), 1, "tahun-bulan")
    if (m := _D_MON_Y.match(s)) and (month := _month(m[2])):
        return _make_date(text, int(m[3]), month, int(m[1]))
    if (m := _MON_D_Y.match(s)) and (month := _month(m[1])):
        return _make_date(text, int(m[3]), month, int(m[2]))
    if (m := _MON_Y.match(s)) and (month := _month(m[1])):
        return _make_date(text, int(m[2]), month, 1)
    if s.isdigit():
        if len(s) == 8:  # yyyymmdd, as SAPK writes it
            return _make_date(text, int(s[:4]), int(s[4:6]), int(s[6:]), "yyyymmdd")
        if len(s) == 5:  # an Excel serial number saved as text
            return from_excel_serial(int(s), text)
        if len(s) == 4:
            raise ValueProblem(f"tanggal hanya berisi tahun: {shown(text)}; isi tanggal lengkap")
    elif re.fullmatch(r"\d{5}\.\d+", s):
        return from_excel_serial(float(s), text)
    raise ValueProblem(f"tanggal tidak valid: {shown(text)} ({DATE_FORMATS_HINT})")


def clean_date(raw: object, ctx: Context | None = None) -> dt.date | None:
    """Date cells, Excel serial numbers and the text formats real exports use (day first)."""
    if is_missing(raw):
        return None
    _scalar(raw)
    if isinstance(raw, dt.datetime):
        value = raw.date()
    elif isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, bool):
        raise ValueProblem(f"tanggal tidak valid: {shown(raw)} ({DATE_FORMATS_HINT})")
    elif isinstance(raw, int | float):
        return from_excel_serial(raw)
    elif isinstance(raw, dt.time):
        raise ValueProblem(f"tanggal tidak valid (hanya jam): {shown(raw)}")
    else:
        return _date_from_text(str(raw).strip())
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise ValueProblem(f"tahun di luar rentang {YEAR_MIN}-{YEAR_MAX}: {shown(raw)}")
    return value


# --- numbers ----------------------------------------------------------------------------------

_YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _check_year(year: int, raw: object) -> int:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueProblem(f"tahun di luar rentang {YEAR_MIN}-{YEAR_MAX}: {shown(raw)}")
    return year


def clean_year(raw: object, ctx: Context | None = None) -> int | None:
    """A year 1900..2100 from 2019, 2019.0, '2019', 'Semester I 2019', or a date (its year)."""
    if is_missing(raw):
        return None
    _scalar(raw)
    if isinstance(raw, bool):
        raise ValueProblem(f"tahun tidak valid: {shown(raw)}")
    if isinstance(raw, dt.date):
        return _check_year(raw.year, raw)
    if isinstance(raw, int | float):
        if not float(raw).is_integer():
            raise ValueProblem(f"tahun tidak valid: {shown(raw)}")
        return _check_year(int(raw), raw)
    text = " ".join(str(raw).split())
    if re.fullmatch(r"\d{4}(?:[.,]0+)?", text):
        return _check_year(int(text[:4]), raw)
    found = _YEAR_IN_TEXT.findall(text)
    if len(found) == 1:
        return _check_year(int(found[0]), raw)
    if len(found) > 1:
        raise ValueProblem(f"tahun tidak jelas (lebih dari satu tahun): {shown(raw)}")
    raise ValueProblem(f"tahun tidak valid: {shown(raw)}")


@lru_cache(maxsize=16384)
def _number_from_text(text: str) -> float:
    s = text.replace("\u00a0", "").replace(" ", "")
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".") if s.count(",") == 1 else s.replace(",", "")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", s):
        raise ValueProblem(f"bukan angka: {shown(text)}")
    return float(s)


def _number(raw: object) -> float:
    _scalar(raw)
    if isinstance(raw, bool | dt.date | dt.time):
        raise ValueProblem(f"bukan angka: {shown(raw)}")
    value = float(raw) if isinstance(raw, int | float) else _number_from_text(str(raw).strip())
    if not math.isfinite(value):
        raise ValueProblem(f"bukan angka: {shown(raw)}")
    if value < 0:
        raise ValueProblem(f"angka tidak boleh negatif: {shown(raw)}")
    return value


def clean_float(raw: object, ctx: Context | None = None) -> float | None:
    """A non-negative number; '12,5' (decimal comma) and '1.234,5' are read the Indonesian way."""
    if is_missing(raw):
        return None
    return _number(raw)


def clean_int(raw: object, ctx: Context | None = None) -> int | None:
    """A non-negative whole number: '12', 12.0, '12,0', '40 JP'."""
    if is_missing(raw):
        return None
    if isinstance(raw, str):
        raw = re.sub(r"\s*(jp|jpl|jam)\.?$", "", raw.strip(), flags=re.I)
    value = _number(raw)
    if not value.is_integer():
        raise ValueProblem(f"harus bilangan bulat: {shown(raw)}")
    return int(value)


# --- codes ------------------------------------------------------------------------------------

_GOL_LOOSE = re.compile(r"^(IV|III|II|I)\s*[-.\s]\s*([a-e])$", re.I)


def clean_golongan(raw: object, ctx: Context | None = None) -> str | None:
    """'III/c', 'III/C', 'Penata (III/c)', 'III-c', code 33 -> 'III/c'; PPPK 'IX'."""
    if is_missing(raw):
        return None
    _scalar(raw)
    text = " ".join(str(raw).split())
    if m := _GOL_LOOSE.match(text):
        text = f"{m[1]}/{m[2]}"
    try:
        return parse_golongan(text)
    except GolonganError as exc:
        raise ValueProblem(
            f"golongan tidak dikenal: {shown(raw)} (contoh: III/c, Penata (III/c), 33)"
        ) from exc


def _key(raw: object) -> str:
    """Lower-case letters and digits only: 'D-IV' -> 'div', 'Sangat_Baik' -> 'sangatbaik'."""
    return re.sub(r"[^a-z0-9]+", "", str(raw).casefold())


_JENJANG: dict[str, Jenjang] = {}
for _jenjang, _names in {
    Jenjang.SD: ("sd", "mi", "sekolahdasar", "sdsederajat"),
    Jenjang.SMP: ("smp", "sltp", "mts", "sltpsederajat", "smpsederajat"),
    Jenjang.SMA: (
        "sma",
        "slta",
        "smk",
        "smu",
        "ma",
        "stm",
        "smea",
        "spg",
        "spk",
        "sltasederajat",
        "smasederajat",
    ),
    Jenjang.D1: ("d1", "di", "diploma1", "diplomai"),
    Jenjang.D2: ("d2", "dii", "diploma2", "diplomaii"),
    Jenjang.D3: ("d3", "diii", "diploma3", "diplomaiii", "sarjanamuda", "akademi"),
    Jenjang.D4: ("d4", "div", "diploma4", "diplomaiv", "sarjanaterapan", "st"),
    # Professional education (Ners, Apoteker, Profesi Dokter) follows an S1 and counts as S1 for 'at least';
    # a medical specialist (Sp-1) is at the S2 level (KKNI 8), Sp-2 at S3 (KKNI 9).
    Jenjang.S1: ("s1", "si", "strata1", "stratai", "sarjana", "profesi", "pendidikanprofesi", "ners", "apoteker"),
    Jenjang.S2: ("s2", "sii", "strata2", "strataii", "magister", "master", "pascasarjana", "pasca", "sp1",
                 "spesialis", "spesialis1", "spesialisi"),
    Jenjang.S3: ("s3", "siii", "strata3", "strataiii", "doktor", "doktoral", "doctor", "phd", "sp2", "spesialis2",
                 "spesialisii", "subspesialis"),
}.items():
    for _name in _names:
        _JENJANG[_name] = _jenjang
_JENJANG.pop("st")  # too short to trust as a prefix
_JENJANG_HINT = "contoh: SD, SMP, SMA, D3, D4, S1, Profesi, S2, Sp-1, S3"


@lru_cache(maxsize=4096)
def _jenjang_from_text(text: str) -> Jenjang:
    words = re.split(r"[\s/,()]+", text.strip())
    # Whole text first ('Diploma III'), then the leading words ('S-1 Teknik Sipil', 'Pasca Sarjana Hukum').
    for n in (len(words), 3, 2, 1):
        if 0 < n <= len(words) and (found := _JENJANG.get(_key("".join(words[:n])))):
            return found
    raise ValueProblem(f"jenjang pendidikan tidak dikenal: {shown(text)} ({_JENJANG_HINT})")


def clean_jenjang(raw: object, ctx: Context | None = None) -> Jenjang | None:
    """S1 / 'S-1' / 'Strata 1' / 'Sarjana', 'D-IV' / 'D4', 'SLTA' / 'SMK' -> SMA, 'Magister' -> S2 ..."""
    if is_missing(raw):
        return None
    _scalar(raw)
    return _jenjang_from_text(str(raw))


_ESELON = re.compile(r"^(?:eselon\s*)?(IV|III|II|I|[1-4])(?:[\s./-]*[ab])?$", re.I)
_ESELON_TO_JENIS = {
    "I": JenisJabatan.JPT, "II": JenisJabatan.JPT, "III": JenisJabatan.ADMINISTRATOR, "IV": JenisJabatan.PENGAWAS,
    "1": JenisJabatan.JPT, "2": JenisJabatan.JPT, "3": JenisJabatan.ADMINISTRATOR, "4": JenisJabatan.PENGAWAS,
}  # fmt: skip


def jenis_from_eselon(eselon: object) -> JenisJabatan | None:
    """'II.b' -> jpt, 'III/a' -> administrator, 'IV.a' -> pengawas; None if not an eselon."""
    if is_missing(eselon):
        return None
    text = " ".join(str(eselon).split())
    if isinstance(eselon, float) and eselon.is_integer():
        text = str(int(eselon))
    m = _ESELON.match(text)
    return _ESELON_TO_JENIS[m[1].upper()] if m else None


def clean_jenis_jabatan(raw: object, ctx: Context | None = None) -> JenisJabatan | None:
    """JPT / administrator / pengawas / fungsional (JFT) / pelaksana (JFU); 'Struktural' via the eselon."""
    if is_missing(raw):
        return None
    _scalar(raw)
    norm = " ".join(re.sub(r"[^a-z0-9]+", " ", str(raw).casefold()).split())
    norm = norm.removeprefix("jabatan ")
    if norm in ("jfu", "fungsional umum") or norm.startswith("pelaksana"):
        return JenisJabatan.PELAKSANA
    if norm.startswith("jpt") or "pimpinan tinggi" in norm:
        return JenisJabatan.JPT
    if norm.startswith(("administrator", "administratur")):
        return JenisJabatan.ADMINISTRATOR
    if norm.startswith("pengawas"):
        return JenisJabatan.PENGAWAS
    if norm.startswith("fungsional") or norm in ("jft", "jf"):
        return JenisJabatan.FUNGSIONAL
    if norm.startswith("struktural"):
        eselon = ctx.eselon if ctx is not None else None
        found = jenis_from_eselon(eselon)
        if found is None and ctx is not None:
            if is_missing(eselon):
                ctx.warn("jenis jabatan 'Struktural' tanpa eselon: jenis jabatan dikosongkan")
            else:
                ctx.warn(
                    f"jenis jabatan 'Struktural' dengan eselon tidak dikenal {shown(eselon)}: "
                    "jenis jabatan dikosongkan"
                )
        return found
    raise ValueProblem(
        f"jenis jabatan tidak dikenal: {shown(raw)} (pilihan: JPT, administrator, pengawas, fungsional, "
        "pelaksana, struktural)"
    )


_PREDIKAT = {_key(p.value): p for p in Predikat}
# SKP predicates before PermenPANRB 6/2022 (PP 46/2011: Sangat Baik, Baik, Cukup, Kurang, Buruk;
# PP 30/2019: ... Cukup, Kurang, Sangat Kurang), read by their place on the five-step scale. The
# conversion is announced as a warning on the row, so HR can see it was not written that way.
_OLD_PREDIKAT = {"cukup": Predikat.BUTUH_PERBAIKAN, "buruk": Predikat.SANGAT_KURANG}


def clean_predikat(raw: object, ctx: Context | None = None) -> Predikat | None:
    """SKP predicate: 'Sangat Baik', 'SANGAT BAIK', 'sangat_baik', 'Butuh Perbaikan' ...; the old
    'Cukup' and 'Buruk' are read as 'Butuh Perbaikan' and 'Sangat Kurang', with a warning."""
    if is_missing(raw):
        return None
    _scalar(raw)
    found = _PREDIKAT.get(_key(raw))
    if found is None and (old := _OLD_PREDIKAT.get(_key(raw))) is not None:
        if ctx is not None:
            ctx.warn(f"predikat lama {shown(raw)} (sebelum PermenPANRB 6/2022) dibaca sebagai '{old.value}'")
        return old
    if found is None:
        raise ValueProblem(
            f"predikat kinerja tidak dikenal: {shown(raw)} (pilihan: Sangat Baik, Baik, Butuh Perbaikan, "
            "Kurang, Sangat Kurang)"
        )
    return found


_EKSPEKTASI = {
    "diatas": Ekspektasi.DI_ATAS, "above": Ekspektasi.DI_ATAS, "exceeds": Ekspektasi.DI_ATAS,
    "sesuai": Ekspektasi.SESUAI, "as": Ekspektasi.SESUAI, "asexpected": Ekspektasi.SESUAI,
    "meets": Ekspektasi.SESUAI, "meet": Ekspektasi.SESUAI,
    "dibawah": Ekspektasi.DI_BAWAH, "below": Ekspektasi.DI_BAWAH,
}  # fmt: skip


def clean_ekspektasi(raw: object, ctx: Context | None = None) -> Ekspektasi | None:
    """'Di Atas Ekspektasi', 'diatas ekspektasi', 'DIATAS', 'above' -> Ekspektasi."""
    if is_missing(raw):
        return None
    _scalar(raw)
    key = re.sub(r"(ekspektasi|expectations?|expected)$", "", _key(raw)) or _key(raw)
    found = _EKSPEKTASI.get(key)
    if found is None:
        raise ValueProblem(
            f"rating tidak dikenal: {shown(raw)} (pilihan: di atas / sesuai / di bawah ekspektasi)"
        )
    return found


_POTENSI = {
    "tinggi": KategoriPotensi.TINGGI, "high": KategoriPotensi.TINGGI,
    "menengah": KategoriPotensi.MENENGAH, "sedang": KategoriPotensi.MENENGAH,
    "medium": KategoriPotensi.MENENGAH, "middle": KategoriPotensi.MENENGAH,
    "rendah": KategoriPotensi.RENDAH, "low": KategoriPotensi.RENDAH,
}  # fmt: skip


def clean_potensi(raw: object, ctx: Context | None = None) -> KategoriPotensi | None:
    """'Tinggi', 'Potensi Tinggi', 'high' -> KategoriPotensi."""
    if is_missing(raw):
        return None
    _scalar(raw)
    found = _POTENSI.get(_key(raw).removeprefix("potensi"))
    if found is None:
        raise ValueProblem(
            f"kategori potensi tidak dikenal: {shown(raw)} (pilihan: tinggi, menengah, rendah)"
        )
    return found


_DISIPLIN = {
    "ringan": TingkatDisiplin.RINGAN, "light": TingkatDisiplin.RINGAN, "minor": TingkatDisiplin.RINGAN,
    "sedang": TingkatDisiplin.SEDANG, "moderate": TingkatDisiplin.SEDANG, "medium": TingkatDisiplin.SEDANG,
    "berat": TingkatDisiplin.BERAT, "heavy": TingkatDisiplin.BERAT, "severe": TingkatDisiplin.BERAT,
    # SIASN rw-hukdis jenisTingkatHukumanId
    "r": TingkatDisiplin.RINGAN, "s": TingkatDisiplin.SEDANG, "b": TingkatDisiplin.BERAT,
}  # fmt: skip


def clean_disiplin(raw: object, ctx: Context | None = None) -> TingkatDisiplin | None:
    """'Hukuman Disiplin Ringan', 'berat', 'Tingkat Sedang' -> TingkatDisiplin."""
    if is_missing(raw):
        return None
    _scalar(raw)
    key = _key(raw)
    for prefix in ("hukumandisiplin", "hukdis", "hukuman", "disiplin", "tingkat"):
        key = key.removeprefix(prefix)
    found = _DISIPLIN.get(key)
    if found is None:
        raise ValueProblem(
            f"tingkat hukuman disiplin tidak dikenal: {shown(raw)} (pilihan: ringan, sedang, berat)"
        )
    return found


_KOTAK = re.compile(r"^(?:kotak|box|k)?\s*(\d+)(?:[.,]0+)?$", re.I)


def clean_kotak(raw: object, ctx: Context | None = None) -> int | None:
    """9-box cell 1..9: 7, 7.0, '7', 'Kotak 7'."""
    if is_missing(raw):
        return None
    _scalar(raw)
    if isinstance(raw, bool):
        raise ValueProblem(f"kotak talenta harus 1-9: {shown(raw)}")
    if isinstance(raw, int | float):
        number = float(raw)
        value = int(number) if number.is_integer() else None
    else:
        m = _KOTAK.match(" ".join(str(raw).split()))
        value = int(m[1]) if m else None
    if value is None or not 1 <= value <= 9:
        raise ValueProblem(f"kotak talenta harus 1-9: {shown(raw)}")
    return value


Cleaner = Callable[[object, Context | None], object]

CLEANERS: dict[str, Cleaner] = {
    "text": clean_text,
    "nip": clean_nip,
    "date": clean_date,
    "year": clean_year,
    "int": clean_int,
    "float": clean_float,
    "golongan": clean_golongan,
    "jenjang": clean_jenjang,
    "jenis_jabatan": clean_jenis_jabatan,
    "predikat": clean_predikat,
    "ekspektasi": clean_ekspektasi,
    "potensi": clean_potensi,
    "disiplin": clean_disiplin,
    "kotak": clean_kotak,
}


def clean(kind: str, raw: object, ctx: Context | None = None) -> object:
    """Clean ``raw`` as a column of ``kind``; raises ValueProblem, or KeyError for an unknown kind."""
    return CLEANERS[kind](raw, ctx)
