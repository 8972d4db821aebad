"""The organisation file's channels (DESIGN §13): [channels.email], [[channels.webhook]],
[mail_in] and each user's notify and language, read into the spec, and every bad
value refused with its key named. Secrets are names of environment variables; the
server's init checks they are set."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.orgfile import OrgFileError, load_org, parse_org
from core.orgspec import EmailChannelSpec, MailInSpec, WebhookSpec
from server.setup import missing_secrets

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests" / "server" / "fixtures" / "org.toml").read_text(encoding="utf-8")

CHANNELS = """
[channels.email]
host = "smtp.example.com"
security = "starttls"
username = "desk@example.com"
password_env = "BRANCHDESK_SMTP_PASSWORD"
from = "Service desk <desk@example.com>"

[[channels.webhook]]
name = "field"
kind = "teams"
url_env = "BRANCHDESK_HOOK_FIELD"
teams = ["FIELD"]

[mail_in]
address = "desk@example.com"
category = "Hardware"
"""


def problems(extra: str, base: str = BASE) -> list[str]:
    with pytest.raises(OrgFileError) as refused:
        parse_org(base + extra)
    return refused.value.problems


def test_channels_are_read_into_the_spec():
    spec = parse_org(BASE + CHANNELS)
    assert spec.email == EmailChannelSpec(host="smtp.example.com", sender="Service desk <desk@example.com>",
                                          port=587, security="starttls", username="desk@example.com",
                                          password_env="BRANCHDESK_SMTP_PASSWORD")
    assert spec.webhooks == (WebhookSpec(name="field", kind="teams", url_env="BRANCHDESK_HOOK_FIELD",
                                         teams=("FIELD",)),)
    assert spec.mail_in == MailInSpec(address="desk@example.com", category="Hardware")
    assert all(u.notify == ("email", "desktop") and u.language == "en" for u in spec.users)


def test_without_channels_nothing_is_sent():
    spec = parse_org(BASE)
    assert (spec.email, spec.webhooks, spec.mail_in) == (None, (), None)


def test_the_port_follows_the_security_unless_given():
    tls = parse_org(BASE + '[channels.email]\nhost = "h"\nsecurity = "tls"\nfrom = "d@example.com"\n')
    plain = parse_org(BASE + '[channels.email]\nhost = "h"\nsecurity = "none"\nport = 2525\nfrom = "d@example.com"\n')
    assert (tls.email and tls.email.port, plain.email and plain.email.port) == (465, 2525)


def test_a_mail_server_without_host_or_from_or_with_an_unknown_security_is_refused():
    assert problems('[channels.email]\nsecurity = "ssl"\nport = 0\n') == [
        "channels.email.host: missing",
        "channels.email.from: missing",
        'channels.email.security: "ssl" is not a kind of connection (one of none, starttls, tls)',
        "channels.email.port: 0 is out of range (1 to 65535)",
    ]
    assert problems('[channels.email]\nhost = "h"\nfrom = "desk"\npassword_env = "SMTP PASS"\n') == [
        'channels.email.password_env: "SMTP PASS" is not the name of an environment variable (letters, digits '
        'and "_", e.g. "BRANCHDESK_SMTP_PASSWORD"); the secret itself never goes in this file',
        'channels.email.password_env: a password needs a username (add username = "...")',
        'channels.email.from: "desk" is not an e-mail address (write "desk@example.com" or '
        '"Service desk <desk@example.com>")',
    ]
    assert problems('[channels.email]\nhost = "h"\nfrom = "d@example.com"\npassword = "secret"\n') == [
        "channels.email.password: unknown key (did you mean \"password_env\"?)"]


def test_a_webhook_needs_a_variable_a_known_kind_and_known_teams():
    assert problems('[[channels.webhook]]\nname = "x"\nkind = "discord"\nurl = "https://hooks.example/1"\n'
                    'teams = ["FEILD"]\n') == [
        'channels.webhook[0].kind: "discord" is not a kind of webhook (one of teams, slack, json)',
        "channels.webhook[0].url_env: missing",
        "channels.webhook[0].url: a webhook's address is a secret: put it in an environment variable and name "
        "the variable in url_env",
        'channels.webhook[0].teams[0]: unknown team "FEILD" (did you mean "FIELD"?)',
    ]
    twice = '[[channels.webhook]]\nname = "x"\nkind = "json"\nurl_env = "A"\nteams = []\n' * 2
    assert problems(twice) == [
        "channels.webhook[0].teams: must not be empty: list the teams whose tickets the channel is told of",
        "channels.webhook[1].teams: must not be empty: list the teams whose tickets the channel is told of",
        'channels.webhook[1].name: duplicate webhook name "x" (also at channels.webhook[0].name)',
    ]


def test_mail_in_needs_an_address_and_an_existing_category():
    assert problems('[mail_in]\naddress = "desk"\ncategory = "Hardwar"\n') == [
        'mail_in.address: "desk" is not an e-mail address',
        'mail_in.category: unknown category "Hardwar" (did you mean "Hardware"?)',
    ]


def test_a_users_notify_channels_and_language_are_checked():
    base = BASE.replace('username = "anna"\n', 'username = "anna"\nnotify = ["email", "sms", "email"]\n'
                                               'language = "de"\n', 1)
    found = problems("", base)
    assert any(p.endswith('.notify[1]: "sms" is not a notification channel (one of email, desktop)') for p in found)
    assert any(p.endswith('.notify[2]: duplicate channel "email" (also at ' + p.split(".notify")[0] + '.notify[0])')
               for p in found)
    assert any(p.endswith('.language: "de" is not a language (one of en, pl)') for p in found)
    nobody = BASE.replace('username = "root"\n', 'username = "root"\nnotify = ["email"]\n', 1)
    assert any(p.endswith('.notify[0]: mail needs the user\'s email address (add email = "...")')
               for p in problems("", nobody))
    quiet = parse_org(BASE.replace('username = "anna"\n', 'username = "anna"\nnotify = ["desktop"]\n'
                                                          'language = "pl"\n', 1))
    anna = next(u for u in quiet.users if u.username == "anna")
    assert (anna.notify, anna.language) == (("desktop",), "pl")


def test_init_names_each_secret_missing_from_the_environment():
    spec = parse_org(BASE + CHANNELS)
    assert missing_secrets(spec, {}) == [
        "channels.email.password_env: the environment variable BRANCHDESK_SMTP_PASSWORD is not set (it holds "
        "the mail server's password)",
        "channels.webhook[0].url_env: the environment variable BRANCHDESK_HOOK_FIELD is not set (it holds the "
        "address of webhook 'field')",
    ]
    assert missing_secrets(spec, {"BRANCHDESK_SMTP_PASSWORD": "x", "BRANCHDESK_HOOK_FIELD": "https://h"}) == []


def test_the_demo_speaks_polish_in_poland_and_english_in_lithuania():
    spec = load_org(ROOT / "resources" / "demo-org.toml")
    sites = {site.code: site.country for site in spec.sites}
    for user in spec.users:
        if user.site and sites.get(user.site) == "LT":
            assert user.language == "en", user.username
        elif user.site and sites.get(user.site) == "PL":
            assert user.language == "pl", user.username
    assert spec.email is not None and spec.mail_in is not None
