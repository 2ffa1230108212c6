"""The 9-box map of a unit (or of everyone the caller may see): people per cell, laid out by the
instansi's scheme (potential rows x performance columns), now or for one mapping year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.domain.identity import Caller
from assistant.domain.nine_box import COLUMNS, DEFAULT_SCHEME, ROWS, NineBoxScheme, cell_meaning
from assistant.domain.plan import Aggregate, Filters, QueryPlan

if TYPE_CHECKING:
    from assistant.services.calibration import CalibrationService
    from assistant.services.talent import TalentService


class MapCell(BaseModel):
    cell: int
    potential: str
    performance: str
    count: int
    share: float = Field(description="Share of the people placed in a cell (0-1).")
    meaning: str | None = None


class TalentMap(BaseModel):
    unit: str | None
    year: int | None = Field(None, description="The mapping year shown; none: each person's current cell.")
    scheme: str = Field(DEFAULT_SCHEME.name, description="The instansi's 9-box scheme (numbering and cut-offs).")
    placed: int = Field(description="People with a 9-box cell.")
    not_placed: int = Field(description="People the caller may see without one (no assessment or SKP yet).")
    grid: list[list[MapCell]] = Field(description="Rows from high potential down, columns from below expectation up.")


def talent_map(
    service: TalentService,
    caller: Caller,
    unit: str | None = None,
    lang: str = "id",
    *,
    year: int | None = None,
    calibration: CalibrationService | None = None,
    scheme: NineBoxScheme = DEFAULT_SCHEME,
) -> TalentMap:
    """Now (each person's current cell, as the search table filters it), or for one mapping year
    (each person's placement that year: ``calibration`` reads them). Audited either way."""
    if year is None or calibration is None:
        plan = QueryPlan(filters=Filters(units=[unit] if unit else []), aggregate=Aggregate(kind="group", by="kotak"))
        result = service.run_plan(caller, plan, language=lang)
        counts = {int(g.key): g.count for g in result.groups or [] if g.key.isdigit()}
        not_placed = (result.total_matching or 0) - sum(counts.values())
        year = None
    else:
        counts, not_placed = calibration.year_counts(caller, year, unit)
        service.audit.record(caller, "talent_map", f"peta talenta {year}" + (f" {unit}" if unit else ""), [], year=year)
    placed = sum(counts.values())
    grid = [[MapCell(cell=scheme.grid[(row, col)], potential=row.value, performance=col.value,
                     count=counts.get(scheme.grid[(row, col)], 0),
                     share=round(counts.get(scheme.grid[(row, col)], 0) / placed, 4) if placed else 0.0,
                     meaning=cell_meaning(scheme.grid[(row, col)], lang, scheme)) for col in COLUMNS] for row in ROWS]  # fmt: skip
    return TalentMap(unit=unit, year=year, scheme=scheme.name, placed=placed, not_placed=not_placed, grid=grid)
