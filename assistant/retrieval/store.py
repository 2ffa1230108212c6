"""The Chroma store behind one interface: people (one record each) and their evidence pieces.

Two collections per prefix:
- ``{prefix}_people``: id = NIP, document = the full profile JSON, embedding = the profile line,
  metadata = filterable fields and the content hash of the source record.
- ``{prefix}_evidence``: one record per evidence piece (position, education, training, summary),
  id = ``{nip}:{key}:{n}``, metadata carries the NIP and the same filter fields.

Both remember which embedding model filled them; opening them with another model is refused.
Writes are ordered so that a crash leaves nothing that a re-run does not repair (see write_people).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.domain.evidence import EvidenceText
from assistant.domain.golongan import golongan_rank
from assistant.domain.models import Employee
from assistant.domain.ranking import EvidenceHit
from assistant.retrieval.embeddings import TalentaEmbeddings

logger = logging.getLogger(__name__)

PENDING = "pending"
_BATCH = 2000  # records per Chroma call (SQLite has a limit on bound variables)
# Records per Chroma write call in write_people (capped by the client's own maximum). The cost per
# record hardly depends on it beyond a few hundred; a call holds the GIL throughout, so calls of
# about this size let an encoder running in another thread take turns with the writes.
_WRITE_BATCH = 1000


class StoreMismatch(RuntimeError):
    """The collection was filled by another embedding model."""


@dataclass(frozen=True)
class PersonRecord:
    employee: Employee
    content_hash: str
    vector: np.ndarray
    evidence: list[EvidenceText]
    evidence_vectors: dict[str, np.ndarray]  # by EvidenceText.key


def build_client(mode: str, data_dir: Path, host: str = "127.0.0.1", port: int = 8001) -> Any:
    """Chroma client: embedded PersistentClient under data_dir, or HttpClient to a server."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    match mode:
        case "embedded":
            path = Path(data_dir) / "chroma"
            path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        case "http":
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
    raise ValueError(f"mode penyimpanan tidak dikenal: {mode}")


def filter_metadata(employee: Employee) -> dict[str, Any]:
    """Fields a search may filter on. Chroma metadata cannot hold None, so missing keys are left out."""
    meta: dict[str, Any] = {"nip": employee.nip, "nama": employee.nama}
    if employee.unit_kerja:
        meta["unit_kerja"] = employee.unit_kerja
    rank = golongan_rank(employee.golongan)
    if rank is not None:
        meta["golongan_rank"] = rank
    if employee.jenis_jabatan:
        meta["jenis_jabatan"] = employee.jenis_jabatan.value
    top = employee.pendidikan_tertinggi()
    if top and top.jenjang:
        meta["jenjang_rank"] = top.jenjang.rank
    return meta


