"""Workbench pages beside the chat: the login, succession (pools, steps, inbox) and each ASN's own page.

Every page only calls the service layer, which re-checks the caller's role on every read and write;
what a page hides is a convenience, not the protection.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from assistant.container import Container
from assistant.domain import succession as wf
from assistant.domain.identity import Caller
from assistant.services.errors import ServiceError
from ui import nine_box_view

_T: dict[str, dict[str, str]] = {
    "id": {
        "login_title": "Masuk ke Talenta",
        "username": "Nama pengguna",
        "password": "Kata sandi",
        "login": "Masuk",
        "login_failed": "Nama pengguna atau kata sandi salah, atau akun dinonaktifkan / terkunci sementara.",
        "no_accounts": "Belum ada akun. Buat dengan `talenta users add NAMA --role bkpsdm` "
        "(atau `talenta users demo` untuk akun demo).",
        "logout": "Keluar",
        "succession_title": "Suksesi dan kelompok talenta",
        "vacancies": "Jabatan struktural yang akan lowong (batas usia pensiun)",
        "vacancy_years": "Dalam",
        "vacancy_none": "Tidak ada jabatan struktural yang lowong dalam rentang ini.",
        "vacancy_pool": "Buat kelompok untuk jabatan terpilih",
        "col_vacant": "Lowong pada", "col_rule": "Aturan", "col_holder": "Pemegang",
        "inbox": "Menunggu tindakan Anda",
        "inbox_empty": "Tidak ada yang menunggu tindakan Anda.",
        "pools": "Kelompok rencana suksesi",
        "no_pools": "Belum ada kelompok rencana suksesi yang dapat Anda lihat.",
        "new_pool": "Buat kelompok untuk jabatan target",
        "post_title": "Jabatan target",
        "unit": "Unit kerja",
        "level": "Jenjang jabatan target",
        "holder": "NIP pemegang jabatan saat ini (opsional)",
        "create": "Buat",
        "pick_pool": "Pilih kelompok",
        "members": "Calon",
        "no_members": "Belum ada calon dalam kelompok ini.",
        "suggest": "Usulan calon yang memenuhi syarat",
        "add": "Tambahkan calon terpilih",
        "step": "Ambil langkah",
        "member": "Calon",
        "action": "Tindakan",
        "note": "Catatan (wajib)",
        "save": "Simpan",
        "readiness": "Kesiapan (komite)",
        "done": "Tersimpan.",
        "history": "Riwayat keputusan",
        "brief": "Siapkan bahan rapat (XLSX, PDF)",
        "idp": "Rencana pengembangan (IDP)", "idp_kind": "Jenis", "idp_what": "Uraian", "idp_due": "Tenggat",
        "idp_add": "Tambahkan ke rencana",
        "mark": "Kesiapan dan suksesor utama", "mark_readiness": "Kesiapan",
        "mark_save_readiness": "Simpan kesiapan", "mark_save_main": "Jadikan suksesor utama",
        "idp_move": "Ubah status rencana", "idp_item": "Butir rencana", "idp_status": "Status baru",
        "idp_move_save": "Simpan status",
        "idp_direncanakan": "direncanakan", "idp_berjalan": "berjalan", "idp_selesai": "selesai",
        "brief_download": "Unduh bahan rapat (XLSX)",
        "brief_download_pdf": "Unduh bahan rapat (PDF, siap cetak)",
        "ppk": "Keputusan tetap pada PPK; Talenta menyusun bahan yang objektif.",
        "me_title": "Profil saya",
        "profile_title": "Profil pegawai",
        "map_title": "Peta talenta (9-box)",
        "map_unit": "Unit kerja",
        "map_all": "Semua unit yang dapat Anda lihat",
        "map_caption": "Baris: potensi (tinggi di atas); kolom: kinerja (di atas ekspektasi di kanan). {placed} ASN "
        "berkotak; {missing} belum (tanpa asesmen atau SKP).",
        "map_cell": "Kotak {cell}: {n} ({share:.0%})",
        "map_list": "ASN di kotak {cell}",
        "compare_title": "Bandingkan calon",
        "compare_nips": "NIP yang dibandingkan (2-4, dipisah koma)",
        "compare_post": "Jabatan target (opsional)",
        "compare_best": "✓ menandai nilai terbaik pada baris itu.",
        "profile_nip": "NIP",
        "records": "Rekam data (sumber dan tahun setiap butir)",
        "col_source": "Sumber", "col_item": "Butir", "col_score": "Nilai",
        "me_none": "Akun ini tidak terhubung ke NIP mana pun.",
        "cell": "Kotak talenta",
        "skp_trend": "Predikat SKP per tahun",
        "my_pools": "Kelompok talenta dan nominasi saya",
        "no_my_pools": "Anda belum masuk kelompok talenta mana pun.",
        "viewers": "Siapa yang melihat profil saya",
        "no_viewers": "Belum ada yang melihat profil Anda.",
        "col_state": "Status", "col_gap": "Selisih dari utama", "col_readiness": "Kesiapan", "col_main": "Utama", "col_waits": "Menunggu",
        "col_days": "Hari", "col_name": "Nama", "col_post": "Jabatan", "col_unit": "Unit kerja", "col_role": "Peran",
        "col_date": "Tanggal", "col_year": "Tahun", "col_pred": "Predikat", "col_pool": "Jabatan target",
    },  # fmt: skip
    "en": {
        "login_title": "Sign in to Talenta",
        "username": "Username",
        "password": "Password",
        "login": "Sign in",
        "login_failed": "Wrong username or password, or the account is disabled / temporarily locked.",
        "no_accounts": "No accounts yet. Create one with `talenta users add NAME --role bkpsdm` "
        "(or `talenta users demo` for demo accounts).",
        "logout": "Sign out",
        "succession_title": "Succession and talent pools",
        "vacancies": "Structural posts falling vacant (retirement age)",
        "vacancy_years": "Within",
        "vacancy_none": "No structural post falls vacant in this window.",
        "vacancy_pool": "Make a pool for the selected post",
        "col_vacant": "Vacant on", "col_rule": "Rule", "col_holder": "Holder",
        "inbox": "Waiting on you",
        "inbox_empty": "Nothing waits on you.",
        "pools": "Succession pools",
        "no_pools": "No succession pool you may see yet.",
        "new_pool": "New pool for a target post",
        "post_title": "Target post",
        "unit": "Unit",
        "level": "Target post level",
        "holder": "NIP of the current holder (optional)",
        "create": "Create",
        "pick_pool": "Pick a pool",
        "members": "Nominees",
        "no_members": "No nominees in this pool yet.",
        "suggest": "Eligible candidates suggested",
        "add": "Add the selected candidates",
        "step": "Take a step",
        "member": "Nominee",
        "action": "Action",
        "note": "Note (required)",
        "save": "Save",
        "readiness": "Readiness (committee)",
        "done": "Saved.",
        "history": "Decision history",
        "brief": "Prepare the meeting brief (XLSX, PDF)",
        "idp": "Development plan (IDP)", "idp_kind": "Kind", "idp_what": "What", "idp_due": "Due",
        "idp_add": "Add to the plan",
        "mark": "Readiness and main successor", "mark_readiness": "Readiness",
        "mark_save_readiness": "Save the readiness", "mark_save_main": "Make the main successor",
        "idp_move": "Change an item's status", "idp_item": "Plan item", "idp_status": "New status",
        "idp_move_save": "Save the status",
        "idp_direncanakan": "planned", "idp_berjalan": "running", "idp_selesai": "done",
        "brief_download": "Download the meeting brief (XLSX)",
        "brief_download_pdf": "Download the meeting brief (PDF, print-ready)",
        "ppk": "The decision stays with the PPK; Talenta prepares objective material.",
        "me_title": "My profile",
        "profile_title": "Employee profile",
        "map_title": "Talent map (9-box)",
        "map_unit": "Unit",
        "map_all": "Every unit you may see",
        "map_caption": "Rows: potential (high at the top); columns: performance (above expectation on the right). {placed} "
        "placed; {missing} not yet (no assessment or SKP).",
        "map_cell": "Cell {cell}: {n} ({share:.0%})",
        "map_list": "People in cell {cell}",
        "compare_title": "Compare candidates",
        "compare_nips": "NIPs to compare (2-4, comma-separated)",
        "compare_post": "Target post (optional)",
        "compare_best": "✓ marks the best value of the row.",
        "profile_nip": "NIP",
        "records": "Records (the source and year of every item)",
        "col_source": "Source", "col_item": "Item", "col_score": "Score",
        "me_none": "This account is not linked to a NIP.",
        "cell": "9-box cell",
        "skp_trend": "SKP rating per year",
        "my_pools": "My talent pools and nominations",
        "no_my_pools": "You are not in any talent pool yet.",
        "viewers": "Who viewed my profile",
        "no_viewers": "Nobody has viewed your profile yet.",
        "col_state": "State", "col_gap": "Gap to main", "col_readiness": "Readiness", "col_main": "Main", "col_waits": "Waits on",
        "col_days": "Days", "col_name": "Name", "col_post": "Post", "col_unit": "Unit", "col_role": "Role",
        "col_date": "Date", "col_year": "Year", "col_pred": "Rating", "col_pool": "Target post",
    },  # fmt: skip
}
_LEVELS = ("pengawas", "administrator", "jpt_pratama")
_ACTIONS_BY_ROLE: dict[str, tuple[wf.Action, ...]] = {
    "bkpsdm": ("nominasikan", "tarik", "batalkan"),
    "komite": ("verifikasi", "tolak", "batalkan"),
    "pimpinan": ("tetapkan", "tolak", "batalkan"),
}


def t(key: str, lang: str) -> str:
    return _T["en" if lang == "en" else "id"][key]


def _label(value: str | None, lang: str) -> str:
    if not value:
        return "-"
    return wf.LABEL_EN.get(value, value) if lang == "en" else value


# ---- login -----------------------------------------------------------------------------------------


def login(container: Container, lang: str) -> Caller | None:
    """The signed-in caller, or None after drawing the login form. With TALENTA_UI__AUTH=none the
    fixed identity of the settings (development only); with oidc the identity provider's login (ui/oidc.py)."""
    settings = container.settings.ui
    if settings.auth == "none":
        return Caller(user=settings.user, role=settings.role)
    if settings.auth == "oidc":
        from ui.oidc import login as oidc_login

        return oidc_login(container, lang)
    account = st.session_state.get("account")
    if account is not None:
        return Caller(**account)
    st.title(t("login_title", lang))
    if container.accounts.count() == 0:
        st.info(t("no_accounts", lang))
    with st.form("login"):
        username = st.text_input(t("username", lang), key="login_user")
        password = st.text_input(t("password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("login", lang))
    if submitted:
        found = container.accounts.login(username or "", password or "")
        if found is None:
            container.audit.record(Caller(user=f"?{(username or '')[:64]}", role="asn"), "login_failed")
            st.error(t("login_failed", lang))
            return None
        caller = found.caller()
        st.session_state["account"] = {"user": caller.user, "role": caller.role, "unit_kerja": caller.unit_kerja,
                                       "nip": caller.nip}  # fmt: skip
        container.audit.record(caller, "login")
        st.rerun()
    return None


def logout_button(lang: str) -> None:
    if st.session_state.get("account") is not None and st.sidebar.button(t("logout", lang), key="logout"):
        oidc = st.session_state.get("oidc_identity") is not None
        for key in ("account", "messages", "viewed", "people_page", "oidc_identity"):
            st.session_state.pop(key, None)
        if oidc:  # the identity cookie goes too, and the provider's session when it offers end-session
            st.logout()
            st.stop()
        st.rerun()


# ---- succession ----------------------------------------------------------------------------------------


def succession_page(container: Container, caller: Caller, lang: str) -> None:
    svc = container.succession
    st.title(t("succession_title", lang))
    st.caption(t("ppk", lang))
    waiting = _call(lambda: svc.inbox(caller), lang) or []
    st.subheader(t("inbox", lang))
    if waiting:
        st.dataframe(pd.DataFrame([{
            t("col_pool", lang): i.post_title, t("col_name", lang): i.member.nama, "NIP": i.member.nip,
            t("col_state", lang): _label(i.member.state, lang), t("col_days", lang): i.member.days_waiting,
        } for i in waiting]), hide_index=True)  # fmt: skip
    else:
        st.caption(t("inbox_empty", lang))

    with st.expander(t("vacancies", lang)):
        years = st.radio(t("vacancy_years", lang), (1, 3, 5), horizontal=True, key="vacancy_years",
                         format_func=lambda y: f"{y} {'tahun' if lang != 'en' else 'years'}")  # fmt: skip
        cache = st.session_state.setdefault("vacancies", {})
        if years not in cache:  # one audited read per window and session
            cache[years] = _call(lambda: svc.vacancies(caller, int(years)), lang) or []
        open_posts = cache[years]
        if open_posts:
            st.dataframe(pd.DataFrame([{
                t("col_post", lang): v.post_title, t("col_unit", lang): v.unit_kerja, t("col_holder", lang): v.holder,
                t("col_vacant", lang): v.vacant_on, t("col_rule", lang): v.rule, t("pools", lang): "✓" if v.pool_id else "",
            } for v in open_posts]), hide_index=True)  # fmt: skip
            if caller.role == "bkpsdm":
                choices = {i: f"{v.post_title} — {v.unit_kerja or '-'}" for i, v in enumerate(open_posts) if not v.pool_id}
                if choices:
                    pick = st.selectbox(t("post_title", lang), list(choices), format_func=choices.__getitem__, key="vacancy_pick")
                    if st.button(t("vacancy_pool", lang), key="vacancy_pool"):
                        v = open_posts[int(pick)]
                        level = {"jpt": "jpt_pratama"}.get(v.jenis_jabatan or "", v.jenis_jabatan)
                        if _call(lambda: svc.create_pool(caller, v.post_title, unit_kerja=v.unit_kerja, level=level,
                                                         critical=True, vacant_on=v.vacant_on, holder_nip=v.holder_nip), lang):  # fmt: skip
                            st.session_state.pop("vacancies", None)
                            st.rerun()
        else:
            st.caption(t("vacancy_none", lang))

    if caller.role == "bkpsdm":
        with st.expander(t("new_pool", lang)), st.form("new_pool"):
            title = st.text_input(t("post_title", lang), key="pool_title")
            units = [name for _, name in container.service.unit_names()]
            unit = st.selectbox(t("unit", lang), ["", *units], key="pool_unit")
            level = st.selectbox(t("level", lang), _LEVELS, index=1, key="pool_level")
            holder = st.text_input(t("holder", lang), key="pool_holder")
            if st.form_submit_button(t("create", lang)) and title.strip():
                _call(lambda: svc.create_pool(caller, title, unit_kerja=unit or None, level=level,
                                              holder_nip=holder.strip() or None), lang)  # fmt: skip

    pools = _call(lambda: svc.pools(caller), lang) or []
    st.subheader(t("pools", lang))
    if not pools:
        st.caption(t("no_pools", lang))
        return
    names = {p.id: f"{p.post_title} — {p.unit_kerja or '-'}" for p in pools}
    chosen = st.selectbox(t("pick_pool", lang), list(names), format_func=names.__getitem__, key="pool_pick")
    pool = _call(lambda: svc.pool(caller, int(chosen)), lang)
    if pool is None:
        return
    st.markdown(f"**{t('members', lang)}**")
    if pool.members:
        st.dataframe(pd.DataFrame([{
            "NIP": m.nip, t("col_name", lang): m.nama, t("col_post", lang): m.jabatan,
            t("col_state", lang): _label(m.state, lang), t("col_readiness", lang): _label(m.readiness, lang),
            t("col_main", lang): "✓" if m.main else "", "Merit": m.merit, t("col_gap", lang): m.gap_to_main,
            t("col_waits", lang): m.waits_on or "-",
            t("col_days", lang): m.days_waiting,
        } for m in pool.members]), hide_index=True)  # fmt: skip
    else:
        st.caption(t("no_members", lang))

    if caller.role in ("bkpsdm", "komite"):
        with st.expander(t("suggest", lang)):
            suggested = _call(lambda: svc.suggest(caller, pool.id, limit=10), lang) or []
            options = {c.nip: f"{c.nama_lengkap} — {c.jabatan or '-'} ({c.eligibility.status if c.eligibility else '-'})"
                       for c in suggested}  # fmt: skip
            picked = st.multiselect(t("suggest", lang), list(options), format_func=options.__getitem__, key="pool_suggest")
            if caller.role == "bkpsdm" and st.button(t("add", lang), key="pool_add") and picked:
                _call(lambda: svc.add_members(caller, pool.id, picked), lang)
                st.rerun()

    actions = _ACTIONS_BY_ROLE.get(caller.role, ())
    if actions and pool.members:
        st.markdown(f"**{t('step', lang)}**")
        members = {m.id: f"{m.nama or m.nip} ({m.nip})" for m in pool.members}  # the state is in the table above
        with st.form("step"):
            member_id = st.selectbox(t("member", lang), list(members), format_func=members.__getitem__, key="step_member")
            action = st.selectbox(t("action", lang), actions, format_func=lambda a: _label(a, lang), key="step_action")
            readiness = st.selectbox(t("readiness", lang), ["", *wf.READINESS], key="step_readiness",
                                     disabled=caller.role != "komite")  # fmt: skip
            note = st.text_area(t("note", lang), key="step_note")
            if st.form_submit_button(t("save", lang)):
                done = _call(lambda: svc.act(caller, int(member_id), action, note), lang)
                if done is not None and readiness and caller.role == "komite":
                    done = _call(lambda: svc.set_readiness(caller, int(member_id), readiness, note), lang)  # type: ignore[arg-type]
                if done is not None:
                    st.success(t("done", lang))
                    st.rerun()
    if caller.role == "komite" and pool.members:  # readiness or the main successor alone, without a step
        st.markdown(f"**{t('mark', lang)}**")
        marked = {m.id: m.nama or m.nip for m in pool.members}  # no state in the label: a kept choice shows its old label
        with st.form("mark"):
            mark_id = st.selectbox(t("member", lang), list(marked), format_func=marked.__getitem__, key="mark_member")  # fmt: skip
            mark_level = st.selectbox(t("mark_readiness", lang), wf.READINESS, format_func=lambda r: _label(r, lang),
                                      key="mark_readiness")  # fmt: skip
            mark_note = st.text_area(t("note", lang), key="mark_note")
            save_readiness = st.form_submit_button(t("mark_save_readiness", lang))
            save_main = st.form_submit_button(t("mark_save_main", lang))
            if save_readiness or save_main:
                marked_out = _call(lambda: svc.set_readiness(caller, int(mark_id), mark_level, mark_note) if save_readiness
                                   else svc.set_main(caller, int(mark_id), mark_note), lang)  # fmt: skip
                if marked_out is not None:
                    st.rerun()
    if pool.members:
        with st.expander(t("idp", lang)):
            people = {m.id: m.nama or m.nip for m in pool.members}
            who = st.selectbox(t("member", lang), list(people), format_func=people.__getitem__, key="idp_member")
            items = _call(lambda: svc.development(caller, int(who)), lang) or []
            if items:
                st.dataframe(pd.DataFrame([{t("idp_kind", lang): i.kind, t("idp_what", lang): i.description,
                                            t("col_state", lang): i.status, t("idp_due", lang): i.due,
                                            "!": "terlambat" if i.overdue and lang != "en" else ("overdue" if i.overdue else "")}
                                           for i in items]), hide_index=True)  # fmt: skip
            if caller.role in ("bkpsdm", "komite"):
                with st.form("idp_add"):
                    kind = st.selectbox(t("idp_kind", lang), wf.DEVELOPMENT_KINDS, key="idp_kind")
                    what = st.text_input(t("idp_what", lang), key="idp_what")
                    due = st.date_input(t("idp_due", lang), value=None, key="idp_due")
                    if st.form_submit_button(t("idp_add", lang)) and what.strip():
                        _call(lambda: svc.plan_development(caller, int(who), kind, what, due), lang)
                        st.rerun()
                if items:
                    entries = {i.id: f"{i.kind}: {i.description}" for i in items}  # the status is in the table above
                    with st.form("idp_move"):
                        st.markdown(f"**{t('idp_move', lang)}**")
                        item_id = st.selectbox(t("idp_item", lang), list(entries), format_func=entries.__getitem__,
                                               key="idp_move_item")  # fmt: skip
                        status = st.selectbox(t("idp_status", lang), wf.DEVELOPMENT_STATUS,
                                              format_func=lambda s: t("idp_" + s, lang), key="idp_move_status")  # fmt: skip
                        move_note = st.text_area(t("note", lang), key="idp_move_note")
                        if st.form_submit_button(t("idp_move_save", lang)) and _call(
                                lambda: svc.update_development(caller, int(item_id), status, move_note), lang) is not None:  # fmt: skip
                            st.rerun()
    if st.session_state.get("brief_for") != pool.id:
        st.session_state["brief_for"], st.session_state["brief"], st.session_state["brief_pdf"] = pool.id, None, None
    if st.button(t("brief", lang), key="brief_make"):  # built (and audited, once for both files) only when asked for
        from assistant.services.brief_pdf import brief_files

        files = _call(lambda: brief_files(svc, caller, pool.id, lang), lang)
        st.session_state["brief"], st.session_state["brief_pdf"] = files or (None, None)
    if st.session_state.get("brief"):
        from assistant.services.xlsx import XLSX_MIME

        st.download_button(t("brief_download", lang), st.session_state["brief"], file_name=f"bahan-rapat-{pool.id}.xlsx",
                           mime=XLSX_MIME, key="brief_download")  # fmt: skip
    if st.session_state.get("brief_pdf"):
        from assistant.services.brief_pdf import PDF_MIME

        st.download_button(t("brief_download_pdf", lang), st.session_state["brief_pdf"],
                           file_name=f"bahan-rapat-{pool.id}.pdf", mime=PDF_MIME, key="brief_download_pdf")  # fmt: skip
    with st.expander(t("history", lang)):
        rows = [{"NIP": m.nip, t("action", lang): _label(e.action, lang), t("col_state", lang): _label(e.target, lang),
                 t("col_role", lang): e.role, "oleh" if lang != "en" else "by": e.actor, t("note", lang): e.note,
                 t("col_date", lang): e.at.strftime("%Y-%m-%d %H:%M")} for m in pool.members for e in m.events]  # fmt: skip
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True)


# ---- each ASN's own page -----------------------------------------------------------------------------


def self_page(container: Container, caller: Caller, lang: str) -> None:
    st.title(t("me_title", lang))
    if not caller.nip:
        st.info(t("me_none", lang))
        return
    viewed = st.session_state.setdefault("viewed", set())
    profile = st.session_state.get("own_profile")
    if caller.nip not in viewed or profile is None:  # one view per session, not per rerun
        profile = _call(lambda: container.service.profile(caller, caller.nip or ""), lang)
        st.session_state["own_profile"] = profile
        viewed.add(caller.nip)
    if profile is None:
        return
    st.markdown(f"**{profile.nama_lengkap}** — {profile.jabatan or '-'}, {profile.unit_kerja or '-'} "
                f"({profile.golongan or '-'})")  # fmt: skip
    st.metric(t("cell", lang), profile.kotak_talenta or "-")
    nine_box_view.indicators(profile, lang)
    skp = [{t("col_year", lang): s.tahun, t("col_pred", lang): s.predikat.value if s.predikat else "-"}
           for s in sorted(profile.skp, key=lambda s: s.tahun)]  # fmt: skip
    st.markdown(f"**{t('skp_trend', lang)}**")
    if skp:
        st.dataframe(pd.DataFrame(skp), hide_index=True)
    nine_box_view.skp_trend(profile.skp, lang)
    nine_box_view.history(container, caller, caller.nip or "", lang)
    nine_box_view.eligibility(container, caller, caller.nip or "", lang, key="me_elig")
    st.markdown(f"**{t('my_pools', lang)}**")
    mine = _call(lambda: container.succession.memberships(caller, caller.nip or ""), lang) or []
    if mine:
        st.dataframe(pd.DataFrame([{t("col_pool", lang): p.post_title, t("col_state", lang): _label(m.state, lang),
                                    t("col_readiness", lang): _label(m.readiness, lang)} for p, m in mine]),
                     hide_index=True)  # fmt: skip
    else:
        st.caption(t("no_my_pools", lang))
    st.markdown(f"**{t('viewers', lang)}**")
    viewers = _call(lambda: container.service.profile_viewers(caller, caller.nip or ""), lang) or []
    if viewers:
        st.dataframe(pd.DataFrame([{t("col_role", lang): v["role"], t("col_unit", lang): v["unit"] or "-",
                                    t("col_date", lang): v["date"]} for v in viewers]), hide_index=True)  # fmt: skip
    else:
        st.caption(t("no_viewers", lang))


def map_page(container: Container, caller: Caller, lang: str) -> None:
    """The 9-box of a unit with counts and shares; a cell opens its list."""
    from assistant.domain.plan import Filters, QueryPlan
    from assistant.services.talent_map import talent_map

    st.title(t("map_title", lang))
    units = [name for _, name in container.service.unit_names()]
    if caller.role == "opd":
        units = [u for u in units if u == caller.unit_kerja]
    unit = st.selectbox(t("map_unit", lang), ["", *units], format_func=lambda u: u or t("map_all", lang), key="map_unit")
    year = nine_box_view.map_year(container, lang)
    cached = st.session_state.get("map_result")
    if cached is None or cached[0] != (unit, year):  # one audited read per unit and year, not per rerun
        cached = ((unit, year), _call(lambda: talent_map(container.service, caller, unit or None, lang, year=year,
                                                         calibration=container.calibration, scheme=container.scheme), lang), {})  # fmt: skip
        st.session_state["map_result"] = cached
    result, lists = cached[1], cached[2]  # type: ignore[var-annotated]
    if result is None:
        return
    st.caption(t("map_caption", lang).format(placed=result.placed, missing=result.not_placed))
    for row in result.grid:
        for column, box in zip(st.columns(3), row, strict=True):
            label = t("map_cell", lang).format(cell=box.cell, n=box.count, share=box.share)
            if column.button(label, key=f"map_cell_{box.cell}", help=box.meaning, width="stretch"):
                st.session_state["map_cell"] = box.cell
    cell = st.session_state.get("map_cell")
    if cell:
        if cell not in lists:
            plan = QueryPlan(filters=Filters(units=[unit] if unit else [], kotak=[cell]))
            if year is not None:  # that year's placements; none there: an empty list, never everyone
                nips = container.calibration.nips_in_cell(caller, year, int(cell), unit or None)
                plan = QueryPlan(filters=Filters(nips=nips or ["0" * 18]))
            lists[cell] = _call(lambda: container.service.run_plan(caller, plan, limit=200, language=lang), lang)
        listed = lists[cell]
        if listed is not None:
            st.markdown(f"**{t('map_list', lang).format(cell=cell)}** ({listed.total_matching})")
            st.dataframe(pd.DataFrame([{"NIP": c.nip, t("col_name", lang): c.nama_lengkap, t("col_post", lang): c.jabatan,
                                        t("col_unit", lang): c.unit_kerja} for c in listed.candidates]), hide_index=True)  # fmt: skip


def compare_page(container: Container, caller: Caller, lang: str) -> None:
    """2-4 people side by side for one target post, the best value per row marked."""
    from assistant.domain.posts import target_post_from_text
    from assistant.services.compare import compare

    st.title(t("compare_title", lang))
    default = ", ".join(st.session_state.get("compare_nips") or [])
    typed = st.text_input(t("compare_nips", lang), value=default, key="compare_input")
    post = st.text_input(t("compare_post", lang), key="compare_post", placeholder="Kepala Bidang Budidaya")
    nips = ["".join(ch for ch in part if ch.isdigit()) for part in (typed or "").split(",")]
    nips = [n for n in nips if len(n) == 18]
    if len(nips) < 2:
        return
    target = target_post_from_text(post) if post else None
    key = (tuple(nips), post)
    cached = st.session_state.get("compare_result")
    if cached is None or cached[0] != key:  # one audited comparison per choice, not per rerun
        cached = (key, _call(lambda: compare(container.service, caller, nips, target, lang), lang))
        st.session_state["compare_result"] = cached
    result = cached[1]
    if result is None:
        return
    names = [f"{n} ({nip[-4:]})" for n, nip in zip(result.names, result.nips, strict=True)]
    table = [{"": r.label, **{names[i]: (v + " ✓" if i in r.best else v) for i, v in enumerate(r.values)}} for r in result.rows]
    st.dataframe(pd.DataFrame(table), hide_index=True)
    st.caption(t("compare_best", lang) + " " + t("ppk", lang))


def profile_page(container: Container, caller: Caller, lang: str) -> None:
    """Any person the caller may see: everything Talenta holds, each item with its record and year."""
    st.title(t("profile_title", lang))
    nip = st.text_input(t("profile_nip", lang), value=st.session_state.get("profile_nip") or "", key="profile_input")
    nip = "".join(ch for ch in (nip or "") if ch.isdigit())
    if len(nip) != 18:
        return
    viewed = st.session_state.setdefault("viewed_profiles", {})
    if nip not in viewed:  # one audited view per person and session, not per rerun
        viewed[nip] = _call(lambda: container.service.profile(caller, nip), lang)
    profile = viewed[nip]
    if profile is None:
        viewed.pop(nip, None)
        return
    st.markdown(f"**{profile.nama_lengkap}** — {profile.jabatan or '-'}, {profile.unit_kerja or '-'} "
                f"({profile.golongan or '-'}{', ' + profile.pangkat if profile.pangkat else ''})")  # fmt: skip
    st.metric(t("cell", lang), profile.kotak_talenta or "-")
    nine_box_view.calibration_form(container, caller, nip, profile.kotak_talenta, lang)
    rows: list[dict[str, Any]] = []
    for p in profile.pendidikan:
        rows.append({t("col_source", lang): "pendidikan", t("col_item", lang): " ".join(
            x for x in (p.jenjang.value if p.jenjang else "", p.jurusan or "", p.institusi or "") if x),
            t("col_year", lang): p.tahun_lulus, t("col_score", lang): None})  # fmt: skip
    for r in profile.riwayat_jabatan:
        rows.append({t("col_source", lang): "riwayat jabatan", t("col_item", lang): f"{r.jabatan} ({r.unit_kerja or '-'})",
                     t("col_year", lang): r.tmt_mulai.year if r.tmt_mulai else None, t("col_score", lang): None})  # fmt: skip
    for d in profile.diklat:
        rows.append({t("col_source", lang): "diklat", t("col_item", lang): d.nama, t("col_year", lang): d.tahun,
                     t("col_score", lang): d.nilai})  # fmt: skip
    for s in sorted(profile.skp, key=lambda s: s.tahun):
        rows.append({t("col_source", lang): "SKP", t("col_item", lang): s.predikat.value if s.predikat else "-",
                     t("col_year", lang): s.tahun, t("col_score", lang): None})  # fmt: skip
    for a in profile.asesmen:
        rows.append({t("col_source", lang): "asesmen", t("col_item", lang): f"JPM {a.jpm:g}" if a.jpm is not None else "-",
                     t("col_year", lang): a.tanggal.year if a.tanggal else None, t("col_score", lang): a.jpm})  # fmt: skip
    st.markdown(f"**{t('records', lang)}**")
    st.dataframe(pd.DataFrame(rows), hide_index=True)
    nine_box_view.skp_trend(profile.skp, lang)
    nine_box_view.history(container, caller, nip, lang)
    nine_box_view.eligibility(container, caller, nip, lang, key="profile_elig")
    mine = _call(lambda: container.succession.memberships(caller, nip), lang) or []
    if mine:
        st.markdown(f"**{t('my_pools', lang)}**")
        st.dataframe(pd.DataFrame([{t("col_pool", lang): p.post_title, t("col_state", lang): _label(m.state, lang),
                                    t("col_readiness", lang): _label(m.readiness, lang)} for p, m in mine]),
                     hide_index=True)  # fmt: skip


def _call(fn: Any, lang: str) -> Any:
    """A service call; its refusal (role, state, note) shown as an error, not a traceback."""
    try:
        return fn()
    except ServiceError as exc:
        st.error(exc.message(lang))
        return None
