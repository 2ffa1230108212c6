"""Training records as questions see them: leadership training, names compared as words, scores."""

from __future__ import annotations

import re
from collections.abc import Iterable

_LEADERSHIP = re.compile(
    r"\b(?:pim|pkp|pka|pkn|diklatpim|kepemimpinan|leadership|pelatihan\s+kepemimpinan)\b", re.I
)


# Words a leadership level is written with in training names (compared as whole words).
LEADERSHIP_LEVEL = {
    "IV": ("pim iv", "pim tingkat iv", "kepemimpinan tingkat iv", "pkp", "pim 4", "kepemimpinan pengawas"),
    "III": ("pim iii", "pim tingkat iii", "kepemimpinan tingkat iii", "pka", "pim 3", "kepemimpinan administrator"),
    "II": ("pim ii", "pim tingkat ii", "kepemimpinan tingkat ii", "pkn ii", "pkn tingkat ii", "pim 2"),
}


def leadership_level(name: str | None) -> str | None:
    """The level of a leadership training ('II', 'III', 'IV'), or None (not leadership, or no level)."""
    if not is_leadership(name):
        return None
    padded = f" {name_key(name)} "
    return next((level for level, words in LEADERSHIP_LEVEL.items() if any(f" {w} " in padded for w in words)), None)


def is_leadership(name: str | None) -> bool:
    """Diklat PIM / PKP / PKA / PKN and other leadership training (Diklatpim, Pelatihan Kepemimpinan)."""
    return bool(name and _LEADERSHIP.search(name))


def name_key(text: str | None) -> str:
    """A name as compared: lower case words and digits, single spaces ('Diklat PIM-IV' -> 'diklat pim iv')."""
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def score_out_of_10(nilai: float | None) -> float | None:
    """A training score on a 0-10 scale: trainers write 0-10 or 0-100 (anything above 10 is 0-100)."""
    if nilai is None:
        return None
    return round(nilai / 10, 3) if nilai > 10 else nilai


def spelled_out(acronym: str, names: Iterable[str]) -> list[list[str]]:
    """The runs of words in these training names (name keys) whose initials spell ``acronym``:
    'ppns' -> [['penyidik', 'pegawai', 'negeri', 'sipil']] from 'diklat penyidik pegawai negeri sipil'."""
    target = acronym.casefold()
    if not 3 <= len(target) <= 8 or not target.isalpha():
        return []
    names = list(names)
    if any(f" {target} " in f" {name} " for name in names):
        return []  # the store writes the acronym itself: initials elsewhere are other trainings
    found: list[list[str]] = []
    for name in names:
        words = name.split()
        initials = "".join(w[0] for w in words)
        start = initials.find(target)
        while start >= 0:
            run = words[start : start + len(target)]
            if run not in found and any(len(w) > 1 for w in run):
                found.append(run)
            start = initials.find(target, start + 1)
    return found[:10]
