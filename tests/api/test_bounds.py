"""Every input is bounded, and the API documents every status it answers: a conversation id is 1-64
letters, digits, '_' or '-'; every string, list, id and number of every request body, path and query
parameter has a limit in the OpenAPI document; oversize input is refused (422) before anything runs or
is audited; a body that cannot be read answers 400 with the documented error body."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app

FISH = "Siapa ASN yang paling cocok untuk bidang perikanan?"
NIP = "198003152005011002"


@pytest.fixture(scope="module")
def container(tmp_path_factory, embeddings, people):
    from assistant.config import Settings
    from assistant.container import build_container
    from ingest.pipeline import ingest_employees

    built = build_container(Settings(data_dir=tmp_path_factory.mktemp("bounds")), embeddings=embeddings)
    ingest_employees(built.store, built.embeddings, people)
    return built


@pytest.fixture(scope="module")
def client(container):
    return TestClient(create_app(container))


@pytest.fixture(scope="module")
def spec(client) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def _audit_bytes(container) -> int:
    return sum(f.stat().st_size for f in container.audit.files() if f.exists())


# ---- conversation ids ------------------------------------------------------------------------------


def test_a_five_megabyte_conversation_id_is_refused_and_never_reaches_the_audit_log(client, container):
    before = _audit_bytes(container)
    for _ in range(3):
        r = client.post("/v1/chat", json={"message": FISH, "conversation_id": "a" * 5_000_000})
        assert r.status_code == 422
    assert _audit_bytes(container) == before


@pytest.mark.parametrize("conversation_id", ["a", "A" * 64, uuid.uuid4().hex, "sesi_2026-01", "x-1_Y"])
def test_a_well_formed_conversation_id_is_kept(client, conversation_id):
    r = client.post("/v1/chat", json={"message": FISH, "conversation_id": conversation_id})
    assert r.status_code == 200 and r.json()["conversation_id"] == conversation_id


@pytest.mark.parametrize(
    "conversation_id", ["", "a" * 65, "../../etc/passwd", "a b", "id\n", "sesi:1", "ñ", "a/b", "<script>"]
)
def test_a_malformed_conversation_id_is_refused(client, conversation_id):
    assert client.post("/v1/chat", json={"message": FISH, "conversation_id": conversation_id}).status_code == 422


def test_without_an_id_the_service_makes_one_that_fits_the_pattern(client, spec):
    pattern = spec["components"]["schemas"]["ChatRequest"]["properties"]["conversation_id"]["anyOf"][0]["pattern"]
    made = client.post("/v1/chat", json={"message": FISH}).json()["conversation_id"]
    assert re.match(pattern, made)


# ---- every input has a limit in the OpenAPI document -----------------------------------------------


def _resolve(node: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _bounded_pattern(pattern: str) -> bool:
    return pattern.startswith("^") and pattern.endswith("$") and not re.search(r"[*+]|,\}", pattern)


def _unbounded(node: dict[str, Any], spec: dict[str, Any], where: str, seen: frozenset[str] = frozenset()) -> list[str]:
    """The places under ``node`` (a JSON schema) that take input without a limit."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return [] if name in seen else _unbounded(_resolve(node, spec), spec, where, seen | {name})
    out: list[str] = []
    for key in ("anyOf", "oneOf", "allOf"):
        for option in node.get(key, []):
            out += _unbounded(option, spec, where, seen)
    if "enum" in node or "const" in node:
        return out
    match node.get("type"):
        case "string":
            if "maxLength" not in node and not _bounded_pattern(node.get("pattern", "")) and node.get(
                "format"
            ) not in ("date", "date-time"):
                out.append(f"{where}: string without maxLength")
        case "array":
            if "maxItems" not in node:
                out.append(f"{where}: list without maxItems")
            out += _unbounded(node.get("items", {}), spec, f"{where}[]", seen)
        case "integer" | "number":
            if "maximum" not in node and "exclusiveMaximum" not in node:
                out.append(f"{where}: number without maximum")
        case "object":
            for name, prop in node.get("properties", {}).items():
                out += _unbounded(prop, spec, f"{where}.{name}", seen)
            if isinstance(node.get("additionalProperties"), dict):
                out += _unbounded(node["additionalProperties"], spec, f"{where}.*", seen)
    return out


