"""Property-based conformance of the HTTP API to its own OpenAPI document (schemathesis).

Every operation is called in-process (ASGI) on the small fixture store, in dev mode (no keys), in
schemathesis' phases (the schema's examples, boundary cases of every constraint, then a few generated
requests, valid and invalid): no 5xx, every status code and content type documented, every JSON body
matching its documented schema. One subtest per operation; about 30 s on 2 cores.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from assistant.api.app import create_app
from assistant.config import Settings
from assistant.container import build_container
from tests.conftest import fixture_people

pytestmark = pytest.mark.slow

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
STREAM_CHECKS = CHECKS[:3]  # a Server-Sent Events body is a stream of events, not the JSON schema


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, embeddings):
    from ingest.pipeline import ingest_employees

    container = build_container(Settings(data_dir=tmp_path_factory.mktemp("schemathesis")), embeddings=embeddings)
    ingest_employees(container.store, container.embeddings, fixture_people())
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(container))


@pytest.fixture(autouse=True)
def _node_id(request):
    """schemathesis 4.32's pytest loader reads and renames `Function._nodeid`, which pytest 9.2 no
    longer has (it keeps `_id`): give it one to work on (pytest reports by `nodeid`, unchanged)."""
    request.node._nodeid = request.node.nodeid


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms_to_the_openapi_document(case):
    response = case.call()
    streamed = any(v.startswith("text/event-stream") for v in response.headers.get("content-type", []))
    case.validate_response(response, checks=STREAM_CHECKS if streamed else CHECKS)
