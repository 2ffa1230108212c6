"""The query parser on 100+ written questions with their expected parses (tests/fixtures/parse_set.jsonl):
the concepts searched, the target post level, the filters written in words and the language."""

import json
from pathlib import Path

import pytest

from assistant.domain.filters import parse_filters
from assistant.domain.posts import post_level_from_text
from assistant.domain.query import parse_query, with_broader

CASES = [json.loads(line) for line in (Path(__file__).parents[1] / "fixtures" / "parse_set.jsonl").read_text("utf-8").splitlines() if line]


def parse(question: str) -> dict:
    words = parse_filters(question)
    parsed = parse_query(words.remaining if words.any() and words.remaining.strip() else question)
    filters = {
        k: v
        for k, v in {
            "golongan_min": words.golongan_min,
            "golongan_max": words.golongan_max,
            "pendidikan_min": words.pendidikan_min,
            "diklat": words.diklat,
            "unit_text": words.unit_text,
            "jenis_jabatan": list(words.jenis_jabatan),
        }.items()
        if v
    }
    return {"concepts": parsed.concepts, "target": post_level_from_text(question), "filters": filters}


def test_the_set_is_large_and_bilingual():
    assert len(CASES) >= 100
    assert sum(c["lang"] == "en" for c in CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["q"][:60] for c in CASES])
def test_parse(case):
    got = parse(case["q"])
    # a sub-field of the field the case names is that field, read more narrowly ('traffic management' is
    # 'lalu lintas dan perlengkapan jalan', of 'perhubungan')
    assert with_broader(got["concepts"]) >= set(case["concepts"]), got
    assert got["target"] == case["target"], got
    assert got["filters"] == case["filters"], got
    if len(case["q"].split()) > 2:  # one- and two-word queries carry no language signal
        from assistant.domain.query import detect_language

        assert detect_language(case["q"]) == case["lang"]
