"""Filters written in words, Indonesian or English: "golongan III/c ke atas", "lulusan S2",
"yang sudah diklat PIM", "di Dinas Kesehatan", "fungsional saja", "III/c or above"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.domain.golongan import GolonganError, parse_golongan
from assistant.domain.text import plain_spelling

_GOL = r"((?:IV|III|II|I)\s*/\s*[a-eA-E])"
_GOL_WORD = r"(?:(?:golongan|gol\.?|grade|rank)\s*)?"
_GOL_MIN = re.compile(
    rf"{_GOL_WORD}(?:minimal|min\.?|paling rendah|sekurang-kurangnya|at least)\s*{_GOL_WORD}{_GOL}|"
    rf"{_GOL_WORD}{_GOL}\s*(?:ke\s*atas|keatas|atau lebih tinggi|or above|and above|or higher|\+)",
    re.I,
)
_GOL_MAX = re.compile(
    rf"{_GOL_WORD}(?:maksimal|maks\.?|paling tinggi|at most)\s*{_GOL_WORD}{_GOL}|"
    rf"{_GOL_WORD}{_GOL}\s*(?:ke\s*bawah|kebawah|or below|and below)",
    re.I,
)
_EDU = r"(S-?3|S-?2|S-?1|D-?IV|D-?4|D-?3|D-?III|doktor|magister|master'?s?(?!\s+(?:plans?|planning|data|list|class|key|files?|schedule)\b)|sarjana|bachelor'?s?|doctorate|phd)"
_EDU_MIN = re.compile(
    rf"(?:lulusan|berpendidikan|pendidikan|minimal|min\.?|at least|with an?|holding an?|graduates?)\s*(?:minimal\s*)?{_EDU}|{_EDU}\s*(?:ke\s*atas|or above|and above|degree)",
    re.I,
)
_DIKLAT = re.compile(
    r"\b(diklat\s*pim(?:\s*(?:I{1,3}V?|IV|[1-4]))?|pim\s*(?:I{1,3}V?|IV|[1-4])|pkn(?:\s*(?:I{1,2}|[12]))?|pka|pkp|"
    r"pelatihan\s+kepemimpinan(?:\s+\w+)?|leadership\s+training|diklat\s+kepemimpinan)\b",
    re.I,
)
_UNIT = re.compile(
    r"\b(?:di|dari|pada|in|at|from)\s+((?:dinas|badan|rsud|kecamatan|kelurahan|sekretariat|inspektorat|bappeda|"
    r"bpkad|bapenda|bkpsdm|bpbd|satpol|satuan|kantor|puskesmas|the)[\w\s.&-]*?)(?=\s+(?:saja|only|yang|who|with)\b|[?.,!]|$)",
    re.I,
)
# Giving training is work, not a training taken: 'running creative workshops', 'menyelenggarakan pelatihan'.
DOING_TRAINING = re.compile(
    r"\b(?:run|runs|running|ran|give|gives|giving|deliver|delivers|delivering|conduct|conducts|conducting|organi[sz]e|"
    r"organi[sz]es|organi[sz]ing|facilitat(?:e|es|ing)|lead|leading|design|designing|teach|teaching|menyelenggarakan|"
    r"mengadakan|menggelar|menyusun|menyiapkan|memberikan|memberi|melatih|memfasilitasi|merancang|mengajar|host|hosting|"
    r"hold|holding|prepare|preparing)\s+(?:[\w-]+\s+){0,3}"
    r"(?:pelatihan|diklat|bimtek|kursus|training|trainings|workshops?|courses?)\b",
    re.I,
)


def given_training(text: str, start: int, end: int) -> bool:
    """Whether the training named at ``text[start:end]`` is one to give (run, design, menyelenggarakan),
    not one the person took."""
    return any(d.start() < end and d.end() > start for d in DOING_TRAINING.finditer(text))


# Running a body of work, and the nouns for a unit's work, which both alternatives below name.
_RUNNING = r"lead|leading|memimpin|run|running|handle|handling|manage|managing|menangani|mengurus|mengelola"
WORK_OF = r"affairs|programmes?|programs?|duties|urusan"
# What comes before a unit that is the object of the work asked about, not where the people work: 'lead a
# community health centre', 'head of the fisheries office'. Both parsers leave such a unit to the field search.
UNIT_AS_OBJECT = re.compile(
    rf"\b(?:{_RUNNING}|mengepalai|pimpin|to\s+head|head\s+of|heads?|kepala|pimpinan|pemimpin|chief\s+of)"
    r"\s+(?:(?:a|an|the)\s+)?$|"
    # where the person would go, not where they are: 'paling cocok ditempatkan di Dispusip', 'placed at the DLH'
    r"\b(?:ditempatkan|dimutasi|dipindah(?:kan)?|ditugaskan|diangkat|placed|posted|assigned|transferred|moved|appointed)"
    r"\s+(?:(?:di|ke|pada|at|to|in)\s+)?(?:the\s+)?$|"
    # the work a unit does, not the people in it: 'KUMKM affairs at the Diskopukm', 'the KB programme at
    # DP2KB', 'run the work of the Disnakkeswan', 'urusan LLAJ di Dishub' (blind SIASN set 2, session 10)
    # ('work at DLH' is where people work: 'work' counts only as 'the work', 'its work')
    rf"\b(?:(?:the|its|their)\s+work|{WORK_OF}|portfolio|program|pekerjaan|kegiatan)"
    r"(?:\s+[\w/-]+){0,2}\s+(?:of|at|in|for|di|pada)\s+(?:the\s+)?$|"
    # ... also after a list of what that work is, and after running it: 'urusan RTLH, BSPS, PSU dan kawasan
    # kumuh di Disperkimtan', 'manage the CPPD rice reserve, FSVA mapping and B2SA campaigns at the DKP' (blind
    # SIASN set 3, session 11); not once the people are said to work there ('urusan keuangan dan bekerja di')
    rf"\b(?:{WORK_OF}|{_RUNNING})"
    r"(?:[\s,;/]+(?!(?:bekerja|kerja|works?|working|bertugas|berdinas|berkantor|yang|who|staff|staf|pegawai|employees?)\b)"
    r"[\w/&.()-]+){1,12}?\s+(?:at|in|di|pada)\s+(?:the\s+)?$",
    re.I,
)
# A bare post-type word is the post type only where no other noun follows it (a bare 'administrator' /
# 'pengawas' likewise, in plan_parser): 'pelaksanaannya', 'tim pelaksana kegiatan', 'check structural designs'
# and 'functional requirements' name no post type. Shared with plan_parser, so that a field search's own
# word filters read a question as the planner does.
JENIS_AFTER = r"\s*(?:$|[?.,!)]|\s(?:in|di|at|of|dari|yang|yg|who|with|dengan|that|and|dan|or|atau|have|has|had|saja|only)\b)"
JENIS_WORDS = {
    "fungsional": r"\b(?:pejabat|jabatan|pegawai|asn)\s+fungsional\b|\bfunctional\s+(?:staff|officials?|posts?)\b|"
                  rf"\b(?:fungsional|functional)\b(?={JENIS_AFTER})",
    "pelaksana": r"\b(?:pejabat|jabatan|pegawai|asn)\s+pelaksana\b|\bexecutors?\b|\bgeneral\s+staff\b|"
                 rf"(?<!tim )(?<!panitia )(?<!pihak )\bpelaksana\b(?={JENIS_AFTER})",
    "struktural": r"(?:pejabat|jabatan)\s+struktural|\bstructural\s+(?:officials?|posts?|positions?)\b|"
                  rf"\b(?:struktural|structural)\b(?={JENIS_AFTER})",
}  # fmt: skip
_JENIS_RE = re.compile("(?:" + "|".join(rf"(?P<{k}>{p})" for k, p in JENIS_WORDS.items()) + r")(?:\s+saja|\s+only)?", re.I)

# A post type after one of these words names other people the work deals with, not the people asked for
# ('complaints between staff and their supervisors', 'melapor kepada pejabat struktural').
_OTHERS_BEFORE = re.compile(
    r"\b(?:their|his|her|our|your|its|my|with|from|by|among|between|dengan|kepada|antara|oleh|sama|bersama)\s+"
    r"(?:(?:the|all|para|semua|seluruh)\s+)?$",
    re.I,
)


def names_others(text: str, start: int) -> bool:
    """Does the post type at ``start`` name other people the work deals with (see ``_OTHERS_BEFORE``)?"""
    return bool(_OTHERS_BEFORE.search(text[max(0, start - 40) : start]))


_FILLERS = frozenset(
    "yang saja hanya cuma only those with who have has sudah pernah ikut mengikuti attended taken golongan "
    "gol grade degree the a an of and or dan atau di in at kalau bagaimana jika what about how for untuk".split()
)

_EDU_MAP = {
    "s3": "S3", "doktor": "S3", "doctorate": "S3", "phd": "S3",
    "s2": "S2", "magister": "S2", "master": "S2", "masters": "S2", "master's": "S2",
    "s1": "S1", "sarjana": "S1", "bachelor": "S1", "bachelors": "S1", "bachelor's": "S1",
    "div": "D4", "d4": "D4", "d3": "D3", "diii": "D3",
}  # fmt: skip


@dataclass(frozen=True)
class WordFilters:
    golongan_min: str | None = None
    golongan_max: str | None = None
    pendidikan_min: str | None = None
    diklat: str | None = None  # a leadership / training keyword every candidate must have
    unit_text: str | None = None  # resolved against the store's units by the service
    jenis_jabatan: tuple[str, ...] = ()
    remaining: str = ""  # the text with the filter phrases removed

    @property
    def subject_words(self) -> list[str]:
        """Words left that could name a field (fillers of a follow-up removed)."""
        return [w for w in re.findall(r"[a-z0-9/]+", self.remaining.lower()) if w not in _FILLERS]

    def any(self) -> bool:
        return bool(
            self.golongan_min or self.golongan_max or self.pendidikan_min or self.diklat or self.unit_text or self.jenis_jabatan
        )


def _gol(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return parse_golongan(raw)
    except GolonganError:
        return None


# A sentence that asks for something: the one a filter, a count or a unit is read from.
_REQUEST_CUE = re.compile(
    r"\b(?:siapa|siapakah|who|whom|which|berapa|how\s+many|butuh|perlu|need|needs|cari|carikan|cariin|tolong|mohon|"
    r"looking\s+for|adakah|ada\s+(?:nggak|gak|ga|tidak|kah|yang)|tampilkan|show|list|daftar|rekap|sebutkan|find|give\s+me|"
    r"is\s+there|are\s+there|apakah)\b",
    re.I,
)
# Words that ask for people: a who-word, a person, or a request to find, list or pick someone. A question
# with none of them ('Bagaimana cuaca besok?', 'Tolong buatkan puisi') is not a search for people.
_ASKS_FOR_PEOPLE = re.compile(
    r"\b(?:siapa(?:kah)?|who|whom|whoever|whose|which|orang|seseorang|pegawai|asn|pns|staf|staff|petugas|pejabat|"
    r"kandidat|calon|tenaga|personel|sdm|aparatur|karyawan|ahli|pakar|spesialis|sosok|figur|someone|somebody|"
    r"anyone|anybody|person|people|officers?|employees?|candidates?|experts?|specialists?|officials?|servants?|"
    r"staffers?|colleagues?|talent|cari|carikan|cariin|mencari|find|butuh|membutuhkan|perlu|memerlukan|needs?|"
    r"wants?|looking|recommend|rekomendasi|usulkan|suggest|nominate|tunjuk|tugaskan|ditugaskan|ditugasi|assign|"
    r"pick|choose|pilih|pilihkan|rank|urutkan|list|daftar|tampilkan|show|sebutkan|give\s+me|"
    r"yang\s+(?:bisa|dapat|mampu|paham|mengerti|menguasai|berpengalaman|cocok|tepat|pantas|layak|ahli|pernah|"
    r"punya|memiliki|sanggup|handal|andal|siap|kompeten|jago|pintar|terampil|biasa|paling))\b",
    re.I,
)
# ... unless the who-word asks about a public figure, not about the records ('Siapa presiden Indonesia?').
_PUBLIC_FIGURE = re.compile(
    r"^\W*(?:siapa(?:kah)?\s+(?:nama\s+)?(?:wakil\s+)?(?:presiden|menteri|raja|ratu|penemu|pencipta|penulis|"
    r"pengarang|juara|pemenang|pendiri|pahlawan)|who\s+(?:is|was|were|are)\s+the\s+(?:vice\s+)?(?:president|"
    r"minister|king|queen|inventor|author|winner|founder|champion)|who\s+(?:invented|wrote|won|founded|discovered))\b",
    re.I,
)


# A question or an instruction (as opposed to a bare topic typed into a search box, 'nuclear physics').
_QUESTION_FORM = re.compile(
    r"\?\s*$|^\W*(?:bagaimana|gimana|apa|apakah|kapan|mengapa|kenapa|dimana|di\s+mana|berapa|tolong|mohon|buatkan|"
    r"buat|bikin|jelaskan|terjemahkan|tuliskan|tulis|ceritakan|hitung|how|what|when|why|where|please|write|explain|"
    r"translate|tell|make|create|compose|is|are|do|does|can|could|will)\b",
    re.I,
)


def asks_for_people(text: str) -> bool:
    """Does the question ask for people? A bare topic does (this is a search for people); a question or
    an instruction does only with a who-word, a person or a request to find someone. Only a question that
    asks for people may be answered with the people closest in meaning when no record holds its words;
    any other is 'not understood' ('Bagaimana cuaca besok?', 'Tolong buatkan puisi', 'Siapa presiden
    Indonesia?')."""
    plain = plain_spelling(text)
    if _PUBLIC_FIGURE.search(plain):
        return False
    return bool(_ASKS_FOR_PEOPLE.search(plain)) or not _QUESTION_FORM.search(plain.strip())


_ABBREVIATIONS = frozenset("kab kec kel no dr drs dra st jl prof ir hj tk dll dsb tsb sdr bpk mr mrs ms vs etc".split())


def context_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a question of several that ask for nothing, when another one does: the context
    of the work ('Banjir bandang merusak 47 rumah di Kecamatan Pagerwojo. ... Siapa yang bisa ...?'), read
    as words of the field, never as a unit, a count, a filter or a post."""
    starts = [0]
    for m in re.finditer(r"[.!?]+(?=\s+[A-Z0-9\"'(])", text):
        before = re.search(r"(\w+)$", text[: m.start()])
        if before and (before.group(1).lower() in _ABBREVIATIONS or len(before.group(1)) == 1):
            continue  # 'Kab. Bogor', 'H. Ahmad'
        starts.append(m.end())
    spans = list(zip(starts, [*starts[1:], len(text)], strict=True))
    asks = [bool(_REQUEST_CUE.search(text[a:b])) for a, b in spans]
    if len(spans) < 2 or all(asks) or not any(asks):
        return []
    return [span for span, ask in zip(spans, asks, strict=True) if not ask]


# How closely a place must name a store unit to be that unit (word overlap, 0 to 1).
UNIT_MATCH = 0.5


def parse_filters(text: str, unit_score: Callable[[str], float] | None = None) -> WordFilters:
    """The filters written in ``text``. ``unit_score``: how closely a place named after 'di' / 'in' / 'at'
    names a unit of the store (0 to 1; UNIT_MATCH or more is a unit). A place that is no unit ('in the field of
    fisheries', 'in the private sector') is no filter, and its words stay in the text to search."""
    rest = plain_spelling(text)
    # the context sentences are kept aside as they are, and put back in the words to search
    context = context_spans(rest)
    kept = [rest[a:b] for a, b in context]
    for i, (a, b) in reversed(list(enumerate(context))):
        rest = f"{rest[:a]} \x00{i}\x00 {rest[b:]}"
    gmin = gmax = edu = diklat = unit = None
    jenis: list[str] = []
    if m := _GOL_MIN.search(rest):
        gmin = _gol(m.group(1) or m.group(2))
        rest = rest.replace(m.group(0), " ")
    if m := _GOL_MAX.search(rest):
        gmax = _gol(m.group(1) or m.group(2))
        rest = rest.replace(m.group(0), " ")
    if m := _EDU_MIN.search(rest):
        raw = (m.group(1) or m.group(2)).lower().replace("-", "")
        edu = _EDU_MAP.get(raw)
        rest = rest.replace(m.group(0), " ")
    if (m := _DIKLAT.search(rest)) and not given_training(rest, m.start(), m.end()):
        diklat = " ".join(m.group(1).split())
        rest = rest.replace(m.group(0), " ")
    if (m := _UNIT.search(rest)) and not UNIT_AS_OBJECT.search(rest[: m.start(1)]):
        candidate = m.group(1).strip()
        if not candidate.lower().startswith("the ") or len(candidate.split()) > 1:
            named = re.sub(r"^the\s+", "", candidate, flags=re.I)
            if unit_score is None:
                unit = named
                rest = rest.replace(m.group(0), " ")
            elif said := _unit_said(named, unit_score):
                # only the unit's own words go: 'di Kantor Camat dan paham adminduk' keeps 'dan paham adminduk'
                unit = said
                rest = rest.replace(m.group(0), " " + named[len(said):], 1)
    said_jenis = [m for m in _JENIS_RE.finditer(rest) if not names_others(rest, m.start())]
    for m in said_jenis:
        value = m.lastgroup or ""
        jenis.extend(["jpt", "administrator", "pengawas"] if value == "struktural" else [value])
    for m in reversed(said_jenis):
        rest = rest[: m.start()] + " " + rest[m.end() :]
    rest = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], rest)
    return WordFilters(gmin, gmax, edu, diklat, unit, tuple(dict.fromkeys(jenis)), " ".join(rest.split()))


def _unit_said(named: str, unit_score: Callable[[str], float]) -> str | None:
    """The run of words at the start of ``named`` that names a unit best ('Kantor Camat' of 'Kantor Camat
    dan paham adminduk'; the shorter of two that name it as well), or None when none does."""
    ends = [m.end() for m in re.finditer(r"\S+", named)]
    score, said = max(((unit_score(named[:end]), -end) for end in ends), default=(0.0, 0))
    return named[:-said] if score >= UNIT_MATCH else None


def diklat_matches(keyword: str, names: list[str]) -> str | None:
    """The first training name that satisfies a leadership keyword ('PIM' also accepts PKP/PKA/PKN)."""
    key = keyword.lower()
    leadership = ("pim", "kepemimpinan", "pkp", "pka", "pkn", "leadership")
    for name in names:
        low = name.lower()
        if key in low:
            return name
        if any(k in key for k in leadership) and any(k in low for k in leadership[:5]):
            if "pim" in key and re.search(r"\b(i{1,3}v?|iv|[1-4])\b", key):
                level = key.split()[-1]
                if level in low.split() or f"pim {level}" in low:
                    return name
                continue
            return name
    return None
