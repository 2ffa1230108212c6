"""API keys over HTTP on a real store: database keys and revocation, constant-time settings keys, the
production checks, scopes (operations, fields, units) and rate limits with Retry-After."""

from __future__ import annotations

import hmac
import logging

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from assistant.api.app import create_app
from assistant.api.deps import RateLimiter
from assistant.api.scopes import BASIC_CANDIDATE, BASIC_PROFILE
from assistant.config import ApiKey, KeyScope, Settings
from assistant.domain.identity import Caller

SITI = "198003152005011002"  # Dinas Perikanan
HENDRA = "197905122006041003"  # Dinas Kesehatan
ADMIN = Caller(user="admin", role="bkpsdm")
FISH = {"query": "Siapa yang paling cocok untuk bidang perikanan?", "limit": 5}
COUNT = {"plan": {"aggregate": {"kind": "count"}}}


@pytest.fixture(scope="module")
def container(tmp_path_factory, embeddings):
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees
    from tests.conftest import fixture_people

    built = build_container(Settings(data_dir=tmp_path_factory.mktemp("keys")), embeddings=embeddings)
    ingest_employees(built.store, built.embeddings, fixture_people())
    return built


@pytest.fixture
def api(container):
    """A fresh app (fresh rate-limit buckets) over the shared store; the settings keys and limits reset after."""
    api = container.settings.api
    saved = (dict(api.keys), api.rate_per_minute, api.failed_key_per_minute)
    yield lambda: TestClient(create_app(container))
    api.keys, api.rate_per_minute, api.failed_key_per_minute = saved


def _keys(container, **keys: ApiKey) -> None:
    container.settings.api.keys = {name.replace("_", "-") + "-" + "x" * 32: k for name, k in keys.items()}


def _key(name: str) -> dict[str, str]:
    return {"X-API-Key": name.replace("_", "-") + "-" + "x" * 32}


# ---- database keys ------------------------------------------------------------------------------------


def test_a_database_key_works_until_revoked(container, api):
    _, key = container.api_keys.create("bupati-app", "pimpinan", by=ADMIN)
    client = api()
    assert client.post("/v1/search", json=FISH).status_code == 401  # a key exists: no more dev mode
    r = client.post("/v1/search", json=FISH, headers={"X-API-Key": key})
    assert r.status_code == 200 and r.json()["candidates"][0]["reasons"]  # a role key keeps its role's rights
    prefix, secret = key.split("_", 2)[1:]
    container.api_keys.revoke(prefix, by=ADMIN)
    assert client.post("/v1/search", json=FISH, headers={"X-API-Key": key}).status_code == 401
    failed = [e for e in container.audit.entries() if e["action"] == "api_key_failed"]
    assert failed[-1]["key_prefix"] == prefix and failed[-1]["address"] == "testclient"
    assert secret not in container.audit.path.read_text(encoding="utf-8")


def test_settings_keys_are_each_compared_in_constant_time(container, api, monkeypatch):
    _keys(container, a=ApiKey(user="bkd-1", role="bkpsdm"), b=ApiKey(user="bkd-2", role="bkpsdm"),
          c=ApiKey(user="bkd-3", role="bkpsdm"))  # fmt: skip
    client = api()
    calls: list[bytes] = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda x, y: calls.append(x) or real(x, y))
    assert client.get(f"/v1/employees/{SITI}", headers=_key("a")).status_code == 200
    assert len(calls) == 3  # the first key matched, and still every key was compared
    assert client.get(f"/v1/employees/{SITI}", headers={"X-API-Key": "a"}).status_code == 401


# ---- production -----------------------------------------------------------------------------------------

LONG = "k" * 32


@pytest.mark.parametrize(
    ("keys", "says"),
    [
        ({"short-key": {"user": "u", "role": "bkpsdm"}}, "fewer than 32"),
        ({"k": {"user": "u", "role": "bkpsdm"}}, "fewer than 32"),
        ({LONG: {"user": "kes", "role": "opd"}}, "unit_kerja"),
        ({LONG: {"user": "bagus", "role": "asn"}}, "nip"),
        ({LONG: {"user": "bagus", "role": "asn", "nip": "123"}}, "nip"),
        ({LONG: {"user": "u", "role": "bkpsdm"}, LONG + "2": {"user": "u", "role": "pimpinan"}}, "another key"),
    ],
)
def test_production_refuses_weak_or_inconsistent_settings_keys(keys, says):
    with pytest.raises(ValidationError) as refused:
        Settings(env="production", api={"keys": keys})
    message = str(refused.value)
    assert says in message and LONG not in message and "short-key" not in message  # the key is never echoed


