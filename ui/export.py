"""The workbench tables as XLSX: see assistant.services.xlsx (shared with the API)."""

from assistant.services.xlsx import FORMULA_STARTS, XLSX_MIME, people_xlsx

__all__ = ["FORMULA_STARTS", "XLSX_MIME", "people_xlsx"]
