"""NIP (Nomor Induk Pegawai), 18 digits: YYYYMMDD birth + YYYYMM TMT CPNS + G gender + NNN.

The NIP is an identifier. It encodes birth date and gender, so nothing ranks on its parts.
"""

from __future__ import annotations

import datetime as dt
import re

PPPK_CODE = 21
_NON_DIGIT = re.compile(r"[\s'`\u2019.\-]")


class NipError(ValueError):
    """The value is not a valid NIP; the message says why (Indonesian)."""


def normalize_nip(raw: object) -> str:
    """Strip spaces, dots, dashes and a leading apostrophe; refuse numbers that lost digits."""
    if raw is None:
        raise NipError("NIP kosong")
    if isinstance(raw, float):
        if raw != raw:  # NaN
            raise NipError("NIP kosong")
        # An 18-digit number stored as a float has lost its last digits (float keeps ~15-17).
        raise NipError(
            f"NIP tersimpan sebagai angka ({raw!r}) dan kehilangan digit; simpan kolom NIP sebagai teks"
        )
    if isinstance(raw, int):
        text = str(raw)
        if len(text) == 18 and text.endswith("000") and raw > 2**53:
            raise NipError(
                f"NIP tersimpan sebagai angka ({raw}) dan kemungkinan kehilangan digit; "
                "simpan kolom NIP sebagai teks"
            )
    text = _NON_DIGIT.sub("", str(raw)).strip()
    if not text:
        raise NipError("NIP kosong")
    if re.fullmatch(r"\d+(\.\d+)?[eE]\+?\d+", text):
        raise NipError(f"NIP dalam notasi ilmiah ({raw}) telah kehilangan digit; simpan sebagai teks")
    if not text.isdigit():
        raise NipError(f"NIP hanya boleh berisi angka: {raw!r}")
    if len(text) != 18:
        raise NipError(f"NIP harus 18 digit, bukan {len(text)}: {raw!r}")
    return text


def validate_nip(raw: object) -> str:
    """Normalise and check the structure: birth date, TMT CPNS month, gender digit."""
    nip = normalize_nip(raw)
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError as exc:
        raise NipError(f"NIP {nip}: tanggal lahir di digit 1-8 tidak valid") from exc
    year, month = int(nip[8:12]), int(nip[12:14])
    # PNS: digits 13-14 are the TMT CPNS month; PPPK NIPs carry the code 21 there instead.
    if not (1 <= month <= 12 or month == PPPK_CODE) or year < 1940:
        raise NipError(f"NIP {nip}: TMT CPNS di digit 9-14 tidak valid")
    if year < birth.year + 14:
        raise NipError(f"NIP {nip}: TMT CPNS lebih awal dari usia kerja")
    if nip[14] not in "12":
        raise NipError(f"NIP {nip}: digit ke-15 (jenis kelamin) harus 1 atau 2")
    return nip
