"""The benchmark's metric functions against hand-computed values (no store, no model)."""

from __future__ import annotations

import pytest

from bench.quality import (
    Truth,
    grade,
    ndcg_at_k,
    precision_at_k,
    precision_bound,
    recall_at_k,
    recall_bound,
)

# log2(3) = 1.5849625: the discount of rank 2. Ranks 1 and 2 are discounted by 1 and 1.5849625.

PRECISION = [
    # (ranked, grades, k, expected)
    (["a", "b", "c", "d"], {"a": 2, "c": 1}, 4, 2 / 4),
    (["a", "b", "c", "d"], {"a": 2, "c": 1}, 2, 1 / 2),
    (["a", "b", "c", "d"], {"a": 2, "c": 1}, 1, 1.0),
    (["b", "d"], {"a": 2, "c": 1}, 2, 0.0),
    (["a"], {"a": 1}, 10, 1 / 10),  # empty places are misses
    ([], {"a": 1}, 10, 0.0),
    (["a", "a", "b"], {"a": 1, "b": 1}, 2, 1.0),  # a repeated person counts once
    (["a", "a", "x"], {"a": 1}, 2, 1 / 2),
    (["a", "b"], {"a": 0, "b": 1}, 2, 1 / 2),  # grade 0 is not relevant
]

NDCG = [
    (["a", "b"], {"a": 2, "b": 1}, 2, 1.0),  # the ideal order
    # reversed: DCG 1 + 2 / log2(3) = 2.26186, ideal 2 + 1 / log2(3) = 2.63093: 0.85972
    (["b", "a"], {"a": 2, "b": 1}, 2, (1 + 2 / 1.5849625) / (2 + 1 / 1.5849625)),
    (["b", "a"], {"a": 2, "b": 1}, 1, 1 / 2),
    (["x", "a"], {"a": 2, "b": 2}, 2, (2 / 1.5849625) / (2 + 2 / 1.5849625)),  # 0.38685
    (["a"], {"a": 1, "b": 2}, 3, 1 / (2 + 1 / 1.5849625)),  # the ideal uses everyone graded: 0.38009
    (["x", "y"], {"a": 2}, 2, 0.0),
    (["a", "b"], {}, 2, 0.0),  # nothing relevant: 0, not a division by zero
    (["a", "a", "b"], {"a": 2, "b": 1}, 2, 1.0),
]

RECALL = [
    (["a", "x", "b"], {"a": 1, "b": 2, "c": 1}, 3, 2 / 3),
    (["a", "x", "b"], {"a": 1, "b": 2, "c": 1}, 1, 1 / 3),
    (["x", "y"], {"a": 1}, 2, 0.0),
    (["a", "b"], {}, 2, 0.0),
    (["a", "a", "a"], {"a": 1, "b": 1}, 3, 1 / 2),
    (["a", "b", "c"], {"a": 1, "b": 1, "c": 0}, 50, 1.0),
]


@pytest.mark.parametrize(("ranked", "grades", "k", "expected"), PRECISION)
def test_precision_at_k(ranked, grades, k, expected):
    assert precision_at_k(ranked, grades, k) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(("ranked", "grades", "k", "expected"), NDCG)
def test_ndcg_at_k(ranked, grades, k, expected):
    assert ndcg_at_k(ranked, grades, k) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(("ranked", "grades", "k", "expected"), RECALL)
def test_recall_at_k(ranked, grades, k, expected):
    assert recall_at_k(ranked, grades, k) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize("metric", [precision_at_k, ndcg_at_k, recall_at_k])
def test_k_must_be_positive(metric):
    with pytest.raises(ValueError):
        metric(["a"], {"a": 1}, 0)


@pytest.mark.parametrize(
    ("relevant", "k", "expected"),
    [(10, 50, 1.0), (100, 50, 0.5), (0, 50, 0.0), (50, 50, 1.0)],
)
def test_recall_bound(relevant, k, expected):
    grades = {str(i): 1 for i in range(relevant)} | {"zero": 0}
    assert recall_bound(grades, k) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("truth", "fields", "expected"),
    [
        (Truth("perikanan", ("pertanian", "perikanan")), ("perikanan",), 2),  # primary field
        (Truth("pertanian", ("perikanan", "pertanian")), ("perikanan",), 1),  # one position in the field
        (Truth("pertanian", ("pertanian",)), ("perikanan",), 0),
        (Truth("perencanaan", ()), ("teknologi_informasi", "perencanaan"), 2),  # any of several fields
        (Truth("keuangan", ("perencanaan",)), ("teknologi_informasi", "perencanaan"), 1),
    ],
)
def test_grade(truth, fields, expected):
    assert grade(truth, fields) == expected


@pytest.mark.parametrize(
    ("relevant", "k", "expected"), [(3, 10, 0.3), (10, 10, 1.0), (40, 10, 1.0), (0, 10, 0.0)]
)
def test_precision_bound(relevant, k, expected):
    assert precision_bound({str(i): 2 for i in range(relevant)}, k) == pytest.approx(expected)
