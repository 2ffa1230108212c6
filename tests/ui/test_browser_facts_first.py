"""Content first, in a real headless Chromium (issue 16): the ranked list and its cards are on screen
while the model has not written a word; its note then arrives in its own place, checked sentence by
sentence (an unsupported sentence is never shown, and the answer says one was held back).

The model is an OpenAI-compatible endpoint on 127.0.0.1 that holds its first token until the test
releases it, so "before the model" is a fact of the test, not a race."""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.ui.conftest import streamlit_server
from tests.ui.test_browser import CHROMIUM, CHROMIUM_ARGS, PASSWORD, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WAIT = 60_000  # ms
GOOD = "Siti Rahmawati menonjol karena pengalamannya di bidang perikanan."
BAD = "Ia juga dikenal sebagai ahli bedah jantung."


class _HeldModel:
    """Streams GOOD and BAD as chat-completion chunks once ``release`` is set."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.asked = threading.Event()
        model = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if body.get("max_tokens") == 1:  # the warm-up of the prompt prefix
                    self._send([""], stream=bool(body.get("stream")))
                    return
                model.asked.set()
                model.release.wait(timeout=120)
                self._send([w + " " for w in f"{GOOD} {BAD}".split()], stream=bool(body.get("stream")))

            def _send(self, pieces: list[str], stream: bool) -> None:
                self.send_response(200)
                if not stream:
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    msg = {"role": "assistant", "content": "".join(pieces)}
                    self.wfile.write(json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "held",
                                                 "choices": [{"index": 0, "message": msg, "finish_reason": "stop"}]}).encode())  # fmt: skip
                    return
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for piece in pieces:
                    chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "held",
                             "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}  # fmt: skip
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def held(tmp_path_factory, fixture_store_dir) -> Iterator[tuple[Any, _HeldModel]]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    from assistant.config import Settings
    from assistant.container import build_container

    model = _HeldModel()
    root = tmp_path_factory.mktemp("facts_first")
    data_dir = root / "store"
    shutil.copytree(fixture_store_dir, data_dir)
    build_container(Settings(data_dir=data_dir)).accounts.create("bupati", PASSWORD, "pimpinan")
    env = {"TALENTA_LLM__PROVIDER": "openai", "TALENTA_LLM__BASE_URL": model.url, "TALENTA_LLM__MODEL": "held",
           "TALENTA_LLM__API_KEY": "none", "TALENTA_LLM__NOTE": "write"}  # fmt: skip
    try:
        with streamlit_server(data_dir, root / "streamlit.log", env) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            try:
                tab = browser.new_page(viewport={"width": 1400, "height": 2600})
                _sign_in(tab, url, "bupati")
                tab.locator('[data-testid="stChatInputTextArea"]').wait_for(timeout=WAIT)
                yield tab, model
            finally:
                browser.close()
    finally:
        model.release.set()
        model.server.shutdown()


def test_the_list_is_on_screen_before_the_model_writes_and_its_note_is_checked(held):
    from playwright.sync_api import expect

    page, model = held
    box = page.locator('[data-testid="stChatInputTextArea"]')
    box.fill("Siapa ASN yang paling cocok untuk bidang perikanan?")
    box.press("Enter")
    assert model.asked.wait(timeout=60), "the model was never asked"
    message = page.get_by_test_id("stChatMessage").last
    # The model holds its first token: the facts are already there.
    expect(message.locator("summary").get_by_text(re.compile(r"^1\. Ir\. Siti Rahmawati"))).to_be_visible(timeout=WAIT)
    expect(message.get_by_text("Kandidat untuk bidang perikanan")).to_be_visible()
    expect(message.get_by_text("Catatan asisten sedang ditulis")).to_be_visible()
    assert GOOD not in message.inner_text()

    model.release.set()
    expect(message.get_by_text(GOOD)).to_be_visible(timeout=WAIT)
    expect(message.get_by_text("1 kalimat catatan asisten tidak ditampilkan")).to_be_visible(timeout=WAIT)
    text = message.inner_text()
    assert "bedah jantung" not in text
    assert text.index("Kandidat untuk bidang perikanan") < text.index(GOOD)  # the note below the facts
    expect(message.get_by_text("Catatan asisten sedang ditulis")).to_have_count(0)
