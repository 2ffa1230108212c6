"""The model's note beside the facts (issue 16): timings and the per-sentence faithfulness check,
on real answers of each packaged model.

    .venv/bin/python -m bench.llm generate --model 0.5b [--cache DIR] [--limit N]
    .venv/bin/python -m bench.llm generate --model 1.5b ...
    .venv/bin/python -m bench.llm score [--write]

``generate``: the demo regency (2,000 people, seed 42; built once with ``talenta ingest`` under
``--cache``), 100 questions (40 fields of ``bench.queries`` asked in Indonesian and in English, 10
posts in both languages), each answered through ``TalentService.stream_answer`` with the packaged
model served by xllamacpp on 127.0.0.1 and reached over HTTP (the 'openai' backend). Per answer it
keeps: time to the facts, to the model's first token, to the first shown sentence and to the end;
the ranked result; the model's raw text. Written to ``bench/results/notes-<model>.jsonl``
(``make local-llm`` / ``make local-llm-1.5b`` first).

``score``: re-runs the check on the stored raw texts (so a change of the check is measured on the
same answers) and compares its verdicts with blind labels, one per sentence, written by a reader
who saw the candidates' records but not the check (``bench/sets/note_labels-<model>.jsonl``).
Figures: the share of sentences supported (labels), the share of unsupported ones caught, the share
of supported ones wrongly dropped, unsupported sentences shown; plus a corrupted-sentence set made
from supported sentences (a stranger's name, a wrong number, cell, predicate or rank-1 claim, an
invented skill, prompt words, the other language): the share caught per kind.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
LABELS = ROOT / "bench" / "sets"
SECTION = "## The model's note beside the facts (issue 16)"
FIELDS = 40
POSTS = [
    ("Siapa yang paling cocok menjadi Kepala Dinas Perikanan?", "Who is best suited to head the fisheries office?"),
    ("Siapa yang paling cocok menjadi Kepala Dinas Kesehatan?", "Who is best suited to lead the health office?"),
    ("Siapa yang cocok menjadi Kepala Bidang Budidaya?", "Who fits the post of Head of Aquaculture Division?"),
    ("Siapa yang paling cocok menjadi Sekretaris Bappeda?", "Who is best suited to be secretary of Bappeda?"),
    ("Siapa yang cocok menjadi Kepala Dinas Pendidikan?", "Who should lead the education office?"),
    ("Siapa yang paling cocok menjadi Kepala BPKAD?", "Who is best suited to head the regional finance agency?"),
    ("Siapa yang cocok menjadi camat?", "Who fits the post of sub-district head (camat)?"),
    ("Siapa yang paling cocok menjadi Kepala Dinas Pertanian?", "Who is best suited to head the agriculture office?"),
    ("Siapa yang cocok menjadi Kepala Bidang Anggaran?", "Who fits the post of Head of Budget Division?"),
    ("Siapa yang paling cocok menjadi Kepala Dinas Lingkungan Hidup?", "Who is best suited to lead the environment office?"),
]


def questions(first: int = 0) -> list[dict[str, str]]:
    from bench.queries import TOPICS

    out: list[dict[str, str]] = []
    for topic in TOPICS[first : first + FIELDS]:
        out.append({"kind": "field", "language": "id", "text": topic.id})
        out.append({"kind": "field", "language": "en", "text": topic.en})
    for id_text, en_text in POSTS:
        out.append({"kind": "post", "language": "id", "text": id_text})
        out.append({"kind": "post", "language": "en", "text": en_text})
    return out


class _Tee:
    """The note writer, recording the model's raw tokens and when the first one came."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.raw: list[str] = []
        self.first: float | None = None
        self.last: dict[str, Any] = {}

    def stream(self, item: Any) -> Iterator[Any]:
        from assistant.chains.answer import note_text

        self.finish: dict[str, Any] = {}
        for token in note_text(self.inner.stream(item), self.finish):
            if self.first is None:
                self.first = time.perf_counter()
            self.raw.append(token)
            yield token


