"""GET /reports/kpis on the hand-built week (tests/support/report_scenario.py), made on
the server by the same commands: the same numbers as core and the command line,
within the caller's scope, paged, and 422 naming the field for bad input."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_testkit import FakeClock, database_from, login, run_on_server
from sqlalchemy import select

from core.models import Ticket
from core.reports.kpis import kpi_report, tickets_behind
from core.reports.period import period_of
from core.sla.figures import recompute_all
from server.app import create_app
from server.config import Settings
from server.db import Database
from tests.integration.test_reports import CLOCK_FIGURES, OLA_BY_SUPPLIER, OLA_BY_TEAM, POZ, TOTAL, WAW
from tests.support.report_scenario import FIRST, LAST, build, build_ola, ola_org, rate

SMALL_ORG = Path(__file__).resolve().parent.parent / "fixtures" / "small-org.toml"
AT = datetime(2026, 11, 1, tzinfo=UTC)
NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    with database_from(SMALL_ORG, request.param, tmp_path, "bd_reports", AT) as url:
        db = Database(url)
        build(lambda who, command, *args, at, **kw: run_on_server(db, who, command, *args, at=at, **kw))
        # the sweep stores the breaches of the tickets still open (T4, T6), as on the branch store
        run_on_server(db, "ada", lambda uow, _who, at: recompute_all(uow, at), at=NOW)
        with TestClient(create_app(Settings(database_url=url), database=db,
                                   clock=FakeClock(NOW))) as test_client:
            yield test_client
        db.dispose()


def get(client: TestClient, who: str, **params: Any) -> Any:
    return client.get("/reports/kpis", params=params, headers=login(client, who, f"pw-{who}"))


def test_the_endpoint_gives_the_numbers_core_and_the_command_line_give(client: TestClient) -> None:
    answer = get(client, "ada", **{"from": FIRST, "to": LAST, "by": "site"})
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"from": FIRST, "to": LAST, "by": "site", "count": 2, "skip": 0, "limit": 200,
                             "rows": [{"group": "PL-POZ-001", **POZ}, {"group": "PL-WAW-002", **WAW}],
                             "total": TOTAL}
    page = get(client, "ada", **{"from": FIRST, "to": LAST, "skip": 1, "limit": 1}).json()
    assert [r["group"] for r in page["rows"]] == ["PL-WAW-002"] and page["total"] == TOTAL


def test_a_branch_person_counts_only_their_site(client: TestClient) -> None:
    # anna (at PL-POZ-001) holds a password in the small organisation; tom does not
    answer = get(client, "anna", **{"from": FIRST, "to": LAST}).json()
    assert [r["group"] for r in answer["rows"]] == ["PL-POZ-001"] and answer["total"] == POZ


@pytest.mark.parametrize(("params", "loc"), [
    ({"from": "2026-11-30", "to": "2026-11-23"}, "query.from"),
    ({"by": "planet"}, "query.by"),
    ({"to": "30.11.2026"}, "query.to"),
])
def test_bad_input_is_422_naming_the_field(client: TestClient, params: dict[str, str], loc: str) -> None:
    answer = get(client, "ada", **params)
    assert answer.status_code == 422
    assert [p["loc"] for p in answer.json()["problems"]] == [loc]


@pytest.fixture(params=["sqlite", "postgresql"])
def ola_client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    """The server of the small organisation with OLAs, the two tickets of build_ola made on it."""
    org = ola_org(SMALL_ORG, tmp_path)
    with database_from(org, request.param, tmp_path, "bd_reports_ola", AT) as url:
        db = Database(url)
        build_ola(lambda who, command, *args, at, **kw: run_on_server(db, who, command, *args, at=at, **kw))
        with TestClient(create_app(Settings(database_url=url), database=db,
                                   clock=FakeClock(NOW))) as test_client:
            yield test_client
        db.dispose()


def test_ola_and_supplier_compliance_as_the_branch_store_counts_them(ola_client: TestClient) -> None:
    for by, want in (("team", OLA_BY_TEAM), ("supplier", OLA_BY_SUPPLIER)):
        answer = get(ola_client, "ada", **{"from": FIRST, "to": LAST, "by": by})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        found = {row["group"]: tuple(row[f] for f in CLOCK_FIGURES) for row in body["rows"]}
        assert {**found, "total": tuple(body["total"][f] for f in CLOCK_FIGURES)} == want, by
    weeks = get(ola_client, "ada", **{"from": FIRST, "to": LAST, "by": "week"}).json()
    assert [row["group"] for row in weeks["rows"]] == [FIRST]
    assert weeks["rows"][0]["ola_response_met_pct"] == 33.3


@pytest.fixture(params=["sqlite", "postgresql"])
def rated_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, dict[str, str]]]:
    """The hand-built week on the server, rated by anna (report_scenario.rate)."""
    with database_from(SMALL_ORG, request.param, tmp_path, "bd_reports_rated", AT) as url:
        db = Database(url)

        def run(who: str, command: Any, *args: Any, at: datetime, **kw: Any) -> Any:
            return run_on_server(db, who, command, *args, at=at, **kw)

        week = build(run)
        rate(run, week)
        yield db, week
        db.dispose()


def test_the_rating_figures_and_the_rated_tickets_behind_them(rated_db: tuple[Database, dict[str, str]]) -> None:
    db, week = rated_db
    period = period_of(FIRST, LAST, NOW.date())

    def read(who: str, what: Any) -> Any:
        return run_on_server(db, who, lambda uow, user, at: what(uow.session, user), at=NOW)

    total = read("ada", lambda session, user: kpi_report(session, user, period, "site").total)
    assert (total["csat_count"], total["csat_avg"], total["effort_avg"]) == (3, 3.33, 3.0)
    numbers = read("ada", lambda session, _user: dict(session.execute(
        select(Ticket.id, Ticket.number).where(Ticket.number.in_(list(week.values())))).all()))
    names = {number: name for name, number in week.items()}

    def behind(figure: str, by: str, group: str | None, who: str = "ada") -> set[str]:
        ids = read(who, lambda session, user: tickets_behind(session, user, period, by, group, figure))
        return {names[numbers[i]] for i in ids}

    for figure in ("csat_avg", "csat_count"):
        assert behind(figure, "site", "PL-POZ-001") == behind(figure, "site", None) == {"T1", "T2", "T5"}
        assert behind(figure, "week", "2026-11-23") == {"T1", "T2", "T5"}  # the week of the ratings
        assert behind(figure, "week", "2026-11-16") == set()
        assert behind(figure, "site", "PL-WAW-002") == set()
    assert behind("effort_avg", "site", "PL-POZ-001") == {"T1", "T5"}
