"""Answer timing per backend and the grounding guard's catch rate.

    .venv/bin/python -m bench.llm [--questions 6]

Needs the local model (`make local-llm`). Backends: 'template' (no model) and the local
Qwen2.5-Coder-0.5B served by xllamacpp on 127.0.0.1, reached through the 'openai' backend over
HTTP (the same path as any OpenAI-compatible server). Prints and writes a BENCHMARKS.md section.
Guard figures: (1) how often the guard replaced the real model's text on the scripted
conversation questions, (2) catch rate on corrupted copies of the model's own answers (a wrong
name, NIP, 9-box cell, SKP predicate or rank inserted: each should be caught).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

QUESTIONS = [
    "Siapa ASN yang paling cocok untuk bidang perikanan?",
    "Who is best suited for fisheries?",
    "Siapa yang cocok untuk bidang kesehatan masyarakat?",
    "Who is best suited for regional finance?",
    "cari pegawai yang ahli teknologi informasi",
    "Siapa yang paling cocok untuk Kepala Bidang Budidaya?",
]
SECTION = "## Answers with a language model (issue 4)"


def _time_answers(service, caller, questions):  # type: ignore[no-untyped-def]
    ttft, total, replaced = [], [], 0
    answers = []
    for q in questions:
        start = time.perf_counter()
        first = None
        final = None
        raw: list[str] = []
        for event in service.stream_answer(caller, q):
            if event["event"] == "token":
                raw.append(event["data"])
                if first is None:
                    first = time.perf_counter() - start
            if event["event"] == "done":
                final = event["data"].model_copy(update={"answer": "".join(raw)})  # the model's own text
        total.append(time.perf_counter() - start)
        ttft.append(first or total[-1])
        replaced += 0 if final.grounded else 1  # final.answer now holds the unguarded text
        answers.append(final)
    return ttft, total, replaced, answers


def _corruptions(answer, known):  # type: ignore[no-untyped-def]
    """Wrong-fact variants of a real answer's opening paragraph."""
    prose = answer.answer.split("\n\n")[0]
    cands = answer.candidates
    if not cands:
        return []
    top = cands[0]
    outsider = next(n for nip, n in known.items() if nip not in {c.nip for c in cands} and len(n) > 6)
    wrong_cell = next(x for x in range(1, 10) if x != top.kotak_talenta)
    wrong_pred = "Kurang" if "Kurang" not in " ".join(f.detail for f in top.factors) else "Sangat Baik"
    return [
        prose + f" {outsider} juga sangat cocok.",
        prose + f" {top.nama} memiliki NIP {top.nip[:-3]}999.",
        prose + f" {top.nama} berada di kotak talenta {wrong_cell}.",
        prose + f" {top.nama} meraih SKP {wrong_pred} tiga tahun berturut-turut.",
        prose + f" {top.nama} berada di peringkat {len(cands) + 1}.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    from assistant.chains.answer import llm_writer
    from assistant.chains.guard import check_answer
    from assistant.config import LlmSettings, Settings
    from assistant.container import build_container
    from assistant.domain.identity import Caller
    from assistant.domain.models import Employee
    from assistant.llm.factory import build_chat_model
    from assistant.llm.local_model import LocalServer
    from assistant.services.talent import TalentService
    from ingest.pipeline import ingest_employees

    fixtures = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "people.jsonl"
    people = [Employee.model_validate(json.loads(line)) for line in fixtures.read_text().splitlines() if line]
    caller = Caller(user="bench", role="pimpinan")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        container = build_container(Settings(data_dir=Path(tmp)))
        ingest_employees(container.store, container.embeddings, people)
        template = container.service
        _time_answers(template, caller, QUESTIONS[:1])  # warm
        t_first, t_total, _, _ = _time_answers(template, caller, QUESTIONS)
        rows.append(("template (no model)", t_first, t_total, 0))

        started = time.perf_counter()
        server = LocalServer(LlmSettings().model_path)
        load_s = time.perf_counter() - started
        llm = build_chat_model(LlmSettings(provider="openai", base_url=server.base_url, model="qwen"))
        local = TalentService(
            container.store, container.embeddings, container.audit, container.settings.search,
            llm_writer(llm), writer_name="openai:qwen2.5-coder-0.5b (xllamacpp, 127.0.0.1)",
        )  # fmt: skip
        l_first, l_total, l_replaced, answers = _time_answers(local, caller, QUESTIONS)
        rows.append((local.writer_name, l_first, l_total, l_replaced))

        known = container.store.names()
        variants = [v for a in answers for v in _corruptions(a, known)]
        caught = sum(
            not check_answer(v, a, known).ok for a in answers for v in _corruptions(a, known)
        )
        clean_flagged = sum(not check_answer(a.answer, a, known).ok for a in answers)

    def fmt(xs: list[float]) -> str:
        return f"{statistics.median(xs):.2f} s (max {max(xs):.2f})"

    lines = [
        SECTION,
        "",
        f"Command: `.venv/bin/python -m bench.llm`. Machine: {platform.machine()}, {os.cpu_count()} cores; "
        f"12 fixture people; {len(QUESTIONS)} questions (Indonesian and English); measured {time.strftime('%Y-%m-%d')}. "
        f"Local model load: {load_s:.1f} s.",
        "",
        "| backend | time to first token (median) | total answer time (median) | answers replaced by the guard |",
        "|---|---|---|---|",
        *[f"| {name} | {fmt(first)} | {fmt(total)} | {rep}/{len(total)} |" for name, first, total, rep in rows],
        "",
        f"Grounding guard on corrupted copies of the local model's own answers (a name outside the "
        f"ranked set, a wrong NIP, 9-box cell, SKP predicate or rank added): caught {caught}/{len(variants)} "
        f"({caught / max(1, len(variants)):.0%}). The model's own opening paragraphs flagged by the guard: "
        f"{clean_flagged}/{len(answers)} (those answers were replaced by the template text; the column above).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        from bench.run_e2e import _write_section

        _write_section(Path("BENCHMARKS.md"), text)


if __name__ == "__main__":
    main()
