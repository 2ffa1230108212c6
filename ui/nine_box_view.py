"""Workbench pieces about the 9-box and readiness for a post: a person's 9-box history and SKP trend,
their eligibility for a post (or the next level) with what they still lack, and the komite's
calibration form. Every read goes through the service layer and is audited once per session and
choice, not per Streamlit rerun."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from assistant.container import Container
from assistant.domain.identity import Caller
from assistant.domain.models import Predikat
from assistant.services.errors import ServiceError

_T: dict[str, dict[str, str]] = {
    "id": {
        "history": "Kotak talenta per tahun",
        "history_none": "Belum ada SKP untuk memetakan kotak per tahun.",
        "year": "Tahun", "cell": "Kotak", "kinerja": "Kinerja", "potensi": "Potensi", "source": "Sumber",
        "meaning": "Arti",
        "calibrations": "Kalibrasi komite",
        "cal_cols": "Tahun|Dari|Ke|Alasan|Diputuskan oleh|Tanggal",
        "skp_chart": "Tren SKP (5 = Sangat Baik, 1 = Sangat Kurang)",
        "skp_score": "Nilai SKP",
        "elig_title": "Kelayakan untuk jabatan",
        "elig_post": "Jabatan atau jenjang (kosong: satu jenjang di atas jabatan sekarang)",
        "elig_status": "Status: **{status}** — {summary}",
        "elig_rules": "Syarat", "rule_status": "Status", "rule_detail": "Rincian", "rule_source": "Dasar",
        "gaps": "Yang masih kurang",
        "no_gaps": "Tidak ada kekurangan yang tercatat.",
        "cal_title": "Kalibrasi kotak (komite talenta)",
        "cal_new": "Kotak baru", "cal_reason": "Alasan (wajib)", "cal_session": "Sidang komite",
        "cal_no_session": "(tanpa sidang)", "cal_save": "Simpan kalibrasi", "cal_done": "Kalibrasi tersimpan.",
        "session_new": "Buka sidang komite", "session_title": "Judul sidang", "session_date": "Tanggal",
        "session_members": "Anggota yang hadir", "session_save": "Buat sidang",
        "indicators": "Nilai indikator (asesmen kompetensi dan potensi)",
        "date": "Tanggal", "potential_score": "Skor potensi",
        "map_year": "Tahun pemetaan",
        "map_now": "Sekarang (kotak tiap ASN saat ini)",
        "ppk": "Keputusan tetap pada PPK.",
    },
    "en": {
        "history": "9-box cell per year",
        "history_none": "No SKP yet to place a cell per year.",
        "year": "Year", "cell": "Cell", "kinerja": "Performance", "potensi": "Potential", "source": "Source",
        "meaning": "Meaning",
        "calibrations": "Komite calibrations",
        "cal_cols": "Year|From|To|Reason|Decided by|Date",
        "skp_chart": "SKP trend (5 = Sangat Baik, 1 = Sangat Kurang)",
        "skp_score": "SKP score",
        "elig_title": "Eligibility for a post",
        "elig_post": "Post or level (empty: one level above the current post)",
        "elig_status": "Status: **{status}** — {summary}",
        "elig_rules": "Rules", "rule_status": "Status", "rule_detail": "Detail", "rule_source": "Source",
        "gaps": "Still lacking",
        "no_gaps": "Nothing recorded as lacking.",
        "cal_title": "Calibrate the cell (talent committee)",
        "cal_new": "New cell", "cal_reason": "Reason (required)", "cal_session": "Komite session",
        "cal_no_session": "(no session)", "cal_save": "Save calibration", "cal_done": "Calibration saved.",
        "session_new": "Open a komite session", "session_title": "Session title", "session_date": "Date",
        "session_members": "Members present", "session_save": "Create session",
        "indicators": "Indicator scores (competency and potential assessments)",
        "date": "Date", "potential_score": "Potential score",
        "map_year": "Mapping year",
        "map_now": "Now (each person's current cell)",
        "ppk": "The decision stays with the PPK.",
    },
}
_SKP_SCORE = {Predikat.SANGAT_BAIK: 5, Predikat.BAIK: 4, Predikat.BUTUH_PERBAIKAN: 3, Predikat.KURANG: 2,
              Predikat.SANGAT_KURANG: 1}  # fmt: skip


def t(key: str, lang: str) -> str:
    return _T["en" if lang == "en" else "id"][key]


def _call(fn: Any, lang: str) -> Any:
    try:
        return fn()
    except ServiceError as exc:
        st.error(exc.message(lang))
        return None


def _once(name: str, key: Any, load: Any) -> Any:
    """One audited read per session and key (a rerun shows the kept result); a refusal is not kept."""
    kept = st.session_state.setdefault(name, {})
    if key not in kept:
        kept[key] = load()
    if kept[key] is None:
        return kept.pop(key)
    return kept[key]


def forget(*names: str) -> None:
    for name in names:
        st.session_state.pop(name, None)


def skp_trend(skp: list[Any], lang: str) -> None:
    """The SKP predicate per year as a line (5 = Sangat Baik ... 1 = Sangat Kurang)."""
    points = [{t("year", lang): str(s.tahun), t("skp_score", lang): _SKP_SCORE[s.predikat]}
              for s in sorted(skp, key=lambda s: s.tahun) if s.predikat is not None]  # fmt: skip
    if len(points) >= 2:
        st.caption(t("skp_chart", lang))
        st.line_chart(pd.DataFrame(points), x=t("year", lang), y=t("skp_score", lang), height=180)


def indicators(profile: Any, lang: str) -> None:
    """The indicator scores behind the cell: each assessment (potential category and score, JPM) by date."""
    if not profile.asesmen:
        return
    st.markdown(f"**{t('indicators', lang)}**")
    st.dataframe(pd.DataFrame([{
        t("date", lang): a.tanggal.isoformat() if a.tanggal else "-", t("potensi", lang): a.kategori_potensi.value
        if a.kategori_potensi else "-", t("potential_score", lang): a.skor_potensi, "JPM": a.jpm,
    } for a in sorted(profile.asesmen, key=lambda a: a.tanggal or dt.date.min)]), hide_index=True)  # fmt: skip


def history(container: Container, caller: Caller, nip: str, lang: str) -> None:
    """The person's cell per SKP year and every calibration of it."""
    found = _once("nine_box_history", (nip, lang), lambda: _call(lambda: container.calibration.history(caller, nip, lang), lang))
    if found is None:
        return
    st.markdown(f"**{t('history', lang)}**")
    if not found.years:
        st.caption(t("history_none", lang))
    else:
        st.dataframe(pd.DataFrame([{
            t("year", lang): str(y.tahun), t("cell", lang): y.cell, t("kinerja", lang): y.kinerja or "-",
            t("potensi", lang): y.potensi or "-", t("source", lang): y.source, t("meaning", lang): y.meaning or "-",
        } for y in found.years]), hide_index=True)  # fmt: skip
    if found.calibrations:
        cols = t("cal_cols", lang).split("|")
        st.markdown(f"**{t('calibrations', lang)}**")
        st.dataframe(pd.DataFrame([dict(zip(cols, (c.tahun, c.old_cell, c.new_cell, c.reason, c.decided_by,
                                                   c.at.strftime("%Y-%m-%d")), strict=True))
                                   for c in found.calibrations]), hide_index=True)  # fmt: skip


