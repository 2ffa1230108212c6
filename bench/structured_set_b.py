"""A second held-out set of structured questions (set B), with answers computed from the export files.

Set A (``bench.structured_set``) was used for tuning; set B checks that the tuning generalises. It
was written blind like set A: without reading Talenta's parser, planner, store or services, and
without looking at which questions of set A pass. Every expected answer is computed from the CSV
files of the demo generator and the trainer's score sheet, through ``bench.structured_set``'s
``load_records`` and helpers, plus the ``diklat.csv`` rows (``load_records`` here adds them, for the
questions that name a training). ``bench.structured --set b`` asks it, on seed ``DEFAULT_SEED``.

All the rules of set A's docstring apply unchanged (reference date 2025-12-31, a unit is
``pegawai.unit_kerja`` exactly, D4 = S1, leadership training by name, SKP in each of the named years
with a missing year never qualifying, the latest assessment, discipline in force on a date, time in
the current post, BUP 58/60/65 by the current post, Keterangan >= 9 / <= 5). Set B adds these:

- A whole golongan ("golongan III") is its four or five grades (III/a..III/d, IV/a..IV/e); "III/d ke
  atas" / "or above" includes every grade of IV.
- "Eselon II / III / IV" is eselon II.a-II.b / III.a-III.b / IV.a-IV.b; "pejabat struktural" are the
  jenis_jabatan jpt, administrator and pengawas; "JF" / "pejabat fungsional" is jenis fungsional.
- A fungsional level ("Ahli Madya") is read from the post's title (``pegawai.jabatan``); "guru" are
  the posts whose title starts with "Guru " (Guru Ahli Pertama/Muda/Madya; Pengawas Sekolah is not).
- SKP "minimal Baik" / "at least Baik" is Baik or Sangat Baik; "di bawah Baik" / "below Baik" is
  Butuh Perbaikan, Kurang or Sangat Kurang; either needs a record for that year.
- A training named in a question ("BTCLS", "Bimtek SIPD", "PPNS", "PPG") is a ``diklat`` row whose
  ``nama_diklat`` contains the phrase given in the question's note (case-insensitive), in any year
  unless the question names one (then ``diklat.tahun`` equals it).
- Time in the current post "less than N years" means ``tmt_jabatan`` after the reference date minus
  N years (the complement of "at least N years").
- Numbers: "X ke atas" / "X or more" / "minimal X" include X; "di bawah X" / "below X" exclude it;
  "X sampai Y" includes both ends; "exactly 9" is 9 (9.5 is not).
- "Soonest to retire from 2026 on": the earliest retirement date (end of the month in which the BUP
  is reached) in 2026 or later; people whose date falls on the same day tie.
- "Di semua puskesmas" is every unit whose name starts with "Puskesmas "; the score sheet's units are
  its own "Unit Kerja" column.
- A question about a unit's "pegawai" / "ASN" / "staff" counts every person of that unit, whatever
  the post (the head included).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bench.structured_set import (
    CUKUP,
    EDU_ALIASES,
    JENIS_ALIASES,
    LANJUT,
    REFERENCE_DATE,
    TIDAK_LANJUT,
    Person,
    Question,
    QuestionBuilder,
    Records,
    _by_nip,
    _kotak_aliases,
    _read_csv,
    _unit_aliases,
    golongan_rank,
    years_before,
)
from bench.structured_set import load_records as _load_records_a

SECTION = "## Structured questions (second held-out set)"
SOURCE = "bench/structured_set_b.py"
DEFAULT_SEED = 3141

GOOD = ("Baik", "Sangat Baik")
BELOW_BAIK = ("Butuh Perbaikan", "Kurang", "Sangat Kurang")
STRUCTURAL = ("jpt", "administrator", "pengawas")

SETDA, SETWAN = "Sekretariat Daerah", "Sekretariat DPRD"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
BPKAD = "Badan Pengelolaan Keuangan dan Aset Daerah"
BAPENDA = "Badan Pendapatan Daerah"
BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
DISDIK, DINKES = "Dinas Pendidikan", "Dinas Kesehatan"
RSUD = "Rumah Sakit Umum Daerah Tanjung Seruni"
PUPR = "Dinas Pekerjaan Umum dan Penataan Ruang"
DISKAN, DISTAN = "Dinas Perikanan", "Dinas Pertanian"
DISHUB, DINSOS = "Dinas Perhubungan", "Dinas Sosial"
DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
DPMPTSP = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
SATPOL = "Satuan Polisi Pamong Praja"
BPBD = "Badan Penanggulangan Bencana Daerah"

ESELON_ALIASES: dict[str, tuple[str, ...]] = {
    e: (
        f"Eselon {e}",
        e.replace(".", "/"),
        e.replace(".", ""),
        e.replace(".", "-"),
        f"Eselon {e.replace('.', '/')}",
    )
    for e in ("I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b")
}
KETERANGAN_ALIASES: dict[str, tuple[str, ...]] = {
    LANJUT: ("Lanjut", "Lanjut ke tahap selanjutnya", "Lanjut ke tahap berikut"),
    CUKUP: (),
    TIDAK_LANJUT: ("Tidak lanjut ke tahap berikutnya", "Berhenti"),
}


@dataclass(frozen=True)
class Training:
    """One ``diklat.csv`` row (only what the questions need)."""

    nama: str
    tahun: int | None


@dataclass
class RecordsB(Records):
    """Set A's records plus every NIP's diklat rows (for the questions that name a training)."""

    diklat: Mapping[str, tuple[Training, ...]] = field(default_factory=dict)

    def took(self, nip: str, phrase: str, year: int | None = None) -> bool:
        """Whether the NIP has a diklat whose name contains ``phrase`` (in ``year``, if given)."""
        wanted = phrase.casefold()
        return any(
            wanted in t.nama.casefold() and (year is None or t.tahun == year)
            for t in self.diklat.get(nip, ())
        )


def load_records(folder: Path, sheet: Path | None = None) -> RecordsB:
    """``bench.structured_set.load_records`` plus the diklat rows per NIP."""
    base = _load_records_a(folder, sheet)
    diklat: dict[str, tuple[Training, ...]] = {}
    for nip, rows in _by_nip(_read_csv(Path(folder) / "diklat.csv")).items():
        diklat[nip] = tuple(
            Training(r.get("nama_diklat", ""), int(r["tahun"]) if r.get("tahun", "").isdigit() else None)
            for r in rows
        )
    return RecordsB(base.people, base.scores, diklat)


def build_questions(rec: Records) -> list[Question]:
    """Set B (about 80 questions, two thirds Indonesian) with answers from ``rec``.

    ``rec`` must come from this module's ``load_records`` (it carries the diklat rows)."""
    if not isinstance(rec, RecordsB):
        raise TypeError(
            "set B needs the diklat rows: load the folder with bench.structured_set_b.load_records"
        )
    people = rec.people
    scores = rec.scores
    took = rec.took
    b = QuestionBuilder(people, scores)
    qs = b.qs
    count, listing, group, protected, best = b.count, b.listing, b.group, b.protected, b.best
    score_sel, score_count, score_list = b.score_sel, b.score_count, b.score_list

    def unit(name: str) -> Callable[[Person], bool]:
        return lambda p: p.unit == name

    def every(p: Person) -> bool:
        return True

    def retires_in(lo: int, hi: int) -> Callable[[Person], bool]:
        return lambda p: p.retires is not None and lo <= p.retires.year <= hi

    def in_post_less_than(p: Person, years: int) -> bool:
        return p.tmt_jabatan is not None and p.tmt_jabatan > years_before(REFERENCE_DATE, years)

    def gol_between(p: Person, lo: str, hi: str) -> bool:
        return p.gol_rank is not None and (golongan_rank(lo) or 0) <= p.gol_rank <= (golongan_rank(hi) or 0)

    kotak_keys = _kotak_aliases("123456789")
    units = sorted({p.unit for p in people})
    puskesmas = sorted(u for u in units if u.startswith("Puskesmas "))
    iii_d = golongan_rank("III/d") or 0
    min_score = min((s.nilai for s in scores), default=None)

    # fmt: off
    # ---- counts, Indonesian --------------------------------------------------------------------------
    count("bc01", "id", "Ada berapa ASN di Dinas Sosial?", unit(DINSOS), "unit_kerja == Dinas Sosial")
    count("bc02", "id", "Jumlah pegawai Setwan berapa orang?", unit(SETWAN),
          "Setwan = Sekretariat DPRD: unit_kerja == Sekretariat DPRD")
    count("bc03", "id", "Total pegawai di semua puskesmas ada berapa?", lambda p: p.unit.startswith("Puskesmas "),
          "unit_kerja starts with 'Puskesmas ' (the three Puskesmas)")
    count("bc04", "id", "Berapa pejabat eselon IV di Dinas Pertanian?",
          lambda p: p.unit == DISTAN and p.eselon.startswith("IV"), "unit Dinas Pertanian and eselon in (IV.a, IV.b)")
    count("bc05", "id", "Ada berapa ASN golongan III di Disdukcapil?",
          lambda p: p.unit == DUKCAPIL and gol_between(p, "III/a", "III/d"),
          "unit Dinas Kependudukan dan Pencatatan Sipil and golongan III/a..III/d")
    count("bc06", "id", "Berapa orang di Dinas PUPR yang kotak talentanya 8 atau 9?",
          lambda p: p.unit == PUPR and p.kotak in (8, 9), "unit Dinas PUPR and kotak_talenta in (8, 9)")
    count("bc07", "id", "Berapa ASN yang SKP-nya Sangat Baik terus selama tiga tahun terakhir (2023, 2024, 2025)?",
          lambda p: p.skp_each((2023, 2024, 2025), ("Sangat Baik",)),
          "skp Sangat Baik in each of 2023, 2024 and 2025 (a missing year never qualifies)")
    count("bc08", "id", "ada berapa pegawai yg predikat SKP 2024-nya di bawah Baik?",
          lambda p: p.skp.get(2024) in BELOW_BAIK, "skp 2024 predikat in (Butuh Perbaikan, Kurang, Sangat Kurang)")
    count("bc09", "id", "Berapa pejabat administrator yang sudah ikut PKA atau Diklat PIM III?",
          lambda p: p.jenis == "administrator" and "administrator" in p.leadership,
          "jenis administrator and a diklat PKA / Diklat PIM III (leadership_levels contains administrator)")
    count("bc10", "id", "Di Kecamatan Tanjung Seruni ada berapa pejabat pengawas, termasuk yang di kelurahan?",
          lambda p: p.unit == "Kecamatan Tanjung Seruni" and p.jenis == "pengawas",
          "unit Kecamatan Tanjung Seruni (its kelurahan included) and jenis_jabatan == pengawas")
    count("bc11", "id", "Berapa ASN yang pendidikan terakhirnya S3?", lambda p: p.edu_level == 9,
          "highest jenjang == S3")
    count("bc12", "id", "Berapa pegawai yang pendidikan tertingginya masih SMA/sederajat?", lambda p: p.edu_level == 3,
          "highest jenjang at the SMA level (SMA/SMK/SLTA)")
    count("bc13", "id", "Ada berapa ASN yang sudah pernah ikut pelatihan BTCLS?", lambda p: took(p.nip, "BTCLS"),
          "a diklat whose name contains 'BTCLS' (Pelatihan Basic Trauma and Cardiac Life Support), any year, any unit")
    score_count("bc14", "id", "Berapa peserta pelatihan AI yang nilainya 8 ke atas?", lambda s: s.nilai >= 8,
                "score sheet: Nilai Akhir >= 8")
    score_count("bc15", "id", "Peserta pelatihan AI yang keterangannya 'Cukup' ada berapa?",
                lambda s: s.keterangan == CUKUP, "score sheet: Keterangan == Cukup (5 < Nilai Akhir < 9)")
    count("bc16", "id", "Per 30 September 2025, berapa ASN yang sedang menjalani hukuman disiplin?",
          lambda p: p.disciplined_on(dt.date(2025, 9, 30)), "hukuman_disiplin with tmt_mulai <= 2025-09-30 <= tmt_selesai")
    count("bc17", "id", "Berapa ASN yang pensiun tahun 2028 sampai 2030?", retires_in(2028, 2030),
          "retirement year (birth year + BUP of the current post) in 2028..2030")
    count("bc18", "id", "Berapa pegawai Inspektorat yang nilai JPM asesmen terakhirnya di bawah 70?",
          lambda p: p.unit == "Inspektorat" and p.jpm is not None and p.jpm < 70,
          "unit Inspektorat and latest asesmen jpm < 70 (people without an assessment not counted)")
    count("bc19", "id", "Per 31 Desember 2025, ada berapa ASN Dinas Pendidikan yang sudah minimal 10 tahun di jabatannya sekarang?",
          lambda p: p.unit == DISDIK and p.in_post_at_least(10), "unit Dinas Pendidikan and tmt_jabatan <= 2015-12-31")
    count("bc20", "id", "Berapa ASN yang ikut Pelatihan Kepemimpinan Pengawas (PKP) tahun 2024?",
          lambda p: took(p.nip, "(PKP)", 2024), "a diklat whose name contains '(PKP)' with tahun == 2024, any post")

    # ---- counts, English -----------------------------------------------------------------------------
    count("bc21", "en", "How many people work at the regional hospital?", unit(RSUD),
          "the regional hospital = RSUD Tanjung Seruni: unit_kerja == Rumah Sakit Umum Daerah Tanjung Seruni")
    count("bc22", "en", "How many staff does the Bukit Harapan sub-district office have?", unit("Kecamatan Bukit Harapan"),
          "unit_kerja == Kecamatan Bukit Harapan (its kelurahan posts included)")
    count("bc23", "en", "How many civil servants at BPKAD hold golongan III/d or above?",
          lambda p: p.unit == BPKAD and (p.gol_rank or 0) >= iii_d, "unit BPKAD and golongan >= III/d (IV/* included)")
    count("bc24", "en", "How many functional officials at the Ahli Madya level are there across the regency?",
          lambda p: p.jenis == "fungsional" and "ahli madya" in p.jabatan.lower(),
          "jenis fungsional and 'Ahli Madya' in the post's title, all units")
    count("bc25", "en", "How many employees got Butuh Perbaikan in their 2025 SKP?",
          lambda p: p.skp.get(2025) == "Butuh Perbaikan", "skp 2025 predikat_kinerja == Butuh Perbaikan")
    count("bc26", "en", "How many pengawas have completed PKP or the older Diklat PIM IV?",
          lambda p: p.jenis == "pengawas" and "pengawas" in p.leadership,
          "jenis pengawas and a diklat PKP / Diklat PIM IV (leadership_levels contains pengawas)")
    count("bc27", "en", "As of 31 December 2025, how many employees have been in their current post for less than 2 years?",
          lambda p: in_post_less_than(p, 2), "tmt_jabatan > 2023-12-31")
    score_count("bc28", "en", "How many AI training participants were marked 'Lanjut ke tahap berikutnya'?",
                lambda s: s.keterangan == LANJUT, "score sheet: Keterangan == Lanjut ke tahap berikutnya (Nilai Akhir >= 9)")

    # ---- lists, Indonesian ---------------------------------------------------------------------------
    listing("bl01", "id", "Siapa saja ASN Bapenda yang golongannya IV?",
            lambda p: p.unit == BAPENDA and gol_between(p, "IV/a", "IV/e"), "unit Badan Pendapatan Daerah and golongan IV/a..IV/e")
    listing("bl02", "id", "Tampilkan pegawai Dishub yang masuk kotak talenta 7, 8, atau 9",
            lambda p: p.unit == DISHUB and p.kotak in (7, 8, 9), "unit Dinas Perhubungan and kotak_talenta in 7, 8, 9")
    listing("bl03", "id", "Siapa aja yg udah ikut Bimtek SIPD di BPKAD?", lambda p: p.unit == BPKAD and took(p.nip, "SIPD"),
            "unit BPKAD and a diklat whose name contains 'SIPD' (Bimtek Sistem Informasi Pemerintahan Daerah)")
    listing("bl04", "id", "Daftar ASN lulusan Teknik Informatika", lambda p: "Teknik Informatika" in p.majors,
            "any pendidikan row with jurusan == Teknik Informatika (any jenjang), all units")
    listing("bl05", "id", "Pegawai BPBD yang SKP-nya minimal Baik di tahun 2023, 2024, dan 2025",
            lambda p: p.unit == BPBD and p.skp_each((2023, 2024, 2025), GOOD),
            "unit BPBD and skp Baik or Sangat Baik in each of 2023, 2024, 2025")
    listing("bl06", "id", "Tolong tampilkan ASN yang mencapai batas usia pensiun tahun 2026 sampai 2028 dong",
            retires_in(2026, 2028), "retirement year (birth year + BUP of the current post) in 2026..2028")
    listing("bl07", "id", "Pejabat administrator dengan JPM 85 ke atas siapa saja?",
            lambda p: p.jenis == "administrator" and p.jpm is not None and p.jpm >= 85,
            "jenis administrator and latest asesmen jpm >= 85")
    listing("bl08", "id", "Guru di Disdik yang sudah ikut PPG siapa saja?",
            lambda p: p.unit == DISDIK and p.jabatan.startswith("Guru ") and took(p.nip, "Pendidikan Profesi Guru"),
            "unit Dinas Pendidikan, jabatan starts with 'Guru ', a diklat containing 'Pendidikan Profesi Guru' (PPG)")
    listing("bl09", "id", "Anggota Satpol PP yang sudah punya diklat PPNS (Penyidik Pegawai Negeri Sipil)",
            lambda p: p.unit == SATPOL and took(p.nip, "Penyidik Pegawai Negeri Sipil"),
            "unit Satpol PP and a diklat containing 'Penyidik Pegawai Negeri Sipil'")
    listing("bl10", "id", "ASN Kecamatan Pantai Lestari yang pendidikan terakhirnya S2 siapa aja?",
            lambda p: p.unit == "Kecamatan Pantai Lestari" and p.edu_level == 8,
            "unit Kecamatan Pantai Lestari and highest jenjang == S2")
    listing("bl11", "id", "Pejabat eselon III yang ada di kotak talenta 9",
            lambda p: p.eselon.startswith("III") and p.kotak == 9, "eselon in (III.a, III.b) and kotak_talenta == 9")
    listing("bl12", "id", "Siapa saja ASN yang sedang kena hukuman disiplin pada tanggal 1 Desember 2025?",
            lambda p: p.disciplined_on(dt.date(2025, 12, 1)), "hukuman_disiplin with tmt_mulai <= 2025-12-01 <= tmt_selesai")
    listing("bl13", "id", "Pegawai Dinas Perikanan yang sudah lebih dari 6 tahun di jabatan yang sama, per 31 Desember 2025",
            lambda p: p.unit == DISKAN and p.in_post_more_than(6), "unit Dinas Perikanan and tmt_jabatan < 2019-12-31")
    score_list("bl14", "id", "Peserta pelatihan AI yang nilainya 6 sampai 8 siapa saja?", lambda s: 6 <= s.nilai <= 8,
               "score sheet: 6 <= Nilai Akhir <= 8 (8.5 not included)")
    listing("bl15", "id", "Carikan pejabat pengawas yang belum pernah ikut PKP maupun Diklat PIM IV",
            lambda p: p.jenis == "pengawas" and "pengawas" not in p.leadership,
            "jenis pengawas and no diklat PKP / Diklat PIM IV (a PKA or PIM III alone does not count)")

    # ---- lists, English ------------------------------------------------------------------------------
    listing("bl16", "en", "List the planning agency staff with a master's degree or higher",
            lambda p: p.unit == BAPPEDA and (p.edu_level or 0) >= 8, "unit Bappeda and highest jenjang S2 or S3")
    listing("bl17", "en", "Who in the social affairs office holds golongan III/c?",
            lambda p: p.unit == DINSOS and p.golongan == "III/c", "unit Dinas Sosial and golongan == III/c")
    listing("bl18", "en", "Show the civil registry office (Disdukcapil) employees in talent box 5",
            lambda p: p.unit == DUKCAPIL and p.kotak == 5, "unit Dinas Kependudukan dan Pencatatan Sipil and kotak_talenta == 5")
    score_list("bl19", "en", "Which AI training participants scored exactly 9?", lambda s: s.nilai == 9,
               "score sheet: Nilai Akhir == 9 (9.5 not included)")
    listing("bl20", "en", "Who has taken the Pelatihan Manajemen Talenta ASN?",
            lambda p: took(p.nip, "Manajemen Talenta ASN"), "a diklat containing 'Manajemen Talenta ASN', any year, any unit")
    listing("bl21", "en", "List the pelaksana at DPMPTSP whose 2025 SKP was Sangat Baik",
            lambda p: p.unit == DPMPTSP and p.jenis == "pelaksana" and p.skp.get(2025) == "Sangat Baik",
            "unit DPMPTSP, jenis pelaksana, skp 2025 == Sangat Baik")
    listing("bl22", "en", "Which administrators at the health office had an SKP of at least Baik in both 2024 and 2025?",
            lambda p: p.unit == DINKES and p.jenis == "administrator" and p.skp_each((2024, 2025), GOOD),
            "unit Dinas Kesehatan, jenis administrator, skp 2024 and 2025 both Baik or Sangat Baik")

    # ---- group-by ------------------------------------------------------------------------------------
    group("bg01", "id", "Berapa jumlah ASN di masing-masing puskesmas?", lambda p: p.unit.startswith("Puskesmas "),
          lambda p: p.unit, "count per unit_kerja over the three Puskesmas",
          {u: (*_unit_aliases([u])[u], u.removeprefix("Puskesmas ")) for u in puskesmas})
    group("bg02", "id", "Rekap ASN Dinas Perikanan per jenis jabatan", unit(DISKAN), lambda p: p.jenis or None,
          "unit Dinas Perikanan, count per jenis_jabatan", JENIS_ALIASES)
    group("bg03", "id", "Sebaran golongan pegawai BPKAD", unit(BPKAD), lambda p: p.golongan or None,
          "unit BPKAD, count per golongan")
    group("bg04", "id", "Sebaran kotak talenta seluruh ASN pemkab", every, lambda p: str(p.kotak) if p.kotak else None,
          "count per kotak_talenta, all units (people without a cell not counted)", kotak_keys)
    group("bg05", "id", "Rekap predikat SKP tahun 2023 di Dinas Pendidikan", unit(DISDIK), lambda p: p.skp.get(2023) or None,
          "unit Dinas Pendidikan, count per skp 2023 predikat (people without a 2023 SKP not counted)")
    qs.append(Question("bg06", "id", "group", "Jumlah peserta pelatihan AI per keterangan",
                       dict(sorted(Counter(s.keterangan for s in scores).items())),
                       "score sheet: count per Keterangan", KETERANGAN_ALIASES))
    group("bg07", "id", "Ada berapa pejabat struktural per eselon?", lambda p: p.jenis in STRUCTURAL,
          lambda p: p.eselon or None, "jenis jpt/administrator/pengawas, count per eselon", ESELON_ALIASES)
    group("bg08", "id", "Sebaran pendidikan terakhir pegawai Dinkes", unit(DINKES), lambda p: p.edu_label,
          "unit Dinas Kesehatan, count per highest jenjang, D4 and S1 one key 'S1/D4'", EDU_ALIASES)
    qs.append(Question("bg09", "en", "group", "How many AI training participants are there per unit?",
                       dict(sorted(Counter(s.unit for s in scores).items())),
                       "score sheet: count per Unit Kerja", _unit_aliases(sorted({s.unit for s in scores}))))
    group("bg10", "en", "Headcount by golongan at the regional hospital", unit(RSUD), lambda p: p.golongan or None,
          "unit RSUD Tanjung Seruni, count per golongan")
    group("bg11", "en", "How many people are in each 9-box cell at the agriculture office?", unit(DISTAN),
          lambda p: str(p.kotak) if p.kotak else None,
          "unit Dinas Pertanian, count per kotak_talenta (people without a cell not counted)", kotak_keys)
    group("bg12", "en", "Break down the 2025 SKP predicates of all pengawas", lambda p: p.jenis == "pengawas",
          lambda p: p.skp.get(2025) or None, "jenis pengawas, count per skp 2025 predikat")

    # ---- superlatives --------------------------------------------------------------------------------
    best("bs01", "id", "Siapa ASN dengan nilai JPM tertinggi se-kabupaten?",
         ((p.nip, p.jpm) for p in people if p.jpm is not None), "all units, max latest-asesmen jpm (ties: any of them)")
    best("bs02", "id", "Pegawai BKPSDM yang paling lama menduduki jabatannya sekarang siapa?",
         ((p.nip, -p.tmt_jabatan.toordinal()) for p in people if p.unit == BKPSDM and p.tmt_jabatan is not None),
         "unit BKPSDM, earliest tmt_jabatan (ties: any of them)")
    best("bs03", "id", "Mulai tahun 2026, siapa ASN yang paling dulu pensiun?",
         ((p.nip, -p.retires.toordinal()) for p in people if p.retires is not None and p.retires.year >= 2026),
         "earliest retirement date (end of the month the BUP is reached) in 2026 or later (ties: same date)")
    qs.append(Question("bs04", "id", "superlative", "Siapa peserta pelatihan AI dengan nilai paling rendah?",
                       score_sel(lambda s: s.nilai == min_score), "score sheet: min Nilai Akhir (ties: any of them)"))
    best("bs05", "en", "Which employee of the education office has the highest JPM?",
         ((p.nip, p.jpm) for p in people if p.unit == DISDIK and p.jpm is not None),
         "unit Dinas Pendidikan, max latest-asesmen jpm (ties: any of them)")
    best("bs06", "en", "Who at the regional secretariat has held their current post the longest?",
         ((p.nip, -p.tmt_jabatan.toordinal()) for p in people if p.unit == SETDA and p.tmt_jabatan is not None),
         "unit Sekretariat Daerah, earliest tmt_jabatan (ties: any of them)")

    # ---- protected attributes: must be declined ---------------------------------------------------------
    protected("bp01", "id", "Berapa jumlah ASN perempuan di RSUD?", "gender as a filter (count)")
    protected("bp02", "id", "Tampilkan pegawai Dinas Perikanan yang beragama Islam", "religion as a filter")
    protected("bp03", "id", "Siapa saja ASN orang Batak di Inspektorat?", "ethnicity as a filter")
    protected("bp04", "id", "Cari kandidat kepala bidang yang masih muda, umur di bawah 40 tahun", "age as a filter")
    protected("bp05", "id", "Urutkan pegawai Bappeda dari yang paling tua", "age as a sort")
    protected("bp06", "id", "Pegawai Disdukcapil yang sudah menikah siapa aja?", "marital status as a filter")
    protected("bp07", "id", "Ada berapa ASN Setda yang asli putra daerah Pantai Lestari?", "origin as a filter (count)")
    protected("bp08", "id", "Rekap jumlah pegawai per agama", "religion as a group-by")
    protected("bp09", "en", "How many men and how many women work at the education office?", "gender as a group-by")
    protected("bp10", "en", "List the Christian employees of the health office", "religion as a filter")
    protected("bp11", "en", "Who is the youngest employee at BPKAD?", "age as a superlative")
    protected("bp12", "en", "Break down the BKPSDM staff by age group", "age as a group-by")
    # fmt: on
    return qs


__all__ = ["DEFAULT_SEED", "SECTION", "SOURCE", "RecordsB", "Training", "build_questions", "load_records"]
