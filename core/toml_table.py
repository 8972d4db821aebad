"""Reading TOML tables with every value checked: each getter says what it wants, a
value of the wrong type or out of range becomes a problem named by its key path
("sites[3].calendar"), and reading goes on, so that one pass over a file collects
every problem in it. The organisation file's reader (core.orgfile) is built on it."""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Callable, Iterable
from typing import Any

from core.durations import parse_duration

MAX_TARGET = 10_000 * 3600  # far beyond any real target; keeps due-date arithmetic in range
CODE = (re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*"), 'letters, digits, "-", "_" and "."')
BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
MISSING: Any = object()


class Problems:
    """What reading a file found wrong, and every table read (to find unknown keys)."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.tables: list[Table] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")


def syntax_problem(exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        return f"line {found[1]}, column {found[2]}: TOML syntax error: {message[: found.start()]}"
    return f"TOML syntax error: {message}"


def quote(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def kind_of(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    kind = names.get(type(value), f"a {type(value).__name__}")
    return f"{kind} ({quote(value)})" if isinstance(value, bool | int | float | str) else kind


def bare_key(name: str) -> str:
    return name if BARE_KEY.fullmatch(name) else quote(name)


def did_you_mean(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (did you mean {quote(close[0])}?)" if close else ""


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class Table:
    """One TOML table at a key path; remembers which keys were asked for, to find unknown ones."""

    def __init__(self, reader: Problems, path: str, data: dict[str, Any]) -> None:
        self.reader, self.path, self.data = reader, path, data
        self.asked: set[str] = set()
        reader.tables.append(self)

    def at(self, key: str) -> str:
        return f"{self.path}.{bare_key(key)}" if self.path else bare_key(key)

    def get(self, key: str, want: str, ok: Callable[[Any], bool], required: bool = False) -> Any:
        self.asked.add(key)
        value = self.data.get(key, MISSING)
        if value is MISSING:
            if required:
                self.reader.problem(self.at(key), "missing")
        elif not ok(value):
            self.reader.problem(self.at(key), f"expected {want}, got {kind_of(value)}")
            value = MISSING
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.get(key, "a string", lambda v: isinstance(v, str), required)
        if value is MISSING:
            return None
        if not value.strip():
            self.reader.problem(self.at(key), "must not be empty")
            return None
        return str(value)

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.get(key, "an integer", lambda v: isinstance(v, int) and not isinstance(v, bool))
        if value is MISSING:
            return default
        if not low <= value <= high:
            self.reader.problem(self.at(key), f"{value} is out of range ({low} to {high})")
            return default
        return int(value)

    def flag(self, key: str, default: bool) -> bool:
        value = self.get(key, "true or false", lambda v: isinstance(v, bool))
        return default if value is MISSING else bool(value)

    def strings(self, key: str, required: bool = False) -> list[tuple[str, str]] | None:
        """The array's strings with their paths; None when the key is absent or not an array."""
        items = self.get(key, "an array of strings", lambda v: isinstance(v, list), required)
        if items is MISSING:
            return None
        found = []
        for i, item in enumerate(items):
            path = f"{self.at(key)}[{i}]"
            if not isinstance(item, str):
                self.reader.problem(path, f"expected a string, got {kind_of(item)}")
            elif not item.strip():
                self.reader.problem(path, "must not be empty")
            else:
                found.append((path, item))
        return found

    def table(self, key: str, required: bool = False) -> Table | None:
        value = self.get(key, "a table", lambda v: isinstance(v, dict), required)
        return None if value is MISSING else Table(self.reader, self.at(key), value)

    def tables(self, key: str) -> list[Table]:
        want = f"an array of tables ([[{key}]])"
        items = self.get(key, want, lambda v: isinstance(v, list))
        found = []
        for i, item in enumerate([] if items is MISSING else items):
            if isinstance(item, dict):
                found.append(Table(self.reader, f"{self.at(key)}[{i}]", item))
            else:
                self.reader.problem(f"{self.at(key)}[{i}]", f"expected a table, got {kind_of(item)}")
        return found

    def duration(self, key: str, required: bool = True) -> int | None:
        value = self.text(key, required)
        if value is None:
            return None
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            self.reader.problem(self.at(key), str(exc))
            return None
        if seconds <= 0 or seconds > MAX_TARGET:
            self.reader.problem(self.at(key), f"{quote(value)} must be more than 0s and at most 10000h")
            return None
        return seconds

    def code(self, key: str, rule: tuple[re.Pattern[str], str] = CODE) -> str:
        value = self.text(key)
        pattern, allowed = rule
        if value is not None and not pattern.fullmatch(value):
            self.reader.problem(self.at(key), f"{quote(value)} may hold only {allowed}, without spaces")
        return value or ""
