"""The current post always counts as evidence, whatever the history table holds (issue 15)."""

import datetime as dt

from assistant.domain.evidence import evidence_texts
from assistant.domain.models import Employee, RiwayatJabatan

TODAY = dt.date(2026, 12, 6)


def _posts(person: Employee) -> list:
    return [e for e in evidence_texts(person, TODAY) if e.kind == "jabatan"]


def _fisheries(history: list[RiwayatJabatan], tmt: dt.date | None = dt.date(2021, 3, 1)) -> Employee:
    return Employee(
        nip="198801012012011001",
        nama="Rahmat Hidayat",
        jabatan="Pengendali Hama dan Penyakit Ikan",
        unit_kerja="Dinas Perikanan",
        tmt_jabatan=tmt,
        riwayat_jabatan=history,
    )


def test_a_current_post_missing_from_the_history_is_evidence_with_its_start():
    person = _fisheries([RiwayatJabatan(jabatan="Pengadministrasi Umum", unit_kerja="Kecamatan Kota",
                                        tmt_mulai=dt.date(2012, 1, 1), tmt_selesai=dt.date(2021, 2, 28))])  # fmt: skip
    posts = _posts(person)
    assert [p.embed_text for p in posts] == [
        "Pengendali Hama dan Penyakit Ikan, Dinas Perikanan",
        "Pengadministrasi Umum, Kecamatan Kota",
    ]
    current = posts[0]
    assert current.display == "Pengendali Hama dan Penyakit Ikan, Dinas Perikanan (2021-sekarang) (jabatan saat ini)"
    assert current.years == 5.8 and current.year == 2026


def test_a_history_row_of_the_current_post_is_merged_not_repeated():
    person = _fisheries([
        RiwayatJabatan(jabatan="Pengadministrasi Umum", unit_kerja="Kecamatan Kota",
                       tmt_mulai=dt.date(2012, 1, 1), tmt_selesai=dt.date(2021, 2, 28)),
        RiwayatJabatan(jabatan="pengendali hama dan  penyakit ikan", unit_kerja="Dinas Perikanan"),
    ])  # fmt: skip
    posts = _posts(person)
    assert len(posts) == 2
    merged = posts[1]
    assert merged.display.startswith("pengendali hama dan  penyakit ikan, Dinas Perikanan (2021-sekarang)")
    assert merged.years == 5.8  # the row had no start: TMT jabatan fills it


def test_no_history_and_no_tmt_still_gives_the_current_post():
    posts = _posts(_fisheries([], tmt=None))
    assert [p.display for p in posts] == ["Pengendali Hama dan Penyakit Ikan, Dinas Perikanan (jabatan saat ini)"]
    assert posts[0].years is None


def test_a_person_found_by_their_current_post_only(make_container):
    """The issue's reproduction: current post at Dinas Perikanan, one earlier unrelated history row."""
    from assistant.domain.identity import Caller

    person = _fisheries([RiwayatJabatan(jabatan="Pengadministrasi Umum", unit_kerja="Kecamatan Kota",
                                        tmt_mulai=dt.date(2012, 1, 1), tmt_selesai=dt.date(2021, 2, 28))])  # fmt: skip
    other = Employee(nip="199001012015011002", nama="Sri Wahyuni", jabatan="Pengadministrasi Umum",
                     unit_kerja="Dinas Pendidikan")  # fmt: skip
    container = make_container([person, other])
    result = container.service.search(Caller(user="t", role="bkpsdm"), "perikanan")
    assert [c.nip for c in result.candidates][:1] == [person.nip]
    assert any("jabatan saat ini" in ev.text for ev in result.candidates[0].evidence)
