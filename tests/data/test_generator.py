"""The demo-data generator: determinism, valid and plausible records, and Talenta's import format."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from assistant.domain.golongan import golongan_rank
from assistant.domain.models import Employee, JenisJabatan, Predikat
from assistant.domain.nine_box import place_employee
from assistant.domain.nip import validate_nip
from data.generator import FIELDS, OPDS, REFERENCE_DATE, TABLE_NAMES, Regency, generate_regency, write_demo
from data.generator.__main__ import SAMPLE_DIR, SAMPLE_EMPLOYEES, SAMPLE_SEED, write_sample
from data.generator.catalog import BLOCKED_NAMES
from data.generator.export import PERSONAL_COLUMNS, table_columns
from ingest.schema import TABLES, is_sensitive

N = 400
SEED = 42
REQUIRED_FIELDS = {
    "perikanan", "kesehatan", "keuangan", "teknologi_informasi", "pendidikan", "pertanian", "pekerjaan_umum",
    "lingkungan_hidup", "perhubungan", "sosial", "kependudukan", "perencanaan", "kepegawaian", "pengawasan",
    "ketertiban", "kebencanaan", "penanaman_modal", "pemerintahan", "hukum",
}  # fmt: skip


@pytest.fixture(scope="module")
def regency() -> Regency:
    return generate_regency(N, SEED)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, regency: Regency) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("demo")
    dirs = {fmt: root / fmt for fmt in ("csv", "xlsx", "jsonl")}
    for fmt, path in dirs.items():
        write_demo(regency, path, fmt)  # type: ignore[arg-type]
    return dirs


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- determinism -----------------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    for fmt in ("csv", "xlsx", "jsonl"):
        a, b = tmp_path / f"a-{fmt}", tmp_path / f"b-{fmt}"
        write_demo(generate_regency(150, 7), a, fmt)  # type: ignore[arg-type]
        write_demo(generate_regency(150, 7), b, fmt)  # type: ignore[arg-type]
        assert _files(a) == _files(b), fmt


def test_different_seed_differs(regency: Regency) -> None:
    other = generate_regency(N, SEED + 1)
    assert [e.nip for e in other.employees] != [e.nip for e in regency.employees]
    assert {e.nama for e in other.employees} != {e.nama for e in regency.employees}


def test_committed_sample_is_reproducible(tmp_path: Path) -> None:
    """data/sample is exactly what `python -m data.generator --sample` writes (regenerate it if this fails)."""
    write_sample(tmp_path)
    for rel, content in _files(tmp_path).items():
        committed = SAMPLE_DIR / rel
        assert committed.exists(), f"missing {committed}"
        assert committed.read_bytes() == content, f"{committed} is stale"
    assert SAMPLE_EMPLOYEES == 300 and SAMPLE_SEED == 42


# --- records -----------------------------------------------------------------------------------------


def test_every_employee_validates(regency: Regency) -> None:
    assert len(regency.employees) == N
    for e in regency.employees:
        assert isinstance(e, Employee)
        assert Employee.model_validate(e.model_dump()) == e


def test_nips_unique_valid_and_consistent(regency: Regency) -> None:
    nips = [e.nip for e in regency.employees]
    assert len(set(nips)) == len(nips)
    for e in regency.employees:
        assert validate_nip(e.nip) == e.nip
        assert e.tanggal_lahir is not None and e.tmt_cpns is not None
        assert e.nip[:8] == e.tanggal_lahir.strftime("%Y%m%d")
        assert e.nip[8:14] == e.tmt_cpns.strftime("%Y%m")
        assert e.nip[14] == {"L": "1", "P": "2"}[e.jenis_kelamin or ""]
        age = REFERENCE_DATE.year - e.tanggal_lahir.year - (
            (REFERENCE_DATE.month, REFERENCE_DATE.day) < (e.tanggal_lahir.month, e.tanggal_lahir.day))
        assert 22 <= age <= 58, (e.nip, age)


def test_names_unique_and_never_blocked(regency: Regency) -> None:
    names = [e.nama for e in regency.employees]
    assert len(set(names)) == len(names)
    for name in names:
        tokens = set(name.lower().split())
        assert not any(all(t in tokens for t in blocked) for blocked in BLOCKED_NAMES), name
    assert {e.jenis_kelamin for e in regency.employees} == {"L", "P"}


def test_post_distribution(regency: Regency) -> None:
    counts = collections.Counter(e.jenis_jabatan for e in regency.employees)
    staff = counts[JenisJabatan.PELAKSANA] + counts[JenisJabatan.FUNGSIONAL]
    assert staff / N >= 0.7
    assert 0.12 <= counts[JenisJabatan.PENGAWAS] / N <= 0.2
    assert 0.03 <= counts[JenisJabatan.ADMINISTRATOR] / N <= 0.08
    jpt_units = [e.unit_kerja for e in regency.employees if e.jenis_jabatan == JenisJabatan.JPT]
    assert 1 <= len(jpt_units) <= len(OPDS)
    assert len(set(jpt_units)) == len(jpt_units), "at most one JPT per unit"


def test_golongan_fits_post(regency: Regency) -> None:
    lowest = {"II.a": "IV/c", "II.b": "IV/b", "III.a": "IV/a", "III.b": "III/d", "IV.a": "III/c", "IV.b": "III/b"}
    for e in regency.employees:
        rank = golongan_rank(e.golongan)
        assert rank is not None
        if e.eselon:
            assert rank >= (golongan_rank(lowest[e.eselon]) or 0) - 1, (e.jabatan, e.golongan)
        elif e.jenis_jabatan == JenisJabatan.PELAKSANA:
            assert rank <= (golongan_rank("III/c") or 0), (e.jabatan, e.golongan)
        elif e.jabatan and "Ahli Muda" in e.jabatan:
            assert e.golongan in ("III/c", "III/d"), (e.jabatan, e.golongan)


def test_fisheries_people_work_in_fisheries(regency: Regency) -> None:
    fisheries = [e for e in regency.employees if regency.bidang[e.nip] == "perikanan"]
    office = [e for e in regency.employees if e.unit_kerja == "Dinas Perikanan"]
    assert len(fisheries) >= 8 and len(office) >= 8
    assert sum(e.unit_kerja == "Dinas Perikanan" for e in fisheries) / len(fisheries) >= 0.75
    assert sum(regency.bidang[e.nip] == "perikanan" for e in office) / len(office) >= 0.6


def test_career_history_leads_to_current_post(regency: Regency) -> None:
    moved = 0
    for e in regency.employees:
        history = e.riwayat_jabatan
        assert 1 <= len(history) <= 5
        assert history[-1].tmt_selesai is None
        assert (history[-1].jabatan, history[-1].unit_kerja) == (e.jabatan, e.unit_kerja)
        assert history[-1].tmt_mulai == e.tmt_jabatan
        assert history[0].tmt_mulai == e.tmt_cpns
        for prev, nxt in zip(history, history[1:], strict=False):
            assert prev.tmt_selesai is not None and prev.tmt_mulai and nxt.tmt_mulai
            assert prev.tmt_mulai <= prev.tmt_selesai < nxt.tmt_mulai <= REFERENCE_DATE
        moved += len({h.unit_kerja for h in history}) > 1
        repeats = [(a.jabatan, a.unit_kerja) == (b.jabatan, b.unit_kerja) for a, b in zip(history, history[1:], strict=False)]
        assert not any(repeats), e.nip
        assert len(regency.bidang_per_jabatan[e.nip]) == len(history)
    assert 0.15 <= moved / N <= 0.4


def test_education_training_and_titles(regency: Regency) -> None:
    for e in regency.employees:
        assert 1 <= len(e.pendidikan) <= 3
        assert 0 <= len(e.diklat) <= 6
        years = [p.tahun_lulus or 0 for p in e.pendidikan]
        assert years == sorted(years)
        top = e.pendidikan_tertinggi()
        assert top is not None and top.jenjang is not None
        if e.gelar_depan and "dr." in e.gelar_depan.split():
            assert any(p.jurusan == "Pendidikan Dokter" for p in e.pendidikan)
        if e.jenis_jabatan in (JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR):
            assert top.jenjang.rank >= 7  # S1/D-IV at least
    for e in regency.employees:
        if (e.jabatan or "").startswith("Dokter Ahli"):
            assert e.gelar_depan and "dr." in e.gelar_depan.split(), e.nama_lengkap
        if (e.jabatan or "").startswith("Dokter Gigi"):
            assert e.gelar_depan and "drg." in e.gelar_depan.split(), e.nama_lengkap
    leaders = [e for e in regency.employees if e.jenis_jabatan == JenisJabatan.PENGAWAS]
    with_pkp = [e for e in leaders if any(d.jenis == "struktural" for d in e.diklat)]
    assert 0.7 <= len(with_pkp) / len(leaders) < 1.0  # most have it; some gaps to show


def test_performance_and_nine_box(regency: Regency) -> None:
    skp = [s for e in regency.employees for s in e.skp]
    share = collections.Counter(s.predikat for s in skp)
    assert 0.17 <= share[Predikat.SANGAT_BAIK] / len(skp) <= 0.33
    assert 0.52 <= share[Predikat.BAIK] / len(skp) <= 0.72
    for e in regency.employees:
        assert 1 <= len(e.skp) <= 5
        assert all(2021 <= s.tahun <= 2025 for s in e.skp)
        if e.asesmen:
            assert e.kotak_talenta is not None
            computed = place_employee(e.model_copy(update={"kotak_talenta": None}))
            assert computed.cell == e.kotak_talenta
        else:
            assert e.kotak_talenta is None
    assessed = sum(bool(e.asesmen) for e in regency.employees) / N
    assert 0.35 <= assessed <= 0.55
    structural = [e for e in regency.employees if e.eselon]
    assert sum(bool(e.asesmen) for e in structural) / len(structural) >= 0.85
    # performance persists: last year's SKP predicts this year's better than chance
    pairs = [(a.predikat, b.predikat) for e in regency.employees for a, b in zip(e.skp, e.skp[1:], strict=False)]
    top_after_top = sum(b == Predikat.SANGAT_BAIK for a, b in pairs if a == Predikat.SANGAT_BAIK)
    assert top_after_top / sum(a == Predikat.SANGAT_BAIK for a, _ in pairs) > 0.4


def test_awards_discipline_and_profiles(regency: Regency) -> None:
    awarded = sum(bool(e.penghargaan) for e in regency.employees) / N
    disciplined = sum(bool(e.hukuman_disiplin) for e in regency.employees) / N
    profiles = [e.ringkasan for e in regency.employees if e.ringkasan]
    assert 0.1 <= awarded <= 0.3
    assert disciplined <= 0.06
    assert 0.45 <= len(profiles) / N <= 0.75
    assert len(set(profiles)) / len(profiles) >= 0.8
    assert all("{" not in p and "}" not in p for p in profiles)


def test_fields_catalogue() -> None:
    assert set(FIELDS) >= REQUIRED_FIELDS
    assert FIELDS["perikanan"].label == "Perikanan" and FIELDS["perikanan"].label_en == "Fisheries"
    assert all(f.keywords for f in FIELDS.values())


# --- files -------------------------------------------------------------------------------------------


def test_csv_headers_resolve_through_import_schema(out: dict[str, Path]) -> None:
    for table in TABLE_NAMES:
        header, _ = _read_csv(out["csv"] / f"{table}.csv")
        assert header[0] == "nip"
        for h in header:
            if h in PERSONAL_COLUMNS:
                assert is_sensitive(h), h
            else:
                assert TABLES[table].resolve(h) == h, (table, h)
    header, _ = _read_csv(out["csv"] / "pegawai.csv")
    assert not any(h.startswith("pendidikan_") for h in header)
    assert set(PERSONAL_COLUMNS) <= set(header)


def test_csv_values_use_documented_forms(out: dict[str, Path], regency: Regency) -> None:
    _, pegawai = _read_csv(out["csv"] / "pegawai.csv")
    assert [r["nip"] for r in pegawai] == [e.nip for e in regency.employees]
    for r in pegawai:
        dt.date.fromisoformat(r["tanggal_lahir"])
        assert r["golongan"].count("/") == 1 and r["golongan"].split("/")[1] in "abcde"
        assert r["jenis_jabatan"] in {j.value for j in JenisJabatan}
        assert len(r["nik"]) == 16 and r["nik"].startswith("99") and r["no_hp"].startswith("0810")
    _, skp = _read_csv(out["csv"] / "skp.csv")
    assert {r["predikat_kinerja"] for r in skp} <= {p.value for p in Predikat}
    assert {r["hasil_kerja"] for r in skp} <= {"di atas ekspektasi", "sesuai ekspektasi", "di bawah ekspektasi"}
    _, riwayat = _read_csv(out["csv"] / "riwayat_jabatan.csv")
    assert len(riwayat) == sum(len(e.riwayat_jabatan) for e in regency.employees)
    assert sum(r["tmt_selesai"] == "" for r in riwayat) == N


def test_jsonl_nests_child_tables(out: dict[str, Path], regency: Regency) -> None:
    lines = (out["jsonl"] / "pegawai.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == N
    by_nip = regency.by_nip()
    for line in lines:
        obj = json.loads(line)
        e = by_nip[obj["nip"]]
        assert isinstance(obj["nip"], str)
        for table in TABLE_NAMES[1:]:
            items = obj[table]
            assert isinstance(items, list) and len(items) == len(getattr(e, table))
            for item in items:
                assert list(item) == [c for c in table_columns(table) if c != "nip"]
        assert obj["riwayat_jabatan"][-1]["jabatan"] == obj["jabatan"]


def test_xlsx_has_one_sheet_per_table_with_text_nips(out: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(out["xlsx"] / "talenta.xlsx", read_only=True)
    assert wb.sheetnames == list(TABLE_NAMES)
    for table in TABLE_NAMES:
        rows = list(wb[table].iter_rows(values_only=True))
        header, _ = _read_csv(out["csv"] / f"{table}.csv")
        assert list(rows[0]) == header
        _, csv_rows = _read_csv(out["csv"] / f"{table}.csv")
        assert len(rows) - 1 == len(csv_rows)
        for row in rows[1:]:
            assert isinstance(row[0], str) and len(row[0]) == 18
    pegawai = list(wb["pegawai"].iter_rows(min_row=2, max_row=2))[0]
    assert pegawai[0].data_type == "s"
    wb.close()


def test_ground_truth_covers_every_nip(out: dict[str, Path], regency: Regency) -> None:
    for fmt in ("csv", "xlsx", "jsonl"):
        header, rows = _read_csv(out[fmt] / "_meta" / "ground_truth.csv")
        assert header == ["nip", "bidang", "bidang_per_jabatan"]
        assert [r["nip"] for r in rows] == [e.nip for e in regency.employees]
        for r in rows:
            assert r["bidang"] in FIELDS
            assert r["bidang_per_jabatan"].split(";") == regency.bidang_per_jabatan[r["nip"]]
        assert "FIKTIF" in (out[fmt] / "_meta" / "README.txt").read_text(encoding="utf-8")


def test_unknown_format_rejected(tmp_path: Path, regency: Regency) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        write_demo(regency, tmp_path, "parquet")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl"])
def test_round_trip_through_ingest(tmp_path: Path, fmt: str) -> None:
    """What the generator writes, Talenta's importer reads back as the same people."""
    loader = pytest.importorskip("ingest.loader")
    regency = generate_regency(120, 3)
    write_demo(regency, tmp_path, fmt)  # type: ignore[arg-type]
    result = loader.load(tmp_path)
    assert {e.nip: e for e in result.employees} == regency.by_nip()
