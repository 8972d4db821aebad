"""Schemathesis against the app's own OpenAPI document: for every operation,
valid and invalid requests (signed in as an administrator, so that every
endpoint is reached) never get a 500 and every answer matches the schema.
Bounded and derandomised, so the run is short and the same every time."""

from __future__ import annotations

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from server_testkit import login

EXAMPLES = 25  # per operation and mode
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]
# Signing out would end the session the rest of the run uses; test_server_auth covers it.
SKIPPED = {("POST", "/auth/logout")}


def test_no_500_and_no_schema_violation(app):
    with TestClient(app) as client:
        token = login(client, "root")["Authorization"].removeprefix("Bearer ")
    config = schemathesis.Config.from_dict({"auth": {"openapi": {"HTTPBearer": {"bearer": token}}}})
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue
        fuzz(operation, GenerationMode.POSITIVE, CHECKS)
        fuzz(operation, GenerationMode.NEGATIVE, [*CHECKS, negative_data_rejection])


def fuzz(operation, mode, checks) -> None:  # type: ignore[no-untyped-def]
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):  # type: ignore[no-untyped-def]
        case.call_and_validate(checks=checks)

    try:
        run()
    except Unsatisfiable:
        # an operation with no parameters and no body has nothing to make invalid
        assert mode is GenerationMode.NEGATIVE, operation.label
