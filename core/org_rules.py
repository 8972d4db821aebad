"""The organisation file's automation rules (DESIGN §12): routing rules (conditions,
field answers, a priority, an assignment policy) and escalation rules (a clock and a
threshold, conditions, whom to tell, where to move the ticket)."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase

from core.errors import InvalidInput
from core.fields import convert_field
from core.org_reader import ReaderBase
from core.orgspec import (
    ASSIGN_POLICIES,
    ESCALATION_CLOCKS,
    NOTIFY_ROLES,
    CategorySpec,
    EscalationRuleSpec,
    RoutingRuleSpec,
    UserSpec,
)
from core.toml_table import MISSING, Table, did_you_mean, kind_of, quote

IDLE_CLOCK = "idle"  # the escalation clock that counts time without a public update
MAX_ESCALATION_AT = 1.5  # an escalation rule fires at most half a target past the breach
_WORD = re.compile(r"[^\W_]+")  # a word of a title, as core.routing splits it


class RuleReader(ReaderBase):
    def routing_rule(self, t: Table, levels: tuple[str, ...], known: list[CategorySpec]) -> RoutingRuleSpec:
        name, team = t.text("name") or "", t.text("team")
        self.ref(t.at("team"), "team", team)
        types, categories, sites = self.conditions(t)
        words = t.strings("words") or []
        for path, word in words:
            if len(word.split()) != 1:
                self.problem(path, f"{quote(word)} is not one word (rules match whole words of the title)")
            elif not _WORD.fullmatch(word):
                self.problem(path, f"{quote(word)} holds punctuation, which titles are matched without "
                                   "(write letters and digits only)")
        assign = t.text("assign", required=False) or "none"
        self.one_of(t.at("assign"), assign, "an assign policy", ASSIGN_POLICIES)
        fields = self.field_answers(t, categories, known)
        priority = t.text("priority", required=False)
        if priority is not None and levels and priority not in levels:
            hint = did_you_mean(priority, levels)
            self.problem(t.at("priority"), f"unknown priority level {quote(priority)}{hint}")
        return RoutingRuleSpec(name=name, team=team or "", types=types, categories=categories, sites=sites,
                               words=tuple(v for _, v in words), assign=assign, fields=fields, priority=priority)

    def field_answers(self, t: Table, patterns: tuple[str, ...], known: list[CategorySpec]) -> dict[str, str]:
        """A rule's `fields = { key = "answer" }`: each key a field of every category the
        rule's patterns match, each answer one that field can hold."""
        found: dict[str, str] = {}
        if (ft := t.table("fields")) is None:
            return found
        ft.asked.update(ft.data)
        matched = [c for c in known if any(fnmatchcase(c.path, p) for p in patterns)]
        for key, value in ft.data.items():
            path = ft.at(key)
            if isinstance(value, bool):
                answer = "true" if value else "false"
            elif isinstance(value, str | int | float):
                answer = str(value)
            else:
                self.problem(path, f"expected an answer (text), got {kind_of(value)}")
                continue
            if not answer.strip():
                self.problem(path, "must not be empty")
                continue
            found[key] = answer
            if not patterns:
                self.problem(path, f"a condition on field {quote(key)} needs categories: list the categories "
                                   "whose field it is")
                continue
            lacking = [c.path for c in matched if key not in {f.key for f in c.fields}]
            if lacking:
                named = ", ".join(quote(p) for p in lacking)
                which = f"category {named} has" if len(lacking) == 1 else f"categories {named} have"
                self.problem(path, f"{which} no field {quote(key)} (a fields condition needs the field in every "
                                   "category the rule matches)")
                continue
            for category in matched:
                spec = next(f for f in category.fields if f.key == key)
                try:
                    convert_field(spec, answer)
                except InvalidInput as exc:
                    self.problem(path, f"{quote(answer)} is not an answer field {quote(key)} of "
                                       f"{quote(category.path)} can hold ({exc})")
                    break
        return found

    def escalation_rule(self, t: Table, levels: tuple[str, ...]) -> EscalationRuleSpec:
        name, clock = t.text("name") or "", t.text("clock") or ""
        known_clock = bool(clock) and self.one_of(t.at("clock"), clock, "a clock", ESCALATION_CLOCKS)
        at = self.fraction(t)
        after = t.duration("after", required=False)
        if known_clock and clock == IDLE_CLOCK:
            if "at" in t.data:
                self.problem(t.at("at"), 'an idle rule fires after a time without a public update (after = "4h"), '
                                         "not at a fraction")
            if "after" not in t.data:
                self.problem(t.at("after"), 'missing: an idle rule fires after a time without a public update '
                                            '(e.g. after = "4h")')
        elif known_clock:
            if "after" in t.data:
                self.problem(t.at("after"), f"only an idle rule takes after; a {clock} rule fires at a fraction "
                                            "of the target (at)")
            if "at" not in t.data:
                self.problem(t.at("at"), f"missing: a {clock} rule fires at a fraction of the target (e.g. 0.75; "
                                         "1.0 is the breach)")
        types, categories, sites = self.conditions(t)
        priorities = t.strings("priorities") or []
        for path, level in priorities:
            if levels and level not in levels:
                self.problem(path, f"unknown priority level {quote(level)}{did_you_mean(level, levels)}")
        self.unique(priorities, "priority level")
        notify = t.strings("notify") or []
        for path, who in notify:
            if who not in NOTIFY_ROLES:
                self.recipients.append((path, who))
        self.unique(notify, "recipient")
        escalate = t.flag("escalate", False)
        team = t.text("team", required=False)
        self.ref(t.at("team"), "team", team)
        if escalate and team is not None:
            self.problem(t.at("team"), "give team or escalate = true, not both (escalate moves the ticket to its "
                                       "team's next tier, team to the team named)")
        if not escalate and team is None and not t.data.get("notify"):
            self.problem(t.path, "does nothing: give notify, escalate = true or team")
        return EscalationRuleSpec(
            name=name, clock=clock, at=None if clock == IDLE_CLOCK else at,
            after=after if clock == IDLE_CLOCK else None, types=types, categories=categories, sites=sites,
            priorities=tuple(dict.fromkeys(v for _, v in priorities)),
            notify=tuple(dict.fromkeys(v for _, v in notify)), escalate=escalate, team=team)

    def fraction(self, t: Table) -> float | None:
        value = t.get("at", "a fraction", lambda v: isinstance(v, int | float) and not isinstance(v, bool))
        if value is MISSING:
            return None
        if not 0 < value <= MAX_ESCALATION_AT:
            self.problem(t.at("at"), f"{value} is not a fraction above 0 and at most {MAX_ESCALATION_AT} "
                                     "(0.75 is 75% of the target, 1.0 the breach)")
            return None
        return float(value)

    def check_recipients(self, users: list[UserSpec]) -> None:
        roles = {user.username: user.role for user in users}
        for path, who in self.recipients:
            if who not in roles:
                hint = did_you_mean(who, [*NOTIFY_ROLES, *roles])
                self.problem(path, f"unknown recipient {quote(who)} (one of {', '.join(NOTIFY_ROLES)}, or a "
                                   f"username){hint}")
            elif roles[who] == "requester":
                self.problem(path, f"{quote(who)} is a requester, not support staff (to tell the ticket's "
                                   'requester, write "requester")')
