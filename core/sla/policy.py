"""Which SLA policy applies to a ticket, and on which calendar it measures."""

from __future__ import annotations

import fnmatch

from core.orgspec import OrgSpec, SlaPolicySpec


def _any(patterns: tuple[str, ...], value: str) -> bool:
    return not patterns or any(fnmatch.fnmatchcase(value, p) for p in patterns)


def choose_policy(spec: OrgSpec, type_: str, category: str, site: str) -> SlaPolicySpec | None:
    """The first policy in the organisation's list whose conditions all match."""
    for policy in spec.sla:
        if (not policy.types or type_ in policy.types) and _any(policy.categories, category) and _any(
            policy.sites, site
        ):
            return policy
    return None


def policy_calendar(policy: SlaPolicySpec, site_calendar: str) -> str:
    return site_calendar if policy.calendar == "site" else policy.calendar
