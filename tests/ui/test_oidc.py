"""Login through an OpenID Connect provider, end to end: a real provider on 127.0.0.1 (tests/ui/oidc_provider.py),
`talenta ui` (which writes Streamlit's [auth] section and runs `streamlit run ui/app.py`), Authlib inside
Streamlit, and Debian's Chromium clicking through the redirects."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.processes import free_port, stop, tail
from tests.ui.conftest import ROOT, _healthy, audit_entries
from tests.ui.oidc_provider import OidcProvider
from tests.ui.test_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLIENT_ID, CLIENT_SECRET = "talenta-uji", "rahasia-klien-uji-yang-panjang"
PROVIDER = "SSO Pemda Uji"
PASSWORD = "sandi-lokal-tidak-dipakai"  # OIDC accounts still carry one; the UI never asks for it


@dataclass
class OidcUi:
    url: str
    provider: OidcProvider
    data_dir: Path


@pytest.fixture(scope="module")
def oidc_ui(tmp_path_factory, fixture_store_dir) -> Iterator[OidcUi]:
    """The provider, local accounts in a private copy of the fixture store, and `talenta ui` with auth=oidc."""
    import shutil

    from assistant.config import Settings
    from assistant.container import build_container

    tmp = tmp_path_factory.mktemp("oidc")
    data_dir = tmp / "store"
    shutil.copytree(fixture_store_dir, data_dir)
    accounts = build_container(Settings(data_dir=data_dir)).accounts
    accounts.create("bkd-1", PASSWORD, "bkpsdm")
    accounts.create("mantan", PASSWORD, "pimpinan")
    accounts.set_active("mantan", False)
    port = free_port()
    with OidcProvider(CLIENT_ID, CLIENT_SECRET, f"http://127.0.0.1:{port}/oauth2callback") as provider:
        env = {
            **os.environ,
            "TALENTA_DATA_DIR": str(data_dir),
            "TALENTA_LANGUAGE": "id",
            "TALENTA_LLM__PROVIDER": "template",
            "TALENTA_UI__AUTH": "oidc",
            "TALENTA_UI__OIDC_PROVIDER_NAME": PROVIDER,
            "TALENTA_UI__OIDC_METADATA_URL": provider.metadata_url,
            "TALENTA_UI__OIDC_CLIENT_ID": CLIENT_ID,
            "TALENTA_UI__OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "TALENTA_UI__OIDC_CLAIM": "preferred_username",  # usernames hold no '@' (see README)
            "HF_HUB_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
        }
        log = tmp / "ui.log"
        cmd = [sys.executable, "-m", "assistant.cli", "ui", "--host", "127.0.0.1", "--port", str(port)]
        with log.open("wb") as out:  # its own process group: `talenta ui` and the Streamlit it starts
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True)  # fmt: skip
        try:
            health = f"http://127.0.0.1:{port}/_stcore/health"
            deadline = time.monotonic() + 60
            while not _healthy(health):
                if proc.poll() is not None:
                    pytest.fail(f"talenta ui exited with {proc.returncode}:\n{tail(log)}")
                if time.monotonic() > deadline:
                    pytest.fail(f"talenta ui did not answer {health} within 60 s:\n{tail(log)}")
                time.sleep(0.3)
            yield OidcUi(f"http://127.0.0.1:{port}/", provider, data_dir)
        finally:
            stop(proc, grace=20, group=True)  # `talenta ui` passes the stop on to Streamlit and removes its run directory
        assert CLIENT_SECRET not in log.read_text(encoding="utf-8", errors="replace")  # never logged


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def _login_through_provider(browser, ui: OidcUi, claims: dict):
    """A fresh browser profile: open Talenta, press the provider's button, come back from the redirects."""
    ui.provider.user = claims
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(ui.url, wait_until="domcontentloaded")
    page.get_by_role("heading", name="Masuk ke Talenta").wait_for(timeout=60_000)
    assert page.get_by_role("link", name="Cari pegawai").count() == 0  # nothing before the login
    page.get_by_role("button", name=f"Masuk dengan {PROVIDER}").click()
    return context, page


def test_a_provider_login_lands_on_the_matched_accounts_pages(browser, oidc_ui):
    """Talenta -> provider (authorize) -> /oauth2callback (code for tokens, signed ID token checked) -> Talenta,
    signed in as the local account the claim names, with its role's pages; sign-out goes through the provider."""
    before = len(oidc_ui.provider.requests)
    context, page = _login_through_provider(
        browser, oidc_ui, {"sub": "u-1001", "preferred_username": "BKD-1", "email": "bkd1@contoh.go.id",
                           "email_verified": True, "name": "Budi (BKPSDM)"})  # fmt: skip
    try:
        page.get_by_role("heading", name="Talenta — Asisten Talenta ASN").wait_for(timeout=60_000)
        page.get_by_text("Masuk sebagai").filter(has_text="bkd-1").wait_for(timeout=30_000)
        page.get_by_role("link", name="Cari pegawai").click()
        page.get_by_role("heading", name="Cari pegawai").wait_for(timeout=60_000)
        assert page.get_by_role("link", name="Suksesi").count() == 1
        assert page.locator('[data-testid="stException"]').count() == 0

        flow = [r for r in oidc_ui.provider.requests[before:] if r[1] != "/.well-known/openid-configuration"]
        assert ("GET", "/authorize") in flow and ("POST", "/token") in flow and ("GET", "/jwks") in flow
        assert flow.index(("GET", "/authorize")) < flow.index(("POST", "/token"))
        assert not oidc_ui.provider.errors  # client secret, redirect URI and PKCE verifier all checked
        logins = [e for e in audit_entries(oidc_ui.data_dir, "login") if e.get("method") == "oidc"]
        assert [(e["user"], e["role"]) for e in logins] == [("bkd-1", "bkpsdm")]

        page.get_by_role("button", name="Keluar").click()  # st.logout: the provider's end-session, then back
        page.get_by_role("button", name=f"Masuk dengan {PROVIDER}").wait_for(timeout=60_000)
        assert ("GET", "/logout") in oidc_ui.provider.requests[before:]
        assert page.get_by_role("link", name="Cari pegawai").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"sub": "u-2001", "preferred_username": "orang.luar", "name": "Tanpa Akun"}, "no_account"),
        ({"sub": "u-2002", "preferred_username": "mantan", "name": "Akun Nonaktif"}, "disabled"),
    ],
)
def test_an_identity_without_an_active_account_is_refused_and_sees_no_data(browser, oidc_ui, claims, reason):
    context, page = _login_through_provider(browser, oidc_ui, claims)
    try:
        page.get_by_text("Akun belum terdaftar").wait_for(timeout=60_000)
        page.get_by_text(claims["preferred_username"]).first.wait_for(timeout=10_000)
        page.get_by_role("button", name="Keluar dan masuk dengan akun lain").wait_for(timeout=10_000)
        for link in ("Tanya Talenta", "Cari pegawai", "Profil pegawai", "Suksesi", "Profil saya"):
            assert page.get_by_role("link", name=link).count() == 0, link
        assert page.locator('[data-testid="stChatInputTextArea"]').count() == 0
        assert page.get_by_text("Masuk sebagai").count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
        refused = [e for e in audit_entries(oidc_ui.data_dir, "login_failed") if e.get("method") == "oidc"]
        assert (f"?{claims['preferred_username']}", reason) in [(e["user"], e["reason"]) for e in refused]
        assert not any(e["user"] == claims["preferred_username"] for e in audit_entries(oidc_ui.data_dir, "login"))
    finally:
        context.close()
