"""Light query understanding: the asker's language and the field with the question template removed.

The full parser (target post, filters in words, field thesaurus) is built on top of this.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple, TypeVar

from assistant.domain.text import CONVERSATIONAL_WORDS, plain_spelling, tokenize

T = TypeVar("T")

_EN_WORDS = {
    "who", "which", "best", "suited", "suitable", "for", "the", "find", "employee", "employees",
    "staff", "with", "experience", "in", "of", "is", "are", "most", "fit", "field", "candidates",
    "civil", "servants", "servant", "lead", "office", "head", "show", "me", "list", "top", "expert",
    "and", "what", "why", "compare", "has", "have", "knows", "anyone", "experts", "specialists",
}  # fmt: skip
_ID_WORDS = {
    "siapa", "yang", "untuk", "cocok", "bidang", "paling", "dan", "di", "pegawai", "cari", "carikan",
    "dengan", "pengalaman", "ahli", "kepala", "dinas", "asn", "tolong", "mana", "calon", "kandidat",
    "sesuai", "berpengalaman", "dalam", "pada", "apa", "mengapa", "kenapa", "bandingkan", "tampilkan",
}  # fmt: skip

_TEMPLATES = [
    r"siapa(?:kah)?\s+(?:saja\s+)?(?:asn|pns|pegawai|orang)?\s*(?:yang\s+)?(?:paling\s+)?(?:cocok|tepat|sesuai|layak|pantas|berpengalaman)\s*(?:untuk|di|dalam|pada)?\s*(?:bidang|urusan|sektor)?",
    r"(?:tolong\s+)?(?:cari(?:kan)?|tampilkan|sebutkan|rekomendasikan)\s+(?:asn|pns|pegawai|kandidat|calon|orang)?\s*(?:yang\s+)?(?:paling\s+)?(?:cocok|tepat|ahli|berpengalaman|kompeten)?\s*(?:untuk|di|dalam|pada)?\s*(?:bidang)?",
    r"(?:asn|pns|pegawai)\s+(?:yang\s+)?(?:paling\s+)?(?:cocok|tepat|ahli|berpengalaman)\s*(?:untuk|di|dalam)?\s*(?:bidang)?",
    r"siapa(?:kah)?\s+(?:saja\s+)?(?:asn|pns|pegawai|orang)?\s*(?:yang\s+)?(?:paling\s+)?(?:paham|menguasai|mengerti|ahli|kompeten|pernah\s+menangani)\s*(?:di|dalam|tentang|soal|mengenai|bidang)?",
    r"who\s+(?:has|have)\s+(?:the\s+)?(?:most\s+)?(?:experience|expertise|background|skills?|knowledge)\s*(?:in|with|of|on)?\s*",
    r"who\s+knows?\s+(?:the\s+most\s+)?(?:about\s+)?",
    r"(?:anyone|someone|people|staff)\s+(?:with\s+)?(?:experience|expertise|a\s+background)\s+(?:in|with|on)\s+",
    r"who\s+(?:is|are)\s+(?:the\s+)?(?:best|most)\s+(?:suited|suitable|qualified|fit|experienced)\s*(?:to|for|in)?\s*(?:the\s+)?(?:field\s+of\s+)?",
    r"who\s+(?:is|are)\s+(?:best|most)?\s*(?:for|in)\s+(?:the\s+)?",
    r"(?:find|show|list|recommend)\s+(?:me\s+)?(?:the\s+)?(?:best\s+)?(?:civil\s+servants?|employees?|staff|candidates?|people)?\s*(?:who\s+(?:are|is)\s+)?(?:suited|experienced|expert|qualified)?\s*(?:for|in|with)?\s*(?:the\s+)?(?:field\s+of\s+)?",
    r"(?:the\s+)?best\s+(?:civil\s+servants?|employees?|candidates?|people)\s+(?:for|in)\s+(?:the\s+)?",
]
_TEMPLATE_RE = [re.compile(t, re.I) for t in _TEMPLATES]
_TRAILING = re.compile(
    r"^(?:(?:untuk\s+|sebagai\s+|menjadi\s+)?(?:bidang|jabatan|posisi)|menjadi|sebagai|field(?:\s+of)?|area(?:\s+of)?|"
    r"(?:to\s+)?(?:be|become)\s+(?:an?|the)?|(?:the\s+)?(?:post|position|role)\s+of(?:\s+an?)?|the)\s+",
    re.I,
)


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the original question
    field: str  # the question without its template: what was asked for, as written
    language: str  # "id" or "en"
    search_text: str = ""  # field with every known concept written as its canonical Indonesian phrase
    concepts: list[str] = dc_field(default_factory=list)  # canonical concepts found (thesaurus keys)
    expansions: list[str] = dc_field(default_factory=list)  # thesaurus terms added for lexical search
    # What is embedded for the search by meaning: ``search_text`` when the question is mostly a
    # known field or names none (so "perikanan" and "fisheries" are one query), else the field in
    # its own words (a long question that merely mentions 'food' or 'digital' keeps its meaning).
    meaning_text: str = ""
    # The question's own content words outside its concepts, carried into the other language through
    # the bilingual glossary: (a word or phrase of the question, its translations as words).
    carried: list[tuple[str, list[str]]] = dc_field(default_factory=list)
    other_words: int = 0  # content words outside its concepts (``_other_words``)
    cued: list[str] = dc_field(default_factory=list)  # the concepts read from the words of their work only

    @property
    def focused(self) -> bool:
        """A known field and little else ('Siapa ASN yang paling cocok untuk bidang perikanan?'): its
        meaning is the field's canonical phrase, the same in either language. A long question whose
        concepts are written as their own key words ('memeriksa penggunaan anggaran dan kepatuhan dinas-dinas,
        mengawal tindak lanjut temuan BPK ...') keeps its own meaning though its two texts read alike."""
        return bool(self.concepts) and self.meaning_text == self.search_text and self.other_words <= MAX_OTHER_WORDS + 1

    @property
    def translations(self) -> list[str]:
        """Every carried translation, each once ('merawat pesawat' -> 'care', ..., 'aircraft', ...):
        searched as words too."""
        return _flat(self.carried)


@dataclass(frozen=True)
class Concept:
    key: str
    aliases: tuple[str, ...]
    terms: tuple[str, ...]


@lru_cache(maxsize=1)
def _thesaurus_file() -> dict[str, Any]:
    """field_thesaurus.json as written (read once; callers do not change it)."""
    return json.loads(resources.files("assistant.domain").joinpath("data", "field_thesaurus.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def thesaurus() -> dict[str, Concept]:
    """Canonical phrase -> concept (assistant/domain/data/field_thesaurus.json), with the acronyms of
    the glossary (``acronym_glossary.json``) that name one field only."""
    raw = _thesaurus_file()
    glossary = acronym_glossary()
    keys = {k.lower() for k in raw if not k.startswith("_")}
    taken = keys | {_words(a) for k, v in raw.items() if not k.startswith("_") for a in v.get("aliases", [])}
    out: dict[str, Concept] = {}
    for k, v in raw.items():
        if k.startswith("_"):
            continue
        aliases, terms = list(v.get("aliases", [])), list(v.get("terms", []))
        # a sub-field's own names are still this field's record words ('popt' is agriculture's too)
        parts = {_words(n) for sub in v.get("subfields", ()) for n in (sub, *raw[sub].get("aliases", ()))}
        for entry in glossary.get(k, []):
            # only what the glossary is sure of and that means this field alone
            if entry["confidence"] != "high" or entry["ambiguous_with"]:
                continue
            alias = entry["alias"]
            if _words(alias) not in parts:  # a sub-field's name stays the sub-field's; its word is still ours
                if _words(alias) in taken:
                    continue
                # a short acronym is matched only in capitals ('KUR', never the 'kur' of 'kurs')
                aliases.append(alias.upper() if len(alias) <= 4 and " " not in alias else alias)
            term = entry.get("term")
            # a record word only when it is the acronym itself ('dtks'), never a general word ('jaminan')
            if term and term == _words(entry["alias"]) and term not in terms:
                terms.append(term)
        out[k.lower()] = Concept(k.lower(), tuple(aliases), tuple(terms))
    for k, v in raw.items():
        # a broad field searches the record words of its narrower fields too ('teknologi informasi': a
        # system administrator's 'server', a developer's 'programming')
        for narrower in () if k.startswith("_") else v.get("narrower", ()):
            broad = out[k.lower()]
            more = [t for t in raw[narrower].get("terms", []) if t not in broad.terms]
            out[k.lower()] = Concept(broad.key, broad.aliases, broad.terms + tuple(more))
    return out


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[str, str, bool]]:
    """(phrase, concept key, capitals only), longest phrase first so 'kesehatan masyarakat' wins
    over 'kesehatan'. Acronyms written in capitals in the thesaurus ('IT', 'HR') match only when
    the question writes them in capitals, so the English word 'it' is not 'IT'."""
    pairs = [(_words(c.key), c.key, False) for c in thesaurus().values()]
    pairs += [(_words(a), c.key, a.isupper()) for c in thesaurus().values() for a in c.aliases]
    return sorted(set(pairs), key=lambda p: (-len(p[0]), p[0]))


def _words(phrase: str) -> str:
    """A phrase as the matcher sees a question: lower case words ('sub-district' is 'sub district')."""
    return " ".join(re.sub(r"[^A-Za-z0-9]+", " ", phrase).lower().split())


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    return frozenset(w for phrase, _, _ in _phrases() for w in phrase.split())


def _singular(word: str) -> str:
    """An English plural written in a question as the thesaurus' singular ('midwives' -> 'midwife'),
    only when the singular is a thesaurus word; everything else is left as written."""
    if word in _vocabulary() or len(word) < 4 or not word.endswith("s"):
        return word
    stem = word[:-1]
    candidates = [stem]
    if word.endswith("ies"):
        candidates.insert(0, word[:-3] + "y")
    if word.endswith("ves"):
        candidates[:0] = [word[:-3] + "fe", word[:-3] + "f"]
    if word.endswith("es"):
        candidates.append(word[:-2])
    return next((c for c in candidates if c in _vocabulary()), word)


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[list[str], str, bool]]]:
    """The phrases by their first word, each list in ``_phrases`` order (longest first)."""
    out: dict[str, list[tuple[list[str], str, bool]]] = {}
    for phrase, key, capitals in _phrases():
        words = phrase.split()
        out.setdefault(words[0], []).append((words, key, capitals))
    return out


