"""Komite sessions, calibrations and the 9-box history over HTTP, with a key per role."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.config import ApiKey

SITI = "198003152005011002"
REASON = "Kinerja turun pada proyek strategis 2025."


@pytest.fixture
def client(make_container):
    container = make_container()
    container.settings.api.keys = {
        "k-bkd": ApiKey(user="bkd-1", role="bkpsdm"), "k-komite": ApiKey(user="komite-1", role="komite"),
        "k-bupati": ApiKey(user="bupati", role="pimpinan"),
        "k-kes": ApiKey(user="kadis-kes", role="opd", unit_kerja="Dinas Kesehatan"),
        "k-siti": ApiKey(user="siti", role="asn", nip=SITI),
    }  # fmt: skip
    return TestClient(create_app(container))


def _h(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def test_a_calibration_over_http(client):
    made = client.post("/v1/komite-sessions", headers=_h("k-bkd"), json={"title": "Sidang Komite II", "held_on": "2026-12-01"})
    assert made.status_code == 200, made.text
    session_id = made.json()["id"]
    body = {"nip": SITI, "new_cell": 7, "reason": REASON, "session_id": session_id}
    assert client.post("/v1/calibrations", headers=_h("k-bkd"), json=body).status_code == 403
    assert client.post("/v1/calibrations", headers=_h("k-komite"), json={**body, "reason": "ok"}).status_code == 422
    assert client.post("/v1/calibrations", headers=_h("k-komite"), json={**body, "new_cell": 9}).status_code == 409
    done = client.post("/v1/calibrations", headers=_h("k-komite"), json=body)
    assert done.status_code == 200 and done.json()["old_cell"] == 9 and done.json()["new_cell"] == 7

    mine = client.get(f"/v1/employees/{SITI}/nine-box", headers=_h("k-siti"))
    assert mine.status_code == 200 and mine.json()["current_cell"] == 7 and mine.json()["current_source"] == "kalibrasi"
    assert mine.json()["calibrations"][0]["reason"] == REASON
    assert client.get(f"/v1/employees/{SITI}/nine-box", headers=_h("k-kes")).status_code == 404
    assert client.get("/v1/employees/199999999999999999/nine-box", headers=_h("k-kes")).status_code == 404
    assert client.get("/v1/komite-sessions", headers=_h("k-kes")).status_code == 403
    read = client.get(f"/v1/komite-sessions/{session_id}", headers=_h("k-bupati")).json()
    assert [c["nip"] for c in read["calibrations"]] == [SITI]

    years = client.get("/v1/talent-map/years", headers=_h("k-bupati")).json()
    assert years[0] == 2025
    then = client.get("/v1/talent-map", headers=_h("k-bupati"), params={"year": 2024}).json()
    assert then["year"] == 2024 and then["placed"] == 1
    now = client.get("/v1/talent-map", headers=_h("k-bupati")).json()
    assert {c["cell"]: c["count"] for row in now["grid"] for c in row}[7] == 1


def test_the_openapi_page_documents_the_calibration_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/komite-sessions", "/v1/calibrations", "/v1/employees/{nip}/nine-box", "/v1/talent-map/years"):
        assert path in paths
    assert {"403", "404", "409"} <= set(paths["/v1/calibrations"]["post"]["responses"])
