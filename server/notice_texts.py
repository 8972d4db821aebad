"""The words of the notifications the server sends, in English and Polish: a mail in
its recipient's language, a chat post in English (a channel has no one language).
Plain dictionaries, no Qt: the server has no translation machinery and needs none."""

from __future__ import annotations

LANGUAGES = ("en", "pl")

# what happened, as a mail's subject and a post's headline say it (the notice's reason)
HEADLINES = {
    "en": {
        "assigned": "Assigned", "reply": "New reply", "status": "Status changed", "resolved": "Resolved",
        "sla_warning": "SLA target at risk", "sla_breach": "SLA target breached", "escalation": "Escalated",
        "major": "Major incident", "major_resolved": "Major incident resolved",
    },
    "pl": {
        "assigned": "Przydzielono", "reply": "Nowa odpowiedź", "status": "Zmiana statusu",
        "resolved": "Rozwiązano", "sla_warning": "Zagrożony termin SLA", "sla_breach": "Przekroczony termin SLA",
        "escalation": "Eskalacja", "major": "Poważna awaria", "major_resolved": "Poważna awaria usunięta",
    },
}
FALLBACK_HEADLINE = {"en": "Update", "pl": "Aktualizacja"}

STATUSES = {
    "en": {"new": "new", "assigned": "assigned", "in_progress": "in progress", "pending": "on hold",
           "resolved": "resolved", "closed": "closed", "cancelled": "cancelled"},
    "pl": {"new": "nowe", "assigned": "przydzielone", "in_progress": "w realizacji", "pending": "wstrzymane",
           "resolved": "rozwiązane", "closed": "zamknięte", "cancelled": "anulowane"},
}

WORDS = {
    "en": {
        "greeting": "Hello {name},",
        "intro": "there is news about ticket {number}:",
        "what": "What happened",
        "ticket": "Ticket", "title": "Title", "priority": "Priority", "site": "Site", "status": "Status",
        "team": "Team",
        "reply_mail": "To reply, answer this mail (it goes to {address}) and keep {number} in the subject.",
        "reply_app": "To reply, open ticket {number} in Branchdesk.",
        "footer": "You get this mail from the Branchdesk service desk of {org}.",
        "rate": "How did we do? Please rate ticket {number} in Branchdesk: how satisfied you are and how easy "
                "it was to get this solved, each from 1 to 5 (you may change your rating until the ticket is "
                "closed).",
    },
    "pl": {
        "greeting": "Dzień dobry, {name},",
        "intro": "mamy wiadomość w sprawie zgłoszenia {number}:",
        "what": "Co się stało",
        "ticket": "Zgłoszenie", "title": "Tytuł", "priority": "Priorytet", "site": "Lokalizacja",
        "status": "Status", "team": "Zespół",
        "reply_mail": "Aby odpowiedzieć, odpisz na tę wiadomość (trafi na adres {address}) i zostaw {number} "
                      "w temacie.",
        "reply_app": "Aby odpowiedzieć, otwórz zgłoszenie {number} w programie Branchdesk.",
        "footer": "Tę wiadomość wysłał dział wsparcia (Branchdesk) organizacji {org}.",
        "rate": "Jak nam poszło? Oceń zgłoszenie {number} w programie Branchdesk: jak bardzo jesteś zadowolony "
                "i jak łatwo było załatwić sprawę, w skali od 1 do 5 (ocenę można zmienić, dopóki zgłoszenie nie "
                "zostanie zamknięte).",
    },
}


def language(code: str | None) -> str:
    return code if code in LANGUAGES else "en"


def headline(reason: str, lang: str) -> str:
    lang = language(lang)
    return HEADLINES[lang].get(reason, FALLBACK_HEADLINE[lang])


def status_word(status: str, lang: str) -> str:
    return STATUSES[language(lang)].get(status, status)


def words(lang: str) -> dict[str, str]:
    return WORDS[language(lang)]


def rating_request(reason: str, lang: str, number: str) -> str | None:
    """The line that asks the requester to rate her ticket (DESIGN §15), in the mail
    that tells her it was resolved; None for every other notice."""
    return words(lang)["rate"].format(number=number) if reason == "resolved" else None
