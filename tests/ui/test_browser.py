"""The chat page in a real headless Chromium (Debian's, via playwright) against `streamlit run`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.conftest import streamlit_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
QUESTION = "Siapa ASN yang paling cocok untuk bidang perikanan?"


PASSWORD = "sandi-peramban-panjang"


@pytest.fixture
def chat_url(tmp_path, fixture_store_dir) -> Iterator[str]:
    """`streamlit run ui/app.py` on a free port, on a private copy of the fixture store."""
    from assistant.config import Settings
    from assistant.container import build_container

    data_dir = tmp_path / "store"
    shutil.copytree(fixture_store_dir, data_dir)
    accounts = build_container(Settings(data_dir=data_dir)).accounts
    accounts.create("bupati", PASSWORD, "pimpinan")
    accounts.create("bkd-1", PASSWORD, "bkpsdm")
    accounts.create("bagus", PASSWORD, "asn", nip="198707222010012004")
    with streamlit_server(data_dir, tmp_path / "streamlit.log") as url:
        yield url


def test_chat_in_chromium(chat_url, tmp_path):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    shot = tmp_path / "chat.png"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(chat_url, wait_until="domcontentloaded")
            page.get_by_role("heading", name="Masuk ke Talenta").wait_for(timeout=60_000)  # a real login first
            page.get_by_label("Nama pengguna").fill("bupati")
            page.get_by_label("Kata sandi").fill(PASSWORD)
            page.get_by_role("button", name="Masuk").click()
            page.get_by_role("heading", name="Talenta — Asisten Talenta ASN").wait_for(timeout=60_000)
            box = page.locator('[data-testid="stChatInputTextArea"]')
            box.wait_for(timeout=60_000)
            box.fill(QUESTION)
            box.press("Enter")
            page.locator('[data-testid="stExpander"]').first.wait_for(timeout=60_000)
            page.get_by_text("Siti Rahmawati").first.wait_for(timeout=60_000)
            page.get_by_text("Bukti dari rekam data").first.wait_for(timeout=60_000)
            assert page.locator('[data-testid="stException"]').count() == 0
            first_card = page.locator('[data-testid="stExpander"]').first.inner_text()
            assert "1. Ir. Siti Rahmawati, M.Si. — Kepala Bidang Budidaya, Dinas Perikanan" in first_card
            assert "198003152005011002" in first_card
            page.set_viewport_size({"width": 1400, "height": 2600})  # the chat scrolls inside the page
            table = page.locator('[data-testid="stTable"]').first
            table.get_by_text("Relevansi bidang", exact=True).wait_for(
                timeout=30_000
            )  # the factor table has drawn
            assert "Kotak talenta" in table.inner_text()
            page.wait_for_timeout(500)
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()

    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def _sign_in(page, url: str, user: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("heading", name="Masuk ke Talenta").wait_for(timeout=60_000)
    page.get_by_label("Nama pengguna").fill(user)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_workbench_pages_by_role_in_chromium(chat_url):
    """BKPSDM opens the Suksesi page from the navigation; an ASN lands on their own page and has no
    link to the chat, the search table or anyone else's data."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            _sign_in(page, chat_url, "bkd-1")
            page.get_by_role("heading", name="Talenta — Asisten Talenta ASN").wait_for(timeout=60_000)
            page.get_by_role("link", name="Suksesi").click()
            page.get_by_role("heading", name="Suksesi dan kelompok talenta").wait_for(timeout=60_000)
            assert page.locator('[data-testid="stException"]').count() == 0
            other = browser.new_page(viewport={"width": 1400, "height": 1000})
            _sign_in(other, chat_url, "bagus")
            other.get_by_role("heading", name="Profil saya").wait_for(timeout=60_000)
            other.get_by_text("Bagus Prasetyo").first.wait_for(timeout=30_000)
            assert other.get_by_role("link", name="Tanya Talenta").count() == 0
            assert other.get_by_role("link", name="Cari pegawai").count() == 0
            assert other.locator('[data-testid="stException"]').count() == 0
        finally:
            browser.close()
