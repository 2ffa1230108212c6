"""Upsert validated people into the store: only what changed is embedded, and a crash is repairable."""

from __future__ import annotations

import contextlib
import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.domain.evidence import EvidenceText, evidence_texts
from assistant.domain.models import Diklat, Employee
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
    texts_removed: int = 0
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
    background_writes: bool = True,
) -> IngestStats:
    """Embed and write the people whose record changed; optionally remove people not in the source.

    ``keep``: NIPs that are in the source but whose rows were rejected this time; prune spares them
    (a typo in a row must not delete the person).

    People go through in batches of ``batch_people``: look up the vectors already stored for their
    evidence, embed the rest, write the batch. With ``background_writes`` a batch is written on a
    second thread while the next one is embedded (the encoder and Chroma's writes share the CPU
    better than taking turns); batches are still written one after another in source order, each
    with the crash-safe order of ``TalentStore.write_people``, and every write has finished (or
    failed, and its error is raised here) before this returns or prunes.
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

    english = getattr(embeddings, "english_titles", True)
    pieces = {e.nip: evidence_texts(e, english_titles=english) for e, _ in todo}
    keys = {nip: [ev.key for ev in evs] for nip, evs in pieces.items()}  # a key is a SHA-1: compute once
    total_keys = len({key for ks in keys.values() for key in ks})
    cache: dict[str, np.ndarray] = {}
    done = 0
    step = embeddings_batch(embeddings)
    writer: _Writer = _BackgroundWriter(store) if background_writes and todo else _Writer(store)
    try:
        for start in range(0, len(todo), batch_people):
            batch = todo[start : start + batch_people]
            wanted: dict[str, EvidenceText] = {}
            for employee, _ in batch:
                for key, ev in zip(keys[employee.nip], pieces[employee.nip], strict=True):
                    if key not in cache:
                        wanted.setdefault(key, ev)
            known = store.known_vectors(wanted)
            cache.update(known)
            stats.vectors_reused += len(known)
            missing = [(key, ev) for key, ev in wanted.items() if key not in known]
            for i in range(0, len(missing), step):
                part = missing[i : i + step]
                vectors = embeddings.encode_passages([ev.encoded_text for _, ev in part])
                for (key, _), vec in zip(part, vectors, strict=True):
                    cache[key] = vec
                stats.texts_embedded += len(part)
                done += len(part)
                if progress:
                    progress(done + stats.vectors_reused, total_keys)
            records = []
            for employee, digest in batch:
                vectors_by_key = {key: cache[key] for key in keys[employee.nip]}
                records.append(
                    PersonRecord(
                        employee=employee,
                        content_hash=digest,
                        vector=_person_vector([vectors_by_key[key] for key in keys[employee.nip]], embeddings.dim),
                        evidence=pieces[employee.nip],
                        evidence_vectors=vectors_by_key,
                    )
                )
            writer.write(records)
            if progress:
                progress(done + stats.vectors_reused, total_keys)
        writer.finish()
    except BaseException:
        writer.abort()
        raise

    if prune:
        source = {e.nip for e in employees} | set(keep)
        gone = sorted(set(stored) - source)
        store.delete_people(gone, collect=False)
        stats.removed = len(gone)
        stats.removed_nips = gone
    if todo or stats.removed or store.garbage_pending():  # pending: a run killed before it collected
        stats.texts_removed = store.collect_garbage()  # texts that changed or removed people held
    stats.seconds = round(time.perf_counter() - started, 2)
    logger.info("ingest: %s", stats.to_dict())
    return stats


class _Writer:
    """Writes each batch of people as it comes (no thread)."""

    def __init__(self, store: TalentStore) -> None:
        self._store = store

    def write(self, records: list[PersonRecord]) -> None:
        self._store.write_people(records)

    def finish(self) -> None:
        """Wait until every batch is written; raise the error of a write that failed."""

    def abort(self) -> None:
        """The caller failed: write nothing more (a write under way completes)."""


class _BackgroundWriter(_Writer):
    """Writes batches in order on one thread while the caller embeds the next batch.

    At most one batch waits while another is written. A failed write stops the thread; its error is
    raised by the next ``write`` or by ``finish``. A crash at any moment leaves what
    ``write_people`` leaves: batches already written are committed, the one under way is repaired by
    the next run, later ones were never started.
    """

    _POLL_S = 0.2

    def __init__(self, store: TalentStore) -> None:
        super().__init__(store)
        self._queue: queue.Queue[list[PersonRecord] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="talenta-ingest-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            records = self._queue.get()
            if records is None or self._stopped.is_set():
                return
            try:
                self._store.write_people(records)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                self._error = exc
                return

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _put(self, item: list[PersonRecord] | None) -> None:
        while True:
            self._raise()
            if not self._thread.is_alive():
                return
            try:
                self._queue.put(item, timeout=self._POLL_S)
                return
            except queue.Full:
                continue

    def write(self, records: list[PersonRecord]) -> None:
        self._put(records)

    def finish(self) -> None:
        self._put(None)
        self._thread.join()
        self._raise()

    def abort(self) -> None:
        self._stopped.set()
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(None)
        self._thread.join()
        if self._error is not None:
            logger.error("ingest: a batch write failed as well: %r", self._error)


def merge_additions(
    store: TalentStore, employees: Sequence[Employee], additions: Sequence[tuple[str, Diklat]]
) -> tuple[list[Employee], int]:
    """Stored people with the training records a score sheet adds for them (people not in this
    import). A training already held with the same name and year gets the score instead of a second
    record. Returns (the people to write, how many additions found no stored person)."""
    in_source = {e.nip for e in employees}
    wanted = [nip for nip, _ in additions if nip not in in_source]
    stored = store.get_people(list(dict.fromkeys(wanted)))
    changed: dict[str, Employee] = {}
    missing = 0
    for nip, record in additions:
        person = changed.get(nip) or stored.get(nip)
        if nip in in_source:
            continue
        if person is None:
            missing += 1
            continue
        same = [d for d in person.diklat if _same_training(d, record)]
        kept = [d for d in person.diklat if not _same_training(d, record)]
        merged = record if not same else same[0].model_copy(update={"nilai": record.nilai, "predikat": record.predikat or same[0].predikat})
        changed[nip] = person.model_copy(update={"diklat": [*kept, merged]})
    return list(changed.values()), missing


def _same_training(a: Diklat, b: Diklat) -> bool:
    key = lambda d: (" ".join(re.sub(r"[^\w]+", " ", d.nama.casefold()).split()), d.tahun)  # noqa: E731
    return key(a) == key(b)


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
