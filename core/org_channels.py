"""The organisation file's notification channels (DESIGN §13): outgoing mail, chat
webhooks and incoming mail. Secrets are named by environment variable, never written."""

from __future__ import annotations

import re
from email.utils import parseaddr

from core.org_reader import EMAIL, ReaderBase
from core.orgspec import MAIL_SECURITY, WEBHOOK_KINDS, EmailChannelSpec, MailInSpec, WebhookSpec
from core.toml_table import Table, quote

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# the usual port of each kind of SMTP connection
SMTP_PORTS = {"none": 25, "starttls": 587, "tls": 465}


class ChannelReader(ReaderBase):
    def channels(self, t: Table | None) -> tuple[EmailChannelSpec | None, list[WebhookSpec]]:
        if t is None:
            return None, []
        email_table = t.table("email")
        email = self.email_channel(email_table) if email_table is not None else None
        webhooks = [self.webhook(w) for w in t.tables("webhook")]
        self.unique(((f"{t.at('webhook')}[{i}].name", w.name) for i, w in enumerate(webhooks) if w.name),
                    "webhook name")
        return email, webhooks

    def env_name(self, t: Table, key: str, required: bool) -> str | None:
        """The name of an environment variable holding a secret (its value is never in the file)."""
        name = t.text(key, required)
        if name is not None and not _ENV_NAME.fullmatch(name):
            self.problem(t.at(key), f"{quote(name)} is not the name of an environment variable (letters, "
                                    'digits and "_", e.g. "BRANCHDESK_SMTP_PASSWORD"); the secret itself '
                                    "never goes in this file")
            return None
        return name

    def email_channel(self, t: Table) -> EmailChannelSpec | None:
        host, sender = t.text("host"), t.text("from")
        security = t.text("security", required=False) or "starttls"
        known = self.one_of(t.at("security"), security, "a kind of connection", MAIL_SECURITY)
        port = t.integer("port", SMTP_PORTS.get(security, 587), 1, 65535)
        username = t.text("username", required=False)
        password_env = self.env_name(t, "password_env", required=False)
        if "password_env" in t.data and "username" not in t.data:
            self.problem(t.at("password_env"), "a password needs a username (add username = \"...\")")
        if sender is not None and not EMAIL.fullmatch(parseaddr(sender)[1]):
            self.problem(t.at("from"), f"{quote(sender)} is not an e-mail address "
                                       '(write "desk@example.com" or "Service desk <desk@example.com>")')
        if host is None or sender is None or not known:
            return None
        return EmailChannelSpec(host=host, sender=sender, port=port, security=security, username=username,
                                password_env=password_env)

    def webhook(self, t: Table) -> WebhookSpec:
        name, kind = t.text("name") or "", t.text("kind") or ""
        if kind:
            self.one_of(t.at("kind"), kind, "a kind of webhook", WEBHOOK_KINDS)
        url_env = self.env_name(t, "url_env", required=True)
        if "url" in t.data:
            t.asked.add("url")
            self.problem(t.at("url"), "a webhook's address is a secret: put it in an environment variable and "
                                      "name the variable in url_env")
        teams = t.strings("teams", required=True) or []
        if "teams" in t.data and not t.data["teams"]:
            self.problem(t.at("teams"), "must not be empty: list the teams whose tickets the channel is told of")
        for path, code in teams:
            self.ref(path, "team", code)
        self.unique(teams, "team")
        return WebhookSpec(name=name, kind=kind, url_env=url_env or "",
                           teams=tuple(dict.fromkeys(v for _, v in teams)))

    def mail_in(self, t: Table | None) -> MailInSpec | None:
        if t is None:
            return None
        address, category = t.text("address"), t.text("category")
        if address is not None and not EMAIL.fullmatch(address):
            self.problem(t.at("address"), f"{quote(address)} is not an e-mail address")
        self.ref(t.at("category"), "category", category)
        if address is None or category is None:
            return None
        return MailInSpec(address=address, category=category)
