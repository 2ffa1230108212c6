"""The model's paragraph, checked one sentence at a time before anyone sees it.

The ranked list is built by code; the model may only add a short paragraph around it. Each of its
sentences is shown only when all of these hold:

- **people**: every stored person it names is a ranked candidate; the first person the paragraph
  names is rank 1; a "best / paling cocok" sentence names rank 1 first; a stated rank is the
  person's own;
- **claims**: every number, 9-box cell and SKP predicate is in the facts of the person the sentence
  is about, and every content word is in those facts (after stemming and the field thesaurus, so
  "fisheries" meets "perikanan"), in the question, or is a discourse word ("kandidat", "verify");
- **no scaffolding**: no words of the prompt's structure ("FAKTA", "the information provided");
- **one language**: the sentence's own words read in the answer's language;
- **no list**: the list is already on screen; a sentence that walks through it is dropped;
- **complete**: a sentence cut off by the token limit is dropped.

The sentence is "about" the candidates it names; with none named, the one named last (a pronoun);
before anyone is named, every candidate given to the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from assistant.domain.query import normalize_concepts
from assistant.domain.text import stem, text_language
from assistant.services.schemas import CandidateOut, SearchResult

_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:[-'][A-Za-zÀ-ÿ0-9]+)*")
_CELL = re.compile(r"\b(?:kotak(?:\s+talenta)?|(?:9-box\s+)?cell|box)\s*(?:ke-?|no\.?|nomor|number)?\s*(\d)\b", re.I)
_PREDIKAT = re.compile(r"\b(sangat\s+baik|butuh\s+perbaikan|sangat\s+kurang|baik|kurang)\b", re.I)
_NUMBER = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)?(?![\w/])")
_SCAFFOLD = re.compile(
    r"\b(?:fakta|facts?|pertanyaan|question|prompt|instruksi|instructions?|system message|pesan sistem)\b|"
    r"\b(?:information|data|details?|context)\s+(?:provided|given|above|below)\b|"
    r"\b(?:informasi|data|konteks)\s+(?:yang\s+)?(?:diberikan|tersedia\s+di\s+atas|di\s+atas)\b|"
    r"\b(?:as an ai|sebagai ai|language model|model bahasa)\b",
    re.I,
)
_LIST_START = re.compile(r"^\s*(?:[-*•]|\d+[.)]\s|(?:peringkat|rank(?:ed)?|kandidat|candidate)\s*#?\d+\s*[:.)-])", re.I)
_SUPERLATIVE = re.compile(
    r"\b(?:paling\s+(?:cocok|sesuai|tepat|layak|unggul|kuat|menonjol|baik)|terbaik|teratas|terkuat|unggulan|"
    r"best|most\s+(?:suitable|suited|qualified|fitting|appropriate)|strongest|top\s+(?:candidate|choice|pick)|"
    r"first\s+choice|pilihan\s+(?:utama|pertama))\b",
    re.I,
)
_ORDINAL = {
    "pertama": 1, "kesatu": 1, "first": 1, "kedua": 2, "second": 2, "ketiga": 3, "third": 3,
    "keempat": 4, "fourth": 4, "kelima": 5, "fifth": 5,
}  # fmt: skip
_RANK = re.compile(
    r"\b(?:peringkat|urutan|rank(?:ed|ing)?|posisi|nomor|number|no\.)\s*(?:ke-?\s*)?#?\s*(\d+|"
    + "|".join(_ORDINAL)
    + r")\b|\b(\d+)(?:st|nd|rd|th)\b|#(\d+)\b|\b(?:ranked|ranks)\s+(first|second|third|fourth|fifth)\b",
    re.I,
)
# Words a paragraph may use about any candidate: discourse, hedging, the decision, the measures
# whose values are checked on their own (a cell, a predicate, a number).
_DISCOURSE = frozenset(
    """
    yang dan di ke dari untuk dengan pada dalam atau ini itu adalah ialah sebagai oleh para serta juga
    ia dia beliau mereka nya keduanya ketiganya kedua ketiga pertama kandidat calon pegawai asn pns
    memiliki mempunyai punya pengalaman berpengalaman kuat solid baik lebih paling sangat cukup relevan
    cocok sesuai tepat layak unggul menonjol terbaik teratas utama menunjukkan ditunjukkan didukung
    mendukung berdasarkan rekam jejak catatan latar belakang bidang terkait perlu diverifikasi verifikasi
    periksa diperiksa memeriksa pastikan dipastikan mempertimbangkan pertimbangan pertimbangkan
    dipertimbangkan keputusan tetap ppk pejabat pembina kepegawaian peringkat urutan sementara namun
    tetapi sedangkan selain itu kemampuan kompetensi keahlian menjadi pilihan dibanding dibandingkan
    daripada selisih tipis jauh dekat kelebihan kekurangan kelemahan kekuatan data rekaman bukti status
    kelayakan memenuhi syarat lengkap belum sudah masih telah tahun jabatan unit kerja posisi tugas
    menjabat saat kini sekarang merit skor nilai kinerja skp predikat kotak talenta sembilan penilaian
    asesmen diklat pelatihan pendidikan terakhir riwayat tinggi rendah sama serupa berbeda beda hal
    terutama khususnya yakni yaitu sehingga karena agar supaya bila jika apabila dapat bisa akan harus
    sebelum sesudah setelah selama hingga sampai sejak saja pun hanya lain lainnya tersebut demikian
    setiap semua seluruh banyak beberapa sedikit masing secara langsung mengingat melihat dilihat
    menempati ditempatkan menduduki posisinya adanya ada tidak bukan kurang tanpa antara di antara
    the a an of for in on to and or with who which what is are was were be been being has have had
    as at by from this that these those it its he she his her him they their them both either each
    candidate candidates employee employees staff person people civil servant servants strong solid
    good better best most more very quite relevant suited suitable fit fits fitting stands stand out
    outstanding leading top first second third experience experienced background record track records
    field related verify verified verifying check checked confirm confirmed consider considered
    considering decision decisions stays remains remain rests with appointing official officials ppk
    ranked rank ranking while whereas however but also though although yet since because so thus
    therefore given based on shows show shown showing demonstrates supported support supports evidence
    data status eligibility eligible meets meet requirements requirement complete incomplete not no yet
    already still year years post posts position positions role roles unit office current currently
    now merit score scores value performance rating ratings skp predicate cell box talent nine 9-box
    assessment training trainings education degree history high higher low lower same similar different
    especially particularly namely which makes make made can could may might should must would will
    before after during until up over than then there here other others another such every all
    many several few each only just even well key main clear clearly close closely slightly far ahead
    behind between among choice option options note noted worth mention mentioned holds hold holding
    serves serving served works working worked further additional additionally moreover also strength
    strengths weakness weaknesses gap gaps advantage edge compared comparison against versus vs
    berturut-turut berturut turut apakah kesiapan siap dikalibrasi kalibrasi struktural fungsional
    dikenal terlihat tampak tercatat mencatat catat menjadikan membuat menambah tambahan selanjutnya
    lanjut berikutnya sebaiknya disarankan saran rekomendasi direkomendasikan memutuskan diputuskan
    pilih memilih dipilih menilai dinilai layak kelayakan terpenuhi dipenuhi persyaratan kesesuaian
    including include includes known strong stronger strongest weak weaker deciding decide decided
    before deciding recommend recommended recommendation suggests suggest note notes noting readiness
    ready calibrated calibration structural functional appointment appoint appointed choose chosen
    select selected selection qualified qualification qualifications fitting apt notable notably
    holds role ranks ranking ranked lists listed list areas area matches match matching expertise
    due extensive extended long longer career level levels specific skill skills skilled significant
    factor factors process hand general contrast received receive consistent consistently proven
    overall important importance valuable capable capability ability abilities means mean meaning
    indicates indicate indicator reflect reflects reflecting suggests demonstrating solidly directly
    tingkat prestasi keterampilan terampil efektif efisien konsisten signifikan penting berharga
    involved noteworthy amount time foundation achievement terlibat pencapaian bidangnya
    profesional professional having review luas diberikan bahwa merasakan positive duties effectively
    efektif evaluation number rounded manajemen membantu kualitas mengembangkan responsibility tenure
    aligns align mendapatkan menerima indicator indicators
    panjang lama karier karir mampu menerima diterima mencerminkan menandakan artinya berarti umum
    """.split()
)
# English words of the civil service and the Indonesian stems that support them (and back).
_GLOSSARY: dict[str, tuple[str, ...]] = {
    "office": ("dinas", "kantor"), "agency": ("badan",), "department": ("dinas", "bagian"),
    "head": ("kepala",), "chief": ("kepala",), "lead": ("kepala", "pimpin"), "leads": ("kepala", "pimpin"),
    "led": ("kepala", "pimpin"), "leader": ("pimpin", "kepala"), "leadership": ("pimpin",),
    "division": ("bidang",), "section": ("seksi",), "subdivision": ("subbagian", "subbidang"),
    "secretary": ("sekretaris",), "secretariat": ("sekretariat",), "regency": ("kabupaten",),
    "city": ("kota",), "district": ("kecamatan",), "village": ("desa",), "health": ("sehat",),
    "training": ("diklat", "latih", "bimtek", "kursus"), "trained": ("diklat", "latih"), "course": ("diklat", "kursus", "latih"),
    "courses": ("diklat", "kursus", "latih"), "workshop": ("bimtek", "latih"), "education": ("didik",),
    "bachelor": ("s1",), "bachelors": ("s1",), "master": ("s2",), "masters": ("s2",), "doctorate": ("s3",),
    "doctoral": ("s3",), "diploma": ("d3", "d4"), "graduate": ("lulus", "s1", "s2"), "university": ("universitas",),
    "planning": ("rencana",), "planner": ("rencana",), "finance": ("uang",), "financial": ("uang",),
    "budget": ("anggar",), "accounting": ("akuntansi",), "audit": ("audit", "periksa"), "auditor": ("auditor",),
    "management": ("kelola", "manajemen"), "manager": ("kelola",), "managing": ("kelola",), "analyst": ("analis",),
    "extension": ("suluh",), "supervisor": ("awas",), "supervision": ("awas",), "inspector": ("awas", "periksa"),
    "teacher": ("guru",), "school": ("sekolah",), "hospital": ("rumah", "rsud"), "nurse": ("awat",),
    "doctor": ("dokter",), "engineer": ("teknik", "insinyur"), "engineering": ("teknik",), "technical": ("teknis",),
    "senior": ("madya", "utama"), "junior": ("pertama", "muda"), "expert": ("ahli",), "skilled": ("terampil",),
    "functional": ("fungsional",), "structural": ("struktural",), "executive": ("pelaksana",),
    "administration": ("administrasi",), "administrator": ("administrator",), "administrative": ("administrasi",),
    "public": ("umum", "publik"), "service": ("layan",), "services": ("layan",), "development": ("bangun", "kembang"),
    "environment": ("lingkung",), "environmental": ("lingkung",), "information": ("informasi",),
    "technology": ("teknologi",), "social": ("sosial",), "welfare": ("sejahtera",), "population": ("duduk",),
    "registration": ("catat",), "disaster": ("bencana",), "regional": ("daerah",), "region": ("daerah",),
    "human": ("sdm", "manusia"), "resources": ("daya", "sdm"), "aquaculture": ("budidaya",), "farming": ("budidaya", "tani"),
    "legal": ("hukum",), "law": ("hukum",), "drafting": ("susun",), "regulation": ("atur",), "data": ("data",),
}  # fmt: skip
_ABBREVIATION = re.compile(
    r"(?:\b(?:dr|drs|dra|drg|ir|hj|h|st|sh|se|sp|spd|mm|mh|msi|mt|mpd|no|kab|kec|prof|dkk|dll|dsb|tmt|jl|gol|"
    r"[a-z])|\b[A-Z]\.[A-Za-z]{1,4})\.$",
    re.I,
)
_EN_PREDICATE = {"very good": "sangat baik", "good": "baik", "needs improvement": "butuh perbaikan",
                 "poor": "kurang", "very poor": "sangat kurang"}  # fmt: skip
_PREDIKAT_EN = re.compile(r"\b(very\s+good|needs\s+improvement|very\s+poor|good|poor)\b", re.I)
# "X stands out because ...": the reason must be a merit of the record, not the rank itself or a shortfall.
_STANDS_OUT = re.compile(r"\b(?:menonjol|unggul|stands?\s+out|excels?)\b[^.]*?\b(?:karena|sebab|because|due\s+to|as|with|dengan)\b(?P<why>.*)", re.I)
_CIRCULAR = re.compile(
    r"\b(?:peringkat\s*(?:ke-?)?\s*(?:1|pertama)|rank(?:ed)?\s*(?:of\s*)?#?\s*(?:1|first)\b|ranked\s+1st|1st\s+in|"
    r"paling\s+cocok|terbaik|best[- ]suited|most\s+suitable|top\s+candidate|kandidat\s+terbaik|perbedaan\s+utama)",
    re.I,
)
_NEGATIVE = re.compile(
    r"\b(?:kurang|tidak\s+memenuhi|belum\s+memenuhi|tidak\s+baik|butuh\s+perbaikan|terendah|does\s+not\s+meet|"
    r"doesn'?t\s+meet|not\s+eligible|ineligible|lowest|poor|needs\s+improvement|lacks?)\b",
    re.I,
)
# A comparison across candidates that no single record states.
_COMPARATIVE = re.compile(
    r"\b(?:satu-satunya|the\s+only\s+(?:one|candidate|person)|tertinggi|terendah|highest|lowest|paling\s+(?:tinggi|rendah|lama|banyak))\b|"
    r"\b(?:than|dari(?:pada)?|over)\s+(?:the\s+|semua\s+)?(?:other|others|lain(?:nya)?|kandidat|candidates?|rank|peringkat)\b|"
    r"\b(?:kandidat|candidates?)\s+(?:lain(?:nya)?|others?)\b",
    re.I,
)
# 'has a 9-box cell.' with no number: a non-reason a reader takes for a high cell.
_VAGUE_CELL = re.compile(r"\b(?:(?:a|the)\s+9-box\s+cell|kotak\s+talenta)\s*(?:[.,;]|$|\s+(?:and|dan|which|yang\s+menunjukkan)\b)", re.I)
_PRAISE = re.compile(
    r"\b(?:sangat\s+baik|baik|good|strong|kuat|excellent|high|tinggi|unggul|outstanding|positive|positif)\b", re.I
)
_LOW_PREDICATES = frozenset({"kurang", "butuh perbaikan", "sangat kurang"})
_OVER_YEARS = re.compile(r"\b(?:over|more\s+than|lebih\s+dari|di\s+atas)\s+(\d+(?:[.,]\d+)?)\s*(?:years?|tahun)\b", re.I)
_ORDINAL_NUM = re.compile(r"\d+(?:st|nd|rd|th)")
_LABEL = re.compile(r"^(?:kalimat|sentence|catatan|note)\s*\d*\s*:\s*", re.I)
_END = re.compile(r"[.!?](?:[\"'”’)]*)(?=\s+|$)")


@dataclass(frozen=True)
class SentenceVerdict:
    text: str
    ok: bool
    reasons: tuple[str, ...] = ()


@dataclass(eq=False)
class _Person:
    candidate: CandidateOut
    keys: frozenset[str]
    numbers: frozenset[str]


def split_sentences(text: str) -> tuple[list[str], str]:
    """(complete sentences, the unfinished rest). A line break ends a sentence; a period after a
    title or an initial ("Dr.", "S.Pd.", "M.") does not; a period at the very end waits for the next
    token, which tells whether a new sentence starts."""
    *lines, last = text.split("\n")
    sentences: list[str] = []
    for line in lines:
        done, rest = _split_line(line)
        sentences += done + ([rest.strip()] if rest.strip() else [])
    done, rest = _split_line(last)
    return sentences + done, rest


def _split_line(text: str) -> tuple[list[str], str]:
    sentences: list[str] = []
    start = 0
    for m in _END.finditer(text):
        rest = text[m.end() :]
        nxt = rest.lstrip()
        if not nxt:
            break  # wait: the next token decides
        piece = text[start : m.end()]
        if m.group(0).startswith(".") and _ABBREVIATION.search(piece.rstrip("\"'”’)")):
            continue
        if not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"'“(*-"):
            continue  # "... Kab. bla": the next word does not start a sentence
        if piece.strip():
            sentences.append(piece.strip())
        start = m.end()
    return sentences, text[start:]


def keys(text: str) -> set[str]:
    """What a text says, as comparable stems: thesaurus concepts in either language, then stems."""
    normalized, concepts = normalize_concepts(text)
    out = {stem(w.lower()) for w in _WORD.findall(normalized) if not w.isdigit()}
    out |= {stem(w.lower()) for w in _WORD.findall(text) if not w.isdigit()}  # 'budidaya' of 'budidaya ikan' too
    out.update(concepts)
    for concept in concepts:
        out.update(stem(w) for w in concept.split())
    return out


@lru_cache(maxsize=1)
def _discourse_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _DISCOURSE) | _DISCOURSE


def _numbers(text: str) -> set[str]:
    return {_num(n) for n in _NUMBER.findall(text)}


def _num(n: str) -> str:
    n = n.replace(",", ".")
    return n.rstrip("0").rstrip(".") if "." in n else n


def candidate_text(c: CandidateOut) -> str:
    """Everything the record says about a candidate that a paragraph may repeat."""
    parts = [c.nama_lengkap, c.nama, c.jabatan, c.unit_kerja, c.golongan, c.jenis_jabatan, c.kotak_talenta_arti]
    parts += [ev.text for ev in c.evidence] + [ev.source for ev in c.evidence]
    parts += [f"{f.detail} {f.source}" for f in c.factors]
    if c.eligibility is not None:
        parts.append(c.eligibility.summary)
        parts += [f"{r.detail} {r.evidence or ''}" for r in c.eligibility.rules]
    if c.kotak_talenta is not None:
        parts.append(f"kotak {c.kotak_talenta} cell {c.kotak_talenta}")
    return " . ".join(p for p in parts if p)


def _person(c: CandidateOut, extra: str = "") -> _Person:
    text = candidate_text(c) + " " + extra
    years = c.tahun_bidang_terkait
    numbers = _numbers(text) | {str(c.rank), str(int(years)), str(round(years))}
    numbers |= {_num(f"{f.value:.2f}") for f in c.factors} | {_num(f"{c.score:.2f}")}
    return _Person(c, frozenset(keys(text)), frozenset(numbers))


@dataclass
class ParagraphChecker:
    """Checks the sentences of one paragraph in order (the rank-order rule needs the order)."""

    result: SearchResult
    question: str
    known_names: Mapping[str, str] = field(default_factory=dict)
    given: int = 3  # how many candidates the model was shown
    facts: Mapping[str, str] = field(default_factory=dict)  # nip -> the facts line the model read
    _people: list[_Person] = field(init=False)
    _question_keys: set[str] = field(init=False)
    _question_numbers: set[str] = field(init=False)
    _named_any: bool = field(init=False, default=False)
    _last: list[_Person] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self._people = [_person(c, self.facts.get(c.nip, "")) for c in self.result.candidates]
        base = f"{self.question} {self.result.field} {self.result.target_title or ''}"
        self._question_keys = keys(base)
        self._question_numbers = _numbers(base) | {str(self.result.total_people), str(len(self.result.candidates))}
        self._question_numbers |= {f"{self.result.total_people:,}".replace(",", "."), f"{self.result.total_people:,}"}

    # -- who a sentence is about ---------------------------------------------------------------
    def _named(self, sentence: str) -> list[tuple[int, _Person]]:
        low = sentence.lower()
        found: list[tuple[int, _Person]] = []
        for p in self._people:
            at = _find_name(low, p.candidate)
            if at >= 0:
                found.append((at, p))
        return sorted(found, key=lambda x: x[0])

    def check(self, sentence: str, complete: bool = True) -> SentenceVerdict:
        reasons: list[str] = []
        text = _LABEL.sub("", sentence.strip())  # "Kalimat 1:" / "Sentence 2:" is layout, not a claim
        if not text:
            return SentenceVerdict(text, True)
        if not complete:
            reasons.append("kalimat terpotong")
        if m := _SCAFFOLD.search(text):
            reasons.append(f"kata dari kerangka prompt: {m.group(0)!r}")
        if _LIST_START.match(text):
            reasons.append("mengulang daftar")
        if (why := _STANDS_OUT.search(text)) is not None:
            if _CIRCULAR.search(why.group("why")):
                reasons.append("alasan melingkar: menonjol karena peringkatnya")
            if _NEGATIVE.search(why.group("why")):
                reasons.append("alasan menonjol berupa kekurangan")
        if m := _COMPARATIVE.search(text):
            reasons.append(f"perbandingan antarkandidat yang tidak tertulis di rekaman: {m.group(0)!r}")
        if _VAGUE_CELL.search(text):
            reasons.append("kotak talenta disebut tanpa nomornya")
        named = self._named(text)
        if len(named) >= 3:
            reasons.append("mengulang daftar (menyebut tiga kandidat atau lebih)")
        reasons += self._strangers(text)
        if named:
            first = named[0][1].candidate
            if not self._named_any and first.rank != 1:
                reasons.append(f"orang pertama yang disebut bukan peringkat 1: {first.nama} (peringkat {first.rank})")
            if _SUPERLATIVE.search(text) and first.rank != 1:
                reasons.append(f"'terbaik / paling cocok' untuk {first.nama} (peringkat {first.rank})")
            self._named_any = True
        # About the people it names and the one the previous sentence was about ("Dibanding Bagus, ia ...").
        about = list(dict.fromkeys([p for _, p in named] + self._last)) or self._people[: self.given]
        reasons += self._ranks(text, named)
        # A cell or a predicate is said of the person named with it: no borrowing from the sentence before.
        reasons += self._cells_and_predicates(text, [p for _, p in named] or about)
        reasons += self._claims(text, about)
        reasons += self._praise_and_years(text, [p for _, p in named] or about)
        reasons += self._language(text, about)
        if named:
            self._last = [p for _, p in named]
        return SentenceVerdict(text, not reasons, tuple(reasons))

    def _strangers(self, text: str) -> list[str]:
        low = text.lower()
        allowed = {c.nama.lower() for c in self.result.candidates}
        for name in sorted(allowed, key=len, reverse=True):  # "Heni Rahmawati" inside "Ningsih Heni Rahmawati"
            low = low.replace(name, " ")
        return [
            f"nama di luar hasil pencarian: {name}"
            for name in self.known_names.values()
            if name and len(name) >= 6 and name.lower() not in allowed and name.lower() in low
        ]

    def _ranks(self, text: str, named: Sequence[tuple[int, _Person]]) -> list[str]:
        out: list[str] = []
        for m in _RANK.finditer(text):
            raw = next(g for g in m.groups() if g)
            rank = int(raw) if raw.isdigit() else _ORDINAL[raw.lower()]
            if rank > len(self.result.candidates):
                out.append(f"peringkat {rank} tidak ada")
                continue
            if named:
                nearest = min(named, key=lambda x: abs(x[0] - m.start()))[1].candidate
                if nearest.rank != rank:
                    out.append(f"peringkat salah: {m.group(0)!r} untuk {nearest.nama} (peringkat {nearest.rank})")
        return out

    def _cells_and_predicates(self, text: str, about: Sequence[_Person]) -> list[str]:
        out: list[str] = []
        cells = {p.candidate.kotak_talenta for p in about if p.candidate.kotak_talenta}
        for m in _CELL.finditer(text):
            if int(m.group(1)) not in cells:
                out.append(f"kotak talenta tidak didukung: {m.group(0)!r}")
        allowed = {pred for p in about for pred in _predicates_by_year(p.candidate).values()}
        for m in [*_PREDIKAT.finditer(text), *_PREDIKAT_EN.finditer(text)]:
            context = text[max(0, m.start() - 40) : m.start()].lower()
            if not any(w in context for w in ("skp", "predikat", "kinerja", "rating", "performance")):
                continue
            said = m.group(1).lower()
            said = _EN_PREDICATE.get(" ".join(said.split()), said)
            year = _YEAR_BEFORE.search(context[-20:])
            by_year = {y: p for person in about for y, p in _predicates_by_year(person.candidate).items()}
            if said not in allowed or (year and by_year.get(year.group(1), said) != said):
                out.append(f"predikat SKP tidak didukung: {m.group(0)!r}" + (f" ({year.group(1)})" if year else ""))
        return out

    def _praise_and_years(self, text: str, about: Sequence[_Person]) -> list[str]:
        """Praise that the latest SKP contradicts; 'over N years' that the record does not reach."""
        out: list[str] = []
        low = {p.candidate.nama for p in about if _latest_predicate(p.candidate) in _LOW_PREDICATES}
        if low and _PRAISE.search(text):
            out.append("pujian yang bertentangan dengan SKP terakhir: " + ", ".join(sorted(low)))
        for m in _OVER_YEARS.finditer(text):
            n = float(m.group(1))
            if about and not any(p.candidate.tahun_bidang_terkait > n for p in about):
                out.append(f"lebih dari {m.group(1)} tahun tidak didukung rekaman")
        return out

    def _claims(self, text: str, about: Sequence[_Person]) -> list[str]:
        support = set(self._question_keys).union(*(p.keys for p in about))
        numbers = set(self._question_numbers).union(*(p.numbers for p in about))
        out: list[str] = []
        cell_numbers = {m.group(1) for m in _CELL.finditer(text)}
        rank_numbers = {g for m in _RANK.finditer(text) for g in m.groups() if g}
        for n in _numbers(text):
            if n not in numbers and n not in cell_numbers and n not in rank_numbers:
                out.append(f"angka tidak didukung: {n}")
        normalized, concepts = normalize_concepts(text)
        missing: list[str] = []
        for concept in concepts:
            if concept not in support and not any(stem(w) in support for w in concept.split()):
                missing.append(concept)
        concept_words = {w for c in concepts for w in c.split()}
        for word in _WORD.findall(normalized):
            low = word.lower()
            if low.isdigit() or len(low) < 3 or low in concept_words or _is_discourse(low) or _ORDINAL_NUM.fullmatch(low):
                continue
            s = stem(low)
            if s in support or low in support:
                continue
            if any(stem(alt) in support or alt in support for alt in _GLOSSARY.get(low, ())):
                continue
            missing.append(word)
        if missing:
            out.append("klaim tidak didukung rekaman: " + ", ".join(dict.fromkeys(missing)))
        return out

    def _language(self, text: str, about: Sequence[_Person]) -> list[str]:
        theirs = set().union(*(p.keys for p in about))
        own = " ".join(w for w in _WORD.findall(text) if stem(w.lower()) not in theirs)
        lang = text_language(own)
        if lang is not None and lang != self.result.language:
            return [f"bahasa kalimat ({lang}) bukan bahasa jawaban ({self.result.language})"]
        return []


_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\b\W*(?:\w+\W+){0,2}$")
_SKP_YEAR = re.compile(r"((?:19|20)\d\d): ((?:sangat |butuh )?(?:baik|kurang|perbaikan))", re.I)


def skp_by_year(c: CandidateOut) -> dict[str, str]:
    """A candidate's SKP predicates by year, as their performance factor says them:
    'SKP 2023: Baik, 2024: Sangat Baik' -> {'2023': 'Baik', '2024': 'Sangat Baik'}."""
    detail = " ".join(f.detail for f in c.factors if f.name == "kinerja")
    return dict(_SKP_YEAR.findall(detail))


def _predicates_by_year(c: CandidateOut) -> dict[str, str]:
    """The same, lower case: {'2023': 'baik', '2024': 'sangat baik'}."""
    return {y: " ".join(p.lower().split()) for y, p in skp_by_year(c).items()}


def _latest_predicate(c: CandidateOut) -> str | None:
    by_year = _predicates_by_year(c)
    return by_year[max(by_year)] if by_year else None


def _is_discourse(word: str) -> bool:
    if word in _DISCOURSE or stem(word) in _discourse_stems():
        return True
    for suffix in ("s", "es", "ed", "d", "ing", "er", "est", "ly"):  # English inflections of a discourse word
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[: -len(suffix)] in _DISCOURSE:
            return True
    return False


def _find_name(low: str, c: CandidateOut) -> int:
    """Where a candidate is named: the full name, or at least two of its words in a row."""
    name = c.nama.lower()
    at = low.find(name)
    if at >= 0:
        return at
    words = name.split()
    for i in range(len(words) - 1):
        pair = f"{words[i]} {words[i + 1]}"
        if len(pair) >= 7 and (at := low.find(pair)) >= 0:
            return at
    return -1


@dataclass
class CheckedParagraph:
    verdicts: list[SentenceVerdict] = field(default_factory=list)  # every sentence, in order

    @property
    def kept(self) -> list[str]:
        return [v.text for v in self.verdicts if v.ok]

    @property
    def dropped(self) -> list[SentenceVerdict]:
        return [v for v in self.verdicts if not v.ok]

    @property
    def text(self) -> str:
        return " ".join(self.kept)


def checked_sentences(
    tokens: Iterable[str], checker: ParagraphChecker, out: CheckedParagraph, stopped: Mapping[str, Any] | None = None
) -> Iterator[str]:
    """Model tokens in, checked sentences out (each followed by a space), as soon as each ends.
    The rest at the end of the stream is a sentence when it ends like one, or when the model stopped
    by itself (``stopped['finish'] == 'stop'``); otherwise it was cut off by the token limit."""
    buffer = ""
    for token in tokens:
        buffer += token
        done, buffer = split_sentences(buffer)
        for sentence in done:
            yield from _emit(checker.check(sentence), out)
    natural = (stopped or {}).get("finish") == "stop"
    rest = [s for line in buffer.split("\n") for s in _final(line)]
    for i, sentence in enumerate(rest):
        complete = sentence.rstrip("\"'”’»)").endswith((".", "!", "?")) or (natural and i == len(rest) - 1)
        yield from _emit(checker.check(sentence.strip("«»"), complete=complete), out)


def _final(line: str) -> list[str]:
    """The sentences of the stream's last line: every sentence end counts now."""
    done, rest = _split_line(line + " X")
    rest = rest[:-2]
    return done + ([rest.strip()] if rest.strip() else [])


def _emit(verdict: SentenceVerdict, out: CheckedParagraph) -> Iterator[str]:
    out.verdicts.append(verdict)
    if verdict.ok:
        yield verdict.text + " "
