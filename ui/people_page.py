"""BKPSDM workbench: "Cari pegawai", a search table of people.

A free-text question is parsed by the deterministic parser (``assistant.services.plans.understand``);
the filter widgets then replace or add parts of the plan, and the plan runs through
``TalentService.run_plan`` (the caller's visibility applied in SQL, one audit entry per run). The
result is kept in ``st.session_state`` with the inputs that made it, so a rerun that changes nothing
(a row selection, a button) neither queries nor audits again.

Other pages read what this one leaves in ``st.session_state``: ``selected_nips`` (the rows ticked),
``profile_nip`` ("Buka profil") and ``compare_nips`` ("Bandingkan", 2-4 people).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from assistant.domain.golongan import PNS_ORDER
from assistant.domain.identity import Caller, unit_key
from assistant.domain.models import JenisJabatan
from assistant.domain.plan import Filters, QueryPlan, Sort
from assistant.services import plans
from assistant.services.audit import AuditLog
from assistant.services.errors import ServiceError
from assistant.services.schemas import CandidateOut, SearchResult
from ui.components import escape_md
from ui.export import XLSX_MIME, people_xlsx

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
MAX_ROWS = 1000  # the most people one query fetches; beyond it the question must be narrowed
COMPARE_MIN, COMPARE_MAX = 2, 4

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Cari pegawai",
        "question": "Pertanyaan atau filter",
        "question_placeholder": "mis. ASN kotak 7-9 di Bappeda golongan III/c ke atas",
        "question_help": "Ditulis bebas; filter di bawah menggantikan bagian pertanyaan yang sejenis.",
        "unit": "Unit kerja",
        "all_units": "Semua unit",
        "kotak": "Kotak talenta",
        "golongan_min": "Golongan minimum",
        "any_golongan": "Semua golongan",
        "jenis_jabatan": "Jenis jabatan",
        "sort": "Urutkan",
        "sort_default": "Sesuai pertanyaan (merit)",
        "sort_merit": "Merit",
        "sort_jpm": "JPM",
        "sort_years_in_post": "Lama menjabat",
        "sort_retirement": "Pensiun terdekat",
        "sort_name": "Nama",
        "everyone": "Saya memahami: semua ASN yang dapat Anda lihat.",
        "total": "**{n}** ASN cocok",
        "none": "Tidak ada ASN yang cocok.",
        "page": "Halaman",
        "page_caption": "Baris {first}–{last} dari {shown}.",
        "over_limit": "Hanya {limit} ASN pertama yang dapat ditampilkan; persempit pertanyaan atau filter "
        "untuk melihat sisanya.",
        "selected": "{n} dipilih",
        "open_profile": "Buka profil",
        "compare": "Bandingkan",
        "need_one": "Pilih satu baris untuk membuka profil.",
        "need_compare": "Pilih 2 sampai 4 ASN untuk dibandingkan (terpilih: {n}).",
        "export": "Unduh XLSX",
        "export_help": "Baris di halaman ini; unduhan dicatat di log audit.",
        "failed": "Pencarian tidak dapat dijalankan: {detail}",
        "col_nip": "NIP",
        "col_name": "Nama",
        "col_post": "Jabatan",
        "col_unit": "Unit kerja",
        "col_golongan": "Golongan",
        "col_jenis": "Jenis jabatan",
        "col_kotak": "Kotak",
        "col_merit": "Merit",
        "jenis_jpt": "JPT",
        "jenis_administrator": "Administrator",
        "jenis_pengawas": "Pengawas",
        "jenis_fungsional": "Fungsional",
        "jenis_pelaksana": "Pelaksana",
    },
    "en": {
        "title": "Find people",
        "question": "Question or filter",
        "question_placeholder": "e.g. staff in 9-box cells 7-9 at Bappeda, golongan III/c and above",
        "question_help": "Free text; the filters below replace the same kind of part of the question.",
        "unit": "Unit",
        "all_units": "All units",
        "kotak": "9-box cell",
        "golongan_min": "Lowest golongan",
        "any_golongan": "Any golongan",
        "jenis_jabatan": "Post type",
        "sort": "Sort by",
        "sort_default": "As asked (merit)",
        "sort_merit": "Merit",
        "sort_jpm": "JPM",
        "sort_years_in_post": "Years in post",
        "sort_retirement": "Retirement (soonest)",
        "sort_name": "Name",
        "everyone": "I understood: everyone you may see.",
        "total": "**{n}** people match",
        "none": "No one matches.",
        "page": "Page",
        "page_caption": "Rows {first}–{last} of {shown}.",
        "over_limit": "Only the first {limit} people can be shown; narrow the question or the filters to see "
        "the rest.",
        "selected": "{n} selected",
        "open_profile": "Open profile",
        "compare": "Compare",
        "need_one": "Select one row to open a profile.",
        "need_compare": "Select 2 to 4 people to compare ({n} selected).",
        "export": "Download XLSX",
        "export_help": "The rows on this page; the download is recorded in the audit log.",
        "failed": "The search could not be run: {detail}",
        "col_nip": "NIP",
        "col_name": "Name",
        "col_post": "Post",
        "col_unit": "Unit",
        "col_golongan": "Golongan",
        "col_jenis": "Post type",
        "col_kotak": "9-box",
        "col_merit": "Merit",
        "jenis_jpt": "JPT",
        "jenis_administrator": "Administrator",
        "jenis_pengawas": "Pengawas",
        "jenis_fungsional": "Functional",
        "jenis_pelaksana": "Executor",
    },
}

# The sort widget's choices: "" keeps the question's own order (merit when it names none).
SORTS: dict[str, Sort | None] = {
    "": None,
    "merit": Sort(key="merit", descending=True),
    "jpm": Sort(key="jpm", descending=True),
    "years_in_post": Sort(key="years_in_post", descending=True),  # longest in post first
    "retirement": Sort(key="retirement", descending=False),  # soonest first
    "name": Sort(key="name", descending=False),
}
COLUMNS = (
    "col_nip",
    "col_name",
    "col_post",
    "col_unit",
    "col_golongan",
    "col_jenis",
    "col_kotak",
    "col_merit",
)
# A question made only of these words asks for everyone (no field to rank by).
_EVERYONE_WORDS = frozenset(
    "asn pns pppk pegawai karyawan semua seluruh daftar tampilkan tunjukkan lihat siapa saja yang "
    "all every everyone list show staff employees people civil servants who".split()
)
_STATE = "people_page"  # the cached inputs and result
_NOTICE = "people_page_notice"
_PAGE = "people_page_no"


def label(key: str, lang: str, **values: Any) -> str:
    text = LABELS["en" if lang == "en" else "id"][key]
    return text.format(**values) if values else text


def column_labels(lang: str) -> list[str]:
    return [label(c, lang) for c in COLUMNS]


@dataclass(frozen=True)
class Inputs:
    """Everything the query depends on (the page number only sets how many rows to fetch)."""

    caller: Caller
    lang: str
    text: str
    unit: str
    kotak: tuple[int, ...]
    golongan_min: str
    jenis: tuple[str, ...]
    sort: str

    def token(self) -> str:
        return hashlib.sha256(repr(self).encode()).hexdigest()[:12]


@dataclass
class Planned:
    """The plan to run, or why there is none (``status`` 'declined' / 'not_understood' and a message)."""

    plan: QueryPlan | None
    status: str = "ok"
    message: str | None = None


def build_plan(container: Any, inputs: Inputs, today: dt.date) -> Planned:
    """The question parsed, then the widgets' filters on top. No query is run here."""
    service = container.service
    text = inputs.text
    plan = QueryPlan()
    if text:
        digits = re.sub(r"[\s'.-]", "", text)
        if re.fullmatch(r"\d{18}", digits):
            plan = QueryPlan(filters=Filters(nips=[digits]))
        else:
            parsed = plans.understand(service, text, inputs.lang, today)
            if parsed.status == "declined":
                return Planned(None, "declined", parsed.declined_reason)
            plan = parsed.plan.model_copy(deep=True)
            if plan.lookup is not None and plan.lookup.nip:  # "NIP 1980...": that person
                plan = QueryPlan(filters=Filters(nips=[plan.lookup.nip]))
            elif parsed.status == "not_understood" or not (plan.structured() or plan.relevance):
                named = plans.lookup_by_name(service, inputs.caller, text)
                if named:  # a name: those people
                    plan = QueryPlan(filters=Filters(nips=named))
                elif parsed.status == "not_understood":
                    return Planned(
                        None, "not_understood", plans.not_understood_message(inputs.lang, parsed.unused)
                    )
                elif not _asks_for_everyone(text):
                    plan.relevance = text  # a field ("cocok untuk bidang perikanan"): the hybrid search ranks
            plan.lookup = None
            plan.aggregate = None  # this page lists people; counts and groups belong to the chat
    filters = plan.filters
    if inputs.unit:
        filters.units = [inputs.unit]
    if inputs.kotak:
        filters.kotak = sorted(set(inputs.kotak))
    if inputs.golongan_min:
        filters.golongan_min = inputs.golongan_min
    if inputs.jenis:
        filters.jenis_jabatan = [JenisJabatan(j) for j in inputs.jenis]
    if inputs.sort:
        plan.sort = SORTS[inputs.sort]
    return Planned(QueryPlan.model_validate(plan.model_dump()))


