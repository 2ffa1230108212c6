"""The held-out free-text set of bench.quality is valid import data, and its questions name real people."""

import pytest

from bench.quality import UNSEEN_PEOPLE, read_unseen_questions, score_unseen
from ingest.loader import load


def test_held_out_people_load_without_rejections():
    loaded = load(UNSEEN_PEOPLE)
    assert loaded.report.rejected_rows == 0
    assert len(loaded.employees) >= 30
    assert all(e.ringkasan for e in loaded.employees)


def test_held_out_questions_name_loaded_people_in_both_languages():
    nips = {e.nip for e in load(UNSEEN_PEOPLE).employees}
    questions = read_unseen_questions()
    assert len(questions) >= 12 and {q.language for q in questions} == {"id", "en"}
    for q in questions:
        assert q.relevant and set(q.relevant) <= nips, q.text


def test_score_unseen_is_a_mean_per_language():
    questions = read_unseen_questions()
    perfect = {q.text: list(q.relevant) for q in questions}
    table = score_unseen(lambda text: perfect[text], questions)
    assert table["ndcg10"]["all"] == pytest.approx(1.0)
    assert table["p5"]["all"] == pytest.approx(0.4)  # two relevant people per question, five places
