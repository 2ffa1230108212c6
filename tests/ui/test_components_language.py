"""A candidate card in one language (issue "One language per answer"): its labels, the factor table and
the evidence labels follow the language the card is shown in, whatever language the service wrote the
candidate in; record text (posts, courses, units) stays as it is.

The candidates come from the real service on a real store: the fixture people and three archivists whose
records reach the branches the fixture people do not (no SKP, no training, no position history, a falling
and a rising SKP, a sanction in force, a retirement level to verify, scored training), asked for by field
(the ranking) and by structured plans, in both languages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.domain import labels as i18n
from assistant.domain.evidence import SOURCE_LABEL, passages
from assistant.domain.identity import SYSTEM
from assistant.domain.labels import data_label, evidence_text, known_label
from assistant.domain.models import Employee, Jenjang, Predikat, TingkatDisiplin
from assistant.domain.plan import Filters, QueryPlan, RetirementFilter, SkpFilter, TrainingFilter
from assistant.domain.retirement import retirement_ages
from assistant.services.schemas import CandidateOut, EvidenceOut, FactorOut
from tests.conftest import fixture_people
from ui.components import evidence_line, factor_rows, factor_table, summary_line

TODAY = dt.date.today()
ARCHIVES = "Dinas Perpustakaan dan Kearsipan"
RUDI = "197005102000031001"  # born May 1970, a post of no known level: retires at 58 in 2028, to verify


def _archivists() -> list[Employee]:
    rudi = {
        "nip": RUDI, "nama": "Rudi Hartono", "golongan": "III/c", "jabatan": "Arsiparis", "unit_kerja": ARCHIVES,
        "tanggal_lahir": "1970-05-10", "tmt_jabatan": "2015-03-01",  # no history: the current post is the evidence
        "diklat": [
            {"nama": "Diklat Pengelolaan Arsip Dinamis", "penyelenggara": "ANRI", "tahun": TODAY.year - 1,
             "jam_pelajaran": 40, "nilai": 85, "predikat": "Memuaskan"},
            {"nama": "Pelatihan Kearsipan Digital", "jam_pelajaran": 32, "nilai": 78},
            {"nama": "Bimbingan Teknis Penyusutan Arsip", "tahun": TODAY.year - 3},
        ],
        "skp": [{"tahun": 2023, "predikat": "Baik"}, {"tahun": 2024, "predikat": "Sangat Baik"},
                {"tahun": 2025, "predikat": "Sangat Baik"}],
        "hukuman_disiplin": [{"tingkat": "sedang", "jenis": "Penundaan kenaikan pangkat",
                              "tmt_mulai": str(TODAY - dt.timedelta(days=200)),
                              "tmt_selesai": str(TODAY + dt.timedelta(days=165))}],
    }  # fmt: skip
    maya = {
        "nip": "198806152012012001", "nama": "Maya Sari", "golongan": "II/c", "unit_kerja": ARCHIVES,
        "pendidikan": [{"jenjang": "D3", "jurusan": "Kearsipan", "institusi": "Universitas Gadjah Mada",
                        "tahun_lulus": 2010}],
        "diklat": [{"nama": "Pelatihan Kearsipan Dasar", "penyelenggara": "ANRI", "tahun": 2019, "jam_pelajaran": 40}],
        "ringkasan": "Menata arsip statis dan melayani peminjaman arsip di depo arsip daerah.",
    }  # fmt: skip
    joko = {
        "nip": "197903202005011003", "nama": "Joko Susilo", "golongan": "III/a", "jabatan": "Pengadministrasi Kearsipan",
        "jenis_jabatan": "pelaksana", "unit_kerja": ARCHIVES,
        "skp": [{"tahun": 2024, "predikat": "Sangat Baik"}, {"tahun": 2025, "predikat": "Baik"}],
        "asesmen": [{"tanggal": "2023-08-01", "kategori_potensi": "menengah", "jpm": 70}],
        "hukuman_disiplin": [{"tingkat": "berat", "jenis": "Penurunan jabatan",
                              "tmt_mulai": str(TODAY - dt.timedelta(days=400))}],
    }  # fmt: skip
    return [Employee.model_validate(p) for p in (rudi, maya, joko)]


PEOPLE = [*fixture_people(), *_archivists()]
FIELD_QUESTIONS = [
    "Siapa ASN yang paling cocok untuk bidang perikanan?",
    "Who is best suited for fisheries?",
    "Siapa yang cocok untuk bidang kesehatan masyarakat?",
    "Who is best suited for financial management?",
    "cari pegawai yang ahli teknologi informasi",
    "Siapa yang paling cocok untuk bidang kearsipan?",
    "Who is best suited for archives management?",
]
PLANS = [
    Filters(skp=SkpFilter(predikat=[Predikat.SANGAT_BAIK], year=2025)),
    Filters(kotak=[9]),
    Filters(jpm_min=75),
    Filters(pendidikan=[Jenjang.S2, Jenjang.D3]),
    Filters(retirement=RetirementFilter(year=2028)),
    Filters(years_in_post_min=5),
    Filters(discipline_in_force=True),
    Filters(
        training=[
            TrainingFilter(words=["arsip"], score_min=7),
            TrainingFilter(words=["kearsipan"], score_min=7),
        ]
    ),
]


@pytest.fixture(scope="module")
def candidates(tmp_path_factory, embeddings) -> list[CandidateOut]:
    """Every candidate the service gives for the questions and plans above, in both languages."""
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    container = build_container(Settings(data_dir=tmp_path_factory.mktemp("cards")), embeddings=embeddings)
    ingest_employees(container.store, container.embeddings, PEOPLE)
    service = container.service
    out: list[CandidateOut] = []
    for question in FIELD_QUESTIONS:
        result = service.search(SYSTEM, question, limit=10)
        assert result.candidates, question
        out += result.candidates
    for filters in PLANS:
        for lang in ("id", "en"):
            result = service.run_plan(SYSTEM, QueryPlan(filters=filters), limit=50, language=lang)
            assert result.candidates, (filters, lang)
            out += result.candidates
    return out


# ---- every label the service writes is a known form, and every form is one the service writes ------------

# Evidence texts the service composes (the other kinds are a record's own text, with its period at most).
COMPOSED = ("skp", "kotak_talenta", "asesmen", "pensiun", "hukuman_disiplin")


def _labels(candidates: list[CandidateOut]) -> list[tuple[i18n.LabelField, str, str | None]]:
    out: list[tuple[i18n.LabelField, str, str | None]] = []
    for c in candidates:
        for f in c.factors:
            out += [("factor_detail", f.detail, None), ("factor_source", f.source, None)]
        for ev in c.evidence:
            out += [("evidence_source", ev.source, None), ("evidence_text", ev.text, ev.kind)]
    return out


def test_every_label_the_service_writes_is_a_known_form(candidates):
    unknown = {
        (field, text)
        for field, text, kind in _labels(candidates)
        if (field != "evidence_text" or kind in COMPOSED) and not known_label(field, text, kind)
    }
    assert not unknown, "labels ui.i18n cannot translate: add their forms"


def test_every_form_is_written_by_the_service(candidates):
    """The fixture reaches every branch the forms describe: no form is a guess, none is left over."""
    forms = {
        **{(field, None): forms for field, forms in i18n._FIELDS.items()},
        **{("evidence_text", kind): forms for kind, forms in i18n._EVIDENCE_TEXTS.items()},
    }
    seen: set[tuple[str, int]] = set()
    for field, text, kind in _labels(candidates):
        key = (field, kind if field == "evidence_text" else None)
        for i, form in enumerate(forms.get(key, ())):
            if form.match(text):
                seen.add((f"{key}", i))
                break
    unused = [
        (key, form.templates["id"])
        for key, group in forms.items()
        for i, form in enumerate(group)
        if (f"{key}", i) not in seen
    ]
    assert not unused, "a form no candidate uses: the service changed its wording, or the people need a case"


def test_every_word_of_a_closed_set_has_both_languages():
    assert set(i18n.PREDIKAT_EN) == set(Predikat)
    assert set(i18n.DISCIPLINE_EN) == set(TingkatDisiplin)
    assert {key for _, _, key in i18n.RETIREMENT_POSTS} == set(retirement_ages())
    assert set(SOURCE_LABEL.values()) <= set(i18n.EVIDENCE_SOURCES)


# ---- the forms, both ways ------------------------------------------------------------------------------

FORMS = [
    ("factor_detail", None, "relevansi bidang 0.64", "field relevance 0.64"),
    ("factor_detail", None, "SKP 2023: Baik, 2024: Sangat Baik, 2025: Sangat Baik (naik)",
     "SKP 2023: Good, 2024: Very good, 2025: Very good (rising)"),
    ("factor_detail", None, "SKP 2024: Sangat Baik, 2025: Butuh Perbaikan (turun)",
     "SKP 2024: Very good, 2025: Needs improvement (falling)"),
    ("factor_detail", None, "SKP 2025: Sangat Kurang", "SKP 2025: Very poor"),
    ("factor_detail", None, "hukuman disiplin berat (2025)", "severe disciplinary sanction (2025)"),
    ("factor_detail", None, "diklat terkait: Diklat Teknis Budidaya (2019) dan 2 lainnya",
     "related training: Diklat Teknis Budidaya (2019) and 2 more"),
    ("factor_detail", None, "diklat terkait: Diklat Kearsipan (?)", "related training: Diklat Kearsipan (?)"),
    ("factor_detail", None, "11.8 tahun di jabatan terkait, terlama: Arsiparis, Dinas Arsip (2015-sekarang) (jabatan saat ini)",
     "11.8 years in related posts, longest: Arsiparis, Dinas Arsip (2015-present) (current post)"),
    ("factor_source", None, "diklat, riwayat jabatan, ringkasan profil", "training, position history, profile summary"),
    ("factor_source", None, "kotak talenta (ekspor)", "9-box cell (exported)"),
    ("factor_source", None, "asesmen kompetensi (2024)", "competency assessment (2024)"),
    ("evidence_source", None, "jabatan sekarang", "current post"),
    ("evidence_source", None, "hukuman disiplin", "disciplinary sanction"),
    ("evidence_text", "jabatan", "Kepala Bidang Budidaya, Dinas Perikanan (2017-sekarang)",
     "Kepala Bidang Budidaya, Dinas Perikanan (2017-present)"),
    ("evidence_text", "jabatan", "Arsiparis, Dinas Arsip sejak 03-2015", "Arsiparis, Dinas Arsip since 03-2015"),
    ("evidence_text", "diklat", "Diklat PIM IV (LAN, 2019, 285 JP)", "Diklat PIM IV (LAN, 2019, 285 lesson hours)"),
    ("evidence_text", "diklat", "Pelatihan AI, nilai 8.5 (Lanjut)", "Pelatihan AI, score 8.5 (Lanjut)"),
    ("evidence_text", "skp", "SKP 2025: Sangat Baik", "SKP 2025: Very good"),
    ("evidence_text", "kotak_talenta", "kotak 9", "cell 9"),
    ("evidence_text", "pensiun", "batas usia pensiun 60 tahun (ahli madya) pada 31-05-2031",
     "retirement age 60 (senior expert) on 2031-05-31"),
    ("evidence_text", "pensiun", "batas usia pensiun 58 tahun (pelaksana) pada 31-05-2028 — jenjang jabatan perlu verifikasi",
     "retirement age 58 (staff post) on 2028-05-31 — post level to be verified"),
    ("evidence_text", "hukuman_disiplin", "ringan: Teguran tertulis", "light: Teguran tertulis"),
]  # fmt: skip


@pytest.mark.parametrize("field, kind, indonesian, english", FORMS)
def test_a_form_is_said_in_either_language(field, kind, indonesian, english):
    assert data_label(field, indonesian, "en", kind) == english
    assert data_label(field, english, "id", kind) == indonesian
    assert data_label(field, indonesian, "id", kind) == indonesian
    assert data_label(field, english, "en", kind) == english


@pytest.mark.parametrize(
    "kind, text",
    [
        ("ringkasan", "Bertugas di bidang ini sejak 03-2015, saat ini sedang: menata arsip (2015-sekarang)"),
        ("pendidikan", "S1 Ilmu Perikanan, Universitas Brawijaya (2002)"),
        ("diklat", "Diklat Teknis Budidaya Ikan Air Tawar (2019)"),
        ("jabatan", "Penyuluh Perikanan, Dinas Perikanan (2005-2016)"),
    ],
)
def test_record_text_stays_as_it_is(kind, text):
    assert evidence_text(kind, text, "en") == text
    assert evidence_text(kind, text, "id") == text


def test_the_retirement_age_keys_the_code_writes_are_named():
    """plans.py writes the table's key ('ahli_madya'); a card says the post level in words."""
    said = evidence_text("pensiun", "batas usia pensiun 60 tahun (ahli_madya) pada 31-05-2031", "id")
    assert said == "batas usia pensiun 60 tahun (ahli madya) pada 31-05-2031"


