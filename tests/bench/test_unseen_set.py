"""The held-out free-text set of bench.quality is valid import data, and its questions name real people."""

import pytest

from bench.quality import (
    BLIND3_PEOPLE,
    BLIND3_QUESTIONS,
    BLIND_PEOPLE,
    BLIND_QUESTIONS,
    UNSEEN_PEOPLE,
    UNSEEN_QUESTIONS,
    read_unseen_questions,
    score_unseen,
)
from ingest.loader import load

SETS = [(UNSEEN_PEOPLE, UNSEEN_QUESTIONS), (BLIND_PEOPLE, BLIND_QUESTIONS), (BLIND3_PEOPLE, BLIND3_QUESTIONS)]


@pytest.mark.parametrize(("people", "questions"), SETS)
def test_held_out_people_load_without_rejections(people, questions):
    loaded = load(people)
    assert loaded.report.rejected_rows == 0
    assert len(loaded.employees) >= 30
    assert all(e.ringkasan for e in loaded.employees)


@pytest.mark.parametrize(("people", "questions"), SETS)
def test_held_out_questions_name_loaded_people_in_both_languages(people, questions):
    nips = {e.nip for e in load(people).employees}
    asked = read_unseen_questions(questions)
    assert len(asked) >= 12 and {q.language for q in asked} == {"id", "en"}
    for q in asked:
        assert q.relevant and set(q.relevant) <= nips, q.text


def test_score_unseen_is_a_mean_per_language():
    questions = read_unseen_questions()
    perfect = {q.text: list(q.relevant) for q in questions}
    table = score_unseen(lambda text: perfect[text], questions)
    assert table["ndcg10"]["all"] == pytest.approx(1.0)
    assert table["p5"]["all"] == pytest.approx(0.4)  # two relevant people per question, five places
