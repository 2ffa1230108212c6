"""The Chroma store behind one interface: people, and one vector per distinct evidence text.

Two collections per prefix:
- ``{prefix}_people``: id = NIP, embedding = the mean of the person's evidence vectors; metadata =
  the filterable fields, the content hash of the source record, the full profile (``record``, the
  Employee JSON) and the person's evidence pieces (``evidence``: kind, text key, display text, year,
  duration). Nothing is stored as a Chroma document: documents are full-text indexed, which Talenta
  does not use and which was most of the write cost.
- ``{prefix}_texts``: id = the text key (a hash of the embedded meaning), embedding = its vector.
  A training or post held by 500 people is one record, embedded and written once.

Who holds which text is read back from the people records into an in-memory catalog
(``assistant.retrieval.catalog``), which is where filters on people are applied.

Both collections remember which embedding model filled them; opening them with another model is
refused. Writes are ordered so that a crash leaves nothing that a re-run does not repair (see
write_people). People written by an older layout of the store (``INDEX_VERSION``) count as changed,
so the next ingest rewrites them.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.db.repository import PeopleRepository
from assistant.domain.evidence import EvidenceText
from assistant.domain.golongan import golongan_rank
from assistant.domain.identity import unit_key
from assistant.domain.models import Employee
from assistant.retrieval.catalog import EvidenceCatalog, encode_pieces
from assistant.retrieval.embeddings import TalentaEmbeddings

logger = logging.getLogger(__name__)

PENDING = "pending"
# The layout of the stored records. People written under another layout count as changed.
INDEX_VERSION = 4  # 2: one vector per distinct text; 3: unit_key; 4: titles embedded with their English words
PLAIN_TITLES = "-plain-titles"  # the layout's mark on a person whose titles were embedded as written
# A vector query restricted to more texts than this asks without the list and filters the answer.
_MAX_QUERY_IDS = 20000
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
        meta["unit_key"] = unit_key(employee.unit_kerja)  # what filters and visibility compare
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
    """The vectors (Chroma) and, with ``records``, the relational system of record behind one
    interface for the ingest: a person is written to both, Chroma first, and counts as stored
    unchanged only when both hold the same content hash."""

    def __init__(
        self,
        client: Any,
        embeddings: TalentaEmbeddings,
        prefix: str = "talenta",
        records: PeopleRepository | None = None,
        search_ef: int | None = None,
    ) -> None:
        self.client = client
        self.records = records
        self.embeddings = embeddings
        # a person embedded the other way (EmbeddingSettings.english_titles) counts as changed, like one of
        # an older layout: the next ingest embeds them again
        self.layout: int | str = INDEX_VERSION if getattr(embeddings, "english_titles", True) else f"{INDEX_VERSION}{PLAIN_TITLES}"
        self.people = self._open(f"{prefix}_people")
        self.texts = self._open(f"{prefix}_texts", search_ef)
        # One record whose document changes on every write: readers cache derived indexes by it.
        self.meta = client.get_or_create_collection(f"{prefix}_meta", embedding_function=None)
        self.write_batch = _write_batch(client)
        # The evidence collection of store layout 1 (one record per piece per person): its vectors
        # are reused by the ingest that rewrites everyone (their records are of the old version),
        # and it is dropped when that ingest collects garbage.
        legacy = f"{prefix}_evidence"
        names = {getattr(c, "name", c) for c in client.list_collections()}
        self._legacy: Any = client.get_collection(legacy) if legacy in names else None

    def _open(self, name: str, search_ef: int | None = None) -> Any:
        model_meta = {"embedding_model": self.embeddings.model_id, "embedding_dim": self.embeddings.dim}
        collection = self.client.get_or_create_collection(
            name,
            embedding_function=None,
            metadata={"hnsw:space": "cosine", **model_meta},
        )
        hnsw = (getattr(collection, "configuration", None) or {}).get("hnsw") or {}
        if search_ef and hnsw.get("ef_search") != search_ef:
            # the graph search keeps search_ef candidates: below the texts a search fetches, the nearest
            # ones near the boundary were missed, differently after each restart (StoreSettings.search_ef)
            try:
                collection.modify(configuration={"hnsw": {"ef_search": search_ef}})
            except Exception as exc:  # noqa: BLE001 - a server that refuses (a read-only token): search anyway
                logger.warning(
                    "Chroma menolak ef_search=%s untuk '%s' (%s): pencarian makna tetap jalan, tetapi hampiran / "
                    "Chroma refused ef_search=%s on '%s' (%s): meaning search still runs, but approximately",
                    search_ef, name, exc, search_ef, name, exc,
                )  # fmt: skip
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
        """NIP -> content hash of every stored person ("" for a record of an older store layout, or
        one the system of record does not hold with the same hash: it is written again)."""
        vectors = {
            nip: str(meta.get("content_hash", "")) if meta.get("index_version") == self.layout else ""
            for nip, meta in self._people_metadata()
        }
        if self.records is None:
            return vectors
        records = self.records.hashes()
        return {nip: digest if digest in (records.get(nip), PENDING) else "" for nip, digest in vectors.items()}

    def names(self) -> dict[str, str]:
        """NIP -> name of every stored person (used to check an answer names only retrieved people)."""
        return {nip: str(meta.get("nama", "")) for nip, meta in self._people_metadata()}

    def generation(self) -> str:
        """Changes whenever people or texts are written or deleted."""
        got = self.meta.get(ids=["generation"], include=["documents"])
        docs = got.get("documents") or []
        return str(docs[0]) if docs else "0"

    def _bump_generation(self) -> None:
        self.meta.upsert(ids=["generation"], documents=[uuid.uuid4().hex], embeddings=[[1.0]])

    def _garbage(self, pending: bool) -> None:
        self.meta.upsert(ids=["garbage"], documents=["pending" if pending else "clean"], embeddings=[[1.0]])

    def garbage_pending(self) -> bool:
        """Texts may be held by no one: a write or a removal began and its ``collect_garbage`` has not
        finished since (a crash between the two). The next ingest collects them even when unchanged."""
        got = self.meta.get(ids=["garbage"], include=["documents"])
        return bool(got["documents"]) and got["documents"][0] == "pending"

    def catalog(self) -> EvidenceCatalog:
        """Every stored person's evidence pieces and filter fields (see EvidenceCatalog)."""
        return EvidenceCatalog(self._people_pieces())

    def _people_pieces(self) -> Iterator[tuple[str, dict[str, Any], list[list[Any]]]]:
        """(NIP, metadata without the profile and evidence blobs, evidence pieces) of every person."""
        for nip, meta in self._people_metadata():
            pieces = json.loads(str(meta.pop("evidence", None) or "[]"))
            meta.pop("record", None)
            yield nip, meta, pieces

    def query_texts(self, vector: np.ndarray, n: int, keys: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """The n texts closest to the query vector, (key, cosine similarity), best first; only among
        ``keys`` when given (a filtered search: the texts of the people it may return)."""
        if keys is not None and not keys:
            return []
        total = int(self.texts.count())
        if not total:
            return []
        restrict: list[str] | None = list(keys) if keys is not None else None
        allowed: set[str] | None = None
        want = min(n, total)
        if restrict is not None and len(restrict) > _MAX_QUERY_IDS:
            # A broad filter: ask without the id list for more, and keep the allowed ones.
            allowed, restrict, want = set(restrict), None, min(total, n * 4)
        elif restrict is not None:
            want = min(want, len(restrict))
        got = self.texts.query(
            query_embeddings=[vector.tolist()], n_results=want, ids=restrict, include=["distances"]
        )
        scored = [(key, 1.0 - float(dist)) for key, dist in zip(got["ids"][0], got["distances"][0], strict=False)]
        if allowed is not None:
            scored = [s for s in scored if s[0] in allowed][:n]
        return scored

    def text_vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """Stored vectors of these texts, by key (texts not stored are left out)."""
        keys = list(dict.fromkeys(keys))
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), _BATCH):
            got = self.texts.get(ids=keys[start : start + _BATCH], include=["embeddings"])
            embeddings = got.get("embeddings")
            if embeddings is None:
                continue
            for key, vec in zip(got["ids"], embeddings, strict=False):
                out[key] = np.asarray(vec, dtype=np.float32)
        return out

    def known_vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """Vectors already stored for these evidence keys (any person's): they need no embedding.
        Looked up in the texts, then in a store layout 1 evidence collection if one is left."""
        keys = list(dict.fromkeys(keys))
        out = self.text_vectors(keys)
        missing = [key for key in keys if key not in out]
        for start in range(0, len(missing), 500) if self._legacy is not None else ():
            chunk = missing[start : start + 500]
            got = self._legacy.get(where={"key": {"$in": chunk}}, include=["metadatas", "embeddings"])
            embeddings = got.get("embeddings")
            for meta, vec in zip(got["metadatas"] or [], embeddings if embeddings is not None else [], strict=False):
                key = (meta or {}).get("key")
                if key and key not in out:
                    out[str(key)] = np.asarray(vec, dtype=np.float32)
        return out

    def text_similarity(self, keys: Iterable[str], vector: np.ndarray) -> dict[str, float]:
        """Cosine similarity of the query to stored texts, by key."""
        return {key: float(vec @ vector) for key, vec in self.text_vectors(keys).items()}

    def units(self) -> list[str]:
        """Every current unit (unit_kerja) in the store, sorted; one name per unit_key (the first in
        NIP order when exports spell a unit differently)."""
        named: dict[str, str] = {}
        for _, meta in sorted(self._people_metadata()):
            if meta.get("unit_kerja"):
                named.setdefault(unit_key(str(meta["unit_kerja"])), str(meta["unit_kerja"]))
        return sorted(named.values())

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
        if self.records is not None:
            return self.records.get(nips)
        out: dict[str, Employee] = {}
        for start in range(0, len(nips), _BATCH):
            got = self.people.get(ids=list(nips[start : start + _BATCH]), include=["metadatas", "documents"])
            docs = got.get("documents") or [None] * len(got["ids"])
            for nip, meta, doc in zip(got["ids"], got["metadatas"] or [], docs, strict=False):
                record = (meta or {}).get("record") or doc  # a document: a record of store layout 1
                if record:
                    out[nip] = Employee.model_validate_json(str(record))
        return out

    # ---- writes ------------------------------------------------------------------------------

    def write_people(self, records: Sequence[PersonRecord]) -> None:
        """Upsert people so that a crash at any point is repaired by re-running the ingest.

        1. mark the people's stored hash as pending (a re-run redoes them whatever the source says);
        2. add the texts not stored yet; 3. upsert the people records, with their evidence list and
        the real content hash; 4. replace them in the system of record, in one transaction (the
        commit point: ``hashes`` counts a person unchanged only when both hold the new hash). Search reads who holds which text from the people
        records, so a text written without its person is never shown; texts no one holds any more
        are removed by ``collect_garbage`` (the ingest calls it at its end).

        Any number of people may be passed at once: each step is one pass over all of them, in Chroma
        calls of up to ``self.write_batch`` records, and the order of the steps above holds for the
        whole set.
        """
        if not records:
            return
        self._garbage(True)  # cleared by collect_garbage once it has run to its end
        step = self.write_batch
        nips = [r.employee.nip for r in records]
        existing: list[str] = []
        for start in range(0, len(nips), _BATCH):
            existing.extend(self.people.get(ids=nips[start : start + _BATCH], include=[])["ids"])
        for start in range(0, len(existing), step):
            chunk = existing[start : start + step]
            self.people.update(ids=chunk, metadatas=[{"content_hash": PENDING}] * len(chunk))

        texts: dict[str, tuple[str, np.ndarray]] = {}
        for record in records:
            for ev in record.evidence:
                texts.setdefault(ev.key, (ev.kind, record.evidence_vectors[ev.key]))
        keys = list(texts)
        stored: set[str] = set()
        for start in range(0, len(keys), _BATCH):
            stored.update(self.texts.get(ids=keys[start : start + _BATCH], include=[])["ids"])
        new = [key for key in keys if key not in stored]
        for start in range(0, len(new), step):
            chunk = new[start : start + step]
            self.texts.upsert(
                ids=chunk,
                metadatas=[{"kind": texts[key][0]} for key in chunk],
                embeddings=np.asarray([texts[key][1] for key in chunk], dtype=np.float32),
            )

        for start in range(0, len(records), step):
            batch = records[start : start + step]
            self.people.upsert(
                ids=[r.employee.nip for r in batch],
                metadatas=[_person_metadata(r, self.layout) for r in batch],
                embeddings=np.asarray([r.vector for r in batch], dtype=np.float32),
            )
        if self.records is not None:  # 4. the system of record, one transaction
            self.records.upsert([(r.employee, r.content_hash) for r in records])
        self._bump_generation()

    def delete_people(self, nips: Sequence[str], *, collect: bool = True) -> None:
        """Remove people, then (with ``collect``) the texts no one else holds."""
        if not nips:
            return
        self._garbage(True)
        for start in range(0, len(nips), _BATCH):
            self.people.delete(ids=list(nips[start : start + _BATCH]))
        if self.records is not None:
            self.records.delete(nips)
        self._bump_generation()
        if collect:
            self.collect_garbage()

    def collect_garbage(self) -> int:
        """Delete the texts no stored person holds (left by changed or removed people, or by a crash
        between the two writes of ``write_people``). Returns how many were deleted."""
        held: set[str] = set()
        outdated = False
        for _, meta, pieces in self._people_pieces():
            held.update(piece[1] for piece in pieces)
            outdated = outdated or meta.get("index_version") != self.layout
        stored: list[str] = []
        total = int(self.texts.count())
        for offset in range(0, total, _BATCH):
            stored.extend(self.texts.get(include=[], limit=_BATCH, offset=offset)["ids"])
        orphans = [key for key in stored if key not in held]
        for start in range(0, len(orphans), _BATCH):
            self.texts.delete(ids=orphans[start : start + _BATCH])
        if orphans:
            self._bump_generation()
        if not outdated:
            self._drop_legacy()
        self._garbage(False)
        return len(orphans)

    def _drop_legacy(self) -> None:
        """Drop the layout 1 evidence collection (once no stored person is of an older layout)."""
        if self._legacy is None:
            return
        logger.info("store: koleksi lama %s dihapus (tata letak indeks baru)", self._legacy.name)
        self.client.delete_collection(self._legacy.name)
        self._legacy = None


def _person_metadata(record: PersonRecord, layout: int | str = INDEX_VERSION) -> dict[str, Any]:
    return {
        **filter_metadata(record.employee),
        "content_hash": record.content_hash,
        "index_version": layout,
        "record": record.employee.model_dump_json(),
        "evidence": encode_pieces(record.evidence),
    }


def _write_batch(client: Any) -> int:
    try:
        limit = int(client.get_max_batch_size())
    except Exception:  # noqa: BLE001 - a client without the call (or a server that refuses it)
        return _WRITE_BATCH
    return max(1, min(_WRITE_BATCH, limit))

