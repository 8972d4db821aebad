"""Reads the administrator's organisation file (TOML, DESIGN §4) into an `OrgSpec`.

The whole file is checked and every problem is collected, each naming its key path
("sites[3].calendar") and what is wrong; a file with any problem is refused as a
whole with `OrgFileError`. resources/README.md documents the format key by key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path

from core.org_calendars import SITE_CALENDAR, CalendarReader
from core.org_channels import ChannelReader
from core.org_reader import EMAIL
from core.org_rules import RuleReader
from core.org_texts import TextsReader
from core.orgspec import (
    FIELD_TYPES,
    LANGUAGES,
    NOTIFY_CHANNELS,
    ROLES,
    STATUSES,
    CategorySpec,
    FieldSpec,
    OlaSpec,
    OrgSpec,
    PrioritySpec,
    RoutingRuleSpec,
    SiteSpec,
    SlaPolicySpec,
    SupplierSpec,
    TargetSpec,
    TeamSpec,
    UserSpec,
)
from core.toml_table import (
    MISSING,
    Table,
    bare_key,
    count,
    did_you_mean,
    kind_of,
    quote,
    syntax_problem,
)

SYSTEM_ACTOR = "system"  # the actor of automatic actions; no user may take the name
STOPPED_STATUSES = ("resolved", "closed", "cancelled")  # the resolution clock stops here anyway
MAX_AUTO_CLOSE_DAYS = 3650

# what a code, a username and a field key may hold, and how to say so
_USERNAME = (re.compile(r"\w[\w.@+-]*"), 'letters, digits, ".", "_", "@", "+" and "-"')
_FIELD_KEY = (re.compile(r"[A-Za-z_][A-Za-z0-9_]*"), 'letters, digits and "_", not starting with a digit')


class OrgFileError(ValueError):
    """An organisation file that cannot be imported; `problems` lists every reason."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(self.problems)

    def __str__(self) -> str:
        what = f"organisation file {self.source}" if self.source else "organisation file"
        count = len(self.problems)
        head = f"{what} refused, {count} problem{'s' if count != 1 else ''}:"
        return "\n  ".join([head, *self.problems])


def load_org(path: str | Path) -> OrgSpec:
    """Reads and checks the organisation file at `path` (UTF-8, a byte-order mark is fine)."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise OrgFileError([f"cannot read {source}: {exc.strerror or exc}"], source) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"{source} is not UTF-8 text (byte {exc.start} cannot be decoded)"
        raise OrgFileError([problem], source) from None
    try:
        return parse_org(text)
    except OrgFileError as exc:
        raise OrgFileError(exc.problems, source) from None


def parse_org(text: str) -> OrgSpec:
    """Checks the organisation file's text and returns it as an `OrgSpec`, or raises OrgFileError."""
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise OrgFileError([syntax_problem(exc)]) from None
    return _Reader(data).read()


def _patterns(names: Iterable[str]) -> set[str]:
    """The names, and the patterns "Hardware/*", "PL-*", "PL-POZ-*" of their leading parts, for hints."""
    found = set(names)
    for name in list(found):
        found.update(name[: i + 1] + "*" for i, char in enumerate(name) if char in "/-")
    return found


