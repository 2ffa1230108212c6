"""Conversation memory: the turns of each conversation, kept in the service process.

A turn keeps what a follow-up may refer to: the standalone question, the filters used and the
ranked result. Old conversations are dropped (bounded memory); the audit log keeps the record.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from assistant.domain.posts import TargetPost
from assistant.services.schemas import SearchFilters, SearchResult


@dataclass
class Turn:
    question: str
    standalone: str  # the question as a search would need it without the history
    query: str  # what was searched (field text)
    filters: SearchFilters | None
    result: SearchResult
    kind: str = "new"
    target_post: TargetPost | None = None  # the post asked about ("Kepala Dinas"), if any


@dataclass
class _Conversation:
    user: str
    turns: list[Turn] = field(default_factory=list)
    touched: float = field(default_factory=time.monotonic)


class ConversationMemory:
    def __init__(self, max_conversations: int = 2000, max_turns: int = 30, ttl_s: float = 8 * 3600) -> None:
        self._items: OrderedDict[str, _Conversation] = OrderedDict()
        self._lock = threading.Lock()
        self.max_conversations = max_conversations
        self.max_turns = max_turns
        self.ttl_s = ttl_s

    def turns(self, conversation_id: str, user: str) -> list[Turn]:
        """The conversation's turns, only for the user who started it."""
        with self._lock:
            conv = self._items.get(conversation_id)
            if conv is None or conv.user != user or time.monotonic() - conv.touched > self.ttl_s:
                return []
            return list(conv.turns)

    def add(self, conversation_id: str, user: str, turn: Turn) -> None:
        with self._lock:
            conv = self._items.get(conversation_id)
            if conv is None or conv.user != user:
                conv = _Conversation(user)
                self._items[conversation_id] = conv
            conv.turns = [*conv.turns, turn][-self.max_turns :]
            conv.touched = time.monotonic()
            self._items.move_to_end(conversation_id)
            while len(self._items) > self.max_conversations:
                self._items.popitem(last=False)
