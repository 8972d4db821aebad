"""`branchdesk-server mail-in`: tickets by mail (DESIGN §13). An SMTP listener (aiosmtpd)
for the organisation file's `[mail_in]` address:

- RCPT TO another address: 550, this server takes mail for that address only;
- MAIL FROM an address no active user has: 550, with whom to ask;
- a mail from a known user logs a ticket at their home site, in `[mail_in]`'s category,
  by the channel `email`: the subject is the title, the text part (or the HTML part,
  as text) the description, every attachment an attachment of the ticket. Its impact
  and urgency are the organisation's middle levels (of an even number, the lower of
  the two middle ones): a mail says nothing of them, and the desk re-rates it;
- a mail whose subject holds the number of a ticket the sender may see adds a public
  comment to it (the text above the quoted earlier mail), with its attachments; a
  reply to a closed or cancelled ticket logs a new ticket that names the old one;
- a message that cannot be read whole: 550, and logged.

Each message is one server command (server.own_commands): the ticket or the comment,
its attachments and their content in one transaction, numbered for the feed so that
devices pull it; a message refused or failing half way leaves nothing. A database
that cannot be reached answers 451, so that the sending server tries again later.

The sender's address is taken as the mail says it (the SMTP envelope): put the
listener behind the organisation's mail server, which checks senders (SPF, DKIM,
DMARC) and relays only mail to the desk's address (see server/README.md)."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from hashlib import sha256
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, OperationalError

from core.clock import utcnow
from core.errors import BranchdeskError, InvalidInput, NotFound
from core.ids import SYSTEM_USER_ID
from core.models import User
from core.orgspec import PrioritySpec
from core.reference import UserInfo
from core.services import attachments, tickets
from core.uow import UnitOfWork
from server.db import Database
from server.deps import ReferenceCache
from server.mail_message import Incoming, TooLarge, Unreadable, read_message, reply_text
from server.models import Blob
from server.own_commands import server_command

log = logging.getLogger("branchdesk.mail_in")

DATA_LIMIT = 40 * 1024 * 1024  # an attachment of 20 MiB is about 27 MiB in base64
REPLY_MAX = 400


def middle_level(levels: tuple[str, ...]) -> str:
    """The middle of levels listed from the highest down; of an even number, the lower one."""
    return levels[len(levels) // 2]


def mail_impact_urgency(priority: PrioritySpec) -> tuple[str, str]:
    return middle_level(priority.impact), middle_level(priority.urgency)


def smtp_text(text: str) -> str:
    """One line of printable ASCII, as an SMTP reply must be."""
    flat = " ".join(text.split()).encode("ascii", "replace").decode("ascii")
    return flat if len(flat) <= REPLY_MAX else flat[:REPLY_MAX - 3] + "..."


class Refused(Exception):
    """A reply other than 250, with its code."""

    def __init__(self, reply: str) -> None:
        super().__init__(reply)
        self.reply = reply


class MailDesk:
    """What the listener asks, without SMTP: whose address, which mailbox, and taking a
    message. Each question reads the database afresh, so a changed organisation file
    or a new user counts at once."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.clock = clock
        self.refs = ReferenceCache()

    def address(self) -> str | None:
        with self.db.read() as session:
            spec = getattr(self.refs.get(session).spec, "mail_in", None)
        return spec.address if spec is not None else None

    def check_recipient(self, address: str) -> str | None:
        """None when mail to `address` is taken, else the refusal."""
        ours = self.address()
        if ours is None:
            return "550 5.1.1 this server takes no mail: the organisation file has no [mail_in] address"
        if address.strip().lower() != ours.lower():
            return smtp_text(f"550 5.1.1 <{address}>: no such mailbox here; this is the service desk, "
                             f"which takes mail for <{ours}> only")
        return None

    def check_sender(self, address: str) -> str | None:
        """None when `address` is an active user's, else the refusal."""
        if not address:
            return "550 5.7.1 mail without a sender (a bounce) is not taken; the service desk sends no mail to bounce"
        with self.db.read() as session:
            found = self._sender(session, address)
        return found if isinstance(found, str) else None

    def _sender(self, session: Any, address: str) -> UserInfo | str:
        ids = list(session.scalars(select(User.id).where(
            func.lower(User.email) == address.strip().lower(), User.id != SYSTEM_USER_ID, User.active.is_(True))))
        if not ids:
            return smtp_text(f"550 5.7.1 <{address}>: no Branchdesk user has this address, so its mail cannot "
                             "log a ticket; ask the service desk to add it to your account, or log the ticket "
                             "in Branchdesk")
        if len(ids) > 1:
            return smtp_text(f"550 5.7.1 <{address}>: more than one Branchdesk user has this address, so whose "
                             "ticket it is cannot be told; ask the service desk to fix the accounts")
        user = self.refs.get(session).users.get(ids[0])
        if user is None or not user.active:
            return smtp_text(f"550 5.7.1 <{address}>: this account is disabled")
        return user

    def take(self, sender: str, content: bytes) -> str:
        """Store one message; the SMTP reply to its DATA."""
        try:
            incoming = read_message(content)
        except Unreadable as exc:
            log.warning("message refused: unreadable", extra={"fields": {"sender": sender, "reason": str(exc),
                                                                           "bytes": len(content)}})
            return smtp_text(f"550 5.6.0 the message cannot be read: {exc}; nothing was stored")
        except TooLarge as exc:
            log.warning("message refused: too large", extra={"fields": {"sender": sender, "reason": str(exc)}})
            return smtp_text(f"552 5.3.4 {exc}; nothing was stored")
        try:
            reply, fields = self._store(sender, incoming)
        except Refused as exc:
            log.info("message refused", extra={"fields": {"sender": sender, "reply": exc.reply}})
            return exc.reply
        except (OperationalError, DBAPIError) as exc:
            reason = str(getattr(exc, "orig", exc)).strip().splitlines()
            log.error("database unavailable; the sender will retry",
                      extra={"fields": {"sender": sender, "error": reason[0] if reason else type(exc).__name__}})
            return "451 4.3.0 the service desk's database cannot be reached; try again later"
        except BranchdeskError as exc:
            log.info("message refused", extra={"fields": {"sender": sender, "reason": str(exc)}})
            return smtp_text(f"550 5.7.0 {exc}; nothing was stored")
        log.info("message taken", extra={"fields": {"sender": sender, **fields}})
        return reply

    def _store(self, sender: str, incoming: Incoming) -> tuple[str, dict[str, Any]]:
        with server_command(self.db, self.refs.get, self.clock()) as uow:
            found = self._sender(uow.session, sender)
            if isinstance(found, str):
                raise Refused(found)
            actor = found
            spec = getattr(uow.ref.spec, "mail_in", None)
            if spec is None:
                raise Refused("550 5.1.1 this server takes no mail: the organisation file has no [mail_in] address")
            ticket, earlier = self._replied_to(uow, actor, incoming)
            if ticket is not None:
                text = reply_text(incoming.text)
                if not text and not incoming.attachments:
                    raise Refused(f"550 5.6.0 the reply to {ticket.number} holds no text and no attachment; "
                                  "nothing was stored")
                if text:
                    tickets.comment(uow, actor, ticket.number, text)
                self._attach(uow, actor, ticket.number, incoming)
                return (f"250 2.0.0 added to ticket {ticket.number}",
                        {"ticket": ticket.number, "reply": True, "attachments": len(incoming.attachments)})
            made = self._new_ticket(uow, actor, spec.category, incoming, earlier)
            self._attach(uow, actor, made.number, incoming)
            return (f"250 2.0.0 logged as ticket {made.number}",
                    {"ticket": made.number, "reply": False, "attachments": len(incoming.attachments)})

    def _replied_to(self, uow: UnitOfWork, actor: UserInfo, incoming: Incoming) -> tuple[Any, str | None]:
        """The open ticket the subject names and the sender sees, or (None, the number of
        a closed one it names)."""
        earlier = None
        for number in incoming.numbers():
            try:
                ticket = tickets.find_ticket(uow, actor, number)
            except NotFound:
                continue
            if ticket.status in ("closed", "cancelled"):
                earlier = earlier or ticket.number
                continue
            return ticket, None
        return None, earlier

    def _new_ticket(self, uow: UnitOfWork, actor: UserInfo, category: str, incoming: Incoming,
                    earlier: str | None) -> Any:
        if actor.site_id is None:
            raise Refused(smtp_text(f"550 5.7.0 {actor.username} has no home site in Branchdesk, so a mail "
                                    "cannot say where the problem is; log the ticket in Branchdesk"))
        title = incoming.subject or f"Mail from {actor.name}"
        if len(title) > tickets.TITLE_MAX:
            title = title[:tickets.TITLE_MAX - 1] + "…"
        description = incoming.text
        if earlier is not None:
            description = f"Follow-up to ticket {earlier}, which is closed.\n\n{description}".strip()
        impact, urgency = mail_impact_urgency(uow.ref.spec.priority)
        try:
            return tickets.create(uow, actor, tickets.NewTicket(
                title=title, category=category, impact=impact, urgency=urgency, description=description,
                channel="email",
            ))
        except InvalidInput as exc:
            raise Refused(smtp_text(f"550 5.7.0 the ticket cannot be logged: {exc}; nothing was stored")) from None

    def _attach(self, uow: UnitOfWork, actor: UserInfo, number: str, incoming: Incoming) -> None:
        now = uow.now()
        for name, data in incoming.attachments:
            digest = sha256(data).hexdigest()
            if uow.session.get(Blob, digest) is None:
                uow.session.add(Blob(sha256=digest, size=len(data), data=data, created_at=now))
                uow.session.flush()
            attachments.add_attachment(uow, actor, number, name, digest, len(data))