def test_every_body_path_and_query_input_has_a_limit(spec):
    """Header parameters (the API key, Accept-Language) are read by the shared dependencies and bounded
    by the server's header limits; every other input of every operation is checked here."""
    problems: list[str] = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            label = f"{method.upper()} {path}"
            for param in op.get("parameters", []):
                if param["in"] in ("path", "query"):
                    problems += _unbounded(param["schema"], spec, f"{label} {param['in']} {param['name']}")
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                problems += _unbounded(body["schema"], spec, f"{label} body")
    assert problems == []


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/v1/search", {"query": "perikanan", "filters": {"unit_kerja": "x" * 301}}),
        ("post", "/v1/search", {"query": "x" * 501}),
        ("post", "/v1/chat", {"message": "x" * 1001}),
        ("post", "/v1/query", {"plan": {"filters": {"units": ["Dinas"] * 51}}}),
        ("post", "/v1/query", {"plan": {"filters": {"units": ["x" * 301]}}}),
        ("post", "/v1/query", {"plan": {"filters": {"nips": [NIP] * 1001}}}),
        ("post", "/v1/query", {"plan": {"filters": {"nips": ["12345"]}}}),
        ("post", "/v1/query", {"plan": {"filters": {"training": [{"words": ["w" * 81]}]}}}),
        ("post", "/v1/query", {"plan": {"filters": {"training": [{"also": [["w"] * 21]}]}}}),
        ("post", "/v1/query", {"plan": {"filters": {"skp": {"predikat": ["Baik"], "years": [2024] * 21}}}}),
        ("post", "/v1/query", {"plan": {"filters": {"skp": {"predikat": ["Baik"], "years": [10**30]}}}}),
        ("post", "/v1/query", {"plan": {"relevance": "x" * 501}}),
        ("post", "/v1/query", {"plan": {"target_post": "kepala segala kepala"}}),
        ("post", "/v1/query", {"plan": {"lookup": {"name": "x" * 301}}}),
        ("post", "/v1/query", {"plan": {"aggregate": {"kind": "group", "by": "skp", "year": 10**30}}}),
        ("post", "/v1/query", {"plan": {"as_of": "9999-12-31"}}),
        ("post", "/v1/compare", {"nips": [NIP, "x" * 10_000]}),
        ("post", "/v1/pools/1/members", {"nips": ["x" * 10_000]}),
        ("post", "/v1/pool-members/1/steps", {"action": "verifikasi", "note": "cukup alasan", "session_id": 2**31}),
        ("post", "/v1/calibrations", {"nip": NIP, "new_cell": 8, "reason": "alasan", "session_id": 2**63}),
        ("get", f"/v1/pools/{2**31}", None),
        ("get", f"/v1/pools/{10**30}/brief.pdf", None),
        ("get", f"/v1/komite-sessions/{10**30}", None),
        ("get", f"/v1/pool-members/{-1}/development", None),
        ("get", f"/v1/employees/{NIP}/eligibility?post={'x' * 301}", None),
        ("get", f"/v1/talent-map?unit={'x' * 301}", None),
    ],
)
def test_oversize_input_is_refused_before_anything_runs(client, container, method, path, body):
    before = _audit_bytes(container)
    r = client.request(method, path, json=body)
    assert r.status_code == 422, r.text[:300]
    assert _audit_bytes(container) == before


# ---- every error status a route answers is documented, with its body -------------------------------


def test_a_body_that_cannot_be_read_is_a_documented_400(client, spec):
    r = client.post("/v1/search", content=b'{"query": "\xff\xfe"}', headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and isinstance(r.json()["detail"], str)
    bodies = [(path, method) for path, methods in spec["paths"].items() for method, op in methods.items()
              if "requestBody" in op]  # fmt: skip
    assert len(bodies) >= 10
    for path, method in bodies:
        assert "400" in spec["paths"][path][method]["responses"], f"{method.upper()} {path}"


def test_the_errors_a_route_answers_carry_the_error_schema(spec):
    error = spec["components"]["schemas"]["ErrorOut"]
    assert error["required"] == ["detail"] and error["properties"]["detail"]["type"] == "string"
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            for code in {"400", "404", "409", "503"} & set(op["responses"]):
                schema = op["responses"][code]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}, f"{method.upper()} {path} {code}"


@pytest.mark.parametrize(
    ("method", "path", "codes"),
    [
        ("get", "/v1/employees/{nip}", {"404"}),
        ("get", "/v1/employees/{nip}/eligibility", {"404", "409"}),
        ("post", "/v1/search", {"400", "503"}),
        ("post", "/v1/query", {"400", "503"}),
        ("post", "/v1/chat", {"400", "503"}),
        ("post", "/v1/compare", {"400", "404", "409"}),
        ("post", "/v1/pools", {"400", "403", "409"}),
        ("get", "/v1/pools/{pool_id}/suggestions", {"403", "404", "503"}),
        ("post", "/v1/pools/{pool_id}/members", {"400", "403", "404", "409"}),
        ("get", "/v1/vacancies", {"403"}),
        ("post", "/v1/calibrations", {"400", "403", "404", "409"}),
    ],
)
def test_each_route_documents_what_it_answers(spec, method, path, codes):
    assert codes <= set(spec["paths"][path][method]["responses"])


def test_an_answered_error_matches_its_documentation(client, spec):
    r = client.get("/v1/employees/199901012020011001")
    assert r.status_code == 404 and set(r.json()) == {"detail"}
    r = client.post("/v1/compare", json={"nips": [NIP, NIP]})
    assert r.status_code == 409 and set(r.json()) == {"detail"}


def test_a_rejected_huge_value_is_not_echoed_back_in_full(make_container):
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app

    client = TestClient(create_app(make_container()))
    huge = "x" * 1_000_000
    answer = client.post("/v1/chat", json={"question": "perikanan", "conversation_id": huge})
    assert answer.status_code == 422
    assert len(answer.content) < 5_000 and "1000000 characters" in answer.text
