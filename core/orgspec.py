"""The organisation's reference data as plain, validated values.

`core.orgfile` turns the administrator's TOML file into an `OrgSpec`; the store
and the server import an `OrgSpec`, and the SLA engine reads calendars and
policies from it. Durations are whole seconds; times of day are minutes after
midnight (0..1440, so an interval may end at 24:00).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # core.org_texts reads them, and imports this module
    from core.org_texts import LanguageTexts, ReplySpec

# integration: a system (monitoring, another tool) that logs tickets for any site through the server
ROLES = ("requester", "technician", "agent", "manager", "admin", "integration")
TICKET_TYPES = ("incident", "request", "case", "task")
STATUSES = ("new", "assigned", "in_progress", "pending", "resolved", "closed", "cancelled")
PENDING_REASONS = ("customer", "supplier", "change", "other")
FIELD_TYPES = ("text", "number", "choice", "bool", "date")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ESCALATION_CLOCKS = ("response", "resolution", "ola-response", "ola-resolution", "idle")
# whom an escalation rule may tell, besides a username of support staff
NOTIFY_ROLES = ("assignee", "team", "lead", "requester", "desk")
ASSIGN_POLICIES = ("none", "least_loaded", "round_robin", "site")
# how a person may be told (DESIGN §13): mail from the server, the list in their window
NOTIFY_CHANNELS = ("email", "desktop")
LANGUAGES = ("en", "pl")  # of the mails a person gets
MAIL_SECURITY = ("none", "starttls", "tls")
WEBHOOK_KINDS = ("teams", "slack", "json")


@dataclass(frozen=True)
class Interval:
    """A working interval on one weekday, wall-clock minutes in the calendar's zone."""

    start: int
    end: int


@dataclass(frozen=True)
class ClosedPeriod:
    """A closed date (start=0, end=1440) or a closed period within one date."""

    day: date
    start: int = 0
    end: int = 1440


@dataclass(frozen=True)
class CalendarSpec:
    name: str
    timezone: str
    always_open: bool = False
    # index 0 is Monday, as date.weekday(); an empty tuple is a closed weekday
    week: tuple[tuple[Interval, ...], ...] = ((),) * 7
    holidays_country: str | None = None
    holidays_subdivision: str | None = None
    closed: tuple[ClosedPeriod, ...] = ()


@dataclass(frozen=True)
class PrioritySpec:
    levels: tuple[str, ...]
    impact: tuple[str, ...]
    urgency: tuple[str, ...]
    matrix: tuple[tuple[str, ...], ...]
    vip_raise: int = 0
    security_floor: str | None = None


@dataclass(frozen=True)
class SiteSpec:
    code: str
    name: str
    calendar: str
    critical: bool = False
    country: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class OlaSpec:
    """An operational level target: business time a ticket may spend with a team."""

    response: int | None = None
    resolution: int | None = None


@dataclass(frozen=True)
class TeamSpec:
    code: str
    name: str
    tier: int = 1
    escalates_to: str | None = None
    calendar: str | None = None
    lead: str | None = None
    ola: OlaSpec | None = None
    # country code of the ticket's site -> the team to escalate to instead of escalates_to
    escalates_to_by_country: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class UserSpec:
    username: str
    name: str
    role: str
    site: str | None = None
    teams: tuple[str, ...] = ()
    # further sites a technician covers, beyond the home site
    sites: tuple[str, ...] = ()
    vip: bool = False
    email: str | None = None
    password: str | None = None
    # NOTIFY_CHANNELS the person is told on; the language of their mails
    notify: tuple[str, ...] = NOTIFY_CHANNELS
    language: str = "en"


@dataclass(frozen=True)
class SupplierSpec:
    code: str
    name: str
    calendar: str
    response: int
    resolution: int


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    type: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class CategorySpec:
    path: str
    team: str | None = None
    security: bool = False
    fields: tuple[FieldSpec, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class TargetSpec:
    response: int
    resolution: int


@dataclass(frozen=True)
class SlaPolicySpec:
    name: str
    types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    calendar: str = "site"
    pause_on: tuple[str, ...] = ("pending",)
    warn_at: tuple[float, ...] = (0.75,)
    targets: dict[str, TargetSpec] = field(default_factory=dict)
    # whether the resolution clock keeps running while the ticket waits on a supplier
    # (the supplier's own contract clock runs either way)
    pause_on_supplier: bool = True


@dataclass(frozen=True)
class RoutingRuleSpec:
    """Sends new tickets matching all given conditions to a team."""

    name: str
    team: str
    types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    assign: str = "none"  # none | least_loaded | round_robin | site
    # category field answers that must match, as written in the file ("yes" for a bool field)
    fields: dict[str, str] = field(default_factory=dict)
    # the priority matching tickets get, recorded as the rule's override
    priority: str | None = None


@dataclass(frozen=True)
class EscalationRuleSpec:
    """Fires when a ticket's clock passes a fraction of its target (`at`), or, for the
    idle clock, after a time without a public update (`after`); the first matching
    rule per (ticket, clock, threshold) applies."""

    name: str
    clock: str  # one of ESCALATION_CLOCKS
    at: float | None = None  # fraction of the target in (0, 1.5]; None for idle
    after: int | None = None  # business seconds without a public update; idle only
    types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    # NOTIFY_ROLES or usernames of support staff
    notify: tuple[str, ...] = ()
    # move to the team's next tier (escalates_to, or escalates_to_by_country)
    escalate: bool = False
    # move to this team instead (never with escalate)
    team: str | None = None


@dataclass(frozen=True)
class EmailChannelSpec:
    """[channels.email]: the SMTP server mail goes out through; the password is read
    from the environment variable `password_env` when mail is sent, never the file."""

    host: str
    sender: str  # `from`: "Service desk <desk@example.com>"
    port: int = 587
    security: str = "starttls"  # one of MAIL_SECURITY
    username: str | None = None
    password_env: str | None = None


@dataclass(frozen=True)
class WebhookSpec:
    """[[channels.webhook]]: a chat channel's incoming webhook, told of the tickets of
    `teams`; its address (a secret) is in the environment variable `url_env`."""

    name: str
    kind: str  # one of WEBHOOK_KINDS
    url_env: str
    teams: tuple[str, ...] = ()


@dataclass(frozen=True)
class MailInSpec:
    """[mail_in]: the address `branchdesk-server mail-in` takes mail for, and the
    category of the tickets it logs."""

    address: str
    category: str


@dataclass(frozen=True)
class OrgSpec:
    name: str
    auto_close_days: int
    priority: PrioritySpec
    calendars: dict[str, CalendarSpec]
    sites: tuple[SiteSpec, ...]
    teams: tuple[TeamSpec, ...]
    users: tuple[UserSpec, ...]
    suppliers: tuple[SupplierSpec, ...]
    categories: tuple[CategorySpec, ...]
    sla: tuple[SlaPolicySpec, ...]
    routing: tuple[RoutingRuleSpec, ...] = ()
    triage_team: str | None = None
    escalation: tuple[EscalationRuleSpec, ...] = ()
    email: EmailChannelSpec | None = None
    webhooks: tuple[WebhookSpec, ...] = ()
    mail_in: MailInSpec | None = None
    # "this solved it" may close the new-ticket dialog without logging a ticket (DESIGN §15)
    deflect: bool = False
    # canned replies, and the organisation's names in other languages (core.org_texts)
    replies: tuple[ReplySpec, ...] = ()
    translations: Mapping[str, LanguageTexts] = field(default_factory=dict)
