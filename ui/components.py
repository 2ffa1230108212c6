"""Rendering helpers for the chat page: candidate cards with their factors and evidence.

Everything shown comes from the service's CandidateOut; nothing is ranked or scored here. A card is in one
language: its labels, and the labels the service wrote into the factors and evidence (said in ``lang``
by ``ui.i18n``); record text stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import streamlit as st

from assistant.services.schemas import CandidateOut, EvidenceOut
from ui.i18n import data_label, evidence_text, factor_name, t

if TYPE_CHECKING:
    import pandas as pd

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$])")
_CONTINUATION = re.compile(r"(?<!  )\n(?=[ ]{2,}\S)")


def escape_md(text: str) -> str:
    """Record text shown as Markdown: no emphasis, links, HTML or LaTeX from the data."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def answer_markdown(text: str) -> str:
    """The answer as written, with its indented continuation lines kept on their own line.

    The writer puts each candidate's facts on an indented line under the name; plain Markdown would
    join the two, so the line break is made a hard one.
    """
    return _CONTINUATION.sub("  \n", text)


def candidate_title(c: CandidateOut) -> str:
    """'1. Ir. Siti Rahmawati, M.Si. — Kepala Bidang Budidaya, Dinas Perikanan'."""
    post = ", ".join(part for part in (c.jabatan, c.unit_kerja) if part)
    return f"{c.rank}. {c.nama_lengkap}" + (f" — {post}" if post else "")


def summary_line(c: CandidateOut, lang: str) -> str:
    """NIP, golongan, 9-box cell and score on one Markdown line."""
    parts = [
        f"{t('nip', lang)} `{c.nip}`",
        f"{t('golongan', lang)} **{escape_md(c.golongan or '—')}**",
        f"{t('cell', lang)} **{c.kotak_talenta if c.kotak_talenta is not None else '—'}**",
        f"{t('score', lang)} **{c.score:.2f}** "
        f"({t('relevance', lang, value=c.relevance)}, {t('merit', lang, value=c.merit)})",
    ]
    return " · ".join(parts)


FACTOR_COLUMNS = ("col_factor", "col_value", "col_weight", "col_detail", "col_source")


def factor_rows(c: CandidateOut, lang: str) -> list[list[str]]:
    """The factors as table rows (factor, value, weight, detail, source), all in ``lang``."""
    return [
        [
            factor_name(f.name, lang),
            f"{f.value:.2f}",
            f"{f.weight:.2f}",
            data_label("factor_detail", f.detail, lang),
            data_label("factor_source", f.source, lang),
        ]
        for f in c.factors
    ]


def factor_table(c: CandidateOut, lang: str) -> pd.DataFrame:
    """The factor table: explicit columns named in ``lang``, text cells (``st.table`` reads each cell as
    Markdown, so record text in a detail is escaped)."""
    import pandas as pd

    rows = [[escape_md(cell) for cell in row] for row in factor_rows(c, lang)]
    return pd.DataFrame(rows, columns=[t(key, lang) for key in FACTOR_COLUMNS], dtype=str)


def evidence_line(ev: EvidenceOut, lang: str) -> str:
    """'**training** — Diklat Teknis Budidaya Ikan Air Tawar · 2019' (in English; the record's own text as it is).

    A post states its period in the text, so it gets its length instead ('· 10 yr'); other
    evidence gets its year when the text does not already say it.
    """
    text = evidence_text(ev.kind, ev.text, lang)
    line = f"**{escape_md(data_label('evidence_source', ev.source, lang))}** — {escape_md(text)}"
    if ev.years is not None:
        line += f" · {t('years_in_post', lang, n=round(ev.years))}"
    elif ev.year is not None and str(ev.year) not in text:
        line += f" · {ev.year}"
    return line


def render_candidate(c: CandidateOut, lang: str, expanded: bool = False) -> None:
    with st.expander(candidate_title(c), expanded=expanded):
        st.markdown(summary_line(c, lang))
        if c.factors:
            st.markdown(f"**{t('factors', lang)}**")
            st.table(factor_table(c, lang), hide_index=True)
        st.markdown(f"**{t('evidence', lang)}**")
        if c.evidence:
            st.markdown("\n".join(f"- {evidence_line(ev, lang)}" for ev in c.evidence))
        else:
            st.caption(t("no_evidence", lang))


def render_candidates(candidates: Sequence[CandidateOut], lang: str) -> None:
    """One card per candidate, the first one open."""
    if not candidates:
        return
    st.caption(t("candidates", lang, n=len(candidates)))
    for i, c in enumerate(candidates):
        render_candidate(c, lang, expanded=i == 0)


def render_groups(groups: list[Any] | None, lang: str) -> None:
    """Counts per group (a group-by question) as a table and a bar chart."""
    if not groups:
        return
    import pandas as pd

    label, count = ("group", "count") if lang == "en" else ("kelompok", "jumlah")
    frame = pd.DataFrame([{label: g.key, count: g.count} for g in groups])
    st.dataframe(frame, hide_index=True)
    st.bar_chart(frame, x=label, y=count, sort=False)
