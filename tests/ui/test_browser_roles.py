"""The workbench in a real headless Chromium for every role, against one `streamlit run` per module:
the pages each role's navigation offers, one nominee taken through every state by three roles (with
an undo), the two XLSX downloads, an ASN's own page; and, over the API, that a role which may not
open a page gets no data from the endpoint behind it either."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import fixture_people
from tests.ui.conftest import audit_entries, streamlit_server
from tests.ui.test_browser import CHROMIUM, CHROMIUM_ARGS, PASSWORD, _sign_in

NOMINEE = "198003152005011002"  # Ir. Siti Rahmawati, Dinas Perikanan: the one suggestion for the post below
NOMINEE_NAME = "Ir. Siti Rahmawati, M.Si."
OTHER_UNIT = "198302172008011001"  # Ahmad Fauzi, Dinas Pertanian
UNIT = "Dinas Perikanan"
POST = "Kepala Bidang Perikanan Tangkap"  # made in the browser
WAITING_POST = "Kepala Seksi Budidaya"  # made in the fixture: the nominee waits on the komite there
WAIT = 60_000  # ms: Streamlit reruns, not sleeps
ALL_PAGES = ["Tanya Talenta", "Cari pegawai", "Profil pegawai", "Peta talenta", "Bandingkan", "Suksesi"]
ACCOUNTS: dict[str, dict[str, Any]] = {
    "bupati": {"role": "pimpinan"},
    "bkd-1": {"role": "bkpsdm"},
    "komite-1": {"role": "komite"},
    "kadis-ikan": {"role": "opd", "unit_kerja": UNIT},
    "siti": {"role": "asn", "nip": NOMINEE},
}


@dataclass(frozen=True)
class App:
    url: str
    data_dir: Path
    container: Any  # the test's own view of the same store: reads only (log=False) while the server runs
    waiting_pool: int


@pytest.fixture(scope="module")
def app(tmp_path_factory, fixture_store_dir) -> Iterator[App]:
    """One `streamlit run` for the module, on a copy of the fixture store with an account per role and
    a pool (made through the service before the server starts) in which the nominee waits on the komite."""
    from assistant.config import Settings
    from assistant.container import build_container
    from assistant.domain.identity import Caller

    root = tmp_path_factory.mktemp("roles")
    data_dir = root / "store"
    shutil.copytree(fixture_store_dir, data_dir)
    container = build_container(Settings(data_dir=data_dir))
    for user, account in ACCOUNTS.items():
        container.accounts.create(user, PASSWORD, **account)
    bkd = Caller(user="bkd-0", role="bkpsdm")
    svc = container.succession
    pool = svc.create_pool(bkd, WAITING_POST, unit_kerja=UNIT, level="pengawas")
    member = svc.add_members(bkd, pool.id, [NOMINEE]).members[0]
    svc.act(bkd, member.id, "nominasikan", "Kinerja sangat baik tiga tahun berturut-turut.")
    with streamlit_server(data_dir, root / "streamlit.log") as url:
        yield App(url, data_dir, container, pool.id)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser) -> Iterator[Any]:
    """A fresh browser context per call (its own Streamlit session); all closed after the test."""
    contexts: list[Any] = []

    def _new() -> Any:
        context = browser.new_context(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
        contexts.append(context)
        return context.new_page()

    yield _new
    for context in contexts:
        context.close()


# ---- page helpers ---------------------------------------------------------------------------------


def _signed_in(page: Any, url: str, user: str) -> None:
    from playwright.sync_api import expect

    _sign_in(page, url, user)
    expect(page.get_by_role("button", name="Keluar")).to_be_visible(timeout=WAIT)
    _settled(page)


def _settled(page: Any) -> None:
    """The script run a click or a choice asked for has finished (the attribute Streamlit's own
    end-to-end tests wait on): nothing on the page is about to be redrawn."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=WAIT
    )


def _sign_out(page: Any) -> None:
    from playwright.sync_api import expect

    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("heading", name="Masuk ke Talenta")).to_be_visible(timeout=WAIT)


def _open(page: Any, link: str, heading: str) -> None:
    from playwright.sync_api import expect

    page.get_by_role("link", name=link, exact=True).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=WAIT)
    _settled(page)


def _combobox(page: Any, key: str) -> Any:
    return page.locator(f".st-key-{key} input[role=combobox]")


