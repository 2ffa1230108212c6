"""A language model's plan proposal: JSON validated against the plan schema, dropped when it is not
valid or names nothing structured, used only for questions the parser cannot map, and said so."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.chains.planner import llm_proposer, plan_from_text
from assistant.domain.identity import SYSTEM


def test_a_valid_plan_is_taken_from_the_reply():
    plan = plan_from_text('Here you go:\n```json\n{"filters": {"kotak": [9]}, "aggregate": {"kind": "count"}}\n```')
    assert plan is not None and plan.filters.kotak == [9] and plan.aggregate.kind == "count"


def test_invalid_or_empty_proposals_are_dropped():
    assert plan_from_text("no json here") is None
    assert plan_from_text("{}") is None  # nothing structured
    assert plan_from_text('{"filters": {"agama": "Islam"}}') is None  # no such field: extra fields are forbidden
    assert plan_from_text('{"filters": {"kotak": [12]}}') is None  # out of range
    assert plan_from_text('{"lookup": {"name": "Budi"}}') is None  # the model never picks a person
    assert plan_from_text('{"sql": "DROP TABLE people"}') is None
    assert plan_from_text('{"filters": {"kotak": [9]') is None  # cut off


class _Model:
    def __init__(self, reply: str | Exception) -> None:
        self.reply, self.calls = reply, []

    def invoke(self, messages):
        self.calls.append(messages)
        if isinstance(self.reply, Exception):
            raise self.reply
        return SimpleNamespace(content=self.reply)


def test_the_model_sees_the_units_and_a_failure_is_no_plan():
    model = _Model('{"filters": {"units": ["Dinas Perikanan"]}, "aggregate": {"kind": "count"}}')
    plan = llm_proposer(model)("ada berapa orang di perikanan", ["Dinas Perikanan", "Inspektorat"], "id")
    assert plan is not None and plan.filters.units == ["Dinas Perikanan"]
    assert "Dinas Perikanan; Inspektorat" in model.calls[0][1][1]
    assert llm_proposer(_Model(TimeoutError("down")))("x", [], "id") is None


def test_the_service_asks_the_model_only_when_the_parser_cannot_map(tmp_path, embeddings, people):
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    container = build_container(Settings(data_dir=tmp_path), embeddings=embeddings)
    ingest_employees(container.store, container.embeddings, people)
    asked: list[str] = []

    def proposer(question, units, lang):
        asked.append(question)
        return plan_from_text('{"filters": {"kotak": [9]}, "aggregate": {"kind": "count"}}')

    service = container.service
    service.proposer = proposer
    from assistant.domain.nine_box import place_employee

    cell9 = sum(1 for p in people if place_employee(p).cell == 9)
    got = service.search(SYSTEM, "Siapa saja bintang kinerja kita yang moncer?")
    assert asked == ["Siapa saja bintang kinerja kita yang moncer?"]
    assert got.planner == "llm" and got.total_matching == cell9
    assert got.understood_text.startswith("Rencana ini diusulkan oleh model bahasa")
    parsed_ok = service.search(SYSTEM, "Berapa ASN di kotak talenta 9?")
    assert parsed_ok.planner == "parser" and len(asked) == 1  # the parser understood: no model
    declined = service.search(SYSTEM, "Berapa ASN beragama Islam?")
    assert declined.status == "declined" and len(asked) == 1  # protected: declined before any model
