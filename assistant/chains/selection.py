"""The model's note when the model chooses and code writes (``TALENTA_LLM__NOTE=select``, the default).

Code lists what else is true about the first candidates and is not already said by the facts' own
note (``insight.py``): each one's post that best matches the search (titled in the question's own
words when one is), related training and the highest related education,
where rank 2 or 3 is the strongest of the three (against the others' own records, never their
missing ones), their eligibility for a target post, and what to
check for them. Every statement is built from the candidate's factors and evidence, so none can be
unsupported. The model reads the question and the numbered statements and answers only with the
numbers of the ones that help the reader decide (a grammar holds it to valid numbers where the server
takes one); the note is those statements, in rank order. A free-writing model on 2 cores could not
be held to the records sentence by sentence (BENCHMARKS.md, issue 16); choosing can.

    {"question", "result"} -> statements -> prompt -> model -> "2, 5" -> statements 2 and 5
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant.chains.answer import warm_prompts
from assistant.chains.insight import checks_for, factor_detail, insight_factors, join_words
from assistant.chains.template import clip
from assistant.domain.labels import evidence_text
from assistant.domain.models import Jenjang
from assistant.domain.text import tokenize
from assistant.services.schemas import CandidateOut, SearchResult

# The model reads the first three candidates and at most this many statements: every prompt token
# costs the reader time on 2 cores, and a short menu is easier for a small model to choose from.
CANDIDATES = 3
MOST_STATEMENTS = 9
MOST_CHOSEN = 3
# "Strongest of the three" only where a reader compares the same numbers the record shows: the 9-box
# cell and the assessment score. Not SKP (its weighted trend can lead where the ratings read as a tie),
# not years in related posts (which posts are related is the search's call, a reader may count others),
# not related training (its value weighs recency while each candidate may list one course); blind
# readers disputed each of those.
_FACTORS = ("kotak_talenta", "asesmen")

_T = {
    "id": {
        "experience": "Jabatan {name} yang paling cocok dengan pencarian ini: {what}.",
        "training": "{name} memiliki {what}.",
        "education": "Pendidikan {name} yang terkait: {what}.",
        "strongest": "Di antara tiga teratas, {name} paling kuat pada {what}.",
        "eligibility": "{name}: {what}.",
        "check": "Untuk {name}, periksa: {what}.",
        "years": "{text}, {years:.0f} tahun",
        "system": (
            "Anda membantu bupati membaca daftar kandidat ASN yang sudah diurutkan oleh sistem. Di bawah pertanyaan ada "
            "pernyataan bernomor tentang kandidat; semuanya benar menurut rekaman. Pilih paling banyak 3 pernyataan yang "
            "paling membantu bupati memutuskan untuk pertanyaan ini, yang terpenting dulu. Jawab hanya dengan nomornya, "
            "dipisah koma, misalnya: 2, 5"
        ),
        "human": "Pertanyaan: {question}\nPernyataan:\n{statements}\nNomor:",
    },
    "en": {
        "experience": "{name}'s post that best matches this search: {what}.",
        "training": "{name} has {what}.",
        "education": "{name}'s related education: {what}.",
        "strongest": "Of the top three, {name} is strongest on {what}.",
        "eligibility": "{name}: {what}.",
        "check": "For {name}, check: {what}.",
        "years": "{text}, {years:.0f} years",
        "system": (
            "You help a regent read a list of civil-service candidates that the system has already ranked. Below the "
            "question are numbered statements about the candidates; all of them are true according to the records. "
            "Choose at most 3 statements that best help the regent decide on this question, the most important first. "
            "Answer only with their numbers, separated by commas, for example: 2, 5"
        ),
        "human": "Question: {question}\nStatements:\n{statements}\nNumbers:",
    },
}


# The same facts as the model reads them: fewer tokens, so it answers sooner.
_SHORT = {
    "id": {"experience": "{name}: jabatan paling cocok {what}", "training": "{name}: {what}",
           "education": "{name}: pendidikan {what}", "strongest": "{name}: terkuat dari tiga pada {what}",
           "eligibility": "{name}: {what}", "check": "{name}: periksa {what}"},
    "en": {"experience": "{name}: best-matching post {what}", "training": "{name}: {what}",
           "education": "{name}: education {what}", "strongest": "{name}: strongest of three on {what}",
           "eligibility": "{name}: {what}", "check": "{name}: check {what}"},
}  # fmt: skip


@dataclass(frozen=True)
class Statement:
    rank: int  # the candidate it is about
    kind: str  # experience | training | education | strongest | eligibility | check
    text: str  # the sentence shown
    short: str = ""  # the same fact as the model reads it: fewer tokens, the sooner it answers


def _best_post(c: CandidateOut, own: set[str]) -> Any | None:
    """The post to name as the search's best match: of those that share a word with the field as the
    question wrote it ('Pengelola Perizinan' for 'perizinan', 'Penyuluh Pertanian Ahli Pertama' for
    'penyuluh pertanian'), the one matched best; else the best matched of all."""
    pieces = [ev for ev in c.evidence if ev.kind == "jabatan"]
    if not pieces:
        return None

    def shared(text: str) -> int:
        return len(own & set(tokenize(text)))

    # the post's title first ('Camat ...' over 'Sekretaris Kelurahan ..., Kecamatan ...'), then with its unit
    return max(pieces, key=lambda ev: (shared(ev.text.split(", ")[0]), shared(ev.text.split(" (")[0]), ev.match))


def _highest_school(c: CandidateOut) -> Any | None:
    """The related education to name: of the pieces that matched the question (0.45 or more), the
    highest level ('S1 Keperawatan' rather than 'SMA Keperawatan'), then the closest match."""
    pieces = [ev for ev in c.evidence if ev.kind == "pendidikan" and ev.match >= 0.45]
    if not pieces:
        return None

    def level(ev: Any) -> int:  # the text opens with the jenjang the ingest wrote ('S1 Keperawatan, ...')
        head = ev.text.split(" ", 1)[0].upper()
        return Jenjang(head).rank if head in Jenjang.__members__ else -1

    return max(pieces, key=lambda ev: (level(ev), ev.match))


def _value(c: CandidateOut, name: str) -> float | None:
    f = next((f for f in c.factors if f.name == name), None)
    # a factor that stands in for a missing record ('kotak talenta belum ada') has no source: not a strength
    return None if f is None or not f.source else f.value


def statements(result: SearchResult) -> list[Statement]:
    """What is true about the first candidates and the facts' note does not already say, in the
    answer's language; none for a structured answer, a weak match or an empty list."""
    cands = result.candidates[:CANDIDATES]
    if not cands or result.weak_match or result.understood is not None or result.status != "ok":
        return []
    lang = result.language
    t = _T[lang]
    said = insight_factors(result)  # (rank, factor) pairs the facts' note already names
    own = set(tokenize(result.field or "")) - {""}
    out: list[Statement] = []

    def add(c: CandidateOut, kind: str, what: str) -> None:
        text = t[kind].format(name=c.nama, what=what)
        short = _SHORT[lang][kind].format(name=c.nama, what=clip(what, 110 if kind == "eligibility" else 160))
        out.append(Statement(c.rank, kind, text, short))

    for c in cands:
        others = [o for o in cands if o is not c]
        post = _best_post(c, own)
        if post is not None:
            what = evidence_text("jabatan", post.text, lang)
            if post.years and post.years >= 1:
                what = t["years"].format(text=what, years=post.years)
            add(c, "experience", what)
        if c.rank > 1 and others:
            strongest = [
                n for n in _FACTORS
                if (c.rank, n) not in said and (v := _value(c, n)) is not None and v >= 0.5
                and all((w := _value(o, n)) is not None and v > w + 0.05 for o in others)
            ]  # fmt: skip
            if strongest:
                what = join_words([factor_detail(c, n, lang) for n in strongest[:2]], lang)
                add(c, "strongest", what)
        if (_value(c, "diklat_terkait") or 0.0) > 0 and (c.rank, "diklat_terkait") not in said:
            add(c, "training", factor_detail(c, "diklat_terkait", lang))
        school = _highest_school(c)
        if school is not None:
            what = evidence_text("pendidikan", school.text, lang)
            add(c, "education", what)
        if c.rank > 1 and c.eligibility is not None:
            add(c, "eligibility", c.eligibility.summary)
        if c.rank > 1:
            checks = checks_for(c, lang)
            if checks:
                add(c, "check", "; ".join(checks))
    # keep the menu short, dropping the least telling kinds first
    for kind in ("education", "training", "check", "eligibility"):
        while len(out) > MOST_STATEMENTS and any(s.kind == kind for s in out):
            out.remove(next(s for s in reversed(out) if s.kind == kind))
    return out[:MOST_STATEMENTS]