def _asks_for_everyone(text: str) -> bool:
    words = re.findall(r"\w+", text.casefold())
    return all(w in _EVERYONE_WORDS for w in words)


def table_rows(candidates: list[CandidateOut], lang: str) -> list[dict[str, object]]:
    """One row per person, keyed by the column labels in ``lang`` (the table and the export)."""
    names = column_labels(lang)
    rows: list[dict[str, object]] = []
    for c in candidates:
        values = (c.nip, c.nama_lengkap, c.jabatan, c.unit_kerja, c.golongan,
                  _jenis_label(c.jenis_jabatan, lang), c.kotak_talenta, round(c.merit, 3))  # fmt: skip
        rows.append(dict(zip(names, values, strict=True)))
    return rows


def _jenis_label(value: str | None, lang: str) -> str | None:
    if not value:
        return None
    key = f"jenis_{value}"
    return label(key, lang) if key in LABELS["id"] else value


def _frame(rows: list[dict[str, object]], lang: str) -> pd.DataFrame:
    names = column_labels(lang)
    frame = pd.DataFrame(rows, columns=names)
    frame[names[0]] = frame[names[0]].astype("string")  # NIP as text, all 18 digits
    frame[names[6]] = pd.array([r[names[6]] for r in rows], dtype="Int64")  # a missing cell stays empty
    return frame


