"""The succession workflow's rules: every transition, who may take it, notes required, undo."""

from __future__ import annotations

import pytest

from assistant.domain import succession as wf

NOTE = "Memenuhi syarat, kotak 9, SKP Sangat Baik 3 tahun."


def test_the_happy_path_and_who_takes_each_step():
    e1 = wf.decide("kandidat", "nominasikan", "bkd-1", "bkpsdm", NOTE)
    e2 = wf.decide(e1.target, "verifikasi", "komite-1", "komite", NOTE)
    e3 = wf.decide(e2.target, "tetapkan", "bupati", "pimpinan", NOTE)
    assert [e.target for e in (e1, e2, e3)] == ["dinominasikan", "diverifikasi", "ditetapkan"]


@pytest.mark.parametrize(
    ("state", "action", "role"),
    [
        ("kandidat", "nominasikan", "komite"), ("kandidat", "nominasikan", "pimpinan"), ("kandidat", "nominasikan", "opd"),
        ("dinominasikan", "verifikasi", "bkpsdm"), ("diverifikasi", "tetapkan", "bkpsdm"), ("diverifikasi", "tetapkan", "komite"),
        ("dinominasikan", "tolak", "bkpsdm"), ("kandidat", "tarik", "komite"), ("kandidat", "nominasikan", "asn"),
    ],
)  # fmt: skip
def test_a_step_by_the_wrong_role_is_forbidden(state, action, role):
    with pytest.raises(wf.WorkflowError) as err:
        wf.decide(state, action, "someone", role, NOTE)
    assert err.value.forbidden


@pytest.mark.parametrize(
    ("state", "action", "role"),
    [
        ("kandidat", "verifikasi", "komite"), ("kandidat", "tetapkan", "pimpinan"), ("dinominasikan", "tetapkan", "pimpinan"),
        ("ditetapkan", "tolak", "pimpinan"), ("ditolak", "nominasikan", "bkpsdm"), ("ditarik", "nominasikan", "bkpsdm"),
        ("ditetapkan", "tarik", "bkpsdm"), ("kandidat", "tolak", "komite"),
    ],
)  # fmt: skip
def test_a_step_from_the_wrong_state_is_refused(state, action, role):
    with pytest.raises(wf.WorkflowError) as err:
        wf.decide(state, action, "someone", role, NOTE)
    assert not err.value.forbidden


def test_every_step_needs_a_note():
    for note in (None, "", "   ", "ok"):
        with pytest.raises(wf.WorkflowError):
            wf.decide("kandidat", "nominasikan", "bkd-1", "bkpsdm", note)


def test_rejection_and_withdrawal_are_final():
    assert wf.decide("diverifikasi", "tolak", "bupati", "pimpinan", NOTE).target == "ditolak"
    assert wf.decide("dinominasikan", "tolak", "komite-1", "komite", NOTE).target == "ditolak"
    assert wf.decide("diverifikasi", "tarik", "bkd-1", "bkpsdm", NOTE).target == "ditarik"
    assert {"ditetapkan", "ditolak", "ditarik"} == set(wf.FINAL)


def _ids(*events: wf.Event) -> list[wf.Event]:
    return [wf.Event(e.action, e.source, e.target, e.actor, e.role, e.note, e.undoes, i + 1) for i, e in enumerate(events)]


def test_undo_takes_back_the_latest_step_and_never_reads_as_a_rejection():
    history = _ids(wf.decide("kandidat", "nominasikan", "bkd-1", "bkpsdm", NOTE),
                   wf.decide("dinominasikan", "verifikasi", "komite-1", "komite", NOTE))  # fmt: skip
    back = wf.undo(history, "komite-1", "komite", "Salah pilih calon, dibatalkan.")
    assert (back.action, back.source, back.target, back.undoes) == ("batalkan", "diverifikasi", "dinominasikan", 2)
    history = [*history, wf.Event(**{**back.__dict__, "id": 3})]
    assert wf.current_state(history) == "dinominasikan"
    again = wf.undo(history, "bkd-2", "bkpsdm", "BKPSDM membatalkan nominasi.")  # BKPSDM may undo anyone's step
    assert (again.source, again.target, again.undoes) == ("dinominasikan", "kandidat", 1)
    history = [*history, wf.Event(**{**again.__dict__, "id": 4})]
    with pytest.raises(wf.WorkflowError):
        wf.undo(history, "bkd-2", "bkpsdm", "Tidak ada lagi yang dibatalkan.")


def test_only_the_actor_or_bkpsdm_may_undo():
    history = _ids(wf.decide("kandidat", "nominasikan", "bkd-1", "bkpsdm", NOTE),
                   wf.decide("dinominasikan", "verifikasi", "komite-1", "komite", NOTE),
                   wf.decide("diverifikasi", "tetapkan", "bupati", "pimpinan", NOTE))  # fmt: skip
    with pytest.raises(wf.WorkflowError) as err:
        wf.undo(history, "komite-1", "komite", "Komite ingin membatalkan penetapan.")
    assert err.value.forbidden
    assert wf.undo(history, "bupati", "pimpinan", "PPK meninjau ulang keputusan.").target == "diverifikasi"
    with pytest.raises(wf.WorkflowError):
        wf.undo(history, "bupati", "pimpinan", "ok")  # a note is required for an undo too
