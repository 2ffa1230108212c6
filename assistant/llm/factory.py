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
        case "local":
            from assistant.llm.local_model import LocalServer

            server = LocalServer(settings.model_path)
            return _openai(settings, base_url=server.base_url, api_key="local", keep_alive=server)
        case "openai":
            return _openai(settings, base_url=settings.base_url, api_key=settings.api_key)
        case "ollama":
            try:
                from langchain_ollama import ChatOllama
            except ImportError as exc:  # pragma: no cover - pinned dependency
                raise LlmUnavailable("Paket 'langchain-ollama' belum terpasang: jalankan `make install`.") from exc
            return ChatOllama(
                base_url=settings.base_url.removesuffix("/v1"),
                model=settings.model,
                temperature=settings.temperature,
                num_predict=settings.max_tokens,
            )
    raise LlmUnavailable(f"Penyedia LLM tidak dikenal: {settings.provider}")


def _openai(settings: LlmSettings, base_url: str, api_key: str, keep_alive: Any = None) -> Any:
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:  # pragma: no cover - pinned dependency
        raise LlmUnavailable("Paket 'langchain-openai' belum terpasang: jalankan `make install`.") from exc

    model = ChatOpenAI(
        base_url=base_url,
        model=settings.model,
        api_key=api_key,
        temperature=settings.temperature,
        max_tokens=settings.max_tokens,
        timeout=settings.timeout_s,
        max_retries=1,
        streaming=True,
    )
    if keep_alive is not None:  # the in-process server lives as long as the model object
        object.__setattr__(model, "_talenta_server", keep_alive)
    return model