def _unit_options(container: Any, caller: Caller) -> list[str]:
    names = [name for _, name in container.people.units()]
    if caller.role == "opd":  # an OPD head sees one unit: offer no other
        return [n for n in names if unit_key(n) == unit_key(caller.unit_kerja)]
    return names


def _inputs(container: Any, caller: Caller, lang: str) -> Inputs:
    text = st.text_input(
        label("question", lang),
        key="people_question",
        placeholder=label("question_placeholder", lang),
        help=label("question_help", lang),
    )
    units = ["", *_unit_options(container, caller)]
    golongan = ["", *PNS_ORDER]
    jenis = [j.value for j in JenisJabatan]
    first, second = st.columns(2), st.columns(3)
    with first[0]:
        unit = st.selectbox(label("unit", lang), units, key="people_unit",
                            format_func=lambda u: u or label("all_units", lang))  # fmt: skip
    with first[1]:
        kotak = st.multiselect(label("kotak", lang), list(range(1, 10)), key="people_kotak")
    with second[0]:
        gol = st.selectbox(label("golongan_min", lang), golongan, key="people_golongan_min",
                           format_func=lambda g: g or label("any_golongan", lang))  # fmt: skip
    with second[1]:
        chosen = st.multiselect(label("jenis_jabatan", lang), jenis, key="people_jenis",
                                format_func=lambda j: _jenis_label(j, lang) or j)  # fmt: skip
    with second[2]:
        sort = st.selectbox(label("sort", lang), list(SORTS), key="people_sort",
                            format_func=lambda s: label(f"sort_{s}" if s else "sort_default", lang))  # fmt: skip
    return Inputs(
        caller=caller, lang=lang, text=" ".join((text or "").split()), unit=unit or "",
        kotak=tuple(sorted(int(k) for k in kotak)), golongan_min=gol or "", jenis=tuple(str(j) for j in chosen),
        sort=sort or "",
    )  # fmt: skip


def _search(container: Any, inputs: Inputs, fetch: int) -> dict[str, Any]:
    """The cached search for these inputs, run (and audited) only when the inputs change or more rows
    are needed than were fetched."""
    cached = st.session_state.get(_STATE)
    if cached is not None and cached["inputs"] == inputs:
        result = cached["result"]
        enough = (
            result is None
            or cached["fetched"] >= fetch
            or len(result.candidates) >= (result.total_matching or 0)
        )
        if enough:
            return dict(cached)
    elif cached is not None:
        st.session_state[_PAGE] = 1  # new inputs: back to the first page
        st.session_state["selected_nips"] = []
        fetch = PAGE_SIZE
    entry: dict[str, Any] = {
        "inputs": inputs,
        "fetched": fetch,
        "result": None,
        "status": "ok",
        "message": None,
    }
    try:
        planned = build_plan(container, inputs, dt.date.today())
        entry["status"], entry["message"] = planned.status, planned.message
        if planned.plan is None:  # declined or not understood: recorded, nothing shown
            container.audit.record(inputs.caller, "query", inputs.text, [], status=planned.status)
        else:
            entry["result"] = container.service.run_plan(
                inputs.caller, planned.plan, limit=fetch, language=inputs.lang
            )
    except ServiceError as exc:
        entry["status"], entry["message"] = (
            "error",
            label("failed", inputs.lang, detail=exc.message(inputs.lang)),
        )
    except Exception as exc:
        logger.exception("people search failed")
        entry["status"], entry["message"] = "error", label("failed", inputs.lang, detail=type(exc).__name__)
    st.session_state[_STATE] = entry
    return dict(entry)


