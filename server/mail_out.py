"""Mail out over SMTP with the standard library ([channels.email], DESIGN §13).

`build_message` writes one notification as a mail in its recipient's language: plain
text and HTML alternatives, the ticket number and title in the subject, a Message-ID
derived from the notification's id, and In-Reply-To/References naming one id per
ticket, so a mail client threads a ticket's mails. `Mailer` keeps one SMTP
connection for a pass and says how each sending went."""

from __future__ import annotations

import html
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr

from core.orgspec import EmailChannelSpec
from server import notice_texts as texts
from server.notice_data import Notice, Outcome

TIMEOUT = 30.0  # seconds for the connection and each reply of the mail server


def mail_domain(sender: str) -> str:
    address = parseaddr(sender)[1]
    return address.rpartition("@")[2] or "branchdesk.invalid"


def thread_id(notice: Notice, domain: str) -> str:
    """The Message-ID every mail about the ticket refers to, so they thread together."""
    return f"<ticket-{notice.ticket_id}@{domain}>"


def subject(notice: Notice) -> str:
    return f"[{notice.number}] {notice.title} ({texts.headline(notice.reason, notice.language)})"


def _facts(notice: Notice) -> list[tuple[str, str]]:
    w = texts.words(notice.language)
    facts = [(w["ticket"], notice.number), (w["title"], notice.title), (w["priority"], notice.priority),
             (w["site"], f"{notice.site_code} {notice.site_name}"),
             (w["status"], texts.status_word(notice.status, notice.language))]
    if notice.team:
        facts.append((w["team"], notice.team))
    return facts


def _reply_line(notice: Notice, reply_to: str | None) -> str:
    w = texts.words(notice.language)
    if reply_to:
        return w["reply_mail"].format(address=reply_to, number=notice.number)
    return w["reply_app"].format(number=notice.number)


def plain_body(notice: Notice, reply_to: str | None) -> str:
    w = texts.words(notice.language)
    width = max(len(label) for label, _ in _facts(notice)) + 1
    lines = [w["greeting"].format(name=notice.name or ""), "", w["intro"].format(number=notice.number), "",
             f"{texts.headline(notice.reason, notice.language)}", ""]
    if notice.note:
        lines += [f"{w['what']}:", *(f"  {line}" for line in notice.note.splitlines()), ""]
    lines += [f"{label + ':':<{width}} {value}" for label, value in _facts(notice)]
    if (rate := texts.rating_request(notice.reason, notice.language, notice.number)) is not None:
        lines += ["", rate]
    lines += ["", _reply_line(notice, reply_to), "", "-- ", w["footer"].format(org=notice.organisation)]
    return "\n".join(lines) + "\n"


def html_body(notice: Notice, reply_to: str | None) -> str:
    w = texts.words(notice.language)
    e = html.escape
    rows = "".join(f"<tr><th align=\"left\" style=\"padding-right:1em\">{e(label)}</th><td>{e(value)}</td></tr>"
                   for label, value in _facts(notice))
    note = ""
    if notice.note:
        note = (f"<p><b>{e(w['what'])}:</b></p>"
                f"<blockquote style=\"white-space:pre-wrap\">{e(notice.note)}</blockquote>")
    return (
        f"<!DOCTYPE html><html lang=\"{e(notice.language)}\"><head><meta charset=\"utf-8\"></head><body>"
        f"<p>{e(w['greeting'].format(name=notice.name or ''))}</p>"
        f"<p>{e(w['intro'].format(number=notice.number))}</p>"
        f"<h2>{e(texts.headline(notice.reason, notice.language))}</h2>{note}"
        f"<table>{rows}</table>{_rate_html(notice)}"
        f"<p>{e(_reply_line(notice, reply_to))}</p>"
        f"<p style=\"color:#666\">{e(w['footer'].format(org=notice.organisation))}</p>"
        "</body></html>\n"
    )


