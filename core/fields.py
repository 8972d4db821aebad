"""A category's own form fields: checking what a person typed against them."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from core.errors import InvalidInput
from core.orgspec import FieldSpec

TRUE_WORDS = {"true", "yes", "1", "on"}
FALSE_WORDS = {"false", "no", "0", "off"}


def convert_field(spec: FieldSpec, raw: str) -> Any:
    text = raw.strip()
    if spec.type == "number":
        try:
            number = float(text)
        except ValueError:
            raise InvalidInput(f"{spec.label} must be a number, not {raw!r}", spec.key) from None
        if not math.isfinite(number):
            raise InvalidInput(f"{spec.label} must be a number, not {raw!r}", spec.key)
        return int(number) if number.is_integer() else number
    if spec.type == "choice":
        if text not in spec.choices:
            raise InvalidInput(f"{spec.label} must be one of {', '.join(spec.choices)}, not {raw!r}", spec.key)
        return text
    if spec.type == "bool":
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise InvalidInput(f"{spec.label} must be yes or no, not {raw!r}", spec.key)
    if spec.type == "date":
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise InvalidInput(f"{spec.label} must be a date like 2026-03-01, not {raw!r}", spec.key) from None
    return text


def validate_fields(specs: tuple[FieldSpec, ...], values: dict[str, str], *, required: bool = True) -> dict[str, Any]:
    """Typed values for the category's fields; refuses unknown keys, and missing required
    ones unless `required` is off (a ticket solved as it is logged: nobody will work it)."""
    by_key = {f.key: f for f in specs}
    unknown = sorted(set(values) - set(by_key))
    if unknown:
        known = ", ".join(by_key) or "none"
        raise InvalidInput(f"unknown field {unknown[0]!r} for this category (its fields: {known})", unknown[0])
    result: dict[str, Any] = {}
    for spec in specs:
        raw = values.get(spec.key)
        if raw is None or not str(raw).strip():
            if spec.required and required:
                raise InvalidInput(f"{spec.label} ({spec.key}) is required for this category", spec.key)
            continue
        result[spec.key] = convert_field(spec, str(raw))
    return result
