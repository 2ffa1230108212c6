"""OIDC login without a browser: the claim -> account mapping on a real accounts table, the production
checks of the oidc settings, Streamlit's [auth] section as `talenta ui` writes it, and the login page
under AppTest with the identity Streamlit would have read from its cookie."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from assistant.config import MIN_COOKIE_SECRET, Settings, UiSettings
from assistant.db.engine import build_engine, migrate
from assistant.services.accounts import AccountService
from tests.ui.conftest import audit_entries, point_at
from ui.oidc import OidcConfigError, auth_section, match_account, write_streamlit_secrets

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
PASSWORD = "sandi-lokal-tidak-dipakai"
CLIENT_SECRET = "rahasia-klien-yang-tidak-boleh-bocor"
COOKIE_SECRET = "k" * MIN_COOKIE_SECRET


@pytest.fixture
def accounts(tmp_path) -> AccountService:
    engine = build_engine(f"sqlite:///{tmp_path / 'accounts.db'}")
    migrate(engine)
    service = AccountService(engine)
    service.create("bkd-1", PASSWORD, "bkpsdm")
    service.create("bagus", PASSWORD, "asn", nip="198707222010012004")
    service.create("mantan", PASSWORD, "pimpinan")
    service.set_active("mantan", False)
    service.create("rina@kab.go.id", PASSWORD, "komite")
    return service


# ---- claim -> account ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "claims", "user", "role", "refusal"),
    [
        ("preferred_username", {"preferred_username": "bkd-1"}, "bkd-1", "bkpsdm", None),
        ("preferred_username", {"preferred_username": "  BKD-1 "}, "bkd-1", "bkpsdm", None),  # trimmed, lower case
        ("preferred_username", {"preferred_username": "bagus", "roles": ["bkpsdm"], "role": "pimpinan"}, "bagus", "asn",
         None),  # the provider's role claims are never read  # fmt: skip
        ("nip", {"nip": "bagus"}, "bagus", "asn", None),  # any claim the settings name
        ("preferred_username", {"email": "bkd-1"}, None, None, "no_claim"),  # only the configured claim counts
        ("preferred_username", {"preferred_username": ""}, None, None, "no_claim"),
        ("preferred_username", {"preferred_username": ["bkd-1"]}, None, None, "no_claim"),
        ("preferred_username", {"preferred_username": "orang.luar"}, None, None, "no_account"),
        ("preferred_username", {"preferred_username": "bkd"}, None, None, "no_account"),  # no prefix match
        ("preferred_username", {"preferred_username": "mantan"}, None, None, "disabled"),
        ("email", {"email": "bkd-1", "email_verified": False}, None, None, "unverified"),
        ("email", {"email": "bkd-1", "email_verified": "false"}, None, None, "unverified"),
        ("email", {"email": "bkd-1", "email_verified": True}, "bkd-1", "bkpsdm", None),
        ("email", {"email": "bkd-1"}, "bkd-1", "bkpsdm", None),  # providers that never send email_verified
        ("email", {"email": "siti@kab.go.id", "email_verified": True}, None, None, "no_account"),
        ("email", {"email": "Rina@Kab.go.id", "email_verified": True}, "rina@kab.go.id", "komite", None),  # an e-mail account
    ],
)
def test_the_claim_names_an_active_local_account_which_alone_gives_the_role(accounts, claim, claims, user, role,
                                                                              refusal):  # fmt: skip
    found = match_account(accounts, claims, claim)
    assert found.refusal == refusal
    if user is None:
        assert found.account is None
    else:
        assert found.account is not None and found.account.caller().user == user and found.account.caller().role == role


# ---- production checks -------------------------------------------------------------------------------------

_GOOD = {
    "TALENTA_UI__AUTH": "oidc",
    "TALENTA_UI__OIDC_METADATA_URL": "https://sso.contoh.go.id/realms/pemda/.well-known/openid-configuration",
    "TALENTA_UI__OIDC_CLIENT_ID": "talenta",
    "TALENTA_UI__OIDC_CLIENT_SECRET": CLIENT_SECRET,
    "TALENTA_UI__OIDC_REDIRECT_URI": "https://talenta.contoh.go.id/oauth2callback",
    "TALENTA_UI__OIDC_COOKIE_SECRET": COOKIE_SECRET,
}


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setenv("TALENTA_ENV", "production")
    monkeypatch.setenv("TALENTA_API__KEYS", '{"kunci-uji-produksi-yang-cukup-panjang-01": {"user": "u", "role": "bkpsdm"}}')
    for name, value in _GOOD.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def test_production_accepts_a_complete_oidc_configuration(production):
    settings = Settings()
    assert settings.ui.auth == "oidc" and settings.ui.oidc_client_secret is not None
    assert CLIENT_SECRET not in repr(settings)  # a secret never shows in a dump of the settings


@pytest.mark.parametrize(
    ("unset", "value", "named"),
    [
        ("TALENTA_UI__OIDC_CLIENT_SECRET", None, "TALENTA_UI__OIDC_CLIENT_SECRET"),
        ("TALENTA_UI__OIDC_CLIENT_SECRET", "   ", "TALENTA_UI__OIDC_CLIENT_SECRET"),
        ("TALENTA_UI__OIDC_METADATA_URL", None, "TALENTA_UI__OIDC_METADATA_URL"),
        ("TALENTA_UI__OIDC_CLIENT_ID", None, "TALENTA_UI__OIDC_CLIENT_ID"),
        ("TALENTA_UI__OIDC_REDIRECT_URI", None, "TALENTA_UI__OIDC_REDIRECT_URI"),
        ("TALENTA_UI__OIDC_COOKIE_SECRET", None, "TALENTA_UI__OIDC_COOKIE_SECRET"),
        ("TALENTA_UI__OIDC_COOKIE_SECRET", "k" * (MIN_COOKIE_SECRET - 1), "TALENTA_UI__OIDC_COOKIE_SECRET"),
    ],
)
def test_production_refuses_oidc_without_its_secrets(production, unset, value, named):
    if value is None:
        production.delenv(unset)
    else:
        production.setenv(unset, value)
    with pytest.raises(ValidationError) as refused:
        Settings()
    message = str(refused.value)
    assert named in message
    assert CLIENT_SECRET not in message and COOKIE_SECRET[:MIN_COOKIE_SECRET - 1] not in message  # no echo


def test_dev_mode_starts_oidc_without_secrets(monkeypatch):
    monkeypatch.setenv("TALENTA_ENV", "dev")
    monkeypatch.setenv("TALENTA_UI__AUTH", "oidc")
    assert Settings().ui.auth == "oidc"


# ---- Streamlit's [auth] section ----------------------------------------------------------------------------


def test_talenta_ui_writes_streamlits_auth_section_for_this_user_only(tmp_path):
    odd = 'ra"ha\\sia\n\x7f-ü'  # quotes, a backslash, a newline, DEL and a non-ASCII letter survive TOML
    ui = UiSettings(oidc_metadata_url="http://127.0.0.1:9/.well-known/openid-configuration", oidc_client_id="talenta",
                    oidc_client_secret=odd, oidc_cookie_secret=COOKIE_SECRET)  # type: ignore[arg-type]  # fmt: skip
    path = write_streamlit_secrets(ui, tmp_path, "127.0.0.1", 8765)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    auth = tomllib.loads(path.read_text(encoding="utf-8"))["auth"]
    assert auth == {
        "redirect_uri": "http://127.0.0.1:8765/oauth2callback",
        "cookie_secret": COOKIE_SECRET,
        "client_id": "talenta",
        "client_secret": odd,
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
    # what Streamlit's st.login checks before it redirects (streamlit.auth_util.validate_auth_credentials)
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"} <= set(auth)


def test_the_auth_section_defaults_for_development():
    ui = UiSettings(oidc_metadata_url="http://127.0.0.1:9/x", oidc_client_id="talenta")
    first, second = auth_section(ui, "0.0.0.0", 8501), auth_section(ui, "0.0.0.0", 8501)
    assert first["redirect_uri"] == "http://localhost:8501/oauth2callback"  # a bind-all address is no URL
    assert len(first["cookie_secret"]) >= MIN_COOKIE_SECRET and first["cookie_secret"] != second["cookie_secret"]
    configured = UiSettings(oidc_metadata_url="http://127.0.0.1:9/x", oidc_client_id="talenta",
                            oidc_redirect_uri="https://talenta.contoh.go.id/oauth2callback")  # fmt: skip
    assert auth_section(configured, "127.0.0.1", 8501)["redirect_uri"] == "https://talenta.contoh.go.id/oauth2callback"


def test_an_incomplete_configuration_names_the_missing_settings_and_no_secret():
    ui = UiSettings(oidc_client_secret=CLIENT_SECRET)  # type: ignore[arg-type]
    with pytest.raises(OidcConfigError) as refused:
        auth_section(ui, "127.0.0.1", 8501)
    assert "TALENTA_UI__OIDC_METADATA_URL" in str(refused.value) and "TALENTA_UI__OIDC_CLIENT_ID" in str(refused.value)
    assert CLIENT_SECRET not in str(refused.value)


def test_talenta_ui_refuses_an_incomplete_oidc_configuration(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from assistant.cli import app

    result = CliRunner().invoke(app, ["ui"], env={"TALENTA_DATA_DIR": str(tmp_path), "TALENTA_UI__AUTH": "oidc",
                                                  "TALENTA_UI__OIDC_CLIENT_SECRET": CLIENT_SECRET})  # fmt: skip
    assert result.exit_code == 1 and "TALENTA_UI__OIDC_METADATA_URL" in result.output
    assert CLIENT_SECRET not in result.output


# ---- the login page (AppTest: the identity as Streamlit would read it from the login cookie) -----------------


@pytest.fixture
def oidc_app(store_copy, monkeypatch) -> Path:
    from assistant.container import build_container

    point_at(monkeypatch, store_copy, auth="oidc")
    monkeypatch.setenv("TALENTA_UI__OIDC_CLAIM", "preferred_username")
    monkeypatch.setenv("TALENTA_UI__OIDC_PROVIDER_NAME", "SSO Pemda")
    accounts = build_container(Settings(data_dir=store_copy)).accounts
    accounts.create("bkd-1", PASSWORD, "bkpsdm")
    return store_copy


def _run(user: dict) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.user = user
    return at.run()


def test_without_streamlit_auth_config_the_page_says_how_to_start_it(oidc_app):
    at = _run({})  # no [auth] section: st.user carries no is_logged_in
    assert at.title[0].value == "Masuk ke Talenta" and "talenta ui" in at.error[0].value
    assert not at.chat_input and not at.button


def test_signed_out_the_page_offers_the_providers_button_and_nothing_else(oidc_app):
    at = _run({"is_logged_in": False})
    assert [b.label for b in at.button] == ["Masuk dengan SSO Pemda"] and not at.chat_input


def test_a_signed_in_identity_gets_its_accounts_role_once_audited(oidc_app):
    at = _run({"is_logged_in": True, "preferred_username": "bkd-1", "provider": "default"})
    assert not at.exception and at.chat_input
    assert any("bkd-1" in m.value and "BKPSDM" in m.value for m in at.sidebar.markdown)
    at.run()  # a rerun is not a second login
    logins = [(e["user"], e["role"], e.get("method")) for e in audit_entries(oidc_app, "login")]
    assert logins == [("bkd-1", "bkpsdm", "oidc")]


def test_an_unknown_identity_sees_the_refusal_and_no_data(oidc_app):
    at = _run({"is_logged_in": True, "preferred_username": "orang.luar"})
    assert "Akun belum terdaftar" in at.error[0].value and "orang.luar" in at.error[0].value
    assert not at.chat_input and [b.label for b in at.button] == ["Keluar dan masuk dengan akun lain"]
    at.run()
    refused = [(e["user"], e["reason"]) for e in audit_entries(oidc_app, "login_failed")]
    assert refused == [("?orang.luar", "no_account")]  # once per session


def test_an_account_disabled_mid_session_stops_at_the_next_interaction(oidc_app):
    from assistant.container import build_container

    at = _run({"is_logged_in": True, "preferred_username": "bkd-1"})
    assert at.chat_input
    build_container(Settings(data_dir=oidc_app)).accounts.set_active("bkd-1", False)
    at.run()
    assert not at.chat_input and "Akun belum terdaftar" in at.error[0].value
    assert ("?bkd-1", "disabled") in [(e["user"], e["reason"]) for e in audit_entries(oidc_app, "login_failed")]


def test_english_refusal(oidc_app):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.user = {"is_logged_in": True, "preferred_username": "orang.luar"}
    at.session_state["lang"] = "en"
    at.run()
    assert "Account not registered" in at.error[0].value
