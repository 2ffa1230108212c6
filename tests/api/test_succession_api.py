"""Talent pools and decisions over HTTP, with a key per role: a succession from pool to decision,
an undo, and a role that may not take a step or see a pool gets nothing."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.config import ApiKey

NOMINEE = "198707222010012004"
NOTE = "Memenuhi syarat dan kinerja sangat baik."


@pytest.fixture
def client(make_container):
    container = make_container()
    container.settings.api.keys = {
        "k-bkd": ApiKey(user="bkd-1", role="bkpsdm"), "k-komite": ApiKey(user="komite-1", role="komite"),
        "k-bupati": ApiKey(user="bupati", role="pimpinan"),
        "k-kes": ApiKey(user="kadis-kes", role="opd", unit_kerja="Dinas Kesehatan"),
        "k-asn": ApiKey(user="bagus", role="asn", nip=NOMINEE),
    }  # fmt: skip
    return TestClient(create_app(container))


def _h(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def test_a_succession_over_http(client):
    created = client.post("/v1/pools", headers=_h("k-bkd"), json={
        "post_title": "Kepala Bidang Budidaya", "unit_kerja": "Dinas Perikanan", "level": "administrator",
        "holder_nip": "198003152005011002"})  # fmt: skip
    assert created.status_code == 200, created.text
    pool_id = created.json()["id"]
    assert client.post("/v1/pools", headers=_h("k-kes"), json={"post_title": "Kepala Dinas"}).status_code == 403
    suggested = client.get(f"/v1/pools/{pool_id}/suggestions", headers=_h("k-bkd"))
    assert suggested.status_code == 200 and "198003152005011002" not in [c["nip"] for c in suggested.json()]
    added = client.post(f"/v1/pools/{pool_id}/members", headers=_h("k-bkd"), json={"nips": [NOMINEE]}).json()
    member = added["members"][0]["id"]

    def step(key: str, action: str, note: str = NOTE):
        return client.post(f"/v1/pool-members/{member}/steps", headers=_h(key), json={"action": action, "note": note})

    assert step("k-bkd", "nominasikan", "ok").status_code == 422  # the note is too short
    assert step("k-komite", "nominasikan").status_code == 403
    assert step("k-bkd", "nominasikan").json()["state"] == "dinominasikan"
    assert [i["member"]["nip"] for i in client.get("/v1/inbox", headers=_h("k-komite")).json()] == [NOMINEE]
    ready = client.post(f"/v1/pool-members/{member}/readiness", headers=_h("k-komite"),
                        json={"readiness": "siap sekarang", "note": "Sudah PKA, JPM 82."})  # fmt: skip
    assert ready.json()["readiness"] == "siap sekarang"
    assert step("k-komite", "verifikasi").json()["state"] == "diverifikasi"
    assert step("k-bupati", "batalkan", "Dikembalikan untuk dikaji ulang.").status_code == 403  # not their step
    assert step("k-komite", "batalkan", "Verifikasi diulang.").json()["state"] == "dinominasikan"
    assert step("k-bupati", "tetapkan").status_code == 409  # not verified any more
    step("k-komite", "verifikasi")
    decided = step("k-bupati", "tetapkan", "Ditetapkan oleh PPK.").json()
    assert decided["state"] == "ditetapkan"
    assert [e["action"] for e in decided["events"]] == ["nominasikan", "kesiapan", "verifikasi", "batalkan",
                                                       "verifikasi", "tetapkan"]  # fmt: skip
    assert client.get(f"/v1/pools/{pool_id}", headers=_h("k-kes")).status_code == 404  # another unit's pool
    own = client.get(f"/v1/pools/{pool_id}", headers=_h("k-asn")).json()
    assert [m["nip"] for m in own["members"]] == [NOMINEE]


def test_openapi_documents_the_succession_routes(client):
    spec = client.get("/openapi.json").json()
    assert {"/v1/pools", "/v1/pools/{pool_id}", "/v1/pool-members/{member_id}/steps", "/v1/inbox"} <= set(spec["paths"])
    assert {"403", "404", "409"} <= set(spec["paths"]["/v1/pool-members/{member_id}/steps"]["post"]["responses"])


def test_the_meeting_brief_puts_the_main_successor_first_with_the_gaps(client):
    import io

    from openpyxl import load_workbook

    pool_id = client.post("/v1/pools", headers=_h("k-bkd"), json={
        "post_title": "Kepala Bidang Budidaya", "unit_kerja": "Dinas Perikanan", "level": "administrator"}).json()["id"]  # fmt: skip
    others = ["198302172008011001", "198412012010012003"]
    members = client.post(f"/v1/pools/{pool_id}/members", headers=_h("k-bkd"), json={"nips": [NOMINEE, *others]}).json()["members"]
    main_id = next(m["id"] for m in members if m["nip"] == others[0])
    main = client.post(f"/v1/pool-members/{main_id}/main", headers=_h("k-komite"), json={"note": "JPM dan SKP terbaik."}).json()
    assert main["main"] and main["gap_to_main"] is None
    pool = client.get(f"/v1/pools/{pool_id}", headers=_h("k-bkd")).json()
    backups = [m for m in pool["members"] if not m["main"]]
    assert all(m["gap_to_main"] == round(main["merit"] - m["merit"], 3) for m in backups)
    r = client.get(f"/v1/pools/{pool_id}/brief.xlsx", headers=_h("k-bkd"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(r.content)).active
    lines = [[c.value for c in row] for row in sheet.iter_rows()]
    assert lines[0][:2] == ["Peran", "NIP"] and lines[1][:2] == ["pengganti utama", others[0]]
    assert {line[1] for line in lines[2:4]} == {NOMINEE, others[1]} and "PPK" in lines[-1][0]
    assert client.get(f"/v1/pools/{pool_id}/brief.xlsx", headers=_h("k-kes")).status_code == 404


def test_the_meeting_brief_as_pdf_follows_the_xlsx_rules(client):
    pool_id = client.post("/v1/pools", headers=_h("k-bkd"), json={
        "post_title": "Kepala Bidang Budidaya", "unit_kerja": "Dinas Perikanan", "level": "administrator"}).json()["id"]  # fmt: skip
    client.post(f"/v1/pools/{pool_id}/members", headers=_h("k-bkd"), json={"nips": [NOMINEE, "198302172008011001"]})
    r = client.get(f"/v1/pools/{pool_id}/brief.pdf", headers=_h("k-bkd"))
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf" and r.content.startswith(b"%PDF-")
    assert r.headers["content-disposition"] == f'attachment; filename="bahan-rapat-{pool_id}.pdf"'
    assert client.get(f"/v1/pools/{pool_id}/brief.pdf", headers=_h("k-kes")).status_code == 404  # another unit's pool
    assert client.get(f"/v1/pools/{pool_id}/brief.pdf").status_code == 401
    assert client.get("/v1/pools/999/brief.pdf", headers=_h("k-bkd")).status_code == 404
    spec = client.get("/openapi.json").json()["paths"]["/v1/pools/{pool_id}/brief.pdf"]["get"]["responses"]
    assert "application/pdf" in spec["200"]["content"] and {"403", "404"} <= set(spec)
