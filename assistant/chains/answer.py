"""The answer chain (LCEL): retrieve and rank in code, then write, then check the writing.

    {"question", "caller"} -> retrieve_and_rank -> write_answer -> grounding_guard -> AnswerOut
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableGenerator, RunnableLambda

from assistant.chains import prompts
from assistant.chains.template import stream_compose, stream_list
from assistant.services.schemas import CandidateOut, SearchResult


def facts_block(result: SearchResult) -> str:
    """Compact facts of the top candidates: all the model may use. Record text is quoted as data."""
    lines = [f"Bidang: {result.field}. Total ASN: {result.total_people}."]
    for c in result.candidates:
        lines.append(_facts(c))
    return "\n".join(lines)


def _facts(c: CandidateOut) -> str:
    parts = [f"{c.rank}. {c.nama_lengkap} (NIP {c.nip})"]
    if c.jabatan or c.unit_kerja:
        parts.append(", ".join(x for x in (c.jabatan, c.unit_kerja) if x))
    if c.golongan:
        parts.append(f"golongan {c.golongan}")
    if c.kotak_talenta:
        parts.append(f"kotak talenta {c.kotak_talenta}")
    parts.extend(f.detail for f in c.factors if f.name != "relevansi_bidang")
    parts.extend(f'[{ev.source}] "{ev.text[:160]}"' for ev in c.evidence[:3])
    return "; ".join(parts)


def template_writer() -> Runnable:
    """Streams the grounded template answer, no model."""

    def _gen(inputs: Iterator[dict[str, Any]]) -> Iterator[str]:
        for item in inputs:
            yield from stream_compose(item["result"])

    return RunnableGenerator(_gen).with_config(run_name="template_writer")


def llm_writer(llm: Any) -> Runnable:
    """The model's opening paragraph (prompt | model | text, in the asker's language), then the
    ranked list built by code. With no candidates the template's 'nothing found' is used."""
    prompt_id = ChatPromptTemplate.from_messages([("system", prompts.SYSTEM_ID), ("human", prompts.HUMAN)])
    prompt_en = ChatPromptTemplate.from_messages([("system", prompts.SYSTEM_EN), ("human", prompts.HUMAN)])

    def _inputs(item: dict[str, Any]) -> dict[str, Any]:
        result: SearchResult = item["result"]
        return {"question": item["question"], "facts": facts_block(result), "lang": result.language}

    def _route(item: dict[str, Any]) -> Runnable:
        return (prompt_en if item["lang"] == "en" else prompt_id) | llm | StrOutputParser()

    prose = (RunnableLambda(_inputs) | RunnableLambda(_route)).with_config(run_name="llm_prose")

    def _gen(inputs: Iterator[dict[str, Any]]) -> Iterator[str]:
        for item in inputs:
            result: SearchResult = item["result"]
            if not result.candidates or result.weak_match:  # the model never dresses up a weak match
                yield from stream_compose(result)
                continue
            yield from prose.stream(item)
            yield "\n\n"
            yield from stream_list(result)

    return RunnableGenerator(_gen).with_config(run_name="llm_writer")


def build_retrieve_step(search: Callable[[dict[str, Any]], SearchResult]) -> Runnable:
    return RunnableLambda(lambda item: {**item, "result": search(item)}).with_config(run_name="retrieve_and_rank")
