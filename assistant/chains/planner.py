"""A language model's proposal of a query plan, for a question the deterministic parser could not map.

The model writes JSON only; the JSON is validated against ``QueryPlan`` (extra fields forbidden,
every value bounded), never run as SQL, and the answer says the plan was proposed by the model.
A proposal that is not valid, names nothing structured, or asks for a lookup is dropped: the
question is then answered "belum dapat saya pahami" as before. Protected questions never get here:
the parser declines them first.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

from assistant.domain.plan import QueryPlan

logger = logging.getLogger(__name__)

Proposer = Callable[[str, Sequence[str], str], QueryPlan | None]

_SYSTEM = """You turn a question about civil servants (ASN) of an Indonesian regional government into a query plan.
Answer with ONE JSON object and nothing else. Use only these keys (all optional):
{"filters": {"units": [unit names from the list], "kotak": [1-9], "skp": {"predikat": ["Sangat Baik"|"Baik"|"Butuh Perbaikan"|"Kurang"|"Sangat Kurang"], "year": 2025, "years": [2024, 2025], "last_years": 3},
  "golongan_min": "III/a", "golongan_max": "IV/e", "eselon": ["III"], "jenis_jabatan": ["jpt"|"administrator"|"pengawas"|"fungsional"|"pelaksana"],
  "pendidikan_min": "S1"|"S2"|"S3"|"D3"|"SMA", "jurusan": "teknik sipil", "training": [{"words": ["ai"], "leadership": false, "taken": true, "score_min": 9}],
  "discipline_in_force": true, "jpm_min": 80, "years_in_post_min": 5, "retirement": {"year": 2027}},
 "sort": {"key": "merit"|"jpm"|"skp"|"years_in_post"|"retirement"|"training_score", "descending": true},
 "aggregate": {"kind": "count"} or {"kind": "group", "by": "unit"|"golongan"|"kotak"|"pendidikan"|"skp"|"jenis_jabatan"|"eselon"|"training_score"}}
Never filter, sort or count by religion, gender, ethnicity, origin, marital status or age. If the question is not about
civil servants' records, answer {}."""


def llm_proposer(model: Any) -> Proposer:
    """A proposer calling a LangChain chat model."""

    def propose(question: str, units: Sequence[str], lang: str) -> QueryPlan | None:
        listing = "; ".join(units[:200])
        messages = [("system", _SYSTEM), ("human", f"Units: {listing}\nQuestion: {question}\nJSON:")]
        try:
            reply = model.invoke(messages)
        except Exception as exc:  # a model that is down never breaks the answer
            logger.warning("the model could not propose a plan: %s", exc)
            return None
        return plan_from_text(str(getattr(reply, "content", reply)))

    return propose


def plan_from_text(text: str) -> QueryPlan | None:
    """The first JSON object in a model's reply, as a valid structured plan, or None."""
    start = text.find("{")
    if start < 0:
        return None
    try:
        data, _ = json.JSONDecoder().raw_decode(re.sub(r"^```(?:json)?", "", text[start:].strip()))
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        plan = QueryPlan.model_validate(data)
    except ValidationError as exc:
        logger.info("a proposed plan was not valid: %s", exc.errors()[:3])
        return None
    if plan.lookup is not None or plan.relevance or not plan.structured():
        return None
    return plan
