"""Structured questions answered from the system of record, checked against answers computed directly
from the committed sample export (data/sample/csv), on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from assistant.domain.identity import SYSTEM, Caller

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample" / "csv"
ORDER = ["SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]


def rows(name: str) -> list[dict[str, str]]:
    with open(SAMPLE / name, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


PEG = rows("pegawai.csv")
UNIT_OF = {p["nip"]: p["unit_kerja"] for p in PEG}


def _top_education() -> dict[str, str]:
    rank = {j: i for i, j in enumerate(ORDER)}
    rank["D4"] = rank["S1"]
    best: dict[str, str] = {}
    for e in rows("pendidikan.csv"):
        if e["jenjang"] in rank and (e["nip"] not in best or rank[e["jenjang"]] > rank[best[e["nip"]]]):
            best[e["nip"]] = e["jenjang"]
    return best


TOP = _top_education()


def in_unit(unit: str) -> set[str]:
    return {p["nip"] for p in PEG if p["unit_kerja"] == unit}


@pytest.fixture(scope="module")
def sample(tmp_path_factory, embeddings):
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.loader import load
    from ingest.pipeline import ingest_employees

    container = build_container(Settings(data_dir=tmp_path_factory.mktemp("structured")), embeddings=embeddings)
    loaded = load(SAMPLE)
    ingest_employees(container.store, container.embeddings, loaded.employees)
    return container, loaded.employees


def ask(container, question: str, caller: Caller = SYSTEM, limit: int = 1000):
    return container.service.answer(caller, question, limit=limit)


def test_counts_lists_and_groups_match_the_files(sample):
    container, _ = sample
    fish = in_unit("Dinas Perikanan")
    got = ask(container, "Berapa ASN di Dinas Perikanan?")
    assert got.total_matching == len(fish) and got.status == "ok"
    assert got.understood_text.startswith("Saya memahami:") and "Dinas Perikanan" in got.understood_text
    s2 = {n for n in in_unit("Badan Perencanaan Pembangunan Daerah") if TOP.get(n) == "S2"}
    assert ask(container, "Berapa ASN di Bappeda yang pendidikan terakhirnya S2?").total_matching == len(s2)
    iv_b = {p["nip"] for p in PEG if p["unit_kerja"] == "Dinas Pendidikan" and p["golongan"] == "IV/b"}
    assert {c.nip for c in ask(container, "Tampilkan ASN golongan IV/b di Disdik").candidates} == iv_b
    skp25 = {s["nip"] for s in rows("skp.csv") if s["tahun"] == "2025" and s["predikat_kinerja"] == "Sangat Baik"}
    listed = ask(container, "Siapa ASN di Inspektorat dengan SKP Sangat Baik tahun 2025?").candidates
    assert {c.nip for c in listed} == in_unit("Inspektorat") & skp25
    assert all(any(ev.kind == "skp" and ev.year == 2025 for ev in c.evidence) for c in listed)
    cells = Counter(p["kotak_talenta"] for p in PEG if p["kotak_talenta"])
    assert ask(container, "Berapa ASN di kotak talenta 9?").total_matching == cells["9"]
    grouped = ask(container, "Jumlah ASN per golongan")
    assert {g.key: g.count for g in grouped.groups or []} == dict(Counter(p["golongan"] for p in PEG if p["golongan"]))
    english = ask(container, "Which employees of BPKAD have a master's degree as their highest education?")
    expected = {n for n in in_unit("Badan Pengelolaan Keuangan dan Aset Daerah") if TOP.get(n) == "S2"}
    assert {c.nip for c in english.candidates} == expected and english.understood_text.startswith("I understood:")


def test_three_years_in_a_row_uses_the_latest_years_in_the_data(sample):
    container, _ = sample
    by_nip: dict[str, dict[str, str]] = defaultdict(dict)
    for s in rows("skp.csv"):
        by_nip[s["nip"]][s["tahun"]] = s["predikat_kinerja"]
    latest = max(int(s["tahun"]) for s in rows("skp.csv"))
    years = [str(y) for y in range(latest - 2, latest + 1)]
    want = {n for n in in_unit("Dinas Kesehatan") if all(by_nip[n].get(y) == "Sangat Baik" for y in years)}
    got = ask(container, "ASN dengan SKP Sangat Baik tiga tahun berturut-turut di Dinas Kesehatan")
    assert {c.nip for c in got.candidates} == want and got.total_matching == len(want)


def test_retirement_year_follows_the_rules_as_data(sample):
    from assistant.domain.retirement import retirement

    container, people = sample
    year = dt.date.today().year + 1
    want = {e.nip for e in people if (r := retirement(e)) and r.date.year == year}
    got = ask(container, f"Siapa yang pensiun pada tahun {year}?")
    assert {c.nip for c in got.candidates} == want
    assert all(any(ev.kind == "pensiun" for ev in c.evidence) for c in got.candidates)


def test_visibility_is_inside_the_count(sample):
    container, _ = sample
    head = Caller(user="kadis", role="opd", unit_kerja="Dinas Kesehatan")
    total = ask(container, "Berapa ASN di kotak 7-9?", head)
    mine = {p["nip"] for p in PEG if p["unit_kerja"] == "Dinas Kesehatan" and p["kotak_talenta"] in ("7", "8", "9")}
    assert total.total_matching == len(mine)
    assert ask(container, "Berapa ASN di Dinas Perikanan?", head).total_matching == 0
    self_view = Caller(user="asn", role="asn", nip=PEG[0]["nip"])
    assert ask(container, "Berapa ASN per unit kerja?", self_view).total_matching == 1


def test_protected_and_unmapped_questions_list_nobody(sample):
    container, _ = sample
    declined = ask(container, "Tampilkan ASN beragama Islam di Dinas Kesehatan")
    assert declined.status == "declined" and not declined.candidates and "agama" in declined.answer
    unknown = ask(container, "Berapa harga beras hari ini?")
    assert unknown.status == "not_understood" and not unknown.candidates and "belum dapat saya pahami" in unknown.answer
    entry = container.audit.entries()[-1]
    assert entry["status"] == "not_understood"


def test_lookup_by_nip_and_by_name_with_titles_and_a_typo(sample):
    container, _ = sample
    who = PEG[37]
    service = container.service
    assert [c.nip for c in service.search(SYSTEM, who["nip"]).candidates] == [who["nip"]]
    titled = " ".join(x for x in (who["gelar_depan"], who["nama"]) if x) + (f", {who['gelar_belakang']}" if who["gelar_belakang"] else "")
    assert who["nip"] in [c.nip for c in service.search(SYSTEM, titled).candidates][:3]
    typo = who["nama"][:-1] + ("a" if who["nama"][-1] != "a" else "e")
    assert who["nip"] in [c.nip for c in service.search(SYSTEM, typo.lower()).candidates][:3]
    other_unit = Caller(user="kadis", role="opd", unit_kerja="Unit Lain")
    assert service.search(other_unit, who["nip"]).candidates == []


def test_a_post_named_in_the_question_groups_by_eligibility(sample):
    container, _ = sample
    got = ask(container, "Siapa yang layak dipromosikan menjadi Kepala Bidang di Dinas Pendidikan?", limit=100)
    order = {"memenuhi": 0, "perlu verifikasi": 1, "tidak memenuhi": 2}
    statuses = [order[c.eligibility.status] for c in got.candidates if c.eligibility and not c.current_holder]
    assert statuses == sorted(statuses) and statuses
    assert all(c.unit_kerja == "Dinas Pendidikan" for c in got.candidates)


def test_postgresql_answers_as_sqlite_does(sample, postgres_url):
    """The system of record on a real PostgreSQL: same schema by migration, same answers."""
    from assistant.db import query as sql
    from assistant.db.engine import build_engine, migrate
    from assistant.db.repository import PeopleRepository
    from assistant.domain.plan_parser import parse_plan

    container, people = sample
    engine = build_engine(postgres_url)
    migrate(engine)
    migrate(engine)  # idempotent
    repo = PeopleRepository(engine)
    repo.upsert([(e, e.content_hash()) for e in people])
    repo.upsert([(e, e.content_hash()) for e in people[:10]])  # a re-run replaces, never duplicates
    assert repo.count() == len(people) and repo.hashes() == container.people.hashes()
    units = repo.units()
    today = dt.date.today()
    for question in ("Berapa ASN di Dinas Perikanan?", "ASN dengan SKP Sangat Baik tahun 2025 di Dinkes",
                     "Berapa ASN kotak 7-9 golongan III/c ke atas?", "Siapa yang belum ikut diklat PIM?",
                     "Jumlah ASN per pendidikan terakhir"):  # fmt: skip
        plan = parse_plan(question, units, today).plan
        on_pg = sql.execute(engine, plan, SYSTEM, today, limit=1000)
        on_sqlite = sql.execute(container.people.engine, plan, SYSTEM, today, limit=1000)
        assert (on_pg.total, set(on_pg.nips), on_pg.groups) == (on_sqlite.total, set(on_sqlite.nips), on_sqlite.groups)
    repo.delete([people[0].nip])
    assert repo.count() == len(people) - 1 and people[0].nip not in repo.get([people[0].nip])


def test_a_score_sheet_alone_adds_scores_to_stored_people(sample, tmp_path):
    """A trainer's sheet (title rows, No | NIP | Nama | Unit Kerja | Nilai Akhir | Keterangan) ingested
    on its own: its rows become scored training records of the people already stored."""
    from data.generator.score_sheet import write_score_sheet
    from ingest.loader import load
    from ingest.pipeline import ingest_employees, merge_additions

    container, people = sample
    sheet = tmp_path / "nilai.xlsx"
    write_score_sheet(people, sheet, seed=5, title="PELATIHAN ARTIFICIAL INTELLIGENCE (AI) BAGI ASN", year=2026,
                      scale=10, participants=30, nip_style="text")  # fmt: skip
    loaded = load(sheet)
    assert not loaded.employees and len(loaded.additions) == 30
    merged, unknown = merge_additions(container.store, loaded.employees, loaded.additions)
    assert unknown == 0 and len(merged) == 30
    ingest_employees(container.store, container.embeddings, merged)
    scores = {nip: d.nilai for nip, d in loaded.additions}
    top = {nip for nip, v in scores.items() if v is not None and v >= 9}
    got = ask(container, "Siapa peserta pelatihan AI dengan nilai 9 ke atas?")
    assert {c.nip for c in got.candidates} == top
    spread = ask(container, "Sebaran nilai pelatihan AI")
    assert sum(g.count for g in spread.groups or []) == len(set(scores))
    again, _ = merge_additions(container.store, loaded.employees, loaded.additions)
    assert all(sum("ARTIFICIAL" in d.nama.upper() for d in e.diklat) == 1 for e in again)  # merged, not doubled


def test_dates_year_lists_exclusions_and_ranges_match_the_files(sample):
    """The date a question names, SKP in each of several years, 'at least Baik', units left out, a
    range of retirement years and 'more than N years' in post: each checked against the files."""
    from assistant.domain.retirement import retirement

    container, people = sample
    on = dt.date(2024, 3, 1)
    sanctioned = {h["nip"] for h in rows("hukuman_disiplin.csv")
                  if dt.date.fromisoformat(h["tmt_mulai"]) <= on <= dt.date.fromisoformat(h["tmt_selesai"])}  # fmt: skip
    got = ask(container, "Siapa yang sedang menjalani hukuman disiplin per 1 Maret 2024?")
    assert {c.nip for c in got.candidates} == sanctioned and sanctioned
    assert "01-03-2024" in got.understood_text

    by_nip: dict[str, dict[str, str]] = defaultdict(dict)
    for s in rows("skp.csv"):
        by_nip[s["nip"]][s["tahun"]] = s["predikat_kinerja"]
    good = {"Baik", "Sangat Baik"}
    want = {n for n, years in by_nip.items() if years.get("2023") in good and years.get("2024") in good}
    got = ask(container, "Berapa ASN dengan SKP minimal Baik pada 2023 dan 2024?")
    assert got.total_matching == len(want) and want

    health = in_unit("Dinas Kesehatan")
    assert ask(container, "Berapa ASN Dinkes di luar puskesmas?").total_matching == len(health)
    everyone_but = {p["nip"] for p in PEG if p["unit_kerja"] != "Dinas Kesehatan"}
    assert ask(container, "Berapa ASN selain Dinas Kesehatan?").total_matching == len(everyone_but)

    this_year = dt.date.today().year
    span = {e.nip for e in people if (r := retirement(e)) and this_year + 1 <= r.date.year <= this_year + 3}
    got = ask(container, f"Siapa yang pensiun antara {this_year + 1} dan {this_year + 3}?")
    assert {c.nip for c in got.candidates} == span and span

    ref = dt.date(2025, 12, 31)
    since = {p["nip"] for p in PEG if p["tmt_jabatan"] and dt.date.fromisoformat(p["tmt_jabatan"]) < dt.date(2021, 12, 31)}
    at_least = {p["nip"] for p in PEG if p["tmt_jabatan"] and dt.date.fromisoformat(p["tmt_jabatan"]) <= dt.date(2021, 12, 31)}
    got = ask(container, f"Berapa ASN yang lebih dari 4 tahun di jabatan sekarang per {ref:%d-%m-%Y}?")
    assert got.total_matching == len(since)
    assert ask(container, "How many staff have been in their current post for at least 4 years as of 31 December 2025?"
               ).total_matching == len(at_least)  # fmt: skip


def test_highest_training_score_sorts_by_the_score(sample):
    container, _ = sample
    scored = [d for d in rows("diklat.csv") if d.get("nilai")]
    if not scored:
        pytest.skip("the sample has no scored training")
    got = ask(container, "Siapa dengan nilai pelatihan tertinggi?", limit=5)
    best = max(float(d["nilai"]) if float(d["nilai"]) <= 10 else float(d["nilai"]) / 10 for d in scored)
    top = {d["nip"] for d in scored if (float(d["nilai"]) if float(d["nilai"]) <= 10 else float(d["nilai"]) / 10) == best}
    assert got.candidates and got.candidates[0].nip in top


def test_follow_ups_refine_the_previous_plan(sample):
    """'yang golongan III saja?' narrows the previous structured answer; 'urutkan menurut JPM' lists
    the same people by JPM; an integrator's plan is said in words too."""
    container, _ = sample
    service = container.service
    first = service.answer(SYSTEM, "Berapa ASN di Dinas Kesehatan?", conversation_id="refine-1")
    assert first.total_matching == len(in_unit("Dinas Kesehatan"))
    rooms = {p["nip"] for p in PEG if p["unit_kerja"] == "Dinas Kesehatan" and p["golongan"].startswith("III/")}
    narrowed = service.answer(SYSTEM, "yang golongan III saja?", conversation_id="refine-1")
    assert narrowed.total_matching == len(rooms) and rooms
    assert "Dinas Kesehatan" in narrowed.understood_text and "III/a" in narrowed.understood_text
    listed = service.answer(SYSTEM, "urutkan menurut JPM", conversation_id="refine-1", limit=1000)
    assert {c.nip for c in listed.candidates} == rooms
    assert listed.understood["sort"] == {"key": "jpm"} and "aggregate" not in listed.understood
    jpm = {a["nip"]: float(a["jpm"]) for a in sorted(rows("asesmen.csv"), key=lambda a: a["tanggal"]) if a.get("jpm")}
    shown = [jpm.get(c.nip) for c in listed.candidates if c.nip in jpm]
    assert shown == sorted(shown, reverse=True)
    other = service.answer(SYSTEM, "yang golongan III saja?", conversation_id="another-conversation")
    assert other.total_matching != narrowed.total_matching  # no previous plan: every golongan III person

    from assistant.domain.plan import QueryPlan

    plain = service.run_plan(SYSTEM, QueryPlan.model_validate({"filters": {"kotak": [9]}, "aggregate": {"kind": "count"}}))
    assert plain.understood_text == "Saya memahami: jumlah; kotak talenta 9."


