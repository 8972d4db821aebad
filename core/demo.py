"""Realistic demo data, made through the service layer exactly as people would make
it: tickets logged at stations and by the central desk over the past months,
triaged, worked, put on hold, resolved, confirmed, reopened and closed.

Tickets are made in batches of one transaction each, which is what keeps
100,000 of them within a few minutes; each command still runs every rule."""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.clock import utcnow
from core.demo_articles import publish_demo_articles
from core.errors import BranchdeskError
from core.orgspec import CategorySpec, FieldSpec, OrgSpec
from core.reference import Reference, UserInfo
from core.services import ratings
from core.services import tickets as service
from core.store import Store, bulk_cache
from core.uow import UnitOfWork, unit_of_work

BATCH = 250
SPAN_DAYS = 150

PROBLEMS: dict[str, list[tuple[str, str]]] = {
    "Hardware": [
        ("{thing} does not power on", "The {thing} stayed dark after the morning restart. Tried the power cable."),
        ("{thing} keeps rebooting", "Every few minutes the {thing} restarts by itself, queue building at the till."),
        ("{thing} screen cracked", "A customer knocked the {thing}; the screen is cracked but still works."),
        ("{thing} very slow since update", "Since last night's update the {thing} takes a minute for each sale."),
    ],
    "Network": [
        ("Internet link down", "No connection to head office since {time}; card payments fall back to offline."),
        ("Router lights blinking red", "The router in the back office blinks red, tills lose the network."),
        ("VPN drops every hour", "The station's VPN to the central systems drops roughly every hour."),
        ("Slow network at the forecourt", "Pump displays take ages to authorise; network feels slow."),
    ],
    "Payments": [
        ("Card terminal declines all cards", "Every card is declined at till {n} with error 05 since {time}."),
        ("Contactless not working", "Contactless payments fail on the terminal at till {n}; chip and PIN works."),
        ("Receipts missing card details", "The card slip prints without the masked card number."),
    ],
    "Software": [
        ("POS application freezes at checkout", "The POS app freezes when a loyalty card is scanned."),
        ("Price update not received", "Fuel price change from head office did not reach the station."),
        ("Back office report fails", "The end-of-day report stops with an error about the database."),
        ("Stock count screen empty", "The stock count screen shows no items since this morning."),
    ],
    "Access": [
        ("Password reset for {person}", "{person} is locked out of the back office after several tries."),
        ("New starter needs an account", "A new cashier starts on Monday and needs a POS login."),
        ("Remove access for leaver", "A cashier left last week; please remove their POS and email access."),
    ],
    "Security": [
        ("Suspicious device on card reader", "Staff found a loose overlay on the card reader of pump {n}."),
        ("Phishing email received", "Several staff received an email asking for the back office password."),
        ("CCTV recorder offline", "The CCTV recorder has been offline since {time}; no recordings."),
    ],
    "Facilities": [
        ("Air conditioning broken in shop", "The shop is hot, the air conditioning unit makes a grinding noise."),
        ("Forecourt light out", "Two lights over pumps {n} and {m} are out; the forecourt is dark."),
        ("Car wash stuck mid-cycle", "The car wash stopped mid-cycle with a car inside; door will not open."),
    ],
}
THINGS = ["POS terminal", "receipt printer", "fuel dispenser display", "back office PC", "barcode scanner",
          "card terminal", "price sign", "tank gauge console"]
REPLIES_STAFF = [
    "Could you restart it once more and tell us what the screen shows?",
    "We are looking at it remotely now.",
    "A technician is on the way, expected within the afternoon.",
    "We have asked the supplier for a replacement part.",
    "Please check whether the cable at the back is firmly plugged in.",
]
REPLIES_REQUESTER = [
    "Restarted it, same problem.",
    "Thank you, it works again.",
    "The queue is getting long, please hurry.",
    "The screen now shows error 0x21.",
    "Still not working after lunch.",
]
NOTES = [
    "Checked logs remotely, looks like a failing power supply.",
    "Known issue with the last POS release; workaround applied.",
    "Spoke with the station manager, will visit tomorrow morning.",
    "Supplier ticket opened.",
]
RESOLUTIONS = [
    ("fixed", "Replaced the faulty power supply; tested with three sales."),
    ("workaround", "Rolled back to the previous POS release until the vendor fixes it."),
    ("replaced", "Swapped the unit for a spare from the depot."),
    ("supplier_fixed", "The supplier repaired the line; connection stable for an hour."),
    ("no_fault_found", "Could not reproduce on site; everything worked during the visit."),
    ("user_error", "Showed the staff how to reset the card terminal properly."),
]
# Requesters rate about a third of their resolved tickets, soon after the resolution,
# mostly well (DESIGN §15); a ticket that breaks again was rated lower before it did.
RATED_SHARE = 0.35
SCORE_WEIGHTS = (2, 4, 11, 35, 48)  # satisfaction 1..5
REOPENED_WEIGHTS = (15, 30, 30, 20, 5)
COMMENTED_SHARE = 0.3
RATING_COMMENTS = {
    5: ["Fixed quickly, thank you!", "Very helpful on the phone, back to normal before the morning rush.",
        "The technician was friendly and explained what went wrong.", "Great service, no queue at the till."],
    4: ["Works again, thanks.", "Good, though we had to call twice.", "Fine now; it took most of the morning."],
    3: ["Solved in the end, but the till was down for most of the shift.",
        "OK, but nobody told us when the technician would come."],
    2: ["Took far too long, we lost sales at the forecourt.", "Had to chase the desk several times."],
    1: ["Three days without a working card terminal.", "Not sure it is really fixed; it was closed without asking us."],
}


