"""A candidate card's factor table in a real headless Chromium, in English and in Indonesian (issue "One
language per answer": an English card once showed an empty grey box where its factor table belongs, and
its labels mixed the two languages).

The test needs only the chat input, the candidate cards as expanders titled "1. ...", and what is inside
them: one question in English with the sidebar on English, one in Indonesian with it on Indonesian."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.ui.conftest import streamlit_server
from tests.ui.test_browser import CHROMIUM, CHROMIUM_ARGS, PASSWORD, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WAIT = 60_000  # ms
SITI = "198003152005011002"


@pytest.fixture(scope="module")
def page(tmp_path_factory, fixture_store_dir) -> Iterator[Any]:
    """One signed-in session on `streamlit run` over a copy of the fixture store."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    from assistant.config import Settings
    from assistant.container import build_container

    root = tmp_path_factory.mktemp("factor_table")
    data_dir = root / "store"
    shutil.copytree(fixture_store_dir, data_dir)
    build_container(Settings(data_dir=data_dir)).accounts.create("bupati", PASSWORD, "pimpinan")
    with streamlit_server(data_dir, root / "streamlit.log") as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            # A tall window: the chat scrolls inside the page.
            tab = browser.new_page(viewport={"width": 1400, "height": 2600})
            _sign_in(tab, url, "bupati")
            tab.locator('[data-testid="stChatInputTextArea"]').wait_for(timeout=WAIT)
            _settled(tab)
            yield tab
        finally:
            browser.close()


def _settled(page: Any) -> None:
    """The script run is over (the attribute Streamlit's own end-to-end tests wait on)."""
    from playwright.sync_api import expect

    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=WAIT)


def _first_cards(page: Any) -> Any:
    """Every answer's first candidate card: an expander whose title starts with '1. '."""
    title = page.locator("summary").get_by_text(re.compile(r"^1\. "))
    return page.get_by_test_id("stExpander").filter(has=title)


def _ask(page: Any, language: str, question: str) -> Any:
    """Switch the sidebar to ``language``, ask ``question``: the new answer's first card, open."""
    from playwright.sync_api import expect

    page.get_by_test_id("stSidebar").get_by_text(language, exact=True).click()
    _settled(page)
    cards = _first_cards(page)
    before = cards.count()
    box = page.locator('[data-testid="stChatInputTextArea"]')
    box.fill(question)
    box.press("Enter")
    expect(cards).to_have_count(before + 1, timeout=WAIT)
    _settled(page)
    card = cards.last
    if card.locator("details").get_attribute("open") is None:
        card.locator("summary").click()
    card.get_by_test_id("stTable").scroll_into_view_if_needed()
    return card


def _rows(table: Any) -> tuple[list[str], list[list[str]]]:
    """The header cells and the body rows' cells of a drawn ``st.table``."""
    header = [c.strip() for c in table.locator("thead th").all_inner_texts()]
    rows = table.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.querySelectorAll('td')).map(c => c.innerText.trim()))"
    )
    return header, rows


CASES = [
    pytest.param(
        "English",
        "Who is best suited for fisheries?",
        ["Factor", "Value", "Weight", "Detail", "Source"],
        {"Field relevance": r"field relevance \d\.\d\d", "Performance (SKP)": r"SKP 2023: Very good, .*"},
        ["Grade (golongan)", "9-box cell", "Score", "Scoring factors", "Evidence from the records",
         "position history", "(2017-present)"],
        ["Golongan", "Kotak talenta", "Skor", "Faktor penilaian", "Bukti dari rekam data", "riwayat jabatan",
         "relevansi bidang", "Sangat Baik", "sekarang", "tahun"],
        id="en",
    ),
    pytest.param(
        "Bahasa Indonesia",
        "Siapa ASN yang paling cocok untuk bidang perikanan?",
        ["Faktor", "Nilai", "Bobot", "Keterangan", "Sumber"],
        {"Relevansi bidang": r"relevansi bidang \d\.\d\d", "Kinerja (SKP)": r"SKP 2023: Sangat Baik, .*"},
        ["Golongan", "Kotak talenta", "Skor", "Faktor penilaian", "Bukti dari rekam data", "riwayat jabatan",
         "(2017-sekarang)"],
        ["Grade", "9-box cell", "Score", "Scoring factors", "Evidence from the records", "position history",
         "field relevance", "Very good", "present", " yr"],
        id="id",
    ),
]  # fmt: skip


@pytest.mark.parametrize("language, question, columns, details, labels, foreign", CASES)
def test_the_first_card_draws_its_factor_table_in_the_answer_language(
    page, language, question, columns, details, labels, foreign
):
    from playwright.sync_api import expect

    card = _ask(page, language, question)
    assert page.get_by_test_id("stException").count() == 0
    text = card.inner_text()
    assert SITI in text  # Ir. Siti Rahmawati, the fisheries head, first

    table = card.get_by_test_id("stTable")
    expect(table).to_have_count(1)
    expect(table).to_be_visible()
    assert table.get_by_test_id("stTableStyledEmptyTableCell").count() == 0  # not the grey "empty" box
    body = table.locator("tbody tr")
    for i in range(body.count()):
        expect(body.nth(i)).to_be_visible()
    header, rows = _rows(table)
    assert header == columns
    assert len(rows) >= 5 and all(len(row) == len(columns) for row in rows)
    assert all(re.fullmatch(r"\d\.\d\d", row[1]) and re.fullmatch(r"\d\.\d\d", row[2]) for row in rows)
    assert all(row[0] and row[3] for row in rows)  # a factor and its detail in every row
    by_factor = {row[0]: row for row in rows}
    assert rows[0][0] == next(iter(details))  # field relevance first
    for factor, detail in details.items():
        assert re.fullmatch(detail, by_factor[factor][3]), by_factor[factor]

    for label in labels:
        assert label in text, label
    for label in foreign:
        assert label not in text, label
