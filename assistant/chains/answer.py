"""The answer chain (LCEL): retrieve and rank in code; the facts first; then the model's note.

    {"question", "caller"} -> retrieve_and_rank -> facts (template, at once)
                                                -> note_writer -> per-sentence check -> shown
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableLambda

from assistant.chains import prompts
from assistant.chains.faithfulness import skp_by_year
from assistant.services.schemas import SearchResult

# The model reads the first few candidates only: a short prompt keeps the first token near.
FACT_CANDIDATES = 3

_LABELS = {
    "id": {"edu": "pendidikan", "years": "{y:.0f} tahun di jabatan terkait", "cell": "kotak talenta {c}",
           "training": "diklat", "eligible": "syarat jabatan"},
    "en": {"edu": "education", "years": "{y:.0f} years in related posts", "cell": "9-box cell {c}",
           "training": "training", "eligible": "post requirements"},
}  # fmt: skip


def facts_lines(result: SearchResult, n: int = FACT_CANDIDATES) -> dict[str, str]:
    """nip -> one compact line of facts, in the answer's language (record text stays as written):
    the post, the main education, one related course, years in related posts, the latest SKP, the
    9-box cell and, for a target post, the eligibility verdict. Short on purpose: on 2 cores every
    token of the prompt costs the reader time before the first word."""
    lab = _LABELS[result.language]
    out: dict[str, str] = {}
    for c in result.candidates[:n]:
        parts = [f"{c.rank}. {c.nama}"]
        post = ", ".join(x for x in (c.jabatan, c.unit_kerja) if x)
        if post:
            parts.append(post)
        edu = [ev.text.split(", ")[0].split(" (")[0] for ev in c.evidence if ev.kind == "pendidikan"][:1]
        if edu:
            parts.append(f"{lab['edu']} {edu[0]}")
        training = [ev.text.split(" (")[0] for ev in c.evidence if ev.kind == "diklat"][:1]
        if training:
            parts.append(f"{lab['training']} {training[0]}")
        if c.tahun_bidang_terkait >= 1:
            parts.append(lab["years"].format(y=c.tahun_bidang_terkait))
        skp = skp_by_year(c)
        if skp:
            latest = max(skp)
            parts.append(f"SKP {latest} {skp[latest]}")
        if c.kotak_talenta:
            parts.append(lab["cell"].format(c=c.kotak_talenta))
        if c.eligibility is not None:
            parts.append(f"{lab['eligible']}: {c.eligibility.summary[:110]}")
        out[c.nip] = "; ".join(parts)
    return out


def facts_block(result: SearchResult, n: int = FACT_CANDIDATES) -> str:
    """What the model may use: the first ``n`` candidates, one line each. Record text is data."""
    return "\n".join(facts_lines(result, n).values())


def note_writer(llm: Any) -> Runnable:
    """The model's short note beside the list (prompt | model | text, in the answer's language).
    Its raw tokens; the caller checks each sentence before showing it."""
    prompts_by_lang = {
        "id": ChatPromptTemplate.from_messages([("system", prompts.SYSTEM_ID), ("human", prompts.HUMAN_ID)]),
        "en": ChatPromptTemplate.from_messages([("system", prompts.SYSTEM_EN), ("human", prompts.HUMAN_EN)]),
    }

    def _inputs(item: dict[str, Any]) -> dict[str, Any]:
        result: SearchResult = item["result"]
        first = result.candidates[0].nama if result.candidates else ""
        return {"question": item["question"], "facts": facts_block(result), "lang": result.language, "first": first}

    def _route(item: dict[str, Any]) -> Runnable:
        return prompts_by_lang[item["lang"]] | llm

    return (RunnableLambda(_inputs) | RunnableLambda(_route)).with_config(run_name="llm_note")


def note_text(chunks: Iterator[Any], state: dict[str, Any]) -> Iterator[str]:
    """The text of the model's chunks; ``state['finish']`` gets the reason it stopped ('stop' when it
    ended by itself, 'length' when the token limit cut it), when the model says."""
    for chunk in chunks:
        if isinstance(chunk, str):
            yield chunk
            continue
        finish = (getattr(chunk, "response_metadata", None) or {}).get("finish_reason")
        if finish:
            state["finish"] = finish
        text = chunk.content if isinstance(chunk.content, str) else ""
        if text:
            yield text


def warm_note_writer(llm: Any) -> None:
    """Reads both system prompts once, so a server that caches prompt prefixes starts each answer
    from the candidates, not from the rules."""
    warm_prompts(llm, (prompts.SYSTEM_ID, prompts.SYSTEM_EN))


def warm_prompts(llm: Any, systems: Iterable[str]) -> None:
    """Sends each fixed system prompt once with a one-token answer, into a prefix-caching server."""
    for system in systems:
        try:
            llm.bind(max_tokens=1).invoke([("system", system), ("human", "-")])
        except Exception:  # a model that cannot be reached now is reported when it is asked
            return


def build_retrieve_step(search: Callable[[dict[str, Any]], SearchResult]) -> Runnable:
    return RunnableLambda(lambda item: {**item, "result": search(item)}).with_config(run_name="retrieve_and_rank")
