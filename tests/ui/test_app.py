"""The chat page under Streamlit's AppTest, against a real Chroma store with the fixture people."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import audit_entries, point_at

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
FISHERIES_ID = "Siapa ASN yang paling cocok untuk bidang perikanan?"
FISHERIES_EN = "Who is best suited for fisheries?"


@pytest.fixture
def data_dir(store_copy, monkeypatch) -> Path:
    _point_at(monkeypatch, store_copy)
    return store_copy


def _point_at(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    point_at(monkeypatch, data_dir, auth="none")  # the login is tested in test_workbench.py


def _app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    return at.run()


_audit = audit_entries


def _assistant_text(at: AppTest) -> str:
    messages = [m for m in at.chat_message if m.name == "assistant"]
    assert messages, "no assistant message"
    return "\n".join(md.value for md in messages[-1].markdown)


def test_page_renders_in_indonesian(data_dir):
    at = _app()
    assert not at.exception
    assert at.title[0].value == "Talenta — Asisten Talenta ASN"
    assert "keputusan penempatan tetap pada PPK" in at.caption[0].value
    sidebar = "\n".join(md.value for md in at.sidebar.markdown)
    assert "pimpinan-demo" in sidebar
    assert "**12** ASN terindeks" in sidebar
    assert [b.label for b in at.sidebar.button][:3] == [
        "Siapa ASN yang paling cocok untuk bidang perikanan?",
        "Siapa yang cocok untuk bidang kesehatan masyarakat?",
        "Who is best suited for financial management?",
    ]
    assert at.chat_input[0].placeholder.startswith("Tanyakan")
    assert not at.error


def test_question_shows_answer_and_candidate_cards(data_dir):
    before = len(_audit(data_dir))
    at = _app()
    at.chat_input[0].set_value(FISHERIES_ID).run()
    assert not at.exception
    assert not at.error
    text = _assistant_text(at)
    assert "Siti Rahmawati" in text
    assert "Kandidat untuk bidang perikanan" in text
    assert at.expander, "no candidate cards"
    first = at.expander[0]
    assert first.label == "1. Ir. Siti Rahmawati, M.Si. — Kepala Bidang Budidaya, Dinas Perikanan"
    card = "\n".join(md.value for md in first.markdown)
    assert "`198003152005011002`" in card  # NIP
    assert "Golongan **III/d**" in card
    assert "Kotak talenta **9**" in card
    assert "riwayat jabatan" in card and "Penyuluh Perikanan" in card
    factors = first.table[0].value
    assert list(factors.columns) == ["Faktor", "Nilai", "Bobot", "Keterangan", "Sumber"]
    assert "Relevansi bidang" in set(factors["Faktor"])

    entries = _audit(data_dir)[before:]
    chats = [e for e in entries if e["action"] == "chat"]
    assert len(chats) == 1
    assert chats[0]["query"] == FISHERIES_ID
    assert chats[0]["user"] == "pimpinan-demo" and chats[0]["role"] == "pimpinan"
    assert chats[0]["nips"][0] == "198003152005011002"


def test_history_survives_reruns(data_dir):
    at = _app()
    at.chat_input[0].set_value(FISHERIES_ID).run()
    at.run()  # a plain rerun (e.g. a widget click) re-renders the history from session_state
    assert not at.exception
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert "Siti Rahmawati" in _assistant_text(at)
    assert at.expander[0].label.startswith("1. Ir. Siti Rahmawati")


def test_english(data_dir):
    at = _app()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Talenta — ASN Talent Assistant"
    assert at.chat_input[0].placeholder.startswith("Ask")
    at.chat_input[0].set_value(FISHERIES_EN).run()
    assert not at.exception
    text = _assistant_text(at)
    assert "Candidates for" in text
    assert "Siti Rahmawati" in text
    first = at.expander[0]
    assert "Siti Rahmawati" in first.label
    assert "9-box cell **9**" in "\n".join(md.value for md in first.markdown)
    assert list(first.table[0].value.columns) == ["Factor", "Value", "Weight", "Detail", "Source"]


def test_example_button_asks_the_question(data_dir):
    at = _app()
    at.sidebar.button(key="example_0").click().run()
    assert not at.exception
    assert at.chat_message[0].markdown[0].value.startswith("Siapa ASN yang paling cocok")
    assert "Siti Rahmawati" in _assistant_text(at)


def test_empty_index_says_what_to_do(tmp_path, monkeypatch):
    _point_at(monkeypatch, tmp_path / "empty")
    at = _app()
    assert not at.exception
    assert at.error and "Indeks kosong" in at.error[0].value
    assert "make demo" in at.error[0].value
    assert at.chat_input[0].disabled
    assert all(b.disabled for b in at.sidebar.button if b.key.startswith("example_"))


def test_unreachable_store_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    _point_at(monkeypatch, tmp_path / "store")
    monkeypatch.setenv("TALENTA_STORE__MODE", "http")
    monkeypatch.setenv("TALENTA_STORE__PORT", "9")  # discard port: nothing listens there
    at = _app()
    assert not at.exception
    assert at.error and "Talenta tidak dapat dijalankan" in at.error[0].value
    assert at.chat_input[0].disabled


def _with_writer(monkeypatch: pytest.MonkeyPatch, writer, name: str) -> None:
    """The page's container, but its service writes with ``writer`` (a real LangChain runnable)."""
    import assistant.container
    from assistant.services.talent import TalentService

    real = assistant.container.build_container

    def build(settings=None, embeddings=None):
        container = real(settings, embeddings)
        container.service = TalentService(
            container.store, container.embeddings, container.audit, container.settings.search,
            writer, writer_name=name,
        )  # fmt: skip
        return container

    monkeypatch.setattr(assistant.container, "build_container", build)