class MailHandler:
    """aiosmtpd's handler: the refusals at MAIL and RCPT, the message at DATA. The
    database work runs in a thread, so one slow message holds up no other connection."""

    def __init__(self, desk: MailDesk) -> None:
        self.desk = desk

    async def _run(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str,
                          mail_options: list[str]) -> str:
        try:
            refusal = await self._run(self.desk.check_sender, address)
        except (OperationalError, DBAPIError):
            return "451 4.3.0 the service desk's database cannot be reached; try again later"
        if refusal is not None:
            log.info("sender refused", extra={"fields": {"sender": address, "peer": str(session.peer)}})
            return str(refusal)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        try:
            refusal = await self._run(self.desk.check_recipient, address)
        except (OperationalError, DBAPIError):
            return "451 4.3.0 the service desk's database cannot be reached; try again later"
        if refusal is not None:
            log.info("recipient refused", extra={"fields": {"recipient": address, "sender": envelope.mail_from}})
            return str(refusal)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or b""
        try:
            return str(await self._run(self.desk.take, envelope.mail_from, content))
        except Exception:  # never a dropped connection: the sender is told to try again
            log.exception("message not stored", extra={"fields": {"sender": envelope.mail_from}})
            return "451 4.3.0 the service desk could not store the message; try again later"


def controller(desk: MailDesk, host: str, port: int) -> Any:
    from aiosmtpd.controller import Controller

    return Controller(MailHandler(desk), hostname=host, port=port, server_hostname="branchdesk-mail-in",
                      ident="Branchdesk mail-in", data_size_limit=DATA_LIMIT, enable_SMTPUTF8=True)


def serve(url: str, host: str, port: int) -> int:
    db = Database(url)
    try:
        desk = MailDesk(db)
        address = desk.address()
        if address is None:
            raise InvalidInput("the organisation file has no [mail_in] table: add one with the desk's address "
                               "and the category of mailed tickets, then 'branchdesk-server init --org FILE'",
                               "mail_in")
        listener = controller(desk, host, port)
        listener.start()
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        sys.stderr.write(f"branchdesk-server: taking mail for {address} on smtp://{host}:{port}\n")
        sys.stderr.flush()
        log.info("mail-in started", extra={"fields": {"address": address, "host": host, "port": port,
                                                      "database": db.display}})
        try:
            while not stop.wait(1.0):
                pass
        finally:
            listener.stop()
            log.info("mail-in stopped")
    finally:
        db.dispose()
    return 0
