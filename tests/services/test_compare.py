"""Two to four people side by side for one target post: the records per row, the best marked, the
post's rules and gaps, a person the caller may not see refused, the comparison audited."""

from __future__ import annotations

import pytest

from assistant.domain.identity import Caller
from assistant.domain.posts import target_post_from_text
from assistant.services.compare import compare
from assistant.services.errors import Conflict, NotFound

SITI, BAGUS, HENDRA = "198003152005011002", "198707222010012004", "197905122006041003"
BKD = Caller(user="bkd-1", role="bkpsdm")


@pytest.fixture(scope="module")
def container(tmp_path_factory, embeddings, people):
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    built = build_container(Settings(data_dir=tmp_path_factory.mktemp("compare")), embeddings=embeddings)
    ingest_employees(built.store, built.embeddings, people)
    return built


def test_the_best_value_per_row_is_marked(container):
    target = target_post_from_text("Kepala Bidang Budidaya")
    got = compare(container.service, BKD, [SITI, BAGUS], target)
    rows = {r.label: r for r in got.rows}
    assert rows["Golongan"].values == ["III/d", "III/b"] and rows["Golongan"].best == [0]
    assert "Syarat jabatan target" in rows and len(got.eligibility) == 2 and got.eligibility[0] is not None
    assert rows["Jabatan sekarang"].best == []  # text rows mark nothing
    entry = container.audit.entries()[-1]
    assert entry["action"] == "compare" and entry["nips"] == [SITI, BAGUS]


def test_a_comparison_needs_two_to_four_visible_people(container):
    with pytest.raises(Conflict):
        compare(container.service, BKD, [SITI], None)
    head = Caller(user="kadis-ikan", role="opd", unit_kerja="Dinas Perikanan")
    assert compare(container.service, head, [SITI, BAGUS], None).names
    with pytest.raises(NotFound):  # Hendra is in Dinas Kesehatan
        compare(container.service, head, [SITI, HENDRA], None)


def test_compare_over_http(make_container):
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app

    client = TestClient(create_app(make_container()))
    r = client.post("/v1/compare", json={"nips": [SITI, BAGUS], "post": "Kepala Bidang Budidaya"})
    assert r.status_code == 200 and r.json()["post"] == "Kepala Bidang Budidaya"
    assert client.post("/v1/compare", json={"nips": [SITI]}).status_code == 422


def test_the_talent_map_counts_people_per_cell_in_the_grid(container):
    from assistant.domain.nine_box import place_employee
    from assistant.services.talent_map import talent_map

    people = container.people.get(container.people.first_nips(100))
    got = talent_map(container.service, BKD)
    cells = [box.cell for row in got.grid for box in row]
    assert cells == [6, 8, 9, 3, 5, 7, 1, 2, 4]  # high potential on top, above expectation on the right
    placed = [place_employee(e).cell for e in people.values()]
    for row in got.grid:
        for box in row:
            assert box.count == placed.count(box.cell)
    assert got.placed + got.not_placed == len(people)
    head = Caller(user="kadis-ikan", role="opd", unit_kerja="Dinas Perikanan")
    mine = talent_map(container.service, head)
    assert mine.placed + mine.not_placed == sum(1 for e in people.values() if e.unit_kerja == "Dinas Perikanan")


def test_the_talent_map_over_http(make_container):
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app

    body = TestClient(create_app(make_container())).get("/v1/talent-map", params={"unit": "Dinas Perikanan"}).json()
    assert body["unit"] == "Dinas Perikanan" and len(body["grid"]) == 3 and len(body["grid"][0]) == 3