def _choose(page: Any, key: str, option: str) -> None:
    """Pick an option of the selectbox (or multiselect) with this widget key: its label typed, and
    Enter once the list shows it (a click on an option of the open list is flaky: the list closes when
    anything on the page scrolls or redraws). A try that loses the list or picks nothing types again, five at most."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    box = _combobox(page, key)
    multi = page.locator(f".st-key-{key} [data-testid=stMultiSelect]").count() > 0
    for attempt in range(5):
        try:
            box.click(trial=True)  # waits until it is visible and still (an expander opening moves it)
            box.focus()
            box.press("Control+a")
            box.press("Backspace")
            box.press_sequentially(option)  # typed key by key: React sees each (a fill is sometimes lost)
            page.get_by_role("option", name=option).first.wait_for(timeout=5_000)
            box.press("Enter")
            if multi:
                expect(page.locator(f".st-key-{key}")).to_contain_text(option, timeout=5_000)
            else:
                # An Enter that came before the list focused its first option picks nothing and leaves the
                # typed text in the box, which looks the same (a form then submitted no unit): leaving the
                # box drops typed text and keeps a pick.
                box.blur()
                expect(box).to_have_value(option, timeout=5_000)
            break
        except (AssertionError, PlaywrightTimeout):
            if attempt == 4:
                raise
            page.keyboard.press("Escape")
    _settled(page)  # a choice outside a form reruns the page


def _options(page: Any, key: str) -> list[str]:
    """The labels a selectbox offers (read at once: the open list may close by itself)."""
    opener = page.locator(f".st-key-{key} button[aria-label=Open]")
    labels: list[str] = []
    deadline = time.monotonic() + WAIT / 1000
    while not labels and time.monotonic() < deadline:
        opener.click()
        page.get_by_role("option").first.wait_for(timeout=WAIT)
        labels = page.evaluate(
            "() => Array.from(document.querySelectorAll('[role=option]')).map(o => o.textContent)"
        )
    page.keyboard.press("Escape")
    return labels


def _button(page: Any, key: str) -> Any:
    """The button with this widget key (a download button with help text draws a hidden twin)."""
    return page.locator(f".st-key-{key} button:visible").first


def _nav(page: Any) -> list[str]:
    return [link.inner_text() for link in page.get_by_test_id("stSidebarNavLink").all()]


def _grid(table: Any) -> list[list[str]]:
    """The rows of a dataframe as its accessible grid holds them (header first, the visible columns)."""
    rows = table.locator("table[role=grid]").evaluate(
        "t => Array.from(t.querySelectorAll('tr')).map(r => Array.from(r.children).map(c => c.textContent))"
    )
    return [list(r) for r in rows]


def _until(read: Any, timeout: float = WAIT / 1000) -> Any:
    """What ``read`` returns once it is truthy: a write the server makes after a click (polled)."""
    deadline = time.monotonic() + timeout
    while not (found := read()):
        if time.monotonic() > deadline:
            pytest.fail(f"nothing after {timeout} s")
        time.sleep(0.2)
    return found


def _table(page: Any, header: str) -> Any:
    """The dataframe with a column of this name."""
    th = page.locator("th").filter(has_text=re.compile(rf"^{re.escape(header)}$"))
    return page.get_by_test_id("stDataFrame").filter(has=th)


def _column(table: Any, header: str) -> list[str]:
    rows = _grid(table)
    at = rows[0].index(header)
    return [r[at] for r in rows[1:]]


def _wait_column(table: Any, header: str, want: list[str]) -> None:
    """Until the column holds ``want`` (the page redraws after the server wrote)."""
    deadline = time.monotonic() + WAIT / 1000
    while (got := _column(table, header)) != want:
        if time.monotonic() > deadline:
            pytest.fail(f"column {header!r}: {got} after {WAIT / 1000:.0f} s, not {want}")
        time.sleep(0.2)


def _no_exception(page: Any) -> None:
    assert page.get_by_test_id("stException").count() == 0


def _sheet(data: bytes) -> tuple[list[Any], list[list[Any]]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = [list(r) for r in sheet.iter_rows()]
    return [c.value for c in rows[0]], rows[1:]


# ---- 1. the pages each role sees ----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(
    ("user", "shown", "landing"),
    [
        ("bupati", ALL_PAGES, "Talenta — Asisten Talenta ASN"),
        ("bkd-1", ALL_PAGES, "Talenta — Asisten Talenta ASN"),
        ("komite-1", ALL_PAGES, "Talenta — Asisten Talenta ASN"),
        ("kadis-ikan", ALL_PAGES, "Talenta — Asisten Talenta ASN"),
        ("siti", [], "Profil saya"),  # one page: no navigation at all
    ],
)
def test_each_role_sees_only_its_pages(app, new_page, user, shown, landing):
    from playwright.sync_api import expect

    page = new_page()
    _signed_in(page, app.url, user)
    expect(page.get_by_role("heading", name=landing)).to_be_visible(timeout=WAIT)
    assert _nav(page) == shown
    for title in [*ALL_PAGES, "Profil saya"]:
        if title not in shown:
            assert page.get_by_role("link", name=title, exact=True).count() == 0, title
    _no_exception(page)


@pytest.mark.browser
@pytest.mark.slow
def test_an_opd_heads_talent_map_offers_only_their_unit(app, new_page):
    page = new_page()
    _signed_in(page, app.url, "kadis-ikan")
    _open(page, "Peta talenta", "Peta talenta (9-box)")
    assert _options(page, "map_unit") == ["Semua unit yang dapat Anda lihat", UNIT]
    _no_exception(page)


# ---- 2. one nominee through every state ----------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_one_nominee_through_every_state_by_three_roles(app, new_page):
    from playwright.sync_api import expect

    from assistant.domain.identity import Caller

    svc = app.container.succession
    bkd = Caller(user="bkd-1", role="bkpsdm")
    pool_name = f"{POST} — {UNIT}"
    page = new_page()

    def state_is(state: str) -> None:
        _wait_column(_table(page, "Kesiapan"), "Status", [state])
        _settled(page)

    def step(action: str, note: str) -> None:
        _choose(page, "step_action", action)
        page.locator(".st-key-step_note textarea").fill(note)
        page.get_by_role("button", name="Simpan", exact=True).click()

    # BKPSDM: a pool for the post, the suggested candidate added, nominated (first without a note)
    _signed_in(page, app.url, "bkd-1")
    _open(page, "Suksesi", "Suksesi dan kelompok talenta")
    page.get_by_text("Buat kelompok untuk jabatan target").click()
    page.locator(".st-key-pool_title input").fill(POST)
    _choose(page, "pool_unit", UNIT)
    page.get_by_role("button", name="Buat", exact=True).click()
    pool = _until(lambda: next((p for p in svc.pools_raw() if p["post_title"] == POST), None))
    assert (pool["unit_kerja"], pool["level"], pool["created_by"]) == (UNIT, "administrator", "bkd-1")
    _settled(page)
    _choose(page, "pool_pick", pool_name)
    expect(page.get_by_text("Belum ada calon dalam kelompok ini.")).to_be_visible(timeout=WAIT)
    page.get_by_text("Usulan calon yang memenuhi syarat").first.click()
    _choose(page, "pool_suggest", NOMINEE_NAME)
    _button(page, "pool_add").click()
    state_is("kandidat")
    step("nominasikan", "")
    expect(page.get_by_text("wajib disertai catatan")).to_be_visible(timeout=WAIT)
    member = svc.pool(bkd, pool["id"], log=False).members[0]
    assert (member.nip, member.state, member.events) == (NOMINEE, "kandidat", [])  # nothing changed
    _settled(page)
    step("nominasikan", "Memenuhi syarat; kinerja sangat baik tiga tahun.")
    state_is("dinominasikan")
    _no_exception(page)
    _sign_out(page)

    # the komite: verified, then readiness and the main successor with the shortcut; an IDP item moved
    _signed_in(page, app.url, "komite-1")
    _open(page, "Suksesi", "Suksesi dan kelompok talenta")
    _choose(page, "pool_pick", pool_name)
    step("verifikasi", "Berkas dan rekam jejak sudah diperiksa komite.")
    state_is("diverifikasi")
    members = _table(page, "Kesiapan")
    assert (_column(members, "Kesiapan"), _column(members, "Utama")) == (["-"], [""])
    _choose(page, "mark_readiness", "siap sekarang")
    page.locator(".st-key-mark_note textarea").fill("Sudah PKA; JPM 82.")
    page.get_by_role("button", name="Simpan kesiapan").click()
    _wait_column(members, "Kesiapan", ["siap sekarang"])
    _settled(page)
    page.locator(".st-key-mark_note textarea").fill("Merit tertinggi di kelompok ini.")
    page.get_by_role("button", name="Jadikan suksesor utama").click()
    _wait_column(members, "Utama", ["✓"])
    _settled(page)
    page.get_by_text("Rencana pengembangan (IDP)").click()
    _settled(page)
    what = page.locator(".st-key-idp_what input")
    what.fill("Diklat PKA angkatan 2027")
    expect(what).to_have_value("Diklat PKA angkatan 2027", timeout=WAIT)
    what.press("Tab")  # the value is handed to the form before the submit button is pressed
    page.get_by_role("button", name="Tambahkan ke rencana").click()
    plan = _table(page, "Uraian")
    _wait_column(plan, "Status", ["direncanakan"])
    _settled(page)
    _choose(page, "idp_move_status", "berjalan")
    page.locator(".st-key-idp_move_note textarea").fill("Terdaftar di BPSDM provinsi.")
    page.get_by_role("button", name="Simpan status").click()
    _wait_column(plan, "Status", ["berjalan"])
    state_is("diverifikasi")  # neither shortcut takes a step
    _no_exception(page)
    _sign_out(page)

    # the pimpinan in a new browser context: appointed, the appointment undone, appointed again
    page = new_page()
    _signed_in(page, app.url, "bupati")
    _open(page, "Suksesi", "Suksesi dan kelompok talenta")
    _choose(page, "pool_pick", pool_name)
    step("tetapkan", "Ditetapkan dalam rapat pimpinan.")
    state_is("ditetapkan")
    step("batalkan", "Salah kelompok; dikembalikan untuk dikaji.")
    state_is("diverifikasi")
    page.get_by_text("Riwayat keputusan").click()
    history = _table(page, "Tindakan")
    _wait_column(
        history, "Tindakan", ["nominasikan", "verifikasi", "kesiapan", "utama", "tetapkan", "batalkan"]
    )
    undo_row = dict(zip(_grid(history)[0], _grid(history)[-1], strict=True))
    assert (undo_row["NIP"], undo_row["Status"], undo_row["Peran"]) == (NOMINEE, "diverifikasi", "pimpinan")
    step("tetapkan", "Ditetapkan setelah dikaji ulang.")
    state_is("ditetapkan")
    _wait_column(history, "Tindakan", ["nominasikan", "verifikasi", "kesiapan", "utama", "tetapkan", "batalkan",
                                       "tetapkan"])  # fmt: skip
    _no_exception(page)

    final = svc.pool(bkd, pool["id"], log=False).members[0]
    assert (final.nip, final.state, final.readiness, final.main) == (
        NOMINEE,
        "ditetapkan",
        "siap sekarang",
        True,
    )
    assert [(e.action, e.source, e.target, e.role) for e in final.events] == [
        ("nominasikan", "kandidat", "dinominasikan", "bkpsdm"),
        ("verifikasi", "dinominasikan", "diverifikasi", "komite"),
        ("kesiapan", "diverifikasi", "diverifikasi", "komite"),
        ("utama", "diverifikasi", "diverifikasi", "komite"),
        ("tetapkan", "diverifikasi", "ditetapkan", "pimpinan"),
        ("batalkan", "ditetapkan", "diverifikasi", "pimpinan"),
        ("tetapkan", "diverifikasi", "ditetapkan", "pimpinan"),
    ]
    undo = final.events[5]
    assert undo.undoes == final.events[4].id and undo.actor == "bupati"
    assert [(i.status, i.updated_by) for i in svc.development(bkd, final.id)] == [("berjalan", "komite-1")]
    assert app.container.audit.verify()  # the server's audit chain is whole


# ---- 3. the two XLSX downloads -------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_bkpsdm_downloads_the_meeting_brief_and_the_search_table(app, new_page, tmp_path):
    from playwright.sync_api import expect

    page = new_page()
    _signed_in(page, app.url, "bkd-1")
    _open(page, "Suksesi", "Suksesi dan kelompok talenta")
    _choose(page, "pool_pick", f"{WAITING_POST} — {UNIT}")
    _button(page, "brief_make").click()
    download_button = _button(page, "brief_download")
    expect(download_button).to_be_visible(timeout=WAIT)
    with page.expect_download(timeout=WAIT) as got:
        download_button.click()
    brief = got.value
    assert brief.suggested_filename == f"bahan-rapat-{app.waiting_pool}.xlsx"
    brief.save_as(tmp_path / "brief.xlsx")
    header, rows = _sheet((tmp_path / "brief.xlsx").read_bytes())
    assert header[:3] == ["Peran", "NIP", "Nama"]
    assert [(r[1].value, r[1].data_type, r[2].value) for r in rows[:-1]] == [(NOMINEE, "s", NOMINEE_NAME)]
    assert "keputusan tetap pada PPK" in rows[-1][0].value  # the closing line

    _open(page, "Cari pegawai", "Cari pegawai")
    _choose(page, "people_unit", UNIT)
    expected = sorted(p.nip for p in fixture_people() if p.unit_kerja == UNIT)
    expect(page.get_by_text(re.compile(rf"^{len(expected)} ASN cocok$"))).to_be_visible(
        timeout=WAIT
    )  # not 12
    _settled(page)  # the download button below holds this page's rows
    export = _button(page, "people_export")
    with page.expect_download(timeout=WAIT) as got:
        export.click()
    got.value.save_as(tmp_path / "people.xlsx")
    header, rows = _sheet((tmp_path / "people.xlsx").read_bytes())
    assert header[:4] == ["NIP", "Nama", "Jabatan", "Unit kerja"]
    assert sorted(r[0].value for r in rows) == expected
    assert {(r[0].data_type, len(r[0].value), r[3].value) for r in rows} == {("s", 18, UNIT)}
    _no_exception(page)
    exports = _until(lambda: [e for e in audit_entries(app.data_dir, "export") if e["user"] == "bkd-1"])
    assert sorted(exports[-1]["nips"]) == expected  # the download is audited


# ---- 4. the nominee's own page ----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_the_nominee_sees_their_cell_pool_state_and_who_viewed_them(app, new_page):
    from playwright.sync_api import expect

    from assistant.domain.nine_box import place_employee

    viewer = new_page()  # BKPSDM opens the nominee's profile first
    _signed_in(viewer, app.url, "bkd-1")
    _open(viewer, "Profil pegawai", "Profil pegawai")
    viewer.get_by_role("textbox", name="NIP").fill(NOMINEE)
    viewer.get_by_role("textbox", name="NIP").press("Enter")
    expect(viewer.get_by_text(NOMINEE_NAME).first).to_be_visible(timeout=WAIT)

    page = new_page()
    _signed_in(page, app.url, "siti")
    expect(page.get_by_role("heading", name="Profil saya")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text(NOMINEE_NAME).first).to_be_visible(timeout=WAIT)
    cell = place_employee(app.container.people.get([NOMINEE])[NOMINEE]).cell
    metric = page.get_by_test_id("stMetric").filter(has_text="Kotak talenta")
    expect(metric.get_by_test_id("stMetricValue")).to_have_text(str(cell), timeout=WAIT)
    pools = _table(page, "Jabatan target")
    expect(pools.locator("table[role=grid]")).to_contain_text(WAITING_POST, timeout=WAIT)
    mine = dict(zip(_column(pools, "Jabatan target"), _column(pools, "Status"), strict=True))
    assert mine[WAITING_POST] == "dinominasikan"  # (and the post of the test above, when it ran first)
    viewers = _table(page, "Peran")
    expect(viewers.locator("table[role=grid]")).to_contain_text("bkpsdm", timeout=WAIT)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert ["bkpsdm", "-", today] in _grid(viewers)[1:]  # BKPSDM: no unit; the viewer's name is not shown
    for title in ("Tanya Talenta", "Cari pegawai", "Suksesi"):
        assert page.get_by_role("link", name=title, exact=True).count() == 0, title
    assert page.get_by_test_id("stChatInput").count() == 0
    _no_exception(page)


# ---- 5. no data over the API behind a page a role cannot open -------------------------------------------

BAGUS = "198707222010012004"  # Dinas Perikanan, in no pool
HENDRA = "197905122006041003"  # Kepala Bidang Kesehatan Masyarakat, Dinas Kesehatan
OTHER = "Dinas Kesehatan"


@dataclass(frozen=True)
class Api:
    client: Any
    spec: dict[str, Any]
    fishery_pool: int  # Dinas Perikanan: the nominee, and Ahmad Fauzi from Dinas Pertanian
    health_pool: int  # Dinas Kesehatan: Hendra Gunawan
    members: dict[str, int]  # NIP -> pool member id


@pytest.fixture
def api(make_container) -> Api:
    """The API on the fixture people, the holders of two administrator posts (one per unit) reaching the
    retirement age within the year, a key per role, and a pool in each unit."""
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.config import ApiKey

    soon = dt.date.today() + dt.timedelta(days=120)
    born = dt.date(soon.year - 58, soon.month, 1)  # administrator: BUP 58
    people = [
        p.model_copy(update={"tanggal_lahir": born}) if p.nip in (NOMINEE, HENDRA) else p
        for p in fixture_people()
    ]
    container = make_container(people)
    container.settings.api.keys = {
        "k-bkd": ApiKey(user="bkd-1", role="bkpsdm"),
        "k-komite": ApiKey(user="komite-1", role="komite"),
        "k-opd": ApiKey(user="kadis-ikan", role="opd", unit_kerja=UNIT),
        "k-asn": ApiKey(user="bagus", role="asn", nip=BAGUS),
        "k-siti": ApiKey(user="siti", role="asn", nip=NOMINEE),
    }
    client = TestClient(create_app(container))
    members: dict[str, int] = {}
    pools = []
    for post, unit, level, nips in ((WAITING_POST, UNIT, "pengawas", [NOMINEE, OTHER_UNIT]),
                                    ("Kepala Dinas Kesehatan", OTHER, "jpt_pratama", [HENDRA])):  # fmt: skip
        made = client.post(
            "/v1/pools", headers=_key("k-bkd"), json={"post_title": post, "unit_kerja": unit, "level": level}
        )
        added = client.post(
            f"/v1/pools/{made.json()['id']}/members", headers=_key("k-bkd"), json={"nips": nips}
        ).json()
        for m in added["members"]:
            members[m["nip"]] = m["id"]
            client.post(f"/v1/pool-members/{m['id']}/steps", headers=_key("k-bkd"),
                        json={"action": "nominasikan", "note": "Memenuhi syarat jabatan."})  # fmt: skip
            client.post(f"/v1/pool-members/{m['id']}/development", headers=_key("k-bkd"),
                        json={"kind": "mentoring", "description": "Mentoring oleh kepala dinas"})  # fmt: skip
        pools.append(made.json()["id"])
    return Api(client, client.get("/openapi.json").json(), pools[0], pools[1], members)


def _key(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def _refused(api: Api, key: str, method: str, path: str, route: str, status: int, **body: Any) -> None:
    """Refused with ``status``, which the OpenAPI page documents for that route."""
    response = api.client.request(method, path, headers=_key(key), **body)
    assert response.status_code == status, (key, path, response.text)
    documented = api.spec["paths"][route][method.lower()]["responses"]
    assert str(status) in documented, (route, sorted(documented))


def test_an_asn_key_gets_no_data_behind_the_pages_an_asn_cannot_open(api):
    get = api.client.get
    _refused(api, "k-asn", "GET", "/v1/vacancies", "/v1/vacancies", 403)
    for pool in (api.fishery_pool, api.health_pool):
        _refused(api, "k-asn", "GET", f"/v1/pools/{pool}", "/v1/pools/{pool_id}", 404)
        _refused(api, "k-asn", "GET", f"/v1/pools/{pool}/brief.xlsx", "/v1/pools/{pool_id}/brief.xlsx", 404)
        _refused(api, "k-asn", "GET", f"/v1/pools/{pool}/suggestions", "/v1/pools/{pool_id}/suggestions", 404)
    _refused(api, "k-asn", "GET", f"/v1/pool-members/{api.members[NOMINEE]}/development",
             "/v1/pool-members/{member_id}/development", 404)  # fmt: skip
    _refused(api, "k-asn", "POST", "/v1/compare", "/v1/compare", 404, json={"nips": [BAGUS, NOMINEE]})
    assert get("/v1/pools", headers=_key("k-asn")).json() == []  # documented: the pools the caller may see
    assert get("/v1/inbox", headers=_key("k-asn")).json() == []  # nothing waits on an ASN
    other = get("/v1/talent-map", params={"unit": OTHER}, headers=_key("k-asn")).json()
    assert (other["placed"], other["not_placed"]) == (0, 0)
    own = get("/v1/talent-map", headers=_key("k-asn")).json()
    assert own["placed"] + own["not_placed"] == 1  # their own record only

    # the nominee: their own place in their pool, no one else's
    assert [p["id"] for p in get("/v1/pools", headers=_key("k-siti")).json()] == [api.fishery_pool]
    mine = get(f"/v1/pools/{api.fishery_pool}", headers=_key("k-siti")).json()
    assert [m["nip"] for m in mine["members"]] == [NOMINEE]
    _refused(api, "k-siti", "GET", f"/v1/pool-members/{api.members[OTHER_UNIT]}/development",
             "/v1/pool-members/{member_id}/development", 404)  # fmt: skip
    _refused(api, "k-siti", "GET", f"/v1/pools/{api.health_pool}", "/v1/pools/{pool_id}", 404)


def test_an_opd_key_gets_only_its_units_data(api):
    get = api.client.get
    assert [p["id"] for p in get("/v1/pools", headers=_key("k-opd")).json()] == [api.fishery_pool]
    _refused(api, "k-opd", "GET", f"/v1/pools/{api.health_pool}", "/v1/pools/{pool_id}", 404)
    _refused(
        api, "k-opd", "GET", f"/v1/pools/{api.health_pool}/brief.xlsx", "/v1/pools/{pool_id}/brief.xlsx", 404
    )
    _refused(api, "k-opd", "GET", f"/v1/pool-members/{api.members[HENDRA]}/development",
             "/v1/pool-members/{member_id}/development", 404)  # fmt: skip
    _refused(
        api,
        "k-opd",
        "GET",
        f"/v1/pools/{api.fishery_pool}/suggestions",
        "/v1/pools/{pool_id}/suggestions",
        403,
    )
    _refused(api, "k-opd", "POST", "/v1/compare", "/v1/compare", 404, json={"nips": [NOMINEE, HENDRA]})
    _refused(api, "k-opd", "GET", f"/v1/employees/{OTHER_UNIT}", "/v1/employees/{nip}", 404)  # as if no one
    assert get("/v1/inbox", headers=_key("k-opd")).json() == []  # nothing waits on an OPD head
    assert len(get("/v1/inbox", headers=_key("k-komite")).json()) == 3  # (while the komite has three)
    other = get("/v1/talent-map", params={"unit": OTHER}, headers=_key("k-opd")).json()
    assert (other["placed"], other["not_placed"]) == (0, 0)
    own = get("/v1/talent-map", headers=_key("k-opd")).json()
    assert own["placed"] + own["not_placed"] == len([p for p in fixture_people() if p.unit_kerja == UNIT])
    posts = get("/v1/vacancies", headers=_key("k-opd")).json()
    assert [(v["holder_nip"], v["unit_kerja"]) for v in posts] == [(NOMINEE, UNIT)]
    assert {v["holder_nip"] for v in get("/v1/vacancies", headers=_key("k-bkd")).json()} == {NOMINEE, HENDRA}
    compared = api.client.post("/v1/compare", headers=_key("k-opd"), json={"nips": [NOMINEE, BAGUS]})
    assert compared.status_code == 200  # two people of their own unit


def test_an_opd_key_sees_no_nominee_from_another_unit_in_its_units_pool(api):
    get = api.client.get
    shown = get(f"/v1/pools/{api.fishery_pool}", headers=_key("k-opd")).json()["members"]
    assert {m["unit_kerja"] for m in shown} == {UNIT}, [
        (m["nip"], m["unit_kerja"], m["kotak_talenta"]) for m in shown
    ]
    brief = get(f"/v1/pools/{api.fishery_pool}/brief.xlsx", headers=_key("k-opd"))
    assert brief.status_code == 404 or OTHER_UNIT not in [r[1].value for r in _sheet(brief.content)[1]]
    plan = get(f"/v1/pool-members/{api.members[OTHER_UNIT]}/development", headers=_key("k-opd"))
    assert plan.status_code == 404
