"""Eligibility for a structural post, from a rules table an HR admin edits (data, not code paths).

Each rule row names a post level, a condition from the closed vocabulary below, an operator, a
value, whether it is hard (wajib) or preferred (diutamakan), and the clause it comes from. Every
rule gives ``memenuhi``, ``tidak memenuhi`` or ``perlu verifikasi``; missing data is never
``memenuhi``. The overall status: ``tidak memenuhi`` if a hard rule fails, else ``perlu
verifikasi`` if a hard rule cannot be checked, else ``memenuhi``. Preferred rules are reported and
never decide.

Condition vocabulary (operator, value):

- ``golongan`` (``>=``, ``III/b``): PNS golongan at least this.
- ``pendidikan`` (``>=``, ``D3`` / ``S1`` / ``D4``): highest education at least this (S1 = D-IV).
- ``kotak_talenta`` (``in``, ``7;8;9``; or ``>=``, ``7``): 9-box cell (the export's, else computed).
- ``skp_predikat_tahun_terakhir`` (``>=``, ``Baik:2``): SKP predikat at least Baik in each of the
  last 2 years.
- ``diklat_kepemimpinan`` (``any_of``, ``PKP;PIM IV;...``): a training whose name contains one of
  these, as whole words, ignoring case and punctuation. The first one names the training in gaps.
- ``pengalaman_jabatan_tahun`` (``>=``, ``pengawas|ahli_muda:3``): years in posts of these kinds:
  ``jpt``, ``administrator``, ``pengawas``, ``pelaksana``, ``fungsional`` (any JF), ``ahli_pertama``
  / ``ahli_muda`` / ``ahli_madya`` / ``ahli_utama`` (a JF ahli at that level or higher).
- ``pengalaman_bidang_tahun`` (``>=``, ``5``): cumulative years in any posts.
- ``masa_jabatan_saat_ini_tahun`` (``>=``, ``2``): years in the current structural post, when the
  target is a promotion one level up (otherwise it does not apply).
- ``usia_maks`` (``<=``, ``56``): age in whole years; allowed for ``jpt_pratama`` rows only. The only
  rule that reads ``tanggal_lahir``; nothing here reads ``jenis_kelamin``.
- ``hukuman_disiplin`` (``none_within``, ``sedang|berat:2``): no sanction of these levels in force
  in the last 2 years; ``:0`` means none in force today.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from assistant.domain.golongan import GolonganError, golongan_rank, parse_golongan
from assistant.domain.models import Employee, JenisJabatan, Jenjang, Predikat, TingkatDisiplin
from assistant.domain.nine_box import place_employee
from assistant.domain.posts import POST_LEVELS, level_label, level_of_title

MEMENUHI = "memenuhi"
TIDAK_MEMENUHI = "tidak memenuhi"
PERLU_VERIFIKASI = "perlu verifikasi"
STATUSES: tuple[str, ...] = (MEMENUHI, TIDAK_MEMENUHI, PERLU_VERIFIKASI)
STATUS_EN = {MEMENUHI: "meets", TIDAK_MEMENUHI: "does not meet", PERLU_VERIFIKASI: "needs verification"}

STRUKTURAL = "struktural"  # a row for every structural level
RULE_LEVELS: tuple[str, ...] = (*POST_LEVELS, STRUKTURAL)
COLUMNS: tuple[str, ...] = (
    "id", "post_level", "condition", "operator", "value", "hard", "source", "description_id", "description_en",
)  # fmt: skip
_REQUIRED = ("id", "post_level", "condition", "operator", "value", "hard", "source", "description_id")

DEFAULT_RULES_RESOURCE = "data/eligibility_rules.csv"


# ---- rules ---------------------------------------------------------------------------------------


class RuleError(ValueError):
    """A rule (or a row of the rules file) is not valid. ``issues``: (row, column, message)."""

    def __init__(self, issues: Sequence[tuple[int | None, str | None, str]], file: str | None = None) -> None:
        self.issues = list(issues)
        self.file = file
        lines = [_issue_text(row, column, message) for row, column, message in self.issues]
        prefix = f"{file}: " if file else ""
        super().__init__(prefix + ("\n" + " " * len(prefix)).join(lines))


def _issue_text(row: int | None, column: str | None, message: str) -> str:
    where = ", ".join(x for x in (f"baris {row}" if row else "", f"kolom '{column}'" if column else "") if x)
    return f"{where}: {message}" if where else message


@dataclass(frozen=True)
class Rule:
    """One row of the rules table. Validated on construction; ``parsed`` is the checked value."""

    id: str
    post_level: str
    condition: str
    operator: str
    value: str
    hard: bool = True
    source: str = ""
    description_id: str = ""
    description_en: str = ""
    parsed: Any = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        problems, parsed = _check_rule(self)
        if problems:
            raise RuleError([(None, column, message) for column, message in problems])
        object.__setattr__(self, "parsed", parsed)

    def description(self, lang: str = "id") -> str:
        return (self.description_en or self.description_id) if lang == "en" else self.description_id


@dataclass(frozen=True)
class _Condition:
    operators: tuple[str, ...]
    parse: Callable[[str, str], Any]  # (operator, value) -> parsed value; ValueError with a message
    value_help: str


def _check_rule(rule: Rule) -> tuple[list[tuple[str, str]], Any]:
    problems: list[tuple[str, str]] = []
    if not re.fullmatch(r"[A-Za-z0-9_.\-]+", rule.id or ""):
        problems.append(
            ("id", f"id {rule.id!r} kosong atau berisi karakter selain huruf, angka, '_', '.', '-'")
        )
    if rule.post_level not in RULE_LEVELS:
        problems.append(
            ("post_level", f"{rule.post_level!r} tidak dikenal (pilihan: {', '.join(RULE_LEVELS)})")
        )
    spec = CONDITIONS.get(rule.condition)
    parsed: Any = None
    if spec is None:
        problems.append(("condition", f"{rule.condition!r} tidak dikenal (pilihan: {', '.join(CONDITIONS)})"))
    elif rule.operator not in spec.operators:
        problems.append(
            (
                "operator",
                f"operator {rule.operator!r} tidak berlaku untuk {rule.condition} (pilihan: {', '.join(spec.operators)})",
            )
        )
    else:
        try:
            parsed = spec.parse(rule.operator, rule.value)
        except (ValueError, KeyError) as exc:
            problems.append(
                (
                    "value",
                    f"nilai {rule.value!r} tidak valid untuk {rule.condition}: {exc} (format: {spec.value_help})",
                )
            )
    if rule.condition == "usia_maks" and rule.post_level != "jpt_pratama":
        problems.append(
            (
                "post_level",
                "usia_maks hanya untuk jpt_pratama (batas usia PP 11/2017 Pasal 107); usia bukan syarat lain",
            )
        )
    if not isinstance(rule.hard, bool):
        problems.append(("hard", f"{rule.hard!r} bukan true/false"))
    if not (rule.source or "").strip():
        problems.append(("source", "sumber (pasal / aturan) wajib diisi"))
    if not (rule.description_id or "").strip():
        problems.append(("description_id", "deskripsi wajib diisi"))
    return problems, parsed


def _parse_golongan_value(operator: str, value: str) -> tuple[str, int]:
    try:
        gol = parse_golongan(value)
    except GolonganError as exc:
        raise ValueError(str(exc)) from None
    rank = golongan_rank(gol)
    if rank is None:
        raise ValueError(f"{gol} bukan golongan PNS")
    return gol, rank


_JENJANG_ALIASES = {
    "DIV": "D4",
    "DIII": "D3",
    "DII": "D2",
    "DI": "D1",
    "SMU": "SMA",
    "SLTA": "SMA",
    "SLTP": "SMP",
}


def _parse_jenjang(text: str) -> Jenjang:
    options = [re.sub(r"[\s\-.]", "", part).upper() for part in re.split(r"[/|]", text) if part.strip()]
    if not options:
        raise ValueError("jenjang kosong")
    found = [Jenjang(_JENJANG_ALIASES.get(o, o)) for o in options]  # ValueError if unknown
    return min(found, key=lambda j: j.rank)


def _parse_pendidikan(operator: str, value: str) -> Jenjang:
    try:
        return _parse_jenjang(value)
    except ValueError:
        raise ValueError(f"jenjang tidak dikenal (pilihan: {', '.join(j.value for j in Jenjang)})") from None


def _parse_kotak(operator: str, value: str) -> frozenset[int]:
    try:
        cells = [int(v) for v in re.split(r"[;,|\s]+", value.strip()) if v]
    except ValueError:
        raise ValueError("kotak harus angka 1-9") from None
    if not cells or any(not 1 <= c <= 9 for c in cells):
        raise ValueError("kotak harus angka 1-9")
    if operator == ">=":
        if len(cells) != 1:
            raise ValueError("operator >= butuh satu angka")
        return frozenset(range(cells[0], 10))
    return frozenset(cells)


_PREDIKAT_ORDER = [
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
]


def _predikat_rank(p: Predikat) -> int:
    return _PREDIKAT_ORDER.index(p)


def _parse_skp(operator: str, value: str) -> tuple[Predikat, int]:
    name, _, years = value.partition(":")
    matches = [p for p in Predikat if p.value.lower() == " ".join(name.split()).lower()]
    if not matches:
        raise ValueError(f"predikat tidak dikenal (pilihan: {', '.join(p.value for p in Predikat)})")
    n = _int(years or "1", "jumlah tahun")
    if n < 1:
        raise ValueError("jumlah tahun minimal 1")
    return matches[0], n


def _parse_diklat(operator: str, value: str) -> tuple[tuple[str, str], ...]:
    terms = tuple((t.strip(), _norm_training(t)) for t in value.split(";") if _norm_training(t))
    if not terms:
        raise ValueError("daftar nama diklat kosong")
    return terms


_KINDS = (
    "jpt",
    "administrator",
    "pengawas",
    "pelaksana",
    "fungsional",
    "ahli_pertama",
    "ahli_muda",
    "ahli_madya",
    "ahli_utama",
)


def _parse_pengalaman(operator: str, value: str) -> tuple[tuple[str, ...], float]:
    kinds_text, sep, years = value.partition(":")
    if not sep:
        raise ValueError("format jenis:tahun")
    kinds = tuple(k.strip().lower() for k in kinds_text.split("|") if k.strip())
    unknown = [k for k in kinds if k not in _KINDS]
    if not kinds or unknown:
        raise ValueError(f"jenis jabatan tidak dikenal {unknown or ''} (pilihan: {', '.join(_KINDS)})")
    return kinds, _years_value(years)


def _parse_years(operator: str, value: str) -> float:
    return _years_value(value)


def _parse_usia(operator: str, value: str) -> int:
    age = _int(value, "usia")
    if not 18 <= age <= 70:
        raise ValueError("usia harus 18-70")
    return age


def _parse_disiplin(operator: str, value: str) -> tuple[frozenset[TingkatDisiplin], float]:
    levels_text, sep, years = value.partition(":")
    if not sep:
        raise ValueError("format tingkat:tahun")
    try:
        levels = frozenset(TingkatDisiplin(x.strip().lower()) for x in levels_text.split("|") if x.strip())
    except ValueError:
        raise ValueError(
            f"tingkat tidak dikenal (pilihan: {', '.join(t.value for t in TingkatDisiplin)})"
        ) from None
    if not levels:
        raise ValueError("tingkat hukuman kosong")
    return levels, _years_value(years, allow_zero=True)


def _int(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(f"{what} harus bilangan bulat") from None


def _years_value(text: str, allow_zero: bool = False) -> float:
    try:
        years = float(text.strip().replace(",", "."))
    except ValueError:
        raise ValueError("jumlah tahun harus angka") from None
    if years < 0 or (years == 0 and not allow_zero):
        raise ValueError("jumlah tahun harus lebih dari 0")
    return years


CONDITIONS: dict[str, _Condition] = {
    "golongan": _Condition((">=",), _parse_golongan_value, "golongan PNS, mis. III/b"),
    "pendidikan": _Condition((">=",), _parse_pendidikan, "jenjang, mis. D3, S1, D4"),
    "kotak_talenta": _Condition(("in", ">="), _parse_kotak, "in: 7;8;9, atau >=: 7"),
    "skp_predikat_tahun_terakhir": _Condition((">=",), _parse_skp, "predikat:tahun, mis. Baik:2"),
    "diklat_kepemimpinan": _Condition(("any_of",), _parse_diklat, "nama diklat dipisah ';', mis. PKP;PIM IV"),
    "pengalaman_jabatan_tahun": _Condition(
        (">=",), _parse_pengalaman, "jenis|jenis:tahun, mis. pengawas|ahli_muda:3"
    ),
    "pengalaman_bidang_tahun": _Condition((">=",), _parse_years, "tahun, mis. 5"),
    "masa_jabatan_saat_ini_tahun": _Condition((">=",), _parse_years, "tahun, mis. 2"),
    "usia_maks": _Condition(("<=",), _parse_usia, "usia dalam tahun, mis. 56"),
    "hukuman_disiplin": _Condition(
        ("none_within",), _parse_disiplin, "tingkat|tingkat:tahun, mis. sedang|berat:2"
    ),
}


_TRUE = {"true", "ya", "yes", "1", "wajib", "y"}
_FALSE = {"false", "tidak", "no", "0", "diutamakan", "n"}


def _parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"{text!r} bukan true/false (atau ya/tidak)")


def load_rules(path: Path | str | None = None) -> list[Rule]:
    """Read and validate a rules CSV (default: the packaged table). Every problem, with row and column.

    Comma- or semicolon-separated (as spreadsheet programs save it), UTF-8 with or without BOM.
    Blank rows and rows whose id starts with '#' are skipped.
    """
    if path is None:
        text = resources.files("assistant.domain").joinpath(DEFAULT_RULES_RESOURCE).read_text("utf-8-sig")
        name = "eligibility_rules.csv"
    else:
        text = Path(path).read_text("utf-8-sig")
        name = Path(path).name
    return _rules_from_text(text, name)


def _rules_from_text(text: str, name: str) -> list[Rule]:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise RuleError([(1, c, "kolom tidak ada di header") for c in missing], name)
    issues: list[tuple[int | None, str | None, str]] = []
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for cells in reader:
        row = reader.line_num
        if not any(c.strip() for c in cells) or cells[0].strip().startswith("#"):
            continue
        values = {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(header)}
        try:
            hard = _parse_bool(values["hard"])
        except ValueError as exc:
            issues.append((row, "hard", str(exc)))
            hard = True
        rule_id = values["id"]
        if rule_id in seen:
            issues.append((row, "id", f"id {rule_id!r} sudah dipakai di baris {seen[rule_id]}"))
        seen.setdefault(rule_id, row)
        try:
            rule = Rule(
                id=rule_id,
                post_level=values["post_level"].lower(),
                condition=values["condition"].lower(),
                operator=values["operator"].lower(),
                value=values["value"],
                hard=hard,
                source=values.get("source", ""),
                description_id=values.get("description_id", ""),
                description_en=values.get("description_en", ""),
            )
        except RuleError as exc:
            issues.extend((row, column, message) for _, column, message in exc.issues)
            continue
        rules.append(rule)
    if issues:
        raise RuleError(issues, name)
    return rules


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    """The packaged rules table, read once."""
    return tuple(load_rules())


def rules_for(post_level: str, rules: Iterable[Rule]) -> list[Rule]:
    """The rules for one level, including the rows for every structural post, in table order."""
    level = _check_level(post_level)
    return [r for r in rules if r.post_level in (level, STRUKTURAL)]


def _check_level(post_level: str) -> str:
    if post_level not in POST_LEVELS:
        raise ValueError(f"post_level {post_level!r} tidak dikenal (pilihan: {', '.join(POST_LEVELS)})")
    return post_level


# ---- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleResult:
    rule_id: str
    status: str  # memenuhi | tidak memenuhi | perlu verifikasi
    detail_id: str
    detail_en: str
    # the record and year it rests on: "riwayat jabatan: Kepala Seksi ..., 2016-2023 (7,0 tahun)"
    evidence: str
    hard: bool
    condition: str = ""
    source: str = ""  # the clause the rule comes from
    description_id: str = ""
    description_en: str = ""
    gap_id: str = ""  # what is lacking, when the rule is not met
    gap_en: str = ""

    def detail(self, lang: str = "id") -> str:
        return self.detail_en if lang == "en" else self.detail_id


@dataclass(frozen=True)
class Eligibility:
    post_level: str
    status: str
    results: tuple[RuleResult, ...]
    nip: str = ""

    @property
    def hard_failures(self) -> list[RuleResult]:
        return [r for r in self.results if r.hard and r.status == TIDAK_MEMENUHI]

    @property
    def unverified(self) -> list[RuleResult]:
        """Hard rules that could not be checked (data missing)."""
        return [r for r in self.results if r.hard and r.status == PERLU_VERIFIKASI]

    @property
    def preferred_unmet(self) -> list[RuleResult]:
        return [r for r in self.results if not r.hard and r.status != MEMENUHI]

    def summary(self, lang: str = "id") -> str:
        """One line: the status for the level, with the first reasons."""
        label = level_label(self.post_level, lang)
        if self.status == MEMENUHI:
            return f"meets the requirements for {label}" if lang == "en" else f"memenuhi syarat {label}"
        if self.status == TIDAK_MEMENUHI:
            reasons = "; ".join(
                (r.gap_en if lang == "en" else r.gap_id) or r.detail(lang) for r in self.hard_failures[:3]
            )
            head = (
                f"does not meet the requirements for {label}"
                if lang == "en"
                else f"tidak memenuhi syarat {label}"
            )
            return f"{head}: {reasons}"
        reasons = "; ".join(r.detail(lang) for r in self.unverified[:3])
        head = (
            f"requirements for {label} need verification"
            if lang == "en"
            else f"syarat {label} perlu verifikasi"
        )
        return f"{head}: {reasons}"


def overall_status(results: Iterable[RuleResult]) -> str:
    hard = [r for r in results if r.hard]
    if any(r.status == TIDAK_MEMENUHI for r in hard):
        return TIDAK_MEMENUHI
    if any(r.status == PERLU_VERIFIKASI for r in hard):
        return PERLU_VERIFIKASI
    return MEMENUHI


def gaps(eligibility: Eligibility, lang: str = "id", preferred: bool = True) -> list[str]:
    """What the person still lacks for the post: failed hard rules, then unmet preferred ones."""
    out = [(r.gap_en if lang == "en" else r.gap_id) or r.detail(lang) for r in eligibility.hard_failures]
    if preferred:
        suffix = " (preferred)" if lang == "en" else " (diutamakan)"
        out += [
            ((r.gap_en if lang == "en" else r.gap_id) or r.detail(lang)) + suffix
            for r in eligibility.results
            if not r.hard and r.status == TIDAK_MEMENUHI
        ]
    return out


def to_verify(eligibility: Eligibility, lang: str = "id") -> list[str]:
    """What must be checked by hand before a decision (hard rules whose data is missing)."""
    return [r.detail(lang) for r in eligibility.unverified]


# ---- evaluation ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    status: str
    detail_id: str
    detail_en: str
    evidence: str = ""
    gap_id: str = ""
    gap_en: str = ""


def _met(detail_id: str, detail_en: str, evidence: str = "") -> _Outcome:
    return _Outcome(MEMENUHI, detail_id, detail_en, evidence)


def _unmet(gap_id: str, gap_en: str, evidence: str = "") -> _Outcome:
    return _Outcome(TIDAK_MEMENUHI, gap_id, gap_en, evidence, gap_id, gap_en)


def _verify(detail_id: str, detail_en: str, evidence: str = "") -> _Outcome:
    return _Outcome(PERLU_VERIFIKASI, detail_id, detail_en, evidence)


@dataclass(frozen=True)
class _Context:
    today: dt.date
    post_level: str


def evaluate(
    employee: Employee,
    post_level: str,
    rules: Sequence[Rule] | None = None,
    today: dt.date | None = None,
) -> Eligibility:
    """Check one person against the rules for a post level. Pure: ``today`` decides every date."""
    level = _check_level(post_level)
    ctx = _Context(today or dt.date.today(), level)
    results: list[RuleResult] = []
    for rule in rules_for(level, default_rules() if rules is None else rules):
        outcome = _CHECKS[rule.condition](employee, rule, ctx)
        results.append(
            RuleResult(
                rule_id=rule.id,
                status=outcome.status,
                detail_id=outcome.detail_id,
                detail_en=outcome.detail_en,
                evidence=outcome.evidence,
                hard=rule.hard,
                condition=rule.condition,
                source=rule.source,
                description_id=rule.description_id,
                description_en=rule.description_en or rule.description_id,
                gap_id=outcome.gap_id,
                gap_en=outcome.gap_en,
            )
        )
    return Eligibility(level, overall_status(results), tuple(results), employee.nip)


# -- golongan, pendidikan, kotak, SKP, diklat --


_STEPS_ID = {1: "satu", 2: "dua", 3: "tiga", 4: "empat"}
_STEPS_EN = {1: "one grade", 2: "two grades", 3: "three grades", 4: "four grades"}


def _golongan(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    need, need_rank = rule.parsed
    if not e.golongan:
        return _verify("data golongan tidak tersedia", "rank (golongan) data not available")
    try:
        gol = parse_golongan(e.golongan)
    except GolonganError:
        return _verify(f"golongan {e.golongan!r} tidak dikenali", f"rank {e.golongan!r} not recognised")
    rank = golongan_rank(gol)
    evidence = f"data kepangkatan: golongan {gol}" + (
        f" (TMT {e.tmt_golongan.year})" if e.tmt_golongan else ""
    )
    if rank is None:
        return _verify(
            f"golongan {gol} (PPPK) tidak dapat dibandingkan dengan golongan PNS {need}",
            f"rank {gol} (PPPK) cannot be compared with civil-service rank {need}",
            evidence,
        )
    if rank >= need_rank:
        return _met(f"golongan {gol}, minimal {need}", f"rank {gol}, at least {need} required", evidence)
    short = need_rank - rank
    return _unmet(
        f"golongan {gol}, kurang {_STEPS_ID.get(short, str(short))} tingkat dari {need}",
        f"rank {gol}, {_STEPS_EN.get(short, f'{short} grades')} short of {need}",
        evidence,
    )


def _jenjang_label(j: Jenjang) -> str:
    return {Jenjang.S1: "S1/D-IV", Jenjang.D4: "S1/D-IV", Jenjang.D3: "D-III"}.get(j, j.value)


def _pendidikan(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    need: Jenjang = rule.parsed
    top = e.pendidikan_tertinggi()
    if top is None or top.jenjang is None:
        return _verify("data pendidikan tidak tersedia", "education data not available")
    core = " ".join(x for x in (top.jenjang.value, top.jurusan) if x)
    where = ", ".join(x for x in (core, top.institusi) if x)
    evidence = f"riwayat pendidikan: {where}" + (f" ({top.tahun_lulus})" if top.tahun_lulus else "")
    label = _jenjang_label(need)
    if top.jenjang.rank >= need.rank:
        return _met(
            f"pendidikan {top.jenjang.value}, minimal {label}",
            f"education {top.jenjang.value}, at least {label}",
            evidence,
        )
    if any(p.jenjang is None for p in e.pendidikan):
        return _verify(
            f"pendidikan tercatat {top.jenjang.value}; jenjang sebagian riwayat pendidikan tidak tercatat",
            f"education recorded {top.jenjang.value}; level of some education records missing",
            evidence,
        )
    return _unmet(
        f"pendidikan {top.jenjang.value}, syarat minimal {label}",
        f"education {top.jenjang.value}; at least {label} required",
        evidence,
    )


def _cells_text(cells: Iterable[int], word: str) -> str:
    items = [str(c) for c in sorted(cells)]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _kotak(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    allowed: frozenset[int] = rule.parsed
    placement = place_employee(e)
    need_id, need_en = _cells_text(allowed, "atau"), _cells_text(allowed, "or")
    if placement.cell is None:
        return _verify(
            "kotak talenta belum ada (SKP atau asesmen potensi tidak tersedia)",
            "no 9-box cell (SKP or potential assessment missing)",
        )
    how = "ekspor" if placement.source == "ekspor" else "dihitung: " + "; ".join(placement.reasons)
    evidence = f"kotak talenta {placement.cell} ({how})"
    if placement.cell in allowed:
        return _met(
            f"kotak talenta {placement.cell} (syarat kotak {need_id})",
            f"9-box cell {placement.cell} (cell {need_en} required)",
            evidence,
        )
    return _unmet(
        f"kotak talenta {placement.cell}, syarat kotak {need_id}",
        f"9-box cell {placement.cell}; cell {need_en} required",
        evidence,
    )


def _skp(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    need, n = rule.parsed
    rated: dict[int, Predikat] = {}
    for s in e.skp:
        if s.predikat is not None and s.tahun <= ctx.today.year:
            worst = rated.get(s.tahun)  # several rows a year (semesters): the lowest counts
            rated[s.tahun] = (
                s.predikat if worst is None or _predikat_rank(s.predikat) < _predikat_rank(worst) else worst
            )
    if not e.skp:
        return _verify("data SKP tidak tersedia", "no SKP (performance) data")
    latest = max(rated, default=0)
    last = latest if latest >= ctx.today.year - 1 else ctx.today.year - 1
    years = list(range(last - n + 1, last + 1))
    span = f"{years[0]}-{years[-1]}" if n > 1 else str(years[0])
    present = [(y, rated[y]) for y in years if y in rated]
    evidence = "; ".join(f"SKP {y}: {p.value}" for y, p in present)
    low = [(y, p) for y, p in present if _predikat_rank(p) < _predikat_rank(need)]
    if low:
        listing = ", ".join(f"SKP {y} {p.value}" for y, p in low)
        return _unmet(
            f"{listing}; syarat minimal {need.value} pada {n} tahun terakhir ({span})",
            f"{listing}; at least {need.value} required in the last {n} years ({span})",
            evidence,
        )
    missing = [y for y in years if y not in rated]
    if missing:
        listing = ", ".join(str(y) for y in missing)
        return _verify(
            f"predikat SKP {listing} tidak tersedia", f"SKP rating for {listing} not available", evidence
        )
    return _met(f"SKP minimal {need.value} pada {span}", f"SKP at least {need.value} in {span}", evidence)


def _norm_training(name: str) -> str:
    """Lower case, words only: 'Diklatpim' split, 'Tk.' as 'tingkat', 1-4 as roman, 'PIM Tingkat IV' as 'PIM IV'."""
    text = name.lower().replace("diklatpim", "diklat pim")
    words = re.findall(r"[a-z0-9]+", text)
    roman = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "tk": "tingkat"}
    text = " ".join(roman.get(w, w) for w in words)
    return re.sub(r"\b(pim|pkn) tingkat\b", r"\1", text)  # 'PIM Tingkat IV' is 'PIM IV'


def _diklat(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    terms: tuple[tuple[str, str], ...] = rule.parsed
    label = terms[0][0]
    if not e.diklat:
        return _verify("data diklat tidak tersedia", "no training (diklat) data")
    for d in e.diklat:
        if d.predikat and re.search(r"\b(tidak|belum)\s+lulus\b", d.predikat, re.I):
            continue
        name = f" {_norm_training(d.nama)} "
        if any(f" {norm} " in name for _, norm in terms):
            year = f" ({d.tahun})" if d.tahun else ""
            evidence = f"diklat: {d.nama}{year}"
            return _met(f"telah mengikuti {d.nama}{year}", f"completed {d.nama}{year}", evidence)
    return _unmet(f"belum mengikuti {label}", f"has not completed {label}", "diklat: tidak ada yang sesuai")


# -- positions: years per kind of post --


_JF_AHLI = re.compile(r"\bahli\s+(pertama|muda|madya|utama)\b", re.I)
_JF_TERAMPIL = re.compile(r"\b(pemula|terampil|mahir|penyelia)\b", re.I)
_AHLI_RANK = {"pertama": 1, "muda": 2, "madya": 3, "utama": 4}
# Functional post names (JF) written without their level.
_JF_NAME = re.compile(
    r"^\s*(?:penyuluh|perawat|bidan|dokter|guru|dosen|auditor|pranata|epidemiolog|pengawas\s+(?!lapangan)\w+|"
    r"perencana|arsiparis|pustakawan|statistisi|widyaiswara|apoteker|sanitarian|nutrisionis|pamong\s+belajar|"
    r"pengantar\s+kerja|perancang|penilik|pemeriksa|fisioterapis|radiografer|perekam\s+medis|psikolog|"
    r"administrator\s+kesehatan|analis\s+kebijakan|medik\s+veteriner|paramedik\s+veteriner|surveyor|"
    r"penata\s+ruang|polisi\s+pamong\s+praja|pemadam\s+kebakaran|asesor|assessor)\b",
    re.I,
)
_PELAKSANA = re.compile(
    r"^\s*(?:pelaksana|staf(?!\s+ahli)|pengadministrasi|pengelola|pengolah|penyusun|analis|verifikator|bendahara|"
    r"teknisi|juru|operator|pengemudi|pramu|caraka)\b",
    re.I,
)
# A title that may still be structural ("Kepala ..." in a form not recognised): type unknown.
_MAYBE_STRUCTURAL = re.compile(
    r"^\s*(?:kepala|sekretaris|direktur|wakil|asisten|staf\s+ahli|inspektur|plt|plh|pj)\b", re.I
)
NONSTRUKTURAL = "nonstruktural"  # pelaksana or JF, the record does not say which
_LEVEL_TO_KIND = {"pengawas": "pengawas", "administrator": "administrator", "jpt_pratama": "jpt"}
_KIND_RANK = {"pengawas": 1, "administrator": 2, "jpt": 3}


def _kind_from_eselon(eselon: str | None) -> str | None:
    if not eselon:
        return None
    text = re.sub(r"(?i)eselon", "", eselon).strip().upper()
    m = re.match(r"(IV|III|II|I|V|[1-5])(?![IV])", text)
    if not m:
        return None
    return {
        "I": "jpt",
        "1": "jpt",
        "II": "jpt",
        "2": "jpt",
        "III": "administrator",
        "3": "administrator",
    }.get(m.group(1), "pengawas")


def _kind(title: str | None, jenis: JenisJabatan | None, eselon: str | None) -> str | None:
    """jpt / administrator / pengawas / fungsional / pelaksana: recorded type, else eselon, else title.

    A title with no structural form and no clue either way is ``nonstruktural`` (pelaksana or JF);
    None when even that cannot be told.
    """
    if jenis is not None:
        return jenis.value
    by_eselon = _kind_from_eselon(eselon)
    if by_eselon:
        return by_eselon
    if not title:
        return None
    level = level_of_title(title)
    if level:
        return _LEVEL_TO_KIND[level]
    if _JF_AHLI.search(title) or _JF_TERAMPIL.search(title) or _JF_NAME.search(title):
        return "fungsional"
    if _PELAKSANA.search(title):
        return "pelaksana"
    if _MAYBE_STRUCTURAL.search(title):
        return None
    return NONSTRUKTURAL


@dataclass(frozen=True)
class _Position:
    title: str
    kind: str | None
    ahli: int | None  # JF ahli level 1..4 when named in the title
    terampil: bool
    start: dt.date | None
    end: dt.date | None  # exclusive; None when the start is unknown
    open: bool  # still held

    def label(self) -> str:
        if self.start is None:
            return f"{self.title} (TMT tidak tercatat)"
        span = f"{self.start.year}-{'sekarang' if self.open else (self.end - dt.timedelta(days=1)).year if self.end else '?'}"
        years = _years_between(self.start, self.end) if self.end else 0.0
        return f"{self.title}, {span} ({_fmt_years(years)})"


def _position(title: str, jenis: JenisJabatan | None, eselon: str | None, start: dt.date | None,
              stop: dt.date | None, today: dt.date) -> _Position:  # fmt: skip
    kind = _kind(title, jenis, eselon)
    m = _JF_AHLI.search(title or "")
    end: dt.date | None = None
    if start is not None:
        end = min(stop + dt.timedelta(days=1), today) if stop else today  # tmt_selesai is the last day held
        end = max(end, start)
    return _Position(
        title or "(jabatan tanpa nama)",
        kind,
        _AHLI_RANK[m.group(1).lower()] if m else None,
        bool(_JF_TERAMPIL.search(title or "")),
        start,
        end,
        stop is None,
    )


def _positions(e: Employee, today: dt.date) -> list[_Position]:
    rows = [
        _position(r.jabatan, r.jenis_jabatan, r.eselon, r.tmt_mulai, r.tmt_selesai, today)
        for r in e.riwayat_jabatan
        if r.tmt_mulai is None or r.tmt_mulai <= today
    ]
    has_open = any(r.tmt_selesai is None for r in e.riwayat_jabatan)
    latest = max((r.tmt_mulai for r in e.riwayat_jabatan if r.tmt_mulai), default=None)
    current_missing = not rows or (
        not has_open and e.tmt_jabatan and (latest is None or e.tmt_jabatan > latest)
    )
    if e.jabatan and current_missing and (e.tmt_jabatan is None or e.tmt_jabatan <= today):
        rows.append(_position(e.jabatan, e.jenis_jabatan, e.eselon, e.tmt_jabatan, None, today))
    return rows


def _matches(pos: _Position, kind: str) -> bool | None:
    """Does a post count as this kind? None when the record cannot tell."""
    if pos.kind is None:
        return None
    if pos.kind == NONSTRUKTURAL:
        return None if kind in ("pelaksana", "fungsional") or kind.startswith("ahli_") else False
    if kind.startswith("ahli_"):
        if pos.kind != "fungsional":
            return False
        if pos.ahli is None:
            return False if pos.terampil else None
        return pos.ahli >= _AHLI_RANK[kind.removeprefix("ahli_")]
    return pos.kind == kind


def _counts(pos: _Position, kinds: Sequence[str]) -> bool | None:
    """Does a post count for any of these kinds? None when the record cannot tell."""
    if pos.kind == NONSTRUKTURAL and {"pelaksana", "fungsional"} <= set(kinds):
        return True  # one or the other, and both count
    answers = [_matches(pos, k) for k in kinds]
    if any(answers):
        return True
    return None if any(a is None for a in answers) else False


# Half a year is 181-184 days: comparisons and display allow two days of slack, so a post held
# 2019-01-01 to 2022-06-30 counts (and shows) as 3.5 years.
_YEAR_SLACK = 0.005


def _years_between(start: dt.date, end: dt.date) -> float:
    """Calendar years from start to end (exclusive): whole years, then the rest in days / 365."""
    if end <= start:
        return 0.0
    whole = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    anchor = _add_years(start, whole)
    return whole + (end - anchor).days / 365.0


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _union_years(spans: Iterable[tuple[dt.date, dt.date]]) -> float:
    merged: list[list[dt.date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return sum(_years_between(s, e) for s, e in merged)


def _fmt_years(years: float, lang: str = "id") -> str:
    shown = int((years + _YEAR_SLACK) * 10) / 10  # floored: 2.97 years is never shown as 3.0
    if lang == "en":
        return f"{shown:.1f} years"
    return f"{shown:.1f}".replace(".", ",") + " tahun"


def _fmt_short(years: float, lang: str = "id") -> str:
    """A shortfall, rounded up: in months under a year ('2 bulan'), else in years."""
    months = max(1, math.ceil((years - _YEAR_SLACK) * 12))
    if months < 12:
        return f"{months} months" if lang == "en" else f"{months} bulan"
    shown = math.ceil((years - _YEAR_SLACK) * 10) / 10
    return f"{shown:.1f} years" if lang == "en" else f"{shown:.1f}".replace(".", ",") + " tahun"


def _fmt_need(years: float, lang: str = "id") -> str:
    text = f"{years:g}"
    return f"{text} years" if lang == "en" else f"{text.replace('.', ',')} tahun"


def _listing(positions: Sequence[_Position], limit: int = 4) -> str:
    items = [p.label() for p in positions[:limit]]
    if len(positions) > limit:
        items.append(f"dan {len(positions) - limit} jabatan lain")
    return "riwayat jabatan: " + "; ".join(items) if items else ""


_KIND_LABEL = {
    "jpt": ("JPT", "JPT (senior executive)"),
    "administrator": ("administrator", "administrator"),
    "pengawas": ("pengawas", "supervisor (pengawas)"),
    "pelaksana": ("pelaksana", "staff (pelaksana)"),
    "fungsional": ("jabatan fungsional", "functional post"),
    "ahli_pertama": ("JF ahli pertama ke atas", "functional post, ahli pertama or higher"),
    "ahli_muda": ("JF ahli muda ke atas", "functional post, ahli muda or higher"),
    "ahli_madya": ("JF ahli madya ke atas", "functional post, ahli madya or higher"),
    "ahli_utama": ("JF ahli utama", "functional post, ahli utama"),
}


def _kinds_label(kinds: Sequence[str], lang: str) -> str:
    labels = [_KIND_LABEL[k][1 if lang == "en" else 0] for k in kinds]
    word = " or " if lang == "en" else " atau "
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + word + labels[-1]


def _pengalaman_jabatan(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    kinds, need = rule.parsed
    positions = _positions(e, ctx.today)
    what_id, what_en = _kinds_label(kinds, "id"), _kinds_label(kinds, "en")
    if not positions:
        return _verify("data riwayat jabatan tidak tersedia", "no position history")
    counted = [p for p in positions if _counts(p, kinds)]
    unclear = [p for p in positions if _counts(p, kinds) is None]
    undated = [p for p in counted if p.start is None]
    years = _union_years((p.start, p.end) for p in counted if p.start and p.end)
    evidence = _listing(counted) or "riwayat jabatan: tidak ada jabatan " + what_id
    if years + _YEAR_SLACK >= need:
        return _met(
            f"{_fmt_years(years)} sebagai {what_id} (syarat {_fmt_need(need)})",
            f"{_fmt_years(years, 'en')} as {what_en} ({_fmt_need(need, 'en')} required)",
            evidence,
        )
    possible = years + sum(_years_between(p.start, p.end) for p in unclear if p.start and p.end)
    if undated or any(p.start is None for p in unclear) or possible + _YEAR_SLACK >= need:
        names = "; ".join(p.title for p in (undated + unclear)[:3])
        return _verify(
            f"{_fmt_years(years)} tercatat sebagai {what_id}; jenis atau TMT jabatan belum jelas: {names}",
            f"{_fmt_years(years, 'en')} recorded as {what_en}; type or dates unclear for: {names}",
            _listing(counted + unclear) or evidence,
        )
    short = need - years
    if not counted:
        return _unmet(
            f"belum pernah menduduki jabatan {what_id} (syarat {_fmt_need(need)})",
            f"has never held a post as {what_en} ({_fmt_need(need, 'en')} required)",
            evidence,
        )
    return _unmet(
        f"pengalaman sebagai {what_id} {_fmt_years(years)}, kurang {_fmt_short(short)} dari {_fmt_need(need)}",
        f"{_fmt_years(years, 'en')} as {what_en}, {_fmt_short(short, 'en')} short of {_fmt_need(need, 'en')}",
        evidence,
    )


def _pengalaman_bidang(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    need: float = rule.parsed
    positions = _positions(e, ctx.today)
    dated = [p for p in positions if p.start and p.end]
    if not positions:
        return _verify("data riwayat jabatan tidak tersedia", "no position history")
    years = _union_years((p.start, p.end) for p in dated if p.start and p.end)
    first = min((p.start for p in dated if p.start), default=None)
    evidence = (
        f"riwayat jabatan: {len(dated)} jabatan sejak {first.year}, {_fmt_years(years)}"
        if first
        else _listing(positions)
    )
    note_id = "kesesuaian bidang dinilai panitia seleksi"
    note_en = "relevance of the field is judged by the selection committee"
    if years + _YEAR_SLACK >= need:
        return _met(
            f"pengalaman jabatan {_fmt_years(years)} (syarat {_fmt_need(need)}; {note_id})",
            f"{_fmt_years(years, 'en')} in posts ({_fmt_need(need, 'en')} required; {note_en})",
            evidence,
        )
    if len(dated) < len(positions):
        return _verify(
            f"pengalaman jabatan tercatat {_fmt_years(years)}; TMT sebagian jabatan tidak tercatat",
            f"{_fmt_years(years, 'en')} recorded; dates of some posts missing",
            evidence,
        )
    short = need - years
    return _unmet(
        f"pengalaman jabatan {_fmt_years(years)}, kurang {_fmt_short(short)} dari {_fmt_need(need)}",
        f"{_fmt_years(years, 'en')} in posts, {_fmt_short(short, 'en')} short of {_fmt_need(need, 'en')}",
        evidence,
    )


def _masa_jabatan(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    need: float = rule.parsed
    open_rows = [r for r in e.riwayat_jabatan if r.tmt_selesai is None]
    current_row = max(open_rows, key=lambda r: r.tmt_mulai or dt.date.min) if open_rows else None
    title = e.jabatan or (current_row.jabatan if current_row else None)
    if title is None and e.jenis_jabatan is None:
        return _verify("data jabatan saat ini tidak tersedia", "current post not recorded")
    kind = _kind(title, e.jenis_jabatan, e.eselon)
    if kind is None and current_row is not None:
        kind = _kind(current_row.jabatan, current_row.jenis_jabatan, current_row.eselon)
    name = title or kind or ""
    target = _LEVEL_TO_KIND[ctx.post_level]
    if kind is None:
        return _verify(
            f"jenis jabatan saat ini ({name}) tidak dapat ditentukan",
            f"type of current post ({name}) unknown",
        )
    if kind not in _KIND_RANK:
        return _met(
            f"tidak berlaku: jabatan saat ini ({name}) bukan jabatan struktural",
            f"not applicable: current post ({name}) is not structural",
            f"jabatan saat ini: {name}",
        )
    if _KIND_RANK[kind] != _KIND_RANK[target] - 1:
        return _met(
            f"tidak berlaku: bukan promosi satu tingkat ({kind} ke {target})",
            f"not applicable: not a one-level promotion ({kind} to {target})",
            f"jabatan saat ini: {name}",
        )
    start = e.tmt_jabatan
    if start is None and current_row is not None and (not e.jabatan or current_row.jabatan == e.jabatan):
        start = current_row.tmt_mulai
    if start is None:
        return _verify(
            f"TMT jabatan saat ini ({name}) tidak tersedia",
            f"start date of the current post ({name}) missing",
        )
    years = _years_between(start, ctx.today)
    evidence = f"jabatan saat ini: {name}, sejak {start.year} ({_fmt_years(years)})"
    if years + _YEAR_SLACK >= need:
        return _met(
            f"{_fmt_years(years)} pada jabatan {name} (syarat {_fmt_need(need)} untuk promosi satu tingkat)",
            f"{_fmt_years(years, 'en')} in the post {name} ({_fmt_need(need, 'en')} required for a one-level promotion)",
            evidence,
        )
    return _unmet(
        f"baru {_fmt_years(years)} pada jabatan {name} (sejak {start.year}), syarat {_fmt_need(need)} untuk promosi satu tingkat",
        f"only {_fmt_years(years, 'en')} in the post {name} (since {start.year}); {_fmt_need(need, 'en')} required for a one-level promotion",
        evidence,
    )


# -- age (JPT only) and discipline --


def _usia(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    limit: int = rule.parsed
    born = e.tanggal_lahir  # the only read of the birth date in this module
    if born is None:
        return _verify("data tanggal lahir tidak tersedia", "date of birth not available")
    age = ctx.today.year - born.year - ((ctx.today.month, ctx.today.day) < (born.month, born.day))
    evidence = f"data identitas: usia {age} tahun pada {ctx.today.isoformat()}"
    if age <= limit:
        return _met(f"usia {age} tahun, batas {limit} tahun", f"age {age}, limit {limit}", evidence)
    return _unmet(
        f"usia {age} tahun, melebihi batas {limit} tahun", f"age {age}, above the limit of {limit}", evidence
    )


_TINGKAT_EN = {
    TingkatDisiplin.RINGAN: "light",
    TingkatDisiplin.SEDANG: "medium",
    TingkatDisiplin.BERAT: "heavy",
}
_LONGEST_SANCTION = 1  # years: sedang / berat sanctions run at most 12 months (PP 94/2021)


def _words(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _tingkat_names(levels: frozenset[TingkatDisiplin]) -> tuple[str, str]:
    """'sedang atau berat' / 'medium or heavy'; empty when every level counts."""
    chosen = [t for t in TingkatDisiplin if t in levels]
    if len(chosen) == len(TingkatDisiplin):
        return "", ""
    return " atau ".join(t.value for t in chosen), " or ".join(_TINGKAT_EN[t] for t in chosen)


def _hukuman(e: Employee, rule: Rule, ctx: _Context) -> _Outcome:
    levels, years = rule.parsed
    today = ctx.today
    since = _add_years(today, -int(years)) - dt.timedelta(days=round((years % 1) * 365))
    names_id, names_en = _tingkat_names(levels)
    if years:
        window_id, window_en = f"dalam {_fmt_need(years)} terakhir", f"in the last {_fmt_need(years, 'en')}"
    else:
        window_id, window_en = "yang sedang berjalan", "currently in force"
    relevant = [h for h in e.hukuman_disiplin if h.tingkat in levels]
    if not e.hukuman_disiplin:
        return _met(
            _words("tidak ada catatan hukuman disiplin", names_id, window_id),
            _words("no", names_en, "disciplinary sanction on record", window_en),
            "riwayat hukuman disiplin: tidak ada catatan",
        )
    unclear: list[_Outcome] = []
    for h in sorted(relevant, key=lambda h: h.tmt_mulai or h.tmt_selesai or dt.date.min, reverse=True):
        if h.tmt_mulai is None and h.tmt_selesai is None:
            unclear.append(
                _verify(
                    f"hukuman disiplin {h.tingkat.value} tanpa tanggal",
                    f"{_TINGKAT_EN[h.tingkat]} disciplinary sanction without dates",
                    f"hukuman disiplin: {h.tingkat.value}, tanggal tidak tercatat",
                )
            )
            continue
        start = h.tmt_mulai or h.tmt_selesai or today
        end = h.tmt_selesai or (start if h.tingkat == TingkatDisiplin.RINGAN else None)
        if start > today:
            continue
        period = f"{start.isoformat()} s.d. {end.isoformat() if end else '?'}"
        evidence = (
            f"hukuman disiplin: {h.tingkat.value}" + (f" ({h.jenis})" if h.jenis else "") + f", {period}"
        )
        if start >= since or (end is not None and end >= since):
            return _unmet(
                f"hukuman disiplin {h.tingkat.value} ({period}) {window_id}",
                f"{_TINGKAT_EN[h.tingkat]} disciplinary sanction ({period}) {window_en}",
                evidence,
            )
        if end is None and _add_years(start, _LONGEST_SANCTION) >= since:
            unclear.append(
                _verify(
                    f"hukuman disiplin {h.tingkat.value} sejak {start.isoformat()}: tanggal selesai tidak tercatat",
                    f"{_TINGKAT_EN[h.tingkat]} sanction since {start.isoformat()}: end date not recorded",
                    evidence,
                )
            )
    if unclear:
        return unclear[0]
    listed = "; ".join(
        f"{h.tingkat.value} {h.tmt_mulai.year if h.tmt_mulai else '?'}" for h in e.hukuman_disiplin
    )
    return _met(
        _words("tidak ada hukuman disiplin", names_id, window_id),
        _words("no", names_en, "disciplinary sanction", window_en),
        f"riwayat hukuman disiplin: {listed}",
    )


_CHECKS: dict[str, Callable[[Employee, Rule, _Context], _Outcome]] = {
    "golongan": _golongan,
    "pendidikan": _pendidikan,
    "kotak_talenta": _kotak,
    "skp_predikat_tahun_terakhir": _skp,
    "diklat_kepemimpinan": _diklat,
    "pengalaman_jabatan_tahun": _pengalaman_jabatan,
    "pengalaman_bidang_tahun": _pengalaman_bidang,
    "masa_jabatan_saat_ini_tahun": _masa_jabatan,
    "usia_maks": _usia,
    "hukuman_disiplin": _hukuman,
}
