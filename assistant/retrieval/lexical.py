"""BM25 over the evidence pieces of the catalog, built in memory and rebuilt when the store changes.

Tokens are Sastrawi stems (assistant.domain.text), so "perikanan", "ikan" and "pembudidaya ikan"
meet; the question is expanded through the field thesaurus, so English questions meet Indonesian
records too.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

import numpy as np

from assistant.domain.query import phrase_tokens
from assistant.domain.text import tokenize


def record_tokens(text: str) -> list[str]:
    """A record's tokens: its stems, plus one token per multi-word field concept it names."""
    return tokenize(text) + phrase_tokens(text)


class LexicalIndex:
    """BM25 over a list of texts; results are positions in that list."""

    def __init__(self, texts: Sequence[str]) -> None:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets DEBUG on import and logs each build
        self.texts = list(texts)
        seen: dict[str, list[str]] = {}  # many people hold the same text: each is tokenised once
        corpus = [seen[t] if t in seen else seen.setdefault(t, record_tokens(t) or ["_"]) for t in self.texts]
        self._df: dict[str, int] = {}
        for tokens in corpus:
            for token in set(tokens):
                self._df[token] = self._df.get(token, 0) + 1
        self._bm25 = bm25s.BM25()
        if corpus:
            self._bm25.index(corpus, show_progress=False)
        self._vocab: dict[str, int] = dict(getattr(self._bm25, "vocab_dict", {}) or {})

    def __len__(self) -> int:
        return len(self.texts)

    def df(self, term: str) -> int:
        """How many records contain ``term``."""
        return self._df.get(term, 0)

    def idf(self, term: str) -> float:
        """Rarity of a term in the records; a term no record contains is the rarest of all."""
        n = len(self.texts)
        return math.log((n + 1) / (self._df.get(term, 0) + 0.5))

    def search(self, terms: Sequence[str], k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(position, score) of the best k texts with a positive score (only where ``mask`` is true)."""
        tokens = [t for t in dict.fromkeys(terms) if t in self._vocab]
        if not tokens or not self.texts:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]
