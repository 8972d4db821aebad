"""Priority from the organisation's impact x urgency matrix (DESIGN §3 Priority)."""

from __future__ import annotations

from core.errors import InvalidInput
from core.orgspec import PrioritySpec


def check_impact_urgency(spec: PrioritySpec, impact: str, urgency: str) -> None:
    if impact not in spec.impact:
        raise InvalidInput(f"impact must be one of {', '.join(spec.impact)}, not {impact!r}", "impact")
    if urgency not in spec.urgency:
        raise InvalidInput(f"urgency must be one of {', '.join(spec.urgency)}, not {urgency!r}", "urgency")


def compute_priority(
    spec: PrioritySpec,
    impact: str,
    urgency: str,
    *,
    vip_or_critical: bool = False,
    security: bool = False,
) -> str:
    """The matrix cell, raised `vip_raise` levels for a VIP requester or a critical
    site (once, not once for each), and never below `security_floor` for a security category."""
    check_impact_urgency(spec, impact, urgency)
    level = spec.levels.index(spec.matrix[spec.impact.index(impact)][spec.urgency.index(urgency)])
    if vip_or_critical:
        level = max(0, level - spec.vip_raise)
    if security and spec.security_floor is not None:
        level = min(level, spec.levels.index(spec.security_floor))
    return spec.levels[level]
