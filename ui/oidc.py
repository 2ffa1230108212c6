"""Login through the pemda's identity provider (OpenID Connect), with Streamlit's ``st.login``.

The provider proves who the person is; Talenta decides what they may see. The ID-token claim named by
``TALENTA_UI__OIDC_CLAIM`` (default ``email``) is matched to an active local account whose username
equals its value, and that account's role, unit and NIP apply, exactly as after a password login.
An identity without an active account is refused ("akun belum terdaftar") and sees no data.

Streamlit reads its auth configuration from a ``secrets.toml`` ``[auth]`` section: ``talenta ui``
writes one from the settings into a private run directory (``write_streamlit_secrets``) and points
``streamlit run`` at it with ``--secrets.files``.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import streamlit as st

from assistant.config import UiSettings
from assistant.container import Container
from assistant.domain.identity import Caller
from assistant.services.accounts import Account, AccountService
from ui.components import escape_md

Refusal = Literal["no_claim", "unverified", "no_account", "disabled"]

_T: dict[str, dict[str, str]] = {
    "id": {
        "login_title": "Masuk ke Talenta",
        "login_with": "Masuk dengan {provider}",
        "login_hint": "Talenta memakai akun {provider} Anda. Peran Anda di Talenta ditentukan oleh akun Talenta "
        "yang terdaftar atas nama Anda.",
        "not_registered": "Akun belum terdaftar: `{who}` belum memiliki akun Talenta yang aktif. "
        "Minta BKPSDM mendaftarkannya.",
        "no_claim": "Penyedia identitas tidak mengirim klaim `{claim}`. Periksa `TALENTA_UI__OIDC_CLAIM` dan "
        "cakupan (scope) klien di penyedia identitas.",
        "other_account": "Keluar dan masuk dengan akun lain",
        "not_configured": "Login lewat penyedia identitas belum dikonfigurasi di Streamlit. Jalankan antarmuka "
        "dengan `talenta ui`, yang menulis bagian `[auth]` dari pengaturan `TALENTA_UI__OIDC_*`.",
    },
    "en": {
        "login_title": "Sign in to Talenta",
        "login_with": "Sign in with {provider}",
        "login_hint": "Talenta uses your {provider} account. Your role in Talenta comes from the Talenta account "
        "registered in your name.",
        "not_registered": "Account not registered: `{who}` has no active Talenta account. Ask BKPSDM to "
        "register it.",
        "no_claim": "The identity provider sent no `{claim}` claim. Check `TALENTA_UI__OIDC_CLAIM` and the "
        "client's scopes at the identity provider.",
        "other_account": "Sign out and use another account",
        "not_configured": "Login through the identity provider is not configured in Streamlit. Start the UI "
        "with `talenta ui`, which writes the `[auth]` section from the `TALENTA_UI__OIDC_*` settings.",
    },
}


def _t(key: str, lang: str, **values: object) -> str:
    text = _T.get(lang, _T["id"])[key]
    return text.format(**values) if values else text


# ---- who signed in -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """What the provider said, matched to a local account: the account, or why there is none."""

    value: str | None  # the claim's value as compared (trimmed, lower case)
    account: Account | None
    refusal: Refusal | None


def match_account(accounts: AccountService, claims: Mapping[str, Any], claim: str) -> Identity:
    """The active local account whose username equals the claim's value.

    An e-mail the provider marks unverified is not trusted; a disabled account signs nobody in. The
    provider's role or group claims are never read: the local account alone decides the role."""
    raw = claims.get(claim)
    if not isinstance(raw, str) or not raw.strip():
        return Identity(None, None, "no_claim")
    value = raw.strip().lower()
    if claim == "email" and claims.get("email_verified") in (False, "false"):
        return Identity(value, None, "unverified")
    account = accounts.get(value)
    if account is None:
        return Identity(value, None, "no_account")
    if not account.active:
        return Identity(value, None, "disabled")
    return Identity(value, account, None)