def test_gender_counts_are_an_equality_report_for_bkpsdm_only(sample):
    """Counts by gender: BKPSDM sees the numbers (no names, audited with the plan); anyone else, and
    any filter or list by gender, is declined."""
    container, _ = sample
    want = Counter({"L": "Laki-laki", "P": "Perempuan"}[p["jenis_kelamin"][:1].upper()]
                   for p in PEG if p["unit_kerja"] == "Dinas Kesehatan" and p["jenis_kelamin"])  # fmt: skip
    got = ask(container, "Rekap jumlah ASN per jenis kelamin di Dinas Kesehatan")
    assert got.status == "ok" and got.candidates == [] and {g.key: g.count for g in got.groups or []} == dict(want)
    entry = container.audit.entries()[-1]
    assert entry["plan"]["aggregate"] == {"kind": "group", "by": "jenis_kelamin"} and entry["nips"] == []
    for caller in (Caller(user="bupati", role="pimpinan"), Caller(user="kadis", role="opd", unit_kerja="Dinas Kesehatan")):
        refused = ask(container, "Rekap jumlah ASN per jenis kelamin di Dinas Kesehatan", caller)
        assert refused.status == "declined" and not refused.groups and not refused.candidates
    assert ask(container, "Tampilkan ASN perempuan di Dinas Kesehatan").status == "declined"