def grammar(n: int, most: int = MOST_CHOSEN) -> str:
    """A GBNF grammar for llama.cpp's server: between one and ``most`` numbers from 1 to ``n``."""
    numbers = " | ".join(f'"{i}"' for i in sorted(range(1, n + 1), key=lambda i: -len(str(i))))
    return f'root ::= num (", " num){{0,{most - 1}}}\nnum ::= {numbers}\n'


def chosen(text: str, n: int, most: int = MOST_CHOSEN) -> tuple[list[int], int]:
    """The statement numbers (1-based) the model chose, in its order, without repeats, at most
    ``most``; and how many numbers it gave that name no statement. Any other text is ignored."""
    picks: list[int] = []
    invalid = 0
    for token in re.findall(r"\d+", text):
        i = int(token)
        if not 1 <= i <= n:
            invalid += 1
        elif i not in picks and len(picks) < most:
            picks.append(i)
    return picks, invalid


def note(menu: list[Statement], picks: list[int]) -> list[str]:
    """The chosen statements, in rank order (the model's order within a candidate)."""
    order = {i: k for k, i in enumerate(picks)}
    return [menu[i - 1].text for i in sorted(picks, key=lambda i: (menu[i - 1].rank, order[i]))]


def messages(question: str, menu: list[Statement], lang: str) -> list[tuple[str, str]]:
    t = _T[lang]
    numbered = "\n".join(f"{i}. {s.short or s.text}" for i, s in enumerate(menu, 1))
    return [("system", t["system"]), ("human", t["human"].format(question=question, statements=numbered))]


