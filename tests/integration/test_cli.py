"""The `branchdesk` command line end to end (DESIGN §9), as the installed console script
in real subprocesses on a temporary data dir: a ticket's whole life, the JSON documents
scripts rely on, and bad input that gets one `error:` line, exit status 1 (2 for wrong
usage), no traceback, and leaves the store as it was.

Each process costs about half a second, so commands that do not depend on each other
run side by side, and the store is made once and copied for each test."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from core.services import tickets as service
from core.store import Store
from core.uow import unit_of_work

BRANCHDESK = Path(sys.executable).with_name("branchdesk")
SMALL_ORG = Path(__file__).resolve().parent.parent / "fixtures" / "small-org.toml"
INSTANT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
SHOW_KEYS = {
    "id", "number", "type", "title", "description", "status", "pending_reason", "priority", "impact", "urgency",
    "category", "site", "team", "assignee", "requester", "channel", "fields", "created_at", "updated_at",
    "first_response_at", "resolved_at", "closed_at", "sla", "history", "comments", "conflicts",
}


@dataclass
class Result:
    args: Sequence[str]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self
        return json.loads(self.out)

    def ok(self) -> Result:
        assert self.code == 0, f"{self.args}: {self.err}"
        assert self.err == "", self.err
        return self


def environment(home: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "BRANCHDESK_HOME"}
    env["PYTHONIOENCODING"] = "utf-8"
    if home is not None:
        env["BRANCHDESK_HOME"] = str(home)
    return env


def spawn(args: Sequence[str], data_dir: Path | None = None, user: str | None = None,
          home: Path | None = None) -> tuple[list[str], subprocess.Popen[str]]:
    argv = [str(BRANCHDESK)]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    if user is not None:
        argv += ["--user", user]
    argv += list(args)
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8", env=environment(home))
    return argv, process


def together(*calls: tuple[list[str], subprocess.Popen[str]]) -> list[Result]:
    """Wait for processes started side by side; results in the order given."""
    results = []
    for argv, process in calls:
        out, err = process.communicate(timeout=120)
        results.append(Result(argv, process.returncode, out, err))
    return results


def one(args: Sequence[str], data_dir: Path | None = None, user: str | None = None,
        home: Path | None = None) -> Result:
    return together(spawn(args, data_dir, user, home))[0]


def here(capsys: pytest.CaptureFixture[str], args: Sequence[str], data_dir: Path | None = None,
         user: str | None = None) -> Result:
    """The same command through desktop.cli.main.run in this process: for the many bad inputs
    and repeated moves, where a process each would cost more than it shows."""
    from desktop.cli.main import run

    argv = (["--data-dir", str(data_dir)] if data_dir else []) + (["--user", user] if user else []) + list(args)
    capsys.readouterr()
    try:
        code = run(argv)
    except SystemExit as exit_:  # argparse: wrong usage
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return Result(argv, code, captured.out, captured.err)


def instants(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string under a key that names an instant (…_at, at)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and (key == "at" or key.endswith("_at")):
                yield f"{path}.{key}", item
            else:
                yield from instants(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from instants(item, f"{path}[{i}]")


@pytest.fixture(scope="session")
def cli_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`branchdesk --user ada init --org small-org.toml --site PL-POZ-001`, once."""
    data = tmp_path_factory.mktemp("cli") / "data"
    result = one(["init", "--org", str(SMALL_ORG), "--site", "PL-POZ-001"], data, user="ada").ok()
    assert result.out.startswith(f"store ready at {data / 'branchdesk.sqlite3'} for site PL-POZ-001")
    return data


