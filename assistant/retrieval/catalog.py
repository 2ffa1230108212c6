"""Every person's evidence pieces in memory, read from the people collection.

The store keeps one vector per distinct evidence text (the same training or post held by many
people is one record in ``{prefix}_texts``) and, on each person's record, the list of their pieces.
The catalog joins the two: who holds a text, with the display text, year and duration each of them
has. It also holds the people's filter fields, so a where-filter (unit, golongan, the caller's
visibility) is applied here, per person, and Chroma is asked only about texts.

Built once per store generation by the search service, like the lexical index that uses its texts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from assistant.domain.evidence import EvidenceText
from assistant.domain.ranking import EvidenceHit

# One evidence piece as stored on its person's record: [kind, key, display, year, years].
PieceRow = list[Any]


def encode_pieces(pieces: Sequence[EvidenceText]) -> str:
    """A person's evidence pieces as the JSON stored on their record (order kept)."""
    return json.dumps([[p.kind, p.key, p.display, p.year, p.years] for p in pieces], ensure_ascii=False)


class EvidenceCatalog:
    """Evidence pieces of every stored person, in NIP order, each piece once per person who has it."""

    def __init__(self, people: Iterable[tuple[str, dict[str, Any], Sequence[PieceRow]]]) -> None:
        self.nips: list[str] = []
        self.people_meta: list[dict[str, Any]] = []
        self.ids: list[str] = []
        self.keys: list[str] = []
        self.kinds: list[str] = []
        self.texts: list[str] = []  # display texts: what the user sees and what BM25 reads
        self.years: list[int | None] = []
        self.durations: list[float | None] = []
        self.headlines: list[bool] = []  # a person's first free-text passage (a CV's headline)
        owners: list[int] = []
        self.by_key: dict[str, list[int]] = {}
        for person, (nip, meta, pieces) in enumerate(sorted(people, key=lambda p: p[0])):
            self.nips.append(nip)
            self.people_meta.append(meta)
            seen: dict[str, int] = {}
            # a long free text's first passage; a short summary (one passage) is no headline of anything
            first_passage = sum(1 for piece in pieces if piece[0] == "ringkasan") > 1
            for kind, key, display, year, years in pieces:
                self.headlines.append(kind == "ringkasan" and first_passage)
                first_passage = first_passage and kind != "ringkasan"
                n = seen.get(key, 0)
                seen[key] = n + 1
                self.by_key.setdefault(key, []).append(len(self.ids))
                self.ids.append(f"{nip}:{key}:{n}")
                self.keys.append(key)
                self.kinds.append(str(kind))
                self.texts.append(str(display or ""))
                self.years.append(int(year) if year is not None else None)
                self.durations.append(float(years) if years is not None else None)
                owners.append(person)
        self.owner = np.asarray(owners, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.ids)

    def person_mask(self, where: dict[str, Any] | None) -> np.ndarray | None:
        """Which people satisfy ``where`` (None: everyone, no filter)."""
        if not where:
            return None
        return np.fromiter((matches(m, where) for m in self.people_meta), dtype=bool, count=len(self.nips))

    def record_mask(self, people: np.ndarray | None) -> np.ndarray | None:
        """The pieces of the people in the mask."""
        return None if people is None else people[self.owner]

    def keys_of(self, people: np.ndarray) -> list[str]:
        """The distinct texts the people in the mask hold (for a vector query restricted to them)."""
        records = np.flatnonzero(people[self.owner])
        return list(dict.fromkeys(self.keys[i] for i in records))

    def hit(self, i: int, similarity: float, lexical: float = 0.0) -> EvidenceHit:
        return EvidenceHit(
            id=self.ids[i],
            nip=self.nips[int(self.owner[i])],
            kind=self.kinds[i],
            display=self.texts[i],
            year=self.years[i],
            years=self.durations[i],
            similarity=similarity,
            lexical=lexical,
            headline=self.headlines[i],
        )

    def expand(self, scored: Sequence[tuple[str, float]], people: np.ndarray | None, limit: int) -> list[int]:
        """Positions of the pieces holding the scored texts (best text first; within a text, NIP
        order), only of the people in the mask, at most ``limit``."""
        out: list[int] = []
        for key, _ in scored:
            for i in self.by_key.get(key, ()):
                if people is not None and not people[self.owner[i]]:
                    continue
                out.append(i)
                if len(out) >= limit:
                    return out
        return out


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
