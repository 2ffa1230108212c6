"""Seeded generator of a fictional regency's ASN records, and writers for Talenta's import format.

Usage: ``write_demo(generate_regency(employees=300, seed=42), Path("out"), fmt="csv")``.
Everything generated is fictional.
"""

from .catalog import FIELDS, OPDS, FieldInfo, Opd
from .export import TABLE_NAMES, write_demo
from .regency import REFERENCE_DATE, Regency, generate_regency

__all__ = [
    "FIELDS",
    "OPDS",
    "REFERENCE_DATE",
    "TABLE_NAMES",
    "FieldInfo",
    "Opd",
    "Regency",
    "generate_regency",
    "write_demo",
]