# ---- a whole card: no word of the other language's labels once the record text is taken out ----------------

# Words only the Indonesian labels use (the card's own strings and the forms above). 'golongan' is not one:
# the English card says "Grade (golongan)", the term a reader looks for in the records.
INDONESIAN = frozenset(
    """
    skor relevansi faktor penilaian nilai bobot keterangan sumber bukti rekam kotak talenta tahun riwayat
    jabatan pendidikan diklat ringkasan profil terkait terlama belum ada tidak tersedia bidang ini asesmen
    kompetensi dihitung dari dan ekspor hukuman disiplin sangat baik kurang butuh perbaikan naik turun
    lainnya sekarang saat sejak batas usia pensiun pada jenjang perlu verifikasi ringan sedang berat kinerja
    pengalaman di pelaksana pengawas ahli madya muda pertama utama keterampilan
    """.split()
)
ENGLISH = frozenset(
    """
    grade cell score relevance factor value weight detail source evidence records years yr position
    history education training profile summary related longest no field assessment competency computed
    from and exported disciplinary sanction very good poor needs improvement rising falling more present
    current post since retirement age on level verified light moderate severe performance lesson hours
    staff supervisor expert senior junior principal skilled
    """.split()
)


def _record_texts() -> list[str]:
    """Everything in the cards that is a record's own text (and the legal clauses the retirement table cites)."""
    texts: list[str] = [rule.source for rule in retirement_ages().values()]
    for p in PEOPLE:
        texts += [p.nama_lengkap, p.jabatan or "", p.unit_kerja or "", p.ringkasan or ""]
        texts += passages(p.ringkasan or "")
        texts += [x for r in p.riwayat_jabatan for x in (r.jabatan, r.unit_kerja or "")]
        texts += [x for d in p.diklat for x in (d.nama, d.penyelenggara or "", d.predikat or "")]
        texts += [x for e in p.pendidikan for x in (e.jurusan or "", e.institusi or "")]
        texts += [h.jenis or "" for h in p.hukuman_disiplin]
    return sorted({t for t in texts if t}, key=len, reverse=True)


