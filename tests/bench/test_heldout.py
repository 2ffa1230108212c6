"""bench.heldout: its metrics on hand-made rankings, and the two held-out sets are whole (no store, no model)."""

from __future__ import annotations

import pytest

from bench.heldout import (
    SECTION,
    SETS,
    Question,
    Score,
    compose_section,
    margin,
    paired_interval,
    read_people_nips,
    read_questions,
    score_question,
    summarise,
)

# log2(3) = 1.5849625 and log2(4) = 2: the discounts of ranks 2 and 3.
GRADES = {"a": 2, "b": 2, "c": 1}
IDEAL_DCG = 2 + 2 / 1.5849625 + 1 / 2

SCORES = [
    # (ranked, expected nDCG@10, P@5, Recall@50, returned)
    (["a", "b", "c"], 1.0, 3 / 5, 1.0, 3),  # the ideal order
    (["b", "a", "c", "x", "y", "z"], 1.0, 3 / 5, 1.0, 6),  # ties among grade 2 change nothing
    (["c", "a", "b"], (1 + 2 / 1.5849625 + 2 / 2) / IDEAL_DCG, 3 / 5, 1.0, 3),  # 0.88807
    (["x", "a"], (2 / 1.5849625) / IDEAL_DCG, 1 / 5, 1 / 3, 2),  # 0.33975
    (["x"] * 3 + ["a"], (2 / 1.5849625) / IDEAL_DCG, 1 / 5, 1 / 3, 2),  # a repeated person counts once
    ([f"x{i}" for i in range(10)] + ["a", "b", "c"], 0.0, 0.0, 1.0, 13),  # found, but after rank 10
    ([], 0.0, 0.0, 0.0, 0),
]


@pytest.mark.parametrize(("ranked", "ndcg", "p5", "recall", "returned"), SCORES)
def test_score_question(ranked, ndcg, p5, recall, returned):
    s = score_question(ranked, GRADES)
    assert s.ndcg10 == pytest.approx(ndcg, abs=1e-6)
    assert s.p5 == pytest.approx(p5, abs=1e-6)
    assert s.recall50 == pytest.approx(recall, abs=1e-6)
    assert s.returned == returned


def test_recall_counts_only_the_first_fifty():
    ranked = [f"x{i}" for i in range(49)] + ["a", "b"]
    assert score_question(ranked, GRADES).recall50 == pytest.approx(1 / 3)


def test_summarise_means_per_language_style_and_all():
    qs = [
        Question("t", "id", "regent", "q1", {"a": 2}),
        Question("t", "en", "regent", "q2", {"a": 2}),
        Question("t", "id", "acronym", "q3", {"a": 2}),
    ]
    scores = [Score(1.0, 0.2, 1.0, 10), Score(0.5, 0.0, 0.0, 50), Score(0.0, 0.0, 0.0, 0)]
    table = summarise(qs, scores)
    assert table["ndcg10"] == pytest.approx(
        {"id": 0.5, "en": 0.5, "regent": 0.75, "acronym": 0.0, "all": 0.5}
    )
    assert table["returned"]["all"] == pytest.approx(20.0)


@pytest.mark.parametrize(("full", "parts", "expected"), [(0.8, [0.7, 0.75], 0.05), (0.6, [0.7, 0.5], -0.1)])
def test_margin_is_against_the_best_part(full, parts, expected):
    assert margin(full, parts) == pytest.approx(expected)


def test_paired_interval_tells_one_questions_swing_from_a_shift_across_the_set():
    swing = [0.5] + [0.0] * 19  # one question up by 0.5: mean +0.025, but the interval reaches zero
    low, high = paired_interval(swing)
    assert low <= 0.0 < 0.025 < high
    shift = [0.02, 0.03, 0.01, 0.04] * 5  # every question up a little
    low, high = paired_interval(shift)
    assert 0.0 < low <= 0.025 <= high < 0.04
    assert paired_interval(swing) == paired_interval(swing)  # a fixed seed: the same interval each run
    assert paired_interval([]) == (0.0, 0.0)


# people, questions of each set
SIZES = {"long_cv": (48, 48), "siasn": (120, 48), "private_cv": (72, 96), "private_cv2": (72, 96), "siasn2": (126, 60), "siasn3": (120, 60), "siasn4": (315, 105), "private_cv3": (120, 96), "private_cv4": (120, 96), "siasn5": (360, 160), "siasn6": (300, 150), "siasn7": (360, 96), "siasn8": (360, 96), "siasn9": (360, 96), "free_text_1": (30, 12), "free_text_2": (40, 12), "free_text_3": (40, 12)}


@pytest.mark.parametrize("key", list(SETS))
def test_set_files_parse_and_every_relevant_person_is_in_the_people_file(key):
    held = SETS[key]
    nips = read_people_nips(held.people)
    people, asked = SIZES[key]
    assert len(nips) == len(set(nips)) == people
    questions = read_questions(held.questions)
    assert len(questions) == asked
    assert {q.language for q in questions} == {"id", "en"}
    for q in questions:
        assert q.relevant, q.text
        assert set(q.relevant) <= set(nips), q.text
        assert set(q.relevant.values()) <= {1, 2}, q.text


def test_writing_one_set_keeps_the_other_sets_subsection():
    old = compose_section(
        {
            "long_cv": "### Long free-text CVs (old)\n\nold long\n",
            "siasn": "### SIASN nomenclature (old)\n\nold siasn\n",
        }
    )
    new = compose_section({"siasn": "### SIASN nomenclature (new)\n\nnew siasn\n"}, old)
    assert new.startswith(SECTION)
    assert "old long" in new and "new siasn" in new and "old siasn" not in new
    assert new.index("old long") < new.index("new siasn")
    assert "\n## " not in new  # one section: BENCHMARKS.md's writer replaces up to the next '## '
