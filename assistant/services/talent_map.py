"""The 9-box map of a unit (or of everyone the caller may see): people per cell, laid out by the
instansi's numbering (``nine_box.DEFAULT_GRID``: potential rows x performance columns)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.domain.identity import Caller
from assistant.domain.models import Ekspektasi, KategoriPotensi
from assistant.domain.nine_box import DEFAULT_GRID, cell_meaning
from assistant.domain.plan import Aggregate, Filters, QueryPlan

if TYPE_CHECKING:
    from assistant.services.talent import TalentService

ROWS = (KategoriPotensi.TINGGI, KategoriPotensi.MENENGAH, KategoriPotensi.RENDAH)  # top to bottom
COLUMNS = (Ekspektasi.DI_BAWAH, Ekspektasi.SESUAI, Ekspektasi.DI_ATAS)  # left to right


class MapCell(BaseModel):
    cell: int
    potential: str
    performance: str
    count: int
    share: float = Field(description="Share of the people placed in a cell (0-1).")
    meaning: str | None = None


class TalentMap(BaseModel):
    unit: str | None
    placed: int = Field(description="People with a 9-box cell.")
    not_placed: int = Field(description="People the caller may see without one (no assessment or SKP yet).")
    grid: list[list[MapCell]] = Field(description="Rows from high potential down, columns from below expectation up.")


def talent_map(service: TalentService, caller: Caller, unit: str | None = None, lang: str = "id") -> TalentMap:
    plan = QueryPlan(filters=Filters(units=[unit] if unit else []), aggregate=Aggregate(kind="group", by="kotak"))
    result = service.run_plan(caller, plan, language=lang)
    counts = {int(g.key): g.count for g in result.groups or [] if g.key.isdigit()}
    placed = sum(counts.values())
    grid = [[MapCell(cell=DEFAULT_GRID[(row, col)], potential=row.value, performance=col.value,
                     count=counts.get(DEFAULT_GRID[(row, col)], 0),
                     share=round(counts.get(DEFAULT_GRID[(row, col)], 0) / placed, 4) if placed else 0.0,
                     meaning=cell_meaning(DEFAULT_GRID[(row, col)], lang)) for col in COLUMNS] for row in ROWS]  # fmt: skip
    return TalentMap(unit=unit, placed=placed, not_placed=(result.total_matching or 0) - placed, grid=grid)
