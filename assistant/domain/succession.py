"""The succession workflow as rules: who may move a nominee from which state to which, with a note.

PermenPANRB 3/2020 (as amended) asks for talent pools per target post and succession plans whose
successors come from the talent mapping; the ministry system closest to this (SIMT DJBK) runs
nomination -> verification -> approval with notes on every decision. Here:

    kandidat --nominasikan (BKPSDM)--> dinominasikan --verifikasi (komite talenta)--> diverifikasi
    diverifikasi --tetapkan / tolak (pimpinan, the PPK)--> ditetapkan | ditolak
    kandidat | dinominasikan | diverifikasi --tarik (BKPSDM)--> ditarik

Every step needs a note. ``batalkan`` (undo) takes back the latest step of a nominee, by whoever
made it or by BKPSDM, with its own note: the history keeps both the step and its undoing, so an undo
never reads as a rejection and a rejection is never faked by an undo. Nothing here touches storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.domain.identity import Role

State = Literal["kandidat", "dinominasikan", "diverifikasi", "ditetapkan", "ditolak", "ditarik"]
Action = Literal["nominasikan", "verifikasi", "tetapkan", "tolak", "tarik", "batalkan"]
Readiness = Literal["siap sekarang", "1-2 tahun", "jangka panjang"]

STATES: tuple[State, ...] = ("kandidat", "dinominasikan", "diverifikasi", "ditetapkan", "ditolak", "ditarik")
FINAL: frozenset[State] = frozenset({"ditetapkan", "ditolak", "ditarik"})
READINESS: tuple[Readiness, ...] = ("siap sekarang", "1-2 tahun", "jangka panjang")
DevelopmentKind = Literal["pelatihan", "rotasi", "mentoring", "penugasan"]
DevelopmentStatus = Literal["direncanakan", "berjalan", "selesai"]
DEVELOPMENT_KINDS: tuple[DevelopmentKind, ...] = ("pelatihan", "rotasi", "mentoring", "penugasan")
DEVELOPMENT_STATUS: tuple[DevelopmentStatus, ...] = ("direncanakan", "berjalan", "selesai")
MIN_NOTE = 5  # characters: a decision says why


@dataclass(frozen=True)
class Step:
    action: Action
    source: tuple[State, ...]
    target: State
    roles: tuple[Role, ...]


STEPS: dict[Action, Step] = {
    "nominasikan": Step("nominasikan", ("kandidat",), "dinominasikan", ("bkpsdm",)),
    "verifikasi": Step("verifikasi", ("dinominasikan",), "diverifikasi", ("komite",)),
    "tetapkan": Step("tetapkan", ("diverifikasi",), "ditetapkan", ("pimpinan",)),
    "tolak": Step("tolak", ("dinominasikan", "diverifikasi"), "ditolak", ("komite", "pimpinan")),
    "tarik": Step("tarik", ("kandidat", "dinominasikan", "diverifikasi"), "ditarik", ("bkpsdm",)),
}
# Who a nominee in each state waits on (the inbox).
WAITS_ON: dict[State, Role] = {"kandidat": "bkpsdm", "dinominasikan": "komite", "diverifikasi": "pimpinan"}
LABEL_EN: dict[str, str] = {
    "kandidat": "candidate", "dinominasikan": "nominated", "diverifikasi": "verified", "ditetapkan": "appointed",
    "ditolak": "rejected", "ditarik": "withdrawn", "nominasikan": "nominate", "verifikasi": "verify",
    "tetapkan": "appoint", "tolak": "reject", "tarik": "withdraw", "batalkan": "undo",
    "siap sekarang": "ready now", "1-2 tahun": "in 1-2 years", "jangka panjang": "long term",
}  # fmt: skip


class WorkflowError(ValueError):
    """A step that the rules do not allow; the messages say why, in Indonesian and English."""

    def __init__(self, message_id: str, message_en: str, forbidden: bool = False) -> None:
        super().__init__(message_id)
        self.message_id, self.message_en, self.forbidden = message_id, message_en, forbidden


@dataclass(frozen=True)
class Event:
    """One recorded step of a nominee: what was done, by whom, from which state to which."""

    action: Action
    source: State
    target: State
    actor: str
    role: Role
    note: str
    undoes: int | None = None  # the id of the event an undo takes back
    id: int | None = None


def note_text(note: str | None) -> str:
    text = " ".join((note or "").split())
    if len(text) < MIN_NOTE:
        raise WorkflowError(
            f"Setiap keputusan wajib disertai catatan (minimal {MIN_NOTE} karakter).",
            f"Every decision needs a note (at least {MIN_NOTE} characters).",
        )
    return text


def decide(state: State, action: Action, actor: str, role: Role, note: str | None) -> Event:
    """The event of taking ``action`` on a nominee in ``state``; WorkflowError if the rules forbid it."""
    if action == "batalkan":
        raise WorkflowError("Pembatalan memakai undo().", "Use undo() to take a step back.")
    step = STEPS.get(action)
    if step is None:
        raise WorkflowError(f"Tindakan tidak dikenal: {action}.", f"Unknown action: {action}.")
    if role not in step.roles:
        who = ", ".join(step.roles)
        raise WorkflowError(
            f"Tindakan '{action}' hanya boleh dilakukan oleh {who}.",
            f"Only {who} may {LABEL_EN[action]}.",
            forbidden=True,
        )
    if state not in step.source:
        raise WorkflowError(
            f"Tindakan '{action}' tidak dapat dilakukan pada status '{state}'.",
            f"Cannot {LABEL_EN[action]} a nominee who is {LABEL_EN[state]}.",
        )
    return Event(action, state, step.target, actor, role, note_text(note))


def undo(history: list[Event], actor: str, role: Role, note: str | None) -> Event:
    """The event taking back the latest step that is still in force. Allowed to its actor and to
    BKPSDM; the state returns to what it was before that step."""
    undone = {e.undoes for e in history if e.undoes is not None}
    live = [e for e in history if e.action != "batalkan" and e.id not in undone]
    if not live:
        raise WorkflowError("Tidak ada langkah yang dapat dibatalkan.", "There is no step to undo.")
    last = live[-1]
    if actor != last.actor and role != "bkpsdm":
        raise WorkflowError(
            "Hanya pembuat langkah terakhir atau BKPSDM yang dapat membatalkannya.",
            "Only whoever took the last step, or BKPSDM, may undo it.",
            forbidden=True,
        )
    return Event("batalkan", last.target, last.source, actor, role, note_text(note), undoes=last.id)


def current_state(history: list[Event], start: State = "kandidat") -> State:
    return history[-1].target if history else start