RECORD_TEXTS = _record_texts()


def _label_words(markdown: str) -> set[str]:
    text = re.sub(r"\\(.)", r"\1", markdown)  # the Markdown escapes of record text
    for record in RECORD_TEXTS:
        text = text.replace(record, " ")
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)}


def _card(c: CandidateOut, lang: str) -> list[str]:
    """The summary line, each factor row and each evidence line, as the card shows them."""
    return [summary_line(c, lang), *(" | ".join(row) for row in factor_rows(c, lang)),
            *(evidence_line(ev, lang) for ev in c.evidence)]  # fmt: skip


@pytest.mark.parametrize("lang, other", [("en", INDONESIAN), ("id", ENGLISH)])
def test_a_card_has_no_label_word_of_the_other_language(candidates, lang, other):
    left = {
        line: words & other
        for c in candidates
        for line in _card(c, lang)
        if (words := _label_words(line)) & other
    }
    assert not left


def test_the_first_fisheries_card_in_english(candidates):
    siti = next(c for c in candidates if c.nip == "198003152005011002")  # asked in Indonesian first
    assert summary_line(siti, "en").startswith(
        "NIP `198003152005011002` · Grade (golongan) **III/d** · 9-box cell **9**"
    )
    rows = {row[0]: row for row in factor_rows(siti, "en")}
    assert rows["Field relevance"][3].startswith("field relevance ")
    assert rows["Performance (SKP)"][3] == "SKP 2023: Very good, 2024: Very good, 2025: Very good"
    assert rows["9-box cell"][4] == "9-box cell (computed from SKP and assessment)"
    post = evidence_line(siti.evidence[0], "en")
    assert re.fullmatch(
        r"\*\*position history\*\* — Kepala Bidang Budidaya, Dinas Perikanan \(2017-present\) · \d+ yr", post
    )