def eligibility(container: Container, caller: Caller, nip: str, lang: str, key: str) -> None:
    """Eligibility for a post typed in (or the next level up), every rule and what is still lacking."""
    st.markdown(f"**{t('elig_title', lang)}**")
    post = st.text_input(t("elig_post", lang), key=f"{key}_post", placeholder="Kepala Bidang Budidaya").strip()
    found = _once("eligibility_views", (nip, post, lang),
                  lambda: _call(lambda: container.service.eligibility_of(caller, nip, post or None, lang), lang))  # fmt: skip
    if found is None:
        return
    st.markdown(f"{found.post_label}: " + t("elig_status", lang).format(status=found.status, summary=found.summary))
    st.dataframe(pd.DataFrame([{
        t("elig_rules", lang): r.id, t("rule_status", lang): r.status, t("rule_detail", lang): r.detail,
        t("rule_source", lang): r.source or "-",
    } for r in found.rules]), hide_index=True)  # fmt: skip
    st.markdown(f"**{t('gaps', lang)}**")
    if found.gaps:
        st.markdown("\n".join(f"- {g}" for g in found.gaps))
    else:
        st.caption(t("no_gaps", lang))
    st.caption(t("ppk", lang))


def calibration_form(container: Container, caller: Caller, nip: str, current: int | None, lang: str) -> None:
    """The komite moves a person's cell with a reason, optionally inside a session."""
    if caller.role != "komite":
        return
    cal = container.calibration
    with st.expander(t("cal_title", lang)):
        sessions = _call(lambda: cal.sessions(caller), lang) or []
        options = {0: t("cal_no_session", lang), **{s.id: f"{s.held_on} — {s.title}" for s in sessions}}
        with st.form(f"calibrate_{nip}"):
            cells = [c for c in range(9, 0, -1) if c != current]
            new = st.selectbox(t("cal_new", lang), cells, key=f"cal_new_{nip}")
            session = st.selectbox(t("cal_session", lang), list(options), format_func=options.__getitem__, key=f"cal_session_{nip}")
            reason = st.text_area(t("cal_reason", lang), key=f"cal_reason_{nip}")
            if st.form_submit_button(t("cal_save", lang)):
                done = _call(lambda: cal.calibrate(caller, nip, int(new), reason, session_id=int(session) or None), lang)
                if done is not None:
                    forget("nine_box_history", "viewed_profiles", "map_result", "own_profile")
                    st.session_state["profile_nip"] = nip
                    st.success(t("cal_done", lang))
        with st.form("komite_session_new"):
            st.markdown(f"**{t('session_new', lang)}**")
            title = st.text_input(t("session_title", lang), key="session_title")
            held_on = st.date_input(t("session_date", lang), key="session_date")
            members = st.text_input(t("session_members", lang), key="session_members")
            made = st.form_submit_button(t("session_save", lang)) and title.strip()
            if made and _call(lambda: cal.create_session(caller, title, held_on, members or None), lang) is not None:
                st.rerun()


def map_year(container: Container, lang: str) -> int | None:
    """The mapping year to show; None: each person's current cell."""
    years = container.calibration.years()
    choice = st.selectbox(t("map_year", lang), [0, *years], format_func=lambda y: str(y) if y else t("map_now", lang),
                          key="map_year")  # fmt: skip
    return int(choice) if choice else None