def _open_profile(lang: str) -> None:
    selected = list(st.session_state.get("selected_nips") or [])
    if not selected:
        st.session_state[_NOTICE] = label("need_one", lang)
        return
    st.session_state["profile_nip"] = selected[0]


def _compare(lang: str) -> None:
    selected = list(st.session_state.get("selected_nips") or [])
    if not COMPARE_MIN <= len(selected) <= COMPARE_MAX:
        st.session_state[_NOTICE] = label("need_compare", lang, n=len(selected))
        return
    st.session_state["compare_nips"] = selected


def _record_export(audit: AuditLog, caller: Caller, understood: str, nips: list[str]) -> None:
    audit.record(caller, "export", understood, nips, rows=len(nips))


def _page_count(shown: int) -> int:
    return max(1, math.ceil(shown / PAGE_SIZE))


def people_page(container: Any, caller: Caller, lang: str) -> None:
    """Render the "Cari pegawai" page for ``caller`` in ``lang`` ('id' or 'en')."""
    lang = "en" if lang == "en" else "id"
    st.subheader(label("title", lang))
    inputs = _inputs(container, caller, lang)
    page = max(1, min(int(st.session_state.get(_PAGE) or 1), MAX_ROWS // PAGE_SIZE))
    found = _search(container, inputs, min(MAX_ROWS, page * PAGE_SIZE))
    if found["status"] in ("declined", "not_understood"):
        st.warning(found["message"] or "")
        return
    if found["status"] == "error" or found["result"] is None:
        st.error(found["message"] or label("failed", lang, detail="-"))
        return
    result: SearchResult = found["result"]
    understood = result.understood_text or label("everyone", lang)
    st.markdown(escape_md(understood))
    total = result.total_matching if result.total_matching is not None else len(result.candidates)
    if result.weak_match and result.candidates:
        # no record clearly holds the field: the rows are only the closest in meaning, and nobody 'matches'
        from assistant.chains.template import weak_sentence

        st.warning(weak_sentence(result))
        total = len(result.candidates)
    else:
        st.markdown(label("total", lang, n=f"{total:,}".replace(",", "." if lang == "id" else ",")))
    if not result.candidates:
        st.info(label("none", lang))
        return

    shown = min(total, MAX_ROWS)
    pages = _page_count(shown)
    page = min(int(st.session_state.get(_PAGE) or 1), pages)
    st.session_state[_PAGE] = page  # set before the widget is made: a clamped or reset page number
    start = (page - 1) * PAGE_SIZE
    rows = table_rows(result.candidates[start : start + PAGE_SIZE], lang)
    frame = _frame(rows, lang)
    nip_column = column_labels(lang)[0]
    table_key = f"people_table_{inputs.token()}_{page}"  # new rows, new selection
    st.dataframe(
        frame,
        hide_index=True,
        on_select="rerun",
        selection_mode="multi-row",
        key=table_key,
        column_config={nip_column: st.column_config.TextColumn(nip_column)},
    )
    state = st.session_state.get(table_key)
    picked = [int(i) for i in state["selection"]["rows"]] if state is not None else []
    selected = [str(frame.iloc[i][nip_column]) for i in picked if 0 <= i < len(frame)]
    st.session_state["selected_nips"] = selected

    if pages > 1:
        st.number_input(label("page", lang), min_value=1, max_value=pages, step=1, key=_PAGE)
    st.caption(label("page_caption", lang, first=start + 1, last=start + len(rows), shown=shown))
    if total > MAX_ROWS:
        st.caption(label("over_limit", lang, limit=MAX_ROWS))

    notice = st.session_state.pop(_NOTICE, None)
    if notice:
        st.warning(notice)
    actions = st.columns(4)
    with actions[0]:
        st.button(
            label("open_profile", lang), key="people_open_profile", on_click=_open_profile, args=(lang,)
        )
    with actions[1]:
        st.button(label("compare", lang), key="people_compare", on_click=_compare, args=(lang,))
    with actions[2]:
        st.download_button(
            label("export", lang),
            data=_xlsx(inputs, page, rows, lang),
            file_name=f"talenta-pegawai-{page}.xlsx",
            mime=XLSX_MIME,
            key="people_export",
            help=label("export_help", lang),
            on_click=_record_export,
            args=(container.audit, caller, understood, [str(r[nip_column]) for r in rows]),
        )
    with actions[3]:
        if selected:
            st.caption(label("selected", lang, n=len(selected)))


def _xlsx(inputs: Inputs, page: int, rows: list[dict[str, object]], lang: str) -> bytes:
    """The page's XLSX, built once per page of a result (not on every rerun)."""
    key = (inputs, page, len(rows))
    cached = st.session_state.get("people_page_xlsx")
    if cached is not None and cached[0] == key:
        return bytes(cached[1])
    data = people_xlsx(rows, column_labels(lang))
    st.session_state["people_page_xlsx"] = (key, data)
    return data