def test_an_unsupported_sentence_is_never_shown(data_dir, monkeypatch):
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    from assistant.chains.answer import note_writer

    made_up = "Siti Rahmawati menonjol di bidang perikanan. Kandidat terbaik adalah Teguh Santoso (NIP 198810102014031004)."
    _with_writer(monkeypatch, note_writer(GenericFakeChatModel(messages=iter([made_up]))), "fake:scripted")
    at = _app()
    at.chat_input[0].set_value(FISHERIES_ID).run()
    assert not at.exception
    text = _assistant_text(at)
    assert "Teguh Santoso" not in text
    assert "Kandidat untuk bidang perikanan" in text and "Siti Rahmawati menonjol di bidang perikanan." in text
    assert "1 kalimat catatan asisten tidak ditampilkan" in text
    assert text.index("Kandidat untuk bidang perikanan") < text.index("Catatan asisten")  # the facts first
    at.run()
    assert "Teguh Santoso" not in _assistant_text(at)  # the history keeps the checked text
    assert [e for e in _audit(data_dir) if e["action"] == "chat"][-1]["grounded"] is False


def test_writer_failure_leaves_the_facts(data_dir, monkeypatch):
    from langchain_core.runnables import RunnableLambda

    def down(_item):
        raise ConnectionError("model endpoint down")

    _with_writer(monkeypatch, RunnableLambda(down), "openai:down")
    at = _app()
    at.chat_input[0].set_value(FISHERIES_ID).run()
    assert not at.exception and not at.error
    assert at.expander[0].label.startswith("1. Ir. Siti Rahmawati")  # the ranking still arrived
    assert "Catatan asisten tidak tersedia" in _assistant_text(at)
    at.run()
    assert "Catatan asisten tidak tersedia" in _assistant_text(at)


def test_follow_up_refers_to_the_previous_answer(data_dir):
    """Second turn 'bandingkan dua teratas' compares the first answer's top two (same session)."""
    at = _app()
    at.chat_input[0].set_value(FISHERIES_ID).run()
    at.chat_input[0].set_value("bandingkan dua teratas").run()
    assert not at.exception
    text = _assistant_text(at)
    assert "Perbandingan kandidat" in text and "Siti Rahmawati" in text and "Bagus Prasetyo" in text
    actions = [e["action"] for e in _audit(data_dir)]
    assert actions[-2:] == ["chat", "compare"]


def test_a_group_by_question_shows_a_table_and_a_chart(data_dir):
    """'Jumlah ASN per golongan': the count per group as a table and a bar chart, and no candidate cards."""
    from assistant.config import Settings
    from assistant.container import build_container

    expected = dict(build_container(Settings(data_dir=data_dir)).people.engine.connect().exec_driver_sql(
        "select golongan, count(*) from people where golongan is not null group by golongan").all())  # fmt: skip
    at = _app()
    at.chat_input[0].set_value("Jumlah ASN per golongan").run()
    assert not at.exception and not at.error
    text = _assistant_text(at)
    assert "Saya memahami: dikelompokkan menurut golongan" in text
    frame = at.dataframe[0].value
    assert list(frame.columns) == ["kelompok", "jumlah"]
    assert dict(zip(frame["kelompok"], frame["jumlah"], strict=True)) == expected and expected
    assert len(at.get("vega_lite_chart")) == 1  # the bar chart
    assert not at.expander  # counts, not people
