"""Batas usia pensiun (BUP): the retirement age of a post, as data, and the retirement date.

The ages are a table (``data/retirement_ages.csv``: post, age, source clause) per UU 20/2023 and
PP 11/2017 as amended: 58 for pejabat administrasi (administrator, pengawas, pelaksana) and JF ahli
muda, ahli pertama and keterampilan; 60 for JPT and JF ahli madya; 65 for JF ahli utama. A
functional post whose level the title does not say is given 58 and flagged (``known=False``): the
answer says it should be verified. Retirement falls at the end of the month in which the age is
reached. This is the one use of the birth date besides the JPT age rule; it never ranks anyone.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.domain.models import Employee, JenisJabatan
from assistant.domain.posts import ADMINISTRATOR, JPT_PRATAMA, PENGAWAS, level_of_title

_FUNCTIONAL_LEVEL = (
    (re.compile(r"\bahli\s+utama\b", re.I), "ahli_utama"),
    (re.compile(r"\bahli\s+madya\b", re.I), "ahli_madya"),
    (re.compile(r"\bahli\s+muda\b", re.I), "ahli_muda"),
    (re.compile(r"\bahli\s+pertama\b", re.I), "ahli_pertama"),
    (re.compile(r"\b(?:penyelia|mahir|terampil|pemula)\b", re.I), "keterampilan"),
)
_LEVEL_POST = {JPT_PRATAMA: "jpt", ADMINISTRATOR: "administrator", PENGAWAS: "pengawas"}


@dataclass(frozen=True)
class RetirementAge:
    post: str
    age: int
    source: str


@dataclass(frozen=True)
class Retirement:
    post: str  # the row of the table that applies (jpt, administrator, ..., ahli_madya, keterampilan)
    age: int
    date: dt.date  # the last day of the month in which the age is reached
    known: bool  # False: the post's level was not in the record (58 assumed; verify)
    source: str


@lru_cache(maxsize=1)
def retirement_ages() -> dict[str, RetirementAge]:
    text = resources.files("assistant.domain").joinpath("data/retirement_ages.csv").read_text("utf-8")
    return {
        row["post"]: RetirementAge(row["post"], int(row["age"]), row["source"])
        for row in csv.DictReader(text.splitlines())
    }


def post_category(jenis: JenisJabatan | None, jabatan: str | None) -> tuple[str, bool]:
    """The retirement-table row of a current post, and whether the record says it for sure."""
    title = jabatan or ""
    if jenis in (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS, JenisJabatan.PELAKSANA):
        return jenis.value, True
    for pattern, functional in _FUNCTIONAL_LEVEL:
        if pattern.search(title):
            return functional, True
    structural = level_of_title(title) if jenis is None else None
    if structural:
        return _LEVEL_POST[structural], True
    return ("ahli_muda" if jenis is JenisJabatan.FUNGSIONAL else "pelaksana"), False


def retirement(employee: Employee) -> Retirement | None:
    """When the person reaches the retirement age of their current post (None without a birth date)."""
    if employee.tanggal_lahir is None:
        return None
    post, known = post_category(employee.jenis_jabatan, employee.jabatan)
    rule = retirement_ages()[post]
    born = employee.tanggal_lahir
    year, month = born.year + rule.age, born.month
    date = dt.date(year, month, calendar.monthrange(year, month)[1])
    return Retirement(post, rule.age, date, known, rule.source)
