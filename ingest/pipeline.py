"""Upsert validated people into the store: only what changed is embedded, and a crash is repairable."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.domain.evidence import EvidenceText, evidence_texts
from assistant.domain.models import Employee
from assistant.retrieval.embeddings import TalentaEmbeddings
from assistant.retrieval.store import PersonRecord, TalentStore

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total) texts embedded


@dataclass
class IngestStats:
    people_in_source: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    texts_embedded: int = 0
    vectors_reused: int = 0
    seconds: float = 0.0
    removed_nips: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "removed_nips"}


def ingest_employees(
    store: TalentStore,
    embeddings: TalentaEmbeddings,
    employees: Sequence[Employee],
    *,
    prune: bool = False,
    keep: frozenset[str] = frozenset(),
    batch_people: int = 250,
    progress: Progress | None = None,
) -> IngestStats:
    """Embed and write the people whose record changed; optionally remove people not in the source.

    ``keep``: NIPs that are in the source but whose rows were rejected this time; prune spares them
    (a typo in a row must not delete the person).
    """
    started = time.perf_counter()
    stats = IngestStats(people_in_source=len(employees))
    stored = store.hashes()
    todo: list[tuple[Employee, str]] = []
    for employee in employees:
        digest = employee.content_hash()
        if stored.get(employee.nip) == digest:
            stats.unchanged += 1
            continue
        todo.append((employee, digest))
        if employee.nip in stored:
            stats.changed += 1
        else:
            stats.new += 1

    pieces = {e.nip: evidence_texts(e) for e, _ in todo}
    total_keys = len({ev.key for evs in pieces.values() for ev in evs})
    cache: dict[str, np.ndarray] = {}
    done = 0
    for start in range(0, len(todo), batch_people):
        batch = todo[start : start + batch_people]
        wanted: dict[str, EvidenceText] = {}
        for employee, _ in batch:
            for ev in pieces[employee.nip]:
                if ev.key not in cache:
                    wanted.setdefault(ev.key, ev)
        known = store.known_vectors(wanted)
        cache.update(known)
        stats.vectors_reused += len(known)
        missing = [ev for key, ev in wanted.items() if key not in known]
        for i in range(0, len(missing), embeddings_batch(embeddings)):
            part = missing[i : i + embeddings_batch(embeddings)]
            vectors = embeddings.encode_passages([ev.embed_text for ev in part])
            for ev, vec in zip(part, vectors, strict=True):
                cache[ev.key] = vec
            stats.texts_embedded += len(part)
            done += len(part)
            if progress:
                progress(done + stats.vectors_reused, total_keys)
        records = [
            PersonRecord(
                employee=employee,
                content_hash=digest,
                vector=_person_vector([cache[ev.key] for ev in pieces[employee.nip]], embeddings.dim),
                evidence=pieces[employee.nip],
                evidence_vectors={ev.key: cache[ev.key] for ev in pieces[employee.nip]},
            )
            for employee, digest in batch
        ]
        store.write_people(records)
        if progress:
            progress(done + stats.vectors_reused, total_keys)

    if prune:
        source = {e.nip for e in employees} | set(keep)
        gone = sorted(set(stored) - source)
        store.delete_people(gone)
        stats.removed = len(gone)
        stats.removed_nips = gone
    stats.seconds = round(time.perf_counter() - started, 2)
    logger.info("ingest: %s", stats.to_dict())
    return stats


def embeddings_batch(embeddings: TalentaEmbeddings) -> int:
    return int(getattr(embeddings, "batch_size", 32))


def _person_vector(vectors: list[np.ndarray], dim: int) -> np.ndarray:
    """Mean of the person's evidence vectors, normalised (no extra embedding call)."""
    if not vectors:
        vec = np.zeros(dim, dtype=np.float32)
        vec[0] = 1.0
        return vec
    mean = np.mean(np.vstack(vectors), axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    return (mean / norm).astype(np.float32)