class _Chooser:
    """The select-mode note (the model chooses statements), recording its reply and when it came."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.last: dict[str, Any] = {}
        self.first: float | None = None

    def invoke(self, item: Any) -> dict[str, Any]:
        self.last = self.inner.invoke(item)
        self.first = time.perf_counter()
        return self.last


def generate(model: str, cache: Path, limit: int | None, employees: int = 2000, seed: int = 42, tag: str = "",
             first: int = 0, note: str = "write") -> Path:  # fmt: skip
    from assistant.chains.answer import note_writer, warm_note_writer
    from assistant.config import LlmSettings, Settings
    from assistant.container import build_container
    from assistant.domain.identity import SYSTEM
    from assistant.llm.factory import build_chat_model
    from assistant.llm.local_model import SPECS, LocalServer
    from bench.load import demo_store

    spec = SPECS[model]
    path = ROOT / "data" / "models" / spec.file_name
    data_dir = demo_store(employees, seed, cache / f"demo-{employees}-{seed}")
    container = build_container(Settings(data_dir=data_dir))
    started = time.perf_counter()
    server = LocalServer(path)
    load_s = time.perf_counter() - started
    llm = build_chat_model(LlmSettings(provider="openai", base_url=server.base_url, model=spec.name, max_tokens=120))
    service = container.service
    service.writer_name = f"local:{spec.name}"
    tee: Any
    if note == "select":
        from assistant.chains.selection import note_selector, warm_note_selector

        warm_note_selector(llm)
        tee = _Chooser(note_selector(llm))
        service.note_mode = "select"
    else:
        warm_note_writer(llm)
        tee = _Tee(note_writer(llm))
    service.writer = tee
    service.search(SYSTEM, "perikanan")  # the index, before timing
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"notes-{model}{'-select' if note == 'select' else ''}{'-' + tag if tag else ''}.jsonl"
    asked = questions(first)[:limit] if limit else questions(first)
    with out.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"model": spec.name, "file": spec.file_name, "sha256": spec.sha256, "load_s": round(load_s, 2),
                             "machine": f"{platform.machine()}, {os.cpu_count()} cores", "date": time.strftime("%Y-%m-%d"),
                             "seed": seed, "first_topic": first, "note": note,
                             "known_names": container.store.names()}, ensure_ascii=False) + "\n")  # fmt: skip
        for i, q in enumerate(asked):
            tee.raw, tee.first, tee.last = [], None, {}
            t0 = time.perf_counter()
            t_facts = t_shown = None
            final = None
            result = None
            for event in service.stream_answer(SYSTEM, q["text"]):
                now = time.perf_counter() - t0
                if event["event"] == "candidates":
                    result = event["data"]
                elif event["event"] == "facts":
                    t_facts = now
                elif event["event"] == "token" and t_shown is None:
                    t_shown = now
                elif event["event"] == "done":
                    final = event["data"]
            total = time.perf_counter() - t0
            assert final is not None and result is not None
            row = {
                "id": f"{model}-{i:03d}", **q, "t_facts": t_facts, "t_first_token": (tee.first - t0) if tee.first else None,
                "t_first_shown": t_shown, "t_total": total, "finish": getattr(tee, "finish", {}).get("finish"), "note": final.note,
                "raw": tee.last.get("raw", "") if note == "select" else "".join(tee.raw),
                **({"menu": tee.last.get("menu", []), "picks": tee.last.get("picks", []), "invalid": tee.last.get("invalid", 0),
                    "shown": tee.last.get("sentences", [])} if note == "select" else {}),
                "note_status": final.note_status, "dropped": final.note_dropped, "result": result.model_dump(mode="json"),
            }  # fmt: skip
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            fh.flush()
            print(f"[{i + 1}/{len(asked)}] {q['language']} {q['text'][:60]!r}: facts {t_facts:.2f} s, "
                  f"first token {row['t_first_token'] or 0:.1f} s, total {total:.1f} s, {final.note_status}", flush=True)  # fmt: skip
    server.close()
    return out


# ---- scoring ------------------------------------------------------------------------------------


def read_answers(model: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    lines = (RESULTS / f"notes-{model}.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(lines[0]), [json.loads(x) for x in lines[1:]]


def check_answer_sentences(row: dict[str, Any], known: dict[str, str]) -> list[dict[str, Any]]:
    """The check, re-run on the stored raw text: one verdict per sentence, in order."""
    from assistant.chains.answer import facts_lines
    from assistant.chains.faithfulness import CheckedParagraph, ParagraphChecker, checked_sentences
    from assistant.services.schemas import SearchResult

    result = SearchResult.model_validate(row["result"])
    checker = ParagraphChecker(result, row["text"], known, facts=facts_lines(result))
    out = CheckedParagraph()
    list(checked_sentences([row["raw"]], checker, out, {"finish": row.get("finish")}))
    return [{"text": v.text, "shown": v.ok, "reasons": list(v.reasons)} for v in out.verdicts if v.text]


def labelling_file(model: str) -> Path:
    """The sentences to label, with what the reader needs (the candidates' records), no verdicts."""
    from assistant.chains.answer import facts_lines
    from assistant.chains.faithfulness import candidate_text
    from assistant.services.schemas import SearchResult

    head, rows = read_answers(model)
    path = RESULTS / f"notes-{model}-to-label.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            result = SearchResult.model_validate(row["result"])
            if head.get("note") == "select":  # the statements shown (code wrote them, the model chose them)
                sentences = list(row["shown"])
            else:
                sentences = [v["text"] for v in check_answer_sentences(row, head["known_names"])]
            if not sentences:
                continue
            lines = facts_lines(result)
            fh.write(json.dumps({
                "id": row["id"], "question": row["text"], "answer_language": result.language,
                "candidates": [{"rank": c.rank, "nama": c.nama, "shown_to_model": lines.get(c.nip), "record": candidate_text(c)}
                               for c in result.candidates],
                "sentences": sentences,
            }, ensure_ascii=False) + "\n")  # fmt: skip
    return path


def read_labels(model: str) -> dict[tuple[str, int], tuple[bool, bool]]:
    """(answer id, sentence index) -> (supported, good): supported = every claim in it is in the
    records of the person it is about; good = supported and fit to show (the answer's language, no
    prompt words, rank 1 called the best, not a cut-off fragment, not a walk through the list)."""
    path = LABELS / f"note_labels-{model}.jsonl"
    if not path.exists():
        return {}
    labels: dict[tuple[str, int], tuple[bool, bool]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            supported = bool(item["supported"])
            labels[(item["id"], int(item["sentence"]))] = (supported, supported and bool(item.get("good", supported)))
    return labels


CORRUPTIONS = ("stranger", "number", "cell", "predicate", "rank", "skill", "scaffold", "language")


def corrupt(kind: str, sentence: str, row: dict[str, Any], known: dict[str, str]) -> str | None:
    """An unsupported variant of a supported sentence, or None when the kind does not apply."""
    from assistant.services.schemas import SearchResult

    result = SearchResult.model_validate(row["result"])
    cands = result.candidates
    en = result.language == "en"
    named = [c for c in cands if c.nama.lower() in sentence.lower()]
    top = cands[0] if cands else None
    match kind:
        case "stranger":
            stranger = next((n for nip, n in sorted(known.items()) if nip not in {c.nip for c in cands} and len(n) >= 8), None)
            if not named or stranger is None:
                return None
            return sentence.replace(named[0].nama, stranger)
        case "number":
            return sentence.rstrip(".") + (", with 37 years in related posts." if en else ", dengan 37 tahun di jabatan terkait.")
        case "cell":
            who = named[0] if named else top
            if who is None:
                return None
            wrong = next(c for c in range(1, 10) if c != who.kotak_talenta and all(c != x.kotak_talenta for x in cands[:3]))
            return sentence.rstrip(".") + (f" and sits in 9-box cell {wrong}." if en else f" dan berada di kotak talenta {wrong}.")
        case "predicate":
            return sentence.rstrip(".") + (", with an SKP rating of Sangat Kurang." if en else ", dengan predikat SKP Sangat Kurang.")
        case "rank":
            if len(cands) < 2:
                return None
            return (f"{cands[1].nama} is the best suited candidate." if en else f"{cands[1].nama} adalah kandidat yang paling cocok.")
        case "skill":
            return sentence.rstrip(".") + (" and is an expert in cardiac surgery." if en else " dan ahli dalam bedah jantung.")
        case "scaffold":
            return ("Based on the FACTS provided, " if en else "Berdasarkan FAKTA yang diberikan, ") + sentence[:1].lower() + sentence[1:]
        case "language":
            if top is None:
                return None
            return (f"{top.nama} adalah kandidat yang berpengalaman." if en else f"{top.nama} is an experienced candidate.")
    return None


def score(models: list[str]) -> dict[str, Any]:
    from assistant.chains.answer import facts_lines
    from assistant.chains.faithfulness import ParagraphChecker
    from assistant.services.schemas import SearchResult

    figures: dict[str, Any] = {}
    for model in models:
        head, rows = read_answers(model)
        known = head["known_names"]
        labels = read_labels(model)
        n_sent = shown = sup = unsup = unsup_caught = sup_dropped = unsup_shown = labelled = n_supported = 0
        bad_examples: list[str] = []
        corrupted = {k: [0, 0] for k in CORRUPTIONS}
        for row in rows:
            verdicts = check_answer_sentences(row, known)
            for i, v in enumerate(verdicts):
                n_sent += 1
                shown += v["shown"]
                label = labels.get((row["id"], i))
                if label is None:
                    continue
                labelled += 1
                supported, good = label
                if good:
                    sup += 1
                    sup_dropped += not v["shown"]
                else:
                    unsup += 1
                    unsup_caught += not v["shown"]
                    if v["shown"]:
                        unsup_shown += 1
                        bad_examples.append(f"{row['id']} ({'supported, not fit to show' if supported else 'unsupported'}): {v['text']}")
                n_supported += supported
                if good and v["shown"]:
                    result = SearchResult.model_validate(row["result"])
                    for kind in CORRUPTIONS:
                        variant = corrupt(kind, v["text"], row, known)
                        if variant is None:
                            continue
                        checker = ParagraphChecker(result, row["text"], known, facts=facts_lines(result))
                        corrupted[kind][1] += 1
                        corrupted[kind][0] += not checker.check(variant).ok
        timed = rows
        timing_file = RESULTS / f"notes-{model}-timing.jsonl"
        if timing_file.exists():  # the same questions asked again on a quiet machine
            timed = [json.loads(x) for x in timing_file.read_text(encoding="utf-8").splitlines()[1:]]
            head["timing"] = json.loads(timing_file.read_text(encoding="utf-8").splitlines()[0]).get("date")
        timings = {
            k: [r[k] for r in timed if r.get(k) is not None] for k in ("t_facts", "t_first_token", "t_first_shown", "t_total")
        }
        head["timed"] = len(timed)
        figures[model] = {
            "head": {k: v for k, v in head.items() if k != "known_names"}, "answers": len(rows),
            "by_language": {lang: sum(r["language"] == lang for r in rows) for lang in ("id", "en")},
            "by_kind": {kind: sum(r["kind"] == kind for r in rows) for kind in ("field", "post")},
            "statuses": {s: sum(r["note_status"] == s for r in rows) for s in ("ok", "trimmed", "dropped", "unavailable", "none")},
            "sentences": n_sent, "shown": shown, "labelled": labelled, "n_supported": n_supported, "supported": sup, "unsupported": unsup,
            "unsupported_caught": unsup_caught, "supported_dropped": sup_dropped, "unsupported_shown": unsup_shown,
            "bad_examples": bad_examples[:10], "corrupted": corrupted, "timings": timings,
        }  # fmt: skip
    return figures


SELECT_SECTION = "## The model's note, chosen from statements written by code (issue 16)"


def score_select(model: str) -> dict[str, Any]:
    """A select-mode run: what the model chose, how often it just took the first statements, and the
    blind labels of every statement shown."""
    head, rows = read_answers(model)
    labels = read_labels(model)
    shown = labelled = supported = good = 0
    not_good: list[str] = []
    first_k = menu_sizes = picks_n = invalid = 0
    for row in rows:
        menu_sizes += len(row.get("menu", []))
        picks = row.get("picks", [])
        picks_n += len(picks)
        invalid += row.get("invalid", 0)
        first_k += bool(picks) and sorted(picks) == list(range(1, len(picks) + 1))
        for i, text in enumerate(row.get("shown", [])):
            shown += 1
            label = labels.get((row["id"], i))
            if label is None:
                continue
            labelled += 1
            supported += label[0]
            good += label[1]
            if not label[1]:
                not_good.append(f"{row['id']}: {text}")
    timings = {k: [r[k] for r in rows if r.get(k) is not None] for k in ("t_facts", "t_first_shown", "t_total")}
    with_menu = sum(bool(r.get("menu")) for r in rows)
    return {
        "head": {k: v for k, v in head.items() if k != "known_names"}, "answers": len(rows), "with_menu": with_menu,
        "by_language": {lang: sum(r["language"] == lang for r in rows) for lang in ("id", "en")},
        "by_kind": {kind: sum(r["kind"] == kind for r in rows) for kind in ("field", "post")},
        "statuses": {st: sum(r["note_status"] == st for r in rows) for st in ("ok", "unavailable", "none")},
        "menu_avg": menu_sizes / max(1, with_menu), "picks_avg": picks_n / max(1, with_menu), "invalid": invalid,
        "first_k": first_k, "shown": shown, "labelled": labelled, "supported": supported, "good": good,
        "not_good": not_good[:10], "timings": timings,
    }  # fmt: skip


def render_select(figures: dict[str, Any], command: str) -> str:
    lines = [SELECT_SECTION, "", f"Command: `{command}` (answers made by `.venv/bin/python -m bench.llm generate --note select "
             "--model M --seed S --first-topic K --tag T`; labels in `bench/sets/note_labels-<key>.jsonl`)."]  # fmt: skip
    for key, f in figures.items():
        h = f["head"]
        lines += [
            "", f"**{key}**: {h['model']}, machine {h['machine']}, generated {h['date']}. The demo regency with seed "
            f"{h.get('seed', 42)} (2,000 people), field topics from {h.get('first_topic', 0)}: {f['answers']} answers "
            f"({f['by_language']['id']} Indonesian, {f['by_language']['en']} English; {f['by_kind']['field']} field and "
            f"{f['by_kind']['post']} post questions). The model read the question and at most 9 numbered statements about the "
            "first 3 candidates and answered with at most 3 numbers (llama.cpp grammar).",
            "",
            *_timing_table(f["timings"], (
                ("t_facts", "facts on screen (ranked list, from asking)"), ("t_first_shown", "model's note on screen"),
                ("t_total", "answer complete"))),
            "",
            "| measure | value |", "|---|---|",
            f"| answers with statements to choose from | {f['with_menu']} of {f['answers']} |",
            f"| notes shown / model failures | {f['statuses']['ok']} / {f['statuses']['unavailable']} |",
            f"| statements offered, chosen (mean) | {f['menu_avg']:.1f}, {f['picks_avg']:.1f} |",
            f"| numbers naming no statement | {f['invalid']} |",
            f"| answers where the model took the first statements in order | {_pct(f['first_k'], f['with_menu'])} |",
            f"| statements shown, labelled blind | {f['labelled']} of {f['shown']} |",
            f"| supported by the records (labels) | {_pct1(f['supported'], f['labelled'])} |",
            f"| good: supported and fit to show (labels) | {_pct1(f['good'], f['labelled'])} |",
            f"| **unsupported sentences shown** (target 0) | {f['labelled'] - f['supported']} |",
            f"| not-good sentences shown (supported but unfit, or unsupported) | {f['labelled'] - f['good']} |",
            "| **good sentences wrongly dropped** (target <= 10%) | 0: no check drops a statement; the model only leaves some unchosen |",
        ]  # fmt: skip
        if f["not_good"]:
            lines += ["", "Statements labelled not good:", *[f"- {x}" for x in f["not_good"]]]
    lines += [
        "",
        "Reading these figures: a statement is written by code from one candidate's factors and evidence (the post "
        "the search matched best, related training and education, where rank 2 or 3 is the strongest of the three, "
        "eligibility for a target post, what to check), so what the labels measure is whether code says what the "
        "records say. What the model adds is the choice; the share of answers where it simply took the first "
        "statements says how much of a choice that is. The '-v1' run is the first round, labelled blind before "
        "the last change: its readers found a post called the candidate's 'closest experience' to the question "
        "when another of their posts was closer (the search's best match is not a judgement of relevance; the "
        "statement now says what it is, 'the post that best matches this search'), 'strongest of the top three' "
        "said where the others had no record to compare, and a question pasted into a sentence as its topic. "
        "The '-seed7' run (same regency and questions) was generated and labelled after those changes, while the "
        "held-out retrieval benchmark shared the 2 cores (its timings are slower than the quiet '-v1' run's). Its "
        "one unsupported sentence called a candidate strongest of the three on related training when each had one "
        "course; its not-good ones were mostly a 'best match of the search' post where the reader saw a clearly "
        "better one in the same record (14) and a secondary school named beside a degree (3). So the statements "
        "then named a post titled in the question's own words when there is one, and the highest related "
        "education. The '-seed11' runs are the held-out measurement of that version: another regency (seed 11), "
        "the other field topics (0-39), generated and labelled blind after every change above; the 1.5B's two "
        "unsupported sentences were 'strongest of the three on years in related posts', where the reader counted "
        "other posts as related than the search did. After that last labelling, 'strongest of the three' was "
        "kept for the 9-box cell and the assessment score only (numbers a reader compares as the record shows "
        "them). The '-seed13' runs measure that final version, held out again: another regency (seed 13), field "
        "topics 21-60, generated on an idle machine and labelled blind after the last change. Timings of the "
        "'-seed11' runs: the 0.5B's on an idle machine, the 1.5B's while two blind readers worked on the same "
        "2 cores.",
    ]
    return "\n".join(lines) + "\n"


def _timing_table(timings: dict[str, list[float]], rows: tuple[tuple[str, str], ...]) -> list[str]:
    """A markdown table of p50 and p95 per timing, one row per (key, name)."""
    return ["| measure | p50 | p95 |", "|---|---|---|",
            *[f"| {name} | {_p(timings[k], 0.5)} | {_p(timings[k], 0.95)} |" for k, name in rows]]  # fmt: skip


def _pct1(a: int, b: int) -> str:
    return f"{a / b:.1%} ({a}/{b})" if b else "n/a"


def _pct(a: int, b: int) -> str:
    return f"{a / b:.0%} ({a}/{b})" if b else "n/a"


def _p(values: list[float], q: float) -> str:
    if not values:
        return "n/a"
    values = sorted(values)
    return f"{values[min(len(values) - 1, int(q * len(values)))]:.2f} s"


def render(figures: dict[str, Any], command: str) -> str:
    lines = [SECTION, "", f"Command: `{command}` (answers made by `.venv/bin/python -m bench.llm generate --model M`)."]
    for key, f in figures.items():
        h = f["head"]
        lines += [
            "", f"**{key}**: {h['model']} (`{h['file']}`, SHA-256 {h['sha256'][:12]}…), machine {h['machine']}, generated {h['date']}, "
            f"model load {h['load_s']} s. The demo regency (2,000 people, seed {h.get('seed', 42)}); {f['answers']} answers "
            f"({f['by_language']['id']} Indonesian, {f['by_language']['en']} English; {f['by_kind']['field']} field and "
            f"{f['by_kind']['post']} post questions); the model read the first 3 candidates, max 120 tokens.",
            "",
            f"Timings over {h['timed']} answers" + (f" (a separate run on a quiet machine, {h['timing']}; "
            "the labelled answers were generated while other benchmarks shared the 2 cores)" if h.get("timing") else "") + ":",
            "",
            *_timing_table(f["timings"], (
                ("t_facts", "facts on screen (ranked list, from asking)"), ("t_first_token", "model's first token"),
                ("t_first_shown", "first checked sentence shown"), ("t_total", "answer complete"))),
            "",
            f"Notes: {f['statuses']['ok']} all sentences shown, {f['statuses']['trimmed']} trimmed, "
            f"{f['statuses']['dropped']} wholly held back, {f['statuses']['unavailable']} model failures. "
            f"Sentences: {f['sentences']}, shown {_pct(f['shown'], f['sentences'])}.",
            "",
            "| measure (blind labels) | value |", "|---|---|",
            f"| sentences labelled | {f['labelled']} of {f['sentences']} |",
            f"| supported by the records (labels) | {_pct(f['n_supported'], f['labelled'])} |",
            f"| good: supported and fit to show (labels) | {_pct(f['supported'], f['labelled'])} |",
            f"| not good (unsupported, or prompt words, other language, rank 2 called best, cut off, a list) caught | {_pct(f['unsupported_caught'], f['unsupported'])} |",
            f"| **not-good sentences shown** (target 0) | {f['unsupported_shown']} |",
            f"| **good sentences wrongly dropped** (target <= 10%) | {_pct(f['supported_dropped'], f['supported'])} |",
            "",
            "Corrupted copies of the supported, shown sentences (caught / made): " + "; ".join(
                f"{k} {_pct(c, n)}" for k, (c, n) in f["corrupted"].items()) + ".",
        ]  # fmt: skip
        if f["bad_examples"]:
            lines += ["", "Unsupported sentences shown:", *[f"- {x}" for x in f["bad_examples"]]]
    lines += [
        "",
        "Reading these figures: the labels are blind (the readers saw the candidates' records and the sentences, "
        "never the check or its verdicts), but the check was fitted in two rounds on labelled answers: after reading "
        "the 0.5B model's labels (circular and negative 'stands out' reasons, cross-candidate comparisons, an SKP "
        "predicate's year, discourse words), then after reading the 1.5B model's (praise contradicted by the latest "
        "SKP, 'over N years', comparisons with the other candidates, a cell named without its number). Before the "
        "second round the check showed 24 not-good 1.5B sentences and dropped 33% of the good ones. The 0.5B and "
        "1.5B rows therefore measure the check on answers it was fitted to; the 1.5B-seed7 answers (another regency, "
        "seed 7, other field topics) were generated and labelled after the last change: they are the held-out "
        "measurement. The targets are 0 not-good sentences shown and at most 10% of good ones dropped.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--model", choices=("0.5b", "1.5b"), default="0.5b")
    gen.add_argument("--cache", type=Path, default=Path("/tmp/talenta-bench-cache"))
    gen.add_argument("--limit", type=int, default=None)
    gen.add_argument("--tag", default="", help="'timing': a run on a quiet machine whose timings the score reports")
    gen.add_argument("--seed", type=int, default=42, help="the demo regency's seed (another seed: other people)")
    gen.add_argument("--first-topic", type=int, default=0, help="the first of the 40 field topics of bench.queries")
    gen.add_argument("--note", choices=("write", "select"), default="write", help="the model writes, or chooses statements")
    lab = sub.add_parser("to-label")
    lab.add_argument("--model", default="0.5b", help="a results file's key: 0.5b, 1.5b, 1.5b-seed7 ...")
    sc = sub.add_parser("score")
    sc.add_argument("--models", default="0.5b,1.5b")
    sc.add_argument("--write", action="store_true")
    ss = sub.add_parser("score-select")
    ss.add_argument("--models", default="0.5b-select-seed7-v1,0.5b-select-seed7,0.5b-select-seed11,1.5b-select-seed11,"
                    "0.5b-select-seed13,1.5b-select-seed13")
    ss.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.cmd == "generate":
        print(generate(args.model, args.cache, args.limit, seed=args.seed, tag=args.tag, first=args.first_topic, note=args.note))
    elif args.cmd == "to-label":
        print(labelling_file(args.model))
    elif args.cmd == "score-select":
        models = [m for m in args.models.split(",") if (RESULTS / f"notes-{m}.jsonl").exists()]
        chosen = {m: score_select(m) for m in models}
        text = render_select(chosen, f".venv/bin/python -m bench.llm score-select --models {','.join(models)}" + (" --write" if args.write else ""))
        print(text)
        if args.write:
            from bench.run_e2e import _write_section

            _write_section(ROOT / "BENCHMARKS.md", text)
    else:
        models = [m for m in args.models.split(",") if (RESULTS / f"notes-{m}.jsonl").exists()]
        figures = score(models)
        text = render(figures, f".venv/bin/python -m bench.llm score --models {','.join(models)}" + (" --write" if args.write else ""))
        print(text)
        print(json.dumps({m: {k: v for k, v in f.items() if k not in ("timings", "head")} for m, f in figures.items()}, indent=1))
        if args.write:
            from bench.run_e2e import _write_section

            _write_section(ROOT / "BENCHMARKS.md", text)


if __name__ == "__main__":
    main()
