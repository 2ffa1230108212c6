"""The "Cari pegawai" workbench page under AppTest (real store with the fixture people), and its XLSX export."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from assistant.domain.golongan import golongan_rank
from assistant.domain.identity import Caller
from tests.ui.conftest import audit_entries, point_at
from ui.export import people_xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "people.jsonl"
BKD = Caller(user="bkd-1", role="bkpsdm")
KADIS = Caller(user="kadis", role="opd", unit_kerja="Dinas Kesehatan")
NIP = "198003152005011002"


# ---- people_xlsx ------------------------------------------------------------------------------


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_xlsx_keeps_nips_as_text_and_neutralises_formulas():
    columns = ["NIP", "Nama", "Kotak", "Merit"]
    rows: list[dict[str, object]] = [
        {"NIP": NIP, "Nama": '=HYPERLINK("x")', "Kotak": 9, "Merit": 0.812},
        {"NIP": 199205202020122009, "Nama": "+62 812", "Kotak": None, "Merit": -0.5},
        {"NIP": "198810102014031004", "Nama": "@SUM(A1)", "Merit": 0.1},
        {"NIP": "198707222010012004", "Nama": "\tx", "Kotak": 1, "Merit": 0.2},
        {"NIP": "198511032009022001", "Nama": "-1+2", "Kotak": 2, "Merit": 0.3},
    ]
    sheet = _sheet(people_xlsx(rows, columns))
    assert [c.value for c in sheet[1]] == columns
    assert all(c.font.bold for c in sheet[1])
    nip = sheet["A2"]
    assert nip.value == NIP and nip.data_type == "s" and len(nip.value) == 18
    assert sheet["A3"].value == "199205202020122009" and sheet["A3"].data_type == "s"  # an int NIP too
    assert sheet["B2"].value == '\'=HYPERLINK("x")' and sheet["B2"].data_type == "s"
    assert [sheet[f"B{i}"].value for i in range(3, 7)] == ["'+62 812", "'@SUM(A1)", "'\tx", "'-1+2"]
    assert sheet["C2"].value == 9 and sheet["D2"].value == pytest.approx(0.812)  # numbers stay numbers
    assert sheet["D3"].value == pytest.approx(-0.5)  # a negative number is not text to neutralise
    assert sheet["C3"].value is None and sheet["C4"].value is None
    assert sheet.column_dimensions["A"].width >= 18
    assert sheet.freeze_panes == "A2"


def test_xlsx_of_no_rows_is_the_header():
    sheet = _sheet(people_xlsx([], ["NIP", "Nama"]))
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["NIP", "Nama"]]


def test_xlsx_sheet_xml_has_no_formula_and_a_text_nip():
    """Read the raw sheet: the NIP is a string cell (never <v>1.98e17</v>), no <f> formula element."""
    import zipfile

    data = people_xlsx([{"NIP": NIP, "Nama": "=1+1"}], ["NIP", "Nama"])
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    assert f"<v>{NIP}</v>" not in xml  # never a number cell
    assert re.search(rf'<c r="A2"[^>]* t="inlineStr"><is><t>{NIP}</t></is></c>', xml)  # a text cell
    assert "<t>'=1+1</t>" in xml


# ---- the page ---------------------------------------------------------------------------------


def _fixture_people() -> list[dict]:
    return [json.loads(line) for line in FIXTURES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _nips_of_unit(unit: str) -> set[str]:
    return {p["nip"] for p in _fixture_people() if p.get("unit_kerja") == unit}


@pytest.fixture
def data_dir(store_copy, monkeypatch) -> Path:
    point_at(monkeypatch, store_copy)
    return store_copy


@pytest.fixture
def container(data_dir, embeddings):
    from assistant.config import Settings
    from assistant.container import build_container

    built = build_container(Settings(), embeddings=embeddings)  # the settings from TALENTA_* above
    assert built.settings.data_dir == data_dir
    return built


def _page_script(container, caller, lang):
    from ui.people_page import people_page

    people_page(container, caller, lang)


def _app(container, caller: Caller = BKD, lang: str = "id") -> AppTest:
    at = AppTest.from_function(_page_script, args=(container, caller, lang), default_timeout=30)
    return at.run()


_audit = audit_entries


def _markdown(at: AppTest) -> str:
    return "\n".join(md.value for md in at.markdown)


def _ask(at: AppTest, question: str) -> AppTest:
    return at.text_input(key="people_question").input(question).run()


def test_question_shows_the_units_people(container, data_dir):
    at = _app(container)
    assert not at.exception
    assert at.text_input(key="people_question").label == "Pertanyaan atau filter"
    assert at.text_input(key="people_question").placeholder.startswith("mis. ASN kotak 7-9")
    queries = len(_audit(data_dir, "query"))  # the first render lists everyone: one query
    assert queries == 1

    _ask(at, "ASN di Dinas Perikanan")
    assert not at.exception and not at.warning and not at.error
    frame = at.dataframe[0].value
    assert list(frame.columns) == [
        "NIP",
        "Nama",
        "Jabatan",
        "Unit kerja",
        "Golongan",
        "Jenis jabatan",
        "Kotak",
        "Merit",
    ]
    expected = _nips_of_unit("Dinas Perikanan")
    assert set(frame["NIP"]) == expected and len(frame) == len(expected) == 2
    assert all(isinstance(n, str) and len(n) == 18 for n in frame["NIP"])
    assert set(frame["Unit kerja"]) == {"Dinas Perikanan"}
    text = _markdown(at)
    assert "Saya memahami: unit Dinas Perikanan" in text
    assert f"**{len(expected)}** ASN cocok" in text

    entries = _audit(data_dir, "query")
    assert len(entries) == queries + 1
    assert entries[-1]["user"] == "bkd-1" and entries[-1]["role"] == "bkpsdm"
    assert set(entries[-1]["nips"]) == expected
    at.run()  # a rerun with the same inputs: no new query, no new audit entry
    at.run()
    assert not at.exception
    assert set(at.dataframe[0].value["NIP"]) == expected
    assert len(_audit(data_dir, "query")) == queries + 1


def test_protected_question_is_declined_without_a_table(container, data_dir):
    at = _ask(_app(container), "ASN beragama Islam")
    assert not at.exception
    assert at.warning and "agama" in at.warning[0].value
    assert not at.dataframe
    assert _audit(data_dir, "query")[-1]["status"] == "declined"


def test_question_not_understood_is_a_warning(container):
    at = _ask(_app(container), "xyzzy plugh")
    assert at.warning and "xyzzy" in at.warning[0].value
    assert not at.dataframe


def test_a_field_no_record_holds_shows_its_closest_people_as_a_weak_match(container):
    # never '5 ASN cocok' for people who only resemble the question in meaning
    at = _ask(_app(container), "ASN golongan III yang paham budidaya kucing anggora")
    assert not at.exception
    assert at.warning and "memuat kata **kucing** atau **anggora**" in at.warning[0].value
    assert "ASN cocok" not in _markdown(at)
    assert len(at.dataframe[0].value) > 0


def test_opd_head_sees_only_their_unit(container, data_dir):
    at = _app(container, KADIS)
    assert not at.exception and not at.warning
    frame = at.dataframe[0].value
    expected = _nips_of_unit("Dinas Kesehatan")
    assert expected and set(frame["NIP"]) == expected
    assert f"**{len(expected)}** ASN cocok" in _markdown(at)
    assert at.selectbox(key="people_unit").options == ["Semua unit", "Dinas Kesehatan"]
    assert _audit(data_dir, "query")[-1]["user"] == "kadis"
    _ask(at, "ASN di Dinas Perikanan")  # another unit: nobody the OPD head may see
    assert not at.dataframe and "**0** ASN cocok" in _markdown(at)


def test_widget_filters_and_sort_refine_the_question(container):
    people = _fixture_people()
    at = _app(container)
    at.selectbox(key="people_golongan_min").set_value("III/d").run()
    at.selectbox(key="people_sort").set_value("name").run()
    assert not at.exception
    frame = at.dataframe[0].value
    rank = golongan_rank("III/d")
    assert rank is not None
    senior = [p for p in people if (golongan_rank(p["golongan"]) or 0) >= rank]
    assert set(frame["NIP"]) == {p["nip"] for p in senior} and len(senior) == 3
    assert list(frame["Nama"].str.split().str[-1]) != []  # rows are named
    assert "golongan III/d ke atas" in _markdown(at)

    at.multiselect(key="people_jenis").set_value(["administrator"]).run()
    frame = at.dataframe[0].value
    assert set(frame["NIP"]) == {p["nip"] for p in senior if p["jenis_jabatan"] == "administrator"}
    assert set(frame["Jenis jabatan"]) == {"Administrator"}

    # The question's unit, then the widget's unit replaces it
    at.multiselect(key="people_jenis").set_value([]).run()
    at.selectbox(key="people_golongan_min").set_value("").run()
    _ask(at, "ASN di Dinas Perikanan")
    at.selectbox(key="people_unit").set_value("Dinas Kesehatan").run()
    assert set(at.dataframe[0].value["NIP"]) == _nips_of_unit("Dinas Kesehatan")


def test_selection_profile_and_compare(container):
    at = _app(container)
    frame = at.dataframe[0].value
    key = at.dataframe[0].key
    assert key and key.startswith("people_table_")

    at.button(key="people_compare").click().run()  # nothing selected
    assert at.warning and "Pilih 2 sampai 4" in at.warning[0].value
    assert "compare_nips" not in at.session_state
    at.button(key="people_open_profile").click().run()
    assert at.warning and "Pilih satu baris" in at.warning[0].value

    at.session_state[key] = {"selection": {"rows": [0, 2]}}
    at.run()
    assert not at.exception
    chosen = [frame["NIP"][0], frame["NIP"][2]]
    assert at.session_state["selected_nips"] == chosen
    at.button(key="people_compare").click().run()
    assert not at.warning
    assert at.session_state["compare_nips"] == chosen
    at.button(key="people_open_profile").click().run()
    assert at.session_state["profile_nip"] == chosen[0]

    at.session_state[key] = {"selection": {"rows": [0, 1, 2, 3, 4]}}
    at.run()
    at.button(key="people_compare").click().run()
    assert at.warning and "(terpilih: 5)" in at.warning[0].value
    assert at.session_state["compare_nips"] == chosen  # unchanged


def test_export_is_audited_only_when_clicked(container, data_dir):
    at = _ask(_app(container), "ASN di Dinas Perikanan")
    button = at.get("download_button")[0]
    assert button.label == "Unduh XLSX"
    at.run()
    assert not _audit(data_dir, "export")
    at.get("download_button")[0].click().run()
    assert not at.exception
    exports = _audit(data_dir, "export")
    assert len(exports) == 1
    assert set(exports[0]["nips"]) == _nips_of_unit("Dinas Perikanan") and exports[0]["rows"] == 2
    assert exports[0]["query"].startswith("Saya memahami: unit Dinas Perikanan")
    at.run()
    assert len(_audit(data_dir, "export")) == 1


def test_english(container):
    at = _app(container, lang="en")
    assert at.text_input(key="people_question").label == "Question or filter"
    _ask(at, "staff at Dinas Perikanan")
    assert not at.exception and not at.warning
    frame = at.dataframe[0].value
    assert list(frame.columns)[:4] == ["NIP", "Name", "Post", "Unit"]
    assert set(frame["NIP"]) == _nips_of_unit("Dinas Perikanan")
    assert "**2** people match" in _markdown(at)
    assert at.get("download_button")[0].label == "Download XLSX"


def test_field_question_name_nip_and_everyone(container):
    at = _ask(_app(container), "Siapa yang paling cocok untuk bidang perikanan?")
    assert not at.exception and not at.warning
    frame = at.dataframe[0].value
    assert frame["NIP"][0] == NIP  # ranked by the field search: Siti Rahmawati first
    assert "perikanan" in _markdown(at)
    _ask(at, "Bagus Prasetyo")
    assert list(at.dataframe[0].value["NIP"]) == ["198707222010012004"]
    _ask(at, "198511032009022001")
    assert list(at.dataframe[0].value["NIP"]) == ["198511032009022001"]
    _ask(at, "semua ASN")
    assert len(at.dataframe[0].value) == len(_fixture_people())


def test_paging_fetches_more_only_when_needed(container, data_dir, monkeypatch):
    import ui.people_page

    monkeypatch.setattr(ui.people_page, "PAGE_SIZE", 5)
    monkeypatch.setattr(ui.people_page, "MAX_ROWS", 10)
    at = _app(container)
    assert not at.exception
    assert len(at.dataframe[0].value) == 5
    first_page = list(at.dataframe[0].value["NIP"])
    assert "**12** ASN cocok" in _markdown(at)
    captions = "\n".join(c.value for c in at.caption)
    assert "Baris 1–5 dari 10" in captions and "Hanya 10 ASN pertama" in captions
    queries = len(_audit(data_dir, "query"))
    at.number_input(key="people_page_no").set_value(2).run()
    assert not at.exception
    second_page = list(at.dataframe[0].value["NIP"])
    assert len(second_page) == 5 and not set(second_page) & set(first_page)
    assert len(_audit(data_dir, "query")) == queries + 1  # ten rows fetched now
    at.number_input(key="people_page_no").set_value(1).run()
    assert list(at.dataframe[0].value["NIP"]) == first_page
    assert len(_audit(data_dir, "query")) == queries + 1  # already fetched
    _ask(at, "ASN di Dinas Perikanan")  # new inputs: back to page one
    assert at.session_state["people_page_no"] == 1
    assert set(at.dataframe[0].value["NIP"]) == _nips_of_unit("Dinas Perikanan")
