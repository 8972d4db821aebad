"""An organisation file with every personal field filled in, for the tests of what
each role receives (server/README.md, "Reference data by role"): every user gets
an e-mail address at CONTACT_DOMAIN, a mail language and a notification choice,
and the file gets an SMTP login and an integration account."""

from __future__ import annotations

import re

CONTACT_DOMAIN = "contacts.example"
SMTP_LOGIN = f"smtp-login@{CONTACT_DOMAIN}"
INTEGRATION = "hook"


def address(username: str) -> str:
    return f"{username}@{CONTACT_DOMAIN}"


def with_contacts(source: str, integration_password: str) -> str:
    """`source` with the personal fields added to every [[users]] table."""

    def personal(match: re.Match[str]) -> str:
        return (f'{match[0]}email = "{address(match[1])}"\nlanguage = "pl"\n'
                'notify = ["email", "desktop"]\n')

    source = re.sub(r'^username = "([^"]+)"\n', personal, source, flags=re.M)
    assert "[channels" not in source
    return source + (
        f'\n[[users]]\nusername = "{INTEGRATION}"\nname = "Monitoring hook"\nrole = "integration"\n'
        f'email = "{address(INTEGRATION)}"\npassword = "{integration_password}"\n'
        '\n[channels.email]\nhost = "127.0.0.1"\nport = 1025\nsecurity = "none"\n'
        f'username = "{SMTP_LOGIN}"\nfrom = "Service desk <desk@desk.example>"\n'
    )
