"""The second held-out structured set (set B): its shape, and a few answers recomputed from the files.

Fast: generates a 300-employee regency with its score sheet (no ingest, no model, no talenta subprocess).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from bench.structured import SETS, Answer, command_line, grade, render_section
from bench.structured_set import SCORE_SHEET, Question, Records, generate, summary
from bench.structured_set_b import DEFAULT_SEED, SECTION, build_questions, load_records

EMPLOYEES, SEED = 300, DEFAULT_SEED


@pytest.fixture(scope="module")
def regency(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("setb") / "regency", employees=EMPLOYEES, seed=SEED)


@pytest.fixture(scope="module")
def questions(regency) -> dict[str, Question]:
    return {q.id: q for q in build_questions(load_records(regency))}


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _sheet_scores(folder: Path) -> dict[str, float]:
    """NIP -> Nilai Akhir, read straight from the XLSX (rows with an 18-digit NIP under the header)."""
    from openpyxl import load_workbook

    ws = load_workbook(folder / SCORE_SHEET, read_only=True, data_only=True).worksheets[0]
    out: dict[str, float] = {}
    for values in ws.iter_rows(values_only=True):
        cells = ["" if v is None else str(v) for v in values]
        if len(cells) >= 5 and re.fullmatch(r"\d{18}", cells[1]):
            out[cells[1]] = float(cells[4])
    return out


# ---- the set as a whole -------------------------------------------------------------------------------


def test_ids_are_unique_prefixed_and_never_collide_with_set_a(questions):
    qs = list(questions.values())
    assert len({q.id for q in qs}) == len(qs)
    assert all(re.fullmatch(r"b[clgsp]\d\d", q.id) for q in qs)
    assert all(q.id[1] == {"count": "c", "list": "l", "group": "g", "superlative": "s", "protected": "p"}[q.kind]
               for q in qs)  # fmt: skip
    assert len({q.question for q in qs}) == len(qs)
    assert all(q.note and q.question for q in qs)


def test_kind_and_language_split(questions):
    qs = list(questions.values())
    assert 75 <= len(qs) <= 85
    kinds = Counter(q.kind for q in qs)
    assert 24 <= kinds["count"] <= 32 and 18 <= kinds["list"] <= 26 and 10 <= kinds["group"] <= 14
    assert 5 <= kinds["superlative"] <= 8 and 10 <= kinds["protected"] <= 14
    n_id = sum(q.language == "id" for q in qs)
    assert 0.6 <= n_id / len(qs) <= 0.72
    per = summary(qs)
    assert all(per[(kind, lang)] > 0 for kind in kinds for lang in ("id", "en"))


def test_expected_values_have_the_right_types(questions):
    lists = [q for q in questions.values() if q.kind == "list"]
    for q in questions.values():
        if q.kind == "count":
            assert isinstance(q.expected, int) and not isinstance(q.expected, bool) and q.expected >= 0, q.id
        elif q.kind in ("list", "superlative"):
            assert isinstance(q.expected, frozenset) and all(isinstance(n, str) for n in q.expected), q.id
        elif q.kind == "group":
            assert isinstance(q.expected, dict) and q.expected, q.id
            assert all(isinstance(k, str) and isinstance(v, int) and v > 0 for k, v in q.expected.items()), (
                q.id
            )
        else:
            assert q.expected is None, q.id
    # at 2,000 employees every list is non-empty; at 300 a few small ones may be empty
    assert sum(bool(q.expected) for q in lists) >= 0.75 * len(lists)
    assert all(q.expected for q in questions.values() if q.kind == "superlative")


def test_build_questions_needs_the_diklat_rows(regency):
    with pytest.raises(TypeError):
        build_questions(Records([]))


# ---- answers recomputed straight from the files ------------------------------------------------------------


def test_unit_and_golongan_counts_equal_direct_counts(regency, questions):
    pegawai = _rows(regency, "pegawai.csv")
    assert questions["bc03"].expected == sum(r["unit_kerja"].startswith("Puskesmas ") for r in pegawai)
    capil = [r for r in pegawai if r["unit_kerja"] == "Dinas Kependudukan dan Pencatatan Sipil"]
    assert questions["bc05"].expected == sum(
        r["golongan"] in ("III/a", "III/b", "III/c", "III/d") for r in capil
    )
    structural = [r for r in pegawai if r["jenis_jabatan"] in ("jpt", "administrator", "pengawas")]
    assert questions["bg07"].expected == dict(Counter(r["eselon"] for r in structural))


def test_training_by_name_comes_from_diklat_csv(regency, questions):
    diklat = _rows(regency, "diklat.csv")
    unit = {r["nip"]: r["unit_kerja"] for r in _rows(regency, "pegawai.csv")}
    btcls = {r["nip"] for r in diklat if "BTCLS" in r["nama_diklat"]}
    assert questions["bc13"].expected == len(btcls)
    sipd = {r["nip"] for r in diklat if "(SIPD)" in r["nama_diklat"]}
    assert questions["bl03"].expected == {
        n for n in sipd if unit[n] == "Badan Pengelolaan Keuangan dan Aset Daerah"
    }
    pkp_2024 = {r["nip"] for r in diklat if "(PKP)" in r["nama_diklat"] and r["tahun"] == "2024"}
    assert questions["bc20"].expected == len(pkp_2024)


def test_retirement_window_recomputed_from_birth_dates(regency, questions):
    def bup(row: dict[str, str]) -> int:
        if row["jenis_jabatan"] == "jpt":
            return 60
        if row["jenis_jabatan"] == "fungsional" and "Ahli Utama" in row["jabatan"]:
            return 65
        return 60 if row["jenis_jabatan"] == "fungsional" and "Ahli Madya" in row["jabatan"] else 58

    years = {
        r["nip"]: dt.date.fromisoformat(r["tanggal_lahir"]).year + bup(r)
        for r in _rows(regency, "pegawai.csv")
    }
    assert questions["bl06"].expected == {n for n, y in years.items() if 2026 <= y <= 2028}
    assert questions["bc17"].expected == sum(2028 <= y <= 2030 for y in years.values())


def test_score_sheet_questions_come_from_the_xlsx(regency, questions):
    scores = _sheet_scores(regency)
    assert len(scores) == 120
    assert questions["bc14"].expected == sum(v >= 8 for v in scores.values())
    assert questions["bl19"].expected == {n for n, v in scores.items() if v == 9}
    assert questions["bs04"].expected == {n for n, v in scores.items() if v == min(scores.values())}
    assert sum(questions["bg06"].expected.values()) == 120  # type: ignore[union-attr]


# ---- the runner's --set b -----------------------------------------------------------------------------------


def test_runner_knows_set_b_and_writes_its_own_section(questions):
    assert SETS["b"].seed == 3141 and SETS["b"].section == SECTION != SETS["a"].section
    assert SETS["a"].seed == 2027
    args = argparse.Namespace(set="b", employees=2000, seed=3141, limit=3000, workers=2)
    assert "--set b --employees 2000 --seed 3141" in command_line(args)
    assert "--set" not in command_line(
        argparse.Namespace(set="a", employees=2000, seed=2027, limit=3000, workers=2)
    )
    graded = [grade(q, Answer({"status": "declined"})) for q in questions.values()]
    meta = {"command": "cmd", "date": "2026-01-01", "commit": "abc", "minutes": 1.0, "ingest_s": 3.0, "ingest_rc": 0,
            "median_ask_s": 2.0, "workers": 2, "employees": EMPLOYEES, "seed": SEED, "limit": 3000,
            "participants": 120, "section": SETS["b"].section, "source": SETS["b"].source}  # fmt: skip
    text = render_section(graded, meta)
    assert text.startswith(SECTION + "\n") and "bench/structured_set_b.py" in text and "\n## " not in text
