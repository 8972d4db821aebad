"""The organisation file as clients receive it: the same data, no passwords."""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import date, datetime, time
from pathlib import Path

import pytest

from core.orgfile import parse_org
from server.orgsource import dumps, public_source

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "resources" / "demo-org.toml", Path(__file__).parent / "fixtures" / "org.toml"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_public_source_is_the_same_organisation_without_passwords(path):
    source = path.read_text(encoding="utf-8")
    public = public_source(source)
    assert "password" not in public
    original = parse_org(source)
    assert parse_org(public) == dataclasses.replace(
        original, users=tuple(dataclasses.replace(u, password=None) for u in original.users))


def test_every_toml_value_survives():
    data = {
        "plain": "quote \" backslash \\ tab \t newline \n del \x7f bell \x07 unicode żółw 🐢",
        "int": -3, "float": 1.5, "inf": float("inf"), "yes": True, "day": date(2026, 1, 2),
        "moment": datetime(2026, 1, 2, 3, 4, 5), "clock": time(6, 7, 8), "empty": [], "mixed": [1, [2, "x"]],
        "weird key.with dots": {"password": "secret", "kept": 1},
        "inline": {"a": {"b": {"c": 1}}},
        "rows": [{"n": 1, "sub": {"x": [1, 2]}, "subrows": [{"y": 1}], "password": "p"}, {"n": 2}],
        "nested": {"deeper": {"rows": [{"password": "z", "k": "v"}]}},
    }
    public = public_source(dumps(data))
    expected = tomllib.loads(dumps(data))
    del expected["weird key.with dots"]["password"]
    del expected["rows"][0]["password"]
    del expected["nested"]["deeper"]["rows"][0]["password"]
    assert tomllib.loads(public) == expected
    assert "secret" not in public and '"p"' not in public and '"z"' not in public


def test_a_byte_order_mark_is_fine():
    assert tomllib.loads(public_source("\ufeffa = 1\n")) == {"a": 1}
