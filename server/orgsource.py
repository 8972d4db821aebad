"""The organisation file as clients receive it: parsed and written out again with
every `password` key removed, so no password, hashed or not, leaves the server.

Comments and layout are not kept; the data is, exactly (checked by reading the
result back). Nested tables inside arrays of tables become inline tables."""

from __future__ import annotations

import json
import math
import re
import tomllib
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

SECRET_KEYS = frozenset({"password"})
_BARE = re.compile(r"[A-Za-z0-9_-]+")


@lru_cache(maxsize=4)
def public_source(source: str) -> str:
    """`source` without secrets. A pure function of its argument, memoised per process."""
    data = strip_secrets(tomllib.loads(source.removeprefix("\ufeff")))
    text = dumps(data)
    if tomllib.loads(text) != data:  # never hand out something that reads back differently
        raise ValueError("the organisation file could not be written back faithfully")
    return text


def strip_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: strip_secrets(v) for k, v in value.items() if k not in SECRET_KEYS}
    if isinstance(value, list):
        return [strip_secrets(v) for v in value]
    return value


def dumps(data: dict[str, Any]) -> str:
    lines: list[str] = []
    _table(lines, [], data)
    return "\n".join(lines).lstrip("\n") + "\n"


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _table(lines: list[str], path: list[str], table: dict[str, Any]) -> None:
    plain = {k: v for k, v in table.items() if not isinstance(v, dict) and not _is_table_array(v)}
    for key, value in plain.items():
        lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in table.items():
        if isinstance(value, dict):
            has_plain = any(not isinstance(v, dict) and not _is_table_array(v) for v in value.values())
            if has_plain or not value:  # a table holding only tables needs no header of its own
                lines.append("")
                lines.append(f"[{_dotted([*path, key])}]")
            _table(lines, [*path, key], value)
        elif _is_table_array(value):
            for item in value:
                lines.append("")
                lines.append(f"[[{_dotted([*path, key])}]]")
                for k, v in item.items():
                    lines.append(f"{_key(k)} = {_value(v)}")


def _dotted(path: list[str]) -> str:
    return ".".join(_key(k) for k in path)


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    # JSON's escapes are all valid in a TOML basic string; TOML also wants DEL escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
