"""Golongan / pangkat for PNS (I/a .. IV/e) and PPPK (I .. XVII), with an order for comparisons."""

from __future__ import annotations

import re

PANGKAT: dict[str, str] = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tk. I", "I/c": "Juru", "I/d": "Juru Tk. I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tk. I", "II/c": "Pengatur", "II/d": "Pengatur Tk. I",
    "III/a": "Penata Muda", "III/b": "Penata Muda Tk. I", "III/c": "Penata", "III/d": "Penata Tk. I",
    "IV/a": "Pembina", "IV/b": "Pembina Tk. I", "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya", "IV/e": "Pembina Utama",
}  # fmt: skip
PNS_ORDER: list[str] = list(PANGKAT)
PPPK_ORDER: list[str] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip

_PNS = re.compile(r"\b(IV|III|II|I)\s*/\s*([a-eA-E])\b")
_PPPK = re.compile(r"^(?:gol(?:ongan)?\.?\s*)?(XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)$", re.I)
# SIASN / SAPK numeric codes: 11..14 = I/a..I/d, 21..24, 31..34, 41..45.
_CODE = re.compile(r"^([1-4])([1-5])$")


class GolonganError(ValueError):
    """Not a golongan we recognise."""


def parse_golongan(raw: object) -> str:
    """'III/c', 'III/C', 'Penata (III/c)', 'iii / c', 33 -> 'III/c'; PPPK 'IX' -> 'IX'."""
    text = str(raw).strip()
    if not text:
        raise GolonganError("golongan kosong")
    if text.endswith(".0"):
        text = text[:-2]
    m = _PNS.search(text.upper().replace("\\", "/"))
    if m:
        return f"{m.group(1)}/{m.group(2).lower()}"
    m = _CODE.match(text)
    if m:
        roman = ["I", "II", "III", "IV"][int(m.group(1)) - 1]
        letter = "abcde"[int(m.group(2)) - 1]
        gol = f"{roman}/{letter}"
        if gol in PANGKAT:
            return gol
    m = _PPPK.match(text)
    if m:
        return m.group(1).upper()
    for gol, name in PANGKAT.items():
        if text.lower() == name.lower():
            return gol
    raise GolonganError(f"golongan tidak dikenal: {raw!r}")


def golongan_rank(gol: str | None) -> int | None:
    """Order index for PNS golongan (I/a = 1 .. IV/e = 17); None for PPPK or missing."""
    if gol in PNS_ORDER:
        return PNS_ORDER.index(gol) + 1
    return None


def pangkat_of(gol: str | None) -> str | None:
    return PANGKAT.get(gol or "")
