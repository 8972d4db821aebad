from server_testkit import login


def test_health_and_login(client):
    assert client.get("/health").json()["status"] == "ok"
    headers = login(client, "ada")
    assert client.get("/auth/me", headers=headers).json()["user"]["username"] == "ada"


def test_a_started_server_loads_what_the_first_request_needs_beforehand(app, caplog):
    """The OpenAPI document the query check reads and the organisation's reference data
    are made while the server starts, beside it, not by the first request."""
    import time

    from fastapi.testclient import TestClient

    with TestClient(app):
        deadline = time.monotonic() + 30
        while app.state.server.refs._ref is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert app.state.server.refs._ref is not None
        assert app.openapi_schema is not None


def test_a_server_whose_database_is_not_there_yet_starts_all_the_same(caplog):
    import logging
    import time

    from fastapi.testclient import TestClient

    from server.app import create_app
    from server.config import Settings

    caplog.set_level(logging.INFO, logger="branchdesk.server")
    # a PostgreSQL that is not up (nothing listens on port 1)
    app = create_app(Settings(database_url="postgresql://postgres@127.0.0.1:1/branchdesk"))
    with TestClient(app) as client:
        deadline = time.monotonic() + 30
        while "not loaded at start" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "reference data not loaded at start" in caplog.text
        assert client.get("/health").status_code == 503