class TalentStore:
    def __init__(self, client: Any, embeddings: TalentaEmbeddings, prefix: str = "talenta") -> None:
        self.client = client
        self.embeddings = embeddings
        self.people = self._open(f"{prefix}_people")
        self.evidence = self._open(f"{prefix}_evidence")
        # One record whose document changes on every write: readers cache derived indexes by it.
        self.meta = client.get_or_create_collection(f"{prefix}_meta", embedding_function=None)
        self.write_batch = _write_batch(client)

    def _open(self, name: str) -> Any:
        model_meta = {"embedding_model": self.embeddings.model_id, "embedding_dim": self.embeddings.dim}
        collection = self.client.get_or_create_collection(
            name,
            embedding_function=None,
            metadata={"hnsw:space": "cosine", **model_meta},
        )
        stored = (collection.metadata or {}).get("embedding_model")
        if stored and stored != self.embeddings.model_id:
            raise StoreMismatch(
                f"Koleksi '{name}' diisi dengan model embedding '{stored}', sedangkan pengaturan memakai "
                f"'{self.embeddings.model_id}'. Pakai model yang sama (TALENTA_EMBEDDINGS__PROVIDER / "
                "__MODEL) atau indeks ulang ke data_dir yang baru."
            )
        return collection

    # ---- reads -------------------------------------------------------------------------------

    def count(self, where: dict[str, Any] | None = None) -> int:
        """People in the store, or only those matching a metadata filter."""
        if where is None:
            return int(self.people.count())
        return len(self.people.get(where=where, include=[])["ids"])

    def hashes(self) -> dict[str, str]:
        """NIP -> content hash of every stored person."""
        return {nip: str(meta.get("content_hash", "")) for nip, meta in self._people_metadata()}

    def names(self) -> dict[str, str]:
        """NIP -> name of every stored person (used to check an answer names only retrieved people)."""
        return {nip: str(meta.get("nama", "")) for nip, meta in self._people_metadata()}

    def generation(self) -> str:
        """Changes whenever people or evidence are written or deleted."""
        got = self.meta.get(ids=["generation"], include=["documents"])
        docs = got.get("documents") or []
        return str(docs[0]) if docs else "0"

    def _bump_generation(self) -> None:
        self.meta.upsert(ids=["generation"], documents=[uuid.uuid4().hex], embeddings=[[1.0]])

    def all_evidence(self) -> tuple[list[str], list[str], list[dict[str, Any]]]:
        """Every evidence piece (ids, display texts, metadata), for the lexical index."""
        ids: list[str] = []
        docs: list[str] = []
        metas: list[dict[str, Any]] = []
        total = self.evidence.count()
        for offset in range(0, total, 5000):
            got = self.evidence.get(include=["documents", "metadatas"], limit=5000, offset=offset)
            ids.extend(got["ids"])
            docs.extend(d or "" for d in got["documents"] or [])
            metas.extend(dict(m or {}) for m in got["metadatas"] or [])
        return ids, docs, metas

    def evidence_similarity(self, ids: Sequence[str], vector: np.ndarray) -> dict[str, float]:
        """Cosine similarity of the query to stored evidence pieces, by id."""
        out: dict[str, float] = {}
        for start in range(0, len(ids), 500):
            got = self.evidence.get(ids=list(ids[start : start + 500]), include=["embeddings"])
            embeddings = got.get("embeddings")
            if embeddings is None:
                continue
            for piece_id, emb in zip(got["ids"], embeddings, strict=False):
                out[piece_id] = float(np.asarray(emb, dtype=np.float32) @ vector)
        return out

    def units(self) -> list[str]:
        """Every current unit (unit_kerja) in the store, sorted."""
        return sorted({str(meta["unit_kerja"]) for _, meta in self._people_metadata() if meta.get("unit_kerja")})

    def _people_metadata(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(NIP, metadata) of every stored person, read in pages."""
        total = self.people.count()
        for offset in range(0, total, _BATCH):
            got = self.people.get(include=["metadatas"], limit=_BATCH, offset=offset)
            for nip, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
                yield nip, dict(meta or {})

    def get_people(self, nips: Sequence[str]) -> dict[str, Employee]:
        if not nips:
            return {}
        out: dict[str, Employee] = {}
        for start in range(0, len(nips), _BATCH):
            got = self.people.get(ids=list(nips[start : start + _BATCH]), include=["documents"])
            for nip, doc in zip(got["ids"], got["documents"] or [], strict=False):
                if doc:
                    out[nip] = Employee.model_validate_json(doc)
        return out

    def known_vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """Vectors already stored for these evidence keys (any person): they need no embedding."""
        keys = list(dict.fromkeys(keys))
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            got = self.evidence.get(where={"key": {"$in": chunk}}, include=["metadatas", "embeddings"])
            embeddings = got.get("embeddings")
            if embeddings is None:
                continue
            for meta, vec in zip(got["metadatas"] or [], embeddings, strict=False):
                key = (meta or {}).get("key")
                if key and key not in out:
                    out[str(key)] = np.asarray(vec, dtype=np.float32)
        return out

    def query_evidence(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[EvidenceHit]:
        got = self.evidence.query(
            query_embeddings=[vector.tolist()],
            n_results=n,
            where=where or None,
            include=["metadatas", "documents", "distances"],
        )
        hits: list[EvidenceHit] = []
        for piece_id, meta, doc, dist in zip(
            got["ids"][0], got["metadatas"][0], got["documents"][0], got["distances"][0], strict=False
        ):
            meta = meta or {}
            hits.append(
                EvidenceHit(
                    id=piece_id,
                    nip=str(meta["nip"]),
                    kind=str(meta.get("kind", "")),
                    display=doc or "",
                    year=_opt_int(meta.get("year")),
                    years=_opt_float(meta.get("years")),
                    similarity=1.0 - float(dist),
                )
            )
        return hits

    # ---- writes ------------------------------------------------------------------------------

    def write_people(self, records: Sequence[PersonRecord]) -> None:
        """Upsert people so that a crash at any point is repaired by re-running the ingest.

        1. mark the people's stored hash as pending (a re-run redoes them whatever the source says);
        2. upsert the new evidence pieces; 3. delete their evidence pieces that are no longer there;
        4. upsert the people records with the real content hash (the commit point).
        Search reads people records, so evidence of a person not yet committed is never shown alone.

        Any number of people may be passed at once: each step is one pass over all of them, in Chroma
        calls of up to ``self.write_batch`` records, and the order of the steps above holds for the
        whole set.
        """
        if not records:
            return
        step = self.write_batch
        nips = [r.employee.nip for r in records]
        existing: list[str] = []
        for start in range(0, len(nips), _BATCH):
            existing.extend(self.people.get(ids=nips[start : start + _BATCH], include=[])["ids"])
        for start in range(0, len(existing), step):
            chunk = existing[start : start + step]
            self.people.update(ids=chunk, metadatas=[{"content_hash": PENDING}] * len(chunk))

        ids: list[str] = []
        docs: list[str] = []
        metas: list[dict[str, Any]] = []
        vecs: list[np.ndarray] = []
        for record in records:
            base = filter_metadata(record.employee)
            seen: dict[str, int] = {}
            for ev in record.evidence:
                key = ev.key
                n = seen.get(key, 0)
                seen[key] = n + 1
                meta = {**base, "kind": ev.kind, "key": key}
                if ev.year is not None:
                    meta["year"] = ev.year
                if ev.years is not None:
                    meta["years"] = ev.years
                ids.append(f"{record.employee.nip}:{key}:{n}")
                docs.append(ev.display)
                metas.append(meta)
                vecs.append(record.evidence_vectors[key])
        for start in range(0, len(ids), step):
            end = start + step
            self.evidence.upsert(
                ids=ids[start:end],
                documents=docs[start:end],
                metadatas=metas[start:end],
                embeddings=np.asarray(vecs[start:end], dtype=np.float32),
            )

        keep = set(ids)
        stale = [i for i in self._evidence_ids(nips) if i not in keep]
        self._delete_evidence_ids(stale)

        for start in range(0, len(records), step):
            batch = records[start : start + step]
            self.people.upsert(
                ids=[r.employee.nip for r in batch],
                documents=[r.employee.model_dump_json() for r in batch],
                metadatas=[{**filter_metadata(r.employee), "content_hash": r.content_hash} for r in batch],
                embeddings=np.asarray([r.vector for r in batch], dtype=np.float32),
            )
        self._bump_generation()

    def delete_people(self, nips: Sequence[str]) -> None:
        """Remove people and every evidence piece of theirs (evidence first: people are the commit)."""
        if not nips:
            return
        self._delete_evidence_ids(self._evidence_ids(nips))
        for start in range(0, len(nips), _BATCH):
            self.people.delete(ids=list(nips[start : start + _BATCH]))
        self._bump_generation()

    def _evidence_ids(self, nips: Sequence[str]) -> list[str]:
        out: list[str] = []
        for start in range(0, len(nips), 500):
            got = self.evidence.get(where={"nip": {"$in": list(nips[start : start + 500])}}, include=[])
            out.extend(got["ids"])
        return out

    def _delete_evidence_ids(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), _BATCH):
            self.evidence.delete(ids=list(ids[start : start + _BATCH]))


def _write_batch(client: Any) -> int:
    try:
        limit = int(client.get_max_batch_size())
    except Exception:  # noqa: BLE001 - a client without the call (or a server that refuses it)
        return _WRITE_BATCH
    return max(1, min(_WRITE_BATCH, limit))


def _opt_int(value: Any) -> int | None:
    return int(value) if value is not None else None


def _opt_float(value: Any) -> float | None:
    return float(value) if value is not None else None