def demo_site(spec: OrgSpec) -> str:
    """The site a demo store serves: the central desk's own, else the first listed."""
    agent = demo_agent(spec)
    home = next((u.site for u in spec.users if u.username == agent and u.site), None)
    return home or spec.sites[0].code


def demo_agent(spec: OrgSpec) -> str:
    for user in spec.users:
        if user.role == "agent":
            return user.username
    raise BranchdeskError("the demo organisation has no agent")


@dataclass
class _People:
    agents: list[UserInfo]
    requesters_by_site: dict[str, list[UserInfo]]
    members_by_team: dict[str, list[UserInfo]]


def _people(ref: Reference) -> _People:
    active = [u for u in ref.usernames.values() if u.active]
    by_site: dict[str, list[UserInfo]] = {}
    for user in active:
        if user.role == "requester" and user.site_id in ref.sites:
            by_site.setdefault(ref.sites[user.site_id].code, []).append(user)
    by_team = {
        team.code: [u for u in ref.team_members(team.id) if u.role in ("technician", "agent", "manager")]
        for team in ref.teams.values()
    }
    return _People([u for u in active if u.role == "agent"], by_site, by_team)


def _field_value(rng: random.Random, field: FieldSpec) -> str | None:
    if not field.required and rng.random() < 0.4:
        return None
    if field.type == "choice":
        return rng.choice(field.choices)
    if field.type == "number":
        return str(rng.randint(1, 12))
    if field.type == "bool":
        return rng.choice(["yes", "no"])
    if field.type == "date":
        return (utcnow().date() - timedelta(days=rng.randint(0, 400))).isoformat()
    return f"{field.key[:2].upper()}-{rng.randint(1000, 99999)}"


def _text(rng: random.Random, category: CategorySpec) -> tuple[str, str]:
    top = category.path.split("/")[0]
    title, body = rng.choice(PROBLEMS.get(top) or PROBLEMS["Hardware"])
    leaf = category.path.rsplit("/", 1)[-1]
    values = {
        "thing": leaf if top == "Hardware" else rng.choice(THINGS), "n": rng.randint(1, 8),
        "m": rng.randint(1, 8), "time": f"{rng.randint(6, 21):02d}:{rng.choice(['00', '15', '30', '45'])}",
        "person": rng.choice(["Ewa", "Tomasz", "Rūta", "Jonas", "Marek", "Agnieszka"]),
    }
    return title.format(**values), body.format(**values)


def generate(
    store: Store | Callable[[], AbstractContextManager[UnitOfWork]], count: int, *, seed: int = 42,
    now: datetime | None = None, progress: Callable[[int, int], None] | None = None, batch: int = BATCH,
) -> int:
    """`count` tickets with lives of their own, made through the service layer: on a
    branch store, or through whatever units of work `store` makes (the server's). The
    lives of `batch` tickets share a unit of work; the store is the same whatever it is."""
    rng = random.Random(seed)
    # the ratings draw from their own sequence, so the tickets' lives stay those of the seed
    rating_rng = random.Random(f"ratings-{seed}")
    now = now or utcnow()
    starts = sorted(now - timedelta(seconds=rng.randint(600, SPAN_DAYS * 86400)) for _ in range(count))
    work = (lambda: unit_of_work(store)) if isinstance(store, Store) else store
    made = 0
    while made < count:
        with work() as uow:
            bulk_cache(uow.session)
            people = _people(uow.ref)
            leaves = [c for c in uow.ref.spec.categories
                      if not any(o.path.startswith(c.path + "/") for o in uow.ref.spec.categories)]
            for start in starts[made: made + batch]:
                _one_ticket(uow, rng, people, leaves, start, now, rating_rng)
            made = min(count, made + batch)
        if progress:
            progress(made, count)
    with work() as uow:
        service.close_expired(uow, now)
        # the knowledge base the desk wrote before these tickets (DESIGN §15)
        agent = demo_agent(uow.ref.spec) if any(u.role == "agent" for u in uow.ref.spec.users) else None
        if agent is not None:
            publish_demo_articles(uow, agent, agent, now - timedelta(days=SPAN_DAYS + 30))
    return count


