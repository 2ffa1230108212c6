"""A fictional regency written in the shape of each real export (data/generator/layouts.py, written
from the layout descriptions, not from the readers) comes back in through load(): everybody lands
once, with the facts that layout carries."""

from __future__ import annotations

import pytest

from data.generator import generate_regency
from data.generator.layouts import LAYOUTS, write_layout
from ingest.loader import load

# What each layout carries besides the person's row.
CARRIES = {
    "siasn-flat": set(),
    "sapk": set(),
    "simpeg": {"riwayat_jabatan", "diklat", "skp", "asesmen", "kotak_talenta"},
    "siasn-json": {"riwayat_jabatan", "diklat", "skp"},
    "duk": {"diklat_latest"},
}


@pytest.fixture(scope="module")
def regency():
    return generate_regency(employees=80, seed=11)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_round_trips(tmp_path, regency, layout):
    write_layout(regency, tmp_path, layout)
    result = load(tmp_path)
    report = result.report
    assert set(report.layouts.values()) == {layout}, report.layouts
    source = regency.by_nip()
    loaded = {e.nip: e for e in result.employees}
    assert len(loaded) == len(result.employees)  # nobody twice
    assert set(loaded) == set(source), report.issue_lines(limit=10)
    assert report.rejected_rows == 0, report.issue_lines(limit=10)
    for nip, person in loaded.items():
        original = source[nip]
        assert person.nama == original.nama
        assert person.golongan == original.golongan
        assert person.jabatan == original.jabatan
        if layout != "duk":  # the DUK names the unit on its sheet, written from the same field
            assert person.unit_kerja == original.unit_kerja
        top = original.pendidikan_tertinggi()
        if top is not None and top.jenjang is not None:
            assert top.jenjang in {p.jenjang for p in person.pendidikan}
        carries = CARRIES[layout]
        if "riwayat_jabatan" in carries:
            assert [r.jabatan for r in person.riwayat_jabatan] == [r.jabatan for r in original.riwayat_jabatan]
        if "diklat" in carries:
            assert sorted(d.nama for d in person.diklat) == sorted(d.nama for d in original.diklat)
        if "skp" in carries:
            assert sorted((s.tahun, s.predikat) for s in person.skp) == sorted(
                (s.tahun, s.predikat) for s in original.skp
            )
        if "kotak_talenta" in carries:
            assert person.kotak_talenta == original.kotak_talenta
        # personal columns are never stored
        dump = person.model_dump_json()
        for secret in regency.personal.get(nip, {}).values():
            if secret and len(secret) > 5:
                assert secret not in dump
