"""No existence oracle: a NIP the caller may not see answers exactly as a NIP that does not exist
(same status, same message with the NIP echoed the same way, in both languages). The denied read of
a person who exists is still audited (profile_denied)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.config import ApiKey

HIDDEN = "198003152005011002"  # Siti Rahmawati, Dinas Perikanan: exists, seen by neither key below
MISSING = "199901012020011001"  # nobody
OWN = "198707222010012004"  # Bagus Prasetyo, the ASN key's own record
HENDRA = "197905122006041003"  # Dinas Kesehatan, the OPD key's unit
KEYS = {
    "k-asn": ApiKey(user="bagus", role="asn", nip=OWN),
    "k-opd": ApiKey(user="kadis-kes", role="opd", unit_kerja="Dinas Kesehatan"),
}
SEEN = {"k-asn": OWN, "k-opd": HENDRA}


@pytest.fixture(scope="module")
def container(tmp_path_factory, embeddings, people):
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    built = build_container(Settings(data_dir=tmp_path_factory.mktemp("oracle")), embeddings=embeddings)
    ingest_employees(built.store, built.embeddings, people)
    built.settings.api.keys = dict(KEYS)
    return built


@pytest.fixture(scope="module")
def client(container):
    return TestClient(create_app(container))


READS = {
    "profile": lambda c, key, nip, h: c.get(f"/v1/employees/{nip}", headers=h),
    "eligibility": lambda c, key, nip, h: c.get(f"/v1/employees/{nip}/eligibility", headers=h),
    "eligibility-post": lambda c, key, nip, h: c.get(f"/v1/employees/{nip}/eligibility?post=administrator", headers=h),
    "nine-box": lambda c, key, nip, h: c.get(f"/v1/employees/{nip}/nine-box", headers=h),
    "calibrations": lambda c, key, nip, h: c.get("/v1/calibrations", params={"nip": nip}, headers=h),
    "compare": lambda c, key, nip, h: c.post("/v1/compare", json={"nips": [SEEN[key], nip]}, headers=h),
}


def _shape(response, nip: str) -> tuple[int, str, str]:
    return response.status_code, response.headers.get("content-type", ""), response.text.replace(nip, "{nip}")


@pytest.mark.parametrize("key", sorted(KEYS))
@pytest.mark.parametrize("read", sorted(READS))
@pytest.mark.parametrize("language", ["id", "en"])
def test_a_hidden_nip_answers_exactly_as_a_missing_one(client, key, read, language):
    headers = {"X-API-Key": key, "Accept-Language": language}
    hidden = READS[read](client, key, HIDDEN, headers)
    missing = READS[read](client, key, MISSING, headers)
    assert hidden.status_code == 404, hidden.text
    assert _shape(hidden, HIDDEN) == _shape(missing, MISSING)


@pytest.mark.parametrize("key", sorted(KEYS))
def test_the_message_echoes_the_nip_asked_for(client, key):
    for nip in (HIDDEN, MISSING):
        body = client.get(f"/v1/employees/{nip}", headers={"X-API-Key": key}).json()
        assert body == {"detail": f"Pegawai dengan NIP {nip} tidak ditemukan."}


@pytest.mark.parametrize("key", sorted(KEYS))
def test_a_search_by_nip_finds_nothing_either_way(client, key):
    def ask(nip: str) -> tuple[int, str]:
        r = client.post("/v1/search", json={"query": nip}, headers={"X-API-Key": key})
        body = r.json()
        assert r.status_code == 200 and body["candidates"] == [] and body["total_matching"] == 0
        return r.status_code, r.text.replace(nip, "{nip}")

    assert ask(HIDDEN) == ask(MISSING)


def test_the_denied_read_is_still_audited(client, container):
    client.get(f"/v1/employees/{HIDDEN}", headers={"X-API-Key": "k-asn"})
    client.get(f"/v1/employees/{MISSING}", headers={"X-API-Key": "k-asn"})
    denied = [e for e in container.audit.entries() if e["action"] == "profile_denied" and e["user"] == "bagus"]
    assert [HIDDEN] in [e["nips"] for e in denied]
    assert [MISSING] not in [e["nips"] for e in denied]  # nobody to protect: nothing was denied
    assert client.get(f"/v1/employees/{OWN}", headers={"X-API-Key": "k-asn"}).status_code == 200


def test_openapi_says_so(client):
    responses = client.get("/openapi.json").json()["paths"]["/v1/employees/{nip}"]["get"]["responses"]
    assert "404" in responses and "not see" in responses["404"]["description"]
    assert responses["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorOut"}