def _rate(uow: UnitOfWork, rng: random.Random, requester: UserInfo, number: str, resolved: datetime,
          now: datetime, broke_again: bool) -> None:
    """The requester rates her resolved ticket, within half an hour of its resolution
    (before anything else happens to it), about a third of the time."""
    if rng.random() >= RATED_SHARE:
        return
    at = resolved + timedelta(minutes=rng.randint(2, 29))
    if at >= now:
        return
    score = rng.choices(range(1, 6), weights=REOPENED_WEIGHTS if broke_again else SCORE_WEIGHTS)[0]
    # how easy it was goes with how satisfied she is; some leave it out
    effort = None if rng.random() < 0.1 else min(5, max(1, score + rng.choice((-1, 0, 0, 0, 1))))
    comment = rng.choice(RATING_COMMENTS[score]) if rng.random() < COMMENTED_SHARE else ""
    ratings.rate(uow, requester, number, score, effort=effort, comment=comment, at=at)


def _one_ticket(
    uow: UnitOfWork, rng: random.Random, people: _People, leaves: list[CategorySpec],
    start: datetime, now: datetime, rating_rng: random.Random,
) -> None:
    ref = uow.ref
    site = rng.choice(list(people.requesters_by_site))
    requester = rng.choice(people.requesters_by_site[site])
    agent = rng.choice(people.agents)
    category = rng.choice(leaves)
    title, description = _text(rng, category)
    by_phone = rng.random() < 0.35
    fields = {f.key: v for f in category.fields if (v := _field_value(rng, f)) is not None}
    cmd = service.NewTicket(
        title=title, category=category.path, description=description,
        impact=rng.choices(ref.spec.priority.impact, weights=[1, 3, 4][: len(ref.spec.priority.impact)] or None)[0],
        urgency=rng.choices(ref.spec.priority.urgency, weights=[2, 4, 3][: len(ref.spec.priority.urgency)] or None)[0],
        channel="phone" if by_phone else rng.choice(["portal", "portal", "email"]),
        requester=requester.username if by_phone else None, fields=fields,
        type=rng.choices(["incident", "request"], weights=[4, 1])[0],
    )
    ticket = service.create(uow, agent if by_phone else requester, cmd, at=start)
    number = ticket.number

    t = start
    age_h = (now - start).total_seconds() / 3600
    # How far along its life the ticket got: older tickets are mostly done.
    stages = 7 if age_h > 24 * 10 else rng.randint(0, 7)

    def later(lo_min: int, hi_min: int) -> datetime | None:
        nonlocal t
        t = t + timedelta(minutes=rng.randint(lo_min, hi_min))
        return t if t < now else None

    if stages == 0:
        return
    if ticket.status == "new" and rng.random() < 0.04 and (at := later(5, 60)):
        service.move(uow, requester, number, "cancelled", at=at)
        return
    team_code = ref.team_code_of(ticket.team_id)
    members = people.members_by_team.get(team_code or "", []) or people.members_by_team.get("DESK", [])
    tech = ticket.assignee_id and ref.users[ticket.assignee_id] or (rng.choice(members) if members else agent)
    if ticket.assignee_id is None:
        if not (at := later(3, 180)):
            return
        service.assign(uow, agent, number, to=tech.username, at=at)
    if stages < 2 or not (at := later(5, 240)):
        return
    service.move(uow, tech, number, "in_progress", at=at)
    if rng.random() < 0.6 and (at := later(5, 120)):
        service.comment(uow, tech, number, rng.choice(REPLIES_STAFF), at=at)
        if rng.random() < 0.5 and (at := later(5, 90)):
            service.comment(uow, requester, number, rng.choice(REPLIES_REQUESTER), at=at)
    if rng.random() < 0.3 and (at := later(5, 60)):
        service.comment(uow, tech, number, rng.choice(NOTES), internal=True, at=at)
    if rng.random() < 0.5 and (at := later(10, 600)):
        service.log_work(uow, tech, number, rng.choice([15, 30, 45, 60, 90]), "on site" if rng.random() < 0.5
                         else "remote", at=at)
    if stages < 4:
        return
    if rng.random() < 0.25 and (at := later(10, 300)):
        suppliers = ref.spec.suppliers
        if suppliers and rng.random() < 0.6:
            service.move(uow, tech, number, "pending", reason="supplier", supplier=rng.choice(suppliers).code, at=at)
        else:
            service.move(uow, tech, number, "pending", reason="customer", at=at)
        if stages < 5 or not (at := later(60, 3000)):
            return
        service.move(uow, tech, number, "in_progress", at=at)
    if stages < 6 or not (at := later(20, 1500)):
        return
    code, note = rng.choice(RESOLUTIONS)
    service.move(uow, tech, number, "resolved", code=code, note=note, at=at)
    roll = rng.random()
    # whatever comes next comes at least 30 minutes later
    _rate(uow, rating_rng, requester, number, at, now, broke_again=roll < 0.06)
    if roll < 0.06 and (at := later(30, 2000)):
        service.move(uow, requester, number, "in_progress", at=at)
        service.comment(uow, requester, number, "It happened again this morning.", at=at)
        if (at := later(60, 2000)):
            service.move(uow, tech, number, "resolved", code="fixed", note="Replaced the unit after all.", at=at)
    elif roll < 0.5 and (at := later(30, 2000)):
        service.move(uow, requester, number, "closed", at=at)
