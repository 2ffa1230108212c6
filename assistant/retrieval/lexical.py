"""BM25 over the evidence pieces, built in memory from the store and rebuilt when the store changes.

Tokens are Sastrawi stems (assistant.domain.text), so "perikanan", "ikan" and "pembudidaya ikan"
meet; the question is expanded through the field thesaurus, so English questions meet Indonesian
records too.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.domain.text import tokenize

logger = logging.getLogger(__name__)


class LexicalIndex:
    def __init__(self, ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, Any]]) -> None:
        import bm25s

        self.ids = list(ids)
        self.texts = list(texts)
        self.metadatas = list(metadatas)
        corpus = [tokenize(t) or ["_"] for t in texts]
        self._df: dict[str, int] = {}
        for tokens in corpus:
            for token in set(tokens):
                self._df[token] = self._df.get(token, 0) + 1
        self._bm25 = bm25s.BM25()
        if corpus:
            self._bm25.index(corpus, show_progress=False)
        self._vocab: dict[str, int] = dict(getattr(self._bm25, "vocab_dict", {}) or {})

    def __len__(self) -> int:
        return len(self.ids)

    def df(self, term: str) -> int:
        """How many records contain ``term``."""
        return self._df.get(term, 0)

    def idf(self, term: str) -> float:
        """Rarity of a term in the records; a term no record contains is the rarest of all."""
        n = len(self.ids)
        return math.log((n + 1) / (self._df.get(term, 0) + 0.5))

    def search(self, terms: Sequence[str], k: int, where: dict[str, Any] | None = None) -> list[tuple[int, float]]:
        """(position, score) of the best k pieces with a positive score that satisfy ``where``."""
        tokens = [t for t in dict.fromkeys(terms) if t in self._vocab]
        if not tokens or not self.ids:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
        if where:
            mask = np.fromiter((matches(m, where) for m in self.metadatas), dtype=bool, count=len(self.metadatas))
            scores = np.where(mask, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]


def matches(meta: dict[str, Any], where: dict[str, Any]) -> bool:
    """Evaluate the subset of Chroma's where-syntax Talenta uses ($and, $in, $gte, $lte, equality)."""
    for key, cond in where.items():
        if key == "$and":
            if not all(matches(meta, sub) for sub in cond):
                return False
            continue
        value = meta.get(key)
        if isinstance(cond, dict):
            for op, target in cond.items():
                if value is None:
                    return False
                if op == "$in" and value not in target:
                    return False
                if op == "$gte" and not value >= target:
                    return False
                if op == "$lte" and not value <= target:
                    return False
                if op == "$eq" and value != target:
                    return False
        elif value != cond:
            return False
    return True