def test_production_accepts_good_keys_and_none_at_all():
    good = {LONG: {"user": "kes", "role": "opd", "unit_kerja": "Dinas Kesehatan"},
            LONG + "2": {"user": "bagus", "role": "asn", "nip": "198707222010012004"}}  # fmt: skip
    assert len(Settings(env="production", api={"keys": good}).api.keys) == 2
    assert Settings(env="production").api.keys == {}  # database keys may be the only ones


def test_production_without_any_key_starts_but_refuses_everyone(make_container, caplog):
    container = make_container()
    container.settings.env = "production"
    with caplog.at_level(logging.ERROR, logger="assistant.api.app"):
        client = TestClient(create_app(container))
    assert "no API key" in caplog.text
    assert client.post("/v1/search", json=FISH).status_code == 401
    assert client.post("/v1/search", json=FISH, headers={"X-API-Key": "anything"}).status_code == 401
    _, key = container.api_keys.create("bupati-app", "pimpinan")
    assert client.post("/v1/search", json=FISH, headers={"X-API-Key": key}).status_code == 200


# ---- scopes ---------------------------------------------------------------------------------------------


def test_an_integration_key_by_default_searches_with_basic_fields_only(container, api):
    _keys(container, bot=ApiKey(user="bot", role="integrasi"))
    client = api()
    r = client.post("/v1/search", json=FISH, headers=_key("bot"))
    assert r.status_code == 200
    candidates = r.json()["candidates"]
    assert candidates and all(set(c) <= set(BASIC_CANDIDATE) for c in candidates)
    assert {"nip", "nama", "jabatan", "unit_kerja", "golongan"} <= set(candidates[0])
    assert not {"reasons", "evidence", "factors", "score", "kotak_talenta"} & set(candidates[0])
    for method, path, body in [("GET", f"/v1/employees/{SITI}", None), ("POST", "/v1/chat", {"message": "perikanan"}),
                               ("POST", "/v1/query", COUNT), ("GET", "/v1/talent-map", None), ("GET", "/v1/pools", None)]:  # fmt: skip
        denied = client.request(method, path, json=body, headers=_key("bot"))
        assert denied.status_code == 403, path
    english = client.get(f"/v1/employees/{SITI}", headers={**_key("bot"), "Accept-Language": "en"})
    assert "may not use 'profile'" in english.json()["detail"]


def test_fields_decide_what_of_a_person_is_shown(container, api):
    _keys(container,
          basic=ApiKey(user="bot-basic", role="integrasi", scopes=KeyScope(operations=["search", "profile"], fields="basic")),
          evid=ApiKey(user="bot-evid", role="integrasi", scopes=KeyScope(operations=["search", "profile"], fields="evidence")),
          full=ApiKey(user="bot-full", role="integrasi", scopes=KeyScope(operations=["profile", "chat"], fields="full")))  # fmt: skip
    client = api()
    profile = client.get(f"/v1/employees/{SITI}", headers=_key("basic"))
    assert profile.status_code == 200 and set(profile.json()) <= set(BASIC_PROFILE)
    assert profile.json()["jabatan"] == "Kepala Bidang Budidaya" and "riwayat_jabatan" not in profile.json()
    assert int(profile.headers["content-length"]) == len(profile.content)
    assert client.get(f"/v1/employees/{SITI}/eligibility", headers=_key("basic")).status_code == 403

    first = client.post("/v1/search", json=FISH, headers=_key("evid")).json()["candidates"][0]
    assert first["reasons"] and first["evidence"] and "score" in first
    assert client.get(f"/v1/employees/{SITI}/eligibility", headers=_key("evid")).status_code == 200
    assert "riwayat_jabatan" not in client.get(f"/v1/employees/{SITI}", headers=_key("evid")).json()
    assert client.get(f"/v1/employees/{SITI}/nine-box", headers=_key("evid")).status_code == 403  # needs full

    full = client.get(f"/v1/employees/{SITI}", headers=_key("full")).json()
    assert full["riwayat_jabatan"] and full["skp"]
    assert client.get(f"/v1/employees/{SITI}/nine-box", headers=_key("full")).status_code == 200
    assert client.post("/v1/chat", json={"message": "perikanan"}, headers=_key("full")).status_code == 200
    assert client.post("/v1/search", json=FISH, headers=_key("full")).status_code == 403  # not granted


