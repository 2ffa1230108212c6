"""Conversation memory: the turns of each conversation, kept in the service process.

A turn keeps what a follow-up may refer to: the standalone question, the filters used and the
ranked result. Conversations belong to the caller who started them: they are kept per caller
(user, role and the unit or NIP that scopes what the caller sees), so another caller sending the
same id starts a conversation of their own and never reads nor replaces the owner's. Old
conversations are dropped (bounded memory, per caller and in all); the audit log keeps the record.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from assistant.domain.identity import Caller
from assistant.domain.posts import TargetPost
from assistant.services.schemas import SearchFilters, SearchResult

CONVERSATION_ID = r"^[A-Za-z0-9_-]{1,64}$"
"""What a client-chosen conversation id may be: 1-64 letters, digits, '_' or '-' (the API checks it)."""


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
    turns: list[Turn] = field(default_factory=list)
    touched: float = field(default_factory=time.monotonic)


_Key = tuple[Caller, str]


class ConversationMemory:
    def __init__(
        self,
        max_conversations: int = 2000,
        max_turns: int = 30,
        ttl_s: float = 8 * 3600,
        max_per_caller: int = 100,
    ) -> None:
        self._items: OrderedDict[_Key, _Conversation] = OrderedDict()
        self._lock = threading.Lock()
        self.max_conversations = max_conversations
        self.max_turns = max_turns
        self.ttl_s = ttl_s
        self.max_per_caller = max_per_caller

    def turns(self, conversation_id: str, caller: Caller) -> list[Turn]:
        """The caller's own conversation with this id (empty when they have none, or it expired)."""
        with self._lock:
            conv = self._items.get((caller, conversation_id))
            if conv is None or time.monotonic() - conv.touched > self.ttl_s:
                return []
            return list(conv.turns)

    def add(self, conversation_id: str, caller: Caller, turn: Turn) -> None:
        """Add a turn to the caller's conversation with this id; no other caller's is touched, except that
        the least recently used conversations in all are dropped past ``max_conversations``."""
        key = (caller, conversation_id)
        with self._lock:
            conv = self._items.get(key)
            if conv is None or time.monotonic() - conv.touched > self.ttl_s:
                conv = _Conversation()
                self._items[key] = conv
            conv.turns = [*conv.turns, turn][-self.max_turns :]
            conv.touched = time.monotonic()
            self._items.move_to_end(key)
            mine = [k for k in self._items if k[0] == caller]  # a caller's flood drops their own oldest first
            for oldest in mine[: max(0, len(mine) - self.max_per_caller)]:
                del self._items[oldest]
            while len(self._items) > self.max_conversations:
                self._items.popitem(last=False)
