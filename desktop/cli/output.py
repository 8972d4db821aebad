"""Printing for people (aligned text) and for scripts (one JSON document)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: dict[int, int] | None = None) -> None:
    widths = widths or {}
    cells = [[_clip("" if v is None else str(v), widths.get(i)) for i, v in enumerate(r)] for r in rows]
    sizes = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(sizes[i]) for i, h in enumerate(headers))
    print(line.rstrip())
    for row in cells:
        print("  ".join(v.ljust(sizes[i]) for i, v in enumerate(row)).rstrip())


def _clip(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"
