import pytest

from assistant.domain.golongan import GolonganError, golongan_rank, parse_golongan
from assistant.domain.models import Employee
from assistant.domain.nine_box import place_employee
from assistant.domain.nip import NipError, validate_nip


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("198703122010011003", "198703122010011003"),
        ("'198703122010011003", "198703122010011003"),
        ("19870312 201001 1 003", "198703122010011003"),
        ("199001012022211001", "199001012022211001"),  # PPPK: code 21 instead of a month
    ],
)
def test_nip_normalised(raw, expected):
    assert validate_nip(raw) == expected


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("12345", "18 digit"),
        ("198713122010011003", "tanggal lahir"),
        ("198703122010131003", "TMT CPNS"),
        ("198703122010013003", "jenis kelamin"),
        (1.98703122010011e17, "kehilangan digit"),
        ("1.98703E+17", "notasi ilmiah"),
        ("", "kosong"),
    ],
)
def test_nip_rejected_with_reason(raw, reason):
    with pytest.raises(NipError, match=reason):
        validate_nip(raw)


@pytest.mark.parametrize(
    "raw, expected",
    [("III/c", "III/c"), ("III/C", "III/c"), ("Penata (III/c)", "III/c"), ("33", "III/c"), (41, "IV/a"), ("IX", "IX")],
)
def test_golongan_forms(raw, expected):
    assert parse_golongan(raw) == expected


def test_golongan_unknown():
    with pytest.raises(GolonganError):
        parse_golongan("V/z")
    assert golongan_rank("III/d") > golongan_rank("III/c")


@pytest.mark.parametrize(
    "predikat, potensi, cell",
    [
        ("Sangat Baik", "tinggi", 9),
        ("Baik", "tinggi", 8),
        ("Butuh Perbaikan", "tinggi", 6),
        ("Sangat Baik", "menengah", 7),
        ("Baik", "menengah", 5),
        ("Kurang", "menengah", 3),
        ("Sangat Baik", "rendah", 4),
        ("Baik", "rendah", 2),
        ("Sangat Kurang", "rendah", 1),
    ],
)
def test_nine_box_grid(predikat, potensi, cell):
    e = Employee(
        nip="198703122010011003",
        nama="A",
        skp=[{"tahun": 2023, "predikat": "Kurang"}, {"tahun": 2024, "predikat": predikat}],
        asesmen=[{"kategori_potensi": potensi}],
    )
    placement = place_employee(e)
    assert placement.cell == cell
    assert placement.source == "dihitung"


def test_nine_box_export_cell_wins_and_missing_is_incomplete():
    e = Employee(nip="198703122010011003", nama="A", kotak_talenta=7)
    assert place_employee(e).cell == 7
    assert place_employee(Employee(nip="198703122010011003", nama="A")).source == "tidak lengkap"


def test_only_nip_and_nama_required_and_hash_stable():
    a = Employee(nip="198703122010011003", nama="Siti")
    b = Employee(nip="198703122010011003", nama="Siti")
    assert a.content_hash() == b.content_hash()
    assert a.content_hash() != Employee(nip="198703122010011003", nama="Siti R").content_hash()


def test_contenders_keep_everyone_who_can_still_reach_the_top():
    from assistant.domain.ranking import Weights, contenders

    rel = {"a": (0.9, []), "b": (0.8, []), "c": (0.7, []), "d": (0.6, []), "e": (0.3, [])}
    # k=2: the 2nd best relevance is 0.8; merit scales by at least 0.8, so the bar is 0.64
    assert contenders(rel, 2, Weights(relevance=0.8, merit=0.2)) == ["a", "b", "c"]
    assert contenders(rel, 10, Weights()) == ["a", "b", "c", "d", "e"]


def test_an_opd_head_sees_their_unit_however_an_export_spells_it():
    from assistant.domain.identity import Caller, unit_key

    head = Caller(user="kadis", role="opd", unit_kerja="Dinas Kesehatan")
    for spelling in ("Dinas Kesehatan", "DINAS KESEHATAN", "Dinas  Kesehatan ", "dinas kesehatan."):
        assert head.can_see("1", spelling), spelling
    assert not head.can_see("1", "Dinas Kesehatan Hewan") and not head.can_see("1", None)
    assert not Caller(user="x", role="opd", unit_kerja="  ").can_see("1", "")  # no unit: sees nothing
    assert unit_key("Badan Kepegawaian dan Pengembangan SDM") == "badan kepegawaian dan pengembangan sdm"
