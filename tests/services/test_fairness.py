"""Counterfactual fairness over the demo regency: change every employee's protected attributes
(gender, birth date / age, religion, marital status, place of origin) and every ranking stays the
same, score for score. Age may change only the JPT age rule's verdict, never the order."""

import csv
import datetime as dt
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.container import build_container
from assistant.domain.identity import SYSTEM
from data.generator import generate_regency, write_demo
from ingest.loader import load
from ingest.pipeline import ingest_employees

QUESTIONS = [
    "Siapa ASN yang paling cocok untuk bidang perikanan?",
    "Who is best suited for public health?",
    "pengelolaan keuangan daerah",
    "teknologi informasi",
    "pendidikan",
    "Siapa yang paling cocok untuk Kepala Bidang Budidaya?",
    "golongan III/c ke atas untuk bidang pertanian",
]
PROTECTED = {"jenis_kelamin", "tanggal_lahir", "agama", "status_perkawinan", "tempat_lahir", "suku"}


def _flip(folder: Path) -> None:
    path = folder / "pegawai.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    for col in ("tempat_lahir", "suku"):
        if col not in fields:
            fields.append(col)
    for row in rows:
        row["jenis_kelamin"] = {"L": "P", "P": "L"}.get(row.get("jenis_kelamin", ""), "P")
        if row.get("tanggal_lahir"):
            born = dt.date.fromisoformat(row["tanggal_lahir"])
            row["tanggal_lahir"] = born.replace(year=born.year - 7).isoformat()
        row["agama"] = "Konghucu" if row.get("agama") != "Konghucu" else "Islam"
        row["status_perkawinan"] = "Cerai Hidup"
        row["tempat_lahir"] = "Kota Antah Berantah"
        row["suku"] = "Lainnya"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.slow
def test_protected_attributes_never_change_a_ranking(tmp_path, embeddings):
    regency = generate_regency(employees=200, seed=5)
    original, flipped = tmp_path / "original", tmp_path / "flipped"
    write_demo(regency, original)
    write_demo(regency, flipped)
    _flip(flipped)

    rankings = []
    for name, folder in (("a", original), ("b", flipped)):
        loaded = load(folder)
        assert loaded.report.rejected_rows == 0
        container = build_container(Settings(data_dir=tmp_path / f"store-{name}"), embeddings=embeddings)
        ingest_employees(container.store, container.embeddings, loaded.employees)
        rankings.append(
            {q: [(c.nip, c.score) for c in container.service.search(SYSTEM, q, limit=10).candidates] for q in QUESTIONS}
        )
    for q in QUESTIONS:
        assert rankings[0][q], q
        assert rankings[0][q] == rankings[1][q], q


def test_dropped_columns_never_reach_the_store(tmp_path, embeddings):
    regency = generate_regency(employees=20, seed=3)
    write_demo(regency, tmp_path / "demo")
    loaded = load(tmp_path / "demo")
    container = build_container(Settings(data_dir=tmp_path / "store"), embeddings=embeddings)
    ingest_employees(container.store, container.embeddings, loaded.employees)
    everything = str(container.store.people.get(include=["documents", "metadatas"]))
    everything += str(container.store.texts.get(include=["documents", "metadatas"]))
    with (tmp_path / "demo" / "pegawai.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for col in ("nik", "alamat", "no_hp"):
                assert row[col] and row[col] not in everything, col
    for word in ("agama", "status_perkawinan", "nik", "alamat", "no_hp"):
        assert f"'{word}'" not in everything and f'"{word}"' not in everything