def login(container: Container, lang: str) -> Caller | None:
    """The signed-in caller, or None after drawing the login button or the refusal."""
    settings = container.settings.ui
    claims = st.user.to_dict()
    if "is_logged_in" not in claims:  # Streamlit found no [auth] section: not started by `talenta ui`
        st.title(_t("login_title", lang))
        st.error(_t("not_configured", lang))
        return None
    if not claims["is_logged_in"]:
        st.title(_t("login_title", lang))
        st.caption(_t("login_hint", lang, provider=escape_md(settings.oidc_provider_name)))
        if st.button(_t("login_with", lang, provider=settings.oidc_provider_name), key="oidc_login", type="primary"):
            st.login()
        return None

    found = match_account(container.accounts, claims, settings.oidc_claim)  # every run: a disabled account stops
    if found.account is None:
        for key in ("account", "oidc_identity"):
            st.session_state.pop(key, None)
        if st.session_state.get("oidc_refused") != (found.value, found.refusal):  # once per session, not per rerun
            who = f"?{(found.value or '')[:64]}"
            container.audit.record(Caller(user=who, role="asn"), "login_failed", method="oidc", reason=found.refusal)
            st.session_state["oidc_refused"] = (found.value, found.refusal)
        st.title(_t("login_title", lang))
        if found.refusal == "no_claim":
            st.error(_t("no_claim", lang, claim=settings.oidc_claim))
        else:
            st.error(_t("not_registered", lang, who=(found.value or "?").replace("`", "")))  # a code span: no link
        if st.button(_t("other_account", lang), key="oidc_other"):
            st.logout()
        return None

    caller = found.account.caller()
    st.session_state["account"] = {"user": caller.user, "role": caller.role, "unit_kerja": caller.unit_kerja,
                                   "nip": caller.nip}  # fmt: skip
    if st.session_state.get("oidc_identity") != found.value:  # the login, audited once per session
        st.session_state["oidc_identity"] = found.value
        container.audit.record(caller, "login", method="oidc")
    return caller


# ---- Streamlit's [auth] configuration ------------------------------------------------------------------


class OidcConfigError(ValueError):
    """The oidc_* settings cannot configure a login (the message names the settings, never their values)."""


def auth_section(ui: UiSettings, host: str, port: int) -> dict[str, str]:
    """Streamlit's ``[auth]`` section (the unnamed default provider) from the settings.

    Without a redirect URI: http://HOST:PORT/oauth2callback (the address the browser uses must be the
    one registered at the provider). Without a cookie secret (dev mode only; production refuses it):
    a random one, so the login cookies last as long as this server."""
    missing = [name for name, value in (("METADATA_URL", ui.oidc_metadata_url), ("CLIENT_ID", ui.oidc_client_id))
               if not (value or "").strip()]  # fmt: skip
    if missing:
        names = ", ".join(f"TALENTA_UI__OIDC_{name}" for name in missing)
        raise OidcConfigError(f"TALENTA_UI__AUTH=oidc needs {names}")
    shown_host = "localhost" if host in ("", "0.0.0.0", "::") else host
    redirect = (ui.oidc_redirect_uri or "").strip() or f"http://{shown_host}:{port}/oauth2callback"
    cookie = ui.oidc_cookie_secret.get_secret_value() if ui.oidc_cookie_secret else ""
    return {
        "redirect_uri": redirect,
        "cookie_secret": cookie or secrets.token_urlsafe(32),
        "client_id": (ui.oidc_client_id or "").strip(),
        "client_secret": ui.oidc_client_secret.get_secret_value() if ui.oidc_client_secret else "",
        "server_metadata_url": (ui.oidc_metadata_url or "").strip(),
    }


def write_streamlit_secrets(ui: UiSettings, directory: Path, host: str, port: int) -> Path:
    """``directory/secrets.toml`` holding the ``[auth]`` section, readable by this user only."""
    lines = ["[auth]"] + [f"{key} = {_toml_string(value)}" for key, value in auth_section(ui, host, port).items()]
    path = directory / "secrets.toml"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)  # an existing file keeps its old mode through O_CREAT
    return path


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except DEL, which TOML wants escaped too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