@pytest.fixture
def data_dir(cli_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(cli_template, target)
    return target


def test_a_whole_life_from_new_to_closed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = data_dir  # some commands find the store through BRANCHDESK_HOME, the others through --data-dir
    t1, t2 = together(
        spawn(["ticket", "new", "--title", "Receipt printer jammed at Głogowska", "--category", "Hardware/POS terminal",
               "--impact", "low", "--urgency", "medium", "--field", "terminal_id=T-17", "--field", "pump=2",
               "--description", "Paper stuck at till 2", "--json"], data_dir, user="anna"),
        spawn(["ticket", "new", "--title", "Router down at Puławska", "--category", "Network/Router", "--impact",
               "high", "--urgency", "high", "--requester", "ola", "--channel", "phone", "--json"], home=home),
    )
    first, second = t1.ok().json(), t2.ok().json()
    assert set(first) >= SHOW_KEYS
    assert (first["status"], first["priority"], first["requester"], first["site"], first["team"]) == (
        "new", "P4", "anna", "PL-POZ-001", "FIELD")
    assert first["fields"] == {"terminal_id": "T-17", "pump": "2"}
    assert (second["requester"], second["site"], second["priority"], second["channel"]) == (
        "ola", "PL-WAW-002", "P1", "phone")
    n1, n2 = first["number"], second["number"]

    # every command once as its own process, side by side where they do not depend on each other
    rounds: list[list[tuple[list[str], dict[str, Any]]]] = [
        [(["ticket", "edit", n1, "--impact", "medium"], {"data_dir": data_dir, "user": "ada"}),
         (["ticket", "assign", n1, "--to", "tom"], {"home": home})],
        [(["ticket", "move", n1, "in_progress"], {"data_dir": data_dir, "user": "tom"}),
         (["ticket", "link", n1, n2, "--kind", "relates"], {"home": home})],
        [(["ticket", "worklog", n1, "30", "--note", "on site"], {"data_dir": data_dir, "user": "tom"}),
         (["ticket", "comment", n1, "Spare print head arrives tomorrow"], {"data_dir": data_dir, "user": "tom"}),
         (["ticket", "escalate", n1], {"home": home})],
    ]
    for commands in rounds:
        for result in together(*(spawn(args, **where) for args, where in commands)):
            assert result.ok().out.strip()
    # the rest of its life through the same entry point in this process
    for user, args in [
        ("ada", ["ticket", "assign", n2, "--to", "nina"]),
        ("nina", ["ticket", "comment", n2, "Checking the uplink", "--internal"]),
        ("nina", ["ticket", "move", n1, "pending", "--reason", "supplier", "--supplier", "POSCO"]),
        ("nina", ["ticket", "move", n1, "in_progress"]),
        ("nina", ["ticket", "move", n1, "resolved", "--code", "replaced", "--note", "New print head fitted"]),
        ("anna", ["ticket", "move", n1, "closed"]),
    ]:
        assert here(capsys, args, data_dir, user).ok().out.strip()

    show, listed, found = together(
        spawn(["ticket", "show", n1, "--json"], home=home),
        spawn(["ticket", "list", "--json"], data_dir, user="ada"),
        spawn(["search", "glogowska", "--json"], data_dir, user="anna"),
    )
    text = here(capsys, ["ticket", "show", n1], data_dir, "anna")
    detail = show.ok().json()
    assert set(detail) >= SHOW_KEYS
    assert (detail["status"], detail["team"], detail["assignee"], detail["priority"]) == (
        "closed", "NET", "nina", "P3")
    assert (detail["resolution_code"], detail["resolution_note"]) == ("replaced", "New print head fitted")
    assert detail["pending_reason"] is None
    for key in ("created_at", "updated_at", "first_response_at", "resolved_at", "closed_at"):
        assert INSTANT.match(detail[key]), key
    for where, value in instants(detail):
        assert INSTANT.match(value), f"{where}: {value!r}"
    statuses = [h["new"] for h in detail["history"] if h["kind"] == "field" and h["field"] == "status"]
    assert statuses == ["assigned", "in_progress", "assigned", "pending", "in_progress", "resolved", "closed"]
    # the requester was told of each step taken by someone else (her own close is no news to her)
    told = [h["field"] for h in detail["history"] if h["kind"] == "notice" and "anna" in h["new"]]
    assert sorted(told) == sorted(["status"] * 5 + ["reply", "resolved"])
    assert all(h["actor"] and h["device"] and h["at"] for h in detail["history"])
    priority = [h for h in detail["history"] if h["field"] == "priority"]
    assert [(h["old"], h["new"], h["actor"]) for h in priority] == [("P4", "P3", "ada")]
    assert [c["body"] for c in detail["comments"]] == ["Spare print head arrives tomorrow"]
    assert [(w["minutes"], w["author"]) for w in detail["work_log"]] == [(30, "tom")]
    assert [(link["kind"], link["ticket"]) for link in detail["links"]] == [("relates", n2)]
    assert detail["conflicts"] == []
    sla = detail["sla"]
    assert sla is not None and {"policy", "calendar", "clocks"} <= set(sla)
    assert {"response", "resolution"} <= set(sla["clocks"])

    assert n1 in text.ok().out and "closed" in text.out
    assert {row["number"] for row in listed.ok().json()} == {n1, n2}
    assert [hit["number"] for hit in found.ok().json()] == [n1]
    # the other site's ticket, its internal note and its queue are not anna's
    assert here(capsys, ["ticket", "list", "--json"], data_dir, "anna").json()[0]["number"] == n1
    assert here(capsys, ["search", "uplink", "--json"], data_dir, "ola").json() == []
    assert [r["number"] for r in here(capsys, ["ticket", "list", "--queue", "mine", "--json"], data_dir,
                                      "nina").json()] == [n2]


def _bad_org_files(folder: Path) -> tuple[Path, Path]:
    malformed = folder / "malformed.toml"
    malformed.write_text(SMALL_ORG.read_text(encoding="utf-8").replace('name = "Test Fuel"', 'name = "Test Fuel'),
                         encoding="utf-8")
    contradictory = folder / "contradictory.toml"
    contradictory.write_text(SMALL_ORG.read_text(encoding="utf-8").replace(
        'site = "PL-WAW-002"\npassword = "pw-ola"', 'site = "PL-KRK-404"\npassword = "pw-ola"'), encoding="utf-8")
    return malformed, contradictory


def test_bad_input_gets_one_error_line_and_changes_nothing(data_dir: Path, tmp_path: Path, dump_db: Any,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "branchdesk.sqlite3"
    store = Store.open(path)
    try:
        with unit_of_work(store) as uow:
            anna, tom = uow.ref.user("anna"), uow.ref.user("tom")
            new = service.create(uow, anna, service.NewTicket(title="Till frozen", category="Hardware",
                                                              impact="low", urgency="low")).number
            working = service.create(uow, anna, service.NewTicket(title="Scanner dead", category="Hardware",
                                                                  impact="low", urgency="low")).number
            service.assign(uow, uow.ref.user("ada"), working, to="tom")
            service.move(uow, tom, working, "in_progress")
            elsewhere = service.create(uow, uow.ref.user("ola"), service.NewTicket(
                title="Sign dark", category="Hardware", impact="low", urgency="low")).number
    finally:
        store.close()
    before = dump_db(path)

    malformed, contradictory = _bad_org_files(tmp_path)
    nowhere = tmp_path / "never-made"
    corrupt, foreign, folder = tmp_path / "corrupt", tmp_path / "foreign", tmp_path / "folder"
    empty = tmp_path / "empty"
    for where in (corrupt, foreign, folder, empty):
        where.mkdir()
    (corrupt / "branchdesk.sqlite3").write_bytes(path.read_bytes()[:20000])
    shutil.copyfile(malformed, foreign / "branchdesk.sqlite3")  # not even SQLite
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(foreign / "other.db")) as conn:
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
        conn.commit()
    (foreign / "branchdesk.sqlite3").unlink()
    (foreign / "other.db").rename(foreign / "branchdesk.sqlite3")
    (folder / "branchdesk.sqlite3").mkdir()
    untouched = {p: p.read_bytes() for p in (corrupt / "branchdesk.sqlite3", foreign / "branchdesk.sqlite3")}

    new_ticket = ["ticket", "new", "--title", "Till frozen", "--category", "Hardware", "--impact", "low",
                  "--urgency", "low"]
    cases: list[tuple[list[str], dict[str, Any], int, str]] = [
        (["ticket", "new", "--title", "x", "--category", "Hardware/Printer", "--impact", "low", "--urgency", "low"],
         {}, 1, "unknown category 'Hardware/Printer'"),
        ([*new_ticket, "--site", "PL-XXX-000"], {}, 1, "unknown site 'PL-XXX-000'"),
        (["ticket", "list"], {"user": "ghost"}, 1, "unknown user 'ghost'"),
        (["ticket", "move", new, "done"], {}, 1, "unknown status 'done'"),
        (["ticket", "move", new, "closed"], {}, 1, "cannot move a new ticket to closed"),
        (["ticket", "new", "--title", "x", "--category", "Hardware/POS terminal", "--impact", "low", "--urgency",
          "low"], {}, 1, "Terminal ID (terminal_id) is required"),
        ([*new_ticket[:-4], "--impact", "huge", "--urgency", "low"], {}, 1, "impact must be one of high, medium, low"),
        ([*new_ticket[:-4], "--impact", "low", "--urgency", "asap"], {}, 1, "urgency must be one of"),
        (["ticket", "move", working, "pending"], {"user": "tom"}, 1, "needs --reason"),
        (["ticket", "move", working, "resolved", "--note", "done"], {"user": "tom"}, 1, "resolving needs --code"),
        (["ticket", "show", elsewhere], {"user": "anna"}, 1, f"no ticket {elsewhere}"),
        (["ticket", "show", "PL-POZ-001-ZZZZZ-99999"], {"user": "anna"}, 1, "no ticket PL-POZ-001-ZZZZZ-99999"),
        (["ticket", "edit", new, "--title", "Hijacked"], {"user": "system"}, 1, "automatic actor"),
        (["ticket", "list", "--queue", "everything"], {}, 2, "invalid choice: 'everything'"),
        (["init", "--org", str(malformed), "--site", "PL-POZ-001"], {"data_dir": nowhere}, 1, "TOML syntax error"),
        (["init", "--org", str(contradictory), "--site", "PL-POZ-001"], {"data_dir": nowhere}, 1, "PL-KRK-404"),
        (["ticket", "list"], {"data_dir": corrupt, "user": "ada"}, 1, "is damaged and cannot be opened"),
        (["ticket", "list"], {"data_dir": foreign, "user": "ada"}, 1, "of another program, not a Branchdesk store"),
        (["ticket", "list"], {"data_dir": folder, "user": "ada"}, 1, "is a folder, not a Branchdesk store"),
        (["ticket", "list"], {"data_dir": empty, "user": "ada"}, 1, "no Branchdesk store at"),
    ]
    # A few as real processes (the exit status and stderr a script sees), the rest in this process.
    by_process = {0, 13, 15, 16}
    spawned = iter(together(*(spawn(args, where.get("data_dir", data_dir), where.get("user", "ada"))
                              for i, (args, where, _, _) in enumerate(cases) if i in by_process)))
    results = [next(spawned) if i in by_process else
               here(capsys, args, where.get("data_dir", data_dir), where.get("user", "ada"))
               for i, (args, where, _, _) in enumerate(cases)]
    for (_args, _, code, message), result in zip(cases, results, strict=True):
        errors = [line for line in result.err.splitlines() if line.startswith("error:")]
        assert result.code == code, result
        assert len(errors) == 1, result
        assert message in errors[0], result
        assert "Traceback" not in result.err
        assert result.out == "", result
        if code == 2:
            assert "usage: branchdesk" in result.err
    # the two scope answers are the same answer
    show_elsewhere, show_missing = results[10:12]
    assert show_elsewhere.err.replace(elsewhere, "N") == show_missing.err.replace("PL-POZ-001-ZZZZZ-99999", "N")

    assert dump_db(path) == before
    assert not nowhere.exists()
    assert {p: p.read_bytes() for p in untouched} == untouched
    for where in (corrupt, foreign):
        assert [p.name for p in where.iterdir()] == ["branchdesk.sqlite3"]
    assert list(empty.iterdir()) == []


def test_a_crash_inside_a_command_is_one_error_line_and_leaves_nothing(
    data_dir: Path, dump_db: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.uow import UnitOfWork
    from desktop.cli.main import run

    path = data_dir / "branchdesk.sqlite3"
    before = dump_db(path)
    original = UnitOfWork.finish

    def finish_then_fail(self: UnitOfWork) -> None:
        original(self)  # every row written and flushed, then the power goes
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(UnitOfWork, "finish", finish_then_fail)
    code = run(["--data-dir", str(data_dir), "--user", "anna", "ticket", "new", "--title", "Till frozen",
                "--category", "Hardware", "--impact", "low", "--urgency", "low"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines() == ["error: unexpected RuntimeError: disk unplugged"]
    assert captured.out == ""
    monkeypatch.undo()
    assert dump_db(path) == before
    assert "RuntimeError: disk unplugged" in (data_dir / "branchdesk.log").read_text(encoding="utf-8")


def test_init_refuses_a_site_not_in_the_file_and_another_sites_store(
    data_dir: Path, tmp_path: Path, dump_db: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "branchdesk.sqlite3"
    before = dump_db(path)
    other = here(capsys, ["init", "--org", str(SMALL_ORG), "--site", "PL-WAW-002"], data_dir)
    wrong_site = here(capsys, ["init", "--org", str(SMALL_ORG), "--site", "PL-GDN-003"], tmp_path / "fresh")
    assert other.code == 1 and other.err == (
        "error: this store serves site PL-POZ-001; make a new one for PL-WAW-002 (--data-dir)\n")
    assert wrong_site.code == 1 and "'PL-GDN-003' is not in" in wrong_site.err
    assert dump_db(path) == before
    assert not (tmp_path / "fresh").exists()
