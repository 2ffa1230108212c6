"""Talenta chat page (Streamlit): ask who fits a field, read the answer and the candidate cards.

Run with ``talenta ui`` or ``streamlit run ui/app.py``. The page only calls ``container.service``;
ranking, wording of the answer and the audit log all live in the service layer.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Iterator
from typing import Any

import streamlit as st

from assistant.chains.template import note_heading
from assistant.config import Settings
from assistant.container import Container, build_container
from assistant.domain.identity import Caller
from assistant.retrieval.store import StoreMismatch
from assistant.services.errors import ServiceError
from assistant.services.schemas import AnswerOut, CandidateOut, SearchResult
from ui.components import answer_markdown, escape_md, render_candidates, render_groups
from ui.i18n import EXAMPLES, LANGUAGES, both, number, role_name, t

logger = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def get_container() -> Container:
    """Built once per server process; every session shares the store, model and audit log."""
    container = build_container(Settings())
    container.service.warm()  # the search index, built while the first page loads
    return container


class _Turn:
    """Consumes the service's event stream: the facts first, then the checked sentences of the note."""

    def __init__(self, events: Iterator[dict[str, Any]]) -> None:
        self._events = events
        self.result: SearchResult | None = None
        self.facts: str | None = None
        self.answer: AnswerOut | None = None

    def until_facts(self) -> None:
        """Reads up to the facts: the ranked list, count or table, built by code (no model)."""
        for event in self._events:
            self._take(event)
            if event["event"] == "facts":
                return

    def note(self) -> Iterator[str]:
        """The model's note, one checked sentence at a time."""
        for event in self._events:
            if event["event"] == "token":
                yield event["data"]
            else:
                self._take(event)

    def _take(self, event: dict[str, Any]) -> None:
        match event["event"]:
            case "candidates":
                self.result = event["data"]
            case "facts":
                self.facts = event["data"]
            case "done":
                self.answer = event["data"]

    @property
    def candidates(self) -> list[CandidateOut]:
        if self.answer is not None:
            return list(self.answer.candidates)
        return list(self.result.candidates) if self.result is not None else []


def _message(
    role: str, text: str, candidates: list[CandidateOut] | None = None, **extra: Any
) -> dict[str, Any]:
    return {"role": role, "text": text, "candidates": candidates or [], **extra}


def _render_message(message: dict[str, Any], lang: str) -> None:
    with st.chat_message(message["role"]):
        if message["role"] == "user":
            st.markdown(escape_md(message["text"]))
        elif message["text"]:
            st.markdown(answer_markdown(message["text"]))
        if message.get("error"):
            st.error(message["error"][lang])
        answer_lang = message.get("lang") or lang  # one language per answer: the cards follow the answer
        render_groups(message.get("groups"), answer_lang)
        render_candidates(message["candidates"], answer_lang)


def _ask(container: Container, caller: Caller, question: str, lang: str) -> None:
    """One answer: the facts (list and cards, or the count or table) at once, then the model's note
    streamed into its own place below them, sentence by sentence as each passes the check."""
    st.session_state.messages.append(_message("user", question))
    _render_message(st.session_state.messages[-1], lang)
    error: dict[str, str] | None = None
    text = ""
    with st.chat_message("assistant"):
        facts_slot = st.empty()
        note_slot = st.empty()
        cards = st.container()
        turn = _Turn(
            container.service.stream_answer(caller, question, conversation_id=st.session_state.conversation_id)
        )
        try:
            with facts_slot.container(), st.spinner(t("thinking", lang)):
                turn.until_facts()
            if turn.facts:
                facts_slot.markdown(answer_markdown(turn.facts))
            answer_lang = turn.result.language if turn.result is not None else lang
            with cards:
                render_groups(turn.result.groups if turn.result is not None else None, answer_lang)
                render_candidates(turn.candidates, answer_lang)
            shown = ""
            writing = container.service.writer is not None and bool(turn.candidates)
            if writing:
                note_slot.caption(t("note_writing", lang))
            for sentence in turn.note():
                shown += sentence
                note_slot.markdown(answer_markdown(note_heading(turn.result.language if turn.result else lang) + " " + shown))
        except ServiceError as exc:
            error = {"id": exc.message("id"), "en": exc.message("en")}
        except Exception as exc:
            logger.exception("chat answer failed")
            error = both("answer_failed", detail=type(exc).__name__)
        if turn.answer is not None:
            text = turn.answer.answer
            facts_slot.markdown(answer_markdown(text))  # the facts, the checked note and what was held back
            note_slot.empty()
        elif turn.facts:
            text = turn.facts
        if error:
            st.error(error[lang])
    groups = turn.result.groups if turn.result is not None else None
    answer_lang = turn.result.language if turn.result is not None else lang
    st.session_state.messages.append(
        _message("assistant", text, turn.candidates, error=error, groups=groups, lang=answer_lang)
    )


