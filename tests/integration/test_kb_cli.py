"""`branchdesk kb …` end to end in this process (desktop.cli.main.run) on a store of
the small organisation: write, publish, list, show, search, link, suggest and "this
solved it"; and bad input everywhere is one `error:` line, exit status 1, and leaves
the store as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def here(capsys: pytest.CaptureFixture[str], data_dir: Path, user: str, *args: str) -> tuple[int, str, str]:
    from desktop.cli.main import run

    capsys.readouterr()
    try:
        code = run(["--data-dir", str(data_dir), "--user", user, *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ok(capsys: pytest.CaptureFixture[str], data_dir: Path, user: str, *args: str) -> str:
    code, out, err = here(capsys, data_dir, user, *args)
    assert (code, err) == (0, ""), (args, err)
    return out


def test_kb_commands_from_writing_to_solving(desk: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = desk.store.path.parent
    body = tmp_path / "body.md"
    body.write_text("# Blank receipts\n\nTurn the thermal roll over.", encoding="utf-8")
    made = json.loads(ok(capsys, data, "tom", "kb", "new", "--title", "Receipt printer prints blank paper",
                         "--body-file", str(body), "--category", "Hardware", "--json"))
    number = made["number"]
    assert (made["status"], made["categories"], made["author"]) == ("draft", ["Hardware"], "tom")
    assert ok(capsys, data, "anna", "kb", "list") == "no articles\n"
    assert ok(capsys, data, "ada", "kb", "publish", number) == f"{number}  published  Receipt printer prints blank paper\n"
    listed = json.loads(ok(capsys, data, "anna", "kb", "list", "--json"))
    assert [a["number"] for a in listed] == [number]
    shown = ok(capsys, data, "anna", "kb", "show", number)
    assert "Turn the thermal roll over." in shown and "categories: Hardware" in shown
    assert json.loads(ok(capsys, data, "anna", "kb", "search", "thermal", "--json"))[0]["number"] == number
    # the one search over tickets lists the articles its words find too
    both = ok(capsys, data, "anna", "search", "thermal")
    assert both.startswith("no tickets match\n") and number in both
    suggested = json.loads(ok(capsys, data, "anna", "kb", "suggest", "--title", "receipt printer not printing",
                              "--category", "Hardware", "--json"))
    assert suggested[0]["number"] == number and 0 < suggested[0]["score"] <= 1
    assert set(suggested[0]) == {"number", "title", "categories", "score", "solved_count"}
    solved = json.loads(ok(capsys, data, "anna", "kb", "solved", number, "--title", "Receipt printer blank",
                           "--category", "Hardware", "--json"))
    assert solved["solved_count"] == 1
    ticket = json.loads(ok(capsys, data, "anna", "ticket", "show", solved["ticket"], "--json"))
    assert (ticket["status"], ticket["resolution_code"]) == ("resolved", "solved_by_article")
    # an article from that resolution, linked to another ticket
    from_ticket = ok(capsys, data, "tom", "kb", "new", "--from-ticket", solved["ticket"])
    assert from_ticket.split()[1] == "draft"
    other = desk.new("anna")
    assert ok(capsys, data, "tom", "kb", "link", number, other) == f"{number}  linked to {other}\n"
    detail = json.loads(ok(capsys, data, "anna", "kb", "show", number, "--json"))
    assert {t["number"] for t in detail["tickets"]} == {solved["ticket"], other}


def test_bad_input_is_one_error_line_and_changes_nothing(desk: Any, capsys: pytest.CaptureFixture[str],
                                                         dump_db: Any, tmp_path: Path) -> None:
    data = desk.store.path.parent
    number = json.loads(ok(capsys, data, "tom", "kb", "new", "--title", "Card terminal offline", "--body", "Check",
                           "--json"))["number"]
    [open_ticket] = desk.prepare("in_progress")
    before = dump_db(desk.store.path)
    cases = [
        ("anna", ("kb", "new", "--title", "Mine"), "only support staff may write articles; you are a requester"),
        ("tom", ("kb", "new", "--body", "x"), "an article needs --title (or --from-ticket NUMBER)"),
        ("tom", ("kb", "new", "--title", " "), "an article needs a title"),
        ("tom", ("kb", "new", "--title", "T", "--category", "Nope"), "unknown category 'Nope'"),
        ("tom", ("kb", "new", "--title", "T", "--body-file", str(tmp_path / "missing.md")),
         f"no file {tmp_path / 'missing.md'}"),
        ("tom", ("kb", "new", "--from-ticket", open_ticket),
         f"ticket {open_ticket} is in_progress; an article is written from a resolved ticket's resolution"),
        ("tom", ("kb", "publish", number), "only agents and managers may publish articles; you are a technician"),
        ("ada", ("kb", "publish", "KB-NONE-1"), "no article KB-NONE-1"),
        ("anna", ("kb", "show", number), f"no article {number}"),
        ("tom", ("kb", "edit", number), "say what to change: --title, --body, --body-file or --category"),
        ("tom", ("kb", "link", number, "PL-NOPE-1"), "no ticket PL-NOPE-1"),
        ("tom", ("kb", "list", "--status", "old"), "status must be one of draft, published, not 'old'"),
        ("tom", ("kb", "list", "--limit", "many"), "--limit takes a whole number of at least 1, not 'many'"),
        ("tom", ("kb", "search", "?!"), "search needs at least one word"),
        ("anna", ("kb", "suggest", "--title", " "), "suggestions need a title or a category"),
        ("anna", ("kb", "suggest", "--title", "printer", "--category", "Nope"), "unknown category 'Nope'"),
        ("anna", ("kb", "solved", number, "--title", "x", "--category", "Hardware"),
         f"no article {number}"),
        ("ada", ("kb", "solved", number, "--title", "x", "--category", "Hardware"),
         f"article {number} is a draft; only a published article solves a problem"),
        ("ada", ("kb", "solved", number, "--no-ticket"),
         f"article {number} is a draft; only a published article solves a problem"),
        ("ada", ("kb", "solved", number), "say what is being logged with --title and --category (or --no-ticket)"),
    ]
    for user, args, message in cases:
        code, out, err = here(capsys, data, user, *args)
        assert (code, out, err) == (1, "", f"error: {message}\n"), args
    assert dump_db(desk.store.path) == before