class _Reader(CalendarReader, ChannelReader, RuleReader, TextsReader):
    deflect = False  # [organisation] deflect, once read

    def read(self) -> OrgSpec:
        root = self.root
        name, auto_close_days, triage_team = self.organisation(root.table("organisation", required=True))
        priority = self.priority(root.table("priority", required=True))
        calendars = self.calendars(root.table("calendars", required=True))
        sites = [self.site(t) for t in self.required_tables("sites")]
        teams = [self.team(t) for t in self.required_tables("teams")]
        users = [self.user(t) for t in root.tables("users")]
        suppliers = [self.supplier(t) for t in root.tables("suppliers")]
        categories = self.categories(self.required_tables("categories"))
        sla = [self.policy(t, priority.levels) for t in self.required_tables("sla")]
        routing = [self.routing_rule(t, priority.levels, categories) for t in root.tables("routing")]
        escalation = [self.escalation_rule(t, priority.levels) for t in root.tables("escalation")]
        email, webhooks = self.channels(root.table("channels"))
        mail_in = self.mail_in(root.table("mail_in"))
        replies = self.replies(root.tables("replies"))
        translations = self.translations(root.table("translations"), categories=categories, sites=sites,
                                         teams=teams, suppliers=suppliers, sla=sla, replies=replies)
        self.unique(((f"sites[{i}].code", s.code) for i, s in enumerate(sites) if s.code), "site code")
        self.unique(((f"teams[{i}].code", t.code) for i, t in enumerate(teams) if t.code), "team code")
        self.unique(((f"users[{i}].username", u.username) for i, u in enumerate(users) if u.username),
                    "username", fold=True)
        self.unique(((f"suppliers[{i}].code", s.code) for i, s in enumerate(suppliers) if s.code),
                    "supplier code")
        self.unique(((f"sla[{i}].name", p.name) for i, p in enumerate(sla) if p.name), "policy name")
        self.unique(((f"routing[{i}].name", r.name) for i, r in enumerate(routing) if r.name), "rule name")
        self.unique(((f"escalation[{i}].name", r.name) for i, r in enumerate(escalation) if r.name), "rule name")
        names = {
            "calendar": set(calendars), "team": {t.code for t in teams}, "site": {s.code for s in sites},
            "user": {u.username for u in users}, "category": {c.path for c in categories},
        }
        self.check_refs(names)
        self.check_escalation(teams)
        self.check_countries(teams, sites)
        self.check_people(teams, users, routing)
        self.check_recipients(users)
        self.check_unreachable(sla)
        for table in self.tables:
            for key in [key for key in table.data if key not in table.asked]:
                self.problem(table.at(key), f"unknown key{did_you_mean(key, table.asked)}")
        if self.problems:
            raise OrgFileError(sorted(self.problems, key=self.section_order))
        return OrgSpec(
            name=name, auto_close_days=auto_close_days, priority=priority, calendars=calendars,
            sites=tuple(sites), teams=tuple(teams), users=tuple(users), suppliers=tuple(suppliers),
            categories=tuple(categories), sla=tuple(sla), routing=tuple(routing), triage_team=triage_team,
            escalation=tuple(escalation), email=email, webhooks=tuple(webhooks), mail_in=mail_in,
            deflect=self.deflect, replies=tuple(replies), translations=translations,
        )

    def section_order(self, problem: str) -> tuple[int, int]:
        """Groups problems by top-level table and array entry, in file order; stable within one entry."""
        match = re.match(r"([^.\[:]+)(?:\[(\d+)\])?", problem)
        sections = list(self.root.data)
        head, index = (match[1], int(match[2] or -1)) if match else ("", -1)
        return (sections.index(head) if head in sections else len(sections), index)

    def required_tables(self, key: str) -> list[Table]:
        found = self.root.tables(key)
        if not found and not self.root.data.get(key):
            self.problem(key, f"missing: at least one [[{key}]] is needed")
        return found

    # --- organisation and priority ---

    def organisation(self, t: Table | None) -> tuple[str, int, str | None]:
        if t is None:
            return "", 5, None
        name = t.text("name") or ""
        days = t.integer("auto_close_days", 5, 0, MAX_AUTO_CLOSE_DAYS)
        triage = t.text("triage_team", required=False)
        self.ref(t.at("triage_team"), "team", triage)
        self.deflect = t.flag("deflect", False)
        return name, days, triage

    def names(self, t: Table, key: str, noun: str) -> tuple[str, ...]:
        items = t.strings(key, required=True)
        if items is not None and not items and not t.data[key]:
            self.problem(t.at(key), "must not be empty")
        self.unique(items or [], noun)
        return tuple(dict.fromkeys(value for _, value in items or []))

    def priority(self, t: Table | None) -> PrioritySpec:
        if t is None:
            return PrioritySpec(levels=(), impact=(), urgency=(), matrix=())
        levels = self.names(t, "levels", "priority level")
        impact, urgency = self.names(t, "impact", "impact"), self.names(t, "urgency", "urgency")
        rows = t.get("matrix", "an array of rows", lambda v: isinstance(v, list), required=True)
        matrix: list[tuple[str, ...]] = []
        if rows is not MISSING and impact and len(rows) != len(impact):
            rows_found = count(len(rows), "row", "rows")
            self.problem(t.at("matrix"), f"{rows_found}, expected {len(impact)} (one per impact)")
        for i, row in enumerate([] if rows is MISSING else rows):
            path = f"{t.at('matrix')}[{i}]"
            if not isinstance(row, list):
                self.problem(path, f"expected an array of priority levels, got {kind_of(row)}")
                continue
            if urgency and len(row) != len(urgency):
                entries = count(len(row), "entry", "entries")
                self.problem(path, f"{entries}, expected {len(urgency)} (one per urgency)")
            for j, cell in enumerate(row):
                if not isinstance(cell, str):
                    self.problem(f"{path}[{j}]", f"expected a priority level, got {kind_of(cell)}")
                elif levels and cell not in levels:
                    hint = did_you_mean(cell, levels)
                    self.problem(f"{path}[{j}]", f"{quote(cell)} is not one of the levels{hint}")
            matrix.append(tuple(str(cell) for cell in row))
        vip_raise = t.integer("vip_raise", 0, 0, max(len(levels) - 1, 0))
        floor = t.text("security_floor", required=False)
        if floor is not None and levels and floor not in levels:
            hint = did_you_mean(floor, levels)
            self.problem(t.at("security_floor"), f"unknown priority level {quote(floor)}{hint}")
        return PrioritySpec(levels=levels, impact=impact, urgency=urgency, matrix=tuple(matrix),
                            vip_raise=vip_raise, security_floor=floor)

    # --- sites, teams, people, suppliers ---

    def site(self, t: Table) -> SiteSpec:
        code, name, calendar = t.code("code"), t.text("name") or "", t.text("calendar")
        self.ref(t.at("calendar"), "calendar", calendar)
        return SiteSpec(code=code, name=name, calendar=calendar or "", critical=t.flag("critical", False),
                        country=t.text("country", required=False), region=t.text("region", required=False))

    def team(self, t: Table) -> TeamSpec:
        code, name = t.code("code"), t.text("name") or ""
        tier = t.integer("tier", 1, 1, 3)
        escalates_to, calendar, lead = (t.text(key, False) for key in ("escalates_to", "calendar", "lead"))
        if escalates_to is not None and escalates_to == code:
            self.problem(t.at("escalates_to"), "a team cannot escalate to itself")
        else:
            self.ref(t.at("escalates_to"), "team", escalates_to)
        self.ref(t.at("calendar"), "calendar", calendar)
        self.ref(t.at("lead"), "user", lead)
        by_country = self.by_country(t, code)
        ola = None
        if (o := t.table("ola")) is not None:
            ola = OlaSpec(response=o.duration("response", False), resolution=o.duration("resolution", False))
            if not {"response", "resolution"} & o.data.keys():
                self.problem(o.path, "give response, resolution or both")
            self.check_order(o, ola.response, ola.resolution)
        return TeamSpec(code=code, name=name, tier=tier, escalates_to=escalates_to, calendar=calendar,
                        lead=lead, ola=ola, escalates_to_by_country=by_country)

    def by_country(self, t: Table, code: str) -> dict[str, str]:
        """escalates_to_by_country: a country code (as the sites give it) -> a team code."""
        found: dict[str, str] = {}
        if (bc := t.table("escalates_to_by_country")) is None:
            return found
        bc.asked.update(bc.data)
        for country, team in bc.data.items():
            if not isinstance(team, str) or not team.strip():
                self.problem(bc.at(country), f"expected a team code, got {kind_of(team)}")
            elif team == code:
                self.problem(bc.at(country), "a team cannot escalate to itself")
            else:
                self.ref(bc.at(country), "team", team)
                found[country] = team
        return found

    def user(self, t: Table) -> UserSpec:
        username, name = t.code("username", _USERNAME), t.text("name") or ""
        if username.casefold() == SYSTEM_ACTOR:
            self.problem(t.at("username"), f"{quote(username)} is reserved for automatic actions")
        role = t.text("role") or ""
        if role:
            self.one_of(t.at("role"), role, "a role", ROLES)
        site = t.text("site", required=False)
        self.ref(t.at("site"), "site", site)
        if site is None and role in ("requester", "technician") and "site" not in t.data:
            self.problem(t.at("site"), f"missing: a {role} needs a home site")
        teams, sites = t.strings("teams") or [], t.strings("sites") or []
        for path, code in teams:
            self.ref(path, "team", code)
        if teams and role in ("requester", "integration"):
            self.problem(t.at("teams"), f"{'an' if role == 'integration' else 'a'} {role} belongs to no team")
        for path, code in sites:
            self.ref(path, "site", code)
        if sites and role and role != "technician":
            self.problem(t.at("sites"), "only technicians cover extra sites")
        self.unique(teams, "team")
        self.unique([(t.at("site"), site)] + sites if site else sites, "site")
        email = t.text("email", required=False)
        if email is not None and not EMAIL.fullmatch(email):
            self.problem(t.at("email"), f"{quote(email)} is not an e-mail address")
        notify = t.strings("notify")
        for path, channel in notify or []:
            if self.one_of(path, channel, "a notification channel", NOTIFY_CHANNELS) and channel == "email" \
                    and "email" not in t.data:
                self.problem(path, "mail needs the user's email address (add email = \"...\")")
        self.unique(notify or [], "channel")
        language = t.text("language", required=False) or "en"
        if "language" in t.data:
            self.one_of(t.at("language"), language, "a language", LANGUAGES)
        return UserSpec(username=username, name=name, role=role, site=site,
                        teams=tuple(v for _, v in teams), sites=tuple(v for _, v in sites),
                        vip=t.flag("vip", False), email=email, password=t.text("password", required=False),
                        notify=NOTIFY_CHANNELS if notify is None else tuple(dict.fromkeys(v for _, v in notify)),
                        language=language)

    def supplier(self, t: Table) -> SupplierSpec:
        code, name, calendar = t.code("code"), t.text("name") or "", t.text("calendar")
        self.ref(t.at("calendar"), "calendar", calendar)
        response, resolution = t.duration("response"), t.duration("resolution")
        self.check_order(t, response, resolution)
        return SupplierSpec(code=code, name=name, calendar=calendar or "", response=response or 0,
                            resolution=resolution or 0)

    def check_order(self, t: Table, response: int | None, resolution: int | None) -> None:
        if response is not None and resolution is not None and response > resolution:
            self.problem(t.path, f"response {quote(t.data['response'])} is longer than resolution "
                                 f"{quote(t.data['resolution'])}")

    # --- categories ---

    def categories(self, tables: list[Table]) -> list[CategorySpec]:
        listed: dict[str, tuple[Table, CategorySpec]] = {}
        for t in tables:
            spec = self.category(t)
            if spec.path in listed:
                first = listed[spec.path][0].path
                self.problem(t.at("path"), f"duplicate category {quote(spec.path)} (also at {first})")
            elif spec.path:
                listed[spec.path] = (t, spec)
        found: dict[str, CategorySpec] = {}
        for path, (t, _) in listed.items():
            parts = path.split("/")
            for depth in range(1, len(parts) + 1):
                prefix = "/".join(parts[:depth])
                if prefix in found:
                    continue
                parent = found.get("/".join(parts[: depth - 1])) if depth > 1 else None
                own = listed[prefix][1] if prefix in listed else CategorySpec(path=prefix)
                found[prefix] = CategorySpec(
                    path=prefix, team=own.team or (parent.team if parent else None),
                    security=own.security or bool(parent and parent.security),
                    fields=own.fields, description=own.description)
            if found[path].team is None and "team" not in t.data:
                self.problem(t.at("team"), f"missing: {quote(path)} has no team and neither have its "
                                           "parents (set team here or on a parent)")
        return list(found.values())

    def category(self, t: Table) -> CategorySpec:
        path = t.text("path") or ""
        parts = path.split("/")
        if path and any(not part for part in parts):
            self.problem(t.at("path"), f'{quote(path)} has an empty part (write "Parent/Child")')
        elif path and any(part != part.strip() for part in parts):
            self.problem(t.at("path"), f"{quote(path)}: a part starts or ends with a space")
        elif path and any(char in path for char in "*?[]"):
            self.problem(t.at("path"), f"{quote(path)} contains a wildcard character (* ? [ ])")
        team = t.text("team", required=False)
        self.ref(t.at("team"), "team", team)
        fields = [self.field(f) for f in t.tables("fields")]
        keys = [(f"{t.at('fields')}[{i}].key", f.key) for i, f in enumerate(fields) if f.key]
        self.unique(keys, "field key")
        return CategorySpec(path=path, team=team, security=t.flag("security", False), fields=tuple(fields),
                            description=t.text("description", required=False) or "")

    def field(self, t: Table) -> FieldSpec:
        key, label = t.code("key", _FIELD_KEY), t.text("label") or ""
        kind = t.text("type", required=False) or "text"
        self.one_of(t.at("type"), kind, "a field type", FIELD_TYPES)
        choices = t.strings("choices")
        if kind == "choice" and not choices:
            self.problem(t.at("choices"), "a choice field needs choices")
        elif kind != "choice" and choices is not None:
            self.problem(t.at("choices"), "only a choice field has choices")
        self.unique(choices or [], "choice")
        return FieldSpec(key=key, label=label, type=kind, required=t.flag("required", False),
                         choices=tuple(v for _, v in choices or []))

    # --- SLA policies and routing ---

    def policy(self, t: Table, levels: tuple[str, ...]) -> SlaPolicySpec:
        name = t.text("name") or ""
        types, categories, sites = self.conditions(t)
        calendar = t.text("calendar", required=False) or SITE_CALENDAR
        if calendar != SITE_CALENDAR:
            self.ref(t.at("calendar"), "calendar", calendar)
        pause_on = t.strings("pause_on")
        for path, status in pause_on or []:
            if self.one_of(path, status, "a status", STATUSES) and status in STOPPED_STATUSES:
                self.problem(path, f"{quote(status)} stops the clock anyway; it cannot pause it")
        self.unique(pause_on or [], "status")
        warn_at = self.warn_at(t)
        targets: dict[str, TargetSpec] = {}
        if (tt := t.table("targets", required=True)) is not None:
            tt.asked.update(tt.data)
            for level in [key for key in tt.data if levels and key not in levels]:
                self.problem(tt.at(level), f"unknown priority level {quote(level)}{did_you_mean(level, levels)}")
            for level in levels:
                if level not in tt.data:
                    self.problem(tt.at(level), "missing: every priority level needs a target")
                elif (target := tt.table(level)) is not None:
                    response, resolution = target.duration("response"), target.duration("resolution")
                    self.check_order(target, response, resolution)
                    targets[level] = TargetSpec(response=response or 0, resolution=resolution or 0)
        return SlaPolicySpec(
            name=name, types=types, categories=categories, sites=sites, calendar=calendar,
            pause_on=("pending",) if pause_on is None else tuple(v for _, v in pause_on), warn_at=warn_at,
            targets=targets, pause_on_supplier=t.flag("pause_on_supplier", True))

    def warn_at(self, t: Table) -> tuple[float, ...]:
        items = t.get("warn_at", "an array of fractions", lambda v: isinstance(v, list))
        if items is MISSING:
            return (0.75,)
        found = []
        for i, item in enumerate(items):
            path = f"{t.at('warn_at')}[{i}]"
            if isinstance(item, bool) or not isinstance(item, int | float):
                self.problem(path, f"expected a fraction, got {kind_of(item)}")
            elif not 0 < item < 1:
                self.problem(path, f"{item} is not a fraction between 0 and 1 (write 0.75 for 75%)")
            else:
                found.append(float(item))
        if any(a >= b for a, b in zip(found, found[1:], strict=False)):
            self.problem(t.at("warn_at"), f"{found} must go up, each fraction once")
        return tuple(found)

    # --- checks across sections ---

    def check_refs(self, names: dict[str, set[str]]) -> None:
        for path, kind, value in self.refs:
            if kind.endswith(" glob"):
                target = kind.removesuffix(" glob")
                if not any(fnmatchcase(name, value) for name in names[target]):
                    hint = did_you_mean(value, _patterns(names[target]))
                    self.problem(path, f"{quote(value)} matches no {target}{hint}")
            elif value not in names[kind]:
                hint = ' (only an SLA policy may name the calendar "site")' if value == SITE_CALENDAR else ""
                self.problem(path, f"unknown {kind} {quote(value)}{hint or did_you_mean(value, names[kind])}")

    def check_escalation(self, teams: list[TeamSpec]) -> None:
        """No chain of escalations comes back round to its start, for a ticket of any country."""
        index = {team.code: i for i, team in reversed(list(enumerate(teams)))}
        by_code = {team.code: team for team in reversed(teams)}
        countries = sorted({c for team in teams for c in team.escalates_to_by_country})
        reported: set[tuple[str, ...]] = set()
        for country in [None, *countries]:
            nexts = {code: (team.escalates_to_by_country.get(country, team.escalates_to) if country
                            else team.escalates_to) for code, team in by_code.items()}
            seen: set[str] = set()
            for team in teams:
                chain: list[str] = []
                code: str | None = team.code
                while code in nexts and code not in chain and code not in seen:
                    chain.append(code)
                    code = nexts[code]
                seen.update(chain)
                if code in chain and len(chain) - chain.index(code) > 1:
                    cycle = chain[chain.index(code):]
                    start = min(range(len(cycle)), key=lambda k: index[cycle[k]])
                    cycle = cycle[start:] + cycle[:start]
                    if tuple(cycle) in reported:
                        continue
                    reported.add(tuple(cycle))
                    head = by_code[cycle[0]]
                    if country and country in head.escalates_to_by_country:
                        path = f"teams[{index[cycle[0]]}].escalates_to_by_country.{bare_key(country)}"
                        what = f"escalation cycle for country {quote(country)}"
                    else:
                        path, what = f"teams[{index[cycle[0]]}].escalates_to", "escalation cycle"
                        what += f" for country {quote(country)}" if country else ""
                    self.problem(path, f"{what} {' -> '.join([*cycle, cycle[0]])}")

    def check_countries(self, teams: list[TeamSpec], sites: list[SiteSpec]) -> None:
        countries = {site.country for site in sites if site.country}
        for i, team in enumerate(teams):
            for country in team.escalates_to_by_country:
                if country not in countries:
                    hint = did_you_mean(country, countries)
                    self.problem(f"teams[{i}].escalates_to_by_country.{bare_key(country)}",
                                 f"no site has country {quote(country)}{hint}")

    def check_people(self, teams: list[TeamSpec], users: list[UserSpec],
                     routing: list[RoutingRuleSpec]) -> None:
        roles = {user.username: user.role for user in users}
        for i, team in enumerate(teams):
            if team.lead is not None and roles.get(team.lead) == "requester":
                self.problem(f"teams[{i}].lead", f"{quote(team.lead)} is a requester, not support staff")
        for i, rule in enumerate(routing):
            members = [u for u in users if rule.team in u.teams and u.role != "requester"]
            if rule.assign != "none" and rule.team and not members:
                self.problem(f"routing[{i}].assign", f"team {quote(rule.team)} has no members to assign to")

    def check_unreachable(self, sla: list[SlaPolicySpec]) -> None:
        for i, policy in enumerate(sla):
            if not (policy.types or policy.categories or policy.sites):
                for j in range(i + 1, len(sla)):
                    self.problem(f"sla[{j}]", f"never applies: sla[{i}] {quote(policy.name)} before it "
                                              "matches every ticket")
                return
