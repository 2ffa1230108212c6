"""Public entry point: ``load(path)`` turns a file or a folder of HR exports into Employees + a report.

    from ingest.loader import load
    result = load(Path("data/demo/2000"))
    result.employees          # valid people, one per NIP, child records attached
    result.additions          # (NIP, Diklat) from trainers' score sheets, for people not in this load
    result.report.summary_lines()
    result.report.write(Path("laporan_impor.csv"))

No store and no embeddings here: the pipeline takes ``result.employees`` and upserts them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.domain.models import Diklat, Employee
from ingest.assemble import assemble
from ingest.layout import get_layout, load_layouts
from ingest.readers import ReadOptions, read_path
from ingest.report import REJECTED, WARNING, IngestReport, RowIssue

log = logging.getLogger(__name__)


@dataclass
class LoadResult:
    """``additions``: one (NIP, Diklat) per accepted score-sheet row (:mod:`ingest.score_sheet`)
    whose NIP has no pegawai row in this load, in source order; each also has a warning in the
    report. A NIP may appear more than once (several trainings). The NIP is valid, but the person may
    not be stored either: the caller merges each record into the stored person with that NIP, if any.
    People in ``employees`` already carry their score-sheet records and are never in ``additions``."""

    employees: list[Employee] = field(default_factory=list)
    report: IngestReport = field(default_factory=IngestReport)
    additions: list[tuple[str, Diklat]] = field(default_factory=list)


def load(path: Path, layout: str | None = None, layouts_dir: Path | None = None) -> LoadResult:
    """Read ``path`` (a supported file, or a folder read recursively) and validate every row.

    ``layout`` forces one export layout for every file (``talenta layouts`` lists them); without it
    each file's layout is detected from its headers. ``layouts_dir`` adds local layout files.

    Never raises for bad data: problems are in ``result.report``. Raises FileNotFoundError when
    ``path`` does not exist and ingest.layout.LayoutError for an unknown layout or a broken layout file.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"tidak ada file atau folder: {path}")
    started = time.perf_counter()
    options = ReadOptions(
        layouts=load_layouts(layouts_dir), forced=get_layout(layout, layouts_dir) if layout else None
    )
    outcome = read_path(path, options)
    report = IngestReport(files=outcome.files, layouts=outcome.layouts)
    report.issues.extend(outcome.issues)
    # Rows a layout pass rejected before validation (a SIASN record that links to nobody) count too.
    early = sum(1 for i in outcome.issues if i.severity == REJECTED and i.row is not None)
    report.rejected_rows += early
    report.rows_read += early
    if not outcome.tables:
        report.issues.append(
            RowIssue(path.name, None, None, None, None, "tidak ada file data yang bisa dibaca", None, WARNING)
        )
    additions: list[tuple[str, Diklat]] = []
    employees = assemble(outcome.tables, report, additions)
    report.people = len(employees)
    log.info(
        "impor %s: %d file, %d baris, %d pegawai, %d baris ditolak, %d peringatan (%.2f s)",
        path.name,
        len(report.files),
        report.rows_read,
        report.people,
        report.rejected_rows,
        len(report.warnings),
        time.perf_counter() - started,
    )
    return LoadResult(employees=employees, report=report, additions=additions)