def note_selector(llm: Any, use_grammar: bool = True, openai: bool = True) -> Runnable:
    """item -> {"sentences": the chosen statements (the model's note, written by code), "raw": what
    the model answered, "picks": the numbers read from it, "invalid": numbers naming no statement,
    "menu": the statements it was shown}.

    ``item`` has the question and the ranked result; the model sees the numbered statements and
    answers with numbers. ``use_grammar`` sends llama.cpp's ``grammar`` field (the packaged model's
    server and any llama.cpp server honour it; an OpenAI-compatible server that does not know it
    ignores it, and the numbers are then read from whatever it wrote). ``openai``: the model takes
    OpenAI request options (max_tokens, temperature, extra_body); Ollama's does not."""

    def _run(item: dict[str, Any]) -> dict[str, Any]:
        result: SearchResult = item["result"]
        menu = statements(result)
        if not menu:
            return {"sentences": [], "raw": "", "picks": [], "invalid": 0, "menu": []}
        options: dict[str, Any] = {}
        if openai:  # a short answer, and (llama.cpp) only valid numbers
            options = {"max_tokens": 4 * MOST_CHOSEN + 4, "temperature": 0.0}
            if use_grammar:
                options["extra_body"] = {"grammar": grammar(len(menu))}
        reply = llm.bind(**options).invoke(messages(item["question"], menu, result.language))
        text = reply.content if isinstance(reply.content, str) else str(reply)
        picks, invalid = chosen(text, len(menu))
        return {
            "sentences": note(menu, picks),
            "raw": text,
            "picks": picks,
            "invalid": invalid,
            "menu": [s.text for s in menu],
        }

    return RunnableLambda(_run).with_config(run_name="llm_note_select")


def warm_note_selector(llm: Any) -> None:
    """Reads both system prompts once into a prefix-caching server."""
    warm_prompts(llm, (_T["id"]["system"], _T["en"]["system"]))
