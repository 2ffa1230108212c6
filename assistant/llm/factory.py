"""Chat models behind one setting. 'template' means no model: the grounded template writes."""

from __future__ import annotations

from typing import Any

from assistant.config import LlmSettings


class LlmUnavailable(RuntimeError):
    """The configured LLM backend cannot be used; the message says what to install or set."""


def build_chat_model(settings: LlmSettings) -> Any | None:
    """A LangChain chat model, or None for the template writer."""
    match settings.provider:
        case "template":
            return None
        case "openai":
            try:
                from langchain_openai import ChatOpenAI
            except ImportError as exc:  # pragma: no cover - pinned dependency
                raise LlmUnavailable("Paket 'langchain-openai' belum terpasang: jalankan `make install`.") from exc
            return ChatOpenAI(
                base_url=settings.base_url,
                model=settings.model,
                api_key=settings.api_key,
                temperature=settings.temperature,
                timeout=settings.timeout_s,
                max_retries=1,
                streaming=True,
            )
        case "ollama":
            try:
                from langchain_ollama import ChatOllama
            except ImportError as exc:  # pragma: no cover - pinned dependency
                raise LlmUnavailable("Paket 'langchain-ollama' belum terpasang: jalankan `make install`.") from exc
            return ChatOllama(
                base_url=settings.base_url.removesuffix("/v1"),
                model=settings.model,
                temperature=settings.temperature,
            )
    raise LlmUnavailable(f"Penyedia LLM tidak dikenal: {settings.provider}")
