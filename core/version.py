"""Branchdesk's version: the one in pyproject.toml, read from the installed package's
metadata (also inside the frozen bundle, which carries that metadata), so no second
copy of the number exists to drift."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

UNKNOWN = "0+unknown"


def branchdesk_version() -> str:
    try:
        return version("branchdesk")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return UNKNOWN