def test_a_unit_limited_key_sees_only_its_units(container, api):
    scope = KeyScope(operations=["search", "query", "profile"], fields="evidence", units=["DINAS PERIKANAN"])
    _keys(container, fish=ApiKey(user="dasbor-ikan", role="integrasi", scopes=scope),
          wide=ApiKey(user="dasbor-all", role="integrasi", scopes=KeyScope(operations=["query"], fields="basic")))  # fmt: skip
    client = api()
    for question in (FISH, {"query": "kesehatan masyarakat"}, {"query": "keuangan daerah"}):
        body = client.post("/v1/search", json=question, headers=_key("fish")).json()
        assert {c["unit_kerja"] for c in body["candidates"]} <= {"Dinas Perikanan"}
        assert body["total_people"] == 2
    assert client.post("/v1/query", json=COUNT, headers=_key("fish")).json()["total_matching"] == 2
    assert client.post("/v1/query", json=COUNT, headers=_key("wide")).json()["total_matching"] == 12
    assert client.get(f"/v1/employees/{SITI}", headers=_key("fish")).status_code == 200
    assert client.get(f"/v1/employees/{HENDRA}", headers=_key("fish")).status_code == 404  # as if absent


def test_role_keys_keep_their_rights_unless_restricted(container, api):
    _keys(container, bkd=ApiKey(user="bkd-1", role="bkpsdm"),
          narrow=ApiKey(user="bkd-2", role="bkpsdm", scopes=KeyScope(operations=["search"])),
          units=ApiKey(user="bkd-3", role="bkpsdm", scopes=KeyScope(units=["Dinas Perikanan"])))  # fmt: skip
    client = api()
    assert client.get("/v1/pools", headers=_key("bkd")).status_code == 200
    assert client.get("/v1/pools", headers=_key("narrow")).status_code == 403
    assert client.post("/v1/search", json=FISH, headers=_key("narrow")).json()["candidates"][0]["reasons"]
    assert client.get("/v1/pools", headers=_key("units")).status_code == 403  # pools are not filtered by unit
    compared = client.post("/v1/compare", json={"nips": [SITI, HENDRA]}, headers=_key("units"))
    assert compared.status_code == 404  # Hendra is outside the key's unit: as if absent


# ---- rate limits ----------------------------------------------------------------------------------------


def test_each_key_is_rate_limited_with_retry_after(container, api):
    _keys(container, a=ApiKey(user="bkd-1", role="bkpsdm"), b=ApiKey(user="bkd-2", role="bkpsdm"))
    container.settings.api.rate_per_minute = 3
    client = api()
    codes = [client.get(f"/v1/employees/{SITI}", headers=_key("a")).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get(f"/v1/employees/{SITI}", headers=_key("a"))
    assert limited.status_code == 429 and 1 <= int(limited.headers["Retry-After"]) <= 20
    assert client.get(f"/v1/employees/{SITI}", headers=_key("b")).status_code == 200  # another key has its own


def test_wrong_keys_are_slowed_per_address_and_audited(container, api, caplog):
    _keys(container, a=ApiKey(user="bkd-1", role="bkpsdm"))
    container.settings.api.failed_key_per_minute = 2
    client = api()
    before = len([e for e in container.audit.entries() if e["action"] == "api_key_failed"])
    with caplog.at_level(logging.WARNING, logger="assistant.api.deps"):
        wrong = [client.get(f"/v1/employees/{SITI}", headers={"X-API-Key": f"tal_0badc0de_{'s' * 43}"}) for _ in range(2)]
    assert [r.status_code for r in wrong] == [401, 401]
    assert "Wrong API key from testclient (prefix 0badc0de)" in caplog.text and "s" * 43 not in caplog.text
    blocked = client.get(f"/v1/employees/{SITI}", headers=_key("a"))  # the right key waits too: no oracle
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) >= 1
    failed = [e for e in container.audit.entries() if e["action"] == "api_key_failed"][before:]
    assert len(failed) == 2 and {e["key_prefix"] for e in failed} == {"0badc0de"}
    assert "s" * 43 not in container.audit.path.read_text(encoding="utf-8")


def test_the_token_bucket_refills_evenly():
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.take("k", 2) for _ in range(2)] == [0.0, 0.0]
    assert limiter.take("k", 2) == pytest.approx(30.0) and limiter.wait("k", 2) == pytest.approx(30.0)
    now[0] = 29.0
    assert limiter.take("k", 2) == pytest.approx(1.0)
    now[0] = 30.0
    assert limiter.take("k", 2) == 0.0 and limiter.take("other", 2) == 0.0


# ---- OpenAPI --------------------------------------------------------------------------------------------


def test_openapi_documents_keys_scopes_and_limits(container, api):
    doc = api().get("/openapi.json").json()
    search = doc["paths"]["/v1/search"]["post"]
    assert {"401", "403", "429"} <= set(search["responses"])
    assert "Retry-After" in search["responses"]["429"]["headers"]
    assert search["security"] == [{"X-API-Key": []}]
    scheme = doc["components"]["securitySchemes"]["X-API-Key"]
    assert scheme["in"] == "header" and scheme["name"] == "X-API-Key"
    assert "integrasi" in scheme["description"] and "`basic`" in scheme["description"]
    assert "401" not in doc["paths"]["/health"]["get"]["responses"]
