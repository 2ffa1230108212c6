"""Who is asking. Every service call takes a Caller; every read of people can be logged with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["pimpinan", "bkpsdm", "opd", "asn", "integrasi"]


@dataclass(frozen=True)
class Caller:
    user: str
    role: Role
    unit_kerja: str | None = None  # for role 'opd'
    nip: str | None = None  # for role 'asn'

    def can_see(self, nip: str, unit_kerja: str | None) -> bool:
        """Pimpinan and BKPSDM see all; an OPD head their unit; an ASN only their own record."""
        match self.role:
            case "pimpinan" | "bkpsdm" | "integrasi":
                return True
            case "opd":
                return bool(self.unit_kerja) and unit_kerja == self.unit_kerja
            case "asn":
                return nip == self.nip
        return False


SYSTEM = Caller(user="system", role="bkpsdm")