# ---- the factor table -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, columns",
    [
        ("en", ["Factor", "Value", "Weight", "Detail", "Source"]),
        ("id", ["Faktor", "Nilai", "Bobot", "Keterangan", "Sumber"]),
    ],
)
def test_the_factor_table_has_its_columns_and_a_row_per_factor(lang, columns):
    c = CandidateOut(
        rank=1, nip="198003152005011002", nama="Siti", nama_lengkap="Siti", score=0.6, relevance=0.6, merit=0.8,
        reasons=[], evidence=[EvidenceOut(kind="jabatan", source="riwayat jabatan", text="Kepala *Bidang* [x]")],
        factors=[
            FactorOut(name="relevansi_bidang", value=0.642, weight=0.8, detail="relevansi bidang 0.64", source="diklat"),
            FactorOut(name="diklat_terkait", value=0.2, weight=0.3, detail="diklat terkait: Diklat *PIM* $5 (2019)",
                      source="diklat 2019"),
        ],
    )  # fmt: skip
    frame = factor_table(c, lang)
    assert list(frame.columns) == columns
    assert len(frame) == 2 and frame.iloc[0, 1] == "0.64" and frame.iloc[0, 2] == "0.80"
    assert frame.iloc[0, 0] == ("Field relevance" if lang == "en" else "Relevansi bidang")
    assert "\\*PIM\\* \\$5" in frame.iloc[1, 3]  # a cell is Markdown: record text is escaped
