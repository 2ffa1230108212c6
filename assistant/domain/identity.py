"""Who is asking. Every service call takes a Caller; every read of people can be logged with it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["pimpinan", "bkpsdm", "komite", "opd", "asn", "integrasi"]


@dataclass(frozen=True)
class Caller:
    user: str
    role: Role
    unit_kerja: str | None = None  # for role 'opd'
    nip: str | None = None  # for role 'asn'
    units: tuple[str, ...] | None = None  # an API key limited to these units (its scope); None: no further limit

    def can_see(self, nip: str, unit_kerja: str | None) -> bool:
        """Pimpinan, BKPSDM and the komite talenta see all; an OPD head their unit; an ASN only their own record.
        A caller limited to some units (an integration key's scope) sees no one outside them, whatever the role."""
        if self.units is not None and unit_key(unit_kerja) not in {unit_key(u) for u in self.units}:
            return False
        match self.role:
            case "pimpinan" | "bkpsdm" | "komite" | "integrasi":
                return True
            case "opd":
                return bool(unit_key(self.unit_kerja)) and unit_key(unit_kerja) == unit_key(self.unit_kerja)
            case "asn":
                return nip == self.nip
        return False


def unit_key(name: str | None) -> str:
    """A unit name as compared: case, punctuation and spacing ignored, so 'DINAS KESEHATAN' from one
    export, 'Dinas  Kesehatan' from another and an OPD head's 'Dinas Kesehatan' are one unit."""
    return " ".join(re.sub(r"[^\w]+", " ", (name or "").casefold()).split())


SYSTEM = Caller(user="system", role="bkpsdm")