def test_a_post_named_with_other_conditions_counts_exactly(sample):
    container, _ = sample
    gurus = {p["nip"] for p in PEG if p["unit_kerja"] == "Dinas Pendidikan" and p["jabatan"].startswith("Guru ")
             and p["golongan"].startswith("III/")}  # fmt: skip
    got = ask(container, "Berapa guru di Disdik yang golongan III?")
    assert got.total_matching == len(gurus) and gurus and "jabatan 'guru'" in got.understood_text
    nurses = {p["nip"] for p in PEG if p["unit_kerja"].startswith("Rumah Sakit") and p["jabatan"].startswith("Perawat")}
    assert ask(container, "Tampilkan perawat di RSUD").total_matching == len(nurses) and nurses


def test_many_distinct_course_scores_are_grouped_in_bands_of_one_point(sample):
    import math

    container, _ = sample
    with container.people.engine.connect() as conn:  # the stored scores (another test may add a sheet's)
        scored = [{"nip": n, "nilai": v} for n, v in conn.exec_driver_sql("select nip, nilai from diklat where nilai is not null")]
    assert len({d["nilai"] for d in scored}) > 21  # the sample's course scores are 0-100, many distinct
    bands: dict[str, set[str]] = defaultdict(set)
    for d in scored:
        value = float(d["nilai"]) / 10 if float(d["nilai"]) > 10 else float(d["nilai"])
        low = math.floor(value)
        bands["10" if low >= 10 else f"{low}-{low}.9"].add(d["nip"])
    got = ask(container, "Sebaran nilai pelatihan")
    assert {g.key: g.count for g in got.groups or []} == {k: len(v) for k, v in bands.items()}


def test_a_field_of_study_named_in_the_other_language_finds_the_diploma(sample):
    """'Who studied accounting?' meets the 'Akuntansi' of an Indonesian export (it listed nobody)."""
    container, _ = sample
    accountants = {e["nip"] for e in rows("pendidikan.csv") if "akuntansi" in e["jurusan"].lower()}
    assert accountants
    english = ask(container, "Who studied accounting?")
    assert {c.nip for c in english.candidates} == accountants
    assert {c.nip for c in ask(container, "Siapa lulusan jurusan akuntansi?").candidates} == accountants