def _rate_html(notice: Notice) -> str:
    rate = texts.rating_request(notice.reason, notice.language, notice.number)
    return f"<p><b>{html.escape(rate)}</b></p>" if rate is not None else ""


def build_message(notice: Notice, channel: EmailChannelSpec, reply_to: str | None) -> EmailMessage:
    domain = mail_domain(channel.sender)
    thread = thread_id(notice, domain)
    message = EmailMessage()
    message["Subject"] = subject(notice)
    message["From"] = channel.sender
    message["To"] = formataddr((notice.name or "", notice.email or ""))
    if reply_to:
        message["Reply-To"] = reply_to
    message["Date"] = format_datetime(notice.occurred_at)
    message["Message-ID"] = f"<{notice.notification_id}@{domain}>"
    message["In-Reply-To"] = thread
    message["References"] = thread
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to it
    message["X-Branchdesk-Ticket"] = notice.number
    message.set_content(plain_body(notice, reply_to))
    message.add_alternative(html_body(notice, reply_to), subtype="html")
    message["Content-Language"] = texts.language(notice.language)  # after: the body takes Content-* headers
    return message


def _code_outcome(code: int, what: str) -> Outcome:
    """A mail server's answer: 5xx will never change, 4xx is "try later"."""
    if 500 <= code < 600:
        return Outcome.refused(f"the mail server refused {what}")
    return Outcome.retry(f"the mail server deferred {what}")


def _text(reply: bytes | str) -> str:
    return (reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)).strip()


class Mailer:
    """One SMTP connection for a pass, opened when the first mail is due."""

    def __init__(self, channel: EmailChannelSpec, password: str | None, timeout: float = TIMEOUT) -> None:
        self.channel = channel
        self.password = password
        self.timeout = timeout
        self.smtp: smtplib.SMTP | None = None

    def open(self) -> Outcome | None:
        """Connect and log in; None when ready, else why the server cannot be used now."""
        c = self.channel
        where = f"{c.host}:{c.port}"
        try:
            if c.security == "tls":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(c.host, c.port, timeout=self.timeout,
                                                      context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(c.host, c.port, timeout=self.timeout)
            try:
                smtp.ehlo()
                if c.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
                    smtp.ehlo()
                if c.username:
                    smtp.login(c.username, self.password or "")
            except BaseException:
                smtp.close()
                raise
        except smtplib.SMTPAuthenticationError as exc:
            return Outcome.unreachable(f"the mail server {where} refused the login of {c.username}: "
                                       f"{exc.smtp_code} {_text(exc.smtp_error)}")
        except smtplib.SMTPNotSupportedError as exc:
            return Outcome.unreachable(f"the mail server {where}: {exc}")
        except (smtplib.SMTPException, OSError) as exc:
            return Outcome.unreachable(f"cannot reach the mail server {where}: {exc or type(exc).__name__}")
        self.smtp = smtp
        return None

    def send(self, message: EmailMessage) -> Outcome:
        if self.smtp is None:
            return Outcome.unreachable("not connected to the mail server")
        try:
            refused = self.smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reply = next(iter(exc.recipients.values()), (550, b""))
            return _code_outcome(code, f"the recipient: {code} {_text(reply)}")
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            return _code_outcome(exc.smtp_code, f"the mail: {exc.smtp_code} {_text(exc.smtp_error)}")
        except (smtplib.SMTPException, OSError) as exc:
            self.close()  # the connection is gone; the next mail waits for the next pass
            return Outcome.retry(f"the connection to the mail server broke: {exc or type(exc).__name__}")
        if refused:
            code, reply = next(iter(refused.values()))
            return _code_outcome(code, f"the recipient: {code} {_text(reply)}")
        return Outcome.sent()

    @property
    def connected(self) -> bool:
        return self.smtp is not None

    def close(self) -> None:
        if self.smtp is None:
            return
        smtp, self.smtp = self.smtp, None
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