def _sidebar(
    container: Container | None, stats: dict[str, Any] | None, lang_default: str, caller: Caller | None
) -> tuple[str, str | None]:
    """Language switch, identity, index size, examples. Returns (language, clicked example)."""
    clicked: str | None = None
    with st.sidebar:
        lang = st.radio(
            t("language", lang_default),
            options=list(LANGUAGES),
            index=list(LANGUAGES).index(lang_default),
            format_func=LANGUAGES.__getitem__,
            key="lang",
        )
        lang = lang or lang_default
        if container is not None and stats is not None and caller is not None:
            st.markdown(t("logged_in_as", lang, user=escape_md(caller.user), role=role_name(caller.role, lang)))
            st.markdown(t("indexed", lang, n=number(stats["people"], lang)))
            st.caption(t("embedding_model", lang, model=stats["embedding_model"]))
            st.divider()
            st.markdown(f"**{t('examples', lang)}**")
            for i, example in enumerate(EXAMPLES):
                if st.button(example, key=f"example_{i}", width="stretch", disabled=not stats["people"]):
                    clicked = example
            st.divider()
            if st.button(t("clear", lang), key="clear", type="tertiary"):
                st.session_state.messages = []
                st.session_state.conversation_id = uuid.uuid4().hex
    return lang, clicked


def _chat(container: Container | None, caller: Caller | None, stats: dict[str, Any] | None,
          startup_error: dict[str, str] | None, lang: str, clicked: str | None) -> None:  # fmt: skip
    """The chat page: ask, read the answer, the count or table, and the candidate cards."""
    st.title(t("page_title", lang))
    st.caption(t("caption", lang))

    ready = container is not None and stats is not None and stats["people"] > 0
    if startup_error:
        st.error(startup_error[lang])
    elif stats is not None and stats["people"] == 0:
        st.error(t("empty_index", lang))

    for message in st.session_state.messages:
        _render_message(message, lang)

    typed = st.chat_input(t("placeholder", lang), key="question", disabled=not ready)
    question = typed if isinstance(typed, str) else clicked
    if ready and container is not None and caller is not None and question and question.strip():
        _ask(container, caller, question.strip(), lang)


def _pages(container: Container, caller: Caller, chat: Any, lang: str) -> list[Any]:
    """The pages the caller's role may open (the service re-checks every read and write anyway)."""
    from ui.people_page import people_page
    from ui.workbench import compare_page, map_page, profile_page, self_page, succession_page

    en = lang == "en"
    pages = []
    if caller.role != "asn":
        pages.append(st.Page(chat, title="Tanya Talenta" if not en else "Ask Talenta", url_path="chat", default=True))
        pages.append(st.Page(lambda: people_page(container, caller, lang), title="Cari pegawai" if not en else "Find people",
                             url_path="people"))  # fmt: skip
        pages.append(st.Page(lambda: profile_page(container, caller, lang), title="Profil pegawai" if not en else "Profile",
                             url_path="profile"))  # fmt: skip
        pages.append(st.Page(lambda: map_page(container, caller, lang), title="Peta talenta" if not en else "Talent map",
                             url_path="map"))  # fmt: skip
        pages.append(st.Page(lambda: compare_page(container, caller, lang), title="Bandingkan" if not en else "Compare",
                             url_path="compare"))  # fmt: skip
        pages.append(st.Page(lambda: succession_page(container, caller, lang), title="Suksesi" if not en else "Succession",
                             url_path="succession"))  # fmt: skip
    if caller.nip:
        pages.append(st.Page(lambda: self_page(container, caller, lang), title="Profil saya" if not en else "My profile",
                             url_path="me", default=caller.role == "asn"))  # fmt: skip
    return pages


def main() -> None:
    st.set_page_config(page_title="Talenta", page_icon="🏛️", layout="centered")
    st.session_state.setdefault("messages", [])
    st.session_state.setdefault("conversation_id", uuid.uuid4().hex)  # follow-ups refer to earlier answers

    container: Container | None = None
    stats: dict[str, Any] | None = None
    startup_error: dict[str, str] | None = None
    caller: Caller | None = None
    try:
        container = get_container()
    except StoreMismatch as exc:
        startup_error = both("store_mismatch", detail=str(exc))
    except Exception as exc:
        logger.exception("building the Talenta container failed")
        startup_error = both("startup_failed", detail=f"{type(exc).__name__}: {exc}")

    lang_default = container.settings.language if container is not None else "id"
    if container is None:  # the chat page, disabled, with the reason
        lang, _ = _sidebar(None, None, lang_default, None)
        _chat(None, None, None, startup_error or both("startup_failed", detail="?"), lang, None)
        return
    from ui.workbench import login, logout_button

    lang = st.session_state.get("lang") or lang_default
    caller = login(container, lang)
    if caller is None:
        _sidebar(None, None, lang_default, None)
        return
    try:
        stats = container.service.stats(caller)
    except StoreMismatch as exc:
        startup_error = both("store_mismatch", detail=str(exc))
    except Exception as exc:
        logger.exception("reading the Talenta store failed")
        startup_error = both("startup_failed", detail=f"{type(exc).__name__}: {exc}")
    lang, clicked = _sidebar(container, stats, lang_default, caller)
    logout_button(lang)
    chat = functools.partial(_chat, container, caller, stats, startup_error, lang, clicked)
    st.navigation(_pages(container, caller, chat, lang)).run()


main()