def normalize_concepts(text: str) -> tuple[str, list[str]]:
    """Rewrite known phrases (either language) as canonical concepts; return (text, concepts)."""
    reading = _normalize(text)
    return reading.text, reading.found


@lru_cache(maxsize=1)
def acronym_glossary() -> dict[str, Any]:
    """acronym_glossary.json: field concept -> its acronyms and short phrases, each with its expansion."""
    return json.loads(resources.files("assistant.domain").joinpath("data", "acronym_glossary.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _unit_names() -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The acronym of a regional unit of two fields -> its name after 'Dinas' / 'Badan' ('dispusip' ->
    'Perpustakaan dan Kearsipan'), with a pattern that finds those acronyms: the acronym names both
    fields, so it is read as its name, where each field is found (the glossary leaves such an acronym
    out of both fields' aliases; one in capitals, such as BPK, may be another word or body and is left
    alone)."""
    keys = set(thesaurus())
    out: dict[str, str] = {}
    for entries in (v for k, v in acronym_glossary().items() if not k.startswith("_")):
        for e in entries:
            head, _, name = e["expansion"].partition(" ")
            if (e["confidence"] == "high" and e["ambiguous_with"] and set(e["ambiguous_with"]) <= keys
                    and head in ("Dinas", "Badan") and "(" not in name and not e["alias"].isupper()):  # fmt: skip
                out[_words(e["alias"])] = name
    if not out:
        return None
    return re.compile(r"\b(" + "|".join(map(re.escape, out)) + r")\b", re.I), out


class _Reading(NamedTuple):
    """What ``_normalize`` read in a text."""

    text: str  # the text with its concepts written canonically
    found: list[str]  # the concepts found
    phrased: list[str]  # those found by a phrase of two or more words
    modifiers: list[str]  # those written right after another concept with nothing between: 'akuntansi pemerintahan'
    stated: list[str]  # those named as a field: by a phrase, or right after 'bidang', 'urusan', 'field' ...


def _normalize(text: str) -> _Reading:
    """The concepts of a text, read through the thesaurus (``_Reading``)."""
    if (units := _unit_names()) and units[0].search(text):
        pattern, names = units
        named = with_broader(_concepts_in(pattern.sub(" ", text)).found)

        def name(m: re.Match[str]) -> str:
            # the unit's name where nothing else says which of its fields is meant; 'urusan RTLH ... di
            # Disperkimtan' already names housing, and the unit is only the place of that work
            full = names[m.group(1).lower()]
            # ('di Dispusip' names the unit's fields, not a place: 'di bidang Perpustakaan dan Kearsipan')
            return m.group(0) if with_broader(_concepts_in(full).found) & named else f"bidang {full}"

        text = pattern.sub(name, text)
    return _concepts_in(text)


# Phrases that hold a field's word but name no field: read as plain words.
_IDIOMS = frozenset({("tanah", "air"), ("desa", "nelayan"), ("kampung", "nelayan")})


# Words that introduce a field by name: 'bidang hukum', 'urusan pangan', 'the field of law'.
_FIELD_WORDS = frozenset({"bidang", "urusan", "sektor", "field", "sector", "area"})


def _concepts_in(text: str) -> _Reading:
    """``_normalize`` without reading unit acronyms."""
    spans = [m.span() for m in re.finditer(r"[A-Za-z0-9]+", text)]
    original = [text[a:b] for a, b in spans]
    words = [_singular(w.lower()) for w in original]
    out: list[str] = []
    found: list[str] = []
    phrased: list[str] = []
    modifiers: list[str] = []
    stated: list[str] = []
    named: set[str] = set()  # found other than as one word after a place word ('di sekolah')
    by_first = _by_first_word()
    last_concept_end: int | None = None  # where the concept just before ends in the text, if nothing came between
    i = 0
    while i < len(words):
        if tuple(words[i : i + 2]) in _IDIOMS:  # 'cinta tanah air' is the homeland, not land affairs
            out += words[i : i + 2]
            i += 2
            last_concept_end = None
            continue
        for phrase, key, capitals in by_first.get(words[i], ()):
            n = len(phrase)
            if capitals and not all(w.isupper() for w in original[i : i + n]):
                continue
            if words[i : i + n] == phrase:
                out.append(key)
                if key not in found:
                    found.append(key)
                if n > 1 and key not in phrased:
                    phrased.append(key)
                if (n > 1 or (i > 0 and words[i - 1] in _FIELD_WORDS)) and key not in stated:
                    stated.append(key)
                if n > 1 or not _after_a_place_word(words, i):
                    named.add(key)
                if last_concept_end is not None and not text[last_concept_end : spans[i][0]].strip() and out[-2] != key:
                    modifiers.append(key)  # 'akuntansi pemerintahan': written right after another concept
                last_concept_end = spans[i + n - 1][1]
                i += n
                break
        else:
            out.append(words[i])
            i += 1
            last_concept_end = None
    if named:  # 'melayani KB di puskesmas sampai ke desa-desa': the village is where, not what
        found = [k for k in found if k in named]
    return _Reading(" ".join(out), found, phrased, modifiers, stated)


_PLACE_WORDS = frozenset({"di", "ke", "dari", "pada", "at", "in", "to", "across"})


def _after_a_place_word(words: list[str], i: int) -> bool:
    """A word right after 'di', 'ke', 'at the', 'in our' ...: the place of the work, not its field."""
    j = i - 1
    if j >= 0 and words[j] == words[i]:  # 'ke desa-desa'
        j -= 1
    if j >= 0 and words[j] in ("the", "our", "a", "sebuah", "para", "setiap", "tiap", "each", "every"):
        j -= 1
    return j >= 0 and words[j] in _PLACE_WORDS


def phrase_tokens(text: str) -> list[str]:
    """A lexical token per multi-word field concept the text names ('Dinas Pekerjaan Umum' ->
    '§pekerjaan_umum'), so a phrase is matched as the concept, not as its common words: 'pekerjaan
    umum' no longer meets the 'umum' of 'Pengadministrasi Umum' (issue 15)."""
    return [concept_token(k) for k in phrased_concepts(text)]


def with_broader(keys: list[str]) -> set[str]:
    """The concepts and the broad fields they are sub-fields of ('perumahan' -> also 'perumahan dan kawasan
    permukiman')."""
    broader = _broader()
    return set(keys) | {broader[k] for k in keys if k in broader}


@lru_cache(maxsize=1)
def _broader() -> dict[str, str]:
    """Sub-field -> the broad field that lists it."""
    return {k: key for key, v in _thesaurus_file().items() if not key.startswith("_") for k in v.get("subfields", ())}


def phrased_concepts(text: str) -> list[str]:
    """The multi-word concepts a text names by a phrase of two or more words (not by a one-word alias
    such as 'villages'). Not a sub-field ('perkebunan' of 'pertanian'): it is read in questions but matched in
    the records by its words, as a phrase token would only lengthen a record that names many such phrases
    (BM25 reads a longer record as less about each of its words; broad fields moved by up to 0.1 on the CV sets)."""
    narrow = _broader()
    return [k for k in _normalize(text).phrased if " " in k and k not in narrow]


def concept_token(key: str) -> str:
    return "§" + key.replace(" ", "_")


def phrase_words(key: str) -> set[str]:
    """The plain words of a multi-word concept ('pekerjaan', 'umum'): searched only as the phrase."""
    return set(_words(key).split()) if " " in key else set()


@lru_cache(maxsize=1024)
def concept_stems(key: str) -> frozenset[str]:
    """The lexical tokens of a concept's own record words (its thesaurus terms)."""
    return frozenset(tokenize(" ".join(thesaurus()[key].terms)))


# How many different cue phrases of one field a question must hold for the field to be read from its work
# (one phrase alone is too weak a sign); and how many fields so read at most.
CUES_NEEDED = 2
MAX_CUED = 2
# A question may put a few words inside a cue's phrase: 'menyewakan gedung milik pemda' holds the cue 'menyewakan
# gedung pemda', 'keep track of the land, buildings and equipment' the cue 'track equipment'. At most this many
# words between two of its words (stop words not counted); held-out sets, session 19: 23 conversational questions
# up (SIASN 7 en 0.736 -> 0.767), 6 down, against side by side only; 2 between: 19 up, 7 down.
CUE_GAP = 3


@lru_cache(maxsize=1)
def _cue_stems() -> dict[str, list[str]]:
    """Each field's cue phrases (``concept_cues.json``: the words of its daily work, 'penebangan liar',
    'stok obat', 'temuan bpk'), each as its search stems joined and padded with spaces (' stok obat ': one
    cue held inside another is the same words, ``_distinct``)."""
    raw = json.loads(resources.files("assistant.domain").joinpath("data", "concept_cues.json").read_text("utf-8"))
    known = thesaurus()
    out: dict[str, list[str]] = {}
    for key, phrases in raw.items():
        if key.startswith("_") or key not in known:
            continue
        stems = {" ".join(map(_plural_folded, tokenize(p))) for p in phrases}
        out[key] = sorted(f" {s} " for s in stems if s)
    return out


def _plural_folded(token: str) -> str:
    """A token without a final 's', for matching cue phrases only: 'rice stocks' holds the cue 'rice stock',
    'fire extinguishers' 'fire extinguisher'. Applied to the cues and the question alike, so an Indonesian word
    that ends in 's' ('beras', 'tugas') still meets itself."""
    return token[:-1] if len(token) > 4 and token.endswith("s") and not token.endswith("ss") else token


def cued_concepts(text: str, named: Collection[str] = ()) -> list[str]:
    """The fields a question names by their work, not by name: those of which it holds CUES_NEEDED or more
    different cue phrases ('mencegah penebangan liar dan kebakaran lahan, ... menanami kembali lahan yang
    gundul': kehutanan), the MAX_CUED with the most, besides the ``named`` ones."""
    return _cued(_cue_hits(text), named)


def _cued(family: Mapping[str, Mapping[str, frozenset[int]]], named: Collection[str]) -> list[str]:
    """``cued_concepts`` from a question's cue hits (``_cue_hits``)."""
    counts = {key: n for key, hits in family.items() if (n := _distinct(hits)) >= CUES_NEEDED and key not in named}
    broader = _broader()
    narrowed = {broader[sub] for sub in counts if sub in broader}  # a qualifying sub-field says more than its field
    counts = {key: n for key, n in counts.items() if key not in narrowed}
    return sorted(counts, key=lambda k: (-counts[k], k))[:MAX_CUED]


def _cue_hits(text: str) -> dict[str, dict[str, frozenset[int]]]:
    """Each field's cue phrases held in the text (as stems), with the places of the text's words they were
    met on; a sub-field's also counted as its broad field's: 'konflik sosial' (national vigilance) and 'membina
    ormas' (mass organisations) are two cues of national unity and politics."""
    words = [_plural_folded(w) for w in tokenize(text)]
    if len(words) < CUES_NEEDED:
        return {}
    at: dict[str, list[int]] = defaultdict(list)
    for i, word in enumerate(words):
        at[word].append(i)
    held: dict[str, dict[str, frozenset[int]]] = {}
    for key, phrases in _cue_stems().items():
        for phrase in phrases:
            if (places := _held(phrase.split(), words, at)) is not None:
                held.setdefault(key, {})[phrase] = places
    broader = _broader()
    family = {key: dict(hits) for key, hits in held.items()}
    for sub, hits in held.items():
        if sub in broader:
            family.setdefault(broader[sub], {}).update(hits)
    return family


# Words that turn a cue round when written inside it: 'penyakit tidak menular' is not 'penyakit menular'.
_NEGATIONS = frozenset({"tidak", "bukan", "tanpa", "belum", "non", "not", "no", "without"})


def _held(cue: list[str], words: list[str], at: Mapping[str, list[int]]) -> frozenset[int] | None:
    """Where the question (``words``; ``at``: each word's places) holds the cue's stems in their order, with at
    most CUE_GAP other words and no negation between two of them; None when it does not."""
    for start in at.get(cue[0], ()):
        places = [start]
        for stem in cue[1:]:
            last = places[-1]
            following = [i for i in at.get(stem, ()) if last < i <= last + 1 + CUE_GAP]
            if not following or any(w in _NEGATIONS for w in words[last + 1 : following[0]]):
                break
            places.append(following[0])
        else:
            return frozenset(places)
    return None


def _in_passing(
    named: list[str], stated: list[str], cued: list[str], hits: Mapping[str, Mapping[str, frozenset[int]]]
) -> set[str]:
    """The concepts a question read from its work names only in passing: each found by one everyday word
    ('perda', 'desa', 'sekolah'), not named as a field, not a cue's field, and unrelated to every field the
    question's work words point to ('menegakkan perda, menertibkan pedagang kaki lima dan bangunan liar':
    public order, not law; 'menyiapkan desa menghadapi banjir': disasters, not village empowerment). ``hits``:
    the question's cue hits (``_cue_hits``)."""
    supported = [*cued, *(k for k in named if hits.get(k))]
    return {
        k for k in named
        if k not in stated and not any(with_broader([k]) & with_broader([c]) for c in supported)
    }  # fmt: skip


def _distinct(hits: Mapping[str, frozenset[int]]) -> int:
    """How many different cues were met: one met on some of another's words is the same words ('panen' in
    'gagal panen'); two that share a word but each hold their own ('tertib dagang', 'dagang kaki lima') are two."""
    return sum(1 for places in hits.values() if not any(places < other for other in hits.values()))


def expand(text: str) -> list[str]:
    """Search terms of every concept named in the text."""
    return _terms_of(normalize_concepts(text)[1])


def _terms_of(keys: Iterable[str]) -> list[str]:
    """The record words of these concepts, each once, in order."""
    terms: list[str] = []
    for key in keys:
        terms.extend(t for t in thesaurus()[key].terms if t not in terms)
    return terms


def detect_language(text: str, default: str = "id") -> str:
    words = re.findall(r"[a-zA-Z]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    idn = sum(w in _ID_WORDS for w in words)
    if en > idn:
        return "en"
    if idn > en:
        return "id"
    return default


def parse_query(
    text: str, default_language: str = "id", *, thesaurus: bool = True, translate: bool = True, cues: bool = True
) -> ParsedQuery:
    """The question's field, language and search texts. ``thesaurus=False``: its own words only, no
    concept read (the thesaurus ablation of bench.heldout). ``translate=False``: no words carried into
    the other language (its ablation). ``cues=False``: a field is read from its names only, never from the
    words of its work (``cued_concepts``; its ablation)."""
    cleaned = " ".join(plain_spelling(text).strip().split())
    subject = cleaned.rstrip("?!. ")
    for pattern in _TEMPLATE_RE:
        m = pattern.match(subject)
        if m and m.end() > 0:
            subject = subject[m.end() :].strip()
            break
    subject = _TRAILING.sub("", subject).strip(" ,.?!") or cleaned.rstrip("?!. ")
    language = detect_language(cleaned, default_language)
    if not thesaurus:
        plain = _drop_filler(_plain(subject)) or subject
        groups = translation_groups(plain.split(), language) if translate else []
        return ParsedQuery(cleaned, subject, language, plain, [], [], plain, groups)
    reading = _normalize(subject)
    search_text, concepts, modifiers = reading.text, reading.found, reading.modifiers
    search_text = _drop_filler(search_text) or subject
    for key in map(_drop_filler, concepts):
        # 'ketenteraman dan ketertiban umum', 'pemberdayaan masyarakat dan desa': two names of one field
        while f"{key} {key}" in search_text:
            search_text = search_text.replace(f"{key} {key}", key)
    others = _other_words(search_text, concepts) if concepts else 0
    hits = _cue_hits(subject) if cues else {}
    cued = _cued(hits, concepts) if cues else []
    if cues and translate and len(cued) < MAX_CUED:
        # ... and from its work's words in the other language, whose cues may hold them: 'patch potholes and
        # resurface damaged stretches' meets the Indonesian cues of roads (held-out sets, session 19: English
        # conversational questions 6 up, 3 down; Indonesian 1 up)
        first = {phrase: targets[0] for phrase, targets in translation_groups(_outside_concepts(search_text, concepts), language)}
        rendered, changed = _rendered(search_text, first.get)
        cued += cued_concepts(rendered, [*concepts, *cued])[: MAX_CUED - len(cued)] if changed else []
    if cued and not concepts:
        # named by its work only: every word counts as outside the field, so only a question of little more
        # than its cue words ('reboisasi karhutla') reads as 'a field and little else' (ParsedQuery.focused)
        others = len(tokenize(search_text)) + 1
    focused = bool(concepts) and others <= MAX_OTHER_WORDS
    # Indonesian puts the modifier after its head: 'akuntansi pemerintahan' is accounting (in government),
    # 'laboratorium kesehatan' a laboratory (of health). A broad urusan written right after another concept in
    # a named field narrows that one: its own words are searched, not every record word of the urusan (every
    # health worker is not a health laboratory's). Not a narrower field ('perencanaan keuangan' is finance), not
    # a long request, and not English, which puts the modifier first ('apparel industry').
    narrowing = set()
    if language == "id" and focused:
        narrowing = {k for k in modifiers if k in concepts and _thesaurus_file()[k].get("subfields")}
    if cued:  # a question read from its work: a field its everyday words name in passing is not searched
        passing = _in_passing(concepts, reading.stated, cued, hits)
        concepts = [k for k in concepts if k not in passing]
    concepts = [*concepts, *cued]
    expansions = _terms_of([k for k in concepts if k not in narrowing])  # the fields named, then those read from their work
    return ParsedQuery(
        text=cleaned,
        field=subject,
        language=language,
        search_text=search_text,
        concepts=concepts,
        expansions=expansions,
        meaning_text=search_text if focused or not concepts else _drop_filler(_plain(subject)) or subject,
        carried=translation_groups(_outside_concepts(search_text, concepts), language) if translate else [],
        other_words=others,
        cued=cued,
    )


def rendered_in_other_language(parsed: ParsedQuery) -> str:
    """The question's words, each carried word or phrase replaced by its first translation, the rest
    (concepts, words the glossary does not know, names, acronyms) kept: a rough rendering
    in the other language for the search by meaning ('' when nothing was carried)."""
    if not parsed.carried:
        return ""
    first = {phrase: targets[0] for phrase, targets in parsed.carried}
    return _rendered(parsed.search_text, first.get)[0]  # a concept stays as its canonical phrase


def _rendered(text: str, lookup: Callable[[str], str | None]) -> tuple[str, bool]:
    """``text`` with each phrase ``lookup`` knows replaced by what it returns (longest first), the
    other content words kept as written; and whether anything was replaced."""
    out: list[str] = []
    changed = False
    for phrase, found in _longest_phrases(text.split(), lookup):
        if found is not None:
            out.append(found)
            changed = True
        elif tokenize(phrase):  # a content word the lookup does not know: kept as written
            out.append(phrase)
    return " ".join(out), changed


@cache
def concept_in_english(key: str) -> str:
    """A concept's name in English words, for the search by meaning: the glossary's words for its
    canonical phrase ('pertanian' -> 'agriculture agricultural farming'), else its first alias written
    in English words only ('' when there is none)."""
    glossary = _glossary()
    if words := glossary["id_en"].get(key):
        return " ".join(words)
    english = glossary["en_id"]
    for alias in thesaurus()[key].aliases:
        if not alias.isupper() and alias not in glossary["id_en"] and all(w in english for w in alias.split()):
            return alias
    return ""


@lru_cache(maxsize=65536)
def english_words(text: str) -> str:
    """The English words the glossary gives for a record's Indonesian words, each once, in order ('' when
    it gives none): 'Pengendali Hama dan Penyakit Ikan, Dinas Perikanan' -> 'pest disease fish fisheries'.
    The longest known phrase first, its first translation only; a word the glossary renders as itself
    adds nothing."""
    glossary = _glossary()["id_en"]
    found = [
        targets[0]
        for phrase, targets in _longest_phrases(_words(text).split(), lambda p: glossary.get(p) or None)
        if targets and _words(targets[0]) != phrase
    ]
    return " ".join(dict.fromkeys(found))


def meaning_in_english(parsed: ParsedQuery) -> str:
    """What a focused field question means, in English words: its canonical concepts named in English,
    its other words as the English rendering has them ('' when nothing changes). The same for 'bidang
    pertanian' and 'agriculture', so a named field still ranks the same people in either language."""
    if not parsed.focused:
        return ""
    names = {key: concept_in_english(key) for key in parsed.concepts}
    first = {phrase: targets[0] for phrase, targets in parsed.carried} if parsed.language == "id" else {}
    text, changed = _rendered(parsed.search_text, lambda p: names.get(p) or first.get(p))
    return text if changed else ""


def _longest_phrases(words: list[str], lookup: Callable[[str], T | None]) -> Iterator[tuple[str, T | None]]:
    """``words`` walked left to right: at each place the longest phrase (up to MAX_PHRASE_WORDS words)
    ``lookup`` knows, with what it returned; a word no phrase starts with, with None."""
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            if (found := lookup(phrase)) is not None:
                yield phrase, found
                i += n
                break
        else:
            yield words[i], None
            i += 1


def _outside_concepts(search_text: str, concepts: list[str]) -> list[str]:
    """The words of a normalised question outside its canonical concept phrases (a phrase as the key
    reads, or without its fillers: 'koperasi usaha mikro' is 'koperasi dan usaha mikro')."""
    rest = f" {search_text} "
    for key in sorted(concepts, key=len, reverse=True):
        for form in dict.fromkeys((key, _drop_filler(key))):
            while f" {form} " in rest:
                rest = rest.replace(f" {form} ", " ")
    return rest.split()


@lru_cache(maxsize=1)
def _glossary() -> dict[str, dict[str, list[str]]]:
    """'id_en' and 'en_id': word or fixed phrase -> its translations (bilingual_glossary.json)."""
    data = resources.files("assistant.domain").joinpath("data", "bilingual_glossary.json")
    raw = json.loads(data.read_text("utf-8"))
    return {"id_en": raw["id_en"], "en_id": raw["en_id"]}


def major_spellings(major: str) -> list[str]:
    """A field of study as written and as the other language writes it ('accounting' -> 'akuntansi',
    'hukum' -> 'law'), whole phrases only ('teknik sipil' is not 'technical'): an English question meets an
    Indonesian diploma and the other way round."""
    glossary, key = _glossary(), _words(major)
    found = glossary["en_id"].get(key, []) + glossary["id_en"].get(key, [])
    return list(dict.fromkeys([major.lower(), *(t.lower() for t in found if len(t) >= 3)]))  # not "it"


# Translations that say nothing of a field: a role or rank, not what the person does.
_NOT_CARRIED = frozenset(
    "expert experts specialist specialists ahli pakar spesialis staff staf officer petugas manager manajer "
    "supervisor assistant asisten senior junior kepala head chief".split()
)
MAX_PHRASE_WORDS = 3
# English words that are also Indonesian glossary words of another meaning: in an English question they
# are English ('from the air' is not 'water', 'a ban' is not 'a tyre').
_FALSE_FRIENDS = frozenset({"air", "ban", "cat", "ham", "mice", "main", "lama", "pot", "tip", "dan"})


def translations(words: list[str], language: str) -> list[str]:
    """The other language's words for ``words`` (lower case, in order), each once."""
    return _flat(translation_groups(words, language))


def _flat(groups: list[tuple[str, list[str]]]) -> list[str]:
    return list(dict.fromkeys(w for _, targets in groups for w in targets))


def translation_groups(words: list[str], language: str) -> list[tuple[str, list[str]]]:
    """(a word or phrase of ``words``, its translations as words): the longest glossary phrase first
    (up to three words), looked up in the question's own direction, then in the other one (a word may
    be written in either language). No role word, and no word the question already holds."""
    glossary = _glossary()
    first, second = ("id_en", "en_id") if language == "id" else ("en_id", "id_en")

    def lookup(phrase: str) -> list[str] | None:
        found = glossary[first].get(phrase)
        if not found and not (language == "en" and phrase in _FALSE_FRIENDS):
            found = glossary[second].get(phrase)
        if not found and " " not in phrase and phrase.endswith("nya") and len(phrase) > 6:
            found = glossary[first].get(phrase[:-3])  # 'mesinnya' is 'mesin'
        return found or None

    out: list[tuple[str, list[str]]] = []
    for phrase, found in _longest_phrases(words, lookup):
        targets = [w for t in found or () for w in _words(t).split() if w not in _NOT_CARRIED and w not in words]
        if targets:
            out.append((phrase, list(dict.fromkeys(targets))))
    return out


# A question with a known field and at most this many other content words is embedded as that field.
MAX_OTHER_WORDS = 2


def _plain(text: str) -> str:
    """The words of ``text`` as ``normalize_concepts`` reads them, with no concept rewritten."""
    return " ".join(_singular(w.lower()) for w in re.sub(r"[^A-Za-z0-9]+", " ", text).split())


def _other_words(search_text: str, concepts: list[str]) -> int:
    """Content words of the normalised question outside its canonical concept phrases."""
    rest = _outside_concepts(search_text, concepts)
    # a request's own words ('who can', 'saya butuh') count here: 'who can monitor air pollution' is
    # more than the field, and keeps its own meaning
    return len(tokenize(" ".join(rest))) + sum(w in CONVERSATIONAL_WORDS for w in rest)


_FILLER = {"the", "a", "an", "of", "to", "for", "in", "and", "di", "dan", "yang", "untuk", "experts", "specialists"}


def _drop_filler(text: str) -> str:
    return " ".join(w for w in text.split() if w not in _FILLER)
